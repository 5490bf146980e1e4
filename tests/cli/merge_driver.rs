//! The merge driver through real git: a bare remote, two clones of one book with the
//! driver configured by hand (`merge.rolo.driver` and `*.md merge=rolo`), and `git pull`
//! merging or rebasing records that both clones changed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::fixtures::{front, strs};
use crate::support::{Run, TestBook, run};

const ANNA: &str = "contacts/anna-petrova.md";
const ANNA_TEXT: &str = "+++
# met at a conference in Almaty
name = \"Анна Петрова\"
title = \"Manager\"  # since 2024
company = \"acme\"
tags = [\"vip\", \"b2b\"]
city = \"Алматы\"
+++
# Заметки

Любит чай.
";

const DEAL: &str = "deals/sayt-wang.md";
const DEAL_TEXT: &str = "+++
title = \"Сайт для 王小明\"
stage = \"lead\"
value = 12000
currency = \"EUR\"

[[history]]
stage = \"lead\"
at = 2026-11-01T05:00:00Z
+++
";

/// Two clones of one book behind a bare remote: `a` pushes first, `b` pulls.
struct Clones {
    book: TestBook,
    b: PathBuf,
}

impl Clones {
    fn new(records: &[(&str, &str)]) -> Clones {
        Clones::with_driver(records, "merge-file %O %A %B %P")
    }

    /// `driver`: the arguments git gives `rolo`.
    fn with_driver(records: &[(&str, &str)], driver: &str) -> Clones {
        let book = TestBook::new();
        for (path, text) in records {
            book.write(path, text);
        }
        book.write(".gitattributes", "*.md merge=rolo\n");
        let a = book.root();
        let sandbox = a.parent().unwrap().to_path_buf();
        let remote = sandbox.join("remote.git");
        let b = sandbox.join("b");
        git_ok(&a, &["add", "-A"]);
        git_ok(&a, &["commit", "-qm", "records"]);
        git_ok(&a, &["branch", "-M", "main"]);
        git_ok(&sandbox, &["init", "-q", "--bare", remote.to_str().unwrap()]);
        git_ok(&a, &["remote", "add", "origin", remote.to_str().unwrap()]);
        git_ok(&a, &["push", "-q", "-u", "origin", "main"]);
        git_ok(&sandbox, &["clone", "-q", "-b", "main", remote.to_str().unwrap(), "b"]);
        let command = format!("'{}' {driver}", env!("CARGO_BIN_EXE_rolo"));
        for dir in [&a, &b] {
            git_ok(dir, &["config", "merge.rolo.name", "rolo: records key by key"]);
            git_ok(dir, &["config", "merge.rolo.driver", &command]);
        }
        Clones { book, b }
    }

    fn a(&self) -> PathBuf {
        self.book.root()
    }

    /// `rolo` in clone `dir` at time `now` (it commits what it changes).
    fn rolo(&self, dir: &Path, now: &str, args: &[&str]) -> String {
        let mut cmd = self.book.command(args);
        cmd.current_dir(dir).env("ROLO_NOW", now);
        let out = run(cmd);
        assert_eq!(out.code, 0, "rolo {args:?} in {}:\n{out}", dir.display());
        out.stdout
    }

    /// A hand edit in clone `dir`, committed.
    fn hand_edit(&self, dir: &Path, path: &str, from: &str, to: &str) {
        let file = dir.join(path);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{from:?} not in {path}:\n{text}");
        std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
        git_ok(dir, &["commit", "-qam", &format!("edit {path} by hand")]);
    }

    fn read(&self, dir: &Path, path: &str) -> String {
        std::fs::read_to_string(dir.join(path)).unwrap()
    }

    fn push_a(&self) {
        git_ok(&self.a(), &["push", "-q"]);
    }
}

fn git(dir: &Path, args: &[&str]) -> Run {
    let home = dir.parent().unwrap().join("home");
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("LC_ALL", "C")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_MERGE_AUTOEDIT", "no")
        .env("GIT_EDITOR", "true")
        .stdin(Stdio::null());
    run(cmd)
}

#[track_caller]
fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert_eq!(out.code, 0, "git {args:?} in {}:\n{out}", dir.display());
    out.stdout
}

/// `text` with each `(from, to)` replaced once, in turn.
fn edited(text: &str, changes: &[(&str, &str)]) -> String {
    changes.iter().fold(text.to_string(), |t, (from, to)| {
        assert!(t.contains(from), "{from:?}");
        t.replacen(from, to, 1)
    })
}

const NOW: &str = "2026-11-23T10:00:00+05:00";

