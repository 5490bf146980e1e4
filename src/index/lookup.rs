//! Answers read from the index's columns without loading documents: every record's
//! title (to name linked records), every `last_contact` (from notes' dates and
//! `about`) and the agenda's [`Facts`]; and cards fetched by query (the
//! index is the query cache).

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{SegmentReader, TantivyDocument, Term};

use super::SearchIndex;
use crate::dates::When;
use crate::error::{Error, Result};
use crate::model::facts::Facts;
use crate::model::reference::Entry;
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
    pub last_contact: HashMap<Entry, When>,
    /// Of open tasks, contacts, companies with a follow-up or birthday, and deals.
    pub facts: Vec<Facts>,
}

/// Lists inside a cache line are joined by this; a value holding it (or a tab or a line
/// break) is never cached.
const SEP: char = '\u{1f}';

fn cacheable(s: &str) -> bool {
    !s.contains(['\t', '\n', '\r', SEP])
}

impl Lookup {
    /// Lines `T kind id "title"` and `L kind id when`, tab-separated, after the header;
    /// with `facts`, also that file's `F kind id …` lines.
    /// Without `titles`, the `T` lines are skipped unparsed (the agenda names nothing).
    fn load(
        path: &std::path::Path,
        facts: Option<&std::path::Path>,
        header: &str,
        titles: bool,
    ) -> Option<Lookup> {
        let mut text = std::fs::read_to_string(path).ok()?;
        if let Some(facts) = facts {
            let more = std::fs::read_to_string(facts).ok()?;
            let (first, rest) = more.split_once('\n')?;
            if first != header {
                return None;
            }
            text.push_str(rest);
        }
        let mut lines = text.lines();
        if lines.next()? != header {
            return None;
        }
        let mut lookup = Lookup::default();
        for line in lines {
            if !titles && line.starts_with("T\t") {
                continue;
            }
            let mut parts = line.splitn(4, '\t');
            let (tag, kind, id, value) =
                (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            let kind: Kind = kind.parse().ok()?;
            match tag {
                "T" => {
                    // JSON-quoted; most titles need no unescaping.
                    let plain = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
                    let title = match plain {
                        Some(t) if !t.contains('\\') => t.to_string(),
                        _ => serde_json::from_str(value).ok()?,
                    };
                    lookup.titles.insert((kind, id.to_string()), title);
                }
                "L" => {
                    let when = value
                        .parse::<toml_edit::Datetime>()
                        .ok()
                        .as_ref()
                        .and_then(When::from_toml)?;
                    lookup.last_contact.insert(Entry { kind, id: id.to_string() }, when);
                }
                "F" => lookup.facts.push(Facts::from_line(kind, id, value)?),
                _ => return None,
            }
        }
        Some(lookup)
    }

    /// Two files: titles and last contacts (every list reads them), and the agenda's
    /// facts (only the agenda does).
    fn save(&self, path: &std::path::Path, facts: &std::path::Path, header: &str) -> Result<()> {
        use std::fmt::Write as _;
        let mut text = String::with_capacity(64 * (self.titles.len() + self.last_contact.len()));
        let _ = writeln!(text, "{header}");
        for ((kind, id), title) in &self.titles {
            let title = serde_json::Value::String(title.clone());
            let _ = writeln!(text, "T\t{kind}\t{id}\t{title}");
        }
        for (entry, when) in &self.last_contact {
            let _ = writeln!(text, "L\t{}\t{}\t{}", entry.kind, entry.id, when.to_toml());
        }
        crate::store::write::replace_cache(path, text.as_bytes())?;
        let mut text = String::with_capacity(64 * self.facts.len());
        let _ = writeln!(text, "{header}");
        for f in &self.facts {
            let strings = std::iter::once(&f.id).chain(&f.stage).chain(&f.tags).chain(&f.links);
            if !strings.into_iter().all(|s| cacheable(s)) {
                return Ok(());
            }
            let _ = writeln!(text, "F\t{}\t{}\t{}", f.kind, f.id, f.to_line());
        }
        crate::store::write::replace_cache(facts, text.as_bytes())
    }
}

impl Facts {
    /// `due close created birthday follow_up done stage tags links`, tab-separated,
    /// empty for none, lists joined by [`SEP`].
    fn to_line(&self) -> String {
        fn num<T: ToString>(v: Option<T>) -> String {
            v.map(|v| v.to_string()).unwrap_or_default()
        }
        let sep = SEP.to_string();
        [
            num(self.due),
            num(self.close),
            num(self.created),
            num(self.birthday),
            num(self.follow_up),
            if self.done { "1".into() } else { String::new() },
            self.stage.clone().unwrap_or_default(),
            self.tags.join(&sep),
            self.links.join(&sep),
        ]
        .join("\t")
    }

