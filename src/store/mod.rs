//! The file format: splitting front matter from the body, parsing with spans,
//! format-preserving edits (toml_edit), atomic writes, the three-way merge of a record
//! file (git's merge driver) and a field diff of two versions.
//!
//! Knows files, not the book's layout (that is [`crate::book`]'s).

pub mod diff;
pub mod edit;
pub mod frontmatter;
pub mod merge;
pub mod read;
pub mod write;
