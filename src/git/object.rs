//! Blobs written as loose objects in-process, as `git hash-object -w --no-filters` writes
//! them: one git process less per change.
//!
//! Only where rolo knows the layout for certain: a SHA-1 repository whose objects live in
//! `objects/` of its git directory, not shared between users (whose directories need
//! group permissions git computes). Anywhere else the caller asks git.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Whether blobs can be written here in-process: no `GIT_OBJECT_DIRECTORY` (or `GIT_DIR`)
/// pointing elsewhere, and a configuration that names neither another object format nor
/// a shared repository.
pub fn writable_here(common_dir: &Path) -> bool {
    if ["GIT_OBJECT_DIRECTORY", "GIT_DIR", "GIT_ALTERNATE_OBJECT_DIRECTORIES"]
        .iter()
        .any(|v| std::env::var_os(v).is_some())
    {
        return false;
    }
    let Ok(config) = fs::read_to_string(common_dir.join("config")) else { return false };
    let config = config.to_ascii_lowercase();
    !config.contains("objectformat") && !config.contains("sharedrepository")
}

/// Write `bytes` as a blob under `objects` (if it is not there yet); its id.
///
/// Written to a temporary file first and linked into place, so a reader never sees half
/// an object; a process killed half-way leaves only a `tmp_obj_` file, which `git gc`
/// removes like its own.
pub fn write_blob(objects: &Path, bytes: &[u8]) -> std::io::Result<String> {
    let id = super::blob_id(bytes);
    let dir = objects.join(&id[..2]);
    let path = dir.join(&id[2..]);
    if path.is_file() {
        return Ok(id);
    }
    match fs::create_dir(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    let tmp = temporary(&dir);
    let written = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        let mut object = format!("blob {}\0", bytes.len()).into_bytes();
        object.extend_from_slice(bytes);
        file.write_all(&zlib_stored(&object))?;
        drop(file);
        set_read_only(&tmp)?;
        match fs::hard_link(&tmp, &path) {
            Ok(()) => Ok(()),
            // Another process wrote the same object meanwhile: the same bytes.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(_) => fs::rename(&tmp, &path),
        }
    })();
    let _ = fs::remove_file(&tmp);
    written.map(|()| id)
}

fn temporary(dir: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("tmp_obj_rolo_{}_{n}", std::process::id()))
}

#[cfg(unix)]
fn set_read_only(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o444))
}

#[cfg(not(unix))]
fn set_read_only(path: &Path) -> std::io::Result<()> {
    let mut perms = fs::metadata(path)?.permissions();
    perms.set_readonly(true);
    fs::set_permissions(path, perms)
}

/// `data` as a zlib stream of stored (uncompressed) deflate blocks: valid for every zlib
/// reader, git included, and no compression library needed. A record is a few hundred
/// bytes; the file system's block is larger than what compression would save.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    const BLOCK: usize = 65_535;
    let mut out = Vec::with_capacity(data.len() + data.len() / BLOCK * 5 + 16);
    out.extend_from_slice(&[0x78, 0x01]);
    let mut chunks = data.chunks(BLOCK).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        let len = chunk.len() as u16;
        out.push(u8::from(last));
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_matches_the_reference_values() {
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn git_reads_the_blobs_written_here() {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| {
            let out = std::process::Command::new("git")
                .current_dir(dir.path())
                .args(args)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            out.stdout
        };
        git(&["init", "-q"]);
        let objects = dir.path().join(".git/objects");
        let big: Vec<u8> = (0..200_000u32).map(|n| (n % 251) as u8).collect();
        for bytes in [&b""[..], "+++\nname = \"Анна Петрова\"\n+++\n".as_bytes(), &big] {
            let id = write_blob(&objects, bytes).unwrap();
            assert_eq!(id, write_blob(&objects, bytes).unwrap(), "written twice: the same id");
            assert_eq!(git(&["cat-file", "blob", &id]), bytes);
            let path = dir.path().join("f");
            fs::write(&path, bytes).unwrap();
            let theirs = git(&["hash-object", "--no-filters", "f"]);
            assert_eq!(String::from_utf8_lossy(&theirs).trim(), id);
        }
        git(&["fsck", "--strict", "--unreachable"]);
        let leftovers: Vec<_> = walkdir::WalkDir::new(&objects)
            .into_iter()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("tmp_obj"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}
