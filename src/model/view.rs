//! What `list`, filters and sorts read of a record, whether it was parsed from its file
//! ([`Record`]) or read back from the search index ([`Card`]), and a catalog of them.
//!
//! The index keeps each record as a card so that `list` answers at 100,000 records
//! without re-reading files (the index is also the query cache).

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Map, Value as Json};

use super::record::display_value;
use super::{Kind, Record};
use crate::dates::When;
use crate::error::Diagnostic;

pub trait View {
    fn kind(&self) -> Kind;
    fn id(&self) -> &str;
    /// The file, relative to the book.
    fn path(&self) -> &std::path::Path;
    fn str(&self, key: &str) -> Option<&str>;
    /// The strings of an array key; a lone string counts as a list of one.
    fn strs(&self, key: &str) -> Vec<&str>;
    fn number(&self, key: &str) -> Option<f64>;
    fn when(&self, key: &str) -> Option<When>;
    fn has(&self, key: &str) -> bool;
    /// The name or title, or for a note the first line of its body.
    fn title(&self) -> String;
    /// A value in one line for tables: strings bare, arrays joined by ", ".
    fn display(&self, key: &str) -> String;
    /// The record as `--json` shows it.
    fn to_json(&self) -> Map<String, Json>;
    /// A deal's `[[history]]` entries `(stage, at)` as written; entries without a stage
    /// or a TOML datetime are left out (the funnel cannot place them).
    fn history(&self) -> Vec<(String, When)>;
    /// The `relations` entries as written (see [`super::relation`]).
    fn relations(&self) -> Vec<super::relation::Relation>;

    fn qualified_id(&self) -> String {
        format!("{}/{}", self.kind(), self.id())
    }
}

/// A reference views what it refers to, so `&&Record` from iterators works as well.
impl<T: View + ?Sized> View for &T {
    fn kind(&self) -> Kind {
        (**self).kind()
    }
    fn id(&self) -> &str {
        (**self).id()
    }
    fn path(&self) -> &std::path::Path {
        (**self).path()
    }
    fn str(&self, key: &str) -> Option<&str> {
        (**self).str(key)
    }
    fn strs(&self, key: &str) -> Vec<&str> {
        (**self).strs(key)
    }
    fn number(&self, key: &str) -> Option<f64> {
        (**self).number(key)
    }
    fn when(&self, key: &str) -> Option<When> {
        (**self).when(key)
    }
    fn has(&self, key: &str) -> bool {
        (**self).has(key)
    }
    fn title(&self) -> String {
        (**self).title()
    }
    fn display(&self, key: &str) -> String {
        (**self).display(key)
    }
    fn to_json(&self) -> Map<String, Json> {
        (**self).to_json()
    }
    fn history(&self) -> Vec<(String, When)> {
        (**self).history()
    }
    fn relations(&self) -> Vec<super::relation::Relation> {
        (**self).relations()
    }
}

