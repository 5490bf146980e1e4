//! A record as loaded: its kind, id, path, the front matter as an editable document
//! (every comment and unknown key kept), and the exact text after the front matter.

#[cfg(test)]
use std::path::Path;
use std::path::PathBuf;

use serde_json::{Map, Value as Json};
use toml_edit::{DocumentMut, Item, Value};

use super::Kind;
use crate::dates::When;

#[derive(Debug, Clone)]
pub struct Record {
    pub kind: Kind,
    pub id: String,
    /// Relative to the book's root, e.g. `contacts/anna-petrova.md`.
    pub path: PathBuf,
    pub doc: DocumentMut,
    /// Everything before the front matter (the opening `+++` line, a BOM if any).
    pub(crate) head: String,
    /// The closing `+++` line as written.
    pub(crate) closing: String,
    /// The Markdown body, byte for byte.
    pub body: String,
}

impl Record {
    /// A new record with an empty body; the caller sets its keys.
    pub fn new(kind: Kind, id: String, path: PathBuf) -> Record {
        Record {
            kind,
            id,
            path,
            doc: DocumentMut::new(),
            head: "+++\n".into(),
            closing: "+++\n".into(),
            body: String::new(),
        }
    }

    /// The file's text: unchanged parts come back byte for byte.
    pub fn to_text(&self) -> String {
        let newline = if self.head.ends_with("\r\n") { "\r\n" } else { "\n" };
        let mut front = render_front(&self.doc);
        if newline == "\r\n" {
            // toml_edit writes what it re-renders with LF: keep a CRLF file CRLF throughout.
            front = front.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        let mut text = String::with_capacity(front.len() + self.body.len() + 16);
        text.push_str(&self.head);
        text.push_str(&front);
        if !front.is_empty() && !front.ends_with('\n') {
            text.push_str(newline);
        }
        text.push_str(&self.closing);
        if !self.closing.ends_with('\n') && !self.body.is_empty() {
            text.push_str(newline);
        }
        text.push_str(&self.body);
        text
    }

    /// `type/id`, the unambiguous way to name it.
    pub fn qualified_id(&self) -> String {
        format!("{}/{}", self.kind, self.id)
    }

    pub fn value(&self, key: &str) -> Option<&Value> {
        self.doc.get(key).and_then(Item::as_value)
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.value(key).and_then(Value::as_str).filter(|s| !s.is_empty())
    }

    /// The strings of an array key; a lone string counts as a list of one.
    pub fn strs(&self, key: &str) -> Vec<&str> {
        match self.value(key) {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            Some(Value::String(s)) => vec![s.value().as_str()],
            _ => Vec::new(),
        }
    }

    pub fn number(&self, key: &str) -> Option<f64> {
        match self.value(key)? {
            Value::Integer(i) => Some(*i.value() as f64),
            Value::Float(f) => Some(*f.value()),
            _ => None,
        }
    }

    pub fn when(&self, key: &str) -> Option<When> {
        self.value(key).and_then(Value::as_datetime).and_then(When::from_toml)
    }

    /// The name or title, or for a note its kind and date.
    pub fn title(&self) -> String {
        title_of(self.kind, &self.id, |k| self.str(k), &self.body)
    }

    /// The record as `--json` shows it: every front-matter key (unknown ones too) plus
    /// `id`, `type`, `path` and `body` (docs/format.md: "Commands").
    pub fn to_json(&self) -> Map<String, Json> {
        let mut map = Map::new();
        map.insert("id".into(), Json::String(self.id.clone()));
        map.insert("type".into(), Json::String(self.kind.name().into()));
        map.insert("path".into(), Json::String(self.path.to_string_lossy().replace('\\', "/")));
        for (key, item) in self.doc.iter() {
            if !matches!(key, "id" | "type" | "path" | "body") {
                map.insert(key.to_string(), item_to_json(item));
            }
        }
        map.insert("body".into(), Json::String(self.body.clone()));
        map
    }
}

/// The front matter's TOML. Strings rolo itself wrote that hold a line break are written on
/// one line with escapes (`"a\nb"`) rather than as `"""` blocks: a block holding a `+++`
/// line would close the front matter, and in a CRLF file the line breaks of the value
/// itself would change. Values as a person wrote them are never re-rendered.
fn render_front(doc: &DocumentMut) -> String {
    if !has_new_multiline(doc.as_table()) {
        return doc.to_string();
    }
    let mut doc = doc.clone();
    one_line_table(doc.as_table_mut());
    doc.to_string()
}

fn is_new_multiline(v: &Value) -> bool {
    matches!(v, Value::String(f) if f.as_repr().is_none() && f.value().contains(['\n', '\r']))
}

fn has_new_multiline(table: &toml_edit::Table) -> bool {
    fn value(v: &Value) -> bool {
        match v {
            Value::Array(a) => a.iter().any(value),
            Value::InlineTable(t) => t.iter().any(|(_, v)| value(v)),
            v => is_new_multiline(v),
        }
    }
    table.iter().any(|(_, item)| match item {
        Item::Value(v) => value(v),
        Item::Table(t) => has_new_multiline(t),
        Item::ArrayOfTables(a) => a.iter().any(has_new_multiline),
        Item::None => false,
    })
}

fn one_line_table(table: &mut toml_edit::Table) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Value(v) => one_line_value(v),
            Item::Table(t) => one_line_table(t),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(one_line_table),
            Item::None => {}
        }
    }
}

