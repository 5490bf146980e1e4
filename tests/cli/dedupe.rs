//! `rolo merge KEEP OTHER`: a duplicate folded into the record kept, nothing lost, every
//! link moved, one commit; `--dry-run` writes nothing; records of two kinds never merge.

use crate::fixtures::{add, body, commit_all, files, front_of, s, status, strs};
use crate::support::TestBook;

/// The duplicate of `anna-petrova`, as an import from a phone would have made it.
const OTHER: &str = "+++
name = \"Anna Petrova\"
emails = [\"ANNA@example.ru\", \"anna.p@example.kz\"]
phones = [\"+7 727 355 1234\", \"+7 701 555 0114\"]
title = \"CEO\"
tags = [\"b2b\"]
city = \"Алматы\"
[fields]
industry = \"мебель\"
+++
Познакомились на выставке в Алматы.
";

/// A book where `anna-petrova-2` is a duplicate of `anna-petrova`, linked from two
/// notes, a deal, a task and another contact's relations; all committed.
fn book() -> TestBook {
    let book = TestBook::new();
    add(&book, &["company", "add", "ТОО «Алтын Мебель»", "--domain", "altynmebel.kz"]);
    add(
        &book,
        &[
            "contact",
            "add",
            "Анна Петрова",
            "--email",
            "anna@example.ru",
            "--phone",
            "8 (727) 355-12-34",
            "--company",
            "too-altyn-mebel",
            "--title",
            "Директор",
            "--tag",
            "vip",
        ],
    );
    add(&book, &["contact", "add", "李娜"]);
    book.write("contacts/anna-petrova-2.md", OTHER);
    book.write(
        "notes/2026/2026-11-20-call.md",
        "+++\ndate = 2026-11-20T10:00:00Z\nkind = \"call\"\nabout = [\"anna-petrova\", \"anna-petrova-2\"]\n+++\nОбсудили сайт.\n",
    );
    book.write(
        "notes/2026/2026-11-21-email.md",
        "+++\ndate = 2026-11-21T10:00:00Z\nkind = \"email\"\nabout = [\"contact/anna-petrova-2\", \"sayt\"]   # по сайту\n+++\nОтправили смету.\n",
    );
    book.write(
        "deals/sayt.md",
        "+++\ntitle = \"Сайт\"\ncontact = \"anna-petrova-2\"\ncompany = \"too-altyn-mebel\"\nstage = \"proposal\"\nvalue = 1500000\ncurrency = \"KZT\"\n+++\n",
    );
    book.write(
        "tasks/perezvonit-anne.md",
        "+++\ntitle = \"Перезвонить Анне\"\ndue = 2026-11-27\nabout = [\"anna-petrova-2\"]\n+++\n",
    );
    let li_na = book.read("contacts/li-na.md");
    book.write(
        "contacts/li-na.md",
        &li_na.replacen(
            "+++\n",
            "+++\nrelations = [{ to = \"anna-petrova-2\", kind = \"colleague\" }]\n",
            1,
        ),
    );
    commit_all(&book, "a duplicate imported from a phone");
    book
}

#[test]
fn merge_keeps_everything_and_moves_every_link() {
    let book = book();
    let commits = book.log().len();
    let run = book.rolo(["merge", "anna-petrova", "anna-petrova-2"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("Merged contact/anna-petrova-2 into contact/anna-petrova; updated 5 records"),
        "{run}"
    );
    assert!(!book.exists("contacts/anna-petrova-2.md"));

    let keep = front_of(&book, "contacts/anna-petrova.md");
    assert_eq!(keep["name"], s("Анна Петрова"));
    assert_eq!(keep["emails"], strs(&["anna@example.ru", "anna.p@example.kz"]));
    assert_eq!(keep["phones"], strs(&["8 (727) 355-12-34", "+7 701 555 0114"]));
    assert_eq!(keep["title"], s("Директор"), "KEEP's values win");
    assert_eq!(keep["tags"], strs(&["vip", "b2b"]));
    assert_eq!(keep["city"], s("Алматы"), "keys KEEP lacked are added");
    assert_eq!(keep["fields"]["industry"], s("мебель"));
    assert_eq!(
        body(&book.read("contacts/anna-petrova.md")),
        "## Merged from contact/anna-petrova-2\n\n- name: Anna Petrova\n- title: CEO\n\nПознакомились на выставке в Алматы.\n"
    );

    assert_eq!(
        front_of(&book, "notes/2026/2026-11-20-call.md")["about"],
        strs(&["anna-petrova"]),
        "no repeated entry"
    );
    let email = book.read("notes/2026/2026-11-21-email.md");
    assert!(
        email.contains("about = [\"contact/anna-petrova\", \"sayt\"]   # по сайту\n"),
        "the type/ form and the comment are kept:\n{email}"
    );
    assert_eq!(front_of(&book, "deals/sayt.md")["contact"], s("anna-petrova"));
    assert_eq!(front_of(&book, "tasks/perezvonit-anne.md")["about"], strs(&["anna-petrova"]));
    assert!(
        book.read("contacts/li-na.md")
            .contains("relations = [{ to = \"anna-petrova\", kind = \"colleague\" }]"),
        "{}",
        book.read("contacts/li-na.md")
    );

    let log = book.log();
    assert_eq!(log.len(), commits + 1, "one commit: {log:?}");
    assert_eq!(log[0], "contact: merge anna-petrova-2 into anna-petrova");
    let message = book.git(&["log", "-1", "--format=%B"]);
    assert!(message.contains("\n\nRolo-Merged-From: contact/anna-petrova-2\n"), "{message}");
    let changed = book.git(&["show", "--name-only", "--format=", "HEAD"]);
    let mut changed: Vec<&str> = changed.lines().collect();
    changed.sort();
    assert_eq!(
        changed,
        [
            "contacts/anna-petrova-2.md",
            "contacts/anna-petrova.md",
            "contacts/li-na.md",
            "deals/sayt.md",
            "notes/2026/2026-11-20-call.md",
            "notes/2026/2026-11-21-email.md",
            "tasks/perezvonit-anne.md"
        ]
    );
    assert_eq!(status(&book), "");

    let run = book.rolo(["check"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, ""),
        "the book is clean after the merge:\n{run}"
    );
    let shown = book.rolo(["show", "anna-petrova", "--json"]).json();
    assert_eq!(shown["last_contact"], "2026-11-21", "the notes now count for KEEP");
}

#[test]
fn check_suggests_the_merge_that_fixes_it() {
    let book = book();
    let run = book.rolo(["check"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stdout.contains(
            "contacts/anna-petrova-2.md:3:11: duplicate: same email ANNA@example.ru as contacts/anna-petrova.md; rolo merge anna-petrova anna-petrova-2\n"
        ),
        "{run}"
    );
    let command = run.stdout.lines().next().unwrap().rsplit("; ").next().unwrap().to_string();
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    book.rolo(&args).ok();
    let run = book.rolo(["check"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run}");
}

/// Every file of the book with its bytes.
fn snapshot(book: &TestBook) -> Vec<(String, Vec<u8>)> {
    files(&book.root())
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(book.path(&f)).unwrap()))
        .collect()
}

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let book = book();
    let before = snapshot(&book);
    let commits = book.log();
    let run = book.rolo(["merge", "anna-petrova", "anna-petrova-2", "--dry-run"]);
    let out = run.ok();
    for line in [
        "Would merge contact/anna-petrova-2 into contact/anna-petrova",
        "  contacts/anna-petrova.md\n",
        "    add city, fields\n",
        "    add to emails: anna.p@example.kz\n",
        "    add to phones: +7 701 555 0114\n",
        "    keep in the body: title: CEO\n",
        "  notes/2026/2026-11-20-call.md: about → anna-petrova\n",
        "  deals/sayt.md: contact → anna-petrova\n",
        "  contacts/li-na.md: relations → anna-petrova\n",
        "  contacts/anna-petrova-2.md: remove\n",
    ] {
        assert!(out.contains(line), "{line:?} missing:\n{run}");
    }
    assert_eq!(snapshot(&book), before, "a dry run writes nothing");
    assert_eq!(book.log(), commits);

    let plan = book.rolo(["merge", "anna-petrova", "anna-petrova-2", "--dry-run", "--json"]).json();
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["keep"]["id"], "anna-petrova");
    assert_eq!(plan["other"]["path"], "contacts/anna-petrova-2.md");
    assert_eq!(plan["extended"]["emails"], serde_json::json!(["anna.p@example.kz"]));
    assert_eq!(plan["kept_in_body"]["title"], "CEO");
    let mut relinked: Vec<&str> =
        plan["relinked"].as_array().unwrap().iter().map(|r| r["path"].as_str().unwrap()).collect();
    relinked.sort();
    assert_eq!(
        relinked,
        [
            "contacts/li-na.md",
            "deals/sayt.md",
            "notes/2026/2026-11-20-call.md",
            "notes/2026/2026-11-21-email.md",
            "tasks/perezvonit-anne.md"
        ]
    );
    assert_eq!(snapshot(&book), before);
}

#[test]
fn records_of_two_kinds_never_merge() {
    let book = book();
    let before = snapshot(&book);
    let run = book.rolo(["merge", "anna-petrova", "too-altyn-mebel"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("contact/anna-petrova is a contact and company/too-altyn-mebel is a company"),
        "{run}"
    );
    let run = book.rolo(["merge", "anna-petrova", "anna-petrova"]);
    assert_eq!(run.code, 2, "{run}");
    let run = book.rolo(["merge", "2026-11-20-call", "2026-11-21-email"]);
    assert_eq!(run.code, 2, "notes do not merge:\n{run}");
    assert_eq!(snapshot(&book), before);
}

#[test]
fn companies_merge_and_their_people_follow() {
    let book = TestBook::new();
    add(
        &book,
        &[
            "company",
            "add",
            "Müller & Söhne GmbH",
            "--domain",
            "mueller-soehne.de",
            "--city",
            "Köln",
        ],
    );
    book.write(
        "companies/mueller-und-soehne.md",
        "+++\nname = \"Mueller und Soehne\"\ndomain = \"https://www.mueller-soehne.de\"\ncity = \"Berlin\"\ntags = [\"supplier\"]\n+++\nLiefert Holz.\n",
    );
    add(&book, &["contact", "add", "Jürgen Müller", "--company", "mueller-und-soehne"]);
    add(&book, &["contact", "add", "Käthe Weiß", "--company", "muller-sohne-gmbh"]);
    book.write(
        "deals/wartungsvertrag-2026.md",
        "+++\ntitle = \"Wartungsvertrag 2026\"\ncompany = \"company/mueller-und-soehne\"\nstage = \"won\"\nvalue = 12000\ncurrency = \"EUR\"\n+++\n",
    );
    commit_all(&book, "two spellings of one company");
    let check = book.rolo(["check"]);
    assert!(
        check.stdout.contains("duplicate: same domain mueller-soehne.de as companies/mueller-und-soehne.md; rolo merge mueller-und-soehne muller-sohne-gmbh\n"),
        "{check}"
    );
    book.rolo(["merge", "muller-sohne-gmbh", "mueller-und-soehne"]).ok();
    assert!(!book.exists("companies/mueller-und-soehne.md"));
    assert_eq!(front_of(&book, "contacts/jurgen-muller.md")["company"], s("muller-sohne-gmbh"));
    assert_eq!(
        front_of(&book, "deals/wartungsvertrag-2026.md")["company"],
        s("company/muller-sohne-gmbh")
    );
    let keep = book.read("companies/muller-sohne-gmbh.md");
    assert_eq!(front_of(&book, "companies/muller-sohne-gmbh.md")["city"], s("Köln"));
    assert_eq!(front_of(&book, "companies/muller-sohne-gmbh.md")["tags"], strs(&["supplier"]));
    assert!(keep.ends_with("## Merged from company/mueller-und-soehne\n\n- name: Mueller und Soehne\n- domain: https://www.mueller-soehne.de\n- city: Berlin\n\nLiefert Holz.\n"), "{keep}");
    assert_eq!(book.log()[0], "company: merge mueller-und-soehne into muller-sohne-gmbh");
    let run = book.rolo(["check"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run}");
}

#[test]
fn deals_merge_their_history_in_time_order() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "王小明"]);
    book.write(
        "deals/qi-ye-guan-wang.md",
        "+++\ntitle = \"企业官网重新设计\"\ncontact = \"wang-xiao-ming\"\nstage = \"proposal\"\nvalue = 80000\ncurrency = \"CNY\"\n\n[[history]]\nstage = \"lead\"\nat = 2026-09-01T10:00:00Z\n\n[[history]]\nstage = \"proposal\"\nat = 2026-11-01T10:00:00Z\n+++\n",
    );
    book.write(
        "deals/qi-ye-guan-wang-2.md",
        "+++\ntitle = \"企业官网重新设计\"\ncontact = \"wang-xiao-ming\"\nstage = \"qualified\"\nvalue = 90000\ncurrency = \"CNY\"\n\n[[history]]\nstage = \"lead\"\nat = 2026-09-01T10:00:00Z\n\n[[history]]\nstage = \"qualified\"\nat = 2026-10-01T10:00:00Z\n+++\n",
    );
    book.write(
        "notes/2026/2026-10-02-call.md",
        "+++\ndate = 2026-10-02T10:00:00Z\nkind = \"call\"\nabout = [\"wang-xiao-ming\", \"qi-ye-guan-wang-2\"]\n+++\n讨论了报价。\n",
    );
    commit_all(&book, "one deal entered twice");
    book.rolo(["merge", "qi-ye-guan-wang", "qi-ye-guan-wang-2"]).ok();
    let deal = front_of(&book, "deals/qi-ye-guan-wang.md");
    let stages: Vec<&str> =
        deal["history"].as_array().unwrap().iter().map(|h| h["stage"].as_str().unwrap()).collect();
    assert_eq!(stages, ["lead", "qualified", "proposal"]);
    assert_eq!(deal["value"], toml::Value::Integer(80000));
    let text = book.read("deals/qi-ye-guan-wang.md");
    assert!(text.contains("- stage: qualified\n- value: 90000\n"), "{text}");
    assert_eq!(
        front_of(&book, "notes/2026/2026-10-02-call.md")["about"],
        strs(&["wang-xiao-ming", "qi-ye-guan-wang"])
    );
    assert_eq!(book.log()[0], "deal: merge qi-ye-guan-wang-2 into qi-ye-guan-wang");
    let funnel = book.rolo(["report", "funnel", "--json"]).json();
    assert!(funnel["stages"].is_array(), "the merged history reads back: {funnel}");
}
