//! `rolo sync`: the book's commits and a git remote's, integrated both ways, through the
//! `git` program (the user's ssh agent and credential helpers just work).
//!
//! 1. Records changed outside rolo are committed first (autocommit on), or sync refuses.
//! 2. Fetch, then replay the local commits on top of the remote's (a rebase: history
//!    stays a line of one commit per change, in the order they were made; see README).
//!    Records merge key by key through rolo's merge driver ([`crate::store::merge`]).
//! 3. Push; a push rejected because someone pushed meanwhile fetches and replays again,
//!    a few times.
//! 4. Bring the index up to date with the files that changed.
//!
//! When a conflict remains, the rebase stays stopped: [`Stopped`] names each record, field
//! and both values; [`resume`] (`--continue`) goes on once the files are fixed, [`abort`]
//! returns the book to where it was. Nothing is ever committed or pushed with conflict
//! markers in it. The whole sync holds the book's write lock.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::book::Book;
use crate::change::lock::{Holder, WriteLock};
use crate::config;
use crate::error::{Error, IoContext, Result};
use crate::git::repo::DiffEntry;
use crate::git::{Repo, setup};
use crate::index::SearchIndex;
use crate::model::Kind;
use crate::store::{merge, write};

/// How many times a push rejected by a concurrent push is retried (fetch, replay, push).
const PUSH_ATTEMPTS: usize = 3;

/// What `rolo sync` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The remote to use; default: the branch's upstream remote, else `origin`, else the
    /// only remote.
    pub remote: Option<String>,
}

/// A record a sync brought in or sent out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    #[serde(rename = "type")]
    pub kind: Kind,
    pub id: String,
    /// `added`, `changed` or `removed`.
    pub action: &'static str,
}

/// A finished sync.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Records changed by the remote's commits that came in.
    pub pulled: Vec<Item>,
    /// Records changed by the local commits that went out.
    pub pushed: Vec<Item>,
    /// How many local commits went out.
    pub pushed_commits: usize,
    /// Files that were changed outside rolo and committed before syncing.
    pub committed_first: Vec<String>,
    /// Milliseconds spent in git (fetch, replay, push) and in bringing the index up to date.
    pub git_ms: u128,
    pub index_ms: u128,
}

/// One field both sides changed differently, or a record one side removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldConflict {
    /// A dotted key, `body`, or `file` (the record is removed on one side, or did not
    /// parse); values are as written in TOML, `None` where absent.
    pub key: String,
    pub remote: Option<String>,
    pub local: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordConflict {
    /// Relative to the book.
    pub path: String,
    pub fields: Vec<FieldConflict>,
}

/// A sync stopped on conflicts: the book is mid-rebase until `--continue` or `--abort`.
#[derive(Debug, Serialize)]
pub struct Stopped {
    pub conflicts: Vec<RecordConflict>,
}

#[derive(Debug)]
pub enum Outcome {
    Done(Report),
    Stopped(Stopped),
}

/// What a sync remembers while it is stopped (`.rolo/sync.json`).
#[derive(Debug, Serialize, Deserialize)]
struct State {
    remote: String,
    branch: String,
    /// The remote's commit being integrated, and where the two histories met.
    remote_tip: String,
    base: String,
    /// HEAD before the replay (what `--abort` returns to), and files committed first.
    head_before: String,
    committed_first: Vec<String>,
}

fn state_path(book: &Book) -> PathBuf {
    book.root().join(".rolo").join("sync.json")
}

/// Whether a sync is stopped on conflicts in this book (every command says so).
pub fn in_progress(book: &Book) -> bool {
    state_path(book).is_file() || Repo::find(book.root()).is_some_and(|r| r.rebasing())
}

fn repo(book: &Book) -> Result<Repo> {
    Repo::find(book.root()).ok_or_else(|| {
        Error::Usage(format!(
            "{} is not in a git repository: sync needs one with a remote (`git init`, then `git remote add origin URL`)",
            book.root().display()
        ))
    })
}

