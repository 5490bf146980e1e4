//! Dates as rolo reads and writes them: TOML dates/datetimes ↔ chrono, date expressions
//! typed on the command line, and cadences (`30d`, `2w`, `1m`, `1y`).
//!
//! `now` and `today` always come from [`crate::clock`]; nothing here reads the clock.

use chrono::{
    DateTime, Datelike, Days, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime,
    SecondsFormat, TimeZone, Timelike, Weekday,
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

/// Parse what a person types for a date, relative to `now` (the user's local time):
///
/// - exact: `2026-12-01`, `2026-12-01 15:00`, `2026-12-01T15:00:00+05:00`;
/// - words: `today`, `tomorrow`, `yesterday`, `day after tomorrow`, and in Russian
///   `сегодня`, `завтра`, `послезавтра`, `вчера`;
/// - a weekday (`friday`, `fri`, `next friday`, `пятница`, `в пятницу`): the next one
///   after today, never today, so `friday` said on a Friday is a week later and `next
///   friday` is the same day as `friday`;
/// - spans from today: `+3d`, `-2w`, `in 3 days`, `in a week`, `через 3 дня`, `через
///   неделю` (months clamp: 31 Jan + 1 month = 28 Feb);
/// - a day of the year: `5 dec`, `dec 5`, `december 5`, `5 декабря`, optionally with a
///   year (`5 dec 2027`); without one, the next such day from today on (today included);
/// - the start or end of this week (Monday to Sunday), month, quarter or year: `sow`,
///   `eow`, `som`, `eom`, `soq`, `eoq`, `soy`, `eoy`, `end of month`, `конец месяца`;
/// - any of these with a time of day: `tomorrow 15:00`, `friday at 9:30`, `завтра в
///   15:00` (a local time), or a time alone (`15:00`, today).
///
/// Case, `ё` and extra spaces do not matter. What is not understood is an error listing
/// the accepted forms ([`ACCEPTED`]).
pub fn parse_expr(input: &str, now: DateTime<FixedOffset>) -> Result<When> {
    let when = parse_when(input, now)?;
    // What TOML can hold and reads back the same: years 0000 to 9999 (chrono also takes
    // `-1-01-01` and `+12026-01-01`), and no leap second (`15:00:60` would read back as a
    // bare date).
    let (date, time) = match when {
        When::Date(d) => (d, None),
        When::Local(t) => (t.date(), Some(t.time())),
        When::At(t) => (t.date_naive(), Some(t.time())),
    };
    let bad = |m: &str| Error::InvalidDate { input: input.to_string(), message: m.to_string() };
    if !(0..=9999).contains(&date.year()) {
        return Err(bad("the year must be 0000 to 9999"));
    }
    if time.is_some_and(|t| t.nanosecond() >= 1_000_000_000) {
        return Err(bad("a minute has seconds 00 to 59"));
    }
    Ok(when)
}

fn parse_when(input: &str, now: DateTime<FixedOffset>) -> Result<When> {
    let s = input.trim();
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
    let words: Vec<String> =
        s.to_lowercase().replace('ё', "е").split_whitespace().map(String::from).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let (day_words, time) = match split_time(&words) {
        Some((rest, time)) => (rest, Some(time)),
        None => (&words[..], None),
    };
    let day = if day_words.is_empty() && time.is_some() {
        today
    } else {
        spoken_day(day_words, today).map_err(|m| bad(&m))?.ok_or_else(|| bad(ACCEPTED))?
    };
    Ok(match time {
        Some(t) => When::Local(day.and_time(t)),
        None => When::Date(day),
    })
}

/// What [`parse_expr`] accepts, for its error message.
pub const ACCEPTED: &str = "expected YYYY-MM-DD, 'YYYY-MM-DD HH:MM', today, tomorrow, a weekday \
    (friday, next friday, пятница), +3d, in 3 days, через 3 дня, 5 dec, dec 5, 5 декабря, \
    sow, eow, som, eom, soq, eoq, end of month, конец месяца, or any of these with a time \
    (tomorrow 15:00)";

/// Expressions `rolo date` shows the meaning of when given none: one of each form.
pub const EXAMPLES: [&str; 22] = [
    "today",
    "tomorrow",
    "friday",
    "next tuesday",
    "+3d",
    "in 2 weeks",
    "5 dec",
    "december 5",
    "sow",
    "eow",
    "som",
    "eom",
    "soq",
    "eoq",
    "tomorrow 15:00",
    "завтра",
    "послезавтра",
    "в пятницу",
    "через 3 дня",
    "через месяц",
    "5 декабря",
    "конец месяца",
];

/// A trailing time of day (`15:00`, `at 9:30`, `в 15:00`) and the words before it.
fn split_time<'a>(words: &'a [&'a str]) -> Option<(&'a [&'a str], NaiveTime)> {
    let (last, rest) = words.split_last()?;
    let time = NaiveTime::parse_from_str(last, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(last, "%H:%M:%S"))
        .ok()?;
    let rest = match rest.split_last() {
        Some((&("at" | "в" | "во"), before)) => before,
        _ => rest,
    };
    Some((rest, time))
}

/// The day named by `words` (lowercase, `ё` as `е`): `Ok(None)` when they name no day
/// rolo knows, `Err` when they do but the day does not exist (`+0d`, `31 apr`).
fn spoken_day(words: &[&str], today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let text = words.join(" ");
    let named = match text.as_str() {
        "today" | "сегодня" => Some(today),
        "tomorrow" | "завтра" => today.succ_opt(),
        "yesterday" | "вчера" => today.pred_opt(),
        "day after tomorrow" | "the day after tomorrow" | "послезавтра" => {
            today.checked_add_days(Days::new(2))
        }
        _ => None,
    };
    if named.is_some() {
        return Ok(named);
    }
    if let Some(d) = boundary(&text, today) {
        return Ok(Some(d));
    }
    if let Some(w) = weekday(words) {
        let ahead = (7 + w.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return Ok(Some(today + Days::new(ahead.into())));
    }
    if let Some(c) = span_ahead(words) {
        return c.after(today).map(Some).ok_or_else(|| "out of range".to_string());
    }
    if let [one] = words
        && let Some(rest) = one.strip_prefix('+').or_else(|| one.strip_prefix('-'))
    {
        let c: Cadence = rest.parse()?;
        let d = if one.starts_with('+') { c.after(today) } else { c.before(today) };
        return d.map(Some).ok_or_else(|| "out of range".to_string());
    }
    day_of_year(words, today)
}

/// `sow`/`eow` (Monday/Sunday of this week), `som`/`eom`, `soq`/`eoq`, `soy`/`eoy`,
/// also said in words (`end of month`, `начало недели`, `конец квартала`).
fn boundary(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (start, unit) = match text {
        "sow" | "start of week" | "start of the week" | "начало недели" => (true, 'w'),
        "eow" | "end of week" | "end of the week" | "конец недели" => (false, 'w'),
        "som" | "start of month" | "start of the month" | "начало месяца" => {
            (true, 'm')
        }
        "eom" | "end of month" | "end of the month" | "конец месяца" => (false, 'm'),
        "soq" | "start of quarter" | "start of the quarter" | "начало квартала" => {
            (true, 'q')
        }
        "eoq" | "end of quarter" | "end of the quarter" | "конец квартала" => {
            (false, 'q')
        }
        "soy" | "start of year" | "start of the year" | "начало года" => (true, 'y'),
        "eoy" | "end of year" | "end of the year" | "конец года" => (false, 'y'),
        _ => return None,
    };
    let months_in = match unit {
        'w' => {
            let monday = today - Days::new(today.weekday().num_days_from_monday().into());
            return if start { Some(monday) } else { monday.checked_add_days(Days::new(6)) };
        }
        'm' => 1,
        'q' => 3,
        _ => 12,
    };
    // The first month of the period holding today: this one, its quarter's, January.
    let first_month = (today.month0() / months_in) * months_in + 1;
    let first = NaiveDate::from_ymd_opt(today.year(), first_month, 1)?;
    if start { Some(first) } else { first.checked_add_months(Months::new(months_in))?.pred_opt() }
}

/// `friday`, `fri`, `next friday`, `this friday`, `пятница`, `в пятницу`, `пт`,
/// `в следующую пятницу`.
fn weekday(words: &[&str]) -> Option<Weekday> {
    let mut words = words;
    if let [first, rest @ ..] = words
        && matches!(*first, "next" | "this" | "on" | "в" | "во")
    {
        words = rest;
    }
    if let [first, rest @ ..] = words
        && matches!(
            *first,
            "следующий"
                | "следующую"
                | "следующая"
                | "следующее"
                | "ближайший"
                | "ближайшую"
        )
    {
        words = rest;
    }
    let [word] = words else { return None };
    if let Ok(w) = word.parse::<Weekday>() {
        return Some(w);
    }
    Some(match *word {
        "понедельник" | "пн" => Weekday::Mon,
        "вторник" | "вт" => Weekday::Tue,
        "среда" | "среду" | "ср" => Weekday::Wed,
        "четверг" | "чт" => Weekday::Thu,
        "пятница" | "пятницу" | "пт" => Weekday::Fri,
        "суббота" | "субботу" | "сб" => Weekday::Sat,
        "воскресенье" | "вс" => Weekday::Sun,
        _ => return None,
    })
}

/// `in 3 days`, `in a week`, `in 2 months`; `через 3 дня`, `через неделю`, `через 5
/// лет`: that span from today.
fn span_ahead(words: &[&str]) -> Option<Cadence> {
    let (first, rest) = words.split_first()?;
    let (count, unit) = match rest {
        [unit] => (1, *unit),
        [n, unit] => {
            let count = match *n {
                "a" | "an" | "one" => 1,
                n => n.parse().ok()?,
            };
            (count, *unit)
        }
        _ => return None,
    };
    let unit = match (*first, unit) {
        ("in", "day" | "days" | "d") => Unit::Day,
        ("in", "week" | "weeks" | "w") => Unit::Week,
        ("in", "month" | "months" | "m") => Unit::Month,
        ("in", "year" | "years" | "y") => Unit::Year,
        ("через", "день" | "дня" | "дней" | "д") => Unit::Day,
        ("через", "неделю" | "недели" | "недель" | "нед") => Unit::Week,
        ("через", "месяц" | "месяца" | "месяцев" | "мес") => Unit::Month,
        ("через", "год" | "года" | "лет") => Unit::Year,
        _ => return None,
    };
    // `in week` and `через 0 дней` are not spans.
    if count == 0 || (rest.len() == 1 && *first == "in") {
        return None;
    }
    Some(Cadence { count, unit })
}

/// `5 dec`, `dec 5`, `december 5`, `5 декабря`, `5 dec 2027`, `dec 5, 2027`: with no
/// year, the next such day from today on (today included; 29 February the next one
/// that exists).
fn day_of_year(words: &[&str], today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let words: Vec<&str> = words.iter().map(|w| w.trim_end_matches([',', '.'])).collect();
    let (day, month, year) = match words.as_slice() {
        [a, b] | [a, b, _] => match (a.parse::<u32>(), month(a), b.parse::<u32>(), month(b)) {
            (Ok(d), _, _, Some(m)) | (_, Some(m), Ok(d), _) => (d, m, words.get(2)),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    let name = MONTHS[month as usize - 1].0[0];
    let exists = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    if let Some(y) = year {
        let Ok(y) = y.parse::<i32>() else { return Ok(None) };
        return exists(y).map(Some).ok_or_else(|| format!("{name} {y} has no day {day}"));
    }
    if exists(2000).is_none() {
        return Err(format!("{name} has no day {day}"));
    }
    // 29 February is at most eight years away (1900 and 2100 are not leap years).
    Ok((today.year()..=today.year() + 8).filter_map(exists).find(|d| *d >= today))
}

/// Month names in English and Russian (nominative, genitive, short): January is 1.
const MONTHS: [(&[&str], u32); 12] = [
    (&["january", "jan", "январь", "января", "янв"], 1),
    (&["february", "feb", "февраль", "февраля", "фев"], 2),
    (&["march", "mar", "март", "марта", "мар"], 3),
    (&["april", "apr", "апрель", "апреля", "апр"], 4),
    (&["may", "май", "мая"], 5),
    (&["june", "jun", "июнь", "июня", "июн"], 6),
    (&["july", "jul", "июль", "июля", "июл"], 7),
    (&["august", "aug", "август", "августа", "авг"], 8),
    (&["september", "sep", "sept", "сентябрь", "сентября", "сен", "сент"], 9),
    (&["october", "oct", "октябрь", "октября", "окт"], 10),
    (&["november", "nov", "ноябрь", "ноября", "ноя"], 11),
    (&["december", "dec", "декабрь", "декабря", "дек"], 12),
];

fn month(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(names, _)| names.contains(&word)).map(|(_, m)| *m)
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

/// A year-less birthday string `MM-DD` (as in `birthday = "04-12"`).
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

    #[test]
    fn years_toml_cannot_hold_and_leap_seconds_are_refused() {
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        for bad in ["-1-01-01", "+12026-01-01", "-0001-01-01T10:00", "2026-12-01 15:00:60"] {
            assert!(parse_expr(bad, now).is_err(), "{bad}");
        }
        assert!(parse_expr("0001-01-01", now).is_ok());
        assert!(parse_expr("2026-12-01 15:00:59", now).is_ok());
    }

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

    /// What `expr` means at local noon of `today` (+05:00), as `YYYY-MM-DD` or
    /// `YYYY-MM-DD HH:MM`.
    fn on(today: &str, expr: &str) -> String {
        let now = DateTime::parse_from_rfc3339(&format!("{today}T12:00:00+05:00")).unwrap();
        parse_expr(expr, now).unwrap_or_else(|e| panic!("{expr}: {e}")).display()
    }

    #[test]
    fn spoken_forms_on_a_monday() {
        let monday = "2026-11-23";
        for (expr, want) in [
            ("next tuesday", "2026-11-24"),
            ("Next Monday", "2026-11-30"),
            ("monday", "2026-11-30"),
            ("this friday", "2026-11-27"),
            ("in 3 days", "2026-11-26"),
            ("in a week", "2026-11-30"),
            ("in 2 weeks", "2026-12-07"),
            ("in 1 month", "2026-12-23"),
            ("in 2 years", "2028-11-23"),
            ("5 dec", "2026-12-05"),
            ("dec 5", "2026-12-05"),
            ("December 5", "2026-12-05"),
            ("dec 5, 2027", "2027-12-05"),
            ("5 dec 2027", "2027-12-05"),
            ("sow", "2026-11-23"),
            ("eow", "2026-11-29"),
            ("end of week", "2026-11-29"),
            ("som", "2026-11-01"),
            ("eom", "2026-11-30"),
            ("end of month", "2026-11-30"),
            ("soq", "2026-10-01"),
            ("eoq", "2026-12-31"),
            ("day after tomorrow", "2026-11-25"),
            ("tomorrow 15:00", "2026-11-24 15:00"),
            ("friday at 9:30", "2026-11-27 09:30"),
            ("15:00", "2026-11-23 15:00"),
            ("сегодня", "2026-11-23"),
            ("завтра", "2026-11-24"),
            ("Послезавтра", "2026-11-25"),
            ("вчера", "2026-11-22"),
            ("в пятницу", "2026-11-27"),
            ("пятница", "2026-11-27"),
            ("во вторник", "2026-11-24"),
            ("в понедельник", "2026-11-30"),
            ("в следующую среду", "2026-11-25"),
            ("через 3 дня", "2026-11-26"),
            ("через 5 дней", "2026-11-28"),
            ("через неделю", "2026-11-30"),
            ("через 2 недели", "2026-12-07"),
            ("через месяц", "2026-12-23"),
            ("через год", "2027-11-23"),
            ("5 декабря", "2026-12-05"),
            ("конец месяца", "2026-11-30"),
            ("конец недели", "2026-11-29"),
            ("завтра в 15:00", "2026-11-24 15:00"),
            ("  5   ДЕКАБРЯ  ", "2026-12-05"),
        ] {
            assert_eq!(on(monday, expr), want, "{expr}");
        }
    }

    #[test]
    fn on_a_sunday_weekdays_are_next_week_and_the_week_ends_today() {
        let sunday = "2026-11-29";
        for (expr, want) in [
            ("sunday", "2026-12-06"),
            ("next sunday", "2026-12-06"),
            ("воскресенье", "2026-12-06"),
            ("monday", "2026-11-30"),
            ("friday", "2026-12-04"),
            ("в пятницу", "2026-12-04"),
            ("sow", "2026-11-23"),
            ("eow", "2026-11-29"),
            ("tomorrow", "2026-11-30"),
            ("послезавтра", "2026-12-01"),
            ("in 3 days", "2026-12-02"),
            ("через неделю", "2026-12-06"),
            ("eom", "2026-11-30"),
            ("29 nov", "2026-11-29"),
            ("28 nov", "2027-11-28"),
            ("5 dec", "2026-12-05"),
        ] {
            assert_eq!(on(sunday, expr), want, "{expr}");
        }
    }

    #[test]
    fn at_a_month_end() {
        let saturday = "2026-01-31";
        for (expr, want) in [
            ("tomorrow", "2026-02-01"),
            ("in 1 month", "2026-02-28"),
            ("через месяц", "2026-02-28"),
            ("+1m", "2026-02-28"),
            ("через 3 дня", "2026-02-03"),
            ("eom", "2026-01-31"),
            ("конец месяца", "2026-01-31"),
            ("som", "2026-01-01"),
            ("sow", "2026-01-26"),
            ("eow", "2026-02-01"),
            ("soq", "2026-01-01"),
            ("eoq", "2026-03-31"),
            ("saturday", "2026-02-07"),
            ("friday", "2026-02-06"),
            ("31 jan", "2026-01-31"),
            ("30 jan", "2027-01-30"),
            ("1 feb", "2026-02-01"),
            ("29 feb", "2028-02-29"),
            ("29 февраля", "2028-02-29"),
        ] {
            assert_eq!(on(saturday, expr), want, "{expr}");
        }
        assert_eq!(on("2026-02-28", "eom"), "2026-02-28");
        assert_eq!(on("2028-02-28", "eom"), "2028-02-29");
    }

    #[test]
    fn at_a_year_end() {
        let thursday = "2026-12-31";
        for (expr, want) in [
            ("tomorrow", "2027-01-01"),
            ("tomorrow 9:00", "2027-01-01 09:00"),
            ("5 jan", "2027-01-05"),
            ("jan 5", "2027-01-05"),
            ("dec 31", "2026-12-31"),
            ("december 5", "2027-12-05"),
            ("5 декабря", "2027-12-05"),
            ("5 января", "2027-01-05"),
            ("31 dec 2027", "2027-12-31"),
            ("soy", "2026-01-01"),
            ("eoy", "2026-12-31"),
            ("soq", "2026-10-01"),
            ("eoq", "2026-12-31"),
            ("eom", "2026-12-31"),
            ("sow", "2026-12-28"),
            ("eow", "2027-01-03"),
            ("friday", "2027-01-01"),
            ("thursday", "2027-01-07"),
            ("next monday", "2027-01-04"),
            ("in 2 weeks", "2027-01-14"),
            ("через 2 недели", "2027-01-14"),
            ("+1d", "2027-01-01"),
        ] {
            assert_eq!(on(thursday, expr), want, "{expr}");
        }
    }

    #[test]
    fn what_is_not_a_date_says_what_is() {
        let monday = DateTime::parse_from_rfc3339("2026-11-23T12:00:00+05:00").unwrap();
        let message = |expr: &str| parse_expr(expr, monday).unwrap_err().to_string();
        assert!(message("soon").contains("in 3 days"), "{}", message("soon"));
        assert!(message("через").contains("через 3 дня"));
        assert!(message("in 0 days").contains("expected"));
        assert!(message("in week").contains("expected"));
        assert!(message("25:00").contains("expected"));
        assert!(message("next").contains("expected"));
        assert_eq!(message("31 apr"), "invalid date \"31 apr\": april has no day 31");
        assert_eq!(
            message("30 feb 2027"),
            "invalid date \"30 feb 2027\": february 2027 has no day 30"
        );
        assert_eq!(
            message("29 feb 2027"),
            "invalid date \"29 feb 2027\": february 2027 has no day 29"
        );
        assert!(message("+0d").contains("at least 1"));
        for example in EXAMPLES {
            assert!(parse_expr(example, monday).is_ok(), "{example}");
        }
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
