//! `set`, `unset` and `edit`: format-preserving edits of hand-written files, typed
//! values, refusals that leave the file alone, and one commit per change
//! (unknown keys are kept, only touched keys change).

use crate::fixtures::{add, commit_all, front_of, s, script, status, strs, tv};
use crate::support::{TestBook, run};

const PATH: &str = "contacts/aygul-seyitqyzy.md";

/// A contact as a person writes it: comments, odd spacing, an unknown key, an inline
/// table, a literal string, keys in no particular order, and a Markdown body.
const HAND: &str = "+++
# Клиент с конференции в Алматы
name   = \"Айгүл Сейітқызы\"   # как в паспорте
stage = \"lead\"    # пока присматривается
emails = [ \"aygul@example.kz\",  \"a.s@example.kz\" ]
tags = [\"vip\"]
x_custom = { nested = true, n = 1 }
zeta = 'literal string'
alpha = 1

[fields]
industry = \"furniture\" # мебель
+++
# Айгүл

- Любит *чай*.
- Звонить после 15:00.
";

/// A book holding the hand-written contact, committed.
fn book() -> TestBook {
    let book = TestBook::new();
    book.write(PATH, HAND);
    commit_all(&book, "hand-written");
    book
}

#[track_caller]
fn unchanged(book: &TestBook, commits: usize) {
    assert_eq!(book.read(PATH), HAND, "the file must be byte-identical");
    assert_eq!(book.log().len(), commits, "no new commit: {:?}", book.log());
}

#[test]
fn set_changes_only_the_value() {
    let book = book();
    book.rolo(["set", "aygul-seyitqyzy", "stage=customer"]).ok();
    let expected = HAND.replace("stage = \"lead\"    #", "stage = \"customer\"    #");
    assert_eq!(book.read(PATH), expected);
}

#[test]
fn set_commits_once_with_a_message() {
    let book = book();
    let before = book.log().len();
    book.rolo(["set", "aygul", "stage=customer"]).ok();
    let log = book.log();
    assert_eq!(log.len(), before + 1);
    assert_eq!(log[0], "contact: set stage on Айгүл Сейітқызы");
    assert_eq!(status(&book), "");
}

#[test]
fn set_a_new_key_adds_one_line() {
    let book = book();
    book.rolo(["set", "aygul", "city=Алматы"]).ok();
    let expected = HAND.replace("alpha = 1\n", "alpha = 1\ncity = \"Алматы\"\n");
    assert_eq!(book.read(PATH), expected, "a new key goes after the last top-level key");
}

#[test]
fn set_several_keys_at_once() {
    let book = book();
    book.rolo(["set", "aygul", "stage=customer", "city=Алматы", "source=conference"]).ok();
    let f = front_of(&book, PATH);
    assert_eq!(f["stage"], s("customer"));
    assert_eq!(f["city"], s("Алматы"));
    assert_eq!(f["source"], s("conference"));
    assert_eq!(book.log()[0], "contact: set stage, city, source on Айгүл Сейітқызы");
    assert_eq!(book.log().len(), 3, "one commit for all of them");
}

#[test]
fn add_to_a_list() {
    let book = book();
    book.rolo(["set", "aygul", "tags+=b2b"]).ok();
    assert_eq!(book.read(PATH), HAND.replace("tags = [\"vip\"]", "tags = [\"vip\", \"b2b\"]"));
    // Adding what is there already changes nothing.
    let run = book.rolo(["set", "aygul", "tags+=vip"]);
    assert!(run.ok().is_empty() && run.stderr.contains("Nothing changed."), "{run}");
}

#[test]
fn add_to_a_list_that_does_not_exist_yet() {
    let book = book();
    book.rolo(["set", "aygul", "phones+=+7 701 555 0101"]).ok();
    assert_eq!(front_of(&book, PATH)["phones"], strs(&["+7 701 555 0101"]));
}

#[test]
fn remove_from_a_list() {
    let book = book();
    book.rolo(["set", "aygul", "emails-=a.s@example.kz"]).ok();
    assert_eq!(front_of(&book, PATH)["emails"], strs(&["aygul@example.kz"]));
    book.rolo(["set", "aygul", "tags-=vip"]).ok();
    assert_eq!(book.read(PATH).lines().nth(5), Some("tags = []"));
    let others: Vec<&str> =
        HAND.lines().filter(|l| !l.starts_with("tags") && !l.starts_with("emails")).collect();
    let now = book.read(PATH);
    let now: Vec<&str> =
        now.lines().filter(|l| !l.starts_with("tags") && !l.starts_with("emails")).collect();
    assert_eq!(now, others, "every other line is as written");
}

#[test]
fn removing_the_first_list_item_keeps_the_list_tidy() {
    let book = book();
    book.rolo(["set", "aygul", "tags+=b2b"]).ok();
    book.rolo(["set", "aygul", "tags-=vip"]).ok();
    assert_eq!(book.read(PATH), HAND.replace("tags = [\"vip\"]", "tags = [\"b2b\"]"));
}

#[test]
fn set_a_custom_field_keeps_its_comment() {
    let book = book();
    book.rolo(["set", "aygul", "fields.industry=retail"]).ok();
    assert_eq!(
        book.read(PATH),
        HAND.replace("industry = \"furniture\" # мебель", "industry = \"retail\" # мебель")
    );
    book.rolo(["set", "aygul", "fields.employees=12"]).ok();
    assert_eq!(front_of(&book, PATH)["fields"]["employees"], tv("12"));
    assert_eq!(front_of(&book, PATH)["fields"]["industry"], s("retail"));
}

#[test]
fn set_inside_an_inline_table() {
    let book = book();
    book.rolo(["set", "aygul", "x_custom.n=2"]).ok();
    assert_eq!(book.read(PATH), HAND.replace("n = 1 }", "n = 2 }"));
}

#[test]
fn birthday_values_are_typed() {
    let book = book();
    book.rolo(["set", "aygul", "birthday=04-12"]).ok();
    assert_eq!(front_of(&book, PATH)["birthday"], s("04-12"));
    book.rolo(["set", "aygul", "birthday=1990-04-12"]).ok();
    assert_eq!(front_of(&book, PATH)["birthday"], tv("1990-04-12"));
    assert!(book.read(PATH).contains("\nbirthday = 1990-04-12\n"));
    let run = book.rolo(["set", "aygul", "birthday=31-31"]);
    assert_eq!(run.code, 2, "{run}");
}

/// A deal written by rolo: its id and its file.
fn deal(book: &TestBook) -> (String, String) {
    let id = add(book, &["deal", "add", "Интернет-магазин мебели", "--value", "1000"]);
    let rel = format!("deals/{id}.md");
    (id, rel)
}

#[test]
fn deal_values_are_typed() {
    let book = TestBook::new();
    let (id, rel) = deal(&book);
    book.rolo(["set", &id, "value=12000", "probability=0.3", "close=2026-12-31"]).ok();
    let f = front_of(&book, &rel);
    assert_eq!(f["value"], tv("12000"), "a number, not a string");
    assert_eq!(f["probability"], tv("0.3"));
    assert_eq!(f["close"], tv("2026-12-31"), "a TOML date");
    book.rolo(["set", &id, "value=12 500.50", "close=friday"]).ok();
    let f = front_of(&book, &rel);
    assert_eq!(f["value"], tv("12500.5"));
    assert_eq!(f["close"], tv("2026-11-27"));
}

#[test]
fn bad_values_are_refused_and_the_file_is_unchanged() {
    let book = TestBook::new();
    let (id, rel) = deal(&book);
    let before = book.read(&rel);
    let commits = book.log().len();
    for assignment in
        ["value=abc", "probability=1.5", "probability=much", "close=someday", "stage=maybe"]
    {
        let run = book.rolo(["set", &id, assignment]);
        assert_eq!(run.code, 2, "{assignment}:\n{run}");
        assert_eq!(run.stdout, "");
        assert!(run.stderr.starts_with("error:"), "{run}");
        assert_eq!(book.read(&rel), before, "{assignment} changed the file");
    }
    // One bad assignment among good ones: nothing is written.
    let run = book.rolo(["set", &id, "currency=KZT", "value=abc"]);
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(book.read(&rel), before);
    assert_eq!(book.log().len(), commits);
}

#[test]
fn reserved_and_malformed_keys_are_refused() {
    let book = book();
    for args in [
        vec!["set", "aygul", "id=other"],
        vec!["set", "aygul", "path=/etc/passwd"],
        vec!["set", "aygul", "no-equals-sign"],
        vec!["set", "aygul", "bad key=1"],
        vec!["set", "aygul", "a..b=1"],
        vec!["set", "aygul"],
    ] {
        let run = book.rolo(&args);
        assert_eq!(run.code, 2, "{args:?}:\n{run}");
    }
    unchanged(&book, 2);
}

#[test]
fn setting_the_same_value_changes_nothing() {
    let book = book();
    let run = book.rolo(["set", "aygul", "stage=lead"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("Nothing changed."), "{run}");
    unchanged(&book, 2);
}

#[test]
fn unset_removes_only_that_key() {
    let book = book();
    book.rolo(["unset", "aygul", "zeta"]).ok();
    assert_eq!(book.read(PATH), HAND.replace("zeta = 'literal string'\n", ""));
    assert_eq!(book.log()[0], "contact: unset zeta on Айгүл Сейітқызы");
    book.rolo(["unset", "aygul", "fields.industry"]).ok();
    let f = front_of(&book, PATH);
    assert!(f.get("fields").and_then(|t| t.get("industry")).is_none(), "{f:?}");
    assert_eq!(f["name"], s("Айгүл Сейітқызы"));
    assert!(book.read(PATH).ends_with("+++\n# Айгүл\n\n- Любит *чай*.\n- Звонить после 15:00.\n"));
    assert_eq!(status(&book), "");
}

#[test]
fn unset_a_missing_key_changes_nothing() {
    let book = book();
    let run = book.rolo(["unset", "aygul", "no_such_key"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("no_such_key"), "a warning names the key: {run}");
    assert!(run.stderr.contains("Nothing changed."), "{run}");
    unchanged(&book, 2);
}

#[test]
fn set_on_an_unknown_record_is_a_usage_error() {
    let book = book();
    let run = book.rolo(["set", "nobody", "stage=customer"]);
    assert_eq!(run.code, 2, "{run}");
    unchanged(&book, 2);
}

// ---- rolo edit -------------------------------------------------------------------

/// `rolo edit REF` with `$EDITOR` set to a script.
fn edit(book: &TestBook, editor: &std::path::Path) -> crate::support::Run {
    let mut cmd = book.command(["edit", "aygul"]);
    cmd.env("EDITOR", editor);
    run(cmd)
}

#[test]
fn edit_saves_and_commits() {
    let book = book();
    let editor = script(&book, "ed.sh", "sed -i 's/lead/customer/' \"$1\"");
    let run = edit(&book, &editor);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(book.read(PATH), HAND.replace("\"lead\"", "\"customer\""));
    assert_eq!(book.log()[0], "contact: edit Айгүл Сейітқызы");
    assert_eq!(book.log().len(), 3);
    assert_eq!(status(&book), "");
}

#[test]
fn edit_may_change_the_body() {
    let book = book();
    let editor = script(&book, "ed.sh", "printf -- '- Новый пункт.\\n' >> \"$1\"");
    edit(&book, &editor).ok();
    assert_eq!(book.read(PATH), format!("{HAND}- Новый пункт.\n"));
}

#[test]
fn visual_wins_over_editor() {
    let book = book();
    let visual = script(&book, "visual.sh", "sed -i 's/lead/former/' \"$1\"");
    let mut cmd = book.command(["edit", "aygul"]);
    cmd.env("EDITOR", "false").env("VISUAL", &visual);
    run(cmd).ok();
    assert_eq!(front_of(&book, PATH)["stage"], s("former"));
}

#[test]
fn edit_that_breaks_the_toml_is_refused() {
    let book = book();
    // Line 9 of the file is `alpha = 1`; the second `=` is in column 9.
    let editor = script(&book, "ed.sh", "sed -i 's/^alpha = 1$/alpha = = 1/' \"$1\"");
    let run = edit(&book, &editor);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.lines().any(|l| l.starts_with("contacts/aygul-seyitqyzy.md:9:9: ")),
        "path:line:col of the problem:\n{run}"
    );
    unchanged(&book, 2);
}

#[test]
fn edit_that_leaves_an_array_open_is_refused() {
    let book = book();
    let editor = script(&book, "ed.sh", "sed -i 's/^alpha = 1$/alpha = 1\\nbroken = [/' \"$1\"");
    let run = edit(&book, &editor);
    assert_eq!(run.code, 1, "{run}");
    let diag = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("contacts/aygul-seyitqyzy.md:"))
        .unwrap_or_else(|| panic!("no diagnostic:\n{run}"));
    let mut parts = diag.splitn(3, ':');
    let line: usize = parts.next().unwrap().parse().expect("a line number");
    let col: usize = parts.next().unwrap().parse().expect("a column number");
    assert!((10..=17).contains(&line) && col >= 1, "{diag}");
    unchanged(&book, 2);
}

#[test]
fn edit_that_removes_the_closing_delimiter_is_refused() {
    let book = book();
    let editor = script(&book, "ed.sh", "sed -i '13d' \"$1\"");
    let run = edit(&book, &editor);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("contacts/aygul-seyitqyzy.md:"), "{run}");
    unchanged(&book, 2);
}

#[test]
fn edit_offers_to_re_edit_and_saves_the_fixed_version() {
    let book = book();
    // First run breaks the file, the second (after "y") fixes it and changes the stage.
    let state = crate::fixtures::sandbox(&book).join("edited-once");
    let editor = script(
        &book,
        "ed.sh",
        &format!(
            "if [ -e '{0}' ]; then sed -i 's/^alpha = = 1$/alpha = 2/; s/lead/customer/' \"$1\"; \
             else touch '{0}'; sed -i 's/^alpha = 1$/alpha = = 1/' \"$1\"; fi",
            state.display()
        ),
    );
    let mut cmd = book.command(["edit", "aygul"]);
    cmd.env("EDITOR", &editor);
    let run = crate::fixtures::run_with_stdin(cmd, "y\n");
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        book.read(PATH),
        HAND.replace("alpha = 1", "alpha = 2").replace("\"lead\"", "\"customer\"")
    );
    assert_eq!(book.log()[0], "contact: edit Айгүл Сейітқызы");
}

