//! `rolo agenda`, `rolo today` and `rolo digest`: every kind of item and its boundaries
//! (due today against overdue, a cadence exactly reached, leap-day birthdays, the year
//! end, a repeat across month ends), the owner filter, the empty digest, each format, the
//! index against the files, and that reading never writes.
//!
//! Every book is written by hand with exact dates, and every expectation is worked out
//! by hand in the comments. The time zone is +05 (support.rs) unless a test says
//! otherwise; NOW is Monday 2026-11-23 10:00 local, so "today" is 2026-11-23 and the
//! default look-ahead (7 days) ends on 2026-11-30.

use std::time::{Duration, SystemTime};

use serde_json::{Value as Json, json};

use crate::fixtures::{commit_all, files, status};
use crate::support::{Run, TestBook, run};

const NOW: &str = "2026-11-23T10:00:00+05:00";

/// A record file with the given front matter lines (each ending in a newline).
fn record(book: &TestBook, rel: &str, front: &str) {
    book.write(rel, &format!("+++\n{front}+++\n"));
}

/// A call note `id` (its file under the year of `id`) at `date`, about `about`.
fn note(book: &TestBook, id: &str, date: &str, about: &[&str]) {
    let about = about.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
    book.write(
        &format!("notes/{}/{id}.md", &id[..4]),
        &format!("+++\ndate = {date}\nkind = \"call\"\nabout = [{about}]\n+++\nГоворили.\n"),
    );
}

/// `rolo ARGS` with the clock at `now`.
fn at(book: &TestBook, now: &str, args: &[&str]) -> Run {
    let mut cmd = book.command(args);
    cmd.env("ROLO_NOW", now);
    run(cmd)
}

/// `rolo ARGS` at `now`, reading every file instead of the index.
fn files_at(book: &TestBook, now: &str, args: &[&str]) -> Run {
    let mut cmd = book.command(args);
    cmd.env("ROLO_NOW", now).env("ROLO_NO_INDEX", "1");
    run(cmd)
}

/// `rolo ARGS` at `now` in the time zone `tz`.
fn in_tz(book: &TestBook, tz: &str, now: &str, args: &[&str]) -> Run {
    let mut cmd = book.command(args);
    cmd.env("ROLO_NOW", now).env("TZ", tz);
    run(cmd)
}

/// The items of a `--json` run, which must be clean (exit 0, nothing on stderr).
#[track_caller]
fn items_of(run: &Run, what: &str) -> Vec<Json> {
    assert_eq!(run.stderr, "", "{what}:\n{run}");
    match run.json() {
        Json::Array(items) => items,
        other => panic!("{what}: not an array: {other}"),
    }
}

/// `rolo ARGS --json` at `now`: the items.
#[track_caller]
fn items(book: &TestBook, now: &str, args: &[&str]) -> Vec<Json> {
    let mut all = args.to_vec();
    all.push("--json");
    items_of(&at(book, now, &all), &format!("{args:?} at {now}"))
}

/// No items.
fn none() -> Vec<Json> {
    Vec::new()
}

/// `kind type/id date days` of each item, for compact comparisons.
fn brief(items: &[Json]) -> Vec<String> {
    items
        .iter()
        .map(|i| format!("{} {}/{} {} {}", i["kind"], i["type"], i["id"], i["date"], i["days"]))
        .map(|s| s.replace('"', ""))
        .collect()
}

/// What every item has; the owner is the book's default ("me") unless `with` says.
fn item(kind: &str, typ: &str, id: &str, title: &str, date: &str, days: i64) -> Json {
    json!({"kind": kind, "date": date, "type": typ, "id": id, "title": title, "owner": "me",
           "days": days})
}

/// `base` with the keys of `extra` added (or replaced).
fn with(mut base: Json, extra: Json) -> Json {
    let (Json::Object(b), Json::Object(e)) = (&mut base, extra) else { panic!("objects only") };
    b.extend(e);
    base
}

/// A task item: `due` as the file says it (RFC 3339), `about` as written.
fn task(
    kind: &str,
    id: &str,
    title: &str,
    date: &str,
    days: i64,
    due: &str,
    about: &[&str],
) -> Json {
    with(item(kind, "task", id, title, date, days), json!({"due": due, "about": about}))
}

/// A follow-up of a contact; `from` is the default that applied (`tag vip`), if any.
fn follow(id: &str, title: &str, date: &str, days: i64, cadence: &str, last: Option<&str>) -> Json {
    with(
        item("follow_up", "contact", id, title, date, days),
        json!({"follow_up": cadence, "last_contact": last}),
    )
}

fn birthday(id: &str, title: &str, date: &str, days: i64, written: &str, age: Option<i64>) -> Json {
    let b = with(item("birthday", "contact", id, title, date, days), json!({"birthday": written}));
    match age {
        Some(age) => with(b, json!({"age": age})),
        None => b,
    }
}

/// A deal item: `value` and `currency` as JSON, `close` and `last_contact` dates or null.
fn deal(kind: &str, id: &str, title: &str, date: &str, days: i64, extra: Json) -> Json {
    with(item(kind, "deal", id, title, date, days), extra)
}

// ---------------------------------------------------------------------------------------
// Tasks

/// Due yesterday, today (a date; a datetime already past; a datetime still to come; a
/// local datetime already past), in 7 days, in 8 days; done; without a due date.
fn tasks_book() -> TestBook {
    let book = TestBook::new();
    let t = |id: &str, front: &str| record(&book, &format!("tasks/{id}.md"), front);
    t(
        "pozvonit-anne",
        "title = \"Позвонить Анне Петровой\"\ndue = 2026-11-22\nabout = [\"anna-petrova\"]\n",
    );
    t("otpravit-schet", "title = \"Отправить счёт\"\ndue = 2026-11-23\n");
    t("zao-hui", "title = \"早会\"\ndue = 2026-11-23T09:00:00+05:00\n");
    t(
        "kezdesu",
        "title = \"Кездесу\"\ndue = 2026-11-23T15:00:00+05:00\nabout = [\"contact/aygul-seyitqyzy\"]\n",
    );
    t("local-morning", "title = \"Local morning\"\ndue = 2026-11-23T09:30:00\n");
    t("nedelya", "title = \"Через неделю\"\ndue = 2026-11-30\n");
    t("nedelya-i-den", "title = \"Через неделю и день\"\ndue = 2026-12-01\n");
    t("sdelano", "title = \"Сделано\"\ndue = 2026-11-20\ndone = 2026-11-21T10:00:00+05:00\n");
    t(
        "sdelano-segodnya",
        "title = \"Сделано сегодня\"\ndue = 2026-11-23\ndone = 2026-11-23T08:00:00+05:00\n",
    );
    t("bez-sroka", "title = \"Без срока\"\n");
    book
}

#[test]
fn tasks_overdue_due_today_and_within_the_look_ahead() {
    let book = tasks_book();
    // Overdue: yesterday's date; today's 09:00 and 09:30 (local) at 10:00, by time.
    // Due: today's date (a date is due until the day ends) before today's 15:00, then
    // 2026-11-30 (today + 7, the default look-ahead). 2026-12-01 is 8 days out; done
    // tasks and tasks without a due date never show.
    let overdue = [
        task(
            "overdue",
            "pozvonit-anne",
            "Позвонить Анне Петровой",
            "2026-11-22",
            -1,
            "2026-11-22",
            &["anna-petrova"],
        ),
        task("overdue", "zao-hui", "早会", "2026-11-23", 0, "2026-11-23T09:00:00+05:00", &[]),
        task(
            "overdue",
            "local-morning",
            "Local morning",
            "2026-11-23",
            0,
            "2026-11-23T09:30:00",
            &[],
        ),
    ];
    let today = [
        task("due", "otpravit-schet", "Отправить счёт", "2026-11-23", 0, "2026-11-23", &[]),
        task(
            "due",
            "kezdesu",
            "Кездесу",
            "2026-11-23",
            0,
            "2026-11-23T15:00:00+05:00",
            &["contact/aygul-seyitqyzy"],
        ),
    ];
    let in_a_week = task("due", "nedelya", "Через неделю", "2026-11-30", 7, "2026-11-30", &[]);
    let in_8_days =
        task("due", "nedelya-i-den", "Через неделю и день", "2026-12-01", 8, "2026-12-01", &[]);

    let mut expected: Vec<Json> = overdue.iter().chain(&today).cloned().collect();
    expected.push(in_a_week.clone());
    assert_eq!(items(&book, NOW, &["agenda"]), expected);

    // Today only: what is overdue and what is due today.
    let only_today: Vec<Json> = overdue.iter().chain(&today).cloned().collect();
    assert_eq!(items(&book, NOW, &["agenda", "--days", "0"]), only_today);
    assert_eq!(items(&book, NOW, &["today"]), only_today);

    // One more day of look-ahead takes in 2026-12-01.
    expected.push(in_8_days);
    assert_eq!(items(&book, NOW, &["agenda", "--days", "8"]), expected);

    // At 16:00 the 15:00 meeting is overdue too (still dated today, 0 days).
    let later = items(&book, "2026-11-23T16:00:00+05:00", &["today"]);
    assert_eq!(
        brief(&later),
        [
            "overdue task/pozvonit-anne 2026-11-22 -1",
            "overdue task/zao-hui 2026-11-23 0",
            "overdue task/local-morning 2026-11-23 0",
            "overdue task/kezdesu 2026-11-23 0",
            "due task/otpravit-schet 2026-11-23 0",
        ]
    );
}

#[test]
fn tasks_as_text() {
    let book = tasks_book();
    // Columns: the widest "when" is "2026-11-23 09:00" (16), the widest id
    // "otpravit-schet" (14); two spaces between columns.
    let expected = "\
rolo: Monday 2026-11-23
3 overdue · 2 due today · 1 upcoming

Overdue
  2026-11-22        pozvonit-anne   Позвонить Анне Петровой — about anna-petrova · 1 day overdue
  2026-11-23 09:00  zao-hui         早会 — overdue since earlier today
  2026-11-23 09:30  local-morning   Local morning — overdue since earlier today

Today
  2026-11-23        otpravit-schet  Отправить счёт
  2026-11-23 15:00  kezdesu         Кездесу — about contact/aygul-seyitqyzy

Upcoming
  2026-11-30        nedelya         Через неделю — in 7 days
";
    let run = at(&book, NOW, &["agenda"]);
    assert_eq!(run.ok(), expected, "{run}");
    assert_eq!(run.stderr, "");
    // The digest says the same in text.
    assert_eq!(at(&book, NOW, &["digest"]).ok(), expected);
}

