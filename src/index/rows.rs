//! Slim rows: each record's card cut down to the keys that the agenda, the pipeline and
//! the reports read (stages, amounts, dates, history, links, owners; never the body),
//! kept next to the index, one file per segment and kind under `.rolo/index/rows/`.
//!
//! Reading thousands of cards from tantivy's document store means decompressing and
//! parsing every whole record; these files hold only what aggregates need, in a binary
//! form (`model::row::encode`) whose records are skipped by length and whose values are
//! parsed only when read. A segment
//! never changes once written (deletes are a separate bit set, checked on reading), so
//! its rows are written once, the first time a command needs them, and stay valid until
//! a merge replaces the segment; rows of segments that are gone are removed then.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use tantivy::directory::{Directory, MmapDirectory};
use tantivy::schema::Value;
use tantivy::{DocAddress, SegmentReader, TantivyDocument};

use super::SearchIndex;
use crate::error::{Error, Result};
use crate::model::row::{self, Keys, OwnedBytes, ROW_KEYS};
use crate::model::{Kind, Row};

/// Bump when what a row holds changes ([`ROW_KEYS`], `slim`, `row::encode`) or how rows
/// are laid out (since 4: by path within each file): rows live in `rows-N/`.
const ROWS_FORMAT: u32 = 4;

const KINDS: [Kind; 5] = [Kind::Contact, Kind::Company, Kind::Deal, Kind::Note, Kind::Task];

/// A document's row in binary: its kind, its number in the segment, the row.
type Encoded = (Kind, u32, Vec<u8>);

fn kind_index(kind: Kind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(0)
}

fn fail(e: impl std::fmt::Display) -> Error {
    Error::io(".rolo/index/rows", std::io::Error::other(e.to_string()))
}

/// A card's JSON cut to [`ROW_KEYS`], in binary: `(kind, id, row)`.
fn slim(card: &str) -> Option<(Kind, String, Vec<u8>)> {
    let (kind, id, map) = slim_map(card)?;
    Some((kind, id, row::encode(&map)?))
}

/// A card's JSON object cut to [`ROW_KEYS`], the body's first line as `$summary`.
fn slim_map(card: &str) -> Option<(Kind, String, serde_json::Map<String, Json>)> {
    let Json::Object(mut map) = serde_json::from_str::<Json>(card).ok()? else { return None };
    let kind: Kind = map.get("type")?.as_str()?.parse().ok()?;
    let id = map.get("id")?.as_str()?.to_string();
    let keep = |k: &str| ROW_KEYS.contains(&k) || matches!(k, "type" | "id" | "path");
    if let Some(Json::Object(dates)) = map.get_mut("$dates") {
        dates.retain(|k, _| keep(k));
    }
    // A note's title is the first line of its body: kept, the body not.
    let summary = map
        .get("body")
        .and_then(Json::as_str)
        .and_then(|b| b.lines().map(str::trim).find(|l| !l.is_empty()))
        .map(String::from);
    map.retain(|k, _| keep(k) || k == "$dates");
    if let Some(line) = summary {
        map.insert("$summary".into(), line.into());
    }
    Some((kind, id, map))
}

impl SearchIndex {
    /// Named by [`ROWS_FORMAT`]: rows of another format are never read.
    fn rows_dir(&self) -> PathBuf {
        self.dir.join(format!("rows-{ROWS_FORMAT}"))
    }

    /// Rows of `kinds` whose kind and id `wanted` accepts, in book order: what the
    /// agenda, pipeline and reports read instead of whole cards.
    pub fn rows(
        &self,
        kinds: &[Kind],
        wanted: impl Fn(Kind, &str) -> bool + Sync,
    ) -> Result<Vec<Row>> {
        self.rows_of(&self.searcher(), kinds, Keys::ALL, |_, kind, id| wanted(kind, id))
    }

