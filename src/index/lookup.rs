//! Answers read from the index's columns without loading documents: every record's
//! title (to name linked records), every `last_contact` (from notes' dates and
//! `about`) and the agenda's [`Facts`]; and cards fetched by query (the
//! index is the query cache).

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering::Relaxed;

use tantivy::collector::DocSetCollector;
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{SegmentReader, TantivyDocument, Term};

use super::SearchIndex;

use crate::dates::When;
use crate::error::{Error, Result};
use crate::model::bytes::{In, Out};
use crate::model::facts::{Facts, FactsRef, LastContacts, Strs};
use crate::model::reference::Entry;
use crate::model::row::OwnedBytes;
use crate::model::{Card, Kind};

/// What a list asks the index to narrow its records by before it filters them exactly:
/// every one of `tags`, and any one of each of the other lists (empty: no narrowing).
/// Matched ignoring case, as the index keeps these terms lowercase.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    pub tags: Vec<String>,
    pub stages: Vec<String>,
    pub owners: Vec<String>,
    pub sources: Vec<String>,
    pub note_kinds: Vec<String>,
}

/// What lists and cards need to know of the rest of the book.
#[derive(Debug, Default)]
pub struct Lookup {
    /// Name or title of every contact, company and deal.
    pub titles: HashMap<(Kind, String), String>,
    pub last_contact: LastContacts,
    /// Of open tasks, contacts, companies with a follow-up or birthday, and deals, each
    /// with its last contact: the agenda reads these alone ([`SearchIndex::agenda_facts`]).
    pub facts: FactsFile,
}

/// The agenda's [`Facts`] as the cache file holds them: read in place, each as a
/// [`FactsRef`]. A section per kind (in the order of [`Kind::ALL`]), so that the part
/// of the agenda that reads deals never goes through the tasks and contacts: first a
/// table (each kind's count of facts and length in bytes), then the sections, each
/// its facts one after another.
///
/// Read once, as it is used: a file that does not read whole (cut short, damaged) is
/// told by [`FactsFile::damaged`] once its facts have been gone through, and the
/// caller computes them again ([`SearchIndex::agenda_facts_computed`]).
#[derive(Debug)]
pub struct FactsFile {
    /// From the table on.
    bytes: OwnedBytes,
    damaged: AtomicBool,
}

impl Default for FactsFile {
    fn default() -> FactsFile {
        FactsFile::of(&[])
    }
}

/// The length of a [`FactsFile`]'s table: a count and a length per kind.
const TABLE: usize = 8 * Kind::ALL.len();

impl FactsFile {
    pub fn of(facts: &[Facts]) -> FactsFile {
        let mut sections = Sections::default();
        for f in facts {
            sections.add(f);
        }
        sections.file()
    }

    fn read(bytes: OwnedBytes) -> FactsFile {
        FactsFile { bytes, damaged: AtomicBool::new(false) }
    }

    /// The cache file at `path`, if its header line is `header`.
    fn load(path: &std::path::Path, header: &str) -> Option<FactsFile> {
        let bytes = super::rows::map_file(path).ok()?;
        let skip = bytes.len() - body(&bytes, header)?.len();
        Some(FactsFile::read(bytes.slice(skip..bytes.len())))
    }

    pub fn iter(&self) -> FactsIter<'_> {
        self.iter_of(&Kind::ALL)
    }

    /// The facts of `kinds` alone, kind by kind in the order of [`Kind::ALL`]: the
    /// other kinds' sections are not read at all (each is checked by the iteration that
    /// wants it).
    pub fn iter_of(&self, kinds: &[Kind]) -> FactsIter<'_> {
        let mut table = In { bytes: &self.bytes, at: 0 };
        let mut sections: [Option<(Kind, In, usize)>; Kind::ALL.len()] = Default::default();
        let mut at = TABLE;
        for (kind, section) in Kind::ALL.into_iter().zip(&mut sections) {
            let (Some(count), Some(len)) = (table.count(), table.count()) else {
                self.damaged.store(true, Relaxed);
                return FactsIter::empty(&self.damaged);
            };
            let end = at.saturating_add(len);
            if kinds.contains(&kind) {
                // A section cut short gives its whole facts, then tells the damage.
                let bytes = self.bytes.get(at..end.min(self.bytes.len())).unwrap_or_default();
                *section = Some((kind, In { bytes, at: 0 }, count));
            }
            at = end;
        }
        // The sections must end where the file does.
        let whole = at == self.bytes.len();
        FactsIter { sections, next: 0, whole, damaged: &self.damaged }
    }

    /// Whether an iteration found the file not to read whole: what it gave is not all.
    pub fn damaged(&self) -> bool {
        self.damaged.load(Relaxed)
    }
}

/// A [`FactsFile`] being written: each kind's section, its facts added as they come.
#[derive(Default)]
struct Sections([(usize, Out); Kind::ALL.len()]);

