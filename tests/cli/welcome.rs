//! `rolo` alone: in a book, its counts and today's, then the commands to go on with;
//! outside a book, the usage and how to make one. And the examples in every help.

use crate::support::TestBook;

#[test]
fn in_a_book_it_says_what_is_there_and_what_now() {
    let b = TestBook::new();
    let empty = b.rolo::<[&str; 0], &str>([]);
    let text = empty.ok();
    assert!(text.starts_with("Book "), "{empty}");
    assert!(text.contains("empty so far"), "{empty}");
    assert!(text.contains("Today: nothing needs attention."), "{empty}");
    assert!(text.contains("rolo today"), "{empty}");

    b.rolo(["company", "add", "ТОО «Алтын Мебель»"]).ok();
    b.rolo(["contact", "add", "Анна Петрова", "--company", "too-altyn"]).ok();
    b.rolo(["contact", "add", "王小明"]).ok();
    b.rolo(["task", "add", "Позвонить Анне", "--due", "2026-11-20", "--about", "anna"]).ok();
    b.rolo(["task", "add", "Отправить смету", "--due", "today"]).ok();
    b.rolo(["note", "add", "anna", "Обсудили сроки", "--kind", "call"]).ok();
    let run = b.rolo::<[&str; 0], &str>([]);
    let first = run.ok().lines().next().unwrap();
    assert!(first.ends_with(": 2 contacts, 1 company, 0 deals, 1 note, 2 tasks"), "{run}");
    assert!(run.stdout.contains("Today: 1 overdue, 1 due today."), "{run}");

    // The same from the files alone, and as JSON.
    let files = b.command::<[&str; 0], &str>([]).env("ROLO_NO_INDEX", "1").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&files.stdout), run.stdout);
    let json = b.rolo(["--json"]).json();
    assert_eq!(json["records"]["contact"], 2);
    assert_eq!(json["records"]["task"], 2);
    assert_eq!(json["today"]["overdue"], 1);
    assert_eq!(json["today"]["due"], 1);
}

#[test]
fn outside_a_book_it_shows_the_usage_and_how_to_start() {
    let b = TestBook::bare();
    let run = b.rolo::<[&str; 0], &str>([]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stdout.contains("Usage: rolo"), "{run}");
    assert!(run.stdout.contains("rolo init ~/crm"), "{run}");
}

#[test]
fn help_shows_examples() {
    let b = TestBook::bare();
    for (args, example) in [
        (&["task", "add", "--help"][..], "rolo task add \"Позвонить Анне\" --due friday"),
        (&["search", "-h"][..], "rolo search Петровой"),
        (&["sync", "--help"][..], "rolo sync --continue"),
    ] {
        let run = b.rolo(args);
        let help = run.ok();
        assert!(help.contains("Examples:"), "{run}");
        assert!(help.contains(example), "{run}");
    }
}

#[test]
fn a_broken_file_is_named_once_and_the_rest_is_counted() {
    let b = TestBook::new();
    b.rolo(["contact", "add", "Анна Петрова"]).ok();
    b.write("contacts/broken.md", "+++\nname = \"Сломан\n+++\n");
    let run = b.rolo(["--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.json()["records"]["contact"], 1, "{run}");
    assert_eq!(run.stderr.matches("contacts/broken.md:2:").count(), 1, "{run}");
}
