//! A vCard file → one UTF-8 text per card, with the line it starts on, ready for calcard.
//!
//! Done here rather than left to the parser: a card that never ends, or holds 8-bit bytes
//! with no charset to read them in, fails alone; folded lines and quoted-printable soft
//! line breaks (`=` at the end of a line, as Android and Outlook write them) are joined
//! before decoding, so a character cut in two decodes whole; every 2.1 `CHARSET=` is
//! honoured, on raw bytes (Android's Shift_JIS) and on quoted-printable (Outlook's
//! windows-1251) alike, by decoding here and handing calcard UTF-8; quoted-printable
//! UTF-8 without a `CHARSET` is marked as UTF-8 rather than read as Latin-1. A value
//! whose bytes are not valid in its charset, or whose charset is unknown, is left out
//! with a warning at its line: calcard would put replacement characters in its place.

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
                Some((start, lines)) => {
                    out.cards.push(assemble(start, &lines, charset, &mut out.warnings));
                }
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

/// One card's lines → its text: every property decoded from its charset, LF line ends.
/// A property whose value does not decode is left out, with a warning at its line.
fn assemble(
    start: usize,
    lines: &[Line],
    charset: Option<&str>,
    warnings: &mut Vec<RowError>,
) -> Result<RawCard, RowError> {
    let mut text = String::from("BEGIN:VCARD\n");
    for (n, bytes) in properties(lines) {
        match property(&bytes, charset) {
            Ok(line) => {
                text.push_str(&line);
                text.push('\n');
            }
            Err(Reason::NotUtf8) => return Err(RowError::new(n, Reason::NotUtf8)),
            Err(reason) => {
                let message = format!("{reason}; left out");
                warnings.push(RowError::new(n, Reason::value(&name(&bytes), message)));
            }
        }
    }
    text.push_str("END:VCARD\n");
    Ok(RawCard { line: start, text })
}

/// A card's lines unfolded into properties (the number of the first line, the bytes),
/// before any decoding, so a character that a fold or a soft break cut in two decodes
/// whole: a line starting with a space or tab continues the one before without its line
/// break and that first space (as calcard unfolds); quoted-printable soft breaks (`=` at
/// the end of a line) are joined.
fn properties(lines: &[Line]) -> Vec<(usize, Vec<u8>)> {
    let mut out: Vec<(usize, Vec<u8>)> = Vec::with_capacity(lines.len());
    for &(n, line) in lines {
        match out.last_mut() {
            Some((_, prop)) if prop.ends_with(b"=") && is_quoted_printable(prop) => {
                prop.pop();
                prop.extend_from_slice(line);
            }
            Some((_, prop)) if line.starts_with(b" ") || line.starts_with(b"\t") => {
                prop.extend_from_slice(&line[1..]);
            }
            _ => out.push((n, line.to_vec())),
        }
    }
    out
}

/// One property as UTF-8 text for calcard. Its `CHARSET` is honoured whatever the bytes
/// look like (ISO-2022-JP is 7-bit, and windows-1251 bytes can happen to be valid UTF-8);
/// a property without one must be UTF-8 or in the charset the user gave. Quoted-printable
/// values are decoded, read in their charset and written back as quoted-printable UTF-8.
/// `Err(NotUtf8)` fails the card; any other error leaves the property out.
fn property(bytes: &[u8], given: Option<&str>) -> Result<String, Reason> {
    let named = param(head(bytes), b"CHARSET");
    let qp = is_quoted_printable(bytes);
    let base64 = is_base64(head(bytes));
    let line = match (&named, std::str::from_utf8(bytes)) {
        // Quoted-printable and base64 are 7-bit: the charset is for the bytes they encode.
        (Some(cs), _) if !qp && !base64 => text::decode_in(cs, bytes)?,
        (_, Ok(s)) => s.to_string(),
        (cs, Err(_)) => match cs.as_deref().or(given) {
            Some(cs) => text::decode_in(cs, bytes)?,
            None => return Err(Reason::NotUtf8),
        },
    };
    let h = head(line.as_bytes()).len();
    // Base64 text in a charset is rare (PHOTO is the usual base64): calcard decodes it.
    if h == line.len() || base64 {
        return Ok(line);
    }
    if !qp {
        return Ok(match named {
            Some(cs) if !text::is_utf8(&cs) => with_utf8(&line[..h], &line[h..]),
            _ => line,
        });
    }
    let value = &line.as_bytes()[h + 1..];
    let Some(decoded) = mail_parser::decoders::quoted_printable::quoted_printable_decode(value)
    else {
        // Not quoted-printable after all: calcard reads it as it is.
        return Ok(line);
    };
    // Without a charset: UTF-8 if it is (Android writes it so), else the one given, else
    // Latin-1, what vCard 2.1 readers have always assumed.
    let charset = match &named {
        Some(cs) => cs.as_str(),
        None if std::str::from_utf8(&decoded).is_ok() => return Ok(mark_utf8(line)),
        None => given.unwrap_or("ISO-8859-1"),
    };
    let text = text::decode_in(charset, &decoded)?;
    if text::is_utf8(charset) {
        return Ok(line);
    }
    Ok(with_utf8(&line[..h], &format!(":{}", quoted_printable(&text))))
}

