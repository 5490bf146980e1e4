//! Where reading commands take the book's records from: the search index, kept fresh by
//! a walk of the book or by a watcher (the default), or every file read afresh
//! (`ROLO_NO_INDEX=1`: the slow path, kept so that the two can be checked against each
//! other). The choice is made here, once; commands ask a [`Source`] and get the same
//! answers either way.
//!
//! The index answers with its own record types (slim [`Row`]s, whole [`Card`]s), the
//! files with [`Record`]s; every one is a [`View`], so a command handles a [`Found`] with
//! one generic function, through [`for_both!`](crate::for_both).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::agenda::{self, Agenda};
use crate::book::{Book, Loaded};
use crate::config::Config;
use crate::dates::When;
use crate::error::{Diagnostic, Result};
use crate::index::SearchIndex;
use crate::index::lookup::Narrowing;
use crate::links;
use crate::model::facts::LastContacts;
use crate::model::reference::Entry;
use crate::model::row::Keys;
use crate::model::schema::link_keys;
use crate::model::{Card, Catalog, Kind, Record, Row, View};
use crate::reports::{self, ActivitySummary};

/// Whether reading commands answer from the search index (the default) or read every
/// file (`ROLO_NO_INDEX=1`).
pub fn reads_index() -> bool {
    std::env::var_os("ROLO_NO_INDEX").is_none_or(|v| v.is_empty() || v == "0")
}

/// An answer from the index or from the files.
pub enum Found<I, F> {
    Index(I),
    Files(F),
}

/// Run the same code on either side of a [`Found`]:
/// `rolo::for_both!(source.records(…)?, data => report(&data))`.
#[macro_export]
macro_rules! for_both {
    ($found:expr, $bind:pat => $body:expr) => {
        match $found {
            $crate::source::Found::Index($bind) => $body,
            $crate::source::Found::Files($bind) => $body,
        }
    };
}

/// The records an aggregate reads (the pipeline, the reports, the agenda), by kind.
pub struct Data<V> {
    pub deals: Vec<V>,
    pub contacts: Vec<V>,
    pub companies: Vec<V>,
    pub notes: Vec<V>,
    pub tasks: Vec<V>,
    /// Newest note per contact, company and deal (only when asked for).
    pub last_contact: LastContacts,
}

impl<V: View> Data<V> {
    fn empty(last_contact: LastContacts) -> Data<V> {
        Data {
            deals: Vec::new(),
            contacts: Vec::new(),
            companies: Vec::new(),
            notes: Vec::new(),
            tasks: Vec::new(),
            last_contact,
        }
    }

    fn of_kind(&mut self, kind: Kind) -> &mut Vec<V> {
        match kind {
            Kind::Deal => &mut self.deals,
            Kind::Contact => &mut self.contacts,
            Kind::Company => &mut self.companies,
            Kind::Note => &mut self.notes,
            Kind::Task => &mut self.tasks,
        }
    }

    fn new(records: Vec<V>, last_contact: LastContacts) -> Data<V> {
        let mut d = Data::empty(last_contact);
        let mut counts = [0; Kind::ALL.len()];
        for r in &records {
            counts[r.kind() as usize] += 1;
        }
        for (kind, count) in Kind::ALL.into_iter().zip(counts) {
            d.of_kind(kind).reserve_exact(count);
        }
        for r in records {
            d.of_kind(r.kind()).push(r);
        }
        d
    }
}

/// The records around one record: what it links to (and its relations name), what links
/// to it, and, for a company, what links to its people; with every last contact.
pub struct Near<V> {
    pub records: Catalog<V>,
    pub last_contact: LastContacts,
}

/// Where a reading command takes the book's records from.
pub struct Source<'b> {
    book: &'b Book,
    index: Option<SearchIndex>,
    /// Told about each file that does not parse (the rest of the book is still read).
    report: Box<dyn Fn(&Diagnostic) + 'b>,
}

