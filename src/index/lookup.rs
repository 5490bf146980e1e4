//! Answers read from the index's columns without loading documents: every record's
//! title (to name linked records) and every `last_contact` (from notes' dates and
//! `about`), and cards fetched by query (SPEC "Search": the index is the query cache).

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{SegmentReader, TantivyDocument, Term};

use super::SearchIndex;
use crate::dates::When;
use crate::error::{Error, Result};
use crate::model::reference::Entry;
use crate::model::{Card, Kind};

/// What lists and cards need to know of the rest of the book.
#[derive(Debug, Default)]
pub struct Lookup {
    /// Name or title of every contact, company and deal.
    pub titles: HashMap<(Kind, String), String>,
    pub last_contact: HashMap<Entry, When>,
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

impl SearchIndex {
    /// Titles and last contacts for the whole book, from columns alone.
    pub fn lookup(&self) -> Result<Lookup> {
        let f = &self.fields;
        let name = |field| self.fields.schema.get_field_name(field).to_string();
        let mut lookup = Lookup::default();
        let mut company_of: HashMap<String, String> = HashMap::new();
        let mut notes: Vec<(When, Vec<String>)> = Vec::new();
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let columns = (
                Words::open(segment, &name(f.kind))?,
                Words::open(segment, &name(f.id))?,
                Words::open(segment, &name(f.title_raw))?,
                Words::open(segment, &name(f.links))?,
                Words::open(segment, &name(f.date_raw))?,
            );
            let (Some(kinds), Some(ids)) = (&columns.0, &columns.1) else { continue };
            for doc in segment.doc_ids_alive() {
                let (Some(kind), Some(id)) = (kinds.first(doc), ids.first(doc)) else { continue };
                let Ok(kind) = kind.parse::<Kind>() else { continue };
                match kind {
                    Kind::Contact | Kind::Company | Kind::Deal => {
                        let title = columns.2.as_ref().and_then(|t| t.first(doc)).unwrap_or(id);
                        lookup.titles.insert((kind, id.to_string()), title.to_string());
                        if kind == Kind::Contact
                            && let Some(company) = columns.3.as_ref().and_then(|l| l.first(doc))
                        {
                            company_of.insert(id.to_string(), company.to_string());
                        }
                    }
                    Kind::Note => {
                        let date = columns.4.as_ref().and_then(|d| d.first(doc));
                        let when = date
                            .and_then(|d| d.parse::<toml_edit::Datetime>().ok())
                            .and_then(|d| When::from_toml(&d));
                        if let Some(when) = when {
                            let about =
                                columns.3.as_ref().map(|l| l.all(doc).map(String::from).collect());
                            notes.push((when, about.unwrap_or_default()));
                        }
                    }
                    Kind::Task => {}
                }
            }
        }
        lookup.last_contact = crate::links::newest_notes(
            notes.iter().map(|(w, about)| (*w, about.iter().map(String::as_str))),
            |kind, id| lookup.titles.contains_key(&(kind, id.to_string())),
            |contact| company_of.get(contact).map(String::as_str),
        );
        Ok(lookup)
    }

    /// Cards of one kind, narrowed by the index where it can (every tag given must be
    /// there); the caller applies the exact filter.
    pub fn cards(&self, kind: Kind, tags: &[String]) -> Result<Vec<Card>> {
        let f = &self.fields;
        let mut must: Vec<(Occur, Box<dyn TQuery>)> =
            vec![(Occur::Must, term(f.kind, kind.name()))];
        for tag in tags {
            must.push((Occur::Must, term(f.tag, &tag.to_lowercase())));
        }
        self.cards_matching(&BooleanQuery::new(must))
    }

    /// Cards of the records whose `company`, `contact` or `about` names `id` (bare or
    /// `type/id`); the caller checks the kind with `links::links_to`.
    pub fn cards_linking_to(&self, target: &Entry) -> Result<Vec<Card>> {
        let f = &self.fields;
        let any: Vec<(Occur, Box<dyn TQuery>)> = vec![
            (Occur::Should, term(f.links, &target.id)),
            (Occur::Should, term(f.links, &target.qualified())),
        ];
        self.cards_matching(&BooleanQuery::new(any))
    }

    /// Cards of the given records (those that exist).
    pub fn cards_of(&self, entries: &[Entry]) -> Result<Vec<Card>> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let f = &self.fields;
        let any: Vec<(Occur, Box<dyn TQuery>)> = entries
            .iter()
            .map(|e| {
                let both = BooleanQuery::new(vec![
                    (Occur::Must, term(f.kind, e.kind.name())),
                    (Occur::Must, term(f.id, &e.id)),
                ]);
                (Occur::Should, Box::new(both) as Box<dyn TQuery>)
            })
            .collect();
        self.cards_matching(&BooleanQuery::new(any))
    }

    fn cards_matching(&self, query: &dyn TQuery) -> Result<Vec<Card>> {
        let searcher = self.searcher();
        let mut addresses: Vec<_> =
            searcher.search(query, &DocSetCollector).map_err(fail)?.into_iter().collect();
        // In store order, so each compressed block of the doc store is read once.
        addresses.sort();
        let mut cards = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(fail)?;
            let json = doc.get_first(self.fields.card).and_then(|v| v.as_str()).unwrap_or_default();
            if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(json)
                && let Some(card) = Card::from_json(map)
            {
                cards.push(card);
            }
        }
        // Book order, as when reading the files.
        cards.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.path.cmp(&b.path)));
        Ok(cards)
    }
}

fn term(field: tantivy::schema::Field, text: &str) -> Box<dyn TQuery> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
}
