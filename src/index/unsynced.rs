//! Index writes without waiting for the disk, for the watcher.
//!
//! A tantivy commit of one changed file makes about sixteen `fdatasync`s (each new
//! segment file, the list of managed files rewritten once per file, `meta.json`, the
//! folder): half of the time between a hand edit and the answer to the next command.
//! The index is a cache of the files, so the watcher writes without them and makes its
//! work durable after it has answered (one `syncfs`). While it is busy, a marker in the
//! index folder names the boot it wrote in (written once per burst of edits, removed
//! when the book is quiet and everything is on the disk): an index found with the marker of another
//! boot may have lost writes to a crash and is rebuilt. In the same boot the page cache
//! holds every write, whoever reads it.
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

/// A directory that writes without waiting for the disk, when this boot can be named
/// (the marker is written, durably, first); `None` where it cannot.
pub fn open(dir: &Path) -> tantivy::Result<Option<Unsynced>> {
    let Some(boot) = boot_id() else { return Ok(None) };
    let marker = dir.join(MARKER);
    if fs::read_to_string(&marker).ok().is_none_or(|b| b.trim() != boot) {
        let written = write_durably(&marker, boot.as_bytes());
        written.map_err(|e| tantivy::TantivyError::from(io_error(&marker, e)))?;
    }
    Ok(Some(Unsynced { inner: MmapDirectory::open(dir)?, root: dir.to_path_buf() }))
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

fn io_error(path: &Path, e: io::Error) -> tantivy::directory::error::OpenDirectoryError {
    tantivy::directory::error::OpenDirectoryError::IoError {
        io_error: Arc::new(e),
        directory_path: path.to_path_buf(),
    }
}

/// tantivy's memory-mapped directory, writing without `fsync`.
#[derive(Clone, Debug)]
pub struct Unsynced {
    inner: MmapDirectory,
    root: PathBuf,
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
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
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
    fn a_marker_of_another_boot_means_writes_may_be_lost() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        assert!(!lost_to_a_crash(dir), "no marker: every write was durable");
        let Some(unsynced) = open(dir).unwrap() else { return }; // no boot id here
        assert!(!lost_to_a_crash(dir), "this boot's marker: the page cache has every write");
        let mut w = unsynced.open_write(Path::new("a.bin")).unwrap();
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
