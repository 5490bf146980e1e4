//! Reminders: `task done` (closing a task, or moving a repeating one along its series)
//! and `task snooze`, as format-preserving edits of a task's front matter (docs/format.md "Record
//! files": task keys).
//!
//! A repeating task stays one file. `repeat = "1m"` runs on a series anchored on its
//! first due date (kept as `anchor` when rolo first moves `due`): the occurrences are
//! anchor + k × cadence, so month ends clamp without drifting (31 Jan → 28 Feb → 31 Mar).
//! `repeat = "2w after"` repeats from the day it was done instead.
//!
//! Dates are moved as written: a due datetime keeps its time of day and offset form, only
//! its date changes. `now` is a parameter and "today" is its local date; nothing here
//! reads the clock.

use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use toml_edit::{Array, Datetime, DocumentMut, Item, Value};

use crate::dates::{self, Cadence, Unit, When};
use crate::error::{Error, Result};
use crate::store::edit;

/// How a task repeats: `repeat = "1m"` or `repeat = "2w after"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// On the series anchor + k × cadence (k = 1, 2, …).
    Series(Cadence),
    /// From completion: the day it was done + cadence.
    After(Cadence),
}

impl Repeat {
    pub fn cadence(&self) -> Cadence {
        match self {
            Repeat::Series(c) | Repeat::After(c) => *c,
        }
    }
}

impl FromStr for Repeat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim().to_lowercase();
        match s.strip_suffix("after") {
            Some(rest) => rest.trim().parse().map(Repeat::After),
            None => s.parse().map(Repeat::Series),
        }
    }
}

/// What `task done` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// `done = <now>` was written.
    Closed,
    /// A repeating task: now appended to `completed`, `due` moved to this.
    Next { due: When },
    /// It was done already: nothing changed.
    AlreadyDone,
}

/// What `task snooze` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Snoozed {
    /// `due` moved to this.
    Moved { due: When },
    /// `due` already is that: nothing changed.
    Unchanged,
    /// The task is done: nothing to snooze, nothing changed.
    IsDone,
}

/// How far `task snooze` moves a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnoozeBy {
    /// `2d`, `1w`, `+1m`: that much later than the due date, or than today when overdue.
    Span(Cadence),
    /// `friday`, `tomorrow`, `2026-12-05`, `2026-12-05 15:00`: to that day or time.
    To(When),
}

impl SnoozeBy {
    /// A span (`2d`, `+1w`) or a date expression ([`dates::parse_expr`]).
    pub fn parse(input: &str, now: DateTime<FixedOffset>) -> Result<SnoozeBy> {
        let s = input.trim();
        let span = s.strip_prefix('+').unwrap_or(s);
        if let Ok(c) = span.parse::<Cadence>() {
            return Ok(SnoozeBy::Span(c));
        }
        dates::parse_expr(s, now).map(SnoozeBy::To).map_err(|_| Error::InvalidDate {
            input: input.to_string(),
            message: "expected a span to add (2d, 1w, +1m) or a date \
                      (friday, tomorrow, 2026-12-05, '2026-12-05 15:00')"
                .into(),
        })
    }
}

/// The task's `repeat`, if it repeats.
pub fn repeat(doc: &DocumentMut) -> Result<Option<Repeat>> {
    let Some(item) = doc.get("repeat") else { return Ok(None) };
    let text = item
        .as_str()
        .ok_or_else(|| Error::value("repeat", "must be text such as \"1m\" or \"2w after\""))?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|m: String| Error::value("repeat", m))
}

