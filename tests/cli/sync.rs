//! `rolo sync` against a real bare remote and two clones of one book: records added on
//! both sides, different keys of one record, sets, deal history, body against front
//! matter, the same key on both sides (conflict, `--continue`, `--abort`), a plain `git
//! pull` after rolo ran once, no remote, an unreachable remote, a rejected push.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::fixtures::{add, front, front_of, script};
use crate::support::{Run, TestBook, run};

/// Clone `a` (a book made by `rolo init`, synced to a bare remote) and clone `b` of it.
struct Pair {
    a: TestBook,
    b: PathBuf,
    remote: PathBuf,
}

impl Pair {
    fn new() -> Pair {
        let a = TestBook::new();
        add(&a, &["contact", "add", "Анна Петрова", "--title", "Manager", "--tag", "vip"]);
        add(&a, &["deal", "add", "Сайт для 王小明", "--value", "12000", "--currency", "KZT"]);
        let sandbox = a.root().parent().unwrap().to_path_buf();
        let remote = sandbox.join("remote.git");
        git(&sandbox, &["init", "--quiet", "--bare", "remote.git"]);
        a.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
        let first = a.rolo(["sync"]);
        // The remote had no branch: the whole history went out, and the summary says so.
        assert!(ok(&first).contains("pulled 0 changes, pushed 3 commits."), "{first}");
        git(&sandbox, &["clone", "--quiet", remote.to_str().unwrap(), "b"]);
        Pair { a, b: sandbox.join("b"), remote }
    }

    fn a(&self, args: &[&str]) -> Run {
        self.a.rolo(args)
    }

    fn b(&self, args: &[&str]) -> Run {
        let mut cmd = self.a.command(args);
        cmd.current_dir(&self.b);
        run(cmd)
    }