// Keys on neighbouring lines: git's own line merge would call these a conflict.

#[test]
fn different_keys_of_one_record_merge_on_pull() {
    let c = Clones::new(&[(ANNA, ANNA_TEXT)]);
    c.rolo(&c.a(), NOW, &["set", "anna-petrova", "title=CTO"]);
    c.push_a();
    c.rolo(&c.b, NOW, &["set", "anna-petrova", "company=globex"]);
    let pull = git(&c.b, &["pull", "--no-rebase"]);
    assert_eq!(pull.code, 0, "{pull}");
    assert_eq!(
        c.read(&c.b, ANNA),
        edited(ANNA_TEXT, &[("\"Manager\"", "\"CTO\""), ("\"acme\"", "\"globex\"")])
    );
    assert_eq!(git_ok(&c.b, &["status", "--porcelain"]), "");
    assert_eq!(git_ok(&c.b, &["rev-list", "--count", "--merges", "HEAD"]), "1\n");
    let mut show = c.book.command(["show", "anna-petrova", "--json"]);
    show.current_dir(&c.b);
    let json = run(show).json();
    assert_eq!((json["title"].as_str(), json["company"].as_str()), (Some("CTO"), Some("globex")));
}

#[test]
fn different_keys_of_one_record_rebase_on_pull() {
    let c = Clones::new(&[(ANNA, ANNA_TEXT)]);
    c.rolo(&c.a(), NOW, &["set", "anna-petrova", "title=CTO", "city=Астана"]);
    c.push_a();
    c.rolo(&c.b, NOW, &["set", "anna-petrova", "company=globex"]);
    let pull = git(&c.b, &["pull", "--rebase"]);
    assert_eq!(pull.code, 0, "{pull}");
    assert_eq!(
        c.read(&c.b, ANNA),
        edited(
            ANNA_TEXT,
            &[("\"Manager\"", "\"CTO\""), ("\"acme\"", "\"globex\""), ("\"Алматы\"", "\"Астана\"")]
        )
    );
    assert_eq!(git_ok(&c.b, &["rev-list", "--count", "--merges", "HEAD"]), "0\n", "linear");
    assert_eq!(git_ok(&c.b, &["status", "--porcelain"]), "");
    // And the rebased history pushes: the other clone gets the same file.
    git_ok(&c.b, &["push", "-q"]);
    git_ok(&c.a(), &["pull", "-q", "--rebase"]);
    assert_eq!(c.read(&c.a(), ANNA), c.read(&c.b, ANNA));
}

#[test]
fn tags_added_and_removed_on_both_sides() {
    let c = Clones::new(&[(ANNA, ANNA_TEXT)]);
    c.rolo(&c.a(), NOW, &["set", "anna-petrova", "tags+=партнёр", "tags-=b2b"]);
    c.push_a();
    c.rolo(&c.b, NOW, &["set", "anna-petrova", "tags+=客户", "tags-=vip"]);
    let pull = git(&c.b, &["pull", "--no-rebase"]);
    assert_eq!(pull.code, 0, "{pull}");
    // Ours' order (b's), then theirs' additions; each side's removals applied.
    let text = c.read(&c.b, ANNA);
    assert_eq!(front(&text)["tags"], strs(&["客户", "партнёр"]), "{text}");
    assert_eq!(text, edited(ANNA_TEXT, &[("[\"vip\", \"b2b\"]", "[\"客户\", \"партнёр\"]")]));
}

