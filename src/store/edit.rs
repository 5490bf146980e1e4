//! Format-preserving edits of a record's front matter (toml_edit): only the touched key
//! changes; comments, key order, spacing and unknown keys stay as the person wrote them.
//!
//! Also turns command-line text (`value=1200`, `tags=vip,b2b`) into typed TOML values.

use chrono::{DateTime, FixedOffset};
use toml_edit::{Array, DocumentMut, Item, Table, TableLike, Value};

use crate::dates::{self, When};
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::model::schema::{self, FieldType};

/// Set `path` (a key, or `fields.industry` for a key of a table) to `value`. An existing
/// value keeps its surrounding spaces and trailing comment.
pub fn set(doc: &mut DocumentMut, path: &[&str], value: Value) -> Result<()> {
    let (last, parents) = path.split_last().ok_or_else(|| Error::value("", "empty key"))?;
    let mut table: &mut Table = doc.as_table_mut();
    for (i, part) in parents.iter().enumerate() {
        let entry = table.entry(part).or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(false);
            Item::Table(t)
        });
        if let Some(inline) = entry.as_inline_table_mut() {
            // `fields = { a = 1 }`: edit inside the inline table.
            if i + 1 != parents.len() {
                return Err(Error::value(path.join("."), format!("\"{part}\" is an inline table")));
            }
            match inline.get_mut(last) {
                Some(old) => replace_keeping_decor(old, value),
                None => {
                    inline.insert(*last, value);
                }
            }
            return Ok(());
        }
        table = entry
            .as_table_mut()
            .ok_or_else(|| Error::value(path.join("."), format!("\"{part}\" is not a table")))?;
    }
    match table.get_mut(last) {
        Some(Item::Value(old)) => replace_keeping_decor(old, value),
        Some(Item::Table(_) | Item::ArrayOfTables(_)) => {
            return Err(Error::value(path.join("."), "is a table; set its keys instead"));
        }
        _ => {
            table.insert(last, Item::Value(value));
        }
    }
    Ok(())
}

fn replace_keeping_decor(old: &mut Value, value: Value) {
    let decor = old.decor().clone();
    *old = value;
    *old.decor_mut() = decor;
}

/// Append `[[history]] { stage, at }` to a deal (on every stage change, so the funnel can be computed), after any
/// entries already there, keeping everything else as written.
pub fn append_history(doc: &mut DocumentMut, stage: &str, at: DateTime<FixedOffset>) -> Result<()> {
    let mut entry = Table::new();
    entry.insert("stage", Item::Value(Value::from(stage)));
    entry.insert(
        "at",
        Item::Value(dates::datetime_value(at.with_timezone(&chrono::Utc).fixed_offset())),
    );
    match doc.entry("history").or_insert(Item::ArrayOfTables(Default::default())) {
        Item::ArrayOfTables(history) => {
            history.push(entry);
            Ok(())
        }
        _ => Err(Error::value("history", "is not a list of [[history]] tables")),
    }
}

/// Remove `path`; `Ok(false)` if it was not there.
pub fn unset(doc: &mut DocumentMut, path: &[&str]) -> Result<bool> {
    let Some((last, parents)) = path.split_last() else { return Ok(false) };
    let mut item: &mut Item = doc.as_item_mut();
    for part in parents {
        // Through `TableLike`: `Item::get_mut` would leave an empty placeholder behind
        // for a table that is not there.
        match item.as_table_like_mut().and_then(|t| t.get_mut(part)) {
            Some(i) => item = i,
            None => return Ok(false),
        }
    }
    let (removed, leftover) = match item {
        Item::Table(t) => match remove_keeping_comments(t, last) {
            Some(leftover) => (true, leftover),
            None => (false, None),
        },
        Item::Value(Value::InlineTable(t)) => (t.remove(last).is_some(), None),
        _ => (false, None),
    };
    // The last key of its table: its comments go before what is written next, the next
    // table's header or the end of the front matter.
    if let Some(text) = leftover {
        let after = match item {
            Item::Table(t) if !parents.is_empty() => t.position(),
            _ => None,
        };
        let next = after.and_then(|after| {
            let mut tables = Vec::new();
            tables_in(doc.as_table(), &Vec::new(), &mut tables);
            tables.into_iter().filter(|(p, _)| *p > after).min_by_key(|(p, _)| *p)
        });
        let next = next.and_then(|(_, path)| table_at_path(doc.as_table_mut(), &path));
        match next {
            Some(t) => {
                let old = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or_default();
                let joined = format!("{text}{old}");
                t.decor_mut().set_prefix(joined);
            }
            None => {
                let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
                doc.set_trailing(format!("{text}{trailing}"));
            }
        }
    }
    Ok(removed)
}