impl View for Record {
    fn kind(&self) -> Kind {
        self.kind
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn path(&self) -> &std::path::Path {
        &self.path
    }
    fn str(&self, key: &str) -> Option<&str> {
        Record::str(self, key)
    }
    fn strs(&self, key: &str) -> Vec<&str> {
        Record::strs(self, key)
    }
    fn number(&self, key: &str) -> Option<f64> {
        Record::number(self, key)
    }
    fn when(&self, key: &str) -> Option<When> {
        Record::when(self, key)
    }
    fn has(&self, key: &str) -> bool {
        self.value(key).is_some()
    }
    fn title(&self) -> String {
        Record::title(self)
    }
    fn display(&self, key: &str) -> String {
        self.value(key).map(display_value).unwrap_or_default()
    }
    fn to_json(&self) -> Map<String, Json> {
        Record::to_json(self)
    }
    fn relations(&self) -> Vec<super::relation::Relation> {
        super::relation::of_doc(&self.doc)
    }
    fn history(&self) -> Vec<(String, When)> {
        let Some(entries) = self.doc.get("history").and_then(toml_edit::Item::as_array_of_tables)
        else {
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|t| {
                let stage = t.get("stage")?.as_str()?.to_string();
                let at = t.get("at")?.as_datetime().and_then(When::from_toml)?;
                Some((stage, at))
            })
            .collect()
    }
}

/// A record as the index keeps it: its `--json` object.
#[derive(Debug, Clone)]
pub struct Card {
    pub kind: Kind,
    pub id: String,
    pub path: PathBuf,
    pub map: Map<String, Json>,
}

impl Card {
    pub fn from_json(map: Map<String, Json>) -> Option<Card> {
        let kind = map.get("type")?.as_str()?.parse().ok()?;
        let id = map.get("id")?.as_str()?.to_string();
        let path = PathBuf::from(map.get("path")?.as_str()?);
        Some(Card { kind, id, path, map })
    }
}

/// A record read back as JSON fields: a whole [`Card`] or a slim [`super::Row`].
/// [`View`] is the same for both, so an aggregate gives the same answer from either.
pub(super) trait JsonFields {
    fn meta_kind(&self) -> Kind;
    fn meta_id(&self) -> &str;
    fn meta_path(&self) -> &std::path::Path;
    fn field(&self, key: &str) -> Option<&Json>;
    /// The value of `key` when it is a string that can be read in place, without
    /// building a [`Json`] (`None`: absent, or read through [`Self::field`]).
    fn plain(&self, _key: &str) -> Option<&str> {
        None
    }
    /// The value of `key` when it is a list of strings that can be read in place
    /// (`None`: absent, or read through [`Self::field`]).
    fn plain_list(&self, _key: &str) -> Option<Vec<&str>> {
        None
    }
    /// The value of `key` when it is a number that can be read in place, without
    /// building a [`Json`] (`None`: absent, or read through [`Self::field`]).
    fn plain_number(&self, _key: &str) -> Option<f64> {
        None
    }
    /// `[[history]]` as [`View::history`] gives it, read in place when every entry is
    /// an object whose `stage` and `at` are strings without escapes (`None`: absent,
    /// or read through [`Self::field`]).
    fn plain_history(&self) -> Option<Vec<(String, When)>> {
        None
    }
    /// Whether the key is there, whatever its value (without reading the value).
    fn present(&self, key: &str) -> bool {
        self.field(key).is_some()
    }
    /// Whether the key holds a TOML date (not a string that looks like one).
    fn is_date(&self, key: &str) -> bool;
    fn body(&self) -> &str;
    fn fields(&self) -> Map<String, Json>;
}

macro_rules! json_view {
    ($t:ty) => {
        impl View for $t {
            fn kind(&self) -> Kind {
                self.meta_kind()
            }
            fn id(&self) -> &str {
                self.meta_id()
            }
            fn path(&self) -> &std::path::Path {
                self.meta_path()
            }
            fn str(&self, key: &str) -> Option<&str> {
                let text = match self.plain(key) {
                    Some(text) => text,
                    None => self.field(key)?.as_str()?,
                };
                Some(text).filter(|s| !s.is_empty())
            }
            fn strs(&self, key: &str) -> Vec<&str> {
                if let Some(text) = self.plain(key) {
                    return vec![text];
                }
                if let Some(list) = self.plain_list(key) {
                    return list;
                }
                match self.field(key) {
                    Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
                    Some(Json::String(s)) => vec![s.as_str()],
                    _ => Vec::new(),
                }
            }
            fn number(&self, key: &str) -> Option<f64> {
                self.plain_number(key).or_else(|| self.field(key).and_then(Json::as_f64))
            }
            fn when(&self, key: &str) -> Option<When> {
                // Dates travel as their TOML text; only real TOML dates parse back.
                if !self.is_date(key) {
                    return None;
                }
                let text = match self.plain(key) {
                    Some(text) => text,
                    None => self.field(key)?.as_str()?,
                };
                text.parse::<toml_edit::Datetime>().ok().as_ref().and_then(When::from_toml)
            }
            fn has(&self, key: &str) -> bool {
                self.present(key)
            }
            fn title(&self) -> String {
                let (kind, id) = (self.meta_kind(), self.meta_id());
                super::record::title_of(kind, id, |k| self.str(k), self.body())
            }
            fn display(&self, key: &str) -> String {
                if let Some(w) = self.when(key) {
                    return w.display();
                }
                match self.field(key) {
                    None | Some(Json::Null) => String::new(),
                    Some(Json::String(s)) => s.clone(),
                    Some(Json::Array(a)) => a
                        .iter()
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from))
                        .collect::<Vec<_>>()
                        .join(", "),
                    Some(other) => other.to_string(),
                }
            }
            fn to_json(&self) -> Map<String, Json> {
                self.fields()
            }
            fn relations(&self) -> Vec<super::relation::Relation> {
                super::relation::of_json(self.field("relations"))
            }
            fn history(&self) -> Vec<(String, When)> {
                if let Some(history) = self.plain_history() {
                    return history;
                }
                // `[[history]]` travels as an array of objects whose `at` is the TOML text.
                let Some(Json::Array(entries)) = self.field("history") else {
                    return Vec::new();
                };
                entries
                    .iter()
                    .filter_map(|e| {
                        let stage = e.get("stage")?.as_str()?.to_string();
                        let at = e.get("at")?.as_str()?.parse::<toml_edit::Datetime>().ok()?;
                        Some((stage, When::from_toml(&at)?))
                    })
                    .collect()
            }
        }
    };
}
pub(super) use json_view;

