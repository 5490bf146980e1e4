//! The search index under `.rolo/index`: a cache of the book that every reading command
//! first brings up to date (docs/format.md: "The search language"). Deleting `.rolo` loses nothing; an index of
//! another version, or one that cannot be opened, is rebuilt rather than reported.
//!
//! Concurrency: updates happen under an exclusive lock on `.rolo/lock`, taken only when
//! the walk found changes, so readers of a fresh index never wait. tantivy commits are
//! atomic and the manifest is written after the commit, so a process killed mid-update
//! leaves at worst a few files to index again.

pub use derived::this_build;

pub mod addresses;
mod derived;
pub mod document;
pub mod eval;
pub mod fresh;
pub mod lookup;
pub mod rows;
pub mod schema;
pub mod search;
pub mod tokenizer;
pub mod unsynced;
pub mod watcher;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tantivy::directory::MmapDirectory;
use tantivy::indexer::{LogMergePolicy, MergePolicy, NoMergePolicy};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::book::Book;
use crate::error::{Diagnostic, Error, IoContext, Result};
use fresh::{Changes, ChangesRef, Found, Manifest, Walked};
use schema::Fields;
use tokenizer::{RoloTokenizer, Stemming};

/// What bringing the index up to date did.
#[derive(Debug, Default, Clone)]
pub struct Refresh {
    pub rebuilt: bool,
    /// A running watcher vouched for the index: nothing was walked.
    pub by_watcher: bool,
    pub indexed: usize,
    pub removed: usize,
    /// Files that could not be parsed, as of this refresh (reported on every command).
    pub problems: Vec<Diagnostic>,
    /// Files that could not be read now (gone since, or unreadable): not indexed, and left
    /// out of the manifest so that the next look tries them again.
    pub failed: Vec<String>,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    pub fields: Fields,
    dir: PathBuf,
    /// The walk this index is fresh for (keys the cached [`lookup::Lookup`]).
    fingerprint: (u64, u64),
}

/// Progress of a long rebuild: (done, total).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

const VERSION_FILE: &str = "rolo-version";

/// What the program does before indexing many files at once (a rebuild, a mass import):
/// set by the binary, which knows its allocator ([`before_bulk_indexing`]).
static BEFORE_BULK: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Have `prepare` run before indexing many files at once (once per process is enough:
/// a process that indexes a whole book does little else).
pub fn before_bulk_indexing(prepare: fn()) {
    let _ = BEFORE_BULK.set(prepare);
}

/// What the program does before it goes through the whole book: a walk (every command
/// without a watcher) or a look-up computed from every record's columns (the first
/// command after a change). Set by the binary, which knows its allocator
/// ([`before_reading_the_whole_book`]).
static BEFORE_WHOLE_BOOK: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Have `prepare` run before each walk of the book and each look-up computed whole.
pub fn before_reading_the_whole_book(prepare: fn()) {
    let _ = BEFORE_WHOLE_BOOK.set(prepare);
}

/// Run what the binary set to run before going through the whole book.
fn reading_the_whole_book() {
    if let Some(prepare) = BEFORE_WHOLE_BOOK.get() {
        prepare();
    }
}

/// What the program does after a command wrote the index without waiting for the disk
/// ([`unsynced`]), given the book's folder: set by the binary, which can start itself
/// to wait for the disk apart ([`after_unsynced_writes`]).
static AFTER_UNSYNCED: std::sync::OnceLock<fn(&Path)> = std::sync::OnceLock::new();

/// Have `settle` run after a command wrote the index without waiting for the disk while
/// no process waits to settle it ([`unsynced::settling_wanted`]), once it let go of the
/// lock: it is to call [`SearchIndex::settle_apart`] apart, without holding the command
/// up. Without it, the first command to find the index left alone for
/// [`unsynced::QUIET`] does.
pub fn after_unsynced_writes(settle: fn(&Path)) {
    let _ = AFTER_UNSYNCED.set(settle);
}

/// Memory for indexing: enough for 100k records in one pass within the memory budget.
const WRITER_MEMORY: usize = 60_000_000;
/// tantivy's minimum arena per thread, for updates of a few files.
const SMALL_WRITER_MEMORY: usize = 15_000_000;
/// Segments smaller than this many documents are merged as if of one size.
const SMALLEST_LAYER: u32 = 100;

/// What a batch is indexed into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A new index (a rebuild): nothing to delete first.
    Empty,
    Existing(Merges),
}

