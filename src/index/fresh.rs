//! Keeping the index fresh: a parallel stat walk of the book compared with a manifest of
//! what was indexed (path, size, mtime). Nothing is read for an unchanged file; only
//! files added, changed or removed since the last command are re-indexed (docs/format.md: "The search language").

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::error::{IoContext, Result};
use crate::model::Kind;
use crate::store::write;

/// What identifies a version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: i128,
}

/// A record file found by the walk.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: Kind,
    /// Relative to the book, with `/` separators; its file name is the id and `.md`.
    pub rel: String,
    pub stamp: Stamp,
}

impl Found {
    /// The record file at `rel` (relative to the book, `/` separators) with `stamp`, as
    /// a walk would give it; `None` when `rel` is not where a walk looks for records.
    pub fn at(rel: String, stamp: Stamp) -> Option<Found> {
        let kind = record_kind(Path::new(&rel))?;
        Some(Found { kind, rel, stamp })
    }

    /// The id of the record: its file name without `.md` (the id is not kept apart: a
    /// walk of 105,000 files held a string fewer per file).
    pub fn id(&self) -> &str {
        let name = self.rel.rsplit('/').next().unwrap_or(&self.rel);
        name.strip_suffix(".md").unwrap_or(name)
    }
}

/// The record files of the book with their stamps. Directories are listed and files
/// stat-ed (relative to their directory, no path resolution per file) on several
/// threads: on a VM a stat waits on the hypervisor as much as on the CPU, so twice as
/// many threads as cores measured fastest (BENCHMARKS.md).
pub fn scan(root: &Path) -> Result<Vec<Found>> {
    super::reading_the_whole_book();
    // The directories holding records: each kind's, and each year of notes.
    let mut dirs: Vec<(Kind, String, PathBuf)> = Vec::new();
    for kind in Kind::ALL {
        let dir = root.join(kind.dir());
        dirs.push((kind, kind.dir().to_string(), dir.clone()));
        if kind == Kind::Note {
            for entry in read_dir(&dir)? {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.starts_with('.') && entry.file_type().is_ok_and(|t| t.is_dir()) {
                    dirs.push((kind, format!("{}/{name}", kind.dir()), entry.path()));
                }
            }
        }
    }
    let threads =
        std::thread::available_parallelism().map_or(1, |n| n.get()).saturating_mul(2).clamp(2, 8);
    let listed: Vec<Listing> = parallel(&dirs, threads, |(_, _, dir)| Listing::read(dir))
        .into_iter()
        .collect::<Result<_>>()?;
    // The entries stat-ed in slices of their folder's listing (no list of them all: at
    // 105,000 files every copy of a list is megabytes held at the walk's peak).
    let slices: Vec<(usize, std::ops::Range<usize>)> = listed
        .iter()
        .enumerate()
        .flat_map(|(n, list)| {
            (0..list.len())
                .step_by(SLICE)
                .map(move |start| (n, start..(start + SLICE).min(list.len())))
        })
        .collect();
    let found = parallel(&slices, threads, |(n, range)| {
        let (kind, dir, _) = &dirs[*n];
        let mut part = Vec::with_capacity(range.len());
        part.extend(range.clone().filter_map(|i| found(*kind, dir, &listed[*n], i)));
        part
    });
    let mut all = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for part in found {
        all.extend(part);
    }
    Ok(all)
}

/// How many entries of a folder a worker stats at a time.
const SLICE: usize = 256;

/// The record file listed `i`th in the folder `dir` (relative to the book) holding
/// records of `kind`, stat-ed now; `None` when it is not a record file or is gone.
fn found(kind: Kind, dir: &str, listing: &Listing, i: usize) -> Option<Found> {
    let name = listing.name(i)?;
    if let Some(pid) = write::temp_file_writer(name) {
        // Left by a write that was killed: never a record, and git must not see it.
        if !write::process_alive(pid) {
            let _ = fs::remove_file(listing.dir.join(name));
        }
        return None;
    }
    if name.starts_with('.') || !name.ends_with(".md") {
        return None;
    }
    // A file removed between listing and stat is simply gone.
    let stamp = listing.file_stamp(i)?;
    Some(Found { kind, rel: format!("{dir}/{name}"), stamp })
}

/// A folder's entries as listed: their names in one buffer (each ended by a NUL), stat-ed
/// relative to the open folder. A `DirEntry` apiece held an allocation and 40 bytes per
/// file through the walk.
struct Listing {
    dir: PathBuf,
    names: Vec<u8>,
    /// Where each name ends (at its NUL).
    ends: Vec<u32>,
    #[cfg(unix)]
    fd: Option<rustix::fd::OwnedFd>,
}

impl Listing {
    /// Nothing when the folder does not exist.
    fn empty(dir: &Path) -> Listing {
        Listing {
            dir: dir.to_path_buf(),
            names: Vec::new(),
            ends: Vec::new(),
            #[cfg(unix)]
            fd: None,
        }
    }

    fn push(&mut self, name: &[u8]) -> Option<()> {
        self.names.extend_from_slice(name);
        self.ends.push(u32::try_from(self.names.len()).ok()?);
        self.names.push(0);
        Some(())
    }

