//! `rolo check`: the book's health. Finds what a careful eye would: files that do not
//! parse, unresolved git conflicts, files that are not UTF-8 text, files in record
//! folders that are not records, links to records that do not exist, likely duplicates,
//! and values that rolo cannot read as what their key means.
//!
//! Each family of checks has its file: [`files`] (what only the raw files show: the
//! folders, encodings, conflict markers, and the keys the index does not keep),
//! [`values`], [`links`] and [`duplicates`]. They read the records through
//! [`crate::model::View`], so the same checks run on the index's slim rows (the fast
//! path: nothing is parsed again) and on records read from their files
//! (`ROLO_NO_INDEX`). A problem found on a record is placed afterwards ([`locate`]): only
//! the files that have one are read again, for the line and column of the value.
//!
//! Nothing here changes the book; the index under `.rolo/` is brought up to date, and
//! `.rolo/check-files` remembers which files' bytes were found clean (at which size and
//! modification time), so that a check reads only the files changed since the last one.

mod duplicates;
mod files;
mod links;
mod locate;
mod values;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::book::Book;
use crate::error::{Diagnostic, Result};
use crate::index::{Progress, SearchIndex};
use crate::model::{Kind, View};

/// What sort of problem: a short word that stays the same from release to release,
/// for scripts to filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// The file is not a record file: no front matter, or TOML that does not parse.
    Parse,
    /// A git conflict marker left in the file.
    Conflict,
    /// Not UTF-8 text: another encoding, or a binary file.
    Encoding,
    /// A file or folder in a record folder that is not a record.
    Stray,
    /// A link to a record that does not exist.
    Link,
    /// Likely the same person or company as another record.
    Duplicate,
    /// A value rolo cannot read as what its key means.
    Value,
    /// A file that could not be read at all.
    Io,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 8] = [
        ProblemKind::Parse,
        ProblemKind::Conflict,
        ProblemKind::Encoding,
        ProblemKind::Stray,
        ProblemKind::Link,
        ProblemKind::Duplicate,
        ProblemKind::Value,
        ProblemKind::Io,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::Parse => "parse",
            ProblemKind::Conflict => "conflict",
            ProblemKind::Encoding => "encoding",
            ProblemKind::Stray => "stray",
            ProblemKind::Link => "link",
            ProblemKind::Duplicate => "duplicate",
            ProblemKind::Value => "value",
            ProblemKind::Io => "io",
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem: `path:line:col: kind: message`, or `path: kind: message` where there
/// is no position (a stray file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Relative to the book, with `/` separators.
    pub path: PathBuf,
    /// 1-based, counted from the top of the file (the first `+++` is line 1).
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}: {}", self.kind, self.message)
    }
}

/// Where in its file a problem is, as far as the check that found it knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Spot {
    /// Nowhere in particular (a stray file).
    File,
    At {
        line: usize,
        col: usize,
    },
    /// The value of a front-matter key; of its item equal to `item`, for a list.
    Key {
        key: String,
        item: Option<String>,
    },
}

/// A problem before its position is known.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub path: PathBuf,
    pub spot: Spot,
    pub kind: ProblemKind,
    pub message: String,
}

impl Finding {
    /// A problem with the value of `key` (its item `item`, in a list) in the file at `path`.
    pub fn at_key(
        path: &Path,
        key: &str,
        item: Option<&str>,
        kind: ProblemKind,
        message: String,
    ) -> Finding {
        Finding {
            path: path.to_path_buf(),
            spot: Spot::Key { key: key.to_string(), item: item.map(String::from) },
            kind,
            message,
        }
    }
}

/// The contacts, companies and deals of the book (what links may name) by id: which
/// kinds have a record of each id, a bit per kind. Taken from the folders' listing, so
/// a link to a record whose file does not parse is not broken: the file is reported,
/// once.
#[derive(Debug, Default)]
pub(crate) struct Ids(HashMap<String, u8>);

impl Ids {
    pub fn add(&mut self, kind: Kind, id: &str) {
        match self.0.get_mut(id) {
            Some(kinds) => *kinds |= bit(kind),
            None => {
                self.0.insert(id.to_string(), bit(kind));
            }
        }
    }

