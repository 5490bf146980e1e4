//! Privacy: `rolo forget` erases a person in one commit that does not name them, leaves
//! no trace in search, lists, `show`, exports or the index, keeps what others share with
//! them, and says how to purge git's history; `rolo export json --about` gives every
//! record about the person and nothing else.

use std::collections::BTreeSet;

use serde_json::Value as Json;

use crate::fixtures::{commit_all, front_of, status};
use crate::support::{TestBook, run};

/// Анна and what names her: a note and a task only about her, a note and a task about her
/// and others, her deal, her husband's relation to her; and records that do not name her.
fn book() -> TestBook {
    let book = TestBook::new();
    let w = |rel: &str, text: &str| book.write(rel, text);
    w(
        "companies/ooo-severnyy-veter.md",
        "+++\nname = \"ООО «Северный ветер»\"\n+++\nТурагентство.\n",
    );
    w(
        "contacts/anna-petrova.md",
        "+++\nname = \"Анна Петрова\"\nemails = [\"anna@severveter.ru\"]\nphones = [\"+7 701 555 0101\"]\n\
         company = \"ooo-severnyy-veter\"\nbirthday = 1988-04-12\ntags = [\"vip\"]\n+++\nЛюбит звонки по утрам.\n",
    );
    w(
        "contacts/ivan-petrov.md",
        "+++\nname = \"Иван Петров\"\nemails = [\"ivan@example.ru\"]\n\
         relations = [{ to = \"anna-petrova\", kind = \"spouse\" }, { to = \"ooo-severnyy-veter\", kind = \"works-at\" }]\n+++\n",
    );
    w("contacts/olga.md", "+++\nname = \"Ольга Ким\"\nemails = [\"olga@example.kz\"]\n+++\n");
    w(
        "deals/sayt.md",
        "+++\ntitle = \"Сайт\"\ncontact = \"anna-petrova\"\ncompany = \"ooo-severnyy-veter\"\nstage = \"proposal\"\nvalue = 1200\n+++\n",
    );
    w(
        "notes/2026/2026-11-20-anna-petrova.md",
        "+++\ndate = 2026-11-20T10:00:00+05:00\nkind = \"call\"\nabout = [\"anna-petrova\"]\n+++\nОбсудили бюджет.\n",
    );
    w(
        "notes/2026/2026-11-21-anna-petrova.md",
        "+++\ndate = 2026-11-21T10:00:00+05:00\nkind = \"meeting\"\nabout = [\"anna-petrova\", \"ivan-petrov\"]\n+++\nВстреча втроём.\n",
    );
    w(
        "notes/2026/2026-11-22-sayt.md",
        "+++\ndate = 2026-11-22T10:00:00+05:00\nkind = \"email\"\nabout = [\"sayt\"]\n+++\nСмета отправлена.\n",
    );
    w(
        "notes/2026/2026-11-22-olga.md",
        "+++\ndate = 2026-11-22\nabout = [\"olga\"]\n+++\nПривет.\n",
    );
    w(
        "tasks/pozvonit-anne.md",
        "+++\ntitle = \"Позвонить\"\ndue = 2026-11-25\nabout = [\"anna-petrova\"]\n+++\n",
    );
    w(
        "tasks/shared.md",
        "+++\ntitle = \"Отправить договор\"\ndue = 2026-11-26\nabout = [\"contact/anna-petrova\", \"ooo-severnyy-veter\"]\n+++\n",
    );
    commit_all(&book, "records");
    book
}

