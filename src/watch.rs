//! `rolo watch`: keep a book's index fresh from file-system notifications, so that
//! reading commands skip the walk of every file (a round trip to the watcher instead;
//! the asking side is [`crate::index::watcher`]).
//!
//! One thread reads notifications (the `notify` crate: inotify, FSEvents,
//! ReadDirectoryChangesW) and a second accepts commands' questions; both feed one loop
//! that owns the state: every record file's stamp as indexed, and the paths changed
//! since. Changes are indexed in batches: when a command asks (once its cookie file's
//! event arrives, proving that every earlier event has), or after a quiet moment. An
//! overflowed event queue, an error from the notifier, or a record folder removed and made
//! again (`git checkout`) means a walk of the whole book, as a command without a watcher
//! would do. While nothing changes, the loop sleeps.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

use notify::RecursiveMode;

use crate::book::Book;
use crate::error::{Error, IoContext, Result};
use crate::index::fresh::{self, Changes, Found, Stamp};
use crate::index::{SearchIndex, watcher};
use crate::model::Kind;

/// After this long without events, pending changes are indexed without being asked.
const QUIET: Duration = Duration::from_millis(150);
/// How often an idle watcher checks that its socket is still there (the book's `.rolo`
/// removed means stopping).
const IDLE_CHECK: Duration = Duration::from_secs(2);
/// A question whose cookie never arrives is dropped after this (its command walked).
const STALE: Duration = Duration::from_secs(40);
/// After this long without events, the manifest the batches left behind is written.
const MANIFEST_AFTER: Duration = Duration::from_secs(1);
/// How long a folder made inside a record folder is listed again at each batch.
const MADE_DIR_LISTED: Duration = Duration::from_secs(5);
/// Above this many changed files, a command that asks is told to wait for the indexing.
const MANY: usize = 64;

/// How many idle checks call the program's [`when_idle`] once the memory freed by a walk
/// or a batch may be given back: enough for all of it to go (see `when_idle`).
const IDLE_AFTER_WORK: u8 = 3;
/// How long what a batch of a few files used is kept after it, for the next: a batch in
/// memory given back takes its pages from the system again, 6 ms more at 10,000 records
/// (BENCHMARKS.md). What a walk of the whole book freed goes at once.
const BATCH_MEMORY_KEPT: Duration = Duration::from_secs(60);

/// What the program does when the watcher is idle after work: set by the binary, which
/// knows its allocator ([`when_idle`]).
static WHEN_IDLE: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Have `settle` run at a few of the watcher's idle checks (every two seconds) after each
/// walk of the book, and a minute after each batch: an allocator that gives freed memory
/// back to the system only when it is next called (mimalloc) would otherwise keep what
/// the last work freed for as long as the watcher sleeps.
pub fn when_idle(settle: fn()) {
    let _ = WHEN_IDLE.set(settle);
}

/// What `rolo watch` reports as it goes.
#[derive(Debug)]
pub enum Notice {
    /// Watching, with this many record files indexed.
    Started { records: usize },
    /// A batch of changes was indexed.
    Indexed { changed: usize, removed: usize, rescan: bool },
    /// Something went wrong and was survived (the next batch walks the book).
    Trouble(String),
}

/// How a watcher ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// Another watcher runs for this book: nothing to do.
    AlreadyRunning,
    /// It watched until its socket went away (the book's `.rolo` removed).
    Stopped,
}

fn lock_path(book: &Book) -> PathBuf {
    book.root().join(".rolo").join("watch.lock")
}

