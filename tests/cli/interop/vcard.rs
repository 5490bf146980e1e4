//! vCards as address books write them: Apple Contacts 3.0, Google Contacts 3.0, Outlook
//! 2.1 in windows-1251 quoted-printable, Android 2.1 with soft line breaks, a 4.0 card;
//! photos skipped; bad cards reported with their line while the rest lands.

use super::{ids_in, local, local_bytes, quiet_ok, summary};
use crate::fixtures::{body, front_of, run_with_stdin, s, status, strs, tv};
use crate::support::TestBook;

#[test]
fn apple_contacts_3_0() {
    let book = TestBook::new();
    let file = local(&book, "apple.vcf");
    let run = quiet_ok(&book, &["import", "vcard", &file]);
    assert_eq!(
        summary(&run),
        "created 3, updated 0, skipped 0, failed 0 (and 1 company they link to)"
    );
    let anna = front_of(&book, "contacts/anna-petrova.md");
    assert_eq!(anna["name"], s("Anna Petrova"));
    assert_eq!(anna["emails"], strs(&["anna@severveter.ru", "a.petrova@severveter.ru"]));
    assert_eq!(anna["phones"], strs(&["+7 916 555 0114", "+7 (495) 555-01-14"]));
    assert_eq!(anna["company"], s("severny-veter"), "ORG links a company, created once");
    assert_eq!(anna["title"], s("Head of Marketing"));
    assert_eq!(anna["tags"], strs(&["vip", "b2b"]));
    assert_eq!(anna["birthday"], s("04-12"), "X-APPLE-OMIT-YEAR=1604 means no year");
    assert_eq!(anna["city"], s("Moscow"));
    assert_eq!(anna["uid"], s("5A6B1C2D-0000-4000-8000-ABCDEF012345"));
    assert_eq!(anna["created"], tv("2026-11-23T05:00:00Z"));
    assert_eq!(
        body(&book.read("contacts/anna-petrova.md")),
        "Met at the conference.\nLikes detailed estimates, in writing.\n"
    );
    assert_eq!(front_of(&book, "companies/severny-veter.md")["name"], s("Severny Veter"));
    // A card Apple shows as a company is a company.
    let altyn = front_of(&book, "companies/too-altyn-mebel.md");
    assert_eq!(altyn["name"], s("ТОО «Алтын Мебель»"));
    assert_eq!(altyn["domain"], s("altynmebel.kz"));
    let aigul = front_of(&book, "contacts/aygul-seyitqyzy.md");
    assert_eq!(aigul["name"], s("Айгүл Сейітқызы"));
    assert_eq!(aigul["company"], s("too-altyn-mebel"));
    assert_eq!(aigul["title"], s("Сатылым менеджері"));
    assert_eq!(aigul["birthday"], tv("1990-07-15"));
    assert_eq!(aigul["city"], s("Алматы"));
    assert!(!book.read("contacts/anna-petrova.md").contains("/9j/"), "the photo is skipped");
    assert_eq!(book.log()[0], "import: 2 contacts, 1 company from apple.vcf");
    assert_eq!(status(&book), "", "one commit holds every file written");
}

#[test]
fn google_contacts_3_0() {
    let book = TestBook::new();
    let file = local(&book, "google.vcf");
    quiet_ok(&book, &["import", "vcard", &file]);
    let daniel = front_of(&book, "contacts/daniel-walker.md");
    assert_eq!(daniel["emails"], strs(&["daniel@kettlefinch.co.uk", "dan.walker@gmail.com"]));
    assert_eq!(daniel["phones"], strs(&["+44 7700 900123", "+44 20 7946 0958"]));
    assert_eq!(daniel["company"], s("kettle-finch-ltd"));
    assert_eq!(daniel["title"], s("Director"));
    assert_eq!(daniel["birthday"], tv("1985-06-03"));
    assert_eq!(daniel["city"], s("London"));
    assert_eq!(daniel["tags"], strs(&["Clients"]), "Google's myContacts is not a tag");
    assert_eq!(body(&book.read("contacts/daniel-walker.md")), "Prefers calls on Tuesdays.\n");
    let li = front_of(&book, "contacts/li-na.md");
    assert_eq!(li["name"], s("李娜"));
    assert_eq!(li["birthday"], s("03-08"), "BDAY:--03-08");
    assert_eq!(li["company"], s("bei-jing-zhang-cheng-mao-yi-you-xian-gong-si"));
    assert!(li.get("tags").is_none());
    let company = front_of(&book, "companies/bei-jing-zhang-cheng-mao-yi-you-xian-gong-si.md");
    assert_eq!(company["name"], s("北京长城贸易有限公司"));
}

