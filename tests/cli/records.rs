//! `add` for every kind: the id printed, ids made by transliteration and clash
//! suffixes, hostile names, and the files written (docs/format.md: "Record files").

use std::process::Command;

use crate::fixtures::{add, body, files, front_of, run_with_stdin, s, sandbox, strs, tv, valid_id};
use crate::support::TestBook;

#[test]
fn add_prints_only_the_new_id() {
    let book = TestBook::new();
    let cases: [(&[&str], &str); 5] = [
        (&["contact", "add", "Анна Петрова"], "anna-petrova\n"),
        (&["company", "add", "ТОО «Алтын Мебель»"], "too-altyn-mebel\n"),
        (&["deal", "add", "Сайт для ТОО", "--company", "too-altyn-mebel"], "sayt-dlya-too\n"),
        (&["note", "add", "anna-petrova", "Позвонила"], "2026-11-23-anna-petrova\n"),
        (&["task", "add", "Позвонить Анне"], "pozvonit-anne\n"),
    ];
    for (args, id) in cases {
        let run = book.rolo(args);
        assert_eq!(run.ok(), id, "{args:?}:\n{run}");
    }
}

#[test]
fn ids_are_transliterated_names() {
    let book = TestBook::new();
    for (name, id) in [
        ("Анна Петрова", "anna-petrova"),
        ("王小明", "wang-xiao-ming"),
        ("Айгүл Сейітқызы", "aygul-seyitqyzy"),
        ("Jürgen Größer", "jurgen-grosser"),
        ("Дарья Ильина", "darya-ilina"),
        ("James O'Brien", "james-obrien"),
    ] {
        assert_eq!(add(&book, &["contact", "add", name]), id, "{name}");
        let front = front_of(&book, &format!("contacts/{id}.md"));
        assert_eq!(front["name"], s(name), "the name keeps its script");
    }
}

#[test]
fn names_are_written_in_their_own_script_not_escaped() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Айгүл Сейітқызы"]);
    add(&book, &["contact", "add", "王小明"]);
    assert!(book.read("contacts/aygul-seyitqyzy.md").contains("name = \"Айгүл Сейітқызы\"\n"));
    assert!(book.read("contacts/wang-xiao-ming.md").contains("name = \"王小明\"\n"));
}

#[test]
fn clashing_ids_get_suffixes() {
    let book = TestBook::new();
    let ids: Vec<String> =
        (0..3).map(|_| add(&book, &["contact", "add", "Анна Петрова"])).collect();
    assert_eq!(ids, ["anna-petrova", "anna-petrova-2", "anna-petrova-3"]);
    for id in &ids {
        assert_eq!(front_of(&book, &format!("contacts/{id}.md"))["name"], s("Анна Петрова"));
    }
    // A different name that makes the same id clashes too.
    assert_eq!(add(&book, &["contact", "add", "Anna Petrova"]), "anna-petrova-4");
}

#[test]
fn the_same_id_in_another_kind_is_no_clash() {
    let book = TestBook::new();
    assert_eq!(add(&book, &["contact", "add", "Altyn"]), "altyn");
    assert_eq!(add(&book, &["company", "add", "Altyn"]), "altyn");
}

#[test]
fn hostile_names_stay_inside_contacts() {
    let book = TestBook::new();
    let long_words = "Александр ".repeat(1000);
    let one_word = "ж".repeat(10_000);
    let names = [
        "../x",
        "../../../../etc/passwd",
        "/abs",
        "/tmp/evil",
        "a\u{1}b",
        "\u{7}\u{1b}[31mred\u{1b}[0m",
        "..",
        ".",
        "~",
        "C:\\Windows\\x",
        "a/../../b",
        long_words.trim_end(),
        &one_word,
        "!!!",
        "«»—…",
    ];
    let outside_before = outside(&book);
    let mut seen = Vec::new();
    for name in names {
        let id = add(&book, &["contact", "add", name]);
        assert!(valid_id(&id), "{name:?} gave the invalid id {id:?}");
        let rel = format!("contacts/{id}.md");
        assert!(book.exists(&rel), "{name:?}: {rel} missing");
        assert_eq!(front_of(&book, &rel)["name"], s(name.trim()), "{name:?} is kept as written");
        assert!(!seen.contains(&id), "{id} used twice");
        seen.push(id);
    }
    assert_eq!(outside(&book), outside_before, "nothing is written outside the book");
    let stray: Vec<String> = files(&book.root())
        .into_iter()
        .filter(|f| !f.starts_with("contacts/") && f != "rolo.toml")
        .filter(|f| f != ".gitignore" && f != ".gitattributes")
        .filter(|f| !f.starts_with(".rolo/") && !f.starts_with("templates/"))
        .collect();
    assert!(stray.is_empty(), "files outside contacts/: {stray:?}");
    assert_eq!(files(&book.path("contacts")).len(), names.len());
}

