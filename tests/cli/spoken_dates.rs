//! Dates as people say them (`next tuesday`, `in 3 days`, `5 dec`, `eoq`, `завтра в
//! 15:00`), through `rolo date` and the flags and commands that take a date: what each
//! means around a Sunday, a month end and a year end.
//!
//! The clock is Monday 2026-11-23 10:00 at +05:00 unless a test says otherwise.

use crate::fixtures::{add, front_of, tv};
use crate::support::{Run, TestBook};

/// `rolo date --json EXPR…` at `now`: the date (and the datetime, when there is one).
fn means(book: &TestBook, now: &str, expr: &[&str]) -> String {
    let mut args = vec!["date", "--json"];
    args.extend(expr);
    let mut cmd = book.command(&args);
    cmd.env("ROLO_NOW", now);
    let json = crate::support::run(cmd).json();
    match json.get("datetime") {
        Some(at) => format!("{} {}", json["date"].as_str().unwrap(), at.as_str().unwrap()),
        None => json["date"].as_str().unwrap().to_string(),
    }
}

#[test]
fn date_explains_every_spoken_form() {
    let book = TestBook::bare();
    let monday = "2026-11-23T10:00:00+05:00";
    for (expr, want) in [
        ("next tuesday", "2026-11-24"),
        ("monday", "2026-11-30"),
        ("in 3 days", "2026-11-26"),
        ("in 2 weeks", "2026-12-07"),
        ("5 dec", "2026-12-05"),
        ("dec 5", "2026-12-05"),
        ("december 5", "2026-12-05"),
        ("eow", "2026-11-29"),
        ("end of week", "2026-11-29"),
        ("end of month", "2026-11-30"),
        ("soq", "2026-10-01"),
        ("eoq", "2026-12-31"),
        ("som", "2026-11-01"),
        ("sow", "2026-11-23"),
        ("tomorrow 15:00", "2026-11-24 2026-11-24T15:00:00+05:00"),
        ("сегодня", "2026-11-23"),
        ("завтра", "2026-11-24"),
        ("послезавтра", "2026-11-25"),
        ("в пятницу", "2026-11-27"),
        ("пятница", "2026-11-27"),
        ("через 3 дня", "2026-11-26"),
        ("через неделю", "2026-11-30"),
        ("через 2 недели", "2026-12-07"),
        ("через месяц", "2026-12-23"),
        ("5 декабря", "2026-12-05"),
        ("конец месяца", "2026-11-30"),
        ("завтра в 15:00", "2026-11-24 2026-11-24T15:00:00+05:00"),
    ] {
        assert_eq!(means(&book, monday, &[expr]), want, "{expr}");
    }
    // Several words need no quotes after `rolo date`.
    assert_eq!(means(&book, monday, &["next", "tuesday"]), "2026-11-24");
    assert_eq!(means(&book, monday, &["через", "2", "недели"]), "2026-12-07");
}

#[test]
fn around_a_sunday_a_month_end_and_a_year_end() {
    let book = TestBook::bare();
    let sunday = "2026-11-29T10:00:00+05:00";
    assert_eq!(means(&book, sunday, &["sunday"]), "2026-12-06", "never today");
    assert_eq!(means(&book, sunday, &["в", "воскресенье"]), "2026-12-06");
    assert_eq!(means(&book, sunday, &["eow"]), "2026-11-29", "the week ends today");
    assert_eq!(means(&book, sunday, &["sow"]), "2026-11-23");
    assert_eq!(means(&book, sunday, &["29 nov"]), "2026-11-29", "a day of the year may be today");
    let month_end = "2026-01-31T10:00:00+05:00";
    assert_eq!(means(&book, month_end, &["через месяц"]), "2026-02-28");
    assert_eq!(means(&book, month_end, &["in 1 month"]), "2026-02-28");
    assert_eq!(means(&book, month_end, &["eom"]), "2026-01-31");
    assert_eq!(means(&book, month_end, &["29 feb"]), "2028-02-29");
    let year_end = "2026-12-31T22:00:00+05:00";
    assert_eq!(means(&book, year_end, &["tomorrow"]), "2027-01-01");
    assert_eq!(means(&book, year_end, &["5 jan"]), "2027-01-05");
    assert_eq!(means(&book, year_end, &["december 5"]), "2027-12-05");
    assert_eq!(means(&book, year_end, &["eoq"]), "2026-12-31");
    assert_eq!(means(&book, year_end, &["next monday"]), "2027-01-04");
    assert_eq!(means(&book, year_end, &["через 2 недели"]), "2027-01-14");
}

#[test]
fn date_without_an_expression_shows_every_form() {
    let book = TestBook::bare();
    let run = book.rolo(["date"]);
    let out = run.ok();
    for line in [
        "next tuesday",
        "2026-11-24 Tue (tomorrow)",
        "в пятницу",
        "2026-11-27 Fri (in 4 days)",
        "конец месяца",
        "2026-11-30 Mon (in 7 days)",
        "2026-12-31 Thu (in 38 days)",
    ] {
        assert!(out.contains(line), "{line} missing:\n{run}");
    }
    let json = book.rolo(["--json", "date"]).json();
    let items = json.as_array().unwrap();
    assert!(items.len() > 20, "{json}");
    let eoq = items.iter().find(|i| i["input"] == "eoq").unwrap();
    assert_eq!(eoq["date"], "2026-12-31");
    assert_eq!(eoq["days_from_today"], 38);
}

#[test]
fn an_unknown_expression_lists_the_accepted_forms() {
    let book = TestBook::bare();
    let run: Run = book.rolo(["date", "when", "pigs", "fly"]);
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.starts_with("error: invalid date \"when pigs fly\": expected "), "{run}");
    for form in ["next friday", "in 3 days", "через 3 дня", "5 dec", "eoq", "tomorrow 15:00"]
    {
        assert!(run.stderr.contains(form), "{form} not listed:\n{run}");
    }
    let run = book.rolo(["date", "31 apr"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("april has no day 31"), "{run}");
}

#[test]
fn flags_and_commands_take_spoken_dates() {
    let book = TestBook::new();
    let id = add(&book, &["task", "add", "Позвонить Анне", "--due", "next tuesday"]);
    let path = format!("tasks/{id}.md");
    assert_eq!(front_of(&book, &path)["due"], tv("2026-11-24"));
    let id = add(&book, &["task", "add", "Отправить смету", "--due", "завтра в 15:00"]);
    assert_eq!(front_of(&book, &format!("tasks/{id}.md"))["due"], tv("2026-11-24T15:00:00"));
    let id = add(&book, &["deal", "add", "Website redesign", "--close", "конец месяца"]);
    assert_eq!(front_of(&book, &format!("deals/{id}.md"))["close"], tv("2026-11-30"));
    book.rolo(["set", &id, "close=eoq"]).ok();
    assert_eq!(front_of(&book, &format!("deals/{id}.md"))["close"], tv("2026-12-31"));
    book.rolo(["task", "snooze", "pozvonit-anne", "через неделю"]).ok();
    assert_eq!(front_of(&book, &path)["due"], tv("2026-11-30"));
    book.rolo(["task", "snooze", "pozvonit-anne", "5 dec"]).ok();
    assert_eq!(front_of(&book, &path)["due"], tv("2026-12-05"));
    let run = book.rolo(["task", "add", "X", "--due", "someday soon"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("in 3 days"), "{run}");
}
