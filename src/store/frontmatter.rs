//! Split a record file into its TOML front matter (between `+++` lines) and the rest.
//!
//! Offsets are kept so that TOML error positions map back to lines of the whole file
//! (lines counted from the top of the file, the first `+++` being line 1).

/// The parts of a record file, borrowed from its text. Concatenating `head`, `front` and
/// `tail` gives the file back byte for byte.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    /// Everything up to and including the opening `+++` line (a BOM, the delimiter, its newline).
    pub head: &'a str,
    /// The TOML between the delimiters.
    pub front: &'a str,
    /// The closing `+++` line and everything after it.
    pub tail: &'a str,
    /// The 1-based line of the file on which `front` starts.
    pub front_line: usize,
    /// The closing delimiter with its line ending (`+++\n`); the body is the rest of `tail`.
    pub closing_len: usize,
}

impl Parts<'_> {
    pub fn body(&self) -> &str {
        &self.tail[self.closing_len..]
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `+++` line.
    NoOpening,
    /// No closing `+++` line; the file has this many lines.
    NotClosed { lines: usize },
}

impl SplitError {
    pub fn message(&self) -> &'static str {
        match self {
            SplitError::NoOpening => "missing front matter: the first line must be +++",
            SplitError::NotClosed { .. } => {
                "front matter is not closed: no +++ line after the first"
            }
        }
    }
}

fn is_delimiter(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "+++"
}

pub fn split(text: &str) -> Result<Parts<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = text[start..].split_inclusive('\n');
    let first = lines.next().ok_or(SplitError::NoOpening)?;
    if !is_delimiter(first) {
        return Err(SplitError::NoOpening);
    }
    let front_start = start + first.len();
    let mut offset = front_start;
    let mut count = 1;
    for line in lines {
        count += 1;
        if is_delimiter(line) {
            return Ok(Parts {
                head: &text[..front_start],
                front: &text[front_start..offset],
                tail: &text[offset..],
                front_line: 2,
                closing_len: line.len(),
            });
        }
        offset += line.len();
    }
    Err(SplitError::NotClosed { lines: count })
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_reassembles_exactly() {
        let text = "+++\nname = \"A\"\n+++\nBody\n\nmore\n";
        let p = split(text).unwrap();
        assert_eq!(p.front, "name = \"A\"\n");
        assert_eq!(p.body(), "Body\n\nmore\n");
        assert_eq!(format!("{}{}{}", p.head, p.front, p.tail), text);
    }

    #[test]
    fn crlf_bom_and_no_body() {
        let text = "\u{feff}+++\r\nname = \"A\"\r\n+++";
        let p = split(text).unwrap();
        assert_eq!(p.front, "name = \"A\"\r\n");
        assert_eq!(p.body(), "");
        assert_eq!(format!("{}{}{}", p.head, p.front, p.tail), text);
    }

    #[test]
    fn errors() {
        assert_eq!(split("name = 1\n"), Err(SplitError::NoOpening));
        assert_eq!(split(""), Err(SplitError::NoOpening));
        assert_eq!(split("+++\na = 1\n"), Err(SplitError::NotClosed { lines: 2 }));
    }

    #[test]
    fn line_and_column_count_characters() {
        let t = "a = 1\nимя = x\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, t.find('x').unwrap()), (2, 7));
    }
}