/// A head with `CHARSET=UTF-8` in place of the charset it named, then `rest`.
fn with_utf8(head: &str, rest: &str) -> String {
    let is_charset =
        |p: &&str| p.split('=').next().is_some_and(|k| k.trim().eq_ignore_ascii_case("CHARSET"));
    let mut parts: Vec<&str> = head.split(';').take(1).collect();
    parts.extend(head.split(';').skip(1).filter(|p| !is_charset(p)));
    parts.push("CHARSET=UTF-8");
    format!("{}{rest}", parts.join(";"))
}

/// Quoted-printable of UTF-8 text, as a value calcard splits and then decodes: only what
/// must be is encoded (8-bit bytes, `=`, line breaks and other controls); `;`, `,` and
/// `\` stay as they are, so components and escapes mean what they meant.
fn quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for &b in text.as_bytes() {
        if b == b'=' || !(0x20..0x7F).contains(&b) {
            out.push_str(&format!("={b:02X}"));
        } else {
            out.push(char::from(b));
        }
    }
    out
}

/// The name of a property (`FN`, `N`) from its line, for messages.
fn name(line: &[u8]) -> String {
    let head = String::from_utf8_lossy(head(line)).into_owned();
    let prop = head.split(';').next().unwrap_or_default();
    prop.rsplit('.').next().unwrap_or(prop).trim().to_ascii_uppercase()
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

fn is_quoted_printable(line: &[u8]) -> bool {
    let head = head(line);
    head.to_ascii_uppercase().windows(16).any(|w| w == b"QUOTED-PRINTABLE")
}

/// `ENCODING=B` (3.0), `ENCODING=BASE64` or a bare `BASE64` (2.1).
fn is_base64(head: &[u8]) -> bool {
    let bare =
        head.split(|&b| b == b';').skip(1).any(|p| p.trim_ascii().eq_ignore_ascii_case(b"BASE64"));
    bare || param(head, b"ENCODING")
        .is_some_and(|e| e.eq_ignore_ascii_case("B") || e.eq_ignore_ascii_case("BASE64"))
}

/// Quoted-printable bytes that are UTF-8 and name no charset are UTF-8 (Android does
/// this); without a mark calcard would read them as Latin-1.
fn mark_utf8(mut line: String) -> String {
    let h = head(line.as_bytes()).len();
    let value = &line.as_bytes()[h + 1..];
    let decoded = mail_parser::decoders::quoted_printable::quoted_printable_decode(value);
    if decoded.is_some_and(|d| !d.is_ascii()) {
        line.insert_str(h, ";CHARSET=UTF-8");
    }
    line
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
        assert!(texts(file)[0].as_ref().unwrap().contains("\nFN;CHARSET=UTF-8:Анна\n"));
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

    /// Android's Japanese export, Chinese and Russian phones: `CHARSET=` on 8-bit bytes
    /// with no quoted-printable, in multi-byte charsets whose second bytes can be ASCII.
    #[test]
    fn every_charset_is_honoured_without_quoted_printable() {
        let card = |lines: &[&[u8]]| {
            let mut file = b"BEGIN:VCARD\r\nVERSION:2.1\r\n".to_vec();
            for line in lines {
                file.extend_from_slice(line);
                file.extend_from_slice(b"\r\n");
            }
            file.extend_from_slice(b"END:VCARD\r\n");
            texts(&file).remove(0).unwrap()
        };
        // 山田;太郎 and 山田 太郎 in Shift_JIS: 0x52 (R), 0x63 (c) and 0x59 (Y) are second bytes.
        let text = card(&[
            b"N;CHARSET=SHIFT_JIS:\x8E\x52\x93\x63;\x91\xBE\x98\x59;;;",
            b"FN;CHARSET=SHIFT_JIS:\x8E\x52\x93\x63 \x91\xBE\x98\x59",
        ]);
        assert!(
            text.contains("\nN;CHARSET=UTF-8:山田;太郎;;;\nFN;CHARSET=UTF-8:山田 太郎\n"),
            "{text}"
        );
        // ソ is 0x83 0x5C in Shift_JIS: its second byte is a backslash, not an escape.
        assert!(card(&[b"ORG;CHARSET=Shift_JIS:\x83\x5C\x83\x6A\x81\x5B"]).contains(":ソニー\n"));
        let text = card(&[b"FN;CHARSET=GB18030:\xCD\xF5\xD0\xA1\xC3\xF7"]);
        assert!(text.contains("\nFN;CHARSET=UTF-8:王小明\n"), "{text}");
        let text =
            card(&[b"FN;CHARSET=windows-1251:\xC0\xED\xED\xE0 \xCF\xE5\xF2\xF0\xEE\xE2\xE0"]);
        assert!(text.contains("\nFN;CHARSET=UTF-8:Анна Петрова\n"), "{text}");
        // ISO-2022-JP is 7-bit, so valid UTF-8: its CHARSET decides all the same.
        let text = card(&[b"FN;CHARSET=ISO-2022-JP:\x1B$B;3ED\x1B(B \x1B$BB@O:\x1B(B"]);
        assert!(text.contains("\nFN;CHARSET=UTF-8:山田 太郎\n"), "{text}");
        // A folded value decodes whole, even when the fold cuts a character in two.
        let text = card(&[b"NOTE;CHARSET=SHIFT_JIS:\x8E\x52\x93", b" \x63 \x91\xBE\x98\x59"]);
        assert!(text.contains("\nNOTE;CHARSET=UTF-8:山田 太郎\n"), "{text}");
    }

    #[test]
    fn quoted_printable_in_a_legacy_charset_becomes_utf_8() {
        // 山田;太郎 in Shift_JIS, quoted-printable as older phones write it: printable second
        // bytes are left as they are, and the value is broken over two lines.
        let file = b"BEGIN:VCARD\nN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8ER=93c;=\n=91=BE=98Y;;;\nEND:VCARD\n";
        let text = texts(file).remove(0).unwrap();
        let utf8 = "=E5=B1=B1=E7=94=B0;=E5=A4=AA=E9=83=8E;;;";
        assert!(
            text.contains(&format!("\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{utf8}\n")),
            "{text}"
        );
        // Line breaks and `=` stay encoded; `;` and `,` stay components.
        let file = b"BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=KOI8-R:=E1=3D1,=0D=0Ax;y\nEND:VCARD\n";
        let text = texts(file).remove(0).unwrap();
        assert!(text.contains(":=D0=90=3D1,=0D=0Ax;y\n"), "{text}");
    }

    #[test]
    fn values_that_do_not_decode_are_left_out_with_a_warning() {
        // A Shift_JIS lead byte with no second byte; a charset nobody knows; UTF-8 that
        // says so and is not. The rest of the card stays.
        let file = b"BEGIN:VCARD\nN;CHARSET=SHIFT_JIS:\x8E\x52\x93;\nFN;CHARSET=X-KLINGON:\xC0\nNOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C0=41\nTITLE;CHARSET=UTF-8:\xFF\nEMAIL:yamada@example.jp\nEND:VCARD\n";
        let s = split(file, None);
        assert_eq!(
            s.cards[0].as_ref().unwrap().text,
            "BEGIN:VCARD\nEMAIL:yamada@example.jp\nEND:VCARD\n"
        );
        let warnings: Vec<String> =
            s.warnings.iter().map(|w| format!("{}: {}", w.line, w.reason)).collect();
        assert_eq!(
            warnings,
            [
                "2: N: bytes not valid in SHIFT_JIS; left out",
                "3: FN: unknown charset \"X-KLINGON\"; left out",
                "4: NOTE: bytes not valid in UTF-8; left out",
                "5: TITLE: bytes not valid in UTF-8; left out",
            ]
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
