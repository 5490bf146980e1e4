//! Dates as rolo reads and writes them: TOML dates/datetimes ↔ chrono, date expressions
//! typed on the command line, and cadences (`30d`, `2w`, `1m`, `1y`).
//!
//! `now` and `today` always come from [`crate::clock`]; nothing here reads the clock.

use chrono::{
    DateTime, Datelike, Days, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime,
    SecondsFormat, TimeZone, Weekday,
};

use crate::clock::local_zone;
use crate::error::{Error, Result};

/// A point or day in time as a record may hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Date(NaiveDate),
    /// A datetime with an offset (`2026-11-20T10:00:00Z`).
    At(DateTime<FixedOffset>),
    /// A datetime without an offset: local time.
    Local(NaiveDateTime),
}

impl When {
    pub fn from_toml(dt: &toml_edit::Datetime) -> Option<When> {
        let date = dt
            .date
            .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
        let time = dt.time.and_then(|t| {
            NaiveTime::from_hms_nano_opt(
                t.hour.into(),
                t.minute.into(),
                t.second.unwrap_or(0).into(),
                t.nanosecond.unwrap_or(0),
            )
        });
        match (date, time, dt.offset) {
            (Some(d), None, _) => Some(When::Date(d)),
            (Some(d), Some(t), None) => Some(When::Local(d.and_time(t))),
            (Some(d), Some(t), Some(o)) => {
                let secs = match o {
                    toml_edit::Offset::Z => 0,
                    toml_edit::Offset::Custom { minutes } => i32::from(minutes) * 60,
                };
                let off = FixedOffset::east_opt(secs)?;
                off.from_local_datetime(&d.and_time(t)).single().map(When::At)
            }
            _ => None,
        }
    }

    /// The user's local calendar day of this moment (in [`crate::clock::local_zone`], as
    /// are all local times here).
    pub fn local_date(&self) -> NaiveDate {
        match self {
            When::Date(d) => *d,
            When::At(t) => local_zone().date_of(*t),
            When::Local(t) => t.date(),
        }
    }

    /// A comparable instant: a date counts from its local midnight.
    pub fn instant(&self) -> DateTime<FixedOffset> {
        match self {
            When::Date(d) => local_zone().instant_of(d.and_time(NaiveTime::MIN)),
            When::At(t) => *t,
            When::Local(t) => local_zone().instant_of(*t),
        }
    }

    pub fn to_toml(&self) -> toml_edit::Value {
        let text = match self {
            When::Date(d) => d.format("%Y-%m-%d").to_string(),
            When::At(t) => t.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            When::Local(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        };
        text.parse::<toml_edit::Datetime>()
            .map(toml_edit::Value::from)
            .unwrap_or_else(|_| toml_edit::Value::from(text))
    }

    /// Short human form: `2026-11-20` or `2026-11-20 10:00` (local time).
    pub fn display(&self) -> String {
        match self {
            When::Date(d) => d.format("%Y-%m-%d").to_string(),
            When::At(t) => local_zone().at(*t).format("%Y-%m-%d %H:%M").to_string(),
            When::Local(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// A datetime for a file: RFC 3339 with offset, whole seconds.
pub fn datetime_value(t: DateTime<FixedOffset>) -> toml_edit::Value {
    When::At(t).to_toml()
}

/// Parse what a person types for a date: `2026-12-01`, `2026-12-01 15:00`,
/// `2026-12-01T15:00:00+05:00`, `today`, `tomorrow`, `yesterday`, a weekday (`friday`:
/// the next one after today), `+3d`/`-2w`/`+1m`/`+1y` from today, `eom` (end of month).
pub fn parse_expr(input: &str, now: DateTime<FixedOffset>) -> Result<When> {
    let s = input.trim();
    let lower = s.to_lowercase();
    // `now` comes in the user's zone (`Clock::now`): its date is the user's day.
    let today = now.date_naive();
    let bad = |m: &str| Error::InvalidDate { input: input.to_string(), message: m.to_string() };
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(When::At(t));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(When::Date(d));
    }
    for fmt in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(When::Local(t));
        }
    }
    let day = match lower.as_str() {
        "today" => Some(today),
        "tomorrow" => today.succ_opt(),
        "yesterday" => today.pred_opt(),
        "eom" => end_of_month(today),
        _ => None,
    };
    if let Some(d) = day {
        return Ok(When::Date(d));
    }
    if let Ok(w) = lower.parse::<Weekday>() {
        let ahead = (7 + w.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return Ok(When::Date(today + Days::new(ahead.into())));
    }
    if let Some(rest) = lower.strip_prefix('+').or_else(|| lower.strip_prefix('-')) {
        let c: Cadence = rest.parse().map_err(|m: String| bad(&m))?;
        let d = if lower.starts_with('+') { c.after(today) } else { c.before(today) };
        return d.map(When::Date).ok_or_else(|| bad("out of range"));
    }
    Err(bad(
        "expected YYYY-MM-DD, 'YYYY-MM-DD HH:MM', today, tomorrow, a weekday, +3d, +2w, +1m or eom",
    ))
}

fn end_of_month(d: NaiveDate) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// A span of days, weeks, months or years: `30d`, `2w`, `1m`, `1y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub count: u32,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl std::str::FromStr for Cadence {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (n, unit) = s.split_at(split);
        let count: u32 = n.parse().map_err(|_| format!("\"{s}\" must start with a number"))?;
        let unit = match unit.trim() {
            "d" | "day" | "days" => Unit::Day,
            "w" | "week" | "weeks" => Unit::Week,
            "m" | "month" | "months" => Unit::Month,
            "y" | "year" | "years" => Unit::Year,
            other => return Err(format!("unknown unit \"{other}\": use d, w, m or y")),
        };
        if count == 0 {
            return Err("a cadence must be at least 1".into());
        }
        Ok(Cadence { count, unit })
    }
}

impl std::fmt::Display for Cadence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match self.unit {
            Unit::Day => "d",
            Unit::Week => "w",
            Unit::Month => "m",
            Unit::Year => "y",
        };
        write!(f, "{}{unit}", self.count)
    }
}