impl<'b> Source<'b> {
    /// The index brought up to date (`progress` hears how far a long indexing is), or,
    /// with `ROLO_NO_INDEX=1`, the files.
    pub fn open(
        book: &'b Book,
        progress: &mut dyn FnMut(usize, usize),
        report: Box<dyn Fn(&Diagnostic) + 'b>,
    ) -> Result<Source<'b>> {
        let index = if reads_index() {
            let (index, refresh) = SearchIndex::open_fresh(book, progress)?;
            refresh.problems.iter().for_each(&report);
            Some(index)
        } else {
            None
        };
        Ok(Source { book, index, report })
    }

    /// Every record of `kinds`, read from its file.
    fn load(&self, kinds: &[Kind]) -> Result<Loaded> {
        let loaded = self.book.load(kinds)?;
        loaded.problems.iter().for_each(&self.report);
        Ok(loaded)
    }

    /// How many records of each kind the book holds.
    pub fn counts(&self) -> Result<BTreeMap<Kind, usize>> {
        let mut counts: BTreeMap<Kind, usize> = Kind::ALL.into_iter().map(|k| (k, 0)).collect();
        match &self.index {
            Some(index) => {
                for (kind, n) in counts.iter_mut() {
                    *n = index.count(*kind)?;
                }
            }
            None => {
                let loaded = self.load(&Kind::ALL)?;
                for record in &loaded.records {
                    *counts.entry(record.kind).or_default() += 1;
                }
                std::mem::forget(loaded); // freed by the process's exit, at no cost
            }
        }
        Ok(counts)
    }

    /// The records whose keys or relations name `target`: kind, id and file of each.
    pub fn linking_to(&self, target: &Entry) -> Result<Vec<(Entry, PathBuf)>> {
        fn collect<V: View>(catalog: &Catalog<V>, target: &Entry) -> Vec<(Entry, PathBuf)> {
            links::backlinks(catalog, target)
                .into_iter()
                .map(|r| (Entry { kind: r.kind(), id: r.id().to_string() }, r.path().to_path_buf()))
                .collect()
        }
        Ok(match &self.index {
            Some(index) => {
                collect(&Catalog::new(index.cards_linking_to(target)?, Vec::new()), target)
            }
            None => collect(&self.load(&Kind::ALL)?, target),
        })
    }

    /// The records of `kinds` (from the index: cut to `keys`), by kind, with every last
    /// contact when `last` asks for them.
    pub fn records(
        &self,
        kinds: &[Kind],
        keys: Keys,
        last: bool,
    ) -> Result<Found<Data<Row>, Data<Record>>> {
        Ok(match &self.index {
            Some(index) => {
                let last_contact =
                    if last { index.last_contacts()? } else { LastContacts::default() };
                let mut d = Data::empty(last_contact);
                for (&kind, rows) in kinds.iter().zip(index.rows_by_kind(kinds, keys)?) {
                    *d.of_kind(kind) = rows;
                }
                Found::Index(d)
            }
            None => {
                let loaded = self.load(kinds)?;
                let last_contact =
                    if last { links::last_contacts(&loaded) } else { LastContacts::default() };
                Found::Files(Data::new(loaded.records, last_contact))
            }
        })
    }

    /// What `rolo report activity` shows, with `recent` contacts talked to most and least
    /// recently: kept beside the index for as long as the book and the time zone stay as
    /// they are (read from the index's rows, or the files, when they change).
    pub fn activity(&self, recent: usize) -> Result<ActivitySummary> {
        // Kept for this state of the index, this count and this zone's rules.
        let kept = self
            .index
            .as_ref()
            .map(|index| (index, format!("{recent} {}", crate::clock::local_zone().rules())));
        if let Some((index, key)) = &kept
            && let Some(bytes) = index.derived("activity", key)
            && let Some(summary) = ActivitySummary::decode(&bytes)
        {
            return Ok(summary);
        }
        let kinds = [Kind::Contact, Kind::Company, Kind::Deal, Kind::Note];
        let found = self.records(&kinds, Keys::only(&reports::ACTIVITY_KEYS), true)?;
        let summary = crate::for_both!(&found, d => ActivitySummary::of(
            &[&d.contacts, &d.companies, &d.deals, &d.notes],
            &d.last_contact,
            recent,
        ));
        if let Some((index, key)) = &kept {
            // A cache: if it cannot be written, the next command computes it again.
            let _ = index.keep_derived("activity", key, &summary.encode());
        }
        std::mem::forget(found); // freed by the process's exit, at no cost
        Ok(summary)
    }

    /// A report on the book that `make` computes from this source, kept beside the index
    /// as `name` and read back instead while the book, `args` (what else it depends on:
    /// its range, its buckets), the config and the zone's rules stay as they are. Only a
    /// report that reads back equal to itself is kept.
    pub fn report<T>(
        &self,
        name: &str,
        args: &str,
        config: &Config,
        make: impl FnOnce(&Self) -> Result<T>,
    ) -> Result<T>
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq,
    {
        let Some(index) = &self.index else { return make(self) };
        let (name, key) = (format!("report-{name}"), format!("{args} {}", setting(config)));
        if let Some(bytes) = index.derived(&name, &key)
            && let Ok(kept) = serde_json::from_slice(&bytes)
        {
            return Ok(kept);
        }
        let report = make(self)?;
        // A cache: if it cannot be written, the next report is made again. One whose
        // JSON would not give it back (a value that is no number) is not kept.
        if let Ok(bytes) = serde_json::to_vec(&report)
            && serde_json::from_slice::<T>(&bytes).is_ok_and(|back| back == report)
        {
            let _ = index.keep_derived(&name, &key, &bytes);
        }
        Ok(report)
    }

    /// The records of `kind` that `narrowing` may keep (a superset: the command's filter
    /// decides), as slim rows from the index: enough for a table.
    pub fn rows(&self, kind: Kind, narrowing: &Narrowing) -> Result<Found<Vec<Row>, Vec<Record>>> {
        Ok(match &self.index {
            Some(index) => Found::Index(index.rows_narrowed(kind, narrowing)?),
            None => Found::Files(self.of_kind(kind)?),
        })
    }

    /// [`Source::rows`], whole: every key and the body of each record.
    pub fn cards(
        &self,
        kind: Kind,
        narrowing: &Narrowing,
    ) -> Result<Found<Vec<Card>, Vec<Record>>> {
        Ok(match &self.index {
            Some(index) => Found::Index(index.cards(kind, narrowing)?),
            None => Found::Files(self.of_kind(kind)?),
        })
    }

    fn of_kind(&self, kind: Kind) -> Result<Vec<Record>> {
        Ok(self.load(&[kind])?.records)
    }

    /// The newest note about each contact, company and deal (a company's also counts its
    /// people's).
    pub fn last_contacts(&self) -> Result<LastContacts> {
        match &self.index {
            Some(index) => index.last_contacts(),
            None => {
                let linked = [Kind::Contact, Kind::Company, Kind::Deal, Kind::Note];
                Ok(links::last_contacts(&self.load(&linked)?))
            }
        }
    }

    /// The names (titles) of the records of `kinds` with these ids.
    pub fn titles_of(
        &self,
        kinds: &[Kind],
        ids: &[&str],
    ) -> Result<HashMap<(Kind, String), String>> {
        match &self.index {
            Some(index) => index.titles_of(kinds, ids),
            None => {
                let wanted: HashSet<&str> = ids.iter().copied().collect();
                let loaded = self.load(kinds)?;
                Ok(loaded
                    .records
                    .iter()
                    .filter(|r| wanted.contains(r.id.as_str()))
                    .map(|r| ((r.kind, r.id.clone()), r.title()))
                    .collect())
            }
        }
    }

    /// The agenda as of `now`: from the index, only the records its facts say may give an
    /// item are read. With rolo.toml's look-ahead or today's, what they gave is kept
    /// beside the index for as long as it holds (this state of the book, this config,
    /// zone, day and owners, until a task due at a time falls overdue).
    pub fn agenda(
        &self,
        config: &Config,
        now: DateTime<FixedOffset>,
        options: &agenda::Options,
    ) -> Result<Agenda> {
        Ok(match &self.index {
            Some(index) => kept_agenda(index, config, now, options, Ends::Soon)?,
            None => {
                let loaded = self.load(&[agenda::KINDS.as_slice(), &[Kind::Note]].concat())?;
                let last_contact = links::last_contacts(&loaded);
                agenda::agenda(&loaded.records, &last_contact, config, now, options)
            }
        })
    }

    /// The records around `record` (which is `entry`), for `show`.
    pub fn near(&self, record: &Record, entry: &Entry) -> Result<Found<Near<Card>, Near<Record>>> {
        Ok(match &self.index {
            Some(index) => Found::Index(Near {
                records: neighbourhood(index, record, entry)?,
                last_contact: index.last_contacts()?,
            }),
            None => {
                let records = self.load(&Kind::ALL)?;
                let last_contact = links::last_contacts(&records);
                Found::Files(Near { records, last_contact })
            }
        })
    }
}