/// Files in the sandbox but outside the book.
fn outside(book: &TestBook) -> Vec<String> {
    files(&sandbox(book)).into_iter().filter(|f| !f.starts_with("book/")).collect()
}

#[test]
fn hostile_titles_of_other_kinds_stay_inside_their_directories() {
    let book = TestBook::new();
    let company = add(&book, &["company", "add", "../../companies/x"]);
    let deal = add(&book, &["deal", "add", "/etc/passwd"]);
    let task = add(&book, &["task", "add", "../../../tmp/task"]);
    for (dir, id) in [("companies", &company), ("deals", &deal), ("tasks", &task)] {
        assert!(valid_id(id), "{id}");
        assert!(book.exists(&format!("{dir}/{id}.md")));
    }
    assert!(outside(&book).is_empty(), "{:?}", outside(&book));
}

#[test]
fn a_name_of_only_punctuation_still_gets_an_id() {
    let book = TestBook::new();
    let first = add(&book, &["contact", "add", "!!!"]);
    let second = add(&book, &["contact", "add", "???"]);
    assert!(valid_id(&first) && valid_id(&second), "{first} {second}");
    assert_ne!(first, second);
}

#[test]
fn contact_front_matter() {
    let book = TestBook::new();
    add(&book, &["company", "add", "ТОО «Алтын Мебель»"]);
    let id = add(
        &book,
        &[
            "contact",
            "add",
            "Айгүл Сейітқызы",
            "--email",
            "aygul@altyn.kz",
            "--email",
            "a.s@example.kz",
            "--phone",
            "+7 701 555 0101",
            "--company",
            "too-altyn-mebel",
            "--title",
            "Директор",
            "--tag",
            "vip",
            "--tag",
            "b2b",
            "--source",
            "referral",
            "--owner",
            "asel",
            "--stage",
            "customer",
            "--birthday",
            "1988-04-12",
            "--follow-up",
            "30d",
            "--city",
            "Алматы",
            "--field",
            "industry=furniture",
            "--field",
            "employees=12",
        ],
    );
    assert_eq!(id, "aygul-seyitqyzy");
    let f = front_of(&book, "contacts/aygul-seyitqyzy.md");
    assert_eq!(f["name"], s("Айгүл Сейітқызы"));
    assert_eq!(f["emails"], strs(&["aygul@altyn.kz", "a.s@example.kz"]));
    assert_eq!(f["phones"], strs(&["+7 701 555 0101"]));
    assert_eq!(f["company"], s("too-altyn-mebel"));
    assert_eq!(f["title"], s("Директор"));
    assert_eq!(f["tags"], strs(&["vip", "b2b"]));
    assert_eq!(f["source"], s("referral"));
    assert_eq!(f["owner"], s("asel"));
    assert_eq!(f["stage"], s("customer"));
    assert_eq!(f["birthday"], tv("1988-04-12"), "a TOML date, not a string");
    assert_eq!(f["follow_up"], s("30d"));
    assert_eq!(f["city"], s("Алматы"));
    assert_eq!(f["created"], tv("2026-11-23T05:00:00Z"), "created from ROLO_NOW");
    assert_eq!(f["fields"]["industry"], s("furniture"));
    assert_eq!(f["fields"]["employees"], tv("12"));
    assert_eq!(body(&book.read("contacts/aygul-seyitqyzy.md")), "");
}

