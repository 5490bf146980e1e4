//! `list` filters and sort orders, applied to loaded records.
//!
//! The CLI turns flags into a [`ListFilter`]; the library never sees clap.

use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::config::Config;
use crate::dates::When;
use crate::model::facts::LastContacts;
use crate::model::reference::Entry;
use crate::model::{Kind, View};

/// What a listed record must match. Empty fields match everything; several values of
/// one flag match any of them, except tags, which must all be present.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub tags: Vec<String>,
    pub stages: Vec<String>,
    pub owners: Vec<String>,
    pub sources: Vec<String>,
    pub companies: Vec<String>,
    pub contacts: Vec<String>,
    pub cities: Vec<String>,
    pub note_kinds: Vec<String>,
    pub directions: Vec<String>,
    pub about: Vec<Entry>,
    /// Deals not won or lost; tasks not done.
    pub open: bool,
    /// Tasks done.
    pub done: bool,
    /// Open tasks past due.
    pub overdue: bool,
    /// Open tasks due before this date.
    pub due_before: Option<NaiveDate>,
    /// Notes on or after / on or before these dates.
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Nobody has talked to them since this date (never-contacted included).
    pub quiet_since: Option<NaiveDate>,
}

/// Derived facts a filter or sort may need, computed once per command.
pub struct Context<'a> {
    pub now: DateTime<FixedOffset>,
    pub config: &'a Config,
    pub last_contact: &'a LastContacts,
}

impl Context<'_> {
    pub fn last_contact(&self, r: &impl View) -> Option<When> {
        self.last_contact.get(r.kind(), r.id())
    }
}

fn any_eq(wanted: &[String], have: Option<&str>, fold: bool) -> bool {
    wanted.is_empty()
        || have.is_some_and(|h| {
            wanted.iter().any(|w| if fold { w.to_lowercase() == h.to_lowercase() } else { w == h })
        })
}

/// A task is open until `done` is set; a deal until it is won or lost.
pub fn is_open(r: &impl View, config: &Config) -> bool {
    match r.kind() {
        Kind::Task => !r.has("done"),
        Kind::Deal => {
            let stage = r.str("stage").unwrap_or_default();
            let p = &config.pipeline;
            !crate::pipeline::same_stage(stage, &p.won)
                && !crate::pipeline::same_stage(stage, &p.lost)
        }
        _ => true,
    }
}

/// An open task whose due date has passed: a date at the end of that day, a datetime
/// at that time.
pub fn is_overdue(r: &impl View, now: DateTime<FixedOffset>, config: &Config) -> bool {
    if r.kind() != Kind::Task || !is_open(r, config) {
        return false;
    }
    match r.when("due") {
        // `now` is in the user's zone (`Clock::now`): its date is today.
        Some(When::Date(d)) => d < now.date_naive(),
        Some(w) => w.instant() < now,
        None => false,
    }
}

impl ListFilter {
    /// What the index can narrow by before this filter decides exactly.
    pub fn narrowing(&self) -> crate::index::lookup::Narrowing {
        crate::index::lookup::Narrowing {
            tags: self.tags.clone(),
            stages: self.stages.clone(),
            owners: self.owners.clone(),
            sources: self.sources.clone(),
            note_kinds: self.note_kinds.clone(),
        }
    }

    pub fn matches(&self, r: &impl View, cx: &Context) -> bool {
        let tags = r.strs("tags");
        // Case-insensitive in every script, as the index's lowercase terms are.
        if !self
            .tags
            .iter()
            .all(|t| tags.iter().any(|have| have.to_lowercase() == t.to_lowercase()))
        {
            return false;
        }
        let ok = any_eq(&self.stages, r.str("stage"), true)
            && any_eq(&self.owners, r.str("owner"), true)
            && any_eq(&self.sources, r.str("source"), true)
            && any_eq(&self.companies, r.str("company"), false)
            && any_eq(&self.contacts, r.str("contact"), false)
            && any_eq(&self.cities, r.str("city"), true)
            && any_eq(&self.note_kinds, r.str("kind"), true)
            && any_eq(&self.directions, r.str("direction"), true);
        if !ok {
            return false;
        }
        if !self.about.is_empty() {
            let hit = self
                .about
                .iter()
                .any(|e| crate::links::links_to(r, e) || (r.kind() == e.kind && r.id() == e.id));
            if !hit {
                return false;
            }
        }
        if self.open && !is_open(r, cx.config) {
            return false;
        }
        if self.done && (r.kind() != Kind::Task || is_open(r, cx.config)) {
            return false;
        }
        if self.overdue && !is_overdue(r, cx.now, cx.config) {
            return false;
        }
        if let Some(before) = self.due_before {
            let due = r.when("due").map(|w| w.local_date());
            if !is_open(r, cx.config) || due.is_none_or(|d| d >= before) {
                return false;
            }
        }
        let date =
            r.when(if r.kind() == Kind::Note { "date" } else { "created" }).map(|w| w.local_date());
        if self.since.is_some_and(|s| date.is_none_or(|d| d < s)) {
            return false;
        }
        if self.until.is_some_and(|u| date.is_none_or(|d| d > u)) {
            return false;
        }
        if let Some(cutoff) = self.quiet_since
            && cx.last_contact(r).is_some_and(|w| w.local_date() >= cutoff)
        {
            return false;
        }
        true
    }
}

