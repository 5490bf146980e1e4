//! `rolo merge KEEP OTHER`: fold a duplicate contact, company or deal into the record
//! kept, so that nothing it held is lost, and move every link to it.
//!
//! - Lists (`emails`, `phones`, `tags` …) are joined: an email in any case, a phone by
//!   its digits, anything else as written is there once.
//! - KEEP's values win. OTHER's keys KEEP lacks are added; its values that differ are
//!   written in KEEP's body under `## Merged from contact/anna-petrova-2`, followed by
//!   OTHER's own body. Tables (`[fields]`) merge key by key the same way; a deal's
//!   `[[history]]` entries are joined in time order.
//! - Every record linking to OTHER (`company`, `contact`, `about`, a relation's `to`)
//!   names KEEP instead; an `about` list that already names KEEP just drops OTHER.
//! - OTHER's file is removed. All of it is one [`Change`]: one transaction, one commit,
//!   whose trailer ([`MERGED_FROM`]) names OTHER so history can follow it.
//!
//! Which records link to OTHER is the caller's to find ([`linking`] does, from the index
//! or the files); a dry run ([`plan`]) reads the same records and writes nothing.

use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use crate::book::Book;
use crate::change::Change;
use crate::dates::When;
use crate::error::{Error, Result};
use crate::interop::values::same_phone;
use crate::links::targets;
use crate::model::record::value_to_json;
use crate::model::reference::Entry;
use crate::model::schema::{self, FieldType, link_keys};
use crate::model::{Kind, Record};
use crate::source::Source;
use crate::store::edit;

/// The commit trailer that names a merged record's `type/id`.
pub const MERGED_FROM: &str = "Rolo-Merged-From";

/// What merging OTHER into KEEP did, or would do.
#[derive(Debug, Clone)]
pub struct Merged {
    pub keep: Entry,
    pub keep_path: PathBuf,
    pub other: Entry,
    /// OTHER's file, removed.
    pub other_path: PathBuf,
    /// Keys KEEP lacked, now taken from OTHER (`title`, `fields.industry`).
    pub added: Vec<String>,
    /// Items of OTHER's lists added to KEEP's: `(key, items)`.
    pub extended: Vec<(String, Vec<String>)>,
    /// OTHER's values that differ from KEEP's, written in KEEP's body: `(key, value)`.
    pub kept: Vec<(String, String)>,
    /// How many of OTHER's `[[history]]` entries joined KEEP's.
    pub history: usize,
    /// Whether anything (kept values, OTHER's body) went into KEEP's body.
    pub body: bool,
    /// Records whose links to OTHER now name KEEP.
    pub relinked: Vec<Relinked>,
}

#[derive(Debug, Clone)]
pub struct Relinked {
    pub entry: Entry,
    pub path: PathBuf,
    /// The keys rewritten (`about`, `contact`, `relations`).
    pub keys: Vec<String>,
}

impl Merged {
    /// `contact: merge anna-petrova-2 into anna-petrova`, with the trailer.
    pub fn message(&self) -> String {
        format!(
            "{}: merge {} into {}\n\n{MERGED_FROM}: {}",
            self.keep.kind,
            self.other.id,
            self.keep.id,
            self.other.qualified()
        )
    }
}

/// Whether OTHER may be merged into KEEP: two different records of one kind, a contact,
/// company or deal. A usage error otherwise.
pub fn mergeable(keep: &Entry, other: &Entry) -> Result<()> {
    if keep.kind != other.kind {
        return Err(Error::Usage(format!(
            "{} is a {} and {} is a {}: only two records of one kind merge",
            keep.qualified(),
            keep.kind,
            other.qualified(),
            other.kind
        )));
    }
    if !Kind::LINKABLE.contains(&keep.kind) {
        return Err(Error::Usage(format!(
            "{} is a {}: merge joins contacts, companies or deals",
            keep.qualified(),
            keep.kind
        )));
    }
    if keep == other {
        return Err(Error::Usage(format!("{} cannot merge with itself", keep.qualified())));
    }
    Ok(())
}

