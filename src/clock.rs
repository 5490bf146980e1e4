//! The current time and the time zone of the user's day: `ROLO_NOW` (RFC 3339 datetime or
//! a date) or the system clock, in the zone of `TZ`, of `[defaults] timezone` in
//! rolo.toml, or of the system.
//!
//! The only place that reads the clock; everything else takes `now` as a parameter. The
//! CLI chooses the zone once, after it has found the book, and builds the [`Clock`] in it.
//! Which zone comes from where is [`Zone::choose`]; reading the book's config is left to
//! the CLI.

use std::sync::OnceLock;

use chrono::{
    DateTime, FixedOffset, Local, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeDelta, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::error::{Error, Result};

/// The zone whose calendar decides what "today" is and what a time written without an
/// offset means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The system's zone as chrono's `Local` reads it: `TZ` when set, else the machine's.
    System,
    /// A zone of the IANA database compiled into rolo (`Asia/Almaty`): it needs no zone
    /// files on the machine, so it means the same on every system.
    Named(Tz),
}

/// A `[defaults] timezone` that is not in the time zone database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownZone(pub String);

impl std::fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\" is not in the time zone database", self.0)
    }
}

impl Zone {
    /// A zone by its IANA name (`Europe/Berlin`, `UTC`); `None` for a name the database
    /// does not have. Names are case-sensitive, as in the database.
    pub fn named(name: &str) -> Option<Zone> {
        name.trim().parse::<Tz>().ok().map(Zone::Named)
    }

    /// The zone for a command in a book whose rolo.toml names `book` (or nothing), with
    /// `TZ` as this process has it.
    pub fn from_env(book: Option<&str>) -> std::result::Result<Zone, UnknownZone> {
        Self::choose(std::env::var_os("TZ").as_deref(), book)
    }

    /// `TZ` set and not empty wins (the system's zone, which reads it); else the book's
    /// zone; else the system's. A book naming a zone the database lacks is an error the
    /// caller reports, going on in the system's zone.
    pub fn choose(
        tz: Option<&std::ffi::OsStr>,
        book: Option<&str>,
    ) -> std::result::Result<Zone, UnknownZone> {
        if tz.is_some_and(|v| !v.is_empty()) {
            return Ok(Zone::System);
        }
        match book.map(str::trim).filter(|name| !name.is_empty()) {
            None => Ok(Zone::System),
            Some(name) => Self::named(name).ok_or_else(|| UnknownZone(name.to_string())),
        }
    }

    /// What decides this zone's rules, in one line, for a cache of local dates: the
    /// database's name of a named zone; for the system's, `TZ`, else the file
    /// `/etc/localtime` (where it leads, and when that last changed).
    pub fn rules(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_string(),
            Zone::System => match std::env::var_os("TZ").filter(|v| !v.is_empty()) {
                Some(tz) => format!("TZ={}", tz.to_string_lossy()),
                None => {
                    let file = std::path::Path::new("/etc/localtime");
                    let target = std::fs::canonicalize(file).unwrap_or(file.to_path_buf());
                    let changed = std::fs::metadata(&target)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map_or(0, |d| d.as_nanos());
                    format!("system {} {changed}", target.display())
                }
            },
        }
    }

    /// `t` as this zone's clocks show it.
    pub fn at<T: TimeZone>(&self, t: DateTime<T>) -> DateTime<FixedOffset> {
        match self {
            Zone::System => t.with_timezone(&Local).fixed_offset(),
            Zone::Named(tz) => t.with_timezone(tz).fixed_offset(),
        }
    }

    /// The calendar day `t` falls on here.
    pub fn date_of(&self, t: DateTime<FixedOffset>) -> NaiveDate {
        self.at(t).date_naive()
    }

    /// The moment a wall-clock time names here. When clocks go back, the hour shown twice
    /// means its first pass; when they go forward, a time in the skipped hour reads with
    /// the offset from before the change (02:30 becomes 03:30), as iCalendar has it, so
    /// every time written in a file names some moment.
    pub fn instant_of(&self, wall: NaiveDateTime) -> DateTime<FixedOffset> {
        match self {
            Zone::System => resolve(&Local, wall),
            Zone::Named(tz) => resolve(tz, wall),
        }
    }
}

fn resolve<Z: TimeZone>(zone: &Z, wall: NaiveDateTime) -> DateTime<FixedOffset> {
    match zone.from_local_datetime(&wall) {
        MappedLocalTime::Single(t) | MappedLocalTime::Ambiguous(t, _) => t.fixed_offset(),
        MappedLocalTime::None => {
            // A day before the gap the clocks still showed the old offset (no zone changes
            // its offset twice within a day).
            let day_before = wall.checked_sub_signed(TimeDelta::days(1)).unwrap_or(wall);
            let before = zone.offset_from_utc_datetime(&day_before).fix();
            let utc = wall - TimeDelta::seconds(before.local_minus_utc().into());
            zone.from_utc_datetime(&utc).fixed_offset()
        }
    }
}