/// What `--sort` may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Id,
    Created,
    LastContact,
    Due,
    Close,
    Value,
    Date,
    Stage,
}

impl std::str::FromStr for SortKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "name" | "title" => SortKey::Name,
            "id" => SortKey::Id,
            "created" => SortKey::Created,
            "last-contact" | "last_contact" => SortKey::LastContact,
            "due" => SortKey::Due,
            "close" => SortKey::Close,
            "value" => SortKey::Value,
            "date" => SortKey::Date,
            "stage" => SortKey::Stage,
            _ => {
                return Err(format!(
                    "unknown sort key \"{s}\": name, id, created, last-contact, due, close, value, date, stage"
                ));
            }
        })
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// `name`, `-created` (a leading `-` sorts newest or largest first).
    pub fn parse(s: &str) -> Result<Sort, String> {
        let (descending, key) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        Ok(Sort { key: key.parse()?, descending })
    }

    /// What each kind sorts by when not told.
    pub fn default_for(kind: Kind) -> Sort {
        match kind {
            Kind::Contact | Kind::Company => Sort { key: SortKey::Name, descending: false },
            Kind::Deal => Sort { key: SortKey::Stage, descending: false },
            Kind::Note => Sort { key: SortKey::Date, descending: true },
            Kind::Task => Sort { key: SortKey::Due, descending: false },
        }
    }

    /// Sort records; records without the key go last either way, ties by name then id.
    pub fn apply<V: View>(&self, records: &mut [&V], cx: &Context) {
        // Each record's keys made once (its title lowercased, a date read), not at each
        // of the comparisons that sorting thousands of records makes.
        let mut keyed: Vec<(Primary, String, &V)> =
            records.iter().map(|r| (self.primary(*r, cx), r.title().to_lowercase(), *r)).collect();
        keyed.sort_by(|(pa, na, a), (pb, nb, b)| {
            let ord = match (pa, pb) {
                (Primary::Name, Primary::Name) => Some(na.cmp(nb)),
                (Primary::Id, Primary::Id) => Some(a.id().cmp(b.id())),
                (Primary::Rank(x), Primary::Rank(y)) => Some(x.cmp(y)),
                (Primary::Number(x), Primary::Number(y)) => {
                    cmp_present(*x, *y, |x, y| x.total_cmp(y))
                }
                (Primary::Instant(x), Primary::Instant(y)) => cmp_present(*x, *y, Ord::cmp),
                _ => None,
            };
            let ord = match ord {
                Some(o) if self.descending => o.reverse(),
                Some(o) => o,
                // Records without the key last, either way.
                None => pb.present().cmp(&pa.present()),
            };
            ord.then_with(|| na.cmp(nb)).then_with(|| a.id().cmp(b.id()))
        });
        for (slot, (_, _, r)) in records.iter_mut().zip(keyed) {
            *slot = r;
        }
    }

    /// What a record is sorted by.
    fn primary<V: View>(&self, r: &V, cx: &Context) -> Primary {
        let instant = |w: Option<When>| Primary::Instant(w.map(|w| w.instant()));
        match self.key {
            SortKey::Name => Primary::Name,
            SortKey::Id => Primary::Id,
            SortKey::Stage => {
                let stages = &cx.config.pipeline.stages;
                let rank = r.str("stage").and_then(|s| stages.iter().position(|x| x == s));
                Primary::Rank(rank.unwrap_or(stages.len()))
            }
            SortKey::Value => Primary::Number(r.number("value")),
            SortKey::Created => instant(r.when("created")),
            SortKey::LastContact => instant(cx.last_contact(r)),
            SortKey::Due => instant(r.when("due")),
            SortKey::Close => instant(r.when("close")),
            SortKey::Date => instant(r.when("date")),
        }
    }
}