#[test]
fn the_local_date_decides_what_is_today() {
    let book = TestBook::new();
    record(&book, "tasks/sdat-otchet.md", "title = \"Сдать отчёт\"\ndue = 2026-11-23\n");
    record(&book, "tasks/oplatit-arendu.md", "title = \"Оплатить аренду\"\ndue = 2026-11-24\n");
    record(&book, "tasks/ye-jian-bu-shu.md", "title = \"夜间部署\"\ndue = 2026-11-23T22:00:00Z\n");
    let now = "2026-11-23T20:00:00Z";

    // At +05 it is already 01:00 on Tuesday the 24th: the 23rd's task is a day overdue,
    // the 24th's is due today, and 22:00 UTC is 03:00 on the 24th, still to come.
    let plus5 = in_tz(&book, "<+05>-5", now, &["agenda", "--json"]);
    assert_eq!(
        items_of(&plus5, "+05"),
        [
            task("overdue", "sdat-otchet", "Сдать отчёт", "2026-11-23", -1, "2026-11-23", &[]),
            task("due", "oplatit-arendu", "Оплатить аренду", "2026-11-24", 0, "2026-11-24", &[]),
            task("due", "ye-jian-bu-shu", "夜间部署", "2026-11-24", 0, "2026-11-23T22:00:00Z", &[]),
        ]
    );
    let text = in_tz(&book, "<+05>-5", now, &["today"]);
    assert!(text.ok().starts_with("rolo: Tuesday 2026-11-24\n"), "{text}");
    assert!(text.stdout.contains("2026-11-24 03:00  ye-jian-bu-shu"), "{text}");

    // In UTC it is still Monday the 23rd, 20:00: nothing is overdue.
    let utc = in_tz(&book, "UTC", now, &["agenda", "--json"]);
    assert_eq!(
        items_of(&utc, "UTC"),
        [
            task("due", "sdat-otchet", "Сдать отчёт", "2026-11-23", 0, "2026-11-23", &[]),
            task("due", "ye-jian-bu-shu", "夜间部署", "2026-11-23", 0, "2026-11-23T22:00:00Z", &[]),
            task("due", "oplatit-arendu", "Оплатить аренду", "2026-11-24", 1, "2026-11-24", &[]),
        ]
    );
    let today = in_tz(&book, "UTC", now, &["today", "--json"]);
    assert_eq!(
        brief(&items_of(&today, "UTC today")),
        ["due task/sdat-otchet 2026-11-23 0", "due task/ye-jian-bu-shu 2026-11-23 0",]
    );
    let text = in_tz(&book, "UTC", now, &["today"]);
    assert!(text.ok().starts_with("rolo: Monday 2026-11-23\n"), "{text}");
    assert!(text.stdout.contains("2026-11-23 22:00  ye-jian-bu-shu"), "{text}");
}

#[test]
fn without_tz_the_books_timezone_decides_what_is_today() {
    // "Today" is the local date (`TZ`, or `[defaults] timezone` in rolo.toml).
    let book = TestBook::new();
    book.write("rolo.toml", "[defaults]\ntimezone = \"Asia/Tokyo\"\n");
    record(&book, "tasks/sdat-otchet.md", "title = \"Сдать отчёт\"\ndue = 2026-11-23\n");
    // 20:00 UTC on the 23rd is 05:00 on the 24th in Tokyo (UTC+9, no summer time).
    let mut cmd = book.command(["today", "--json"]);
    cmd.env_remove("TZ").env("ROLO_NOW", "2026-11-23T20:00:00Z");
    let run = run(cmd);
    assert_eq!(
        items_of(&run, "Asia/Tokyo"),
        [task("overdue", "sdat-otchet", "Сдать отчёт", "2026-11-23", -1, "2026-11-23", &[])]
    );
}

#[test]
fn a_repeating_task_follows_its_series_across_month_ends() {
    let book = TestBook::new();
    record(
        &book,
        "tasks/mesyachnyy-otchet.md",
        "title = \"Месячный отчёт\"\ndue = 2027-01-31\nrepeat = \"1m\"\n",
    );
    commit_all(&book, "test: a monthly task");
    let on = |due: &str, date: &str, days: i64| {
        with(
            task("due", "mesyachnyy-otchet", "Месячный отчёт", date, days, due, &[]),
            json!({"repeat": "1m"}),
        )
    };
    assert_eq!(items(&book, "2027-01-31", &["today"]), [on("2027-01-31", "2027-01-31", 0)]);
    // Done on the 31st: next due on the last day of February.
    at(&book, "2027-01-31T12:00:00+05:00", &["task", "done", "mesyachnyy-otchet"]).ok();
    assert_eq!(items(&book, "2027-01-31T13:00:00+05:00", &["agenda"]), none());
    assert_eq!(items(&book, "2027-02-27", &["agenda"]), [on("2027-02-28", "2027-02-28", 1)]);
    // A day late it is overdue, and the text says how it repeats.
    let late = items(&book, "2027-03-01", &["agenda"]);
    assert_eq!(
        late,
        [with(
            task(
                "overdue",
                "mesyachnyy-otchet",
                "Месячный отчёт",
                "2027-02-28",
                -1,
                "2027-02-28",
                &[]
            ),
            json!({"repeat": "1m"})
        )]
    );
    let text = at(&book, "2027-03-01", &["agenda"]);
    assert!(text.ok().contains("Месячный отчёт — every 1m · 1 day overdue"), "{text}");
    // Done on the 28th: the series comes back to the 31st of March, not the 28th.
    at(&book, "2027-02-28T12:00:00+05:00", &["task", "done", "mesyachnyy-otchet"]).ok();
    assert_eq!(items(&book, "2027-03-28", &["agenda"]), [on("2027-03-31", "2027-03-31", 3)]);
    assert_eq!(items(&book, "2027-03-28", &["today"]), none());
}

// ---------------------------------------------------------------------------------------
// Follow-ups

#[test]
fn follow_ups_when_the_cadence_has_run_out() {
    let book = TestBook::new();
    let contact = |id: &str, name: &str, rest: &str| {
        record(&book, &format!("contacts/{id}.md"), &format!("name = \"{name}\"\n{rest}"));
    };
    let long_ago = "created = 2026-01-10T10:00:00+05:00\n";
    // Last note exactly 30 days ago (2026-10-24): due today.
    contact("anna-petrova", "Анна Петрова", &format!("follow_up = \"30d\"\n{long_ago}"));
    note(&book, "2026-10-24-anna-petrova", "2026-10-24T10:00:00+05:00", &["anna-petrova"]);
    // 29 days ago (2026-10-25): due tomorrow, not yet.
    contact("wang-xiao-ming", "王小明", &format!("follow_up = \"30d\"\n{long_ago}"));
    note(
        &book,
        "2026-10-25-wang-xiao-ming",
        "2026-10-25T10:00:00+05:00",
        &["contact/wang-xiao-ming"],
    );
    // Never contacted, created 40 days ago (2026-10-14): due since 2026-11-13.
    contact(
        "aygul-seyitqyzy",
        "Айгүл Сейітқызы",
        "follow_up = \"30d\"\ncreated = 2026-10-14T09:00:00+05:00\n",
    );
    // 20:00 UTC on 2026-10-23 is 01:00 on the 24th here: 30 days ago, due today.
    contact("timur-akhmetov", "Тимур Ахметов", &format!("follow_up = \"30d\"\n{long_ago}"));
    note(&book, "2026-10-24-timur-akhmetov", "2026-10-23T20:00:00Z", &["timur-akhmetov"]);
    // A month after 2026-10-23 is today.
    contact("li-na", "李娜", &format!("follow_up = \"1m\"\n{long_ago}"));
    note(&book, "2026-10-23-li-na", "2026-10-23T10:00:00+05:00", &["li-na"]);
    // Two weeks after 2026-11-01 is 2026-11-15; a done task about her does not count.
    contact("dana", "Дана Нұрланқызы", &format!("follow_up = \"2w\"\n{long_ago}"));
    note(&book, "2026-11-01-dana", "2026-11-01T10:00:00+05:00", &["dana"]);
    record(
        &book,
        "tasks/napisat-dane.md",
        "title = \"Написать Дане\"\nabout = [\"dana\"]\ndone = 2026-11-20T10:00:00+05:00\n",
    );
    // Long overdue, but an open task is about them (by bare id, and type-qualified; the
    // second task is due beyond the look-ahead): handled.
    contact("ivan-ivanov", "Иван Иванов", &format!("follow_up = \"30d\"\n{long_ago}"));
    record(
        &book,
        "tasks/pozvonit-ivanu.md",
        "title = \"Позвонить Ивану\"\nabout = [\"ivan-ivanov\"]\n",
    );
    contact("erlan", "Ерлан", &format!("follow_up = \"30d\"\n{long_ago}"));
    record(
        &book,
        "tasks/erlanga-zhazu.md",
        "title = \"Ерланға жазу\"\nabout = [\"contact/erlan\"]\ndue = 2026-12-20\n",
    );
    // Opted out; no cadence at all.
    contact("boris", "Борис", &format!("follow_up = \"off\"\n{long_ago}"));
    contact("nikto", "Никто", long_ago);

    // By day, then title (code point order: Cyrillic before Chinese).
    let expected = [
        follow("aygul-seyitqyzy", "Айгүл Сейітқызы", "2026-11-13", -10, "30d", None),
        follow("dana", "Дана Нұрланқызы", "2026-11-15", -8, "2w", Some("2026-11-01")),
        follow("anna-petrova", "Анна Петрова", "2026-11-23", 0, "30d", Some("2026-10-24")),
        follow("timur-akhmetov", "Тимур Ахметов", "2026-11-23", 0, "30d", Some("2026-10-24")),
        follow("li-na", "李娜", "2026-11-23", 0, "1m", Some("2026-10-23")),
    ];
    assert_eq!(items(&book, NOW, &["agenda"]), expected);
    // Follow-ups do not look ahead (20 days takes in no new one; the task about Erlan is
    // 27 days out), and today shows them all.
    assert_eq!(items(&book, NOW, &["agenda", "--days", "20"]), expected);
    assert_eq!(items(&book, NOW, &["today"]), expected);

    let text = at(&book, NOW, &["agenda"]);
    let out = text.ok();
    assert!(out.contains("\n5 follow-ups\n\nFollow-ups\n"), "{text}");
    for line in [
        "  2026-11-13  aygul-seyitqyzy  Айгүл Сейітқызы — every 30d · never contacted\n",
        "  2026-11-15  dana             Дана Нұрланқызы — every 2w · last contact 2026-11-01 (22 days ago)\n",
        "  2026-11-23  anna-petrova     Анна Петрова — every 30d · last contact 2026-10-24 (30 days ago)\n",
    ] {
        assert!(out.contains(line), "no {line:?} in\n{text}");
    }

    // A day later Wang Xiaoming's 30 days have run out too.
    let tomorrow = items(&book, "2026-11-24T10:00:00+05:00", &["today"]);
    assert!(
        tomorrow.contains(&follow(
            "wang-xiao-ming",
            "王小明",
            "2026-11-24",
            0,
            "30d",
            Some("2026-10-25")
        )),
        "{tomorrow:#?}"
    );
}

