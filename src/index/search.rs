//! Running a query: ranked hits with what a result line shows (type, id, title, a
//! snippet around the first match) read from the index, not from the files.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::SearchIndex;
use super::eval;
use super::tokenizer::{self, Stemming};
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::query::Query;

#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: Kind,
    pub id: String,
    pub path: String,
    pub title: String,
    pub score: f32,
    /// Text around the first match, and the byte range of the match within it.
    pub snippet: Option<(String, std::ops::Range<usize>)>,
}

impl SearchIndex {
    pub fn search(&self, query: &Query, kinds: &[Kind], limit: usize) -> Result<Vec<Hit>> {
        let f = &self.fields;
        let (mut q, words) = eval::to_tantivy(query, f);
        if !kinds.is_empty() && kinds.len() < Kind::ALL.len() {
            let any: Vec<(Occur, Box<dyn TQuery>)> = kinds
                .iter()
                .map(|k| {
                    let t = TermQuery::new(
                        Term::from_field_text(f.kind, k.name()),
                        IndexRecordOption::Basic,
                    );
                    (Occur::Should, Box::new(t) as Box<dyn TQuery>)
                })
                .collect();
            q = Box::new(BooleanQuery::new(vec![
                (Occur::Must, q),
                (Occur::Must, Box::new(BooleanQuery::new(any))),
            ]));
        }
        let searcher = self.searcher();
        let fail = |e: tantivy::TantivyError| {
            Error::io(".rolo/index", std::io::Error::other(e.to_string()))
        };
        let top = searcher
            .search(&q, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(fail)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(fail)?;
            let text = |field| {
                doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string()
            };
            let Ok(kind) = text(f.kind).parse::<Kind>() else { continue };
            let card: serde_json::Value = serde_json::from_str(&text(f.card)).unwrap_or_default();
            let body = card.get("body").and_then(serde_json::Value::as_str).unwrap_or_default();
            hits.push(Hit {
                kind,
                id: text(f.id),
                path: text(f.path),
                title: text(f.title),
                score,
                snippet: snippet(body, &words).or_else(|| field_snippet(&card, &words)),
            });
        }
        Ok(hits)
    }
}

/// When the match is not in the body: the first other key whose value matches, as
/// `key: value` (a phone typed without punctuation finds the number as written).
fn field_snippet(
    card: &serde_json::Value,
    words: &[String],
) -> Option<(String, std::ops::Range<usize>)> {
    let map = card.as_object()?;
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    for (key, value) in map {
        if matches!(key.as_str(), "id" | "type" | "path" | "body" | "$dates" | "name" | "title") {
            continue;
        }
        let texts: Vec<String> = match value {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => {
                a.iter().filter_map(|v| v.as_str().map(String::from)).collect()
            }
            serde_json::Value::Object(o) => {
                o.values().filter_map(|v| v.as_str().map(String::from)).collect()
            }
            _ => Vec::new(),
        };
        for text in texts {
            let by_word = snippet(&text, words).is_some();
            let by_phone = words.iter().any(|w| {
                w.bytes().all(|b| b.is_ascii_digit())
                    && super::document::phone_query(w).is_some_and(|q| digits(&text).ends_with(&q))
            });
            if by_word || by_phone {
                let line = format!("{key}: {text}");
                let start = key.len() + 2;
                return Some((line.clone(), start..line.len()));
            }
        }
    }
    None
}

/// About 80 characters of `body` around the first token that matches a query word
/// (`word*` matches as a prefix).
pub fn snippet(body: &str, words: &[String]) -> Option<(String, std::ops::Range<usize>)> {
    const BEFORE: usize = 30;
    const AFTER: usize = 50;
    let tokens = tokenizer::tokens(body, Stemming::On);
    let exact = tokenizer::tokens(body, Stemming::Off);
    let hit = tokens.iter().zip(exact.iter()).find(|(t, e)| {
        words.iter().any(|w| match w.strip_suffix('*') {
            Some(prefix) => e.text.starts_with(prefix),
            None => &t.text == w,
        })
    })?;
    let (from, to) = (hit.0.offset_from, hit.0.offset_to);
    let start = body[..from].char_indices().rev().nth(BEFORE - 1).map_or(0, |(i, _)| i);
    let end = body[to..].char_indices().nth(AFTER).map_or(body.len(), |(i, _)| to + i);
    let raw = &body[start..end];
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    let lead = text.len();
    // One line: newlines become spaces (same byte length, so offsets hold).
    text.push_str(&raw.replace(['\n', '\r', '\t'], " "));
    if end < body.len() {
        text.push('…');
    }
    Some((text, lead + from - start..lead + to - start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_from_a_field_when_the_body_does_not_match() {
        let card = serde_json::json!({"id": "a", "phones": ["+7 701 555 0101"], "tags": ["vip"], "body": ""});
        let (text, range) = field_snippet(&card, &["87015550101".into()]).unwrap();
        assert_eq!(text, "phones: +7 701 555 0101");
        assert_eq!(&text[range], "+7 701 555 0101");
        assert_eq!(field_snippet(&card, &["vip".into()]).unwrap().0, "tags: vip");
        assert!(field_snippet(&card, &["nothing".into()]).is_none());
    }

    #[test]
    fn snippet_around_the_match() {
        let body = "Первая строка.\nОбсудили новый сайт с Анной Петровой и сроки запуска.";
        let words = tokenizer::tokens("Петрова", Stemming::On)
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>();
        let (text, range) = snippet(body, &words).unwrap();
        assert_eq!(&text[range], "Петровой");
        assert!(!text.contains('\n'));
        assert!(snippet(body, &["nothing".into()]).is_none());
    }
}
