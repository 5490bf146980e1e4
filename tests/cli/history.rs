//! `rolo history`, `rolo show --at` and `rolo pipeline --at`: the book's past read back
//! from real git commits made with set author dates (TZ is +05 in every run).

use serde_json::Value as Json;

use crate::support::{Run, TestBook, run};

/// Run rolo with its commit dated `date` (author and committer).
fn on(book: &TestBook, date: &str, args: &[&str]) -> Run {
    let mut cmd = book.command(args);
    cmd.env("GIT_AUTHOR_DATE", date).env("GIT_COMMITTER_DATE", date);
    run(cmd)
}

/// Anna's life in the book, one commit a day from 1 to 8 November 2026, with other
/// records changing in between (which her history must not list).
fn story() -> TestBook {
    let book = TestBook::new();
    let day = |d: u32| format!("2026-11-{d:02}T10:00:00+05:00");
    on(&book, &day(1), &["company", "add", "Ромашка"]).ok();
    on(
        &book,
        &day(2),
        &[
            "contact",
            "add",
            "Анна Петрова",
            "--title",
            "Manager",
            "--tag",
            "cold",
            "--company",
            "romashka",
        ],
    )
    .ok();
    on(&book, &day(3), &["contact", "add", "王小明", "--title", "销售经理"]).ok();
    on(&book, &day(4), &["set", "anna-petrova", "title=CTO", "tags+=vip", "tags-=cold"]).ok();
    on(
        &book,
        &day(5),
        &[
            "deal",
            "add",
            "Сайт для ТОО",
            "--contact",
            "anna-petrova",
            "--value",
            "12000",
            "--currency",
            "EUR",
            "--stage",
            "proposal",
        ],
    )
    .ok();
    on(
        &book,
        &day(6),
        &[
            "note",
            "add",
            "anna-petrova",
            "Звонила, обсудили договор",
            "--kind",
            "call",
            "--date",
            "2026-11-06",
        ],
    )
    .ok();
    on(&book, &day(7), &["rename", "anna-petrova", "anna-ivanova"]).ok();
    on(&book, &day(8), &["deal", "won", "sayt-dlya-too"]).ok();
    let path = "contacts/anna-ivanova.md";
    let text = book.read(path);
    book.write(path, &format!("{text}\nЛюбит зелёный чай.\nЗвонить утром.\n"));
    on(&book, &day(9), &["set", "anna-ivanova", "city=Алматы"]).ok();
    on(&book, &day(10), &["set", "wang-xiao-ming", "city=上海"]).ok();
    book
}

#[test]
fn history_lists_the_commits_that_touched_the_record_across_a_rename() {
    let book = story();
    let json = book.rolo(["history", "anna-ivanova", "--json"]).json();
    let steps = json.as_array().unwrap();
    let messages: Vec<&str> = steps.iter().map(|s| s["message"].as_str().unwrap()).collect();
    // Not the company, not 王小明, not the deal's own commits, not the note (which links
    // to her but lives in its own file).
    assert_eq!(
        messages,
        [
            "contact: set city on Анна Петрова",
            "contact: rename anna-petrova to anna-ivanova",
            "contact: set title, tags, tags on Анна Петрова",
            "contact: add Анна Петрова",
        ],
        "{json:#}"
    );
    let dates: Vec<&str> = steps.iter().map(|s| s["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        [
            "2026-11-09T10:00:00+05:00",
            "2026-11-07T10:00:00+05:00",
            "2026-11-04T10:00:00+05:00",
            "2026-11-02T10:00:00+05:00"
        ]
    );
    assert_eq!(steps[0]["author"], "Test");
    assert_eq!(steps[0]["commit"].as_str().unwrap().len(), 40);
    assert_eq!(steps[0]["changes"][0]["key"], "city");
    assert_eq!(steps[0]["changes"][0]["from"], Json::Null);
    assert_eq!(steps[0]["changes"][0]["to"], "Алматы");
    assert_eq!(steps[0]["body"]["added"], 3);
    assert_eq!(steps[0]["body"]["removed"], 0);
    assert_eq!(steps[1]["renamed_from"], "contact/anna-petrova");
    assert_eq!(steps[1]["changes"], Json::Array(vec![]));
    let title = &steps[2]["changes"][0];
    assert_eq!(
        (title["key"].as_str(), title["from"].as_str(), title["to"].as_str()),
        (Some("title"), Some("Manager"), Some("CTO"))
    );
    let tags = &steps[2]["changes"][1];
    assert_eq!(tags["key"], "tags");
    assert_eq!(tags["added"], serde_json::json!(["vip"]));
    assert_eq!(tags["removed"], serde_json::json!(["cold"]));
    assert_eq!(steps[3]["created"], true);

    // In words.
    let text = book.rolo(["history", "anna-ivanova"]).ok().to_string();
    for line in [
        "2026-11-09 10:00",
        "city: (none) → Алматы",
        "body: 3 lines added",
        "renamed from contact/anna-petrova",
        "title: Manager → CTO",
        "tags: +vip −cold",
        "name: Анна Петрова",
    ] {
        assert!(text.contains(line), "{line:?} missing in:\n{text}");
    }
    assert!(!text.contains("王小明") && !text.contains("上海"), "{text}");
    // --limit keeps the newest.
    let limited = book.rolo(["history", "anna-ivanova", "--limit", "2", "--json"]).json();
    assert_eq!(limited.as_array().unwrap().len(), 2);
    assert_eq!(limited[1]["renamed_from"], "contact/anna-petrova");
}

