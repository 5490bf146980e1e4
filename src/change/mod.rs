//! The one path for every change to the book: add, set, edit, note add, task done, deal
//! move, rm, rename, import, merge, forget all read, change and write records through a
//! [`Change`], and nothing else in rolo writes a record file.
//!
//! A change
//! 1. takes the book's write lock ([`lock`]) for its whole life, so concurrent rolo
//!    processes never lose each other's updates (each lands in its own commit);
//! 2. reads the records it changes under that lock, remembering what it read;
//! 3. stages the new contents in a journal ([`journal`]), then decides, applies and
//!    commits them as one transaction that a `kill -9` at any moment cannot tear;
//! 4. compares each file with what it read before replacing it, so a hand edit saved
//!    meanwhile is never overwritten: it is merged, or kept with rolo's version set aside.
//!
//! Changes left half done by a killed process are finished or rolled back by the next
//! rolo run ([`recover`]).

pub mod journal;
pub mod lock;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::book::Book;
use crate::error::{Error, IoContext, Result};
use crate::git::{Repo, blob_id};
use crate::model::reference::Entry;
use crate::model::{Kind, Record, id};
use crate::store::merge;
use journal::{Journal, Op, Plan, SetAside};
use lock::{Holder, WriteLock};

/// What a change did, for the caller to report.
#[derive(Debug)]
pub struct Done {
    /// Files created, replaced or removed, relative to the book.
    pub paths: Vec<PathBuf>,
    /// Files that changed by hand while rolo was changing them: kept as they are.
    pub set_aside: Vec<SetAside>,
    /// `Ok(true)` committed; `Ok(false)` not (autocommit off, not in git, or git found
    /// nothing new); `Err` why the commit failed (the files are written all the same).
    pub commit: Result<bool>,
    /// What happened to which record, for the book's hooks; empty when it has none.
    pub events: Vec<Event>,
}

/// One thing a change did to one record, named as hooks name it (`contact.add`,
/// `deal.stage`, `record.change`, … see [`crate::config::HOOK_EVENTS`]).
#[derive(Debug, Clone)]
pub struct Event {
    pub name: &'static str,
    /// The record as it is now; as it was, for `record.remove`.
    pub record: Record,
    /// The new value the event is about: the stage a deal moved to.
    pub to: Option<String>,
}

impl Done {
    pub fn changed(&self) -> bool {
        !self.paths.is_empty()
    }
}

/// What [`Change::save_edited`] planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// The edit leaves the file as it is.
    Unchanged,
    /// The file had not changed since the edit began: the edit is saved.
    Saved,
    /// The file changed meanwhile, in other keys: both are kept.
    Merged,
    /// The file changed meanwhile in the same keys: nothing is saved.
    Conflict,
}

/// A change a killed rolo left half done, and what this run did about it.
#[derive(Debug)]
pub struct Recovered {
    /// What the change was: its commit message, or the command when it had not decided yet.
    pub what: String,
    /// `true`: it had decided, and is now finished and committed; `false`: it had not
    /// touched the book yet and was rolled back.
    pub completed: bool,
    pub set_aside: Vec<SetAside>,
    pub commit: Result<bool>,
}

/// A change in progress; see the module documentation. Dropping it without
/// [`Change::commit`] leaves the book as it was.
#[derive(Debug)]
pub struct Change<'b> {
    book: &'b Book,
    what: String,
    /// Whether to commit: not while a sync is stopped on conflicts (its `--continue` does).
    commits: bool,
    _lock: WriteLock,
    journal: Option<Journal>,
    ops: Vec<Op>,
    /// Index of the op for each path, so a record saved twice is staged once.
    by_path: HashMap<PathBuf, usize>,
    /// The bytes each file had when this change read it.
    bases: HashMap<PathBuf, Vec<u8>>,
    /// Changes of killed processes that [`Change::begin`] finished or rolled back first.
    pub recovered: Vec<Recovered>,
    /// Whether [`Change::commit`] tells what it did as [`Event`]s (the book has hooks).
    events: bool,
    /// Records created under an id they had before (a rename), relative paths.
    renamed: Vec<PathBuf>,
    /// An erasure (`rolo forget`): a removed record's event carries its id, never its data.
    erasing: bool,
}