impl Sections {
    fn add(&mut self, f: &Facts) {
        let (count, out) = &mut self.0[f.kind as usize];
        *count += 1;
        f.write(out);
    }

    fn file(self) -> FactsFile {
        let size: usize = self.0.iter().map(|(_, out)| out.0.len()).sum();
        let mut out = Out(Vec::with_capacity(TABLE + size));
        for (count, section) in &self.0 {
            out.count(*count);
            out.count(section.0.len());
        }
        for (_, section) in self.0 {
            out.0.extend_from_slice(&section.0);
        }
        FactsFile::read(OwnedBytes::new(out.0))
    }
}

/// The facts of a [`FactsFile`], read as they come.
#[derive(Debug, Clone)]
pub struct FactsIter<'a> {
    /// The sections of the kinds asked for: each kind, its bytes read so far, and its
    /// facts left.
    sections: [Option<(Kind, In<'a>, usize)>; Kind::ALL.len()],
    /// The section being read.
    next: usize,
    /// Whether the table's lengths add up to the file's.
    whole: bool,
    damaged: &'a AtomicBool,
}

impl<'a> FactsIter<'a> {
    fn empty(damaged: &'a AtomicBool) -> FactsIter<'a> {
        FactsIter { sections: Default::default(), next: 0, whole: true, damaged }
    }

    fn damage(&mut self) {
        self.damaged.store(true, Relaxed);
        self.sections = Default::default();
    }
}

impl<'a> Iterator for FactsIter<'a> {
    type Item = FactsRef<'a>;
    fn next(&mut self) -> Option<FactsRef<'a>> {
        loop {
            let Some(section) = self.sections.get_mut(self.next) else {
                if !self.whole {
                    self.damage();
                }
                return None;
            };
            let Some((kind, input, left)) = section else {
                self.next += 1;
                continue;
            };
            let Some(rest) = left.checked_sub(1) else {
                // Read to the count: the section must end there.
                if !input.done() {
                    self.damage();
                    return None;
                }
                self.next += 1;
                continue;
            };
            *left = rest;
            match FactsRef::read_of(*kind, input) {
                Some(fact) => return Some(fact),
                None => {
                    self.damage();
                    return None;
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.sections.iter().flatten().map(|(_, _, left)| *left).sum();
        (0, Some(left))
    }
}

/// The bytes of a cache file after its header line, if that line is `header`.
fn body<'a>(bytes: &'a [u8], header: &str) -> Option<&'a [u8]> {
    let rest = bytes.strip_prefix(header.as_bytes())?;
    rest.strip_prefix(b"\n")
}

impl Lookup {
    /// The last contacts (kind by kind: a count, then id and date each), then the
    /// titles (a count, then kind, id and title each), after the header line. Without
    /// `titles`, the titles are not read. The facts are not read: they are a file of
    /// their own ([`FactsFile::load`]).
    fn load(path: &std::path::Path, header: &str, titles: bool) -> Option<Lookup> {
        let bytes = super::rows::map_file(path).ok()?;
        let mut input = In { bytes: body(&bytes, header)?, at: 0 };
        let mut lookup = Lookup::default();
        for kind in Kind::ALL {
            let count = input.count()?;
            lookup.last_contact.reserve(kind, count.min(bytes.len()));
            for _ in 0..count {
                lookup.last_contact.insert(kind, input.str()?, input.when()?);
            }
        }
        if titles {
            let count = input.count()?;
            lookup.titles.reserve(count);
            for _ in 0..count {
                let (kind, id, title) = (input.kind()?, input.str()?, input.str()?);
                lookup.titles.insert((kind, id.to_string()), title.to_string());
            }
            if !input.done() {
                return None;
            }
        }
        Some(lookup)
    }

    /// Two files: last contacts and titles (every list reads them), and the agenda's
    /// facts (only the agenda does).
    #[cfg(test)]
    fn save(&self, path: &std::path::Path, facts: &std::path::Path, header: &str) -> Result<()> {
        let titles =
            self.titles.iter().map(|((kind, id), title)| (*kind, id.as_str(), title.as_str()));
        save_lookup(path, header, &self.last_contact, titles)?;
        self.facts.save(facts, header)
    }
}

/// The file [`Lookup::load`] reads: `titles` as kind, id and title.
fn save_lookup<'t>(
    path: &std::path::Path,
    header: &str,
    last_contact: &LastContacts,
    titles: impl ExactSizeIterator<Item = (Kind, &'t str, &'t str)>,
) -> Result<()> {
    let mut out = Out(Vec::with_capacity(48 * (titles.len() + last_contact.len())));
    out.0.extend_from_slice(header.as_bytes());
    out.u8(b'\n');
    for kind in Kind::ALL {
        let of_kind = last_contact.of_kind(kind);
        out.count(of_kind.len());
        for (id, when) in of_kind {
            out.str(id);
            out.when(&when);
        }
    }
    out.count(titles.len());
    for (kind, id, title) in titles {
        out.kind(kind);
        out.str(id);
        out.str(title);
    }
    crate::store::write::replace_cache(path, &out.0)
}

impl FactsFile {
    /// The file [`FactsFile::load`] reads.
    fn save(&self, path: &std::path::Path, header: &str) -> Result<()> {
        let mut out = Vec::with_capacity(header.len() + 1 + self.bytes.len());
        out.extend_from_slice(header.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(&self.bytes);
        crate::store::write::replace_cache(path, &out)
    }
}

impl Facts {
    /// Id, a byte with a bit for each of `due close created birthday follow_up` that is
    /// there (and one for `done`, one for `last`), those numbers, the last contact, the
    /// stage, the tags, the links. The kind is its section's ([`FactsFile`]).
    fn write(&self, out: &mut Out) {
        out.str(&self.id);
        let birthday = self.birthday.and_then(|b| i32::try_from(b).ok());
        let numbers = [self.due, self.close, self.created, birthday, self.follow_up];
        let mut bits = u8::from(self.done) << 5 | u8::from(self.last.is_some()) << 6;
        for (i, n) in numbers.iter().enumerate() {
            bits |= u8::from(n.is_some()) << i;
        }
        out.u8(bits);
        for n in numbers.into_iter().flatten() {
            out.i32(n);
        }
        if let Some(last) = &self.last {
            out.when(last);
        }
        out.opt_str(self.stage.as_deref());
        for list in [&self.tags, &self.links] {
            out.count(list.len());
            for s in list {
                out.str(s);
            }
        }
    }
}

impl<'a> FactsRef<'a> {
    /// What [`Facts::write`] wrote, its strings read in place (and checked: a damaged
    /// one fails the read, not a later look at the list).
    fn read_of(kind: Kind, input: &mut In<'a>) -> Option<FactsRef<'a>> {
        let id = input.str()?;
        let bits = input.u8()?;
        let mut numbers = [None; 5];
        for (i, n) in numbers.iter_mut().enumerate() {
            if bits & (1 << i) != 0 {
                *n = Some(input.i32()?);
            }
        }
        let last = if bits & (1 << 6) != 0 { Some(input.when()?) } else { None };
        let stage = input.opt_str()?;
        let mut list = || -> Option<Strs<'a>> {
            let count = input.count()?;
            let start = input.at;
            for _ in 0..count {
                input.str()?;
            }
            Some(Strs::Encoded { bytes: input.bytes.get(start..input.at)?, count })
        };
        let (tags, links) = (list()?, list()?);
        let [due, close, created, birthday, follow_up] = numbers;
        Some(FactsRef {
            kind,
            id,
            due,
            close,
            created,
            birthday: birthday.and_then(|b| u32::try_from(b).ok()),
            follow_up,
            done: bits & (1 << 5) != 0,
            stage,
            tags,
            links,
            last,
        })
    }
}

fn fail(e: impl std::fmt::Display) -> Error {
    Error::io(".rolo/index", std::io::Error::other(e.to_string()))
}

/// A text column decoded once: its words by ordinal (one text, each word's end in it:
/// a string apiece was 40 bytes and an allocation for each of 970,000 words at 100,000
/// records), and each document's ordinals.
struct Words {
    text: String,
    ends: Vec<u32>,
    ords: Column<u64>,
}

impl Words {
    fn open(segment: &SegmentReader, field: &str) -> Result<Option<Words>> {
        let Some(column) = segment.fast_fields().str(field).map_err(fail)? else { return Ok(None) };
        let mut text = String::new();
        let mut ends = Vec::with_capacity(column.dictionary().num_terms());
        let mut stream = column.dictionary().stream().map_err(fail)?;
        while stream.advance() {
            text.push_str(&String::from_utf8_lossy(stream.key()));
            ends.push(u32::try_from(text.len()).map_err(fail)?);
        }
        let (_, ords) = column.into_parts();
        Ok(Some(Words { text, ends, ords }))
    }

    /// The word of ordinal `ord`.
    fn word(&self, ord: usize) -> Option<&str> {
        let end = *self.ends.get(ord)? as usize;
        let start = ord.checked_sub(1).map_or(0, |before| self.ends[before] as usize);
        self.text.get(start..end)
    }

    /// Every word, in ordinal order.
    fn words(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).filter_map(|ord| self.word(ord))
    }

    fn all(&self, doc: u32) -> impl Iterator<Item = &str> {
        self.ords.values_for_doc(doc).filter_map(|o| self.word(o as usize))
    }

    fn first(&self, doc: u32) -> Option<&str> {
        self.all(doc).next()
    }
}

/// The agenda's numeric columns of one segment.
struct Numbers {
    due: Option<Column<i64>>,
    close: Option<Column<i64>>,
    created: Option<Column<i64>>,
    birthday: Option<Column<i64>>,
    follow_up: Option<Column<i64>>,
    done: Option<Column<i64>>,
}

impl Numbers {
    fn open(
        segment: &SegmentReader,
        name: impl Fn(tantivy::schema::Field) -> String,
        f: &super::schema::Fields,
    ) -> Result<Numbers> {
        let column = |field| segment.fast_fields().column_opt::<i64>(&name(field)).map_err(fail);
        Ok(Numbers {
            due: column(f.due_day)?,
            close: column(f.close_day)?,
            created: column(f.created_day)?,
            birthday: column(f.birthday_md)?,
            follow_up: column(f.follow_up_days)?,
            done: column(f.done)?,
        })
    }

    fn get<T: TryFrom<i64>>(&self, column: &Option<Column<i64>>, doc: u32) -> Option<T> {
        column.as_ref()?.first(doc).and_then(|v| T::try_from(v).ok())
    }
}

/// The columns of one segment that the look-up reads.
struct SegmentColumns<'s> {
    segment: &'s SegmentReader,
    kinds: Words,
    /// Each word of `kinds` as a kind.
    kind_of: Vec<Option<Kind>>,
    ids: Words,
    titles: Option<Words>,
    links: Option<Words>,
    dates: Option<Words>,
    numbers: Numbers,
    stages: Option<Words>,
    tags: Option<Words>,
}

