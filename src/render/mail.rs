//! Mail drafts: a rendered template as an RFC 5322 message, for `sendmail -t`, `msmtp -t`
//! or a mail client's compose command. rolo speaks no SMTP and sends nothing itself.
//!
//! Headers that are not ASCII (a Russian name, a Chinese subject) are RFC 2047 encoded
//! words, written by mail-builder. The body is UTF-8 text, sent as it is (`8bit`, or
//! `7bit` when it is ASCII) unless a line is too long for that or it holds a bare carriage
//! return, when it is quoted-printable. Lines end in LF, as a pipe to sendmail carries them.
//!
//! [`log`] records the message sent as an outgoing email note, through the caller's change.

use chrono::{DateTime, FixedOffset};
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;

use super::{Document, Error, Result, Subject};
use crate::book::Book;
use crate::change::Change;
use crate::dates::When;
use crate::draft::Draft as NewRecord;
use crate::model::{Kind, Record, id};

/// A name and an address: `Анна Петрова <anna@severveter.ru>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: String,
}

/// A message ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub to: Mailbox,
    /// From `[me] email` (and `name`); without it the mail program fills `From:` in.
    pub from: Option<Mailbox>,
    pub subject: String,
    pub body: String,
    pub date: DateTime<FixedOffset>,
    /// Without the angle brackets.
    pub message_id: String,
}

/// The longest line SMTP carries as it is (RFC 5322: 998 characters before the CRLF).
const MAX_LINE: usize = 998;

/// Address a rendered document to `subject`'s person: the record's first email, else
/// (for a deal) its contact's. The subject line is the template's `subject`, else the
/// document's first line (without a Markdown `#`), which then leaves the body.
pub fn draft(
    book: &Book,
    subject: &Subject,
    doc: Document,
    now: DateTime<FixedOffset>,
) -> Result<Draft> {
    let to = recipient(subject).ok_or_else(|| {
        let r = &subject.record;
        let also = if r.kind == Kind::Deal { " nor its contact" } else { "" };
        Error::Mail(format!(
            "{} has no email address{also}: set one with `rolo set {} emails=…`",
            r.qualified_id(),
            r.qualified_id()
        ))
    })?;
    let text = doc.text.replace("\r\n", "\n");
    let (subject_line, body) = match doc.subject {
        Some(s) => (s, text),
        None => first_line(&text),
    };
    let subject_line = subject_line.split_whitespace().collect::<Vec<_>>().join(" ");
    if subject_line.is_empty() {
        return Err(Error::Mail(
            "the message has no subject: give the template `subject = \"…\"` in front matter, or a first line".into(),
        ));
    }
    let me = &book.config.me;
    let from = me.get("email").and_then(|v| v.as_str()).map(|address| Mailbox {
        name: me.get("name").and_then(|v| v.as_str()).map(str::to_string),
        address: address.to_string(),
    });
    let domain = from
        .as_ref()
        .and_then(|m| m.address.rsplit_once('@').map(|(_, d)| d.to_string()))
        .unwrap_or_else(|| "localhost".into());
    // The same message (record, moment, subject) always has the same id; another is new.
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x3d0c_51a2_8e47_4f19_b6d5_07a9_e2c8_4f61);
    let name = format!("{}\n{}\n{subject_line}", subject.record.qualified_id(), now.to_rfc3339());
    let message_id = format!("{}@{domain}", uuid::Uuid::new_v5(&NAMESPACE, name.as_bytes()));
    let body = if body.ends_with('\n') || body.is_empty() { body } else { format!("{body}\n") };
    Ok(Draft { to, from, subject: subject_line, body, date: now, message_id })
}

/// The record's first email, else the deal's contact's, with the name it belongs to.
fn recipient(subject: &Subject) -> Option<Mailbox> {
    let own = |r: &Record| {
        r.strs("emails").into_iter().map(str::trim).find(|e| !e.is_empty()).map(|address| Mailbox {
            name: Some(r.title()).filter(|t| *t != r.id),
            address: address.to_string(),
        })
    };
    own(&subject.record).or_else(|| match subject.record.kind {
        Kind::Deal => subject.contact.as_ref().and_then(own),
        _ => None,
    })
}

/// The first non-empty line (a Markdown heading's `#` dropped) and the text after it,
/// without the blank lines that separated them.
fn first_line(text: &str) -> (String, String) {
    let mut lines = text.split_inclusive('\n').skip_while(|l| l.trim().is_empty());
    let first = lines.next().unwrap_or_default();
    let rest: String = lines.skip_while(|l| l.trim().is_empty()).collect();
    (first.trim().trim_start_matches('#').trim().to_string(), rest)
}

impl Draft {
    /// The message: headers (RFC 2047 where they are not ASCII), a blank line, the body.
    pub fn message(&self) -> String {
        let (encoding, body) = transfer(&self.body);
        let part = MimePart::new(
            ContentType::new("text/plain").attribute("charset", "utf-8"),
            body.as_str(),
        )
        .transfer_encoding(encoding);
        let mut builder = MessageBuilder::new();
        if let Some(from) = &self.from {
            builder = builder.from(Address::new_address(from.name.as_deref(), &from.address));
        }
        let builder = builder
            .to(Address::new_address(self.to.name.as_deref(), &self.to.address))
            .subject(self.subject.as_str())
            .header("Date", Raw::new(self.date.to_rfc2822()))
            .message_id(self.message_id.as_str())
            .header("MIME-Version", Raw::new("1.0"))
            .body(part);
        let text = builder.write_to_string().unwrap_or_default();
        text.replace("\r\n", "\n")
    }
}