fn one_line_value(v: &mut Value) {
    match v {
        Value::Array(a) => a.iter_mut().for_each(one_line_value),
        Value::InlineTable(t) => t.iter_mut().for_each(|(_, v)| one_line_value(v)),
        v if is_new_multiline(v) => {
            let literal = basic_string(v.as_str().unwrap_or_default());
            if let Ok(mut one) = literal.parse::<Value>() {
                *one.decor_mut() = v.decor().clone();
                *v = one;
            }
        }
        _ => {}
    }
}

/// `text` as a one-line TOML basic string: quotes, backslashes and control characters
/// (line breaks, DEL) escaped, everything else as it is.
fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A record's name or title; for a note (which has none) the first line of its body,
/// else its kind. Shared by parsed records and index cards, so both show the same.
pub fn title_of<'a>(
    kind: Kind,
    id: &str,
    text: impl Fn(&str) -> Option<&'a str>,
    body: &str,
) -> String {
    if let Some(t) = kind.title_key().and_then(&text) {
        return t.to_string();
    }
    match kind {
        Kind::Note => {
            let first = body.lines().map(str::trim).find(|l| !l.is_empty());
            first.map_or_else(|| text("kind").unwrap_or("note").to_string(), summary)
        }
        _ => id.to_string(),
    }
}

/// The first line of a text, cut to a table-friendly length.
pub fn summary(line: &str) -> String {
    const MAX: usize = 80;
    let line = line.trim_start_matches('#').trim();
    if line.chars().count() <= MAX {
        line.to_string()
    } else {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

pub fn item_to_json(item: &Item) -> Json {
    match item {
        Item::None => Json::Null,
        Item::Value(v) => value_to_json(v),
        Item::Table(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.to_string(), item_to_json(v))).collect())
        }
        Item::ArrayOfTables(a) => Json::Array(
            a.iter()
                .map(|t| {
                    Json::Object(t.iter().map(|(k, v)| (k.to_string(), item_to_json(v))).collect())
                })
                .collect(),
        ),
    }
}

pub fn value_to_json(v: &Value) -> Json {
    match v {
        Value::String(s) => Json::String(s.value().clone()),
        Value::Integer(i) => Json::from(*i.value()),
        Value::Float(f) => {
            serde_json::Number::from_f64(*f.value()).map_or(Json::Null, Json::Number)
        }
        Value::Boolean(b) => Json::Bool(*b.value()),
        Value::Datetime(d) => Json::String(d.value().to_string()),
        Value::Array(a) => Json::Array(a.iter().map(value_to_json).collect()),
        Value::InlineTable(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.to_string(), value_to_json(v))).collect())
        }
    }
}

/// A value in one line for tables and `show`: strings bare, arrays joined by ", ".
pub fn display_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.value().clone(),
        Value::Array(a) => a.iter().map(display_value).collect::<Vec<_>>().join(", "),
        Value::Datetime(d) => {
            When::from_toml(d.value()).map_or_else(|| d.value().to_string(), |w| w.display())
        }
        other => other.to_string().trim().to_string(),
    }
}
/// A record of `kind` at its usual path, from front-matter TOML: for unit tests.
#[cfg(test)]
pub(crate) fn test_record(kind: Kind, id: &str, front: &str) -> Record {
    let path = std::path::PathBuf::from(format!("{}/{id}.md", kind.dir()));
    crate::store::read::parse(kind, id, &path, &format!("+++\n{front}\n+++\n")).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::edit;

    #[test]
    fn a_value_holding_the_delimiter_keeps_the_record_readable() {
        let mut r = test_record(Kind::Contact, "anna", "name = \"Анна\"");
        edit::set(&mut r.doc, &["notes"], Value::from("a\n+++\nb")).unwrap();
        let text = r.to_text();
        assert!(text.contains("notes = \"a\\n+++\\nb\"\n"), "{text}");
        let back = crate::store::read::parse(Kind::Contact, "anna", &r.path, &text).unwrap();
        assert_eq!(back.str("notes"), Some("a\n+++\nb"));
    }

    #[test]
    fn a_new_line_break_in_a_crlf_file_stays_what_it_was() {
        let text =
            "+++\r\nname = \"Анна\"\r\nold = \"\"\"\r\nкак есть\r\n\"\"\"\r\n+++\r\nТекст\r\n";
        let mut r =
            crate::store::read::parse(Kind::Contact, "anna", Path::new("c/a.md"), text).unwrap();
        assert_eq!(r.to_text(), text, "what a person wrote comes back byte for byte");
        edit::set(&mut r.doc, &["title"], Value::from("Head\nof Sales")).unwrap();
        let out = r.to_text();
        let back = crate::store::read::parse(Kind::Contact, "anna", &r.path, &out).unwrap();
        assert_eq!(back.str("title"), Some("Head\nof Sales"), "{out:?}");
        assert!(out.contains("old = \"\"\"\r\nкак есть\r\n\"\"\""), "{out:?}");
    }
}