    /// [`Self::rows`] holding only `keys`: a command that reads a few keys of thousands
    /// of rows does not build the rest.
    pub fn rows_keys(
        &self,
        kinds: &[Kind],
        keys: Keys,
        wanted: impl Fn(Kind, &str) -> bool + Sync,
    ) -> Result<Vec<Row>> {
        self.rows_of(&self.searcher(), kinds, keys, |_, kind, id| wanted(kind, id))
    }

    /// The rows files of `kinds` made where missing or not whole, nothing read: before
    /// threads read rows of different kinds, so that none of them writes a file.
    pub fn rows_ready(&self, kinds: &[Kind]) -> Result<()> {
        self.row_files(&self.searcher(), kinds).map(drop)
    }

    /// Every row of each of `kinds` (holding `keys`), a list of its own per kind in book
    /// order: what the aggregates split by kind, the files opened once.
    pub fn rows_by_kind(&self, kinds: &[Kind], keys: Keys) -> Result<Vec<Vec<Row>>> {
        let searcher = self.searcher();
        let files = self.row_files(&searcher, kinds)?;
        kinds
            .iter()
            .map(|&kind| {
                let mut of_kind: Vec<_> = files.iter().filter(|f| f.0 == kind).cloned().collect();
                self.read_whole(&mut of_kind, keys, |_, _, _| true)
            })
            .collect()
    }

    /// Rows of `kinds` in `searcher`'s segments whose document address, kind and id
    /// `wanted` accepts, in book order.
    pub(super) fn rows_of(
        &self,
        searcher: &tantivy::Searcher,
        kinds: &[Kind],
        keys: Keys,
        wanted: impl Fn(DocAddress, Kind, &str) -> bool + Sync,
    ) -> Result<Vec<Row>> {
        self.read_whole(&mut self.row_files(searcher, kinds)?, keys, wanted)
    }

    /// [`read_rows`]; the files of a segment that turn out not whole (a cache damaged on
    /// the disk) are built again first, and read again.
    fn read_whole(
        &self,
        files: &mut [RowFile],
        keys: Keys,
        wanted: impl Fn(DocAddress, Kind, &str) -> bool + Sync,
    ) -> Result<Vec<Row>> {
        let damaged = match read_rows(files, keys, &wanted) {
            Ok(rows) => return Ok(rows),
            Err(damaged) => damaged,
        };
        let dir = self.rows_dir();
        for ord in damaged {
            let Some(&(_, _, _, segment)) = files.iter().find(|f| f.2 == ord) else { continue };
            let built = self.write_rows(segment, &dir, &segment.segment_id().uuid_string())?;
            for file in files.iter_mut().filter(|f| f.2 == ord) {
                file.1 = built[kind_index(file.0)].clone();
            }
        }
        // Built just now from the index: whole.
        Ok(read_rows(files, keys, wanted).unwrap_or_default())
    }