    #[cfg(unix)]
    fn read(dir: &Path) -> Result<Listing> {
        use rustix::fs::{Dir, Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = match rustix::fs::open(dir, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(rustix::io::Errno::NOENT) => return Ok(Listing::empty(dir)),
            Err(e) => return Err(std::io::Error::from(e)).at(dir),
        };
        let mut listing = Listing::empty(dir);
        let entries = Dir::read_from(&fd).map_err(std::io::Error::from).at(dir)?;
        for entry in entries {
            let entry = entry.map_err(std::io::Error::from).at(dir)?;
            let name = entry.file_name().to_bytes();
            if name != b"." && name != b".." {
                listing.push(name).ok_or_else(|| too_long(dir))?;
            }
        }
        listing.fd = Some(fd);
        Ok(listing)
    }

    #[cfg(not(unix))]
    fn read(dir: &Path) -> Result<Listing> {
        let mut listing = Listing::empty(dir);
        for entry in read_dir(dir)? {
            // A name that is not Unicode is no record's (as on Unix, passed over).
            if let Some(name) = entry.file_name().to_str() {
                listing.push(name.as_bytes()).ok_or_else(|| too_long(dir))?;
            }
        }
        Ok(listing)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The `i`th name with its NUL.
    fn name_with_nul(&self, i: usize) -> &[u8] {
        let end = self.ends[i] as usize;
        let start = i.checked_sub(1).map_or(0, |before| self.ends[before] as usize + 1);
        &self.names[start..=end]
    }

    /// The `i`th name, if it is UTF-8 (no record file's is not).
    fn name(&self, i: usize) -> Option<&str> {
        let name = self.name_with_nul(i);
        std::str::from_utf8(&name[..name.len() - 1]).ok()
    }

    /// The stamp of the `i`th entry if it is a file or a link to one (and still there).
    #[cfg(unix)]
    fn file_stamp(&self, i: usize) -> Option<Stamp> {
        use rustix::fs::{AtFlags, FileType};
        let fd = self.fd.as_ref()?;
        let name = std::ffi::CStr::from_bytes_with_nul(self.name_with_nul(i)).ok()?;
        let mut stat = rustix::fs::statat(fd, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
        if FileType::from_raw_mode(stat.st_mode) == FileType::Symlink {
            stat = rustix::fs::statat(fd, name, AtFlags::empty()).ok()?;
        }
        if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile {
            return None;
        }
        // As `stamp` has it from std's metadata: no time before 1970.
        let (secs, nanos) = (i128::from(stat.st_mtime), i128::from(stat.st_mtime_nsec));
        let mtime_ns = if secs < 0 { 0 } else { secs * 1_000_000_000 + nanos };
        Some(Stamp { size: u64::try_from(stat.st_size).ok()?, mtime_ns })
    }

    #[cfg(not(unix))]
    fn file_stamp(&self, i: usize) -> Option<Stamp> {
        let meta = fs::metadata(self.dir.join(self.name(i)?)).ok()?;
        meta.is_file().then(|| stamp(&meta))
    }
}

fn too_long(dir: &Path) -> crate::error::Error {
    crate::error::Error::io(dir, std::io::Error::other("a folder listing of more than 4 GiB"))
}

/// The record file at `rel` (relative to the book) as a walk would find it now, or `None`
/// when nothing is there or it is not a record file (a hidden or temporary file, a
/// directory, a file outside the record folders).
pub fn found_at(root: &Path, rel: &Path) -> Option<Found> {
    let kind = record_kind(rel)?;
    let meta = fs::metadata(root.join(rel)).ok()?;
    meta.is_file().then(|| Found {
        kind,
        rel: rel.to_string_lossy().replace('\\', "/"),
        stamp: stamp(&meta),
    })
}

/// The kind of record a path holds, if it is where a walk looks for records:
/// `contacts/ID.md`, `notes/YEAR/ID.md`; never a hidden or temporary file.
pub fn record_kind(rel: &Path) -> Option<Kind> {
    let parts: Vec<&str> =
        rel.components().map(|c| c.as_os_str().to_str()).collect::<Option<_>>()?;
    let (dir, name) = match parts.as_slice() {
        [dir, name] => (*dir, *name),
        [dir, year, name] if *dir == Kind::Note.dir() && !year.starts_with('.') => (*dir, *name),
        _ => return None,
    };
    let kind = Kind::ALL.into_iter().find(|k| k.dir() == dir)?;
    if kind == Kind::Note && parts.len() != 3 {
        return None;
    }
    (name.ends_with(".md") && !name.starts_with('.')).then_some(kind)
}

/// Whether the file at `path` begins with the line `line` (a cache's header, naming
/// the state it was written for): only that line is read.
pub(super) fn first_line_is(path: &Path, line: &str) -> bool {
    first_line(path).is_some_and(|first| first == line)
}

/// The hash a file adds to a walk's [`fingerprint`].
pub fn entry_hash(f: &Found) -> u64 {
    entry_hash_of(&f.rel, f.stamp)
}

/// [`entry_hash`] of the file at `rel` with `stamp`.
pub fn entry_hash_of(rel: &str, stamp: Stamp) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    // The same bytes as hashing `(&String, u64, i128)`: fingerprints stay as they were.
    (&rel, stamp.size, stamp.mtime_ns).hash(&mut h);
    h.finish()
}

/// `f` over `items` on `threads` threads, results in the order of `items`.
pub(super) fn parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    // Small batches from a shared counter: big and small directories balance out.
    let batch = (items.len() / (threads * 8)).max(1);
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(batch, std::sync::atomic::Ordering::Relaxed);
                        if start >= items.len() {
                            return done;
                        }
                        let end = (start + batch).min(items.len());
                        done.push((start, items[start..end].iter().map(&f).collect::<Vec<R>>()));
                    }
                })
            })
            .collect();
        // A worker that panicked is a bug: raised here as on one thread (its part is
        // never left out silently).
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    parts.sort_by_key(|(start, _)| *start);
    let mut all = Vec::with_capacity(items.len());
    for (_, part) in parts {
        all.extend(part);
    }
    all
}