/// Watch the book until the process is stopped (or the book's `.rolo` is removed).
/// Returns at once with [`Ended::AlreadyRunning`] when another watcher has the book.
pub fn run(book: &Book, notices: &mut dyn FnMut(Notice)) -> Result<Ended> {
    // The build this watcher runs, taken before an upgrade can replace its program file:
    // what it keeps beside the index names the code that computed it.
    crate::index::this_build();
    let root = book.root().to_path_buf();
    let rolo_dir = root.join(".rolo");
    fs::create_dir_all(&rolo_dir).at(&rolo_dir)?;
    let lock_file = lock_path(book);
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_file)
        .at(&lock_file)?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => return Ok(Ended::AlreadyRunning),
        Err(fs::TryLockError::Error(e)) => return Err(e).at(&lock_file),
    }
    if let Some(fs_type) = network_file_system(&root) {
        return Err(Error::Usage(format!(
            "{} is on a network file system ({fs_type}), whose changes made on other machines \
             are never notified: commands walk the book instead of asking a watcher",
            root.display()
        )));
    }
    let cookies = watcher::cookie_dir(&root);
    fs::create_dir_all(&cookies).at(&cookies)?;
    let socket = watcher::socket_path(&root);
    let _ = fs::remove_file(&socket);
    let listener = UnixListener::bind(&socket).at(&socket)?;

    let (tx, rx) = mpsc::channel::<Msg>();
    let fs_tx = tx.clone();
    let mut notifier = notify::recommended_watcher(move |event| {
        let _ = fs_tx.send(Msg::Fs(event));
    })
    .map_err(|e| Error::io(&root, std::io::Error::other(e.to_string())))?;
    // Watches first, then the walk: what changes during the walk is queued, not lost.
    watch_dirs(&mut notifier, &root, &cookies);
    std::thread::spawn(move || accept(listener, tx));

    let mut state = State::new(book)?;
    notices(Notice::Started { records: state.found.len() });
    let _lock = lock;
    state.serve(&rx, &mut notifier, &socket, notices);
    Ok(Ended::Stopped)
}

/// The folders to watch: the book's root (folders made or removed), each record folder
/// (notes with their year folders), and the cookie folder.
fn watch_dirs(notifier: &mut impl notify::Watcher, root: &Path, cookies: &Path) {
    let _ = notifier.watch(root, RecursiveMode::NonRecursive);
    let _ = notifier.watch(cookies, RecursiveMode::NonRecursive);
    for kind in Kind::ALL {
        let mode =
            if kind == Kind::Note { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
        let _ = notifier.watch(&root.join(kind.dir()), mode);
    }
}

enum Msg {
    Fs(notify::Result<notify::Event>),
    /// A command asking whether everything up to its cookie is indexed.
    Fresh {
        cookie: String,
        stream: UnixStream,
    },
    Status {
        stream: UnixStream,
    },
}

/// Read each connection's one line and hand it to the loop.
fn accept(listener: UnixListener, tx: Sender<Msg>) {
    for stream in listener.incoming().flatten() {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
        let mut line = String::new();
        let Ok(reader) = stream.try_clone() else { continue };
        if BufReader::new(reader).read_line(&mut line).is_err() {
            continue;
        }
        let mut words = line.split_whitespace();
        let (verb, first) = (words.next(), words.next());
        let protocol: Vec<&str> = words.collect();
        let msg = match (verb, first) {
            (Some("fresh"), Some(cookie)) if protocol.join(" ") == watcher::PROTOCOL => {
                // Heard at once, even while the loop is busy with a flood of events.
                let mut stream = stream;
                if writeln!(stream, "queued").is_err() {
                    continue;
                }
                Msg::Fresh { cookie: cookie.to_string(), stream }
            }
            (Some("status"), Some(p))
                if format!("{p} {}", protocol.join(" ")) == watcher::PROTOCOL =>
            {
                Msg::Status { stream }
            }
            _ => {
                // Another rolo version, or nonsense: it walks.
                let mut stream = stream;
                let _ = writeln!(stream, "other {}", watcher::PROTOCOL);
                continue;
            }
        };
        if tx.send(msg).is_err() {
            return;
        }
    }
}

struct State<'b> {
    book: &'b Book,
    root: PathBuf,
    cookies: PathBuf,
    /// Every record file as indexed: its path relative to the book, and its stamp (its
    /// kind and id are read from the path when asked: 56 bytes and the path a file,
    /// a third of what a list of [`Found`] took at 100,000 records).
    found: BTreeMap<String, Stamp>,
    fingerprint: (u64, u64),
    /// Paths (relative to the book) changed since the last batch.
    pending: BTreeSet<PathBuf>,
    /// Whether the next batch must walk the whole book.
    rescan: bool,
    /// Folders made inside record folders lately, listed again at each batch.
    made_dirs: HashMap<PathBuf, Instant>,
    /// Index writes made since the last wait for the disk.
    unsettled: bool,
    /// Batches indexed since the manifest was last written.
    manifest_behind: bool,
    /// Batches indexed since the book was last quiet: their segments not merged yet
    /// (batches do not merge, so that no command waits for a merge) and the index's
    /// caches (rows files; titles, last contacts, the agenda's facts) not made for the
    /// index as they left it. The book's next quiet moment does both.
    index_behind: bool,
    /// Cookies seen, and questions waiting for theirs.
    seen: HashMap<String, Instant>,
    waiting: Vec<(String, UnixStream, Instant)>,
    last_event: Option<Instant>,
    started: SystemTime,
    batches: u64,
    files: u64,
    /// Idle checks left that call [`WHEN_IDLE`], from when.
    idle_after_work: u8,
    give_back_from: Instant,
}

