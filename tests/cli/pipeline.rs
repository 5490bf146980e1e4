//! `rolo pipeline`, `rolo report …` and `rolo deal move|won|lost`: every number
//! checked against values worked out by hand below, stage history appends that keep a
//! hand-written file intact, and the index giving what the files give.

use serde_json::{Value as Json, json};

use crate::fixtures::{commit_all, front_of};
use crate::support::{Run, TestBook, run};

/// A deal file with the given front matter lines.
fn deal(book: &TestBook, id: &str, front: &str) {
    book.write(&format!("deals/{id}.md"), &format!("+++\n{front}+++\n"));
}

fn history(entries: &[(&str, &str)]) -> String {
    entries.iter().map(|(s, at)| format!("[[history]]\nstage = \"{s}\"\nat = {at}\n")).collect()
}

/// Seven deals, three contacts, five notes; the numbers each test expects are worked
/// out in its comments. Dates are midnight UTC, so each local day (TZ +05) is the same.
fn sales_book() -> TestBook {
    let book = TestBook::new();
    let day = |d: &str| format!("{d}T00:00:00Z");
    // lead, 1000 EUR, default probability 0.1.
    deal(
        &book,
        "a-lead",
        &format!(
            "title = \"A\"\nstage = \"lead\"\nvalue = 1000\ncurrency = \"EUR\"\nowner = \"me\"\nsource = \"web\"\ncreated = {}\n{}",
            day("2026-01-01"),
            history(&[("lead", &day("2026-01-01"))])
        ),
    );
    // proposal, 2000 EUR with its own probability 0.6; 4 days in lead, 10 in qualified.
    deal(
        &book,
        "b-prop",
        &format!(
            "title = \"B\"\nstage = \"proposal\"\nvalue = 2000\ncurrency = \"EUR\"\nprobability = 0.6\nowner = \"ann\"\nsource = \"web\"\ncreated = {}\n{}",
            day("2026-01-01"),
            history(&[
                ("lead", &day("2026-01-01")),
                ("qualified", &day("2026-01-05")),
                ("proposal", &day("2026-01-15")),
            ])
        ),
    );
    // proposal, 500 000 KZT at 0.5; skipped qualified; 10 days in lead.
    deal(
        &book,
        "c-prop",
        &format!(
            "title = \"C\"\nstage = \"proposal\"\nvalue = 500000\ncurrency = \"KZT\"\nowner = \"me\"\nsource = \"ref\"\ncreated = {}\n{}",
            day("2026-02-01"),
            history(&[("lead", &day("2026-02-01")), ("proposal", &day("2026-02-11"))])
        ),
    );
    // won 2026-01-31, 3000 EUR: 2 days in lead, 6 qualified, 10 proposal, 12 negotiation; cycle 30.
    deal(
        &book,
        "d-won",
        &format!(
            "title = \"D\"\nstage = \"won\"\nvalue = 3000\ncurrency = \"EUR\"\nowner = \"me\"\nsource = \"ref\"\ncreated = {}\n{}",
            day("2026-01-01"),
            history(&[
                ("lead", &day("2026-01-01")),
                ("qualified", &day("2026-01-03")),
                ("proposal", &day("2026-01-09")),
                ("negotiation", &day("2026-01-19")),
                ("won", &day("2026-01-31")),
            ])
        ),
    );
    // won 2026-04-10, 1 000 000 KZT: 10 days in lead, 30 in qualified; cycle 40.
    deal(
        &book,
        "e-won",
        &format!(
            "title = \"E\"\nstage = \"won\"\nvalue = 1000000\ncurrency = \"KZT\"\nowner = \"ann\"\nsource = \"web\"\ncreated = {}\n{}",
            day("2026-03-01"),
            history(&[
                ("lead", &day("2026-03-01")),
                ("qualified", &day("2026-03-11")),
                ("won", &day("2026-04-10")),
            ])
        ),
    );
    // lost, 700 EUR: 6 days in lead, 10 in qualified.
    deal(
        &book,
        "f-lost",
        &format!(
            "title = \"F\"\nstage = \"lost\"\nvalue = 700\ncurrency = \"EUR\"\nsource = \"ref\"\nlost_reason = \"price\"\ncreated = {}\n{}",
            day("2026-02-01"),
            history(&[
                ("lead", &day("2026-02-01")),
                ("qualified", &day("2026-02-07")),
                ("lost", &day("2026-02-17")),
            ])
        ),
    );
    // negotiation, 4000 in the default currency (EUR) at 0.75, no history, no source:
    // its contact's source (ref) counts.
    deal(
        &book,
        "g-neg",
        &format!(
            "title = \"G\"\nstage = \"negotiation\"\nvalue = 4000\nowner = \"ann\"\ncontact = \"bob\"\ncreated = {}\n",
            day("2026-05-01")
        ),
    );
    book.write("contacts/ann-web.md", "+++\nname = \"Ann Web\"\nsource = \"web\"\n+++\n");
    book.write("contacts/bob.md", "+++\nname = \"Bob\"\nsource = \"ref\"\nowner = \"ann\"\n+++\n");
    book.write("contacts/carl.md", "+++\nname = \"Carl\"\n+++\n");
    let note = |id: &str, date: &str, rest: &str| {
        let year = &date[..4];
        book.write(
            &format!("notes/{year}/{id}.md"),
            &format!("+++\ndate = {date}T10:00:00+05:00\n{rest}+++\nSaid hello.\n"),
        );
    };
    note(
        "2026-11-02-bob",
        "2026-11-02",
        "kind = \"call\"\ndirection = \"out\"\nabout = [\"bob\"]\n",
    );
    note(
        "2026-11-03-carl",
        "2026-11-03",
        "kind = \"call\"\ndirection = \"out\"\nabout = [\"contact/carl\"]\n",
    );
    note(
        "2026-11-20-bob",
        "2026-11-20",
        "kind = \"email\"\ndirection = \"in\"\nowner = \"me\"\nabout = [\"bob\"]\n",
    );
    note("2026-10-15-d-won", "2026-10-15", "kind = \"meeting\"\nabout = [\"d-won\"]\n");
    note(
        "2026-11-21-bob",
        "2026-11-21",
        "kind = \"call\"\ndirection = \"out\"\nabout = [\"bob\"]\n",
    );
    commit_all(&book, "test: sales book");
    book
}

