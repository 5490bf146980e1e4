//! Index writes without waiting for the disk, for the watcher and for commands that
//! index a few changed files.
//!
//! A tantivy commit of one changed file makes about sixteen `fdatasync`s (each new
//! segment file, the list of managed files rewritten once per file, `meta.json`, the
//! folder): half of the time between a hand edit and the answer to the next command
//! with a watcher, a quarter of a command's own re-indexing without one. The index is a
//! cache of the files, so these writes do without them. Before the first of them, a
//! marker in the index folder names the boot they are made in (written durably, once per
//! burst of edits); it is removed once everything is on the disk (one `syncfs`): by the
//! watcher when the book is quiet, by a process a command that wrote starts apart (when
//! none is waiting already: [`attend`]) once the index is left alone for [`QUIET_APART`],
//! or by the first command to open an index left alone for [`QUIET`]. An index found with
//! the marker of another boot may have lost writes to a crash and is rebuilt. In the same
//! boot the page cache holds every write, whoever reads it.
//!
//! Only where a boot can be named (Linux); elsewhere every write waits for the disk.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// The marker: present while writes made without waiting for the disk may not be on it.
const MARKER: &str = "rolo-unsynced";

/// This boot's identity, where the system has one.
fn boot_id() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let id = fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    Some(id.trim().to_string()).filter(|id| !id.is_empty())
}

/// Whether the index in `dir` may have lost writes: written without waiting for the disk
/// in an earlier boot, and not made durable since.
pub fn lost_to_a_crash(dir: &Path) -> bool {
    match fs::read_to_string(dir.join(MARKER)) {
        Ok(written_in) => boot_id().is_none_or(|now| now != written_in.trim()),
        Err(_) => false,
    }
}

/// How long an index is left alone before any command makes its writes durable: the
/// kernel writes back what has been waiting 30 s by itself, so by then the `syncfs` has
/// little or nothing left to wait for.
pub const QUIET: std::time::Duration = std::time::Duration::from_secs(30);
/// How long an index is left alone before the process started apart to settle it does
/// (a burst of edits and commands is settled once, after it).
pub const QUIET_APART: std::time::Duration = std::time::Duration::from_secs(1);

/// Locked by the process waiting to settle the index apart, for as long as it waits: the
/// kernel lets go of it when that process ends, however it ends.
const SETTLING: &str = "rolo-settling";

/// Whether this process wrote without waiting for the disk.
static WROTE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this process is to have the index in `dir` settled apart: it wrote without
/// waiting for the disk, and no process is waiting to settle it (none started yet, or the
/// one that was has ended: a watcher stopped in a burst of edits, a settling killed).
pub fn settling_wanted(dir: &Path) -> bool {
    // Free if this process can take it (let go again at once); a lock that cannot be
    // looked at means a settling started all the same.
    WROTE.load(std::sync::atomic::Ordering::Relaxed) && !matches!(attend(dir), Ok(None))
}

/// Become the process waiting to settle the index in `dir`: the lock, held until it is
/// dropped; `None` when another process is waiting already.
pub fn attend(dir: &Path) -> io::Result<Option<File>> {
    let lock =
        OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(SETTLING))?;
    match lock.try_lock() {
        Ok(()) => Ok(Some(lock)),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// A directory that writes without waiting for the disk, when this boot can be named;
/// `None` where it cannot. Opening it writes nothing: its first write writes the marker
/// (durably) first.
pub fn open(dir: &Path) -> tantivy::Result<Option<Unsynced>> {
    let Some(boot) = boot_id() else { return Ok(None) };
    Ok(Some(Unsynced {
        inner: MmapDirectory::open(dir)?,
        root: dir.to_path_buf(),
        boot: Arc::new(boot),
        marked: Arc::new(std::sync::Mutex::new(false)),
    }))
}

/// Whether writes made through [`Unsynced`] may not be on the disk yet.
pub fn marked(dir: &Path) -> bool {
    dir.join(MARKER).exists()
}

/// Whether writes made in this boot through [`Unsynced`] may not be on the disk yet:
/// what settling waits for (another boot's marker means a rebuild instead).
pub fn unsettled(dir: &Path) -> bool {
    marked(dir) && !lost_to_a_crash(dir)
}

/// Whether the marker is there and the index folder has not changed for `quiet` (every
/// commit makes files in it).
pub fn marked_and_quiet(dir: &Path, quiet: std::time::Duration) -> bool {
    marked(dir)
        && fs::metadata(dir)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age >= quiet))
}

/// After writes made through [`Unsynced`]: wait until they are on the disk. The marker
/// stays (the next batch need not write it again) until [`make_durable`].
pub fn wait_for_disk(dir: &Path) -> io::Result<()> {
    if dir.join(MARKER).exists() { sync_file_system(dir) } else { Ok(()) }
}