    /// The rows files of `kinds` in `searcher`'s segments (built where missing or not
    /// whole), by kind, then segment.
    fn row_files<'s>(
        &self,
        searcher: &'s tantivy::Searcher,
        kinds: &[Kind],
    ) -> Result<Vec<RowFile<'s>>> {
        let dir = self.rows_dir();
        let mut built = false;
        let mut files: Vec<RowFile> = Vec::new();
        // Mapped, not read: a file's pages are shared with the page cache, and a command
        // touches only the rows it wants (files are replaced whole, never changed).
        let mapped = MmapDirectory::open(&dir).ok();
        for (ord, segment) in (0u32..).zip(searcher.segment_readers()) {
            let uuid = segment.segment_id().uuid_string();
            let name = |kind: Kind| PathBuf::from(format!("{uuid}.{kind}"));
            let mut built_now: Option<Vec<OwnedBytes>> = None;
            if !KINDS.iter().all(|&k| dir.join(name(k)).is_file()) {
                built_now = Some(self.write_rows(segment, &dir, &uuid)?);
                built = true;
            }
            for &kind in kinds {
                let bytes = match &built_now {
                    Some(t) => t[kind_index(kind)].clone(),
                    None => {
                        let file = match map(mapped.as_ref(), &dir, &name(kind)) {
                            Ok(bytes) => Some(bytes),
                            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                            Err(e) => return Err(fail(e)),
                        };
                        // Removed since the check (another rolo cleaning up): built again.
                        match file {
                            Some(bytes) => bytes,
                            None => {
                                let t = self.write_rows(segment, &dir, &uuid)?;
                                let bytes = t[kind_index(kind)].clone();
                                built_now = Some(t);
                                bytes
                            }
                        }
                    }
                };
                files.push((kind, bytes, ord, segment));
            }
        }
        if built {
            let live: HashSet<String> =
                searcher.segment_readers().iter().map(|s| s.segment_id().uuid_string()).collect();
            remove_stale(&dir, &live);
            // Rows of earlier formats are never read again.
            for old in 1..ROWS_FORMAT {
                let _ = std::fs::remove_dir_all(self.dir.join(format!("rows-{old}")));
            }
        }
        files.sort_by_key(|(kind, _, ord, _)| (*kind, *ord));
        Ok(files)
    }

    /// Every document of a segment (deleted ones too: they may be read by an older
    /// reader) as records `doc len row` (two little-endian `u32`, then the row of `len`
    /// bytes), one file per kind; their bytes, by [`kind_index`].
    fn write_rows(
        &self,
        segment: &SegmentReader,
        dir: &Path,
        uuid: &str,
    ) -> Result<Vec<OwnedBytes>> {
        let card = self.fields.card;
        let max = segment.max_doc();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let chunk = max.div_ceil(threads as u32).max(1);
        let parts: Vec<Result<Vec<Encoded>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..max)
                .step_by(chunk as usize)
                .map(|start| {
                    scope.spawn(move || {
                        let store = segment.get_store_reader(64).map_err(fail)?;
                        let mut out = Vec::new();
                        for doc in start..(start + chunk).min(max) {
                            let d: TantivyDocument = store.get(doc).map_err(fail)?;
                            let json =
                                d.get_first(card).and_then(|v| v.as_str()).unwrap_or_default();
                            if let Some((kind, _, row)) = slim(json) {
                                out.push((kind, doc, row));
                            }
                        }
                        Ok(out)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|_| Err(fail("a reader thread panicked"))))
                .collect()
        });
        let mut encoded = Vec::with_capacity(max as usize);
        for part in parts {
            encoded.extend(part?);
        }
        // In book order within each file, so that rows read from a few segments are a few
        // sorted runs, merged rather than sorted.
        encoded.sort_by(|a, b| (a.0, row::peek_path(&a.2)).cmp(&(b.0, row::peek_path(&b.2))));
        let mut files: Vec<Vec<u8>> = vec![Vec::new(); KINDS.len()];
        for (kind, doc, row) in encoded {
            let Ok(len) = u32::try_from(row.len()) else { continue };
            let file = &mut files[kind_index(kind)];
            file.extend_from_slice(&doc.to_le_bytes());
            file.extend_from_slice(&len.to_le_bytes());
            file.extend_from_slice(&row);
        }
        std::fs::create_dir_all(dir).map_err(fail)?;
        // A cache: when it cannot be written, the rows are still returned.
        for (kind, bytes) in KINDS.iter().zip(&files) {
            let _ = crate::store::write::replace_cache(&dir.join(format!("{uuid}.{kind}")), bytes);
        }
        Ok(files.into_iter().map(OwnedBytes::new).collect())
    }
}

/// A rows file: its kind, its bytes, and the segment (and its number) it is of.
type RowFile<'s> = (Kind, OwnedBytes, u32, &'s SegmentReader);

