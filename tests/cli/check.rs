//! `rolo check`: a clean book says nothing (exit 0); a book with one of each problem
//! gets one line per problem with its path and position (exit 1), the same in `--json`,
//! whether read from the index or from every file.

use serde_json::Value as Json;

use crate::fixtures::{add, commit_all, example_book};
use crate::support::{Run, TestBook};

/// A book made through rolo: people with Russian, Kazakh, Chinese and German names, a
/// company, a deal, a note and a task, all linked.
fn clean_book() -> TestBook {
    let book = TestBook::new();
    add(&book, &["company", "add", "ТОО «Алтын Мебель»", "--domain", "altynmebel.kz"]);
    add(&book, &["company", "add", "Müller & Söhne GmbH", "--domain", "mueller-soehne.de"]);
    add(
        &book,
        &[
            "contact",
            "add",
            "Айгүл Сейітқызы",
            "--company",
            "too-altyn-mebel",
            "--email",
            "aygul@altynmebel.kz",
            "--phone",
            "+7 701 555 0114",
            "--birthday",
            "04-12",
        ],
    );
    add(&book, &["contact", "add", "Анна Петрова", "--email", "anna@example.ru"]);
    add(&book, &["contact", "add", "王小明", "--phone", "+86 138-1234-5678"]);
    add(&book, &["contact", "add", "Jürgen Müller", "--company", "muller-sohne-gmbh"]);
    add(
        &book,
        &[
            "deal",
            "add",
            "Сайт для «Алтын Мебели»",
            "--contact",
            "aygul",
            "--company",
            "too-altyn-mebel",
            "--value",
            "1500000",
            "--currency",
            "KZT",
            "--close",
            "2026-12-20",
        ],
    );
    book.rolo(["note", "add", "aygul", "Обсудили смету.", "--kind", "call"]).ok();
    add(&book, &["task", "add", "发送报价", "--due", "friday", "--about", "wang-xiao-ming"]);
    book
}

