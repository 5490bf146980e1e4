//! What a record says about itself that the agenda, the pipeline and the index all read
//! the same way: the facts the index keeps per record as columns ([`Facts`]), a
//! record's cadence, birthday, creation time and the records a deal names, and each
//! record's newest note ([`newest_notes`], the derived `last_contact`).
//!
//! Here, beside the model, so that the index stores them without knowing the domain
//! modules that use them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::{Kind, View};
use crate::dates::{Cadence, When, parse_month_day};

/// What the agenda needs to know of a record to tell whether it may concern the agenda
/// at all: small enough for the index to keep for every record (as columns, cached per
/// state of the book), so that only the few records that may matter are read whole.
pub type Facts = FactsOf<String, Vec<String>>;

/// [`Facts`] borrowed: from a record's own, or read in place from the index's cache, so
/// that the agenda judges tens of thousands of records without copying their strings.
pub type FactsRef<'a> = FactsOf<&'a str, Strs<'a>>;

/// [`Facts`] with its strings `S` and its lists of strings `L`, owned or borrowed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FactsOf<S, L> {
    pub kind: Kind,
    pub id: S,
    /// Days from the common era of `due`, `close` and `created` as written (the date
    /// part, in the offset written: within a day of the local date).
    pub due: Option<i32>,
    pub close: Option<i32>,
    pub created: Option<i32>,
    /// `month × 100 + day` of the birthday; 0 when it cannot be read.
    pub birthday: Option<u32>,
    /// The record's own cadence in whole days at least (a month counts 28); -1 when
    /// it opts out, 0 when it cannot be read.
    pub follow_up: Option<i32>,
    /// A task has `done`.
    pub done: bool,
    /// Lowercase.
    pub stage: Option<S>,
    /// Lowercase.
    pub tags: L,
    /// A task's `about` as written; a deal's contact and company as `type/id`.
    pub links: L,
    /// The record's last contact as the agenda counts it ([`LastContacts::counted`]):
    /// known where every note is, not from the record alone ([`Facts::of`] leaves it
    /// out; the index's look-up fills it in).
    pub last: Option<When>,
}

/// A list of strings of [`FactsRef`]: a record's own, or read in place from the index's
/// cache file (each string its length, then its bytes).
#[derive(Debug, Clone, Copy)]
pub enum Strs<'a> {
    Owned(&'a [String]),
    Encoded { bytes: &'a [u8], count: usize },
}

impl<'a> Strs<'a> {
    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        let (owned, bytes, count) = match self {
            Strs::Owned(list) => (list, &[][..], 0),
            Strs::Encoded { bytes, count } => (&[][..], bytes, count),
        };
        let mut input = super::bytes::In { bytes, at: 0 };
        owned.iter().map(String::as_str).chain((0..count).map_while(move |_| input.str()))
    }
}

impl<S, L> FactsOf<S, L> {
    /// The same facts, their strings and lists of strings made by `str` and `list`.
    fn map<'s, T, M>(
        &'s self,
        str: impl Fn(&'s S) -> T,
        list: impl Fn(&'s L) -> M,
    ) -> FactsOf<T, M> {
        FactsOf {
            kind: self.kind,
            id: str(&self.id),
            due: self.due,
            close: self.close,
            created: self.created,
            birthday: self.birthday,
            follow_up: self.follow_up,
            done: self.done,
            stage: self.stage.as_ref().map(&str),
            tags: list(&self.tags),
            links: list(&self.links),
            last: self.last,
        }
    }
}

impl FactsRef<'_> {
    /// For tests that compare what was written with what reads back.
    #[cfg(test)]
    pub fn to_owned(&self) -> Facts {
        self.map(|s| s.to_string(), |list| list.iter().map(String::from).collect())
    }
}

pub fn written_day(w: When) -> i32 {
    match w {
        When::Date(d) => d.num_days_from_ce(),
        When::At(t) => t.date_naive().num_days_from_ce(),
        When::Local(t) => t.date().num_days_from_ce(),
    }
}

/// The fewest days a cadence can span.
pub fn floor_days(c: Cadence) -> i32 {
    let n = i32::try_from(c.count).unwrap_or(i32::MAX);
    let per = match c.unit {
        crate::dates::Unit::Day => 1,
        crate::dates::Unit::Week => 7,
        crate::dates::Unit::Month => 28,
        crate::dates::Unit::Year => 365,
    };
    n.saturating_mul(per)
}