    fn b_read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.b.join(rel)).unwrap()
    }

    fn b_write(&self, rel: &str, text: &str) {
        std::fs::write(self.b.join(rel), text).unwrap();
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[track_caller]
fn ok(run: &Run) -> &str {
    assert_eq!(run.code, 0, "{run}");
    &run.stderr
}

const ANNA: &str = "contacts/anna-petrova.md";

#[test]
fn records_added_on_both_sides_meet() {
    let p = Pair::new();
    add(&p.a, &["contact", "add", "Айгүл Сейітқызы"]);
    let from_b = p.b(&["contact", "add", "Jürgen Groß"]);
    assert_eq!(from_b.code, 0, "{from_b}");
    assert!(ok(&p.a(&["sync"])).contains("pulled 0 changes, pushed 1 change (1 contact)"));
    let b = p.b(&["sync", "--json"]);
    assert!(ok(&b).contains("pulled 1 change (1 contact), pushed 1 change (1 contact)"), "{b}");
    let json: serde_json::Value = serde_json::from_str(&b.stdout).unwrap();
    assert_eq!(json["status"], "done");
    assert_eq!(json["pulled"][0]["id"], "aygul-seyitqyzy");
    assert_eq!(json["pulled"][0]["type"], "contact");
    assert_eq!(json["pulled"][0]["action"], "added");
    assert!(json["git_ms"].is_number() && json["index_ms"].is_number());
    // The clone had no commit-graph; after a sync it has one (history reads through it).
    assert!(p.b.join(".git/objects/info/commit-graphs/commit-graph-chain").is_file());
    ok(&p.a(&["sync"]));
    assert!(p.a.exists("contacts/jurgen-gross.md"));
    assert!(p.b.join("contacts/aygul-seyitqyzy.md").exists());
    // Found by search at once: the index follows the files sync brought in.
    ok(&p.a(&["search", "Jürgen"]));
    assert!(ok(&p.a(&["sync"])).contains("Up to date."));
}

#[test]
fn different_keys_of_one_record_merge() {
    let p = Pair::new();
    p.a(&["set", "anna-petrova", "title=CTO"]);
    p.b(&["set", "anna-petrova", "city=Алматы"]);
    ok(&p.a(&["sync"]));
    let b = p.b(&["sync"]);
    assert!(ok(&b).contains("pulled 1 change (1 contact), pushed 1 change (1 contact)"), "{b}");
    ok(&p.a(&["sync"]));
    for text in [p.a.read(ANNA), p.b_read(ANNA)] {
        let f = front(&text);
        assert_eq!(f["title"].as_str(), Some("CTO"), "{text}");
        assert_eq!(f["city"].as_str(), Some("Алматы"), "{text}");
    }
    assert_eq!(p.a.read(ANNA), p.b_read(ANNA));
}

#[test]
fn tags_added_and_removed_on_both_sides() {
    let p = Pair::new();
    p.a(&["set", "anna-petrova", "tags+=b2b", "tags-=vip"]);
    p.b(&["set", "anna-petrova", "tags+=клиент"]);
    ok(&p.a(&["sync"]));
    ok(&p.b(&["sync"]));
    let tags = front(&p.b_read(ANNA))["tags"].clone();
    let tags: Vec<&str> = tags.as_array().unwrap().iter().filter_map(|t| t.as_str()).collect();
    assert!(
        tags.contains(&"b2b") && tags.contains(&"клиент") && !tags.contains(&"vip"),
        "{tags:?}"
    );
}

#[test]
fn a_deal_moved_on_one_side_and_revalued_on_the_other_keeps_both() {
    let p = Pair::new();
    let deal = "deals/sayt-dlya-wang-xiao-ming.md";
    assert!(p.a.exists(deal), "the deal's id");
    let mut a = p.a.command(["deal", "move", "sayt", "proposal"]);
    a.env("ROLO_NOW", "2026-11-24T10:00:00+05:00");
    assert_eq!(run(a).code, 0);
    let mut b = p.a.command(["deal", "move", "sayt", "qualified"]);
    b.current_dir(&p.b).env("ROLO_NOW", "2026-11-25T10:00:00+05:00");
    assert_eq!(run(b).code, 0);
    p.b(&["set", "sayt", "value=15000"]);
    ok(&p.a(&["sync"]));
    let synced = p.b(&["sync"]);
    // Both moved the stage: that one key conflicts, the history and the value merge.
    assert_eq!(synced.code, 1, "{synced}");
    assert!(
        synced
            .stderr
            .contains(&format!("{deal}: stage: \"proposal\" (remote) vs \"qualified\" (local)")),
        "{synced}"
    );
    p.b(&["sync", "--abort"]);
    // Now only the value on one side and the stage on the other.
    let p = Pair::new();
    let mut a = p.a.command(["deal", "move", "sayt", "proposal"]);
    a.env("ROLO_NOW", "2026-11-24T10:00:00+05:00");
    assert_eq!(run(a).code, 0);
    p.b(&["set", "sayt", "value=15000"]);
    ok(&p.a(&["sync"]));
    ok(&p.b(&["sync"]));
    let f = front(&p.b_read(deal));
    assert_eq!(f["stage"].as_str(), Some("proposal"));
    assert_eq!(f["value"].as_integer(), Some(15000));
    let history: Vec<&str> =
        f["history"].as_array().unwrap().iter().map(|h| h["stage"].as_str().unwrap()).collect();
    assert_eq!(history, ["lead", "proposal"]);
}

#[test]
fn body_on_one_side_front_matter_on_the_other() {
    let p = Pair::new();
    // A hand edit of the body, committed by sync itself.
    let text = p.a.read(ANNA);
    p.a.write(ANNA, &format!("{text}Любит зелёный чай.\n"));
    p.b(&["set", "anna-petrova", "stage=customer"]);
    let a = p.a(&["sync"]);
    assert!(
        ok(&a).contains("Committed changes made outside rolo first: contacts/anna-petrova.md."),
        "{a}"
    );
    ok(&p.b(&["sync"]));
    let merged = p.b_read(ANNA);
    assert!(merged.contains("Любит зелёный чай."), "{merged}");
    assert_eq!(front(&merged)["stage"].as_str(), Some("customer"));
}

#[test]
fn the_same_key_on_both_sides_stops_and_continues() {
    let p = Pair::new();
    p.a(&["set", "anna-petrova", "title=CTO"]);
    p.b(&["set", "anna-petrova", "title=CEO"]);
    ok(&p.a(&["sync"]));
    let head_before = git(&p.b, &["rev-parse", "HEAD"]);
    let stopped = p.b(&["sync"]);
    assert_eq!(stopped.code, 1, "{stopped}");
    assert!(
        stopped
            .stderr
            .contains("contacts/anna-petrova.md: title: \"CTO\" (remote) vs \"CEO\" (local)"),
        "{stopped}"
    );
    assert!(stopped.stderr.contains("rolo sync --continue") && stopped.stderr.contains("--abort"));
    // Nothing lost: both values are in the file between markers.
    let text = p.b_read(ANNA);
    assert!(
        text.contains("<<<<<<<") && text.contains("\"CTO\"") && text.contains("\"CEO\""),
        "{text}"
    );
    // Every command says a sync is stopped; changes other than fixing wait.
    let listed = p.b(&["contact", "list"]);
    assert!(listed.stderr.contains("a sync is stopped on conflicts"), "{listed}");
    let refused = p.b(&["set", "anna-petrova", "city=Алматы"]);
    assert_eq!(refused.code, 2, "{refused}");
    // --continue with the markers still there is refused.
    let early = p.b(&["sync", "--continue"]);
    assert_ne!(early.code, 0, "{early}");
    assert!(early.stderr.contains("conflict markers are still there"), "{early}");
    // Fix by keeping the local side.
    let fixed: String = text
        .lines()
        .filter(|l| {
            !l.starts_with("<<<<<<<") && !l.starts_with("=======") && !l.starts_with(">>>>>>>")
        })
        .filter(|l| *l != "title = \"CTO\"")
        .map(|l| format!("{l}\n"))
        .collect();
    p.b_write(ANNA, &fixed);
    let done = p.b(&["sync", "--continue"]);
    assert!(ok(&done).contains("pushed 1 change (1 contact)"), "{done}");
    ok(&p.a(&["sync"]));
    assert_eq!(front_of(&p.a, ANNA)["title"].as_str(), Some("CEO"));
    assert_ne!(git(&p.b, &["rev-parse", "HEAD"]), head_before);
    assert!(!p.b_read(ANNA).contains("<<<<<<<"));
    assert!(!p.b(&["contact", "list"]).stderr.contains("sync is stopped"));
}

#[test]
fn abort_returns_to_where_the_book_was() {
    let p = Pair::new();
    p.a(&["set", "anna-petrova", "title=CTO"]);
    p.b(&["set", "anna-petrova", "title=CEO"]);
    ok(&p.a(&["sync"]));
    let head_before = git(&p.b, &["rev-parse", "HEAD"]);
    let text_before = p.b_read(ANNA);
    assert_eq!(p.b(&["sync"]).code, 1);
    ok(&p.b(&["sync", "--abort"]));
    assert_eq!(git(&p.b, &["rev-parse", "HEAD"]), head_before);
    assert_eq!(p.b_read(ANNA), text_before);
    assert_eq!(git(&p.b, &["status", "--porcelain"]), "");
    ok(&p.b(&["set", "anna-petrova", "city=Алматы"]));
}

#[test]
fn a_plain_git_pull_merges_records_after_rolo_ran_once() {
    let p = Pair::new();
    // The clone has never seen rolo: the first command installs the merge driver.
    ok(&p.b(&["contact", "list"]));
    p.a(&["set", "anna-petrova", "title=CTO"]);
    ok(&p.a(&["sync"]));
    p.b(&["set", "anna-petrova", "city=Алматы"]);
    for pull in
        [["pull", "--quiet", "--no-rebase", "--no-edit"], ["pull", "--quiet", "--rebase", "--stat"]]
    {
        git(&p.b, &pull);
    }
    let f = front(&p.b_read(ANNA));
    assert_eq!(f["title"].as_str(), Some("CTO"));
    assert_eq!(f["city"].as_str(), Some("Алматы"));
}

#[test]
fn no_remote_and_an_unreachable_remote_fail_clearly_keeping_commits() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Ерлан Ахметов"]);
    let none = book.rolo(["sync"]);
    assert_eq!(none.code, 1, "{none}");
    assert!(none.stderr.contains("no remote") && none.stderr.contains("git remote add"), "{none}");
    book.git(&["remote", "add", "origin", "/nonexistent/remote.git"]);
    let head = book.git(&["rev-parse", "HEAD"]);
    let gone = book.rolo(["sync"]);
    assert_eq!(gone.code, 1, "{gone}");
    assert!(gone.stderr.contains("cannot fetch from origin (/nonexistent/remote.git)"), "{gone}");
    assert_eq!(book.git(&["rev-parse", "HEAD"]), head, "local commits kept");
}