/// Merge OTHER (at `other_path`) into KEEP in `change`, rewriting the links of `linking`
/// (the records that link to OTHER); the caller commits with [`Merged::message`].
pub fn merge(
    change: &mut Change,
    keep: (&Entry, &Path),
    other: (&Entry, &Path),
    linking: &[(Entry, PathBuf)],
) -> Result<Merged> {
    let prepared = prepare(&mut |e, p| change.read(e, p), keep, other, linking)?;
    change.save(&prepared.keep)?;
    for record in &prepared.linkers {
        change.save(record)?;
    }
    change.remove(other.1)?;
    Ok(prepared.merged)
}

/// What [`merge`] would do, reading the same records and writing nothing.
pub fn plan(
    book: &Book,
    keep: (&Entry, &Path),
    other: (&Entry, &Path),
    linking: &[(Entry, PathBuf)],
) -> Result<Merged> {
    Ok(prepare(&mut |e, p| book.read_at(e.kind, &e.id, p), keep, other, linking)?.merged)
}

/// The records that link to `target`: by `company`, `contact` or `about` (as `source`
/// knows them), and by a relation's `to` (from the files of contacts, companies and deals
/// that have relations).
pub fn linking(book: &Book, source: &Source, target: &Entry) -> Result<Vec<(Entry, PathBuf)>> {
    let mut found = source.linking_to(target)?;
    for (entry, path) in book.entries(&Kind::LINKABLE)? {
        if found.iter().any(|(e, _)| *e == entry) {
            continue;
        }
        // Most files have no relations: their text says so before any parsing.
        let Ok(text) = std::fs::read_to_string(book.root().join(&path)) else { continue };
        if !text.contains("relations") || !text.contains(target.id.as_str()) {
            continue;
        }
        let Ok(record) = book.parse_at(entry.kind, &entry.id, &path, text.as_bytes()) else {
            continue;
        };
        if relation_targets(&record.doc).iter().any(|to| names(to, target)) {
            found.push((entry, path));
        }
    }
    Ok(found)
}

/// The records a merge changes, changed in memory.
struct Prepared {
    merged: Merged,
    keep: Record,
    linkers: Vec<Record>,
}

fn prepare(
    read: &mut dyn FnMut(&Entry, &Path) -> Result<Record>,
    (keep, keep_path): (&Entry, &Path),
    (other, other_path): (&Entry, &Path),
    linking: &[(Entry, PathBuf)],
) -> Result<Prepared> {
    mergeable(keep, other)?;
    let mut kept_record = read(keep, keep_path)?;
    let other_record = read(other, other_path)?;
    let doc = merge_documents(keep.kind, &mut kept_record.doc, &other_record.doc);
    // KEEP and OTHER related to each other: after the merge that would be KEEP to itself.
    let mut keep_keys = relink(&mut kept_record, other, keep);
    if drop_self_relations(&mut kept_record.doc, keep) && !keep_keys.contains(&"relations".into()) {
        keep_keys.push("relations".into());
    }
    let body = join_bodies(&mut kept_record, &other_record, &doc.kept);
    let mut relinked = Vec::new();
    let mut linkers = Vec::new();
    for (entry, path) in linking {
        if entry == keep || entry == other {
            continue;
        }
        let mut record = read(entry, path)?;
        let keys = relink(&mut record, other, keep);
        if !keys.is_empty() {
            relinked.push(Relinked { entry: entry.clone(), path: path.clone(), keys });
            linkers.push(record);
        }
    }
    if !keep_keys.is_empty() {
        relinked
            .insert(0, Relinked { entry: keep.clone(), path: keep_path.into(), keys: keep_keys });
    }
    let merged = Merged {
        keep: keep.clone(),
        keep_path: keep_path.to_path_buf(),
        other: other.clone(),
        other_path: other_path.to_path_buf(),
        added: doc.added,
        extended: doc.extended,
        kept: doc.kept,
        history: doc.history,
        body,
        relinked,
    };
    Ok(Prepared { merged, keep: kept_record, linkers })
}