fn read_dir(dir: &Path) -> Result<Vec<fs::DirEntry>> {
    match fs::read_dir(dir) {
        Ok(entries) => Ok(entries.filter_map(|e| e.ok()).collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).at(dir),
    }
}

/// Every record file a walk found, with their [`fingerprint`] (hashed once: 105,000
/// paths take 6 ms).
#[derive(Debug, Clone, Copy)]
pub struct Walked<'a> {
    pub files: &'a [Found],
    pub fingerprint: (u64, u64),
}

impl<'a> Walked<'a> {
    pub fn new(files: &'a [Found]) -> Walked<'a> {
        Walked { files, fingerprint: fingerprint(files) }
    }
}

/// An order-independent digest of a walk: equal digests mean nothing changed, so the
/// common case never parses the manifest.
pub fn fingerprint(found: &[Found]) -> (u64, u64) {
    found.iter().fold((0u64, found.len() as u64), |(sum, count), f| {
        (sum.wrapping_add(entry_hash(f)), count)
    })
}

pub fn stamp(meta: &fs::Metadata) -> Stamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    Stamp { size: meta.len(), mtime_ns }
}

/// What was indexed: the text of the manifest file, a header line
/// `rolo-manifest SUM COUNT` (the walk's [`fingerprint`]) then lines `size mtime_ns path`;
/// and what was indexed since it was written, from its changes file beside it (see
/// [`Manifest::save_indexed`]).
#[derive(Debug, Default)]
pub struct Manifest {
    text: String,
    /// The changes file's lines after its header, when it is of this manifest.
    since: String,
}

const HEADER: &str = "rolo-manifest";
/// The changes file's header: `rolo-manifest-changes BASE_SUM BASE_COUNT SUM COUNT`, the
/// manifest's fingerprint it applies to, then what was indexed with both. Its lines are
/// `size mtime_ns path` (indexed as it was then) or `- path` (not indexed).
const SINCE_HEADER: &str = "rolo-manifest-changes";
/// How many paths the changes file holds at most; past that the whole manifest is written
/// again (at 105,000 files, 6 MB and 10-20 ms for each command that indexed one file).
const SINCE_LIMIT: usize = 1000;

impl Manifest {
    /// Only the headers: whether the book still looks exactly as when it was indexed (the
    /// walk's [`fingerprint`] given).
    pub fn unchanged(path: &Path, fingerprint: (u64, u64)) -> bool {
        let Some(base) = first_line(path).as_deref().and_then(base_header) else {
            return false;
        };
        let since = first_line(&changes_path(path)).as_deref().and_then(since_header);
        match since {
            Some((of, now)) if of == base => now == fingerprint,
            _ => base == fingerprint,
        }
    }

    /// The fingerprint its header names; `None` for an empty manifest.
    fn base(&self) -> Option<(u64, u64)> {
        self.text.lines().next().and_then(base_header)
    }

    pub fn load(path: &Path) -> Manifest {
        let text = fs::read_to_string(path).unwrap_or_default();
        let Some(base) = text.lines().next().and_then(base_header) else {
            return Manifest::default();
        };
        Manifest { since: since_lines(path, base), text }
    }

    /// Save what a walk found as indexed.
    pub fn save(walked: Walked, path: &Path) -> Result<()> {
        let files = walked.files.iter().map(|f| (f.rel.as_str(), f.stamp));
        Self::save_stamps(walked.fingerprint, files, path)
    }