/// What the look-up gathers from every record, borrowing the columns' words: titles of
/// contacts, companies and deals, each contact's company, and each note's date with
/// where its `about` is (its segment's place in the list of them, and its document).
#[derive(Default)]
struct BookLinks<'w> {
    titles: HashMap<(Kind, &'w str), &'w str>,
    company_of: HashMap<&'w str, &'w str>,
    notes: Vec<(When, u32, u32)>,
}

impl<'s> SegmentColumns<'s> {
    /// None for a segment without kinds or ids (no documents).
    fn open(
        segment: &'s SegmentReader,
        f: &super::schema::Fields,
    ) -> Result<Option<SegmentColumns<'s>>> {
        let name = |field| f.schema.get_field_name(field).to_string();
        let (Some(kinds), Some(ids)) =
            (Words::open(segment, &name(f.kind))?, Words::open(segment, &name(f.id))?)
        else {
            return Ok(None);
        };
        let kind_of = kinds.words().map(|k| k.parse().ok()).collect();
        Ok(Some(SegmentColumns {
            segment,
            kinds,
            kind_of,
            ids,
            titles: Words::open(segment, &name(f.title_raw))?,
            links: Words::open(segment, &name(f.links))?,
            dates: Words::open(segment, &name(f.date_raw))?,
            numbers: Numbers::open(segment, name, f)?,
            stages: Words::open(segment, &name(f.stage))?,
            tags: Words::open(segment, &name(f.tag))?,
        }))
    }

    /// The kind and id of a document (`None` for one without).
    fn kind_and_id(&self, doc: u32) -> Option<(Kind, &str)> {
        let ord = self.kinds.ords.first(doc)?;
        let kind = self.kind_of.get(ord as usize).copied().flatten()?;
        Some((kind, self.ids.first(doc)?))
    }

    /// What one document adds to `book`, this segment being the `segment`th.
    fn read_links<'w>(&'w self, segment: u32, doc: u32, book: &mut BookLinks<'w>) {
        let Some((kind, id)) = self.kind_and_id(doc) else { return };
        match kind {
            Kind::Contact | Kind::Company | Kind::Deal => {
                let title = self.titles.as_ref().and_then(|t| t.first(doc)).unwrap_or(id);
                book.titles.insert((kind, id), title);
                if kind == Kind::Contact
                    && let Some(company) = self.links.as_ref().and_then(|l| l.first(doc))
                {
                    book.company_of.insert(id, company);
                }
            }
            Kind::Note => {
                let when = self
                    .dates
                    .as_ref()
                    .and_then(|d| d.first(doc))
                    .and_then(|d| d.parse::<toml_edit::Datetime>().ok())
                    .and_then(|d| When::from_toml(&d));
                if let Some(when) = when {
                    book.notes.push((when, segment, doc));
                }
            }
            Kind::Task => {}
        }
    }

    /// A note's `about`, as written.
    fn about(&self, doc: u32) -> impl Iterator<Item = &str> {
        self.links.iter().flat_map(move |l| l.all(doc))
    }

    /// A document's [`Facts`], if the agenda can ever show it.
    fn read_facts(&self, doc: u32) -> Option<Facts> {
        match self.kind_and_id(doc)? {
            (Kind::Note, _) => None,
            (kind, id) => self.facts(kind, id, doc),
        }
    }

    /// Only what the agenda can ever show: open tasks, contacts, companies with a
    /// cadence or a birthday, and deals (open or not by rolo.toml).
    fn facts(&self, kind: Kind, id: &str, doc: u32) -> Option<Facts> {
        let n = &self.numbers;
        let all = |words: &Option<Words>| -> Vec<String> {
            words.as_ref().map(|w| w.all(doc).map(String::from).collect()).unwrap_or_default()
        };
        let fact = Facts {
            kind,
            id: id.to_string(),
            due: n.get(&n.due, doc),
            close: n.get(&n.close, doc),
            created: n.get(&n.created, doc),
            birthday: n.get(&n.birthday, doc),
            follow_up: n.get(&n.follow_up, doc),
            done: n.get::<i64>(&n.done, doc).is_some(),
            stage: self.stages.as_ref().and_then(|w| w.first(doc)).map(String::from),
            tags: all(&self.tags),
            links: all(&self.links),
            last: None,
        };
        let keep = match kind {
            Kind::Task => !fact.done,
            Kind::Company => fact.follow_up.is_some() || fact.birthday.is_some(),
            _ => true,
        };
        keep.then_some(fact)
    }
}

