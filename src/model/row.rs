//! A slim row: the keys that the agenda, the pipeline and the reports read, parsed into
//! fixed fields (no map of owned keys to build per record). The index keeps one per
//! record (`index::rows`); [`View`] reads it exactly as it reads the whole [`super::Card`].

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value as Json};

use super::view::{JsonFields, json_view};
use super::{Kind, View};
use crate::dates::When;

/// The keys a row keeps, besides `type`, `id`, `path` and `$dates` (which of them hold
/// TOML dates). [`Row::field`] must name every one.
pub const ROW_KEYS: [&str; 30] = [
    "name",
    "title",
    "owner",
    "source",
    "stage",
    "tags",
    "city",
    "company",
    "contact",
    "about",
    "value",
    "currency",
    "probability",
    "close",
    "created",
    "history",
    "lost_reason",
    "due",
    "done",
    "repeat",
    "anchor",
    "follow_up",
    "birthday",
    "date",
    "kind",
    "direction",
    "uid",
    "emails",
    "phones",
    "domain",
];

/// A record's [`ROW_KEYS`] that it has, by their position in that list, and which of
/// them hold TOML dates (a bit per position): small, and parsed without building a map.
// A bit per key in `Row::dates`.
const _: () = assert!(ROW_KEYS.len() <= 32);

#[derive(Debug, Clone)]
pub struct Row {
    kind: Kind,
    id: String,
    path: PathBuf,
    dates: u32,
    fields: Vec<(u8, Json)>,
    /// The first line of the body (a note's title): `$summary`.
    summary: Option<String>,
}

fn position(key: &str) -> Option<u8> {
    ROW_KEYS.iter().position(|k| *k == key).and_then(|i| u8::try_from(i).ok())
}

/// Which of [`ROW_KEYS`] to keep when parsing a row (the others are skipped unbuilt),
/// and whether the body's first line is kept: what a command reads of many rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keys {
    mask: u32,
    summary: bool,
}

impl Keys {
    /// Every key and the summary line.
    pub const ALL: Keys = Keys { mask: u32::MAX, summary: true };

    /// Only these keys (`title` also keeps a note's summary line, its title). A key that
    /// is not one of [`ROW_KEYS`] is a mistake caught by the tests.
    pub fn only(keys: &[&str]) -> Keys {
        let mut mask = 0;
        for key in keys {
            debug_assert!(position(key).is_some(), "{key} is not a row key");
            if let Some(i) = position(key) {
                mask |= 1 << i;
            }
        }
        Keys { mask, summary: keys.contains(&"title") }
    }

    fn keeps(self, i: u8) -> bool {
        self.mask & (1 << i) != 0
    }
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Row, D::Error> {
        serde::de::DeserializeSeed::deserialize(Keys::ALL, d)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Keys {
    type Value = Row;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Row, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
        struct Fields(Keys);
        impl<'de> Visitor<'de> for Fields {
            type Value = Row;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a record's row")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Row, A::Error> {
                let (mut kind, mut id, mut path) = (None, None, None);
                let mut row = Row {
                    kind: Kind::Contact,
                    id: String::new(),
                    path: PathBuf::new(),
                    dates: 0,
                    fields: Vec::with_capacity(8),
                    summary: None,
                };
                while let Some(key) = a.next_key::<std::borrow::Cow<str>>()? {
                    match key.as_ref() {
                        "type" => {
                            let name: String = a.next_value()?;
                            kind = Some(name.parse::<Kind>().map_err(A::Error::custom)?);
                        }
                        "id" => id = Some(a.next_value::<String>()?),
                        "path" => path = Some(a.next_value::<PathBuf>()?),
                        "$summary" if self.0.summary => row.summary = Some(a.next_value()?),
                        "$dates" => {
                            let dates: std::collections::HashMap<String, IgnoredAny> =
                                a.next_value()?;
                            for key in dates.keys() {
                                if let Some(i) = position(key) {
                                    row.dates |= 1 << i;
                                }
                            }
                        }
                        other => match position(other).filter(|i| self.0.keeps(*i)) {
                            Some(i) => row.fields.push((i, a.next_value()?)),
                            None => {
                                a.next_value::<IgnoredAny>()?;
                            }
                        },
                    }
                }
                row.kind = kind.ok_or_else(|| A::Error::missing_field("type"))?;
                row.id = id.ok_or_else(|| A::Error::missing_field("id"))?;
                row.path = path.ok_or_else(|| A::Error::missing_field("path"))?;
                Ok(row)
            }
        }
        d.deserialize_map(Fields(self))
    }
}