/// The zone dates are read in by code that has no clock at hand; see [`set_local_zone`].
static LOCAL_ZONE: OnceLock<Zone> = OnceLock::new();

/// Make `zone` the one [`local_zone`] gives for the rest of the process. The CLI calls it
/// once at start-up with its clock's zone, before any date is read; a second call is
/// ignored.
///
/// Why process-wide rather than a parameter: a record's dates are shown and compared as
/// local ones ([`crate::dates::When`]'s `local_date`, `instant`, `display`) in some forty
/// places across the model, the index, reports, pipelines and links, most of which have
/// no `now` and no other use for one (showing a field's value, ordering two dates).
/// "Now" stays a parameter everywhere, in this zone's offset, so "today" never depends
/// on this.
pub fn set_local_zone(zone: Zone) {
    let _ = LOCAL_ZONE.set(zone);
}

/// The zone set by [`set_local_zone`], else the system's.
pub fn local_zone() -> Zone {
    LOCAL_ZONE.get().copied().unwrap_or(Zone::System)
}

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    now: DateTime<FixedOffset>,
    zone: Zone,
}

impl Clock {
    /// Read `ROLO_NOW` if set (and not empty), else the system clock, in `zone`.
    pub fn from_env(zone: Zone) -> Result<Self> {
        match std::env::var("ROLO_NOW") {
            Ok(s) if !s.trim().is_empty() => Self::parse(s.trim(), zone),
            _ => Ok(Self::at(Utc::now().fixed_offset(), zone)),
        }
    }