impl SearchIndex {
    /// Titles and last contacts for the whole book: from a cache file written for this
    /// exact state of the index, else computed from the columns (and cached).
    pub fn lookup(&self) -> Result<Lookup> {
        self.cached_lookup(true)
    }

    /// The last contacts alone (no titles, no facts): for a list, which names only the
    /// few records its rows link to ([`Self::titles_of`]).
    pub fn last_contacts(&self) -> Result<LastContacts> {
        Ok(self.cached_lookup(false)?.last_contact)
    }

    /// Titles of the records of `kinds` whose id is one of `ids` (as written: a value
    /// that is no id names nothing), from their rows (each file's ids are read in place;
    /// only those rows are decoded).
    pub fn titles_of(
        &self,
        kinds: &[Kind],
        ids: &[&str],
    ) -> Result<HashMap<(Kind, String), String>> {
        if ids.is_empty() || kinds.is_empty() {
            return Ok(HashMap::new());
        }
        let wanted: std::collections::HashSet<&str, foldhash::fast::RandomState> =
            ids.iter().copied().collect();
        let keys = crate::model::row::Keys::only(&["name", "title"]);
        let rows = self.rows_keys(kinds, keys, |_, id| wanted.contains(id))?;
        use crate::model::View;
        Ok(rows.iter().map(|r| ((r.kind(), r.id().to_string()), r.title())).collect())
    }