#[test]
fn a_deal_history_says_its_stage_moved() {
    let book = story();
    let json = book.rolo(["history", "sayt-dlya-too", "--json"]).json();
    let steps = json.as_array().unwrap();
    // Added, relinked by the rename, won.
    assert_eq!(steps.len(), 3, "{json:#}");
    let stage =
        steps[0]["changes"].as_array().unwrap().iter().find(|c| c["key"] == "stage").unwrap();
    assert_eq!((stage["from"].as_str(), stage["to"].as_str()), (Some("proposal"), Some("won")));
    let relinked = &steps[1]["changes"][0];
    assert_eq!(
        (relinked["from"].as_str(), relinked["to"].as_str()),
        (Some("anna-petrova"), Some("anna-ivanova"))
    );
    let text = book.rolo(["history", "sayt-dlya-too"]).ok().to_string();
    assert!(text.contains("stage: proposal → won"), "{text}");
    assert!(text.contains("contact: anna-petrova → anna-ivanova"), "{text}");
}

#[test]
fn no_history_is_said_and_is_not_an_error() {
    let book = TestBook::new();
    book.write("contacts/oleg.md", "+++\nname = \"Олег Сидоров\"\n+++\n");
    let out = book.rolo(["history", "oleg"]).ok().to_string();
    assert!(out.contains("contact/oleg has no history yet: it is not committed"), "{out}");
    assert_eq!(book.rolo(["history", "oleg", "--json"]).json(), Json::Array(vec![]));

    // A book outside git.
    let loose = TestBook::bare();
    let mut init = loose.command(["init"]);
    init.env("GIT_CEILING_DIRECTORIES", loose.root().parent().unwrap());
    run(init).ok();
    std::fs::remove_dir_all(loose.path(".git")).unwrap();
    loose.write("contacts/li.md", "+++\nname = \"李娜\"\n+++\n");
    let out = loose.rolo(["history", "li"]).ok().to_string();
    assert!(out.contains("contact/li has no history: the book is not in git"), "{out}");
    assert_eq!(loose.rolo(["history", "li", "--json"]).json(), Json::Array(vec![]));
    // Nor a past to show.
    assert_eq!(loose.rolo(["show", "li", "--at", "2026-11-01"]).code, 2);
}

