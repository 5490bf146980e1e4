//! `rolo export ics` (issue "Reminders"): open tasks, birthdays and deal close dates as an
//! iCalendar file that a parser (calcard) reads back: one event per item with the right
//! start, rule and summary; done tasks and won or lost deals left out; times in UTC;
//! folded and escaped text in every script; 29 February; stable, unique UIDs; `-o FILE`.

use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarFrequency, ICalendarProperty,
    ICalendarValue,
};
use chrono::{Datelike, NaiveDate};

use super::snapshot;
use crate::fixtures::add;
use crate::support::{Run, TestBook};

/// The calendar an export holds, parsed back. calcard's strict mode refuses any nested
/// BEGIN, so the lenient parser is used, and every content line must have become a
/// property or a component's BEGIN/END: a malformed line, which it would drop, fails.
#[track_caller]
fn parse(text: &str) -> ICalendar {
    let cal = match calcard::Parser::new(text).entry() {
        calcard::Entry::ICalendar(cal) => cal,
        other => panic!("not an iCalendar ({other:?}):\n{text}"),
    };
    let lines = text.replace("\r\n ", "").trim_end().split("\r\n").count();
    let read: usize = cal.components.iter().map(|c| c.entries.len() + 2).sum();
    assert_eq!(read, lines, "every line parses:\n{text}");
    cal
}

/// `rolo export ics`, checked for the shape every export has: CRLF only, physical lines
/// of at most 75 octets, nothing on stderr.
#[track_caller]
fn export(book: &TestBook) -> String {
    let run = book.rolo(["export", "ics"]);
    shape(&run);
    run.stdout
}

#[track_caller]
fn shape(run: &Run) {
    let text = run.ok();
    assert_eq!(run.stderr, "", "{run}");
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    let lines: Vec<&str> = text.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    for l in &lines {
        assert!(!l.contains('\n') && !l.contains('\r'), "a bare line break: {l:?}");
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
    }
}

/// The events of a calendar, with their component ids (as `expand_dates` names them).
fn events(cal: &ICalendar) -> Vec<(u32, &ICalendarComponent)> {
    (cal.components.iter().enumerate())
        .filter(|(_, c)| c.component_type == ICalendarComponentType::VEvent)
        .map(|(i, c)| (i as u32, c))
        .collect()
}

/// The text values of a property, in order.
fn texts(c: &ICalendarComponent, prop: ICalendarProperty) -> Vec<String> {
    c.properties(&prop)
        .flat_map(|e| e.values.iter())
        .filter_map(|v| v.as_text().map(String::from))
        .collect()
}

/// The one text value of a property.
#[track_caller]
fn text(c: &ICalendarComponent, prop: ICalendarProperty) -> String {
    match texts(c, prop.clone()).as_slice() {
        [one] => one.clone(),
        other => panic!("{prop:?}: {other:?} in {c:?}"),
    }
}

/// DTSTART as written: `20261201` (a date), `20261201T100000Z` (UTC) or
/// `20261202T093000` (floating).
#[track_caller]
fn start(c: &ICalendarComponent) -> String {
    let e = c.property(&ICalendarProperty::Dtstart).expect("DTSTART");
    let d = e.values[0].as_partial_date_time().expect("a date");
    let mut s = format!("{:04}{:02}{:02}", d.year.unwrap(), d.month.unwrap(), d.day.unwrap());
    if let Some(h) = d.hour {
        s += &format!("T{h:02}{:02}{:02}", d.minute.unwrap(), d.second.unwrap_or(0));
        match (d.tz_hour, d.tz_minute) {
            (Some(0), Some(0)) => s.push('Z'),
            (None, None) => {}
            other => panic!("an offset other than Z: {other:?}"),
        }
    }
    s
}

/// RRULE as `(frequency, months, month days)`, if there is one.
fn rule(c: &ICalendarComponent) -> Option<(ICalendarFrequency, Vec<u8>, Vec<i8>)> {
    let e = c.property(&ICalendarProperty::Rrule)?;
    match &e.values[0] {
        ICalendarValue::RecurrenceRule(r) => {
            Some((r.freq, r.bymonth.iter().map(|m| m.month()).collect(), r.bymonthday.clone()))
        }
        other => panic!("RRULE: {other:?}"),
    }
}

