//! Relationships: `rolo relate A KIND B` and `rolo unrelate A B [KIND]` (one commit each),
//! `show` listing them on both sides with the inverse kind from `[relations]` (or "KIND
//! of"), `show --json` `relations`, and rename, rm, merge and check treating them as links.

use serde_json::json;

use crate::support::TestBook;

/// Three people and a company.
fn book() -> TestBook {
    let b = TestBook::new();
    for name in ["Анна Петрова", "Иван Петров", "Миша Петров"] {
        b.rolo(["contact", "add", name]).ok();
    }
    b.rolo(["company", "add", "ТОО «Алтын Мебель»"]).ok();
    b
}

/// `(to, kind, direction)` of `show --json` `relations`.
fn relations(b: &TestBook, reference: &str) -> Vec<(String, String, String)> {
    let shown = b.rolo(["show", reference, "--json"]).json();
    shown["relations"]
        .as_array()
        .unwrap_or_else(|| panic!("no relations: {shown}"))
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("to"), s("kind"), s("direction"))
        })
        .collect()
}

fn rel(to: &str, kind: &str, direction: &str) -> (String, String, String) {
    (to.into(), kind.into(), direction.into())
}

#[test]
fn relations_show_on_both_sides_with_inverse_kinds() {
    let b = book();
    let run = b.rolo(["relate", "ivan-petrov", "spouse", "anna-petrova"]);
    run.ok();
    assert!(run.stderr.contains("Related contact/ivan-petrov to contact/anna-petrova (spouse)."));
    assert_eq!(b.log()[0], "contact: relate Иван Петров to Анна Петрова (spouse)");
    assert!(
        b.read("contacts/ivan-petrov.md")
            .contains("relations = [{ to = \"anna-petrova\", kind = \"spouse\" }]\n"),
        "{}",
        b.read("contacts/ivan-petrov.md")
    );
    b.rolo(["relate", "misha-petrov", "parent", "anna-petrova"]).ok();
    b.rolo(["relate", "too-altyn-mebel", "former employee", "anna-petrova"]).ok();
    b.rolo(["relate", "anna-petrova", "referred_by", "too-altyn-mebel"]).ok();
    assert_eq!(b.log().len(), 9, "one commit each: {:?}", b.log());

    // Both sides, in both stores (index and files).
    for no_index in ["0", "1"] {
        let mut cmd = b.command(["show", "anna-petrova", "--json"]);
        cmd.env("ROLO_NO_INDEX", no_index);
        let shown = crate::support::run(cmd).json();
        let got: Vec<_> = shown["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (r["to"].clone(), r["kind"].clone(), r["direction"].clone(), r["title"].clone())
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    json!("company/too-altyn-mebel"),
                    json!("referred_by"),
                    json!("out"),
                    json!("ТОО «Алтын Мебель»")
                ),
                (json!("contact/ivan-petrov"), json!("spouse"), json!("in"), json!("Иван Петров")),
                (json!("contact/misha-petrov"), json!("child"), json!("in"), json!("Миша Петров")),
                (
                    json!("company/too-altyn-mebel"),
                    json!("former employee of"),
                    json!("in"),
                    json!("ТОО «Алтын Мебель»")
                ),
            ],
            "ROLO_NO_INDEX={no_index}"
        );
        assert!(shown["linked_from"].as_array().unwrap().is_empty(), "a relation is no key link");
    }
    assert_eq!(
        relations(&b, "too-altyn-mebel"),
        [
            rel("contact/anna-petrova", "former employee", "out"),
            rel("contact/anna-petrova", "referred", "in")
        ]
    );
    assert_eq!(relations(&b, "misha-petrov"), [rel("contact/anna-petrova", "parent", "out")]);

    let text = b.rolo(["show", "anna-petrova"]).ok().to_string();
    let section = text.split("\nRelations\n").nth(1).unwrap_or_else(|| panic!("{text}"));
    let lines: Vec<String> =
        section.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(
        lines,
        [
            "referred_by: company/too-altyn-mebel ТОО «Алтын Мебель»",
            "spouse: contact/ivan-petrov Иван Петров",
            "child: contact/misha-petrov Миша Петров",
            "former employee of: company/too-altyn-mebel ТОО «Алтын Мебель»",
        ],
        "{text}"
    );
    assert!(!text.contains("relations:"), "the entries are not repeated as a field: {text}");

    // Related already, from either side: nothing changes.
    let again = b.rolo(["relate", "anna-petrova", "spouse", "ivan-petrov"]);
    again.ok();
    assert!(again.stderr.contains("related so already"), "{again}");
    let again = b.rolo(["relate", "anna-petrova", "child", "misha-petrov"]);
    assert!(again.stderr.contains("related so already"), "{again}");
    assert_eq!(b.log().len(), 9);
}

#[test]
fn inverse_kinds_come_from_rolo_toml() {
    let b = book();
    let config = b.read("rolo.toml");
    assert!(config.contains("[relations]\n"), "the template has [relations]");
    b.write(
        "rolo.toml",
        &config.replace("[relations]\n", "[relations]\n\"наставник\" = \"ученик\"\n"),
    );
    b.rolo(["relate", "misha-petrov", "наставник", "ivan-petrov"]).ok();
    b.rolo(["relate", "misha-petrov", "manager", "anna-petrova"]).ok();
    b.rolo(["relate", "anna-petrova", "friend", "ivan-petrov"]).ok();
    assert_eq!(
        relations(&b, "ivan-petrov"),
        [
            rel("contact/anna-petrova", "friend of", "in"),
            rel("contact/misha-petrov", "ученик", "in")
        ]
    );
    assert_eq!(relations(&b, "anna-petrova")[1], rel("contact/misha-petrov", "reports", "in"));
}

