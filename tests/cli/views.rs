//! `rolo view [NAME]`: saved views from `[views]` in rolo.toml, as plain queries and as
//! tables with list options; one table per kind; deal totals per currency over exactly
//! the rows shown; unknown views and bad queries.

use crate::support::TestBook;

/// Under the template's `[views]`, as a person adds them.
const VIEWS: &str = r#"[views]
hot = "type:deal stage:proposal OR stage:negotiation"
vip = "tag:vip"
broken = "type:deal OR"
"#;

/// At the end of the file.
const BIG: &str = r#"
[views.big]
query = "type:deal -stage:lost"
sort = "-value"
columns = ["title", "stage", "value", "close"]
limit = 3
"#;

/// Deals in three currencies, a lost one, VIP people and a VIP company.
fn book() -> TestBook {
    let b = TestBook::new();
    let config = b.read("rolo.toml");
    assert!(config.contains("\n[views]\n"), "the template has a [views] section");
    b.write("rolo.toml", &format!("{}{BIG}", config.replace("[views]\n", VIEWS)));
    let deal = |id: &str, title: &str, stage: &str, value: &str, currency: &str, close: &str| {
        b.write(
            &format!("deals/{id}.md"),
            &format!(
                "+++\ntitle = \"{title}\"\ncompany = \"altyn-mebel\"\nstage = \"{stage}\"\nvalue = {value}\ncurrency = \"{currency}\"\nclose = {close}\n+++\n"
            ),
        );
    };
    deal("mebel", "Интернет-магазин мебели", "negotiation", "3800000", "KZT", "2026-12-15");
    deal("sayt", "Редизайн сайта", "proposal", "450000", "RUB", "2026-12-20");
    deal("shop", "Online-Shop Relaunch", "proposal", "18500", "EUR", "2027-01-31");
    deal("app", "微信小程序开发", "negotiation", "85000", "CNY", "2026-12-01");
    deal("kaspi", "Kaspi интеграция", "proposal", "1200000", "KZT", "2026-12-10");
    deal("old", "Старый тендер", "lost", "9000000", "KZT", "2026-10-01");
    deal("lead", "Лендинг", "lead", "200", "EUR", "2027-03-01");
    b.write(
        "companies/altyn-mebel.md",
        "+++\nname = \"ТОО «Алтын Мебель»\"\ntags = [\"vip\"]\ncity = \"Алматы\"\n+++\n",
    );
    b.write(
        "contacts/aygul.md",
        "+++\nname = \"Айгүл Сейітқызы\"\ntags = [\"vip\"]\nemails = [\"aygul@altynmebel.kz\"]\ncompany = \"altyn-mebel\"\n+++\n",
    );
    b.write("contacts/wang.md", "+++\nname = \"王小明\"\ntags = [\"vip\"]\n+++\n");
    b.write("contacts/jurgen.md", "+++\nname = \"Jürgen Größer\"\ntags = [\"b2b\"]\n+++\n");
    b
}

/// `rolo ARGS` on a wide terminal, so that no cell wraps.
fn wide(b: &TestBook, args: &[&str]) -> crate::support::Run {
    let mut cmd = b.command(args);
    cmd.env("COLUMNS", "250");
    crate::support::run(cmd)
}

fn ids(json: &serde_json::Value) -> Vec<String> {
    json.as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{}/{}", r["type"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect()
}

#[test]
fn a_view_without_options_is_the_deal_list_with_totals_per_currency() {
    let b = book();
    let run = b.rolo(["view", "hot"]);
    let out = run.ok();
    // The deal list's own columns and order (by stage, then title).
    let header = out.lines().nth(1).unwrap();
    for column in ["ID", "TITLE", "STAGE", "VALUE", "CLOSE", "WITH"] {
        assert!(header.contains(column), "{header}");
    }
    let order: Vec<&str> = ["kaspi", "shop", "sayt", "mebel", "app"]
        .into_iter()
        .filter(|id| out.contains(&format!("│ {id} ")))
        .collect();
    assert_eq!(order.len(), 5, "{run}");
    let at = |id: &str| out.find(&format!("│ {id} ")).unwrap();
    assert!(
        at("kaspi") < at("mebel") && at("shop") < at("app"),
        "proposal before negotiation:\n{out}"
    );
    assert!(!out.contains("│ old ") && !out.contains("│ lead "), "{out}");
    // Each currency on its own, never added together.
    assert_eq!(
        out.lines().last().unwrap(),
        "Total: 85 000 CNY, 18 500 EUR, 5 000 000 KZT, 450 000 RUB"
    );
}