#[test]
fn show_at_gives_the_record_as_it_was_that_day() {
    let book = story();
    // The end of 3 November: still Manager, tagged cold, under its old id, no deal yet.
    let before = book.rolo(["show", "anna-ivanova", "--at", "2026-11-03", "--json"]).json();
    assert_eq!(before["id"], "anna-petrova");
    assert_eq!(before["title"], "Manager");
    assert_eq!(before["tags"], serde_json::json!(["cold"]));
    assert_eq!(before["links"], serde_json::json!(["company/romashka"]));
    assert_eq!(before["linked_from"], serde_json::json!([]));
    assert_eq!(before["timeline"], serde_json::json!([]));
    // After the change of the 4th, with the deal of the 5th and the call of the 6th.
    let after = book.rolo(["show", "anna-ivanova", "--at", "2026-11-06", "--json"]).json();
    assert_eq!(after["title"], "CTO");
    assert_eq!(after["tags"], serde_json::json!(["vip"]));
    assert_eq!(after["linked_from"], serde_json::json!(["deal/sayt-dlya-too"]));
    assert_eq!(after["timeline"][0]["title"], "Звонила, обсудили договор");
    assert!(after.get("city").is_none(), "{after:#}");
    // Now: the new id, the city, the body.
    let now = book.rolo(["show", "anna-ivanova", "--json"]).json();
    assert_eq!(now["city"], "Алматы");

    // In words, and at a commit.
    let text = book.rolo(["show", "anna-ivanova", "--at", "2026-11-05"]).ok().to_string();
    assert!(text.starts_with("contact/anna-petrova  Анна Петрова"), "{text}");
    assert!(text.contains("CTO") && text.contains("[proposal] 12 000 EUR"), "{text}");
    assert!(!text.contains("Звонила"), "the call of the 6th is not there yet:\n{text}");
    let text = book.rolo(["show", "anna-ivanova", "--at", "HEAD~1"]).ok().to_string();
    assert!(text.contains("city:") && text.contains("Алматы"), "{text}");
    // The company's timeline holds its people's notes, as of then.
    let company = book.rolo(["show", "romashka", "--at", "2026-11-06"]).ok().to_string();
    assert!(company.contains("Звонила, обсудили договор"), "{company}");
    let company = book.rolo(["show", "romashka", "--at", "2026-11-05"]).ok().to_string();
    assert!(!company.contains("Звонила"), "{company}");
}

#[test]
fn show_at_before_the_record_existed_fails() {
    let book = story();
    let run = book.rolo(["show", "anna-ivanova", "--at", "2026-11-01"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("did not exist yet"), "{run}");
    let run = book.rolo(["show", "wang-xiao-ming", "--at", "2026-10-01", "--json"]);
    assert_eq!(run.code, 1, "{run}");
    let run = book.rolo(["show", "anna-ivanova", "--at", "no-such-thing"]);
    assert_eq!(run.code, 2, "{run}");
}

#[test]
fn pipeline_at_shows_the_stages_of_that_day() {
    let book = story();
    let stage = |p: &Json, name: &str| {
        p["stages"].as_array().unwrap().iter().find(|s| s["stage"] == name).cloned()
    };
    let then = book.rolo(["pipeline", "--at", "2026-11-07", "--json"]).json();
    assert_eq!(stage(&then, "proposal").unwrap()["count"], 1, "{then:#}");
    assert_eq!(then["won"]["count"], 0);
    let now = book.rolo(["pipeline", "--json"]).json();
    assert_eq!(stage(&now, "proposal").unwrap()["count"], 0);
    assert_eq!(now["won"]["count"], 1);
    assert_eq!(now["won"]["total"]["EUR"], 12000);
    let earlier = book.rolo(["pipeline", "--at", "2026-11-04", "--json"]).json();
    assert_eq!(earlier["open"]["count"], 0);
    let run = book.rolo(["pipeline", "--at", "2020-01-01"]);
    assert_eq!(run.code, 1, "{run}");
}

#[test]
fn the_commit_graph_is_written_with_the_book_and_kept() {
    let book = TestBook::new();
    let chain = book.path(".git/objects/info/commit-graphs/commit-graph-chain");
    assert!(chain.is_file(), "rolo init writes the commit-graph");
    // Counted commits: none of them slows a write; the count is kept beside it.
    book.rolo(["contact", "add", "Анна"]).ok();
    let pending = std::fs::read_to_string(book.path(".git/rolo-graph-pending")).unwrap();
    assert_eq!(pending.trim(), "1");
}