    pub fn has(&self, kind: Kind, id: &str) -> bool {
        self.0.get(id).is_some_and(|kinds| kinds & bit(kind) != 0)
    }

    /// Whether a record of another kind than `kind` has this id too.
    pub fn shared(&self, kind: Kind, id: &str) -> bool {
        self.0.get(id).is_some_and(|kinds| kinds & !bit(kind) != 0)
    }
}

fn bit(kind: Kind) -> u8 {
    1 << Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Rows read from the index at a time. What a check holds in memory is mostly these
/// rows (and the text they are parsed from): a kind with more records is read in parts,
/// each part costing a pass over that kind's rows.
const ROWS_AT_ONCE: usize = 15_000;

/// Check the whole book. From the index (`from_index`, the fast path: brought up to
/// date first, `progress` hearing of a long rebuild) or from every file. Problems come
/// sorted by path, then line.
pub fn check(book: &Book, from_index: bool, progress: Progress) -> Result<Vec<Problem>> {
    // What the files' bytes say is cached (with the index, under `.rolo/`): only files
    // changed since they were last read are read again. Without the index, every file is.
    let cache = book.root().join(".rolo").join("check-files");
    let scan = files::scan(book.root(), from_index.then_some(cache.as_path()))?;
    let mut checker = Checker {
        known: values::Known::new(&book.config),
        ids: &scan.ids,
        people: duplicates::People::default(),
        findings: Vec::new(),
    };
    let problems = if from_index {
        let (index, refresh) = SearchIndex::open_fresh(book, progress)?;
        for kind in Kind::ALL {
            let parts = scan.count(kind).div_ceil(ROWS_AT_ONCE).max(1);
            for part in 0..parts {
                let rows = index.rows(&[kind], |_, id| share(id, parts) == part)?;
                rows.iter().for_each(|r| checker.record(r));
            }
        }
        refresh.problems
    } else {
        let loaded = book.load(&Kind::ALL)?;
        loaded.records.iter().for_each(|r| checker.record(r));
        loaded.problems
    };
    let Checker { people, mut findings, .. } = checker;
    findings.extend(scan.findings);
    links::relations(&scan.ids, &scan.relations, &mut findings);
    people.duplicates(&scan.ids, &mut findings);
    let mut out = parse_problems(problems, &scan.unreadable, &scan.conflicts);
    out.extend(locate::place(book.root(), findings));
    out.sort_by(|a, b| {
        let path = |p: &Problem| p.path.as_os_str().as_encoded_bytes().to_vec();
        path(a)
            .cmp(&path(b))
            .then(a.line.cmp(&b.line))
            .then(a.column.cmp(&b.column))
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.message.cmp(&b.message))
    });
    out.dedup();
    Ok(out)
}

/// Which of `parts` an id falls in: a stable spread of the ids (FNV-1a).
fn share(id: &str, parts: usize) -> usize {
    let hash = id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (hash % parts as u64) as usize
}

/// The checks of each record on its own (its values, its links), and what the
/// duplicate check needs of it.
struct Checker<'a> {
    known: values::Known<'a>,
    ids: &'a Ids,
    people: duplicates::People,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn record(&mut self, r: &impl View) {
        values::record(r, &self.known, &mut self.findings);
        links::record(r, self.ids, &mut self.findings);
        self.people.add(r);
    }
}

/// Files that do not parse, as the index (or the load) found them. A file the scan
/// could not read or found not to be UTF-8 text, or whose TOML fails on a conflict
/// marker, is already reported for that: no second line says the same.
fn parse_problems(
    problems: Vec<Diagnostic>,
    unreadable: &HashSet<PathBuf>,
    conflicts: &HashMap<PathBuf, Vec<usize>>,
) -> Vec<Problem> {
    problems
        .into_iter()
        .filter(|d| !unreadable.contains(&d.path))
        .filter(|d| !conflicts.get(&d.path).is_some_and(|lines| lines.contains(&d.line)))
        .map(|d| Problem {
            path: d.path,
            line: Some(d.line),
            column: Some(d.col),
            kind: ProblemKind::Parse,
            message: d.message,
        })
        .collect()
}

/// The path as `check` prints it: relative, with `/`.
pub(crate) fn rel(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
