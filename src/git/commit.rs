//! One commit per change made through rolo.
//!
//! Commits go through plumbing with a private index (read-tree, hash-object,
//! update-index, write-tree, commit-tree, update-ref): at 100,000 files it costs a
//! third of `git add && git commit` (which re-stats every file), commits only the files
//! rolo changed even when the user has other changes staged, and `update-ref` with the
//! old value makes concurrent rolo processes retry instead of losing a commit.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Repo, git, run};
use crate::error::{Error, Result};

const ATTEMPTS: u32 = 50;

/// Commit the files at `paths` (relative to `root`, present or deleted) with `message`.
/// `Ok(false)` when `root` is not in a repository or nothing differs from HEAD.
pub fn commit(root: &Path, paths: &[PathBuf], message: &str) -> Result<bool> {
    let Some(repo) = Repo::find(root) else { return Ok(false) };
    let (top, git_dir, prefix) = (repo.top.clone(), repo.git_dir.clone(), repo.prefix.clone());
    clear_leftovers(&git_dir);

    // Blobs first: they do not depend on HEAD.
    let repo_paths: Vec<String> =
        paths.iter().map(|p| prefix.join(p).to_string_lossy().replace('\\', "/")).collect();
    let present: Vec<&String> = repo_paths.iter().filter(|p| top.join(p).is_file()).collect();
    let mut hash = git(&top);
    hash.args(["hash-object", "-w", "--stdin-paths", "--no-filters"]);
    let listing: String = present.iter().map(|p| format!("{p}\n")).collect();
    let shas = if present.is_empty() { String::new() } else { run(hash, Some(&listing))? };
    let mut info = String::new();
    let mut shas = shas.lines();
    for p in &repo_paths {
        if present.contains(&p) {
            let sha =
                shas.next().ok_or_else(|| Error::Git("hash-object gave too few ids".into()))?;
            info.push_str(&format!("100644 {sha}\t{p}\n"));
        } else {
            info.push_str(&format!("0 {}\t{p}\n", "0".repeat(40)));
        }
    }

    let index = git_dir.join(format!("rolo-index-{}", std::process::id()));
    let result = commit_with_index(&top, &git_dir, &index, &info, message);
    let outcome = match result {
        Ok(Committed { from_copy: Some(stamp) }) if install_index(&git_dir, &index, stamp) => {
            Ok(true)
        }
        Ok(Committed { .. }) => {
            sync_user_index(&top, &info);
            Ok(true)
        }
        Err(e) => Err(e),
    };
    let _ = std::fs::remove_file(&index);
    if matches!(outcome, Ok(true)) {
        super::graph::note_commits(&repo, 1);
    }
    match outcome {
        Err(Error::Git(m)) if m == NOTHING => {
            // HEAD has these files already: a commit made by a rolo killed before it
            // could bring the user's index in step (the change is being finished now).
            sync_user_index(&top, &info);
            Ok(false)
        }
        other => other,
    }
}

const NOTHING: &str = "nothing to commit";

struct Committed {
    /// The private index started as a copy of the user's (which staged nothing else),
    /// which looked like this then.
    from_copy: Option<IndexStamp>,
}

/// Make the private index (the user's plus rolo's change, with fresh cached trees) the
/// user's index, under git's own `index.lock`, so `git status` and the next commit stay fast.
///
/// A rolo killed while it holds `index.lock` would leave it behind and block the user's
/// git; so rolo first writes a marker naming itself (`rolo-index.lock.owner`), and the
/// next rolo that finds the marker of a dead process removes the lock it left.
fn install_index(git_dir: &Path, index: &Path, copied: IndexStamp) -> bool {
    let lock = git_dir.join("index.lock");
    let owner = git_dir.join(LOCK_OWNER);
    let claimed = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&owner)
        .and_then(|mut f| f.write_all(std::process::id().to_string().as_bytes()));
    if claimed.is_err() {
        return false;
    }
    let installed = match std::fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
        // Under git's lock, and only if nobody wrote the index since we copied it.
        Ok(_) if index_stamp(git_dir) != Some(copied) => {
            let _ = std::fs::remove_file(&lock);
            false
        }
        Ok(_) => {
            let done = std::fs::rename(index, &lock)
                .and_then(|()| std::fs::rename(&lock, git_dir.join("index")));
            if done.is_err() {
                let _ = std::fs::remove_file(&lock);
            }
            done.is_ok()
        }
        Err(_) => false,
    };
    let _ = std::fs::remove_file(&owner);
    installed
}

const LOCK_OWNER: &str = "rolo-index.lock.owner";