impl<'b> State<'b> {
    fn new(book: &'b Book) -> Result<State<'b>> {
        let root = book.root().to_path_buf();
        let mut state = State {
            book,
            cookies: watcher::cookie_dir(&root),
            root,
            found: BTreeMap::new(),
            fingerprint: (0, 0),
            pending: BTreeSet::new(),
            rescan: true,
            made_dirs: HashMap::new(),
            unsettled: false,
            manifest_behind: false,
            // What an earlier watcher's batches left.
            index_behind: true,
            seen: HashMap::new(),
            waiting: Vec::new(),
            last_event: None,
            started: SystemTime::now(),
            batches: 0,
            files: 0,
            idle_after_work: 0,
            give_back_from: Instant::now(),
        };
        state.index()?;
        Ok(state)
    }

    fn serve(
        &mut self,
        rx: &mpsc::Receiver<Msg>,
        notifier: &mut impl notify::Watcher,
        socket: &Path,
        notices: &mut dyn FnMut(Notice),
    ) {
        loop {
            let busy = !self.pending.is_empty() || self.rescan || !self.waiting.is_empty();
            let msg = rx.recv_timeout(if busy { QUIET } else { IDLE_CHECK });
            match msg {
                Ok(Msg::Fs(Ok(event))) => self.note(&event, notifier),
                Ok(Msg::Fs(Err(e))) => {
                    notices(Notice::Trouble(format!("file-system notification failed: {e}")));
                    self.rescan = true;
                }
                Ok(Msg::Fresh { cookie, stream }) => {
                    self.waiting.push((cookie, stream, Instant::now()));
                }
                Ok(Msg::Status { mut stream }) => {
                    let _ = writeln!(stream, "status {}", self.status());
                }
                Err(RecvTimeoutError::Timeout) => {
                    let idle = self.last_event.is_none_or(|t| t.elapsed() >= MANIFEST_AFTER);
                    if idle && self.pending.is_empty() && !self.rescan {
                        self.catch_up_manifest(notices);
                        self.catch_up_index(notices);
                        // Quiet: the marker goes (the batches are on the disk already).
                        if let Err(e) = SearchIndex::make_durable(self.book) {
                            notices(Notice::Trouble(format!(
                                "the index could not be made durable: {e}"
                            )));
                        }
                    }
                    if !socket.exists() {
                        notices(Notice::Trouble(
                            "the book's .rolo folder is gone: stopping (start rolo watch again)"
                                .into(),
                        ));
                        return;
                    }
                    if self.pending.is_empty() && !self.rescan {
                        if idle {
                            self.idle();
                        }
                        continue;
                    }
                    let quiet = self.last_event.is_none_or(|t| t.elapsed() >= QUIET);
                    if quiet {
                        self.batch(notices);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
            self.answer(notices);
            self.settle(notices);
        }
    }

    /// Work that frees memory: [`when_idle`] at the idle checks `after` from now.
    fn give_back_after(&mut self, after: Duration) {
        (self.idle_after_work, self.give_back_from) = (IDLE_AFTER_WORK, Instant::now() + after);
    }

    /// An idle check with nothing to index: the program's [`when_idle`] at the first few
    /// after work.
    fn idle(&mut self) {
        if self.idle_after_work > 0 && Instant::now() >= self.give_back_from {
            self.idle_after_work -= 1;
            if let Some(settle) = WHEN_IDLE.get() {
                settle();
            }
        }
    }

    /// Take an event in: a cookie, a record file changed, or a folder of the book made
    /// or removed.
    fn note(&mut self, event: &notify::Event, notifier: &mut impl notify::Watcher) {
        use notify::EventKind;
        if event.need_rescan() {
            self.rescan = true;
        }
        // Files opened and read (by commands, and by this watcher's own indexing) change
        // nothing.
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        let made_or_removed = matches!(event.kind, EventKind::Create(_) | EventKind::Remove(_))
            || matches!(event.kind, EventKind::Modify(notify::event::ModifyKind::Name(_)));
        for path in &event.paths {
            if path.parent() == Some(self.cookies.as_path()) {
                if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                    self.seen.insert(name.to_string(), Instant::now());
                }
                continue;
            }
            let Ok(rel) = path.strip_prefix(&self.root) else { continue };
            let first = rel.components().next().and_then(|c| c.as_os_str().to_str());
            let is_folder = made_or_removed
                && rel.components().count() == 1
                && Kind::ALL.iter().any(|k| Some(k.dir()) == first);
            if is_folder {
                // Made again (a checkout) or removed: watch it anew, and walk.
                let mode = if first == Some(Kind::Note.dir()) {
                    RecursiveMode::Recursive
                } else {
                    RecursiveMode::NonRecursive
                };
                let _ = notifier.watch(path, mode);
                self.rescan = true;
                self.last_event = Some(Instant::now());
            } else if made_or_removed && path.is_dir() {
                // A folder made inside a record folder (a new year of notes). The
                // notifier watches it only after handing this event over, so files
                // written into it meanwhile make no event: it is listed at each batch
                // for a while (the file a command's question follows is there by then).
                self.made_dirs.insert(path.clone(), Instant::now());
                self.last_event = Some(Instant::now());
            } else if fresh::record_kind(rel).is_some() {
                self.pending.insert(rel.to_path_buf());
                self.last_event = Some(Instant::now());
            }
        }
    }

    /// Answer the questions whose cookies arrived: index what is pending first.
    fn answer(&mut self, notices: &mut dyn FnMut(Notice)) {
        let ready = self.waiting.iter().any(|(c, ..)| self.seen.contains_key(c));
        if ready {
            let many = self.rescan || self.pending.len() > MANY;
            if many {
                for (cookie, stream, _) in &mut self.waiting {
                    if self.seen.contains_key(cookie.as_str()) {
                        let _ = writeln!(stream, "indexing");
                    }
                }
            }
            let ok = self.batch(notices);
            let (sum, count) = self.fingerprint;
            let seen = &self.seen;
            self.waiting.retain_mut(|(cookie, stream, _)| {
                if !seen.contains_key(cookie.as_str()) {
                    return true;
                }
                let _ = if ok {
                    writeln!(stream, "fresh {sum} {count}")
                } else {
                    writeln!(stream, "walk")
                };
                false
            });
        }
        self.waiting.retain(|(.., asked)| asked.elapsed() < STALE);
        self.seen.retain(|_, at| at.elapsed() < STALE);
    }

    /// Once commands have their answers: wait until the batches written since the last
    /// time are on the disk (they were written without waiting, to answer sooner). The
    /// marker saying so goes once the book is quiet, so a burst of edits writes it once.
    fn settle(&mut self, notices: &mut dyn FnMut(Notice)) {
        if !std::mem::take(&mut self.unsettled) {
            return;
        }
        if let Err(e) = SearchIndex::wait_for_disk(self.book) {
            notices(Notice::Trouble(format!("the index could not be made durable: {e}")));
        }
    }

    /// Index what changed; `false` when it failed (commands then walk, and the next
    /// batch walks too).
    fn batch(&mut self, notices: &mut dyn FnMut(Notice)) -> bool {
        let rescan = self.rescan;
        match self.index() {
            Ok((changed, removed)) => {
                if changed + removed > 0 {
                    notices(Notice::Indexed { changed, removed, rescan });
                }
                true
            }
            Err(e) => {
                notices(Notice::Trouble(format!("indexing failed, will walk the book: {e}")));
                self.rescan = true;
                false
            }
        }
    }

    /// Bring the index up to date with the pending paths (or a whole walk).
    fn index(&mut self) -> Result<(usize, usize)> {
        let changes = if self.rescan {
            // What a walk of the whole book freed goes at once.
            self.give_back_after(Duration::ZERO);
            self.pending.clear();
            let walked = fresh::scan(&self.root)?;
            // The first walk brings the index up to date with the manifest on disk.
            if self.batches == 0 {
                SearchIndex::open_found(self.book, &walked, &mut |_, _| {})?;
                self.fingerprint = fresh::fingerprint(&walked);
                self.found = walked.into_iter().map(|f| (f.rel, f.stamp)).collect();
                self.rescan = false;
                self.batches += 1;
                return Ok((0, 0));
            }
            let mut before = std::mem::take(&mut self.found);
            let mut changes = Changes::default();
            for f in walked {
                self.found.insert(f.rel.clone(), f.stamp);
                if before.remove(&f.rel) != Some(f.stamp) {
                    changes.changed.push(f);
                }
            }
            changes.removed = before.into_keys().collect();
            changes
        } else {
            // Only the files that changed: the fingerprint is updated by difference and
            // the manifest caught up when the book is quiet, so that a batch of one file
            // costs one file whatever the size of the book.
            self.list_made_dirs();
            if !self.pending.is_empty() {
                self.give_back_after(BATCH_MEMORY_KEPT);
            }
            let mut changes = Changes::default();
            // What the list held before, to put back if indexing fails (the walk that
            // follows then sees these files as changed).
            let mut before: Vec<(String, Option<Found>)> = Vec::new();
            for rel in std::mem::take(&mut self.pending) {
                let key = rel.to_string_lossy().replace('\\', "/");
                match fresh::found_at(&self.root, &rel) {
                    Some(f) => {
                        if self.found.get(&key) != Some(&f.stamp) {
                            before.push((key, self.indexed(&f.rel)));
                            changes.changed.push(f.clone());
                            self.track(f);
                        }
                    }
                    None => {
                        if let Some(old) = self.untrack(&key) {
                            before.push((key.clone(), Some(old)));
                            changes.removed.push(key);
                        }
                    }
                }
            }
            self.rescan = false;
            let counts = (changes.changed.len(), changes.removed.len());
            if !changes.is_empty() {
                self.unsettled = true;
                self.manifest_behind = true;
                self.index_behind = true;
                let refresh = match SearchIndex::apply_known(self.book, None, changes) {
                    Ok(refresh) => refresh,
                    Err(e) => {
                        for (rel, old) in before.into_iter().rev() {
                            let _ = self.untrack(&rel);
                            if let Some(old) = old {
                                self.track(old);
                            }
                        }
                        return Err(e);
                    }
                };
                // Not read after all (gone since, unreadable): not indexed; the next event
                // or walk tries again.
                for rel in &refresh.failed {
                    let _ = self.untrack(rel);
                }
                self.files += (counts.0 + counts.1) as u64;
            }
            self.batches += 1;
            return Ok(counts);
        };
        self.rescan = false;
        let counts = (changes.changed.len(), changes.removed.len());
        if !changes.is_empty() {
            let all = self.all_indexed();
            self.unsettled = true;
            self.index_behind = true;
            let walked = fresh::Walked::new(&all);
            SearchIndex::apply_known(self.book, Some(walked), changes)?;
            self.fingerprint = walked.fingerprint;
            self.manifest_behind = false;
            self.files += (counts.0 + counts.1) as u64;
        }
        self.batches += 1;
        Ok(counts)
    }

    /// `f` is now indexed as it is: in the list of files and in the fingerprint.
    fn track(&mut self, f: Found) {
        let _ = self.untrack(&f.rel);
        let (sum, count) = self.fingerprint;
        self.fingerprint = (sum.wrapping_add(fresh::entry_hash(&f)), count + 1);
        self.found.insert(f.rel, f.stamp);
    }

    /// The file at `rel` is no longer indexed; what the list held for it.
    fn untrack(&mut self, rel: &str) -> Option<Found> {
        let (rel, stamp) = self.found.remove_entry(rel)?;
        let (sum, count) = self.fingerprint;
        self.fingerprint = (sum.wrapping_sub(fresh::entry_hash_of(&rel, stamp)), count - 1);
        Found::at(rel, stamp)
    }

    /// The file at `rel` as indexed, if it is.
    fn indexed(&self, rel: &str) -> Option<Found> {
        let (rel, &stamp) = self.found.get_key_value(rel)?;
        Found::at(rel.clone(), stamp)
    }

    /// Every record file as indexed, in the order of their paths.
    fn all_indexed(&self) -> Vec<Found> {
        self.found.iter().filter_map(|(rel, &stamp)| Found::at(rel.clone(), stamp)).collect()
    }

    /// Write the manifest the batches left behind (once the book has been quiet a while):
    /// commands that walk the book, with this watcher stopped, compare against it.
    fn catch_up_manifest(&mut self, notices: &mut dyn FnMut(Notice)) {
        if !self.manifest_behind {
            return;
        }
        let files = self.found.iter().map(|(rel, &stamp)| (rel.as_str(), stamp));
        match SearchIndex::save_manifest(self.book, self.fingerprint, files) {
            Ok(()) => self.manifest_behind = false,
            Err(e) => notices(Notice::Trouble(format!("the manifest could not be written: {e}"))),
        }
    }

    /// Once the book has been quiet a while (as the manifest is written): merge the
    /// segments the batches left, then make the index's caches for the index as it is
    /// then (the rows files of new segments, the look-up) and keep the agendas of now,
    /// so that the first agenda or list after a change reads them instead of making
    /// them (200-250 ms at 100,000 records, and ~100 ms for an agenda of 18,000 items).
    /// Tried once per quiet moment: what fails costs only speed, and the next batch asks
    /// again. What the caches used is given back as a batch's is (at once when no batch
    /// came yet).
    fn catch_up_index(&mut self, notices: &mut dyn FnMut(Notice)) {
        if !std::mem::take(&mut self.index_behind) {
            return;
        }
        if let Err(e) = SearchIndex::merge_waiting(self.book) {
            notices(Notice::Trouble(format!("segments could not be merged: {e}")));
        }
        // After the start alone, nothing a batch would use again is held: given back at
        // once (an idle watcher of 100,000 records held 47 MB instead of 28).
        let kept_for = if self.files == 0 { Duration::ZERO } else { BATCH_MEMORY_KEPT };
        let mut kept = Ok(());
        let keep = |index: &SearchIndex| kept = self.keep_agendas(index);
        match SearchIndex::warm_caches(self.book, self.fingerprint, keep) {
            Ok(()) => self.give_back_after(kept_for),
            Err(e) => {
                notices(Notice::Trouble(format!("the index's caches could not be made: {e}")));
            }
        }
        if let Err(e) = kept {
            notices(Notice::Trouble(format!("the agenda could not be kept: {e}")));
        }
    }

    /// The agendas of now, kept beside `index` as a command would keep them: with
    /// rolo.toml as it is now (it may have changed since the start), in the zone chosen
    /// at the start, which must still be the one a command would choose (else a command
    /// keeps its own).
    fn keep_agendas(&self, index: &SearchIndex) -> Result<()> {
        let config = crate::config::Config::load(self.book.root())?;
        let zone = crate::clock::local_zone();
        let chosen = crate::clock::Zone::from_env(config.defaults.timezone.as_deref());
        if chosen.is_ok_and(|chosen| chosen.rules() == zone.rules()) {
            let now = crate::clock::Clock::from_env(zone)?.now();
            crate::source::keep_agendas(index, &config, now)?;
        }
        Ok(())
    }

    /// Add the record files in lately made folders to the pending paths; forget the
    /// folders made long enough ago that their own watches surely report.
    fn list_made_dirs(&mut self) {
        self.made_dirs.retain(|_, made| made.elapsed() < MADE_DIR_LISTED);
        let mut stack: Vec<PathBuf> = self.made_dirs.keys().cloned().collect();
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    stack.push(path);
                } else if let Ok(rel) = path.strip_prefix(&self.root)
                    && fresh::record_kind(rel).is_some()
                {
                    self.pending.insert(rel.to_path_buf());
                }
            }
        }
    }

