//! The book: finding it, creating it, and reading, creating, saving and removing its
//! records at the paths docs/format.md "The book" gives.
//!
//! Knows the layout of the directory; the file format is [`crate::store`]'s.

use std::fs;
use std::path::{Path, PathBuf};

use crate::config::{self, Config};
use crate::error::{Diagnostic, Error, IoContext, Result};
use crate::git;
use crate::model::reference::{self, Entry};
use crate::model::{Kind, Record, id};
use crate::store::{read, write};

/// Where to look for a book, gathered by the caller (flags and environment).
#[derive(Debug, Clone, Default)]
pub struct Discover {
    /// `--dir`
    pub dir: Option<PathBuf>,
    /// `$ROLO_DIR`
    pub env_dir: Option<PathBuf>,
    pub cwd: PathBuf,
    /// `$XDG_DATA_HOME/rolo`, or `~/.local/share/rolo`.
    pub default: PathBuf,
}

impl Discover {
    pub fn from_env(dir: Option<PathBuf>) -> Discover {
        let non_empty = |v: &str| std::env::var_os(v).filter(|s| !s.is_empty()).map(PathBuf::from);
        let data_home = non_empty("XDG_DATA_HOME")
            .or_else(|| non_empty("HOME").map(|h| h.join(".local/share")))
            .unwrap_or_else(|| PathBuf::from(".local/share"));
        Discover {
            dir,
            env_dir: non_empty("ROLO_DIR"),
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            default: data_home.join("rolo"),
        }
    }

    /// `--dir`, else `$ROLO_DIR`, else the nearest ancestor with `rolo.toml`, else the default.
    pub fn find(&self) -> Result<PathBuf> {
        if let Some(dir) = self.dir.as_ref().or(self.env_dir.as_ref()) {
            let dir = self.cwd.join(dir);
            return if dir.join(config::FILE_NAME).is_file() {
                Ok(dir)
            } else {
                Err(Error::NotABook(dir))
            };
        }
        if let Some(found) = self.cwd.ancestors().find(|p| p.join(config::FILE_NAME).is_file()) {
            return Ok(found.to_path_buf());
        }
        if self.default.join(config::FILE_NAME).is_file() {
            return Ok(self.default.clone());
        }
        Err(Error::NoBook { cwd: self.cwd.clone(), default: self.default.clone() })
    }
}

/// The folder of document templates (`rolo render`), relative to the book.
pub const TEMPLATES: &str = "templates";

/// The templates `rolo init` writes, as examples to copy: a proposal and a follow-up mail.
pub const EXAMPLE_TEMPLATES: [(&str, &str); 2] = [
    ("proposal.md", include_str!("templates/proposal.md")),
    ("follow-up.md", include_str!("templates/follow-up.md")),
];

/// What `init` did, for the CLI to report.
#[derive(Debug)]
pub struct InitReport {
    pub root: PathBuf,
    pub git_initialised: bool,
    /// The first commit, or why there is none (git has no identity, say).
    pub committed: Result<bool>,
}

/// Records read from the book's files, and the files that could not be read.
pub type Loaded = crate::model::Catalog<Record>;

#[derive(Debug)]
pub struct Book {
    root: PathBuf,
    pub config: Config,
}

impl Book {
    /// Open the book at `root` (which holds `rolo.toml`).
    pub fn open(root: impl Into<PathBuf>) -> Result<Book> {
        let root = root.into();
        let config = Config::load(&root)?;
        // Records must merge key by key in every clone; a failure here only means git
        // merges them as text, so it never stops a command.
        let _ = git::setup::ensure(&root);
        Ok(Book { root, config })
    }

