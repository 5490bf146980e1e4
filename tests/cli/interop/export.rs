//! `rolo export vcard|csv|json`: vCards that a vCard parser (calcard) reads back, with
//! stable UIDs and the birthday forms of each version; CSV a spreadsheet opens; JSON of
//! every field; filters; `-o FILE`; and an export never writes a record file.

use calcard::vcard::{VCard, VCardProperty, VCardValue};

use super::{example, ids_in, snapshot};
use crate::fixtures::add;
use crate::support::TestBook;

/// Every card of an export, parsed by calcard.
fn cards(text: &str) -> Vec<VCard> {
    let mut parser = calcard::Parser::new(text);
    let mut out = Vec::new();
    loop {
        match parser.entry() {
            calcard::Entry::VCard(card) => out.push(card),
            calcard::Entry::Eof => break,
            other => panic!("not a vCard: {other:?}"),
        }
    }
    out
}

fn texts(card: &VCard, prop: VCardProperty) -> Vec<String> {
    card.properties(&prop)
        .flat_map(|e| e.values.iter())
        .filter_map(|v| v.as_text().map(String::from))
        .collect()
}

fn by_name<'a>(cards: &'a [VCard], name: &str) -> &'a VCard {
    cards
        .iter()
        .find(|c| texts(c, VCardProperty::Fn) == [name])
        .unwrap_or_else(|| panic!("no card for {name}"))
}

#[test]
fn vcard_4_parses_back_with_stable_uids() {
    let book = example();
    let run = book.rolo(["export", "vcard"]);
    let text = run.ok();
    assert_eq!(run.stderr, "");
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75 && !l.contains('\n')),
        "CRLF, folded at 75 octets"
    );
    let cards = cards(text);
    assert_eq!(cards.len(), ids_in(&book, "contacts").len(), "one card per contact");
    for card in &cards {
        assert_eq!(texts(card, VCardProperty::Version), ["4.0"]);
        assert!(card.uid().is_some_and(|u| u.starts_with("urn:uuid:")), "{card:?}");
        assert!(card.property(&VCardProperty::N).is_some(), "N is there for 3.0 readers");
    }
    let anna = by_name(&cards, "Анна Петрова");
    assert_eq!(texts(anna, VCardProperty::Email), ["anna@severveter.ru"]);
    assert_eq!(texts(anna, VCardProperty::Tel), ["+7 (495) 555-01-14", "+7 916 555 0114"]);
    assert_eq!(
        texts(anna, VCardProperty::Org),
        ["ООО «Северный ветер»"],
        "the company's name, not its id"
    );
    assert_eq!(texts(anna, VCardProperty::Title), ["Head of Marketing"]);
    assert_eq!(texts(anna, VCardProperty::Categories), ["vip", "b2b"]);
    assert_eq!(texts(anna, VCardProperty::N), ["Петрова", "Анна", "", "", ""]);
    assert!(
        texts(anna, VCardProperty::Note)[0]
            .starts_with("# Анна Петрова\n\nРуководитель маркетинга")
    );
    let bday = anna.property(&VCardProperty::Bday).unwrap();
    let Some(VCardValue::PartialDateTime(d)) = bday.values.first() else { panic!("{bday:?}") };
    assert_eq!((d.year, d.month, d.day), (Some(1988), Some(4), Some(12)));
    assert!(text.contains("\r\nBDAY:--0308\r\n"), "a year-less birthday in 4.0");
    let li = by_name(&cards, "李娜");
    let Some(VCardValue::PartialDateTime(d)) =
        li.property(&VCardProperty::Bday).unwrap().values.first()
    else {
        panic!()
    };
    assert_eq!((d.year, d.month, d.day), (None, Some(3), Some(8)));
    assert_eq!(texts(li, VCardProperty::Adr)[3], "北京");
    let again = book.rolo(["export", "vcard"]);
    assert_eq!(again.ok(), text, "the same book exports the same cards, UIDs included");
}

#[test]
fn vcard_3() {
    let book = example();
    let run = book.rolo(["export", "vcard", "--version", "3"]);
    let text = run.ok();
    let cards = cards(text);
    assert!(cards.iter().all(|c| texts(c, VCardProperty::Version) == ["3.0"]));
    assert!(cards.iter().all(|c| c.uid().is_some_and(|u| !u.starts_with("urn:"))));
    assert!(text.contains("\r\nBDAY:1988-04-12\r\n") && text.contains("\r\nBDAY:--03-08\r\n"));
    assert!(!text.contains("CHARSET"), "3.0 is UTF-8 without a CHARSET parameter");
}

