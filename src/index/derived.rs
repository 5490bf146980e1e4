//! Summaries computed from the whole book and kept beside the index (`rolo-derived-NAME`),
//! each good for exactly the state of the index it was computed from, and the build of
//! rolo that computed it ([`this_build`]): a report that reads every note reads its few
//! thousand counts instead, the agenda its items, until the book changes.
//!
//! Like the rest of the index, a cache: a file that is missing, of another state, cut
//! short or unreadable is computed again by the caller, never reported.

use super::SearchIndex;
use crate::error::Result;

/// The first line of every file: bumped when what any summary holds changes meaning.
const FORMAT: &str = "rolo-derived-1";

impl SearchIndex {
    /// The bytes kept for `name` with this state of the index and `key` (whatever else
    /// the summary depends on: a time zone, a count), if there are any.
    pub fn derived(&self, name: &str, key: &str) -> Option<Vec<u8>> {
        let mut bytes = std::fs::read(self.derived_path(name)).ok()?;
        let header = self.derived_header(key);
        if !bytes.starts_with(header.as_bytes()) {
            return None;
        }
        bytes.drain(..header.len()); // in place: no second copy of the summary
        Some(bytes)
    }

    /// Keep `bytes` as [`Self::derived`]'s answer for `name` and `key` in this state.
    pub fn keep_derived(&self, name: &str, key: &str, bytes: &[u8]) -> Result<()> {
        let mut file = self.derived_header(key).into_bytes();
        file.extend_from_slice(bytes);
        crate::store::write::replace_cache(&self.derived_path(name), &file)
    }

    fn derived_path(&self, name: &str) -> std::path::PathBuf {
        self.dir.join(format!("rolo-derived-{name}"))
    }

    /// Two lines: the format, the build and the state of the index, then the key quoted
    /// (its line breaks escaped, so that no key can reach into the bytes).
    fn derived_header(&self, key: &str) -> String {
        format!("{FORMAT} {} {}\n{key:?}\n", this_build(), self.state())
    }
}

/// The build of rolo running: its version and its program file (length, times, and on
/// Unix its inode and change time, which no copy or install keeps), taken the first time
/// it is asked for. What another build computed (another version, or the same one
/// changed) is not read: a summary's meaning may have changed with the code. A program
/// whose file cannot be found gets a stamp of its own process, and reads back nothing.
/// A long-running process (the watcher) asks at its start, before its file can be
/// replaced by an upgrade.
pub fn this_build() -> &'static str {
    static BUILD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BUILD.get_or_init(|| {
        let file = std::env::current_exe().and_then(std::fs::metadata);
        let stamp = file.as_ref().ok().and_then(|m| {
            let time = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
            #[cfg(unix)]
            let node = {
                use std::os::unix::fs::MetadataExt;
                format!(".{}.{}.{}", m.ino(), m.ctime(), m.ctime_nsec())
            };
            #[cfg(not(unix))]
            let node = String::new();
            Some(format!("{}.{}.{}{node}", m.len(), time.as_nanos(), env!("CARGO_PKG_VERSION")))
        });
        stamp.unwrap_or_else(|| format!("unknown-{}", std::process::id()))
    })
}

#[cfg(test)]
mod tests {
    use crate::book::Book;
    use crate::index::SearchIndex;

    fn book(dir: &std::path::Path) -> Book {
        std::fs::create_dir_all(dir.join("contacts")).unwrap();
        std::fs::write(dir.join("rolo.toml"), "").unwrap();
        std::fs::write(dir.join("contacts/anna.md"), "+++\nname = \"Анна\"\n+++\n").unwrap();
        Book::open(dir).unwrap()
    }

    #[test]
    fn a_summary_is_kept_for_one_state_and_key() {
        let tmp = tempfile::tempdir().unwrap();
        let book = book(tmp.path());
        let (index, _) = SearchIndex::open_fresh(&book, &mut |_, _| {}).unwrap();
        assert_eq!(index.derived("activity", "5 UTC"), None);
        index.keep_derived("activity", "5 UTC", b"counts").unwrap();
        assert_eq!(index.derived("activity", "5 UTC").as_deref(), Some(&b"counts"[..]));
        // Another key, another summary.
        assert_eq!(index.derived("activity", "5 Asia/Almaty"), None);
        assert_eq!(index.derived("activity", "5\nUTC"), None);
        assert_eq!(index.derived("other", "5 UTC"), None);
        // The book changed: what was kept is of another state.
        std::fs::write(tmp.path().join("contacts/bob.md"), "+++\nname = \"Bob\"\n+++\n").unwrap();
        let (index, _) = SearchIndex::open_fresh(&book, &mut |_, _| {}).unwrap();
        assert_eq!(index.derived("activity", "5 UTC"), None);
    }
}
