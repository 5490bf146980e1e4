//! Typed errors for the library, and `path:line:col: message` diagnostics for bad files.
//!
//! Exit codes are decided by the CLI from [`Error::is_usage`]; this module only describes.

use std::fmt;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem located in a file: printed as `path:line:col: message` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path.display(), self.line, self.col, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Bad(Diagnostic),
    /// The book's configuration file does not parse or holds a wrong value.
    #[error("{0}")]
    BadConfig(Diagnostic),
    #[error("no rolo book found in {} or any parent directory, nor in {}", cwd.display(), default.display())]
    NoBook { cwd: PathBuf, default: PathBuf },
    #[error("{} is not a rolo book (no rolo.toml)", .0.display())]
    NotABook(PathBuf),
    #[error("{} is already a rolo book", .0.display())]
    AlreadyABook(PathBuf),
    #[error("no record matches \"{reference}\"")]
    UnknownRef { reference: String, suggestions: Vec<String> },
    #[error("\"{reference}\" matches {} records: {}", candidates.len(), candidates.join(", "))]
    AmbiguousRef { reference: String, candidates: Vec<String> },
    #[error("{key}: {message}")]
    InvalidValue { key: String, message: String },
    #[error(
        "invalid id \"{0}\": an id is lowercase a-z, 0-9 words joined by '-', at most 64 characters"
    )]
    InvalidId(String),
    #[error("{0} already exists")]
    Exists(String),
    #[error("invalid date \"{input}\": {message}")]
    InvalidDate { input: String, message: String },
    #[error("git: {0}")]
    Git(String),
    /// Sync cannot go on (no remote, a remote it cannot reach): said as it is, exit 1.
    #[error("{0}")]
    Sync(String),
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io { path: path.as_ref().to_path_buf(), source }
    }

    pub fn value(key: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidValue { key: key.into(), message: message.into() }
    }

    /// Errors of the command line rather than of the book: exit code 2 (docs/format.md: "Commands").
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::UnknownRef { .. }
                | Error::AmbiguousRef { .. }
                | Error::InvalidValue { .. }
                | Error::InvalidId(_)
                | Error::InvalidDate { .. }
                | Error::Usage(_)
        )
    }

    /// What the user can do about it, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NoBook { .. } => {
                Some("run `rolo init` to create a book here, or pass --dir / set ROLO_DIR".into())
            }
            Error::NotABook(_) => Some("run `rolo init` in it first".into()),
            Error::BadConfig(_) => {
                Some("fix rolo.toml by hand; `rolo init` in an empty directory shows the defaults".into())
            }
            Error::Bad(_) => Some(
                "fix the file by hand or with `rolo edit REF` (it opens even when broken); the rest of the book is unaffected".into(),
            ),
            Error::UnknownRef { suggestions, .. } if !suggestions.is_empty() => {
                Some(format!("did you mean: {}?", suggestions.join(", ")))
            }
            Error::UnknownRef { .. } => Some(
                "a REF is an id, type/id, a unique prefix or a name as written; `rolo search WORDS` finds records".into(),
            ),
            Error::AmbiguousRef { .. } => {
                Some("use a longer prefix, the full id, or type/id".into())
            }
            _ => None,
        }
    }
}

/// Attach a path to an I/O result, as every I/O error must carry one.
pub trait IoContext<T> {
    fn at(self, path: impl AsRef<Path>) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn at(self, path: impl AsRef<Path>) -> Result<T> {
        self.map_err(|e| Error::io(path, e))
    }
}