/// Remove a key; the comments and blank lines above it (its key's prefix) stay, on the
/// next key or table of the same table: a person's notes are never dropped with a value.
/// What found no place there (the table's last key) is returned for the caller.
fn remove_keeping_comments(table: &mut Table, key: &str) -> Option<Option<String>> {
    let next = table.iter().map(|(k, _)| k.to_string()).skip_while(|k| k != key).nth(1);
    let (removed, _) = table.remove_entry(key)?;
    let prefix = removed.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or_default();
    if prefix.is_empty() {
        return Some(None);
    }
    let prefix = prefix.to_string();
    let join = |old: Option<&str>| format!("{prefix}{}", old.unwrap_or_default());
    let placed = match next {
        Some(next) => {
            // A key's own decor is written before every header of an array of tables:
            // only a plain key takes the comment on its key.
            let is_value = table.get(&next).is_some_and(Item::is_value);
            if let Some(mut k) = table.key_mut(&next).filter(|_| is_value) {
                let old = k.leaf_decor().prefix().and_then(|p| p.as_str()).map(str::to_string);
                k.leaf_decor_mut().set_prefix(join(old.as_deref()));
                true
            } else {
                match first_rendered_table(table) {
                    Some(t) => {
                        let old = t.decor().prefix().and_then(|p| p.as_str()).map(str::to_string);
                        t.decor_mut().set_prefix(join(old.as_deref()));
                        true
                    }
                    None => false,
                }
            }
        }
        None => false,
    };
    Some((!placed).then_some(prefix))
}

/// The table holding the last key of `path` (`["fields", "langs"]` → `[fields]`), made
/// when `create` and missing; `None` when missing and not made.
fn parent_table<'d>(
    doc: &'d mut DocumentMut,
    path: &[&str],
    create: bool,
) -> Result<Option<&'d mut dyn TableLike>> {
    let Some((_, parents)) = path.split_last() else {
        return Err(Error::value("", "empty key"));
    };
    let mut item: &mut Item = doc.as_item_mut();
    for part in parents {
        let table = item
            .as_table_like_mut()
            .ok_or_else(|| Error::value(path.join("."), format!("\"{part}\" is not a table")))?;
        if table.get(part).is_none() {
            if !create {
                return Ok(None);
            }
            let mut t = Table::new();
            t.set_implicit(false);
            table.insert(part, Item::Table(t));
        }
        item = table.get_mut(part).expect("present or just inserted");
    }
    let table = item
        .as_table_like_mut()
        .ok_or_else(|| Error::value(path.join("."), "is not inside a table"))?;
    Ok(Some(table))
}

/// The sub-table (or array-of-tables entry) written first under `table`: tables are
/// written after the keys, in the order of their position in the file.
fn first_rendered_table(table: &mut Table) -> Option<&mut Table> {
    let mut tables: Vec<&mut Table> = Vec::new();
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => tables.push(t),
            Item::ArrayOfTables(a) => tables.extend(a.iter_mut()),
            _ => {}
        }
    }
    tables.into_iter().min_by_key(|t| t.position().unwrap_or(isize::MAX))
}

