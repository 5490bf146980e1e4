//! `rolo email QUERY`: address look-up for mail programs in four scripts (Cyrillic,
//! Kazakh, Chinese, German), by prefixes of names, nicknames, addresses and company
//! names; both output formats, JSON and exit codes.

use crate::support::{Run, TestBook};

/// People in four scripts, their companies, and records that must not come up.
fn book() -> TestBook {
    let b = TestBook::new();
    b.write(
        "contacts/anna-petrova.md",
        "+++\nname = \"Анна Петрова\"\nnickname = \"Аня\"\nemails = [\"anna@severveter.ru\", \"a.petrova@gmail.com\", \"anna.p@yandex.ru\"]\ncompany = \"severnyy-veter\"\n+++\n",
    );
    b.write(
        "contacts/andrey-smirnov.md",
        "+++\nname = \"Андрей Смирнов\"\nemails = [\"andrey@example.ru\"]\n+++\nАнна просила перезвонить; jürgen тоже.\n",
    );
    b.write(
        "contacts/aygul-seyitqyzy.md",
        "+++\nname = \"Айгүл Сейітқызы\"\nemails = [\"aygul@altynmebel.kz\"]\ncompany = \"altyn-mebel\"\n+++\n",
    );
    b.write(
        "contacts/wang-xiao-ming.md",
        "+++\nname = \"王小明\"\nemails = [\"wang@example.cn\"]\ncompany = \"company/chang-cheng\"\n+++\n",
    );
    b.write(
        "contacts/jurgen-grosser.md",
        "+++\nname = \"Jürgen Größer\"\nemails = [\"j.groesser@mueller.de\"]\ncompany = \"muller-sohne\"\n+++\n",
    );
    // No address: never a line, even when the name matches.
    b.write(
        "contacts/anton-bez-pochty.md",
        "+++\nname = \"Антон Безпочты\"\nphones = [\"+7 701 555 0101\"]\n+++\n",
    );
    b.write("companies/severnyy-veter.md", "+++\nname = \"ООО «Северный ветер»\"\n+++\n");
    b.write("companies/altyn-mebel.md", "+++\nname = \"ТОО «Алтын Мебель»\"\n+++\n");
    b.write("companies/chang-cheng.md", "+++\nname = \"北京长城贸易有限公司\"\n+++\n");
    b.write("companies/muller-sohne.md", "+++\nname = \"Müller & Söhne GmbH\"\n+++\n");
    b.write("deals/anna-deal.md", "+++\ntitle = \"Анна: сайт\"\ncontact = \"anna-petrova\"\n+++\n");
    b
}

/// The lines of `rolo email ARGS`, asserting success.
fn lines(b: &TestBook, args: &[&str]) -> Vec<String> {
    let mut all = vec!["email"];
    all.extend(args);
    let run = b.rolo(&all);
    run.ok().lines().map(String::from).collect()
}

const ANNA: [&str; 3] = [
    "anna@severveter.ru\tАнна Петрова\tООО «Северный ветер»",
    "a.petrova@gmail.com\tАнна Петрова\tООО «Северный ветер»",
    "anna.p@yandex.ru\tАнна Петрова\tООО «Северный ветер»",
];

#[test]
fn cyrillic_prefixes_of_names_and_nicknames() {
    let b = book();
    // A contact with three addresses gives three lines, in the order written.
    assert_eq!(lines(&b, &["Анна"]), ANNA);
    assert_eq!(lines(&b, &["анна"]), ANNA, "any case");
    assert_eq!(lines(&b, &["Аня"]), ANNA, "the nickname");
    assert_eq!(lines(&b, &["Петров"]), ANNA, "a prefix of the surname as written");
    assert_eq!(lines(&b, &["Анна", "Пет"]), ANNA, "every word must match");
    // `Ан` starts both names; the body of Андрей's record (which says Анна) does not count.
    let both = lines(&b, &["Ан"]);
    assert_eq!(both.len(), 4, "{both:?}");
    assert_eq!(both[0], "andrey@example.ru\tАндрей Смирнов\t", "equal matches by name");
    assert_eq!(both[1..], ANNA);
    // The typed address's words put that address first.
    assert_eq!(lines(&b, &["Анна", "gmail"])[0], ANNA[1]);
    // A company's name finds its people, after people matched by their own names.
    assert_eq!(lines(&b, &["Северный"]), ANNA);
    assert_eq!(lines(&b, &["ветер"]), ANNA);
}

#[test]
fn kazakh_names_and_companies() {
    let b = book();
    let aygul = "aygul@altynmebel.kz\tАйгүл Сейітқызы\tТОО «Алтын Мебель»";
    assert_eq!(lines(&b, &["Айгү"]), [aygul]);
    assert_eq!(lines(&b, &["сейітқ"]), [aygul]);
    assert_eq!(lines(&b, &["Алтын"]), [aygul], "by the company's name");
    assert_eq!(lines(&b, &["altyn"]), [aygul], "by the address");
    // Kazakh letters are letters of their own: Айгул is not Айгүл.
    assert_eq!(b.rolo(["email", "Айгул"]).code, 1);
}

#[test]
fn chinese_substrings_and_addresses() {
    let b = book();
    let wang = "wang@example.cn\t王小明\t北京长城贸易有限公司";
    for query in ["小明", "王小明", "王", "wan", "wang@ex", "长城", "北京"] {
        assert_eq!(lines(&b, &[query]), [wang], "{query}");
    }
}