#[test]
fn a_deal_moved_on_both_sides_keeps_every_history_entry_in_time_order() {
    let c = Clones::new(&[(DEAL, DEAL_TEXT)]);
    c.rolo(&c.a(), "2026-11-03T10:00:00+05:00", &["deal", "move", "sayt-wang", "qualified"]);
    c.rolo(&c.a(), "2026-11-10T10:00:00+05:00", &["deal", "move", "sayt-wang", "proposal"]);
    c.push_a();
    c.rolo(&c.b, "2026-11-05T10:00:00+05:00", &["deal", "move", "sayt-wang", "proposal"]);
    c.rolo(&c.b, NOW, &["set", "sayt-wang", "value=15000"]);
    let pull = git(&c.b, &["pull", "--no-rebase"]);
    assert_eq!(pull.code, 0, "{pull}");
    let text = c.read(&c.b, DEAL);
    let deal = front(&text);
    assert_eq!(
        (deal["stage"].as_str(), deal["value"].as_integer()),
        (Some("proposal"), Some(15000))
    );
    let history: Vec<(String, String)> = deal["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["stage"].as_str().unwrap().into(), h["at"].to_string()))
        .collect();
    let entry = |stage: &str, at: &str| (stage.to_string(), at.to_string());
    assert_eq!(
        history,
        [
            entry("lead", "2026-11-01T05:00:00Z"),
            entry("qualified", "2026-11-03T05:00:00Z"),
            entry("proposal", "2026-11-05T05:00:00Z"),
            entry("proposal", "2026-11-10T05:00:00Z"),
        ],
        "{text}"
    );
}

#[test]
fn a_body_edit_and_a_front_matter_edit_merge() {
    let c = Clones::new(&[(ANNA, ANNA_TEXT)]);
    c.hand_edit(
        &c.a(),
        ANNA,
        "Любит чай.\n",
        "Любит чай.\n\nЗвонила 20 ноября: ждёт предложение.\n",
    );
    c.push_a();
    c.rolo(&c.b, NOW, &["set", "anna-petrova", "title=Директор"]);
    let pull = git(&c.b, &["pull", "--no-rebase"]);
    assert_eq!(pull.code, 0, "{pull}");
    assert_eq!(
        c.read(&c.b, ANNA),
        edited(
            ANNA_TEXT,
            &[
                ("\"Manager\"", "\"Директор\""),
                ("Любит чай.\n", "Любит чай.\n\nЗвонила 20 ноября: ждёт предложение.\n")
            ]
        )
    );
}

#[test]
fn the_same_key_changed_on_both_sides_is_a_conflict_that_loses_nothing() {
    let c = Clones::with_driver(
        &[(ANNA, ANNA_TEXT)],
        "merge-file --base-label %S --ours-label %X --theirs-label %Y %O %A %B %P",
    );
    c.rolo(&c.a(), NOW, &["set", "anna-petrova", "title=CTO", "city=Астана"]);
    c.push_a();
    c.rolo(&c.b, NOW, &["set", "anna-petrova", "title=CEO"]);
    let pull = git(&c.b, &["pull", "--no-rebase"]);
    assert_ne!(pull.code, 0, "{pull}");
    assert!(
        pull.stdout.contains("CONFLICT (content): Merge conflict in contacts/anna-petrova.md"),
        "{pull}"
    );
    assert!(pull.stderr.contains("contacts/anna-petrova.md: both sides changed title;"), "{pull}");
    let text = c.read(&c.b, ANNA);
    // Both titles between git's markers, labelled as git names the sides; the key the
    // other side alone changed is merged.
    let block = "<<<<<<< HEAD\ntitle = \"CEO\"  # since 2024\n=======\ntitle = \"CTO\"  # since 2024\n>>>>>>> ";
    assert!(text.contains(block), "{text}");
    assert!(text.contains("city = \"Астана\""), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("<<<<<<<")).count(), 1, "{text}");
    // git holds all three versions, the path is conflicted, and rolo will not read it.
    assert_eq!(git_ok(&c.b, &["ls-files", "-u", ANNA]).lines().count(), 3);
    assert_eq!(git_ok(&c.b, &["diff", "--name-only", "--diff-filter=U"]), format!("{ANNA}\n"));
    let mut show = c.book.command(["show", "anna-petrova"]);
    show.current_dir(&c.b);
    let shown = run(show);
    assert_ne!(shown.code, 0, "{shown}");
    assert!(shown.stderr.contains("contacts/anna-petrova.md:"), "{shown}");
}

#[test]
fn a_crlf_record_stays_crlf() {
    let crlf = ANNA_TEXT.replace('\n', "\r\n");
    let c = Clones::new(&[(ANNA, &crlf)]);
    c.rolo(&c.a(), NOW, &["set", "anna-petrova", "title=CTO"]);
    c.push_a();
    c.rolo(&c.b, NOW, &["set", "anna-petrova", "company=globex", "tags+=客户"]);
    let pull = git(&c.b, &["pull", "--no-rebase"]);
    assert_eq!(pull.code, 0, "{pull}");
    let text = c.read(&c.b, ANNA);
    assert_eq!(
        text,
        edited(
            &crlf,
            &[
                ("\"Manager\"", "\"CTO\""),
                ("\"acme\"", "\"globex\""),
                ("\"b2b\"]", "\"b2b\", \"客户\"]")
            ]
        )
    );
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare LF: {text:?}");
}