    /// Create a book in `dir`: the directories, a commented `rolo.toml`, `.gitignore`
    /// with `.rolo/`, two example templates, and `git init` unless `dir` is already inside
    /// a repository.
    pub fn init(dir: &Path) -> Result<InitReport> {
        fs::create_dir_all(dir).at(dir)?;
        let toml = dir.join(config::FILE_NAME);
        if toml.exists() {
            return Err(Error::AlreadyABook(dir.to_path_buf()));
        }
        for kind in Kind::ALL {
            let d = dir.join(kind.dir());
            fs::create_dir_all(&d).at(&d)?;
        }
        let ignore = dir.join(".gitignore");
        let existing = fs::read_to_string(&ignore).unwrap_or_default();
        let has = |line: &str| existing.lines().any(|l| l.trim().trim_matches('/') == line);
        let mut add = String::new();
        if !has(".rolo") {
            add.push_str("# rolo's cache (search index): always rebuildable\n.rolo/\n");
        }
        if !has(".*.tmp") {
            add.push_str("# files being written (left only by a killed process)\n.*.tmp\n");
        }
        if !add.is_empty() {
            let sep = if existing.is_empty() || existing.ends_with('\n') { "" } else { "\n" };
            write::replace(&ignore, format!("{existing}{sep}{add}").as_bytes())?;
        }
        let attributes = dir.join(".gitattributes");
        let existing = fs::read_to_string(&attributes).unwrap_or_default();
        if !git::setup::has_attributes(&existing) {
            let sep = if existing.is_empty() || existing.ends_with('\n') { "" } else { "\n" };
            let text = format!("{existing}{sep}{}", git::setup::gitattributes());
            write::replace(&attributes, text.as_bytes())?;
        }
        write::create_new(&toml, config::DEFAULT_TOML.as_bytes())?;
        let mut first = vec![
            PathBuf::from(config::FILE_NAME),
            PathBuf::from(".gitignore"),
            PathBuf::from(".gitattributes"),
        ];
        // Example document templates, unless the directory already has its own.
        let templates = dir.join(TEMPLATES);
        fs::create_dir_all(&templates).at(&templates)?;
        for (name, text) in EXAMPLE_TEMPLATES {
            if write::create_new(&templates.join(name), text.as_bytes())? {
                first.push(Path::new(TEMPLATES).join(name));
            }
        }
        let git_initialised = if git::toplevel(dir).is_none() {
            git::init(dir)?;
            true
        } else {
            false
        };
        let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let book = Book::open(&root)?;
        let committed = book.commit(&first, "rolo: create the book");
        Ok(InitReport { root, git_initialised, committed })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The path of a record relative to the root: `contacts/<id>.md`,
    /// `notes/<YYYY>/<id>.md` (the year from the note id's date).
    pub fn relative_path(kind: Kind, id: &str) -> PathBuf {
        let file = format!("{id}.md");
        match kind {
            Kind::Note => {
                let year = id.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
                Path::new(kind.dir()).join(year.unwrap_or("undated")).join(file)
            }
            _ => Path::new(kind.dir()).join(file),
        }
    }

    /// Every record file of the given kinds, without reading them. Hidden files,
    /// temporary files and non-`.md` files are not records.
    pub fn entries(&self, kinds: &[Kind]) -> Result<Vec<(Entry, PathBuf)>> {
        let mut out = Vec::new();
        for &kind in kinds {
            let dir = self.root.join(kind.dir());
            if !dir.is_dir() {
                continue;
            }
            let depth = if kind == Kind::Note { 2 } else { 1 };
            let walk =
                walkdir::WalkDir::new(&dir).min_depth(1).max_depth(depth).sort_by_file_name();
            for item in walk.into_iter().filter_entry(|e| !is_hidden(e.file_name())) {
                let item = item.map_err(|e| {
                    let path = e.path().unwrap_or(&dir).to_path_buf();
                    Error::io(path, e.into())
                })?;
                if !item.file_type().is_file() {
                    continue;
                }
                let name = item.file_name().to_string_lossy();
                let Some(id) = name.strip_suffix(".md") else { continue };
                let rel = item.path().strip_prefix(&self.root).unwrap_or(item.path()).to_path_buf();
                out.push((Entry { kind, id: id.to_string() }, rel));
            }
        }
        Ok(out)
    }

    /// Read every record of the given kinds; bad files become diagnostics, not errors.
    pub fn load(&self, kinds: &[Kind]) -> Result<Loaded> {
        let entries = self.entries(kinds)?;
        // Reading and parsing dominate: spread them over the cores, keeping book order.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let chunk = entries.len().div_ceil(threads).max(1);
        let results: Vec<Vec<Result<Record>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = entries
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|(e, rel)| self.read_at(e.kind, &e.id, rel))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
        });
        let mut records = Vec::with_capacity(entries.len());
        let mut problems = Vec::new();
        for result in results.into_iter().flatten() {
            match result {
                Ok(r) => records.push(r),
                Err(Error::Bad(d)) => problems.push(d),
                Err(e) => return Err(e),
            }
        }
        Ok(Loaded::new(records, problems))
    }

    /// Resolve a REF among the records of `kinds`. An exact id is found by looking at
    /// its path alone; only a prefix or a name needs the directory listings.
    pub fn resolve(&self, reference: &str, kinds: &[Kind]) -> Result<(Entry, PathBuf)> {
        let (only, wanted) = match reference.split_once('/') {
            Some((k, id)) => match k.parse::<Kind>() {
                Ok(k) => (Some(k), id),
                Err(_) => (None, reference),
            },
            None => (None, reference),
        };
        if id::is_valid(wanted) {
            let exact: Vec<Kind> = kinds
                .iter()
                .copied()
                .filter(|&k| only.is_none_or(|o| o == k))
                .filter(|&k| self.root.join(Self::relative_path(k, wanted)).is_file())
                .collect();
            if let [kind] = exact.as_slice() {
                let entry = Entry { kind: *kind, id: wanted.to_string() };
                return Ok((entry, Self::relative_path(*kind, wanted)));
            }
        }
        let entries = self.entries(kinds)?;
        let found = reference::resolve(reference, entries.iter().map(|(e, _)| e), kinds)?;
        let rel = entries
            .into_iter()
            .find(|(e, _)| *e == found)
            .map(|(_, rel)| rel)
            .unwrap_or_else(|| Self::relative_path(found.kind, &found.id));
        Ok((found, rel))
    }

    /// Resolve and read one record.
    pub fn find(&self, reference: &str, kinds: &[Kind]) -> Result<Record> {
        let (entry, rel) = self.resolve(reference, kinds)?;
        self.read_at(entry.kind, &entry.id, &rel)
    }

    pub fn read_at(&self, kind: Kind, id: &str, rel: &Path) -> Result<Record> {
        let abs = self.root.join(rel);
        let bytes = fs::read(&abs).at(&abs)?;
        self.parse_at(kind, id, rel, &bytes)
    }

    /// Parse the bytes of the record file at `rel`: a file that is not UTF-8 or does not
    /// parse is a `path:line:col` diagnostic.
    pub fn parse_at(&self, kind: Kind, id: &str, rel: &Path, bytes: &[u8]) -> Result<Record> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let (line, col) = crate::store::frontmatter::line_col(
                &String::from_utf8_lossy(bytes),
                e.valid_up_to(),
            );
            Error::Bad(Diagnostic {
                path: rel.to_path_buf(),
                line,
                col,
                message: "not valid UTF-8".into(),
            })
        })?;
        read::parse(kind, id, rel, text).map_err(Error::Bad)
    }

    /// Commit the given paths (relative to the root) if the book is in git and
    /// `git.autocommit` is on. `Ok(false)` when nothing was committed. Only the change
    /// path ([`crate::change`]) and `init` commit.
    pub(crate) fn commit(&self, paths: &[PathBuf], message: &str) -> Result<bool> {
        if !self.config.git.autocommit {
            return Ok(false);
        }
        git::commit(&self.root, paths, message)
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_paths_use_the_year() {
        assert_eq!(
            Book::relative_path(Kind::Note, "2026-11-20-anna-petrova"),
            Path::new("notes/2026/2026-11-20-anna-petrova.md")
        );
        assert_eq!(Book::relative_path(Kind::Contact, "anna"), Path::new("contacts/anna.md"));
    }

    #[test]
    fn discovery_order() {
        let tmp = tempfile::tempdir().unwrap();
        let book = tmp.path().join("book");
        let deep = book.join("contacts/sub");
        fs::create_dir_all(&deep).unwrap();
        fs::write(book.join("rolo.toml"), "").unwrap();
        let d =
            Discover { cwd: deep.clone(), default: tmp.path().join("none"), ..Default::default() };
        assert_eq!(d.find().unwrap(), book);
        let d = Discover { dir: Some(tmp.path().to_path_buf()), ..d };
        assert!(matches!(d.find(), Err(Error::NotABook(_))));
        let d =
            Discover { cwd: tmp.path().to_path_buf(), default: book.clone(), ..Default::default() };
        assert_eq!(d.find().unwrap(), book);
    }
}