/// What merging one front matter into another did.
#[derive(Debug, Default, PartialEq)]
struct DocMerge {
    added: Vec<String>,
    extended: Vec<(String, Vec<String>)>,
    kept: Vec<(String, String)>,
    history: usize,
}

/// Merge `other`'s keys into `keep` (see the module documentation).
fn merge_documents(kind: Kind, keep: &mut DocumentMut, other: &DocumentMut) -> DocMerge {
    let mut out = DocMerge::default();
    merge_tables(kind, keep.as_table_mut(), other.as_table(), "", &mut out);
    out
}

fn merge_tables(
    kind: Kind,
    keep: &mut dyn TableLike,
    other: &dyn TableLike,
    prefix: &str,
    out: &mut DocMerge,
) {
    for (key, theirs) in other.iter() {
        let name = if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") };
        match keep.get_mut(key) {
            Some(mine) if !mine.is_none() => merge_items(kind, mine, theirs, &name, out),
            _ => {
                let mut item = theirs.clone();
                forget_positions(&mut item);
                keep.insert(key, item);
                out.added.push(name);
            }
        }
    }
}

fn merge_items(kind: Kind, mine: &mut Item, theirs: &Item, name: &str, out: &mut DocMerge) {
    if let (Item::ArrayOfTables(m), Item::ArrayOfTables(t)) = (&mut *mine, theirs) {
        if kind == Kind::Deal && name == "history" {
            out.history += merge_history(m, t);
        } else {
            let mut added = Vec::new();
            for table in t.iter() {
                if !m.iter().any(|x| table_json(x) == table_json(table)) {
                    let mut table = table.clone();
                    forget_table_positions(&mut table);
                    added.push(Value::InlineTable(table.clone().into_inline_table()).to_string());
                    m.push(table);
                }
            }
            if !added.is_empty() {
                out.extended.push((name.to_string(), added));
            }
        }
        return;
    }
    if mine.is_table_like() && theirs.is_table_like() {
        if let (Some(m), Some(t)) = (mine.as_table_like_mut(), theirs.as_table_like()) {
            merge_tables(kind, m, t, name, out);
        }
        return;
    }
    match (mine, theirs) {
        (Item::Value(m), Item::Value(t)) => merge_values(kind, m, t, name, out),
        (m, t) if item_json(m) != item_json(t) => out.kept.push((name.to_string(), shown_item(t))),
        _ => {}
    }
}

fn merge_values(kind: Kind, mine: &mut Value, theirs: &Value, name: &str, out: &mut DocMerge) {
    // A list key may hold a lone string: it is a list of one.
    let list_key = schema::field_type(kind, name) == Some(FieldType::TextList);
    if list_key && mine.is_str() && theirs.is_array() {
        let decor = mine.decor().clone();
        let mut one = toml_edit::Array::new();
        one.push(mine.clone().decorated("", ""));
        *mine = Value::Array(one);
        *mine.decor_mut() = decor;
    }
    let added = match (&mut *mine, theirs) {
        (Value::Array(m), Value::Array(t)) => union(name, m, t.iter()),
        (Value::Array(m), t) if list_key && t.is_str() => union(name, m, std::iter::once(t)),
        (m, t) => {
            if value_to_json(m) != value_to_json(t) {
                out.kept.push((name.to_string(), shown(t)));
            }
            Vec::new()
        }
    };
    if !added.is_empty() {
        out.extended.push((name.to_string(), added));
    }
}

/// Append to `mine` the items of `theirs` it does not hold; what was added, as shown.
fn union<'a>(
    name: &str,
    mine: &mut toml_edit::Array,
    theirs: impl Iterator<Item = &'a Value>,
) -> Vec<String> {
    let mut added = Vec::new();
    for v in theirs {
        if !mine.iter().any(|m| same_item(name, m, v)) {
            added.push(shown(v));
            append(mine, v);
        }
    }
    added
}

/// Append a copy of `v` to a list, spaced as the list is: on a line of its own in a list
/// written one item per line, else after `, `.
fn append(list: &mut toml_edit::Array, v: &Value) {
    let mut v = v.clone();
    *v.decor_mut() = toml_edit::Decor::default();
    let own_line = list
        .iter()
        .last()
        .and_then(|last| last.decor().prefix()?.as_str())
        .filter(|prefix| prefix.contains('\n'))
        .map(String::from);
    if let Some(prefix) = own_line {
        v.decor_mut().set_prefix(prefix);
    }
    list.push(v);
}

