//! A redo journal under `.rolo/journal/<name>/` that makes a change of many files one
//! transaction, whatever moment the process is killed at.
//!
//! A change first writes every new file's content into its journal directory (`0`, `1`,
//! …), then `plan.json`, which names each operation (create, replace, remove) with the
//! content it expects to find. Writing the plan is the moment of decision:
//! - killed before it, the book was never touched: the journal is thrown away (rolled back);
//! - killed after it, the next rolo run finishes the plan (rolled forward) and commits it.
//!
//! Applying an operation is idempotent, so a plan can be finished any number of times.
//! Nothing a person wrote is lost: a file that changed under a plan is kept as it is, and
//! rolo's version of it is set aside under `.rolo/recovered/`.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{IoContext, Result};
use crate::git::blob_id;
use crate::store::write;

const PLAN: &str = "plan.json";
/// The command that began the journal, for the message when it is rolled back.
const WHAT: &str = "what";

/// One file operation of a plan; `base` is the git blob id of the content the change read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    Create { path: String, new: String, staged: String },
    Replace { path: String, base: String, new: String, staged: String },
    Remove { path: String, base: String },
}

impl Op {
    pub fn path(&self) -> &str {
        match self {
            Op::Create { path, .. } | Op::Replace { path, .. } | Op::Remove { path, .. } => path,
        }
    }

    /// Creates first and removes last, so that a link never names a missing file.
    fn order(&self) -> u8 {
        match self {
            Op::Create { .. } => 0,
            Op::Replace { .. } => 1,
            Op::Remove { .. } => 2,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Plan {
    pub version: u32,
    /// What the change was (the commit message).
    pub message: String,
    pub ops: Vec<Op>,
}

/// What happened to an operation whose file was not as the change expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The record file, relative to the book.
    pub path: String,
    /// Where rolo's version went, relative to the book (none for a remove: the file stays).
    pub kept: Option<String>,
}

/// Decides what to write when a file to replace changed since it was read: given the
/// path, the file as it is now and rolo's version, the merged text, or `None` to keep the
/// file and set rolo's version aside.
pub type Reconcile<'a> = &'a mut dyn FnMut(&str, &[u8], &[u8]) -> Option<Vec<u8>>;

/// A journal directory being written by a live change.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    next: usize,
}

pub fn root_dir(book: &Path) -> PathBuf {
    book.join(".rolo").join("journal")
}

impl Journal {
    pub fn begin(book: &Path, what: &str) -> Result<Journal> {
        let parent = root_dir(book);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = parent.join(format!("{nanos:024}-{}", std::process::id()));
        fs::create_dir_all(&dir).at(&dir)?;
        // Only for a message; a journal without it rolls back all the same.
        let _ = fs::write(dir.join(WHAT), what);
        Ok(Journal { dir, next: 0 })
    }

    /// Write a file's new content into the journal; returns its name there.
    /// Write a file's new content into the journal; returns its name there. It is made
    /// durable by [`Journal::decide`], all files at once.
    pub fn stage(&mut self, bytes: &[u8]) -> Result<String> {
        let name = self.next.to_string();
        self.next += 1;
        write::overwrite(&self.dir.join(&name), bytes)?;
        Ok(name)
    }

    /// Replace staged content (a record saved twice in one change).
    pub fn restage(&self, name: &str, bytes: &[u8]) -> Result<()> {
        write::overwrite(&self.dir.join(name), bytes)
    }

    /// The moment of decision: every staged file is made durable, then the plan is
    /// written; from here on the plan will be finished.
    pub fn decide(&self, plan: &Plan) -> Result<()> {
        let staged: Vec<PathBuf> = (0..self.next).map(|n| self.dir.join(n.to_string())).collect();
        write::sync_files(&staged)?;
        write::sync_dir_path(&self.dir);
        let json = serde_json::to_vec_pretty(plan).map_err(io::Error::other).at(&self.dir)?;
        write::replace(&self.dir.join(PLAN), &json)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Throw the journal away (the change is committed, or was never decided).
    pub fn discard(self) -> Result<()> {
        remove(&self.dir)
    }
}

/// Remove a journal: after its plan is carried out, or to roll back one never decided
/// (the book was not touched then).
pub fn remove(dir: &Path) -> Result<()> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e).at(dir),
        _ => Ok(()),
    }
}

