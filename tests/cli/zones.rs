//! Which time zone decides what "today" is: `TZ` when set, else the book's `[defaults]
//! timezone` (from the database compiled into rolo, no zone files needed), else the
//! system's; an unknown name is a warning. And rolo runs once: nothing it starts sees a
//! `TZ` the user did not set.
//!
//! `TZ` values here are POSIX rules (`<-08>8`), so no test needs the machine's zone
//! files; tests without `TZ` pass in any machine zone, and the comments say which
//! zone a result tells apart from.

use std::path::Path;

use serde_json::Value as Json;

use crate::fixtures::{front_of, sandbox, script};
use crate::support::{Run, TestBook, run};

/// A book whose rolo.toml (the template `rolo init` writes) names `zone`, with a task due
/// on the 23rd and one at 15:30 UTC on the 23rd (00:30 on the 24th in Tokyo).
fn book_in(zone: &str) -> TestBook {
    let book = TestBook::new();
    set_zone(&book, Some(zone));
    book.write("tasks/sdat-otchet.md", "+++\ntitle = \"Сдать отчёт\"\ndue = 2026-11-23\n+++\n");
    book.write(
        "tasks/ye-jian-bu-shu.md",
        "+++\ntitle = \"夜间部署\"\ndue = 2026-11-23T15:30:00Z\n+++\n",
    );
    book
}

/// Name `zone` in rolo.toml, or go back to the template's commented-out line.
fn set_zone(book: &TestBook, zone: Option<&str>) {
    const TEMPLATE: &str = "# timezone = \"Asia/Almaty\"";
    let toml = book.read("rolo.toml");
    let line = toml.lines().find(|l| l.contains("timezone = ")).expect("a timezone line");
    let new = zone.map_or_else(|| TEMPLATE.to_string(), |z| format!("timezone = \"{z}\""));
    book.write("rolo.toml", &toml.replace(line, &new));
}

/// `rolo ARGS` at `now` with `TZ` as given (`None`: not set at all).
fn at(book: &TestBook, tz: Option<&str>, now: &str, args: &[&str]) -> Run {
    let mut cmd = book.command(args);
    cmd.env("ROLO_NOW", now);
    match tz {
        Some(tz) => cmd.env("TZ", tz),
        None => cmd.env_remove("TZ"),
    };
    run(cmd)
}

/// `kind id date days` of each item of `rolo today --json`, which must be clean.
#[track_caller]
fn today(book: &TestBook, tz: Option<&str>, now: &str) -> Vec<String> {
    let run = at(book, tz, now, &["today", "--json"]);
    assert_eq!(run.stderr, "", "{run}");
    let Json::Array(items) = run.json() else { panic!("not an array:\n{run}") };
    items
        .iter()
        .map(|i| format!("{} {} {} {}", s(&i["kind"]), s(&i["id"]), s(&i["date"]), i["days"]))
        .collect()
}

/// The ids `rolo task list --overdue --json` lists.
#[track_caller]
fn overdue(book: &TestBook, tz: Option<&str>, now: &str) -> Vec<String> {
    let run = at(book, tz, now, &["task", "list", "--overdue", "--json"]);
    assert_eq!(run.stderr, "", "{run}");
    crate::fixtures::ids(&run.json())
}

fn s(v: &Json) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

#[test]
fn without_tz_the_books_zone_decides_today_at_its_midnight() {
    let book = book_in("Asia/Tokyo");
    // 14:59:59 UTC is 23:59:59 on Monday the 23rd in Tokyo: the task is due today, the
    // 00:30 one is tomorrow's.
    let before = "2026-11-23T14:59:59Z";
    assert_eq!(today(&book, None, before), ["due sdat-otchet 2026-11-23 0"]);
    assert_eq!(overdue(&book, None, before), Vec::<String>::new());
    // One second later it is Tuesday the 24th in Tokyo, while UTC (and every zone west
    // of +09, where nothing would be overdue yet) is still on the 23rd.
    let after = "2026-11-23T15:00:00Z";
    assert_eq!(
        today(&book, None, after),
        ["overdue sdat-otchet 2026-11-23 -1", "due ye-jian-bu-shu 2026-11-24 0"]
    );
    assert_eq!(overdue(&book, None, after), ["sdat-otchet"]);
    // Datetimes are shown on Tokyo's clocks too.
    let text = at(&book, None, after, &["today"]);
    assert!(text.ok().starts_with("rolo: Tuesday 2026-11-24\n"), "{text}");
    assert!(text.stdout.contains("2026-11-24 00:30  ye-jian-bu-shu"), "{text}");
    assert_eq!(text.stderr, "");
}