impl Cadence {
    pub fn after(&self, d: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            Unit::Day => d.checked_add_days(Days::new(self.count.into())),
            Unit::Week => d.checked_add_days(Days::new(u64::from(self.count) * 7)),
            Unit::Month => d.checked_add_months(Months::new(self.count)),
            Unit::Year => d.checked_add_months(Months::new(self.count.checked_mul(12)?)),
        }
    }

    pub fn before(&self, d: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            Unit::Day => d.checked_sub_days(Days::new(self.count.into())),
            Unit::Week => d.checked_sub_days(Days::new(u64::from(self.count) * 7)),
            Unit::Month => d.checked_sub_months(Months::new(self.count)),
            Unit::Year => d.checked_sub_months(Months::new(self.count.checked_mul(12)?)),
        }
    }
}

/// A year-less birthday string `MM-DD` (SPEC: `birthday = "04-12"`).
pub fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    // 2000 is a leap year, so 02-29 is a valid year-less birthday.
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap() // a Monday
    }

    fn date(s: &str) -> When {
        When::Date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn expressions() {
        assert_eq!(parse_expr("today", now()).unwrap(), date("2026-11-23"));
        assert_eq!(parse_expr("Tomorrow", now()).unwrap(), date("2026-11-24"));
        assert_eq!(parse_expr("friday", now()).unwrap(), date("2026-11-27"));
        assert_eq!(parse_expr("monday", now()).unwrap(), date("2026-11-30"));
        assert_eq!(parse_expr("+3d", now()).unwrap(), date("2026-11-26"));
        assert_eq!(parse_expr("+1m", now()).unwrap(), date("2026-12-23"));
        assert_eq!(parse_expr("-2w", now()).unwrap(), date("2026-11-09"));
        assert_eq!(parse_expr("eom", now()).unwrap(), date("2026-11-30"));
        assert_eq!(parse_expr("2026-12-01", now()).unwrap(), date("2026-12-01"));
        assert_eq!(parse_expr("2026-12-01 15:00", now()).unwrap().display(), "2026-12-01 15:00");
        assert!(parse_expr("2026-13-01", now()).is_err());
        assert!(parse_expr("soon", now()).is_err());
        assert!(parse_expr("+0d", now()).is_err());
    }

    #[test]
    fn months_clamp_at_month_end() {
        let c: Cadence = "1m".parse().unwrap();
        let jan31 = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(c.after(jan31), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert!("3x".parse::<Cadence>().is_err());
    }

    #[test]
    fn cadences_print_as_written() {
        for s in ["30d", "2w", "1m", "1y"] {
            assert_eq!(s.parse::<Cadence>().unwrap().to_string(), s);
        }
        assert_eq!("3 days".parse::<Cadence>().unwrap().to_string(), "3d");
    }

    #[test]
    fn toml_round_trip() {
        let v: toml_edit::Datetime = "2026-11-20T10:00:00Z".parse().unwrap();
        let w = When::from_toml(&v).unwrap();
        assert_eq!(w.to_toml().to_string(), "2026-11-20T10:00:00Z");
        let d: toml_edit::Datetime = "1988-04-12".parse().unwrap();
        assert_eq!(When::from_toml(&d).unwrap(), date("1988-04-12"));
    }

    #[test]
    fn month_days() {
        assert_eq!(parse_month_day("04-12"), Some((4, 12)));
        assert_eq!(parse_month_day("02-29"), Some((2, 29)));
        assert_eq!(parse_month_day("02-30"), None);
        assert_eq!(parse_month_day("4-12"), None);
    }
}