fn files_only(book: &TestBook, args: &[&str]) -> Run {
    let mut cmd = book.command(args);
    cmd.env("ROLO_NO_INDEX", "1");
    run(cmd)
}

#[test]
fn pipeline_counts_totals_and_weighted_per_currency() {
    let book = sales_book();
    let p = book.rolo(["pipeline", "--json"]).json();
    // Open stages only, in pipeline order; won and lost apart.
    assert_eq!(
        p["stages"],
        json!([
            {"stage": "lead", "count": 1, "total": {"EUR": 1000}, "weighted": {"EUR": 100}},
            {"stage": "qualified", "count": 0, "total": {}, "weighted": {}},
            // 2000 × 0.6 (its own) = 1200; 500 000 × 0.5 (the stage's) = 250 000.
            {"stage": "proposal", "count": 2, "total": {"EUR": 2000, "KZT": 500000},
             "weighted": {"EUR": 1200, "KZT": 250000}},
            {"stage": "negotiation", "count": 1, "total": {"EUR": 4000}, "weighted": {"EUR": 3000}},
        ])
    );
    // 1000 + 2000 + 4000 EUR; 100 + 1200 + 3000 weighted.
    assert_eq!(
        p["open"],
        json!({"count": 4, "total": {"EUR": 7000, "KZT": 500000},
               "weighted": {"EUR": 4300, "KZT": 250000}})
    );
    assert_eq!(p["won"], json!({"count": 2, "total": {"EUR": 3000, "KZT": 1000000}}));
    assert_eq!(p["lost"], json!({"count": 1, "total": {"EUR": 700}}));
}