/// What an update writes of the manifest, the list of files indexed.
#[derive(Clone, Copy)]
enum ManifestUpdate<'a> {
    /// Nothing: left behind, to be caught up by [`SearchIndex::save_manifest`] (a
    /// manifest behind the index only makes a walking command index a few files again).
    Behind,
    /// Every record file as `walked` found them, indexed: written whole.
    Whole(Walked<'a>),
    /// The same, its changes found by comparing the walk with this manifest (a
    /// command's): only they are written while they are few ([`Manifest::save_indexed`]).
    Changes(Walked<'a>, &'a Manifest),
}

/// When the segment a small update adds merges with the others.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Merges {
    /// At its commit, when its layer is full (a command's own update).
    Now,
    /// Not at its commit: [`SearchIndex::merge_waiting`] later (the watcher's batches,
    /// whose commands would otherwise wait for the merge: 15-25 ms every eighth edit).
    Later,
}

/// Each small update adds a small segment; every eighth of a size merges. By default
/// every segment under 10,000 documents counts as one size, so in a book of that size
/// the eighth edit re-merged the whole index (half a second, and the look-ups of the new
/// segment computed again).
fn small_update_merges() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_min_layer_size(SMALLEST_LAYER);
    policy
}

pub fn index_dir(book: &Book) -> PathBuf {
    index_dir_at(book.root())
}

/// The index folder of the book in `root`.
fn index_dir_at(root: &Path) -> PathBuf {
    root.join(".rolo").join("index")
}

impl SearchIndex {
    /// Open the index, bringing it up to date with the files first (rebuilding it if it
    /// is missing, damaged or of another version).
    pub fn open_fresh(book: &Book, progress: Progress) -> Result<(SearchIndex, Refresh)> {
        // A running watcher knows, without a walk, once it has seen every change so far.
        if let Some(fingerprint) = watcher::fresh(book.root()) {
            let dir = index_dir(book);
            if let Ok(mut index) = Self::open_existing(&dir) {
                index.fingerprint = fingerprint;
                let problems = fresh::load_problems(&fresh::problems_path(&dir));
                return Ok((index, Refresh { problems, by_watcher: true, ..Refresh::default() }));
            }
        }
        Self::open_walked(book, progress)
    }

    /// [`SearchIndex::open_fresh`] by a walk of the book, without asking a watcher (what
    /// the watcher itself does when it starts).
    pub fn open_walked(book: &Book, progress: Progress) -> Result<(SearchIndex, Refresh)> {
        Self::open_found(book, &fresh::scan(book.root())?, progress)
    }

    /// [`SearchIndex::open_fresh`] with `found`, every record file as a walk just found
    /// them (what the watcher does when it starts, with its own walk).
    pub fn open_found(
        book: &Book,
        found: &[Found],
        progress: Progress,
    ) -> Result<(SearchIndex, Refresh)> {
        let walked = Walked::new(found);
        let (mut index, refresh) = Self::refresh(book, walked, progress)?;
        index.fingerprint = walked.fingerprint;
        Ok((index, refresh))
    }

