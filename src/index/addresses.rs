//! Address look-up for mail programs (`rolo email`): the email addresses of the contacts
//! (and companies) whose name, nickname, address or company's name has words starting
//! with the words typed, one entry per address, best match first.
//!
//! It runs on every keystroke of a mail client, so it answers from the index alone:
//! prefix queries over the `names` field (names, nicknames and the words of addresses,
//! unstemmed, so `Петрова` and `Петров` are both prefixes of what was written), and for
//! company names the companies found by the same prefixes, then the people linked to
//! them. A prefix is a range of the field's term dictionary, so no edge n-gram field is
//! needed: at 100,000 records a look-up costs what a search does (the freshness walk),
//! a one-letter prefix and a word of every contact's address included. Printing is the
//! CLI's.

use std::collections::{HashMap, HashSet};

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery,
    Query as TQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Score, TantivyDocument, Term};

use super::SearchIndex;
use super::tokenizer::{self, Stemming};
use crate::error::{Error, Result};
use crate::model::Kind;

/// One line of the answer: an address and who it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub address: String,
    /// The contact's (or company's) name as written.
    pub name: String,
    /// The name of the contact's company (its id when the company has no record).
    pub company: Option<String>,
    pub kind: Kind,
    pub id: String,
}

/// How much each way of matching a word counts: a whole word beats the start of one,
/// and a word of the person's own beats one of their company's name.
const WHOLE_WORD: Score = 2.0;
const PREFIX: Score = 1.0;
const COMPANY: Score = 0.5;

type Boxed = Box<dyn TQuery>;

impl SearchIndex {
    /// The addresses of the records every word of `query` finds, best first (more and
    /// better matched words, then by name as written), at most `limit` of them (0: all).
    pub fn addresses(&self, query: &str, limit: usize) -> Result<Vec<Address>> {
        let words: Vec<Word> = query.split_whitespace().map(Word::new).collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.searcher();
        let f = &self.fields;
        let mut must: Vec<(Occur, Boxed)> = vec![(Occur::Must, kinds(f.kind))];
        for word in &words {
            let companies = self.companies_named(word)?;
            must.push((Occur::Must, word.query(f.names, f.email, f.links, &companies)));
        }
        let query = BooleanQuery::new(must);
        let all = (searcher.num_docs() as usize).max(1);
        let mut scored: Vec<(Score, DocAddress)> =
            searcher.search(&query, &TopDocs::with_limit(all).order_by_score()).map_err(fail)?;
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let titles = Column::open(&searcher, f.schema.get_field_name(f.title_raw))?;
        // The records to print, read one by one in rank order until there are enough
        // addresses.
        let mut people: Vec<Person> = Vec::new();
        let mut count = 0;
        'groups: for group in scored.chunk_by(|a, b| a.0 == b.0) {
            for address in titles.in_order(group.iter().map(|(_, a)| *a).collect()) {
                if limit > 0 && count >= limit {
                    break 'groups;
                }
                let doc: TantivyDocument = searcher.doc(address).map_err(fail)?;
                if let Some(person) = Person::of(&doc, f) {
                    count += person.emails.len();
                    people.push(person);
                }
            }
        }
        let companies = self.company_names(people.iter().filter_map(|p| p.company.as_deref()))?;
        let mut out = Vec::with_capacity(count);
        for p in people {
            let company = p.company.map(|id| companies.get(&id).cloned().unwrap_or(id));
            for address in matched_first(p.emails, &words) {
                if limit > 0 && out.len() >= limit {
                    break;
                }
                out.push(Address {
                    address,
                    name: p.name.clone(),
                    company: company.clone(),
                    kind: p.kind,
                    id: p.id.clone(),
                });
            }
        }
        Ok(out)
    }

    /// The ids of the companies whose name (or nickname) has a word starting with `word`.
    fn companies_named(&self, word: &Word) -> Result<Vec<String>> {
        let f = &self.fields;
        if word.tokens.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(f.kind, Kind::Company.name())),
            (Occur::Must, word.prefix(f.names)),
        ]);
        let searcher = self.searcher();
        let found: HashSet<DocAddress> = searcher.search(&query, &DocSetCollector).map_err(fail)?;
        let id_column = Column::open(&searcher, f.schema.get_field_name(f.id))?;
        let ids = found.into_iter().filter_map(|address| id_column.get(address)).collect();
        Ok(ids)
    }

    /// The names of these companies by id, from the index's columns, in one query.
    fn company_names<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<HashMap<String, String>> {
        let f = &self.fields;
        let ids: HashSet<&str> = ids.collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let any_id = ids.iter().map(|id| (Occur::Should, term(f.id, id))).collect();
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(f.kind, Kind::Company.name())),
            (Occur::Must, Box::new(BooleanQuery::new(any_id)) as Boxed),
        ]);
        let searcher = self.searcher();
        let found: HashSet<DocAddress> = searcher.search(&query, &DocSetCollector).map_err(fail)?;
        let id_column = Column::open(&searcher, f.schema.get_field_name(f.id))?;
        let title_column = Column::open(&searcher, f.schema.get_field_name(f.title_raw))?;
        let mut names = HashMap::new();
        for address in found {
            if let (Some(id), Some(title)) = (id_column.get(address), title_column.get(address)) {
                names.insert(id, title);
            }
        }
        Ok(names)
    }
}