/// Whether two list items are the same: emails in any case, phones by their digits.
fn same_item(name: &str, a: &Value, b: &Value) -> bool {
    match (a.as_str(), b.as_str()) {
        (Some(a), Some(b)) => match name {
            "emails" => a.trim().to_lowercase() == b.trim().to_lowercase(),
            "phones" => a == b || same_phone(a, b),
            _ => a == b,
        },
        _ => value_to_json(a) == value_to_json(b),
    }
}

/// Join OTHER's `[[history]]` entries to KEEP's in time order; KEEP's own entries keep
/// their order. How many were added.
fn merge_history(mine: &mut ArrayOfTables, theirs: &ArrayOfTables) -> usize {
    let at = |t: &Table| {
        t.get("at").and_then(Item::as_datetime).and_then(When::from_toml).map(|w| w.instant())
    };
    let mut tables: Vec<Table> = mine.iter().cloned().collect();
    let mut added = 0;
    for t in theirs.iter() {
        let same = |x: &Table| {
            table_json(x) == table_json(t)
                || (x.get("stage").and_then(Item::as_str) == t.get("stage").and_then(Item::as_str)
                    && at(x).is_some()
                    && at(x) == at(t))
        };
        if tables.iter().any(same) {
            continue;
        }
        let when = at(t);
        let before = when.and_then(|w| tables.iter().position(|x| at(x).is_some_and(|xa| xa > w)));
        let mut t = t.clone();
        forget_table_positions(&mut t);
        // Rendered where it stands: before the entry it precedes, else after the last.
        let position = before.and_then(|i| tables[i].position());
        t.set_position(position);
        tables.insert(before.unwrap_or(tables.len()), t);
        added += 1;
    }
    if added > 0 {
        let mut joined = ArrayOfTables::new();
        for t in tables {
            joined.push(t);
        }
        *mine = joined;
    }
    added
}

/// A value for a line of the body: text as it is, anything else as TOML writes it.
fn shown(v: &Value) -> String {
    match v.as_str() {
        Some(s) if !s.contains(['\n', '\r']) => s.to_string(),
        _ => v.clone().decorated("", "").to_string(),
    }
}

fn shown_item(item: &Item) -> String {
    match item {
        Item::Value(v) => shown(v),
        Item::Table(t) => Value::InlineTable(t.clone().into_inline_table()).to_string(),
        other => crate::model::record::item_to_json(other).to_string(),
    }
}

fn item_json(item: &Item) -> serde_json::Value {
    crate::model::record::item_to_json(item)
}

fn table_json(t: &Table) -> serde_json::Value {
    item_json(&Item::Table(t.clone()))
}

/// Tables copied from another file carry that file's positions: they would sort among
/// KEEP's tables by numbers that mean nothing here. Without one, a table is written
/// after the table before it.
fn forget_positions(item: &mut Item) {
    match item {
        Item::Table(t) => forget_table_positions(t),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(forget_table_positions),
        _ => {}
    }
}

fn forget_table_positions(t: &mut Table) {
    t.set_position(None);
    for (_, item) in t.iter_mut() {
        forget_positions(item);
    }
}

/// Write `kept` values and OTHER's body at the end of KEEP's body, under a heading that
/// names OTHER. Whether there was anything to write.
fn join_bodies(keep: &mut Record, other: &Record, kept: &[(String, String)]) -> bool {
    let theirs = other.body.trim_start_matches(['\n', '\r']);
    if kept.is_empty() && theirs.trim().is_empty() {
        return false;
    }
    let nl = if keep.to_text().contains("\r\n") { "\r\n" } else { "\n" };
    let mut body = keep.body.clone();
    if !body.trim().is_empty() {
        if !body.ends_with('\n') {
            body.push_str(nl);
        }
        if !body.ends_with(&format!("{nl}{nl}")) {
            body.push_str(nl);
        }
    } else {
        body.clear();
    }
    body.push_str(&format!("## Merged from {}{nl}", other.qualified_id()));
    if !kept.is_empty() {
        body.push_str(nl);
        for (key, value) in kept {
            body.push_str(&format!("- {key}: {value}{nl}"));
        }
    }
    if !theirs.trim().is_empty() {
        body.push_str(nl);
        body.push_str(theirs);
        if !theirs.ends_with('\n') {
            body.push_str(nl);
        }
    }
    keep.body = body;
    true
}

