//! The book's write lock: one rolo process changes the book at a time, from reading the
//! records it changes to committing them.
//!
//! Holding the lock across the whole read → apply → write → commit keeps concurrent
//! changes from losing each other (two `set`s of different keys of one record both land,
//! each in its own commit, in the order they took the lock). It is an advisory lock on
//! `.rolo/write.lock` (`flock`), so the kernel releases it when its process dies: a
//! `kill -9` never leaves the book locked. Hand edits do not take it; the change path
//! compares what it read with the file before replacing it.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use std::time::{Duration, Instant};

use crate::error::{IoContext, Result};

/// How long a wait goes unannounced.
const PATIENCE: Duration = Duration::from_secs(3);

/// Who holds the lock, as it wrote itself into the lock file (for "waiting for …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    /// What it is doing: `set`, `import`, `rename` …
    pub what: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rolo {} (pid {})", self.what, self.pid)
    }
}

/// The held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

pub fn path(root: &Path) -> PathBuf {
    root.join(".rolo").join("write.lock")
}

impl WriteLock {
    /// Wait for the lock. When it stays busy for more than a moment, `waiting` is told
    /// who holds it, once (most changes take a fraction of a second: no need to say so).
    pub fn acquire(
        root: &Path,
        what: &str,
        waiting: &mut dyn FnMut(Option<Holder>),
    ) -> Result<WriteLock> {
        let (mut file, path) = open(root)?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if started.elapsed() < PATIENCE => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    waiting(holder(&mut file));
                    file.lock().at(&path)?;
                    break;
                }
                Err(fs::TryLockError::Error(e)) => return Err(e).at(&path),
            }
        }
        announce(&mut file, what);
        Ok(WriteLock { _file: file })
    }

    /// The lock if nobody holds it, else `None` (a live process is changing the book).
    pub fn try_acquire(root: &Path, what: &str) -> Result<Option<WriteLock>> {
        let (mut file, path) = open(root)?;
        match file.try_lock() {
            Ok(()) => {
                announce(&mut file, what);
                Ok(Some(WriteLock { _file: file }))
            }
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e).at(&path),
        }
    }
}

fn open(root: &Path) -> Result<(File, PathBuf)> {
    let path = path(root);
    let dir = path.parent().unwrap_or(root);
    fs::create_dir_all(dir).at(dir)?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .at(&path)?;
    Ok((file, path))
}

/// Say who holds the lock (best effort: it only feeds a message to those waiting).
fn announce(file: &mut File, what: &str) {
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = writeln!(file, "{} {what}", std::process::id());
}

fn holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut text).ok()?;
    let (pid, what) = text.trim().split_once(' ')?;
    Some(Holder { pid: pid.parse().ok()?, what: what.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let first = WriteLock::acquire(dir.path(), "set", &mut |_| panic!("free")).unwrap();
        assert!(WriteLock::try_acquire(dir.path(), "import").unwrap().is_none());
        let (mut file, _) = open(dir.path()).unwrap();
        assert_eq!(holder(&mut file), Some(Holder { pid: std::process::id(), what: "set".into() }));
        drop(first);
        assert!(WriteLock::try_acquire(dir.path(), "import").unwrap().is_some());
    }
}
