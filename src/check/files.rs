//! What only the files themselves show: the record folders' listing (files and folders
//! that are not records), and each record file's raw bytes (not UTF-8, binary, git
//! conflict markers). The keys the index does not keep (`relations`, a task's
//! `completed`) are read here too, from the few files that have them.
//!
//! Record files are read on several threads; none is parsed unless its front matter
//! holds one of those keys (whether a file parses is the index's to say). A file found
//! clean is remembered with its size and modification time, so the next check reads
//! only the files that changed since.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml_edit::{Item, TableLike, Value};

use super::{Finding, Ids, ProblemKind, Spot};
use crate::dates::When;
use crate::error::{IoContext, Result};
use crate::index::fresh::{self, Found, Manifest};
use crate::model::{Kind, id};
use crate::store::frontmatter;

/// A relation's `to`, where it is written, for the link check.
#[derive(Debug, Clone)]
pub(super) struct Relation {
    pub path: PathBuf,
    pub to: String,
    pub line: usize,
    pub col: usize,
}

/// What the walk and the raw reading found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub findings: Vec<Finding>,
    pub relations: Vec<Relation>,
    /// Files reported as unreadable or not UTF-8 text: whether they parse is moot.
    pub unreadable: HashSet<PathBuf>,
    /// The lines of each file's conflict markers.
    pub conflicts: HashMap<PathBuf, Vec<usize>>,
    /// Every contact, company and deal of the book, by id.
    pub ids: Ids,
    counts: HashMap<Kind, usize>,
}

impl Scan {
    /// How many record files of `kind` there are.
    pub fn count(&self, kind: Kind) -> usize {
        self.counts.get(&kind).copied().unwrap_or(0)
    }
}

/// List the record folders and read the record files: every one, or with a `cache`
/// (a file under `.rolo/`), only those changed since they were last found clean.
pub(super) fn scan(root: &Path, cache: Option<&Path>) -> Result<Scan> {
    let mut listed = Vec::new();
    let mut scan = Scan::default();
    for kind in Kind::ALL {
        list(root, kind, kind.dir(), false, &mut listed, &mut scan.findings)?;
    }
    // Stat-ed relative to their folder, on several threads: on a VM a stat waits on the
    // hypervisor as much as on the CPU.
    let mut records: Vec<Found> = parallel(&listed, |(kind, entry, rel)| {
        // A file removed since the listing is simply gone.
        let meta = entry.metadata().ok()?;
        let meta =
            if meta.file_type().is_symlink() { fs::metadata(entry.path()).ok()? } else { meta };
        Some(Found { kind: *kind, rel: rel.clone(), stamp: fresh::stamp(&meta) })
    })
    .into_iter()
    .flatten()
    .collect();
    drop(listed);
    for f in &records {
        if Kind::LINKABLE.contains(&f.kind) {
            scan.ids.add(f.kind, f.id());
        }
        *scan.counts.entry(f.kind).or_default() += 1;
    }
    // The same size and modification time as when a file was last read and found clean:
    // the same content, as the search index assumes too.
    let unread = cache.map(|path| fresh::diff(&Manifest::load(path), &records));
    let to_read: &[Found] = unread.as_ref().map_or(&records, |changes| &changes.changed);
    let facts: Vec<Facts> = parallel(to_read, |f| {
        thread_local! {
            // One buffer per thread: most files are a few hundred bytes.
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        BUFFER.with_borrow_mut(|buffer| read(root, f.kind, &f.rel, buffer))
    })
    .into_iter()
    .flatten()
    .collect();
    let mut dirty: HashSet<String> = HashSet::new();
    for facts in facts {
        dirty.insert(super::rel(&facts.path));
        if facts.unreadable {
            scan.unreadable.insert(facts.path.clone());
        }
        if !facts.conflict_lines.is_empty() {
            scan.conflicts.insert(facts.path.clone(), facts.conflict_lines);
        }
        scan.findings.extend(facts.findings);
        scan.relations.extend(facts.relations);
    }
    if let (Some(path), Some(changes)) = (cache, &unread)
        && !(changes.changed.is_empty() && changes.removed.is_empty() && dirty.is_empty())
    {
        // Files with something to say (relations too: their targets may come and go)
        // are read again next time.
        records.retain(|f| !dirty.contains(&f.rel));
        if let Some(dir) = path.parent() {
            let _ = fs::create_dir_all(dir);
        }
        // A cache: if it cannot be written, the next check reads every file again.
        let _ = Manifest::save(fresh::Walked::new(&records), path);
    }
    Ok(scan)
}

/// `f` over `items` on a few threads (more than the cores: the work waits on the file
/// system), results in the order of `items`.
fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads =
        std::thread::available_parallelism().map_or(1, |n| n.get()).saturating_mul(2).clamp(2, 8);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let f = &f;
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    })
}

