//! Round trips: export the example book, import into an empty book, and every
//! field the format carries is back; an export imported into its own book changes nothing.

use toml::Value;

use super::{example, ids_in, local_bytes, quiet_ok, snapshot};
use crate::fixtures::{body, front_of};
use crate::support::TestBook;

/// What a key of `kind/id` holds in `book`, links shown as the linked record's name.
fn field(book: &TestBook, dir: &str, id: &str, key: &str) -> Option<Value> {
    let rel = format!("{dir}/{id}.md");
    if key == "body" {
        return Some(Value::String(body(&book.read(&rel)).trim().to_string()));
    }
    let front = front_of(book, &rel);
    let value = match key.split_once('.') {
        Some((table, k)) => front.get(table)?.get(k)?.clone(),
        None => front.get(key)?.clone(),
    };
    let linked = match key {
        "company" => Some("companies"),
        "contact" => Some("contacts"),
        _ => None,
    };
    match (linked, &value) {
        (Some(dir), Value::String(id)) => {
            Some(front_of(book, &format!("{dir}/{id}.md"))["name"].clone())
        }
        _ => Some(value),
    }
}

/// Export `kind` from the example with `export`, import it into an empty book with
/// `import`, and compare `keys` of every record.
fn round_trip(export: &[&str], import: &[&str], dir: &str, keys: &[&str], text_only: bool) {
    let from = example();
    let out = from.rolo(export).ok().to_string();
    let to = TestBook::new();
    let file = local_bytes(&to, "export.out", out.as_bytes());
    let mut args = import.to_vec();
    args.push(&file);
    let run = quiet_ok(&to, &args);
    assert!(run.stderr.contains(", failed 0"), "{run}");
    assert_eq!(ids_in(&to, dir), ids_in(&from, dir), "the same ids come back");
    for id in ids_in(&from, dir) {
        for key in keys {
            let (before, after) = (field(&from, dir, &id, key), field(&to, dir, &id, key));
            // CSV has no types: a number or list in a custom field comes back as its text.
            let before = match (text_only, before) {
                (true, Some(Value::Integer(i))) => Some(Value::String(i.to_string())),
                (true, Some(Value::Float(f))) => Some(Value::String(f.to_string())),
                (true, Some(Value::Array(a))) if key.starts_with("fields.") => Some(Value::String(
                    a.iter().map(|v| v.as_str().unwrap_or_default()).collect::<Vec<_>>().join("; "),
                )),
                (_, other) => other,
            };
            assert_eq!(after, before, "{dir}/{id} {key} after {export:?} → {import:?}");
        }
    }
}

const VCARD_KEYS: [&str; 9] =
    ["name", "emails", "phones", "company", "title", "tags", "birthday", "city", "body"];

#[test]
fn vcard_4() {
    round_trip(&["export", "vcard"], &["import", "vcard"], "contacts", &VCARD_KEYS, false);
}

#[test]
fn vcard_3() {
    let export = ["export", "vcard", "--version", "3"];
    round_trip(&export, &["import", "vcard"], "contacts", &VCARD_KEYS, false);
}

#[test]
fn csv_of_contacts_companies_and_deals() {
    let mut contact_keys = VCARD_KEYS.to_vec();
    contact_keys.extend(["source", "owner", "stage", "follow_up", "preferred_channel", "created"]);
    contact_keys.extend([
        "fields.industry",
        "fields.language",
        "fields.telegram",
        "fields.stack",
        "fields.fleet_size",
        "fields.commission",
    ]);
    round_trip(&["export", "csv"], &["import", "csv"], "contacts", &contact_keys, true);
    let company_keys =
        ["name", "domain", "tags", "city", "owner", "created", "fields.industry", "body"];
    let export = ["export", "csv", "--type", "company"];
    round_trip(&export, &["import", "csv", "--type", "company"], "companies", &company_keys, true);
    let deal_keys = [
        "title",
        "contact",
        "company",
        "stage",
        "value",
        "currency",
        "close",
        "owner",
        "source",
        "tags",
        "created",
        "lost_reason",
        "body",
    ];
    let export = ["export", "csv", "--type", "deal"];
    round_trip(&export, &["import", "csv", "--type", "deal"], "deals", &deal_keys, false);
}

#[test]
fn json_restores_every_record_as_it_was() {
    let from = example();
    let out = from.rolo(["export", "json"]).ok().to_string();
    let to = TestBook::new();
    let file = local_bytes(&to, "book.json", out.as_bytes());
    quiet_ok(&to, &["import", "json", &file]);
    for dir in ["contacts", "companies", "deals", "notes", "tasks"] {
        let rels: Vec<String> = crate::fixtures::files(&from.root().join(dir))
            .into_iter()
            .map(|f| format!("{dir}/{f}"))
            .collect();
        assert!(!rels.is_empty());
        for rel in rels {
            assert_eq!(front_of(&to, &rel), front_of(&from, &rel), "{rel}");
            assert_eq!(body(&to.read(&rel)), body(&from.read(&rel)), "{rel}");
        }
    }
    assert_eq!(
        to.log()[0],
        format!(
            "import: {} from book.json",
            "35 contacts, 13 companies, 18 deals, 90 notes, 20 tasks"
        )
    );
}

#[test]
fn an_export_imported_into_its_own_book_changes_nothing() {
    let book = example();
    let before = snapshot(&book.root());
    for (export, import) in [
        (vec!["export", "vcard"], vec!["import", "vcard"]),
        (vec!["export", "vcard", "--version", "3"], vec!["import", "vcard"]),
        (vec!["export", "csv"], vec!["import", "csv"]),
        (vec!["export", "csv", "--type", "deal"], vec!["import", "csv", "--type", "deal"]),
        (vec!["export", "json"], vec!["import", "json"]),
    ] {
        let out = book.rolo(&export).ok().to_string();
        let file = local_bytes(&book, "again.out", out.as_bytes());
        let mut args = import.clone();
        args.push(&file);
        let run = quiet_ok(&book, &args);
        assert!(run.stderr.contains("Nothing changed.\n"), "{export:?}: {run}");
        assert_eq!(snapshot(&book.root()), before, "{export:?}");
    }
}
