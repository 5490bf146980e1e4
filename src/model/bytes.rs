//! The binary form of rolo's caches (the index's rows and look-up files): little-endian
//! numbers, strings as a `u32` length and UTF-8 (`u32::MAX` for none), a kind as its
//! place in [`Kind::ALL`], dates tagged by their form. [`In`] reads what [`Out`] wrote,
//! checking every bound: a damaged cache reads as `None`, never as a panic.

use chrono::Datelike;

use super::Kind;
use crate::dates::When;

/// Writes the binary form.
#[derive(Default)]
pub struct Out(pub Vec<u8>);

/// The length written for a missing string.
pub const NONE: u32 = u32::MAX;

impl Out {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i32(&mut self, v: i32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn count(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(NONE));
    }
    pub fn str(&mut self, s: &str) {
        self.count(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.u32(NONE),
        }
    }
    pub fn kind(&mut self, kind: Kind) {
        let i = Kind::ALL.iter().position(|k| *k == kind);
        self.u8(i.and_then(|i| u8::try_from(i).ok()).unwrap_or(0));
    }
    /// A tag (0 a date, 1 a datetime with an offset, 2 a local datetime) and the value:
    /// days from the common era, or seconds since the epoch, nanoseconds (and the offset).
    pub fn when(&mut self, w: &When) {
        match w {
            When::Date(d) => {
                self.u8(0);
                self.i32(d.num_days_from_ce());
            }
            When::At(t) => {
                self.u8(1);
                self.i64(t.timestamp());
                self.u32(t.timestamp_subsec_nanos());
                self.i32(t.offset().local_minus_utc());
            }
            When::Local(t) => {
                self.u8(2);
                self.i64(t.and_utc().timestamp());
                self.u32(t.and_utc().timestamp_subsec_nanos());
            }
        }
    }
}

/// Reads what [`Out`] wrote; every read checks its bounds.
#[derive(Debug, Clone)]
pub struct In<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> In<'a> {
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let part = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(part)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn count(&mut self) -> Option<usize> {
        usize::try_from(self.u32()?).ok()
    }
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    pub fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.u32()? {
            NONE => Some(None),
            n => std::str::from_utf8(self.take(usize::try_from(n).ok()?)?).ok().map(Some),
        }
    }
    /// Past a [`Self::str`] without reading it (nor checking it is UTF-8).
    pub fn skip_str(&mut self) -> Option<()> {
        let n = self.count()?;
        self.take(n).map(drop)
    }
    pub fn kind(&mut self) -> Option<Kind> {
        Kind::ALL.get(usize::from(self.u8()?)).copied()
    }
    pub fn when(&mut self) -> Option<When> {
        use chrono::{DateTime, FixedOffset, NaiveDate};
        match self.u8()? {
            0 => NaiveDate::from_num_days_from_ce_opt(self.i32()?).map(When::Date),
            1 => {
                let (secs, nanos) = (self.i64()?, self.u32()?);
                let offset = FixedOffset::east_opt(self.i32()?)?;
                Some(When::At(DateTime::from_timestamp(secs, nanos)?.with_timezone(&offset)))
            }
            2 => {
                let (secs, nanos) = (self.i64()?, self.u32()?);
                Some(When::Local(DateTime::from_timestamp(secs, nanos)?.naive_utc()))
            }
            _ => None,
        }
    }
    pub fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}