/// The entries of one record folder (`rel`, relative to the root): record files go to
/// `records`, anything else that is not hidden is a stray. Notes may sit one folder
/// down (`notes/2026/`); no other folder holds folders.
fn list(
    root: &Path,
    kind: Kind,
    rel: &str,
    nested: bool,
    records: &mut Vec<(Kind, fs::DirEntry, String)>,
    strays: &mut Vec<Finding>,
) -> Result<()> {
    let dir = root.join(rel);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).at(&dir),
    };
    let mut stray = |path: String, message: String| {
        strays.push(Finding {
            path: path.into(),
            spot: Spot::File,
            kind: ProblemKind::Stray,
            message,
        });
    };
    let mut below = Vec::new();
    for entry in entries {
        let entry = entry.at(&dir)?;
        let raw = entry.file_name();
        let Some(name) = raw.to_str() else {
            let shown = raw.to_string_lossy();
            stray(format!("{rel}/{shown}"), "the file name is not UTF-8 text".into());
            continue;
        };
        // Hidden files and folders (rolo's own temporary files among them) are no one's
        // business here.
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{rel}/{name}");
        // The type as the listing gives it: no stat, but for a symbolic link.
        let Ok(mut ty) = entry.file_type() else { continue };
        if ty.is_symlink() {
            match fs::metadata(entry.path()) {
                Ok(target) => ty = target.file_type(),
                Err(_) => {
                    stray(path, "a symbolic link to nothing".into());
                    continue;
                }
            }
        }
        if ty.is_dir() {
            if kind == Kind::Note && !nested {
                below.push(path);
            } else {
                let message = if kind == Kind::Note {
                    format!(
                        "a folder inside {rel}/: notes are files in notes/ or one folder below it"
                    )
                } else {
                    format!("a folder inside {rel}/: records are files directly in {rel}/")
                };
                stray(path, message);
            }
            continue;
        }
        if !ty.is_file() {
            stray(path, "not a regular file".into());
            continue;
        }
        let Some(stem) = name.strip_suffix(".md") else {
            stray(path, "not a record: record files end in .md".into());
            continue;
        };
        if !id::is_valid(stem) {
            let fix = id::slug(stem);
            let fix = if fix.is_empty() {
                String::from("rename the file")
            } else {
                format!("rename the file to {fix}.md")
            };
            stray(
                path.clone(),
                format!(
                    "\"{stem}\" is not a valid id (lowercase a-z and 0-9 words joined by '-'): {fix}"
                ),
            );
        }
        // rolo reads it as a record all the same: its content is checked like any other.
        records.push((kind, entry, path));
    }
    for path in below {
        list(root, kind, &path, true, records, strays)?;
    }
    Ok(())
}

/// What one file's bytes show.
#[derive(Debug, Default)]
struct Facts {
    path: PathBuf,
    findings: Vec<Finding>,
    relations: Vec<Relation>,
    unreadable: bool,
    conflict_lines: Vec<usize>,
}

/// What the file at `rel` shows, if anything.
fn read(root: &Path, kind: Kind, rel: &str, buffer: &mut Vec<u8>) -> Option<Facts> {
    use std::io::Read;
    buffer.clear();
    let read = fs::File::open(root.join(rel)).and_then(|mut f| f.read_to_end(buffer));
    match read {
        Ok(_) => inspect(kind, Path::new(rel), buffer),
        // Gone since the listing: not this check's business.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => Some(Facts {
            path: rel.into(),
            unreadable: true,
            findings: vec![Finding {
                path: rel.into(),
                spot: Spot::File,
                kind: ProblemKind::Io,
                message: format!("cannot be read: {e}"),
            }],
            ..Facts::default()
        }),
    }
}

