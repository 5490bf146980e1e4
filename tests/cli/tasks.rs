//! Reminders: `task done` (plain and repeating tasks), `task snooze` and `rolo date`, on
//! hand-written task files (task keys and commands as docs/format.md gives them).
//!
//! The clock is Monday 2026-11-23 10:00 at +05:00 (05:00 UTC) unless a step says otherwise.

use crate::fixtures::{add, commit_all, front_of, list_ids, status, tv};
use crate::support::{Run, TestBook, run};

/// A task as a person writes it: a comment, odd spacing, an unknown key and a body.
const PLAIN: &str = "+++
# от клиента, срочно
title = \"Отправить договор\"   # подписанный
due = 2026-11-20
about = [\"anna\"]
x_priority = 1
+++
Договор в почте от 18-го.
";

const PLAIN_PATH: &str = "tasks/otpravit-dogovor.md";

/// A book holding `files` (path, text), committed.
fn book_with(files: &[(&str, &str)]) -> TestBook {
    let book = TestBook::new();
    for (path, text) in files {
        book.write(path, text);
    }
    commit_all(&book, "hand-written");
    book
}

/// A task file with this front matter and no body.
fn task(front: &str) -> String {
    format!("+++\n{front}+++\n")
}

/// `rolo ARGS` at another moment.
fn at(book: &TestBook, now: &str, args: &[&str]) -> Run {
    let mut cmd = book.command(args);
    cmd.env("ROLO_NOW", now);
    run(cmd)
}

#[track_caller]
fn done_ok(run: &Run, stderr: &str) {
    run.ok();
    assert_eq!(run.stderr, stderr, "{run}");
}

#[test]
fn done_closes_a_plain_task_touching_one_line() {
    let book = book_with(&[(PLAIN_PATH, PLAIN)]);
    let before = book.log().len();
    done_ok(&book.rolo(["task", "done", "otpravit"]), "Done: otpravit-dogovor.\n");
    let expected =
        PLAIN.replace("x_priority = 1\n", "x_priority = 1\ndone = 2026-11-23T05:00:00Z\n");
    assert_eq!(book.read(PLAIN_PATH), expected);
    assert_eq!(book.log().len(), before + 1);
    assert_eq!(book.log()[0], "task: done Отправить договор");
    assert_eq!(status(&book), "");
}

#[test]
fn done_twice_changes_nothing() {
    let book = book_with(&[(PLAIN_PATH, PLAIN)]);
    book.rolo(["task", "done", "otpravit-dogovor"]).ok();
    let text = book.read(PLAIN_PATH);
    let commits = book.log().len();
    let again = at(&book, "2026-11-24T09:00:00+05:00", &["task", "done", "otpravit-dogovor"]);
    done_ok(&again, "Already done: otpravit-dogovor (2026-11-23 10:00).\nNothing changed.\n");
    assert_eq!(book.read(PLAIN_PATH), text);
    assert_eq!(book.log().len(), commits, "no commit for a no-op");
}

#[test]
fn done_on_several_tasks_commits_once() {
    let book = book_with(&[
        (PLAIN_PATH, PLAIN),
        ("tasks/call-wang.md", &task("title = \"给王小明打电话\"\ndue = 2026-11-23\n")),
    ]);
    let before = book.log().len();
    let run = book.rolo(["task", "done", "call-wang", "otpravit", "task/call-wang"]);
    done_ok(&run, "Done: call-wang.\nDone: otpravit-dogovor.\n");
    assert_eq!(book.log().len(), before + 1);
    assert_eq!(book.log()[0], "task: done 给王小明打电话, Отправить договор");
    assert_eq!(status(&book), "");
    assert_eq!(front_of(&book, "tasks/call-wang.md")["done"], tv("2026-11-23T05:00:00Z"));
}

#[test]
fn done_with_an_unknown_ref_changes_nothing() {
    let book = book_with(&[(PLAIN_PATH, PLAIN)]);
    let commits = book.log().len();
    let run = book.rolo(["task", "done", "otpravit", "nope"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("no record matches \"nope\""), "{run}");
    assert_eq!(book.read(PLAIN_PATH), PLAIN);
    assert_eq!(book.log().len(), commits);
    // A contact is not a task.
    book.write("contacts/anna.md", "+++\nname = \"Анна\"\n+++\n");
    assert_eq!(book.rolo(["task", "done", "anna"]).code, 2);
}

#[test]
fn a_repeating_task_moves_to_the_first_date_of_its_series_after_today() {
    // The documented example: due 2026-10-31 repeat 1m, done on 2026-11-23 → due 2026-11-30.
    let path = "tasks/check-in.md";
    let text =
        task("title = \"Позвонить Анне\"\ndue = 2026-10-31 # первый звонок\nrepeat = \"1m\"\n");
    let book = book_with(&[(path, &text)]);
    done_ok(&book.rolo(["task", "done", "check-in"]), "Done: check-in; next due 2026-11-30.\n");
    assert_eq!(
        book.read(path),
        task(
            "title = \"Позвонить Анне\"\ndue = 2026-11-30 # первый звонок\nrepeat = \"1m\"\n\
             anchor = 2026-10-31\ncompleted = [2026-11-23T05:00:00Z]\n"
        )
    );
    assert_eq!(book.log()[0], "task: done Позвонить Анне");
    // A repeating task stays open: it is not `done`.
    assert_eq!(list_ids(&book, &["task", "list", "--open"]), ["check-in"]);
}

#[test]
fn month_ends_clamp_without_drifting() {
    let path = "tasks/invoice.md";
    let book =
        book_with(&[(path, &task("title = \"Invoice\"\ndue = 2026-01-31\nrepeat = \"1m\"\n"))]);
    let steps = [
        ("2026-01-31T18:00:00+05:00", "2026-02-28"),
        ("2026-02-28T18:00:00+05:00", "2026-03-31"),
        ("2026-03-31T18:00:00+05:00", "2026-04-30"),
        ("2026-04-30T18:00:00+05:00", "2026-05-31"),
    ];
    for (now, due) in steps {
        let run = at(&book, now, &["task", "done", "invoice"]);
        done_ok(&run, &format!("Done: invoice; next due {due}.\n"));
    }
    assert_eq!(
        book.read(path),
        task(
            "title = \"Invoice\"\ndue = 2026-05-31\nrepeat = \"1m\"\nanchor = 2026-01-31\n\
             completed = [2026-01-31T13:00:00Z, 2026-02-28T13:00:00Z, 2026-03-31T13:00:00Z, \
             2026-04-30T13:00:00Z]\n"
        )
    );
    assert_eq!(book.log().iter().filter(|m| *m == "task: done Invoice").count(), 4);
}

#[test]
fn finishing_early_advances_one_occurrence_and_late_skips_to_after_today() {
    let book = book_with(&[
        ("tasks/early.md", &task("due = 2026-11-30\nrepeat = \"1m\"\nanchor = 2026-10-31\n")),
        ("tasks/late.md", &task("due = 2026-08-15\nrepeat = \"1w\"\n")),
    ]);
    done_ok(&book.rolo(["task", "done", "early"]), "Done: early; next due 2026-12-31.\n");
    assert_eq!(front_of(&book, "tasks/early.md")["anchor"], tv("2026-10-31"));
    // 15 Aug + 15 weeks = 28 Nov: the first Saturday of the series after Monday the 23rd.
    done_ok(&book.rolo(["task", "done", "late"]), "Done: late; next due 2026-11-28.\n");
    assert_eq!(front_of(&book, "tasks/late.md")["anchor"], tv("2026-08-15"));
}

#[test]
fn repeat_after_counts_from_the_day_it_was_done() {
    // Due on the 18th, done 5 days late: next due 2 weeks after the 23rd.
    let path = "tasks/backup.md";
    let book =
        book_with(&[(path, &task("title = \"备份\"\ndue = 2026-11-18\nrepeat = \"2w after\"\n"))]);
    done_ok(&book.rolo(["task", "done", "backup"]), "Done: backup; next due 2026-12-07.\n");
    assert_eq!(
        book.read(path),
        task(
            "title = \"备份\"\ndue = 2026-12-07\nrepeat = \"2w after\"\n\
             completed = [2026-11-23T05:00:00Z]\n"
        ),
        "no anchor for a task that repeats from completion"
    );
}

#[test]
fn a_due_datetime_keeps_its_time_of_day() {
    let book = book_with(&[
        ("tasks/standup.md", &task("due = 2026-11-20T15:00:00+05:00\nrepeat = \"1w\"\n")),
        ("tasks/review.md", &task("due = 2026-11-20T15:00:00\nrepeat = \"3d after\"\n")),
    ]);
    done_ok(&book.rolo(["task", "done", "standup"]), "Done: standup; next due 2026-11-27 15:00.\n");
    assert_eq!(
        book.read("tasks/standup.md"),
        task(
            "due = 2026-11-27T15:00:00+05:00\nrepeat = \"1w\"\nanchor = 2026-11-20T15:00:00+05:00\n\
             completed = [2026-11-23T05:00:00Z]\n"
        )
    );
    done_ok(&book.rolo(["task", "done", "review"]), "Done: review; next due 2026-11-26 15:00.\n");
    assert_eq!(front_of(&book, "tasks/review.md")["due"], tv("2026-11-26T15:00:00"));
}

#[test]
fn a_task_added_with_repeat_and_no_due_is_due_a_cadence_from_today() {
    let book = TestBook::new();
    let id = add(&book, &["task", "add", "Проверить почту", "--repeat", "1w"]);
    done_ok(&book.rolo(["task", "done", &id]), &format!("Done: {id}; next due 2026-11-30.\n"));
    let f = front_of(&book, &format!("tasks/{id}.md"));
    assert_eq!(f["due"], tv("2026-11-30"));
    assert_eq!(f["completed"], tv("[2026-11-23T05:00:00Z]"));
    assert!(!f.contains_key("anchor"), "{f:?}");
    assert_eq!(status(&book), "");
}

#[test]
fn overdue_list_before_and_after_done() {
    let book = book_with(&[
        (PLAIN_PATH, PLAIN),
        ("tasks/monthly.md", &task("title = \"Отчёт\"\ndue = 2026-10-31\nrepeat = \"1m\"\n")),
        ("tasks/later.md", &task("title = \"Later\"\ndue = 2026-12-10\n")),
    ]);
    let overdue = ["task", "list", "--overdue"];
    assert_eq!(list_ids(&book, &overdue), ["monthly", "otpravit-dogovor"]);
    book.rolo(["task", "done", "otpravit"]).ok();
    assert_eq!(list_ids(&book, &overdue), ["monthly"]);
    book.rolo(["task", "done", "monthly"]).ok();
    assert!(list_ids(&book, &overdue).is_empty());
    assert_eq!(list_ids(&book, &["task", "list", "--done"]), ["otpravit-dogovor"]);
}

#[test]
fn snooze_by_a_span_starts_from_today_when_overdue() {
    let book = book_with(&[(PLAIN_PATH, PLAIN)]);
    let run = book.rolo(["task", "snooze", "otpravit", "2d"]);
    done_ok(&run, "Snoozed otpravit-dogovor to 2026-11-25.\n");
    assert_eq!(book.read(PLAIN_PATH), PLAIN.replace("due = 2026-11-20", "due = 2026-11-25"));
    assert_eq!(book.log()[0], "task: snooze Отправить договор to 2026-11-25");
    assert_eq!(status(&book), "");
}

#[test]
fn snooze_by_a_span_starts_from_a_future_due_date() {
    let path = "tasks/future.md";
    let book = book_with(&[(path, &task("due = 2026-11-28T09:30:00+05:00\n"))]);
    let run = book.rolo(["task", "snooze", "future", "+2d"]);
    done_ok(&run, "Snoozed future to 2026-11-30 09:30.\n");
    assert_eq!(book.read(path), task("due = 2026-11-30T09:30:00+05:00\n"));
    book.rolo(["task", "snooze", "future", "1w"]).ok();
    assert_eq!(book.read(path), task("due = 2026-12-07T09:30:00+05:00\n"));
}

#[test]
fn snooze_to_a_date() {
    let book = book_with(&[(PLAIN_PATH, PLAIN)]);
    done_ok(
        &book.rolo(["task", "snooze", "otpravit", "friday"]),
        "Snoozed otpravit-dogovor to 2026-11-27.\n",
    );
    assert_eq!(book.read(PLAIN_PATH), PLAIN.replace("due = 2026-11-20", "due = 2026-11-27"));
    book.rolo(["task", "snooze", "otpravit", "2026-12-05 15:00"]).ok();
    assert_eq!(front_of(&book, PLAIN_PATH)["due"], tv("2026-12-05T15:00:00"));
    // Snoozing to the due it has already changes nothing.
    let commits = book.log().len();
    let run = book.rolo(["task", "snooze", "otpravit", "2026-12-05 15:00"]);
    done_ok(&run, "Nothing changed.\n");
    assert_eq!(book.log().len(), commits);
}

#[test]
fn snooze_keeps_the_series_of_a_repeating_task() {
    let path = "tasks/check-in.md";
    let book =
        book_with(&[(path, &task("title = \"Check in\"\ndue = 2026-11-20\nrepeat = \"1m\"\n"))]);
    book.rolo(["task", "snooze", "check-in", "2d"]).ok();
    assert_eq!(
        book.read(path),
        task("title = \"Check in\"\ndue = 2026-11-25\nrepeat = \"1m\"\nanchor = 2026-11-20\n")
    );
    // Done on the snoozed day: back on the series of the 20th.
    let run = at(&book, "2026-11-25T10:00:00+05:00", &["task", "done", "check-in"]);
    done_ok(&run, "Done: check-in; next due 2026-12-20.\n");
    assert_eq!(front_of(&book, path)["anchor"], tv("2026-11-20"));
}

#[test]
fn snoozing_a_done_task_fails() {
    let text = task("title = \"Done\"\ndue = 2026-11-20\ndone = 2026-11-21T06:00:00Z\n");
    let book = book_with(&[("tasks/finished.md", &text)]);
    let commits = book.log().len();
    let run = book.rolo(["task", "snooze", "finished", "2d"]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(
        run.stderr,
        "error: finished is already done (2026-11-21 11:00); only open tasks can be snoozed\n"
    );
    assert_eq!(book.read("tasks/finished.md"), text);
    assert_eq!(book.log().len(), commits);
}

#[test]
fn bad_input_and_bad_files() {
    let book = book_with(&[
        (PLAIN_PATH, PLAIN),
        ("tasks/odd.md", &task("due = 2026-11-20\nrepeat = \"every so often\"\n")),
    ]);
    let run = book.rolo(["task", "snooze", "otpravit", "someday"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.starts_with("error: invalid date \"someday\": "), "{run}");
    assert_eq!(book.rolo(["task", "snooze", "nope", "2d"]).code, 2);
    assert_eq!(book.rolo(["task", "done"]).code, 2, "TASK is required");
    // A file rolo cannot work with fails the command, naming the file.
    let run = book.rolo(["task", "done", "odd"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.starts_with("error: tasks/odd.md: repeat: "), "{run}");
    assert_eq!(book.read(PLAIN_PATH), PLAIN);
    assert_eq!(status(&book), "");
}

#[test]
fn date_shows_what_an_expression_means() {
    let book = TestBook::new();
    let date = |e: &str| book.rolo(["date", e]).ok().to_string();
    assert_eq!(date("today"), "2026-11-23 Mon (today)\n");
    assert_eq!(date("tomorrow"), "2026-11-24 Tue (tomorrow)\n");
    assert_eq!(date("friday"), "2026-11-27 Fri (in 4 days)\n");
    assert_eq!(date("+3d"), "2026-11-26 Thu (in 3 days)\n");
    assert_eq!(date("eom"), "2026-11-30 Mon (in 7 days)\n");
    assert_eq!(date("2026-11-20"), "2026-11-20 Fri (3 days ago)\n");
    assert_eq!(date("-2w"), "2026-11-09 Mon (14 days ago)\n", "a leading - is no flag");
    assert_eq!(date("2026-12-01 15:00"), "2026-12-01 15:00 Tue (in 8 days)\n");
    let run = book.rolo(["date", "garbage"]);
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.starts_with("error: invalid date \"garbage\": expected "), "{run}");
}

#[test]
fn date_as_json() {
    let book = TestBook::new();
    let json = book.rolo(["date", "2026-12-01 15:00", "--json"]).json();
    assert_eq!(
        json,
        serde_json::json!({
            "input": "2026-12-01 15:00",
            "date": "2026-12-01",
            "datetime": "2026-12-01T15:00:00+05:00",
            "weekday": "Tue",
            "days_from_today": 8,
        })
    );
    let json = book.rolo(["--json", "date", "friday"]).json();
    assert_eq!(
        json,
        serde_json::json!({
            "input": "friday", "date": "2026-11-27", "weekday": "Fri", "days_from_today": 4,
        })
    );
    let json = book.rolo(["date", "-2w", "--json"]).json();
    assert_eq!(json["days_from_today"], -14);
}

#[test]
fn date_needs_no_book() {
    let book = TestBook::bare();
    assert_eq!(book.rolo(["date", "today"]).ok(), "2026-11-23 Mon (today)\n");
}