#[test]
fn contact_company_may_be_given_by_name() {
    let book = TestBook::new();
    add(&book, &["company", "add", "Müller & Söhne GmbH"]);
    add(&book, &["contact", "add", "Jürgen Größer", "--company", "Müller & Söhne GmbH"]);
    assert_eq!(front_of(&book, "contacts/jurgen-grosser.md")["company"], s("muller-sohne-gmbh"));
}

#[test]
fn contact_with_an_unknown_company_is_refused() {
    let book = TestBook::new();
    let run = book.rolo(["contact", "add", "Анна Петрова", "--company", "no-such-company"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(!book.exists("contacts/anna-petrova.md"));
}

#[test]
fn defaults_fill_owner_and_leave_out_what_was_not_given() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "王小明"]);
    let f = front_of(&book, "contacts/wang-xiao-ming.md");
    assert_eq!(f["owner"], s("me"), "owner from [defaults]");
    for key in ["emails", "phones", "tags", "company", "birthday", "fields", "stage"] {
        assert!(!f.contains_key(key), "{key} was not given: {f:?}");
    }
}

#[test]
fn birthday_without_a_year_is_a_string() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Анна Петрова", "--birthday", "04-12"]);
    assert_eq!(front_of(&book, "contacts/anna-petrova.md")["birthday"], s("04-12"));
    assert!(book.read("contacts/anna-petrova.md").contains("birthday = \"04-12\"\n"));
}

#[test]
fn bad_birthday_or_email_is_a_usage_error() {
    let book = TestBook::new();
    for args in [
        ["contact", "add", "Анна Петрова", "--birthday", "13-45"],
        ["contact", "add", "Анна Петрова", "--birthday", "1988-02-30"],
        ["contact", "add", "Анна Петрова", "--email", "not-an-address"],
        ["contact", "add", "Анна Петрова", "--follow-up", "sometimes"],
    ] {
        let run = book.rolo(args);
        assert_eq!(run.code, 2, "{args:?}:\n{run}");
        assert_eq!(run.stdout, "");
    }
    assert!(files(&book.path("contacts")).is_empty());
    assert_eq!(book.log().len(), 1, "no commits");
}

#[test]
fn created_follows_rolo_now() {
    let mut book = TestBook::new();
    book.now = "2025-01-02T03:04:05+05:00".into();
    add(&book, &["contact", "add", "Анна Петрова"]);
    let created = &front_of(&book, "contacts/anna-petrova.md")["created"];
    let created = chrono::DateTime::parse_from_rfc3339(&created.to_string()).unwrap();
    assert_eq!(created, chrono::DateTime::parse_from_rfc3339("2025-01-01T22:04:05Z").unwrap());
}

#[test]
fn company_front_matter() {
    let book = TestBook::new();
    let id = add(
        &book,
        &[
            "company",
            "add",
            "Müller & Söhne GmbH",
            "--domain",
            "mueller-soehne.de",
            "--city",
            "München",
            "--tag",
            "germany",
            "--field",
            "vat=DE123456789",
        ],
    );
    assert_eq!(id, "muller-sohne-gmbh");
    let f = front_of(&book, "companies/muller-sohne-gmbh.md");
    assert_eq!(f["name"], s("Müller & Söhne GmbH"));
    assert_eq!(f["domain"], s("mueller-soehne.de"));
    assert_eq!(f["city"], s("München"));
    assert_eq!(f["tags"], strs(&["germany"]));
    assert_eq!(f["owner"], s("me"));
    assert_eq!(f["created"], tv("2026-11-23T05:00:00Z"));
    assert_eq!(f["fields"]["vat"], s("DE123456789"));
}