/// The one event with this SUMMARY.
#[track_caller]
fn by_summary<'a>(cal: &'a ICalendar, summary: &str) -> (u32, &'a ICalendarComponent) {
    let found: Vec<_> = events(cal)
        .into_iter()
        .filter(|(_, c)| texts(c, ICalendarProperty::Summary) == [summary])
        .collect();
    match found.as_slice() {
        [one] => *one,
        other => panic!("{} events named {summary:?}", other.len()),
    }
}

fn summaries(cal: &ICalendar) -> Vec<String> {
    events(cal).iter().map(|(_, c)| text(c, ICalendarProperty::Summary)).collect()
}

fn uids(cal: &ICalendar) -> Vec<String> {
    events(cal).iter().map(|(_, c)| text(c, ICalendarProperty::Uid)).collect()
}

/// The first `n` days an event falls on, as a calendar app expands its RRULE.
#[track_caller]
fn occurrences(cal: &ICalendar, id: u32, n: usize) -> Vec<NaiveDate> {
    // Alone in a calendar: the expansion's limit counts every event's occurrences.
    let mut root = cal.components[0].clone();
    root.component_ids = vec![1];
    let one = ICalendar { components: vec![root, cal.components[id as usize].clone()] };
    let expanded = one.expand_dates(Tz::UTC, n);
    assert!(expanded.errors.is_empty(), "{:?}", expanded.errors);
    expanded.events.iter().map(|e| e.start.date_naive()).collect()
}

const YEARLY: ICalendarFrequency = ICalendarFrequency::Yearly;

#[test]
fn every_reminder_once_and_nothing_closed() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Анна Петрова", "--birthday", "1988-04-12"]);
    add(&book, &["contact", "add", "Айгүл Сейітқызы", "--birthday", "07-15"]);
    add(&book, &["contact", "add", "王小明", "--email", "xm@example.cn"]);
    add(
        &book,
        &[
            "deal",
            "add",
            "Поставка мебели",
            "--value",
            "1250000",
            "--currency",
            "KZT",
            "--close",
            "2026-12-24",
        ],
    );
    add(&book, &["deal", "add", "长城 order", "--value", "800", "--close", "2026-12-10"]);
    let won = add(&book, &["deal", "add", "Won deal", "--close", "2026-11-30"]);
    book.rolo(["deal", "won", &won]).ok();
    let lost = add(&book, &["deal", "add", "Lost deal", "--close", "2026-12-01"]);
    book.rolo(["deal", "lost", &lost]).ok();
    add(&book, &["deal", "add", "No close date"]);
    add(
        &book,
        &["task", "add", "Отправить счёт", "--due", "2026-11-25", "--about", "anna-petrova"],
    );
    let done = add(&book, &["task", "add", "Already done", "--due", "2026-11-20"]);
    book.rolo(["task", "done", &done]).ok();
    add(&book, &["task", "add", "Someday"]);

    let ics = export(&book);
    let cal = parse(&ics);
    assert_eq!(
        summaries(&cal),
        [
            // Book order: contacts, deals, tasks, each by file name.
            "Birthday: Анна Петрова",
            "Birthday: Айгүл Сейітқызы",
            "Deal closes: Поставка мебели",
            "Deal closes: 长城 order",
            "Отправить счёт",
        ],
        "no won, lost or undated deal, no done or undated task, no birthday-less contact"
    );

    let (_, anna) = by_summary(&cal, "Birthday: Анна Петрова");
    assert_eq!(start(anna), "19880412");
    assert_eq!(rule(anna), Some((YEARLY, vec![], vec![])));
    assert_eq!(text(anna, ICalendarProperty::Description), "Born 1988");
    assert_eq!(text(anna, ICalendarProperty::Categories), "birthday");

    let (_, aigul) = by_summary(&cal, "Birthday: Айгүл Сейітқызы");
    assert_eq!(start(aigul), "20000715", "a year-less birthday starts in a leap year");
    assert_eq!(rule(aigul), Some((YEARLY, vec![], vec![])));
    assert!(texts(aigul, ICalendarProperty::Description).is_empty(), "no year to tell");

    let (_, deal) = by_summary(&cal, "Deal closes: Поставка мебели");
    assert_eq!(start(deal), "20261224");
    assert_eq!(rule(deal), None);
    assert_eq!(text(deal, ICalendarProperty::Description), "Value: 1250000 KZT\nStage: lead");
    assert_eq!(text(deal, ICalendarProperty::Categories), "deal");
    let (_, other) = by_summary(&cal, "Deal closes: 长城 order");
    assert_eq!(
        text(other, ICalendarProperty::Description),
        "Value: 800 EUR\nStage: lead",
        "the book's default currency"
    );

    let (_, task) = by_summary(&cal, "Отправить счёт");
    assert_eq!(start(task), "20261125");
    assert_eq!(rule(task), None);
    assert_eq!(text(task, ICalendarProperty::Description), "About: anna-petrova");
    assert_eq!(text(task, ICalendarProperty::Categories), "task");

    // All-day events: a date and the next day, and they leave the day free.
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("\r\nDTSTART;VALUE=DATE:20261125\r\nDTEND;VALUE=DATE:20261126\r\n"));
    assert_eq!(unfolded.matches("TRANSP:TRANSPARENT\r\n").count(), 5);
    // Every event is stamped with the command's clock, in UTC.
    assert_eq!(unfolded.matches("\r\nDTSTAMP:20261123T050000Z\r\n").count(), 5);
}