impl<'b> Change<'b> {
    /// Start a change (`what` names the command, for others waiting: `set`, `import`).
    /// Waits for the write lock; `waiting` hears once who holds it when it is busy.
    pub fn begin(
        book: &'b Book,
        what: &str,
        waiting: &mut dyn FnMut(Option<Holder>),
    ) -> Result<Change<'b>> {
        Self::start(book, what, waiting, false)
    }

    /// Start a change while `rolo sync` is stopped on conflicts, to resolve them (`rolo
    /// edit` of a conflicted record): the files are written but not committed, since the
    /// sync's `--continue` commits them. Other changes wait until the sync is over.
    pub fn begin_resolving(
        book: &'b Book,
        what: &str,
        waiting: &mut dyn FnMut(Option<Holder>),
    ) -> Result<Change<'b>> {
        Self::start(book, what, waiting, true)
    }

    fn start(
        book: &'b Book,
        what: &str,
        waiting: &mut dyn FnMut(Option<Holder>),
        resolving: bool,
    ) -> Result<Change<'b>> {
        let integrating = Repo::find(book.root()).is_some_and(|r| r.integrating());
        if integrating && !resolving {
            return Err(Error::Usage(format!(
                "{what}: a sync (or a git rebase or merge) is stopped on conflicts in this book; \
                 resolve them and run `rolo sync --continue`, or `rolo sync --abort`"
            )));
        }
        let lock = WriteLock::acquire(book.root(), what, waiting)?;
        let recovered = recover_locked(book)?;
        Ok(Change {
            book,
            what: what.to_string(),
            commits: !integrating,
            _lock: lock,
            journal: None,
            ops: Vec::new(),
            by_path: HashMap::new(),
            bases: HashMap::new(),
            recovered,
            events: !book.config.hooks.is_empty() && !integrating,
            renamed: Vec::new(),
            erasing: false,
        })
    }

    pub fn book(&self) -> &'b Book {
        self.book
    }

    /// Leave out the [`Event`]s (the book's hooks are not to run for this change).
    pub fn without_events(&mut self) {
        self.events = false;
    }

    /// Mark the change as an erasure: what it removes must not reach anyone else, so a
    /// `record.remove` event names the record (type and id) and holds none of its keys.
    pub fn erasing(&mut self) {
        self.erasing = true;
    }

    /// Resolve a REF and read the record, as it is now that no other rolo can change it.
    pub fn find(&mut self, reference: &str, kinds: &[Kind]) -> Result<Record> {
        let (entry, rel) = self.book.resolve(reference, kinds)?;
        self.read(&entry, &rel)
    }

    /// Read a record to change it.
    pub fn read(&mut self, entry: &Entry, rel: &Path) -> Result<Record> {
        let bytes = self.read_bytes(rel)?;
        let record = self.book.parse_at(entry.kind, &entry.id, rel, &bytes)?;
        Ok(record)
    }

    /// The bytes of a file this change is about to replace or remove (it need not parse).
    fn read_bytes(&mut self, rel: &Path) -> Result<Vec<u8>> {
        if let Some(&at) = self.by_path.get(rel) {
            // Read again after staging: the staged version is what this change sees.
            if let Some(bytes) = self.staged_bytes(at)? {
                return Ok(bytes);
            }
        }
        let abs = self.book.root().join(rel);
        let bytes = fs::read(&abs).at(&abs)?;
        self.bases.entry(rel.to_path_buf()).or_insert_with(|| bytes.clone());
        Ok(bytes)
    }

    /// Remember a record read elsewhere (a whole book loaded for an import) as this
    /// change's base for its file, before changing it.
    pub fn track(&mut self, record: &Record) {
        self.bases.entry(record.path.clone()).or_insert_with(|| record.to_text().into_bytes());
    }

    /// Plan to write a changed record. `false` when its text is what was read.
    pub fn save(&mut self, record: &Record) -> Result<bool> {
        let text = readable(record)?;
        if let Some(&at) = self.by_path.get(&record.path) {
            return self.restage(at, &text);
        }
        let base = match self.bases.get(&record.path) {
            Some(b) => b.clone(),
            None => self.read_bytes(&record.path)?,
        };
        if base == text {
            return Ok(false);
        }
        let staged = self.journal()?.stage(&text)?;
        self.push(Op::Replace {
            path: slash(&record.path),
            base: blob_id(&base),
            new: blob_id(&text),
            staged,
        });
        Ok(true)
    }

    /// Plan to replace a file with text edited outside this change (in an editor, for
    /// minutes), starting from `edited_from`. If the file changed since, the two edits
    /// are merged when they touch different keys; when they cannot be, nothing is
    /// planned. The text must already be a valid record: the caller checks.
    pub fn save_edited(&mut self, rel: &Path, edited_from: &[u8], text: &[u8]) -> Result<Edited> {
        let now = self.read_bytes(rel)?;
        let (text, outcome) = if now == edited_from {
            (text.to_vec(), Edited::Saved)
        } else {
            match reconcile(edited_from, &now, text) {
                Some(merged) => (merged, Edited::Merged),
                None => return Ok(Edited::Conflict),
            }
        };
        if text == now {
            return Ok(Edited::Unchanged);
        }
        let staged = self.journal()?.stage(&text)?;
        self.push(Op::Replace {
            path: slash(rel),
            base: blob_id(&now),
            new: blob_id(&text),
            staged,
        });
        Ok(outcome)
    }

    /// Plan a new record under the first free id of `base`, `base-2`, `base-3` … (free
    /// in the book and in this change); the record's id and path are set to it.
    pub fn create(&mut self, record: &mut Record, base: &str) -> Result<()> {
        let base = if base.is_empty() { record.kind.name() } else { base };
        for n in 1.. {
            let id = id::with_suffix(base, n);
            let rel = Book::relative_path(record.kind, &id);
            // Another kind's directory may hold the same id; only this kind's must be free.
            if self.by_path.contains_key(&rel) || self.book.root().join(&rel).exists() {
                continue;
            }
            record.id = id;
            record.path = rel;
            return self.stage_create(record);
        }
        unreachable!("ids run out only after usize::MAX attempts")
    }

    /// Plan a new record under exactly `new_id` (a rename); fails if it is taken.
    pub fn create_as(&mut self, record: &mut Record, new_id: &str) -> Result<()> {
        if !id::is_valid(new_id) {
            return Err(Error::InvalidId(new_id.to_string()));
        }
        let rel = Book::relative_path(record.kind, new_id);
        if self.by_path.contains_key(&rel) || self.book.root().join(&rel).exists() {
            return Err(Error::Exists(format!("{}/{new_id}", record.kind)));
        }
        record.id = new_id.to_string();
        record.path = rel.clone();
        self.renamed.push(rel);
        self.stage_create(record)
    }

    /// Plan to delete a record's file (it need not parse).
    pub fn remove(&mut self, rel: &Path) -> Result<()> {
        if let Some(&at) = self.by_path.get(rel)
            && matches!(self.ops[at], Op::Create { .. })
        {
            return Err(Error::Usage(format!("{} is created by this change", rel.display())));
        }
        let base = match self.bases.get(rel) {
            Some(b) => b.clone(),
            None => self.read_bytes(rel)?,
        };
        let op = Op::Remove { path: slash(rel), base: blob_id(&base) };
        match self.by_path.get(rel) {
            Some(&at) => self.ops[at] = op,
            None => self.push(op),
        }
        Ok(())
    }

    /// The files this change will touch so far, relative to the book.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.ops.iter().map(|op| PathBuf::from(op.path())).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Decide, apply and commit (when the book is in git and autocommit is on) with
    /// `message`. A change that planned nothing writes nothing and commits nothing.
    pub fn commit(mut self, message: &str) -> Result<Done> {
        if self.ops.is_empty() {
            return Ok(Done {
                paths: Vec::new(),
                set_aside: Vec::new(),
                commit: Ok(false),
                events: Vec::new(),
            });
        }
        // A change that only removes files has staged nothing yet.
        self.journal()?;
        let journal = self.journal.take().expect("just made");
        let plan =
            Plan { version: 1, message: message.to_string(), ops: std::mem::take(&mut self.ops) };
        journal.decide(&plan)?;
        crate::failpoint::hit("after-decide");
        let root = self.book.root();
        let bases = &self.bases;
        let set_aside = journal::apply(root, journal.dir(), &plan, &mut |path, now, ours| {
            let base = bases.get(Path::new(path))?;
            reconcile(base, now, ours)
        })?;
        let paths: Vec<PathBuf> = plan.ops.iter().map(|op| PathBuf::from(op.path())).collect();
        crate::failpoint::hit("before-commit");
        let commit = if self.commits { self.book.commit(&paths, message) } else { Ok(false) };
        journal.discard()?;
        let events = if self.events { self.events_of(&plan.ops, &set_aside) } else { Vec::new() };
        Ok(Done { paths, set_aside, commit, events })
    }

    /// What the applied `ops` did to records, from the files as they were read and as
    /// they are now. A file kept as someone edited it by hand, or that does not parse,
    /// tells nothing.
    fn events_of(&self, ops: &[Op], set_aside: &[SetAside]) -> Vec<Event> {
        let mut events = Vec::new();
        for op in ops {
            let path = Path::new(op.path());
            if set_aside.iter().any(|s| Path::new(&s.path) == path) {
                continue;
            }
            let Some((kind, id)) = record_at(path) else { continue };
            let parse = |bytes: &[u8]| self.book.parse_at(kind, &id, path, bytes).ok();
            let base = self.bases.get(path).and_then(|b| parse(b));
            match op {
                Op::Remove { .. } => {
                    if let Some(record) = base {
                        let record = if self.erasing {
                            Record::new(record.kind, record.id, record.path)
                        } else {
                            record
                        };
                        events.push(Event { name: "record.remove", record, to: None });
                    }
                }
                Op::Create { .. } | Op::Replace { .. } => {
                    let Some(record) =
                        fs::read(self.book.root().join(path)).ok().and_then(|b| parse(&b))
                    else {
                        continue;
                    };
                    if matches!(op, Op::Create { .. }) && !self.renamed.iter().any(|r| r == path) {
                        let name = match kind {
                            Kind::Contact => "contact.add",
                            Kind::Company => "company.add",
                            Kind::Deal => "deal.add",
                            Kind::Note => "note.add",
                            Kind::Task => "task.add",
                        };
                        events.push(Event { name, record, to: None });
                        continue;
                    }
                    if let Some(base) = &base {
                        let stage = |r: &Record| r.str("stage").map(|s| s.trim().to_lowercase());
                        if kind == Kind::Deal && stage(base) != stage(&record) {
                            let to = record.str("stage").map(str::to_string);
                            events.push(Event { name: "deal.stage", record: record.clone(), to });
                        }
                        let completed = |r: &Record| {
                            r.doc.get("completed").and_then(|c| c.as_array()).map_or(0, |a| a.len())
                        };
                        let done = (!base.doc.contains_key("done")
                            && record.doc.contains_key("done"))
                            || completed(&record) > completed(base);
                        if kind == Kind::Task && done {
                            events.push(Event {
                                name: "task.done",
                                record: record.clone(),
                                to: None,
                            });
                        }
                    }
                    events.push(Event { name: "record.change", record, to: None });
                }
            }
        }
        events
    }

    fn journal(&mut self) -> Result<&mut Journal> {
        if self.journal.is_none() {
            self.journal = Some(Journal::begin(self.book.root(), &self.what)?);
        }
        Ok(self.journal.as_mut().expect("just made"))
    }

    fn stage_create(&mut self, record: &Record) -> Result<()> {
        let text = readable(record)?;
        let staged = self.journal()?.stage(&text)?;
        self.push(Op::Create { path: slash(&record.path), new: blob_id(&text), staged });
        Ok(())
    }

    fn push(&mut self, op: Op) {
        self.by_path.insert(PathBuf::from(op.path()), self.ops.len());
        self.ops.push(op);
    }

    /// Stage a file again (saved twice in one change); `false` if nothing differs now.
    fn restage(&mut self, at: usize, text: &[u8]) -> Result<bool> {
        let new_id = blob_id(text);
        let staged = match &mut self.ops[at] {
            Op::Create { new, staged, .. } | Op::Replace { new, staged, .. } => {
                if *new == new_id {
                    return Ok(false);
                }
                *new = new_id;
                staged.clone()
            }
            Op::Remove { path, .. } => {
                return Err(Error::Usage(format!("{path} is removed by this change")));
            }
        };
        self.journal()?.restage(&staged, text)?;
        Ok(true)
    }

    fn staged_bytes(&self, at: usize) -> Result<Option<Vec<u8>>> {
        let (Some(journal), Op::Create { staged, .. } | Op::Replace { staged, .. }) =
            (&self.journal, &self.ops[at])
        else {
            return Ok(None);
        };
        let path = journal.dir().join(staged);
        fs::read(&path).map(Some).at(&path)
    }
}