    /// [`Manifest::save`] of files given as path and stamp, whose [`fingerprint`] is
    /// known already (the watcher keeps its own).
    pub fn save_stamps<'a>(
        (sum, count): (u64, u64),
        files: impl ExactSizeIterator<Item = (&'a str, Stamp)>,
        path: &Path,
    ) -> Result<()> {
        use std::fmt::Write as _;
        // The changes file goes first: were this write cut short, the manifest left would
        // only be older than the index (a few files indexed again), never newer.
        let since = changes_path(path);
        match fs::remove_file(&since) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e).at(&since),
            _ => {}
        }
        let mut text = String::with_capacity(files.len() * 48 + 64);
        let _ = writeln!(text, "{HEADER} {sum} {count}");
        // Numbers written by itoa: a formatter call per line was 20 ms at 105,000 files.
        let mut numbers = itoa::Buffer::new();
        for (rel, stamp) in files {
            push_entry(&mut text, &mut numbers, rel, stamp);
        }
        write::replace_cache(path, text.as_bytes())
    }

    /// [`Manifest::save`] of what a walk found but `failed` (files not indexed after all:
    /// tried again next time).
    pub fn save_all_but(
        walked: Walked,
        failed: &std::collections::HashSet<&str>,
        path: &Path,
    ) -> Result<()> {
        if failed.is_empty() {
            // No copy of the walk (at 100,000 files, 14 MB at a rebuild's peak).
            return Self::save(walked, path);
        }
        let indexed: Vec<Found> =
            walked.files.iter().filter(|f| !failed.contains(f.rel.as_str())).cloned().collect();
        Self::save(Walked::new(&indexed), path)
    }

    /// After `changes` were indexed on top of what `manifest` (loaded from `path`) said
    /// (`failed` among them not indexed): the walk `walked` is what is indexed now, but
    /// for `failed`. While few paths changed since the manifest was written, only they are
    /// written, to its changes file; else the whole manifest again.
    pub fn save_indexed(
        walked: Walked,
        manifest: &Manifest,
        changes: ChangesRef,
        failed: &std::collections::HashSet<&str>,
        path: &Path,
    ) -> Result<()> {
        let since = manifest.base().and_then(|base| {
            let mut since = since_by_path(&manifest.since)?;
            for f in changes.changed {
                let stamp = (!failed.contains(f.rel.as_str())).then_some(f.stamp);
                since.insert(f.rel.clone(), stamp);
            }
            for rel in changes.removed {
                since.insert(rel.clone(), None);
            }
            (since.len() <= SINCE_LIMIT).then_some((base, since))
        });
        let Some(((base_sum, base_count), since)) = since else {
            return Self::save_all_but(walked, failed, path);
        };
        use std::fmt::Write as _;
        // The walk's fingerprint without the files not indexed.
        let (sum, count) = walked
            .files
            .iter()
            .filter(|f| failed.contains(f.rel.as_str()))
            .fold(walked.fingerprint, |(sum, count), f| {
                (sum.wrapping_sub(entry_hash(f)), count - 1)
            });
        let mut text = String::with_capacity(since.len() * 48 + 96);
        let _ = writeln!(text, "{SINCE_HEADER} {base_sum} {base_count} {sum} {count}");
        let mut numbers = itoa::Buffer::new();
        for (rel, stamp) in &since {
            match stamp {
                Some(stamp) => push_entry(&mut text, &mut numbers, rel, *stamp),
                None => {
                    text.push_str("- ");
                    text.push_str(rel);
                    text.push('\n');
                }
            }
        }
        write::replace_cache(&changes_path(path), text.as_bytes())
    }
}

/// The lines of a changes file (after its header) by path: the stamp indexed, or `None`
/// for not indexed; `None` as a whole if a line is damaged.
fn since_by_path(lines: &str) -> Option<std::collections::BTreeMap<String, Option<Stamp>>> {
    since_entries(lines).map(|line| line.map(|(rel, stamp)| (rel.to_string(), stamp))).collect()
}

/// Each line of a changes file: its path and the stamp indexed (`None`: not indexed);
/// `None` for a damaged line.
fn since_entries(lines: &str) -> impl Iterator<Item = Option<(&str, Option<Stamp>)>> {
    lines.lines().map(|line| match line.strip_prefix("- ") {
        Some(rel) => Some((rel, None)),
        None => entry(line).map(|(rel, stamp)| (rel, Some(stamp))),
    })
}

/// The lines of the changes file of the manifest at `path`, whose fingerprint is `base`,
/// after its header; empty when there is none or it is of another manifest.
fn since_lines(path: &Path, base: (u64, u64)) -> String {
    let mut text = fs::read_to_string(changes_path(path)).unwrap_or_default();
    let header = text.split_once('\n').map(|(header, _)| since_header(header));
    match header {
        Some(Some((of, _))) if of == base => {
            let lines = text.find('\n').map_or(text.len(), |n| n + 1);
            text.drain(..lines);
            text
        }
        _ => String::new(),
    }
}

/// The changes file of the manifest at `path`.
fn changes_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push("-changes");
    path.with_file_name(name)
}

/// The first line of the file at `path`, if it can be read.
fn first_line(path: &Path) -> Option<String> {
    use std::io::BufRead;
    let mut first = String::new();
    std::io::BufReader::new(fs::File::open(path).ok()?).read_line(&mut first).ok()?;
    Some(first.trim_end_matches(['\n', '\r']).to_string())
}

/// `rolo-manifest SUM COUNT` → the fingerprint.
fn base_header(line: &str) -> Option<(u64, u64)> {
    let mut words = line.strip_prefix(HEADER)?.strip_prefix(' ')?.split(' ');
    let fingerprint = (words.next()?.parse().ok()?, words.next()?.parse().ok()?);
    words.next().is_none().then_some(fingerprint)
}