#[test]
fn the_calendar_header() {
    let ics = export(&book_with_one_task());
    assert!(
        ics.starts_with(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rolo//rolo//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:rolo\r\nBEGIN:VEVENT\r\n"
        ),
        "{ics}"
    );
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count(), "CRLF only");
}

fn book_with_one_task() -> TestBook {
    let book = TestBook::new();
    add(&book, &["task", "add", "Call back", "--due", "2026-11-24"]);
    book
}

#[test]
fn a_due_time_is_in_utc_and_a_local_time_floats() {
    let book = TestBook::new();
    add(&book, &["task", "add", "Звонок Анне", "--due", "2026-12-01T15:00:00+05:00"]);
    add(&book, &["task", "add", "Утренний обзор", "--due", "2026-12-02 09:30"]);
    book.write(
        "tasks/late-night.md",
        "+++\ntitle = \"Late\"\ndue = 2026-12-31T23:30:00-08:00\n+++\n",
    );
    let ics = export(&book);
    let cal = parse(&ics);
    let (_, call) = by_summary(&cal, "Звонок Анне");
    assert_eq!(start(call), "20261201T100000Z", "15:00 at +05:00 is 10:00 UTC");
    let (_, late) = by_summary(&cal, "Late");
    assert_eq!(start(late), "20270101T073000Z", "the UTC day may be the next one");
    let (_, morning) = by_summary(&cal, "Утренний обзор");
    assert_eq!(start(morning), "20261202T093000", "no offset written: floating time");
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("\r\nDURATION:PT30M\r\n").count(), 3);
    assert!(!unfolded.contains("DTEND") && !unfolded.contains("TRANSP"), "{unfolded}");
}

#[test]
fn a_long_russian_title_folds_and_unfolds() {
    let book = TestBook::new();
    let title = "Позвонить Анне Петровой насчёт договора поставки мебели на следующий \
                 квартал и обсудить скидку за объём, сроки и условия оплаты";
    assert!(title.len() > 3 * 75);
    add(&book, &["task", "add", title, "--due", "2026-12-01"]);
    let ics = export(&book);
    let cal = parse(&ics);
    assert_eq!(summaries(&cal), [title], "parsed back whole");
    // Folded into several physical lines, each a whole number of characters.
    let summary_lines: Vec<&str> = ics
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .collect();
    assert!(summary_lines.len() >= 4, "{summary_lines:?}");
    for l in &summary_lines[..summary_lines.len() - 1] {
        // Full lines: a two-octet letter would not fit in what is left.
        assert!(l.len() == 74 || l.len() == 75, "{} octets: {l:?}", l.len());
    }
    let unfolded: String =
        summary_lines.iter().enumerate().map(|(i, l)| if i == 0 { *l } else { &l[1..] }).collect();
    assert_eq!(unfolded, format!("SUMMARY:{}", title.replace(',', "\\,")));
}