/// The body as sent and its `Content-Transfer-Encoding`.
fn transfer(body: &str) -> (&'static str, String) {
    let raw = body.lines().all(|l| l.len() <= MAX_LINE) && !body.contains(['\r', '\0']);
    match raw {
        true if body.is_ascii() => ("7bit", body.to_string()),
        true => ("8bit", body.to_string()),
        false => ("quoted-printable", encodify::qp::BODY.encode(body)),
    }
}

/// Plan the note that records `draft` as sent: an outgoing email about the record (and,
/// for a deal, its contact), dated when it was drafted, the subject its first line and
/// the body after it. Returns the note, with its id and path.
pub fn log(change: &mut Change, subject: &Subject, draft: &Draft) -> crate::Result<Record> {
    let book = change.book();
    let mut about = vec![&subject.record];
    if subject.record.kind == Kind::Deal
        && let Some(c) = &subject.contact
    {
        about.push(c);
    }
    let values: Vec<String> = about.iter().map(|r| about_value(book, r)).collect();
    let mut note = NewRecord::new(Kind::Note);
    note.when("date", When::At(draft.date));
    note.text("kind", Some("email"));
    note.text("direction", Some("out"));
    note.list("about", &values);
    note.record.body = format!("{}\n\n{}", draft.subject, draft.body);
    let base =
        format!("{}-{}", When::At(draft.date).local_date().format("%Y-%m-%d"), subject.record.id);
    let mut record = note.record;
    change.create(&mut record, &id::slug(&base))?;
    Ok(record)
}

/// How `about` names a record: its id, or `type/id` when another kind has the same id.
fn about_value(book: &Book, r: &Record) -> String {
    let clash = Kind::LINKABLE
        .iter()
        .any(|&k| k != r.kind && book.root().join(Book::relative_path(k, &r.id)).is_file());
    if clash { r.qualified_id() } else { r.id.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_from_the_first_line() {
        let (s, body) = first_line("\n# Встреча в пятницу\n\nДобрый день!\n");
        assert_eq!(s, "Встреча в пятницу");
        assert_eq!(body, "Добрый день!\n");
        assert_eq!(first_line(""), (String::new(), String::new()));
    }

    #[test]
    fn transfer_encodings() {
        assert_eq!(transfer("Hello\n").0, "7bit");
        assert_eq!(transfer("Привет\n"), ("8bit", "Привет\n".to_string()));
        let long = format!("{}\n", "я".repeat(600));
        let (enc, body) = transfer(&long);
        assert_eq!(enc, "quoted-printable");
        assert!(body.lines().all(|l| l.len() <= 76), "soft line breaks");
        assert_eq!(transfer("a\rb").0, "quoted-printable");
    }

    fn sample(subject: &str, name: &str) -> Draft {
        Draft {
            to: Mailbox { name: Some(name.into()), address: "anna@severveter.ru".into() },
            from: Some(Mailbox {
                name: Some("Айгүл Сейітқызы".into()),
                address: "aygul@example.kz".into(),
            }),
            subject: subject.into(),
            body: "Добрый день, Анна!\n\n王小明 says hi.\n".into(),
            date: DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap(),
            message_id: "x1@example.kz".into(),
        }
    }

    #[test]
    fn headers_round_trip_through_a_parser() {
        let subject = "Предложение: сайт для «Северного ветра» — 第二阶段";
        let text = sample(subject, "Анна Петрова").message();
        assert!(text.is_ascii() || text.split("\n\n").next().unwrap().is_ascii(), "{text}");
        assert!(!text.contains('\r'));
        let parsed = mail_parser::MessageParser::default().parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.subject(), Some(subject));
        let to = parsed.to().unwrap().first().unwrap();
        assert_eq!(to.name(), Some("Анна Петрова"));
        assert_eq!(to.address(), Some("anna@severveter.ru"));
        let from = parsed.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("Айгүл Сейітқызы"));
        assert_eq!(parsed.message_id(), Some("x1@example.kz"));
        assert_eq!(parsed.body_text(0).as_deref(), Some("Добрый день, Анна!\n\n王小明 says hi.\n"));
        assert!(text.contains("Content-Transfer-Encoding: 8bit\n"));
        assert!(text.contains("Date: Mon, 23 Nov 2026 10:00:00 +0500\n"));
        assert!(text.contains("MIME-Version: 1.0\n"));
    }

    #[test]
    fn ascii_names_with_specials_are_quoted() {
        let text = sample("Hi", "Müller, Jürgen").message();
        let parsed = mail_parser::MessageParser::default().parse(text.as_bytes()).unwrap();
        let to = parsed.to().unwrap().first().unwrap();
        assert_eq!(to.name(), Some("Müller, Jürgen"));
        assert_eq!(
            parsed.to().unwrap().as_list().map(<[_]>::len),
            Some(1),
            "the comma did not split it"
        );
    }
}