#[test]
fn deal_front_matter_and_first_history_entry() {
    let book = TestBook::new();
    add(&book, &["company", "add", "ТОО «Алтын Мебель»"]);
    add(&book, &["contact", "add", "Айгүл Сейітқызы", "--company", "too-altyn-mebel"]);
    let id = add(
        &book,
        &[
            "deal",
            "add",
            "Интернет-магазин мебели",
            "--contact",
            "aygul-seyitqyzy",
            "--value",
            "1500000",
            "--currency",
            "kzt",
            "--stage",
            "qualified",
            "--close",
            "2026-12-31",
            "--probability",
            "0.4",
            "--tag",
            "web",
            "--source",
            "referral",
        ],
    );
    assert_eq!(id, "internet-magazin-mebeli");
    let f = front_of(&book, "deals/internet-magazin-mebeli.md");
    assert_eq!(f["title"], s("Интернет-магазин мебели"));
    assert_eq!(f["contact"], s("aygul-seyitqyzy"));
    assert_eq!(f["company"], s("too-altyn-mebel"), "the company defaults to the contact's");
    assert_eq!(f["stage"], s("qualified"));
    assert_eq!(f["value"], tv("1500000"), "value is a number");
    assert_eq!(f["currency"], s("KZT"));
    assert_eq!(f["close"], tv("2026-12-31"));
    assert_eq!(f["probability"], tv("0.4"));
    assert_eq!(f["tags"], strs(&["web"]));
    assert_eq!(f["source"], s("referral"));
    assert_eq!(f["created"], tv("2026-11-23T05:00:00Z"));
    let history = f["history"].as_array().expect("[[history]]");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["stage"], s("qualified"));
    let at = chrono::DateTime::parse_from_rfc3339(&history[0]["at"].to_string()).unwrap();
    assert_eq!(at, chrono::DateTime::parse_from_rfc3339(crate::support::NOW).unwrap());
    assert!(book.read("deals/internet-magazin-mebeli.md").contains("\n[[history]]\n"));
}

#[test]
fn deal_defaults_to_the_first_stage_and_the_book_currency() {
    let book = TestBook::new();
    add(&book, &["deal", "add", "微信小程序开发"]);
    let f = front_of(&book, "deals/wei-xin-xiao-cheng-xu-kai-fa.md");
    assert_eq!(f["stage"], s("lead"));
    assert_eq!(f["currency"], s("EUR"));
    assert_eq!(f["history"].as_array().unwrap()[0]["stage"], s("lead"));
    assert!(!f.contains_key("value"));
}