    /// The agenda's [`Facts`] of every record, each with its last contact: from the
    /// cache file written for this exact state of the index, else computed from the
    /// columns (and cached).
    pub fn agenda_facts(&self) -> Result<FactsFile> {
        let (_, facts, header) = self.lookup_files();
        match FactsFile::load(&facts, &header) {
            Some(facts) => Ok(facts),
            None => self.agenda_facts_computed(),
        }
    }

    /// [`Self::agenda_facts`] computed from the columns (and cached again): for when
    /// the cached facts turned out [`FactsFile::damaged`].
    pub fn agenda_facts_computed(&self) -> Result<FactsFile> {
        Ok(self.recompute_lookup(false)?.facts)
    }

    /// The cache files and the header naming the state of the index they are of.
    fn lookup_files(&self) -> (std::path::PathBuf, std::path::PathBuf, String) {
        let path = self.dir.join("rolo-lookup");
        let facts = self.dir.join("rolo-facts");
        (path, facts, format!("rolo-lookup-5 {}", self.state()))
    }

    /// The state of the index a cache is computed from, in one line: its segments and
    /// their deletes (and the walk it was checked against).
    pub(super) fn state(&self) -> String {
        let mut state = format!("{} {}", self.fingerprint.0, self.fingerprint.1);
        for segment in self.searcher().segment_readers() {
            let id = segment.segment_id().uuid_string();
            state.push_str(&format!(" {id}:{}", segment.num_deleted_docs()));
        }
        state
    }

    /// The look-up's cache files written for this state of the index, unless they are
    /// already: what a watcher does once the book is quiet, so that the next command
    /// reads them instead of going through every record's columns.
    pub fn warm_lookup(&self) -> Result<()> {
        let (path, facts, header) = self.lookup_files();
        let written = |path: &std::path::Path| super::fresh::first_line_is(path, &header);
        if !(written(&path) && written(&facts)) {
            self.recompute_lookup(false)?;
        }
        Ok(())
    }

    fn cached_lookup(&self, titles: bool) -> Result<Lookup> {
        let (path, _, header) = self.lookup_files();
        match Lookup::load(&path, &header, titles) {
            Some(cached) => Ok(cached),
            None => self.recompute_lookup(titles),
        }
    }