#[test]
fn follow_up_defaults_by_tag_and_stage_the_shortest_wins() {
    let book = TestBook::new();
    book.write(
        "rolo.toml",
        "[follow_up]\ntags = { vip = \"14d\", Partner = \"1m\" }\nstages = { customer = \"60d\", lead = \"7d\" }\n",
    );
    let contact = |id: &str, name: &str, rest: &str, last: Option<&str>| {
        record(
            &book,
            &format!("contacts/{id}.md"),
            &format!("name = \"{name}\"\ncreated = 2026-01-10T10:00:00+05:00\n{rest}"),
        );
        if let Some(day) = last {
            note(&book, &format!("{day}-{id}"), &format!("{day}T10:00:00+05:00"), &[id]);
        }
    };
    // Last notes on 2026-11-03 (20 days ago) unless said.
    // vip: 14 days → 2026-11-17.
    contact("anna-petrova", "Анна Петрова", "tags = [\"vip\"]\n", Some("2026-11-03"));
    // customer: 60 days → 2027-01-02, not yet.
    contact("wang-xiao-ming", "王小明", "stage = \"customer\"\n", Some("2026-11-03"));
    // customer (any case): 60 days after 2026-09-01 → 2026-10-31.
    contact("aygul-seyitqyzy", "Айгүл Сейітқызы", "stage = \"Customer\"\n", Some("2026-09-01"));
    // vip (14 days) and lead (7 days): 7 days → 2026-11-10.
    contact("timur", "Тимур", "tags = [\"vip\"]\nstage = \"lead\"\n", Some("2026-11-03"));
    // Partner (1 month) and VIP (14 days), any case: 14 days → 2026-11-17.
    contact("li-na", "李娜", "tags = [\"Partner\", \"VIP\"]\n", Some("2026-11-03"));
    // partner alone: a month after 2026-10-23 → today.
    contact("dana", "Дана", "tags = [\"partner\"]\n", Some("2026-10-23"));
    // Its own cadence wins over a shorter default: 90 days → not yet.
    contact("ivan", "Иван", "tags = [\"vip\"]\nfollow_up = \"90d\"\n", Some("2026-11-03"));
    // Opted out, never contacted.
    contact("boris", "Борис", "tags = [\"vip\"]\nstage = \"lead\"\nfollow_up = \"off\"\n", None);
    // No default applies.
    contact("erlan", "Ерлан", "tags = [\"b2b\"]\nstage = \"former\"\n", None);
    // Defaults are for contacts: a company tagged vip gets none.
    record(
        &book,
        "companies/acme.md",
        "name = \"Acme\"\ntags = [\"vip\"]\ncreated = 2026-01-10T10:00:00+05:00\n",
    );

    let from = |f: Json, default: &str| with(f, json!({"follow_up_from": default}));
    assert_eq!(
        items(&book, NOW, &["agenda"]),
        [
            from(
                follow(
                    "aygul-seyitqyzy",
                    "Айгүл Сейітқызы",
                    "2026-10-31",
                    -23,
                    "60d",
                    Some("2026-09-01")
                ),
                "stage customer"
            ),
            from(
                follow("timur", "Тимур", "2026-11-10", -13, "7d", Some("2026-11-03")),
                "stage lead"
            ),
            from(
                follow("anna-petrova", "Анна Петрова", "2026-11-17", -6, "14d", Some("2026-11-03")),
                "tag vip"
            ),
            from(follow("li-na", "李娜", "2026-11-17", -6, "14d", Some("2026-11-03")), "tag vip"),
            from(follow("dana", "Дана", "2026-11-23", 0, "1m", Some("2026-10-23")), "tag partner"),
        ]
    );
    let text = at(&book, NOW, &["agenda"]);
    assert!(
        text.ok().contains(
            "Анна Петрова — every 14d (tag vip) · last contact 2026-11-03 (20 days ago)\n"
        ),
        "{text}"
    );
    assert!(text.stdout.contains("Тимур — every 7d (stage lead) ·"), "{text}");
}

#[test]
fn a_companys_follow_up_counts_notes_about_its_people() {
    let book = TestBook::new();
    let long_ago = "created = 2026-01-10T10:00:00+05:00\n";
    // Dana works at Kaspi; the last note about her was 40 days ago (2026-10-14):
    // Kaspi's 30 days ran out on 2026-11-13.
    record(
        &book,
        "companies/kaspi.md",
        &format!("name = \"Каспи Банк\"\nfollow_up = \"30d\"\n{long_ago}"),
    );
    record(
        &book,
        "contacts/dana.md",
        &format!("name = \"Дана Нұрланқызы\"\ncompany = \"kaspi\"\n{long_ago}"),
    );
    note(&book, "2026-10-14-dana", "2026-10-14T10:00:00+05:00", &["dana"]);
    // Alibaba itself was last written about on 2026-09-01, but Ma Yun, who works there,
    // 10 days ago: not due.
    record(
        &book,
        "companies/alibaba.md",
        &format!("name = \"阿里巴巴\"\nfollow_up = \"30d\"\n{long_ago}"),
    );
    record(
        &book,
        "contacts/ma-yun.md",
        &format!("name = \"马云\"\ncompany = \"alibaba\"\n{long_ago}"),
    );
    note(&book, "2026-09-01-alibaba", "2026-09-01T10:00:00+05:00", &["company/alibaba"]);
    note(&book, "2026-11-13-ma-yun", "2026-11-13T10:00:00+05:00", &["ma-yun"]);
    // Never contacted, created 2026-11-01: two weeks ran out on 2026-11-15.
    record(
        &book,
        "companies/halyk.md",
        "name = \"Halyk Bank\"\nfollow_up = \"2w\"\ncreated = 2026-11-01T10:00:00+05:00\n",
    );
    // No cadence.
    record(&book, "companies/tikhaya.md", &format!("name = \"Тихая\"\n{long_ago}"));

    let company = |id: &str, title: &str, date: &str, days: i64, cadence: &str, last: Json| {
        with(
            item("follow_up", "company", id, title, date, days),
            json!({"follow_up": cadence, "last_contact": last}),
        )
    };
    assert_eq!(
        items(&book, NOW, &["agenda"]),
        [
            company("kaspi", "Каспи Банк", "2026-11-13", -10, "30d", json!("2026-10-14")),
            company("halyk", "Halyk Bank", "2026-11-15", -8, "2w", Json::Null),
        ]
    );
    // The text names them as a REF that finds the company.
    let text = at(&book, NOW, &["agenda"]);
    assert!(
        text.ok().contains(
            "company/kaspi  Каспи Банк — every 30d · last contact 2026-10-14 (40 days ago)\n"
        ),
        "{text}"
    );
    assert!(
        text.stdout.contains("company/halyk  Halyk Bank — every 2w · never contacted\n"),
        "{text}"
    );
}

#[test]
fn a_bad_cadence_is_a_warning_naming_the_file_and_the_rest_still_shows() {
    let book = TestBook::new();
    record(
        &book,
        "contacts/erlan.md",
        "name = \"Ерлан\"\nfollow_up = \"3x\"\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    record(
        &book,
        "contacts/anna-petrova.md",
        "name = \"Анна Петрова\"\nfollow_up = \"30d\"\ncreated = 2026-10-14T10:00:00+05:00\n",
    );
    record(&book, "tasks/otchet.md", "title = \"Отчёт\"\ndue = 2026-11-23\n");
    let expected = [
        task("due", "otchet", "Отчёт", "2026-11-23", 0, "2026-11-23", &[]),
        follow("anna-petrova", "Анна Петрова", "2026-11-13", -10, "30d", None),
    ];
    for (how, run) in [
        ("index", at(&book, NOW, &["agenda", "--json"])),
        ("files", files_at(&book, NOW, &["agenda", "--json"])),
    ] {
        assert_eq!(run.code, 0, "{how}: {run}");
        let warnings: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(warnings.len(), 1, "{how}: {run}");
        assert!(warnings[0].starts_with("warning: "), "{how}: {run}");
        assert!(warnings[0].contains("contacts/erlan.md"), "{how}: {run}");
        assert!(warnings[0].contains("\"3x\""), "{how}: {run}");
        assert_eq!(run.json().as_array().unwrap(), &expected, "{how}");
    }
    let digest = at(&book, NOW, &["digest"]);
    assert_eq!(digest.code, 0, "{digest}");
    assert!(digest.stdout.contains("Анна Петрова") && digest.stdout.contains("otchet"), "{digest}");
    assert!(digest.stderr.contains("contacts/erlan.md"), "{digest}");
}