    /// `pid=… records=… pending=… batches=… files=… since=… last-change=…s`.
    fn status(&self) -> String {
        let since = self.started.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let last = self
            .last_event
            .map_or_else(|| "never".to_string(), |t| format!("{}s", t.elapsed().as_secs()));
        format!(
            "pid={} records={} pending={} batches={} files={} since={since} last-change={last}",
            std::process::id(),
            self.found.len(),
            self.pending.len() + usize::from(self.rescan),
            self.batches,
            self.files,
        )
    }
}

/// The type of the network file system holding `root`, if it is on one (Linux: from
/// `/proc/self/mountinfo`; elsewhere nothing is known and watching is allowed).
fn network_file_system(root: &Path) -> Option<String> {
    const NETWORK: [&str; 9] =
        ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ncpfs"];
    let root = root.canonicalize().ok()?;
    let info = fs::read_to_string("/proc/self/mountinfo").ok()?;
    let mut best: Option<(usize, String)> = None;
    for line in info.lines() {
        let (left, right) = line.split_once(" - ")?;
        let mount = left.split(' ').nth(4)?;
        let fs_type = right.split(' ').next()?;
        if root.starts_with(mount) && best.as_ref().is_none_or(|(len, _)| mount.len() > *len) {
            best = Some((mount.len(), fs_type.to_string()));
        }
    }
    best.map(|(_, t)| t).filter(|t| NETWORK.contains(&t.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A notifier that watches nothing (the events are handed in by the test).
    struct Deaf;

    impl notify::Watcher for Deaf {
        fn new<F: notify::EventHandler>(_: F, _: notify::Config) -> notify::Result<Deaf> {
            Ok(Deaf)
        }
        fn watch(&mut self, _: &Path, _: RecursiveMode) -> notify::Result<()> {
            Ok(())
        }
        fn unwatch(&mut self, _: &Path) -> notify::Result<()> {
            Ok(())
        }
        fn kind() -> notify::WatcherKind {
            notify::WatcherKind::NullWatcher
        }
    }

    #[test]
    fn a_file_written_into_a_new_folder_before_its_watch_is_indexed() {
        let tmp = tempfile::tempdir().unwrap();
        Book::init(tmp.path()).unwrap();
        let book = Book::open(tmp.path()).unwrap();
        let mut state = State::new(&book).unwrap();
        let year = tmp.path().join("notes/2031");
        fs::create_dir_all(&year).unwrap();
        // The folder's event is taken in before the file is written, and the file's own
        // event never comes (its folder was not watched yet).
        let made = notify::Event::new(notify::EventKind::Create(notify::event::CreateKind::Folder))
            .add_path(year.clone());
        state.note(&made, &mut Deaf);
        fs::write(year.join("2031-01-02-wang.md"), "+++\ndate = 2031-01-02\n+++\n麒麟\n").unwrap();
        assert!(state.batch(&mut |_| {}));
        assert!(state.found.contains_key("notes/2031/2031-01-02-wang.md"), "{:?}", state.found);
    }

    #[test]
    fn changes_a_failed_batch_could_not_index_are_indexed_by_the_walk_after_it() {
        let tmp = tempfile::tempdir().unwrap();
        Book::init(tmp.path()).unwrap();
        fs::write(tmp.path().join("contacts/anna.md"), "+++\nname = \"Анна\"\n+++\n").unwrap();
        fs::write(tmp.path().join("contacts/wang.md"), "+++\nname = \"王\"\n+++\n").unwrap();
        let book = Book::open(tmp.path()).unwrap();
        let mut state = State::new(&book).unwrap();
        let walked = |root: &Path| fresh::fingerprint(&fresh::scan(root).unwrap());
        let before = state.fingerprint;
        fs::write(tmp.path().join("contacts/anna.md"), "+++\nname = \"Анна Петрова\"\n+++\n")
            .unwrap();
        fs::remove_file(tmp.path().join("contacts/wang.md")).unwrap();
        state.pending.insert(PathBuf::from("contacts/anna.md"));
        state.pending.insert(PathBuf::from("contacts/wang.md"));
        // The index cannot be written (its lock cannot be opened): the batch fails and
        // the list is as it was, so the walk that follows sees both changes.
        let lock = tmp.path().join(".rolo/lock");
        fs::remove_file(&lock).unwrap();
        fs::create_dir(&lock).unwrap();
        assert!(!state.batch(&mut |_| {}));
        assert_eq!(state.fingerprint, before);
        assert!(state.rescan);
        fs::remove_dir(&lock).unwrap();
        let mut indexed = (0, 0);
        assert!(state.batch(&mut |n| {
            if let Notice::Indexed { changed, removed, .. } = n {
                indexed = (changed, removed);
            }
        }));
        assert_eq!(indexed, (1, 1));
        assert_eq!(state.fingerprint, walked(tmp.path()));
    }

    #[test]
    fn the_fingerprint_kept_by_difference_is_the_walks() {
        let tmp = tempfile::tempdir().unwrap();
        Book::init(tmp.path()).unwrap();
        for name in ["anna", "aygul", "wang"] {
            fs::write(tmp.path().join(format!("contacts/{name}.md")), "+++\nname = \"А\"\n+++\n")
                .unwrap();
        }
        let book = Book::open(tmp.path()).unwrap();
        let mut state = State::new(&book).unwrap();
        let walked = |root: &Path| fresh::fingerprint(&fresh::scan(root).unwrap());
        assert_eq!(state.fingerprint, walked(tmp.path()));
        fs::write(tmp.path().join("contacts/anna.md"), "+++\nname = \"Анна Петрова\"\n+++\n")
            .unwrap();
        fs::remove_file(tmp.path().join("contacts/wang.md")).unwrap();
        fs::write(tmp.path().join("contacts/erlan.md"), "+++\nname = \"Ерлан\"\n+++\n").unwrap();
        for name in ["anna", "wang", "erlan"] {
            state.pending.insert(PathBuf::from(format!("contacts/{name}.md")));
        }
        assert!(state.batch(&mut |_| {}));
        assert_eq!(state.fingerprint, walked(tmp.path()));
        let listed = |found: Vec<Found>| -> Vec<_> {
            found.into_iter().map(|f| (f.kind, f.id().to_string(), f.rel, f.stamp)).collect()
        };
        let mut scanned = fresh::scan(tmp.path()).unwrap();
        scanned.sort_by(|a, b| a.rel.cmp(&b.rel));
        assert_eq!(listed(state.all_indexed()), listed(scanned));
        assert!(state.manifest_behind, "a batch leaves the manifest for later");
        state.catch_up_manifest(&mut |_| {});
        let manifest =
            fresh::Manifest::load(&fresh::manifest_path(&crate::index::index_dir(&book)));
        assert!(fresh::diff(&manifest, &fresh::scan(tmp.path()).unwrap()).is_empty());
    }

    #[test]
    fn idle_checks_settle_at_once_after_a_walk_and_a_while_after_a_batch() {
        static SETTLED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        when_idle(|| {
            SETTLED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let tmp = tempfile::tempdir().unwrap();
        Book::init(tmp.path()).unwrap();
        let book = Book::open(tmp.path()).unwrap();
        // The first walk is work, whose memory goes at once.
        let mut state = State::new(&book).unwrap();
        for _ in 0..IDLE_AFTER_WORK + 2 {
            state.idle();
        }
        assert_eq!(SETTLED.load(std::sync::atomic::Ordering::SeqCst), IDLE_AFTER_WORK as usize);
        // A batch with nothing to index (a command's question) is no work; a file is,
        // whose memory is kept a while for the next.
        assert!(state.batch(&mut |_| {}));
        state.idle();
        let once = IDLE_AFTER_WORK as usize;
        assert_eq!(SETTLED.load(std::sync::atomic::Ordering::SeqCst), once);
        fs::write(tmp.path().join("contacts/anna.md"), "+++\nname = \"Анна\"\n+++\n").unwrap();
        state.pending.insert(PathBuf::from("contacts/anna.md"));
        assert!(state.batch(&mut |_| {}));
        state.idle();
        assert_eq!(SETTLED.load(std::sync::atomic::Ordering::SeqCst), once);
        assert!(state.give_back_from >= Instant::now() + BATCH_MEMORY_KEPT / 2);
        state.give_back_from = Instant::now(); // a while later
        for _ in 0..IDLE_AFTER_WORK + 2 {
            state.idle();
        }
        let twice = 2 * IDLE_AFTER_WORK as usize;
        assert_eq!(SETTLED.load(std::sync::atomic::Ordering::SeqCst), twice);
    }
}