/// Every id of a JSON array of records, as `type/id`.
fn refs(json: &Json) -> BTreeSet<String> {
    json.as_array()
        .unwrap_or_else(|| panic!("not an array: {json}"))
        .iter()
        .map(|r| format!("{}/{}", r["type"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect()
}

const TRACES: [&str; 5] = ["Анна", "anna-petrova", "anna@severveter.ru", "555 0101", "1988-04-12"];

#[track_caller]
fn no_trace(what: &str, text: &str) {
    for t in TRACES {
        assert!(!text.contains(t), "{what} still holds {t:?}:\n{text}");
    }
}

#[test]
fn a_dry_run_lists_and_writes_nothing() {
    let book = book();
    let run = book.rolo(["forget", "anna", "--dry-run"]);
    assert_eq!(
        run.ok(),
        "remove   contacts/anna-petrova.md\n\
         remove   notes/2026/2026-11-20-anna-petrova.md\n\
         remove   tasks/pozvonit-anne.md\n\
         edit     contacts/ivan-petrov.md  (relations)\n\
         edit     deals/sayt.md  (contact)\n\
         edit     notes/2026/2026-11-21-anna-petrova.md  (about, renamed)\n\
         edit     tasks/shared.md  (about)\n"
    );
    assert!(run.stderr.contains("Dry run: nothing was written."), "{run}");
    assert_eq!(status(&book), "");
    assert_eq!(book.log().len(), 2);
    assert!(book.exists("contacts/anna-petrova.md"));
    // No journal left behind for the next command to report.
    let next = book.rolo(["contact", "list"]);
    assert_eq!(next.stderr, "", "{next}");
}

#[test]
fn forget_leaves_no_trace_and_keeps_what_others_share() {
    let book = book();
    // Every cache filled first: the index, its rows, its look-ups and the agenda's facts.
    for args in [
        vec!["search", "Анна"],
        vec!["contact", "list"],
        vec!["agenda"],
        vec!["pipeline"],
        vec!["show", "ivan-petrov"],
    ] {
        let run = book.rolo(&args);
        assert_eq!(run.code, 0, "{args:?}: {run}");
    }
    assert!(book.rolo(["search", "Анна"]).ok().contains("anna-petrova"));

    let forgot = book.rolo(["forget", "Анна Петрова"]);
    assert_eq!(forgot.code, 0, "{forgot}");
    // One commit, of exactly these files, that does not name her.
    let log = book.log();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0], "contact: forget anna-petrova");
    let message = book.git(&["log", "-1", "--format=%B"]);
    assert!(!message.contains("Анна") && !message.contains("Петрова"), "{message}");
    let changed = book.git(&["show", "--no-renames", "--name-only", "--format=", "HEAD"]);
    let changed: BTreeSet<&str> = changed.lines().collect();
    let expected: BTreeSet<&str> = [
        "contacts/anna-petrova.md",
        "contacts/ivan-petrov.md",
        "deals/sayt.md",
        "notes/2026/2026-11-20-anna-petrova.md",
        "notes/2026/2026-11-21-anna-petrova.md",
        "notes/2026/2026-11-21-ivan-petrov.md",
        "tasks/pozvonit-anne.md",
        "tasks/shared.md",
    ]
    .into();
    assert_eq!(changed, expected);
    assert_eq!(status(&book), "");

    // What she shared with others stays, without her.
    assert_eq!(front_of(&book, "tasks/shared.md")["about"].to_string(), "[\"ooo-severnyy-veter\"]");
    let meeting = book.read("notes/2026/2026-11-21-ivan-petrov.md");
    assert_eq!(
        meeting,
        "+++\ndate = 2026-11-21T10:00:00+05:00\nkind = \"meeting\"\nabout = [\"ivan-petrov\"]\n+++\nВстреча втроём.\n"
    );
    assert_eq!(
        book.read("contacts/ivan-petrov.md"),
        "+++\nname = \"Иван Петров\"\nemails = [\"ivan@example.ru\"]\n\
         relations = [{ to = \"ooo-severnyy-veter\", kind = \"works-at\" }]\n+++\n"
    );
    assert_eq!(
        book.read("deals/sayt.md"),
        "+++\ntitle = \"Сайт\"\ncompany = \"ooo-severnyy-veter\"\nstage = \"proposal\"\nvalue = 1200\n+++\n"
    );
    assert!(
        book.exists("notes/2026/2026-11-22-sayt.md")
            && book.exists("notes/2026/2026-11-22-olga.md")
    );

    // Nothing shows her: search, lists, show, exports, the agenda, from the index and
    // from the files alike.
    for no_index in [false, true] {
        let rolo = |args: &[&str]| {
            let mut cmd = book.command(args);
            if no_index {
                cmd.env("ROLO_NO_INDEX", "1");
            }
            run(cmd)
        };
        for query in ["Анна", "anna@severveter.ru", "phone:7015550101", "tag:vip", "бюджет"]
        {
            let found = rolo(&["search", query]);
            assert_eq!(found.code, 1, "search {query}: {found}");
        }
        for args in [
            vec!["contact", "list", "--json"],
            vec!["note", "list", "--json"],
            vec!["task", "list", "--json"],
            vec!["deal", "list", "--json"],
            vec!["company", "list", "--json"],
            vec!["show", "ivan-petrov", "--json"],
            vec!["show", "sayt", "--json"],
            vec!["show", "ooo-severnyy-veter", "--json"],
            vec!["agenda", "--days", "400", "--json"],
            vec!["export", "json"],
            vec!["export", "csv"],
            vec!["export", "vcard"],
            vec!["export", "ics"],
            vec!["report", "activity"],
        ] {
            let out = rolo(&args);
            assert_eq!(out.code, 0, "{args:?}: {out}");
            no_trace(&format!("{args:?} (no index: {no_index})"), &out.stdout);
        }
        assert_eq!(rolo(&["show", "anna-petrova"]).code, 2);
    }
    // Nor any file of the book, nor rolo's caches under .rolo/.
    let grep = std::process::Command::new("grep")
        .args([
            "-r",
            "-l",
            "-a",
            "-e",
            "Анна",
            "-e",
            "anna-petrova",
            "-e",
            "anna@severveter",
            "-e",
            "555 0101",
        ])
        .arg(book.root())
        .arg("--exclude-dir=.git")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&grep.stdout), "", "files that still name her");

    // How to take her out of git's history too.
    assert!(
        forgot.stderr.contains(
            "git filter-repo --invert-paths --path contacts/anna-petrova.md \
             --path notes/2026/2026-11-20-anna-petrova.md --path tasks/pozvonit-anne.md \
             --path notes/2026/2026-11-21-anna-petrova.md"
        ),
        "{forgot}"
    );
    assert!(forgot.stderr.contains("older versions of other files"), "{forgot}");
    assert!(forgot.stderr.contains("'Анна Петрова==>[removed]'"), "{forgot}");
    assert!(forgot.stderr.contains("Remotes and other clones keep copies"), "{forgot}");
    assert!(forgot.stdout.contains("remove   contacts/anna-petrova.md\n"), "{forgot}");
}