#[test]
fn an_enormous_cadence_never_comes_due() {
    // A million years from 2026 is past the last date chrono knows: the cadence cannot
    // have run out, so there is nothing to follow up (not "due today").
    let book = TestBook::new();
    record(
        &book,
        "contacts/vechnyy.md",
        "name = \"Вечный\"\nfollow_up = \"1000000y\"\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    let run = at(&book, NOW, &["agenda", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.json(), json!([]), "{run}");
}

// ---------------------------------------------------------------------------------------
// Birthdays

#[test]
fn birthdays_today_and_within_the_look_ahead() {
    let book = TestBook::new();
    let contact = |id: &str, name: &str, birthday: &str| {
        record(
            &book,
            &format!("contacts/{id}.md"),
            &format!("name = \"{name}\"\nbirthday = {birthday}\n"),
        );
    };
    contact("anna-petrova", "Анна Петрова", "1990-11-24"); // tomorrow, turns 36
    contact("wang-xiao-ming", "王小明", "\"11-23\""); // today, age unknown
    contact("aygul-seyitqyzy", "Айгүл Сейітқызы", "\"1992-11-30\""); // in 7 days, turns 34
    contact("timur", "Тимур", "1992-12-01"); // in 8 days
    contact("boris", "Борис", "1985-11-22"); // yesterday: next is 2027-11-22
    contact("li-na", "李娜", "\"04-12\"");
    record(&book, "contacts/bez-dnya.md", "name = \"Без дня рождения\"\n");

    let anna = birthday("anna-petrova", "Анна Петрова", "2026-11-24", 1, "1990-11-24", Some(36));
    let wang = birthday("wang-xiao-ming", "王小明", "2026-11-23", 0, "11-23", None);
    let aygul =
        birthday("aygul-seyitqyzy", "Айгүл Сейітқызы", "2026-11-30", 7, "1992-11-30", Some(34));
    let timur = birthday("timur", "Тимур", "2026-12-01", 8, "1992-12-01", Some(34));
    let boris = birthday("boris", "Борис", "2027-11-22", 364, "1985-11-22", Some(42));
    assert_eq!(items(&book, NOW, &["agenda"]), [wang.clone(), anna.clone(), aygul.clone()]);
    assert_eq!(items(&book, NOW, &["today"]), std::slice::from_ref(&wang));
    assert_eq!(items(&book, NOW, &["agenda", "--days", "8"]), [wang, anna, aygul, timur]);
    // Yesterday's birthday is a year away.
    let year = items(&book, NOW, &["agenda", "--days", "364"]);
    assert_eq!(year.last(), Some(&boris), "{year:#?}");
    assert!(!items(&book, NOW, &["agenda", "--days", "363"]).contains(&boris));

    let text = at(&book, NOW, &["agenda"]);
    let out = text.ok();
    assert!(out.contains("\n3 birthdays\n\nBirthdays\n"), "{text}");
    assert!(out.contains("  2026-11-23  wang-xiao-ming   王小明 — today\n"), "{text}");
    assert!(
        out.contains("  2026-11-24  anna-petrova     Анна Петрова — turns 36 · tomorrow\n"),
        "{text}"
    );
    assert!(
        out.contains("  2026-11-30  aygul-seyitqyzy  Айгүл Сейітқызы — turns 34 · in 7 days\n"),
        "{text}"
    );

    // A year-less birthday in spring.
    assert_eq!(
        items(&book, "2027-04-10", &["agenda"]),
        [birthday("li-na", "李娜", "2027-04-12", 2, "04-12", None)]
    );
}

#[test]
fn leap_day_birthdays() {
    let book = TestBook::new();
    record(
        &book,
        "contacts/aygul-seyitqyzy.md",
        "name = \"Айгүл Сейітқызы\"\nbirthday = 1996-02-29\n",
    );
    record(&book, "contacts/wang-fang.md", "name = \"王芳\"\nbirthday = \"02-29\"\n");
    let both = |date: &str, days: i64, age: i64| {
        vec![
            birthday("aygul-seyitqyzy", "Айгүл Сейітқызы", date, days, "1996-02-29", Some(age)),
            birthday("wang-fang", "王芳", date, days, "02-29", None),
        ]
    };
    // 2027 has no 29 February: the birthday is on the 28th.
    assert_eq!(items(&book, "2027-02-28", &["today"]), both("2027-02-28", 0, 31));
    assert_eq!(items(&book, "2027-02-22", &["agenda"]), both("2027-02-28", 6, 31));
    // 2028 has one: not today on the 28th, but tomorrow.
    assert_eq!(items(&book, "2028-02-28", &["today"]), none());
    assert_eq!(items(&book, "2028-02-28", &["agenda"]), both("2028-02-29", 1, 32));
    assert_eq!(items(&book, "2028-02-29", &["today"]), both("2028-02-29", 0, 32));
    // Past it, the next one (2028-02-29) is 365 days away.
    assert_eq!(items(&book, "2027-03-01", &["agenda"]), none());
    let text = at(&book, "2027-02-28", &["today"]);
    assert!(text.ok().contains("Айгүл Сейітқызы — turns 31 · today\n"), "{text}");
}

#[test]
fn birthdays_and_tasks_across_the_year_end() {
    let book = TestBook::new();
    let contact = |id: &str, name: &str, birthday: &str| {
        record(
            &book,
            &format!("contacts/{id}.md"),
            &format!("name = \"{name}\"\nbirthday = {birthday}\n"),
        );
    };
    contact("nurlan", "Нұрлан Әбдіхалықов", "1990-01-02"); // 2027-01-02, turns 37
    contact("zhang-wei", "张伟", "\"01-02\"");
    contact("petr", "Пётр", "1980-12-31"); // 2026-12-31, turns 46
    contact("olga", "Ольга", "\"12-27\""); // yesterday
    contact("yan", "Ян", "\"01-05\""); // 8 days
    record(&book, "tasks/novyy-god.md", "title = \"Поздравить с Новым годом\"\ndue = 2027-01-04\n");
    record(&book, "tasks/posle.md", "title = \"После праздников\"\ndue = 2027-01-05\n");
    let now = "2026-12-28T09:00:00+05:00";
    assert_eq!(
        items(&book, now, &["agenda"]),
        [
            task(
                "due",
                "novyy-god",
                "Поздравить с Новым годом",
                "2027-01-04",
                7,
                "2027-01-04",
                &[]
            ),
            birthday("petr", "Пётр", "2026-12-31", 3, "1980-12-31", Some(46)),
            birthday("nurlan", "Нұрлан Әбдіхалықов", "2027-01-02", 5, "1990-01-02", Some(37)),
            birthday("zhang-wei", "张伟", "2027-01-02", 5, "01-02", None),
        ]
    );
    let text = at(&book, now, &["agenda"]);
    assert!(text.ok().starts_with("rolo: Monday 2026-12-28\n"), "{text}");
    assert!(text.stdout.contains("Нұрлан Әбдіхалықов — turns 37 · in 5 days\n"), "{text}");
}

// ---------------------------------------------------------------------------------------
// Deals

#[test]
fn deals_closing_past_and_within_the_look_ahead() {
    let book = TestBook::new();
    // Created three days ago, so none of the open ones is stale.
    let recent = "created = 2026-11-20T10:00:00+05:00\n";
    let long_ago = "created = 2026-01-01T10:00:00+05:00\n";
    let d = |id: &str, front: String| record(&book, &format!("deals/{id}.md"), &front);
    d(
        "postavka-mebeli",
        format!(
            "title = \"Поставка мебели\"\nstage = \"proposal\"\nvalue = 1500000\ncurrency = \"KZT\"\nclose = 2026-11-20\n{recent}"
        ),
    );
    d(
        "wangzhan-kaifa",
        format!(
            "title = \"网站开发\"\nstage = \"negotiation\"\nvalue = 2000\ncurrency = \"usd\"\nclose = 2026-11-30\n{recent}"
        ),
    );
    d(
        "dogovor-alma",
        format!("title = \"Договор с ТОО «Алма»\"\nstage = \"lead\"\nclose = 2026-11-23\n{recent}"),
    );
    d(
        "pozzhe",
        format!("title = \"Позже\"\nstage = \"lead\"\nvalue = 10\nclose = 2026-12-01\n{recent}"),
    );
    d("vyigrana", format!("title = \"Выиграна\"\nstage = \"won\"\nclose = 2026-11-22\n{long_ago}"));
    d(
        "proigrana",
        format!("title = \"Проиграна\"\nstage = \"lost\"\nclose = 2026-11-25\n{long_ago}"),
    );
    d("bez-daty", format!("title = \"Без даты\"\nstage = \"lead\"\n{recent}"));

    let postavka = deal(
        "closing",
        "postavka-mebeli",
        "Поставка мебели",
        "2026-11-20",
        -3,
        json!({"stage": "proposal", "value": 1500000.0, "currency": "KZT", "close": "2026-11-20",
               "last_contact": null}),
    );
    let alma = deal(
        "closing",
        "dogovor-alma",
        "Договор с ТОО «Алма»",
        "2026-11-23",
        0,
        json!({"stage": "lead", "value": null, "currency": "EUR", "close": "2026-11-23",
               "last_contact": null}),
    );
    let wangzhan = deal(
        "closing",
        "wangzhan-kaifa",
        "网站开发",
        "2026-11-30",
        7,
        json!({"stage": "negotiation", "value": 2000.0, "currency": "USD", "close": "2026-11-30",
               "last_contact": null}),
    );
    let pozzhe = deal(
        "closing",
        "pozzhe",
        "Позже",
        "2026-12-01",
        8,
        json!({"stage": "lead", "value": 10.0, "currency": "EUR", "close": "2026-12-01",
               "last_contact": null}),
    );
    assert_eq!(items(&book, NOW, &["agenda"]), [postavka.clone(), alma.clone(), wangzhan.clone()]);
    assert_eq!(items(&book, NOW, &["today"]), [postavka.clone(), alma.clone()]);
    assert_eq!(items(&book, NOW, &["agenda", "--days", "8"]), [postavka, alma, wangzhan, pozzhe]);

    let text = at(&book, NOW, &["agenda"]);
    let out = text.ok();
    assert!(out.contains("\n3 deals closing\n\nDeals closing\n"), "{text}");
    for line in [
        "  2026-11-20  postavka-mebeli  Поставка мебели — proposal · 1 500 000 KZT · was to close 3 days ago\n",
        "  2026-11-23  dogovor-alma     Договор с ТОО «Алма» — lead · closes today\n",
        "  2026-11-30  wangzhan-kaifa   网站开发 — negotiation · 2 000 USD · closes in 7 days\n",
    ] {
        assert!(out.contains(line), "no {line:?} in\n{text}");
    }
}

#[test]
fn stale_deals_after_stale_deal_days_without_a_note() {
    let book = TestBook::new();
    let long_ago = "created = 2026-01-01T10:00:00+05:00\n";
    let d = |id: &str, title: &str, rest: &str| {
        record(
            &book,
            &format!("deals/{id}.md"),
            &format!("title = \"{title}\"\nstage = \"proposal\"\n{rest}"),
        );
    };
    // Last note about the deal exactly 14 days ago (2026-11-09): stale as of today.
    d("rovno-14", "Ровно 14 дней", long_ago);
    note(&book, "2026-11-09-rovno-14", "2026-11-09T10:00:00+05:00", &["rovno-14"]);
    // 13 days ago: not yet.
    d("13-dney", "Тринадцать дней", long_ago);
    note(&book, "2026-11-10-13-dney", "2026-11-10T10:00:00+05:00", &["deal/13-dney"]);
    // The deal's contact was called 14 days ago (the deal itself in October).
    d("cherez-kontakt", "Через контакт", &format!("contact = \"contact/bolat\"\n{long_ago}"));
    record(&book, "contacts/bolat.md", "name = \"Болат\"\n");
    note(&book, "2026-10-01-cherez-kontakt", "2026-10-01T10:00:00+05:00", &["cherez-kontakt"]);
    note(&book, "2026-11-09-bolat", "2026-11-09T10:00:00+05:00", &["bolat"]);
    // The deal's contact was called 3 days ago: not stale.
    d("svezhiy-kontakt", "Свежий контакт", &format!("contact = \"gulnara\"\n{long_ago}"));
    record(&book, "contacts/gulnara.md", "name = \"Гүлнара\"\n");
    note(&book, "2026-11-20-gulnara", "2026-11-20T10:00:00+05:00", &["gulnara"]);
    // The deal's company was written about 20 days ago (2026-11-03): stale since 11-17.
    d("aliyun", "阿里云合同", &format!("company = \"kaspi\"\n{long_ago}"));
    record(&book, "companies/kaspi.md", "name = \"Каспи Банк\"\n");
    note(&book, "2026-11-03-kaspi", "2026-11-03T10:00:00+05:00", &["company/kaspi"]);
    // Someone at the deal's company was called 3 days ago: not stale.
    d("halyk-depozit", "Халык депозит", &format!("company = \"halyk\"\n{long_ago}"));
    record(&book, "companies/halyk.md", "name = \"Halyk Bank\"\n");
    record(&book, "contacts/asem.md", "name = \"Әсем\"\ncompany = \"halyk\"\n");
    note(&book, "2026-11-20-asem", "2026-11-20T10:00:00+05:00", &["asem"]);
    // No notes: counted from `created` (2026-11-01 → stale since 11-15; 2026-11-10 → not).
    d("bez-zametok", "Без заметок", "created = 2026-11-01T10:00:00+05:00\n");
    d("novaya", "Новая", "created = 2026-11-10T10:00:00+05:00\n");
    // Closed deals are never stale.
    record(
        &book,
        "deals/vyigrana.md",
        &format!("title = \"Выиграна\"\nstage = \"won\"\n{long_ago}"),
    );
    record(
        &book,
        "deals/proigrana.md",
        &format!("title = \"Проиграна\"\nstage = \"lost\"\n{long_ago}"),
    );

    let stale = |id: &str, title: &str, date: &str, days: i64, last: Json| {
        deal(
            "stale",
            id,
            title,
            date,
            days,
            json!({"stage": "proposal", "value": null, "currency": "EUR", "close": null,
                   "last_contact": last}),
        )
    };
    let expected = [
        stale("bez-zametok", "Без заметок", "2026-11-15", -8, Json::Null),
        stale("aliyun", "阿里云合同", "2026-11-17", -6, json!("2026-11-03")),
        stale("rovno-14", "Ровно 14 дней", "2026-11-23", 0, json!("2026-11-09")),
        stale("cherez-kontakt", "Через контакт", "2026-11-23", 0, json!("2026-11-09")),
    ];
    assert_eq!(items(&book, NOW, &["agenda"]), expected);
    // Stale is about the past: today shows the same.
    assert_eq!(items(&book, NOW, &["today"]), expected);

    let text = at(&book, NOW, &["agenda"]);
    let out = text.ok();
    assert!(out.contains("\n4 stale deals\n\nStale deals\n"), "{text}");
    assert!(
        out.contains("  2026-11-15  bez-zametok     Без заметок — proposal · no contact yet\n"),
        "{text}"
    );
    assert!(
        out.contains(
            "  2026-11-23  rovno-14        Ровно 14 дней — proposal · no contact since 2026-11-09 (14 days ago)\n"
        ),
        "{text}"
    );
}

#[test]
fn look_ahead_and_stale_days_come_from_rolo_toml() {
    let book = TestBook::new();
    book.write("rolo.toml", "[digest]\ndays = 3\nstale_deal_days = 30\n");
    record(&book, "tasks/cherez-tri.md", "title = \"Через три дня\"\ndue = 2026-11-26\n");
    record(&book, "tasks/cherez-chetyre.md", "title = \"Через четыре дня\"\ndue = 2026-11-27\n");
    record(&book, "contacts/anna-petrova.md", "name = \"Анна Петрова\"\nbirthday = 1990-11-27\n");
    // Last note 30 days ago (2026-10-24): stale as of today; 29 days ago: not.
    let deal_front = |title: &str| {
        format!("title = \"{title}\"\nstage = \"lead\"\ncreated = 2026-01-01T10:00:00+05:00\n")
    };
    record(&book, "deals/tridtsat.md", &deal_front("Тридцать"));
    note(&book, "2026-10-24-tridtsat", "2026-10-24T10:00:00+05:00", &["tridtsat"]);
    record(&book, "deals/dvadtsat-devyat.md", &deal_front("Двадцать девять"));
    note(&book, "2026-10-25-dvadtsat-devyat", "2026-10-25T10:00:00+05:00", &["dvadtsat-devyat"]);

    let stale = deal(
        "stale",
        "tridtsat",
        "Тридцать",
        "2026-11-23",
        0,
        json!({"stage": "lead", "value": null, "currency": "EUR", "close": null,
               "last_contact": "2026-10-24"}),
    );
    assert_eq!(
        items(&book, NOW, &["agenda"]),
        [
            task("due", "cherez-tri", "Через три дня", "2026-11-26", 3, "2026-11-26", &[]),
            stale.clone()
        ]
    );
    // --days overrides the book's look-ahead.
    assert_eq!(
        brief(&items(&book, NOW, &["agenda", "--days", "4"])),
        [
            "due task/cherez-tri 2026-11-26 3",
            "due task/cherez-chetyre 2026-11-27 4",
            "birthday contact/anna-petrova 2026-11-27 4",
            "stale deal/tridtsat 2026-11-23 0",
        ]
    );
    let digest = at(&book, NOW, &["digest"]);
    assert!(
        digest.ok().contains("cherez-tri") && !digest.stdout.contains("cherez-chetyre"),
        "{digest}"
    );
    let wider = at(&book, NOW, &["digest", "--days", "4"]);
    assert!(wider.ok().contains("cherez-chetyre"), "{wider}");
}

#[test]
fn a_huge_look_ahead_is_no_crash() {
    // u32::MAX days from 2026 is beyond any date: everything ahead is within it, or it is
    // refused as a usage error, but the command never panics.
    let book = TestBook::new();
    record(&book, "tasks/kogda-nibud.md", "title = \"Когда-нибудь\"\ndue = 2099-01-01\n");
    for args in [
        &["agenda", "--days", "4294967295"][..],
        &["agenda", "--days", "4294967295", "--json"],
        &["digest", "--days", "4294967295"],
    ] {
        let run = at(&book, NOW, args);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {run}");
        assert!(run.code == 0 || run.code == 2, "{args:?}: {run}");
        if run.code == 0 {
            assert!(run.stdout.contains("kogda-nibud"), "{args:?}: {run}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Owners

#[test]
fn the_owner_filter_ignores_case_and_knows_the_default_owner() {
    let book = TestBook::new();
    book.write("rolo.toml", "[defaults]\nowner = \"Дәурен\"\n");
    record(
        &book,
        "tasks/zhoba.md",
        "title = \"Жоба жоспары\"\nowner = \"Asel\"\ndue = 2026-11-23\n",
    );
    record(&book, "tasks/moya.md", "title = \"Моя задача\"\ndue = 2026-11-23\n");
    record(
        &book,
        "contacts/wang-xiao-ming.md",
        "name = \"王小明\"\nowner = \"asel\"\nbirthday = 1990-11-24\n",
    );
    record(
        &book,
        "deals/sdelka-asel.md",
        "title = \"Сделка Асель\"\nowner = \"ASEL\"\nstage = \"proposal\"\nclose = 2026-11-25\ncreated = 2026-11-20T10:00:00+05:00\n",
    );
    record(
        &book,
        "contacts/anna-petrova.md",
        "name = \"Анна Петрова\"\nfollow_up = \"30d\"\ncreated = 2026-10-14T10:00:00+05:00\n",
    );
    // Asel's contact, due a follow-up, but Dauren has an open task about her: handled,
    // whoever owns the task.
    record(
        &book,
        "contacts/timur.md",
        "name = \"Тимур\"\nowner = \"asel\"\nfollow_up = \"30d\"\ncreated = 2026-10-14T10:00:00+05:00\n",
    );
    record(&book, "tasks/timuru.md", "title = \"Тимурға қоңырау\"\nabout = [\"timur\"]\n");

    let owned = |v: Json, owner: &str| with(v, json!({"owner": owner}));
    let asel_task =
        owned(task("due", "zhoba", "Жоба жоспары", "2026-11-23", 0, "2026-11-23", &[]), "Asel");
    let my_task =
        owned(task("due", "moya", "Моя задача", "2026-11-23", 0, "2026-11-23", &[]), "Дәурен");
    let anna =
        owned(follow("anna-petrova", "Анна Петрова", "2026-11-13", -10, "30d", None), "Дәурен");
    let wang = owned(
        birthday("wang-xiao-ming", "王小明", "2026-11-24", 1, "1990-11-24", Some(36)),
        "asel",
    );
    let closing = owned(
        deal(
            "closing",
            "sdelka-asel",
            "Сделка Асель",
            "2026-11-25",
            2,
            json!({"stage": "proposal", "value": null, "currency": "EUR", "close": "2026-11-25",
                   "last_contact": null}),
        ),
        "ASEL",
    );
    assert_eq!(
        items(&book, NOW, &["agenda", "--owner", "asel"]),
        [asel_task.clone(), wang.clone(), closing.clone()]
    );
    assert_eq!(
        items(&book, NOW, &["agenda", "--owner", "ДӘУРЕН"]),
        [my_task.clone(), anna.clone()]
    );
    let everyone = vec![asel_task.clone(), my_task, anna, wang, closing];
    assert_eq!(items(&book, NOW, &["agenda", "--owner", "asel", "--owner", "дәурен"]), everyone);
    assert_eq!(items(&book, NOW, &["agenda"]), everyone);
    assert_eq!(items(&book, NOW, &["today", "--owner", "Asel"]), [asel_task]);
    assert_eq!(items(&book, NOW, &["agenda", "--owner", "nobody"]), none());

    let digest = at(&book, NOW, &["digest", "--owner", "asel"]);
    assert!(digest.ok().contains("zhoba") && !digest.stdout.contains("moya"), "{digest}");
    for format in ["text", "markdown", "html"] {
        let run = at(&book, NOW, &["digest", "--owner", "nobody", "--format", format]);
        assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "{format}");
    }
    assert_eq!(at(&book, NOW, &["agenda", "--owner", "nobody"]).ok(), "Nothing needs attention.\n");
}

// ---------------------------------------------------------------------------------------
// The digest

/// Nothing needs attention in this book on 2026-11-23 (see each comment).
fn quiet_book() -> TestBook {
    let book = TestBook::new();
    record(&book, "tasks/pozzhe.md", "title = \"Позже\"\ndue = 2026-12-15\n"); // beyond 7 days
    record(
        &book,
        "tasks/sdelano.md",
        "title = \"Сделано\"\ndue = 2026-11-01\ndone = 2026-11-01T10:00:00+05:00\n",
    );
    record(&book, "tasks/bez-sroka.md", "title = \"Без срока\"\n");
    // Birthday in January; follow-up 30 days after a note 3 days ago.
    record(
        &book,
        "contacts/anna-petrova.md",
        "name = \"Анна Петрова\"\nbirthday = 1990-01-20\nfollow_up = \"30d\"\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    note(&book, "2026-11-20-anna-petrova", "2026-11-20T10:00:00+05:00", &["anna-petrova"]);
    // Closes next month, talked about 3 days ago.
    record(
        &book,
        "deals/sayt.md",
        "title = \"Сайт\"\nstage = \"proposal\"\ncontact = \"anna-petrova\"\nclose = 2026-12-31\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    // Closed deals with past dates and no notes.
    record(
        &book,
        "deals/vyigrana.md",
        "title = \"Выиграна\"\nstage = \"won\"\nclose = 2026-06-01\ncreated = 2026-01-01T10:00:00+05:00\n",
    );
    record(
        &book,
        "deals/proigrana.md",
        "title = \"Проиграна\"\nstage = \"lost\"\nclose = 2026-06-01\ncreated = 2026-01-01T10:00:00+05:00\n",
    );
    book
}

#[test]
fn the_digest_is_silent_when_nothing_needs_attention() {
    for (what, book) in [("empty book", TestBook::new()), ("quiet book", quiet_book())] {
        for extra in [&[][..], &["--days", "0"], &["--days", "7"]] {
            for format in ["text", "markdown", "html"] {
                let mut args = vec!["digest", "--format", format];
                args.extend(extra);
                for run in [at(&book, NOW, &args), files_at(&book, NOW, &args)] {
                    assert_eq!(run.code, 0, "{what} {args:?}: {run}");
                    assert_eq!(run.stdout, "", "{what} {args:?}: {run}");
                    assert_eq!(run.stderr, "", "{what} {args:?}: {run}");
                }
            }
        }
        let plain = at(&book, NOW, &["digest"]);
        assert_eq!(
            (plain.code, plain.stdout.as_str(), plain.stderr.as_str()),
            (0, "", ""),
            "{what}"
        );
        // The agenda says so in words, and JSON is an empty array.
        assert_eq!(at(&book, NOW, &["agenda"]).ok(), "Nothing needs attention.\n", "{what}");
        assert_eq!(at(&book, NOW, &["today"]).ok(), "Nothing needs attention.\n", "{what}");
        assert_eq!(items(&book, NOW, &["agenda"]), none(), "{what}");
        assert_eq!(items(&book, NOW, &["today"]), none(), "{what}");
        assert_eq!(items(&book, NOW, &["digest"]), none(), "{what}");
    }
}

/// One item of every kind on 2026-11-23; the title of the overdue task needs escaping.
fn digest_book() -> TestBook {
    let book = TestBook::new();
    // 3 days overdue.
    record(
        &book,
        "tasks/schet.md",
        "title = \"Счёт <b> & Co\"\ndue = 2026-11-20\nabout = [\"company/alma\"]\n",
    );
    // Today at 15:00; it is about Wang Xiaoming, whose own follow-up it thereby handles.
    record(
        &book,
        "tasks/zvonok.md",
        "title = \"Позвонить 王小明\"\ndue = 2026-11-23T15:00:00+05:00\nabout = [\"wang-xiao-ming\"]\n",
    );
    // In 2 days, weekly.
    record(&book, "tasks/esep.md", "title = \"Есеп\"\ndue = 2026-11-25\nrepeat = \"1w\"\n");
    // Birthday tomorrow (turns 36); follow-up long due but handled by the task above.
    record(
        &book,
        "contacts/wang-xiao-ming.md",
        "name = \"王小明\"\nbirthday = 1990-11-24\nfollow_up = \"30d\"\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    // Two weeks after the note of 2026-11-01: due since 2026-11-15.
    record(
        &book,
        "contacts/aygul-seyitqyzy.md",
        "name = \"Айгүл Сейітқызы\"\nfollow_up = \"2w\"\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    note(&book, "2026-11-01-aygul-seyitqyzy", "2026-11-01T10:00:00+05:00", &["aygul-seyitqyzy"]);
    // Closes in 7 days; its contact's last note is 22 days old: stale since 2026-11-15.
    record(
        &book,
        "deals/sayt.md",
        "title = \"Сайт для ТОО «Алма»\"\nstage = \"proposal\"\nvalue = 1200000\ncurrency = \"KZT\"\ncontact = \"aygul-seyitqyzy\"\ncompany = \"alma\"\nclose = 2026-11-30\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    record(&book, "companies/alma.md", "name = \"ТОО «Алма»\"\n");
    book
}

#[test]
fn the_digest_as_text() {
    let book = digest_book();
    // Columns: widest "when" "2026-11-23 15:00" (16), widest REF "aygul-seyitqyzy" (15).
    let expected = "\
rolo: Monday 2026-11-23
1 overdue · 1 due today · 1 upcoming · 1 follow-up · 1 birthday · 1 deal closing · 1 stale deal

Overdue
  2026-11-20        schet            Счёт <b> & Co — about company/alma · 3 days overdue

Today
  2026-11-23 15:00  zvonok           Позвонить 王小明 — about wang-xiao-ming

Upcoming
  2026-11-25        esep             Есеп — every 1w · in 2 days

Follow-ups
  2026-11-15        aygul-seyitqyzy  Айгүл Сейітқызы — every 2w · last contact 2026-11-01 (22 days ago)

Birthdays
  2026-11-24        wang-xiao-ming   王小明 — turns 36 · tomorrow

Deals closing
  2026-11-30        sayt             Сайт для ТОО «Алма» — proposal · 1 200 000 KZT · closes in 7 days

Stale deals
  2026-11-15        sayt             Сайт для ТОО «Алма» — proposal · 1 200 000 KZT · no contact since 2026-11-01 (22 days ago)
";
    for args in [&["digest"][..], &["digest", "--format", "text"]] {
        let run = at(&book, NOW, args);
        assert_eq!(run.ok(), expected, "{args:?}");
        assert_eq!(run.stderr, "", "{args:?}");
    }
    // `agenda` shows the same; `digest --json` is the agenda's JSON.
    assert_eq!(at(&book, NOW, &["agenda"]).ok(), expected);
    assert_eq!(items(&book, NOW, &["digest"]), items(&book, NOW, &["agenda"]));
    assert_eq!(
        brief(&items(&book, NOW, &["agenda"])),
        [
            "overdue task/schet 2026-11-20 -3",
            "due task/zvonok 2026-11-23 0",
            "due task/esep 2026-11-25 2",
            "follow_up contact/aygul-seyitqyzy 2026-11-15 -8",
            "birthday contact/wang-xiao-ming 2026-11-24 1",
            "closing deal/sayt 2026-11-30 7",
            "stale deal/sayt 2026-11-15 -8",
        ]
    );
}

#[test]
fn the_digest_as_markdown() {
    let book = digest_book();
    let run = at(&book, NOW, &["digest", "--format", "markdown"]);
    let md = run.ok();
    assert_eq!(run.stderr, "");
    assert!(md.starts_with("# rolo: Monday 2026-11-23\n\n"), "{md}");
    assert!(
        md.contains(
            "\n1 overdue · 1 due today · 1 upcoming · 1 follow-up · 1 birthday · 1 deal closing · 1 stale deal\n"
        ),
        "{md}"
    );
    let mut seen = 0;
    for heading in [
        "## Overdue (1)",
        "## Today (1)",
        "## Upcoming (1)",
        "## Follow-ups (1)",
        "## Birthdays (1)",
        "## Deals closing (1)",
        "## Stale deals (1)",
    ] {
        let found = md[seen..]
            .find(&format!("\n{heading}\n"))
            .unwrap_or_else(|| panic!("no {heading} in order:\n{md}"));
        seen += found + 1;
    }
    // One list item per item, each with its REF in code; markup in titles escaped.
    assert_eq!(md.lines().filter(|l| l.starts_with("- ")).count(), 7, "{md}");
    assert!(md.contains("- 2026-11-20 · **Счёт \\<b\\> & Co** `schet` — "), "{md}");
    assert!(md.contains("- 2026-11-23 15:00 · **Позвонить 王小明** `zvonok`"), "{md}");
    assert!(md.contains("- 2026-11-15 · **Айгүл Сейітқызы** `aygul-seyitqyzy` — every 2w"), "{md}");
    assert!(
        md.contains("- 2026-11-24 · **王小明** `wang-xiao-ming` — turns 36 · tomorrow\n"),
        "{md}"
    );
    assert!(md.contains("- 2026-11-30 · **Сайт для ТОО «Алма»** `sayt` — proposal · 1 200 000 KZT · closes in 7 days\n"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"), "{md:?}");
}

#[test]
fn the_html_digest_names_a_bad_file_once_either_way() {
    let book = digest_book();
    book.write("contacts/broken.md", "+++\nname = \"Сломан\n+++\n");
    for run in [
        at(&book, NOW, &["digest", "--format", "html"]),
        files_at(&book, NOW, &["digest", "--format", "html"]),
    ] {
        assert!(run.ok().contains("</html>"), "{run}");
        assert_eq!(run.stderr.matches("contacts/broken.md:2:").count(), 1, "{run}");
    }
}

#[test]
fn the_digest_as_a_standalone_html_page() {
    let book = digest_book();
    let run = at(&book, NOW, &["digest", "--format", "html"]);
    let html = run.ok();
    assert_eq!(run.stderr, "");
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
    assert!(html.trim_end().ends_with("</html>"), "{html}");
    assert!(html.contains("<meta charset=\"utf-8\">"), "{html}");
    assert!(html.contains("<title>rolo: Monday 2026-11-23</title>"), "{html}");
    // A page on its own: no stylesheet or script to fetch.
    assert!(!html.contains("<link") && !html.contains("<script"), "{html}");
    for heading in [
        "Overdue (1)",
        "Today (1)",
        "Upcoming (1)",
        "Follow-ups (1)",
        "Birthdays (1)",
        "Deals closing (1)",
        "Stale deals (1)",
    ] {
        assert!(html.contains(&format!(">{heading}</h2>")), "no {heading}:\n{html}");
    }
    assert_eq!(html.matches("<tr>").count(), 7, "{html}");
    for reference in ["schet", "zvonok", "esep", "aygul-seyitqyzy", "wang-xiao-ming", "sayt"] {
        assert!(html.contains(&format!("<code>{reference}</code>")), "no {reference}:\n{html}");
    }
    // The title's markup is text.
    assert!(html.contains("Счёт &lt;b&gt; &amp; Co"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("& Co"), "{html}");
    assert!(html.contains("Сайт для ТОО «Алма»"), "{html}");
    assert!(html.contains("1 200 000 KZT · closes in 7 days"), "{html}");
}

#[test]
fn the_digest_is_deterministic_and_never_coloured() {
    let book = digest_book();
    for format in ["text", "markdown", "html"] {
        let first = at(&book, NOW, &["digest", "--format", format]);
        let second = at(&book, NOW, &["digest", "--format", format]);
        assert_eq!(first.ok(), second.ok(), "{format}");
        // Asked for colours, with NO_COLOR unset: still the same bytes.
        for color in ["always", "auto"] {
            let mut cmd = book.command(["--color", color, "digest", "--format", format]);
            cmd.env("ROLO_NOW", NOW).env_remove("NO_COLOR").env("TERM", "xterm-256color");
            let coloured = run(cmd);
            assert_eq!(coloured.ok(), first.stdout, "{format} --color {color}");
            assert!(!coloured.stdout.contains('\u{1b}'), "{format} --color {color}");
        }
    }
    // The agenda's text is the digest's; on a terminal (or --color always) it may
    // colour its headings and overdue dates, never with NO_COLOR or --color never.
    let mut cmd = book.command(["agenda", "--color", "never"]);
    cmd.env("ROLO_NOW", NOW).env_remove("NO_COLOR");
    let agenda = run(cmd);
    assert!(!agenda.ok().contains('\u{1b}'), "{agenda}");
    assert_eq!(agenda.stdout, at(&book, NOW, &["digest"]).stdout);
    let mut cmd = book.command(["agenda", "--color", "always"]);
    cmd.env("ROLO_NOW", NOW).env_remove("NO_COLOR");
    let coloured = run(cmd);
    assert!(coloured.ok().contains("\u{1b}[1mOverdue\u{1b}[0m"), "{coloured}");
    assert!(coloured.stdout.contains("\u{1b}[31m"), "{coloured}");
    let plain =
        coloured.stdout.replace("\u{1b}[1m", "").replace("\u{1b}[31m", "").replace("\u{1b}[0m", "");
    assert_eq!(plain, agenda.stdout, "colour changes nothing else");
    let mut cmd = book.command(["agenda", "--color", "auto"]);
    cmd.env("ROLO_NOW", NOW).env("NO_COLOR", "1");
    assert_eq!(run(cmd).stdout, agenda.stdout, "NO_COLOR");
}

// ---------------------------------------------------------------------------------------
// The index and the files; reading never writes

/// Every kind of item, owners, a bad cadence, defaults from rolo.toml in any case,
/// leap-day birthdays, notes at the edge of a day.
fn mixed_book() -> TestBook {
    let book = digest_book();
    book.write(
        "rolo.toml",
        "[defaults]\nowner = \"Дәурен\"\n[follow_up]\ntags = { vip = \"14d\" }\nstages = { customer = \"60d\" }\n",
    );
    record(&book, "contacts/erlan.md", "name = \"Ерлан\"\nfollow_up = \"3x\"\n");
    record(
        &book,
        "contacts/li-na.md",
        "name = \"李娜\"\ntags = [\"VIP\"]\nowner = \"Asel\"\nbirthday = 1996-02-29\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    note(&book, "2026-11-09-li-na", "2026-11-08T20:00:00Z", &["contact/li-na"]);
    record(
        &book,
        "contacts/nurlan.md",
        "name = \"Нұрлан\"\nstage = \"Customer\"\ncompany = \"kaspi\"\nbirthday = \"11-25\"\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    record(
        &book,
        "companies/kaspi.md",
        "name = \"Каспи Банк\"\nfollow_up = \"30d\"\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    note(&book, "2026-09-20-nurlan", "2026-09-20T10:00:00+05:00", &["nurlan"]);
    record(
        &book,
        "deals/kaspi-deal.md",
        "title = \"Kaspi депозит\"\nowner = \"asel\"\nstage = \"negotiation\"\nvalue = 5000\ncompany = \"kaspi\"\nclose = 2026-11-24\ncreated = 2026-01-10T10:00:00+05:00\n",
    );
    record(
        &book,
        "tasks/asel.md",
        "title = \"Asel's task\"\nowner = \"asel\"\ndue = 2026-11-23T08:00:00\n",
    );
    record(
        &book,
        "tasks/sdelano.md",
        "title = \"Сделано\"\ndue = 2026-11-01\nabout = [\"erlan\"]\ndone = 2026-11-02T10:00:00+05:00\n",
    );
    book
}

#[test]
fn the_index_and_the_files_agree() {
    let book = mixed_book();
    commit_all(&book, "test: a mixed book");
    let runs: [&[&str]; 9] = [
        &["agenda", "--json"],
        &["agenda", "--days", "30", "--json"],
        &["agenda", "--days", "400", "--json"],
        &["today", "--json"],
        &["agenda", "--owner", "asel", "--json"],
        &["agenda", "--owner", "дәурен", "--json"],
        &["agenda"],
        &["digest", "--format", "html"],
        &["digest", "--format", "markdown"],
    ];
    for now in [NOW, "2026-11-23T20:00:00Z", "2027-02-28", "2026-12-28T09:00:00+05:00"] {
        for args in runs {
            // Twice through the index: built, then read fresh.
            let first = at(&book, now, args);
            let fast = at(&book, now, args);
            let slow = files_at(&book, now, args);
            assert_eq!(first.stdout, fast.stdout, "{args:?} at {now}");
            assert_eq!(fast.code, 0, "{args:?} at {now}: {fast}");
            assert_eq!(fast.stdout, slow.stdout, "{args:?} at {now}");
            assert_eq!(fast.stderr, slow.stderr, "{args:?} at {now}");
            assert_eq!(fast.code, slow.code, "{args:?} at {now}");
        }
    }
    // The book is not empty of items at NOW, and the warning is there both ways.
    let all = at(&book, NOW, &["agenda", "--json"]);
    assert!(all.json().as_array().unwrap().len() > 8, "{all}");
    assert!(all.stderr.contains("contacts/erlan.md"), "{all}");
}

/// The agenda kept beside the index (rolo.toml's look-ahead's and today's) is read back
/// while it holds, and judged again, as the files give it, when the clock passes a task
/// due at a time or goes back, the day turns, or the book, rolo.toml, the zone or the
/// owners asked for change, or the kept file is damaged. Another look-ahead is not kept.
#[test]
fn a_kept_agenda_is_read_only_while_it_holds() {
    let book = mixed_book();
    record(
        &book,
        "tasks/zvonok.md",
        "title = \"Звонок в банк\"\ndue = 2026-11-23T18:30:00+05:00\n",
    );
    let kept = book.path(".rolo/index/rolo-derived-agenda-7");
    let args = ["agenda"];
    // What the files give, which the index must give too; its text.
    let same = |now: &str, args: &[&str], what: &str| -> String {
        let (fast, slow) = (at(&book, now, args), files_at(&book, now, args));
        assert_eq!(fast.code, 0, "{what}: {fast}");
        assert_eq!((&fast.stdout, &fast.stderr), (&slow.stdout, &slow.stderr), "{what}");
        fast.stdout
    };
    let judged = same(NOW, &args, "judged");
    assert!(judged.contains("Звонок в банк"), "{judged}");
    assert!(kept.exists(), "kept at {}", kept.display());
    // Read back while it holds: a title changed in the kept bytes (the same length)
    // shows, until 18:30 itself.
    let mark = |title: &str| {
        let bytes = std::fs::read(&kept).unwrap();
        let (from, to) = ("Звонок в банк".as_bytes(), title.as_bytes());
        let at = bytes.windows(from.len()).position(|w| w == from).expect("the title is kept");
        let mut marked = bytes.clone();
        marked[at..at + to.len()].copy_from_slice(to);
        std::fs::write(&kept, marked).unwrap();
    };
    mark("Звонок в цирк");
    for now in [NOW, "2026-11-23T18:30:00+05:00"] {
        assert!(at(&book, now, &args).stdout.contains("Звонок в цирк"), "read back at {now}");
    }
    // The other look-ahead is kept apart, and leaves this one be.
    same(NOW, &["today"], "today");
    assert!(at(&book, NOW, &args).stdout.contains("Звонок в цирк"), "still kept");
    // A second after 18:30 the call is overdue: judged again.
    let overdue = same("2026-11-23T18:30:01+05:00", &args, "overdue");
    assert!(!overdue.contains("цирк") && overdue != judged, "{overdue}");
    // Back before it was judged (a clock set back): judged again.
    assert_eq!(same(NOW, &args, "back"), judged);
    // Every other change: judged again, each time what the files give.
    let changes: [(&str, &dyn Fn()); 4] = [
        ("the next day", &|| {}),
        ("a hand edit", &|| {
            record(&book, "tasks/novaya.md", "title = \"Новая\"\ndue = 2026-11-24\n");
        }),
        ("rolo.toml", &|| {
            let config = book.read("rolo.toml");
            book.write("rolo.toml", &format!("{config}[digest]\nstale_deal_days = 3\n"));
        }),
        ("a damaged file", &|| {
            let bytes = std::fs::read(&kept).unwrap();
            std::fs::write(&kept, &bytes[..bytes.len() - 10]).unwrap();
        }),
    ];
    for (what, change) in changes {
        mark("Звонок в цирк");
        change();
        let now = if what == "the next day" { "2026-11-24T10:00:00+05:00" } else { NOW };
        let text = same(now, &args, what);
        assert!(!text.contains("цирк"), "{what}: {text}");
    }
    // Another zone, other owners: judged again.
    mark("Звонок в цирк");
    let (zoned, slow) = (in_tz(&book, "<-10>10", NOW, &args), {
        let mut cmd = book.command(args);
        cmd.env("ROLO_NOW", NOW).env("TZ", "<-10>10").env("ROLO_NO_INDEX", "1");
        run(cmd)
    });
    assert_eq!(zoned.stdout, slow.stdout);
    assert!(!zoned.stdout.contains("цирк"), "{zoned}");
    mark("Звонок в цирк");
    let theirs = same(NOW, &["agenda", "--owner", "asel"], "owners");
    assert!(!theirs.contains("цирк"), "{theirs}");
    // Another look-ahead: judged each time, never kept.
    for _ in 0..2 {
        same(NOW, &["agenda", "--days", "3"], "three days");
    }
    assert!(!book.exists(".rolo/index/rolo-derived-agenda-3"));
}

#[test]
fn the_index_and_the_files_agree_on_a_stage_written_in_another_case() {
    // Whatever "Won" (not a pipeline stage as written) means to the agenda, the index must
    // give what the files give.
    let book = TestBook::new();
    record(
        &book,
        "deals/bolshaya.md",
        "title = \"Большая сделка\"\nstage = \"Won\"\nclose = 2026-11-20\ncreated = 2026-01-01T10:00:00+05:00\n",
    );
    record(
        &book,
        "deals/malaya.md",
        "title = \"Малая сделка\"\nstage = \"LOST\"\nclose = 2026-11-21\ncreated = 2026-01-01T10:00:00+05:00\n",
    );
    for args in [&["agenda", "--json"][..], &["digest"]] {
        let fast = at(&book, NOW, args);
        let slow = files_at(&book, NOW, args);
        assert_eq!(fast.stdout, slow.stdout, "{args:?}:\nindex:\n{fast}\nfiles:\n{slow}");
    }
}

#[test]
fn hand_edits_show_at_once() {
    let book = TestBook::new();
    record(&book, "tasks/otchet.md", "title = \"Отчёт\"\ndue = 2026-11-22\n");
    record(
        &book,
        "contacts/anna-petrova.md",
        "name = \"Анна Петрова\"\nfollow_up = \"30d\"\ncreated = 2026-10-01T10:00:00+05:00\n",
    );
    assert_eq!(
        brief(&items(&book, NOW, &["agenda"])),
        ["overdue task/otchet 2026-11-22 -1", "follow_up contact/anna-petrova 2026-10-31 -23"]
    );
    // Done by hand; a call noted by hand; a new task written by hand.
    record(
        &book,
        "tasks/otchet.md",
        "title = \"Отчёт\"\ndue = 2026-11-22\ndone = 2026-11-23T09:00:00+05:00\n",
    );
    note(&book, "2026-11-20-anna-petrova", "2026-11-20T10:00:00+05:00", &["anna-petrova"]);
    record(&book, "tasks/novaya.md", "title = \"新任务\"\ndue = 2026-11-24\n");
    assert_eq!(brief(&items(&book, NOW, &["agenda"])), ["due task/novaya 2026-11-24 1"]);
    // And removed by hand.
    std::fs::remove_file(book.path("tasks/novaya.md")).unwrap();
    assert_eq!(items(&book, NOW, &["agenda"]), none());
}

#[test]
fn agenda_and_digest_never_write_a_record() {
    let book = mixed_book();
    commit_all(&book, "test: a mixed book");
    // Old mtimes, so that any rewrite shows.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let root = book.root();
    for rel in files(&root) {
        let f = std::fs::File::options().write(true).open(root.join(&rel)).unwrap();
        f.set_modified(old).unwrap();
    }
    let snapshot = || {
        files(&root)
            .into_iter()
            .map(|rel| {
                let path = root.join(&rel);
                let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
                (rel, std::fs::read(&path).unwrap(), modified)
            })
            .collect::<Vec<_>>()
    };
    let before = snapshot();
    assert!(before.iter().all(|(_, _, m)| *m == old));
    for now in [NOW, "2027-02-28"] {
        for args in [
            &["agenda"][..],
            &["agenda", "--json"],
            &["agenda", "--days", "30", "--owner", "asel"],
            &["today"],
            &["today", "--json"],
            &["digest"],
            &["digest", "--format", "markdown"],
            &["digest", "--format", "html"],
        ] {
            assert_eq!(at(&book, now, args).code, 0, "{args:?}");
            assert_eq!(files_at(&book, now, args).code, 0, "{args:?}");
        }
    }
    let after = snapshot();
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a, "{} changed", b.0);
    }
    assert_eq!(status(&book), "", "the work tree changed");
}

/// Offsets run from -12:00 to +14:00, so a date written with one may lie two days after
/// the local date. At -11 (Pago Pago), 2026-11-30 12:00: a task due
/// 2026-12-02T00:30:00+14:00 (= 2026-12-01 10:30 UTC = 2026-11-30 23:30 local) is due
/// today; a deal written `stage = ["won"]` (a list, not a stage) counts as open. The
/// index must show what the files show.
#[test]
fn far_offsets_and_odd_stages_give_the_same_agenda_from_the_index() {
    let book = TestBook::new();
    record(&book, "tasks/call.md", "title = \"Позвонить\"\ndue = 2026-12-02T00:30:00+14:00\n");
    record(
        &book,
        "deals/odd.md",
        "title = \"网站\"\nstage = [\"won\"]\nclose = 2026-11-29\ncreated = 2026-11-01T00:00:00Z\n",
    );
    let (tz, now) = ("<-11>11", "2026-11-30T12:00:00-11:00");
    let from_index = in_tz(&book, tz, now, &["today", "--json"]);
    let mut cmd = book.command(["today", "--json"]);
    cmd.env("ROLO_NOW", now).env("TZ", tz).env("ROLO_NO_INDEX", "1");
    let from_files = run(cmd);
    assert_eq!(from_index.stdout, from_files.stdout);
    assert_eq!(
        brief(&items_of(&from_index, "today at -11")),
        [
            "due task/call 2026-11-30 0",
            "closing deal/odd 2026-11-29 -1",
            // Created 2026-10-31 local: no note for 14 days by 2026-11-14.
            "stale deal/odd 2026-11-14 -16",
        ]
    );
}

/// The agendas kept beside the index removed: the next one is judged from the facts and
/// rows again.
fn forget_kept_agendas(book: &TestBook) {
    for entry in std::fs::read_dir(book.path(".rolo/index")).unwrap().flatten() {
        if entry.file_name().to_string_lossy().starts_with("rolo-derived-agenda-") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
}

/// The agenda's cached facts cut short (a torn write) or grown: the agenda is the same,
/// and the cache is written whole again.
#[test]
fn damaged_cached_facts_are_computed_again() {
    let book = tasks_book();
    record(&book, "contacts/anna-petrova.md", "name = \"Анна Петрова\"\nfollow_up = \"2w\"\n");
    let before = items(&book, NOW, &["agenda"]);
    assert!(before.len() > 3, "{before:?}");
    let facts = book.path(".rolo/index/rolo-facts");
    let whole = std::fs::read(&facts).expect("the agenda caches its facts");
    for damaged in [whole[..whole.len() - 3].to_vec(), [whole.as_slice(), b"x"].concat()] {
        std::fs::write(&facts, &damaged).unwrap();
        forget_kept_agendas(&book);
        assert_eq!(items(&book, NOW, &["agenda"]), before);
        assert_eq!(std::fs::read(&facts).unwrap(), whole, "written whole again");
    }
}

/// The index's rows of a kind cut short or grown on the disk (a damaged cache): they are
/// built again, and the agenda and the pipeline read every record as before.
#[test]
fn damaged_rows_are_built_again() {
    let book = tasks_book();
    record(&book, "deals/sayt.md", "title = \"Сайт\"\nstage = \"proposal\"\nclose = 2026-11-25\n");
    let agenda = items(&book, NOW, &["agenda"]);
    let pipeline = at(&book, NOW, &["pipeline", "--json"]).json();
    let rows = book.path(".rolo/index/rows-4");
    let files: Vec<_> = std::fs::read_dir(&rows)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| std::fs::metadata(p).unwrap().len() > 3)
        .collect();
    assert!(files.len() >= 2, "rows of tasks and deals: {files:?}");
    for file in &files {
        let whole = std::fs::read(file).unwrap();
        for damaged in [whole[..whole.len() - 3].to_vec(), [whole.as_slice(), b"x"].concat()] {
            std::fs::write(file, &damaged).unwrap();
            forget_kept_agendas(&book);
            assert_eq!(items(&book, NOW, &["agenda"]), agenda, "{}", file.display());
            assert_eq!(at(&book, NOW, &["pipeline", "--json"]).json(), pipeline);
        }
    }
}
