//! The example book in data-example/ (a copy of it): every kind lists cleanly, every
//! record shows, links resolve, and the documented transliteration examples are there.

use std::process::Stdio;

use crate::fixtures::{front_of, ids, list_ids};
use crate::support::TestBook;

const KINDS: [&str; 5] = ["contact", "company", "deal", "note", "task"];

fn example() -> TestBook {
    crate::fixtures::example_book()
}

/// Every record of the example as `type/id`.
fn all_records(book: &TestBook) -> Vec<String> {
    KINDS
        .iter()
        .flat_map(|kind| {
            list_ids(book, &[kind, "list"]).into_iter().map(move |id| format!("{kind}/{id}"))
        })
        .collect()
}

#[test]
fn contacts_list_as_json_without_diagnostics() {
    let book = example();
    let run = book.rolo(["contact", "list", "--json"]);
    let json = run.json();
    assert_eq!(run.stderr, "", "the example book has no problems:\n{}", run.stderr);
    let contacts = json.as_array().unwrap();
    assert!(contacts.len() >= 30, "{} contacts", contacts.len());
    for c in contacts {
        assert_eq!(c["type"], "contact");
        assert!(c["name"].as_str().is_some_and(|n| !n.is_empty()), "{c}");
        assert!(c.get("last_contact").is_some(), "{c}");
    }
}

#[test]
fn every_kind_lists_cleanly() {
    let book = example();
    for kind in KINDS {
        let run = book.rolo([kind, "list", "--json"]);
        assert_eq!(run.code, 0, "{kind}:\n{run}");
        assert_eq!(run.stderr, "", "{kind}:\n{run}");
        assert!(!ids(&run.json()).is_empty(), "the example has {kind}s");
        let run = book.rolo([kind, "list"]);
        assert_eq!(run.code, 0, "{kind}:\n{run}");
        assert_eq!(run.stderr, "", "{kind}:\n{run}");
        assert!(!run.stdout.is_empty());
    }
}

#[test]
fn every_record_shows() {
    let book = example();
    let records = all_records(&book);
    assert!(records.len() >= 100, "{} records", records.len());
    // A few processes at a time: the machine has two cores.
    for chunk in records.chunks(8) {
        let children: Vec<_> = chunk
            .iter()
            .map(|r| {
                let mut cmd = book.command(["show", r.as_str(), "--json"]);
                cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
                (r, cmd.spawn().unwrap())
            })
            .collect();
        for (r, child) in children {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "show {r}: {stderr}");
            assert_eq!(stderr, "", "show {r}");
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let (kind, id) = r.split_once('/').unwrap();
            assert_eq!((v["type"].as_str(), v["id"].as_str()), (Some(kind), Some(id)));
            assert_eq!(v["broken_links"], serde_json::json!([]), "{r} has broken links");
        }
    }
}

#[test]
fn every_record_shows_as_text_too() {
    let book = example();
    for r in all_records(&book).iter().step_by(7) {
        let run = book.rolo(["show", r.as_str()]);
        assert_eq!(run.code, 0, "{r}:\n{run}");
        assert!(run.stdout.starts_with(&format!("{r}  ")), "{r}:\n{run}");
    }
}

#[test]
fn the_transliteration_examples_are_there() {
    let book = example();
    for (id, name) in [
        ("anna-petrova", "Анна Петрова"),
        ("wang-xiao-ming", "王小明"),
        ("aygul-seyitqyzy", "Айгүл Сейітқызы"),
    ] {
        let f = front_of(&book, &format!("contacts/{id}.md"));
        assert_eq!(f["name"].as_str(), Some(name), "{id}");
        let v = book.rolo(["show", name, "--json"]).json();
        assert_eq!(v["id"], id, "the name as typed finds {id}");
    }
}

#[test]
fn every_file_name_is_a_valid_id() {
    let book = example();
    for r in all_records(&book) {
        let id = r.split_once('/').unwrap().1;
        assert!(crate::fixtures::valid_id(id), "{r}");
    }
}

