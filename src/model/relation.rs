//! Relationships between people and companies: `relations = [{ to = "ivan-ivanov", kind =
//! "spouse" }]` on a contact or a company (or `[[relations]]` tables), read and edited
//! here. `to` is a bare id (a contact or a company) or `type/id`; `kind` says what `to` is
//! to the record that holds the entry.

use toml_edit::{DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::Kind;

/// One entry as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub to: String,
    pub kind: String,
}

/// The kinds of record a relation may name.
pub const RELATABLE: [Kind; 2] = [Kind::Contact, Kind::Company];

/// The records a relation's `to` may name: `company/x` one, a bare id a contact or a
/// company.
pub fn targets(to: &str) -> Vec<(Kind, &str)> {
    super::schema::link_targets(to, None)
        .into_iter()
        .filter(|(k, _)| RELATABLE.contains(k))
        .collect()
}

/// The entries of a document that have a text `to` (a `kind` missing reads as empty).
pub fn of_doc(doc: &DocumentMut) -> Vec<Relation> {
    let entry = |t: &dyn TableLike| {
        Some(Relation {
            to: t.get("to")?.as_str()?.to_string(),
            kind: t.get("kind").and_then(Item::as_str).unwrap_or_default().to_string(),
        })
    };
    match doc.get("relations") {
        Some(Item::Value(Value::Array(items))) => items
            .iter()
            .filter_map(|v| v.as_inline_table())
            .filter_map(|t| entry(t as &dyn TableLike))
            .collect(),
        Some(Item::ArrayOfTables(tables)) => {
            tables.iter().filter_map(|t| entry(t as &dyn TableLike)).collect()
        }
        _ => Vec::new(),
    }
}

/// The entries of a record read back as JSON (an index card): an array of objects.
pub fn of_json(value: Option<&serde_json::Value>) -> Vec<Relation> {
    let Some(serde_json::Value::Array(items)) = value else { return Vec::new() };
    items
        .iter()
        .filter_map(|e| {
            Some(Relation {
                to: e.get("to")?.as_str()?.to_string(),
                kind: e.get("kind").and_then(|k| k.as_str()).unwrap_or_default().to_string(),
            })
        })
        .collect()
}

/// Add an entry at the end, in the form the document already uses (`[[relations]]`
/// tables, else an inline list). `false` when it is there already (same `to` and kind)
/// or `relations` is something else than a list of entries.
pub fn add(doc: &mut DocumentMut, relation: &Relation) -> bool {
    if of_doc(doc).iter().any(|r| r.to == relation.to && same_kind(&r.kind, &relation.kind)) {
        return false;
    }
    match doc.get_mut("relations") {
        None => {
            let mut list = toml_edit::Array::new();
            list.push(inline(relation));
            doc.insert("relations", Item::Value(Value::Array(list)));
            true
        }
        Some(Item::Value(Value::Array(list))) => {
            if list.iter().any(|v| v.as_inline_table().is_none()) {
                return false;
            }
            list.push(inline(relation));
            true
        }
        Some(Item::ArrayOfTables(tables)) => {
            let mut t = Table::new();
            t.insert("to", toml_edit::value(relation.to.as_str()));
            t.insert("kind", toml_edit::value(relation.kind.as_str()));
            tables.push(t);
            true
        }
        Some(_) => false,
    }
}

fn inline(relation: &Relation) -> Value {
    let mut t = InlineTable::new();
    t.insert("to", Value::from(relation.to.as_str()));
    t.insert("kind", Value::from(relation.kind.as_str()));
    Value::InlineTable(t)
}

/// Remove the entries `keep` says no to; the key goes when none is left. The entries
/// removed, in order.
pub fn remove(doc: &mut DocumentMut, mut gone: impl FnMut(&Relation) -> bool) -> Vec<Relation> {
    let mut removed = Vec::new();
    let mut test = |t: &dyn TableLike| {
        let Some(to) = t.get("to").and_then(Item::as_str) else { return false };
        let r = Relation {
            to: to.to_string(),
            kind: t.get("kind").and_then(Item::as_str).unwrap_or_default().to_string(),
        };
        let out = gone(&r);
        if out {
            removed.push(r);
        }
        out
    };
    let empty = match doc.get_mut("relations") {
        Some(Item::Value(Value::Array(items))) => {
            let first_prefix = items.get(0).and_then(|v| v.decor().prefix()).cloned();
            items.retain(|v| v.as_inline_table().is_none_or(|t| !test(t)));
            // The new first entry takes the old first's spacing: `[{ … }]`, not `[ { … }]`.
            if let (Some(prefix), Some(first)) = (first_prefix, items.get_mut(0)) {
                first.decor_mut().set_prefix(prefix);
            }
            items.is_empty()
        }
        Some(Item::ArrayOfTables(tables)) => {
            tables.retain(|t| !test(t));
            tables.is_empty()
        }
        _ => false,
    };
    if empty && !removed.is_empty() {
        doc.remove("relations");
    }
    removed
}