/// Run `rolo sync`.
pub fn sync(
    book: &Book,
    opts: &Options,
    waiting: &mut dyn FnMut(Option<Holder>),
) -> Result<Outcome> {
    let repo = repo(book)?;
    if in_progress(book) || repo.integrating() {
        return Err(Error::Usage(
            "a sync is already stopped on conflicts: fix the files, then `rolo sync --continue`, or `rolo sync --abort`".into(),
        ));
    }
    let _lock = WriteLock::acquire(book.root(), "sync", waiting)?;
    setup::ensure(book.root())?;
    let branch = repo.branch().ok_or_else(|| {
        Error::Usage("HEAD is not on a branch (detached): check out the book's branch first".into())
    })?;
    let remote = choose_remote(&repo, &branch, opts)?;
    let remote_branch = repo
        .config(&format!("branch.{branch}.merge"))
        .and_then(|m| m.strip_prefix("refs/heads/").map(String::from))
        .unwrap_or_else(|| branch.clone());
    let started = Instant::now();
    let committed_first = commit_local_changes(book, &repo)?;
    let mut report = Report { committed_first, ..Report::default() };
    for attempt in 0..PUSH_ATTEMPTS {
        fetch(&repo, &remote)?;
        let remote_ref = format!("refs/remotes/{remote}/{remote_branch}");
        let head = repo
            .rev("HEAD")
            .ok_or_else(|| Error::Git("the repository has no commit yet".into()))?;
        let Some(tip) = repo.rev(&remote_ref) else {
            // The remote has no such branch yet: everything goes out.
            return finish_push(book, &repo, &remote, &remote_branch, report, started);
        };
        let base = repo.run(&["merge-base", &head, &tip])?;
        if tip != base {
            report.pulled = items(&repo, &repo.diff(&base, &tip)?);
            if head == base {
                repo.run(&["merge", "--ff-only", "--quiet", &tip])?;
            } else {
                let state = State {
                    remote: remote.clone(),
                    branch: remote_branch.clone(),
                    remote_tip: tip.clone(),
                    base: base.clone(),
                    head_before: head.clone(),
                    committed_first: report.committed_first.clone(),
                };
                save_state(book, &state)?;
                if let Some(stopped) = replay(book, &repo, &tip)? {
                    return Ok(Outcome::Stopped(stopped));
                }
                let _ = fs::remove_file(state_path(book));
            }
        }
        match push(&repo, &remote, &remote_branch, &tip) {
            Ok(pushed) => {
                let (pushed_commits, pushed_items) = pushed;
                report.pushed_commits = pushed_commits;
                report.pushed = pushed_items;
                return finish(book, report, started);
            }
            Err(PushError::Rejected) if attempt + 1 < PUSH_ATTEMPTS => continue,
            Err(PushError::Rejected) => {
                return Err(Error::Sync(format!(
                    "the push to {remote} was rejected {PUSH_ATTEMPTS} times (others keep pushing); your commits are kept: run `rolo sync` again"
                )));
            }
            Err(PushError::Failed(e)) => return Err(e),
        }
    }
    unreachable!("the loop returns on its last attempt")
}

/// `rolo sync --continue`: the conflicts are fixed in the files; go on with the replay,
/// then push.
pub fn resume(book: &Book, waiting: &mut dyn FnMut(Option<Holder>)) -> Result<Outcome> {
    let repo = repo(book)?;
    let Some(state) = load_state(book) else {
        return Err(Error::Usage("no sync is stopped in this book: nothing to continue".into()));
    };
    let _lock = WriteLock::acquire(book.root(), "sync", waiting)?;
    let started = Instant::now();
    if repo.rebasing() {
        mark_resolved(book, &repo)?;
        let mut cmd = repo.cmd();
        cmd.env("GIT_EDITOR", "true").args(["rebase", "--continue"]);
        if let Err(e) = crate::git::run_cmd(cmd) {
            match stopped(&repo)? {
                Some(s) => return Ok(Outcome::Stopped(s)),
                None => return Err(e),
            }
        }
        if let Some(s) = stopped(&repo)? {
            return Ok(Outcome::Stopped(s));
        }
    }
    let _ = fs::remove_file(state_path(book));
    let mut report = Report {
        pulled: items(&repo, &repo.diff(&state.base, &state.remote_tip)?),
        committed_first: state.committed_first,
        ..Report::default()
    };
    match push(&repo, &state.remote, &state.branch, &state.remote_tip) {
        Ok((n, pushed)) => {
            report.pushed_commits = n;
            report.pushed = pushed;
            finish(book, report, started)
        }
        Err(PushError::Rejected) => Err(Error::Sync(format!(
            "the push to {} was rejected (someone pushed meanwhile); your commits are kept: run `rolo sync` again",
            state.remote
        ))),
        Err(PushError::Failed(e)) => Err(e),
    }
}

