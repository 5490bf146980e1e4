//! Bytes from foreign files → text: byte-order marks (UTF-8, UTF-16 as Outlook and Excel
//! write them), legacy charsets named by the user or by a vCard 2.1 `CHARSET`.
//!
//! Charset tables are mail-parser's (already in the tree through calcard); nothing here
//! guesses a charset: bytes that are not UTF-8 need a name for what they are.

use super::{Reason, RowError};

/// A whole file as text. With `charset`, bytes are read in it (unless a BOM says
/// otherwise); without, they must be UTF-8, and the error names the first bad line.
pub fn decode(bytes: &[u8], charset: Option<&str>) -> Result<String, RowError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, u16::from_be_bytes));
    }
    match charset {
        Some(name) => decode_in(name, bytes).map_err(|r| RowError::new(1, r)),
        None => utf8(bytes),
    }
}

/// Bytes in the named charset (`windows-1251`, `KOI8-R`, `UTF-8`, …).
pub fn decode_in(charset: &str, bytes: &[u8]) -> Result<String, Reason> {
    let name = charset.trim().trim_matches('"');
    if name.eq_ignore_ascii_case("utf-8") || name.eq_ignore_ascii_case("utf8") {
        return String::from_utf8(bytes.to_vec()).map_err(|_| Reason::NotUtf8);
    }
    let decoder = mail_parser::decoders::charsets::map::charset_decoder(name.as_bytes())
        .ok_or_else(|| Reason::UnknownCharset(name.to_string()))?;
    Ok(decoder(bytes))
}

/// Whether a charset name is one rolo can read (checked before any work is done).
pub fn known_charset(name: &str) -> bool {
    decode_in(name, b"").is_ok()
}

fn utf8(bytes: &[u8]) -> Result<String, RowError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        RowError::new(line, Reason::NotUtf8)
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_charsets() {
        assert_eq!(decode(b"\xEF\xBB\xBFname", None).unwrap(), "name");
        let le: Vec<u8> = "\u{feff}Имя".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, None).unwrap(), "Имя");
        let be: Vec<u8> = "\u{feff}Имя".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be, None).unwrap(), "Имя");
        // "Анна" in windows-1251 and in KOI8-R.
        assert_eq!(decode(b"\xC0\xED\xED\xE0", Some("windows-1251")).unwrap(), "Анна");
        assert_eq!(decode(b"\xE1\xCE\xCE\xC1", Some("KOI8-R")).unwrap(), "Анна");
        assert!(known_charset("cp1251") && !known_charset("klingon"));
    }

    #[test]
    fn not_utf8_names_its_line() {
        let err = decode(b"a\nb\n\xC0\xED\n", None).unwrap_err();
        assert_eq!(err, RowError::new(3, Reason::NotUtf8));
        let err = decode(b"x", Some("klingon")).unwrap_err();
        assert_eq!(err.reason, Reason::UnknownCharset("klingon".into()));
    }
}