/// Rewrite each `to` that `names` says names the old record to `new` (keeping how it is
/// written around it). Whether anything changed.
pub fn retarget(doc: &mut DocumentMut, names: impl Fn(&str) -> bool, new: &str) -> bool {
    let mut changed = false;
    let mut fix = |t: &mut dyn TableLike| {
        let Some(Item::Value(to)) = t.get_mut("to") else { return };
        if !to.as_str().is_some_and(&names) {
            return;
        }
        let decor = to.decor().clone();
        *to = Value::from(new);
        *to.decor_mut() = decor;
        changed = true;
    };
    match doc.get_mut("relations") {
        Some(Item::Value(Value::Array(items))) => {
            for t in items.iter_mut().filter_map(Value::as_inline_table_mut) {
                fix(t);
            }
        }
        Some(Item::ArrayOfTables(tables)) => {
            for t in tables.iter_mut() {
                fix(t);
            }
        }
        _ => {}
    }
    changed
}

/// Kinds compared as people write them: case, spaces, `-` and `_` aside
/// (`referred_by`, `Referred by`, `referred-by`).
pub fn same_kind(a: &str, b: &str) -> bool {
    normal(a) == normal(b)
}

pub fn normal(kind: &str) -> String {
    kind.trim()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    fn rel(to: &str, kind: &str) -> Relation {
        Relation { to: to.into(), kind: kind.into() }
    }

    #[test]
    fn both_forms_read_and_grow() {
        let mut inline =
            doc("name = \"Анна\"\nrelations = [{ to = \"ivan\", kind = \"spouse\" }]\n");
        assert_eq!(of_doc(&inline), [rel("ivan", "spouse")]);
        assert!(add(&mut inline, &rel("company/acme", "former employee")));
        assert!(!add(&mut inline, &rel("ivan", "Spouse")), "there already");
        assert_eq!(
            inline.to_string(),
            "name = \"Анна\"\nrelations = [{ to = \"ivan\", kind = \"spouse\" }, { to = \"company/acme\", kind = \"former employee\" }]\n"
        );
        let mut tables =
            doc("name = \"Acme\"\n\n[[relations]]\nto = \"anna\"\nkind = \"client\"\n");
        assert!(add(&mut tables, &rel("王小明", "partner")));
        assert_eq!(of_doc(&tables), [rel("anna", "client"), rel("王小明", "partner")]);
        let mut none = doc("name = \"Иван\"\n");
        assert!(add(&mut none, &rel("anna", "spouse")));
        assert_eq!(
            none.to_string(),
            "name = \"Иван\"\nrelations = [{ to = \"anna\", kind = \"spouse\" }]\n"
        );
        let mut odd = doc("relations = \"anna\"\n");
        assert!(!add(&mut odd, &rel("anna", "spouse")));
    }

    #[test]
    fn remove_drops_the_key_when_empty() {
        let mut d = doc(
            "relations = [{ to = \"ivan\", kind = \"spouse\" }, { to = \"acme\", kind = \"client\" }]\n",
        );
        assert_eq!(remove(&mut d, |r| r.to == "ivan"), [rel("ivan", "spouse")]);
        assert_eq!(d.to_string(), "relations = [{ to = \"acme\", kind = \"client\" }]\n");
        assert_eq!(remove(&mut d, |_| true).len(), 1);
        assert_eq!(d.to_string(), "");
        let mut t = doc("[[relations]]\nto = \"anna\"\nkind = \"client\"\n");
        assert!(remove(&mut t, |r| r.to == "x").is_empty());
        assert_eq!(remove(&mut t, |r| r.to == "anna").len(), 1);
        assert!(t.get("relations").is_none());
    }

    #[test]
    fn retarget_keeps_the_rest() {
        let mut d = doc(
            "relations = [{ to = \"anna\", kind = \"spouse\" }, { to = \"acme\", kind = \"client\" }]\n",
        );
        assert!(retarget(&mut d, |to| to == "anna", "anna-ivanova"));
        assert_eq!(of_doc(&d), [rel("anna-ivanova", "spouse"), rel("acme", "client")]);
        assert!(!retarget(&mut d, |to| to == "anna", "x"));
    }

    #[test]
    fn kinds_compare_as_written_by_people() {
        assert!(same_kind("referred_by", "Referred by"));
        assert!(same_kind("referred-by", "REFERRED_BY"));
        assert!(!same_kind("parent", "child"));
        assert_eq!(targets("anna"), [(Kind::Contact, "anna"), (Kind::Company, "anna")]);
        assert_eq!(targets("company/acme"), [(Kind::Company, "acme")]);
    }
}
