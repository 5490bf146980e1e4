//! Bad files reported as `path:line:col`, the rest of the book still usable; atomic
//! writes; one commit per change; books without autocommit or without git; many
//! processes adding at once (docs/format.md: "Record files", "rolo.toml").

use std::collections::BTreeSet;
use std::time::SystemTime;

use crate::fixtures::{add, commit_all, files, list_ids, status};
use crate::support::TestBook;

/// Two good contacts, committed.
fn book() -> TestBook {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Анна Петрова"]);
    add(&book, &["contact", "add", "王小明"]);
    book
}

#[track_caller]
fn assert_diagnostic(stderr: &str, prefix: &str) {
    assert!(
        stderr.lines().any(|l| l.starts_with(prefix) && l.len() > prefix.len()),
        "expected a line starting with {prefix:?} and a message:\n{stderr}"
    );
}

#[test]
fn a_bad_value_is_reported_at_its_line_and_column() {
    let book = book();
    book.write(
        "contacts/bad.md",
        "+++\nname = \"Плохой Файл\"\nbirthday = 1988-13-12\n+++\nТекст.\n",
    );
    let run = book.rolo(["contact", "list", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_diagnostic(&run.stderr, "contacts/bad.md:3:12: ");
    let listed = crate::fixtures::ids(&serde_json::from_str(&run.stdout).unwrap());
    assert_eq!(listed, ["anna-petrova", "wang-xiao-ming"]);
}

#[test]
fn lines_count_from_the_first_delimiter_with_a_body_after() {
    let book = book();
    // Line 6, column 9: the bare word after `stage = `.
    let text = "+++\n# комментарий\nname = \"Айгүл\"\n\ntags = [\"vip\"]\nstage = lead\n+++\n# Заголовок\n\nТекст.\n";
    book.write("contacts/aygul.md", text);
    let run = book.rolo(["contact", "list"]);
    assert_eq!(run.code, 0, "{run}");
    assert_diagnostic(&run.stderr, "contacts/aygul.md:6:9: ");
    assert!(run.stdout.contains("anna-petrova"), "{run}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let book = book();
    let text = "+++\nname = \"Анна\"\ncity = \"Алматы\" ошибка\n+++\n";
    book.write("contacts/cyr.md", text);
    let run = book.rolo(["contact", "list"]);
    assert_eq!(run.code, 0, "{run}");
    // `city = "Алматы" ` is 16 characters (but 22 bytes): the problem is in column 17.
    assert_diagnostic(&run.stderr, "contacts/cyr.md:3:17: ");
}

#[test]
fn a_file_without_front_matter() {
    let book = book();
    book.write("contacts/plain.md", "Просто заметка без front matter.\n");
    let run = book.rolo(["contact", "list", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_diagnostic(&run.stderr, "contacts/plain.md:1:");
    assert_eq!(crate::fixtures::ids(&serde_json::from_str(&run.stdout).unwrap()).len(), 2);
}

#[test]
fn a_front_matter_that_is_never_closed() {
    let book = book();
    book.write("contacts/open.md", "+++\nname = \"Открытый\"\ntags = [\"x\"]\n");
    let run = book.rolo(["contact", "list", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_diagnostic(&run.stderr, "contacts/open.md:");
    assert_eq!(crate::fixtures::ids(&serde_json::from_str(&run.stdout).unwrap()).len(), 2);
}

#[test]
fn a_file_that_is_not_utf8() {
    let book = book();
    std::fs::write(book.path("contacts/latin1.md"), b"+++\nname = \"J\xfcrgen\"\n+++\n").unwrap();
    let run = book.rolo(["contact", "list", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_diagnostic(&run.stderr, "contacts/latin1.md:2:");
}

#[test]
fn other_commands_keep_working_beside_a_bad_file() {
    let book = book();
    book.write("contacts/bad.md", "+++\nname = \"Плохой\"\nbirthday = 1988-13-12\n+++\n");
    commit_all(&book, "a bad file");
    let run = book.rolo(["show", "anna-petrova", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(add(&book, &["contact", "add", "Jürgen Größer"]), "jurgen-grosser");
    book.rolo(["set", "anna-petrova", "stage=customer"]).ok();
    book.rolo(["note", "add", "anna-petrova", "Созвонились", "--kind", "call"]).ok();
    assert_eq!(
        book.read("contacts/bad.md"),
        "+++\nname = \"Плохой\"\nbirthday = 1988-13-12\n+++\n"
    );
}

#[test]
fn commands_on_the_bad_file_itself_fail_and_leave_it_alone() {
    let book = book();
    let text = "+++\nname = \"Плохой\"\nbirthday = 1988-13-12\n+++\n";
    book.write("contacts/bad.md", text);
    let run = book.rolo(["set", "bad", "stage=customer"]);
    assert_eq!(run.code, 1, "{run}");
    assert_diagnostic(&run.stderr, "contacts/bad.md:3:12: ");
    assert_eq!(book.read("contacts/bad.md"), text);
    let run = book.rolo(["show", "bad"]);
    assert_ne!(run.code, 0, "{run}");
    assert_diagnostic(&run.stderr, "contacts/bad.md:3:12: ");
}

#[test]
fn temporary_and_hidden_files_are_not_records() {
    let book = book();
    book.write("contacts/.anna-petrova.md.123.0.tmp", "+++\nname = \"tmp\"\n+++\n");
    book.write("contacts/.hidden.md", "+++\nname = \"hidden\"\n+++\n");
    book.write("contacts/README.txt", "not a record\n");
    let run = book.rolo(["contact", "list", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stderr, "");
    assert_eq!(crate::fixtures::ids(&run.json()), ["anna-petrova", "wang-xiao-ming"]);
}

#[test]
fn no_temporary_files_are_left_behind() {
    let book = book();
    add(&book, &["company", "add", "ТОО «Алтын Мебель»"]);
    for i in 0..5 {
        add(&book, &["contact", "add", "Айгүл Сейітқызы", "--company", "too-altyn-mebel"]);
        add(&book, &["note", "add", "anna-petrova", &format!("Звонок {i}"), "--kind", "call"]);
        add(&book, &["task", "add", &format!("Задача {i}"), "--due", "+3d"]);
        add(&book, &["deal", "add", &format!("Сделка {i}"), "--value", "100"]);
        book.rolo(["set", "anna-petrova", &format!("fields.n={i}"), "tags+=vip"]).ok();
        book.rolo(["unset", "wang-xiao-ming", "owner"]).ok();
    }
    book.rolo(["rename", "aygul-seyitqyzy-2", "aygul-2"]).ok();
    book.rolo(["rm", "aygul-seyitqyzy-3"]).ok();
    let leftovers: Vec<String> = files(&book.root())
        .into_iter()
        .filter(|f| !f.starts_with(".rolo/"))
        .filter(|f| {
            let name = f.rsplit('/').next().unwrap();
            name.ends_with(".tmp")
                || (name.starts_with('.') && name != ".gitignore" && name != ".gitattributes")
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    // And nothing stray in git's directory either (private indexes).
    let git: Vec<String> = std::fs::read_dir(book.path(".git"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("rolo-index") || n.ends_with(".lock"))
        .collect();
    assert!(git.is_empty(), "left in .git: {git:?}");
    assert_eq!(status(&book), "");
}

#[test]
fn every_change_is_exactly_one_commit() {
    let book = TestBook::new();
    let steps: Vec<(Vec<&str>, &str, Vec<&str>)> = vec![
        (
            vec!["contact", "add", "Анна Петрова"],
            "contact: add Анна Петрова",
            vec!["contacts/anna-petrova.md"],
        ),
        (
            vec!["company", "add", "ООО «Северный ветер»"],
            "company: add ООО «Северный ветер»",
            vec!["companies/ooo-severnyy-veter.md"],
        ),
        (
            vec!["deal", "add", "Редизайн сайта", "--contact", "anna-petrova", "--value", "300000"],
            "deal: add Редизайн сайта",
            vec!["deals/redizayn-sayta.md"],
        ),
        (
            vec!["note", "add", "anna-petrova", "Обсудили бюджет", "--kind", "call"],
            "note: add call with Анна Петрова",
            vec!["notes/2026/2026-11-23-anna-petrova.md"],
        ),
        (
            vec!["task", "add", "Позвонить Анне", "--due", "friday"],
            "task: add Позвонить Анне",
            vec!["tasks/pozvonit-anne.md"],
        ),
        (
            vec!["set", "anna-petrova", "stage=customer"],
            "contact: set stage on Анна Петрова",
            vec!["contacts/anna-petrova.md"],
        ),
        (
            vec!["unset", "anna-petrova", "stage"],
            "contact: unset stage on Анна Петрова",
            vec!["contacts/anna-petrova.md"],
        ),
        (
            vec!["rm", "pozvonit-anne"],
            "task: remove Позвонить Анне",
            vec!["tasks/pozvonit-anne.md"],
        ),
    ];
    for (args, message, paths) in steps {
        let before = book.log().len();
        book.rolo(&args).ok();
        let log = book.log();
        assert_eq!(log.len(), before + 1, "{args:?}: {log:?}");
        assert_eq!(log[0], message, "{args:?}");
        let changed = book.git(&["show", "--name-only", "--format=", "HEAD"]);
        let changed: Vec<&str> = changed.lines().collect();
        assert_eq!(changed, paths, "{args:?} commits only its file");
        assert_eq!(status(&book), "", "{args:?} leaves the tree clean");
    }
}

#[test]
fn reads_make_no_commits_and_touch_no_files() {
    let book = book();
    add(&book, &["note", "add", "anna-petrova", "Звонок", "--kind", "call"]);
    let stamp = |f: &str| -> (String, SystemTime) {
        (f.to_string(), std::fs::metadata(book.path(f)).unwrap().modified().unwrap())
    };
    let records: Vec<String> =
        files(&book.root()).into_iter().filter(|f| !f.starts_with(".rolo/")).collect();
    let before: Vec<_> = records.iter().map(|f| stamp(f)).collect();
    let commits = book.log().len();
    std::thread::sleep(std::time::Duration::from_millis(20));
    for args in [
        vec!["contact", "list"],
        vec!["contact", "list", "--json", "--sort", "last-contact"],
        vec!["note", "list"],
        vec!["task", "list", "--overdue"],
        vec!["show", "anna-petrova"],
        vec!["show", "anna-petrova", "--json"],
    ] {
        book.rolo(&args).ok();
    }
    let after: Vec<_> = records.iter().map(|f| stamp(f)).collect();
    assert_eq!(after, before);
    assert_eq!(book.log().len(), commits);
    assert_eq!(status(&book), "");
}

#[test]
fn autocommit_off_makes_no_commits() {
    let book = TestBook::new();
    let config = book.read("rolo.toml");
    assert!(config.contains("autocommit = true"));
    book.write("rolo.toml", &config.replace("autocommit = true", "autocommit = false"));
    commit_all(&book, "autocommit off");
    add(&book, &["contact", "add", "Анна Петрова"]);
    book.rolo(["set", "anna-petrova", "stage=customer"]).ok();
    add(&book, &["note", "add", "anna-petrova", "Звонок"]);
    book.rolo(["rename", "anna-petrova", "anna"]).ok();
    assert_eq!(book.log(), ["autocommit off", "rolo: create the book"]);
    assert!(book.exists("contacts/anna.md"));
    let untracked = status(&book);
    assert!(untracked.contains("contacts/"), "the changes are left for the user: {untracked}");
}

#[test]
fn a_book_outside_git_works_without_commits() {
    let book = TestBook::new();
    std::fs::remove_dir_all(book.path(".git")).unwrap();
    for args in [
        vec!["contact", "add", "Анна Петрова"],
        vec!["contact", "add", "王小明"],
        vec!["set", "anna-petrova", "stage=customer"],
        vec!["note", "add", "anna-petrova", "Звонок", "--kind", "call"],
        vec!["rename", "wang-xiao-ming", "wang"],
        vec!["rm", "wang"],
    ] {
        let run = book.rolo(&args);
        assert_eq!(run.code, 0, "{args:?}:\n{run}");
        assert!(!run.stderr.contains("not committed"), "{args:?} warns:\n{run}");
        assert!(!run.stderr.contains("git"), "{args:?} mentions git:\n{run}");
    }
    assert!(!book.path(".git").exists(), "no repository is created behind the user's back");
    assert_eq!(list_ids(&book, &["contact", "list"]), ["anna-petrova"]);
}

#[test]
fn twenty_processes_adding_the_same_name() {
    let book = TestBook::new();
    let children: Vec<_> = (0..20)
        .map(|_| {
            let mut cmd = book.command(["contact", "add", "Анна Петрова"]);
            cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
            cmd.spawn().expect("spawn rolo")
        })
        .collect();
    let mut ids = BTreeSet::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{stdout}{stderr}");
        assert_eq!(stderr, "", "no warnings (a failed commit is one)");
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        assert!(ids.insert(stdout.trim().to_string()), "id printed twice: {stdout}");
    }
    let mut expected: BTreeSet<String> = (2..=20).map(|n| format!("anna-petrova-{n}")).collect();
    expected.insert("anna-petrova".into());
    assert_eq!(ids, expected);
    let on_disk: BTreeSet<String> = files(&book.path("contacts")).into_iter().collect();
    let expected_files: BTreeSet<String> = expected.iter().map(|id| format!("{id}.md")).collect();
    assert_eq!(on_disk, expected_files);
    let log = book.log();
    assert_eq!(log.len(), 21, "{log:?}");
    assert!(log[..20].iter().all(|m| m == "contact: add Анна Петрова"), "{log:?}");
    let tracked = book.git(&["ls-files", "contacts"]);
    assert_eq!(tracked.lines().count(), 20, "{tracked}");
    assert_eq!(status(&book), "");
    for id in &expected {
        let f = crate::fixtures::front_of(&book, &format!("contacts/{id}.md"));
        assert_eq!(f["name"].as_str(), Some("Анна Петрова"));
    }
}

#[test]
fn parallel_sets_on_different_records_all_land() {
    let book = TestBook::new();
    let ids: Vec<String> =
        (0..8).map(|i| add(&book, &["contact", "add", &format!("Контакт {i}")])).collect();
    let children: Vec<_> = ids
        .iter()
        .map(|id| {
            let mut cmd = book.command(["set", id, "stage=customer"]);
            cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(book.log().len(), 1 + 8 + 8);
    assert_eq!(status(&book), "");
    for id in &ids {
        let f = crate::fixtures::front_of(&book, &format!("contacts/{id}.md"));
        assert_eq!(f["stage"].as_str(), Some("customer"), "{id}");
    }
}

#[test]
fn rolo_commits_only_its_own_files() {
    let book = TestBook::new();
    book.write("my-notes.txt", "черновик\n");
    book.write("staged.txt", "staged\n");
    book.git(&["add", "staged.txt"]);
    add(&book, &["contact", "add", "Анна Петрова"]);
    let changed = book.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(changed.trim(), "contacts/anna-petrova.md");
    let st = status(&book);
    assert!(st.contains("A  staged.txt"), "the user's staged file stays staged: {st}");
    assert!(st.contains("?? my-notes.txt"), "{st}");
}

#[test]
fn invalid_rolo_now_is_reported() {
    let book = TestBook::new();
    let mut cmd = book.command(["contact", "add", "Анна Петрова"]);
    cmd.env("ROLO_NOW", "next tuesday");
    let run = crate::support::run(cmd);
    assert_ne!(run.code, 0, "{run}");
    assert!(run.stderr.contains("ROLO_NOW"), "{run}");
    assert!(!book.exists("contacts/anna-petrova.md"));
}

/// A file that no longer parses can still be removed, and commands that need it say
/// how to repair it.
#[test]
fn a_broken_file_can_be_removed_or_repaired() {
    let book = TestBook::new();
    book.write("contacts/broken.md", "+++\nname = \"Broken\n+++\n");
    let set = book.rolo(["set", "broken", "stage=lead"]);
    assert_eq!(set.code, 1, "{set}");
    assert!(set.stderr.starts_with("contacts/broken.md:2:"), "{set}");
    assert!(set.stderr.contains("hint: fix the file by hand or with `rolo edit REF`"), "{set}");
    let rm = book.rolo(["rm", "broken"]);
    assert_eq!(rm.code, 0, "{rm}");
    assert!(!book.exists("contacts/broken.md"));
}
