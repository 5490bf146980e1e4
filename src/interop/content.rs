//! Content lines of vCard (RFC 6350) and iCalendar (RFC 5545), which write text the
//! same way: TEXT values escaped, lines folded at 75 octets, CRLF.

/// A TEXT value (RFC 5545 3.3.11, RFC 6350 3.4): `\`, `;`, `,` and line breaks escaped; other control
/// characters, which TEXT may not hold, dropped (a tab stays).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Append a content line ending in CRLF, folded so that no physical line exceeds 75
/// octets (RFC 5545 3.1, RFC 6350 3.2), never inside a UTF-8 character; a continuation line starts
/// with a space, which counts towards its 75.
pub fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    fn physical(s: &str) -> Vec<&str> {
        s.strip_suffix("\r\n").unwrap().split("\r\n").collect()
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = String::new();
        let exactly = format!("SUMMARY:{}", "x".repeat(67));
        line(&mut out, &exactly);
        assert_eq!(out, format!("{exactly}\r\n"));
    }

    #[test]
    fn folds_at_75_octets_between_characters() {
        // 1-, 2-, 3- and 4-byte characters, so a fold lands at every offset of one.
        for text in ["a".repeat(300), "Жё".repeat(90), "王小明".repeat(40), "🎂".repeat(50)]
        {
            for prefix in ["", "S", "SU", "SUM"] {
                let content = format!("SUMMARY:{prefix}{text}");
                let mut out = String::new();
                line(&mut out, &content);
                let lines = physical(&out);
                assert!(lines.len() > 1, "{content}");
                for (i, l) in lines.iter().enumerate() {
                    assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
                    assert_eq!(i > 0, l.starts_with(' '), "continuations start with a space");
                    // A fold never leaves room for the next character unused.
                    assert!(i + 1 == lines.len() || l.len() > 71, "{} octets: {l:?}", l.len());
                }
                assert_eq!(unfold(&out), format!("{content}\r\n"));
            }
        }
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(escape("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
        assert_eq!(escape("tab\there\u{7}bell"), "tab\therebell");
        assert_eq!(escape("Анна, 王小明; Айгүл"), "Анна\\, 王小明\\; Айгүл");
        assert_eq!(escape(""), "");
    }
}