    fn from_line(kind: Kind, id: &str, line: &str) -> Option<Facts> {
        let mut parts = line.split('\t');
        let mut next = || parts.next();
        fn num<T: std::str::FromStr>(s: &str) -> Option<Option<T>> {
            if s.is_empty() { Some(None) } else { s.parse().ok().map(Some) }
        }
        let list = |s: &str| -> Vec<String> {
            if s.is_empty() { Vec::new() } else { s.split(SEP).map(String::from).collect() }
        };
        Some(Facts {
            kind,
            id: id.to_string(),
            due: num(next()?)?,
            close: num(next()?)?,
            created: num(next()?)?,
            birthday: num(next()?)?,
            follow_up: num(next()?)?,
            done: next()? == "1",
            stage: Some(next()?.to_string()).filter(|s| !s.is_empty()),
            tags: list(next()?),
            links: list(next()?),
        })
    }
}

fn fail(e: impl std::fmt::Display) -> Error {
    Error::io(".rolo/index", std::io::Error::other(e.to_string()))
}

/// A text column decoded once: its words by ordinal, and each document's ordinals.
struct Words {
    words: Vec<String>,
    ords: Column<u64>,
}

impl Words {
    fn open(segment: &SegmentReader, field: &str) -> Result<Option<Words>> {
        let Some(column) = segment.fast_fields().str(field).map_err(fail)? else { return Ok(None) };
        let mut words = Vec::with_capacity(column.dictionary().num_terms());
        let mut stream = column.dictionary().stream().map_err(fail)?;
        while stream.advance() {
            words.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        let (_, ords) = column.into_parts();
        Ok(Some(Words { words, ords }))
    }

    fn all(&self, doc: u32) -> impl Iterator<Item = &str> {
        self.ords.values_for_doc(doc).filter_map(|o| self.words.get(o as usize)).map(String::as_str)
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

impl SearchIndex {
    /// Titles and last contacts for the whole book: from a cache file written for this
    /// exact state of the index, else computed from the columns (and cached).
    pub fn lookup(&self) -> Result<Lookup> {
        self.cached_lookup(false, true)
    }

    /// The last contacts alone (no titles, no facts): for a list, which names only the
    /// few records its rows link to ([`Self::titles_of`]).
    pub fn last_contacts(&self) -> Result<HashMap<Entry, When>> {
        Ok(self.cached_lookup(false, false)?.last_contact)
    }

    /// Titles of the contacts, companies and deals whose id is one of `ids` (as written:
    /// a value that is no id names nothing), from the columns of those few documents.
    pub fn titles_of(&self, ids: &[&str]) -> Result<HashMap<(Kind, String), String>> {
        let f = &self.fields;
        let mut titles = HashMap::new();
        if ids.is_empty() {
            return Ok(titles);
        }
        let terms = ids.iter().map(|id| Term::from_field_text(f.id, id));
        let query = tantivy::query::TermSetQuery::new(terms);
        let searcher = self.searcher();
        let mut docs: Vec<tantivy::DocAddress> =
            searcher.search(&query, &DocSetCollector).map_err(fail)?.into_iter().collect();
        docs.sort();
        let name = |field| self.fields.schema.get_field_name(field).to_string();
        let mut open: Option<(u32, [Option<tantivy::columnar::StrColumn>; 3])> = None;
        let (mut kind, mut id, mut title) = (String::new(), String::new(), String::new());
        for address in docs {
            if open.as_ref().is_none_or(|(ord, _)| *ord != address.segment_ord) {
                let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                let column = |field| fast.str(&name(field)).map_err(fail);
                let columns = [column(f.kind)?, column(f.id)?, column(f.title_raw)?];
                open = Some((address.segment_ord, columns));
            }
            let Some((_, [Some(kinds), Some(ids), titled])) = &open else { continue };
            let first = |column: &tantivy::columnar::StrColumn, out: &mut String| {
                out.clear();
                let ord = column.term_ords(address.doc_id).next();
                ord.is_some_and(|o| column.ord_to_str(o, out).unwrap_or(false))
            };
            if !first(kinds, &mut kind) || !first(ids, &mut id) {
                continue;
            }
            let Ok(k @ (Kind::Contact | Kind::Company | Kind::Deal)) = kind.parse::<Kind>() else {
                continue;
            };
            let has_title = titled.as_ref().is_some_and(|t| first(t, &mut title));
            let shown = if has_title { title.clone() } else { id.clone() };
            titles.insert((k, id.clone()), shown);
        }
        Ok(titles)
    }

    /// The last contacts and the agenda's [`Facts`] of every record; no titles.
    pub fn lookup_with_facts(&self) -> Result<Lookup> {
        self.cached_lookup(true, false)
    }

    fn cached_lookup(&self, with_facts: bool, titles: bool) -> Result<Lookup> {
        let path = self.dir.join("rolo-lookup");
        let facts = self.dir.join("rolo-facts");
        // The state of the index the data comes from: its segments and their deletes
        // (and the walk it was checked against).
        let mut header = format!("rolo-lookup {} {}", self.fingerprint.0, self.fingerprint.1);
        for segment in self.searcher().segment_readers() {
            let id = segment.segment_id().uuid_string();
            header.push_str(&format!(" {id}:{}", segment.num_deleted_docs()));
        }
        let cached = Lookup::load(&path, with_facts.then_some(facts.as_path()), &header, titles);
        if let Some(cached) = cached {
            return Ok(cached);
        }
        let mut lookup = self.compute_lookup()?;
        // A cache: if it cannot be written, the next command computes it again.
        let _ = lookup.save(&path, &facts, &header);
        if !titles {
            lookup.titles = HashMap::new();
        }
        Ok(lookup)
    }

    fn compute_lookup(&self) -> Result<Lookup> {
        let f = &self.fields;
        let name = |field| self.fields.schema.get_field_name(field).to_string();
        let searcher = self.searcher();
        // Every segment's columns decoded first, so what follows borrows their words.
        let mut segments = Vec::new();
        for segment in searcher.segment_readers() {
            let (Some(kinds), Some(ids)) =
                (Words::open(segment, &name(f.kind))?, Words::open(segment, &name(f.id))?)
            else {
                continue;
            };
            let kind_of: Vec<Option<Kind>> = kinds.words.iter().map(|k| k.parse().ok()).collect();
            let titles = Words::open(segment, &name(f.title_raw))?;
            let links = Words::open(segment, &name(f.links))?;
            let dates = Words::open(segment, &name(f.date_raw))?;
            let numbers = Numbers::open(segment, name, f)?;
            let stages = Words::open(segment, &name(f.stage))?;
            let tags = Words::open(segment, &name(f.tag))?;
            segments.push((
                segment,
                kinds,
                kind_of,
                ids,
                titles,
                links,
                dates,
                (numbers, stages, tags),
            ));
        }
        let mut facts = Vec::new();
        let mut titles: HashMap<(Kind, &str), &str> = HashMap::new();
        let mut company_of: HashMap<&str, &str> = HashMap::new();
        let mut notes: Vec<(When, Vec<&str>)> = Vec::new();
        for (segment, kinds, kind_of, ids, title_words, links, dates, (numbers, stages, tags)) in
            &segments
        {
            for doc in segment.doc_ids_alive() {
                let Some(kind) =
                    kinds.ords.first(doc).and_then(|o| kind_of.get(o as usize).copied().flatten())
                else {
                    continue;
                };
                let Some(id) = ids.first(doc) else { continue };
                if kind != Kind::Note {
                    let fact = Facts {
                        kind,
                        id: id.to_string(),
                        due: numbers.get(&numbers.due, doc),
                        close: numbers.get(&numbers.close, doc),
                        created: numbers.get(&numbers.created, doc),
                        birthday: numbers.get(&numbers.birthday, doc),
                        follow_up: numbers.get(&numbers.follow_up, doc),
                        done: numbers.get::<i64>(&numbers.done, doc).is_some(),
                        stage: stages.as_ref().and_then(|w| w.first(doc)).map(String::from),
                        tags: tags
                            .as_ref()
                            .map(|w| w.all(doc).map(String::from).collect())
                            .unwrap_or_default(),
                        links: links
                            .as_ref()
                            .map(|w| w.all(doc).map(String::from).collect())
                            .unwrap_or_default(),
                    };
                    // Only what the agenda can ever show: open tasks, contacts, companies
                    // with a cadence or a birthday, and deals (open or not by rolo.toml).
                    let keep = match kind {
                        Kind::Task => !fact.done,
                        Kind::Company => fact.follow_up.is_some() || fact.birthday.is_some(),
                        _ => true,
                    };
                    if keep {
                        facts.push(fact);
                    }
                }
                match kind {
                    Kind::Contact | Kind::Company | Kind::Deal => {
                        let title = title_words.as_ref().and_then(|t| t.first(doc)).unwrap_or(id);
                        titles.insert((kind, id), title);
                        if kind == Kind::Contact
                            && let Some(company) = links.as_ref().and_then(|l| l.first(doc))
                        {
                            company_of.insert(id, company);
                        }
                    }
                    Kind::Note => {
                        let when = dates
                            .as_ref()
                            .and_then(|d| d.first(doc))
                            .and_then(|d| d.parse::<toml_edit::Datetime>().ok())
                            .and_then(|d| When::from_toml(&d));
                        if let Some(when) = when {
                            notes.push((
                                when,
                                links.as_ref().map(|l| l.all(doc).collect()).unwrap_or_default(),
                            ));
                        }
                    }
                    Kind::Task => {}
                }
            }
        }
        let last_contact = crate::model::facts::newest_notes(
            notes.iter().map(|(w, about)| (*w, about.iter().copied())),
            |kind, id| titles.contains_key(&(kind, id)),
            |contact| company_of.get(contact).copied(),
        );
        let titles =
            titles.into_iter().map(|((k, id), t)| ((k, id.to_string()), t.to_string())).collect();
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