#[test]
fn text_is_escaped() {
    let book = TestBook::new();
    let title = "Счёт, акт; договор\\приложение\nвторая строка";
    book.write(
        "tasks/odd.md",
        "+++\ntitle = \"Счёт, акт; договор\\\\приложение\\nвторая строка\"\ndue = 2026-12-01\n+++\n",
    );
    book.write(
        "deals/semi.md",
        "+++\ntitle = \"A; B, C\"\nstage = \"lead\"\nclose = 2026-12-02\ncurrency = \"US;D\"\nvalue = 5\n+++\n",
    );
    let ics = export(&book);
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("\r\nSUMMARY:Счёт\\, акт\\; договор\\\\приложение\\nвторая строка\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("\r\nSUMMARY:Deal closes: A\\; B\\, C\r\n"), "{unfolded}");
    assert!(unfolded.contains("\r\nDESCRIPTION:Value: 5 US\\;D\\nStage: lead\r\n"), "{unfolded}");
    let cal = parse(&ics);
    assert_eq!(summaries(&cal), ["Deal closes: A; B, C", title]);
    let (_, deal) = by_summary(&cal, "Deal closes: A; B, C");
    assert_eq!(text(deal, ICalendarProperty::Description), "Value: 5 US;D\nStage: lead");
}

#[test]
fn birthdays_on_29_february_show_on_28_february_in_other_years() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Leap Dated", "--birthday", "1992-02-29"]);
    add(&book, &["contact", "add", "Високосный", "--birthday", "02-29"]);
    add(&book, &["contact", "add", "Plain", "--birthday", "04-12"]);
    let ics = export(&book);
    let cal = parse(&ics);
    let (dated_id, dated) = by_summary(&cal, "Birthday: Leap Dated");
    assert_eq!(start(dated), "19920229");
    assert_eq!(rule(dated), Some((YEARLY, vec![2], vec![-1])), "the last day of February");
    let (yearless_id, yearless) = by_summary(&cal, "Birthday: Високосный");
    assert_eq!(start(yearless), "20000229", "2000 is a leap year: 02-29 is a date");
    assert_eq!(rule(yearless), Some((YEARLY, vec![2], vec![-1])));
    let (plain_id, plain) = by_summary(&cal, "Birthday: Plain");
    assert_eq!(rule(plain), Some((YEARLY, vec![], vec![])));

    // What a calendar app shows: the rules expanded.
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        occurrences(&cal, dated_id, 5),
        [ymd(1992, 2, 29), ymd(1993, 2, 28), ymd(1994, 2, 28), ymd(1995, 2, 28), ymd(1996, 2, 29)]
    );
    let yearless_days = occurrences(&cal, yearless_id, 40);
    assert_eq!(yearless_days[..2], [ymd(2000, 2, 29), ymd(2001, 2, 28)]);
    assert!(
        (yearless_days.windows(2))
            .all(|w| w[1].year() == w[0].year() + 1 && w[1].month() == 2 && w[1].day() >= 28),
        "the end of February every year, none skipped: {yearless_days:?}"
    );
    assert_eq!(
        occurrences(&cal, plain_id, 3),
        [ymd(2000, 4, 12), ymd(2001, 4, 12), ymd(2002, 4, 12)]
    );
}