/// The checks of one record file's bytes; `None` when it has nothing to say.
fn inspect(kind: Kind, path: &Path, bytes: &[u8]) -> Option<Facts> {
    let mut facts = Facts { path: path.to_path_buf(), ..Facts::default() };
    let problem = |spot: Spot, kind: ProblemKind, message: String| Finding {
        path: path.to_path_buf(),
        spot,
        kind,
        message,
    };
    let text = match text_of(bytes) {
        Ok(text) => text,
        Err((line, col, message)) => {
            facts.unreadable = true;
            facts.findings.push(problem(Spot::At { line, col }, ProblemKind::Encoding, message));
            return Some(facts);
        }
    };
    for (line, marker) in conflict_markers(text) {
        facts.conflict_lines.push(line);
        let message = format!("unresolved git conflict: {marker}");
        facts.findings.push(problem(Spot::At { line, col: 1 }, ProblemKind::Conflict, message));
    }
    unindexed_keys(kind, path, text, &mut facts);
    let empty = facts.findings.is_empty() && facts.relations.is_empty();
    (!empty).then_some(facts)
}

/// The file as UTF-8 text, or where and why it is not: `(line, col, message)`.
fn text_of(bytes: &[u8]) -> Result<&str, (usize, usize, String)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((1, 1, "UTF-16 text: rolo reads UTF-8 only; save the file as UTF-8".into()));
    }
    let at = |offset: usize| {
        let before = String::from_utf8_lossy(&bytes[..offset]);
        frontmatter::line_col(&before, before.len())
    };
    // A NUL first: binary files are rarely valid UTF-8 either, and "binary" says more.
    if bytes.contains(&0)
        && let Some(nul) = bytes.iter().position(|&b| b == 0)
    {
        let (line, col) = at(nul);
        return Err((line, col, "a binary file (it holds a NUL byte), not a record".into()));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = at(e.valid_up_to());
        (line, col, "not valid UTF-8: save the file as UTF-8".to_string())
    })
}

