//! Analytics (`rolo report`): the funnel from the deals' stage history,
//! revenue per period, lead sources, and activity (notes) per period, kind and owner.
//!
//! Pure functions over [`View`]s and the [`Config`], returning the rows of the documented
//! JSON shapes; printing them (table, JSON, CSV) is the CLI's job. Amounts stay per
//! currency; an empty book gives empty rows, never an error.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::dates::When;
use crate::model::bytes::{In, Out};
use crate::model::facts::LastContacts;
use crate::model::{Kind, View};
use crate::pipeline::{
    Money, Range, created_at, currency, median, owner, round, same_stage, won_at,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelStage {
    pub stage: String,
    /// Deals that reached this stage or a later one (lost does not count as later).
    pub reached: usize,
    /// Share of them that reached the next stage; none for the last or when none reached.
    pub conversion: Option<f64>,
    /// Median days between entering this stage and the next history entry.
    pub median_days: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    for deal in deals.iter().filter(|d| range.holds(|| created_at(*d))) {
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    // By the source as written, borrowed (tens of thousands of records, a few sources).
    let mut rows: BTreeMap<Option<&str>, (SourceRow, usize)> = BTreeMap::new();
    fn row<'m, 'v>(
        rows: &'m mut BTreeMap<Option<&'v str>, (SourceRow, usize)>,
        source: Option<&'v str>,
    ) -> &'m mut (SourceRow, usize) {
        rows.entry(source).or_insert_with(|| {
            (SourceRow { source: source.map(str::to_string), ..Default::default() }, 0)
        })
    }
    for c in contacts.iter().filter(|c| range.holds(|| created_at(*c))) {
        row(&mut rows, c.str("source")).0.contacts += 1;
    }
    for d in deals.iter().filter(|d| range.holds(|| created_at(*d))) {
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

/// The notes counted by local day, kind, direction and owner: all that [`activity`]
/// needs of them, for any range and period. A few thousand counts however many notes
/// there are, so a reading command keeps them for as long as the book does not change
/// ([`ActivitySummary`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteCounts {
    /// The kinds, directions and owners that the counts name, each once.
    pub names: Vec<String>,
    /// By day.
    pub counts: Vec<DayCount>,
}

/// How many notes of one day have one kind, direction and owner (each a place in
/// [`NoteCounts::names`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DayCount {
    pub day: NaiveDate,
    pub kind: u32,
    pub direction: Option<u32>,
    /// None: neither the note nor what it is about names one, so the book's default
    /// owner (as rolo.toml has it when reported).
    pub owner: Option<u32>,
    pub count: u32,
}

/// A note's owner is its own `owner`, else that of the first record it is about that has
/// one (else none: [`DayCount::owner`]).
pub fn note_counts<'a, V: View>(notes: &'a [V], owners: &Owners<'a>) -> NoteCounts {
    // Tens of thousands of notes fall into a few thousand counts: counted by day and by
    // the number of each kind, direction and owner (a few of each, kept together, so
    // that a count does not compare strings spread over every note).
    let mut counts: foldhash::HashMap<(NaiveDate, u32, Option<u32>, Option<u32>), u32> =
        Default::default();
    let mut numbers: foldhash::HashMap<&str, u32> = Default::default();
    let mut names: Vec<&str> = Vec::new();
    let mut number = |name: &'a str| -> u32 {
        *numbers.entry(name).or_insert_with(|| {
            names.push(name);
            u32::try_from(names.len() - 1).unwrap_or(u32::MAX)
        })
    };
    for note in notes {
        let Some(day) = note.when("date").map(|w| w.local_date()) else { continue };
        let owner = note
            .str("owner")
            .or_else(|| note.strs("about").iter().find_map(|a| owners.get(bare(a)).copied()));
        let kind = number(note.str("kind").unwrap_or("note"));
        let direction = note.str("direction").map(&mut number);
        let owner = owner.map(&mut number);
        *counts.entry((day, kind, direction, owner)).or_default() += 1;
    }
    let mut counts: Vec<DayCount> = counts
        .into_iter()
        .map(|((day, kind, direction, owner), count)| DayCount {
            day,
            kind,
            direction,
            owner,
            count,
        })
        .collect();
    counts.sort_unstable();
    NoteCounts { names: names.into_iter().map(String::from).collect(), counts }
}