#[test]
fn rename_keeps_relations_and_rm_warns() {
    let b = book();
    b.rolo(["relate", "ivan-petrov", "spouse", "anna-petrova"]).ok();
    b.rolo(["relate", "too-altyn-mebel", "client", "anna-petrova"]).ok();
    let run = b.rolo(["rename", "anna-petrova", "anna-ivanova"]);
    run.ok();
    assert!(run.stderr.contains("updated 2 records"), "{run}");
    assert!(
        b.read("contacts/ivan-petrov.md").contains("{ to = \"anna-ivanova\", kind = \"spouse\" }")
    );
    assert!(
        b.read("companies/too-altyn-mebel.md")
            .contains("{ to = \"anna-ivanova\", kind = \"client\" }")
    );
    assert_eq!(
        relations(&b, "anna-ivanova"),
        [
            rel("contact/ivan-petrov", "spouse", "in"),
            rel("company/too-altyn-mebel", "client of", "in")
        ]
    );
    // A company renamed: the relation written `company/…` stays qualified.
    b.rolo(["relate", "misha-petrov", "employer", "company/too-altyn-mebel"]).ok();
    b.write(
        "contacts/misha-petrov.md",
        &b.read("contacts/misha-petrov.md")
            .replace("to = \"too-altyn-mebel\"", "to = \"company/too-altyn-mebel\""),
    );
    b.rolo(["rename", "company/too-altyn-mebel", "altyn-mebel"]).ok();
    assert!(
        b.read("contacts/misha-petrov.md")
            .contains("{ to = \"company/altyn-mebel\", kind = \"employer\" }")
    );

    let rm = b.rolo(["rm", "anna-ivanova"]);
    rm.ok();
    assert!(
        rm.stderr.contains("warning: contact/anna-ivanova still linked from: ")
            && rm.stderr.contains("contact/ivan-petrov")
            && rm.stderr.contains("company/altyn-mebel"),
        "{rm}"
    );
    let check = b.rolo(["check"]);
    assert_eq!(check.code, 1, "{check}");
    assert!(
        check.stdout.contains("contacts/ivan-petrov.md:")
            && check
                .stdout
                .contains("link: relation to \"anna-ivanova\" names no contact or company"),
        "{check}"
    );
    let text = b.rolo(["show", "ivan-petrov"]).ok().to_string();
    assert!(
        text.contains("spouse:")
            && text.contains("anna-ivanova")
            && text.contains("(no such record)"),
        "{text}"
    );
}

#[test]
fn unrelate_removes_either_side() {
    let b = book();
    b.rolo(["relate", "ivan-petrov", "spouse", "anna-petrova"]).ok();
    b.rolo(["relate", "anna-petrova", "colleague", "ivan-petrov"]).ok();
    b.rolo(["relate", "anna-petrova", "manager", "too-altyn-mebel"]).ok();
    // By a kind as Анна sees it: written on Иван.
    let run = b.rolo(["unrelate", "anna-petrova", "ivan-petrov", "spouse"]);
    run.ok();
    assert!(run.stderr.contains("Removed contact/ivan-petrov → anna-petrova (spouse)."), "{run}");
    assert_eq!(b.log()[0], "contact: unrelate Анна Петрова and Иван Петров");
    assert!(
        !b.read("contacts/ivan-petrov.md").contains("relations"),
        "the key goes with its last entry"
    );
    assert_eq!(relations(&b, "ivan-petrov"), [rel("contact/anna-petrova", "colleague of", "in")]);
    // A kind they do not have: exit 1, nothing changes.
    let commits = b.log().len();
    let none = b.rolo(["unrelate", "anna-petrova", "ivan-petrov", "spouse"]);
    assert_eq!(none.code, 1, "{none}");
    assert!(none.stderr.contains("are not related as spouse"), "{none}");
    // Without a kind: all of them.
    b.rolo(["unrelate", "ivan-petrov", "anna-petrova"]).ok();
    assert!(relations(&b, "ivan-petrov").is_empty());
    assert_eq!(relations(&b, "anna-petrova"), [rel("company/too-altyn-mebel", "manager", "out")]);
    assert_eq!(b.log().len(), commits + 1);
}

#[test]
fn relate_refuses_what_it_cannot_relate() {
    let b = book();
    b.rolo(["deal", "add", "Поставка мебели"]).ok();
    let itself = b.rolo(["relate", "anna-petrova", "spouse", "anna-petrova"]);
    assert_eq!(itself.code, 2, "{itself}");
    let deal = b.rolo(["relate", "anna-petrova", "owner", "postavka-mebeli"]);
    assert_eq!(deal.code, 2, "a deal is not related: {deal}");
    let blank = b.rolo(["relate", "anna-petrova", " ", "ivan-petrov"]);
    assert_eq!(blank.code, 2, "{blank}");
    assert!(!b.read("contacts/anna-petrova.md").contains("relations"));
}

/// An id that is both a contact's and a company's is written `type/id`.
#[test]
fn a_shared_id_is_qualified() {
    let b = TestBook::new();
    b.rolo(["contact", "add", "王小明"]).ok();
    b.rolo(["company", "add", "Wang Xiao Ming"]).ok();
    b.rolo(["contact", "add", "Li Na"]).ok();
    b.rolo(["relate", "li-na", "client", "company/wang-xiao-ming"]).ok();
    assert!(
        b.read("contacts/li-na.md")
            .contains("{ to = \"company/wang-xiao-ming\", kind = \"client\" }")
    );
    assert_eq!(relations(&b, "contact/wang-xiao-ming"), []);
    assert_eq!(relations(&b, "company/wang-xiao-ming"), [rel("contact/li-na", "client of", "in")]);
}
