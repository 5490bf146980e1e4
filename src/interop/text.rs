//! Bytes from foreign files → text: byte-order marks (UTF-8, UTF-16 as Outlook and Excel
//! write them), legacy charsets named by the user or by a vCard 2.1 `CHARSET`.
//!
//! Charsets are encoding_rs's (the WHATWG set: every Cyrillic, Western and CJK charset
//! address books write), with mail-parser's tables for the few old names it lacks (IBM
//! 850, UTF-7). Decoding is strict: a byte that is not valid in its charset is an error
//! naming where it is, never a replacement character in a record. Nothing here guesses a
//! charset: bytes that are not UTF-8 need a name for what they are.

use encoding_rs::{DecoderResult, Encoding};

use super::{Reason, RowError};

/// A whole file as text. With `charset`, bytes are read in it (unless a BOM says
/// otherwise); without, they must be UTF-8. Either way the error names the first bad line.
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
        Some(name) => decode_at(name, bytes).map_err(|(reason, at)| {
            RowError::new(1 + bytes[..at].iter().filter(|&&b| b == b'\n').count(), reason)
        }),
        None => utf8(bytes),
    }
}

/// Bytes in the named charset (`windows-1251`, `KOI8-R`, `Shift_JIS`, `UTF-8`, …).
pub fn decode_in(charset: &str, bytes: &[u8]) -> Result<String, Reason> {
    decode_at(charset, bytes).map_err(|(reason, _)| reason)
}

/// Whether a charset name is one rolo can read (checked before any work is done).
pub fn known_charset(name: &str) -> bool {
    decode_in(name, b"").is_ok()
}

/// Whether a charset name means UTF-8, which needs no decoding.
pub fn is_utf8(name: &str) -> bool {
    let name = name.trim().trim_matches('"');
    name.eq_ignore_ascii_case("utf-8") || name.eq_ignore_ascii_case("utf8")
}

/// [`decode_in`], with the offset of the first byte that is not valid in the charset.
fn decode_at(charset: &str, bytes: &[u8]) -> Result<String, (Reason, usize)> {
    let name = charset.trim().trim_matches('"');
    let invalid = || Reason::NotInCharset(name.to_string());
    let unknown = || (Reason::UnknownCharset(name.to_string()), 0);
    match Encoding::for_label(name.as_bytes()) {
        // The WHATWG "replacement" encoding stands for charsets it refuses to read
        // (ISO-2022-KR, HZ-GB-2312): unknown to rolo too.
        Some(encoding) if encoding == encoding_rs::REPLACEMENT => Err(unknown()),
        Some(encoding) => strict(encoding, bytes).map_err(|at| (invalid(), at)),
        None => {
            let decoder = mail_parser::decoders::charsets::map::charset_decoder(name.as_bytes())
                .ok_or_else(unknown)?;
            // These tables replace what they cannot read; the charsets they are used
            // for have no U+FFFD of their own, so one in the text is a bad byte.
            let text = decoder(bytes);
            match text.find('\u{FFFD}') {
                // Single-byte tables: a character before it is a byte before it.
                Some(at) => Err((invalid(), text[..at].chars().count())),
                None => Ok(text),
            }
        }
    }
}

/// Decode without replacement; `Err` is the offset of the first malformed byte.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len());
    let mut text = String::with_capacity(capacity.unwrap_or(bytes.len()));
    let mut at = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[at..], &mut text, true);
        at += read;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(bytes.len() - at + 16),
            DecoderResult::Malformed(bad, after) => {
                return Err(at.saturating_sub(usize::from(bad) + usize::from(after)));
            }
        }
    }
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
    fn cjk_charsets_decode() {
        // 山田 太郎 in Shift_JIS (some second bytes are ASCII letters), EUC-JP and
        // ISO-2022-JP (all 7-bit: valid UTF-8 that is not what it says); 王小明 in GB18030,
        // GB2312 and Big5.
        let yamada = b"\x8E\x52\x93\x63 \x91\xBE\x98\x59";
        assert_eq!(decode_in("SHIFT_JIS", yamada).unwrap(), "山田 太郎");
        assert_eq!(decode_in("x-sjis", yamada).unwrap(), "山田 太郎");
        assert_eq!(decode_in("EUC-JP", b"\xBB\xB3\xC5\xC4 \xC2\xC0\xCF\xBA").unwrap(), "山田 太郎");
        let jis = b"\x1B$B;3ED\x1B(B \x1B$BB@O:\x1B(B";
        assert_eq!(decode_in("ISO-2022-JP", jis).unwrap(), "山田 太郎");
        assert_eq!(decode_in("GB18030", b"\xCD\xF5\xD0\xA1\xC3\xF7").unwrap(), "王小明");
        assert_eq!(decode_in("gb2312", b"\xCD\xF5\xD0\xA1\xC3\xF7").unwrap(), "王小明");
        assert_eq!(decode_in("Big5", b"\xA4\xFD\xA4\x70\xA9\xFA").unwrap(), "王小明");
        assert_eq!(decode_in("ISO-8859-5", b"\xB0\xDD\xDD\xD0").unwrap(), "Анна");
        // A name encoding_rs does not know, from mail-parser's tables: "Müller" in IBM 850.
        assert_eq!(decode_in("cp850", b"M\x81ller").unwrap(), "Müller");
    }

    #[test]
    fn bad_bytes_are_errors_never_replacement_characters() {
        // A lead byte of Shift_JIS with nothing after it.
        let err = decode_in("Shift_JIS", b"\x8E\x52\x93").unwrap_err();
        assert_eq!(err, Reason::NotInCharset("Shift_JIS".into()));
        assert_eq!(err.to_string(), "bytes not valid in Shift_JIS");
        let err = decode(b"name\n\x8E\x52\n\x93\n", Some("shift_jis")).unwrap_err();
        assert_eq!(err, RowError::new(3, Reason::NotInCharset("shift_jis".into())));
        // 0xAE is no letter in ISO-8859-7.
        let err = decode(b"a\nb\n\xC1\xAE\n", Some("iso-8859-7")).unwrap_err();
        assert_eq!(err, RowError::new(3, Reason::NotInCharset("iso-8859-7".into())));
        assert_eq!(decode_in("UTF-8", b"\xC0").unwrap_err(), Reason::NotInCharset("UTF-8".into()));
        // encoding_rs refuses ISO-2022-KR and HZ outright: rolo does not know them either.
        assert!(!known_charset("ISO-2022-KR") && !known_charset("hz-gb-2312"));
        assert!(known_charset("Shift_JIS") && known_charset("koi8-u") && known_charset("utf-8"));
    }

    #[test]
    fn not_utf8_names_its_line() {
        let err = decode(b"a\nb\n\xC0\xED\n", None).unwrap_err();
        assert_eq!(err, RowError::new(3, Reason::NotUtf8));
        let err = decode(b"x", Some("klingon")).unwrap_err();
        assert_eq!(err.reason, Reason::UnknownCharset("klingon".into()));
    }
}
