//! Address look-up for mail programs (`rolo email`): the email addresses of the contacts
//! (and companies) whose name, nickname, address or company's name has words starting
//! with the words typed, one entry per address, best match first.
//!
//! It runs on every keystroke of a mail client, so it answers from the index alone:
//! prefix queries over the `names` field (names, nicknames and the words of addresses,
//! unstemmed, so `Петрова` and `Петров` are both prefixes of what was written) and over
//! the `email` keywords (`wang@ex`), and, for company names, the companies found by the
//! same prefixes, then the people linked to them. Printing is the CLI's.

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
    /// better matched words, then by name), at most `limit` of them (0: all).
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
        let scored: Vec<(Score, DocAddress)> =
            searcher.search(&query, &TopDocs::with_limit(all).order_by_score()).map_err(fail)?;
        // Equal scores in name order, from the title column (no document read yet).
        let mut ranked: Vec<(Score, String, DocAddress)> = Vec::with_capacity(scored.len());
        let mut titles: HashMap<u32, Option<tantivy::columnar::StrColumn>> = HashMap::new();
        let title_field = self.fields.schema.get_field_name(f.title_raw).to_string();
        for (score, address) in scored {
            let column = titles.entry(address.segment_ord).or_insert_with(|| {
                searcher.segment_reader(address.segment_ord).fast_fields().str(&title_field).ok()?
            });
            let mut title = String::new();
            if let Some(c) = column
                && let Some(ord) = c.term_ords(address.doc_id).next()
            {
                let _ = c.ord_to_str(ord, &mut title);
            }
            ranked.push((score, title.to_lowercase(), address));
        }
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        let mut company_names: HashMap<String, Option<String>> = HashMap::new();
        for (_, _, address) in ranked {
            if limit > 0 && out.len() >= limit {
                break;
            }
            let doc: TantivyDocument = searcher.doc(address).map_err(fail)?;
            let Some(card) = doc.get_first(f.card).and_then(|v| v.as_str()) else { continue };
            let Ok(serde_json::Value::Object(card)) = serde_json::from_str(card) else { continue };
            let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default();
            let Ok(kind) = text(f.kind).parse::<Kind>() else { continue };
            let emails = strings(card.get("emails"));
            if emails.is_empty() {
                continue;
            }
            let company = match card.get("company").and_then(serde_json::Value::as_str) {
                Some(link) if kind == Kind::Contact => {
                    let id = link.strip_prefix("company/").unwrap_or(link).to_string();
                    let name = match company_names.get(&id) {
                        Some(name) => name.clone(),
                        None => {
                            let name = self.company_title(&id)?;
                            company_names.insert(id.clone(), name.clone());
                            name
                        }
                    };
                    Some(name.unwrap_or(id))
                }
                _ => None,
            };
            let name = text(f.title_raw).to_string();
            let name = if name.is_empty() { text(f.title).to_string() } else { name };
            for address in matched_first(emails, &words) {
                if limit > 0 && out.len() >= limit {
                    break;
                }
                out.push(Address {
                    address,
                    name: name.clone(),
                    company: company.clone(),
                    kind,
                    id: text(f.id).to_string(),
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
        let id_field = self.fields.schema.get_field_name(f.id).to_string();
        let mut ids = Vec::with_capacity(found.len());
        let mut columns = HashMap::new();
        for address in found {
            let column = columns.entry(address.segment_ord).or_insert_with(|| {
                searcher.segment_reader(address.segment_ord).fast_fields().str(&id_field).ok()?
            });
            let Some(column) = column else { continue };
            if let Some(ord) = column.term_ords(address.doc_id).next() {
                let mut id = String::new();
                if column.ord_to_str(ord, &mut id).is_ok() {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }

    /// A company's name, from its stored title.
    fn company_title(&self, id: &str) -> Result<Option<String>> {
        let f = &self.fields;
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(f.kind, Kind::Company.name())),
            (Occur::Must, term(f.id, id)),
        ]);
        let searcher = self.searcher();
        let found =
            searcher.search(&query, &TopDocs::with_limit(1).order_by_score()).map_err(fail)?;
        let Some((_, address)) = found.first() else { return Ok(None) };
        let doc: TantivyDocument = searcher.doc(*address).map_err(fail)?;
        let title = doc.get_first(f.title_raw).or_else(|| doc.get_first(f.title));
        Ok(title.and_then(|v| v.as_str()).map(String::from))
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
        if !self.raw.is_empty() {
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