/// `rolo-manifest-changes BASE_SUM BASE_COUNT SUM COUNT` → (the manifest's fingerprint,
/// the fingerprint with the changes).
fn since_header(line: &str) -> Option<((u64, u64), (u64, u64))> {
    let mut words = line.strip_prefix(SINCE_HEADER)?.strip_prefix(' ')?.split(' ');
    let mut number = || words.next()?.parse::<u64>().ok();
    let of = (number()?, number()?);
    let now = (number()?, number()?);
    words.next().is_none().then_some((of, now))
}

fn push_entry(text: &mut String, numbers: &mut itoa::Buffer, rel: &str, stamp: Stamp) {
    text.push_str(numbers.format(stamp.size));
    text.push(' ');
    text.push_str(numbers.format(stamp.mtime_ns));
    text.push(' ');
    text.push_str(rel);
    text.push('\n');
}

/// The manifest's entries by path.
type Entries<'m> = HashMap<&'m str, Stamp, foldhash::fast::RandomState>;

/// Files to (re-)index and paths to drop, comparing a walk with the manifest.
#[derive(Debug, Default)]
pub struct Changes {
    pub changed: Vec<Found>,
    pub removed: Vec<String>,
}

/// [`Changes`] borrowed: a rebuild's are every file found, not copied.
#[derive(Debug, Clone, Copy)]
pub struct ChangesRef<'a> {
    pub changed: &'a [Found],
    pub removed: &'a [String],
}

impl Changes {
    pub fn borrowed(&self) -> ChangesRef<'_> {
        ChangesRef { changed: &self.changed, removed: &self.removed }
    }

    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

/// A line of the manifest: its path and stamp; `None` if it is damaged.
fn entry(line: &str) -> Option<(&str, Stamp)> {
    let (size, rest) = line.split_once(' ')?;
    let (mtime, rel) = rest.split_once(' ')?;
    // Nanoseconds since 1970 fit 64 bits until 2262: parsed as such first.
    let mtime_ns = match mtime.parse::<i64>() {
        Ok(ns) => i128::from(ns),
        Err(_) => mtime.parse().ok()?,
    };
    Some((rel, Stamp { size: size.parse().ok()?, mtime_ns }))
}

/// What changed between the manifest and a walk: files whose stamp differs or that it
/// lacks, and paths it has that the walk did not find. A damaged manifest means every
/// file found (and nothing removed).
///
/// The manifest usually lists the files in the order a walk finds them (it was written
/// from one, and a folder lists its files in the same order while they stay): the two
/// are compared line by line, and only what is left once they part is looked up by path
/// (a map of 105,000 paths took 35 ms of a command that finds one file edited).
pub fn diff(manifest: &Manifest, found: &[Found]) -> Changes {
    let everything = || Changes { changed: found.to_vec(), removed: Vec::new() };
    let Some((mut changed, mut removed)) = diff_with_base(&manifest.text, found) else {
        return everything();
    };
    if !manifest.since.is_empty() {
        // What was indexed since the manifest was written decides for its paths (looked
        // up for every file found: a fast hash, 105,000 paths took 3 ms with std's).
        let since: Option<HashMap<&str, Option<Stamp>, foldhash::fast::RandomState>> =
            since_entries(&manifest.since).collect();
        let Some(since) = since else { return everything() };
        changed.retain(|&i| !since.contains_key(found[i].rel.as_str()));
        removed.retain(|rel| !since.contains_key(rel.as_str()));
        let mut found_again = std::collections::HashSet::with_capacity(since.len());
        for (i, f) in found.iter().enumerate() {
            if let Some(indexed) = since.get(f.rel.as_str()) {
                found_again.insert(f.rel.as_str());
                if *indexed != Some(f.stamp) {
                    changed.push(i);
                }
            }
        }
        changed.sort_unstable();
        for (rel, indexed) in since {
            if indexed.is_some() && !found_again.contains(rel) {
                removed.push(rel.to_string());
            }
        }
    }
    Changes { changed: changed.into_iter().map(|i| found[i].clone()).collect(), removed }
}

/// [`diff`] with the manifest's own lines: the positions in `found` of the files changed
/// (in order), and the paths removed; `None` if a line is damaged.
fn diff_with_base(text: &str, found: &[Found]) -> Option<(Vec<usize>, Vec<String>)> {
    let mut lines = text.lines();
    if lines.next().is_none() {
        return Some(((0..found.len()).collect(), Vec::new()));
    }
    let mut changed = Vec::new();
    let mut lines = lines.peekable();
    let mut same = 0;
    while let (Some(line), Some(f)) = (lines.peek(), found.get(same)) {
        let (rel, stamp) = entry(line)?;
        if rel != f.rel {
            break;
        }
        if stamp != f.stamp {
            changed.push(same);
        }
        lines.next();
        same += 1;
    }
    let rest = &found[same..];
    let mut indexed = Entries::with_capacity_and_hasher(rest.len(), Default::default());
    for line in lines {
        let (rel, stamp) = entry(line)?;
        indexed.insert(rel, stamp);
    }
    for (i, f) in rest.iter().enumerate() {
        if indexed.remove(f.rel.as_str()) != Some(f.stamp) {
            changed.push(same + i);
        }
    }
    Some((changed, indexed.into_keys().map(String::from).collect()))
}