#[test]
fn uids_are_unique_and_survive_exports_and_edits() {
    let mut book = TestBook::new();
    let anna = add(&book, &["contact", "add", "Анна Петрова", "--birthday", "1988-04-12"]);
    add(&book, &["deal", "add", "Поставка", "--contact", &anna, "--close", "2026-12-24"]);
    let task = add(&book, &["task", "add", "Позвонить", "--due", "2026-12-01"]);
    add(&book, &["task", "add", "Позвонить", "--due", "2026-12-05"]);
    let first = parse(&export(&book));
    let uids_first = uids(&first);
    assert_eq!(uids_first.len(), 4);
    let mut unique = uids_first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "one UID per event, even for twin tasks: {uids_first:?}");
    assert!(uids_first.iter().all(|u| u.ends_with("@rolo")), "{uids_first:?}");

    // The contact's birthday shares its UUID with the contact's vCard.
    let vcard = book.rolo(["export", "vcard"]);
    let uuid = vcard.ok().lines().find_map(|l| l.strip_prefix("UID:urn:uuid:")).unwrap();
    assert_eq!(uids_first[0], format!("{}-birthday@rolo", uuid.trim_end()));

    let (_, before) = events(&first)
        .into_iter()
        .find(|(_, c)| start(c) == "20261201")
        .unwrap_or_else(|| panic!("{task} due on 2026-12-01"));
    let task_uid = text(before, ICalendarProperty::Uid);

    // Later, and after editing the task: the same UIDs, the new title.
    book.now = "2026-11-30T09:00:00+05:00".into();
    book.rolo(["set", &task, "title=Позвонить Анне", "due=2026-12-03"]).ok();
    let second = parse(&export(&book));
    assert_eq!(uids(&second), uids_first);
    let (_, edited) = by_summary(&second, "Позвонить Анне");
    assert_eq!(start(edited), "20261203");
    assert_eq!(text(edited, ICalendarProperty::Uid), task_uid);
    assert!(export(&book).contains("\r\nDTSTAMP:20261130T040000Z\r\n"), "stamped now");
}

#[test]
fn index_and_files_give_the_same_calendar() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Анна Петрова", "--birthday", "1988-04-12"]);
    add(&book, &["contact", "add", "李娜", "--birthday", "03-08"]);
    add(&book, &["deal", "add", "Big", "--value", "10.5", "--close", "2026-12-24"]);
    add(&book, &["task", "add", "Call", "--due", "2026-12-01T15:00:00+05:00", "--about", "li-na"]);
    let from_index = export(&book);
    let mut slow = book.command(["export", "ics"]);
    slow.env("ROLO_NO_INDEX", "1");
    let from_files = crate::support::run(slow);
    shape(&from_files);
    assert_eq!(from_files.stdout, from_index);
    assert!(from_index.contains("DESCRIPTION:Value: 10.5 EUR\\nStage: lead\r\n"), "{from_index}");
}

#[test]
fn output_file_and_filters() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Анна Петрова", "--birthday", "1988-04-12", "--tag", "vip"]);
    add(&book, &["contact", "add", "Plain", "--birthday", "04-12"]);
    add(&book, &["task", "add", "Call", "--due", "2026-12-01"]);
    let before = snapshot(&book.root());
    let stdout = export(&book);
    let run = book.rolo(["export", "ics", "-o", "../reminders.ics"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "Exported 3 events to ../reminders.ics.\n");
    assert_eq!(std::fs::read_to_string(book.root().join("../reminders.ics")).unwrap(), stdout);
    assert_eq!(snapshot(&book.root()), before, "no record file written or touched");

    let vip = book.rolo(["export", "ics", "--tag", "vip"]);
    shape(&vip);
    assert_eq!(summaries(&parse(&vip.stdout)), ["Birthday: Анна Петрова"]);
    let one = book.rolo(["export", "ics", "--tag", "vip", "--output", "../one.ics"]);
    assert_eq!(one.stderr, "Exported 1 event to ../one.ics.\n", "{one}");
}

#[test]
fn an_empty_book_gives_an_empty_calendar() {
    let book = TestBook::new();
    let ics = export(&book);
    assert_eq!(
        ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rolo//rolo//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:rolo\r\nEND:VCALENDAR\r\n"
    );
    let cal = parse(&ics);
    assert!(events(&cal).is_empty());
    assert_eq!(cal.components[0].component_type, ICalendarComponentType::VCalendar);
    assert_eq!(text(&cal.components[0], ICalendarProperty::Prodid), "-//rolo//rolo//EN");
}