    /// The look-up computed from the columns and cached (titles kept if asked for). Made
    /// as it is written, in two passes over the columns (the notes' dates and what they
    /// are about, then each record's facts with its last contact): no list of every
    /// record's facts, no second copy of the titles unless they are asked for.
    fn recompute_lookup(&self, titles: bool) -> Result<Lookup> {
        super::reading_the_whole_book();
        let (path, facts_path, header) = self.lookup_files();
        let searcher = self.searcher();
        // Every segment's columns decoded first, so what follows borrows their words.
        let mut segments = Vec::new();
        for segment in searcher.segment_readers() {
            if let Some(columns) = SegmentColumns::open(segment, &self.fields)? {
                segments.push(columns);
            }
        }
        let mut book = BookLinks::default();
        for (n, columns) in (0u32..).zip(&segments) {
            for doc in columns.segment.doc_ids_alive() {
                columns.read_links(n, doc, &mut book);
            }
        }
        let BookLinks { titles: named, company_of, notes } = book;
        let last_contact = crate::model::facts::newest_notes(
            notes.iter().map(|&(when, n, doc)| (when, segments[n as usize].about(doc))),
            |kind, id| named.contains_key(&(kind, id)),
            |contact| company_of.get(contact).copied(),
        );
        drop((notes, company_of));
        let mut sections = Sections::default();
        for columns in &segments {
            for doc in columns.segment.doc_ids_alive() {
                if let Some(fact) = columns.read_facts(doc) {
                    sections.add(&fact.with_last(&last_contact));
                }
            }
        }
        let facts = sections.file();
        // Caches: if one cannot be written, the next command computes it again.
        let borrowed = named.iter().map(|(&(kind, id), &title)| (kind, id, title));
        let _ = save_lookup(&path, &header, &last_contact, borrowed);
        let _ = facts.save(&facts_path, &header);
        let titles = match titles {
            true => {
                named.iter().map(|(&(k, id), &t)| ((k, id.to_string()), t.to_string())).collect()
            }
            false => HashMap::new(),
        };
        Ok(Lookup { titles, last_contact, facts })
    }

    /// Cards of one kind, narrowed by the index where it can (every tag; any of the
    /// stages, owners, sources, note kinds); the caller applies the exact filter to what
    /// comes back.
    pub fn cards(&self, kind: Kind, filter: &Narrowing) -> Result<Vec<Card>> {
        self.cards_matching(&self.narrowing(kind, filter))
    }

    /// Rows (no body, no unknown keys) of the records [`Self::cards`] would give: what a
    /// list's table shows.
    pub fn rows_narrowed(&self, kind: Kind, filter: &Narrowing) -> Result<Vec<crate::model::Row>> {
        let searcher = self.searcher();
        let docs: std::collections::HashSet<tantivy::DocAddress> =
            searcher.search(&self.narrowing(kind, filter), &DocSetCollector).map_err(fail)?;
        let keys = crate::model::row::Keys::ALL;
        self.rows_of(&searcher, &[kind], keys, |address, _, _| docs.contains(&address))
    }

    /// The query [`Self::cards`] narrows by.
    fn narrowing(&self, kind: Kind, filter: &Narrowing) -> BooleanQuery {
        let f = &self.fields;
        let mut must: Vec<(Occur, Box<dyn TQuery>)> =
            vec![(Occur::Must, term(f.kind, kind.name()))];
        for tag in &filter.tags {
            must.push((Occur::Must, term(f.tag, &tag.to_lowercase())));
        }
        for (field, values) in [
            (f.stage, &filter.stages),
            (f.owner, &filter.owners),
            (f.source, &filter.sources),
            (f.note_kind, &filter.note_kinds),
        ] {
            if !values.is_empty() {
                let any = values
                    .iter()
                    .map(|v| (Occur::Should, term(field, &v.to_lowercase())))
                    .collect();
                must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
            }
        }
        BooleanQuery::new(must)
    }

    /// Cards of every record a search query finds, in book order (saved views).
    pub fn cards_for(&self, query: &crate::query::Query) -> Result<Vec<Card>> {
        let (q, _) = super::eval::to_tantivy(query, &self.fields);
        self.cards_matching(q.as_ref())
    }

    /// Cards of the records whose `company`, `contact` or `about` names `id` (bare or
    /// `type/id`); the caller checks the kind with `links::links_to`.
    pub fn cards_linking_to(&self, target: &Entry) -> Result<Vec<Card>> {
        let f = &self.fields;
        let any: Vec<(Occur, Box<dyn TQuery>)> = vec![
            (Occur::Should, term(f.links, &target.id)),
            (Occur::Should, term(f.links, &target.qualified())),
            (Occur::Should, term(f.related, &target.id)),
            (Occur::Should, term(f.related, &target.qualified())),
        ];
        self.cards_matching(&BooleanQuery::new(any))
    }