/// The rows of `files` (sorted by kind, then segment) whose document address, kind and
/// id `wanted` accepts, in book order, as when reading the record files
/// (`view::book_order`): by kind, then by the path's bytes. Each file is in that order
/// already: where the wanted rows of each file are is found (the files side by side on
/// the cores), those places merged into book order, then each row made once, in order.
/// The segments (their numbers) of files that are not whole, if any.
fn read_rows(
    files: &[RowFile],
    keys: Keys,
    wanted: impl Fn(DocAddress, Kind, &str) -> bool + Sync,
) -> std::result::Result<Vec<Row>, Vec<u32>> {
    let find = |i: usize| -> (Vec<(usize, Spot)>, bool) {
        let (kind, bytes, ord, segment) = &files[i];
        let alive = segment.alive_bitset();
        let alive = |doc| alive.is_none_or(|a| a.is_alive(doc));
        let wanted = |doc, id: &str| alive(doc) && wanted(DocAddress::new(*ord, doc), *kind, id);
        let (found, whole) = spots(bytes, wanted);
        (found.into_iter().map(|spot| (i, spot)).collect(), whole)
    };
    let numbers: Vec<usize> = (0..files.len()).collect();
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let read: Vec<_> = match bytes < PARALLEL_BYTES || threads < 2 {
        true => numbers.iter().map(|&i| find(i)).collect(),
        false => super::fresh::parallel(&numbers, threads, |&i| find(i)),
    };
    let damaged: Vec<u32> =
        read.iter().zip(files).filter(|((_, whole), _)| !whole).map(|(_, f)| f.2).collect();
    if !damaged.is_empty() {
        return Err(damaged);
    }
    let runs = read.into_iter().map(|(run, _)| run).collect();
    let in_order = |(i, x): &(usize, Spot), (j, y): &(usize, Spot)| {
        (files[*i].0, x.path) <= (files[*j].0, y.path)
    };
    let order = merge_all(runs, in_order);
    let mut rows = Vec::with_capacity(order.len());
    rows.extend(
        order.into_iter().filter_map(|(i, spot)| Row::decode(&files[i].1, spot.range, keys)),
    );
    Ok(rows)
}

/// Below this many bytes of rows in all, the files are read on one thread.
const PARALLEL_BYTES: usize = 2 << 20;

/// Runs, each in order by `in_order` (whether one comes before another or level with
/// it), merged into one (earlier runs first where level), moved once into a single
/// vector. The runs are kept in a binary heap by their heads: a run's elements come
/// out at a few comparisons each, however finely the runs interleave (the segments of
/// a rebuild hold documents dealt to tantivy's threads one by one).
fn merge_all<T>(mut runs: Vec<Vec<T>>, in_order: impl Fn(&T, &T) -> bool) -> Vec<T> {
    runs.retain(|r| !r.is_empty());
    if runs.len() < 2 {
        return runs.pop().unwrap_or_default();
    }
    let mut out = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    let mut runs: Vec<std::vec::IntoIter<T>> = runs.into_iter().map(Vec::into_iter).collect();
    // Whether run `a`'s head comes out before run `b`'s (the earlier run where level).
    let first = |runs: &[std::vec::IntoIter<T>], a: usize, b: usize| {
        let (x, y) = (&runs[a].as_slice()[0], &runs[b].as_slice()[0]);
        if a < b { in_order(x, y) } else { !in_order(y, x) }
    };
    let sift_down = |heap: &mut [usize], runs: &[std::vec::IntoIter<T>], mut at: usize| loop {
        let (left, right) = (2 * at + 1, 2 * at + 2);
        let mut top = at;
        if left < heap.len() && first(runs, heap[left], heap[top]) {
            top = left;
        }
        if right < heap.len() && first(runs, heap[right], heap[top]) {
            top = right;
        }
        if top == at {
            break;
        }
        heap.swap(at, top);
        at = top;
    };
    let mut heap: Vec<usize> = (0..runs.len()).collect();
    for at in (0..heap.len() / 2).rev() {
        sift_down(&mut heap, &runs, at);
    }
    while let Some(&run) = heap.first() {
        out.extend(runs[run].next());
        if runs[run].as_slice().is_empty() {
            let last = heap.len() - 1;
            heap.swap(0, last);
            heap.pop();
        }
        sift_down(&mut heap, &runs, 0);
    }
    out
}

