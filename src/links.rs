//! Links between records: what a record links to, what links to it, and rewriting
//! links when a record is renamed. A link is an id in `company`, `contact` or `about`, or
//! the `to` of a contact's or company's `relations` entry.

use std::collections::HashMap;

use crate::dates::When;
use crate::model::facts::LastContacts;
use crate::model::reference::Entry;
use crate::model::relation;
use crate::model::schema::link_keys;
use crate::model::{Catalog, Kind, Record, View};
use crate::store::edit;

/// The records a link value names (see [`crate::model::schema::link_targets`]).
pub(crate) use crate::model::schema::link_targets as targets;

/// Whether `record` links to `target`, by a link key or a relation.
pub fn links_to(record: &impl View, target: &Entry) -> bool {
    key_links_to(record, target) || relates_to(record, target)
}

/// Whether one of `record`'s relations names `target`.
pub fn relates_to(record: &impl View, target: &Entry) -> bool {
    matches!(record.kind(), Kind::Contact | Kind::Company)
        && record
            .relations()
            .iter()
            .any(|r| relation::targets(&r.to).contains(&(target.kind, target.id.as_str())))
}

/// Whether `record` links to `target` by a link key (`company`, `contact`, `about`).
pub fn key_links_to(record: &impl View, target: &Entry) -> bool {
    link_keys(record.kind()).iter().any(|(key, expected)| {
        record
            .strs(key)
            .iter()
            .any(|v| targets(v, *expected).contains(&(target.kind, target.id.as_str())))
    })
}

/// The records of `catalog` that link to `target`, in book order.
pub fn backlinks<'a, V: View>(catalog: &'a Catalog<V>, target: &Entry) -> Vec<&'a V> {
    catalog.records.iter().filter(|r| links_to(*r, target)).collect()
}

/// What `record` links to that exists in `catalog` (and the dangling ids, separately).
pub fn outgoing<'a, V: View>(
    record: &impl View,
    catalog: &'a Catalog<V>,
) -> (Vec<&'a V>, Vec<String>) {
    let mut found = Vec::new();
    let mut dangling = Vec::new();
    for (key, expected) in link_keys(record.kind()) {
        for value in record.strs(key) {
            let hits: Vec<&V> = targets(value, *expected)
                .into_iter()
                .filter_map(|(k, id)| catalog.get(k, id))
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
    let names = |to: &str| relation::targets(to).contains(&(from.kind, from.id.as_str()));
    let qualified = format!("{}/{to}", from.kind);
    let old: Vec<String> =
        record.relations().into_iter().map(|r| r.to).filter(|t| names(t)).collect();
    for value in old {
        let new = if value.contains('/') { qualified.as_str() } else { to };
        changed |= relation::retarget(&mut record.doc, |t| t == value, new);
    }
    changed
}

/// Each record's `last_contact`: the date of the newest note about it, and for a
/// company also about its contacts (derived, never stored).
pub fn last_contacts<V: View>(catalog: &Catalog<V>) -> LastContacts {
    let company_of: HashMap<&str, &str> =
        catalog.of(Kind::Contact).filter_map(|c| c.str("company").map(|co| (c.id(), co))).collect();
    let notes: Vec<(When, Vec<&str>)> =
        catalog.of(Kind::Note).filter_map(|n| Some((n.when("date")?, n.strs("about")))).collect();
    newest_notes(
        notes.iter().map(|(w, about)| (*w, about.iter().copied())),
        |kind, id| catalog.get(kind, id).is_some(),
        |contact| company_of.get(contact).copied(),
    )
}

pub use crate::model::facts::newest_notes;