/// Mark a task done at `now`. A task without `repeat` gets `done = now`; a repeating
/// one gets now appended to `completed` and its `due` moved to the next date of its
/// series after today (writing `anchor` the first time), or for `"… after"` to today
/// plus the cadence. The document is left untouched on error.
pub fn done(doc: &mut DocumentMut, now: DateTime<FixedOffset>) -> Result<Done> {
    if doc.contains_key("done") {
        return Ok(Done::AlreadyDone);
    }
    let stamp = stamp(now);
    let Some(repeat) = repeat(doc)? else {
        edit::set(doc, &["done"], stamp)?;
        return Ok(Done::Closed);
    };
    let due = datetime(doc, "due")?;
    let today = today(now);
    let cadence = repeat.cadence();
    let mut anchor_to_write = None;
    let next = match (repeat, due) {
        (_, None) => date_only(add(cadence, 1, today)?)?,
        (Repeat::After(_), Some(due)) => on_date(due, add(cadence, 1, today)?)?,
        (Repeat::Series(_), Some(due)) => {
            let anchor = match datetime(doc, "anchor")? {
                Some(a) => day_of(&a, "anchor")?,
                None => {
                    anchor_to_write = Some(due);
                    day_of(&due, "due")?
                }
            };
            let after = day_of(&due, "due")?.max(today);
            on_date(due, next_in_series(anchor, cadence, after)?)?
        }
    };
    // Check before writing anything, so that a failure leaves the document as it was.
    if doc.get("completed").is_some_and(|c| c.as_array().is_none()) {
        return Err(Error::value("completed", "must be a list of datetimes"));
    }
    if let Some(anchor) = anchor_to_write {
        edit::set(doc, &["anchor"], Value::from(anchor))?;
    }
    edit::set(doc, &["due"], Value::from(next))?;
    push_completed(doc, stamp)?;
    Ok(Done::Next { due: when(next)? })
}

/// Move a task's `due` later. A span moves it from its due date, or from today when that
/// is later (an overdue task); a date moves it to that date, keeping a due datetime's
/// time of day; a datetime moves it to that time. A repeating task without an `anchor`
/// gets its current due as one first, so that its series does not shift.
pub fn snooze(doc: &mut DocumentMut, by: SnoozeBy, now: DateTime<FixedOffset>) -> Result<Snoozed> {
    if doc.contains_key("done") {
        return Ok(Snoozed::IsDone);
    }
    let repeat = repeat(doc)?;
    let due = datetime(doc, "due")?;
    let today = today(now);
    let new = match (by, due) {
        (SnoozeBy::Span(c), Some(due)) => {
            let from = day_of(&due, "due")?.max(today);
            on_date(due, add(c, 1, from)?)?
        }
        (SnoozeBy::Span(c), None) => date_only(add(c, 1, today)?)?,
        (SnoozeBy::To(When::Date(d)), Some(due)) => on_date(due, d)?,
        (SnoozeBy::To(w), _) => *w.to_toml().as_datetime().ok_or_else(out_of_range)?,
    };
    if due == Some(new) {
        return Ok(Snoozed::Unchanged);
    }
    if let (Some(Repeat::Series(_)), Some(due)) = (repeat, due)
        && !doc.contains_key("anchor")
    {
        edit::set(doc, &["anchor"], Value::from(due))?;
    }
    edit::set(doc, &["due"], Value::from(new))?;
    Ok(Snoozed::Moved { due: when(new)? })
}

/// The first date of the series anchor + k × cadence (k ≥ 1) strictly after `after`.
/// Each date is counted from the anchor, never from the one before, so month ends clamp
/// without drifting.
pub fn next_in_series(anchor: NaiveDate, cadence: Cadence, after: NaiveDate) -> Result<NaiveDate> {
    let step = i64::from(cadence.count);
    // A first guess that is never past the answer: whole steps between anchor and after.
    let guess = match cadence.unit {
        Unit::Day => (after - anchor).num_days() / step,
        Unit::Week => (after - anchor).num_days() / (7 * step),
        Unit::Month => months_between(anchor, after) / step,
        Unit::Year => months_between(anchor, after) / (12 * step),
    };
    let mut k = u32::try_from(guess.max(1)).map_err(|_| out_of_range())?;
    loop {
        let d = add(cadence, k, anchor)?;
        if d > after {
            return Ok(d);
        }
        k = k.checked_add(1).ok_or_else(out_of_range)?;
    }
}

fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    months(to) - months(from)
}

/// `d` + k × cadence.
fn add(cadence: Cadence, k: u32, d: NaiveDate) -> Result<NaiveDate> {
    let count = cadence.count.checked_mul(k).ok_or_else(out_of_range)?;
    Cadence { count, ..cadence }.after(d).ok_or_else(out_of_range)
}

fn out_of_range() -> Error {
    Error::value("due", "the next date is out of range")
}

/// The local date of `now`: "today" is the user's day, and `now` comes in the user's
/// zone (`Clock::now`).
fn today(now: DateTime<FixedOffset>) -> NaiveDate {
    now.date_naive()
}

/// A moment as rolo writes it into files: RFC 3339 in UTC, whole seconds.
fn stamp(now: DateTime<FixedOffset>) -> Value {
    dates::datetime_value(now.with_timezone(&Utc).fixed_offset())
}

/// A date or datetime key, as written.
fn datetime(doc: &DocumentMut, key: &str) -> Result<Option<Datetime>> {
    let Some(item) = doc.get(key) else { return Ok(None) };
    match item.as_value().and_then(Value::as_datetime) {
        Some(dt) if dt.date.is_some() => Ok(Some(*dt)),
        _ => Err(Error::value(key, "must be a date (2026-12-01) or a datetime")),
    }
}

/// The day a date or datetime names, as written.
fn day_of(dt: &Datetime, key: &str) -> Result<NaiveDate> {
    dt.date
        .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
        .ok_or_else(|| Error::value(key, format!("{dt} is not a valid date")))
}

/// `dt` on another day: its time of day and offset, if any, are kept as written.
fn on_date(dt: Datetime, d: NaiveDate) -> Result<Datetime> {
    let year = u16::try_from(d.year()).ok().filter(|y| *y <= 9999).ok_or_else(out_of_range)?;
    // Month and day always fit in a u8.
    let date = toml_edit::Date { year, month: d.month() as u8, day: d.day() as u8 };
    Ok(Datetime { date: Some(date), ..dt })
}

/// A plain date (`due = 2026-11-30`).
fn date_only(d: NaiveDate) -> Result<Datetime> {
    on_date(Datetime { date: None, time: None, offset: None }, d)
}

fn when(dt: Datetime) -> Result<When> {
    When::from_toml(&dt).ok_or_else(out_of_range)
}