/// A cache file mapped into memory: its pages are the page cache's, not copied (read
/// whole where it cannot be mapped).
pub(super) fn map_file(path: &Path) -> std::io::Result<OwnedBytes> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return std::fs::read(path).map(OwnedBytes::new);
    };
    map(MmapDirectory::open(dir).ok().as_ref(), dir, Path::new(name))
}

/// A rows file mapped into memory (read whole where the directory cannot map).
fn map(mapped: Option<&MmapDirectory>, dir: &Path, name: &Path) -> std::io::Result<OwnedBytes> {
    let read = || std::fs::read(dir.join(name)).map(OwnedBytes::new);
    let Some(mapped) = mapped else { return read() };
    match mapped.open_read(name) {
        Ok(file) => file.read_bytes(),
        Err(tantivy::directory::error::OpenReadError::FileDoesNotExist(_)) => {
            Err(std::io::ErrorKind::NotFound.into())
        }
        Err(_) => read(),
    }
}

/// Where a wanted row lies in a rows file, and its path (what book order compares).
#[derive(Debug, Clone)]
struct Spot<'a> {
    range: std::ops::Range<usize>,
    path: &'a [u8],
}

/// The rows of the records `doc len row` that `wanted(doc, id)` accepts, in the file's
/// order; a record not wanted is skipped by its length, its id read in place. With
/// whether the file is whole: its records' lengths lead exactly to its end (a file cut
/// short by a torn write gives the whole records before the cut, and is not whole).
fn spots(bytes: &[u8], wanted: impl Fn(u32, &str) -> bool) -> (Vec<Spot<'_>>, bool) {
    let mut found = Vec::new();
    let mut at = 0;
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    while let (Some(doc), Some(len)) = (word(at), word(at + 4)) {
        let start = at + 8;
        let end = start + len as usize;
        let Some(row) = bytes.get(start..end) else { break };
        at = end;
        if row::peek_id(row).is_some_and(|id| wanted(doc, id))
            && let Some(path) = row::peek_path(row)
        {
            found.push(Spot { range: start..end, path });
        }
    }
    (found, at == bytes.len())
}

/// The rows of the records that `wanted(doc, id)` accepts, in the file's order.
#[cfg(test)]
fn parse_rows(bytes: &OwnedBytes, keys: Keys, wanted: impl Fn(u32, &str) -> bool) -> Vec<Row> {
    let (found, _) = spots(bytes, wanted);
    found.into_iter().filter_map(|spot| Row::decode(bytes, spot.range, keys)).collect()
}

