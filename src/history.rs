//! The book's past, read back from git: a record's history (the commits that changed it,
//! followed across `rolo rename`, each with what changed in its fields) and the book as
//! it was at a date or a commit (`show --at`, `pipeline --at`).
//!
//! History follows renames by the trailer `rolo rename` writes in its commit rather
//! than with `git log --follow`, which reads every commit's tree and so cannot use the
//! commit-graph's Bloom filters (see [`crate::git::graph`]).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, FixedOffset, NaiveTime};

use crate::book::{Book, Loaded};
use crate::clock::local_zone;
use crate::dates::{self, When};
use crate::error::{Error, Result};
use crate::git::{Commit, Repo, graph};
use crate::model::reference::Entry;
use crate::model::{Kind, Record};
use crate::rename::RENAMED_FROM;
use crate::store::diff::{self, RecordDiff};

/// One commit in a record's history.
#[derive(Debug, Clone)]
pub struct Step {
    pub commit: String,
    /// The author date, in the book's time zone.
    pub date: DateTime<FixedOffset>,
    pub author: String,
    /// The commit message's first line.
    pub message: String,
    /// The record's id before this commit, when this commit renamed it.
    pub renamed_from: Option<Entry>,
    /// The record did not exist before this commit (or after it).
    pub created: bool,
    pub removed: bool,
    pub diff: RecordDiff,
}

/// A record's history, newest first (at most `limit` commits); `None` when the book is
/// not in git. A record not committed yet has an empty one.
pub fn history(
    book: &Book,
    entry: &Entry,
    rel: &Path,
    limit: Option<usize>,
) -> Result<Option<Vec<Step>>> {
    let Some(repo) = Repo::find(book.root()) else { return Ok(None) };
    if repo.rev("HEAD").is_none() {
        return Ok(Some(Vec::new()));
    }
    if !graph::exists(&repo) {
        // The first history in this repository: later ones read through the graph.
        graph::spawn(&repo);
    }
    let commits = commits(&repo, entry, rel, limit)?;
    let mut specs = Vec::with_capacity(commits.len() * 2);
    for t in &commits {
        // An empty line asks for nothing (git answers `missing`).
        specs.push(t.after.clone().unwrap_or_default());
        specs.push(t.before.clone().unwrap_or_default());
    }
    let mut blobs = repo.blobs(&specs)?.into_iter();
    let zone = local_zone();
    let mut steps = Vec::with_capacity(commits.len());
    for t in commits {
        let (after, before) = (blobs.next().flatten(), blobs.next().flatten());
        let text = |b: &Option<Vec<u8>>| {
            b.as_deref().map(String::from_utf8_lossy).unwrap_or_default().into_owned()
        };
        steps.push(Step {
            date: zone.at(t.commit.date),
            author: t.commit.author.clone(),
            message: t.commit.message.clone(),
            created: before.is_none(),
            removed: after.is_none(),
            diff: diff::diff(&text(&before), &text(&after)),
            renamed_from: t.renamed_from,
            commit: t.commit.id,
        });
    }
    Ok(Some(steps))
}

/// A commit that touched the record, and its file before and after (blob ids, or
/// `REV:PATH` where a rename took it from another path).
struct Touch {
    commit: Commit,
    before: Option<String>,
    after: Option<String>,
    renamed_from: Option<Entry>,
}

/// The commits that touched the record, newest first: back from HEAD along its path,
/// and at the commit that created the path, on along the old path when that commit was
/// the record's rename, else stop (git is stopped there too, not left to walk to the
/// first commit). git's own diff of each commit gives the blobs: no tree is read here.
fn commits(repo: &Repo, entry: &Entry, rel: &Path, limit: Option<usize>) -> Result<Vec<Touch>> {
    let limit = limit.unwrap_or(usize::MAX);
    let mut out: Vec<Touch> = Vec::new();
    let mut current = entry.clone();
    let mut path = repo.path_of(rel);
    let mut start = "HEAD".to_string();
    let mut seen = HashSet::new();
    'segments: while out.len() < limit && seen.insert((start.clone(), path.clone())) {
        for c in repo.log_path(&start, &path, RENAMED_FROM)? {
            let created = c.status == 'A';
            // A rename commit of this record names its old id and created this path.
            let renamed = c
                .trailer
                .as_deref()
                .and_then(parse_entry)
                .filter(|old| created && old.kind == current.kind && *old != current);
            let Some(old) = renamed else {
                out.push(Touch {
                    before: c.before,
                    after: c.after,
                    renamed_from: None,
                    commit: c.commit,
                });
                if created || out.len() >= limit {
                    break 'segments;
                }
                continue;
            };
            let old_path = repo.path_of(&Book::relative_path(old.kind, &old.id));
            let parent = c.commit.parent.clone().unwrap_or_default();
            out.push(Touch {
                before: Some(format!("{parent}:{old_path}")),
                after: c.after,
                renamed_from: Some(old.clone()),
                commit: c.commit,
            });
            (start, path, current) = (parent, old_path, old);
            continue 'segments;
        }
        break;
    }
    Ok(out)
}

/// `contact/anna` → the entry.
fn parse_entry(text: &str) -> Option<Entry> {
    let (kind, id) = text.trim().split_once('/')?;
    Some(Entry { kind: kind.parse::<Kind>().ok()?, id: id.to_string() })
}

/// The book as a commit holds it.
#[derive(Debug, Clone)]
pub struct Snapshot {
    repo: Repo,
    pub commit: String,
    /// The moment it stands for: the end of the day asked for, or the commit's author
    /// date. Notes dated after it are not yet in the timeline.
    pub at: DateTime<FixedOffset>,
}