#[test]
fn a_clean_book_says_nothing() {
    let book = clean_book();
    // Hidden files, rolo's temporary files and a Markdown heading's underline are fine.
    book.write("contacts/.DS_Store", "\0\0binary");
    book.write("contacts/.anna-petrova.md.4242.0.tmp", "+++\nname = \"Анна\"\n");
    book.write("notes/.trash/x.md", "not a record");
    let text = book.read("contacts/anna-petrova.md");
    book.write("contacts/anna-petrova.md", &format!("{text}Заметки\n=======\n\nКлиент с 2019.\n"));
    let run = book.rolo(["check"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "{run}");
    let run = book.rolo(["check", "--json"]);
    assert_eq!(run.json(), Json::Array(Vec::new()), "{run}");
    assert_eq!(run.stderr, "");
    let run = no_index(&book, &["check"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run}");
}

#[test]
fn the_example_book_is_clean() {
    let book = example_book();
    let run = book.rolo(["check"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "{run}");
}

/// One of each problem `check` finds, written by hand, and the line it must print.
const PROBLEMS: &[(&str, &str)] = &[
    ("companies/kolos.md", "+++\nname = \"ТОО «Колос»\"\ndomain = \"kolos.kz\"\n+++\n"),
    (
        "companies/kolos-llp.md",
        "+++\nname = \"Kolos LLP\"\ndomain = \"https://www.Kolos.kz/about\"\n+++\n",
    ),
    (
        "contacts/anna-petrova.md",
        "+++\nname = \"Анна Петрова\"\nemails = [\"anna@example.ru\"]\nphones = [\"8 (727) 355-12-34\"]\ncompany = \"kolos\"\n+++\n",
    ),
    // Same email as anna-petrova, another case; a bad address; a short phone; a company
    // that does not exist.
    (
        "contacts/anna-petrova-2.md",
        "+++\nname = \"Anna Petrova\"\nemails = [\"ANNA@example.ru\", \"anna(at)mail.ru\"]\nphones = [\"112\"]\ncompany = \"nowhere\"\n+++\n",
    ),
    // The same phone in another format, and a similar name.
    (
        "contacts/petrova-anna.md",
        "+++\nname = \"Петрова Анна\"\nphones = [\"+7 727 355 1234\"]\n+++\n",
    ),
    // Same name and company as another contact.
    ("contacts/wang-xiao-ming.md", "+++\nname = \"王小明\"\ncompany = \"kolos\"\n+++\n"),
    ("contacts/wang-xiao-ming-2.md", "+++\nname = \"王 小明\"\ncompany = \"kolos\"\n+++\n"),
    // A TOML error (month 13).
    ("contacts/aygul.md", "+++\nname = \"Айгүл Сейітқызы\"\nbirthday = 1988-13-12\n+++\n"),
    (
        "contacts/jurgen-muller.md",
        "+++\n<<<<<<< HEAD\nname = \"Jürgen Müller\"\n=======\nname = \"Jürgen Müller-Schmidt\"\n>>>>>>> origin/main\n+++\n",
    ),
    (
        "contacts/kathe-weiss.md",
        "+++\nname = \"Käthe Weiß\"\n+++\nAnruf am Montag.\n<<<<<<< HEAD\nZusage.\n=======\nAbsage.\n>>>>>>> theirs\n",
    ),
    ("contacts/notes.txt", "Anna's notes\n"),
    ("contacts/Anna Petrova.md", "+++\nname = \"Анна\"\n+++\n"),
    ("contacts/old/ivan.md", "+++\nname = \"Иван\"\n+++\n"),
    (
        "deals/sayt.md",
        "+++\ntitle = \"Сайт\"\ncontact = \"anna-petrova\"\nstage = \"wonn\"\ncurrency = \"EURO\"\nvalue = -5\nprobability = 50\nclose = \"next week\"\n+++\n",
    ),
    (
        "notes/2026/2026-11-20-call.md",
        "+++\ndate = 2026-11-20T10:00:00Z\nkind = \"chat\"\nabout = [\"anna-petrova\", \"deal/nope\"]\n+++\nПозвонила.\n",
    ),
    (
        "tasks/fa-song-bao-jia.md",
        "+++\ntitle = \"发送报价\"\ndue = 2026-12-01\nabout = [\"wang\"]\n+++\n",
    ),
    (
        "contacts/li-na.md",
        "+++\nname = \"李娜\"\nrelations = [{ to = \"ghost\", kind = \"colleague\" }, { to = \"anna-petrova\", kind = \"friend\" }]\n+++\n",
    ),
    (
        "tasks/shot-zhiberu.md",
        "+++\ntitle = \"Шот жіберу\"\ndue = 2026-12-01\nrepeat = \"1m\"\ncompleted = [2026-10-31T09:00:00Z, \"вчера\"]\n+++\n",
    ),
];

const EXPECTED: &str = "\
companies/kolos-llp.md:3:10: duplicate: same domain kolos.kz as companies/kolos.md; rolo merge kolos kolos-llp
contacts/Anna Petrova.md: stray: \"Anna Petrova\" is not a valid id (lowercase a-z and 0-9 words joined by '-'): rename the file to anna-petrova.md
contacts/anna-petrova-2.md:3:11: duplicate: same email ANNA@example.ru as contacts/anna-petrova.md; rolo merge anna-petrova anna-petrova-2
contacts/anna-petrova-2.md:3:30: value: \"anna(at)mail.ru\" is not an email address
contacts/anna-petrova-2.md:4:11: value: phone \"112\" has too few digits (at least 7)
contacts/anna-petrova-2.md:5:11: link: company \"nowhere\" names no company
contacts/aygul.md:3:12: parse: invalid date, expected month between 01 and 12
contacts/contacts.bin: stray: not a record: record files end in .md
contacts/jurgen-muller.md:2:1: conflict: unresolved git conflict: <<<<<<< HEAD
contacts/jurgen-muller.md:4:1: conflict: unresolved git conflict: =======
contacts/jurgen-muller.md:6:1: conflict: unresolved git conflict: >>>>>>> origin/main
contacts/kathe-weiss.md:5:1: conflict: unresolved git conflict: <<<<<<< HEAD
contacts/kathe-weiss.md:7:1: conflict: unresolved git conflict: =======
contacts/kathe-weiss.md:9:1: conflict: unresolved git conflict: >>>>>>> theirs
contacts/latin1.md:2:10: encoding: not valid UTF-8: save the file as UTF-8
contacts/li-na.md:3:21: link: relation to \"ghost\" names no contact or company
contacts/notes.txt: stray: not a record: record files end in .md
contacts/old: stray: a folder inside contacts/: records are files directly in contacts/
contacts/petrova-anna.md:3:11: duplicate: same phone +7 727 355 1234 and a similar name as contacts/anna-petrova.md; rolo merge anna-petrova petrova-anna
contacts/photo.md:4:5: encoding: a binary file (it holds a NUL byte), not a record
contacts/wang-xiao-ming-2.md:2:8: duplicate: same name 王 小明 and company kolos as contacts/wang-xiao-ming.md; rolo merge wang-xiao-ming wang-xiao-ming-2
deals/sayt.md:4:9: value: stage \"wonn\" is not a stage of the pipeline (lead, qualified, proposal, negotiation, won, lost): see [pipeline] in rolo.toml
deals/sayt.md:5:12: value: currency \"EURO\" is not an ISO 4217 code such as EUR, USD, KZT
deals/sayt.md:6:9: value: value = -5 is negative
deals/sayt.md:7:15: value: probability = 50 is outside 0..1 (write 0.5 for 50 %)
deals/sayt.md:8:9: value: close = \"next week\" is not a date (2026-12-01)
notes/2026/2026-11-20-call.md:3:8: value: kind \"chat\" is not a note kind (call, email, meeting, message, note)
notes/2026/2026-11-20-call.md:4:26: link: about \"deal/nope\" names no deal
tasks/fa-song-bao-jia.md:4:10: link: about \"wang\" names no contact, company or deal
tasks/shot-zhiberu.md:5:36: value: completed: \"вчера\" is not a date and time (2026-11-23T10:00:00Z)
";

fn broken_book() -> TestBook {
    let book = TestBook::new();
    for (path, text) in PROBLEMS {
        book.write(path, text);
    }
    std::fs::write(book.path("contacts/latin1.md"), b"+++\nname = \"J\xfcrgen\"\n+++\n").unwrap();
    std::fs::write(book.path("contacts/photo.md"), b"+++\nname = \"x\"\n+++\n\x89PNG\x00\x00")
        .unwrap();
    std::fs::write(book.path("contacts/contacts.bin"), b"\x00\x01").unwrap();
    book
}

/// `rolo ARGS` reading every file instead of the index.
fn no_index(book: &TestBook, args: &[&str]) -> Run {
    book.rolo_from_files(args)
}

/// `line` and `column` of a JSON problem back to the text form.
fn as_line(p: &Json) -> String {
    let at = match (p["line"].as_u64(), p["column"].as_u64()) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (None, None) => String::new(),
        other => panic!("a line without a column: {other:?} in {p}"),
    };
    format!(
        "{}{at}: {}: {}\n",
        p["path"].as_str().unwrap(),
        p["kind"].as_str().unwrap(),
        p["message"].as_str().unwrap()
    )
}

#[track_caller]
fn assert_problems(run: &Run) {
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(run.stderr, "", "problems go to stdout only:\n{run}");
    same_lines(&run.stdout, EXPECTED);
}

#[track_caller]
fn same_lines(got: &str, want: &str) {
    if got != want {
        let missing: Vec<&str> = want.lines().filter(|l| !got.lines().any(|g| g == *l)).collect();
        let extra: Vec<&str> = got.lines().filter(|l| !want.lines().any(|w| w == *l)).collect();
        panic!(
            "check printed:\n{got}\nmissing:\n{}\n\nunexpected:\n{}",
            missing.join("\n"),
            extra.join("\n")
        );
    }
}

#[test]
fn one_of_each_problem_with_its_place() {
    let book = broken_book();
    assert_problems(&book.rolo(["check"]));
    // The index is fresh now: the same answer without refreshing it.
    assert_problems(&book.rolo(["check"]));
    assert_problems(&no_index(&book, &["check"]));
    let run = book.rolo(["check", "--json"]);
    assert_eq!(run.code, 1, "{run}");
    let json: Json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}:\n{run}"));
    let lines: String = json.as_array().unwrap().iter().map(as_line).collect();
    same_lines(&lines, EXPECTED);
}

#[test]
fn fixed_problems_go_away() {
    let book = broken_book();
    assert_eq!(book.rolo(["check"]).code, 1);
    // Fix every problem by hand; the next check sees the edits (the index follows).
    for (path, _) in PROBLEMS {
        std::fs::remove_file(book.path(path)).unwrap();
    }
    for path in ["contacts/latin1.md", "contacts/photo.md", "contacts/contacts.bin"] {
        std::fs::remove_file(book.path(path)).unwrap();
    }
    std::fs::remove_dir(book.path("contacts/old")).unwrap();
    book.write(
        "contacts/anna-petrova.md",
        "+++\nname = \"Анна Петрова\"\nemails = [\"anna@example.ru\"]\n+++\n",
    );
    book.write(
        "notes/2026/2026-11-20-call.md",
        "+++\ndate = 2026-11-20T10:00:00Z\nkind = \"call\"\nabout = [\"anna-petrova\"]\n+++\n",
    );
    let run = book.rolo(["check"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run}");
    commit_all(&book, "fixed by hand");
    // A problem introduced later is found again.
    book.write(
        "notes/2026/2026-11-20-call.md",
        "+++\ndate = \"вчера\"\nkind = \"call\"\nabout = [\"anna-petrova\"]\n+++\n",
    );
    let run = book.rolo(["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "notes/2026/2026-11-20-call.md:2:8: value: date = \"вчера\" is not a date and time (2026-11-23T10:00:00Z)\n"
    );
}

#[test]
fn help_names_every_kind() {
    let help = TestBook::new().rolo(["check", "--help"]).ok().to_string();
    for kind in ["parse", "conflict", "encoding", "stray", "link", "duplicate", "value", "io"] {
        assert!(help.contains(&format!("\n  {kind} ")), "{kind} missing from:\n{help}");
    }
}