/// The command that began a journal (`rolo import`), for messages.
pub fn what(dir: &Path) -> String {
    let what = fs::read_to_string(dir.join(WHAT)).unwrap_or_default();
    format!("rolo {}", if what.trim().is_empty() { "change" } else { what.trim() })
}

/// Journals left by processes that stopped before finishing, oldest first. Only call
/// this holding the write lock: a journal of a live change is not abandoned.
pub fn abandoned(book: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(root_dir(book)) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> =
        entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs
}

/// The plan of an abandoned journal, or `None` if it was never decided.
pub fn load_plan(dir: &Path) -> Result<Option<Plan>> {
    let path = dir.join(PLAN);
    match fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(io::Error::other).at(&path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).at(&path),
    }
}

/// Carry out `plan` (staged in `dir`) on the book at `root`. Idempotent. Returns the
/// operations that found their file otherwise than expected and were set aside.
pub fn apply(root: &Path, dir: &Path, plan: &Plan, reconcile: Reconcile) -> Result<Vec<SetAside>> {
    let mut ops: Vec<&Op> = plan.ops.iter().collect();
    ops.sort_by_key(|op| op.order());
    let mut aside = Vec::new();
    let mut touched_dirs = BTreeSet::new();
    let recovered = recovered_dir(root, dir);
    let half = ops.len() / 2;
    for (n, op) in ops.into_iter().enumerate() {
        if n == half {
            crate::failpoint::hit("mid-apply");
        }
        let target = root.join(op.path());
        if let Some(parent) = target.parent() {
            touched_dirs.insert(parent.to_path_buf());
        }
        let current = read_if_exists(&target)?;
        let set_aside = |bytes: &[u8]| -> Result<SetAside> {
            let kept = recovered.join(op.path());
            write::replace(&kept, bytes)?;
            Ok(SetAside { path: op.path().to_string(), kept: Some(relative(root, &kept)) })
        };
        match op {
            Op::Create { new, staged, .. } => {
                let staged = dir.join(staged);
                match current {
                    None => install_new(&staged, &target)?,
                    Some(now) if blob_id(&now) == *new => {}
                    // Someone else created the file meanwhile: theirs stays.
                    Some(_) => {
                        if let Some(ours) = read_staged(&staged)? {
                            aside.push(set_aside(&ours)?);
                        }
                    }
                }
            }
            Op::Replace { base, new, staged, .. } => {
                let staged = dir.join(staged);
                match current {
                    Some(now) if blob_id(&now) == *new => {}
                    Some(now) if blob_id(&now) == *base => move_into_place(&staged, &target)?,
                    Some(now) => {
                        if let Some(ours) = read_staged(&staged)? {
                            match reconcile(op.path(), &now, &ours) {
                                Some(merged) => write::replace(&target, &merged)?,
                                None => aside.push(set_aside(&ours)?),
                            }
                        }
                    }
                    // Removed by hand meanwhile: that removal stands, rolo's version is kept.
                    None => {
                        if let Some(ours) = read_staged(&staged)? {
                            aside.push(set_aside(&ours)?);
                        }
                    }
                }
            }
            Op::Remove { base, .. } => match current {
                None => {}
                Some(now) if blob_id(&now) == *base => {
                    fs::remove_file(&target).at(&target)?;
                }
                Some(_) => aside.push(SetAside { path: op.path().to_string(), kept: None }),
            },
        }
    }
    for d in touched_dirs {
        write::sync_dir_path(&d);
    }
    Ok(aside)
}

/// `.rolo/recovered/<journal name>/`: where rolo's versions of files that changed under a
/// change are kept.
fn recovered_dir(root: &Path, journal: &Path) -> PathBuf {
    let name = journal.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    root.join(".rolo").join("recovered").join(name)
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).at(path),
    }
}

/// A staged file, or `None` when an earlier run already moved it into place.
fn read_staged(staged: &Path) -> Result<Option<Vec<u8>>> {
    read_if_exists(staged)
}