impl Row {
    /// A row from its JSON text (as `index::rows` writes it).
    pub fn parse(json: &str) -> Option<Row> {
        Row::parse_keys(json, Keys::ALL)
    }

    /// A row holding only `keys` (the others read as absent).
    pub fn parse_keys(json: &str, keys: Keys) -> Option<Row> {
        let mut d = serde_json::Deserializer::from_str(json);
        serde::de::DeserializeSeed::deserialize(keys, &mut d).ok()
    }
}

impl JsonFields for Row {
    fn meta(&self) -> (Kind, &str, &Path) {
        (self.kind, &self.id, &self.path)
    }
    fn field(&self, key: &str) -> Option<&Json> {
        let i = position(key)?;
        self.fields.iter().find(|(k, _)| *k == i).map(|(_, v)| v)
    }
    fn is_date(&self, key: &str) -> bool {
        position(key).is_some_and(|i| self.dates & (1 << i) != 0)
    }
    /// Rows carry only the body's first line: what a note's title is made of.
    fn body(&self) -> &str {
        self.summary.as_deref().unwrap_or_default()
    }
    fn fields(&self) -> Map<String, Json> {
        let mut map = Map::new();
        map.insert("type".into(), self.kind.name().into());
        map.insert("id".into(), self.id.clone().into());
        map.insert("path".into(), self.path.to_string_lossy().into_owned().into());
        for (i, v) in &self.fields {
            map.insert(ROW_KEYS[usize::from(*i)].into(), v.clone());
        }
        map
    }
}

json_view!(Row);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Card;

    /// Every key of a row reads as it does in the whole card.
    #[test]
    fn a_row_reads_like_its_card() {
        let mut card = serde_json::json!({"type": "deal", "id": "sayt", "path": "deals/sayt.md"});
        let mut dates = Map::new();
        for (i, key) in ROW_KEYS.iter().enumerate() {
            let value = match *key {
                "tags" | "about" => serde_json::json!(["a", "б"]),
                "value" | "probability" => serde_json::json!(i),
                "history" => serde_json::json!([{"stage": "lead", "at": "2026-01-01T00:00:00Z"}]),
                "close" | "created" | "due" | "date" => {
                    dates.insert((*key).into(), Json::Bool(true));
                    serde_json::json!("2026-11-23")
                }
                _ => serde_json::json!(format!("{key}-значение")),
            };
            card[key] = value;
        }
        card["$dates"] = Json::Object(dates);
        let text = card.to_string();
        let row = Row::parse(&text).unwrap();
        let Json::Object(map) = card else { unreachable!() };
        let card = Card::from_json(map).unwrap();
        for key in ROW_KEYS {
            assert_eq!(row.str(key), card.str(key), "{key}");
            assert_eq!(row.strs(key), card.strs(key), "{key}");
            assert_eq!(row.number(key), card.number(key), "{key}");
            assert_eq!(row.when(key), card.when(key), "{key}");
            assert_eq!(row.display(key), card.display(key), "{key}");
            assert!(row.has(key), "{key}");
        }
        assert_eq!(row.history(), card.history());
        assert_eq!(row.title(), card.title());
        assert_eq!(row.to_json(), card.to_json());
        assert_eq!((row.kind(), row.id(), row.path()), (card.kind(), card.id(), card.path()));
        let some = Row::parse_keys(&text, Keys::only(&["stage", "history"])).unwrap();
        assert_eq!(some.str("stage"), card.str("stage"));
        assert_eq!(some.history(), card.history());
        assert!(!some.has("title") && !some.has("emails") && some.when("close").is_none());
    }
}