/// The agendas a reading command most likely asks for next, judged as of `now` and kept
/// beside `index` (unless they already are): those of the look-aheads kept, everyone's.
/// What a watcher does once the book is quiet, so that the first agenda after a change
/// reads them.
pub fn keep_agendas(
    index: &SearchIndex,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    for days in kept_look_aheads(config) {
        let options = agenda::Options { days, owners: Vec::new() };
        // The watcher's own work: a file it cannot write is said, not passed over.
        let (_, kept) = agenda_kept(index, config, now, &options, Ends::Later)?;
        kept?;
    }
    Ok(())
}

/// The look-aheads whose agendas are kept beside the index: rolo.toml's (`agenda`,
/// `digest`) and today's, asked for every day. Each other `--days` would leave a file of
/// its own.
fn kept_look_aheads(config: &Config) -> [u32; 2] {
    [config.digest.days, 0]
}

/// The agenda as of `now`: for a look-ahead kept beside the index, [`agenda_kept`] (a
/// cache that cannot be written is judged again next time); else judged from the
/// index's facts and rows.
fn kept_agenda(
    index: &SearchIndex,
    config: &Config,
    now: DateTime<FixedOffset>,
    options: &agenda::Options,
    ends: Ends,
) -> Result<Agenda> {
    if !kept_look_aheads(config).contains(&options.days) {
        return agenda_judged(index, config, now, options, ends);
    }
    agenda_kept(index, config, now, options, ends).map(|(agenda, _)| agenda)
}

