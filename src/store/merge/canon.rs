//! What a TOML value *means*, apart from how it is written: `"a"` and `'a'`, `[fields]` and
//! `fields = { … }`, `[[history]]` and an array of inline tables are the same thing here.
//!
//! The merge compares sides through this (a re-quoted or re-spaced value is not a change);
//! the field diff uses it too. Rendering stays with toml_edit's own items.

use chrono::{DateTime, FixedOffset};
use toml_edit::{Datetime, Item, Table, Value};

use crate::dates::When;

/// A TOML value reduced to its meaning. Tables keep their keys in the order written (for
/// display) but compare as maps: key order is formatting.
#[derive(Debug, Clone)]
pub(crate) enum Canon {
    Str(String),
    Int(i64),
    /// The bits of the float, with every NaN and both zeros made one, so that equality is
    /// an equivalence (a NaN kept on both sides is not a change).
    Float(u64),
    Bool(bool),
    Date(Datetime),
    Array(Vec<Canon>),
    Table(Vec<(String, Canon)>),
}

impl PartialEq for Canon {
    fn eq(&self, other: &Canon) -> bool {
        match (self, other) {
            (Canon::Str(a), Canon::Str(b)) => a == b,
            (Canon::Int(a), Canon::Int(b)) => a == b,
            (Canon::Float(a), Canon::Float(b)) => a == b,
            (Canon::Bool(a), Canon::Bool(b)) => a == b,
            (Canon::Date(a), Canon::Date(b)) => a == b,
            (Canon::Array(a), Canon::Array(b)) => a == b,
            (Canon::Table(a), Canon::Table(b)) => {
                a.len() == b.len()
                    && a.iter().all(|(k, v)| b.iter().any(|(bk, bv)| bk == k && bv == v))
            }
            _ => false,
        }
    }
}

/// The meaning of an item; `None` for an absent one.
pub(crate) fn item(item: Option<&Item>) -> Option<Canon> {
    match item? {
        Item::None => None,
        Item::Value(v) => Some(value(v)),
        Item::Table(t) => Some(table(t)),
        Item::ArrayOfTables(a) => Some(Canon::Array(a.iter().map(table).collect())),
    }
}

pub(crate) fn value(v: &Value) -> Canon {
    match v {
        Value::String(s) => Canon::Str(s.value().clone()),
        Value::Integer(i) => Canon::Int(*i.value()),
        Value::Float(f) => {
            let f = *f.value();
            let f = if f.is_nan() {
                f64::NAN
            } else if f == 0.0 {
                0.0
            } else {
                f
            };
            Canon::Float(f.to_bits())
        }
        Value::Boolean(b) => Canon::Bool(*b.value()),
        Value::Datetime(d) => Canon::Date(*d.value()),
        Value::Array(a) => Canon::Array(a.iter().map(value).collect()),
        Value::InlineTable(t) => {
            Canon::Table(t.iter().map(|(k, v)| (k.to_string(), value(v))).collect())
        }
    }
}

pub(crate) fn table(t: &Table) -> Canon {
    Canon::Table(t.iter().filter_map(|(k, i)| Some((k.to_string(), item(Some(i))?))).collect())
}

/// Whether two items (either absent) mean the same.
pub(crate) fn same(a: Option<&Item>, b: Option<&Item>) -> bool {
    item(a) == item(b)
}

impl Canon {
    /// When an entry of an append-only list happened: a datetime itself, or a table's `at`
    /// (`[[history]]`). A date counts from its midnight.
    pub(crate) fn time(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            Canon::Date(d) => When::from_toml(d).map(|w| w.instant()),
            Canon::Table(t) => t.iter().find(|(k, _)| k == "at").and_then(|(_, v)| v.time()),
            _ => None,
        }
    }

    /// The value as a person reads it: text bare, dates as `2026-12-01` or
    /// `2026-12-01 15:00`, a list's items joined by ", ", a table's values by spaces
    /// (a history entry reads `won 2026-11-20 10:00`).
    pub(crate) fn display(&self) -> String {
        match self {
            Canon::Str(s) => s.clone(),
            Canon::Int(i) => i.to_string(),
            Canon::Float(bits) => f64::from_bits(*bits).to_string(),
            Canon::Bool(b) => b.to_string(),
            Canon::Date(d) => When::from_toml(d).map_or_else(|| d.to_string(), |w| w.display()),
            Canon::Array(items) => items.iter().map(Canon::display).collect::<Vec<_>>().join(", "),
            Canon::Table(t) => t.iter().map(|(_, v)| v.display()).collect::<Vec<_>>().join(" "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    #[test]
    fn formatting_is_not_meaning() {
        let a = doc("t = \"Анна\"\nf = { a = 1, b = [1, 2] }\n[[h]]\nx = 1\n");
        let b = doc("t = 'Анна'\nh = [{ x = 1 }]\n[f]\nb = [ 1,2 ]\na = 1\n");
        for key in ["t", "f", "h"] {
            assert!(same(a.get(key), b.get(key)), "{key}");
        }
        assert!(!same(a.get("t"), None));
        assert!(same(None, None));
    }

    #[test]
    fn types_differ_even_when_the_text_matches() {
        let a = doc("d = 1988-04-12\ni = 1\nnan = nan\n");
        let b = doc("d = \"1988-04-12\"\ni = 1.0\nnan = -nan\n");
        assert!(!same(a.get("d"), b.get("d")));
        assert!(!same(a.get("i"), b.get("i")));
        assert!(same(a.get("nan"), b.get("nan")), "a NaN on both sides is no change");
    }

    #[test]
    fn display_and_time() {
        let d = doc(
            "h = { stage = \"won\", at = 2026-11-20T10:00:00Z }\nt = [\"王小明\", \"Айгүл\"]\nd = 2026-12-01\n",
        );
        let h = item(d.get("h")).unwrap();
        assert!(h.display().starts_with("won 2026-11-2"), "{}", h.display());
        assert_eq!(h.time().unwrap().to_rfc3339(), "2026-11-20T10:00:00+00:00");
        assert_eq!(item(d.get("t")).unwrap().display(), "王小明, Айгүл");
        assert_eq!(item(d.get("d")).unwrap().display(), "2026-12-01");
    }
}
