//! Small helpers the CLI test modules share: adding records, reading front matter,
//! listing ids, scripted editors, stdin, and walking the temporary directory.

#![allow(dead_code)] // each helper is used by some test module, not necessarily all

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value as Json;

use crate::support::{Run, TestBook};

/// Run a `… add …` command, assert it succeeded and printed one id alone, return it.
#[track_caller]
pub fn add(book: &TestBook, args: &[&str]) -> String {
    let run = book.rolo(args);
    let out = run.ok();
    assert!(
        out.ends_with('\n') && out.lines().count() == 1,
        "`add` must print the new id alone on one line:\n{run}"
    );
    out.trim_end().to_string()
}

/// The TOML front matter of a record file, parsed.
#[track_caller]
pub fn front(text: &str) -> toml::Table {
    let rest = text.strip_prefix("+++\n").unwrap_or_else(|| panic!("no opening +++:\n{text}"));
    let end = rest.find("\n+++\n").map(|i| i + 1).or_else(|| {
        // A file may end right after the closing delimiter.
        rest.strip_suffix("+++\n").map(str::len).or_else(|| rest.strip_suffix("+++").map(str::len))
    });
    let end = end.unwrap_or_else(|| panic!("no closing +++:\n{text}"));
    toml::from_str(&rest[..end])
        .unwrap_or_else(|e| panic!("front matter is not TOML ({e}):\n{text}"))
}

/// The Markdown body of a record file (everything after the closing `+++` line).
#[track_caller]
pub fn body(text: &str) -> String {
    let rest = text.strip_prefix("+++\n").unwrap();
    let end = rest.find("\n+++\n").unwrap_or_else(|| panic!("no closing +++:\n{text}"));
    rest[end + 5..].to_string()
}

/// A record file's front matter by its path in the book.
#[track_caller]
pub fn front_of(book: &TestBook, rel: &str) -> toml::Table {
    front(&book.read(rel))
}

/// The `id`s of a JSON array of records, in order.
#[track_caller]
pub fn ids(json: &Json) -> Vec<String> {
    json.as_array()
        .unwrap_or_else(|| panic!("not an array: {json}"))
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_else(|| panic!("no id in {r}")).to_string())
        .collect()
}

/// `rolo ARGS --json`: the ids listed, in order; also asserts nothing on stderr.
#[track_caller]
pub fn list_ids(book: &TestBook, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("--json");
    let run = book.rolo(&all);
    let json = run.json();
    assert_eq!(run.stderr, "", "unexpected stderr for {args:?}:\n{run}");
    ids(&json)
}

/// A TOML string value, for comparisons.
pub fn s(v: &str) -> toml::Value {
    toml::Value::String(v.to_string())
}

/// A TOML array of strings.
pub fn strs(vs: &[&str]) -> toml::Value {
    toml::Value::Array(vs.iter().map(|v| s(v)).collect())
}

/// Parse `text` as a TOML value (`2026-11-27`, `[1, 2]`) for comparisons.
pub fn tv(text: &str) -> toml::Value {
    let t: toml::Table = toml::from_str(&format!("v = {text}")).unwrap();
    t["v"].clone()
}

/// The directory holding the book and the fake home: nothing may be written in it
/// outside those two.
pub fn sandbox(book: &TestBook) -> PathBuf {
    book.root().parent().unwrap().to_path_buf()
}

/// Write an executable shell script outside the book (for `$EDITOR`), return its path.
pub fn script(book: &TestBook, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = sandbox(book).join("bin");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\nset -e\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Run a command with `input` on its stdin.
pub fn run_with_stdin(mut cmd: Command, input: &str) -> Run {
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn rolo");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Every file under `dir` (recursively, `.git` left out), relative to `dir`, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries {
            let entry = entry.unwrap();
            let path = entry.path();
            // git's own files and rolo's cache (the search index) are not the book.
            if entry.file_name() == ".git" || entry.file_name() == ".rolo" {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                out.push(path.strip_prefix(base).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Commit everything in the book by hand (for files written by a test).
pub fn commit_all(book: &TestBook, message: &str) {
    book.git(&["add", "-A"]);
    book.git(&[
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.com",
        "commit",
        "-qm",
        message,
    ]);
}

/// `git status --porcelain` of the book (empty when everything is committed).
pub fn status(book: &TestBook) -> String {
    book.git(&["status", "--porcelain"])
}

/// Whether `id` is a valid record id: `[a-z0-9]` words joined by `-`, at most 64 bytes.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Copy a directory tree (the example book into a test's temporary book).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of data-example/ with autocommit off (the copy is not a git repository).
pub fn example_book() -> TestBook {
    let book = TestBook::bare();
    copy_dir(&crate::support::repo().join("data-example"), &book.root());
    let config = book.read("rolo.toml");
    let off = config.replace("autocommit = true", "autocommit = false");
    assert_ne!(off, config, "data-example/rolo.toml sets autocommit");
    book.write("rolo.toml", &off);
    book
}
