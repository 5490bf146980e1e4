//! git's commit-graph with changed-path Bloom filters, kept current so `git log -- PATH`
//! (a record's history) skips the commits that did not touch the path without reading
//! their trees: at 100,000 files and 20,000 commits that is the difference between about
//! two seconds and a few tenths of one.
//!
//! Always best-effort: a git too old for it, a lock held by another writer or a full disk
//! only leaves history slower, never a command failed.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::Repo;

/// How many commits rolo makes before it adds them to the graph (one small layer each
/// time, in the background).
const EVERY: u32 = 50;

/// rolo's count of its commits since the graph was last written, in the git directory.
const PENDING: &str = "rolo-graph-pending";

fn chain(repo: &Repo) -> PathBuf {
    repo.common_dir.join("objects/info/commit-graphs/commit-graph-chain")
}

/// Whether the split graph rolo writes exists (a plain `commit-graph` written by
/// `git gc` may lack the Bloom filters).
pub fn exists(repo: &Repo) -> bool {
    chain(repo).is_file()
}

fn command(repo: &Repo) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(&repo.top)
        .env("LC_ALL", "C")
        .args(["commit-graph", "write", "--reachable", "--changed-paths", "--split"])
        .arg("--no-progress")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Write the graph (a new layer for the commits it lacks) and wait for it: after a sync,
/// whose network round trips dwarf it, and when a book is created.
pub fn write(repo: &Repo) -> bool {
    let _ = std::fs::remove_file(repo.common_dir.join(PENDING));
    command(repo).status().is_ok_and(|s| s.success())
}

/// Start writing the graph and return at once; a thread reaps the process if this one
/// is still running when it ends.
pub fn spawn(repo: &Repo) {
    let _ = std::fs::remove_file(repo.common_dir.join(PENDING));
    if let Ok(mut child) = command(repo).spawn() {
        std::thread::spawn(move || child.wait());
    }
}

/// Count `commits` new commits; once enough have gathered since the graph was written,
/// add them to it in the background. Costs a small file read and write per commit, and
/// nothing at all in a repository without rolo's graph (history writes the first one).
pub fn note_commits(repo: &Repo, commits: u32) {
    if !exists(repo) {
        return;
    }
    let path = repo.common_dir.join(PENDING);
    let pending = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(0)
        .saturating_add(commits);
    if pending >= EVERY {
        spawn(repo);
    } else {
        let _ = std::fs::write(&path, pending.to_string());
    }
}
