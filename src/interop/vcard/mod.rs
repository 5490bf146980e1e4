//! vCard 2.1, 3.0 and 4.0 in, 3.0 or 4.0 out (docs/format.md: "Interchange formats").
//!
//! Reads cards as Apple Contacts, Google Contacts, Outlook and Android write them:
//! [`split`] cuts the file into cards and fixes what parsers stumble on (charsets,
//! quoted-printable soft breaks), calcard parses each card, and this module maps its
//! properties to rolo's keys. PHOTO, LOGO, SOUND and the like are passed over. Writing
//! is [`write`]'s; a folder of one card per contact (a vdir) is [`vdir`]'s.

mod split;
pub mod vdir;
mod write;

use std::io;

use calcard::vcard::{
    VCard as Card, VCardEntry, VCardKind, VCardParameterName, VCardParameterValue, VCardProperty,
    VCardValue,
};

use super::values;
use super::{Format, Incoming, Parsed, Reason, RowError};
use crate::book::Loaded;
use crate::error::Result;
use crate::model::{Kind, Record};

/// The vCard version written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    V3,
    #[default]
    V4,
}

#[derive(Debug, Clone, Default)]
pub struct Vcard {
    pub version: Version,
    /// How to read 8-bit text in cards that do not say their charset.
    pub charset: Option<String>,
}

impl Format for Vcard {
    fn read(&self, bytes: &[u8]) -> Result<Parsed> {
        let found = split::split(bytes, self.charset.as_deref());
        let mut parsed = Parsed { warnings: found.warnings, ..Parsed::default() };
        for raw in found.cards {
            match raw.and_then(|raw| card(&raw)) {
                Ok(Ok(inc)) => parsed.items.push(Ok(inc)),
                Ok(Err(skipped)) => parsed.warnings.push(skipped),
                Err(e) => parsed.items.push(Err(e)),
            }
        }
        Ok(parsed)
    }

    fn write(&self, records: &[&Record], book: &Loaded, out: &mut dyn io::Write) -> io::Result<()> {
        let mut text = String::new();
        for r in records {
            write::card_in(&mut text, r, book, self.version);
        }
        out.write_all(text.as_bytes())
    }
}

/// One card → a contact (or a company, for a company's card). `Ok(Err(_))` is a card
/// passed over on purpose, with why (a contact group).
fn card(raw: &split::RawCard) -> Result<Result<Incoming, RowError>, RowError> {
    let card = Card::parse(&raw.text).map_err(|e| {
        RowError::new(raw.line, Reason::BadCard(format!("{e:?}").chars().take(120).collect()))
    })?;
    let other = |name: &str| {
        card.entries
            .iter()
            .find(|e| matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case(name)))
    };
    let lower = |e: Option<&VCardEntry>| e.and_then(|e| text(e, 0)).map(|t| t.to_lowercase());
    let kind = card.property(&VCardProperty::Kind).and_then(|e| match e.values.first() {
        Some(VCardValue::Kind(k)) => Some(*k),
        _ => None,
    });
    if kind == Some(VCardKind::Group)
        || lower(other("X-ADDRESSBOOKSERVER-KIND")).as_deref() == Some("group")
    {
        let why = "a contact group, not a contact: passed over";
        return Ok(Err(RowError::new(raw.line, Reason::Shape(why.into()))));
    }
    let is_company =
        kind == Some(VCardKind::Org) || lower(other("X-ABSHOWAS")).as_deref() == Some("company");
    let mut inc = Incoming::new(if is_company { Kind::Company } else { Kind::Contact }, raw.line);
    let all = |p: VCardProperty| {
        let mut found: Vec<&VCardEntry> = card.entries.iter().filter(|e| e.name == p).collect();
        // Preferred ones first: the first email and phone are the ones lists show.
        found.sort_by_key(|e| !is_pref(e));
        found
    };
    let first = |p: VCardProperty, i: usize| card.properties(&p).find_map(|e| text(e, i));

    let mut emails = Vec::new();
    for e in all(VCardProperty::Email).into_iter().filter_map(|e| text(e, 0)) {
        match values::email(&e) {
            Some(address) => emails.push(address),
            None => inc.warnings.push(format!("EMAIL \"{e}\" is not an email address; left out")),
        }
    }
    let phones: Vec<String> = all(VCardProperty::Tel)
        .into_iter()
        .filter_map(|e| text(e, 0))
        .map(|t| {
            t.strip_prefix("tel:")
                .or_else(|| t.strip_prefix("TEL:"))
                .unwrap_or(&t)
                .trim()
                .to_string()
        })
        .collect();
    let org = first(VCardProperty::Org, 0);
    let n = card.property(&VCardProperty::N);
    let part = |i| n.and_then(|n| text(n, i)).unwrap_or_default();
    let name = [
        first(VCardProperty::Fn, 0).map(|f| f.replace(['\n', '\r'], " ")),
        Some(values::full_name(&part(1), &part(2), &part(0))),
        org.clone().filter(|_| is_company),
        emails.first().cloned(),
        phones.first().cloned(),
    ]
    .into_iter()
    .flatten()
    .find(|s| !s.trim().is_empty());
    let Some(name) = name else {
        return Err(RowError::new(raw.line, Reason::NoName("FN, N, ORG, EMAIL or TEL")));
    };
    inc.text("name", &name);
    if is_company {
        let web = first(VCardProperty::Url, 0);
        let domain = web
            .as_deref()
            .and_then(values::domain)
            .or_else(|| emails.first().and_then(|e| values::domain(e)));
        inc.text("domain", &domain.unwrap_or_default());
    } else {
        inc.list("emails", &emails);
        inc.list("phones", &phones);
        inc.company = org.filter(|o| !o.trim().is_empty());
        inc.text("title", &first(VCardProperty::Title, 0).unwrap_or_default());
        if let Some((head, value)) = split::raw_property(&raw.text, "BDAY") {
            let omit = split::raw_param(&head, "X-APPLE-OMIT-YEAR");
            match values::birthday(&value, omit.as_deref()) {
                Ok(Some(v)) => inc.set("birthday", v),
                Ok(None) => {}
                Err(m) => inc.warnings.push(format!("BDAY: {m}; left out")),
            }
        }
    }
    let tags: Vec<String> = card
        .properties(&VCardProperty::Categories)
        .flat_map(|e| (0..e.values.len()).filter_map(|i| text(e, i)))
        // Google puts every contact in "myContacts": a system group, not a tag.
        .filter(|t| !t.eq_ignore_ascii_case("myContacts"))
        .collect();
    inc.list("tags", &tags);
    let city = all(VCardProperty::Adr)
        .into_iter()
        .find_map(|e| text(e, 3).filter(|c| !c.trim().is_empty()));
    inc.text("city", &city.unwrap_or_default());
    inc.text("uid", &first(VCardProperty::Uid, 0).unwrap_or_default());
    if let Some(note) = first(VCardProperty::Note, 0) {
        let note = note.replace("\r\n", "\n");
        let note = note.trim_end();
        if !note.trim().is_empty() {
            inc.body = format!("{note}\n");
        }
    }
    Ok(Ok(inc))
}