#[test]
fn history_paths_are_from_the_top_of_the_repository() {
    // A book in a folder of a larger repository: filter-repo paths start at its top.
    let book = TestBook::bare();
    let top = book.root().parent().unwrap().to_path_buf();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(&top)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q"]);
    book.rolo(["init"]).ok();
    book.rolo(["contact", "add", "Jürgen Größer", "--email", "j@example.de"]).ok();
    book.rolo(["note", "add", "jurgen", "Termin am Freitag"]).ok();
    let run = book.rolo(["forget", "jurgen-grosser"]);
    assert!(
        run.stderr.contains(
            "git filter-repo --invert-paths --path book/contacts/jurgen-grosser.md \
             --path book/notes/2026/2026-11-23-jurgen-grosser.md"
        ),
        "{run}"
    );
    // Each path names a file git's history holds, as filter-repo will look for it.
    for path in ["book/contacts/jurgen-grosser.md", "book/notes/2026/2026-11-23-jurgen-grosser.md"]
    {
        assert!(!git(&["log", "--all", "--format=%h", "--", path]).is_empty(), "{path}");
    }
    assert!(run.stderr.contains("'Jürgen Größer==>[removed]' 'j@example.de==>[removed]'"), "{run}");
}

#[test]
fn mentions_in_text_are_pointed_out() {
    let book = book();
    book.write(
        "companies/ooo-severnyy-veter.md",
        "+++\nname = \"ООО «Северный ветер»\"\n+++\nКонтакт: Анна Петрова, anna@severveter.ru.\n",
    );
    commit_all(&book, "mention");
    let run = book.rolo(["forget", "anna-petrova"]);
    assert!(run.ok().contains("mention  companies/ooo-severnyy-veter.md\n"), "{run}");
    assert!(run.stderr.contains("still hold their name, an email or a phone"), "{run}");
    assert!(
        book.read("companies/ooo-severnyy-veter.md").contains("Анна Петрова"),
        "text is the person's to edit"
    );
}

#[test]
fn forget_takes_a_contact_only() {
    let book = book();
    let run = book.rolo(["forget", "deal/sayt"]);
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(book.rolo(["forget", "nobody"]).code, 2);
    assert_eq!(book.log().len(), 2);
}

#[test]
fn the_access_export_holds_every_record_about_her_and_nothing_else() {
    let book = book();
    let run = book.rolo(["export", "json", "--about", "anna-petrova"]);
    let about: Json = serde_json::from_str(run.ok()).unwrap();
    let expected: BTreeSet<String> = [
        "contact/anna-petrova",
        "contact/ivan-petrov",
        "deal/sayt",
        "note/2026-11-20-anna-petrova",
        "note/2026-11-21-anna-petrova",
        "task/pozvonit-anne",
        "task/shared",
    ]
    .map(String::from)
    .into();
    assert_eq!(refs(&about), expected);
    assert_eq!(about[0]["id"], "anna-petrova", "her own record first");
    // The same objects as the full export's: same shape, every key.
    let all: Json = serde_json::from_str(book.rolo(["export", "json"]).ok()).unwrap();
    for record in about.as_array().unwrap() {
        let same = all
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == record["id"] && r["type"] == record["type"])
            .unwrap();
        assert_eq!(record, same);
    }
    // NDJSON and a file, as every export.
    let ndjson =
        book.rolo(["export", "json", "--about", "Анна Петрова", "--ndjson"]).ok().to_string();
    assert_eq!(ndjson.lines().count(), expected.len());
    let file = book.root().parent().unwrap().join("anna.json");
    let run = book.rolo(["export", "json", "--about", "anna", "-o", file.to_str().unwrap()]);
    assert!(run.stderr.contains("Exported 7 records to"), "{run}");
    assert_eq!(
        refs(&serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap()),
        expected
    );
    // Someone nothing links to: only their record.
    let olga: Json =
        serde_json::from_str(book.rolo(["export", "json", "--about", "olga"]).ok()).unwrap();
    assert_eq!(refs(&olga), ["contact/olga".to_string(), "note/2026-11-22-olga".into()].into());
    assert_eq!(book.rolo(["export", "json", "--about", "deal/sayt"]).code, 2);
}
