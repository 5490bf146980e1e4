//! The five record kinds, the keys each one knows, and what a loaded record is.
//!
//! Reading and writing files is [`crate::store`]'s; this module only describes.

pub mod bytes;
pub mod facts;
pub mod id;
pub mod record;
pub mod reference;
pub mod relation;
pub mod row;
pub mod schema;
pub mod view;

pub use record::Record;
pub use row::Row;
pub use view::{Card, Catalog, View};

use std::fmt;
use std::str::FromStr;

/// A record type; its files live in their own directory of the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Contact,
    Company,
    Deal,
    Note,
    Task,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Contact, Kind::Company, Kind::Deal, Kind::Note, Kind::Task];
    /// Kinds a note or task may be `about`, in the order a bare id is looked up.
    pub const LINKABLE: [Kind; 3] = [Kind::Contact, Kind::Company, Kind::Deal];

    /// `contact`, `company`, … as in `type/id` and `--json`'s `type`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Company => "company",
            Kind::Deal => "deal",
            Kind::Note => "note",
            Kind::Task => "task",
        }
    }

    /// The directory of the book holding this kind.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Contact => "contacts",
            Kind::Company => "companies",
            Kind::Deal => "deals",
            Kind::Note => "notes",
            Kind::Task => "tasks",
        }
    }

    /// The key that names a record of this kind, if it has one (notes have none).
    pub fn title_key(self) -> Option<&'static str> {
        match self {
            Kind::Contact | Kind::Company => Some("name"),
            Kind::Deal | Kind::Task => Some("title"),
            Kind::Note => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// As its name (`"contact"`), as in `--json`'s `type`.
impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.to_ascii_lowercase();
        Kind::ALL.into_iter().find(|k| k.name() == s || k.dir() == s).ok_or_else(|| {
            format!("unknown record type \"{s}\" (contact, company, deal, note, task)")
        })
    }
}