#[test]
fn pipeline_table_in_stage_order_with_thousands() {
    let book = sales_book();
    let out = book.rolo(["pipeline"]).ok().to_string();
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("no {s:?} in\n{out}"));
    assert!(at("│ lead") < at("│ qualified"));
    assert!(at("│ qualified") < at("│ proposal"));
    assert!(at("│ proposal") < at("│ negotiation"));
    assert!(at("│ negotiation") < at("│ open"));
    assert!(at("│ open") < at("│ won") && at("│ won") < at("│ lost"));
    at("500 000 KZT");
    at("250 000 KZT");
    at("7 000 EUR");
    at("1 000 000 KZT");
}

#[test]
fn pipeline_by_owner_and_currency() {
    let book = sales_book();
    // ann: b (proposal 2000 × 0.6) and g (negotiation 4000 × 0.75), e won.
    let p = book.rolo(["pipeline", "--owner", "ann", "--json"]).json();
    assert_eq!(p["open"], json!({"count": 2, "total": {"EUR": 6000}, "weighted": {"EUR": 4200}}));
    assert_eq!(p["won"], json!({"count": 1, "total": {"KZT": 1000000}}));
    let by = book.rolo(["pipeline", "--by", "currency", "--json"]).json();
    let groups = by.as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["currency"], "EUR");
    assert_eq!(groups[0]["open"]["count"], 3);
    assert_eq!(groups[0]["lost"]["count"], 1);
    assert_eq!(groups[1]["currency"], "KZT");
    assert_eq!(groups[1]["open"]["weighted"], json!({"KZT": 250000}));
    // f-lost has no owner: the book's default ("me") looks after it.
    let owners = book.rolo(["pipeline", "--by", "owner", "--json"]).json();
    let me = owners.as_array().unwrap().iter().find(|g| g["owner"] == "me").unwrap();
    assert_eq!(me["lost"]["count"], 1);
    assert_eq!(me["open"]["total"], json!({"EUR": 1000, "KZT": 500000}));
}

#[test]
fn funnel_reached_conversion_medians_win_rate_cycle() {
    let book = sales_book();
    let f = book.rolo(["report", "funnel", "--json"]).json();
    // Furthest stage per deal: a lead, b c proposal, d e won, f qualified (lost is not
    // further), g negotiation (its current stage, no history).
    // lead 7; qualified 6; proposal 5; negotiation 3; won 2.
    // Days in lead: b 4, c 10, d 2, e 10, f 6 → median 6. Qualified: b 10, d 6, e 30,
    // f 10 → 10. Proposal: d 10. Negotiation: d 12.
    assert_eq!(
        f["stages"],
        json!([
            {"stage": "lead", "reached": 7, "conversion": 0.8571, "median_days": 6},
            {"stage": "qualified", "reached": 6, "conversion": 0.8333, "median_days": 10},
            {"stage": "proposal", "reached": 5, "conversion": 0.6, "median_days": 10},
            {"stage": "negotiation", "reached": 3, "conversion": 0.6667, "median_days": 12},
            {"stage": "won", "reached": 2, "conversion": null, "median_days": null},
        ])
    );
    // won 2, lost 1; cycles 30 and 40 days.
    assert_eq!(f["win_rate"], json!(0.6667));
    assert_eq!(f["median_cycle_days"], json!(35));
    let table = book.rolo(["report", "funnel"]).ok().to_string();
    assert!(table.contains("85.7%"), "{table}");
    assert!(table.contains("Win rate: 66.7%. Median cycle (created → won): 35 days."), "{table}");
}