/// A record found, as far as the answer needs it.
struct Person {
    kind: Kind,
    id: String,
    name: String,
    emails: Vec<String>,
    /// The id of the contact's company.
    company: Option<String>,
}

impl Person {
    /// A contact or company with at least one address.
    fn of(doc: &TantivyDocument, f: &super::schema::Fields) -> Option<Person> {
        let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default();
        let kind = text(f.kind).parse::<Kind>().ok()?;
        let card: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(text(f.card)).ok()?;
        let emails = strings(card.get("emails"));
        if emails.is_empty() {
            return None;
        }
        let company = match card.get("company").and_then(serde_json::Value::as_str) {
            Some(link) if kind == Kind::Contact => {
                Some(link.strip_prefix("company/").unwrap_or(link).to_string())
            }
            _ => None,
        };
        let name = [text(f.title_raw), text(f.title), text(f.id)]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or_default()
            .to_string();
        Some(Person { kind, id: text(f.id).to_string(), name, emails, company })
    }
}

/// A text column of every segment (a record's first value), read without loading
/// documents.
struct Column {
    segments: Vec<Option<tantivy::columnar::StrColumn>>,
}

impl Column {
    fn open(searcher: &tantivy::Searcher, field: &str) -> Result<Column> {
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|s| s.fast_fields().str(field))
            .collect::<tantivy::Result<_>>()
            .map_err(fail)?;
        Ok(Column { segments })
    }

    fn ord(&self, address: DocAddress) -> Option<u64> {
        let column = self.segments.get(address.segment_ord as usize)?.as_ref()?;
        column.term_ords(address.doc_id).next()
    }

    fn text(&self, segment: u32, ord: u64) -> Option<String> {
        let column = self.segments.get(segment as usize)?.as_ref()?;
        let mut out = String::new();
        column.ord_to_str(ord, &mut out).ok()?.then_some(out)
    }

    fn get(&self, address: DocAddress) -> Option<String> {
        self.text(address.segment_ord, self.ord(address)?)
    }

    /// `docs` in the order of their values (bytes, as written; records without one
    /// last), then of their address. Within a segment the column's ordinals are in that
    /// order already; across segments only the heads are compared, so only the values
    /// handed out are read: a prefix that matches every contact of a large book costs
    /// what its first lines cost, not a read of every name (140 ms at 25,000).
    fn in_order(&self, docs: Vec<DocAddress>) -> impl Iterator<Item = DocAddress> + '_ {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let mut by_segment: HashMap<u32, Vec<(u64, DocAddress)>> = HashMap::new();
        for d in docs {
            let ord = self.ord(d).unwrap_or(u64::MAX);
            by_segment.entry(d.segment_ord).or_default().push((ord, d));
        }
        let mut runs: Vec<std::vec::IntoIter<(u64, DocAddress)>> = by_segment
            .into_values()
            .map(|mut run| {
                run.sort_unstable();
                run.into_iter()
            })
            .collect();
        // (no value?, value, address, run): the smallest first.
        type Head = Reverse<(bool, String, DocAddress, usize)>;
        let head = |column: &Column, run: usize, (ord, d): (u64, DocAddress)| -> Head {
            let text = (ord != u64::MAX).then(|| column.text(d.segment_ord, ord)).flatten();
            Reverse((text.is_none(), text.unwrap_or_default(), d, run))
        };
        let mut heap: BinaryHeap<Head> = BinaryHeap::new();
        for (i, run) in runs.iter_mut().enumerate() {
            if let Some(first) = run.next() {
                heap.push(head(self, i, first));
            }
        }
        std::iter::from_fn(move || {
            let Reverse((_, _, d, run)) = heap.pop()?;
            if let Some(next) = runs[run].next() {
                heap.push(head(self, run, next));
            }
            Some(d)
        })
    }
}

/// One typed word: its tokens as the index has them (unstemmed), and the word in lower
/// case for the address keywords (`wang@ex`).
struct Word {
    tokens: Vec<String>,
    raw: String,
}

impl Word {
    fn new(word: &str) -> Word {
        let tokens = tokenizer::tokens(word, Stemming::Off).into_iter().map(|t| t.text).collect();
        Word { tokens, raw: word.to_lowercase() }
    }