#[test]
fn a_contact_uid_is_kept() {
    let book = TestBook::new();
    book.write("contacts/x.md", "+++\nname = \"X\"\nuid = \"ABC-1\"\n+++\n");
    let text = book.rolo(["export", "vcard"]).ok().to_string();
    assert!(text.contains("\r\nUID:ABC-1\r\n"), "{text}");
}

#[test]
fn csv_has_a_header_and_rfc_4180_quoting() {
    let book = TestBook::new();
    add(&book, &["company", "add", "Kettle & Finch, Ltd"]);
    add(
        &book,
        &[
            "contact",
            "add",
            "Emily \"Em\" Clark",
            "--email",
            "e@k.uk",
            "--email",
            "em@k.uk",
            "--tag",
            "vip",
            "--tag",
            "b2b",
            "--company",
            "kettle-finch-ltd",
            "--birthday",
            "04-12",
            "--field",
            "industry=tea",
        ],
    );
    book.write(
        "contacts/emily-em-clark.md",
        &(book.read("contacts/emily-em-clark.md") + "Line one, with a comma\nLine \"two\"\n"),
    );
    let text = book.rolo(["export", "csv"]).ok().to_string();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..6], ["id", "name", "emails", "phones", "company", "title"]);
    assert_eq!(header.last().map(String::as_str), Some("body"));
    assert!(header.contains(&"fields.industry".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let cell = |name: &str| rows[0][header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("name"), "Emily \"Em\" Clark");
    assert_eq!(cell("emails"), "e@k.uk; em@k.uk");
    assert_eq!(cell("tags"), "vip; b2b");
    assert_eq!(cell("company"), "Kettle & Finch, Ltd");
    assert_eq!(cell("birthday"), "04-12");
    assert_eq!(cell("fields.industry"), "tea");
    assert_eq!(cell("body"), "Line one, with a comma\nLine \"two\"");
    assert!(
        text.contains("\"Line one, with a comma\nLine \"\"two\"\"\""),
        "RFC 4180 quoting:\n{text}"
    );
    let companies = book.rolo(["export", "csv", "--type", "company"]).ok().to_string();
    assert!(companies.starts_with("id,name,domain,"), "{companies}");
}

#[test]
fn json_and_ndjson_with_filters() {
    let book = example();
    let all = book.rolo(["export", "json"]).json();
    let all = all.as_array().unwrap();
    for kind in ["contact", "company", "deal", "note", "task"] {
        assert!(all.iter().any(|r| r["type"] == kind), "{kind}");
    }
    let anna = all.iter().find(|r| r["id"] == "anna-petrova").unwrap();
    assert_eq!(anna["path"], "contacts/anna-petrova.md");
    assert_eq!(anna["birthday"], "1988-04-12");
    assert_eq!(anna["fields"]["telegram"], "@anna_petrova_sv");
    assert!(anna["body"].as_str().unwrap().starts_with("# Анна Петрова"));
    let vip = book.rolo(["export", "json", "--type", "contact", "--tag", "vip", "--ndjson"]);
    let lines: Vec<serde_json::Value> =
        vip.ok().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(
        |r| r["type"] == "contact" && r["tags"].as_array().unwrap().iter().any(|t| t == "vip")
    ));
    let of_company =
        book.rolo(["export", "csv", "--company", "ooo-severnyy-veter"]).ok().to_string();
    let people: Vec<&str> = of_company
        .lines()
        .filter_map(|l| {
            l.split_once(",Дмитрий Соколов,")
                .or_else(|| l.split_once(",Анна Петрова,"))
                .map(|(id, _)| id)
        })
        .collect();
    assert_eq!(people, ["anna-petrova", "dmitriy-sokolov"], "{of_company}");
    assert!(
        of_company.starts_with("id,name,") && !of_company.contains("instagram"),
        "only the columns these records use"
    );
}

#[test]
fn output_files_and_exports_only_read() {
    let book = example();
    let before = snapshot(&book.root());
    let run = book.rolo(["export", "vcard", "-o", "../out.vcf"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run}");
    let count = ids_in(&book, "contacts").len();
    assert_eq!(run.stderr, format!("Exported {count} contacts to ../out.vcf.\n"));
    let written = std::fs::read_to_string(book.root().join("../out.vcf")).unwrap();
    assert_eq!(written, book.rolo(["export", "vcard", "-o", "-"]).ok());
    book.rolo(["export", "csv", "--type", "deal"]).ok();
    book.rolo(["export", "json"]).ok();
    assert_eq!(snapshot(&book.root()), before, "no record file written or touched");
}
