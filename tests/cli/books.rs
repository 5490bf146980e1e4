//! `rolo init` and finding the book: `--dir`, `$ROLO_DIR`, the nearest ancestor with
//! rolo.toml, the XDG default, and no book at all (docs/format.md: "The book").

use std::path::Path;

use crate::fixtures::{add, commit_all, files, sandbox, status};
use crate::support::{TestBook, run};

#[test]
fn init_writes_a_config_that_parses() {
    let book = TestBook::new();
    let config: toml::Table = toml::from_str(&book.read("rolo.toml")).expect("rolo.toml is TOML");
    let stages = config["pipeline"]["stages"].as_array().expect("pipeline.stages");
    let stages: Vec<&str> = stages.iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(stages, ["lead", "qualified", "proposal", "negotiation", "won", "lost"]);
    assert_eq!(config["git"]["autocommit"].as_bool(), Some(true));
}

#[test]
fn init_ignores_the_cache_directory() {
    let book = TestBook::new();
    let ignore = book.read(".gitignore");
    assert!(ignore.lines().any(|l| l.trim() == ".rolo/"), ".gitignore:\n{ignore}");
}

#[test]
fn init_makes_a_repository_with_one_commit() {
    let book = TestBook::new();
    assert!(book.path(".git").is_dir());
    assert_eq!(book.log(), ["rolo: create the book"]);
    let tracked = book.git(&["ls-files"]);
    let mut tracked: Vec<&str> = tracked.lines().collect();
    tracked.sort_unstable();
    assert_eq!(
        tracked,
        [
            ".gitattributes",
            ".gitignore",
            "rolo.toml",
            "templates/follow-up.md",
            "templates/proposal.md"
        ]
    );
    assert!(book.read(".gitattributes").contains("contacts/*.md merge=rolo"));
    assert_eq!(status(&book), "", "the book is clean after init");
}