#[test]
fn a_view_with_options_sorts_cuts_and_chooses_columns() {
    let b = book();
    let run = b.rolo(["view", "big"]);
    let out = run.ok();
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('│')).collect();
    assert_eq!(rows.len(), 4, "a header and the three largest:\n{out}");
    for column in ["TITLE", "STAGE", "VALUE", "CLOSE"] {
        assert!(rows[0].contains(column), "{out}");
    }
    assert!(
        !rows[0].contains("ID") && !rows[0].contains("WITH"),
        "only the view's columns:\n{out}"
    );
    assert!(
        rows[1].contains("Интернет-магазин мебели") && rows[1].contains("3 800 000 KZT"),
        "{out}"
    );
    assert!(rows[2].contains("Kaspi интеграция"), "{out}");
    assert!(rows[3].contains("Редизайн сайта") && rows[3].contains("2026-12-20"), "{out}");
    assert!(!out.contains("Старый тендер"), "lost deals are excluded by the query");
    // The totals are of the rows shown, not of every deal the query found.
    assert_eq!(out.lines().last().unwrap(), "Total: 5 000 000 KZT, 450 000 RUB");
    let json = b.rolo(["view", "big", "--json"]).json();
    assert_eq!(ids(&json), ["deal/mebel", "deal/kaspi", "deal/sayt"]);
}

#[test]
fn records_of_several_kinds_get_one_table_each() {
    let b = book();
    let run = wide(&b, &["view", "vip"]);
    let out = run.ok();
    assert!(out.starts_with("contacts (2)\n"), "{out}");
    assert!(out.contains("\n\ncompanies (1)\n"), "{out}");
    assert!(
        out.contains("Айгүл Сейітқызы")
            && out.contains("王小明")
            && out.contains("ТОО «Алтын Мебель»")
    );
    assert!(
        out.contains("LAST CONTACT") && out.contains("DOMAIN"),
        "each kind's own columns:\n{out}"
    );
    assert!(!out.contains("Jürgen") && !out.contains("Total"), "{out}");
    let json = b.rolo(["--json", "view", "vip"]).json();
    assert_eq!(ids(&json), ["contact/aygul", "contact/wang", "company/altyn-mebel"]);
    assert_eq!(json[0]["emails"], serde_json::json!(["aygul@altynmebel.kz"]));
    assert!(json[0].get("last_contact").is_some(), "as list --json prints records");
}

#[test]
fn view_lists_the_views() {
    let b = book();
    let run = wide(&b, &["view"]);
    let out = run.ok();
    for line in ["hot", "type:deal stage:proposal OR stage:negotiation", "vip", "tag:vip", "big"] {
        assert!(out.contains(line), "{line}:\n{out}");
    }
    assert!(out.contains("sort -value; columns title, stage, value, close; limit 3"), "{out}");
    let json = b.rolo(["--json", "view"]).json();
    let names: Vec<&str> =
        json.as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["hot", "vip", "broken", "big"], "in the order of rolo.toml");
    assert_eq!(json[3]["sort"], "-value");
    assert_eq!(json[3]["limit"], 3);
    // A new book has none, and says where they go.
    let empty = TestBook::new();
    let run = empty.rolo(["view"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert!(run.stderr.contains("[views] in rolo.toml"), "{run}");
}

#[test]
fn unknown_views_and_bad_queries_are_usage_errors() {
    let b = book();
    let run = b.rolo(["view", "cold"]);
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "error: no view \"cold\"; the views are: hot, vip, broken, big\n");
    let run = b.rolo(["view", "broken"]);
    assert_eq!(run.code, 2, "{run}");
    let line = b.read("rolo.toml").lines().position(|l| l.starts_with("broken =")).unwrap() + 1;
    assert_eq!(
        run.stderr,
        format!("error: rolo.toml:{line}:21: view \"broken\": OR needs a term on each side\n")
    );
    // The other views still work.
    b.rolo(["view", "hot"]).ok();
    // A view that finds nothing is an empty list, not a failure.
    let config = b.read("rolo.toml");
    b.write("rolo.toml", &config.replace("vip = \"tag:vip\"", "vip = \"tag:nobody\""));
    let run = b.rolo(["view", "vip"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run}");
    assert!(run.stderr.contains("Nothing matches view \"vip\"."), "{run}");
    // A view of the wrong shape is a bad rolo.toml for every command (exit 1).
    b.write("rolo.toml", &format!("{config}\n[views.odd]\nqeury = \"x\"\n"));
    let run = b.rolo(["view"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("unknown key `qeury`"), "{run}");
}
