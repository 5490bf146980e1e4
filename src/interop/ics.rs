//! Reminders → iCalendar (RFC 5545) for calendar apps: one VEVENT per open task with a
//! `due`, per contact's birthday (yearly) and per open deal's `close` date.
//!
//! Every event's UID comes from its record's type and id (the vCard export's stable
//! UUID plus a suffix per kind of event), so importing a newer export updates events
//! rather than duplicating them, whatever changed in the record. Works on anything that
//! is a [`View`] (records read from files or cards from the index); nothing here prints.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Utc};

use super::content::{escape, line};
use super::stable_uid;
use crate::config::Config;
use crate::dates::When;
use crate::filter::is_open;
use crate::model::{Kind, View};

/// What an event reminds of; also its `CATEGORIES` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Task,
    Birthday,
    Close,
}

impl What {
    pub fn category(self) -> &'static str {
        match self {
            What::Task => "task",
            What::Birthday => "birthday",
            What::Close => "deal",
        }
    }

    /// Appended to the record's UUID: one record may give several kinds of events.
    fn uid_suffix(self) -> &'static str {
        match self {
            What::Task => "due",
            What::Birthday => "birthday",
            What::Close => "close",
        }
    }
}

/// When an event starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// All day (`DTSTART;VALUE=DATE`, `DTEND` the next day).
    Day(NaiveDate),
    /// A moment (`DTSTART:…Z`), 30 minutes long.
    Utc(DateTime<Utc>),
    /// A wall-clock time without an offset: floating, the same hour in every time zone.
    Floating(NaiveDateTime),
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub uid: String,
    pub what: What,
    pub start: Start,
    /// An `RRULE` value.
    pub rule: Option<&'static str>,
    pub summary: String,
    pub description: Option<String>,
}

/// Yearly on the start's month and day.
const YEARLY: &str = "FREQ=YEARLY";
/// Yearly on the last day of February: 29 February in leap years, 28 in the others
/// (`FREQ=YEARLY` alone would skip three years out of four).
const YEARLY_FEB_END: &str = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1";
/// The year a year-less birthday starts in: a leap year, so 02-29 is a date.
const NO_YEAR: i32 = 2000;

/// The events of `records`, in book order (kind, then path): birthdays, deal close
/// dates, then tasks. Done tasks and won or lost deals (`config`'s stages) are left out.
pub fn events<V: View>(records: &[V], config: &Config) -> Vec<Event> {
    let mut sorted: Vec<&V> = records.iter().collect();
    sorted.sort_by(crate::model::view::book_order);
    sorted.into_iter().filter_map(|r| event(r, config)).collect()
}

fn event(r: &impl View, config: &Config) -> Option<Event> {
    let uid = |what: What| format!("{}-{}@rolo", stable_uid(r.kind(), r.id()), what.uid_suffix());
    match r.kind() {
        Kind::Task if is_open(r, config) => {
            let start = match r.when("due")? {
                When::Date(d) => Start::Day(d),
                When::At(t) => Start::Utc(t.with_timezone(&Utc)),
                When::Local(t) => Start::Floating(t),
            };
            let mut lines = Vec::new();
            let about = r.strs("about");
            if !about.is_empty() {
                lines.push(format!("About: {}", about.join(", ")));
            }
            if let Some(repeat) = r.str("repeat") {
                lines.push(format!("Repeats: {repeat}"));
            }
            Some(Event {
                uid: uid(What::Task),
                what: What::Task,
                start,
                rule: None,
                summary: r.title(),
                description: joined(lines),
            })
        }
        Kind::Contact => {
            let (date, year) = birthday(r)?;
            let feb_end = date.month() == 2 && date.day() == 29;
            Some(Event {
                uid: uid(What::Birthday),
                what: What::Birthday,
                start: Start::Day(date),
                rule: Some(if feb_end { YEARLY_FEB_END } else { YEARLY }),
                summary: format!("Birthday: {}", r.title()),
                // The birth year rather than an age, which would be wrong a year later.
                description: year.map(|y| format!("Born {y}")),
            })
        }
        Kind::Deal if is_open(r, config) => {
            let close = r.when("close")?.local_date();
            let mut lines = Vec::new();
            if let Some(value) = r.number("value") {
                let currency = crate::pipeline::currency(r, config);
                lines.push(format!("Value: {} {currency}", amount(value)));
            }
            if let Some(stage) = r.str("stage") {
                lines.push(format!("Stage: {stage}"));
            }
            Some(Event {
                uid: uid(What::Close),
                what: What::Close,
                start: Start::Day(close),
                rule: None,
                summary: format!("Deal closes: {}", r.title()),
                description: joined(lines),
            })
        }
        _ => None,
    }
}