/// `rolo sync --abort`: stop the replay and return to where the book was before the sync.
pub fn abort(book: &Book, waiting: &mut dyn FnMut(Option<Holder>)) -> Result<()> {
    let repo = repo(book)?;
    let state = load_state(book);
    if state.is_none() && !repo.rebasing() {
        return Err(Error::Usage("no sync is stopped in this book: nothing to abort".into()));
    }
    let _lock = WriteLock::acquire(book.root(), "sync", waiting)?;
    if repo.rebasing() {
        repo.run(&["rebase", "--abort"])?;
    }
    let _ = fs::remove_file(state_path(book));
    Ok(())
}

fn choose_remote(repo: &Repo, branch: &str, opts: &Options) -> Result<String> {
    let remotes = repo.remotes();
    let no_remote = || {
        Error::Sync(
            "the book's repository has no remote: add one with `git remote add origin URL` (a bare repository on a server, a USB stick, GitHub…)"
                .into(),
        )
    };
    if let Some(name) = &opts.remote {
        return if remotes.contains(name) {
            Ok(name.clone())
        } else if remotes.is_empty() {
            Err(no_remote())
        } else {
            Err(Error::Usage(format!(
                "no remote named \"{name}\"; remotes: {}",
                remotes.join(", ")
            )))
        };
    }
    if let Some(upstream) = repo.config(&format!("branch.{branch}.remote"))
        && remotes.contains(&upstream)
    {
        return Ok(upstream);
    }
    match remotes.as_slice() {
        [] => Err(no_remote()),
        [one] => Ok(one.clone()),
        many if many.iter().any(|r| r == "origin") => Ok("origin".into()),
        many => Err(Error::Usage(format!(
            "the repository has several remotes ({}): choose one with --remote",
            many.join(", ")
        ))),
    }
}

/// Commit records (and the book's own files) changed outside rolo, so that nothing
/// uncommitted is in the way of the replay; refuse when autocommit is off or other
/// files are changed.
fn commit_local_changes(book: &Book, repo: &Repo) -> Result<Vec<String>> {
    let attributes = book.root().join(".gitattributes");
    let existing = fs::read_to_string(&attributes).unwrap_or_default();
    if !setup::has_attributes(&existing) {
        let sep = if existing.is_empty() || existing.ends_with('\n') { "" } else { "\n" };
        let text = format!("{existing}{sep}{}", setup::gitattributes());
        write::replace(&attributes, text.as_bytes())?;
        crate::git::commit(
            book.root(),
            &[PathBuf::from(".gitattributes")],
            "rolo: merge records key by key (.gitattributes)",
        )?;
    }
    let changed = repo.changed(&[])?;
    let (ours, others): (Vec<_>, Vec<_>) = changed
        .into_iter()
        .partition(|c| repo.book_path(&c.path).is_some_and(|p| is_book_file(&p)));
    if !others.is_empty() {
        let names: Vec<&str> = others.iter().map(|c| c.path.as_str()).collect();
        return Err(Error::Usage(format!(
            "files outside the book's records have uncommitted changes: {}; commit or stash them first",
            names.join(", ")
        )));
    }
    if ours.is_empty() {
        return Ok(Vec::new());
    }
    let paths: Vec<PathBuf> = ours.iter().filter_map(|c| repo.book_path(&c.path)).collect();
    let names: Vec<String> = paths.iter().map(|p| p.to_string_lossy().replace('\\', "/")).collect();
    if !book.config.git.autocommit {
        return Err(Error::Usage(format!(
            "uncommitted changes ([git] autocommit is off): {}; commit them first",
            names.join(", ")
        )));
    }
    if let Some(marked) = paths.iter().find(|p| has_markers(&book.root().join(p))) {
        return Err(Error::Usage(format!(
            "{} has conflict markers (<<<<<<<): fix it before syncing",
            marked.display()
        )));
    }
    let message = format!("sync: commit changes made outside rolo: {}", names.join(", "));
    crate::git::commit(book.root(), &paths, &message)?;
    Ok(names)
}

/// Records and the files rolo keeps beside them (committed by sync when changed).
fn is_book_file(rel: &Path) -> bool {
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let first = first.as_deref().unwrap_or_default();
    Kind::ALL.iter().any(|k| k.dir() == first)
        || first == "templates"
        || [config::FILE_NAME, ".gitignore", ".gitattributes"].contains(&first)
}

