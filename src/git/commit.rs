//! One commit per change made through rolo.
//!
//! Commits go through plumbing with a private index (update-index, write-tree,
//! commit-tree, update-ref): at 100,000 files it costs a fraction of `git add && git
//! commit` (which re-stats every file), commits only the files rolo changed even when the
//! user has other changes staged, and `update-ref` with the old value makes concurrent
//! rolo processes retry instead of losing a commit.
//!
//! Each git process costs milliseconds on a loaded machine, so what rolo can answer
//! itself it does: blobs are written as loose objects in-process ([`super::object`]), HEAD
//! and its tree come from one `rev-parse`, and whether the user staged anything is read
//! from the index's cached tree ([`super::index_file`]), with `diff-index` only when that
//! cache does not say.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::index_file::Staged;
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
    let shas = blobs(&repo, &repo_paths)?;
    let mut info = String::new();
    for (p, sha) in repo_paths.iter().zip(&shas) {
        match sha {
            Some(sha) => info.push_str(&format!("100644 {sha}\t{p}\n")),
            None => info.push_str(&format!("0 {}\t{p}\n", "0".repeat(40))),
        }
    }

    let index = git_dir.join(format!("rolo-index-{}", std::process::id()));
    let changes: Vec<Staged> = repo_paths
        .iter()
        .zip(&shas)
        .map(|(path, blob)| Staged { path, blob: blob.as_deref() })
        .collect();
    let result = commit_with_index(&top, &git_dir, &index, (&info, &changes), message);
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

/// The blob id of each path (relative to the top) that is a file, `None` for one that is
/// gone; the blobs are stored as git stores them. In-process where the repository allows
/// ([`super::object::writable_here`]), else by `git hash-object`.
fn blobs(repo: &Repo, paths: &[String]) -> Result<Vec<Option<String>>> {
    let present: Vec<&String> = paths.iter().filter(|p| repo.top.join(p).is_file()).collect();
    let mut shas: HashMap<&String, String> = HashMap::new();
    if present.is_empty() {
        return Ok(vec![None; paths.len()]);
    }
    if super::object::writable_here(&repo.common_dir) {
        let objects = repo.common_dir.join("objects");
        for p in &present {
            let path = repo.top.join(p);
            let bytes = std::fs::read(&path).map_err(|e| Error::Git(format!("{p}: {e}")))?;
            let sha = super::object::write_blob(&objects, &bytes)
                .map_err(|e| Error::Git(format!("cannot write a git object for {p}: {e}")))?;
            shas.insert(p, sha);
        }
    } else {
        let mut hash = git(&repo.top);
        hash.args(["hash-object", "-w", "--stdin-paths", "--no-filters"]);
        let listing: String = present.iter().map(|p| format!("{p}\n")).collect();
        let out = run(hash, Some(&listing))?;
        let mut lines = out.lines();
        for p in &present {
            let sha =
                lines.next().ok_or_else(|| Error::Git("hash-object gave too few ids".into()))?;
            shas.insert(p, sha.to_string());
        }
    }
    Ok(paths.iter().map(|p| shas.remove(p)).collect())
}

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

/// The user's index when it holds exactly `head_tree` (nothing staged), and what it
/// looked like when read, to install the private index made from it only over that.
/// Starting from it spares write-tree most of its work: its cached trees are valid.
fn clean_index(
    top: &Path,
    git_dir: &Path,
    head: &str,
    head_tree: &str,
) -> Option<(IndexStamp, Vec<u8>)> {
    // The stamp first: a write after it shows when the private index is installed.
    let stamp = index_stamp(git_dir)?;
    let bytes = std::fs::read(git_dir.join("index")).ok()?;
    let clean = super::index_file::cached_root_tree(&bytes).as_deref() == Some(head_tree) || {
        // No valid cached tree (the user staged something, or a git that does not keep
        // it wrote the index): git compares.
        let mut staged = git(top);
        staged.args(["diff-index", "--cached", "--quiet", head]);
        run(staged, None).is_ok() && index_stamp(git_dir) == Some(stamp)
    };
    clean.then_some((stamp, bytes))
}

/// Write the private index from the user's clean one with rolo's `changes` staged:
/// in-process where [`super::index_file::with_entries`] can, else as a plain copy.
/// `Some(true)` when the changes are staged in it, `None` when it could not be written.
fn write_private(index: &Path, user: &[u8], changes: &[Staged]) -> Option<bool> {
    match super::index_file::with_entries(user, changes) {
        Some(edited) => std::fs::write(index, edited).ok().map(|()| true),
        None => std::fs::write(index, user).ok().map(|()| false),
    }
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
    (info, changes): (&str, &[Staged]),
    message: &str,
) -> Result<Committed> {
    for attempt in 0..ATTEMPTS {
        // No trailing checksum on the private index (git 2.40+): writing a 10 MB index
        // at 100k files costs a third as much. The same git reads it back when installed.
        // Never split: a split index names its shared part by that checksum (git keeps
        // splitting the user's index on its next write, if so configured).
        let with_index = |args: &[&str]| {
            let mut cmd = git(top);
            cmd.env("GIT_INDEX_FILE", index)
                .args(["-c", "index.skipHash=true", "-c", "core.splitIndex=false"])
                .args(args);
            cmd
        };
        let head = head_and_tree(top);
        let _ = std::fs::remove_file(index);
        let mut staged = false;
        let mut from_copy = None;
        if let Some((head, head_tree)) = &head {
            if let Some((stamp, user)) = clean_index(top, git_dir, head, head_tree)
                && let Some(done) = write_private(index, &user, changes)
            {
                (staged, from_copy) = (done, Some(stamp));
            } else {
                let _ = std::fs::remove_file(index); // anything half written
                run(with_index(&["read-tree", head]), None)?;
            }
        }
        if !staged {
            run(with_index(&["update-index", "--index-info"]), Some(info))?;
        }
        let tree = run(with_index(&["write-tree"]), None)?;
        if head.as_ref().is_some_and(|(_, head_tree)| *head_tree == tree) {
            return Err(Error::Git(NOTHING.into()));
        }
        let head = head.map(|(commit, _)| commit);
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

/// HEAD's commit and tree, in one git process; `None` before the first commit.
fn head_and_tree(top: &Path) -> Option<(String, String)> {
    let mut cmd = git(top);
    cmd.args(["rev-parse", "HEAD^{commit}", "HEAD^{tree}", "--"]);
    let out = run(cmd, None).ok()?;
    let mut lines = out.lines();
    let hex = |s: &str| s.len() >= 40 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let (commit, tree) = (lines.next()?, lines.next()?);
    (hex(commit) && hex(tree)).then(|| (commit.to_string(), tree.to_string()))
}

fn backoff(attempt: u32) {
    let jitter = u64::from(std::process::id() % 7);
    std::thread::sleep(std::time::Duration::from_millis(5 + u64::from(attempt) * 10 + jitter));
}
