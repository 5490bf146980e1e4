//! What git sees after rolo's commits: a repository `git fsck` finds whole, an index that
//! matches HEAD for the book (so `git status` shows nothing rolo did), and the user's own
//! staged and unstaged work left as it was, with the book in a subfolder of a larger
//! repository, whatever index format git keeps.

use crate::fixtures::{add, commit_all, status};
use crate::support::TestBook;

/// A repository with the user's README and a book in `crm/` (created by `rolo init`).
fn repo_with_book_in_subfolder(configure: &[&[&str]]) -> TestBook {
    let book = TestBook::bare();
    book.git(&["init", "-q"]);
    for args in configure {
        book.git(args);
    }
    book.write("README.md", "мои файлы\n");
    commit_all(&book, "initial");
    book.rolo(["init", "crm"]).ok();
    book
}

/// Every kind of write rolo makes: a new file, a changed one, one in a new directory, a
/// removed one.
fn writes(book: &TestBook) {
    let rolo = |args: &[&str]| {
        let mut all = vec!["--dir", "crm"];
        all.extend(args);
        book.rolo(&all).ok().to_string()
    };
    let id = rolo(&["contact", "add", "Анна Петрова"]).trim().to_string();
    rolo(&["contact", "add", "王小明"]);
    rolo(&["set", &id, "stage=customer", "city=Алматы"]);
    rolo(&["note", "add", &id, "Обсудили сайт", "--kind", "call"]);
    rolo(&["rm", "wang-xiao-ming"]);
    rolo(&["task", "add", "Позвонить Анне", "--due", "2026-11-30"]);
}

#[track_caller]
fn assert_fsck_clean(book: &TestBook) {
    let out = book.git(&["fsck", "--strict", "--no-dangling", "--no-progress"]);
    assert_eq!(out, "", "git fsck");
}

/// The index holds HEAD's version of every file of the book, and git, refreshing it,
/// finds the files as the index has them.
#[track_caller]
fn assert_index_is_head_for(book: &TestBook, dir: &str) {
    let staged = book.git(&["diff-index", "--cached", "--name-status", "HEAD", "--", dir]);
    assert_eq!(staged, "", "the index differs from HEAD in {dir}");
    book.git(&["update-index", "-q", "--refresh"]);
    let changed = book.git(&["diff-files", "--name-status", "--", dir]);
    assert_eq!(changed, "", "the work tree differs from the index in {dir}");
}

#[test]
fn after_rolo_writes_git_finds_the_repository_whole_and_the_index_at_head() {
    let configs: [&[&[&str]]; 4] = [
        &[],
        &[&["config", "index.version", "4"]],
        &[&["config", "core.splitIndex", "true"]],
        &[&["config", "core.untrackedCache", "true"], &["config", "index.skipHash", "true"]],
    ];
    for config in configs {
        let book = repo_with_book_in_subfolder(config);
        book.git(&["status", "--porcelain"]); // git writes the caches it keeps
        writes(&book);
        assert_eq!(status(&book), "", "{config:?}");
        assert_fsck_clean(&book);
        assert_index_is_head_for(&book, ".");
        let head = book.git(&["rev-parse", "HEAD^{tree}"]);
        assert_eq!(book.git(&["write-tree"]), head, "{config:?}: the index is HEAD's tree");
        assert_eq!(book.log().len(), 2 + 6, "{config:?}: one commit per change");
    }
}

#[test]
fn the_users_staged_and_unstaged_work_beside_the_book_stays_as_it_was() {
    let book = repo_with_book_in_subfolder(&[]);
    book.write("plan.md", "план\n");
    book.git(&["add", "plan.md"]);
    book.write("README.md", "мои файлы, изменённые\n");
    book.write("crm/draft.txt", "черновик\n");
    writes(&book);

    let touched = book.git(&["log", "--format=", "--name-only", "HEAD~6..HEAD"]);
    assert!(touched.lines().all(|p| p.is_empty() || p.starts_with("crm/")), "{touched}");
    assert!(!touched.contains("draft.txt"), "{touched}");
    let st = status(&book);
    let mut lines: Vec<&str> = st.lines().collect();
    lines.sort_unstable();
    assert_eq!(lines, [" M README.md", "?? crm/draft.txt", "A  plan.md"], "{st}");
    assert_eq!(book.git(&["diff", "--cached", "--name-only"]), "plan.md\n");
    assert_fsck_clean(&book);
    assert_index_is_head_for(&book, "crm");

    // The user's own commit then holds their file and nothing of rolo's.
    book.git(&["-c", "user.name=U", "-c", "user.email=u@e", "commit", "-qm", "plan"]);
    assert_eq!(book.git(&["show", "--name-only", "--format=", "HEAD"]), "plan.md\n");
    assert_eq!(status(&book), " M README.md\n?? crm/draft.txt\n");
}

#[test]
fn the_first_commit_of_a_repository_holds_only_rolos_file() {
    let book = repo_with_book_in_subfolder(&[]);
    // HEAD not born yet, with the book's files staged by the user.
    book.git(&["update-ref", "-d", "HEAD"]);
    let id = add(&book, &["--dir", "crm", "contact", "add", "Ерлан Ахметов"]);
    assert_eq!(book.log(), ["contact: add Ерлан Ахметов"]);
    let committed = book.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(committed, format!("crm/contacts/{id}.md\n"));
    let st = status(&book);
    assert!(!st.contains(&id), "{st}");
    assert!(st.lines().any(|l| l == "A  crm/rolo.toml"), "still staged: {st}");
    assert_fsck_clean(&book);
    book.rolo(["--dir", "crm", "set", &id, "city=Астана"]).ok();
    assert_eq!(book.log().len(), 2);
    assert_index_is_head_for(&book, &format!("crm/contacts/{id}.md"));
}