/// A contact's birthday as the first day of its yearly series, and the birth year when
/// known: read as the agenda reads it ([`crate::model::facts::birthday_of`]).
fn birthday(r: &impl View) -> Option<(NaiveDate, Option<i32>)> {
    let (year, m, d) = crate::model::facts::birthday_of(r)?;
    Some((NaiveDate::from_ymd_opt(year.unwrap_or(NO_YEAR), m, d)?, year))
}

fn joined(lines: Vec<String>) -> Option<String> {
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// `12000`, `1234.5`: whole amounts without a fraction.
fn amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { v.to_string() }
}

/// The whole calendar: header, `events`, footer; `now` stamps every event (`DTSTAMP`).
/// A calendar without events is still a calendar, so an empty book exports cleanly.
pub fn calendar(events: &[Event], now: DateTime<FixedOffset>) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//rolo//rolo//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:rolo",
    ] {
        line(&mut out, l);
    }
    let stamp = utc(now.with_timezone(&Utc));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        match e.start {
            Start::Day(d) => {
                line(&mut out, &format!("DTSTART;VALUE=DATE:{}", day(d)));
                if let Some(next) = d.succ_opt() {
                    line(&mut out, &format!("DTEND;VALUE=DATE:{}", day(next)));
                }
            }
            Start::Utc(t) => {
                line(&mut out, &format!("DTSTART:{}", utc(t)));
                line(&mut out, "DURATION:PT30M");
            }
            Start::Floating(t) => {
                line(&mut out, &format!("DTSTART:{}", t.format("%Y%m%dT%H%M%S")));
                line(&mut out, "DURATION:PT30M");
            }
        }
        if let Some(rule) = e.rule {
            line(&mut out, &format!("RRULE:{rule}"));
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(d) = &e.description {
            line(&mut out, &format!("DESCRIPTION:{}", escape(d)));
        }
        line(&mut out, &format!("CATEGORIES:{}", e.what.category()));
        if matches!(e.start, Start::Day(_)) {
            // A reminder for the day, not an appointment: it leaves the day free.
            line(&mut out, "TRANSP:TRANSPARENT");
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::test_record as record;

    fn config() -> Config {
        Config::parse("", std::path::Path::new("rolo.toml")).unwrap()
    }

    #[test]
    fn events_of_each_kind() {
        let records = vec![
            record(Kind::Task, "call", "title = \"Call\"\ndue = 2026-12-01T15:00:00+05:00"),
            record(
                Kind::Task,
                "done",
                "title = \"Done\"\ndue = 2026-12-01\ndone = 2026-11-20T10:00:00Z",
            ),
            record(Kind::Task, "later", "title = \"Later\""),
            record(Kind::Deal, "won", "title = \"Won\"\nstage = \"won\"\nclose = 2026-12-01"),
            record(
                Kind::Deal,
                "big",
                "title = \"Big\"\nstage = \"lead\"\nclose = 2026-12-24\nvalue = 12000",
            ),
            record(Kind::Contact, "leap", "name = \"Leap\"\nbirthday = \"02-29\""),
            record(Kind::Contact, "anna", "name = \"Анна\"\nbirthday = 1988-04-12"),
            record(Kind::Contact, "nobody", "name = \"Nobody\""),
        ];
        let events = events(&records, &config());
        let got: Vec<(&str, What, Start, Option<&str>)> =
            events.iter().map(|e| (e.summary.as_str(), e.what, e.start, e.rule)).collect();
        let date = |y, m, d| Start::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let at = DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(
            got,
            [
                ("Birthday: Анна", What::Birthday, date(1988, 4, 12), Some(YEARLY)),
                ("Birthday: Leap", What::Birthday, date(2000, 2, 29), Some(YEARLY_FEB_END)),
                ("Deal closes: Big", What::Close, date(2026, 12, 24), None),
                ("Call", What::Task, Start::Utc(at), None),
            ]
        );
        assert_eq!(events[0].description.as_deref(), Some("Born 1988"));
        assert_eq!(events[1].description, None);
        assert_eq!(events[2].description.as_deref(), Some("Value: 12000 EUR\nStage: lead"));
        let uid = stable_uid(Kind::Contact, "anna");
        assert_eq!(events[0].uid, format!("{uid}-birthday@rolo"));
    }

    #[test]
    fn a_calendar_without_events() {
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        assert_eq!(
            calendar(&[], now),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rolo//rolo//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:rolo\r\nEND:VCALENDAR\r\n"
        );
    }

    #[test]
    fn amounts() {
        assert_eq!(amount(12000.0), "12000");
        assert_eq!(amount(1234.5), "1234.5");
        assert_eq!(amount(-3.0), "-3");
    }
}