#[test]
fn autocommit_off_refuses_uncommitted_records() {
    let book = TestBook::new();
    let toml = book.read("rolo.toml").replace("autocommit = true", "autocommit = false");
    book.write("rolo.toml", &toml);
    crate::fixtures::commit_all(&book, "autocommit off");
    book.write("contacts/hand.md", "+++\nname = \"Hand Made\"\n+++\n");
    let sandbox = book.root().parent().unwrap().to_path_buf();
    git(&sandbox, &["init", "--quiet", "--bare", "r.git"]);
    book.git(&["remote", "add", "origin", sandbox.join("r.git").to_str().unwrap()]);
    let refused = book.rolo(["sync"]);
    assert_ne!(refused.code, 0, "{refused}");
    assert!(refused.stderr.contains("contacts/hand.md"), "{refused}");
}

#[test]
fn a_push_rejected_because_the_other_clone_pushed_first_is_retried() {
    let p = Pair::new();
    // a has a commit ready to push; b's pre-push hook pushes it just before b's push.
    p.a(&["set", "anna-petrova", "title=CTO"]);
    let a_root = p.a.root();
    let hook = script(
        &p.a,
        "pre-push",
        &format!(
            "if [ ! -e \"{m}\" ]; then touch \"{m}\"; cd \"{a}\" && env -u GIT_DIR -u GIT_INDEX_FILE git push --quiet origin HEAD:refs/heads/$(git symbolic-ref --short HEAD); fi",
            m = p.remote.with_extension("pushed").display(),
            a = a_root.display()
        ),
    );
    std::fs::copy(&hook, p.b.join(".git/hooks/pre-push")).unwrap();
    p.b(&["set", "anna-petrova", "city=Алматы"]);
    let synced = p.b(&["sync"]);
    assert!(
        ok(&synced).contains("pulled 1 change (1 contact), pushed 1 change (1 contact)"),
        "{synced}"
    );
    assert!(p.remote.with_extension("pushed").exists(), "the hook ran");
    let f = front(&p.b_read(ANNA));
    assert_eq!(f["title"].as_str(), Some("CTO"));
    assert_eq!(f["city"].as_str(), Some("Алматы"));
    ok(&p.a(&["sync"]));
    assert_eq!(front_of(&p.a, ANNA)["city"].as_str(), Some("Алматы"));
}