    /// The moment `now`, shown in `zone`; whole seconds, as rolo writes them into files.
    pub fn at(now: DateTime<FixedOffset>, zone: Zone) -> Self {
        let now = zone.at(now);
        let now = chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now);
        Clock { now, zone }
    }

    /// `2026-11-23T10:00:00+05:00`, or `2026-11-23T10:00:00` and `2026-11-23` (midnight)
    /// on the clocks of `zone`.
    pub fn parse(s: &str, zone: Zone) -> Result<Self> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(Self::at(t, zone));
        }
        let wall = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            d.and_time(NaiveTime::MIN)
        } else {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").map_err(|_| {
                Error::InvalidDate {
                    input: s.into(),
                    message: "ROLO_NOW must be an RFC 3339 datetime or a YYYY-MM-DD date".into(),
                }
            })?
        };
        Ok(Self::at(zone.instant_of(wall), zone))
    }

    /// Now, with the offset of the clock's zone at this moment: its date is today, and
    /// code given `now` reads "today" from it.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    /// The user's local date ("today" is the date in the user's zone, not UTC's).
    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    pub fn zone(&self) -> Zone {
        self.zone
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    fn zone(name: &str) -> Zone {
        Zone::named(name).unwrap()
    }

    fn wall(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_rfc3339_and_dates() {
        let c = Clock::parse("2026-11-23T10:00:00+05:00", Zone::System).unwrap();
        assert_eq!(c.now().timestamp(), 1_795_410_000);
        let d = Clock::parse("2026-02-28", Zone::System).unwrap();
        assert_eq!(d.today(), day("2026-02-28"));
        assert!(Clock::parse("yesterday-ish", Zone::System).is_err());
    }

    #[test]
    fn now_is_shown_in_the_zone() {
        let utc = "2026-11-23T20:00:00Z";
        let almaty = Clock::parse(utc, zone("Asia/Almaty")).unwrap();
        assert_eq!(almaty.now().to_rfc3339(), "2026-11-24T01:00:00+05:00");
        assert_eq!(almaty.today(), day("2026-11-24"));
        let berlin = Clock::parse(utc, zone("Europe/Berlin")).unwrap();
        assert_eq!(berlin.now().to_rfc3339(), "2026-11-23T21:00:00+01:00");
        assert_eq!(berlin.today(), day("2026-11-23"));
        assert_eq!(almaty.now(), berlin.now(), "one moment");
        assert_eq!(berlin.zone(), zone("Europe/Berlin"));
    }

    #[test]
    fn a_time_without_offset_is_on_the_zones_clocks() {
        let c = Clock::parse("2026-11-23", zone("Asia/Tokyo")).unwrap();
        assert_eq!(c.now().to_rfc3339(), "2026-11-23T00:00:00+09:00");
        let c = Clock::parse("2026-07-01T10:00:00", zone("Europe/Berlin")).unwrap();
        assert_eq!(c.now().to_rfc3339(), "2026-07-01T10:00:00+02:00");
    }

    #[test]
    fn berlin_changes_its_clocks() {
        let berlin = zone("Europe/Berlin");
        // Winter +01:00, summer +02:00.
        assert_eq!(
            berlin.instant_of(wall("2026-01-15T12:00:00")).to_rfc3339(),
            "2026-01-15T12:00:00+01:00"
        );
        assert_eq!(
            berlin.instant_of(wall("2026-07-15T12:00:00")).to_rfc3339(),
            "2026-07-15T12:00:00+02:00"
        );
        // 29 March 2026: 02:00 jumps to 03:00; 02:30 reads with the winter offset.
        let skipped = berlin.instant_of(wall("2026-03-29T02:30:00"));
        assert_eq!(skipped.with_timezone(&Utc).to_rfc3339(), "2026-03-29T01:30:00+00:00");
        assert_eq!(skipped.to_rfc3339(), "2026-03-29T03:30:00+02:00");
        // 25 October 2026: 03:00 goes back to 02:00; 02:30 is its first pass, in summer time.
        let twice = berlin.instant_of(wall("2026-10-25T02:30:00"));
        assert_eq!(twice.to_rfc3339(), "2026-10-25T02:30:00+02:00");
        // The offset of `now` follows the season, so late evening stays on its day.
        let summer = Clock::parse("2026-07-15T22:30:00Z", berlin).unwrap();
        assert_eq!(
            (summer.today(), summer.now().offset().local_minus_utc()),
            (day("2026-07-16"), 7200)
        );
        let winter = Clock::parse("2026-12-15T22:30:00Z", berlin).unwrap();
        assert_eq!(
            (winter.today(), winter.now().offset().local_minus_utc()),
            (day("2026-12-15"), 3600)
        );
        // ROLO_NOW in the skipped hour still names a moment.
        let c = Clock::parse("2026-03-29T02:30:00", berlin).unwrap();
        assert_eq!(c.now().to_rfc3339(), "2026-03-29T03:30:00+02:00");
    }

    #[test]
    fn kiritimati_is_a_day_ahead() {
        // UTC+14: at 10:00 UTC on the 23rd it is already midnight of the 24th.
        let line = zone("Pacific/Kiritimati");
        let c = Clock::parse("2026-11-23T10:00:00Z", line).unwrap();
        assert_eq!(c.now().to_rfc3339(), "2026-11-24T00:00:00+14:00");
        assert_eq!(c.today(), day("2026-11-24"));
        let just_before = DateTime::parse_from_rfc3339("2026-11-23T09:59:59Z").unwrap();
        assert_eq!(line.date_of(just_before), day("2026-11-23"));
        assert_eq!(line.instant_of(wall("2026-11-24T00:00:00")), c.now());
    }

    #[test]
    fn tz_wins_then_the_book_then_the_system() {
        let tokyo = Some("Asia/Tokyo");
        assert_eq!(Zone::choose(Some(OsStr::new("<+05>-5")), tokyo), Ok(Zone::System));
        assert_eq!(Zone::choose(None, tokyo), Ok(zone("Asia/Tokyo")));
        assert_eq!(Zone::choose(Some(OsStr::new("")), tokyo), Ok(zone("Asia/Tokyo")));
        assert_eq!(Zone::choose(None, Some(" Asia/Tokyo ")), Ok(zone("Asia/Tokyo")));
        assert_eq!(Zone::choose(None, None), Ok(Zone::System));
        assert_eq!(Zone::choose(None, Some("  ")), Ok(Zone::System));
        let unknown = Zone::choose(None, Some("Asia/Tokio")).unwrap_err();
        assert_eq!(unknown.to_string(), "\"Asia/Tokio\" is not in the time zone database");
        // With `TZ` set the book's name is not even looked at.
        assert_eq!(Zone::choose(Some(OsStr::new("UTC0")), Some("Asia/Tokio")), Ok(Zone::System));
    }

    #[test]
    fn zone_names_come_from_the_database_only() {
        for name in ["../etc/passwd", "/etc/localtime", "", "Nowhere/Atlantis", "asia/tokyo"] {
            assert_eq!(Zone::named(name), None, "{name}");
        }
        assert_eq!(
            Zone::named("UTC")
                .map(|z| z
                    .date_of(DateTime::parse_from_rfc3339("2026-11-23T23:59:59-01:00").unwrap())),
            Some(day("2026-11-24"))
        );
    }
}