#[test]
fn outlook_2_1_quoted_printable_in_windows_1251() {
    let book = TestBook::new();
    let raw = std::fs::read(super::fixture("outlook-cp1251.vcf")).unwrap();
    assert!(raw.is_ascii(), "the sample is quoted-printable, as Outlook writes it");
    assert!(
        String::from_utf8_lossy(&raw).contains("CHARSET=windows-1251;ENCODING=QUOTED-PRINTABLE")
    );
    let file = local(&book, "outlook-cp1251.vcf");
    quiet_ok(&book, &["import", "vcard", &file]);
    let anna = front_of(&book, "contacts/anna-petrova.md");
    assert_eq!(anna["name"], s("Анна Петрова"));
    assert_eq!(anna["title"], s("Руководитель отдела маркетинга"));
    assert_eq!(anna["company"], s("ooo-severnyy-veter"));
    assert_eq!(anna["city"], s("Москва"));
    assert_eq!(anna["birthday"], tv("1988-04-12"), "BDAY:19880412");
    assert_eq!(anna["phones"], strs(&["+7 (495) 555-01-14", "+7 916 555 0114"]));
    assert_eq!(anna["emails"], strs(&["anna@severveter.ru"]));
    assert_eq!(
        body(&book.read("contacts/anna-petrova.md")),
        "Всё согласует письменно.\nЛюбит подробные сметы.\n"
    );
    assert_eq!(
        front_of(&book, "companies/ooo-severnyy-veter.md")["name"],
        s("ООО «Северный ветер»")
    );
}

/// Cyrillic in windows-1251, as 8-bit bytes.
fn cp1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'А'..='я' => (0xC0 + (c as u32 - 'А' as u32)) as u8,
            'Ё' => 0xA8,
            'ё' => 0xB8,
            c => c as u8,
        })
        .collect()
}

#[test]
fn eight_bit_cards_are_read_in_their_charset_or_the_one_given() {
    let book = TestBook::new();
    let card = |params: &str| {
        [
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN".as_slice(),
            params.as_bytes(),
            b":",
            &cp1251("Ольга Лебедева"),
            b"\r\nEMAIL:olga@kolos.ru\r\nEND:VCARD\r\n",
        ]
        .concat()
    };
    let named = local_bytes(&book, "named.vcf", &card(";CHARSET=WINDOWS-1251"));
    quiet_ok(&book, &["import", "vcard", &named]);
    assert_eq!(front_of(&book, "contacts/olga-lebedeva.md")["name"], s("Ольга Лебедева"));

    let book = TestBook::new();
    let bare = local_bytes(&book, "bare.vcf", &card(""));
    let run = book.rolo(["import", "vcard", &bare]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .starts_with("../bare.vcf:3: not valid UTF-8 and no charset given: pass --charset"),
        "{run}"
    );
    assert!(ids_in(&book, "contacts").is_empty());
    quiet_ok(&book, &["import", "vcard", "--charset", "windows-1251", &bare]);
    assert_eq!(front_of(&book, "contacts/olga-lebedeva.md")["name"], s("Ольга Лебедева"));
    let run = book.rolo(["import", "vcard", "--charset", "klingon", &bare]);
    assert_eq!((run.code, run.stderr.as_str()), (2, "error: unknown charset \"klingon\"\n"));
}

#[test]
fn android_2_1_quoted_printable_with_soft_line_breaks_and_a_photo() {
    let book = TestBook::new();
    let file = local(&book, "android.vcf");
    quiet_ok(&book, &["import", "vcard", &file]);
    let text = book.read("contacts/dmitriy-sokolov.md");
    let dima = front_of(&book, "contacts/dmitriy-sokolov.md");
    assert_eq!(dima["name"], s("Дмитрий Соколов"), "a name broken over two lines");
    assert_eq!(dima["phones"], strs(&["+79165550133", "+7 495 555 0199"]));
    assert_eq!(dima["emails"], strs(&["d.sokolov@severveter.ru"]));
    assert_eq!(body(&text), "Звонить после обеда.\nРешения принимает сам; бюджет, сроки — тоже.\n");
    assert!(!text.contains("/9j/") && !text.contains("android"), "{text}");
}

#[test]
fn vcard_4_0_with_a_year_less_birthday() {
    let book = TestBook::new();
    let file = local(&book, "v4.vcf");
    quiet_ok(&book, &["import", "vcard", &file]);
    let wang = front_of(&book, "contacts/wang-xiao-ming.md");
    assert_eq!(wang["name"], s("王小明"));
    assert_eq!(wang["birthday"], s("04-12"), "BDAY:--0412");
    assert_eq!(wang["phones"], strs(&["+86-138-0013-0155"]), "a tel: URI is a number");
    assert_eq!(wang["uid"], s("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"));
    assert_eq!(wang["company"], s("shang-hai-lan-hai-ke-ji-you-xian-gong-si"));
    assert_eq!(wang["title"], s("技术总监"));
    assert_eq!(wang["tags"], strs(&["china", "b2b"]));
    assert!(!book.read("contacts/wang-xiao-ming.md").contains("base64"), "the logo is skipped");
}