/// Whether the link value `value` (bare or `type/id`) names `target`.
fn names(value: &str, target: &Entry) -> bool {
    targets(value, None).contains(&(target.kind, target.id.as_str()))
}

/// Point `record`'s links to `other` at `keep`, keeping the `type/id` form where it was
/// written; a list that already names KEEP drops OTHER instead. The keys changed.
fn relink(record: &mut Record, other: &Entry, keep: &Entry) -> Vec<String> {
    let mut keys = Vec::new();
    let named = |value: &str, expected: Option<Kind>, e: &Entry| {
        targets(value, expected).contains(&(e.kind, e.id.as_str()))
    };
    for &(key, expected) in link_keys(record.kind) {
        let values: Vec<String> = record.strs(key).iter().map(|s| s.to_string()).collect();
        let to_other: Vec<String> =
            values.iter().filter(|v| named(v, expected, other)).cloned().collect();
        let Some(first) = to_other.first() else { continue };
        let is_list = matches!(record.value(key), Some(Value::Array(_)));
        let has_keep = values.iter().any(|v| named(v, expected, keep));
        if is_list && has_keep {
            let _ = edit::remove_strs(&mut record.doc, &[key], &to_other);
        } else {
            edit::replace_str(&mut record.doc, key, first, &new_link(first, keep));
            let rest: Vec<String> = to_other.iter().filter(|v| *v != first).cloned().collect();
            if is_list && !rest.is_empty() {
                let _ = edit::remove_strs(&mut record.doc, &[key], &rest);
            }
        }
        keys.push(key.to_string());
    }
    if relink_relations(&mut record.doc, other, keep) {
        keys.push("relations".into());
    }
    keys
}

fn new_link(old: &str, keep: &Entry) -> String {
    if old.contains('/') { keep.qualified() } else { keep.id.clone() }
}

/// A relation entry's tables, whether written `relations = [{ … }]` or `[[relations]]`.
fn relation_tables(doc: &mut DocumentMut) -> Vec<&mut dyn TableLike> {
    match doc.get_mut("relations") {
        Some(Item::ArrayOfTables(tables)) => {
            tables.iter_mut().map(|t| t as &mut dyn TableLike).collect()
        }
        Some(Item::Value(Value::Array(items))) => items
            .iter_mut()
            .filter_map(Value::as_inline_table_mut)
            .map(|t| t as &mut dyn TableLike)
            .collect(),
        _ => Vec::new(),
    }
}

fn relation_targets(doc: &DocumentMut) -> Vec<String> {
    let mut doc = doc.clone();
    relation_tables(&mut doc)
        .into_iter()
        .filter_map(|t| t.get("to").and_then(Item::as_str).map(String::from))
        .collect()
}

/// Rewrite relations to OTHER so they name KEEP; a relation that then repeats another
/// (same `to`, same `kind`) is dropped. Whether anything changed.
fn relink_relations(doc: &mut DocumentMut, other: &Entry, keep: &Entry) -> bool {
    let mut changed = false;
    for table in relation_tables(doc) {
        let Some(Item::Value(to)) = table.get_mut("to") else { continue };
        let Some(old) = to.as_str().filter(|v| names(v, other)).map(String::from) else { continue };
        let decor = to.decor().clone();
        *to = Value::from(new_link(&old, keep));
        *to.decor_mut() = decor;
        changed = true;
    }
    if changed {
        let mut seen = Vec::new();
        retain_relations(doc, |t| {
            let key = (relation_to(t), t.get("kind").and_then(Item::as_str).map(String::from));
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        });
    }
    changed
}