/// Where a table is: the keys down to it, with the entry's index in an array of tables.
type TablePath = Vec<(String, Option<usize>)>;

/// Every table under `table`, at any depth (array-of-tables entries too), with its
/// position in the file.
fn tables_in(table: &Table, at: &TablePath, out: &mut Vec<(isize, TablePath)>) {
    for (key, item) in table.iter() {
        let mut push = |t: &Table, index: Option<usize>| {
            let mut path = at.clone();
            path.push((key.to_string(), index));
            if let Some(p) = t.position() {
                out.push((p, path.clone()));
            }
            tables_in(t, &path, out);
        };
        match item {
            Item::Table(t) => push(t, None),
            Item::ArrayOfTables(a) => a.iter().enumerate().for_each(|(i, t)| push(t, Some(i))),
            _ => {}
        }
    }
}

fn table_at_path<'d>(mut table: &'d mut Table, path: &TablePath) -> Option<&'d mut Table> {
    for (key, index) in path {
        table = match (table.get_mut(key)?, index) {
            (Item::Table(t), None) => t,
            (Item::ArrayOfTables(a), Some(i)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(table)
}

/// Append strings to an array key (`tags`, or `fields.langs` inside a table), creating
/// it, skipping items already there.
pub fn push_strs(doc: &mut DocumentMut, path: &[&str], items: &[String]) -> Result<bool> {
    let key = path.join(".");
    let last = path.last().copied().unwrap_or_default();
    let table = parent_table(doc, path, true)?.expect("created when missing");
    if table.get(last).is_none() {
        table.insert(last, Item::Value(Value::Array(Array::new())));
    }
    let arr = table
        .get_mut(last)
        .and_then(Item::as_array_mut)
        .ok_or_else(|| Error::value(&key, "is not a list"))?;
    let mut changed = false;
    for s in items {
        if !arr.iter().any(|v| v.as_str() == Some(s)) {
            arr.push(s.as_str());
            changed = true;
        }
    }
    Ok(changed)
}

/// Remove strings from an array key (`tags`, or `fields.langs` inside a table).
pub fn remove_strs(doc: &mut DocumentMut, path: &[&str], items: &[String]) -> Result<bool> {
    let key = path.join(".");
    let last = path.last().copied().unwrap_or_default();
    let Some(table) = parent_table(doc, path, false)? else { return Ok(false) };
    let Some(item) = table.get_mut(last) else { return Ok(false) };
    let arr = item.as_array_mut().ok_or_else(|| Error::value(&key, "is not a list"))?;
    let before = arr.len();
    let first_prefix = arr.get(0).and_then(|v| v.decor().prefix()).cloned();
    arr.retain(|v| !v.as_str().is_some_and(|s| items.iter().any(|i| i == s)));
    // The new first item takes the old first item's spacing: `["b2b"]`, not `[ "b2b"]`.
    if let (Some(prefix), Some(first)) = (first_prefix, arr.get_mut(0)) {
        first.decor_mut().set_prefix(prefix);
    }
    Ok(arr.len() != before)
}

/// Replace every string equal to `from` by `to` in a string or array-of-strings key,
/// keeping each element's spacing. Returns whether anything changed.
pub fn replace_str(doc: &mut DocumentMut, key: &str, from: &str, to: &str) -> bool {
    let Some(value) = doc.get_mut(key).and_then(Item::as_value_mut) else { return false };
    let mut changed = false;
    let mut swap = |v: &mut Value| {
        if v.as_str() == Some(from) {
            replace_keeping_decor(v, Value::from(to));
            changed = true;
        }
    };
    match value {
        Value::Array(a) => a.iter_mut().for_each(&mut swap),
        v => swap(v),
    }
    changed
}

/// Type a command-line value for `key` of a `kind` record. Known keys get their schema
/// type; others are read as a TOML literal (`42`, `true`, `2026-01-01`, `[1, 2]`) when
/// they are one, else as text.
pub fn typed_value(kind: Kind, key: &str, raw: &str, now: DateTime<FixedOffset>) -> Result<Value> {
    let bad = |m: String| Error::value(key, m);
    let Some(ty) = schema::field_type(kind, key) else {
        return Ok(literal_or_text(raw));
    };
    Ok(match ty {
        FieldType::Text => Value::from(raw),
        FieldType::TextList => {
            let items = raw.split(',').map(str::trim).filter(|s| !s.is_empty());
            Value::Array(items.collect())
        }
        FieldType::Number => {
            parse_number(raw).ok_or_else(|| bad(format!("\"{raw}\" is not a number")))?
        }
        FieldType::Probability => {
            let p: f64 =
                raw.trim().parse().map_err(|_| bad(format!("\"{raw}\" is not a number")))?;
            if !(0.0..=1.0).contains(&p) {
                return Err(bad(format!("{p} is not within 0..1")));
            }
            Value::from(p)
        }
        FieldType::Date => match dates::parse_expr(raw, now)? {
            When::Date(d) => When::Date(d).to_toml(),
            other => When::Date(other.local_date()).to_toml(),
        },
        FieldType::DateTime => match dates::parse_expr(raw, now)? {
            When::Date(d) => When::Date(d).to_toml(),
            other => other.to_toml(),
        },
        FieldType::DateOrDateTime => dates::parse_expr(raw, now)?.to_toml(),
        FieldType::Birthday => birthday_value(raw)?,
        FieldType::DateTimeList => {
            let mut arr = Array::new();
            for part in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                arr.push(dates::parse_expr(part, now)?.to_toml());
            }
            Value::Array(arr)
        }
    })
}

/// `1988-04-12` (a TOML date) or `04-12` (a year-less string).
pub fn birthday_value(raw: &str) -> Result<Value> {
    let raw = raw.trim();
    let raw = raw.strip_prefix("--").unwrap_or(raw);
    if let Some((m, d)) = dates::parse_month_day(raw) {
        return Ok(Value::from(format!("{m:02}-{d:02}")));
    }
    match chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) => Ok(When::Date(d).to_toml()),
        Err(_) => Err(Error::value(
            "birthday",
            format!("\"{raw}\" is neither YYYY-MM-DD nor MM-DD (a year-less birthday)"),
        )),
    }
}