#[test]
fn edit_without_a_change_says_so() {
    let book = book();
    let editor = script(&book, "ed.sh", "true");
    let run = edit(&book, &editor);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("Nothing changed."), "{run}");
    unchanged(&book, 2);
}

#[test]
fn failing_editor_saves_nothing() {
    let book = book();
    let editor = script(&book, "ed.sh", "sed -i 's/lead/customer/' \"$1\"\nexit 3");
    let run = edit(&book, &editor);
    assert_eq!(run.code, 1, "{run}");
    unchanged(&book, 2);
}

#[test]
fn edit_of_an_unknown_record_is_a_usage_error() {
    let book = book();
    let editor = script(&book, "ed.sh", "echo touched > \"$1\"");
    let mut cmd = book.command(["edit", "nobody"]);
    cmd.env("EDITOR", &editor);
    assert_eq!(run(cmd).code, 2);
    unchanged(&book, 2);
}

#[test]
fn crlf_files_keep_their_line_endings() {
    let book = TestBook::new();
    let text = "+++\r\nname = \"Jürgen Größer\"\r\nstage = \"lead\"\r\n\r\n[fields]\r\nindustry = \"travel\"\r\n+++\r\nNotizen.\r\n";
    book.write("contacts/jurgen-grosser.md", text);
    book.rolo(["set", "jurgen", "stage=customer"]).ok();
    assert_eq!(book.read("contacts/jurgen-grosser.md"), text.replace("\"lead\"", "\"customer\""));
}