/// A record's key for a [`Sort`]: the name and id are compared in place; a stage by its
/// place in the pipeline; a number or a date may be missing.
#[derive(Debug, Clone, Copy)]
enum Primary {
    Name,
    Id,
    Rank(usize),
    Number(Option<f64>),
    Instant(Option<chrono::DateTime<chrono::FixedOffset>>),
}

impl Primary {
    fn present(&self) -> bool {
        match self {
            Primary::Number(n) => n.is_some(),
            Primary::Instant(i) => i.is_some(),
            Primary::Name | Primary::Id | Primary::Rank(_) => true,
        }
    }
}

/// Compare two optional keys: `None` when at least one side lacks it.
fn cmp_present<T>(a: Option<T>, b: Option<T>, f: impl Fn(&T, &T) -> Ordering) -> Option<Ordering> {
    match (a, b) {
        (Some(x), Some(y)) => Some(f(&x, &y)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use crate::model::record::test_record;

    /// The order by the sort's rule compared record to record, each key found again at
    /// every comparison: what [`Sort::apply`] must give with its keys found once.
    fn by_the_rule(sort: &Sort, records: &mut [&Record], cx: &Context) {
        let key = |r: &Record| sort.primary(r, cx);
        records.sort_by(|a, b| {
            let (pa, pb) = (key(a), key(b));
            let ord = match (pa, pb) {
                (Primary::Name, _) => Some(a.title().to_lowercase().cmp(&b.title().to_lowercase())),
                (Primary::Id, _) => Some(a.id().cmp(b.id())),
                (Primary::Rank(x), Primary::Rank(y)) => Some(x.cmp(&y)),
                (Primary::Number(Some(x)), Primary::Number(Some(y))) => Some(x.total_cmp(&y)),
                (Primary::Instant(Some(x)), Primary::Instant(Some(y))) => Some(x.cmp(&y)),
                _ => None,
            };
            let ord = match ord {
                Some(o) if sort.descending => o.reverse(),
                Some(o) => o,
                None => pb.present().cmp(&pa.present()),
            };
            ord.then_with(|| a.title().to_lowercase().cmp(&b.title().to_lowercase()))
                .then_with(|| a.id().cmp(b.id()))
        });
    }

    #[test]
    fn every_sort_puts_missing_keys_last_and_ties_by_name_then_id() {
        let deal = |id: &str, front: &str| test_record(Kind::Deal, id, front);
        let records = [
            deal("b", "title = \"Ёлка\"\nvalue = 10\nstage = \"won\"\nclose = 2026-11-01"),
            deal("a", "title = \"ёлка\"\nvalue = 10\ncreated = 2026-01-01T10:00:00+05:00"),
            deal("c", "title = \"Äpfel\"\nstage = \"lead\"\nclose = 2026-10-01"),
            deal("d", "title = \"äpfel\"\nvalue = 2.5\nstage = \"proposal\"\ndue = 2026-12-01"),
            deal("e", "title = \"合同\"\nstage = \"unknown\"\ndate = 2026-11-20T09:00:00"),
            deal("f", "title = \"Zeta\"\nvalue = -1\ncreated = 2026-01-01"),
            deal("g", "title = \"zeta\""),
        ];
        let config = Config::default();
        let mut last = LastContacts::default();
        last.insert(Kind::Deal, "c", When::Date(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()));
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        let cx = Context { now, config: &config, last_contact: &last };
        let keys =
            ["name", "id", "created", "last-contact", "due", "close", "value", "date", "stage"];
        for key in keys {
            for descending in [false, true] {
                let sort = Sort { key: key.parse().unwrap(), descending };
                let mut sorted: Vec<&Record> = records.iter().rev().collect();
                sort.apply(&mut sorted, &cx);
                let mut expected: Vec<&Record> = records.iter().rev().collect();
                by_the_rule(&sort, &mut expected, &cx);
                let ids = |l: &[&Record]| l.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
                assert_eq!(ids(&sorted), ids(&expected), "{key} descending {descending}");
            }
        }
        // Spelled out for one: values high to low (ties by name, then id), the deals
        // without one last (by name, lowercased, as its UTF-8 bytes sort).
        let sort = Sort::parse("-value").unwrap();
        let mut sorted: Vec<&Record> = records.iter().collect();
        sort.apply(&mut sorted, &cx);
        let ids: Vec<&str> = sorted.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d", "f", "g", "c", "e"]);
    }
}