    /// Cards of the given records (those that exist).
    pub fn cards_of(&self, entries: &[Entry]) -> Result<Vec<Card>> {
        let f = &self.fields;
        let mut ids: HashMap<Kind, Vec<&str>> = HashMap::new();
        for e in entries {
            ids.entry(e.kind).or_default().push(&e.id);
        }
        let any: Vec<(Occur, Box<dyn TQuery>)> = ids
            .into_iter()
            .map(|(kind, ids)| {
                let any_id = ids.into_iter().map(|id| (Occur::Should, term(f.id, id))).collect();
                let both = BooleanQuery::new(vec![
                    (Occur::Must, term(f.kind, kind.name())),
                    (Occur::Must, Box::new(BooleanQuery::new(any_id)) as Box<dyn TQuery>),
                ]);
                (Occur::Should, Box::new(both) as Box<dyn TQuery>)
            })
            .collect();
        if any.is_empty() {
            return Ok(Vec::new());
        }
        self.cards_matching(&BooleanQuery::new(any))
    }

    fn cards_matching(&self, query: &dyn TQuery) -> Result<Vec<Card>> {
        let searcher = self.searcher();
        let mut addresses: Vec<_> =
            searcher.search(query, &DocSetCollector).map_err(fail)?.into_iter().collect();
        // In store order, so each compressed block of the doc store is read once.
        addresses.sort();
        // Reading and parsing cards dominates a list: split it over the cores, each
        // thread taking a contiguous run so it still reads each store block once.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
        let chunk = addresses.len().div_ceil(threads).max(1);
        let card_field = self.fields.card;
        let parts: Vec<Result<Vec<Card>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = addresses
                .chunks(chunk)
                .map(|part| {
                    let searcher = &searcher;
                    scope.spawn(move || {
                        let mut cards = Vec::with_capacity(part.len());
                        for address in part {
                            let doc: TantivyDocument = searcher.doc(*address).map_err(fail)?;
                            let json = doc
                                .get_first(card_field)
                                .and_then(|v| v.as_str())
                                .unwrap_or_default();
                            if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(json)
                                && let Some(card) = Card::from_json(map)
                            {
                                cards.push(card);
                            }
                        }
                        Ok(cards)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|_| Err(fail("a reader thread panicked"))))
                .collect()
        });
        let mut cards = Vec::with_capacity(addresses.len());
        for part in parts {
            cards.extend(part?);
        }
        // Book order, as when reading the files.
        cards.sort_by(crate::model::view::book_order);
        Ok(cards)
    }
}

