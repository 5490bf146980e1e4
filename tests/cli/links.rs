//! `show` (links, backlinks, timeline), REF resolution, `rm` and `rename`
//! (REF, `show`, `rm`, `rename`).

use serde_json::{Value as Json, json};

use crate::fixtures::{add, commit_all, files, front_of, sandbox, status};
use crate::support::TestBook;

/// A deal written by hand, linking to the contact and the company, with comments.
const DEAL: &str = "+++
title = \"Сайт для «Алтын Мебели»\"
contact = \"aygul-seyitqyzy\"   # главный контакт
company   = \"too-altyn-mebel\"
stage = \"proposal\"
value = 1500000
currency = \"KZT\"
odd = [1, 2]   # unknown key
+++
Смета отправлена 20 ноября.
";

const DEAL_PATH: &str = "deals/sayt-dlya-altyn-mebel.md";

/// A note about the contact and the deal, written by hand with odd spacing.
const NOTE: &str = "+++
date = 2026-11-20T15:00:00+05:00
kind = \"call\"   # звонок
direction = \"out\"
about = [ \"aygul-seyitqyzy\",   \"sayt-dlya-altyn-mebel\" ]
+++
Обсудили смету. Перезвонить в пятницу.
";

const NOTE_PATH: &str = "notes/2026/2026-11-20-aygul-seyitqyzy.md";

/// A company, its contact, two more people, a deal, a note and a task; all committed.
fn book() -> TestBook {
    let book = TestBook::new();
    add(&book, &["company", "add", "ТОО «Алтын Мебель»", "--city", "Алматы"]);
    add(
        &book,
        &[
            "contact",
            "add",
            "Айгүл Сейітқызы",
            "--company",
            "too-altyn-mebel",
            "--email",
            "aygul@altyn.kz",
            "--stage",
            "customer",
        ],
    );
    add(&book, &["contact", "add", "Анна Петрова"]);
    add(&book, &["contact", "add", "Анна Смирнова"]);
    add(&book, &["contact", "add", "王小明"]);
    book.write(DEAL_PATH, DEAL);
    book.write(NOTE_PATH, NOTE);
    commit_all(&book, "hand-written deal and note");
    add(&book, &["task", "add", "Перезвонить Айгүл", "--due", "friday", "--about", "aygul"]);
    book
}

#[test]
fn show_human_output() {
    let book = book();
    let out = book.rolo(["show", "aygul-seyitqyzy"]).ok().to_string();
    for text in [
        "contact/aygul-seyitqyzy",
        "Айгүл Сейітқызы",
        "aygul@altyn.kz",
        "customer",
        "\nLinks\n",
        "company/too-altyn-mebel",
        "ТОО «Алтын Мебель»",
        "\nLinked from\n",
        "deal/sayt-dlya-altyn-mebel",
        "\nTimeline\n",
        "note/2026-11-20-aygul-seyitqyzy",
        "task/perezvonit-aygul",
        "2026-11-27",
        "last contact",
    ] {
        assert!(out.contains(text), "{text:?} missing:\n{out}");
    }
    // The newest first: the task due Friday, then the call of the 20th.
    let task = out.find("task/perezvonit-aygul").unwrap();
    let note = out.find("note/2026-11-20-aygul-seyitqyzy").unwrap();
    assert!(task < note, "{out}");
}

#[test]
fn show_json_has_links_timeline_and_last_contact() {
    let book = book();
    let v = book.rolo(["show", "aygul-seyitqyzy", "--json"]).json();
    assert_eq!(v["id"], "aygul-seyitqyzy");
    assert_eq!(v["type"], "contact");
    assert_eq!(v["path"], "contacts/aygul-seyitqyzy.md");
    assert_eq!(v["name"], "Айгүл Сейітқызы");
    assert_eq!(v["links"], json!(["company/too-altyn-mebel"]));
    assert_eq!(v["linked_from"], json!(["deal/sayt-dlya-altyn-mebel"]));
    assert_eq!(v["last_contact"], "2026-11-20");
    let timeline: Vec<(&str, &str)> = v["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|e| (e["type"].as_str().unwrap(), e["id"].as_str().unwrap()))
        .collect();
    assert_eq!(timeline, [("task", "perezvonit-aygul"), ("note", "2026-11-20-aygul-seyitqyzy")]);
    let note = &v["timeline"][1];
    assert_eq!(note["kind"], "call");
}

#[test]
fn show_a_company_includes_its_people_and_their_notes() {
    let book = book();
    let v = book.rolo(["show", "company/too-altyn-mebel", "--json"]).json();
    let from: Vec<&str> =
        v["linked_from"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    assert!(from.contains(&"contact/aygul-seyitqyzy"), "{v}");
    assert!(from.contains(&"deal/sayt-dlya-altyn-mebel"), "{v}");
    let ids: Vec<&str> =
        v["timeline"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"2026-11-20-aygul-seyitqyzy"), "{v}");
    assert_eq!(v["last_contact"], "2026-11-20");
}

#[test]
fn show_a_deal_and_a_note() {
    let book = book();
    let deal = book.rolo(["show", "sayt", "--json"]).json();
    assert_eq!(deal["type"], "deal");
    let links: Vec<&str> =
        deal["links"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    assert!(
        links.contains(&"contact/aygul-seyitqyzy") && links.contains(&"company/too-altyn-mebel")
    );
    assert_eq!(deal["body"], "Смета отправлена 20 ноября.\n");
    let out = book.rolo(["show", "2026-11-20-aygul-seyitqyzy"]).ok().to_string();
    assert!(out.contains("Обсудили смету."), "{out}");
    assert!(out.contains("contact/aygul-seyitqyzy"), "{out}");
}

#[test]
fn show_reports_broken_links() {
    let book = book();
    add(&book, &["contact", "add", "Jürgen Größer"]);
    book.rolo(["set", "jurgen-grosser", "company=muller-sohne-gmbh"]).ok();
    let v = book.rolo(["show", "jurgen-grosser", "--json"]).json();
    assert_eq!(v["links"], json!([]));
    let broken = v["broken_links"].to_string();
    assert!(broken.contains("muller-sohne-gmbh"), "{v}");
}

#[test]
fn refs_by_id_type_prefix_and_name() {
    let book = book();
    for reference in [
        "aygul-seyitqyzy",
        "contact/aygul-seyitqyzy",
        "ayg",
        "aygul-s",
        "contact/ayg",
        "Айгүл Сейітқызы",
    ] {
        let v = book.rolo(["show", reference, "--json"]).json();
        assert_eq!(v["id"], "aygul-seyitqyzy", "{reference}");
        assert_eq!(v["type"], "contact", "{reference}");
    }
    let v = book.rolo(["show", "王小明", "--json"]).json();
    assert_eq!(v["id"], "wang-xiao-ming");
}

#[test]
fn an_exact_id_wins_over_a_prefix() {
    let book = book();
    add(&book, &["contact", "add", "Анна"]);
    let v = book.rolo(["show", "anna", "--json"]).json();
    assert_eq!(v["id"], "anna");
}

#[test]
fn a_type_chooses_between_kinds_with_the_same_id() {
    let book = book();
    add(&book, &["contact", "add", "Altyn"]);
    add(&book, &["company", "add", "Altyn"]);
    let run = book.rolo(["show", "altyn"]);
    assert_eq!(run.code, 2, "the same id in two kinds is ambiguous:\n{run}");
    assert!(run.stderr.contains("contact/altyn") && run.stderr.contains("company/altyn"), "{run}");
    assert_eq!(book.rolo(["show", "company/altyn", "--json"]).json()["type"], "company");
    assert_eq!(book.rolo(["show", "contact/altyn", "--json"]).json()["type"], "contact");
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    let book = book();
    let run = book.rolo(["show", "anna"]);
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("contact/anna-petrova"), "{run}");
    assert!(run.stderr.contains("contact/anna-smirnova"), "{run}");
}

#[test]
fn an_unknown_ref_is_a_usage_error() {
    let book = book();
    for reference in ["nobody", "deal/aygul-seyitqyzy", "Фёдор Достоевский", ""] {
        let run = book.rolo(["show", reference]);
        assert_eq!(run.code, 2, "{reference:?}:\n{run}");
        assert_eq!(run.stdout, "");
    }
    let run = book.rolo(["show", "aygul-seyitqyzz"]);
    assert!(run.stderr.contains("aygul-seyitqyzy"), "a typo gets a suggestion:\n{run}");
}

#[test]
fn paths_as_refs_read_nothing_outside_the_book() {
    let book = book();
    let secret = "+++\nname = \"СЕКРЕТ\"\n+++\npassword\n";
    std::fs::write(sandbox(&book).join("secret.md"), secret).unwrap();
    std::fs::write(sandbox(&book).join("home/secret.md"), secret).unwrap();
    for reference in [
        "../etc/passwd",
        "/etc/passwd",
        "../secret",
        "../../secret",
        "contact/../../secret",
        "contact/../../home/secret",
        "../home/secret",
        "contacts/../../secret",
    ] {
        let run = book.rolo(["show", reference, "--json"]);
        assert_eq!(run.code, 2, "{reference}:\n{run}");
        assert!(!run.stdout.contains("СЕКРЕТ") && !run.stdout.contains("root:"), "{run}");
    }
}

#[test]
fn rm_deletes_commits_and_warns_about_links() {
    let book = book();
    let commits = book.log().len();
    let run = book.rolo(["rm", "aygul-seyitqyzy"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!book.exists("contacts/aygul-seyitqyzy.md"));
    let log = book.log();
    assert_eq!(log.len(), commits + 1);
    assert_eq!(log[0], "contact: remove Айгүл Сейітқызы");
    assert_eq!(status(&book), "");
    for linking in
        ["deal/sayt-dlya-altyn-mebel", "note/2026-11-20-aygul-seyitqyzy", "task/perezvonit-aygul"]
    {
        assert!(run.stderr.contains(linking), "{linking} still links to it:\n{run}");
    }
    // The records linking to it are left as they are.
    assert_eq!(book.read(DEAL_PATH), DEAL);
    assert_eq!(book.read(NOTE_PATH), NOTE);
}

#[test]
fn rm_of_an_unlinked_record_warns_about_nothing() {
    let book = book();
    let run = book.rolo(["rm", "Анна Петрова"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stderr.contains("linked"), "{run}");
    assert_eq!(book.log()[0], "contact: remove Анна Петрова");
    assert!(!book.exists("contacts/anna-petrova.md"));
    assert!(book.exists("contacts/anna-smirnova.md"));
}

#[test]
fn rm_refuses_ambiguous_and_unknown_refs() {
    let book = book();
    let before = files(&book.root());
    assert_eq!(book.rolo(["rm", "anna"]).code, 2);
    assert_eq!(book.rolo(["rm", "nobody"]).code, 2);
    assert_eq!(book.rolo(["rm", "../rolo"]).code, 2);
    assert_eq!(files(&book.root()), before);
}

#[test]
fn rename_moves_the_file_and_rewrites_every_link() {
    let book = book();
    let commits = book.log().len();
    let contact = book.read("contacts/aygul-seyitqyzy.md");
    let task = book.read("tasks/perezvonit-aygul.md");
    let run = book.rolo(["rename", "aygul-seyitqyzy", "aygul"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!book.exists("contacts/aygul-seyitqyzy.md"));
    assert_eq!(book.read("contacts/aygul.md"), contact, "the file moves unchanged");
    // Links are rewritten; everything else stays byte for byte.
    assert_eq!(
        book.read(DEAL_PATH),
        DEAL.replace("contact = \"aygul-seyitqyzy\"   #", "contact = \"aygul\"   #")
    );
    assert_eq!(book.read(NOTE_PATH), NOTE.replace("[ \"aygul-seyitqyzy\",", "[ \"aygul\","));
    assert_eq!(
        book.read("tasks/perezvonit-aygul.md"),
        task.replace("about = [\"aygul-seyitqyzy\"]", "about = [\"aygul\"]")
    );
    assert_eq!(book.log().len(), commits + 1, "one commit: {:?}", book.log());
    assert_eq!(book.log()[0], "contact: rename aygul-seyitqyzy to aygul");
    assert_eq!(status(&book), "");
    let v = book.rolo(["show", "aygul", "--json"]).json();
    assert_eq!(v["linked_from"], json!(["deal/sayt-dlya-altyn-mebel"]));
    assert_eq!(v["timeline"].as_array().unwrap().len(), 2);
    assert_eq!(book.rolo(["show", "aygul-seyitqyzy"]).code, 2);
}

#[test]
fn rename_a_company_rewrites_contacts_and_deals() {
    let book = book();
    book.rolo(["rename", "company/too-altyn-mebel", "altyn-mebel"]).ok();
    assert!(book.exists("companies/altyn-mebel.md"));
    assert_eq!(
        front_of(&book, "contacts/aygul-seyitqyzy.md")["company"].as_str(),
        Some("altyn-mebel")
    );
    assert_eq!(
        book.read(DEAL_PATH),
        DEAL.replace("company   = \"too-altyn-mebel\"", "company   = \"altyn-mebel\"")
    );
    assert_eq!(book.log()[0], "company: rename too-altyn-mebel to altyn-mebel");
    assert_eq!(status(&book), "");
}

#[test]
fn rename_a_deal_rewrites_notes_about_it() {
    let book = book();
    book.rolo(["rename", "sayt-dlya-altyn-mebel", "sayt-altyn"]).ok();
    assert_eq!(book.read("deals/sayt-altyn.md"), DEAL);
    assert_eq!(
        book.read(NOTE_PATH),
        NOTE.replace("\"sayt-dlya-altyn-mebel\" ]", "\"sayt-altyn\" ]")
    );
}

#[test]
fn rename_leaves_links_to_a_same_named_record_of_another_kind() {
    let book = book();
    // A company and a contact both called "altyn"; the contact links to the company.
    add(&book, &["company", "add", "Altyn"]);
    add(&book, &["contact", "add", "Altyn", "--company", "company/altyn"]);
    book.rolo(["rename", "contact/altyn", "altyn-person"]).ok();
    assert_eq!(front_of(&book, "contacts/altyn-person.md")["company"].as_str(), Some("altyn"));
    assert!(book.exists("companies/altyn.md"));
}

#[test]
fn rename_rejects_invalid_ids() {
    let book = book();
    let before = files(&book.root());
    let commits = book.log().len();
    let long = "a".repeat(65);
    for new_id in ["../x", "Bad Id", "", "-x", "x-", "a--b", "Айгүл", "a/b", "UPPER", &long] {
        let run = book.rolo(["rename", "aygul-seyitqyzy", new_id]);
        assert_eq!(run.code, 2, "{new_id:?}:\n{run}");
    }
    assert_eq!(files(&book.root()), before);
    assert_eq!(book.log().len(), commits);
    assert!(files(&sandbox(&book)).iter().all(|f| f.starts_with("book/")), "nothing outside");
}

#[test]
fn rename_to_a_taken_id_fails_and_changes_nothing() {
    let book = book();
    let before: Vec<(String, String)> =
        files(&book.root()).into_iter().map(|f| (book.read(&f), f)).collect();
    let commits = book.log().len();
    let run = book.rolo(["rename", "anna-petrova", "anna-smirnova"]);
    assert_ne!(run.code, 0, "{run}");
    let after: Vec<(String, String)> =
        files(&book.root()).into_iter().map(|f| (book.read(&f), f)).collect();
    assert_eq!(after, before);
    assert_eq!(book.log().len(), commits);
}

#[test]
fn rename_to_the_same_id_changes_nothing() {
    let book = book();
    let commits = book.log().len();
    let run = book.rolo(["rename", "aygul", "aygul-seyitqyzy"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("Nothing changed."), "{run}");
    assert_eq!(book.log().len(), commits);
}

#[test]
fn show_json_of_each_kind_has_the_common_keys() {
    let book = book();
    for reference in [
        "contact/aygul-seyitqyzy",
        "company/too-altyn-mebel",
        "deal/sayt-dlya-altyn-mebel",
        "note/2026-11-20-aygul-seyitqyzy",
        "task/perezvonit-aygul",
    ] {
        let v: Json = book.rolo(["show", reference, "--json"]).json();
        for key in ["id", "type", "path", "body", "links", "linked_from", "timeline"] {
            assert!(v.get(key).is_some(), "{reference}: {key} missing in {v}");
        }
        let (kind, id) = reference.split_once('/').unwrap();
        assert_eq!(v["type"], kind);
        assert_eq!(v["id"], id);
    }
}

#[test]
fn rename_rewrites_type_qualified_links() {
    let book = book();
    let note = "+++\ndate = 2026-11-21T10:00:00+05:00\nkind = \"email\"\nabout = [\"contact/aygul-seyitqyzy\", \"company/too-altyn-mebel\"]\n+++\nПисьмо.\n";
    book.write("notes/2026/2026-11-21-aygul-seyitqyzy.md", note);
    commit_all(&book, "qualified links");
    book.rolo(["rename", "aygul-seyitqyzy", "aygul"]).ok();
    assert_eq!(
        book.read("notes/2026/2026-11-21-aygul-seyitqyzy.md"),
        note.replace("contact/aygul-seyitqyzy", "contact/aygul")
    );
    assert_eq!(status(&book), "");
}
