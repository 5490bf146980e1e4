//! Merging an incoming record into one already in the book (fill in what it lacks,
//! never replace what it has) and ordering a new record's keys.

use toml_edit::{DocumentMut, Item, Table, Value};

use super::values::same_phone;
use crate::model::{Kind, schema};

/// A new record's keys in the order docs/format.md lists them, then the file's own keys, then
/// tables (`[fields]`, `[[history]]`).
pub(super) fn ordered(kind: Kind, doc: &DocumentMut) -> DocumentMut {
    let known: Vec<&str> = schema::keys(kind).iter().map(|(k, _)| *k).collect();
    let mut out = DocumentMut::new();
    for key in &known {
        if let Some(item) = doc.get(key) {
            out.insert(key, item.clone());
        }
    }
    for values_first in [true, false] {
        for (key, item) in doc.iter() {
            if !known.contains(&key) && item.is_value() == values_first {
                out.insert(key, item.clone());
            }
        }
    }
    out
}

fn is_blank(item: &Item) -> bool {
    match item {
        Item::None => true,
        Item::Value(Value::String(s)) => s.value().trim().is_empty(),
        Item::Value(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}

/// A year-less birthday (`"04-12"`) meeting a full date on the same day.
fn gains_year(old: &Value, new: &Item) -> bool {
    let (Some(md), Some(date)) = (old.as_str(), new.as_value().and_then(Value::as_datetime)) else {
        return false;
    };
    date.date
        .is_some_and(|d| date.time.is_none() && format!("{:02}-{:02}", d.month, d.day) == md.trim())
}

/// Merge `new` into `have`: keys it lacks are added, lists of strings gain the items
/// they lack, tables are merged key by key; a value already there is never replaced.
pub(super) fn fill(have: &mut Table, new: &Table, prefix: &str, changed: &mut Vec<String>) {
    for (key, item) in new.iter() {
        if is_blank(item) {
            continue;
        }
        let name = format!("{prefix}{key}");
        match have.get_mut(key) {
            None => {
                have.insert(key, item.clone());
                changed.push(name);
            }
            Some(old) if is_blank(old) => {
                *old = item.clone();
                changed.push(name);
            }
            Some(Item::Value(old)) if key == "birthday" && gains_year(old, item) => {
                // "04-12" and then 1988-04-12 from another source: the year is news.
                let decor = old.decor().clone();
                *old = item.as_value().cloned().unwrap_or_else(|| old.clone());
                *old.decor_mut() = decor;
                changed.push(name);
            }
            Some(Item::Value(Value::Array(old))) => {
                let Some(Value::Array(items)) = item.as_value() else { continue };
                let mut added = false;
                for s in items.iter().filter_map(Value::as_str) {
                    let same = |v: &Value| {
                        v.as_str().is_some_and(|h| match key {
                            "phones" => same_phone(h, s) || h.trim() == s.trim(),
                            _ => h.trim().to_lowercase() == s.trim().to_lowercase(),
                        })
                    };
                    if !old.iter().any(same) {
                        old.push(s);
                        added = true;
                    }
                }
                if added {
                    changed.push(name);
                }
            }
            Some(Item::Table(old)) => {
                if let Some(t) = item.as_table() {
                    fill(old, t, &format!("{name}."), changed);
                }
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_adds_what_is_missing_and_keeps_what_is_there() {
        let mut have: DocumentMut = "birthday = \"04-12\" # no year\nname = \"Anna\" # hers\nemails = [\"Anna@x.ru\"]\nphones = [\"+7 916 555 0114\"]\ntitle = \"\"\n\n[fields]\nlang = \"ru\"\n".parse().unwrap();
        let new: DocumentMut = "birthday = 1988-04-12\nname = \"Анна\"\nemails = [\"anna@x.ru\", \"a2@x.ru\"]\nphones = [\"8 916 555-01-14\"]\ntitle = \"CEO\"\ncity = \"Москва\"\n\n[fields]\nlang = \"en\"\nsize = 3\n".parse().unwrap();
        let mut changed = Vec::new();
        fill(have.as_table_mut(), new.as_table(), "", &mut changed);
        assert_eq!(changed, ["birthday", "emails", "title", "city", "fields.size"]);
        let text = have.to_string();
        assert!(text.starts_with("birthday = 1988-04-12 # no year\nname = \"Anna\" # hers\nemails = [\"Anna@x.ru\", \"a2@x.ru\"]\nphones = [\"+7 916 555 0114\"]\n"), "{text}");
        assert!(text.contains("lang = \"ru\"") && text.contains("size = 3"), "{text}");
        let mut again = Vec::new();
        fill(have.as_table_mut(), new.as_table(), "", &mut again);
        assert!(again.is_empty(), "a second merge changes nothing: {again:?}");
    }

    #[test]
    fn new_records_list_keys_in_spec_order() {
        let doc: DocumentMut =
            "telegram = \"@a\"\ncity = \"X\"\nname = \"A\"\n[fields]\nb = 1\n".parse().unwrap();
        let out = ordered(Kind::Contact, &doc).to_string();
        assert_eq!(out, "name = \"A\"\ncity = \"X\"\ntelegram = \"@a\"\n[fields]\nb = 1\n");
    }
}
