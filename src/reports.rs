//! Analytics (`rolo report`): the funnel from the deals' stage history,
//! revenue per period, lead sources, and activity (notes) per period, kind and owner.
//!
//! Pure functions over [`View`]s and the [`Config`], returning the rows of the documented
//! JSON shapes; printing them (table, JSON, CSV) is the CLI's job. Amounts stay per
//! currency; an empty book gives empty rows, never an error.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::config::Config;
use crate::dates::When;
use crate::model::facts::LastContacts;
use crate::model::{Kind, View};
use crate::pipeline::{
    Money, Range, created_at, currency, median, owner, round, same_stage, won_at,
};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelStage {
    pub stage: String,
    /// Deals that reached this stage or a later one (lost does not count as later).
    pub reached: usize,
    /// Share of them that reached the next stage; none for the last or when none reached.
    pub conversion: Option<f64>,
    /// Median days between entering this stage and the next history entry.
    pub median_days: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Funnel {
    pub stages: Vec<FunnelStage>,
    /// won / (won + lost), by the deals' current stage.
    pub win_rate: Option<f64>,
    /// Median days from `created` to the history entry that reached won.
    pub median_cycle_days: Option<f64>,
}

/// The funnel over deals created within `range`. Stages are the pipeline's in order, lost
/// left out and won last.
pub fn funnel<V: View>(deals: &[V], config: &Config, range: Range) -> Funnel {
    let p = &config.pipeline;
    let mut order: Vec<&String> =
        p.stages.iter().filter(|s| **s != p.won && **s != p.lost).collect();
    order.push(&p.won);
    let rank = |stage: &str| order.iter().position(|s| same_stage(s, stage));
    let mut reached = vec![0usize; order.len()];
    let mut days: Vec<Vec<f64>> = vec![Vec::new(); order.len()];
    let (mut won, mut lost) = (0usize, 0usize);
    let mut cycles = Vec::new();
    for deal in deals.iter().filter(|d| range.holds(created_at(*d))) {
        let mut history = deal.history();
        history.sort_by_key(|(_, at)| at.instant());
        let current = deal.str("stage").unwrap_or_default();
        let furthest = history
            .iter()
            .map(|(s, _)| s.as_str())
            .chain(std::iter::once(current))
            .filter_map(rank)
            .max();
        if let Some(top) = furthest {
            for r in &mut reached[..=top] {
                *r += 1;
            }
        }
        for pair in history.windows(2) {
            if let Some(i) = rank(&pair[0].0) {
                days[i].push(days_between(pair[0].1, pair[1].1));
            }
        }
        if same_stage(current, &p.won) {
            won += 1;
            if let (Some(start), Some(end)) = (created_at(deal), won_at(deal, config)) {
                cycles.push(days_between(start, end));
            }
        } else if same_stage(current, &p.lost) {
            lost += 1;
        }
    }
    let stages = order
        .iter()
        .enumerate()
        .map(|(i, s)| FunnelStage {
            stage: (*s).clone(),
            reached: reached[i],
            conversion: reached
                .get(i + 1)
                .filter(|_| reached[i] > 0)
                .map(|next| round(*next as f64 / reached[i] as f64, 4)),
            median_days: median(&days[i]).map(|d| round(d, 1)),
        })
        .collect();
    Funnel {
        stages,
        win_rate: rate(won, won + lost),
        median_cycle_days: median(&cycles).map(|d| round(d, 1)),
    }
}

fn days_between(a: When, b: When) -> f64 {
    (b.instant() - a.instant()).num_seconds() as f64 / 86_400.0
}

fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| round(part as f64 / whole as f64, 4))
}

/// How rows are bucketed in time (or by owner, for revenue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Quarter,
    Owner,
}