/// Rows of segments that no longer exist (merged away, or of a rebuilt index). Only
/// files older than a few minutes: another rolo may be writing rows of a segment this
/// one does not see yet, or reading them (its temporary files start with a dot).
fn remove_stale(dir: &Path, live: &HashSet<String>) {
    const AGE: std::time::Duration = std::time::Duration::from_secs(600);
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let uuid = name.split('.').next().unwrap_or_default();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > AGE);
        if !uuid.is_empty() && !live.contains(uuid) && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slim_rows_keep_only_what_aggregates_read() {
        let card = r#"{"type":"deal","id":"sayt","path":"deals/sayt.md","title":"Сайт","value":1200,
            "close":"2026-12-01","emails":["x@y"],"body":"long text","fields":{"a":1},
            "$dates":{"close":true,"created":true}}"#;
        let (kind, id, map) = slim_map(card).unwrap();
        assert_eq!((kind, id.as_str()), (Kind::Deal, "sayt"));
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["type", "id", "path", "title", "value", "close", "emails", "$dates", "$summary"]
        );
        let (_, _, bytes) = slim(card).unwrap();
        let len = bytes.len();
        let row = Row::decode(&OwnedBytes::new(bytes), 0..len, Keys::ALL).unwrap();
        assert_eq!(
            crate::model::View::when(&row, "close").map(|w| w.display()).as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(crate::model::View::number(&row, "value"), Some(1200.0));
        assert!(!crate::model::View::has(&row, "fields"), "not a row key");
        assert_eq!(crate::model::View::strs(&row, "emails"), ["x@y"]);
        assert_eq!(crate::model::View::title(&row), "Сайт");
    }

    #[test]
    fn parse_rows_skips_deleted_and_unwanted() {
        let mut bytes = Vec::new();
        for (doc, id) in [(0u32, "a"), (1, "b"), (2, "c")] {
            let card = format!(r#"{{"type":"task","id":"{id}","path":"tasks/{id}.md"}}"#);
            let (_, _, row) = slim(&card).unwrap();
            bytes.extend_from_slice(&doc.to_le_bytes());
            bytes.extend_from_slice(&u32::try_from(row.len()).unwrap().to_le_bytes());
            bytes.extend_from_slice(&row);
        }
        let bytes = OwnedBytes::new(bytes);
        let cards = parse_rows(&bytes, Keys::ALL, |doc, id| doc != 1 && id != "c");
        let ids: Vec<&str> = cards.iter().map(crate::model::View::id).collect();
        assert_eq!(ids, ["a"]);
        let all = parse_rows(&bytes, Keys::ALL, |_, _| true);
        let paths: Vec<_> = all.iter().map(|r| crate::model::View::path(r).to_owned()).collect();
        assert_eq!(
            paths,
            [Path::new("tasks/a.md"), Path::new("tasks/b.md"), Path::new("tasks/c.md")]
        );
        let whole = |bytes: &[u8]| spots(bytes, |_, _| true).1;
        assert!(whole(&bytes) && whole(&[]));
        // A file cut short (a torn write) gives the whole records before the cut, and
        // is not whole (so it is built again); nor is one with bytes after its records.
        assert!(!whole(&bytes[..bytes.len() - 3]) && !whole(&[bytes.to_vec(), vec![0]].concat()));
        let cut = OwnedBytes::new(bytes[..bytes.len() - 3].to_vec());
        assert_eq!(parse_rows(&cut, Keys::ALL, |_, _| true).len(), 2);
    }

    /// Sorted runs of every length and overlap, merged, are the rows in book order,
    /// earlier runs first among equal paths (what a full sort of all of them gives).
    #[test]
    fn merged_runs_are_in_book_order() {
        let row = |kind: &str, path: &str, run: usize| {
            let card = format!(r#"{{"type":"{kind}","id":"{run}","path":"{path}"}}"#);
            Row::parse(&card).unwrap()
        };
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let names = ["a", "b", "ж", "王", "ö", "z"];
        for round in 0..200 {
            let mut runs: Vec<Vec<Row>> = Vec::new();
            for run in 0..1 + next(6) as usize {
                let mut rows: Vec<Row> = (0..next(40))
                    .map(|_| {
                        let kind = ["contact", "deal", "task"][next(3) as usize];
                        let a = names[next(6) as usize];
                        let b = names[next(6) as usize];
                        row(kind, &format!("{kind}s/{a}{b}.md"), run)
                    })
                    .collect();
                rows.sort_by(crate::model::view::book_order);
                runs.push(rows);
            }
            let mut expected: Vec<Row> = runs.iter().flatten().cloned().collect();
            // Stable: among equal paths, earlier runs first.
            expected.sort_by(crate::model::view::book_order);
            let key = |r: &Row| {
                use crate::model::View;
                (r.kind(), r.path().to_owned(), r.id().to_owned())
            };
            let in_order = |x: &Row, y: &Row| {
                use crate::model::View;
                (x.kind(), x.path_bytes()) <= (y.kind(), y.path_bytes())
            };
            let merged: Vec<_> = merge_all(runs, in_order).iter().map(key).collect();
            let expected: Vec<_> = expected.iter().map(key).collect();
            assert_eq!(merged, expected, "round {round}");
        }
    }
}
