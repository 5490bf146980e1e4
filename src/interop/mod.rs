//! Interchange: vCard, CSV and JSON in and out, iCalendar out (docs/format.md: "Interchange formats").
//!
//! Each record format is one module behind [`Format`]: it reads a file into [`Incoming`]
//! records, with an error per card or row rather than for the whole file, and writes
//! records out.
//! What happens when incoming records meet the book (matching, merging, linking or
//! creating companies, one report) is [`import`]'s, the same for every format.
//! [`ics`] writes reminders (tasks, birthdays, close dates) rather than records.
//! Nothing here prints, reads the terminal or knows clap: the CLI does that.

pub mod content;
pub mod csv;
pub mod ics;
pub mod import;
pub mod json;
mod matcher;
mod merge;
pub mod report;
pub mod text;
pub mod values;
pub mod vcard;

use std::io;

use toml_edit::DocumentMut;

use crate::book::Loaded;
use crate::error::Result;
use crate::model::{Kind, Record};

pub use import::{Importer, OnDuplicate, Options};
pub use report::{Action, PossibleDuplicate, Problem, Report, Step};

/// One interchange format. `read` never fails on a bad card or row: each one becomes a
/// [`RowError`] beside the records that did parse, so the rest of the file still lands.
pub trait Format {
    /// Read a whole file. `Err` only for what makes the whole command wrong (a `--map`
    /// naming no column): a usage error, not a bad row.
    fn read(&self, bytes: &[u8]) -> Result<Parsed>;

    /// Write `records` (already chosen and filtered) to `out`; `book` turns the ids of
    /// linked records into names where the format wants names.
    fn write(&self, records: &[&Record], book: &Loaded, out: &mut dyn io::Write) -> io::Result<()>;
}

/// What a file held: records or errors in file order, what was passed over (a contact
/// group, stray text), and remarks about the file as a whole ("ignored columns: …").
#[derive(Debug, Default)]
pub struct Parsed {
    pub items: Vec<Result<Incoming, RowError>>,
    pub warnings: Vec<RowError>,
    pub notices: Vec<String>,
}

/// A record read from a foreign file, not yet matched against the book.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub kind: Kind,
    /// The line where it starts in its file (1-based), for messages.
    pub line: usize,
    /// The id it had in the book it came from (rolo's own CSV and JSON); kept when free.
    pub id: Option<String>,
    /// Front-matter keys, typed as rolo stores them. `company` and `contact` are ids here
    /// only when the file holds ids (JSON); names to link go in the fields below.
    pub doc: DocumentMut,
    pub body: String,
    /// The company as the file names it (a name, or an id): linked, or created if missing.
    pub company: Option<String>,
    /// The company's web or mail domain, when the file says it.
    pub company_domain: Option<String>,
    /// A deal's contact by name, email or id: linked, or created if missing.
    pub contact: Option<String>,
    /// Values left out while reading (an email without `@`), reported as warnings.
    pub warnings: Vec<String>,
    /// A record as rolo wrote it (JSON): created with its keys in their order and no
    /// defaults added (`created`, `owner`), so a restore gives back the same file.
    pub verbatim: bool,
}

impl Incoming {
    pub fn new(kind: Kind, line: usize) -> Incoming {
        Incoming {
            kind,
            line,
            id: None,
            doc: DocumentMut::new(),
            body: String::new(),
            company: None,
            company_domain: None,
            contact: None,
            warnings: Vec::new(),
            verbatim: false,
        }
    }

    /// A string key of the front matter, if set and not empty.
    pub fn str(&self, key: &str) -> Option<&str> {
        self.doc.get(key).and_then(|i| i.as_str()).map(str::trim).filter(|s| !s.is_empty())
    }

    /// The strings of a list key.
    pub fn strs(&self, key: &str) -> Vec<&str> {
        match self.doc.get(key).and_then(|i| i.as_array()) {
            Some(a) => a.iter().filter_map(|v| v.as_str()).collect(),
            None => self.str(key).into_iter().collect(),
        }
    }

    /// Set a text key when the value is not empty.
    pub fn text(&mut self, key: &str, value: &str) {
        let value = value.trim();
        if !value.is_empty() {
            self.doc.insert(key, toml_edit::value(value));
        }
    }

    /// Set a list key from the non-empty values, without repeats.
    pub fn list<S: AsRef<str>>(&mut self, key: &str, values: &[S]) {
        let mut seen: Vec<&str> = Vec::new();
        for v in values.iter().map(|v| v.as_ref().trim()).filter(|v| !v.is_empty()) {
            if !seen.contains(&v) {
                seen.push(v);
            }
        }
        if !seen.is_empty() {
            let array: toml_edit::Array = seen.into_iter().collect();
            self.doc.insert(key, toml_edit::value(array));
        }
    }

