//! The current time: `ROLO_NOW` (RFC 3339 datetime or a date) or the system clock.
//!
//! The only place that reads the clock; everything else takes `now` as a parameter.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    now: DateTime<FixedOffset>,
}

impl Clock {
    /// Read `ROLO_NOW` if set (and not empty), else the system clock, in local time.
    pub fn from_env() -> Result<Self> {
        match std::env::var("ROLO_NOW") {
            Ok(s) if !s.trim().is_empty() => Self::parse(s.trim()),
            _ => Ok(Self::fixed(Local::now().fixed_offset())),
        }
    }

    pub fn fixed(now: DateTime<FixedOffset>) -> Self {
        // In the local offset, so that its date is the user's day (SPEC: "today" is the
        // local date); whole seconds, as rolo writes them into files.
        let now = now.with_timezone(&Local).fixed_offset().with_nanosecond_zero();
        Clock { now }
    }

    /// `2026-11-23T10:00:00+05:00`, `2026-11-23T10:00:00` (local) or `2026-11-23` (local midnight).
    pub fn parse(s: &str) -> Result<Self> {
        let bad =
            |m: &str| Error::InvalidDate { input: s.into(), message: format!("ROLO_NOW {m}") };
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(Self::fixed(t));
        }
        let naive = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            d.and_time(NaiveTime::MIN)
        } else {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
                .map_err(|_| bad("must be an RFC 3339 datetime or a YYYY-MM-DD date"))?
        };
        let local = Local
            .from_local_datetime(&naive)
            .earliest()
            .ok_or_else(|| bad("names a time that does not exist in the local time zone"))?;
        Ok(Self::fixed(local.fixed_offset()))
    }

    /// Now, with the local offset.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    /// The user's local date (SPEC: "today" is the local date, not UTC's).
    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

/// The tz database file of a zone name (`Asia/Almaty`), in the directories the time
/// library (chrono) reads zones from; `None` for a name it would not find.
pub fn zone_file(name: &str) -> Option<std::path::PathBuf> {
    const DIRS: [&str; 4] =
        ["/usr/share/zoneinfo", "/share/zoneinfo", "/etc/zoneinfo", "/usr/share/lib/zoneinfo"];
    let name = name.trim();
    let plain = !name.is_empty()
        && !name.starts_with('/')
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..");
    if !plain {
        return None;
    }
    DIRS.iter().map(|dir| std::path::Path::new(dir).join(name)).find(|file| file.is_file())
}

trait WholeSeconds {
    fn with_nanosecond_zero(self) -> Self;
}

impl WholeSeconds for DateTime<FixedOffset> {
    fn with_nanosecond_zero(self) -> Self {
        chrono::Timelike::with_nanosecond(&self, 0).unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_and_dates() {
        let c = Clock::parse("2026-11-23T10:00:00+05:00").unwrap();
        assert_eq!(c.now().timestamp(), 1_795_410_000);
        let d = Clock::parse("2026-02-28").unwrap();
        assert_eq!(d.today(), NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        assert!(Clock::parse("yesterday-ish").is_err());
    }

    #[test]
    fn zone_names_are_plain() {
        assert!(zone_file("../etc/passwd").is_none());
        assert!(zone_file("/etc/localtime").is_none());
        assert!(zone_file("").is_none());
        assert!(zone_file("Nowhere/Atlantis").is_none());
    }
}