impl JsonFields for Card {
    fn meta_kind(&self) -> Kind {
        self.kind
    }
    fn meta_id(&self) -> &str {
        &self.id
    }
    fn meta_path(&self) -> &std::path::Path {
        &self.path
    }
    fn field(&self, key: &str) -> Option<&Json> {
        self.map.get(key)
    }
    fn is_date(&self, key: &str) -> bool {
        self.map.get("$dates").and_then(|d| d.get(key)).is_some()
    }
    fn body(&self) -> &str {
        self.map.get("body").and_then(Json::as_str).unwrap_or_default()
    }
    fn fields(&self) -> Map<String, Json> {
        let mut map = self.map.clone();
        map.remove("$dates");
        map
    }
}

json_view!(Card);

/// A card for the index: the record's JSON plus which keys hold TOML dates (a string
/// that merely looks like a date must not turn into one on the way back).
pub fn card_json(r: &Record) -> Map<String, Json> {
    let mut map = r.to_json();
    let dates: Map<String, Json> = r
        .doc
        .iter()
        .filter(|(_, item)| item.as_value().is_some_and(|v| v.is_datetime()))
        .map(|(k, _)| (k.to_string(), Json::Bool(true)))
        .collect();
    map.insert("$dates".into(), Json::Object(dates));
    map
}

/// Book order: by kind, then by path as bytes (the same for records and cards; bytes
/// compare several times faster than path components, which counts at 100,000).
pub fn book_order(a: &impl View, b: &impl View) -> std::cmp::Ordering {
    a.kind().cmp(&b.kind()).then_with(|| {
        a.path().as_os_str().as_encoded_bytes().cmp(b.path().as_os_str().as_encoded_bytes())
    })
}

/// Records (or cards) of a book, with the files that could not be read.
#[derive(Debug)]
pub struct Catalog<V> {
    pub records: Vec<V>,
    pub problems: Vec<Diagnostic>,
    /// `(kind, id)` → position in `records`, for look-ups in constant time.
    index: HashMap<(Kind, String), usize>,
}

impl<V> Default for Catalog<V> {
    fn default() -> Self {
        Catalog { records: Vec::new(), problems: Vec::new(), index: HashMap::new() }
    }
}

impl<V: View> Catalog<V> {
    /// In book order (kind, then path), whichever way the records were gathered.
    pub fn new(mut records: Vec<V>, problems: Vec<Diagnostic>) -> Catalog<V> {
        records.sort_by(book_order);
        let index =
            records.iter().enumerate().map(|(i, r)| ((r.kind(), r.id().to_string()), i)).collect();
        Catalog { records, problems, index }
    }

    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &V> {
        self.records.iter().filter(move |r| r.kind() == kind)
    }

    pub fn get(&self, kind: Kind, id: &str) -> Option<&V> {
        // The key is owned; a borrowed look-up would need a custom key type for little gain.
        self.index.get(&(kind, id.to_string())).map(|&i| &self.records[i])
    }
}