#[test]
fn deal_stage_must_be_a_pipeline_stage() {
    let book = TestBook::new();
    let run = book.rolo(["deal", "add", "Сайт", "--stage", "maybe"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("maybe"), "{run}");
    assert!(files(&book.path("deals")).is_empty());
    assert_eq!(book.log().len(), 1);
}

#[test]
fn deal_value_and_probability_are_checked() {
    let book = TestBook::new();
    for args in [
        ["deal", "add", "Сайт", "--value", "a lot"],
        ["deal", "add", "Сайт", "--probability", "1.5"],
        ["deal", "add", "Сайт", "--close", "someday"],
    ] {
        let run = book.rolo(args);
        assert_eq!(run.code, 2, "{args:?}:\n{run}");
    }
    assert!(files(&book.path("deals")).is_empty());
}

fn people(book: &TestBook) {
    add(book, &["company", "add", "ТОО «Алтын Мебель»"]);
    add(book, &["contact", "add", "Анна Петрова", "--company", "too-altyn-mebel"]);
    add(book, &["contact", "add", "王小明"]);
}

#[test]
fn note_file_path_front_matter_and_body() {
    let book = TestBook::new();
    people(&book);
    let id = add(
        &book,
        &[
            "note",
            "add",
            "anna-petrova",
            "Обсудили смету: 1 500 000 ₸.\nПерезвонить в пятницу.",
            "--kind",
            "call",
            "--direction",
            "out",
            "--about",
            "too-altyn-mebel",
        ],
    );
    assert_eq!(id, "2026-11-23-anna-petrova");
    let rel = "notes/2026/2026-11-23-anna-petrova.md";
    let f = front_of(&book, rel);
    assert_eq!(f["kind"], s("call"));
    assert_eq!(f["direction"], s("out"));
    assert_eq!(f["about"], strs(&["anna-petrova", "too-altyn-mebel"]));
    let date = chrono::DateTime::parse_from_rfc3339(&f["date"].to_string()).unwrap();
    assert_eq!(date, chrono::DateTime::parse_from_rfc3339(crate::support::NOW).unwrap());
    assert_eq!(body(&book.read(rel)), "Обсудили смету: 1 500 000 ₸.\nПерезвонить в пятницу.\n");
}

#[test]
fn notes_on_the_same_day_get_suffixes() {
    let book = TestBook::new();
    people(&book);
    assert_eq!(add(&book, &["note", "add", "wang", "第一次"]), "2026-11-23-wang-xiao-ming");
    assert_eq!(add(&book, &["note", "add", "wang", "第二次"]), "2026-11-23-wang-xiao-ming-2");
    assert!(book.exists("notes/2026/2026-11-23-wang-xiao-ming-2.md"));
}

#[test]
fn note_date_decides_its_id_and_year() {
    let book = TestBook::new();
    people(&book);
    let id = add(&book, &["note", "add", "anna-petrova", "Старая встреча", "--date", "2025-12-30"]);
    assert_eq!(id, "2025-12-30-anna-petrova");
    assert!(book.exists("notes/2025/2025-12-30-anna-petrova.md"));
    let id = add(&book, &["note", "add", "anna-petrova", "Вчера", "--date", "yesterday"]);
    assert_eq!(id, "2026-11-22-anna-petrova");
    assert!(book.exists("notes/2026/2026-11-22-anna-petrova.md"));
}

#[test]
fn note_text_from_stdin() {
    let book = TestBook::new();
    people(&book);
    let cmd: Command = book.command(["note", "add", "anna-petrova", "-", "--kind", "meeting"]);
    let text = "Встреча в офисе.\n\n- бюджет согласован\n- старт в январе\n";
    let run = run_with_stdin(cmd, text);
    assert_eq!(run.ok(), "2026-11-23-anna-petrova\n");
    let rel = "notes/2026/2026-11-23-anna-petrova.md";
    assert_eq!(body(&book.read(rel)), text);
    assert_eq!(front_of(&book, rel)["kind"], s("meeting"));
}

#[test]
fn empty_note_is_not_written() {
    let book = TestBook::new();
    people(&book);
    let run = run_with_stdin(book.command(["note", "add", "anna-petrova", "-"]), "  \n");
    assert_eq!(run.code, 1, "{run}");
    assert!(files(&book.path("notes")).is_empty());
}

#[test]
fn note_kind_direction_and_about_are_checked() {
    let book = TestBook::new();
    people(&book);
    for args in [
        ["note", "add", "anna-petrova", "x", "--kind", "sms"],
        ["note", "add", "anna-petrova", "x", "--direction", "sideways"],
        ["note", "add", "nobody", "x", "--kind", "call"],
    ] {
        let run = book.rolo(args);
        assert_eq!(run.code, 2, "{args:?}:\n{run}");
    }
    assert!(files(&book.path("notes")).is_empty());
}

#[test]
fn task_due_friday_from_rolo_now() {
    let book = TestBook::new();
    people(&book);
    // ROLO_NOW is Monday 2026-11-23.
    let id = add(&book, &["task", "add", "Позвонить Анне", "--due", "friday", "--about", "anna"]);
    assert_eq!(id, "pozvonit-anne");
    let f = front_of(&book, "tasks/pozvonit-anne.md");
    assert_eq!(f["title"], s("Позвонить Анне"));
    assert_eq!(f["due"], tv("2026-11-27"));
    assert_eq!(f["about"], strs(&["anna-petrova"]));
    assert_eq!(f["owner"], s("me"));
    assert_eq!(f["created"], tv("2026-11-23T05:00:00Z"));
    assert!(!f.contains_key("done"));
}

#[test]
fn task_due_expressions() {
    let book = TestBook::new();
    for (expr, due) in [
        ("tomorrow", "2026-11-24"),
        ("+3d", "2026-11-26"),
        ("eom", "2026-11-30"),
        ("2026-12-01", "2026-12-01"),
    ] {
        let id = add(&book, &["task", "add", &format!("Задача {expr}"), "--due", expr]);
        assert_eq!(front_of(&book, &format!("tasks/{id}.md"))["due"], tv(due), "{expr}");
    }
    let id = add(&book, &["task", "add", "Созвон", "--due", "2026-12-01 15:00"]);
    let due = front_of(&book, &format!("tasks/{id}.md"))["due"].to_string();
    assert!(due.starts_with("2026-12-01T15:00"), "a datetime: {due}");
}

#[test]
fn task_repeat_is_validated() {
    let book = TestBook::new();
    for (repeat, ok) in
        [("1m", true), ("2w after", true), ("3d", true), ("fortnightly", false), ("0x", false)]
    {
        let title = format!("Отчёт {repeat}");
        let run = book.rolo(["task", "add", &title, "--repeat", repeat]);
        if ok {
            let id = run.ok().trim().to_string();
            assert_eq!(front_of(&book, &format!("tasks/{id}.md"))["repeat"], s(repeat));
        } else {
            assert_eq!(run.code, 2, "--repeat {repeat}:\n{run}");
        }
    }
    assert_eq!(files(&book.path("tasks")).len(), 3);
}

#[test]
fn task_bad_due_is_a_usage_error() {
    let book = TestBook::new();
    let run = book.rolo(["task", "add", "Позвонить", "--due", "someday"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(files(&book.path("tasks")).is_empty());
}

#[test]
fn add_without_a_name_or_with_an_unknown_flag_is_a_usage_error() {
    let book = TestBook::new();
    assert_eq!(book.rolo(["contact", "add"]).code, 2);
    assert_eq!(book.rolo(["contact", "add", "Анна Петрова", "--bogus-flag", "x"]).code, 2);
    assert!(files(&book.path("contacts")).is_empty());
}

#[test]
fn rolo_now_may_be_a_date() {
    let mut book = TestBook::new();
    book.now = "2026-11-23".into();
    add(&book, &["contact", "add", "Анна Петрова"]);
    // Local midnight in UTC+5.
    let created = front_of(&book, "contacts/anna-petrova.md")["created"].to_string();
    let created = chrono::DateTime::parse_from_rfc3339(&created).unwrap();
    assert_eq!(created, chrono::DateTime::parse_from_rfc3339("2026-11-22T19:00:00Z").unwrap());
}

#[test]
fn a_note_is_filed_under_the_local_day() {
    let mut book = TestBook::new();
    people(&book);
    // 20:00 UTC on the 23rd is 01:00 on the 24th in UTC+5 (TZ).
    book.now = "2026-11-23T20:00:00Z".into();
    assert_eq!(
        add(&book, &["note", "add", "anna-petrova", "Поздний звонок"]),
        "2026-11-24-anna-petrova"
    );
}

#[test]
fn today_is_the_local_date_not_utcs() {
    let mut book = TestBook::new();
    people(&book);
    // 20:00 UTC on the 23rd is 01:00 on Tuesday the 24th in UTC+5 (TZ).
    book.now = "2026-11-23T20:00:00Z".into();
    let id = add(&book, &["task", "add", "Сегодня", "--due", "today"]);
    assert_eq!(front_of(&book, &format!("tasks/{id}.md"))["due"], tv("2026-11-24"));
    let id = add(&book, &["task", "add", "Завтра", "--due", "tomorrow"]);
    assert_eq!(front_of(&book, &format!("tasks/{id}.md"))["due"], tv("2026-11-25"));
    let id = add(&book, &["note", "add", "anna-petrova", "Сегодня", "--date", "today"]);
    assert_eq!(id, "2026-11-24-anna-petrova");
}

#[test]
fn note_about_names_each_record_once() {
    let book = TestBook::new();
    people(&book);
    let id = add(
        &book,
        &[
            "note",
            "add",
            "anna-petrova",
            "Встреча",
            "--about",
            "too-altyn-mebel",
            "--about",
            "anna-petrova",
            "--about",
            "company/too-altyn-mebel",
        ],
    );
    let f = front_of(&book, &format!("notes/2026/{id}.md"));
    assert_eq!(f["about"], strs(&["anna-petrova", "too-altyn-mebel"]));
}