#[test]
fn set_stage_on_a_deal_appends_history() {
    let book = TestBook::new();
    let (id, rel) = deal(&book);
    let mut cmd = book.command(["set", &id, "stage=proposal"]);
    cmd.env("ROLO_NOW", "2026-11-25T12:00:00+05:00");
    run(cmd).ok();
    let f = front_of(&book, &rel);
    assert_eq!(f["stage"], s("proposal"));
    let history = f["history"].as_array().expect("[[history]]");
    let stages: Vec<&str> = history.iter().map(|h| h["stage"].as_str().unwrap()).collect();
    assert_eq!(stages, ["lead", "proposal"], "appended on every stage change");
}

/// A refused edit is kept and resumed by the next `rolo edit`, unless the file changed
/// meanwhile, in which case it is set aside rather than lost or applied over the change.
#[test]
fn a_refused_edit_is_resumed_or_set_aside_never_lost() {
    let book = TestBook::new();
    let edit = |book: &TestBook, editor: &std::path::Path| {
        let mut cmd = book.command(["edit", "x"]);
        cmd.env("EDITOR", editor);
        run(cmd)
    };
    book.write("contacts/x.md", "+++\nname = \"X\"\nstage = \"lead\"\n+++\n");
    let breaker = script(&book, "breaker", "sed -i '1a broken = [' \"$1\"\n");
    let refused = edit(&book, &breaker);
    assert_eq!(refused.code, 1, "{refused}");
    // The next edit starts from the kept text; this editor repairs it.
    let fixer = script(&book, "fixer", "sed -i 's/^broken = \\[$/broken = []/' \"$1\"\n");
    let resumed = edit(&book, &fixer);
    assert_eq!(resumed.code, 0, "{resumed}");
    assert!(resumed.stderr.contains("Resuming your unsaved edit"), "{resumed}");
    assert!(book.read("contacts/x.md").contains("broken = []"));
    // Refused again, then the file changes by hand: the kept edit is set aside.
    assert_eq!(edit(&book, &breaker).code, 1);
    book.write("contacts/x.md", "+++\nname = \"X\"\nstage = \"customer\"\n+++\n");
    let noop = script(&book, "noop", "true\n");
    let fresh = edit(&book, &noop);
    assert!(fresh.stderr.contains("changed since an earlier unsaved edit"), "{fresh}");
    assert!(book.read("contacts/x.md").contains("customer"));
    assert!(book.path(".rolo/edit/contact-x.md.old").exists());
}