#[test]
fn tz_wins_over_the_books_zone() {
    let book = book_in("Asia/Tokyo");
    let now = "2026-11-23T15:00:00Z";
    // In UTC-8 it is 07:00 on the 23rd: nothing is overdue, both tasks are due today
    // (15:30 UTC is 07:30 there). Tokyo would be a day ahead.
    let west = Some("<-08>8");
    assert_eq!(
        today(&book, west, now),
        ["due sdat-otchet 2026-11-23 0", "due ye-jian-bu-shu 2026-11-23 0"]
    );
    assert_eq!(overdue(&book, west, now), Vec::<String>::new());
    let text = at(&book, west, now, &["today"]);
    assert!(text.ok().starts_with("rolo: Monday 2026-11-23\n"), "{text}");
    assert!(text.stdout.contains("2026-11-23 07:30  ye-jian-bu-shu"), "{text}");
    // An empty `TZ` counts as not set: the book's zone decides.
    assert_eq!(overdue(&book, Some(""), now), ["sdat-otchet"]);
}

#[test]
fn a_time_without_offset_is_on_the_books_clocks() {
    let book = book_in("Asia/Tokyo");
    // ROLO_NOW 00:30 on the 24th in Tokyo is 15:30 UTC on the 23rd.
    let run = at(&book, None, "2026-11-24T00:30:00", &["contact", "add", "Айгүл Сейітқызы"]);
    assert_eq!(run.ok(), "aygul-seyitqyzy\n", "{run}");
    let created = front_of(&book, "contacts/aygul-seyitqyzy.md")["created"].to_string();
    assert_eq!(created, "2026-11-23T15:30:00Z");
    // What a typed date means: the datetime on Tokyo's clocks, a week from the 24th.
    let run = at(&book, None, "2026-11-24", &["date", "2026-12-01 09:00", "--json"]);
    let date = run.json();
    assert_eq!(
        (s(&date["datetime"]), &date["days_from_today"]),
        ("2026-12-01T09:00:00+09:00", &Json::from(7)),
        "{run}"
    );

    // Berlin keeps summer time: the same wall time is an hour nearer UTC in July.
    set_zone(&book, Some("Europe/Berlin"));
    for (now, utc) in [
        ("2026-07-01T10:00:00", "2026-07-01T08:00:00Z"),
        ("2026-12-01T10:00:00", "2026-12-01T09:00:00Z"),
    ] {
        let id =
            at(&book, None, now, &["task", "add", "Позвонить Ван Сяомину"]).ok().trim().to_string();
        let created = front_of(&book, &format!("tasks/{id}.md"))["created"].to_string();
        assert_eq!(created, utc, "ROLO_NOW={now}");
    }
}

#[test]
fn an_unknown_zone_is_a_warning_and_the_systems_zone_is_used() {
    let book = book_in("Asia/Tokio");
    let now = "2026-11-23T15:00:00Z";
    let warned = at(&book, None, now, &["today", "--json"]);
    assert_eq!(
        warned.stderr,
        "warning: rolo.toml: [defaults] timezone = \"Asia/Tokio\" is not in the time zone \
         database; using the system's\n"
    );
    // The command still runs, exactly as in a book that names no zone.
    set_zone(&book, None);
    let plain = at(&book, None, now, &["today", "--json"]);
    assert_eq!((warned.ok(), plain.stderr.as_str()), (plain.ok(), ""));
    // With `TZ` set the book's zone is not consulted, so there is nothing to warn about.
    set_zone(&book, Some("Asia/Tokio"));
    let run = at(&book, Some("<+05>-5"), now, &["today"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run}");
}

/// The `TZ` the editor `rolo edit` starts sees, as `editor` wrote it to `seen`.
fn tz_seen_by_the_editor(book: &TestBook, tz: Option<&str>, editor: &Path, seen: &Path) -> String {
    let mut cmd = book.command(["edit", "sdat-otchet"]);
    cmd.env("EDITOR", editor);
    match tz {
        Some(tz) => cmd.env("TZ", tz),
        None => cmd.env_remove("TZ"),
    };
    let run = run(cmd);
    assert_eq!(run.code, 0, "{run}");
    std::fs::read_to_string(seen).unwrap_or_else(|e| panic!("the editor did not run ({e}):\n{run}"))
}

#[test]
fn rolo_runs_once_and_sets_no_tz_for_what_it_starts() {
    let book = book_in("Asia/Tokyo");
    let seen = sandbox(&book).join("seen-tz");
    let editor =
        script(&book, "ed.sh", &format!("printf '%s' \"${{TZ-unset}}\" > '{}'", seen.display()));
    // The book's zone is applied inside rolo: the editor gets the environment as it was.
    assert_eq!(tz_seen_by_the_editor(&book, None, &editor, &seen), "unset");
    // The script does report a `TZ` that is there.
    assert_eq!(tz_seen_by_the_editor(&book, Some("<+05>-5"), &editor, &seen), "<+05>-5");
}
