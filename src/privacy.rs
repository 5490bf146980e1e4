//! What the book holds about one person: their own record and every record that names
//! them (notes and tasks `about` them, deals with them as `contact`, `relations` entries
//! pointing at them). `rolo export json --about` answers a data-subject access request
//! with these; [`crate::forget`] erases them.
//!
//! Only links count: a company the person works for is not about them, nor is a record
//! that mentions their name in its text ([`mentions`] finds those, for a person to judge).

use toml_edit::{Item, Value};

use crate::book::Loaded;
use crate::links;
use crate::model::reference::Entry;
use crate::model::{Kind, Record};

/// Whether a link value (`anna-petrova`, `contact/anna-petrova`) names `person`.
pub fn names(value: &str, person: &Entry) -> bool {
    links::targets(value, None).contains(&(person.kind, person.id.as_str()))
}

/// The `to` of each entry of a record's `relations` (`relations = [{ to = "anna", kind =
/// "spouse" }]`, or `[[relations]]` tables), as written.
pub fn relation_targets(record: &Record) -> Vec<&str> {
    match record.doc.get("relations") {
        Some(Item::Value(Value::Array(entries))) => {
            entries.iter().filter_map(|e| e.as_inline_table()?.get("to")?.as_str()).collect()
        }
        Some(Item::ArrayOfTables(tables)) => {
            tables.iter().filter_map(|t| t.get("to")?.as_str()).collect()
        }
        _ => Vec::new(),
    }
}

/// Whether `record` is `person`'s own or links to them (a link key or a relation).
pub fn concerns(record: &Record, person: &Entry) -> bool {
    (record.kind == person.kind && record.id == person.id)
        || links::links_to(record, person)
        || relation_targets(record).iter().any(|to| names(to, person))
}

/// Everything the book holds about `person`, in book order: their record first, then the
/// records that link to them.
pub fn about<'a>(loaded: &'a Loaded, person: &Entry) -> Vec<&'a Record> {
    let own = loaded.records.iter().filter(|r| r.kind == person.kind && r.id == person.id);
    let linking = loaded
        .records
        .iter()
        .filter(|r| !(r.kind == person.kind && r.id == person.id) && concerns(r, person));
    own.chain(linking).collect()
}

/// What identifies a person in free text: their name, emails and phones as written.
pub fn identifiers(person: &Record) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if person.kind == Kind::Contact
        && let Some(name) = person.str("name")
    {
        words.push(name.to_string());
    }
    for key in ["emails", "phones"] {
        words.extend(person.strs(key).into_iter().map(str::trim).map(String::from));
    }
    words.retain(|w| w.chars().count() >= 3);
    words.dedup();
    words
}

/// The records among `records` whose file still holds one of `words` (any case): text a
/// person wrote, which rolo does not rewrite on its own.
pub fn mentions<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    words: &[String],
) -> Vec<&'a Record> {
    let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    records
        .into_iter()
        .filter(|r| {
            let text = r.to_text().to_lowercase();
            lowered.iter().any(|w| text.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::test_record;

    fn anna() -> Entry {
        Entry { kind: Kind::Contact, id: "anna".into() }
    }

    #[test]
    fn links_and_relations_concern_a_person() {
        let note = test_record(Kind::Note, "n", "about = [\"acme\", \"contact/anna\"]");
        let deal = test_record(Kind::Deal, "d", "contact = \"anna\"");
        let spouse = test_record(
            Kind::Contact,
            "ivan",
            "relations = [{ to = \"anna\", kind = \"spouse\" }]",
        );
        let tables = test_record(
            Kind::Company,
            "acme",
            "name = \"Acme\"\n[[relations]]\nto = \"contact/anna\"\nkind = \"client\"",
        );
        let other = test_record(Kind::Note, "m", "about = [\"company/anna\"]");
        let colleague = test_record(Kind::Contact, "olga", "company = \"anna\"");
        for r in [&note, &deal, &spouse, &tables] {
            assert!(concerns(r, &anna()), "{}", r.id);
        }
        assert!(!concerns(&other, &anna()), "a company with the same id is someone else");
        assert!(!concerns(&colleague, &anna()), "company links name companies");
        assert_eq!(relation_targets(&tables), ["contact/anna"]);
    }

    #[test]
    fn identifiers_and_mentions() {
        let person = test_record(
            Kind::Contact,
            "anna",
            "name = \"Анна Петрова\"\nemails = [\"anna@severveter.ru\"]\nphones = [\"+7 701\"]",
        );
        assert_eq!(identifiers(&person), ["Анна Петрова", "anna@severveter.ru", "+7 701"]);
        let mut shared = test_record(Kind::Note, "n", "about = [\"ivan\"]");
        shared.body = "Говорили с АННА ПЕТРОВА о сроках\n".into();
        let clean = test_record(Kind::Note, "m", "about = [\"ivan\"]");
        let found = mentions([&shared, &clean], &identifiers(&person));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "n");
    }
}