pub fn manifest_path(index_dir: &Path) -> PathBuf {
    index_dir.join("rolo-manifest")
}

/// Files that did not parse when last indexed, so every command can report them (not
/// only the one that happened to index them). Lines `path\tline\tcol\tmessage`.
pub fn problems_path(index_dir: &Path) -> PathBuf {
    index_dir.join("rolo-problems")
}

pub fn load_problems(path: &Path) -> Vec<crate::error::Diagnostic> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(4, '\t');
            let (rel, l, c, message) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            Some(crate::error::Diagnostic {
                path: PathBuf::from(rel),
                line: l.parse().ok()?,
                col: c.parse().ok()?,
                message: message.to_string(),
            })
        })
        .collect()
}

pub fn save_problems(path: &Path, problems: &[crate::error::Diagnostic]) -> Result<()> {
    let mut text = String::new();
    for d in problems {
        let message = d.message.replace(['\t', '\n', '\r'], " ");
        text.push_str(&format!("{}\t{}\t{}\t{message}\n", d.path.display(), d.line, d.col));
    }
    write::replace_cache(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Work spread over threads comes back in the order asked, however it is shared; a
    /// worker's panic is not lost.
    #[test]
    fn parallel_work_keeps_its_order() {
        for (count, threads) in [(0, 2), (1, 4), (3, 2), (100, 3), (1000, 8)] {
            let items: Vec<usize> = (0..count).collect();
            let done = parallel(&items, threads, |&i| (i, i * i));
            assert_eq!(done, items.iter().map(|&i| (i, i * i)).collect::<Vec<_>>());
        }
        let items: Vec<usize> = (0..50).collect();
        let raised = std::panic::catch_unwind(|| {
            parallel(&items, 2, |&i| if i == 37 { panic!("worker") } else { i })
        });
        assert!(raised.is_err(), "a worker's panic is raised");
    }

    #[test]
    fn walk_diff_and_manifest_round_trip() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for rel in
            ["contacts/a.md", "notes/2026/2026-01-01-a.md", "tasks/.hidden.md", "deals/x.txt"]
        {
            fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
            fs::write(root.join(rel), "+++\n+++\n").unwrap();
        }
        let found = scan(root).unwrap();
        let mut rels: Vec<&str> = found.iter().map(|f| f.rel.as_str()).collect();
        rels.sort();
        assert_eq!(rels, ["contacts/a.md", "notes/2026/2026-01-01-a.md"]);
        let empty = diff(&Manifest::default(), &found);
        assert_eq!(empty.changed.len(), 2);
        let path = root.join("manifest");
        Manifest::save(Walked::new(&found), &path).unwrap();
        assert!(Manifest::unchanged(&path, fingerprint(&found)));
        assert!(diff(&Manifest::load(&path), &found).is_empty());
        fs::write(root.join("contacts/a.md"), "+++\nname = \"A\"\n+++\n").unwrap();
        fs::remove_file(root.join("notes/2026/2026-01-01-a.md")).unwrap();
        let again = scan(root).unwrap();
        assert!(!Manifest::unchanged(&path, fingerprint(&again)));
        let d = diff(&Manifest::load(&path), &again);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.removed, ["notes/2026/2026-01-01-a.md"]);
    }

    /// The walk finds what a file-by-file look with std's metadata finds, with the same
    /// stamps: files and links to files (Russian and Chinese names too), not folders,
    /// links to folders, dangling links, hidden, temporary or non-Markdown files, nor a
    /// name that is not UTF-8; a slice boundary within a big folder changes nothing.
    #[test]
    fn the_walk_finds_what_std_finds_file_by_file() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let mut rels = vec![
            "contacts/анна-петрова.md".to_string(),
            "companies/王记.md".into(),
            "deals/.hidden.md".into(),
            "deals/readme.txt".into(),
            "tasks/.t.md.4194304.0.tmp".into(),
            "notes/2025/2025-03-08-zhanar.md".into(),
            "notes/.git/x.md".into(),
        ];
        rels.extend((0..SLICE * 2 + 3).map(|i| format!("notes/2026/n{i}.md")));
        for rel in &rels {
            fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
            fs::write(root.join(rel), format!("+++\n+++\n{rel}")).unwrap();
        }
        fs::create_dir_all(root.join("contacts/folder.md")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let link = std::os::unix::fs::symlink;
            link(root.join("companies/王记.md"), root.join("contacts/link.md")).unwrap();
            link(root.join("contacts/folder.md"), root.join("contacts/to-folder.md")).unwrap();
            link(root.join("nowhere.md"), root.join("contacts/dangling.md")).unwrap();
            let name = std::ffi::OsStr::from_bytes(b"contacts/\xff.md");
            fs::write(root.join(name), "+++\n+++\n").unwrap();
        }
        let walked = scan(root).unwrap();
        let mut expected: Vec<Found> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(root).ok()?.to_str()?.to_string();
                found_at(root, Path::new(&rel))
            })
            .collect();
        let by_path = |list: &mut Vec<Found>| list.sort_by(|a, b| a.rel.cmp(&b.rel));
        let mut got = walked.clone();
        by_path(&mut got);
        by_path(&mut expected);
        let key = |f: &Found| (f.kind, f.rel.clone(), f.id().to_string(), f.stamp);
        assert_eq!(
            got.iter().map(key).collect::<Vec<_>>(),
            expected.iter().map(key).collect::<Vec<_>>()
        );
        assert!(got.iter().any(|f| f.rel == "contacts/link.md"));
        assert_eq!(
            got.iter().find(|f| f.rel == "contacts/анна-петрова.md").unwrap().id(),
            "анна-петрова"
        );
        assert_eq!(got.len(), SLICE * 2 + 3 + 3 + usize::from(cfg!(unix)));
        // The temporary file of a killed write (no process has that number) is removed.
        #[cfg(target_os = "linux")]
        assert!(!root.join("tasks/.t.md.4194304.0.tmp").exists());
    }

    #[test]
    fn the_manifest_holds_every_stamp_as_written_and_reads_it_back() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("manifest");
        let stamps = [
            ("contacts/a.md", Stamp { size: 0, mtime_ns: 0 }),
            ("contacts/анна.md", Stamp { size: 366, mtime_ns: 1_764_000_000_123_456_789 }),
            // Before 1970, and past what 64 bits hold (the year 2262).
            ("notes/1969/x.md", Stamp { size: u64::MAX, mtime_ns: -1_000_000_001 }),
            ("tasks/far.md", Stamp { size: 1, mtime_ns: i128::from(i64::MAX) * 1000 + 7 }),
        ];
        Manifest::save_stamps((42, 4), stamps.iter().copied(), &path).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let mut expected = String::from("rolo-manifest 42 4\n");
        for (rel, stamp) in &stamps {
            expected.push_str(&format!("{} {} {rel}\n", stamp.size, stamp.mtime_ns));
        }
        assert_eq!(text, expected);
        let read: Vec<(&str, Stamp)> = text.lines().skip(1).filter_map(entry).collect();
        assert_eq!(read, stamps);
        assert_eq!(entry("12 x contacts/b.md"), None, "a damaged line");
    }

    /// A walk's files in a book of `n`, in some order: (path, stamp) pairs.
    fn files(n: usize) -> Vec<Found> {
        (0..n)
            .map(|i| {
                let rel = format!("contacts/c{i}.md");
                Found::at(rel, Stamp { size: i as u64, mtime_ns: 1_700_000_000_000_000_000 })
                    .unwrap()
            })
            .collect()
    }

    /// What [`diff`] must say, by path alone: changed in the walk's order, removed as a set.
    fn expected(manifest: &[Found], found: &[Found]) -> (Vec<String>, Vec<String>) {
        let indexed: HashMap<&str, Stamp> =
            manifest.iter().map(|f| (f.rel.as_str(), f.stamp)).collect();
        let changed = found
            .iter()
            .filter(|f| indexed.get(f.rel.as_str()) != Some(&f.stamp))
            .map(|f| f.rel.clone());
        let walked: std::collections::HashSet<&str> =
            found.iter().map(|f| f.rel.as_str()).collect();
        let mut removed: Vec<String> = manifest
            .iter()
            .filter(|f| !walked.contains(f.rel.as_str()))
            .map(|f| f.rel.clone())
            .collect();
        removed.sort();
        (changed.collect(), removed)
    }

    /// (changed, removed) of a diff, as [`expected`] gives them.
    fn sorted(changes: Changes) -> (Vec<String>, Vec<String>) {
        let changed = changes.changed.iter().map(|f| f.rel.clone()).collect();
        let mut removed = changes.removed;
        removed.sort();
        (changed, removed)
    }

    #[test]
    fn what_was_indexed_since_the_manifest_is_written_alone_and_read_back_with_it() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("manifest");
        let since = changes_path(&path);
        let none = std::collections::HashSet::new();
        let base = files(50);
        Manifest::save(Walked::new(&base), &path).unwrap();
        let written = fs::read(&path).unwrap();
        // Two edits, a file removed, one added (a Russian name).
        let mut now = base.clone();
        now[3].stamp.size += 1;
        now[7].stamp.mtime_ns += 1;
        now.remove(10);
        now.push(Found::at("contacts/ерлан.md".into(), Stamp { size: 9, mtime_ns: 5 }).unwrap());
        let loaded = Manifest::load(&path);
        let changes = diff(&loaded, &now);
        Manifest::save_indexed(Walked::new(&now), &loaded, changes.borrowed(), &none, &path)
            .unwrap();
        assert_eq!(fs::read(&path).unwrap(), written, "the manifest is not written again");
        assert_eq!(fs::read_to_string(&since).unwrap().lines().count(), 1 + 4);
        assert!(Manifest::unchanged(&path, fingerprint(&now)));
        assert!(!Manifest::unchanged(&path, fingerprint(&base)));
        assert!(diff(&Manifest::load(&path), &now).is_empty());
        // Against any other walk, the manifest and its changes say what the files
        // indexed say: the removed file back, the added one gone, edited again, and
        // the walk of the manifest itself.
        let mut back = now.clone();
        back.insert(0, base[10].clone());
        let mut gone = now.clone();
        gone.pop();
        let mut again = now.clone();
        again[3].stamp.size += 1;
        again[30].stamp.size += 1;
        for (n, walk) in [back, gone, again, base.clone(), Vec::new()].iter().enumerate() {
            let got = sorted(diff(&Manifest::load(&path), walk));
            assert_eq!(got, expected(&now, walk), "walk {n}");
        }
        // A file that could not be read is not indexed: found changed the next time.
        let mut later = now.clone();
        later[20].stamp.size += 1;
        later[21].stamp.size += 1;
        let loaded = Manifest::load(&path);
        let changes = diff(&loaded, &later);
        let failed: std::collections::HashSet<&str> = [later[21].rel.as_str()].into();
        Manifest::save_indexed(Walked::new(&later), &loaded, changes.borrowed(), &failed, &path)
            .unwrap();
        let mut indexed = later.clone();
        indexed.remove(21);
        assert!(Manifest::unchanged(&path, fingerprint(&indexed)));
        assert_eq!(
            sorted(diff(&Manifest::load(&path), &later)),
            (vec![later[21].rel.clone()], vec![])
        );
        // The changes of another manifest are not read; damaged changes mean every file.
        let of_base = fs::read_to_string(&since).unwrap();
        Manifest::save(Walked::new(&now), &path).unwrap();
        assert!(!since.exists(), "the manifest written whole: its changes go first");
        fs::write(&since, &of_base).unwrap();
        assert!(Manifest::unchanged(&path, fingerprint(&now)));
        assert!(diff(&Manifest::load(&path), &now).is_empty());
        let (header, lines) = of_base.split_once('\n').unwrap();
        let (sum, count) = fingerprint(&now);
        let mut words: Vec<&str> = header.split(' ').collect();
        let (sum, count) = (sum.to_string(), count.to_string());
        (words[1], words[2]) = (&sum, &count);
        fs::write(&since, format!("{}\n{}", words.join(" "), lines.replacen(' ', "x ", 1)))
            .unwrap();
        let changes = diff(&Manifest::load(&path), &now);
        assert_eq!((changes.changed.len(), changes.removed.len()), (now.len(), 0));
        // Past its limit, the whole manifest is written again instead.
        let many = files(SINCE_LIMIT + 10);
        Manifest::save(Walked::new(&many[..5]), &path).unwrap();
        let loaded = Manifest::load(&path);
        let changes = diff(&loaded, &many);
        Manifest::save_indexed(Walked::new(&many), &loaded, changes.borrowed(), &none, &path)
            .unwrap();
        assert!(!since.exists());
        assert!(Manifest::unchanged(&path, fingerprint(&many)));
        assert!(diff(&Manifest::load(&path), &many).is_empty());
    }

    #[test]
    fn a_diff_line_by_line_then_by_path_finds_what_a_map_finds() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("manifest");
        let base = files(50);
        // The walk as the manifest was written, then edited, added to, removed from, its
        // folder listed in another order, or the manifest written in path order (by a
        // watcher): every way the two can part.
        let mut cases: Vec<(Vec<Found>, Vec<Found>)> = Vec::new();
        let touched = |mut walk: Vec<Found>, at: &[usize]| {
            for &i in at {
                walk[i].stamp.size += 1000;
            }
            walk
        };
        cases.push((base.clone(), base.clone()));
        cases.push((base.clone(), touched(base.clone(), &[0, 7, 49])));
        let mut added = base.clone();
        added.insert(20, files(60).pop().unwrap());
        cases.push((base.clone(), touched(added, &[3, 30])));
        let mut removed = base.clone();
        removed.remove(10);
        removed.remove(40);
        cases.push((base.clone(), removed));
        let mut rotated = touched(base.clone(), &[5]);
        rotated.rotate_left(17);
        cases.push((base.clone(), rotated));
        let mut by_path = base.clone();
        by_path.sort_by(|a, b| a.rel.cmp(&b.rel));
        cases.push((by_path, touched(base.clone(), &[1, 2])));
        cases.push((Vec::new(), base.clone()));
        cases.push((base.clone(), Vec::new()));
        for (n, (manifest, found)) in cases.iter().enumerate() {
            Manifest::save(Walked::new(manifest), &path).unwrap();
            let changes = diff(&Manifest::load(&path), found);
            let changed: Vec<String> = changes.changed.iter().map(|f| f.rel.clone()).collect();
            let mut removed = changes.removed.clone();
            removed.sort();
            assert_eq!((changed, removed), expected(manifest, found), "case {n}");
        }
        // A damaged line anywhere: every file found is indexed again, nothing removed.
        Manifest::save(Walked::new(&base), &path).unwrap();
        let text = fs::read_to_string(&path).unwrap().replacen("\n3 ", "\nthree ", 1);
        fs::write(&path, text).unwrap();
        let changes = diff(&Manifest::load(&path), &base);
        assert_eq!((changes.changed.len(), changes.removed.len()), (base.len(), 0));
    }
}
