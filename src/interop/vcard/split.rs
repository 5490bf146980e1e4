//! A vCard file → one UTF-8 text per card, with the line it starts on, ready for calcard.
//!
//! Done here rather than left to the parser: a card that never ends or holds bytes in an
//! unknown charset fails alone; lines in a legacy 8-bit charset (2.1 `CHARSET=` without
//! an encoding) are decoded; quoted-printable soft line breaks (`=` at the end of a line,
//! as Android and Outlook write them) are joined; quoted-printable UTF-8 without a
//! `CHARSET` is marked as UTF-8 rather than read as Latin-1.

use super::super::text;
use super::super::{Reason, RowError};

pub(super) struct RawCard {
    /// The `BEGIN:VCARD` line, 1-based.
    pub line: usize,
    pub text: String,
}

#[derive(Default)]
pub(super) struct Split {
    pub cards: Vec<Result<RawCard, RowError>>,
    pub warnings: Vec<RowError>,
}

/// A line of a card: its number in the file and its bytes.
type Line<'a> = (usize, &'a [u8]);

/// Split a file into cards. `charset` reads 8-bit lines that name no charset.
pub(super) fn split(bytes: &[u8], charset: Option<&str>) -> Split {
    let mut out = Split::default();
    let utf16;
    let bytes = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        utf16 = text::decode(bytes, None).unwrap_or_default().into_bytes();
        &utf16[..]
    } else {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    };
    // The card being read: its first line, and its lines (number, bytes).
    let mut card: Option<(usize, Vec<Line>)> = None;
    let mut stray: Option<usize> = None;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        let trimmed = line.trim_ascii();
        if trimmed.eq_ignore_ascii_case(b"BEGIN:VCARD") {
            if let Some((start, _)) = card.take() {
                out.cards.push(Err(RowError::new(start, Reason::Unterminated)));
            }
            card = Some((n, Vec::new()));
        } else if trimmed.eq_ignore_ascii_case(b"END:VCARD") {
            match card.take() {
                Some((start, lines)) => out.cards.push(assemble(start, &lines, charset)),
                None => stray = stray.or(Some(n)),
            }
        } else if let Some((_, lines)) = card.as_mut() {
            lines.push((n, line));
        } else if !trimmed.is_empty() {
            stray = stray.or(Some(n));
        }
    }
    if let Some((start, _)) = card {
        out.cards.push(Err(RowError::new(start, Reason::Unterminated)));
    }
    if out.cards.is_empty() && stray.is_some() {
        out.cards.push(Err(RowError::new(1, Reason::NotVcard)));
    } else if let Some(n) = stray {
        let what = "text outside BEGIN:VCARD … END:VCARD is ignored";
        out.warnings.push(RowError::new(n, Reason::Shape(what.into())));
    }
    out
}

