//! JSON out (an array, or NDJSON: one object per line) and back in: every front-matter
//! key plus `id`, `type`, `path` and `body`, the shape `--json` prints
//! ([`Record::to_json`]), so an export restores into an empty book as it was.
//!
//! JSON has no dates: strings that are TOML dates or datetimes become dates again, except
//! in keys rolo knows hold text.

use std::io;

use serde_json::Value as Json;
use toml_edit::{Array, ArrayOfTables, InlineTable, Item, Table, Value};

use super::{Format, Incoming, Parsed, Reason, RowError};
use crate::book::Loaded;
use crate::error::Result;
use crate::model::schema::{self, FieldType};
use crate::model::{Kind, Record};

#[derive(Debug, Clone, Copy, Default)]
pub struct JsonFormat {
    /// One object per line instead of an array.
    pub ndjson: bool,
}

impl Format for JsonFormat {
    fn read(&self, bytes: &[u8]) -> Result<Parsed> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut parsed = Parsed::default();
        for (line, value) in values(bytes) {
            parsed
                .items
                .push(value.and_then(|v| incoming(line, v)).map_err(|r| RowError::new(line, r)));
        }
        Ok(parsed)
    }

    fn write(&self, records: &[&Record], _: &Loaded, out: &mut dyn io::Write) -> io::Result<()> {
        if self.ndjson {
            for r in records {
                serde_json::to_writer(&mut *out, &r.to_json())?;
                out.write_all(b"\n")?;
            }
            return Ok(());
        }
        let all: Vec<Json> = records.iter().map(|r| Json::Object(r.to_json())).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        out.write_all(b"\n")
    }
}

fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())].iter().filter(|&&b| b == b'\n').count()
}

/// The values of an array, or of a stream (NDJSON), each with the line it starts on. A
/// syntax error ends the file there: JSON gives no way to find the next value.
fn values(bytes: &[u8]) -> Vec<(usize, Result<Json, Reason>)> {
    let mut out = Vec::new();
    let skip_ws = |mut at: usize| {
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        at
    };
    let mut at = skip_ws(0);
    let array = bytes.get(at) == Some(&b'[');
    if array {
        at = skip_ws(at + 1);
        if bytes.get(at) == Some(&b']') {
            return out;
        }
    }
    while at < bytes.len() {
        let mut stream = serde_json::Deserializer::from_slice(&bytes[at..]).into_iter::<Json>();
        match stream.next() {
            None => break,
            Some(Err(e)) => {
                out.push((
                    line_at(bytes, at) + e.line().saturating_sub(1),
                    Err(Reason::Json(e.to_string())),
                ));
                break;
            }
            Some(Ok(v)) => out.push((line_at(bytes, skip_ws(at)), Ok(v))),
        }
        at = skip_ws(at + stream.byte_offset());
        if array {
            match bytes.get(at) {
                Some(b',') => at = skip_ws(at + 1),
                Some(b']') => break,
                _ => {
                    out.push((
                        line_at(bytes, at),
                        Err(Reason::Json("expected , or ] after a value".into())),
                    ));
                    break;
                }
            }
        }
    }
    out
}

/// One object → a record of its `type` (a contact when it has none).
fn incoming(line: usize, value: Json) -> Result<Incoming, Reason> {
    let Json::Object(map) = value else {
        return Err(Reason::Shape(
            "not an object: each record is {\"type\": …, \"name\": …}".into(),
        ));
    };
    let kind = match map.get("type").and_then(Json::as_str) {
        Some(t) => t.parse::<Kind>().map_err(Reason::Shape)?,
        None => Kind::Contact,
    };
    let mut inc = Incoming::new(kind, line);
    inc.verbatim = true;
    for (key, v) in &map {
        match key.as_str() {
            "type" | "path" | "last_contact" => {}
            "id" => inc.id = v.as_str().map(String::from),
            "body" => inc.body = v.as_str().unwrap_or_default().to_string(),
            _ => {
                if let Some(item) = item(kind, key, v) {
                    inc.doc.insert(key, item);
                }
            }
        }
    }
    Ok(inc)
}

/// A top-level key's value: objects become tables (`[fields]`), arrays of objects
/// arrays of tables (`[[history]]`).
fn item(kind: Kind, key: &str, v: &Json) -> Option<Item> {
    let text = matches!(schema::field_type(kind, key), Some(FieldType::Text | FieldType::TextList));
    match v {
        Json::Object(map) => {
            let mut table = Table::new();
            // `[fields]` right under the keys, as people write it, not after a blank line.
            table.decor_mut().set_prefix("");
            for (k, v) in map {
                if let Some(v) = value(v, false) {
                    table.insert(k, Item::Value(v));
                }
            }
            Some(Item::Table(table))
        }
        Json::Array(items) if !items.is_empty() && items.iter().all(Json::is_object) => {
            let mut tables = ArrayOfTables::new();
            for t in items {
                if let Some(Item::Table(table)) = item(kind, "", t) {
                    tables.push(table);
                }
            }
            Some(Item::ArrayOfTables(tables))
        }
        _ => value(v, text).map(Item::Value),
    }
}

fn value(v: &Json, text: bool) -> Option<Value> {
    Some(match v {
        Json::Null => return None,
        Json::Bool(b) => Value::from(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64()?),
        },
        Json::String(s) => match s.parse::<toml_edit::Datetime>() {
            Ok(d) if !text && s.len() >= 10 => Value::from(d),
            _ => Value::from(s.as_str()),
        },
        Json::Array(items) => {
            Value::Array(items.iter().filter_map(|i| value(i, text)).collect::<Array>())
        }
        Json::Object(map) => {
            let mut t = InlineTable::new();
            for (k, v) in map {
                if let Some(v) = value(v, false) {
                    t.insert(k, v);
                }
            }
            Value::InlineTable(t)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, bool)> {
        values(text.as_bytes()).into_iter().map(|(l, v)| (l, v.is_ok())).collect()
    }

    #[test]
    fn arrays_and_streams_with_lines() {
        assert_eq!(lines("[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n"), [(2, true), (3, true)]);
        assert_eq!(lines("{\"a\": 1}\n{\"b\": 2}\n"), [(1, true), (2, true)]);
        assert_eq!(lines("[]"), []);
        assert_eq!(lines("[\n{\"a\": 1},\n{\"b\": }\n]"), [(2, true), (3, false)]);
    }

    #[test]
    fn types_come_back() {
        let json = r#"{"type":"contact","id":"anna","name":"1988-04-12","birthday":"1988-04-12","created":"2025-10-20T10:00:00Z","fields":{"employees":85,"since":"2020-01-01"},"body":"Hi\n"}"#;
        let inc = incoming(1, serde_json::from_str(json).unwrap()).unwrap();
        assert_eq!(inc.id.as_deref(), Some("anna"));
        assert_eq!(inc.doc["name"].as_str(), Some("1988-04-12"), "text keys stay text");
        assert!(inc.doc["birthday"].is_datetime() && inc.doc["created"].is_datetime());
        assert_eq!(inc.doc["fields"]["employees"].as_integer(), Some(85));
        assert!(inc.doc["fields"]["since"].is_datetime());
        assert_eq!(inc.body, "Hi\n");
        let deal = r#"{"type":"deal","title":"X","history":[{"stage":"lead","at":"2026-01-01T00:00:00Z"}]}"#;
        let inc = incoming(1, serde_json::from_str(deal).unwrap()).unwrap();
        assert!(inc.doc["history"].is_array_of_tables());
        assert!(incoming(1, Json::from(3)).is_err());
        assert!(incoming(1, serde_json::json!({"type": "spaceship"})).is_err());
    }
}
