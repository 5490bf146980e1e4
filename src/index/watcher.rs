//! Asking a running `rolo watch` whether the index is fresh, instead of walking the book.
//!
//! The question proves itself: the command writes a cookie file into `.rolo/watch/` and
//! names it in its request; the watcher answers only once it has seen that file's event,
//! so every change made before the question (a hand edit saved an instant earlier) has
//! reached it first — the technique of watchman and git's fsmonitor. The answer carries
//! the fingerprint of the book as the watcher indexed it.
//!
//! Correctness first: no socket, no answer within a few milliseconds, a watcher of
//! another version, or any error means `None`, and the command walks as it always did.
//! The watcher itself is [`crate::watch`]'s.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Bumped when the request or the answer changes; a watcher of another protocol (an
/// older rolo still running) is not asked.
pub const PROTOCOL: &str = concat!("rolo-watch-1 ", env!("CARGO_PKG_VERSION"));

/// How long a command waits for a watcher's first word: a watcher that is stopped,
/// swapped out or wedged costs the command no more than this before it walks.
const FIRST_WORD: Duration = Duration::from_millis(50);
/// How long it waits once the watcher has the question, for its cookie to come through
/// the events before it (a flood of them after a `git checkout`).
const QUEUED: Duration = Duration::from_secs(2);
/// How long it waits once the watcher said it is indexing what changed (thousands of
/// files): still less than walking and indexing them itself.
const INDEXING: Duration = Duration::from_secs(30);

/// Where the watcher of the book at `root` listens. In `.rolo/` when the path fits in a
/// Unix socket address (about 100 bytes), else in the runtime directory, named by a
/// digest of the book's path.
pub fn socket_path(root: &Path) -> PathBuf {
    let local = root.join(".rolo").join("watch.sock");
    if local.as_os_str().len() < 100 {
        return local;
    }
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(std::env::temp_dir, PathBuf::from);
    let digest = crate::git::blob_id(root.to_string_lossy().as_bytes());
    runtime.join(format!("rolo-watch-{}.sock", &digest[..16]))
}

/// The directory of cookie files.
pub fn cookie_dir(root: &Path) -> PathBuf {
    root.join(".rolo").join("watch")
}

/// The book's fingerprint as the watcher indexed it, once every change made before this
/// call is indexed; `None` when there is no watcher to ask or it cannot answer.
pub fn fresh(root: &Path) -> Option<(u64, u64)> {
    let socket = socket_path(root);
    if !socket.exists() {
        return None;
    }
    let mut stream = UnixStream::connect(&socket).ok()?;
    let cookie = write_cookie(root)?;
    let answer = ask(&mut stream, &cookie);
    let _ = std::fs::remove_file(&cookie);
    answer
}

fn write_cookie(root: &Path) -> Option<PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = cookie_dir(root);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!("{}-{}-{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    let path = dir.join(name);
    std::fs::write(&path, b"").ok()?;
    Some(path)
}

fn ask(stream: &mut UnixStream, cookie: &Path) -> Option<(u64, u64)> {
    let name = cookie.file_name()?.to_str()?;
    stream.set_write_timeout(Some(FIRST_WORD)).ok()?;
    stream.set_read_timeout(Some(FIRST_WORD)).ok()?;
    writeln!(stream, "fresh {name} {PROTOCOL}").ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let mut words = line.split_whitespace();
        match words.next()? {
            // It has the question, and will answer once the events before it are in.
            "queued" => stream.set_read_timeout(Some(QUEUED)).ok()?,
            // It is indexing what changed: worth waiting for.
            "indexing" => stream.set_read_timeout(Some(INDEXING)).ok()?,
            "fresh" => {
                let sum = words.next()?.parse().ok()?;
                let count = words.next()?.parse().ok()?;
                return Some((sum, count));
            }
            _ => return None,
        }
    }
}

/// Ask a running watcher how it is (`rolo watch --status`); `None` when none answers.
pub fn status(root: &Path) -> Option<String> {
    let mut stream = UnixStream::connect(socket_path(root)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    writeln!(stream, "status {PROTOCOL}").ok()?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).ok()?;
    let line = line.trim();
    line.strip_prefix("status ").map(str::to_string)
}