#[test]
fn reading_the_example_changes_nothing() {
    let book = example();
    let before: Vec<(String, String)> =
        crate::fixtures::files(&book.root()).into_iter().map(|f| (book.read(&f), f)).collect();
    for kind in KINDS {
        book.rolo([kind, "list", "--json"]).ok();
    }
    book.rolo(["show", "anna-petrova"]).ok();
    let after: Vec<(String, String)> = crate::fixtures::files(&book.root())
        .into_iter()
        .filter(|f| !f.starts_with(".rolo/"))
        .map(|f| (book.read(&f), f))
        .collect();
    assert_eq!(after, before);
}

#[test]
fn edits_on_the_example_keep_hand_written_files_intact() {
    let book = example();
    let before = book.read("contacts/anna-petrova.md");
    book.rolo(["set", "anna-petrova", "stage=former"]).ok();
    let after = book.read("contacts/anna-petrova.md");
    let changed: Vec<(&str, &str)> =
        before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].0.starts_with("stage = "), "{changed:?}");
    assert_eq!(changed[0].1, "stage = \"former\"");
    assert_eq!(before.lines().count(), after.lines().count());
}

/// `rolo today` on the example book has something to say whatever the date: overdue
/// tasks, follow-ups and quiet deals only grow with time (and nothing goes to stderr).
#[test]
fn today_is_useful_on_any_day() {
    let book = example();
    for now in ["2026-11-30T09:00:00+05:00", "2027-06-15", "2031-02-28T23:30:00Z"] {
        let mut cmd = book.command(["today", "--json"]);
        cmd.env("ROLO_NOW", now);
        let out = crate::support::run(cmd);
        assert_eq!(out.stderr, "", "{now}");
        let items = out.json();
        let kinds: std::collections::BTreeSet<&str> =
            items.as_array().unwrap().iter().filter_map(|i| i["kind"].as_str()).collect();
        for kind in ["overdue", "follow_up", "stale"] {
            assert!(kinds.contains(kind), "{now}: no {kind} in {kinds:?}");
        }
        let mut cmd = book.command(["digest"]);
        cmd.env("ROLO_NOW", now);
        let text = crate::support::run(cmd);
        assert!(text.stdout.contains("Overdue") && text.stdout.contains("Follow-ups"), "{now}");
    }
}

/// `cmd` run twice: from the index, and reading every file (`ROLO_NO_INDEX=1`).
fn both_ways(book: &TestBook, cmd: &[&str]) -> (crate::support::Run, crate::support::Run) {
    (book.rolo(cmd), book.rolo_from_files(cmd))
}

#[test]
fn the_index_and_the_files_answer_alike() {
    let book = example();
    // A file that does not parse is reported either way, and the rest is still read.
    book.write("contacts/broken.md", "+++\nname = \"Сломан\n+++\n");
    let mut commands: Vec<Vec<&str>> = Vec::new();
    for kind in KINDS {
        commands.push(vec![kind, "list"]);
        commands.push(vec![kind, "list", "--json"]);
    }
    commands.push(vec!["contact", "list", "--tag", "vip", "--sort", "last-contact"]);
    commands.push(vec!["task", "list", "--overdue"]);
    for reference in
        ["anna-petrova", "too-altyn-mebel", "company/shang-hai-lan-hai-ke-ji-you-xian-gong-si"]
    {
        commands.push(vec!["show", reference]);
        commands.push(vec!["show", reference, "--json"]);
    }
    commands.push(vec!["pipeline"]);
    commands.push(vec!["pipeline", "--json"]);
    commands.push(vec!["export", "ics"]);
    commands.push(vec!["merge", "anna-petrova", "aygul-seyitqyzy", "--dry-run"]);
    commands.push(vec![]);
    for cmd in &commands {
        let (fast, slow) = both_ways(&book, cmd);
        assert_eq!(fast.code, slow.code, "{cmd:?}\n{fast}\n{slow}");
        assert_eq!(fast.stdout, slow.stdout, "{cmd:?}");
        assert!(!fast.stdout.is_empty() || fast.code != 0, "{cmd:?} printed nothing: {fast}");
        if cmd.first().is_some_and(|c| ["contact", "show", "merge"].contains(c)) {
            assert!(fast.stderr.contains("contacts/broken.md"), "{cmd:?}: {fast}");
            assert!(slow.stderr.contains("contacts/broken.md"), "{cmd:?}: {slow}");
        }
    }
}