fn fetch(repo: &Repo, remote: &str) -> Result<()> {
    repo.run(&["fetch", "--quiet", remote]).map(drop).map_err(|e| {
        let url = repo.config(&format!("remote.{remote}.url")).unwrap_or_default();
        let e = e.to_string();
        Error::Sync(format!(
            "cannot fetch from {remote} ({url}): {}; nothing was changed, your commits are kept",
            e.trim_start_matches("git: ")
        ))
    })
}

/// Replay the local commits on the remote's; `Some` when it stopped on conflicts.
fn replay(book: &Book, repo: &Repo, tip: &str) -> Result<Option<Stopped>> {
    let mut cmd = repo.cmd();
    cmd.env("GIT_EDITOR", "true").args(["rebase", "--quiet", tip]);
    match crate::git::run_cmd(cmd) {
        Ok(_) => Ok(None),
        Err(e) => match stopped(repo)? {
            Some(s) => Ok(Some(s)),
            None => {
                // It failed before replaying anything (a dirty tree, say): undo it.
                if repo.rebasing() {
                    let _ = repo.run(&["rebase", "--abort"]);
                }
                let _ = fs::remove_file(state_path(book));
                Err(e)
            }
        },
    }
}

/// The conflicts of a stopped replay, per record and field.
fn stopped(repo: &Repo) -> Result<Option<Stopped>> {
    let unmerged = repo.unmerged()?;
    if unmerged.is_empty() {
        // Not stopped on conflicts (finished, or stopped for another reason).
        return Ok(None);
    }
    let text = |stage: u8, path: &str| {
        repo.show(&format!(":{stage}:{path}")).map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    let mut conflicts = Vec::new();
    for path in unmerged {
        // During a replay, git's "ours" (stage 2) is the remote and "theirs" (stage 3) the
        // local commit being replayed.
        let (base, remote, local) = (text(1, &path), text(2, &path), text(3, &path));
        let fields = match (&remote, &local) {
            (Some(r), Some(l)) => {
                let labels = merge::Labels { base: "base", ours: "remote", theirs: "local" };
                let merged = merge::merge(base.as_deref().unwrap_or(""), r, l, &labels);
                merged
                    .conflicts
                    .into_iter()
                    .map(|c| FieldConflict { key: c.key, remote: c.ours, local: c.theirs })
                    .collect()
            }
            (None, _) => vec![FieldConflict {
                key: "file".into(),
                remote: None,
                local: Some("changed".into()),
            }],
            (_, None) => vec![FieldConflict {
                key: "file".into(),
                remote: Some("changed".into()),
                local: None,
            }],
        };
        let rel = repo.book_path(&path).unwrap_or_else(|| PathBuf::from(&path));
        conflicts.push(RecordConflict { path: rel.to_string_lossy().replace('\\', "/"), fields });
    }
    Ok(Some(Stopped { conflicts }))
}

/// Stage the fixed files of a stopped replay; refuse while one still has markers.
fn mark_resolved(book: &Book, repo: &Repo) -> Result<()> {
    for path in repo.unmerged()? {
        let rel = repo.book_path(&path).unwrap_or_else(|| PathBuf::from(&path));
        let abs = book.root().join(&rel);
        if abs.exists() {
            if let Some(line) = marker_line(&abs) {
                return Err(Error::Usage(format!(
                    "{}:{line}: conflict markers are still there: keep one side of each, then `rolo sync --continue` again",
                    rel.display()
                )));
            }
            repo.run(&["add", "--", &path])?;
        } else {
            repo.run(&["rm", "--quiet", "--cached", "--", &path])?;
        }
    }
    Ok(())
}

/// The first line of a file that is a conflict marker.
fn marker_line(path: &Path) -> Option<usize> {
    let text = fs::read_to_string(path).ok()?;
    text.lines().position(is_marker).map(|n| n + 1)
}

fn has_markers(path: &Path) -> bool {
    marker_line(path).is_some()
}

pub fn is_marker(line: &str) -> bool {
    let line = line.trim_end_matches('\r');
    ["<<<<<<< ", ">>>>>>> "].iter().any(|m| line.starts_with(m))
        || line == "<<<<<<<"
        || line == ">>>>>>>"
        || line == "======="
}

enum PushError {
    Rejected,
    Failed(Error),
}

/// Push HEAD; how many commits and which records went out (against the remote's tip
/// that was integrated).
fn push(
    repo: &Repo,
    remote: &str,
    branch: &str,
    tip: &str,
) -> Result<(usize, Vec<Item>), PushError> {
    let head = repo.rev("HEAD").ok_or_else(|| PushError::Failed(Error::Git("no HEAD".into())))?;
    if head == tip {
        return Ok((0, Vec::new()));
    }
    let count = repo
        .run(&["rev-list", "--count", &format!("{tip}..{head}")])
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let pushed = repo.diff(tip, &head).map(|d| items(repo, &d)).unwrap_or_default();
    match repo.run(&["push", "--quiet", remote, &format!("HEAD:refs/heads/{branch}")]) {
        Ok(_) => Ok((count, pushed)),
        Err(Error::Git(m)) if is_rejection(&m) => Err(PushError::Rejected),
        Err(e) => Err(PushError::Failed(push_error(repo, remote, e))),
    }
}

/// A push refused because the remote moved since the fetch (someone pushed meanwhile),
/// as git words it for a fast-forward check or for a ref that moved mid-push.
fn is_rejection(message: &str) -> bool {
    ["rejected", "non-fast-forward", "fetch first", "stale info", "cannot lock ref"]
        .iter()
        .any(|w| message.contains(w))
}

fn push_error(repo: &Repo, remote: &str, e: Error) -> Error {
    let url = repo.config(&format!("remote.{remote}.url")).unwrap_or_default();
    let e = e.to_string();
    Error::Sync(format!(
        "cannot push to {remote} ({url}): {}; your commits are kept",
        e.trim_start_matches("git: ")
    ))
}

/// Everything goes out to a remote that has no such branch yet.
fn finish_push(
    book: &Book,
    repo: &Repo,
    remote: &str,
    branch: &str,
    mut report: Report,
    started: Instant,
) -> Result<Outcome> {
    let head = repo.rev("HEAD").ok_or_else(|| Error::Git("no HEAD".into()))?;
    report.pushed_commits =
        repo.run(&["rev-list", "--count", &head]).ok().and_then(|n| n.parse().ok()).unwrap_or(0);
    repo.run(&["push", "--quiet", "-u", remote, &format!("HEAD:refs/heads/{branch}")])
        .map_err(|e| push_error(repo, remote, e))?;
    finish(book, report, started)
}

/// Bring the index up to date and time it apart from git.
fn finish(book: &Book, mut report: Report, started: Instant) -> Result<Outcome> {
    // The commits pulled join the commit-graph, so history stays fast.
    if let Some(repo) = Repo::find(book.root()) {
        crate::git::graph::write(&repo);
    }
    report.git_ms = started.elapsed().as_millis();
    let indexing = Instant::now();
    SearchIndex::open_fresh(book, &mut |_, _| {})?;
    report.index_ms = indexing.elapsed().as_millis();
    Ok(Outcome::Done(report))
}

/// The records among diff entries.
fn items(repo: &Repo, diff: &[DiffEntry]) -> Vec<Item> {
    let mut seen = BTreeSet::new();
    diff.iter()
        .filter_map(|d| {
            let rel = repo.book_path(&d.path)?;
            let (kind, id) = record_of(&rel)?;
            let action = match d.status {
                'A' => "added",
                'D' => "removed",
                _ => "changed",
            };
            seen.insert((kind, id.clone())).then_some(Item { kind, id, action })
        })
        .collect()
}

/// The kind and id of a record path (`contacts/anna.md`, `notes/2026/…md`).
fn record_of(rel: &Path) -> Option<(Kind, String)> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    let kind = Kind::ALL.into_iter().find(|k| k.dir() == first)?;
    let id = rel.file_name()?.to_str()?.strip_suffix(".md")?;
    Some((kind, id.to_string()))
}

fn save_state(book: &Book, state: &State) -> Result<()> {
    let path = state_path(book);
    let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other).at(&path)?;
    write::replace(&path, &json)
}

fn load_state(book: &Book) -> Option<State> {
    serde_json::from_slice(&fs::read(state_path(book)).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_record_paths() {
        assert!(is_marker("<<<<<<< remote"));
        assert!(is_marker("=======\r"));
        assert!(!is_marker("======== not one"));
        assert!(!is_marker("a <<<<<<< b"));
        assert_eq!(
            record_of(Path::new("notes/2026/2026-11-20-anna.md")),
            Some((Kind::Note, "2026-11-20-anna".into()))
        );
        assert_eq!(record_of(Path::new("rolo.toml")), None);
        assert!(is_book_file(Path::new("contacts/anna.md")));
        assert!(is_book_file(Path::new(".gitattributes")));
        assert!(!is_book_file(Path::new("README.md")));
    }
}
