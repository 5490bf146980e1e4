//! Parse a record file into a [`Record`], or a `path:line:col` [`Diagnostic`].

use std::path::Path;

use toml_edit::Document;

use super::frontmatter::{self, SplitError};
use crate::error::Diagnostic;
use crate::model::{Kind, Record};

/// Parse `text`, the content of the file at `path` (relative to the book), as a record.
pub fn parse(kind: Kind, id: &str, path: &Path, text: &str) -> Result<Record, Diagnostic> {
    let diag =
        |line, col, message: String| Diagnostic { path: path.to_path_buf(), line, col, message };
    let parts = frontmatter::split(text).map_err(|e| match e {
        SplitError::NoOpening => diag(1, 1, e.message().into()),
        SplitError::NotClosed { lines } => diag(lines, 1, e.message().into()),
    })?;
    let doc = Document::parse(parts.front.to_string()).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| frontmatter::line_col(parts.front, s.start));
        let message = e.message().lines().next().unwrap_or("invalid TOML").trim().to_string();
        diag(line + parts.front_line - 1, col, message)
    })?;
    let mut doc = doc.into_mut();
    // toml_edit drops a byte-order mark that starts the TOML (one just after the opening
    // `+++` line); the root table's prefix writes it back where it was, so the file still
    // comes back byte for byte.
    if parts.front.starts_with('\u{feff}') {
        doc.decor_mut().set_prefix("\u{feff}");
    }
    let (closing, body) = parts.tail.split_at(parts.closing_len);
    Ok(Record {
        kind,
        id: id.to_string(),
        path: path.to_path_buf(),
        doc,
        head: parts.head.to_string(),
        closing: closing.to_string(),
        body: body.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAND_WRITTEN: &str = "+++\n# met at a conference\nname   = \"Анна Петрова\"  # full name\nlinkedin = \"anna\"\ntags = [ \"vip\",\"b2b\" ]\n\n[fields]\nindustry = \"furniture\"\n+++\n# Notes\n\nLikes *tea*.\n";

    #[test]
    fn round_trips_byte_for_byte() {
        let r = parse(Kind::Contact, "anna", Path::new("contacts/anna.md"), HAND_WRITTEN).unwrap();
        assert_eq!(r.to_text(), HAND_WRITTEN);
        assert_eq!(r.str("name"), Some("Анна Петрова"));
        assert_eq!(r.strs("tags"), ["vip", "b2b"]);
        assert_eq!(r.body, "# Notes\n\nLikes *tea*.\n");
    }

    #[test]
    fn a_byte_order_mark_after_the_opening_line_is_kept() {
        // Found by fuzzing: the mark was dropped, so the file changed on its next write.
        for text in [
            "\u{feff}+++\r\n\u{feff}\r\n+++\r\nТе",
            "+++\n\u{feff}# Анна\nname = \"Анна\"\n\n[fields]\nx = 1\n+++\n",
            "+++\n\u{feff}[fields]\nx = 1\n+++\n",
        ] {
            let mut r = parse(Kind::Contact, "a", Path::new("contacts/a.md"), text).unwrap();
            assert_eq!(r.to_text(), text);
            crate::store::edit::set(&mut r.doc, &["city"], "Алматы".into()).unwrap();
            assert!(r.to_text().contains("\u{feff}"), "{:?}", r.to_text());
        }
    }

    #[test]
    fn toml_errors_point_into_the_file() {
        let text = "+++\nname = \"A\"\nbirthday = 1988-13-12\n+++\n";
        let d = parse(Kind::Contact, "a", Path::new("contacts/a.md"), text).unwrap_err();
        assert_eq!((d.line, d.col), (3, 12), "{d}");
        assert!(d.to_string().starts_with("contacts/a.md:3:12: "), "{d}");
    }

    #[test]
    fn missing_delimiters() {
        let d = parse(Kind::Task, "t", Path::new("tasks/t.md"), "title = \"x\"\n").unwrap_err();
        assert_eq!((d.line, d.col), (1, 1));
        let d =
            parse(Kind::Task, "t", Path::new("tasks/t.md"), "+++\ntitle = \"x\"\n").unwrap_err();
        assert!(d.message.contains("not closed"), "{d}");
    }
}