    fn refresh(book: &Book, walked: Walked, progress: Progress) -> Result<(SearchIndex, Refresh)> {
        let dir = index_dir(book);
        let manifest = fresh::manifest_path(&dir);
        let known_problems = || fresh::load_problems(&fresh::problems_path(&dir));
        // Without the lock first: a fresh index needs no writer and waits for nobody.
        if Manifest::unchanged(&manifest, walked.fingerprint)
            && let Ok(index) = Self::open_existing(&dir)
        {
            // Writes a command left to the page cache and nobody settled apart are
            // settled by the first command to find the index left alone for a while
            // (then there is little left to wait for). A cache: a failure leaves the
            // marker, and a crash then means a rebuild.
            let _ = Self::settle(book.root(), unsynced::QUIET, Duration::ZERO);
            return Ok((index, Refresh { problems: known_problems(), ..Refresh::default() }));
        }
        let lock = lock(book)?;
        // Under the lock, another process may have done the work, or have been
        // mid-commit when we tried to open: look again before rebuilding. A few files
        // indexed are written without waiting for the disk ([`unsynced`]).
        if let Ok(index) = Self::open_unsynced(&dir) {
            let indexed = Manifest::load(&manifest);
            let changes = fresh::diff(&indexed, walked.files);
            if changes.is_empty() {
                return Ok((index, Refresh { problems: known_problems(), ..Refresh::default() }));
            }
            if let Ok(refresh) =
                index.apply(book, &dir, ManifestUpdate::Changes(walked, &indexed), changes)
                && index.reader.reload().is_ok()
            {
                drop(lock);
                if unsynced::settling_wanted(&dir)
                    && let Some(settle) = AFTER_UNSYNCED.get()
                {
                    settle(book.root());
                }
                return Ok((index, refresh));
            }
        }
        Self::rebuild_locked(book, walked, progress)
    }

    /// Bring the index up to date with `changes` known without a walk (the watcher's),
    /// `walked` being every record file as it is now: what the manifest will say (`None`:
    /// the manifest is left behind, to be caught up by [`SearchIndex::save_manifest`]; a
    /// manifest behind the index only makes a walking command index a few files again).
    /// Written without waiting for the disk where that is safe ([`unsynced`]): call
    /// [`SearchIndex::make_durable`] once the commands waiting for it have their answer.
    pub fn apply_known(book: &Book, walked: Option<Walked>, changes: Changes) -> Result<Refresh> {
        let dir = index_dir(book);
        let _lock = lock(book)?;
        match Self::open_unsynced(&dir) {
            Ok(index) => index.index_all(
                book,
                &dir,
                walked.map_or(ManifestUpdate::Behind, ManifestUpdate::Whole),
                changes.borrowed(),
                Target::Existing(Merges::Later),
                &mut |_, _| {},
            ),
            Err(_) => {
                let scanned;
                let walked = match walked {
                    Some(walked) => walked,
                    None => {
                        scanned = fresh::scan(book.root())?;
                        Walked::new(&scanned)
                    }
                };
                Self::rebuild_locked(book, walked, &mut |_, _| {}).map(|(_, r)| r)
            }
        }
    }