fn relation_to(t: &dyn TableLike) -> Option<String> {
    t.get("to").and_then(Item::as_str).map(String::from)
}

/// Drop KEEP's relations to itself (it was related to OTHER). Whether any was dropped.
fn drop_self_relations(doc: &mut DocumentMut, keep: &Entry) -> bool {
    let before = relation_targets(doc).len();
    retain_relations(doc, |t| !relation_to(t).is_some_and(|to| names(&to, keep)));
    relation_targets(doc).len() != before
}

fn retain_relations(doc: &mut DocumentMut, mut keep: impl FnMut(&dyn TableLike) -> bool) {
    match doc.get_mut("relations") {
        Some(Item::ArrayOfTables(tables)) => tables.retain(|t| keep(t)),
        Some(Item::Value(Value::Array(items))) => {
            items.retain(|v| v.as_inline_table().is_none_or(|t| keep(t)));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::test_record;

    fn merged(kind: Kind, keep: &str, other: &str) -> (Record, DocMerge, bool) {
        let mut k = test_record(kind, "keep", keep);
        let o = test_record(kind, "other", other);
        let doc = merge_documents(kind, &mut k.doc, &o.doc);
        let body = join_bodies(&mut k, &o, &doc.kept);
        (k, doc, body)
    }

    #[test]
    fn lists_join_and_keep_wins() {
        let (k, doc, body) = merged(
            Kind::Contact,
            "name = \"Анна Петрова\"  # full name\nemails = [\"anna@example.ru\"]\nphones = [\"8 (727) 355-12-34\"]\ntitle = \"Директор\"\ntags = \"vip\"\n[fields]\nindustry = \"мебель\"",
            "name = \"Anna Petrova\"\nemails = [\"ANNA@example.ru\", \"anna.p@example.kz\"]\nphones = [\"+7 727 355 1234\", \"+7 701 555 0114\"]\ntitle = \"CEO\"\ntags = [\"vip\", \"b2b\"]\ncity = \"Алматы\"\n[fields]\nindustry = \"furniture\"\nsize = 12",
        );
        assert_eq!(
            k.doc.to_string(),
            "name = \"Анна Петрова\"  # full name\nemails = [\"anna@example.ru\", \"anna.p@example.kz\"]\nphones = [\"8 (727) 355-12-34\", \"+7 701 555 0114\"]\ntitle = \"Директор\"\ntags = [\"vip\", \"b2b\"]\ncity = \"Алматы\"\n[fields]\nindustry = \"мебель\"\nsize = 12\n"
        );
        assert_eq!(doc.added, ["city", "fields.size"]);
        assert_eq!(
            doc.extended,
            [
                ("emails".into(), vec!["anna.p@example.kz".into()]),
                ("phones".into(), vec!["+7 701 555 0114".into()]),
                ("tags".into(), vec!["b2b".into()]),
            ]
        );
        assert_eq!(
            doc.kept,
            [
                ("name".into(), "Anna Petrova".into()),
                ("title".into(), "CEO".into()),
                ("fields.industry".into(), "furniture".into())
            ]
        );
        assert!(body);
        assert_eq!(
            k.body,
            "## Merged from contact/other\n\n- name: Anna Petrova\n- title: CEO\n- fields.industry: furniture\n"
        );
    }

    #[test]
    fn bodies_join_under_one_heading() {
        let mut k = test_record(Kind::Company, "keep", "name = \"Müller & Söhne GmbH\"");
        k.body = "# Notizen\n\nStammkunde seit 2019.".into();
        let mut o = test_record(Kind::Company, "other", "name = \"Müller & Söhne GmbH\"");
        o.body = "\nZahlt immer pünktlich.\n".into();
        assert!(join_bodies(&mut k, &o, &[]));
        assert_eq!(
            k.body,
            "# Notizen\n\nStammkunde seit 2019.\n\n## Merged from company/other\n\nZahlt immer pünktlich.\n"
        );
        let (k, doc, body) = merged(Kind::Company, "name = \"X\"", "name = \"X\"");
        assert_eq!(
            (k.body.as_str(), body, doc),
            ("", false, DocMerge::default()),
            "nothing to say"
        );
    }

    #[test]
    fn history_joins_in_time_order() {
        let (k, doc, _) = merged(
            Kind::Deal,
            "title = \"Сайт\"\nstage = \"proposal\"\n[[history]]\nstage = \"lead\"\nat = 2026-01-10T10:00:00Z\n[[history]]\nstage = \"proposal\"\nat = 2026-03-01T10:00:00Z\n[fields]\nsource_id = 7",
            "title = \"Сайт\"\nstage = \"qualified\"\n[[history]]\nstage = \"lead\"\nat = 2026-01-10T15:00:00+05:00\n[[history]]\nstage = \"qualified\"\nat = 2026-02-01T10:00:00Z\n[[history]]\nstage = \"won\"\nat = 2026-04-01T10:00:00Z",
        );
        assert_eq!(doc.history, 2, "the same lead entry, written in another zone, is one");
        let text = k.doc.to_string();
        let stages: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("stage = ")).collect();
        assert_eq!(
            stages,
            ["\"proposal\"", "\"lead\"", "\"qualified\"", "\"proposal\"", "\"won\""],
            "{text}"
        );
        assert!(text.ends_with("[fields]\nsource_id = 7\n"), "history stays together:\n{text}");
        assert!(text.parse::<DocumentMut>().is_ok());
        assert_eq!(doc.kept, [("stage".to_string(), "qualified".to_string())]);
    }

    #[test]
    fn links_move_to_keep_without_repeats() {
        let keep = Entry { kind: Kind::Contact, id: "anna-petrova".into() };
        let other = Entry { kind: Kind::Contact, id: "anna-petrova-2".into() };
        let mut note = test_record(
            Kind::Note,
            "n",
            "about = [\"anna-petrova\", \"contact/anna-petrova-2\", \"sayt\"]",
        );
        assert_eq!(relink(&mut note, &other, &keep), ["about"]);
        assert_eq!(note.strs("about"), ["anna-petrova", "sayt"]);
        let mut task = test_record(
            Kind::Task,
            "t",
            "about = [\"contact/anna-petrova-2\", \"anna-petrova-2\"]",
        );
        relink(&mut task, &other, &keep);
        assert_eq!(task.strs("about"), ["contact/anna-petrova"]);
        let mut deal = test_record(
            Kind::Deal,
            "d",
            "contact = \"anna-petrova-2\"   # Анна\ncompany = \"anna-petrova-2\"",
        );
        assert_eq!(relink(&mut deal, &other, &keep), ["contact"]);
        assert_eq!(
            deal.doc.to_string(),
            "contact = \"anna-petrova\"   # Анна\ncompany = \"anna-petrova-2\"\n"
        );
        let mut friend = test_record(
            Kind::Contact,
            "li-na",
            "relations = [{ to = \"anna-petrova-2\", kind = \"friend\" }, { to = \"anna-petrova\", kind = \"friend\" }, { to = \"anna-petrova-2\", kind = \"colleague\" }]",
        );
        assert_eq!(relink(&mut friend, &other, &keep), ["relations"]);
        assert_eq!(
            relation_targets(&friend.doc),
            ["anna-petrova", "anna-petrova"],
            "{}",
            friend.doc
        );
        assert!(friend.doc.to_string().contains("kind = \"colleague\""));
    }

    #[test]
    fn only_two_records_of_one_kind_merge() {
        let contact = Entry { kind: Kind::Contact, id: "anna".into() };
        let company = Entry { kind: Kind::Company, id: "acme".into() };
        let note = Entry { kind: Kind::Note, id: "n".into() };
        assert!(matches!(mergeable(&contact, &company), Err(Error::Usage(_))));
        assert!(matches!(mergeable(&note, &note.clone()), Err(Error::Usage(_))));
        assert!(matches!(mergeable(&contact, &contact), Err(Error::Usage(_))));
        assert!(mergeable(&contact, &Entry { kind: Kind::Contact, id: "anna-2".into() }).is_ok());
    }
}