impl Facts {
    pub fn borrowed(&self) -> FactsRef<'_> {
        self.map(String::as_str, |list| Strs::Owned(list))
    }

    pub fn of(r: &impl View) -> Facts {
        let day = |key| r.when(key).map(written_day);
        let links = match r.kind() {
            Kind::Deal => deal_links(r).map(|(kind, id)| format!("{kind}/{id}")).collect(),
            _ => r.strs("about").into_iter().map(String::from).collect(),
        };
        Facts {
            kind: r.kind(),
            id: r.id().to_string(),
            due: day("due"),
            close: day("close"),
            created: created_at(r).map(written_day),
            birthday: r.has("birthday").then(|| birthday_of(r).map_or(0, |(_, m, d)| m * 100 + d)),
            follow_up: own_follow_up(r).map(|own| match own {
                Ok(Some((c, _))) => floor_days(c).max(1),
                Ok(None) => -1,
                Err(_) => 0,
            }),
            done: r.has("done"),
            stage: r.str("stage").map(str::to_lowercase),
            tags: r.strs("tags").into_iter().map(str::to_lowercase).collect(),
            links,
            last: None,
        }
    }

    /// [`Self::last`] filled in from every record's last contact.
    pub fn with_last(mut self, last: &LastContacts) -> Facts {
        let links = self.links.iter().filter_map(|l| {
            let (kind, id) = l.split_once('/')?;
            Some((kind.parse().ok()?, id))
        });
        self.last = last.counted(self.kind, &self.id, links);
        self
    }
}

/// A record's own `follow_up`: `None` when it has none, `Ok(None)` when it opts out
/// (`off`, `none`, `never`, `no`, `""`), an error when it cannot be read.
pub fn own_follow_up(r: &impl View) -> Option<Result<Option<(Cadence, String)>, String>> {
    if !r.has("follow_up") {
        return None;
    }
    let Some(own) = r.str("follow_up") else {
        // Not a string: empty is off, anything else (a number, a list) is a mistake.
        let shown = r.display("follow_up");
        return Some(if shown.trim().is_empty() {
            Ok(None)
        } else {
            Err(format!("follow_up must be a cadence such as \"30d\", not {shown}"))
        });
    };
    let own = own.trim();
    if own.is_empty() || ["off", "none", "never", "no"].contains(&own.to_lowercase().as_str()) {
        return Some(Ok(None));
    }
    Some(
        own.parse::<Cadence>()
            .map(|c| Some((c, own.to_string())))
            .map_err(|m| format!("follow_up \"{own}\": {m}")),
    )
}

/// `(year if known, month, day)` of a `birthday` written as a TOML date, a
/// `"YYYY-MM-DD"` string or a year-less `"MM-DD"`.
pub fn birthday_of(r: &impl View) -> Option<(Option<i32>, u32, u32)> {
    if let Some(When::Date(d)) = r.when("birthday") {
        return Some((Some(d.year()), d.month(), d.day()));
    }
    let text = r.str("birthday")?.trim();
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some((Some(d.year()), d.month(), d.day()));
    }
    parse_month_day(text).map(|(m, d)| (None, m, d))
}

/// The day a birthday falls on in `year`: 29 February on 28 February in other years.
pub fn birthday_in(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
        (month == 2 && day == 29).then(|| NaiveDate::from_ymd_opt(year, 2, 28)).flatten()
    })
}

/// What a deal's `contact` and `company` name, as `links` reads them.
pub fn deal_links(d: &impl View) -> impl Iterator<Item = (Kind, &str)> {
    [("contact", Kind::Contact), ("company", Kind::Company)].into_iter().flat_map(
        move |(key, kind)| {
            d.strs(key).into_iter().flat_map(move |v| super::schema::link_targets(v, Some(kind)))
        },
    )
}

/// When a record began: `created`, else its first history entry.
pub fn created_at(r: &impl View) -> Option<When> {
    r.when("created").or_else(|| r.history().first().map(|(_, at)| *at))
}