    pub fn set(&mut self, key: &str, value: toml_edit::Value) {
        self.doc.insert(key, toml_edit::Item::Value(value));
    }
}

/// A card or row that could not be read, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub reason: Reason,
}

impl RowError {
    pub fn new(line: usize, reason: Reason) -> RowError {
        RowError { line, reason }
    }
}

/// Why a card or row was not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    #[error(
        "not valid UTF-8 and no charset given: pass --charset (windows-1251, koi8-r, …) or convert the file to UTF-8"
    )]
    NotUtf8,
    #[error("unknown charset \"{0}\"")]
    UnknownCharset(String),
    #[error("bytes not valid in {0}")]
    NotInCharset(String),
    #[error("no BEGIN:VCARD found: is this a vCard file?")]
    NotVcard,
    #[error("the card has no END:VCARD")]
    Unterminated,
    #[error("the card does not parse: {0}")]
    BadCard(String),
    #[error("nothing to name it by: no {0}")]
    NoName(&'static str),
    #[error("{0}")]
    Csv(String),
    #[error("not JSON: {0}")]
    Json(String),
    #[error("{0}")]
    Shape(String),
    #[error("{key}: {message}")]
    Value { key: String, message: String },
}

impl Reason {
    pub fn value(key: &str, message: impl Into<String>) -> Reason {
        Reason::Value { key: key.to_string(), message: message.into() }
    }
}

/// The UID a vCard carries for a record that has no `uid` of its own: the same for the
/// same record on every export, so phones and khard update rather than duplicate it.
pub fn stable_uid(kind: Kind, id: &str) -> String {
    // A fixed namespace for rolo's names (`contact/anna-petrova`); never change it.
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6a1c_7f0e_52b4_4d7a_9f0e_2c41_5e0a_9b37);
    uuid::Uuid::new_v5(&NAMESPACE, format!("{kind}/{id}").as_bytes()).to_string()
}

/// A UID for comparison: `urn:uuid:` dropped, lowercase.
pub fn normalize_uid(uid: &str) -> String {
    let uid = uid.trim();
    let bare = match uid.get(..9) {
        Some(p) if p.eq_ignore_ascii_case("urn:uuid:") => &uid[9..],
        _ => uid,
    };
    bare.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_uids_are_stable_and_distinct() {
        let a = stable_uid(Kind::Contact, "anna-petrova");
        assert_eq!(a, stable_uid(Kind::Contact, "anna-petrova"));
        assert_ne!(a, stable_uid(Kind::Contact, "anna-petrova-2"));
        assert_ne!(a, stable_uid(Kind::Company, "anna-petrova"));
        assert_eq!(uuid::Uuid::parse_str(&a).unwrap().get_version_num(), 5);
        assert_eq!(normalize_uid(&format!("urn:uuid:{}", a.to_uppercase())), a);
    }

    /// Bad input is reported, never a panic: every reader on thousands of files made of
    /// the pieces their parsers care about, in random order.
    #[test]
    fn garbage_never_panics() {
        const PIECES: [&[u8]; 24] = [
            b"BEGIN:VCARD",
            b"END:VCARD",
            b"\r\n",
            b"\n",
            b" ",
            b":",
            b";",
            b",",
            b"=",
            b"\"",
            b"FN",
            b"N:a;b",
            b"BDAY:--",
            b"ENCODING=QUOTED-PRINTABLE",
            b"CHARSET=windows-1251",
            b"=D0=",
            b"\xC0\xFF",
            b"item1.",
            b"[",
            b"]",
            b"{\"type\":",
            b"name,email",
            b"\\",
            b"\t",
        ];
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        let csv = csv::Csv { kind: Kind::Contact, map: vec![], charset: None, now };
        let deals = csv::Csv { kind: Kind::Deal, charset: Some("cp1251".into()), ..csv.clone() };
        let formats: [&dyn Format; 4] =
            [&vcard::Vcard::default(), &csv, &deals, &json::JsonFormat::default()];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut file = Vec::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                file.extend_from_slice(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            for format in formats {
                let _ = format.read(&file);
            }
        }
    }

    #[test]
    fn incoming_lists_drop_blanks_and_repeats() {
        let mut inc = Incoming::new(Kind::Contact, 1);
        inc.list("tags", &["vip", " ", "vip", "b2b"]);
        assert_eq!(inc.strs("tags"), ["vip", "b2b"]);
        inc.text("name", "  ");
        assert_eq!(inc.str("name"), None);
    }
}