    /// Any of: a whole word of the names, the start of one, the start of an address, a
    /// person of a company so named.
    fn query(&self, names: Field, email: Field, links: Field, companies: &[String]) -> Boxed {
        let mut any: Vec<(Occur, Boxed)> = Vec::new();
        if !self.tokens.is_empty() {
            any.push((Occur::Should, constant(self.whole(names), WHOLE_WORD)));
            any.push((Occur::Should, constant(self.prefix(names), PREFIX)));
        }
        // The address as typed, for what has no word in it (`@`, `+`): the words of an
        // address are in `names` already, and this prefix costs a posting list per
        // address, thousands for one letter.
        if self.tokens.is_empty() && !self.raw.is_empty() {
            let mut prefix = PhrasePrefixQuery::new(vec![Term::from_field_text(email, &self.raw)]);
            prefix.set_max_expansions(u32::MAX);
            any.push((Occur::Should, constant(Box::new(prefix), PREFIX)));
        }
        if !companies.is_empty() {
            // A contact links its company by id, or as `company/id`.
            let linked = companies
                .iter()
                .flat_map(|id| [id.clone(), format!("company/{id}")])
                .map(|link| (Occur::Should, term(links, &link)))
                .collect();
            any.push((Occur::Should, constant(Box::new(BooleanQuery::new(linked)), COMPANY)));
        }
        Box::new(BooleanQuery::new(any))
    }

    /// The tokens as whole words, in order.
    fn whole(&self, field: Field) -> Boxed {
        match self.tokens.as_slice() {
            [] => Box::new(EmptyQuery),
            [one] => term(field, one),
            many => Box::new(PhraseQuery::new(
                many.iter().map(|t| Term::from_field_text(field, t)).collect(),
            )),
        }
    }

    /// Every token, the last one as a prefix (`王小明`: 王小 and 小明*; `j.gro`: j and
    /// gro*). Every word of the index starting with the prefix counts: tantivy's default
    /// stops after 50, which a one-letter prefix in a book of thousands of names passes.
    /// The tokens are not held to their order: tantivy's phrase prefix sets memory aside
    /// for every expansion it may make, and names are short enough not to need it.
    fn prefix(&self, field: Field) -> Boxed {
        let Some((last, before)) = self.tokens.split_last() else {
            return Box::new(EmptyQuery);
        };
        let mut prefix = PhrasePrefixQuery::new(vec![Term::from_field_text(field, last)]);
        prefix.set_max_expansions(u32::MAX);
        if before.is_empty() {
            return Box::new(prefix);
        }
        let mut all: Vec<(Occur, Boxed)> =
            before.iter().map(|t| (Occur::Must, term(field, t))).collect();
        all.push((Occur::Must, Box::new(prefix)));
        Box::new(BooleanQuery::new(all))
    }
}

/// Addresses in the record's order, those that start with a typed word (or have a word
/// that does) first: typing `gmail` puts the gmail address on top.
fn matched_first(emails: Vec<String>, words: &[Word]) -> Vec<String> {
    let matches = |address: &str| {
        let lower = address.to_lowercase();
        let parts: Vec<String> =
            tokenizer::tokens(address, Stemming::Off).into_iter().map(|t| t.text).collect();
        words.iter().any(|w| {
            lower.starts_with(&w.raw)
                || w.tokens.last().is_some_and(|last| parts.iter().any(|p| p.starts_with(last)))
        })
    };
    let (first, rest): (Vec<String>, Vec<String>) = emails.into_iter().partition(|e| matches(e));
    first.into_iter().chain(rest).collect()
}

fn strings(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => vec![s.trim().to_string()],
        _ => Vec::new(),
    }
}

/// Contacts and companies: the records that may have addresses.
fn kinds(kind: Field) -> Boxed {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, term(kind, Kind::Contact.name())),
        (Occur::Should, term(kind, Kind::Company.name())),
    ]))
}

fn constant(query: Boxed, score: Score) -> Boxed {
    Box::new(ConstScoreQuery::new(query, score))
}

fn term(field: Field, text: &str) -> Boxed {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
}

fn fail(e: tantivy::TantivyError) -> Error {
    Error::io(".rolo/index", std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_matching_address_comes_first() {
        let words = [Word::new("gmail")];
        let emails = vec!["anna@severveter.ru".to_string(), "a.petrova@gmail.com".to_string()];
        assert_eq!(
            matched_first(emails.clone(), &words),
            ["a.petrova@gmail.com", "anna@severveter.ru"]
        );
        assert_eq!(matched_first(emails.clone(), &[Word::new("Анна")]), emails, "as written");
        assert_eq!(matched_first(emails, &[Word::new("anna@sev")])[0], "anna@severveter.ru");
    }

    #[test]
    fn words_are_tokens_as_the_index_has_them() {
        assert_eq!(Word::new("Jürg").tokens, ["jurg"]);
        assert_eq!(Word::new("王小明").tokens, ["王小", "小明"]);
        assert_eq!(Word::new("j.groesser").tokens, ["j", "groesser"]);
        assert_eq!(Word::new("Wang@Ex").raw, "wang@ex");
        assert!(Word::new("@").tokens.is_empty());
    }
}