/// The agenda of a kept look-ahead: the one kept beside the index while it holds, else
/// judged and kept; with whether keeping it went well.
fn agenda_kept(
    index: &SearchIndex,
    config: &Config,
    now: DateTime<FixedOffset>,
    options: &agenda::Options,
    ends: Ends,
) -> Result<(Agenda, Result<()>)> {
    let (name, key) = agenda_key(config, now, options);
    if let Some(bytes) = index.derived(&name, &key)
        && let Some(kept) = Agenda::decode(&bytes)
        && kept.holds_at(now)
    {
        return Ok((kept, Ok(())));
    }
    let agenda = agenda_judged(index, config, now, options, ends)?;
    let kept = index.keep_derived(&name, &key, &agenda.encode());
    Ok((agenda, kept))
}

/// Whether the process ends once the command is done, so that what judging used can be
/// left to its exit (freeing 20,000 rows costs milliseconds), or goes on (a watcher).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ends {
    Soon,
    Later,
}

/// The agenda as of `now`, judged from the index's facts and rows.
fn agenda_judged(
    index: &SearchIndex,
    config: &Config,
    now: DateTime<FixedOffset>,
    options: &agenda::Options,
    ends: Ends,
) -> Result<Agenda> {
    let facts = index.agenda_facts()?;
    if let Some(agenda) = agenda_of(index, &facts, config, now, options, ends)? {
        return Ok(agenda);
    }
    // The cached facts did not read whole: computed again (whole).
    let facts = index.agenda_facts_computed()?;
    agenda_of(index, &facts, config, now, options, ends)?.ok_or_else(|| {
        let e = std::io::Error::other("the agenda's facts do not read back");
        crate::error::Error::io(".rolo/index", e)
    })
}

/// Under what name and key an agenda is kept beside the index: one per kept look-ahead,
/// for this day, these owners, the zone's rules and the config as read.
fn agenda_key(
    config: &Config,
    now: DateTime<FixedOffset>,
    options: &agenda::Options,
) -> (String, String) {
    let key = format!("{} {:?} {}", now.date_naive(), options.owners, setting(config));
    (format!("agenda-{}", options.days), key)
}

/// What a summary of the book depends on besides the book, in one line: the zone's
/// rules (local days) and the config as read (its every value, in a digest).
fn setting(config: &Config) -> String {
    let config = sha1_smol::Sha1::from(format!("{config:?}")).digest();
    format!("{} {config}", crate::clock::local_zone().rules())
}