/// A record's text, checked to read back as a record: rolo never writes a file that
/// every later command would report as broken.
fn readable(record: &Record) -> Result<Vec<u8>> {
    let text = record.to_text();
    if let Err(d) = crate::store::read::parse(record.kind, &record.id, &record.path, &text) {
        return Err(Error::value(
            record.qualified_id(),
            format!("the change would make the file unreadable ({d}); nothing was written"),
        ));
    }
    Ok(text.into_bytes())
}

/// A file changed by hand between the moment rolo read it and the moment it replaces
/// it (or, for `edit`, while the editor was open): merge the two changes key by key, as
/// git's merge driver does; when they touch the same key, keep the hand edit (`None`).
fn reconcile(base: &[u8], now: &[u8], ours: &[u8]) -> Option<Vec<u8>> {
    let (Ok(base), Ok(now), Ok(ours)) =
        (std::str::from_utf8(base), std::str::from_utf8(now), std::str::from_utf8(ours))
    else {
        return None;
    };
    let labels = merge::Labels { base: "read", ours: "file", theirs: "rolo" };
    let merged = merge::merge(base, now, ours, &labels);
    merged.is_clean().then(|| merged.text.into_bytes())
}

/// Finish or roll back changes that killed rolo processes left half done. Cheap when
/// there are none (one directory lookup); left alone while another rolo is changing the
/// book (its journal is live, not abandoned).
pub fn recover(book: &Book) -> Result<Vec<Recovered>> {
    let dir = journal::root_dir(book.root());
    let pending = fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some());
    if !pending {
        return Ok(Vec::new());
    }
    match WriteLock::try_acquire(book.root(), "recover")? {
        Some(_lock) => recover_locked(book),
        None => Ok(Vec::new()),
    }
}

