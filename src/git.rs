//! One commit per change made through rolo, by shelling out to `git` (SPEC "rolo.toml").
//!
//! Commits go through plumbing with a private index (read-tree, hash-object,
//! update-index, write-tree, commit-tree, update-ref): it costs a fraction of
//! `git add && git commit` on a large book (NOTES.md), commits only the files rolo
//! changed even when the user has other changes staged, and `update-ref` with the old
//! value makes concurrent rolo processes retry instead of losing a commit.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

const ATTEMPTS: u32 = 50;

fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir).env("LC_ALL", "C").stdin(Stdio::null());
    cmd
}

fn run(mut cmd: Command, input: Option<&str>) -> Result<String> {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(text.as_bytes()).map_err(|e| Error::Git(e.to_string()))?;
    }
    let out = child.wait_with_output().map_err(|e| Error::Git(e.to_string()))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let err = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("failed").trim();
        Err(Error::Git(err.trim_start_matches("fatal: ").to_string()))
    }
}

/// The top of the work tree holding `dir`, if it is inside one.
pub fn toplevel(dir: &Path) -> Option<PathBuf> {
    let mut cmd = git(dir);
    cmd.args(["rev-parse", "--show-toplevel"]);
    run(cmd, None).ok().map(PathBuf::from)
}

pub fn init(dir: &Path) -> Result<()> {
    let mut cmd = git(dir);
    cmd.args(["init", "--quiet"]);
    run(cmd, None).map(drop)
}

/// Commit the files at `paths` (relative to `root`, present or deleted) with `message`.
/// `Ok(false)` when `root` is not in a repository or nothing differs from HEAD.
pub fn commit(root: &Path, paths: &[PathBuf], message: &str) -> Result<bool> {
    // One process for both: every change pays for it.
    let mut where_cmd = git(root);
    where_cmd.args(["rev-parse", "--show-toplevel", "--absolute-git-dir"]);
    let Ok(both) = run(where_cmd, None) else { return Ok(false) };
    let mut lines = both.lines();
    let (Some(top), Some(git_dir)) = (lines.next(), lines.next()) else { return Ok(false) };
    let (top, git_dir) = (PathBuf::from(top), PathBuf::from(git_dir));
    let top = top.canonicalize().unwrap_or(top);
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let prefix = root.strip_prefix(&top).unwrap_or(Path::new("")).to_path_buf();

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
    match outcome {
        Err(Error::Git(m)) if m == NOTHING => Ok(false),
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
fn install_index(git_dir: &Path, index: &Path, copied: IndexStamp) -> bool {
    let lock = git_dir.join("index.lock");
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
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
    }
}

/// Keep the user's index in step entry by entry, so `git status` shows no phantom change.
fn sync_user_index(top: &Path, info: &str) {
    for attempt in 0..ATTEMPTS {
        let mut cmd = git(top);
        cmd.args(["update-index", "--index-info"]);
        match run(cmd, Some(info)) {
            Ok(_) => return,
            Err(_) if attempt + 1 < ATTEMPTS => backoff(attempt),
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
            Ok(_) => return Ok(Committed { from_copy }),
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