    /// Merge the segments that [`SearchIndex::apply_known`]'s batches left unmerged, as a
    /// small update merging at once would have (the watcher calls this once the book is
    /// quiet, so that no command waits for a merge).
    pub fn merge_waiting(book: &Book) -> Result<()> {
        let dir = index_dir(book);
        let _lock = lock(book)?;
        let index = Self::open_unsynced(&dir)?;
        let fail = |e| tantivy_error(&dir, e);
        let policy = small_update_merges();
        let waiting = || -> Result<Vec<tantivy::indexer::MergeCandidate>> {
            let metas = index.index.searchable_segment_metas().map_err(fail)?;
            Ok(policy.compute_merge_candidates(&metas))
        };
        let mut candidates = waiting()?;
        if candidates.is_empty() {
            return Ok(());
        }
        let mut writer: IndexWriter =
            index.index.writer_with_num_threads(1, SMALL_WRITER_MEMORY).map_err(fail)?;
        // These merges only, one after the other; a merge may make a segment of the next
        // layer that merges in turn.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        while !candidates.is_empty() {
            for candidate in candidates {
                writer.merge(&candidate.0).wait().map_err(fail)?;
            }
            candidates = waiting()?;
        }
        writer.wait_merging_threads().map_err(fail)
    }

    /// Write the manifest: `files` is every record file as indexed (path and stamp),
    /// `fingerprint` theirs.
    pub fn save_manifest<'a>(
        book: &Book,
        fingerprint: (u64, u64),
        files: impl ExactSizeIterator<Item = (&'a str, fresh::Stamp)>,
    ) -> Result<()> {
        let dir = index_dir(book);
        let _lock = lock(book)?;
        Manifest::save_stamps(fingerprint, files, &fresh::manifest_path(&dir))
    }

    /// Wait until what [`SearchIndex::apply_known`] wrote is on the disk, keeping the
    /// marker for the next batch.
    pub fn wait_for_disk(book: &Book) -> Result<()> {
        let dir = index_dir(book);
        unsynced::wait_for_disk(&dir).at(&dir)
    }

    /// The caches of the index as it is, the book's walk having `fingerprint`: the rows
    /// files of every segment (a batch's or a merge's has none until a command reads
    /// rows) and the look-up ([`SearchIndex::warm_lookup`]). A watcher's, once the book
    /// is quiet: the next command reads them instead of making them; then `keep` keeps
    /// what it will beside the index (summaries of the book). Under the index's lock, as
    /// a merge is: never beside a rebuild that empties the folder.
    pub fn warm_caches(
        book: &Book,
        fingerprint: (u64, u64),
        keep: impl FnOnce(&SearchIndex),
    ) -> Result<()> {
        let _lock = lock(book)?;
        let mut index = Self::open_existing(&index_dir(book))?;
        index.fingerprint = fingerprint;
        index.make_caches()?;
        keep(&index);
        Ok(())
    }

    /// The rows files of every segment and the look-up, made where missing.
    fn make_caches(&self) -> Result<()> {
        self.rows_ready()?;
        self.warm_lookup()
    }

    /// Wait until what [`SearchIndex::apply_known`] wrote is on the disk, and say so (the
    /// marker removed).
    pub fn make_durable(book: &Book) -> Result<()> {
        let dir = index_dir(book);
        if !unsynced::marked(&dir) {
            return Ok(());
        }
        // Under the lock: a command writing meanwhile relies on the marker staying.
        let _lock = lock(book)?;
        unsynced::make_durable(&dir).at(&dir)
    }

    /// Once the index of the book in `root` has been left alone for `quiet`, wait until
    /// what commands wrote to it without waiting for the disk is on it, and say so (the
    /// marker removed). Looked at every quarter of a second for up to `patience` (zero:
    /// once); while another process holds the index's lock (a writer, or another
    /// settling), or the index keeps changing, it waits on.
    pub fn settle(root: &Path, quiet: Duration, patience: Duration) -> Result<()> {
        let dir = index_dir_at(root);
        let started = std::time::Instant::now();
        loop {
            // Never the marker of another boot: its writes may be lost, and the next
            // command rebuilds the index.
            if !unsynced::unsettled(&dir) {
                return Ok(());
            }
            if unsynced::marked_and_quiet(&dir, quiet) {
                let (file, path) = lock_file(root)?;
                match file.try_lock() {
                    Ok(()) => return unsynced::make_durable(&dir).at(&dir),
                    Err(fs::TryLockError::WouldBlock) => {}
                    Err(fs::TryLockError::Error(e)) => return Err(e).at(&path),
                }
            }
            if started.elapsed() >= patience {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// [`SearchIndex::settle`] by the process a command started apart (`rolo index
    /// --settle`), once the index has been left alone for [`unsynced::QUIET_APART`]. One
    /// such process waits at a time ([`unsynced::attend`]); another started meanwhile
    /// ends at once.
    pub fn settle_apart(root: &Path, patience: Duration) -> Result<()> {
        let dir = index_dir_at(root);
        let started = std::time::Instant::now();
        loop {
            let Some(attending) = unsynced::attend(&dir).at(&dir)? else { return Ok(()) };
            let left = patience.saturating_sub(started.elapsed());
            Self::settle(root, unsynced::QUIET_APART, left)?;
            drop(attending);
            // A command that wrote while this process was ending found it still waiting
            // and started none: look again once the lock is let go.
            if !unsynced::unsettled(&dir) || started.elapsed() >= patience {
                return Ok(());
            }
        }
    }

    /// Throw the index away and index every file again, then make its caches (every
    /// segment's rows, the look-up) as a watcher does: the next command reads them. A
    /// command that made them itself took a second and 60 MB more at 100,000 records
    /// (work done once on threads of its own, whose freed memory the allocator keeps
    /// for a second); `rolo index --rebuild` runs with a short purge delay (`main.rs`).
    pub fn rebuild(book: &Book, progress: Progress) -> Result<(SearchIndex, Refresh)> {
        let found = fresh::scan(book.root())?;
        let walked = Walked::new(&found);
        let _lock = lock(book)?;
        let (mut index, refresh) = Self::rebuild_locked(book, walked, progress)?;
        index.fingerprint = walked.fingerprint;
        // Caches: the index is whole without them (the next command makes them).
        let _ = index.make_caches();
        Ok((index, refresh))
    }

    fn open_existing(dir: &Path) -> Result<SearchIndex> {
        Self::check_usable(dir)?;
        let index = Index::open_in_dir(dir).map_err(|e| tantivy_error(dir, e))?;
        Self::with_schema(index, dir)
    }

    /// [`SearchIndex::open_existing`], its writes not waiting for the disk where that is
    /// safe.
    fn open_unsynced(dir: &Path) -> Result<SearchIndex> {
        Self::check_usable(dir)?;
        let index = match unsynced::open(dir).map_err(|e| tantivy_error(dir, e))? {
            Some(directory) => Index::open(directory),
            None => Index::open_in_dir(dir),
        };
        Self::with_schema(index.map_err(|e| tantivy_error(dir, e))?, dir)
    }

    /// Of this version, and not left unsynced by a crash.
    fn check_usable(dir: &Path) -> Result<()> {
        let version = fs::read_to_string(dir.join(VERSION_FILE)).unwrap_or_default();
        if version.trim() != schema::VERSION.to_string() {
            return Err(Error::Usage("index version differs".into()));
        }
        if unsynced::lost_to_a_crash(dir) {
            return Err(Error::Usage("index written before a crash".into()));
        }
        Ok(())
    }

    fn with_schema(index: Index, dir: &Path) -> Result<SearchIndex> {
        let fields = Fields::new();
        if index.schema() != fields.schema {
            return Err(Error::Usage("index schema differs".into()));
        }
        Self::ready(index, fields, dir)
    }

    fn ready(index: Index, fields: Fields, dir: &Path) -> Result<SearchIndex> {
        index
            .tokenizers()
            .register(schema::STEMMED, TextAnalyzer::from(RoloTokenizer::new(Stemming::On)));
        index
            .tokenizers()
            .register(schema::EXACT, TextAnalyzer::from(RoloTokenizer::new(Stemming::Off)));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| tantivy_error(dir, e))?;
        Ok(SearchIndex { index, reader, fields, dir: dir.to_path_buf(), fingerprint: (0, 0) })
    }

    fn rebuild_locked(
        book: &Book,
        walked: Walked,
        progress: Progress,
    ) -> Result<(SearchIndex, Refresh)> {
        let dir = index_dir(book);
        if dir.exists() {
            fs::remove_dir_all(&dir).at(&dir)?;
        }
        fs::create_dir_all(&dir).at(&dir)?;
        let fields = Fields::new();
        let directory = MmapDirectory::open(&dir).map_err(|e| tantivy_error(&dir, e.into()))?;
        let index = Index::create(directory, fields.schema.clone(), Default::default())
            .map_err(|e| tantivy_error(&dir, e))?;
        let index = Self::ready(index, fields, &dir)?;
        // Every file found is a change (borrowed: a copy of 100,000 of them is 14 MB).
        let mut refresh = index.index_all(
            book,
            &dir,
            ManifestUpdate::Whole(walked),
            ChangesRef { changed: walked.files, removed: &[] },
            Target::Empty,
            progress,
        )?;
        fs::write(dir.join(VERSION_FILE), schema::VERSION.to_string()).at(&dir)?;
        index.reader.reload().map_err(|e| tantivy_error(&dir, e))?;
        refresh.rebuilt = true;
        Ok((index, refresh))
    }

    fn apply(
        &self,
        book: &Book,
        dir: &Path,
        manifest: ManifestUpdate,
        changes: Changes,
    ) -> Result<Refresh> {
        let target = Target::Existing(Merges::Now);
        self.index_all(book, dir, manifest, changes.borrowed(), target, &mut |_, _| {})
    }

    /// Delete what changed or went away, add what changed, commit, then save the manifest.
    /// Into an empty index ([`Target::Empty`], a rebuild) nothing is deleted: a delete per
    /// file would cost a query's worth of memory each until the commit (a third of a
    /// rebuild's peak).
    fn index_all(
        &self,
        book: &Book,
        dir: &Path,
        manifest: ManifestUpdate,
        changes: ChangesRef,
        target: Target,
        progress: Progress,
    ) -> Result<Refresh> {
        let empty = target == Target::Empty;
        let ChangesRef { changed, removed } = changes;
        // A few changed files (the usual case) need one small writer; a rebuild all cores.
        let small = changed.len() < 1000;
        let threads = if small {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get()).min(2)
        };
        let memory = if small { SMALL_WRITER_MEMORY } else { WRITER_MEMORY };
        if !small && let Some(prepare) = BEFORE_BULK.get() {
            prepare();
        }
        let writer: IndexWriter = self
            .index
            .writer_with_num_threads(threads, memory)
            .map_err(|e| tantivy_error(dir, e))?;
        match target {
            Target::Existing(Merges::Later) => writer.set_merge_policy(Box::new(NoMergePolicy)),
            Target::Existing(Merges::Now) if small => {
                writer.set_merge_policy(Box::new(small_update_merges()));
            }
            _ => {}
        }
        let mut refresh = Refresh { removed: removed.len(), ..Refresh::default() };
        // Problems of files not touched now still stand; the touched ones are re-judged
        // (into an empty index, every file is).
        let mut problems: Vec<Diagnostic> = Vec::new();
        if !empty {
            let touched: std::collections::HashSet<&str> = removed
                .iter()
                .map(String::as_str)
                .chain(changed.iter().map(|f| f.rel.as_str()))
                .collect();
            problems = fresh::load_problems(&fresh::problems_path(dir))
                .into_iter()
                .filter(|d| !touched.contains(d.path.to_string_lossy().as_ref()))
                .collect();
        }
        let stale = removed.iter().chain(changed.iter().map(|f| &f.rel));
        for rel in stale.filter(|_| !empty) {
            writer.delete_term(Term::from_field_text(self.fields.path, rel));
        }
        let total = changed.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let index_part = |part: &[Found]| -> Result<Indexed> {
            let mut out = Indexed::default();
            for f in part {
                match book.read_at(f.kind, f.id(), Path::new(&f.rel)) {
                    Ok(record) => {
                        let doc = document::document(&self.fields, &record);
                        writer.add_document(doc).map_err(|e| tantivy_error(dir, e))?;
                        out.added += 1;
                    }
                    Err(Error::Bad(d)) => out.problems.push(d),
                    // Gone since the walk, or unreadable: not indexed, so not in the
                    // manifest either; the next command tries again.
                    Err(e) => out.failed.push((f.rel.clone(), e.to_string())),
                }
                done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(out)
        };
        let results: Vec<Result<Indexed>> = if small {
            // A few files (a hand edit the watcher answers for): read here, no thread
            // and no progress to wait on.
            vec![index_part(changed)]
        } else {
            let chunk = total.div_ceil(threads).max(1);
            std::thread::scope(|scope| {
                let workers: Vec<_> =
                    changed.chunks(chunk).map(|part| scope.spawn(|| index_part(part))).collect();
                // Report progress while a long rebuild runs.
                while !workers.iter().all(|w| w.is_finished()) {
                    progress(done.load(std::sync::atomic::Ordering::Relaxed), total);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                workers
                    .into_iter()
                    .map(|w| w.join().unwrap_or_else(|_| Err(worker_panicked(dir))))
                    .collect()
            })
        };
        // One worker failing fails the refresh: nothing is committed, the manifest is not
        // written, and the next command indexes the same files again. Never a silent gap.
        let mut failed = Vec::new();
        for result in results {
            let indexed = result?;
            refresh.indexed += indexed.added;
            problems.extend(indexed.problems);
            failed.extend(indexed.failed);
        }
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        progress(total, total);
        let mut writer = writer;
        writer.commit().map_err(|e| tantivy_error(dir, e))?;
        let _ = writer.wait_merging_threads();
        let failed_paths: std::collections::HashSet<&str> =
            failed.iter().map(|(rel, _)| rel.as_str()).collect();
        let path = fresh::manifest_path(dir);
        match manifest {
            ManifestUpdate::Behind => {}
            ManifestUpdate::Whole(walked) => Manifest::save_all_but(walked, &failed_paths, &path)?,
            ManifestUpdate::Changes(walked, indexed) => {
                Manifest::save_indexed(walked, indexed, changes, &failed_paths, &path)?;
            }
        }
        fresh::save_problems(&fresh::problems_path(dir), &problems)?;
        refresh.failed = failed.iter().map(|(rel, _)| rel.clone()).collect();
        for (rel, message) in failed {
            problems.push(Diagnostic { path: rel.into(), line: 1, col: 1, message });
        }
        refresh.problems = problems;
        Ok(refresh)
    }

    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// How many records of a kind the index holds (a count of postings, no row read).
    pub fn count(&self, kind: crate::model::Kind) -> Result<usize> {
        let term = Term::from_field_text(self.fields.kind, kind.name());
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        self.searcher()
            .search(&query, &tantivy::collector::Count)
            .map_err(|e| tantivy_error(&self.dir, e))
    }
}

/// What one indexing worker did.
#[derive(Default)]
struct Indexed {
    added: usize,
    /// Files that do not parse (kept in the problems file: they stay bad until edited).
    problems: Vec<Diagnostic>,
    /// Files that could not be read now, with why.
    failed: Vec<(String, String)>,
}

fn worker_panicked(dir: &Path) -> Error {
    Error::io(dir, std::io::Error::other("an indexing thread stopped unexpectedly"))
}

/// The update lock: one process updates the index at a time; others wait for it.
fn lock(book: &Book) -> Result<fs::File> {
    let (file, path) = lock_file(book.root())?;
    file.lock().at(&path)?;
    Ok(file)
}

/// The update lock's file of the book in `root` (made if missing), not locked yet; and
/// its path.
fn lock_file(root: &Path) -> Result<(fs::File, PathBuf)> {
    let dir = root.join(".rolo");
    fs::create_dir_all(&dir).at(&dir)?;
    let path = dir.join("lock");
    let file =
        fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).at(&path)?;
    Ok((file, path))
}

fn tantivy_error(dir: &Path, e: tantivy::TantivyError) -> Error {
    Error::io(dir, std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    /// Settling waits for the disk and removes this boot's marker, never another boot's
    /// (the next command rebuilds that index), nor one another process holds the lock
    /// over.
    #[test]
    fn settling_removes_only_this_boots_marker_and_only_under_the_lock() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let dir = root.join(".rolo").join("index");
        std::fs::create_dir_all(&dir).unwrap();
        let lock = root.join(".rolo").join("lock");
        std::fs::write(&lock, "").unwrap();
        let marker = dir.join("rolo-unsynced");
        let Ok(boot) = std::fs::read_to_string("/proc/sys/kernel/random/boot_id") else {
            return; // no boot id here: nothing is written without waiting for the disk
        };
        let settle = || super::SearchIndex::settle(root, Duration::ZERO, Duration::ZERO);
        std::fs::write(&marker, "a-boot-before-the-crash").unwrap();
        settle().unwrap();
        assert!(marker.exists(), "another boot's marker stays");
        std::fs::write(&marker, boot.trim()).unwrap();
        let held = std::fs::File::open(&lock).unwrap();
        held.lock().unwrap();
        settle().unwrap();
        assert!(marker.exists(), "the lock is held: a writer relies on the marker");
        held.unlock().unwrap();
        settle().unwrap();
        assert!(!marker.exists(), "settled");
    }
}