/// The text of a property's `i`-th value; a value split on unescaped commas (as 2.1
/// writers leave them) is joined back as written.
fn text(e: &VCardEntry, i: usize) -> Option<String> {
    let t = match e.values.get(i)? {
        VCardValue::Text(s) => s.clone(),
        VCardValue::Component(parts) => parts.join(","),
        VCardValue::Integer(n) => n.to_string(),
        VCardValue::Float(f) => f.to_string(),
        _ => return None,
    };
    let t = t.trim().to_string();
    (!t.is_empty()).then_some(t)
}

/// `TYPE=pref` (3.0), `PREF` (2.1) or `PREF=1` (4.0).
fn is_pref(e: &VCardEntry) -> bool {
    e.params.iter().any(|p| match (&p.name, &p.value) {
        (VCardParameterName::Pref, VCardParameterValue::Integer(n)) => *n <= 1,
        (VCardParameterName::Pref, VCardParameterValue::Null) => true,
        (VCardParameterName::Type, VCardParameterValue::Text(t)) => t.eq_ignore_ascii_case("pref"),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<std::result::Result<Incoming, RowError>> {
        Vcard::default().read(text.as_bytes()).unwrap().items
    }

    fn one(text: &str) -> Incoming {
        read(text).remove(0).unwrap()
    }

    #[test]
    fn apple_contacts_card() {
        let inc = one(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Petrova;Anna;;;\r\nFN:Anna Petrova\r\nORG:Severny Veter;Marketing\r\nitem1.EMAIL;type=INTERNET:other@x.ru\r\nitem1.X-ABLabel:_$!<Other>!$_\r\nEMAIL;type=INTERNET;type=pref:anna@x.ru\r\nitem2.TEL:+7 (495) 555-01-14\r\nitem2.X-ABLabel:office\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12\r\nitem3.ADR;type=HOME:;;Tverskaya 1;Москва;;125009;Russia\r\nEND:VCARD\r\n",
        );
        assert_eq!(inc.str("name"), Some("Anna Petrova"));
        assert_eq!(inc.strs("emails"), ["anna@x.ru", "other@x.ru"], "pref first");
        assert_eq!(inc.strs("phones"), ["+7 (495) 555-01-14"]);
        assert_eq!(inc.company.as_deref(), Some("Severny Veter"));
        assert_eq!(inc.doc["birthday"].to_string().trim(), "\"04-12\"");
        assert_eq!(inc.str("city"), Some("Москва"));
    }

    #[test]
    fn names_from_n_org_email_or_nothing() {
        let inc = one(
            "BEGIN:VCARD\nVERSION:4.0\nN:王;小明;;;\nTEL;VALUE=uri:tel:+86-139-1055-0122\nBDAY:--0412\nEND:VCARD\n",
        );
        assert_eq!(inc.str("name"), Some("王小明"));
        assert_eq!(inc.strs("phones"), ["+86-139-1055-0122"]);
        let company = one(
            "BEGIN:VCARD\nVERSION:3.0\nFN:Acme\nORG:Acme LLC\nX-ABShowAs:COMPANY\nEMAIL:info@acme.com\nEND:VCARD\n",
        );
        assert_eq!((company.kind, company.str("domain")), (Kind::Company, Some("acme.com")));
        assert_eq!(one("BEGIN:VCARD\nEMAIL:x@y.kz\nEND:VCARD\n").str("name"), Some("x@y.kz"));
        let none = read("BEGIN:VCARD\nVERSION:3.0\nNOTE:who?\nEND:VCARD\n").remove(0);
        assert!(matches!(none, Err(RowError { line: 1, reason: Reason::NoName(_) })));
    }

    /// 2.1 cards in legacy charsets without quoted-printable, as Android, Chinese and
    /// Russian phones write them: names in their script, never replacement characters.
    #[test]
    fn legacy_charsets_without_quoted_printable() {
        let read = |lines: &[&[u8]]| {
            let mut file = b"BEGIN:VCARD\r\nVERSION:2.1\r\n".to_vec();
            for line in lines {
                file.extend_from_slice(line);
                file.extend_from_slice(b"\r\n");
            }
            file.extend_from_slice(b"END:VCARD\r\n");
            Vcard::default().read(&file).unwrap()
        };
        // 山田 太郎 in Shift_JIS.
        let parsed = read(&[
            b"N;CHARSET=SHIFT_JIS:\x8E\x52\x93\x63;\x91\xBE\x98\x59;;;",
            b"FN;CHARSET=SHIFT_JIS:\x8E\x52\x93\x63 \x91\xBE\x98\x59",
            b"TEL;CELL:090-1234-5678",
        ]);
        let inc = parsed.items[0].as_ref().unwrap();
        assert_eq!(inc.str("name"), Some("山田 太郎"));
        assert!(parsed.warnings.is_empty());
        // No FN: the name is made from N in its script's order.
        let parsed = read(&[b"N;CHARSET=SHIFT_JIS:\x8E\x52\x93\x63;\x91\xBE\x98\x59;;;"]);
        assert_eq!(parsed.items[0].as_ref().unwrap().str("name"), Some("山田太郎"));
        // 王小明 in GB18030, Анна Петрова in windows-1251.
        let parsed = read(&[b"FN;CHARSET=GB18030:\xCD\xF5\xD0\xA1\xC3\xF7"]);
        assert_eq!(parsed.items[0].as_ref().unwrap().str("name"), Some("王小明"));
        let parsed = read(&[
            b"FN;CHARSET=WINDOWS-1251:\xC0\xED\xED\xE0 \xCF\xE5\xF2\xF0\xEE\xE2\xE0",
            b"TITLE;CHARSET=WINDOWS-1251:\xC4\xE8\xF0\xE5\xEA\xF2\xEE\xF0",
        ]);
        let inc = parsed.items[0].as_ref().unwrap();
        assert_eq!((inc.str("name"), inc.str("title")), (Some("Анна Петрова"), Some("Директор")));
        // A name that does not decode is left out with a warning at its line; the card is
        // named by what is left.
        let parsed = read(&[b"FN;CHARSET=SHIFT_JIS:\x8E\x52\x93", b"EMAIL:yamada@example.jp"]);
        assert_eq!(parsed.items[0].as_ref().unwrap().str("name"), Some("yamada@example.jp"));
        let warning = &parsed.warnings[0];
        assert_eq!(
            (warning.line, warning.reason.to_string()),
            (3, "FN: bytes not valid in SHIFT_JIS; left out".to_string())
        );
    }

    #[test]
    fn groups_are_passed_over_and_bad_values_warned() {
        let parsed = Vcard::default()
            .read(b"BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Friends\nEND:VCARD\nBEGIN:VCARD\nFN:A\nEMAIL:not-an-address\nBDAY:someday\nEND:VCARD\n")
            .unwrap();
        assert_eq!(parsed.warnings.len(), 1);
        let inc = parsed.items[0].as_ref().unwrap();
        assert_eq!(inc.warnings.len(), 2, "{:?}", inc.warnings);
        assert!(inc.doc.get("emails").is_none() && inc.doc.get("birthday").is_none());
    }
}