#[test]
fn a_record_added_on_both_sides_merges_key_by_key() {
    let c = Clones::new(&[(ANNA, ANNA_TEXT)]);
    let wang = "contacts/wang-xiao-ming.md";
    std::fs::write(c.a().join(wang), "+++\nname = \"王小明\"\ncity = \"北京\"\n+++\n").unwrap();
    git_ok(&c.a(), &["add", wang]);
    git_ok(&c.a(), &["commit", "-qm", "add 王小明"]);
    c.push_a();
    std::fs::write(c.b.join(wang), "+++\nname = \"王小明\"\ntags = [\"客户\"]\n+++\n").unwrap();
    git_ok(&c.b, &["add", wang]);
    git_ok(&c.b, &["commit", "-qm", "add 王小明 too"]);
    let pull = git(&c.b, &["pull", "--no-rebase"]);
    assert_eq!(pull.code, 0, "{pull}");
    assert_eq!(
        c.read(&c.b, wang),
        "+++\nname = \"王小明\"\ntags = [\"客户\"]\ncity = \"北京\"\n+++\n"
    );
}

/// The driver run by hand, as git runs it: in a directory with no book.
fn driver(dir: &Path, files: [&[u8]; 3], extra: &[&str]) -> (Run, Vec<u8>) {
    for (name, bytes) in ["base", "ours", "theirs"].iter().zip(files) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
    cmd.args(["merge-file", "base", "ours", "theirs", "contacts/anna-petrova.md"])
        .args(extra)
        .current_dir(dir)
        .env_remove("ROLO_DIR")
        .env("HOME", dir)
        .env("TZ", "UTC")
        .stdin(Stdio::null());
    let out = run(cmd);
    (out, std::fs::read(dir.join("ours")).unwrap())
}

#[test]
fn the_driver_writes_the_result_and_answers_git_with_its_exit_code() {
    let sandbox = TestBook::bare();
    let dir = sandbox.root();
    let ours = edited(ANNA_TEXT, &[("\"Manager\"", "\"CTO\"")]);
    let theirs = edited(ANNA_TEXT, &[("\"Алматы\"", "\"Астана\"")]);
    let (out, result) =
        driver(&dir, [ANNA_TEXT.as_bytes(), ours.as_bytes(), theirs.as_bytes()], &[]);
    assert_eq!((out.code, out.stdout.as_str(), out.stderr.as_str()), (0, "", ""));
    assert_eq!(
        String::from_utf8(result).unwrap(),
        edited(ANNA_TEXT, &[("\"Manager\"", "\"CTO\""), ("\"Алматы\"", "\"Астана\"")])
    );
    // Conflicts: exit 1, both sides in the file; an older git's literal %X means "ours".
    let theirs = edited(ANNA_TEXT, &[("\"Manager\"", "\"CEO\"")]);
    let (out, result) = driver(
        &dir,
        [ANNA_TEXT.as_bytes(), ours.as_bytes(), theirs.as_bytes()],
        &["--ours-label", "%X", "--theirs-label", "origin/main"],
    );
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(
        String::from_utf8(result).unwrap(),
        edited(
            ANNA_TEXT,
            &[(
                "title = \"Manager\"  # since 2024\n",
                "<<<<<<< ours\ntitle = \"CTO\"  # since 2024\n=======\ntitle = \"CEO\"  # since 2024\n>>>>>>> origin/main\n"
            )]
        )
    );
    assert_eq!(
        out.stderr,
        "contacts/anna-petrova.md: both sides changed title; both versions are kept between conflict markers\n"
    );
}

#[test]
fn when_the_driver_cannot_merge_it_leaves_the_file_to_git() {
    let sandbox = TestBook::bare();
    let dir = sandbox.root();
    let ours = edited(ANNA_TEXT, &[("\"Manager\"", "\"CTO\"")]);
    // Not UTF-8: exit non-zero, ours untouched (git keeps the path conflicted).
    let mut latin1 = ANNA_TEXT.as_bytes().to_vec();
    latin1.extend(b"J\xfcrgen\n");
    let (out, result) = driver(&dir, [ANNA_TEXT.as_bytes(), ours.as_bytes(), &latin1], &[]);
    assert_ne!(out.code, 0, "{out}");
    assert!(out.stderr.contains("theirs: not UTF-8"), "{out}");
    assert_eq!(result, ours.as_bytes());
    // A missing input: the same.
    std::fs::write(dir.join("ours"), &ours).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
    cmd.args(["merge-file", "missing", "ours", "theirs"]).current_dir(&dir).stdin(Stdio::null());
    let out = run(cmd);
    assert_ne!(out.code, 0, "{out}");
    assert_eq!(std::fs::read(dir.join("ours")).unwrap(), ours.as_bytes());
    // The command is for git, not for people: it is not in the help.
    let help = run({
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
        cmd.arg("--help").current_dir(&dir);
        cmd
    });
    assert!(!help.stdout.contains("merge-file"), "{help}");
}