#[test]
fn german_with_and_without_diacritics() {
    let b = book();
    let jurgen = "j.groesser@mueller.de\tJürgen Größer\tMüller & Söhne GmbH";
    for query in ["jürg", "jurg", "JÜRGEN", "größ", "gross", "groe", "Müller", "muller", "söhne"]
    {
        assert_eq!(lines(&b, &[query]), [jurgen], "{query}");
    }
}

#[test]
fn mutt_format_has_a_first_line_to_skip() {
    let b = book();
    let run = b.rolo(["email", "--format", "mutt", "Анна"]);
    let out: Vec<&str> = run.ok().lines().collect();
    assert_eq!(out[0], "rolo: 3 matches");
    assert_eq!(out[1..], ANNA);
    let one = b.rolo(["email", "--format", "mutt", "wang"]);
    assert_eq!(one.ok(), "rolo: 1 match\nwang@example.cn\t王小明\t北京长城贸易有限公司\n");
    let none = b.rolo(["email", "--format", "mutt", "Зинаида"]);
    assert_eq!(none.code, 1, "{none}");
    assert_eq!(none.stdout, "rolo: no matches for Зинаида\n");
    // tsv is the default, and says nothing when nothing matches.
    let tsv = b.rolo(["email", "--format", "tsv", "wang"]);
    assert_eq!(tsv.ok(), "wang@example.cn\t王小明\t北京长城贸易有限公司\n");
}

#[test]
fn exit_codes_json_and_limit() {
    let b = book();
    let none: Run = b.rolo(["email", "nobody"]);
    assert_eq!((none.code, none.stdout.as_str(), none.stderr.as_str()), (1, "", ""));
    // A contact without an address gives no line; nothing else matches Антон.
    assert_eq!(b.rolo(["email", "Антон"]).code, 1);
    let json = b.rolo(["--json", "email", "Анна"]).json();
    assert_eq!(json.as_array().unwrap().len(), 3);
    assert_eq!(
        json[0],
        serde_json::json!({
            "address": "anna@severveter.ru", "name": "Анна Петрова",
            "company": "ООО «Северный ветер»", "id": "contact/anna-petrova",
        })
    );
    let json = b.rolo(["--json", "email", "andrey"]).json();
    assert_eq!(json[0]["company"], serde_json::Value::Null);
    let empty = b.rolo(["--json", "email", "nobody"]);
    assert_eq!((empty.code, empty.stdout.trim()), (1, "[]"));
    assert_eq!(lines(&b, &["--limit", "2", "Ан"]).len(), 2);
    assert_eq!(b.rolo(["email"]).code, 2, "a query is required");
}

#[test]
fn hand_edits_are_seen_by_the_next_look_up() {
    let b = book();
    assert_eq!(b.rolo(["email", "Зинаида"]).code, 1);
    b.write(
        "contacts/zinaida.md",
        "+++\nname = \"Зинаида Ким\"\nemails = [\"zina@kim.kz\"]\n+++\n",
    );
    assert_eq!(lines(&b, &["Зина"]), ["zina@kim.kz\tЗинаида Ким\t"]);
    // Records indexed at different times (index segments) still come in name order.
    b.write(
        "contacts/angelina.md",
        "+++\nname = \"Ангелина Ким\"\nemails = [\"angelina@kim.kz\"]\n+++\n",
    );
    let names: Vec<String> =
        lines(&b, &["Ан"]).iter().map(|l| l.split('\t').nth(1).unwrap().to_string()).collect();
    assert_eq!(
        names,
        ["Ангелина Ким", "Андрей Смирнов", "Анна Петрова", "Анна Петрова", "Анна Петрова"]
    );
    // A renamed company shows under its new name.
    b.write("companies/altyn-mebel.md", "+++\nname = \"ТОО «Алтын Үй»\"\n+++\n");
    assert_eq!(lines(&b, &["Айгүл"]), ["aygul@altynmebel.kz\tАйгүл Сейітқызы\tТОО «Алтын Үй»"]);
}

/// A whole word beats the start of one, whatever the alphabet says; a person's own name
/// beats their company's.
#[test]
fn best_matches_first() {
    let b = TestBook::new();
    b.write(
        "contacts/aliya.md",
        "+++\nname = \"Алия Лимонова\"\nemails = [\"aliya@example.kz\"]\n+++\n",
    );
    b.write(
        "contacts/boris.md",
        "+++\nname = \"Борис Ли\"\nemails = [\"boris@example.kz\"]\n+++\n",
    );
    b.write(
        "contacts/arman.md",
        "+++\nname = \"Арман Ахметов\"\nemails = [\"arman@example.kz\"]\ncompany = \"li-trade\"\n+++\n",
    );
    b.write("companies/li-trade.md", "+++\nname = \"Лимон Трейд\"\n+++\n");
    assert_eq!(
        lines(&b, &["Ли"]),
        [
            "boris@example.kz\tБорис Ли\t",
            "aliya@example.kz\tАлия Лимонова\t",
            "arman@example.kz\tАрман Ахметов\tЛимон Трейд",
        ]
    );
}

/// Many names sharing a first letter: every one of them is found, not the first 50.
#[test]
fn a_one_letter_prefix_finds_every_name() {
    let b = TestBook::new();
    for i in 0..120 {
        // Distinct words, so that the prefix expands to 120 terms.
        let word: String = format!("q{i:03}")
            .chars()
            .map(|c| match c {
                '0'..='9' => (b'a' + (c as u8 - b'0')) as char,
                c => c,
            })
            .collect();
        b.write(
            &format!("contacts/c{i}.md"),
            &format!("+++\nname = \"{word} Test\"\nemails = [\"c{i}@example.org\"]\n+++\n"),
        );
    }
    assert_eq!(lines(&b, &["--limit", "0", "q"]).len(), 120);
}