/// Notes per period, kind, direction and owner, from their [`note_counts`]; a note with
/// no owner counts for the book's default owner.
pub fn activity(
    counts: &NoteCounts,
    config: &Config,
    range: Range,
    by: Period,
) -> Vec<ActivityRow> {
    let name = |n: u32| counts.names.get(n as usize).map_or("", String::as_str);
    let mut rows: BTreeMap<(String, &str, Option<&str>, &str), usize> = BTreeMap::new();
    // The counts come day by day: each day's period is named once.
    let mut period: Option<(NaiveDate, String)> = None;
    for c in counts.counts.iter().filter(|c| range.contains(c.day)) {
        let named = match period.take() {
            Some((day, named)) if day == c.day => named,
            _ => by.of(c.day),
        };
        let owner = c.owner.map_or(config.defaults.owner.as_str(), name);
        let key = (named.clone(), name(c.kind), c.direction.map(name), owner);
        *rows.entry(key).or_default() += c.count as usize;
        period = Some((c.day, named));
    }
    rows.into_iter()
        .map(|((period, kind, direction, owner), count)| ActivityRow {
            period,
            kind: kind.to_string(),
            direction: direction.map(String::from),
            owner: owner.to_string(),
            count,
        })
        .collect()
}

/// What `rolo report activity` shows of a book, for any range and period: its notes'
/// [`NoteCounts`] and the contacts talked to most and least recently (as many of each as
/// `recent`). It depends on the records and the time zone alone, so a reading command
/// keeps it beside the index until either changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivitySummary {
    pub notes: NoteCounts,
    pub recent: usize,
    pub most_recent: Vec<Contacted>,
    pub least_recent: Vec<Contacted>,
}

impl ActivitySummary {
    /// The summary of a book whose contacts, companies, deals and notes are `records`
    /// (read with at least [`ACTIVITY_KEYS`]), with its `last` contacts.
    pub fn of<V: View>(records: &[&[V]; 4], last: &LastContacts, recent: usize) -> Self {
        let [contacts, companies, deals, notes] = *records;
        let owners = owners_of(&[contacts, companies, deals]);
        let (most_recent, least_recent) = most_and_least_recent(contacts, last, recent);
        ActivitySummary { notes: note_counts(notes, &owners), recent, most_recent, least_recent }
    }