/// Put a staged file where nothing is: a hard link keeps the staged copy until the
/// journal is discarded, so applying again finds the same bytes.
fn install_new(staged: &Path, target: &Path) -> Result<()> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).at(parent)?;
    }
    match fs::hard_link(staged, target) {
        Ok(()) => Ok(()),
        // Created meanwhile: the caller compared contents before; take what is there.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        // A file system without hard links, or `.rolo` on another device.
        Err(_) => {
            let bytes = fs::read(staged).at(staged)?;
            write::create_new(target, &bytes).map(drop)
        }
    }
}

/// Replace a file by its staged version (already on disk and synced), keeping the
/// file's permissions. A rename is atomic: readers see the old or the new file. A plan
/// replayed after this finds the new content by its blob id.
fn move_into_place(staged: &Path, target: &Path) -> Result<()> {
    if let Ok(meta) = fs::metadata(target) {
        let _ = fs::set_permissions(staged, meta.permissions());
    }
    match fs::rename(staged, target) {
        Ok(()) => Ok(()),
        // `.rolo` on another device: write it next to the target instead.
        Err(_) => {
            let bytes = fs::read(staged).at(staged)?;
            write::replace(target, &bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(ops: Vec<Op>) -> Plan {
        Plan { version: 1, message: "test".into(), ops }
    }

    #[test]
    fn apply_is_idempotent_and_sets_aside_what_changed() {
        let book = tempfile::tempdir().unwrap();
        let root = book.path();
        fs::create_dir_all(root.join("contacts")).unwrap();
        fs::write(root.join("contacts/old.md"), "old").unwrap();
        fs::write(root.join("contacts/linker.md"), "links old").unwrap();
        fs::write(root.join("contacts/hand.md"), "edited by hand").unwrap();
        let mut j = Journal::begin(root, "rename").unwrap();
        let new = j.stage(b"old").unwrap();
        let linker = j.stage(b"links new").unwrap();
        let hand = j.stage(b"rolo's version").unwrap();
        let p = plan(vec![
            Op::Remove { path: "contacts/old.md".into(), base: blob_id(b"old") },
            Op::Replace {
                path: "contacts/linker.md".into(),
                base: blob_id(b"links old"),
                new: blob_id(b"links new"),
                staged: linker,
            },
            Op::Replace {
                path: "contacts/hand.md".into(),
                base: blob_id(b"what rolo read"),
                new: blob_id(b"rolo's version"),
                staged: hand,
            },
            Op::Create { path: "contacts/new.md".into(), new: blob_id(b"old"), staged: new },
        ]);
        j.decide(&p).unwrap();
        let dir = j.dir().to_path_buf();
        let aside = apply(root, &dir, &p, &mut |_, _, _| None).unwrap();
        assert_eq!(fs::read_to_string(root.join("contacts/new.md")).unwrap(), "old");
        assert!(!root.join("contacts/old.md").exists());
        assert_eq!(fs::read_to_string(root.join("contacts/linker.md")).unwrap(), "links new");
        assert_eq!(fs::read_to_string(root.join("contacts/hand.md")).unwrap(), "edited by hand");
        assert_eq!(aside.len(), 1);
        let kept = root.join(aside[0].kept.as_ref().unwrap());
        assert_eq!(fs::read_to_string(kept).unwrap(), "rolo's version");
        // Again, as a recovery after a kill would: nothing more changes.
        let again = apply(root, &dir, &load_plan(&dir).unwrap().unwrap(), &mut |_, _, _| None);
        assert_eq!(again.unwrap().len(), 1, "the hand-edited file is still set aside, once");
        assert_eq!(fs::read_to_string(root.join("contacts/linker.md")).unwrap(), "links new");
        j.discard().unwrap();
        assert!(abandoned(root).is_empty());
    }

    #[test]
    fn undecided_journals_have_no_plan() {
        let book = tempfile::tempdir().unwrap();
        let mut j = Journal::begin(book.path(), "import").unwrap();
        j.stage(b"x").unwrap();
        let found = abandoned(book.path());
        assert_eq!(found.len(), 1);
        assert!(load_plan(&found[0]).unwrap().is_none());
        assert_eq!(what(&found[0]), "rolo import");
        remove(&found[0]).unwrap();
        assert!(abandoned(book.path()).is_empty());
    }
}