/// The agenda from the index: the records the cached facts say may give an item, read
/// as rows. `None` when the facts, read as they are judged, turn out not to read whole.
fn agenda_of(
    index: &SearchIndex,
    facts: &crate::index::lookup::FactsFile,
    config: &Config,
    now: DateTime<FixedOffset>,
    options: &agenda::Options,
    ends: Ends,
) -> Result<Option<Agenda>> {
    let keys = Keys::only(&agenda::KEYS);
    // The rows files of every kind made first where missing, so that the two parts'
    // threads only read them.
    index.rows_ready()?;
    // Each part from its candidates to its items, on a core of its own: which records
    // it may show (by their facts, which hold their last contacts), then their rows
    // judged, each by the last contact its facts hold.
    let judge = |part: agenda::Part| -> Result<Option<Agenda>> {
        let wanted = agenda::candidates(facts.iter_of(part.kinds()), config, now, options.days);
        if facts.damaged() {
            return Ok(None);
        }
        // Asked of every row of the part's kinds: a fast hash.
        let wanted: HashMap<(Kind, &str), Option<When>, foldhash::fast::RandomState> =
            wanted.into_iter().map(|c| ((c.kind, c.id), c.last)).collect();
        let rows =
            index.rows_keys(part.kinds(), keys, |kind, id| wanted.contains_key(&(kind, id)))?;
        let last = |r: &Row| wanted.get(&(r.kind(), r.id())).copied().flatten();
        let judged = agenda::part(&rows, part, last, config, now, options);
        match ends {
            Ends::Soon => std::mem::forget((rows, wanted)), // freed by the exit, at no cost
            Ends::Later => drop((rows, wanted)),
        }
        Ok(Some(judged))
    };
    let [rest, deals] = agenda::Part::side_by_side(judge);
    Ok(match (rest?, deals?) {
        (Some(rest), Some(deals)) => Some(agenda::joined([rest, deals])),
        _ => None,
    })
}

/// From the index, the records `show` prints around a record: those it links to and its
/// relations name, those linking to it, and for a company those linking to its people.
fn neighbourhood(index: &SearchIndex, record: &Record, entry: &Entry) -> Result<Catalog<Card>> {
    let mut targets = Vec::new();
    for (key, expected) in link_keys(record.kind) {
        for value in record.strs(key) {
            let (kinds, id) =
                match value.split_once('/').and_then(|(k, id)| Some((k.parse::<Kind>().ok()?, id)))
                {
                    Some((k, id)) => (vec![k], id),
                    None => (expected.map_or_else(|| Kind::LINKABLE.to_vec(), |k| vec![k]), value),
                };
            targets.extend(kinds.into_iter().map(|kind| Entry { kind, id: id.to_string() }));
        }
    }
    for r in record.relations() {
        let named = crate::model::relation::targets(&r.to);
        targets.extend(named.into_iter().map(|(kind, id)| Entry { kind, id: id.to_string() }));
    }
    let mut cards = index.cards_of(&targets)?;
    let linking: Vec<Card> =
        index.cards_linking_to(entry)?.into_iter().filter(|c| links::links_to(c, entry)).collect();
    if entry.kind == Kind::Company {
        for person in
            linking.iter().filter(|c| c.kind == Kind::Contact && links::key_links_to(*c, entry))
        {
            let person = Entry { kind: Kind::Contact, id: person.id.clone() };
            cards.extend(
                index
                    .cards_linking_to(&person)?
                    .into_iter()
                    .filter(|c| links::key_links_to(c, &person)),
            );
        }
    }
    cards.extend(linking);
    let mut seen = HashSet::new();
    cards.retain(|c| seen.insert((c.kind, c.id.clone())));
    Ok(Catalog::new(cards, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The watcher says when it cannot keep an agenda (its own work); a command passes
    /// over it (a cache: the next command judges again).
    #[test]
    fn an_agenda_that_cannot_be_kept_is_said_by_the_watcher_and_passed_over_by_a_command() {
        let tmp = tempfile::tempdir().unwrap();
        Book::init(tmp.path()).unwrap();
        let book = Book::open(tmp.path()).unwrap();
        let (index, _) = SearchIndex::open_fresh(&book, &mut |_, _| {}).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        // Where today's agenda would be kept, a folder holding a file: nothing replaces it.
        let blocked = crate::index::index_dir(&book).join("rolo-derived-agenda-0");
        std::fs::create_dir_all(blocked.join("in-the-way")).unwrap();
        assert!(keep_agendas(&index, &book.config, now).is_err());
        let today = agenda::Options { days: 0, owners: Vec::new() };
        assert!(kept_agenda(&index, &book.config, now, &today, Ends::Soon).is_ok());
    }
}