fn recover_locked(book: &Book) -> Result<Vec<Recovered>> {
    let root = book.root();
    let mut out = Vec::new();
    for dir in journal::abandoned(root) {
        match journal::load_plan(&dir)? {
            None => {
                let what = journal::what(&dir);
                journal::remove(&dir)?;
                out.push(Recovered {
                    what,
                    completed: false,
                    set_aside: Vec::new(),
                    commit: Ok(false),
                });
            }
            Some(plan) => {
                let set_aside = journal::apply(root, &dir, &plan, &mut |_, _, _| None)?;
                let paths: Vec<PathBuf> =
                    plan.ops.iter().map(|op| PathBuf::from(op.path())).collect();
                let commit = book.commit(&paths, &plan.message);
                journal::remove(&dir)?;
                out.push(Recovered { what: plan.message, completed: true, set_aside, commit });
            }
        }
    }
    Ok(out)
}

/// The kind and id of the record file at `path` (relative to the book), if it is one.
fn record_at(path: &Path) -> Option<(Kind, String)> {
    let dir = path.components().next()?.as_os_str().to_str()?;
    let kind = Kind::ALL.into_iter().find(|k| k.dir() == dir)?;
    let id = path.file_name()?.to_str()?.strip_suffix(".md")?;
    Some((kind, id.to_string()))
}

fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