#[test]
fn funnel_from_counts_deals_created_since() {
    let book = sales_book();
    // Created on or after 2026-02-01: c, e, f, g.
    let f = book.rolo(["report", "funnel", "--from", "2026-02-01", "--json"]).json();
    let reached: Vec<i64> =
        f["stages"].as_array().unwrap().iter().map(|s| s["reached"].as_i64().unwrap()).collect();
    assert_eq!(reached, [4, 4, 3, 2, 1]);
    assert_eq!(f["win_rate"], json!(0.5));
    assert_eq!(f["median_cycle_days"], json!(40));
}

#[test]
fn revenue_by_month_quarter_owner_and_range() {
    let book = sales_book();
    let month = book.rolo(["report", "revenue", "--json"]).json();
    assert_eq!(
        month,
        json!([
            {"period": "2026-01", "currency": "EUR", "won": 3000, "count": 1},
            {"period": "2026-04", "currency": "KZT", "won": 1000000, "count": 1},
        ])
    );
    let quarter = book.rolo(["report", "revenue", "--by", "quarter", "--json"]).json();
    let periods: Vec<&str> =
        quarter.as_array().unwrap().iter().map(|r| r["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["2026-Q1", "2026-Q2"]);
    let owner = book.rolo(["report", "revenue", "--by", "owner", "--json"]).json();
    assert_eq!(
        owner,
        json!([
            {"period": "ann", "currency": "KZT", "won": 1000000, "count": 1},
            {"period": "me", "currency": "EUR", "won": 3000, "count": 1},
        ])
    );
    let since = book.rolo(["report", "revenue", "--from", "2026-02-01", "--json"]).json();
    assert_eq!(since.as_array().unwrap().len(), 1);
    assert_eq!(since[0]["period"], "2026-04");
    let table = book.rolo(["report", "revenue"]).ok().to_string();
    assert!(table.contains("1 000 000"), "{table}");
}

#[test]
fn sources_contacts_deals_won_value_win_rate() {
    let book = sales_book();
    let s = book.rolo(["report", "sources", "--json"]).json();
    assert_eq!(
        s,
        json!([
            // bob; deals c, d, f and g (bob's source); d won, f lost.
            {"source": "ref", "contacts": 1, "deals": 4, "won": 1, "won_value": {"EUR": 3000},
             "win_rate": 0.5},
            // ann-web; deals a, b, e; e won, none lost.
            {"source": "web", "contacts": 1, "deals": 3, "won": 1, "won_value": {"KZT": 1000000},
             "win_rate": 1},
            // carl says nowhere where he came from.
            {"source": null, "contacts": 1, "deals": 0, "won": 0, "won_value": {}, "win_rate": null},
        ])
    );
}

#[test]
fn activity_per_period_kind_direction_owner() {
    let book = sales_book();
    // A note's owner: its own, else the first record it is about that has one, else "me".
    let month = book.rolo(["report", "activity", "--json"]).json();
    assert_eq!(
        month,
        json!([
            {"period": "2026-10", "kind": "meeting", "direction": null, "owner": "me", "count": 1},
            {"period": "2026-11", "kind": "call", "direction": "out", "owner": "ann", "count": 2},
            {"period": "2026-11", "kind": "call", "direction": "out", "owner": "me", "count": 1},
            {"period": "2026-11", "kind": "email", "direction": "in", "owner": "me", "count": 1},
        ])
    );
    let week = book.rolo(["report", "activity", "--by", "week", "--json"]).json();
    let periods: Vec<&str> =
        week.as_array().unwrap().iter().map(|r| r["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["2026-W42", "2026-W45", "2026-W45", "2026-W47", "2026-W47"]);
    let range = book
        .rolo(["report", "activity", "--from", "2026-11-01", "--to", "2026-11-20", "--json"])
        .json();
    let counts: i64 = range.as_array().unwrap().iter().map(|r| r["count"].as_i64().unwrap()).sum();
    assert_eq!(counts, 3);
    // Most recent: bob (11-21), then carl (11-03); least recent: ann-web (never) first.
    let table = book.rolo(["report", "activity"]).ok().to_string();
    let most = table.find("MOST RECENT CONTACT").unwrap();
    let least = table.find("LEAST RECENT CONTACT").unwrap();
    assert!(table[most..least].find("bob") < table[most..least].find("carl"), "{table}");
    assert!(table[least..].find("ann-web") < table[least..].find("carl"), "{table}");
    assert!(table[least..].contains("never"), "{table}");
}

/// The activity report is kept beside the index once counted; it follows every change
/// of the book, of the time zone and of the default owner, and a damaged copy is counted
/// again, never shown.
#[test]
fn kept_activity_follows_every_change() {
    let book = sales_book();
    let activity = |tz: &str| {
        let mut cmd = book.command(["report", "activity", "--json"]);
        cmd.env("TZ", tz);
        let run = run(cmd);
        assert_eq!(run.stderr, "", "{run}");
        let rows = run.json();
        let rows = rows.as_array().unwrap().iter().map(|r| {
            let owner = r["owner"].as_str().unwrap().to_string();
            let period = r["period"].as_str().unwrap().to_string();
            format!("{period} {} {owner} {}", r["kind"].as_str().unwrap(), r["count"])
        });
        rows.collect::<Vec<_>>().join(", ")
    };
    let kept = book.path(".rolo/index/rolo-derived-activity");
    let first = activity("UTC0");
    assert_eq!(
        first,
        "2026-10 meeting me 1, 2026-11 call ann 2, 2026-11 call me 1, 2026-11 email me 1"
    );
    assert!(kept.exists(), "the first report keeps its counts");
    assert_eq!(activity("UTC0"), first);
    // A note written by hand on the last evening of November in Almaty (UTC+5) is
    // December's there and November's in UTC; both asked for one after the other.
    book.write(
        "notes/2026/2026-11-30-carl.md",
        "+++\ndate = 2026-11-30T19:30:00Z\nkind = \"visit\"\nabout = [\"carl\"]\n+++\nЗашёл в офис.\n",
    );
    assert!(activity("UTC0").contains("2026-11 visit me 1"));
    assert!(activity("<+05>-5").contains("2026-12 visit me 1"));
    assert!(activity("UTC0").contains("2026-11 visit me 1"));
    // The note changes hands, then goes.
    let note = book.read("notes/2026/2026-11-30-carl.md");
    book.write("notes/2026/2026-11-30-carl.md", &note.replace("kind", "owner = \"ann\"\nkind"));
    assert!(activity("UTC0").contains("2026-11 visit ann 1"));
    std::fs::remove_file(book.path("notes/2026/2026-11-30-carl.md")).unwrap();
    assert_eq!(activity("UTC0"), first);
    // The default owner is rolo.toml's as it is now.
    let toml = book.read("rolo.toml");
    let line = "owner = \"me\"";
    assert!(toml.contains(line), "{toml}");
    book.write("rolo.toml", &toml.replacen(line, "owner = \"даурен\"", 1));
    // (The email names its owner, "me", itself, and the meeting is about a deal of "me".)
    let mine =
        "2026-10 meeting me 1, 2026-11 call ann 2, 2026-11 call даурен 1, 2026-11 email me 1";
    assert_eq!(activity("UTC0"), mine);
    book.write("rolo.toml", &toml);
    // A damaged copy is counted again.
    let bytes = std::fs::read(&kept).unwrap();
    std::fs::write(&kept, &bytes[..bytes.len() - 7]).unwrap();
    assert_eq!(activity("UTC0"), first);
    std::fs::write(&kept, [&bytes[..], b"more"].concat()).unwrap();
    assert_eq!(activity("UTC0"), first);
}

/// The funnel, revenue and sources reports are kept beside the index and read back
/// while the book, their range and buckets, rolo.toml and the zone stay as they are;
/// each change, and a damaged copy, makes them again, as the files give them.
#[test]
fn kept_reports_follow_every_change() {
    let book = sales_book();
    let reports: [&[&str]; 4] = [
        &["report", "funnel", "--json"],
        &["report", "revenue", "--by", "owner", "--json"],
        &["report", "sources", "--json"],
        &["report", "sources", "--from", "2026-02-01", "--json"],
    ];
    // Each report from the index (twice: made, then read back) and from the files.
    let agree = |what: &str| {
        for args in reports {
            let (made, again, slow) = (book.rolo(args), book.rolo(args), files_only(&book, args));
            assert_eq!(made.ok(), slow.ok(), "{what}: {args:?}");
            assert_eq!(again.ok(), slow.ok(), "{what}: {args:?}");
        }
    };
    agree("made");
    let kept = book.path(".rolo/index/rolo-derived-report-sources");
    assert!(kept.exists(), "the sources report is kept");
    // Read back: a source renamed in the kept copy shows.
    let mark = || {
        let bytes = String::from_utf8(std::fs::read(&kept).unwrap()).unwrap();
        assert!(bytes.contains("\"ref\""), "{bytes}");
        std::fs::write(&kept, bytes.replace("\"ref\"", "\"ярмарка\"")).unwrap();
    };
    mark();
    let sources = ["report", "sources", "--from", "2026-02-01", "--json"];
    assert!(book.rolo(sources).ok().contains("ярмарка"), "read back");
    // Another range is another report.
    assert!(!book.rolo(["report", "sources", "--json"]).ok().contains("ярмарка"));
    // A hand edit, rolo.toml, a damaged copy: made again.
    mark();
    deal(
        &book,
        "h-new",
        "title = \"Новая\"\nstage = \"won\"\nvalue = 700\ncurrency = \"EUR\"\nsource = \"ref\"\ncreated = 2026-03-01T00:00:00Z\n",
    );
    agree("a hand edit");
    mark();
    let toml = book.read("rolo.toml");
    book.write("rolo.toml", &format!("{toml}\n[me]\nname = \"Жанар\"\n"));
    let after = book.rolo(sources);
    assert!(!after.ok().contains("ярмарка"), "rolo.toml changed: {after}");
    mark();
    let bytes = std::fs::read(&kept).unwrap();
    std::fs::write(&kept, &bytes[..bytes.len() - 5]).unwrap();
    agree("a damaged copy");
}

#[test]
fn csv_headers() {
    let book = sales_book();
    let first = |args: &[&str]| book.rolo(args).ok().lines().next().unwrap_or_default().to_string();
    assert_eq!(first(&["report", "funnel", "--csv"]), "stage,reached,conversion,median_days");
    assert_eq!(first(&["report", "revenue", "--csv"]), "period,currency,won,count");
    assert_eq!(
        first(&["report", "sources", "--csv"]),
        "source,contacts,deals,won,win_rate,won_value_EUR,won_value_KZT"
    );
    assert_eq!(first(&["report", "activity", "--csv"]), "period,kind,direction,owner,count");
    let revenue = book.rolo(["report", "revenue", "--csv"]).ok().to_string();
    assert_eq!(revenue, "period,currency,won,count\n2026-01,EUR,3000,1\n2026-04,KZT,1000000,1\n");
}

#[test]
fn index_and_files_agree() {
    let book = sales_book();
    for args in [
        &["pipeline", "--json"][..],
        &["pipeline", "--by", "source", "--json"],
        &["report", "funnel", "--json"],
        &["report", "revenue", "--by", "quarter", "--json"],
        &["report", "sources", "--json"],
        &["report", "activity", "--by", "week", "--json"],
        &["report", "activity"],
    ] {
        let fast = book.rolo(args);
        let slow = files_only(&book, args);
        assert_eq!(fast.ok(), slow.ok(), "{args:?}");
    }
}

#[test]
fn empty_book_gives_empty_tables() {
    let book = TestBook::new();
    let p = book.rolo(["pipeline", "--json"]).json();
    assert_eq!(p["stages"].as_array().unwrap().len(), 4);
    assert_eq!(p["open"], json!({"count": 0, "total": {}, "weighted": {}}));
    assert_eq!(p["won"], json!({"count": 0, "total": {}}));
    let f = book.rolo(["report", "funnel", "--json"]).json();
    assert_eq!(f["win_rate"], Json::Null);
    assert_eq!(f["median_cycle_days"], Json::Null);
    assert!(f["stages"].as_array().unwrap().iter().all(|s| s["reached"] == 0));
    for report in ["revenue", "sources", "activity"] {
        assert_eq!(book.rolo(["report", report, "--json"]).json(), json!([]), "{report}");
        book.rolo(["report", report]).ok();
        assert_eq!(book.rolo(["report", report, "--csv"]).ok().lines().count(), 1);
    }
    book.rolo(["pipeline"]).ok();
    book.rolo(["report", "funnel"]).ok();
}

const HAND_WRITTEN: &str = "+++
# Written by hand; rolo must keep this comment.
title = \"Сайт\"   # the site
stage = \"lead\"     # where it stands
value = 1200
currency = \"EUR\"

[[history]]
stage = \"lead\"
at = 2026-11-01T10:00:00Z
+++
Body *text* stays.
";

#[test]
fn move_keeps_the_file_and_appends_history() {
    let book = TestBook::new();
    book.write("deals/sayt.md", HAND_WRITTEN);
    commit_all(&book, "test: a deal by hand");
    let moved = book.rolo(["deal", "move", "sayt", "proposal"]);
    moved.ok();
    assert!(moved.stderr.contains("Moved sayt to proposal."), "{moved}");
    let expected = HAND_WRITTEN
        .replace(
            "stage = \"lead\"     # where it stands",
            "stage = \"proposal\"     # where it stands",
        )
        .replace(
            "+++\nBody",
            "\n[[history]]\nstage = \"proposal\"\nat = 2026-11-23T05:00:00Z\n+++\nBody",
        );
    assert_eq!(book.read("deals/sayt.md"), expected);
    assert_eq!(book.log()[0], "deal: move Сайт to proposal");
}

#[test]
fn move_to_the_same_stage_changes_nothing() {
    let book = TestBook::new();
    book.write("deals/sayt.md", HAND_WRITTEN);
    commit_all(&book, "test: a deal by hand");
    let commits = book.log().len();
    let same = book.rolo(["deal", "move", "sayt", "lead"]);
    same.ok();
    assert_eq!(same.stderr, "Nothing changed.\n");
    assert_eq!(book.read("deals/sayt.md"), HAND_WRITTEN);
    assert_eq!(book.log().len(), commits);
}

#[test]
fn unknown_stage_lists_the_stages() {
    let book = TestBook::new();
    book.write("deals/sayt.md", HAND_WRITTEN);
    let bad = book.rolo(["deal", "move", "sayt", "wonn"]);
    assert_eq!(bad.code, 2, "{bad}");
    assert!(
        bad.stderr.contains(
            "unknown stage \"wonn\"; stages are: lead, qualified, proposal, negotiation, won, lost"
        ),
        "{bad}"
    );
    assert_eq!(book.read("deals/sayt.md"), HAND_WRITTEN);
}

#[test]
fn won_and_lost() {
    let book = TestBook::new();
    book.write("deals/sayt.md", HAND_WRITTEN);
    book.write("deals/other.md", HAND_WRITTEN.replace("Сайт", "Other").as_str());
    commit_all(&book, "test: two deals");
    book.rolo(["deal", "won", "sayt"]).ok();
    let won = front_of(&book, "deals/sayt.md");
    assert_eq!(won["stage"].as_str(), Some("won"));
    let h = won["history"].as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[1]["stage"].as_str(), Some("won"));
    assert_eq!(book.log()[0], "deal: move Сайт to won");
    book.rolo(["deal", "lost", "other", "--reason", "too expensive"]).ok();
    let lost = front_of(&book, "deals/other.md");
    assert_eq!(lost["stage"].as_str(), Some("lost"));
    assert_eq!(lost["lost_reason"].as_str(), Some("too expensive"));
    assert_eq!(lost["history"].as_array().unwrap().len(), 2);
    // The funnel and revenue see the new history at once (the index is refreshed).
    let f = book.rolo(["report", "funnel", "--json"]).json();
    assert_eq!(f["win_rate"], json!(0.5));
    let r = book.rolo(["report", "revenue", "--json"]).json();
    assert_eq!(r, json!([{"period": "2026-11", "currency": "EUR", "won": 1200, "count": 1}]));
}

#[test]
fn example_book_has_a_meaningful_pipeline() {
    let book = crate::fixtures::example_book();
    let p = book.rolo(["pipeline", "--json"]).json();
    assert!(p["open"]["count"].as_i64().unwrap() > 0, "{p}");
    assert!(p["won"]["count"].as_i64().unwrap() > 0, "{p}");
    let f = book.rolo(["report", "funnel", "--json"]).json();
    assert!(f["win_rate"].is_number(), "{f}");
    for report in ["revenue", "sources", "activity"] {
        assert!(!book.rolo(["report", report, "--json"]).json().as_array().unwrap().is_empty());
    }
}

#[test]
fn a_deal_in_an_unknown_stage_is_a_warning_not_a_failure() {
    let book = TestBook::new();
    deal(&book, "odd", "title = \"Odd\"\nstage = \"limbo\"\nvalue = 5\n");
    let run = book.rolo(["pipeline", "--json"]);
    assert_eq!(run.json()["open"]["count"], 0);
    assert!(
        run.stderr.contains("deals/odd.md: stage \"limbo\" is not one of the pipeline's"),
        "{run}"
    );
}

/// The slim rows under `.rolo/index/rows-N` follow every change (a new segment for the
/// edit, the old document deleted) and come back when deleted, giving the same numbers.
#[test]
fn slim_rows_follow_edits_and_come_back() {
    let book = sales_book();
    let open_eur =
        |book: &TestBook| book.rolo(["pipeline", "--json"]).json()["open"]["total"]["EUR"].clone();
    let before = open_eur(&book);
    let rows_dir = || {
        std::fs::read_dir(book.path(".rolo/index"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("rows-"))
    };
    assert!(rows_dir().is_some(), "the first aggregate writes the rows");
    // A lead of 1000 EUR becomes 1500: the open EUR total grows by 500.
    book.rolo(["set", "a-lead", "value=1500"]).ok();
    let after = open_eur(&book);
    assert_eq!(after.as_f64().unwrap(), before.as_f64().unwrap() + 500.0);
    // A deal removed by hand leaves the rows of its old segment: it must not count.
    std::fs::remove_file(book.path("deals/a-lead.md")).unwrap();
    let removed = open_eur(&book);
    assert_eq!(removed.as_f64().unwrap(), before.as_f64().unwrap() - 1000.0);
    std::fs::remove_dir_all(rows_dir().unwrap()).unwrap();
    assert_eq!(open_eur(&book), removed);
    let files = book.command(["pipeline", "--json"]).env("ROLO_NO_INDEX", "1").output().unwrap();
    let files: Json = serde_json::from_slice(&files.stdout).unwrap();
    assert_eq!(files["open"]["total"]["EUR"], removed);
}

/// Rows of an earlier format are removed once rows of the current one are written.
#[test]
fn rows_of_an_earlier_format_are_removed() {
    let book = sales_book();
    book.rolo(["index"]).ok();
    let old = book.path(".rolo/index/rows-1");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("0123.deal"), "0\ta\t{}\n").unwrap();
    book.rolo(["pipeline"]).ok();
    assert!(!old.exists(), "rows-1 is left behind");
}