fn parse_number(raw: &str) -> Option<Value> {
    let clean: String = raw.trim().chars().filter(|c| !matches!(c, '_' | ' ' | '\u{a0}')).collect();
    if let Ok(i) = clean.parse::<i64>() {
        return Some(Value::from(i));
    }
    clean.parse::<f64>().ok().filter(|f| f.is_finite()).map(Value::from)
}

fn literal_or_text(raw: &str) -> Value {
    match raw.trim().parse::<Value>() {
        // A bare word is not TOML; text it is. Keep what the user typed for strings.
        Ok(Value::String(_)) | Err(_) => Value::from(raw),
        Ok(mut v) => {
            v.decor_mut().clear();
            v
        }
    }
}

/// `key` or `fields.industry` → its parts; every part a bare TOML key.
pub fn key_path(key: &str) -> Result<Vec<&str>> {
    let parts: Vec<&str> = key.split('.').collect();
    let ok = |p: &&str| {
        !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    if parts.iter().all(ok) {
        Ok(parts)
    } else {
        Err(Error::value(key, "a key is letters, digits, _ and -, with . between table and key"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# hand written\nname = \"Anna\"   # the name\nstage = \"lead\" # keep\ntags = [\"vip\", \"b2b\"]\nodd_key = 1\n\n[fields]\nindustry = \"furniture\" # why\n";

    fn doc() -> DocumentMut {
        TEXT.parse().unwrap()
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap()
    }

    #[test]
    fn set_changes_only_the_value() {
        let mut d = doc();
        set(&mut d, &["stage"], Value::from("customer")).unwrap();
        assert_eq!(d.to_string(), TEXT.replace("\"lead\" # keep", "\"customer\" # keep"));
    }

    #[test]
    fn set_nested_and_new_keys() {
        let mut d = doc();
        set(&mut d, &["fields", "industry"], Value::from("retail")).unwrap();
        set(&mut d, &["city"], Value::from("Алматы")).unwrap();
        let out = d.to_string();
        assert!(out.contains("industry = \"retail\" # why"), "{out}");
        let city = out.find("city").unwrap();
        assert!(city < out.find("[fields]").unwrap(), "new root keys stay above tables: {out}");
        assert!(out.starts_with("# hand written\nname = \"Anna\"   # the name\n"));
    }

    #[test]
    fn unset_and_lists() {
        let mut d = doc();
        assert!(unset(&mut d, &["odd_key"]).unwrap());
        let mut commented: DocumentMut =
            "# Anna, by hand\n\nname = \"Анна\"\ncity = \"X\"\n".parse().unwrap();
        assert!(unset(&mut commented, &["name"]).unwrap());
        assert_eq!(commented.to_string(), "# Anna, by hand\n\ncity = \"X\"\n");
        assert!(!unset(&mut d, &["nope"]).unwrap());
        assert!(!unset(&mut d, &["nope", "deeper"]).unwrap());
        set(&mut d, &["nope", "x"], Value::from(1)).unwrap();
        assert!(push_strs(&mut d, &["tags"], &["new".into(), "vip".into()]).unwrap());
        assert!(remove_strs(&mut d, &["tags"], &["b2b".into()]).unwrap());
        assert!(d.to_string().contains("tags = [\"vip\", \"new\"]"), "{d}");
        assert!(replace_str(&mut d, "tags", "vip", "gold"));
    }

    #[test]
    fn lists_inside_tables() {
        let mut d = doc();
        assert!(push_strs(&mut d, &["fields", "langs"], &["ru".into(), "kk".into()]).unwrap());
        assert!(remove_strs(&mut d, &["fields", "langs"], &["ru".into()]).unwrap());
        assert!(!remove_strs(&mut d, &["nope", "langs"], &["ru".into()]).unwrap());
        let out = d.to_string();
        assert!(
            out.contains("[fields]\nindustry = \"furniture\" # why\nlangs = [\"kk\"]\n"),
            "{out}"
        );
        assert!(!out.contains("\"fields.langs\""), "never a top-level dotted key: {out}");
        assert!(push_strs(&mut d, &["name", "x"], &["a".into()]).is_err(), "name is not a table");
    }

    #[test]
    fn typed_values() {
        let v =
            |k: Kind, key: &str, raw: &str| typed_value(k, key, raw, now()).map(|v| v.to_string());
        assert_eq!(v(Kind::Deal, "value", "12 000").unwrap(), "12000");
        assert_eq!(v(Kind::Deal, "close", "friday").unwrap(), "2026-11-27");
        assert!(v(Kind::Deal, "value", "lots").is_err());
        assert!(v(Kind::Deal, "probability", "1.5").is_err());
        assert_eq!(v(Kind::Contact, "tags", "vip, b2b").unwrap(), "[\"vip\", \"b2b\"]");
        assert_eq!(v(Kind::Contact, "birthday", "04-12").unwrap(), "\"04-12\"");
        assert_eq!(v(Kind::Contact, "birthday", "1988-04-12").unwrap(), "1988-04-12");
        assert!(v(Kind::Contact, "birthday", "13-01").is_err());
        assert_eq!(v(Kind::Contact, "name", "42").unwrap(), "\"42\"");
        assert_eq!(v(Kind::Contact, "vip_level", "3").unwrap(), "3");
        assert_eq!(v(Kind::Contact, "nickname", "Аня").unwrap(), "\"Аня\"");
    }

    #[test]
    fn key_paths() {
        assert_eq!(key_path("fields.industry").unwrap(), ["fields", "industry"]);
        assert!(key_path("a..b").is_err());
        assert!(key_path("a b").is_err());
    }
}