    /// In binary: the names (a count, then each), the counts (a count, then day, kind,
    /// direction, owner and count each: `u32::MAX` for none), `recent`, then the two
    /// lists of contacts (a count, then id, name and day each: `i32::MIN` for never).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Out(Vec::with_capacity(20 * self.notes.counts.len() + 64));
        out.count(self.notes.names.len());
        self.notes.names.iter().for_each(|n| out.str(n));
        out.count(self.notes.counts.len());
        for c in &self.notes.counts {
            out.i32(c.day.num_days_from_ce());
            out.u32(c.kind);
            out.u32(c.direction.unwrap_or(u32::MAX));
            out.u32(c.owner.unwrap_or(u32::MAX));
            out.u32(c.count);
        }
        out.count(self.recent);
        for list in [&self.most_recent, &self.least_recent] {
            out.count(list.len());
            for c in list {
                out.str(&c.id);
                out.str(&c.name);
                out.i32(c.last_contact.map_or(i32::MIN, |d| d.num_days_from_ce()));
            }
        }
        out.0
    }

    /// What [`Self::encode`] wrote; None for anything else (cut short, damaged).
    pub fn decode(bytes: &[u8]) -> Option<ActivitySummary> {
        let mut input = In { bytes, at: 0 };
        let day = |n: i32| NaiveDate::from_num_days_from_ce_opt(n);
        let some = |n: u32| (n != u32::MAX).then_some(n);
        let count = input.count()?;
        let mut names = Vec::with_capacity(count.min(bytes.len()));
        for _ in 0..count {
            names.push(input.str()?.to_string());
        }
        let count = input.count()?;
        let mut counts = Vec::with_capacity(count.min(bytes.len()));
        for _ in 0..count {
            let c = DayCount {
                day: day(input.i32()?)?,
                kind: input.u32()?,
                direction: some(input.u32()?),
                owner: some(input.u32()?),
                count: input.u32()?,
            };
            let named = |n: Option<u32>| n.is_none_or(|n| (n as usize) < names.len());
            if !named(Some(c.kind)) || !named(c.direction) || !named(c.owner) {
                return None;
            }
            counts.push(c);
        }
        let recent = input.count()?;
        let mut lists = [Vec::new(), Vec::new()];
        for list in &mut lists {
            let count = input.count().filter(|&n| n <= recent)?;
            for _ in 0..count {
                let (id, name, last) = (input.str()?, input.str()?, input.i32()?);
                let last_contact = if last == i32::MIN { None } else { Some(day(last)?) };
                list.push(Contacted { id: id.into(), name: name.into(), last_contact });
            }
        }
        let [most_recent, least_recent] = lists;
        input.done().then_some(ActivitySummary {
            notes: NoteCounts { names, counts },
            recent,
            most_recent,
            least_recent,
        })
    }
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

    /// Notes about Айгерим (owned by ann), about nobody's record, and one of its own
    /// owner; a contact never talked to.
    fn summary() -> ActivitySummary {
        use crate::model::record::test_record;
        let contacts = [
            test_record(Kind::Contact, "aigerim", "name = \"Айгерим\"\nowner = \"ann\""),
            test_record(Kind::Contact, "max", "name = \"Max Müller\""),
        ];
        let note = |id: &str, front: &str| test_record(Kind::Note, id, front);
        let notes = [
            note(
                "a",
                "date = 2026-11-02T10:00:00\nkind = \"call\"\ndirection = \"out\"\nabout = [\"aigerim\"]",
            ),
            note(
                "b",
                "date = 2026-11-02\nkind = \"call\"\ndirection = \"out\"\nabout = [\"contact/aigerim\"]",
            ),
            note("c", "date = 2026-11-03\nabout = [\"deal/x\"]"),
            note("d", "date = 2026-12-01\nkind = \"email\"\nowner = \"王\"\nabout = [\"aigerim\"]"),
            note("e", "kind = \"call\""),
        ];
        let mut last = LastContacts::default();
        last.insert(Kind::Contact, "aigerim", When::Date(d("2026-12-01")));
        ActivitySummary::of(&[&contacts[..], &[], &[], &notes], &last, 5)
    }

    #[test]
    fn notes_counted_by_day_kind_direction_owner() {
        let s = summary();
        let named = |n: Option<u32>| n.map(|n| s.notes.names[n as usize].as_str());
        let counts: Vec<_> = s
            .notes
            .counts
            .iter()
            .map(|c| {
                (
                    c.day.to_string(),
                    named(Some(c.kind)),
                    named(c.direction),
                    named(c.owner),
                    c.count,
                )
            })
            .collect();
        assert_eq!(
            counts,
            [
                ("2026-11-02".into(), Some("call"), Some("out"), Some("ann"), 2),
                ("2026-11-03".into(), Some("note"), None, None, 1),
                ("2026-12-01".into(), Some("email"), None, Some("王"), 1),
            ]
        );
        let mut config = Config::default();
        config.defaults.owner = "даурен".into();
        let all = Range { from: None, to: None };
        let rows = activity(&s.notes, &config, all, Period::Month);
        let rows: Vec<_> = rows
            .iter()
            .map(|r| format!("{} {} {} {}", r.period, r.kind, r.owner, r.count))
            .collect();
        assert_eq!(rows, ["2026-11 call ann 2", "2026-11 note даурен 1", "2026-12 email 王 1"]);
        let november = Range { from: Some(d("2026-11-03")), to: Some(d("2026-11-30")) };
        assert_eq!(activity(&s.notes, &config, november, Period::Week).len(), 1);
        let ids = |l: &[Contacted]| l.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&s.most_recent), ["aigerim"]);
        assert_eq!(ids(&s.least_recent), ["max", "aigerim"]);
    }

    #[test]
    fn a_summary_reads_back_as_written_and_nothing_else() {
        let s = summary();
        let bytes = s.encode();
        assert_eq!(ActivitySummary::decode(&bytes), Some(s.clone()));
        assert_eq!(
            ActivitySummary::decode(&ActivitySummary::default().encode()),
            Some(Default::default())
        );
        for cut in 0..bytes.len() {
            assert_eq!(ActivitySummary::decode(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(ActivitySummary::decode(&[&bytes[..], b"x"].concat()), None);
    }

    #[test]
    fn rates() {
        assert_eq!(rate(0, 0), None);
        assert_eq!(rate(1, 3), Some(0.3333));
    }
}