/// Wait until every write made through [`Unsynced`] is on the disk, then remove the
/// marker.
pub fn make_durable(dir: &Path) -> io::Result<()> {
    let marker = dir.join(MARKER);
    if !marker.exists() {
        return Ok(());
    }
    sync_file_system(dir)?;
    fs::remove_file(&marker)
}

#[cfg(target_os = "linux")]
fn sync_file_system(dir: &Path) -> io::Result<()> {
    let folder = File::open(dir)?;
    rustix::fs::syncfs(&folder).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn sync_file_system(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        File::open(entry?.path())?.sync_all()?;
    }
    File::open(dir)?.sync_all()
}

fn write_durably(path: &Path, content: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("tmp");
    let mut file = File::create(&tmp)?;
    file.write_all(content)?;
    file.sync_all()?;
    fs::rename(&tmp, path)?;
    if let Some(parent) = path.parent() {
        File::open(parent)?.sync_all()?;
    }
    Ok(())
}

/// tantivy's memory-mapped directory, writing without `fsync`.
#[derive(Clone, Debug)]
pub struct Unsynced {
    inner: MmapDirectory,
    root: PathBuf,
    boot: Arc<String>,
    /// Whether this directory wrote the marker (or found this boot's) already.
    marked: Arc<std::sync::Mutex<bool>>,
}

impl Unsynced {
    /// Before any write: the marker of this boot, on the disk.
    fn mark(&self) -> io::Result<()> {
        let mut marked = self.marked.lock().unwrap_or_else(|e| e.into_inner());
        WROTE.store(true, std::sync::atomic::Ordering::Relaxed);
        if !*marked {
            let marker = self.root.join(MARKER);
            if fs::read_to_string(&marker).ok().is_none_or(|b| b.trim() != self.boot.as_str()) {
                write_durably(&marker, self.boot.as_bytes())?;
            }
            *marked = true;
        }
        Ok(())
    }
}

/// A new file of the index, flushed when tantivy is done with it, never synced.
struct Written(File);

impl Write for Written {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl TerminatingWrite for Written {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.0.flush()
    }
}

impl Directory for Unsynced {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mark().map_err(|e| DeleteError::IoError {
            io_error: Arc::new(e),
            filepath: path.to_path_buf(),
        })?;
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mark().map_err(|e| OpenWriteError::wrap_io_error(e, path.to_path_buf()))?;
        let file = OpenOptions::new().write(true).create_new(true).open(self.root.join(path));
        let file = file.map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                OpenWriteError::FileAlreadyExists(path.to_path_buf())
            } else {
                OpenWriteError::wrap_io_error(e, path.to_path_buf())
            }
        })?;
        Ok(BufWriter::new(Box::new(Written(file))))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mark()?;
        let full = self.root.join(path);
        let tmp = full.with_file_name(format!(
            ".{}.{}.tmp",
            full.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
            std::process::id()
        ));
        fs::write(&tmp, data)?;
        fs::rename(&tmp, &full)
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_process_waits_to_settle_at_a_time() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let first = attend(dir).unwrap().expect("nobody waits yet");
        assert!(attend(dir).unwrap().is_none(), "the first one waits");
        assert!(!settling_wanted(dir), "a command that wrote starts none while one waits");
        drop(first);
        assert!(attend(dir).unwrap().is_some(), "free once the first is done");
    }

    #[test]
    fn a_marker_of_another_boot_means_writes_may_be_lost() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        assert!(!lost_to_a_crash(dir), "no marker: every write was durable");
        let Some(unsynced) = open(dir).unwrap() else { return }; // no boot id here
        assert!(!marked(dir), "opened only: nothing written, no marker");
        let mut w = unsynced.open_write(Path::new("a.bin")).unwrap();
        assert!(marked(dir), "the marker before the first write");
        assert!(!lost_to_a_crash(dir), "this boot's marker: the page cache has every write");
        assert!(settling_wanted(dir), "this process wrote the marker");
        assert!(!marked_and_quiet(dir, QUIET_APART), "just written");
        w.write_all(b"segment").unwrap();
        w.terminate().unwrap();
        unsynced.atomic_write(Path::new("meta.json"), b"{}").unwrap();
        assert_eq!(fs::read(dir.join("a.bin")).unwrap(), b"segment");
        assert_eq!(fs::read(dir.join("meta.json")).unwrap(), b"{}");
        fs::write(dir.join(MARKER), "another-boot").unwrap();
        assert!(lost_to_a_crash(dir), "written in another boot and never synced");
        make_durable(dir).unwrap();
        assert!(!lost_to_a_crash(dir), "synced: the marker is gone");
        assert!(!dir.join(MARKER).exists());
    }
}