#[test]
fn init_says_what_it_did_on_stderr_only() {
    let book = TestBook::bare();
    let run = book.rolo(["init"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stdout, "", "init prints nothing on stdout");
    assert!(book.exists("rolo.toml"));
}

#[test]
fn init_takes_a_directory() {
    let book = TestBook::bare();
    book.rolo(["init", "work/crm"]).ok();
    assert!(book.exists("work/crm/rolo.toml"));
    assert!(book.path("work/crm/.git").is_dir());
    assert!(!book.exists("rolo.toml"), "nothing is created in the current directory");
    let id = add(&book, &["--dir", "work/crm", "contact", "add", "Анна Петрова"]);
    assert_eq!(id, "anna-petrova");
    assert!(book.exists("work/crm/contacts/anna-petrova.md"));
}

#[test]
fn init_inside_a_repository_does_not_nest_one() {
    let book = TestBook::bare();
    book.git(&["init", "-q"]);
    book.write("README.md", "my files\n");
    commit_all(&book, "initial");
    book.rolo(["init", "crm"]).ok();
    assert!(book.exists("crm/rolo.toml"));
    assert!(!book.path("crm/.git").exists(), "no nested repository");
    // The book lives in the outer repository, and rolo commits there.
    assert_eq!(book.log(), ["rolo: create the book", "initial"]);
    let id = add(&book, &["--dir", "crm", "contact", "add", "王小明"]);
    assert_eq!(id, "wang-xiao-ming");
    assert_eq!(book.log()[0], "contact: add 王小明");
    let tracked = book.git(&["ls-files", "crm"]);
    assert!(tracked.lines().any(|l| l == "crm/contacts/wang-xiao-ming.md"), "{tracked}");
    assert_eq!(status(&book), "");
}

#[test]
fn init_twice_fails_and_changes_nothing() {
    let book = TestBook::new();
    book.write("rolo.toml", &format!("{}# my own comment\n", book.read("rolo.toml")));
    let before = book.read("rolo.toml");
    let run = book.rolo(["init"]);
    assert_ne!(run.code, 0, "a second init must fail:\n{run}");
    assert!(run.stderr.contains("already"), "{run}");
    assert_eq!(book.read("rolo.toml"), before, "rolo.toml is not overwritten");
    assert_eq!(book.log(), ["rolo: create the book"]);
}

#[test]
fn init_keeps_an_existing_gitignore() {
    let book = TestBook::bare();
    book.write(".gitignore", "*.bak\n");
    book.rolo(["init"]).ok();
    let ignore = book.read(".gitignore");
    assert!(ignore.starts_with("*.bak\n"), "{ignore}");
    assert!(ignore.lines().any(|l| l.trim() == ".rolo/"), "{ignore}");
}

/// A second book beside the first one (in the same sandbox), made by `rolo init`.
fn other_book(book: &TestBook, name: &str) -> std::path::PathBuf {
    let dir = sandbox(book).join(name);
    book.rolo(["init", dir.to_str().unwrap()]).ok();
    dir
}

#[test]
fn dir_flag_may_come_anywhere() {
    let book = TestBook::new();
    let elsewhere = sandbox(&book).join("home");
    let root = book.root();
    let root = root.to_str().unwrap();
    let mut cmd = book.command(["contact", "add", "Айгүл Сейітқызы", "--dir", root]);
    cmd.current_dir(&elsewhere);
    assert_eq!(run(cmd).ok(), "aygul-seyitqyzy\n");
    let mut cmd = book.command(["--dir", root, "contact", "list", "--json"]);
    cmd.current_dir(&elsewhere);
    let listed = crate::fixtures::ids(&run(cmd).json());
    assert_eq!(listed, ["aygul-seyitqyzy"]);
    assert!(book.exists("contacts/aygul-seyitqyzy.md"));
    assert!(files(&elsewhere).is_empty(), "nothing written in the working directory");
}

#[test]
fn rolo_dir_environment_variable() {
    let book = TestBook::new();
    let mut cmd = book.command(["contact", "add", "Jürgen Größer"]);
    cmd.current_dir(sandbox(&book).join("home")).env("ROLO_DIR", book.root());
    assert_eq!(run(cmd).ok(), "jurgen-grosser\n");
    assert!(book.exists("contacts/jurgen-grosser.md"));
}

#[test]
fn dir_flag_wins_over_rolo_dir() {
    let book = TestBook::new();
    let other = other_book(&book, "other");
    let mut cmd =
        book.command(["contact", "add", "Анна Петрова", "--dir", other.to_str().unwrap()]);
    cmd.env("ROLO_DIR", book.root());
    run(cmd).ok();
    assert!(other.join("contacts/anna-petrova.md").is_file());
    assert!(!book.exists("contacts/anna-petrova.md"));
}

#[test]
fn rolo_dir_wins_over_the_working_directory() {
    let book = TestBook::new();
    let other = other_book(&book, "other");
    // The working directory is inside `book`, but ROLO_DIR names `other`.
    let mut cmd = book.command(["contact", "add", "Анна Петрова"]);
    cmd.env("ROLO_DIR", &other);
    run(cmd).ok();
    assert!(other.join("contacts/anna-petrova.md").is_file());
    assert!(!book.exists("contacts/anna-petrova.md"));
}

#[test]
fn nearest_ancestor_with_rolo_toml() {
    let book = TestBook::new();
    let deep = book.path("contacts/a/b/c");
    std::fs::create_dir_all(&deep).unwrap();
    let mut cmd = book.command(["contact", "add", "王小明"]);
    cmd.current_dir(&deep);
    assert_eq!(run(cmd).ok(), "wang-xiao-ming\n");
    assert!(book.exists("contacts/wang-xiao-ming.md"));
    assert!(!deep.join("contacts").exists());
}

#[test]
fn the_nearest_book_wins_over_an_outer_one() {
    let book = TestBook::new();
    book.rolo(["init", "inner"]).ok();
    let sub = book.path("inner/notes/x");
    std::fs::create_dir_all(&sub).unwrap();
    let mut cmd = book.command(["company", "add", "ТОО «Алтын Мебель»"]);
    cmd.current_dir(&sub);
    assert_eq!(run(cmd).ok(), "too-altyn-mebel\n");
    assert!(book.exists("inner/companies/too-altyn-mebel.md"));
    assert!(!book.exists("companies/too-altyn-mebel.md"));
}

#[test]
fn xdg_data_home_default_book() {
    let book = TestBook::bare();
    let default = sandbox(&book).join("home/.local/share/rolo");
    book.rolo(["init", default.to_str().unwrap()]).ok();
    // The working directory (book/) holds no rolo.toml, nor does any parent.
    assert_eq!(add(&book, &["contact", "add", "Анна Петрова"]), "anna-petrova");
    assert!(default.join("contacts/anna-petrova.md").is_file());
    assert!(!book.exists("contacts"));
}

#[test]
fn xdg_data_home_is_honoured_over_home() {
    let book = TestBook::bare();
    let xdg = sandbox(&book).join("xdg");
    let default = xdg.join("rolo");
    book.rolo(["init", default.to_str().unwrap()]).ok();
    let mut cmd = book.command(["contact", "add", "王小明"]);
    cmd.env("XDG_DATA_HOME", &xdg);
    assert_eq!(run(cmd).ok(), "wang-xiao-ming\n");
    assert!(default.join("contacts/wang-xiao-ming.md").is_file());
}

#[test]
fn home_local_share_when_xdg_data_home_is_unset() {
    let book = TestBook::bare();
    let default = sandbox(&book).join("home/.local/share/rolo");
    book.rolo(["init", default.to_str().unwrap()]).ok();
    let mut cmd = book.command(["contact", "add", "Jürgen Größer"]);
    cmd.env_remove("XDG_DATA_HOME");
    assert_eq!(run(cmd).ok(), "jurgen-grosser\n");
    assert!(default.join("contacts/jurgen-grosser.md").is_file());
}

#[test]
fn the_working_directory_wins_over_the_default_book() {
    let book = TestBook::new();
    let default = sandbox(&book).join("home/.local/share/rolo");
    book.rolo(["init", default.to_str().unwrap()]).ok();
    add(&book, &["contact", "add", "Анна Петрова"]);
    assert!(book.exists("contacts/anna-petrova.md"));
    assert!(!default.join("contacts/anna-petrova.md").exists());
}

#[track_caller]
fn assert_no_book(run: &crate::support::Run) {
    assert_eq!(run.code, 1, "no book is exit 1:\n{run}");
    assert_eq!(run.stdout, "");
    let hint = run.stderr.lines().find(|l| l.starts_with("hint:"));
    assert!(hint.is_some_and(|h| h.contains("rolo init")), "a hint naming `rolo init`:\n{run}");
}

#[test]
fn no_book_is_exit_1_with_a_hint() {
    let book = TestBook::bare();
    assert_no_book(&book.rolo(["contact", "list"]));
    let run = book.rolo(["contact", "add", "Анна Петрова"]);
    assert_no_book(&run);
    assert!(files(&sandbox(&book)).is_empty(), "nothing was created: {:?}", files(&sandbox(&book)));
}

#[test]
fn dir_that_is_not_a_book_is_exit_1_with_a_hint() {
    let book = TestBook::new();
    let empty = sandbox(&book).join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    // Even from inside a book, an explicit --dir must be used, not the book around us.
    assert_no_book(&book.rolo(["--dir", empty.to_str().unwrap(), "contact", "list"]));
    let mut cmd = book.command(["contact", "list"]);
    cmd.env("ROLO_DIR", &empty);
    assert_no_book(&run(cmd));
}

#[test]
fn relative_dir_is_relative_to_the_working_directory() {
    let book = TestBook::new();
    let mut cmd = book.command(["--dir", "../book", "contact", "add", "Анна Петрова"]);
    cmd.current_dir(sandbox(&book).join("home"));
    run(cmd).ok();
    assert!(Path::new(&book.path("contacts/anna-petrova.md")).is_file());
}
