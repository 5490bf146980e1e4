//! Links between records: what a record links to, what links to it, and rewriting
//! links when a record is renamed. A link is an id in `company`, `contact` or `about`.

use crate::book::Loaded;
use crate::model::reference::Entry;
use crate::model::schema::link_keys;
use crate::model::{Kind, Record};
use crate::store::edit;

/// The records a link value names: `deal/x` names one kind; a bare id in `about` may
/// name a contact, company or deal.
fn targets(value: &str, expected: Option<Kind>) -> Vec<(Kind, &str)> {
    if let Some((k, id)) = value.split_once('/')
        && let Ok(kind) = k.parse::<Kind>()
    {
        return vec![(kind, id)];
    }
    match expected {
        Some(k) => vec![(k, value)],
        None => Kind::LINKABLE.iter().map(|&k| (k, value)).collect(),
    }
}

/// Whether `record` links to `target`.
pub fn links_to(record: &Record, target: &Entry) -> bool {
    link_keys(record.kind).iter().any(|(key, expected)| {
        record
            .strs(key)
            .iter()
            .any(|v| targets(v, *expected).contains(&(target.kind, target.id.as_str())))
    })
}

/// The records of `loaded` that link to `target`, in book order.
pub fn backlinks<'a>(loaded: &'a Loaded, target: &Entry) -> Vec<&'a Record> {
    loaded.records.iter().filter(|r| links_to(r, target)).collect()
}

/// What `record` links to that exists in `loaded` (and the dangling ids, separately).
pub fn outgoing<'a>(record: &Record, loaded: &'a Loaded) -> (Vec<&'a Record>, Vec<String>) {
    let mut found = Vec::new();
    let mut dangling = Vec::new();
    for (key, expected) in link_keys(record.kind) {
        for value in record.strs(key) {
            let hits: Vec<&Record> = targets(value, *expected)
                .into_iter()
                .filter_map(|(k, id)| loaded.get(k, id))
                .collect();
            if hits.is_empty() {
                dangling.push(value.to_string());
            }
            found.extend(hits);
        }
    }
    (found, dangling)
}

/// Rewrite every link from `record` to `from` so it names `to`. Returns whether it changed.
pub fn rewrite(record: &mut Record, from: &Entry, to: &str) -> bool {
    let mut changed = false;
    for (key, expected) in link_keys(record.kind) {
        let values: Vec<String> = record.strs(key).iter().map(|s| s.to_string()).collect();
        for value in values {
            if targets(&value, *expected).contains(&(from.kind, from.id.as_str())) {
                let new = if value.contains('/') {
                    format!("{}/{to}", from.kind)
                } else {
                    to.to_string()
                };
                changed |= edit::replace_str(&mut record.doc, key, &value, &new);
            }
        }
    }
    changed
}

/// Each record's `last_contact`: the date of the newest note about it, and for a
/// company also about its contacts (SPEC "Record files": derived, never stored).
pub fn last_contacts(loaded: &Loaded) -> std::collections::HashMap<Entry, crate::dates::When> {
    use std::collections::HashMap;
    let mut newest: HashMap<Entry, crate::dates::When> = HashMap::new();
    let mut note = |entry: Entry, when: crate::dates::When| {
        newest
            .entry(entry)
            .and_modify(|w| {
                if when.instant() > w.instant() {
                    *w = when;
                }
            })
            .or_insert(when);
    };
    let company_of: std::collections::HashMap<&str, &str> = loaded
        .of(Kind::Contact)
        .filter_map(|c| c.str("company").map(|co| (c.id.as_str(), co)))
        .collect();
    for n in loaded.of(Kind::Note) {
        let Some(when) = n.when("date") else { continue };
        for value in n.strs("about") {
            for (kind, id) in targets(value, None) {
                if loaded.get(kind, id).is_none() {
                    continue;
                }
                note(Entry { kind, id: id.to_string() }, when);
                if kind == Kind::Contact
                    && let Some(company) = company_of.get(id)
                {
                    note(Entry { kind: Kind::Company, id: company.to_string() }, when);
                }
            }
        }
    }
    newest
}