/// Each record's `last_contact`, the date of its newest note: looked up by kind and id
/// without building a key (the agenda and the reports ask tens of thousands of times).
/// The ids lie one after another in one string, so that tens of thousands of them read
/// from the index's cache are one copy, not one allocation each.
#[derive(Clone, Default)]
pub struct LastContacts {
    ids: String,
    /// By [`Kind`] in declaration order: where each id lies in `ids`, and its date.
    by_kind: [hashbrown::HashTable<Entry>; 5],
    hasher: foldhash::fast::FixedState,
}

/// An id (its place in [`LastContacts::ids`]) and its date.
#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    len: u32,
    when: When,
}

// `by_kind` is indexed by `kind as usize` and read back in the order of `Kind::ALL`.
const _: () = {
    let mut i = 0;
    while i < Kind::ALL.len() {
        assert!(Kind::ALL[i] as usize == i);
        i += 1;
    }
};

impl LastContacts {
    pub fn get(&self, kind: Kind, id: &str) -> Option<When> {
        let hash = self.hash(id);
        self.by_kind[kind as usize].find(hash, |e| self.id(e) == id).map(|e| e.when)
    }

    pub fn insert(&mut self, kind: Kind, id: &str, when: When) {
        self.update(kind, id, when, |kept, when| *kept = when);
    }

    /// `when`, unless the record has a newer one already ([`keep_newer`]).
    pub fn keep_newer(&mut self, kind: Kind, id: &str, when: When) {
        self.update(kind, id, when, keep_newer);
    }

    /// A record's last contact as the agenda counts it: the newest note about it, and
    /// for a deal also about what it names (`links`: its contact and its company).
    pub fn counted<'l>(
        &self,
        kind: Kind,
        id: &str,
        links: impl IntoIterator<Item = (Kind, &'l str)>,
    ) -> Option<When> {
        let mut newest = self.get(kind, id);
        if kind == Kind::Deal {
            for when in links.into_iter().filter_map(|(kind, id)| self.get(kind, id)) {
                match &mut newest {
                    Some(kept) => keep_newer(kept, when),
                    None => newest = Some(when),
                }
            }
        }
        newest
    }

    /// Room for `n` more of a kind (a cache read knows how many there are).
    pub fn reserve(&mut self, kind: Kind, n: usize) {
        let (ids, hasher) = (&self.ids, &self.hasher);
        self.by_kind[kind as usize].reserve(n, |e| hash_of(hasher, id_of(ids, e)));
    }

    pub fn len(&self) -> usize {
        self.by_kind.iter().map(hashbrown::HashTable::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The ids of one kind and their dates, in no particular order.
    pub fn of_kind(&self, kind: Kind) -> impl ExactSizeIterator<Item = (&str, When)> {
        self.by_kind[kind as usize].iter().map(|e| (self.id(e), e.when))
    }

    fn hash(&self, id: &str) -> u64 {
        hash_of(&self.hasher, id)
    }

    fn id(&self, e: &Entry) -> &str {
        id_of(&self.ids, e)
    }

    /// The id's date changed by `change`, or the id added with `when` (hashed once).
    fn update(&mut self, kind: Kind, id: &str, when: When, change: impl Fn(&mut When, When)) {
        let hash = self.hash(id);
        let ids = &self.ids;
        if let Some(e) = self.by_kind[kind as usize].find_mut(hash, |e| id_of(ids, e) == id) {
            change(&mut e.when, when);
            return;
        }
        let (Ok(start), Ok(len)) = (u32::try_from(self.ids.len()), u32::try_from(id.len())) else {
            return; // past 4 GiB of ids: not a book
        };
        self.ids.push_str(id);
        let (ids, hasher) = (&self.ids, &self.hasher);
        let entry = Entry { start, len, when };
        self.by_kind[kind as usize].insert_unique(hash, entry, |e| hash_of(hasher, id_of(ids, e)));
    }
}

fn hash_of(hasher: &foldhash::fast::FixedState, id: &str) -> u64 {
    std::hash::BuildHasher::hash_one(hasher, id)
}

fn id_of<'a>(ids: &'a str, e: &Entry) -> &'a str {
    let start = e.start as usize;
    ids.get(start..start + e.len as usize).unwrap_or_default()
}

/// The same records with the same dates, however they were added.
impl PartialEq for LastContacts {
    fn eq(&self, other: &LastContacts) -> bool {
        Kind::ALL.into_iter().all(|kind| {
            self.by_kind[kind as usize].len() == other.by_kind[kind as usize].len()
                && self.of_kind(kind).all(|(id, when)| other.get(kind, id) == Some(when))
        })
    }
}

