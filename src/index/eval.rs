//! A parsed search [`Query`] → a tantivy query over the index's fields, tokenized exactly
//! as documents are ([`super::tokenizer`]). The query language itself (parsing, the AST)
//! is [`crate::query`]'s and knows nothing of the index.

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery,
    Query as TQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::document::{custom_term, phone_query};
use super::schema::Fields;
use super::tokenizer::{self, Stemming};
use crate::query::{Atom, Query, Value};

type Boxed = Box<dyn TQuery>;

/// The tantivy query, and the normalised words to mark in snippets.
pub fn to_tantivy(q: &Query, f: &Fields) -> (Boxed, Vec<String>) {
    let mut clauses: Vec<(Occur, Boxed)> = Vec::new();
    let mut words = Vec::new();
    for clause in &q.clauses {
        let mut alternatives: Vec<(Occur, Boxed)> = Vec::new();
        for atom in &clause.alternatives {
            if !clause.negated {
                words.extend(snippet_words(atom));
            }
            alternatives.push((Occur::Should, atom_query(atom, f)));
        }
        let query: Boxed = if alternatives.len() == 1 {
            alternatives.pop().map_or_else(|| Box::new(EmptyQuery) as Boxed, |(_, q)| q)
        } else {
            Box::new(BooleanQuery::new(alternatives))
        };
        clauses.push((if clause.negated { Occur::MustNot } else { Occur::Must }, query));
    }
    if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    (Box::new(BooleanQuery::new(clauses)), words)
}

fn snippet_words(atom: &Atom) -> Vec<String> {
    match (&atom.field, &atom.value) {
        (None | Some(_), Value::Word(w) | Value::Phrase(w)) => {
            tokenizer::tokens(w, Stemming::On).into_iter().map(|t| t.text).collect()
        }
        (_, Value::Prefix(p)) => vec![format!("{}*", tokenizer::normalize_word(p, Stemming::Off))],
    }
}

fn atom_query(atom: &Atom, f: &Fields) -> Boxed {
    let text = match &atom.value {
        Value::Word(w) | Value::Phrase(w) | Value::Prefix(w) => w.as_str(),
    };
    let prefix = matches!(atom.value, Value::Prefix(_));
    match atom.field.as_deref() {
        None => {
            if prefix {
                return text_prefix(f.exact, text);
            }
            let mut any: Vec<(Occur, Boxed)> = vec![(Occur::Should, text_query(f.all, text))];
            // The title counts more: a name beats a mention in a note.
            any.push((Occur::Should, Box::new(BoostQuery::new(text_query(f.title, text), 2.0))));
            if let Some(digits) = phone_query(text).filter(|_| looks_like_phone(text)) {
                any.push((Occur::Should, term(f.phone, &digits)));
            }
            if text.contains('@') {
                any.push((Occur::Should, term(f.email, &text.to_lowercase())));
            }
            Box::new(BooleanQuery::new(any))
        }
        Some("name" | "title") => {
            if prefix {
                text_prefix(f.exact, text)
            } else {
                text_query(f.title, text)
            }
        }
        Some("company") => text_query(f.company, text),
        Some("city") => text_query(f.city, text),
        Some("phone") => match phone_query(text) {
            Some(d) if prefix => keyword_prefix(f.phone, &d),
            Some(d) => term(f.phone, &d),
            None => Box::new(EmptyQuery),
        },
        Some(name) => {
            let keyword = match name {
                "email" => Some(f.email),
                "tag" | "tags" => Some(f.tag),
                "stage" => Some(f.stage),
                "owner" => Some(f.owner),
                "source" => Some(f.source),
                "kind" => Some(f.note_kind),
                "type" => Some(f.kind),
                _ => None,
            };
            match keyword {
                Some(field) if prefix => keyword_prefix(field, &text.to_lowercase()),
                Some(field) => term(field, &text.to_lowercase()),
                None => custom_query(f, name, text, prefix),
            }
        }
    }
}

fn looks_like_phone(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_digit() || "+-() .".contains(c))
}

fn term(field: Field, text: &str) -> Boxed {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

/// How many words a prefix may stand for: all of them. tantivy's default (50) would make
/// `acme*` silently miss records in a book with more than 50 words starting so.
const PREFIX_EXPANSIONS: u32 = u32::MAX;

fn prefix_query(terms: Vec<(usize, Term)>) -> Boxed {
    let mut query = PhrasePrefixQuery::new_with_offset(terms);
    query.set_max_expansions(PREFIX_EXPANSIONS);
    Box::new(query)
}

fn keyword_prefix(field: Field, text: &str) -> Boxed {
    prefix_query(vec![(0, Term::from_field_text(field, text))])
}

/// Words of a text field: one token is a term, several (a phrase, CJK bigrams) a phrase.
fn text_query(field: Field, text: &str) -> Boxed {
    let tokens = tokenizer::tokens(text, Stemming::On);
    match tokens.len() {
        0 => Box::new(EmptyQuery),
        1 => term(field, &tokens[0].text),
        _ => Box::new(PhraseQuery::new_with_offset(
            tokens.iter().map(|t| (t.position, Term::from_field_text(field, &t.text))).collect(),
        )),
    }
}

/// `acme*`, `web redes*`: the last word is a prefix, unstemmed.
fn text_prefix(field: Field, text: &str) -> Boxed {
    let tokens = tokenizer::tokens(text, Stemming::Off);
    if tokens.is_empty() {
        return Box::new(EmptyQuery);
    }
    let terms: Vec<(usize, Term)> =
        tokens.iter().map(|t| (t.position, Term::from_field_text(field, &t.text))).collect();
    prefix_query(terms)
}

/// `industry:furniture`: every word of the value under that key.
fn custom_query(f: &Fields, key: &str, text: &str, prefix: bool) -> Boxed {
    let tokens = tokenizer::tokens(text, if prefix { Stemming::Off } else { Stemming::On });
    if tokens.is_empty() {
        return Box::new(EmptyQuery);
    }
    let last = tokens.len() - 1;
    let parts: Vec<(Occur, Boxed)> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let term_text = custom_term(key, &t.text);
            let q = if prefix && i == last {
                keyword_prefix(f.custom, &term_text)
            } else {
                term(f.custom, &term_text)
            };
            (Occur::Must, q)
        })
        .collect();
    Box::new(BooleanQuery::new(parts))
}