#[test]
fn a_bad_card_is_reported_with_its_line_and_the_rest_land() {
    let book = TestBook::new();
    let file = local(&book, "bad.vcf");
    let run = book.rolo(["import", "vcard", &file]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "../bad.vcf:6: nothing to name it by: no FN, N, ORG, EMAIL or TEL",
            "../bad.vcf:10: the card has no END:VCARD",
            "created 2, updated 0, skipped 0, failed 2",
            "error: 2 of 4 records could not be imported",
        ]
    );
    assert_eq!(ids_in(&book, "contacts"), ["good-one", "good-two"]);
    assert_eq!(book.log()[0], "import: 2 contacts from bad.vcf");

    let csv = local(&book, "plain.csv");
    let run = book.rolo(["import", "vcard", &csv]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("../plain.csv:1: no BEGIN:VCARD found: is this a vCard file?\n"),
        "{run}"
    );
    let run = book.rolo(["import", "vcard", "../missing.vcf"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("error: ../missing.vcf: "), "{run}");
}

#[test]
fn stdin_and_several_files_make_one_commit() {
    let book = TestBook::new();
    let apple = std::fs::read_to_string(super::fixture("apple.vcf")).unwrap();
    let google = local(&book, "google.vcf");
    let run = run_with_stdin(book.command(["import", "vcard", "-", &google]), &apple);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(book.log()[0], "import: 4 contacts, 1 company from 2 files");
    assert_eq!(book.log().len(), 2);
    let v4 = std::fs::read_to_string(super::fixture("v4.vcf")).unwrap();
    let run = run_with_stdin(book.command(["import", "vcard", "-"]), &v4);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(book.log()[0], "import: 1 contact from stdin");
}

/// Android's Japanese export, and Chinese and Russian phones: `CHARSET=` on raw 8-bit
/// bytes with no quoted-printable. Names land in their script with ids transliterated
/// from them; a value whose bytes are not valid in its charset is a located warning.
#[test]
fn legacy_charsets_without_quoted_printable() {
    let book = TestBook::new();
    let card = |lines: &[&[u8]]| {
        let mut card = b"BEGIN:VCARD\r\nVERSION:2.1\r\n".to_vec();
        for line in lines {
            card.extend_from_slice(line);
            card.extend_from_slice(b"\r\n");
        }
        card.extend_from_slice(b"END:VCARD\r\n");
        card
    };
    let file = [
        // 山田;太郎 and 山田 太郎 in Shift_JIS.
        card(&[
            b"N;CHARSET=SHIFT_JIS:\x8E\x52\x93\x63;\x91\xBE\x98\x59;;;",
            b"FN;CHARSET=SHIFT_JIS:\x8E\x52\x93\x63 \x91\xBE\x98\x59",
            b"TEL;CELL:090-1234-5678",
        ]),
        // 王小明 in GB18030.
        card(&[b"FN;CHARSET=GB18030:\xCD\xF5\xD0\xA1\xC3\xF7", b"TEL:+86 139 1055 0122"]),
        // Анна Петрова in windows-1251.
        card(&[
            b"FN;CHARSET=windows-1251:\xC0\xED\xED\xE0 \xCF\xE5\xF2\xF0\xEE\xE2\xE0",
            b"EMAIL:anna@severveter.ru",
        ]),
        // A Shift_JIS lead byte with nothing after it.
        card(&[b"FN;CHARSET=SHIFT_JIS:\x8E\x52\x93", b"EMAIL:suzuki@example.jp"]),
    ]
    .concat();
    let path = local_bytes(&book, "phones.vcf", &file);
    let run = quiet_ok(&book, &["import", "vcard", &path]);
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            "../phones.vcf:19: warning: FN: bytes not valid in SHIFT_JIS; left out",
            "created 4, updated 0, skipped 0, failed 0",
        ]
    );
    assert_eq!(
        ids_in(&book, "contacts"),
        ["anna-petrova", "shan-tian-tai-lang", "suzuki-example-jp", "wang-xiao-ming"]
    );
    assert_eq!(front_of(&book, "contacts/shan-tian-tai-lang.md")["name"], s("山田 太郎"));
    assert_eq!(front_of(&book, "contacts/wang-xiao-ming.md")["name"], s("王小明"));
    assert_eq!(front_of(&book, "contacts/anna-petrova.md")["name"], s("Анна Петрова"));
    assert_eq!(front_of(&book, "contacts/suzuki-example-jp.md")["name"], s("suzuki@example.jp"));
    for id in ids_in(&book, "contacts") {
        let text = book.read(&format!("contacts/{id}.md"));
        assert!(!text.contains('\u{FFFD}'), "no replacement characters: {text}");
    }
}
