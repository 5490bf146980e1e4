//! `rolo import` and `rolo export` (docs/format.md: "Interchange formats"): vCards as Apple,
//! Google, Outlook and Android write them, the CSV dialects, bad cards and rows, repeated
//! imports, dry runs, exports that parse back, and round trips through each format.
//!
//! Sample files live in tests/fixtures/interop/; the tests are split by concern below.

mod csv;
mod export;
mod ics;
mod repeat;
mod round_trip;
mod vcard;

use std::path::{Path, PathBuf};

use crate::support::{Run, TestBook, repo};

/// A sample file from tests/fixtures/interop/.
pub fn fixture(name: &str) -> String {
    repo().join("tests/fixtures/interop").join(name).to_string_lossy().into_owned()
}

/// Copy a fixture into the test's sandbox (so messages name a short path) and return
/// the path to pass to rolo, relative to the book.
pub fn local(book: &TestBook, name: &str) -> String {
    std::fs::copy(fixture(name), book.root().join("..").join(name)).unwrap();
    format!("../{name}")
}

/// Write bytes next to the book; the path to pass to rolo.
pub fn local_bytes(book: &TestBook, name: &str, bytes: &[u8]) -> String {
    std::fs::write(book.root().join("..").join(name), bytes).unwrap();
    format!("../{name}")
}

/// Run `rolo ARGS` and assert it succeeded with nothing on stdout.
#[track_caller]
pub fn quiet_ok(book: &TestBook, args: &[&str]) -> Run {
    let run = book.rolo(args);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stdout, "", "an import prints nothing on stdout:\n{run}");
    run
}

/// The import's summary line on stderr.
pub fn summary(run: &Run) -> &str {
    run.stderr.lines().rfind(|l| l.starts_with("created ")).unwrap_or_default()
}

/// A copy of data-example/ (not a git repository, so nothing is committed).
pub fn example() -> TestBook {
    let book = TestBook::bare();
    crate::fixtures::copy_dir(&repo().join("data-example"), &book.root());
    book
}

/// Every record file of a book (relative path → bytes), to show nothing was written.
pub fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    for kind in ["contacts", "companies", "deals", "notes", "tasks"] {
        for entry in walk(&root.join(kind)) {
            let meta = std::fs::metadata(&entry).unwrap();
            let rel = entry.strip_prefix(root).unwrap().to_path_buf();
            out.push((rel, std::fs::read(&entry).unwrap(), meta.modified().unwrap()));
        }
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out = Vec::new();
    for e in entries {
        let path = e.unwrap().path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

/// The ids in a directory of the book, sorted.
pub fn ids_in(book: &TestBook, dir: &str) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(book.path(dir))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".md").to_string())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}