/// Append `stamp` to `completed` (creating it), laid out like the items already there:
/// on a line of its own in a list written one item per line, else after a space.
fn push_completed(doc: &mut DocumentMut, stamp: Value) -> Result<()> {
    let item = doc.entry("completed").or_insert(Item::Value(Value::Array(Array::new())));
    let list = item
        .as_array_mut()
        .ok_or_else(|| Error::value("completed", "must be a list of datetimes"))?;
    let n = list.len();
    let Some(last) = list.get_mut(n.wrapping_sub(1)) else {
        list.push(stamp);
        return Ok(());
    };
    let raw = |r: Option<&toml_edit::RawString>| r.and_then(|r| r.as_str()).map(str::to_string);
    let prefix = raw(last.decor().prefix()).unwrap_or_default();
    let prefix = match prefix.rfind('\n') {
        Some(i) => format!("\n{}", &prefix[i + 1..]),
        None => " ".to_string(),
    };
    // Space before the closing bracket or comma (`[ a ]`, `a\n]`) moves to the new last item.
    let suffix = raw(last.decor().suffix()).filter(|s| s.trim().is_empty());
    if suffix.is_some() {
        last.decor_mut().set_suffix("");
    }
    let mut stamp = stamp;
    stamp.decor_mut().set_prefix(prefix);
    stamp.decor_mut().set_suffix(suffix.unwrap_or_default());
    list.push_formatted(stamp);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 2026-11-23, 10:00 at +05:00 (05:00 UTC): the same local day in any time
    /// zone from UTC-5 to UTC+13.
    fn now() -> DateTime<FixedOffset> {
        at("2026-11-23T10:00:00+05:00")
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    fn next_due(d: &Done) -> String {
        match d {
            Done::Next { due } => due.display(),
            other => panic!("not repeated: {other:?}"),
        }
    }

    #[test]
    fn repeat_values() {
        let c = |s: &str| s.parse::<Cadence>().unwrap();
        assert_eq!("1m".parse(), Ok(Repeat::Series(c("1m"))));
        assert_eq!(" 2w after ".parse(), Ok(Repeat::After(c("2w"))));
        assert_eq!("3D".parse(), Ok(Repeat::Series(c("3d"))));
        assert!("after".parse::<Repeat>().is_err());
        assert!("3x".parse::<Repeat>().is_err());
        assert_eq!(repeat(&doc("repeat = \"\"\n")).unwrap(), None);
        assert!(repeat(&doc("repeat = 3\n")).is_err());
    }

    #[test]
    fn done_closes_a_plain_task_and_keeps_the_rest() {
        let text = "# звонок\ntitle = \"Позвонить Анне\" # важно\ndue = 2026-11-20\n";
        let mut d = doc(text);
        assert_eq!(done(&mut d, now()).unwrap(), Done::Closed);
        assert_eq!(d.to_string(), format!("{text}done = 2026-11-23T05:00:00Z\n"));
        assert_eq!(done(&mut d, now()).unwrap(), Done::AlreadyDone);
        assert_eq!(d.to_string(), format!("{text}done = 2026-11-23T05:00:00Z\n"));
    }

    #[test]
    fn done_moves_a_repeating_task_to_the_first_date_after_today() {
        // The documented example: due 2026-10-31 repeat 1m, done on 2026-11-23 → due 2026-11-30.
        let mut d = doc("title = \"发送报告\"\ndue = 2026-10-31\nrepeat = \"1m\"\n");
        let r = done(&mut d, now()).unwrap();
        assert_eq!(next_due(&r), "2026-11-30");
        assert_eq!(
            d.to_string(),
            "title = \"发送报告\"\ndue = 2026-11-30\nrepeat = \"1m\"\nanchor = 2026-10-31\n\
             completed = [2026-11-23T05:00:00Z]\n"
        );
        // Done again at once (early): one occurrence on, counted from the anchor.
        let r = done(&mut d, now()).unwrap();
        assert_eq!(next_due(&r), "2026-12-31");
        assert!(
            d.to_string().ends_with(
                "anchor = 2026-10-31\ncompleted = [2026-11-23T05:00:00Z, 2026-11-23T05:00:00Z]\n"
            ),
            "{d}"
        );
    }

    #[test]
    fn month_ends_clamp_without_drifting() {
        let mut d = doc("due = 2026-01-31\nrepeat = \"1m\"\n");
        let steps = [
            ("2026-01-31T09:00:00+05:00", "2026-02-28"),
            ("2026-02-28T09:00:00+05:00", "2026-03-31"),
            ("2026-03-31T09:00:00+05:00", "2026-04-30"),
            ("2026-04-30T09:00:00+05:00", "2026-05-31"),
        ];
        for (when, expected) in steps {
            assert_eq!(next_due(&done(&mut d, at(when)).unwrap()), expected, "done at {when}");
        }
        assert!(d.to_string().contains("anchor = 2026-01-31\n"), "{d}");
    }

    #[test]
    fn series_dates() {
        let m: Cadence = "1m".parse().unwrap();
        let jan31 = day("2026-01-31");
        assert_eq!(next_in_series(jan31, m, day("2026-02-27")).unwrap(), day("2026-02-28"));
        assert_eq!(next_in_series(jan31, m, day("2026-02-28")).unwrap(), day("2026-03-31"));
        assert_eq!(next_in_series(jan31, m, day("2027-02-01")).unwrap(), day("2027-02-28"));
        assert_eq!(next_in_series(jan31, m, day("2025-12-01")).unwrap(), day("2026-02-28"));
        let d3: Cadence = "3d".parse().unwrap();
        assert_eq!(next_in_series(jan31, d3, day("2026-02-06")).unwrap(), day("2026-02-09"));
        assert_eq!(next_in_series(jan31, d3, day("2026-02-05")).unwrap(), day("2026-02-06"));
        let w2: Cadence = "2w".parse().unwrap();
        assert_eq!(next_in_series(jan31, w2, day("2026-02-14")).unwrap(), day("2026-02-28"));
        let y: Cadence = "1y".parse().unwrap();
        let leap = day("2028-02-29");
        assert_eq!(next_in_series(leap, y, day("2031-06-01")).unwrap(), day("2032-02-29"));
        let years_ago = day("2016-11-23");
        let d1: Cadence = "1d".parse().unwrap();
        assert_eq!(next_in_series(years_ago, d1, day("2026-11-23")).unwrap(), day("2026-11-24"));
    }

    #[test]
    fn after_repeats_from_the_day_it_was_done() {
        let mut d = doc("due = 2026-11-18\nrepeat = \"2w after\"\n");
        assert_eq!(next_due(&done(&mut d, now()).unwrap()), "2026-12-07");
        assert_eq!(
            d.to_string(),
            "due = 2026-12-07\nrepeat = \"2w after\"\ncompleted = [2026-11-23T05:00:00Z]\n"
        );
    }

    #[test]
    fn a_due_datetime_keeps_its_time_and_form() {
        let mut d = doc("due = 2026-10-31T15:00:00+05:00\nrepeat = \"1m\"\n");
        done(&mut d, now()).unwrap();
        assert_eq!(
            d.to_string(),
            "due = 2026-11-30T15:00:00+05:00\nrepeat = \"1m\"\nanchor = 2026-10-31T15:00:00+05:00\n\
             completed = [2026-11-23T05:00:00Z]\n"
        );
        let mut d = doc("due = 2026-11-20T09:30\nrepeat = \"1w after\"\n");
        done(&mut d, now()).unwrap();
        assert!(d.to_string().starts_with("due = 2026-11-30T09:30\n"), "{d}");
    }

    #[test]
    fn repeating_without_due_starts_from_today() {
        let mut d = doc("title = \"x\"\nrepeat = \"1w\"\n");
        assert_eq!(next_due(&done(&mut d, now()).unwrap()), "2026-11-30");
        assert_eq!(
            d.to_string(),
            "title = \"x\"\nrepeat = \"1w\"\ndue = 2026-11-30\ncompleted = [2026-11-23T05:00:00Z]\n"
        );
    }

    #[test]
    fn completed_keeps_its_layout() {
        let text = "due = 2026-11-20\nrepeat = \"1w\"\nanchor = 2026-11-06\ncompleted = [\n  2026-11-06T05:00:00Z, # first\n  2026-11-13T05:00:00Z,\n]\n";
        let mut d = doc(text);
        done(&mut d, now()).unwrap();
        assert_eq!(
            d.to_string(),
            text.replace("2026-11-20", "2026-11-27")
                .replace("13T05:00:00Z,\n", "13T05:00:00Z,\n  2026-11-23T05:00:00Z,\n")
        );
        let mut d =
            doc("due = 2026-11-20\nrepeat = \"1w\"\ncompleted = [ 2026-11-13T05:00:00Z ]\n");
        done(&mut d, now()).unwrap();
        assert!(
            d.to_string().contains("completed = [ 2026-11-13T05:00:00Z, 2026-11-23T05:00:00Z ]"),
            "{d}"
        );
    }

    #[test]
    fn bad_values_leave_the_document_alone() {
        for text in [
            "due = \"tomorrow\"\nrepeat = \"1m\"\n",
            "due = 2026-11-20\nrepeat = \"3x\"\n",
            "due = 2026-11-20\nrepeat = \"1m\"\ncompleted = \"yes\"\n",
            "due = 2026-11-20\nrepeat = \"1m\"\nanchor = \"jan\"\n",
        ] {
            let mut d = doc(text);
            assert!(done(&mut d, now()).is_err(), "{text}");
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn snooze_spans_and_dates() {
        let by = |s: &str| SnoozeBy::parse(s, now()).unwrap();
        let moved = |text: &str, how: &str| {
            let mut d = doc(text);
            match snooze(&mut d, by(how), now()).unwrap() {
                Snoozed::Moved { due } => (due.display(), d.to_string()),
                other => panic!("{other:?}"),
            }
        };
        // Overdue: from today. Due later: from the due date.
        assert_eq!(moved("due = 2026-11-20\n", "2d").0, "2026-11-25");
        assert_eq!(moved("due = 2026-11-28\n", "+2d").0, "2026-11-30");
        assert_eq!(moved("due = 2026-11-28\n", "1w").0, "2026-12-05");
        assert_eq!(moved("title = \"x\"\n", "2d").1, "title = \"x\"\ndue = 2026-11-25\n");
        assert_eq!(moved("due = 2026-11-20 # когда\n", "friday").1, "due = 2026-11-27 # когда\n");
        assert_eq!(
            moved("due = 2026-11-20\n", "2026-12-05 15:00").1,
            "due = 2026-12-05T15:00:00\n"
        );
        // A date keeps a due datetime's time of day; a datetime replaces it.
        assert_eq!(
            moved("due = 2026-11-20T15:00:00+05:00\n", "tomorrow").1,
            "due = 2026-11-24T15:00:00+05:00\n"
        );
        assert_eq!(
            moved("due = 2026-11-20T15:00:00+05:00\n", "2d").1,
            "due = 2026-11-25T15:00:00+05:00\n"
        );
        assert_eq!(
            moved("due = 2026-11-20T15:00:00+05:00\n", "2026-12-05T09:00:00+05:00").1,
            "due = 2026-12-05T09:00:00+05:00\n"
        );
        assert!(SnoozeBy::parse("soon", now()).is_err());
        assert!(SnoozeBy::parse("0d", now()).is_err());
    }

    #[test]
    fn snooze_keeps_the_series_of_a_repeating_task() {
        let mut d = doc("due = 2026-11-20\nrepeat = \"1m\"\n");
        snooze(&mut d, SnoozeBy::parse("2d", now()).unwrap(), now()).unwrap();
        assert_eq!(d.to_string(), "due = 2026-11-25\nrepeat = \"1m\"\nanchor = 2026-11-20\n");
        // Done on the snoozed day: back on the series (the 20th), not the 25th.
        let later = at("2026-11-25T10:00:00+05:00");
        assert_eq!(next_due(&done(&mut d, later).unwrap()), "2026-12-20");
        // An existing anchor is kept; "after" tasks have none.
        let mut d = doc("due = 2026-11-20\nrepeat = \"1m\"\nanchor = 2026-09-20\n");
        snooze(&mut d, SnoozeBy::parse("2d", now()).unwrap(), now()).unwrap();
        assert!(d.to_string().contains("anchor = 2026-09-20\n"), "{d}");
        let mut d = doc("due = 2026-11-20\nrepeat = \"1m after\"\n");
        snooze(&mut d, SnoozeBy::parse("2d", now()).unwrap(), now()).unwrap();
        assert_eq!(d.to_string(), "due = 2026-11-25\nrepeat = \"1m after\"\n");
    }

    #[test]
    fn snooze_no_ops() {
        let mut d = doc("due = 2026-11-27\ndone = 2026-11-23T05:00:00Z\n");
        let friday = SnoozeBy::parse("friday", now()).unwrap();
        assert_eq!(snooze(&mut d, friday, now()).unwrap(), Snoozed::IsDone);
        let mut d = doc("due = 2026-11-27\n");
        assert_eq!(snooze(&mut d, friday, now()).unwrap(), Snoozed::Unchanged);
        assert_eq!(d.to_string(), "due = 2026-11-27\n");
    }
}