/// One card's lines → its text: decoded, quoted-printable joined, LF line ends.
fn assemble(
    start: usize,
    lines: &[(usize, &[u8])],
    charset: Option<&str>,
) -> Result<RawCard, RowError> {
    let mut decoded: Vec<String> = Vec::with_capacity(lines.len());
    for &(n, raw) in lines {
        let text = match std::str::from_utf8(raw) {
            Ok(s) => s.to_string(),
            Err(_) => match param(head(raw), b"CHARSET").as_deref().or(charset) {
                Some(cs) => text::decode_in(cs, raw).map_err(|r| RowError::new(n, r))?,
                None => return Err(RowError::new(n, Reason::NotUtf8)),
            },
        };
        decoded.push(text);
    }
    let mut text = String::from("BEGIN:VCARD\n");
    let mut lines = decoded.into_iter();
    while let Some(mut line) = lines.next() {
        if is_quoted_printable(&line) {
            while line.ends_with('=') {
                let Some(next) = lines.next() else { break };
                line.pop();
                line.push_str(&next);
            }
            mark_utf8(&mut line);
        }
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str("END:VCARD\n");
    Ok(RawCard { line: start, text })
}

/// The part of a property line before its value: group, name and parameters.
fn head(line: &[u8]) -> &[u8] {
    let mut quoted = false;
    for (i, &b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

/// A parameter's value from a line's head (`CHARSET=windows-1251`).
fn param(head: &[u8], name: &[u8]) -> Option<String> {
    head.split(|&b| b == b';').skip(1).find_map(|p| {
        let (k, v) = p.split_at(p.iter().position(|&b| b == b'=')?);
        k.trim_ascii()
            .eq_ignore_ascii_case(name)
            .then(|| String::from_utf8_lossy(&v[1..]).trim().trim_matches('"').to_string())
    })
}

fn is_quoted_printable(line: &str) -> bool {
    let head = head(line.as_bytes());
    head.to_ascii_uppercase().windows(16).any(|w| w == b"QUOTED-PRINTABLE")
}

/// Quoted-printable bytes that are UTF-8 and name no charset are UTF-8 (Android does
/// this); without a mark they would be read as Latin-1.
fn mark_utf8(line: &mut String) {
    let h = head(line.as_bytes()).len();
    if h == line.len() || param(&line.as_bytes()[..h], b"CHARSET").is_some() {
        return;
    }
    let value = &line.as_bytes()[h + 1..];
    let decoded = mail_parser::decoders::quoted_printable::quoted_printable_decode(value);
    if decoded.is_some_and(|d| !d.is_ascii() && std::str::from_utf8(&d).is_ok()) {
        line.insert_str(h, ";CHARSET=UTF-8");
    }
}

/// The raw value and head of the first property `name` in a card's text (folded lines
/// joined): for values calcard reads differently from how address books write them.
pub(super) fn raw_property(text: &str, name: &str) -> Option<(String, String)> {
    let mut logical: Vec<String> = Vec::new();
    for line in text.lines() {
        match (line.strip_prefix([' ', '\t']), logical.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => logical.push(line.to_string()),
        }
    }
    logical.into_iter().find_map(|line| {
        let h = head(line.as_bytes()).len();
        let head = &line[..h];
        let prop = head.split(';').next().unwrap_or(head);
        let prop = prop.rsplit('.').next().unwrap_or(prop);
        let value = line.get(h + 1..).unwrap_or_default();
        prop.trim().eq_ignore_ascii_case(name).then(|| (head.to_string(), value.trim().to_string()))
    })
}

/// A parameter of a raw head, for [`raw_property`]'s callers.
pub(super) fn raw_param(head: &str, name: &str) -> Option<String> {
    param(head.as_bytes(), name.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(file: &[u8]) -> Vec<Result<String, RowError>> {
        split(file, None).cards.into_iter().map(|c| c.map(|c| c.text)).collect()
    }

    #[test]
    fn cards_lines_and_failures() {
        let file = b"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\nFN:B\nBEGIN:VCARD\nFN:C\nEND:VCARD\n";
        let cards = split(file, None).cards;
        assert_eq!(cards.len(), 3);
        assert_eq!(cards[0].as_ref().unwrap().line, 1);
        assert_eq!(cards[0].as_ref().unwrap().text, "BEGIN:VCARD\nFN:A\nEND:VCARD\n");
        assert_eq!(cards[1].as_ref().err(), Some(&RowError::new(4, Reason::Unterminated)));
        assert_eq!(cards[2].as_ref().unwrap().line, 6);
        assert_eq!(texts(b"name,email\nAnna,a@b.c\n"), [Err(RowError::new(1, Reason::NotVcard))]);
        assert!(split(b"", None).cards.is_empty());
        let s = split(b"junk\nBEGIN:VCARD\nFN:A\nEND:VCARD\n", None);
        assert_eq!(s.warnings[0].line, 1);
    }

    #[test]
    fn legacy_charsets_and_quoted_printable() {
        // "Анна" in windows-1251, as 8-bit bytes with a CHARSET parameter.
        let file = b"BEGIN:VCARD\nFN;CHARSET=windows-1251:\xC0\xED\xED\xE0\nEND:VCARD\n";
        assert!(texts(file)[0].as_ref().unwrap().contains("FN;CHARSET=windows-1251:Анна"));
        let no_charset = b"BEGIN:VCARD\nN:x\nFN:\xC0\xED\xED\xE0\nEND:VCARD\n";
        assert_eq!(texts(no_charset)[0], Err(RowError::new(3, Reason::NotUtf8)));
        let given = split(no_charset, Some("windows-1251")).cards.remove(0).unwrap();
        assert!(given.text.contains("FN:Анна"));
        let qp = b"BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:=D0=90=D0=BD=\n=D0=BD=D0=B0\nTEL:1\nEND:VCARD\n";
        let text = texts(qp).remove(0).unwrap();
        assert!(
            text.contains(
                "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=D0=90=D0=BD=D0=BD=D0=B0\nTEL:1"
            ),
            "{text}"
        );
    }

    #[test]
    fn raw_properties_unfold() {
        let text = "BEGIN:VCARD\nitem1.BDAY;X-APPLE-OMIT-YEAR=1604:1604-04\n -12\nEND:VCARD\n";
        let (head, value) = raw_property(text, "bday").unwrap();
        assert_eq!(value, "1604-04-12");
        assert_eq!(raw_param(&head, "x-apple-omit-year").as_deref(), Some("1604"));
        assert_eq!(raw_property(text, "NOTE"), None);
    }
}
