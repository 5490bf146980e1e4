//! Contacts → vCard 4.0 (RFC 6350) or 3.0 (RFC 2426) text: a stable UID, FN and N,
//! EMAIL, TEL, ORG, TITLE, BDAY, ADR (the city), CATEGORIES and NOTE; CRLF line ends,
//! lines folded at 75 octets without splitting a character.
//!
//! Written by hand rather than through calcard's writer, which adds `CHARSET=UTF-8` to
//! 3.0 cards and has no year-less 3.0 birthday form.

use toml_edit::Value;

use super::super::content::{escape, line};
use super::super::{stable_uid, values};
use super::Version;
use crate::book::Loaded;
use crate::dates::When;
use crate::model::{Kind, Record};

/// Append one card for a contact, naming its company as `book` has it (the id when the
/// company is not in the book).
pub(super) fn card_in(out: &mut String, r: &Record, book: &Loaded, version: Version) {
    let company = r
        .str("company")
        .map(|id| book.get(Kind::Company, id).map_or(id.to_string(), Record::title));
    card(out, r, company.as_deref(), version);
}

/// The UID a contact's card carries: its own `uid`, else one made from its id (as a
/// `urn:uuid:` URI in 4.0, bare in 3.0).
pub(super) fn uid(r: &Record, version: Version) -> String {
    match r.str("uid") {
        Some(uid) => uid.trim().to_string(),
        None if version == Version::V4 => format!("urn:uuid:{}", stable_uid(r.kind, &r.id)),
        None => stable_uid(r.kind, &r.id),
    }
}

/// Append one card for a contact; `company` is its company's name.
pub(super) fn card(out: &mut String, r: &Record, company: Option<&str>, version: Version) {
    let v4 = version == Version::V4;
    line(out, "BEGIN:VCARD");
    line(out, if v4 { "VERSION:4.0" } else { "VERSION:3.0" });
    line(out, &format!("UID:{}", escape(&uid(r, version))));
    let name = r.title();
    line(out, &format!("FN:{}", escape(&name)));
    let (family, given) = values::split_name(&name);
    line(out, &format!("N:{};{};;;", escape(&family), escape(&given)));
    for e in r.strs("emails") {
        line(out, &format!("EMAIL:{}", escape(e.trim())));
    }
    for p in r.strs("phones") {
        line(out, &format!("TEL:{}", escape(p.trim())));
    }
    if let Some(c) = company {
        line(out, &format!("ORG:{}", escape(c)));
    }
    if let Some(t) = r.str("title") {
        line(out, &format!("TITLE:{}", escape(t)));
    }
    if let Some(b) = r.value("birthday").and_then(|b| birthday(b, v4)) {
        line(out, &format!("BDAY:{b}"));
    }
    if let Some(city) = r.str("city") {
        line(out, &format!("ADR:;;;{};;;", escape(city)));
    }
    let tags: Vec<String> = r.strs("tags").into_iter().map(escape).collect();
    if !tags.is_empty() {
        line(out, &format!("CATEGORIES:{}", tags.join(",")));
    }
    let note = r.body.trim_end();
    if !note.trim().is_empty() {
        line(out, &format!("NOTE:{}", escape(note)));
    }
    line(out, "END:VCARD");
}

/// `1988-04-12` → `19880412` (4.0) or `1988-04-12` (3.0); `"04-12"` → `--0412` (4.0)
/// or `--04-12` (3.0), the forms phones and CardDAV servers read.
fn birthday(value: &Value, v4: bool) -> Option<String> {
    match value {
        Value::Datetime(d) => match When::from_toml(d.value())? {
            When::Date(d) => Some(d.format(if v4 { "%Y%m%d" } else { "%Y-%m-%d" }).to_string()),
            _ => None,
        },
        Value::String(s) => {
            let (m, d) = crate::dates::parse_month_day(s.value().trim())?;
            Some(if v4 { format!("--{m:02}{d:02}") } else { format!("--{m:02}-{d:02}") })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn contact(toml: &str, body: &str) -> Record {
        let mut r = Record::new(Kind::Contact, "anna-petrova".into(), Default::default());
        r.doc = toml.parse().unwrap();
        r.body = body.into();
        r
    }

    #[test]
    fn cards_in_both_versions() {
        let r = contact(
            "name = \"Анна Петрова\"\nemails = [\"anna@x.ru\"]\ntags = [\"vip\", \"a,b\"]\nbirthday = \"04-12\"\ncity = \"Москва\"",
            "Line one; two\nLine three\n",
        );
        let mut v4 = String::new();
        card(&mut v4, &r, Some("ООО «Ветер»"), Version::V4);
        let uid = stable_uid(Kind::Contact, "anna-petrova");
        assert_eq!(
            v4,
            format!(
                "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:{uid}\r\nFN:Анна Петрова\r\nN:Петрова;Анна;;;\r\nEMAIL:anna@x.ru\r\nORG:ООО «Ветер»\r\nBDAY:--0412\r\nADR:;;;Москва;;;\r\nCATEGORIES:vip,a\\,b\r\nNOTE:Line one\\; two\\nLine three\r\nEND:VCARD\r\n"
            )
        );
        let mut v3 = String::new();
        card(&mut v3, &r, None, Version::V3);
        assert!(
            v3.contains(&format!("\r\nUID:{uid}\r\n")) && v3.contains("\r\nBDAY:--04-12\r\n"),
            "{v3}"
        );
        let dated = contact("name = \"A\"\nbirthday = 1988-04-12", "");
        let (mut a, mut b) = (String::new(), String::new());
        card(&mut a, &dated, None, Version::V4);
        card(&mut b, &dated, None, Version::V3);
        assert!(a.contains("BDAY:19880412\r\n") && b.contains("BDAY:1988-04-12\r\n"));
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        line(&mut out, &format!("NOTE:{}", "Жё".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), format!("NOTE:{}", "Жё".repeat(60)));
    }
}