fn term(field: tantivy::schema::Field, text: &str) -> Box<dyn TQuery> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(kind: Kind, id: &str) -> Facts {
        Facts {
            kind,
            id: id.into(),
            due: None,
            close: None,
            created: None,
            birthday: None,
            follow_up: None,
            done: false,
            stage: None,
            tags: Vec::new(),
            links: Vec::new(),
            last: None,
        }
    }

    /// The facts of some kinds alone, the others' sections not read: the same as those
    /// kinds' of every fact, kind by kind; a damaged fact of a kind not asked for is
    /// told by the iteration that reads it; a table that does not add up to the file
    /// by every iteration.
    #[test]
    fn facts_of_some_kinds_pass_over_the_others() {
        let mut written = Vec::new();
        for (i, kind) in Kind::ALL.into_iter().cycle().take(40).enumerate() {
            let mut f = fact(kind, &format!("Жанар-{i}"));
            f.due = (i % 3 == 0).then_some(i as i32);
            f.follow_up = (i % 4 == 0).then_some(-1);
            f.stage = (i % 2 == 0).then(|| "лид".to_string());
            f.tags = (0..i % 3).map(|t| format!("тег{t}")).collect();
            f.links = (0..i % 2).map(|l| format!("company/王{l}")).collect();
            f.last = (i % 5 == 1).then_some(When::Date(chrono::NaiveDate::MIN));
            written.push(f);
        }
        let file = FactsFile::of(&written);
        let owned = |it: FactsIter| it.map(|f| f.to_owned()).collect::<Vec<_>>();
        for kinds in
            [&[Kind::Deal][..], &[Kind::Task, Kind::Contact, Kind::Company], &[], &Kind::ALL]
        {
            let iter = file.iter_of(kinds);
            let expected: Vec<Facts> = Kind::ALL
                .iter()
                .filter(|k| kinds.contains(k))
                .flat_map(|k| written.iter().filter(move |f| f.kind == *k).cloned())
                .collect();
            assert_eq!(iter.size_hint(), (0, Some(expected.len())), "{kinds:?}");
            assert_eq!(owned(iter), expected, "{kinds:?}");
        }
        assert!(!file.damaged());
        // A table whose lengths do not add up to the file's: told by any iteration.
        let mut longer = file.bytes.to_vec();
        longer.push(0);
        let longer = FactsFile::read(OwnedBytes::new(longer));
        assert_eq!(longer.iter_of(&[Kind::Deal]).count(), 8);
        assert!(longer.damaged());
        // A deal's id made invalid UTF-8: passed over by the rest, told by the deals'.
        let mut bytes = file.bytes.to_vec();
        let deal = written.iter().position(|f| f.kind == Kind::Deal).unwrap();
        let id = format!("Жанар-{deal}");
        // With its length before it (`Жанар-2` also begins `Жанар-20`).
        let written_id = [&(id.len() as u32).to_le_bytes()[..], id.as_bytes()].concat();
        let at = bytes.windows(written_id.len()).position(|w| w == written_id).unwrap();
        bytes[at + 4] = 0xff;
        let damaged = FactsFile::read(OwnedBytes::new(bytes));
        let rest = owned(damaged.iter_of(&[Kind::Task, Kind::Contact, Kind::Company]));
        assert_eq!(
            rest.len(),
            written.iter().filter(|f| f.kind != Kind::Deal && f.kind != Kind::Note).count()
        );
        assert!(!damaged.damaged());
        let deals = owned(damaged.iter_of(&[Kind::Deal]));
        assert!(deals.len() < written.iter().filter(|f| f.kind == Kind::Deal).count());
        assert!(damaged.damaged());
    }

    /// Every kind of date, titles and ids holding separators and line breaks, facts with
    /// and without each value: read back as written; a file of another state is not read.
    #[test]
    fn the_cached_lookup_reads_back_as_written() {
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let mut lookup = Lookup::default();
        let whens = [
            When::Date(chrono::NaiveDate::from_ymd_opt(1988, 2, 29).unwrap()),
            When::At(at("2026-11-23T10:00:00.123456789-08:00")),
            When::At(at("1969-12-31T23:59:59+14:00")),
            When::Local(at("2026-01-01T07:30:05.5Z").naive_utc()),
        ];
        for (i, when) in whens.into_iter().enumerate() {
            let kind = Kind::ALL[i % Kind::ALL.len()];
            lookup.last_contact.insert(kind, &format!("王-{i}\t\n\u{1f}"), when);
        }
        lookup.titles.insert((Kind::Deal, "сайт".into()), "Сайт \"новый\"\n\u{1f}\t".into());
        lookup.titles.insert((Kind::Contact, String::new()), String::new());
        let mut full = fact(Kind::Task, "t\u{1f}1");
        full.due = Some(-3);
        full.close = Some(i32::MAX);
        full.created = Some(i32::MIN);
        full.birthday = Some(1231);
        full.follow_up = Some(-1);
        full.done = true;
        full.stage = Some(String::new());
        full.tags = vec!["vip".into(), "клиент\t".into()];
        full.links = vec!["company/acme".into()];
        full.last = Some(whens[1]);
        let mut some = fact(Kind::Company, "acme");
        some.birthday = Some(0);
        some.stage = Some("customer".into());
        some.last = Some(whens[3]);
        // In the file's order: kind by kind, in the order of `Kind::ALL`.
        let written = vec![some, fact(Kind::Deal, "d"), full];
        lookup.facts = FactsFile::of(&written);
        let dir = tempfile::tempdir().unwrap();
        let (path, facts) = (dir.path().join("lookup"), dir.path().join("facts"));
        let header = "rolo-lookup-5 1 2";
        lookup.save(&path, &facts, header).unwrap();
        let back = Lookup::load(&path, header, true).unwrap();
        assert_eq!(back.last_contact, lookup.last_contact);
        assert_eq!(back.titles, lookup.titles);
        let owned = |file: &FactsFile| file.iter().map(|f| f.to_owned()).collect::<Vec<_>>();
        assert_eq!(owned(&FactsFile::load(&facts, header).unwrap()), written);
        assert_eq!(owned(&lookup.facts), written);
        let bare = Lookup::load(&path, header, false).unwrap();
        assert_eq!(bare.last_contact, lookup.last_contact);
        assert!(bare.titles.is_empty() && bare.facts.iter().next().is_none());
        assert!(Lookup::load(&path, "rolo-lookup-5 1 3", true).is_none());
        assert!(FactsFile::load(&facts, "rolo-lookup-5 1 3").is_none());
        // Cut short (a torn write), or longer than its count says: what reads is given,
        // and the file is told damaged once gone through.
        let bytes = std::fs::read(&facts).unwrap();
        std::fs::write(&facts, &bytes[..bytes.len() - 1]).unwrap();
        let cut = FactsFile::load(&facts, header).unwrap();
        assert!(!cut.damaged());
        assert_eq!(cut.iter().count(), 2);
        assert!(cut.damaged());
        let mut longer = bytes.clone();
        longer.push(0);
        std::fs::write(&facts, &longer).unwrap();
        let longer = FactsFile::load(&facts, header).unwrap();
        assert_eq!(longer.iter().count(), 3);
        assert!(longer.damaged());
        std::fs::write(&facts, &bytes).unwrap();
        let whole = FactsFile::load(&facts, header).unwrap();
        assert_eq!(whole.iter().count(), 3);
        assert!(!whole.damaged());
    }
}