/// Where `at` (a date, a datetime or a git revision) finds the book: `Ok(None)` when it
/// is before the book's first commit, an error when the book is not in git or `at` is
/// neither a date nor a commit.
pub fn snapshot(book: &Book, at: &str, now: DateTime<FixedOffset>) -> Result<Option<Snapshot>> {
    let repo = Repo::find(book.root()).ok_or_else(|| {
        Error::Usage(format!(
            "{} is not in git: it has no past to show (`git init` and commit it first)",
            book.root().display()
        ))
    })?;
    if repo.rev("HEAD").is_none() {
        return Ok(None);
    }
    let zone = local_zone();
    let looks_like_date = at.trim().starts_with(|c: char| c.is_ascii_digit()) && at.contains('-')
        || repo.rev(at).is_none();
    if looks_like_date && let Ok(when) = dates::parse_expr(at, now) {
        let end = match when {
            When::Date(d) => {
                let next = d.checked_add_days(Days::new(1)).unwrap_or(d);
                zone.instant_of(next.and_time(NaiveTime::MIN))
            }
            When::At(t) => t + chrono::TimeDelta::seconds(1),
            When::Local(t) => zone.instant_of(t) + chrono::TimeDelta::seconds(1),
        };
        let Some(commit) = repo.commit_before(end)? else { return Ok(None) };
        let at = zone.at(end - chrono::TimeDelta::seconds(1));
        return Ok(Some(Snapshot { repo, commit, at }));
    }
    let Some(commit) = repo.rev(at) else {
        return Err(Error::Usage(format!(
            "\"{at}\" is neither a date (YYYY-MM-DD, `yesterday`, `5 dec`) nor a commit of the book"
        )));
    };
    let info = repo.commit_info(&commit)?;
    Ok(Some(Snapshot { repo, commit, at: zone.at(info.date) }))
}

impl Snapshot {
    /// Where the record `entry` (at `rel` now) was in this commit, following renames
    /// made since; `None` when it did not exist yet.
    pub fn locate(&self, entry: &Entry, rel: &Path) -> Result<Option<Entry>> {
        let here =
            |rel: &Path| self.repo.exists(&format!("{}:{}", self.commit, self.repo.path_of(rel)));
        if here(rel) {
            return Ok(Some(entry.clone()));
        }
        // Renamed since? Then it had its old id then: walk the renames back (newest
        // first) until one is part of this commit's past.
        let mut current = entry.clone();
        for t in commits(&self.repo, entry, rel, None)? {
            let Some(old) = t.renamed_from else { continue };
            if self.repo.is_ancestor(&t.commit.id, &self.commit) {
                break;
            }
            current = old;
        }
        let found = current != *entry && here(&Book::relative_path(current.kind, &current.id));
        Ok(found.then_some(current))
    }

    /// The records at these entries as this commit holds them (those missing left out).
    pub fn read(&self, book: &Book, entries: &[Entry]) -> Result<Loaded> {
        let rels: Vec<PathBuf> =
            entries.iter().map(|e| Book::relative_path(e.kind, &e.id)).collect();
        self.read_paths(book, rels)
    }

    /// Every record of `kinds` in this commit.
    pub fn records(&self, book: &Book, kinds: &[Kind]) -> Result<Loaded> {
        let dirs = self.dirs(kinds);
        let files = self.repo.files_at(&self.commit, &dirs)?;
        let (ids, rels): (Vec<String>, Vec<PathBuf>) = files
            .into_iter()
            .filter_map(|(id, path)| {
                let rel = self.repo.book_path(&path)?;
                Book::entry_of(&rel)?;
                Some((id, rel))
            })
            .unzip();
        let blobs = self.repo.blobs(&ids)?;
        Ok(parse_all(book, rels.into_iter().zip(blobs)))
    }

    /// The records of `kinds` in this commit whose files mention any of `words` (a
    /// superset of those that link to a record, found without reading them all here).
    pub fn mentioning(&self, book: &Book, words: &[&str], kinds: &[Kind]) -> Result<Loaded> {
        let files = self.repo.files_containing(&self.commit, words, &self.dirs(kinds))?;
        let rels = files.iter().filter_map(|p| self.repo.book_path(p)).collect();
        self.read_paths(book, rels)
    }

    fn read_paths(&self, book: &Book, rels: Vec<PathBuf>) -> Result<Loaded> {
        let specs: Vec<String> =
            rels.iter().map(|r| format!("{}:{}", self.commit, self.repo.path_of(r))).collect();
        let blobs = self.repo.blobs(&specs)?;
        Ok(parse_all(book, rels.into_iter().zip(blobs)))
    }

    fn dirs(&self, kinds: &[Kind]) -> Vec<String> {
        kinds.iter().map(|k| self.repo.path_of(Path::new(k.dir()))).collect()
    }
}

fn parse_all(book: &Book, files: impl Iterator<Item = (PathBuf, Option<Vec<u8>>)>) -> Loaded {
    let mut records: Vec<Record> = Vec::new();
    let mut problems = Vec::new();
    for (rel, bytes) in files {
        let (Some(entry), Some(bytes)) = (Book::entry_of(&rel), bytes) else { continue };
        match book.parse_at(entry.kind, &entry.id, &rel, &bytes) {
            Ok(r) => records.push(r),
            Err(Error::Bad(d)) => problems.push(d),
            Err(_) => {}
        }
    }
    Loaded::new(records, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_from_names_an_entry() {
        assert_eq!(parse_entry("contact/anna").map(|e| e.qualified()), Some("contact/anna".into()));
        assert_eq!(parse_entry("nothing/anna"), None);
    }
}
