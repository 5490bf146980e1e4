//! The file format: splitting front matter from the body, parsing with spans,
//! format-preserving edits (toml_edit), and atomic writes.
//!
//! Knows files, not the book's layout (that is [`crate::book`]'s).

pub mod edit;
pub mod frontmatter;
pub mod read;
pub mod write;