/// The lines (1-based) holding git conflict markers, with the marker line as written.
/// A `=======` line counts only between a `<<<<<<<` and its `>>>>>>>`: alone, it is a
/// Markdown heading's underline.
fn conflict_markers(text: &str) -> Vec<(usize, String)> {
    // Most files have none: two fast substring searches rule them out.
    if !text.contains("<<<<<<<") && !text.contains(">>>>>>>") {
        return Vec::new();
    }
    let is = |line: &str, marker: &str| {
        line.strip_prefix(marker).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    let mut found = Vec::new();
    let mut inside = false;
    for (n, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let marker = if is(line, "<<<<<<<") {
            inside = true;
            true
        } else if is(line, ">>>>>>>") {
            inside = false;
            true
        } else {
            inside && (line == "=======" || is(line, "|||||||"))
        };
        if marker {
            let shown: String = line.chars().take(60).collect();
            found.push((n + 1, shown));
        }
    }
    found
}

/// `relations` (any record) and `completed` (a task): read from the file because the
/// index keeps neither as a value of its own.
fn unindexed_keys(kind: Kind, path: &Path, text: &str, facts: &mut Facts) {
    let Ok(parts) = frontmatter::split(text) else { return };
    let wanted = parts.front.contains("relations")
        || (kind == Kind::Task && parts.front.contains("completed"));
    if !wanted {
        return;
    }
    // A file that does not parse is reported as such, by the index.
    let Ok(doc) = toml_edit::Document::parse(parts.front) else { return };
    let position = |span: Option<Range<usize>>| {
        let (line, col) = frontmatter::line_col(parts.front, span.map_or(0, |s| s.start));
        (line + parts.front_line - 1, col)
    };
    let at = |span| {
        let (line, col) = position(span);
        Spot::At { line, col }
    };
    let mut value_problem = |spot: Spot, message: String| {
        facts.findings.push(Finding {
            path: path.to_path_buf(),
            spot,
            kind: ProblemKind::Value,
            message,
        });
    };
    if kind == Kind::Task
        && let Some(item) = doc.get("completed")
    {
        let is_datetime = |v: &Value| v.as_datetime().and_then(When::from_toml).is_some();
        match item.as_value() {
            Some(Value::Array(items)) => {
                for v in items.iter().filter(|v| !is_datetime(v)) {
                    let shown = v.clone().decorated("", "").to_string();
                    value_problem(
                        at(v.span()),
                        format!("completed: {shown} is not a date and time (2026-11-23T10:00:00Z)"),
                    );
                }
            }
            Some(v) if is_datetime(v) => {}
            _ => value_problem(
                at(item.span()),
                "completed must be a list of dates and times ([2026-11-23T10:00:00Z])".into(),
            ),
        }
    }
    let entries: Vec<(&dyn TableLike, Option<Range<usize>>)> = match doc.get("relations") {
        None => Vec::new(),
        Some(Item::ArrayOfTables(tables)) => {
            tables.iter().map(|t| (t as &dyn TableLike, t.span())).collect()
        }
        Some(Item::Value(Value::Array(items))) => {
            let mut entries = Vec::new();
            for v in items {
                match v.as_inline_table() {
                    Some(t) => entries.push((t as &dyn TableLike, v.span())),
                    None => value_problem(
                        at(v.span()),
                        "a relation is a table: { to = \"id\", kind = \"colleague\" }".into(),
                    ),
                }
            }
            entries
        }
        Some(other) => {
            value_problem(
                at(other.span()),
                "relations must be a list: [{ to = \"id\", kind = \"colleague\" }]".into(),
            );
            Vec::new()
        }
    };
    for (entry, span) in entries {
        match entry.get("to").and_then(|to| Some((to.as_str()?, to.span()))) {
            Some((to, to_span)) => {
                let (line, col) = position(to_span.or(span));
                facts.relations.push(Relation {
                    path: path.to_path_buf(),
                    to: to.into(),
                    line,
                    col,
                });
            }
            None => value_problem(at(span), "a relation needs to = \"id\"".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(kind: Kind, text: &[u8]) -> Vec<(Spot, ProblemKind, String)> {
        let facts = inspect(kind, Path::new("contacts/x.md"), text).unwrap_or_default();
        facts.findings.into_iter().map(|f| (f.spot, f.kind, f.message)).collect()
    }

    fn at(line: usize, col: usize) -> Spot {
        Spot::At { line, col }
    }

    #[test]
    fn conflict_markers_in_front_matter_and_body() {
        let text = "+++\n<<<<<<< HEAD\nname = \"Анна Петрова\"\n=======\nname = \"Анна Петрова-Иванова\"\n>>>>>>> origin/main\n+++\nTitle\n=======\n";
        let found = problems(Kind::Contact, text.as_bytes());
        let lines: Vec<(Spot, ProblemKind)> =
            found.iter().map(|(s, k, _)| (s.clone(), *k)).collect();
        assert_eq!(
            lines,
            [
                (at(2, 1), ProblemKind::Conflict),
                (at(4, 1), ProblemKind::Conflict),
                (at(6, 1), ProblemKind::Conflict)
            ],
            "the underline of a Markdown heading on line 9 is not a marker"
        );
        assert!(found[0].2.contains("<<<<<<< HEAD"), "{found:?}");
        let body = "+++\nname = \"李娜\"\n+++\r\n<<<<<<< ours\r\nA\r\n|||||||\r\n=======\r\nB\r\n>>>>>>> theirs\r\n";
        let lines: Vec<Spot> =
            problems(Kind::Contact, body.as_bytes()).into_iter().map(|(s, _, _)| s).collect();
        assert_eq!(lines, [at(4, 1), at(6, 1), at(7, 1), at(9, 1)]);
        assert!(problems(Kind::Contact, b"+++\nname = \"a <<<<<<< b\"\n+++\n").is_empty());
    }

    #[test]
    fn encodings() {
        let latin1 = b"+++\nname = \"J\xfcrgen M\xfcller\"\n+++\n";
        let found = problems(Kind::Contact, latin1);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0.clone(), found[0].1), (at(2, 10), ProblemKind::Encoding));
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("+++".bytes().flat_map(|b| [b, 0])).collect();
        assert!(problems(Kind::Contact, &utf16)[0].2.contains("UTF-16"));
        let binary = b"+++\nname = \"x\"\n+++\n\x89PNG\x00\x00";
        let found = problems(Kind::Contact, binary);
        assert_eq!((found[0].0.clone(), found[0].1), (at(4, 5), ProblemKind::Encoding));
        assert!(found[0].2.contains("binary"), "{found:?}");
        assert!(
            problems(Kind::Contact, "\u{feff}+++\nname = \"Сәуле\"\n+++\n".as_bytes()).is_empty()
        );
    }

    #[test]
    fn relations_and_completed_are_read_from_the_file() {
        let text = "+++\nname = \"Zhang Wei\"\nrelations = [{ to = \"li-na\", kind = \"colleague\" },\n  { kind = \"boss\" }, \"wang\"]\n+++\n";
        let facts =
            inspect(Kind::Contact, Path::new("contacts/zhang-wei.md"), text.as_bytes()).unwrap();
        let to: Vec<(&str, usize, usize)> =
            facts.relations.iter().map(|r| (r.to.as_str(), r.line, r.col)).collect();
        assert_eq!(to, [("li-na", 3, 21)]);
        let spots: Vec<Spot> = facts.findings.iter().map(|f| f.spot.clone()).collect();
        assert_eq!(spots, [at(4, 22), at(4, 3)], "{:?}", facts.findings);
        let tables = "+++\nname = \"Anke\"\n[[relations]]\nto = \"company/acme\"\nkind = \"works at\"\n+++\n";
        let facts =
            inspect(Kind::Contact, Path::new("contacts/anke.md"), tables.as_bytes()).unwrap();
        assert_eq!(facts.relations[0].to, "company/acme");
        assert_eq!((facts.relations[0].line, facts.relations[0].col), (4, 6));
        let task = "+++\ntitle = \"Шот жіберу\"\nrepeat = \"1m\"\ncompleted = [2026-10-31T09:00:00Z, \"yesterday\"]\n+++\n";
        let found = problems(Kind::Task, task.as_bytes());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0.clone(), found[0].1), (at(4, 36), ProblemKind::Value));
        assert!(problems(Kind::Contact, task.as_bytes()).is_empty(), "a contact's own key");
    }

    #[test]
    fn only_files_changed_since_they_were_clean_are_read_again() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let cache = root.join(".rolo/check-files");
        let path = root.join("contacts/anna-petrova.md");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let clean = "+++\nname = \"Анна Петрова\"\n+++\nЗвонить утром.\n";
        fs::write(&path, clean).unwrap();
        assert!(scan(root, Some(&cache)).unwrap().findings.is_empty());
        // Another content of the same size and modification time: taken as unchanged.
        let when = fs::metadata(&path).unwrap().modified().unwrap();
        let body = "Звонить утром.";
        let marked = clean.replace(body, &format!("<<<<<<< HEAD\n{}", "x".repeat(body.len() - 13)));
        assert_eq!(marked.len(), clean.len());
        fs::write(&path, &marked).unwrap();
        fs::File::options().write(true).open(&path).unwrap().set_modified(when).unwrap();
        assert!(scan(root, Some(&cache)).unwrap().findings.is_empty(), "not read again");
        assert_eq!(scan(root, None).unwrap().findings.len(), 1, "without the cache it is");
        // Edited: read again, and found; a file with a problem is read every time.
        fs::write(&path, format!("{marked}\n")).unwrap();
        for _ in 0..2 {
            assert_eq!(scan(root, Some(&cache)).unwrap().findings.len(), 1);
        }
    }

    #[test]
    fn folders_hold_records_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for rel in [
            "contacts/anna-petrova.md",
            "contacts/notes.txt",
            "contacts/Anna Petrova.md",
            "contacts/.anna-petrova.md.4242.0.tmp",
            "contacts/.hidden/x.md",
            "contacts/old/x.md",
            "notes/2026/2026-11-20-call.md",
            "notes/2026/extra/x.md",
            "notes/loose.md",
        ] {
            fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
            fs::write(root.join(rel), "+++\n+++\n").unwrap();
        }
        let scan = scan(root, None).unwrap();
        let mut strays: Vec<(String, String)> =
            scan.findings.iter().map(|f| (super::super::rel(&f.path), f.message.clone())).collect();
        strays.sort();
        let paths: Vec<&str> = strays.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            ["contacts/Anna Petrova.md", "contacts/notes.txt", "contacts/old", "notes/2026/extra"]
        );
        assert!(strays[0].1.contains("anna-petrova.md"), "{strays:?}");
        assert!(scan.findings.iter().all(|f| f.kind == ProblemKind::Stray && f.spot == Spot::File));
    }
}