impl Period {
    /// `2026-W47`, `2026-11`, `2026-Q4`; `Owner` has no date form.
    pub fn of(self, day: NaiveDate) -> String {
        match self {
            Period::Week => {
                let w = day.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month | Period::Owner => format!("{}-{:02}", day.year(), day.month()),
            Period::Quarter => format!("{}-Q{}", day.year(), day.month0() / 3 + 1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevenueRow {
    pub period: String,
    pub currency: String,
    pub won: f64,
    pub count: usize,
}

/// Won value per period (or owner) and currency, by the day each deal was won.
pub fn revenue<V: View>(deals: &[V], config: &Config, range: Range, by: Period) -> Vec<RevenueRow> {
    let mut rows: BTreeMap<(String, String), (f64, usize)> = BTreeMap::new();
    for deal in deals
        .iter()
        .filter(|d| same_stage(d.str("stage").unwrap_or_default(), &config.pipeline.won))
    {
        let Some(day) = won_at(deal, config).map(|w| w.local_date()) else { continue };
        if !range.contains(day) {
            continue;
        }
        let period = if by == Period::Owner { owner(deal, config) } else { by.of(day) };
        let row = rows.entry((period, currency(deal, config))).or_default();
        row.0 += deal.number("value").unwrap_or(0.0);
        row.1 += 1;
    }
    rows.into_iter()
        .map(|((period, currency), (won, count))| RevenueRow {
            period,
            currency,
            won: round(won, 2),
            count,
        })
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceRow {
    /// `None` for records that say nowhere where they came from.
    pub source: Option<String>,
    pub contacts: usize,
    pub deals: usize,
    pub won: usize,
    pub won_value: Money,
    pub win_rate: Option<f64>,
}

/// Per lead source: contacts and deals created in range, won deals and their value, and
/// the win rate. A deal without a `source` takes its contact's.
pub fn sources<V: View>(
    contacts: &[V],
    deals: &[V],
    config: &Config,
    range: Range,
) -> Vec<SourceRow> {
    let contact_source: HashMap<&str, &str> =
        contacts.iter().filter_map(|c| Some((c.id(), c.str("source")?))).collect();
    let mut rows: BTreeMap<Option<String>, (SourceRow, usize)> = BTreeMap::new();
    fn row<'m>(
        rows: &'m mut BTreeMap<Option<String>, (SourceRow, usize)>,
        source: Option<&str>,
    ) -> &'m mut (SourceRow, usize) {
        let key = source.map(str::to_string);
        rows.entry(key.clone())
            .or_insert_with(|| (SourceRow { source: key, ..Default::default() }, 0))
    }
    for c in contacts.iter().filter(|c| range.holds(created_at(*c))) {
        row(&mut rows, c.str("source")).0.contacts += 1;
    }
    for d in deals.iter().filter(|d| range.holds(created_at(*d))) {
        let source = d
            .str("source")
            .or_else(|| d.str("contact").and_then(|c| contact_source.get(c)).copied());
        let (r, lost) = row(&mut rows, source);
        r.deals += 1;
        match d.str("stage") {
            Some(s) if same_stage(s, &config.pipeline.won) => {
                r.won += 1;
                *r.won_value.entry(currency(d, config)).or_default() +=
                    d.number("value").unwrap_or(0.0);
            }
            Some(s) if same_stage(s, &config.pipeline.lost) => *lost += 1,
            _ => {}
        }
    }
    // Named sources by name, then the records without one.
    let (mut named, unnamed): (Vec<_>, Vec<_>) =
        rows.into_values().partition(|(r, _)| r.source.is_some());
    named.extend(unnamed);
    named
        .into_iter()
        .map(|(mut r, lost)| {
            r.win_rate = rate(r.won, r.won + lost);
            for v in r.won_value.values_mut() {
                *v = round(*v, 2);
            }
            r
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityRow {
    pub period: String,
    pub kind: String,
    pub direction: Option<String>,
    pub owner: String,
    pub count: usize,
}

/// The keys [`activity`], [`owners_of`] and [`most_and_least_recent`] read of a record
/// (besides its type, id and path).
pub const ACTIVITY_KEYS: [&str; 7] =
    ["date", "owner", "about", "kind", "direction", "name", "title"];

/// Notes per period, kind, direction and owner. A note's owner is its own `owner`, else
/// that of the first record it is about that has one, else the book's default owner.
pub fn activity<'a, V: View>(
    notes: &'a [V],
    owners: &Owners<'a>,
    config: &'a Config,
    range: Range,
    by: Period,
) -> Vec<ActivityRow> {
    // Tens of thousands of notes fall into a few hundred rows: counted by day and by
    // the number of each kind, direction and owner (a few of each, kept together, so
    // that a count does not compare strings spread over every note), each day's period
    // named once.
    let mut periods: foldhash::HashMap<NaiveDate, String> = Default::default();
    let mut counts: foldhash::HashMap<(NaiveDate, u32, u32, u32), usize> = Default::default();
    let mut numbers: foldhash::HashMap<Box<str>, u32> = Default::default();
    let mut names: Vec<&str> = Vec::new();
    let mut number = |name: &'a str| -> u32 {
        if let Some(&n) = numbers.get(name) {
            return n;
        }
        let n = u32::try_from(names.len()).unwrap_or(u32::MAX);
        numbers.insert(name.into(), n);
        names.push(name);
        n
    };
    for note in notes {
        let Some(day) = note.when("date").map(|w| w.local_date()) else { continue };
        if !range.contains(day) {
            continue;
        }
        let owner = note
            .str("owner")
            .or_else(|| note.strs("about").iter().find_map(|a| owners.get(bare(a)).copied()))
            .unwrap_or(&config.defaults.owner);
        let kind = note.str("kind").unwrap_or("note");
        periods.entry(day).or_insert_with(|| by.of(day));
        let direction = note.str("direction").map_or(u32::MAX, &mut number);
        let key = (day, number(kind), direction, number(owner));
        *counts.entry(key).or_default() += 1;
    }
    let mut rows: BTreeMap<(&str, &str, Option<&str>, &str), usize> = BTreeMap::new();
    let name = |n: u32| names.get(n as usize).copied().unwrap_or_default();
    for ((day, kind, direction, owner), count) in counts {
        let period = periods.get(&day).map_or("", String::as_str);
        let direction = (direction != u32::MAX).then(|| name(direction));
        *rows.entry((period, name(kind), direction, name(owner))).or_default() += count;
    }
    rows.into_iter()
        .map(|((period, kind, direction, owner), count)| ActivityRow {
            period: period.to_string(),
            kind: kind.to_string(),
            direction: direction.map(String::from),
            owner: owner.to_string(),
            count,
        })
        .collect()
}

/// `contact/anna` → `anna`.
fn bare(reference: &str) -> &str {
    reference.rsplit_once('/').map_or(reference, |(_, id)| id)
}

/// Who owns each contact, company and deal, by id: asked for every note.
pub type Owners<'a> = foldhash::HashMap<&'a str, &'a str>;

/// Who owns each of `lists`' records (by id), for [`activity`]: its contacts, companies
/// and deals.
pub fn owners_of<'a, V: View>(lists: &[&'a [V]]) -> Owners<'a> {
    let mut owners = Owners::default();
    owners.reserve(lists.iter().map(|l| l.len()).sum());
    for list in lists {
        owners.extend(list.iter().filter_map(|r| Some((r.id(), r.str("owner")?))));
    }
    owners
}

/// A contact and the day of its newest note (none: never contacted).
#[derive(Debug, Clone, PartialEq)]
pub struct Contacted {
    pub id: String,
    pub name: String,
    pub last_contact: Option<NaiveDate>,
}

/// The `n` contacts talked to most recently, and the `n` least recently (never first).
pub fn most_and_least_recent<V: View>(
    contacts: &[V],
    last: &LastContacts,
    n: usize,
) -> (Vec<Contacted>, Vec<Contacted>) {
    let mut all: Vec<(Option<NaiveDate>, &str, &V)> = contacts
        .iter()
        .filter(|c| c.kind() == Kind::Contact)
        .map(|c| (last.get(Kind::Contact, c.id()).map(|w| w.local_date()), c.id(), c))
        .collect();
    // Oldest first (never contacted before anyone), ties by id; named only when shown.
    all.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let named = |&(last_contact, id, c): &(Option<NaiveDate>, &str, &V)| Contacted {
        id: id.to_string(),
        name: c.title(),
        last_contact,
    };
    let least: Vec<Contacted> = all.iter().take(n).map(named).collect();
    let most: Vec<Contacted> =
        all.iter().rev().filter(|c| c.0.is_some()).take(n).map(named).collect();
    (most, least)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods() {
        assert_eq!(Period::Month.of(d("2026-11-23")), "2026-11");
        assert_eq!(Period::Quarter.of(d("2026-01-01")), "2026-Q1");
        assert_eq!(Period::Quarter.of(d("2026-03-31")), "2026-Q1");
        assert_eq!(Period::Quarter.of(d("2026-04-01")), "2026-Q2");
        assert_eq!(Period::Quarter.of(d("2026-12-31")), "2026-Q4");
        assert_eq!(Period::Week.of(d("2026-11-23")), "2026-W48");
        // ISO weeks: 2027-01-01 is a Friday in the last week of 2026.
        assert_eq!(Period::Week.of(d("2027-01-01")), "2026-W53");
    }

    #[test]
    fn bare_ids() {
        assert_eq!(bare("contact/anna"), "anna");
        assert_eq!(bare("anna"), "anna");
    }

    #[test]
    fn rates() {
        assert_eq!(rate(0, 0), None);
        assert_eq!(rate(1, 3), Some(0.3333));
    }
}
