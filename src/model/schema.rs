//! The keys rolo knows per record kind, and the type of each (docs/format.md: "Record files").
//!
//! Used to type values given on the command line (`set deal value=1200`) and to check
//! files. Keys not listed here are the user's own and are kept as written.

use super::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    /// An array of strings; a command-line value is split on commas.
    TextList,
    Number,
    /// A number within 0..=1.
    Probability,
    /// A TOML date.
    Date,
    /// A TOML datetime (a date alone is accepted).
    DateTime,
    /// A date or datetime: a task's `due`.
    DateOrDateTime,
    /// A TOML date, or the string "MM-DD" when the year is unknown.
    Birthday,
    /// An array of datetimes (a repeating task's `completed`).
    DateTimeList,
}

/// The known keys of a kind, with their types.
pub fn keys(kind: Kind) -> &'static [(&'static str, FieldType)] {
    use FieldType::*;
    match kind {
        Kind::Contact => &[
            ("name", Text),
            ("emails", TextList),
            ("phones", TextList),
            ("company", Text),
            ("title", Text),
            ("tags", TextList),
            ("source", Text),
            ("owner", Text),
            ("stage", Text),
            ("birthday", Birthday),
            ("follow_up", Text),
            ("preferred_channel", Text),
            ("city", Text),
            ("created", DateTime),
            ("uid", Text),
        ],
        Kind::Company => &[
            ("name", Text),
            ("domain", Text),
            ("tags", TextList),
            ("city", Text),
            ("owner", Text),
            ("source", Text),
            ("created", DateTime),
        ],
        Kind::Deal => &[
            ("title", Text),
            ("contact", Text),
            ("company", Text),
            ("stage", Text),
            ("value", Number),
            ("currency", Text),
            ("probability", Probability),
            ("close", Date),
            ("owner", Text),
            ("source", Text),
            ("tags", TextList),
            ("created", DateTime),
            ("lost_reason", Text),
        ],
        Kind::Note => &[
            ("date", DateTime),
            ("kind", Text),
            ("direction", Text),
            ("about", TextList),
            ("owner", Text),
        ],
        Kind::Task => &[
            ("title", Text),
            ("due", DateOrDateTime),
            ("about", TextList),
            ("repeat", Text),
            ("done", DateTime),
            ("completed", DateTimeList),
            ("owner", Text),
            ("anchor", DateOrDateTime),
            ("created", DateTime),
        ],
    }
}

pub fn field_type(kind: Kind, key: &str) -> Option<FieldType> {
    keys(kind).iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The records a link value names: `deal/x` names one kind; a bare id in `about` may
/// name a contact, company or deal.
pub fn link_targets(value: &str, expected: Option<Kind>) -> Vec<(Kind, &str)> {
    if let Some((k, id)) = value.split_once('/')
        && let Ok(kind) = k.parse::<Kind>()
    {
        return vec![(kind, id)];
    }
    match expected {
        Some(k) => vec![(k, value)],
        None => Kind::LINKABLE.iter().map(|&k| (k, value)).collect(),
    }
}

/// Keys holding the id of another record, and the kind it names.
pub fn link_keys(kind: Kind) -> &'static [(&'static str, Option<Kind>)] {
    match kind {
        Kind::Contact => &[("company", Some(Kind::Company))],
        Kind::Company => &[],
        Kind::Deal => &[("contact", Some(Kind::Contact)), ("company", Some(Kind::Company))],
        // `about` may name a contact, company or deal.
        Kind::Note | Kind::Task => &[("about", None)],
    }
}

/// What a note's `kind` and `direction` may be.
pub const NOTE_KINDS: [&str; 5] = ["call", "email", "meeting", "message", "note"];
pub const DIRECTIONS: [&str; 2] = ["in", "out"];