impl std::fmt::Debug for LastContacts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut map = f.debug_map();
        for kind in Kind::ALL {
            map.entries(self.of_kind(kind).map(|(id, when)| ((kind, id), when)));
        }
        map.finish()
    }
}

/// The newest note date per record named in the notes' `about`, given which records
/// exist and each contact's company (shared by the file and the index paths).
pub fn newest_notes<'a, A: Iterator<Item = &'a str>>(
    notes: impl Iterator<Item = (When, A)>,
    exists: impl Fn(Kind, &str) -> bool,
    company_of: impl Fn(&str) -> Option<&'a str>,
) -> LastContacts {
    // Newest per value as written first (no allocation per note), then per record.
    let mut by_value: HashMap<&'a str, When, foldhash::fast::RandomState> = HashMap::default();
    for (when, about) in notes {
        for value in about {
            keep_newer(by_value.entry(value).or_insert(when), when);
        }
    }
    let mut newest = LastContacts::default();
    for (value, when) in by_value {
        for (kind, id) in super::schema::link_targets(value, None) {
            if !exists(kind, id) {
                continue;
            }
            newest.keep_newer(kind, id, when);
            if kind == Kind::Contact
                && let Some(company) = company_of(id)
            {
                newest.keep_newer(Kind::Company, company, when);
            }
        }
    }
    newest
}

/// The later of two dates; on the same instant, the more precise form, so that the
/// answer never depends on the order notes were read in.
fn keep_newer(kept: &mut When, other: When) {
    let rank = |w: &When| match w {
        When::Date(_) => 0,
        When::Local(_) => 1,
        When::At(t) => 2 + i64::from(t.offset().local_minus_utc()),
    };
    if (other.instant(), rank(&other)) > (kept.instant(), rank(kept)) {
        *kept = other;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> When {
        When::Date(NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
    }

    /// Ids of every script, the same id of two kinds, dates replaced or kept newer; equal
    /// whatever order they came in.
    #[test]
    fn last_contacts_by_kind_and_id() {
        let ids: Vec<String> = (0..5000)
            .map(|i| match i % 4 {
                0 => format!("анна-{i}"),
                1 => format!("王-{i}"),
                2 => format!("Jürgen-{i}"),
                _ => format!("a{i}"),
            })
            .collect();
        let mut last = LastContacts::default();
        assert!(last.is_empty() && last.get(Kind::Contact, "анна-0").is_none());
        for (i, id) in ids.iter().enumerate() {
            last.insert(Kind::Contact, id, day(1 + (i % 20) as u32));
        }
        last.insert(Kind::Company, "анна-0", day(28));
        assert_eq!(last.len(), 5001);
        assert_eq!(last.get(Kind::Contact, "анна-0"), Some(day(1)));
        assert_eq!(last.get(Kind::Company, "анна-0"), Some(day(28)));
        assert_eq!(last.get(Kind::Deal, "анна-0"), None);
        assert_eq!(last.get(Kind::Contact, "анна-"), None);
        assert_eq!(last.get(Kind::Contact, &ids[4999]), Some(day(20)));
        // An older date is not kept over a newer one; a newer is; insert replaces.
        last.keep_newer(Kind::Contact, "王-1", day(1));
        assert_eq!(last.get(Kind::Contact, "王-1"), Some(day(2)));
        last.keep_newer(Kind::Contact, "王-1", day(25));
        assert_eq!(last.get(Kind::Contact, "王-1"), Some(day(25)));
        last.insert(Kind::Contact, "王-1", day(3));
        assert_eq!((last.get(Kind::Contact, "王-1"), last.len()), (Some(day(3)), 5001));
        // The same records in another order are the same last contacts.
        let mut reversed = LastContacts::default();
        for (kind, id, when) in Kind::ALL
            .into_iter()
            .flat_map(|k| last.of_kind(k).map(move |(id, w)| (k, id.to_string(), w)))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            reversed.insert(kind, &id, when);
        }
        assert_eq!(reversed, last);
        reversed.insert(Kind::Contact, "a3", day(27));
        assert_ne!(reversed, last);
    }
}
