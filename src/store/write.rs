//! Atomic writes: a temporary file in the same directory, fsync, then rename (or link,
//! for a file that must not exist yet), then fsync of the directory.
//!
//! The only place that writes record files.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{IoContext, Result};

/// Replace (or create) `path` with `bytes`; a reader sees the old or the new file, never a mix.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = write_temp(path, bytes)?;
    if let Ok(meta) = fs::metadata(path) {
        // Keep the permissions a person gave the file.
        let _ = fs::set_permissions(&tmp, meta.permissions());
    }
    fs::rename(&tmp, path)
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
        .at(path)?;
    sync_dir(path)
}

/// Replace a cache file (the index's manifest): atomic like [`replace`], without the
/// fsyncs. After a crash it may be empty or old, which only means re-indexing. Two
/// threads may write the same file at once: each through a temporary file of its own.
pub fn replace_cache(path: &Path, bytes: &[u8]) -> Result<()> {
    replace_cache_with(path, |out| out.write_all(bytes))
}

/// [`replace_cache`] with what `write` writes, as it comes: a cache too large to be
/// held whole in memory as well.
pub fn replace_cache_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    static WRITES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let written = File::create(&tmp).and_then(|file| {
        let mut out = io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        out.flush()
    });
    written
        .and_then(|()| fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
        .at(path)
}

/// Create `path` with `bytes` only if nothing is there yet: `Ok(false)` if it exists.
/// Two processes creating the same id never overwrite each other.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<bool> {
    let tmp = write_temp(path, bytes)?;
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_dir(path)?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e).at(path),
    }
}

/// Write `path` in place, without fsync: for files nobody reads until they are complete
/// and made durable later with [`sync_files`] (a change's journal stages new contents so).
pub fn overwrite(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file =
        OpenOptions::new().write(true).create(true).truncate(true).open(path).at(path)?;
    file.write_all(bytes).at(path)
}

/// fsync many files, several at a time: on a VM one fsync waits milliseconds on the
/// disk, and the file system's journal commits concurrent ones together (an import of
/// 20,000 records spent most of its time in one fsync after another).
pub fn sync_files(paths: &[PathBuf]) -> Result<()> {
    const THREADS: usize = 16;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<()>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS.min(paths.len()))
            .map(|_| {
                scope.spawn(|| -> Result<()> {
                    loop {
                        let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = paths.get(n) else { return Ok(()) };
                        File::open(path).and_then(|f| f.sync_all()).at(path)?;
                    }
                })
            })
            .collect();
        let stopped = || Err(io::Error::other("an fsync thread stopped")).at(".");
        workers.into_iter().map(|w| w.join().unwrap_or_else(|_| stopped())).collect()
    });
    results.into_iter().collect()
}

/// fsync a directory, so that the names created, renamed or removed in it are durable.
pub fn sync_dir_path(dir: &Path) {
    // Directories cannot be opened for sync on every platform; where they can, do it.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether `name` is a temporary file of [`replace`] or [`create_new`] (`.NAME.PID.N.tmp`),
/// and the process that wrote it: such files are never records and, once their writer is
/// gone, only garbage.
pub fn temp_file_writer(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let mut parts = inner.rsplitn(3, '.');
    let _attempt: u32 = parts.next()?.parse().ok()?;
    let pid = parts.next()?.parse().ok()?;
    parts.next().filter(|n| !n.is_empty())?;
    Some(pid)
}

/// Whether a process of this machine is still running. Where `/proc` does not exist, a
/// process is taken to be alive (its leftovers then stay, which is safe).
pub fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Remove `path` (a record being deleted).
pub fn remove(path: &Path) -> Result<()> {
    fs::remove_file(path).at(path)?;
    sync_dir(path)
}

fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).at(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for attempt in 0..100u32 {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).at(&tmp),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(e).at(&tmp);
        }
        return Ok(tmp);
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free temporary file name")).at(dir)
}

fn sync_dir(path: &Path) -> Result<()> {
    sync_dir_path(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Threads of one process writing the same cache at once: every reader finds one
    /// whole version, and no temporary file is left behind.
    #[test]
    fn caches_written_by_two_threads_at_once_stay_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("rolo-facts");
        let versions: Vec<Vec<u8>> = (0..2u8).map(|t| vec![b'a' + t; 200_000]).collect();
        std::thread::scope(|scope| {
            for version in &versions {
                let p = &p;
                scope.spawn(move || {
                    for _ in 0..40 {
                        replace_cache(p, version).unwrap();
                    }
                });
            }
            scope.spawn(|| {
                for _ in 0..200 {
                    if let Ok(read) = fs::read(&p) {
                        assert!(versions.contains(&read), "{} bytes, torn", read.len());
                    }
                }
            });
        });
        let left: Vec<_> =
            fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(left, ["rolo-facts"]);
    }

    #[test]
    fn replace_and_create_new() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.md");
        assert!(create_new(&p, b"one").unwrap());
        assert!(!create_new(&p, b"two").unwrap());
        assert_eq!(fs::read(&p).unwrap(), b"one");
        replace(&p, b"three").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        let left: Vec<_> = fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary files left behind");
    }

    #[test]
    fn temporary_names_name_their_writer() {
        assert_eq!(temp_file_writer(".anna-petrova.md.4242.0.tmp"), Some(4242));
        assert_eq!(temp_file_writer(".rolo-manifest.17.tmp"), None, "cache temps have no attempt");
        assert_eq!(temp_file_writer("anna.md"), None);
        assert_eq!(temp_file_writer(".x.md.abc.0.tmp"), None);
    }
}