/// Remove what a killed rolo left in the git directory: `index.lock` when rolo's marker
/// says a process that is gone took it, and private index files of processes that are
/// gone. A lock taken by git itself is never touched.
fn clear_leftovers(git_dir: &Path) {
    let owner = git_dir.join(LOCK_OWNER);
    if let Ok(pid) = std::fs::read_to_string(&owner) {
        let dead = pid.trim().parse::<u32>().is_ok_and(|p| !crate::store::write::process_alive(p));
        if dead {
            let lock = git_dir.join("index.lock");
            // The lock is rolo's if it is no newer than the marker (git's own lock, taken
            // after rolo died, would be newer).
            let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
            if let (Some(l), Some(o)) = (modified(&lock), modified(&owner))
                && l <= o + std::time::Duration::from_secs(2)
            {
                let _ = std::fs::remove_file(&lock);
            }
            let _ = std::fs::remove_file(&owner);
        }
    }
    let Ok(entries) = std::fs::read_dir(git_dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix("rolo-index-")) else {
            continue;
        };
        if pid.parse::<u32>().is_ok_and(|p| !crate::store::write::process_alive(p)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Keep the user's index in step entry by entry, so `git status` shows no phantom change.
/// A few tries only: the index held locked for long is a git the user is running (or a
/// lock left by a killed git, which git itself explains), and the commit stands anyway.
fn sync_user_index(top: &Path, info: &str) {
    const TRIES: u32 = 8;
    for attempt in 0..TRIES {
        let mut cmd = git(top);
        cmd.args(["update-index", "--index-info"]);
        match run(cmd, Some(info)) {
            Ok(_) => return,
            Err(_) if attempt + 1 < TRIES => backoff(attempt),
            Err(_) => {} // the commit stands; git refreshes the index on next use
        }
    }
}

/// Returns what the user's index looked like when copied, to install ours only over that.
fn copy_clean_index(top: &Path, git_dir: &Path, index: &Path) -> Option<IndexStamp> {
    let mut staged = git(top);
    staged.args(["diff-index", "--cached", "--quiet", "HEAD"]);
    run(staged, None).ok()?;
    let stamp = index_stamp(git_dir)?;
    std::fs::copy(git_dir.join("index"), index).ok()?;
    Some(stamp)
}

/// Size and modification time of the user's index: if either moved, someone else wrote it.
type IndexStamp = (u64, std::time::SystemTime);

fn index_stamp(git_dir: &Path) -> Option<IndexStamp> {
    let meta = std::fs::metadata(git_dir.join("index")).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

fn commit_with_index(
    top: &Path,
    git_dir: &Path,
    index: &Path,
    info: &str,
    message: &str,
) -> Result<Committed> {
    for attempt in 0..ATTEMPTS {
        // No trailing checksum on the private index (git 2.40+): writing a 10 MB index
        // at 100k files costs a third as much. The same git reads it back when installed.
        let with_index = |args: &[&str]| {
            let mut cmd = git(top);
            cmd.env("GIT_INDEX_FILE", index).args(["-c", "index.skipHash=true"]).args(args);
            cmd
        };
        let head = run(with_index(&["rev-parse", "-q", "--verify", "HEAD^{commit}"]), None).ok();
        let _ = std::fs::remove_file(index);
        let from_copy = if head.is_some() { copy_clean_index(top, git_dir, index) } else { None };
        if head.is_some() && from_copy.is_none() {
            run(with_index(&["read-tree", "HEAD"]), None)?;
        }
        run(with_index(&["update-index", "--index-info"]), Some(info))?;
        let tree = run(with_index(&["write-tree"]), None)?;
        if let Some(head) = &head {
            let head_tree = run(with_index(&["rev-parse", &format!("{head}^{{tree}}")]), None)?;
            if head_tree == tree {
                return Err(Error::Git(NOTHING.into()));
            }
        }
        let mut args = vec!["commit-tree", tree.as_str(), "-m", message];
        if let Some(head) = &head {
            args.extend(["-p", head.as_str()]);
        }
        let commit = run(with_index(&args), None)?;
        let old = head.clone().unwrap_or_default();
        let reflog = format!("rolo: {message}");
        match run(with_index(&["update-ref", "-m", &reflog, "HEAD", &commit, &old]), None) {
            Ok(_) => {
                crate::failpoint::hit("after-update-ref");
                return Ok(Committed { from_copy });
            }
            // Another process moved HEAD (or holds the ref lock): start again from it.
            Err(_) if attempt + 1 < ATTEMPTS => backoff(attempt),
            Err(e) => return Err(e),
        }
    }
    Err(Error::Git("HEAD kept moving; gave up after 50 attempts".into()))
}

fn backoff(attempt: u32) {
    let jitter = u64::from(std::process::id() % 7);
    std::thread::sleep(std::time::Duration::from_millis(5 + u64::from(attempt) * 10 + jitter));
}
