//! Slim rows: each record's card cut down to the keys that the agenda, the pipeline and
//! the reports read (stages, amounts, dates, history, links, owners; never the body),
//! kept next to the index, one file per segment and kind under `.rolo/index/rows-N/`.
//!
//! Reading thousands of cards from tantivy's document store means decompressing and
//! parsing every whole record; these files hold only what aggregates need, in a binary
//! form (`model::row::encode_card_onto`) whose records are skipped by length and whose values are
//! parsed only when read. A segment
//! never changes once written (deletes are a separate bit set, checked on reading), so
//! its rows are written once (by `rolo index --rebuild`, a watcher once the book is quiet,
//! or else the first command that needs them) and stay valid until a merge replaces the
//! segment; rows of segments that are gone are removed then.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use tantivy::directory::{Directory, MmapDirectory};
use tantivy::schema::Value;
use tantivy::{DocAddress, SegmentReader, TantivyDocument};

use super::SearchIndex;
use crate::error::{Error, Result};
use crate::model::row::{self, Keys, OwnedBytes};
use crate::model::{Kind, Row};
use crate::store::write;

/// Bump when what a row holds changes ([`row::ROW_KEYS`], `row::encode_card_onto`) or how rows
/// are laid out (since 4: by path within each file): rows live in `rows-N/`.
const ROWS_FORMAT: u32 = 4;

/// A kind's place among a segment's rows files ([`Kind::ALL`]'s order).
fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

fn fail(e: impl std::fmt::Display) -> Error {
    Error::io(".rolo/index/rows", std::io::Error::other(e.to_string()))
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

    /// The rows files of every segment made where missing, nothing read and nothing
    /// kept (a reader maps what it reads): before threads read rows of different kinds,
    /// so that (the folder writable) none of them writes a file.
    pub fn rows_ready(&self) -> Result<()> {
        self.make_rows(&self.searcher(), &self.rows_dir()).map(drop)
    }

    /// The rows files of `searcher`'s segments made in `dir` where missing; once made,
    /// those of segments that are gone removed. The rows made, by segment: mapped back
    /// from their files, or in memory when those could not be written.
    fn make_rows(&self, searcher: &tantivy::Searcher, dir: &Path) -> Result<Vec<Made>> {
        let missing: Vec<(&SegmentReader, String)> = searcher
            .segment_readers()
            .iter()
            .map(|segment| (segment, segment.segment_id().uuid_string()))
            .filter(|(_, uuid)| !has_rows(dir, uuid))
            .collect();
        let write = |(segment, uuid): &(&SegmentReader, String), threads| {
            self.write_rows(segment, dir, uuid, threads).map(|rows| (uuid.clone(), rows))
        };
        // Segments of like size side by side, each on one thread (a fresh index has
        // several: none is cut in parts to be joined again); else one after another,
        // each shared by every core (a merge's large segment beside a batch's small one).
        let docs: Vec<u32> = missing.iter().map(|(s, _)| s.max_doc()).collect();
        let largest = docs.iter().copied().max().unwrap_or(0);
        let alike = u64::from(largest) * 2 <= docs.iter().map(|&n| u64::from(n)).sum::<u64>();
        let made = match missing.as_slice() {
            [] => return Ok(Vec::new()),
            all if all.len() > 1 && alike => {
                super::fresh::parallel(all, reading_threads().min(all.len()), |m| write(m, 1))
            }
            all => all.iter().map(|m| write(m, reading_threads())).collect(),
        };
        let made = made.into_iter().collect::<Result<Vec<_>>>()?;
        self.remove_old_rows(searcher, dir);
        Ok(made)
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
            let built = self.write_rows(
                segment,
                &dir,
                &segment.segment_id().uuid_string(),
                reading_threads(),
            )?;
            for file in files.iter_mut().filter(|f| f.2 == ord) {
                file.1 = built[kind_index(file.0)].clone();
            }
        }
        // Built just now from the index: whole.
        Ok(read_rows(files, keys, wanted).unwrap_or_default())
    }

    /// The rows files of `kinds` in `searcher`'s segments (made where missing), by kind,
    /// then segment.
    fn row_files<'s>(
        &self,
        searcher: &'s tantivy::Searcher,
        kinds: &[Kind],
    ) -> Result<Vec<RowFile<'s>>> {
        let dir = self.rows_dir();
        let mut made = self.make_rows(searcher, &dir)?;
        let mut files: Vec<RowFile> = Vec::new();
        // Mapped, not read: a file's pages are shared with the page cache, and a command
        // touches only the rows it wants (files are replaced whole, never changed).
        let mapped = MmapDirectory::open(&dir).ok();
        for (ord, segment) in (0u32..).zip(searcher.segment_readers()) {
            let uuid = segment.segment_id().uuid_string();
            let mut built_now: Option<Vec<OwnedBytes>> =
                made.iter().position(|(u, _)| *u == uuid).map(|i| made.swap_remove(i).1);
            for &kind in kinds {
                let name = PathBuf::from(format!("{uuid}.{kind}"));
                let bytes = match &built_now {
                    Some(t) => t[kind_index(kind)].clone(),
                    None => match map(mapped.as_ref(), &dir, &name) {
                        Ok(bytes) => bytes,
                        // Removed since made (another rolo cleaning up): made again.
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                            let t = self.write_rows(segment, &dir, &uuid, reading_threads())?;
                            let bytes = t[kind_index(kind)].clone();
                            built_now = Some(t);
                            bytes
                        }
                        Err(e) => return Err(fail(e)),
                    },
                };
                files.push((kind, bytes, ord, segment));
            }
        }
        files.sort_by_key(|(kind, _, ord, _)| (*kind, *ord));
        Ok(files)
    }

    /// Once rows were made: those of segments that are gone, and of earlier formats
    /// (never read again), removed.
    fn remove_old_rows(&self, searcher: &tantivy::Searcher, dir: &Path) {
        let live: HashSet<String> =
            searcher.segment_readers().iter().map(|s| s.segment_id().uuid_string()).collect();
        remove_stale(dir, &live);
        for old in 1..ROWS_FORMAT {
            let _ = std::fs::remove_dir_all(self.dir.join(format!("rows-{old}")));
        }
    }

    /// Every document of a segment (deleted ones too: they may be read by an older
    /// reader) as records `doc len row` (two little-endian `u32`, then the row of `len`
    /// bytes), one file per kind, read on `threads`; their bytes, by [`kind_index`]. The
    /// files are written as the records are taken from the rows made (the rows are not
    /// held twice) and mapped back; at 100,000 records a command that made every
    /// segment's rows peaked 30 MB lower than when it built the files in memory.
    fn write_rows(
        &self,
        segment: &SegmentReader,
        dir: &Path,
        uuid: &str,
        threads: usize,
    ) -> Result<Vec<OwnedBytes>> {
        let max = segment.max_doc();
        let chunk = max.div_ceil(threads.max(1) as u32).max(1);
        let parts: Vec<Result<Encoded>> = match threads {
            0 | 1 => vec![self.encode(segment, 0..max)],
            _ => {
                let starts: Vec<u32> = (0..max).step_by(chunk as usize).collect();
                super::fresh::parallel(&starts, threads.min(starts.len()), |&start| {
                    self.encode(segment, start..max.min(start + chunk))
                })
            }
        };
        let parts = parts.into_iter().collect::<Result<Vec<_>>>()?;
        let mut order: Vec<(usize, usize)> =
            (0..parts.len()).flat_map(|p| (0..parts[p].spots.len()).map(move |i| (p, i))).collect();
        // In book order within each file, so that rows read from a few segments are a few
        // sorted runs, merged rather than sorted.
        let key = |&(p, i): &(usize, usize)| {
            let spot = &parts[p].spots[i];
            (spot.kind, row::peek_path(parts[p].row(spot)))
        };
        order.sort_by(|a, b| key(a).cmp(&key(b)));
        // Each kind's records, written as they are taken from the threads' buffers.
        let records = |kind: Kind, out: &mut dyn Write| -> std::io::Result<()> {
            for &(p, i) in &order {
                let spot = &parts[p].spots[i];
                let Ok(len) = u32::try_from(spot.range.len()) else { continue };
                if spot.kind == kind {
                    out.write_all(&spot.doc.to_le_bytes())?;
                    out.write_all(&len.to_le_bytes())?;
                    out.write_all(parts[p].row(spot))?;
                }
            }
            Ok(())
        };
        std::fs::create_dir_all(dir).map_err(fail)?;
        // Mapped back once written (an instance of its own: none of its files mapped
        // before they were replaced).
        let mapped = MmapDirectory::open(dir).ok();
        let mut files = Vec::with_capacity(Kind::ALL.len());
        for kind in Kind::ALL {
            let name = PathBuf::from(format!("{uuid}.{kind}"));
            let written = write::replace_cache_with(&dir.join(&name), |out| records(kind, out));
            match written.ok().and_then(|()| map(mapped.as_ref(), dir, &name).ok()) {
                Some(bytes) => files.push(bytes),
                // A cache: when it cannot be written, the rows are still returned.
                None => {
                    let mut bytes = Vec::new();
                    records(kind, &mut bytes).map_err(fail)?;
                    files.push(OwnedBytes::new(bytes));
                }
            }
        }
        Ok(files)
    }

    /// The rows of a segment's documents `docs`, read from its store on this thread,
    /// one after another in one buffer: a few large allocations, not one per row, made
    /// and freed on the same thread.
    fn encode(&self, segment: &SegmentReader, docs: std::ops::Range<u32>) -> Result<Encoded> {
        let store = segment.get_store_reader(64).map_err(fail)?;
        let mut rows = Encoded { expected: docs.len(), ..Encoded::default() };
        for doc in docs {
            let d: TantivyDocument = store.get(doc).map_err(fail)?;
            let json = d.get_first(self.fields.card).and_then(|v| v.as_str()).unwrap_or_default();
            rows.push(doc, json);
        }
        Ok(rows)
    }
}

/// The rows a thread made of a segment's documents, one after another in buffers of
/// about [`Encoded::BUFFER`] bytes (not one buffer doubled and copied as it grows), and
/// where each lies.
#[derive(Default)]
struct Encoded {
    /// How many documents are to come (a few hundred bytes each): a small segment's
    /// rows take no whole buffer.
    expected: usize,
    buffers: Vec<Vec<u8>>,
    spots: Vec<EncodedSpot>,
}

/// Where one row lies in [`Encoded`]: its kind, its number in the segment, its buffer
/// and its place there.
struct EncodedSpot {
    kind: Kind,
    doc: u32,
    buffer: usize,
    range: std::ops::Range<usize>,
}

impl Encoded {
    const BUFFER: usize = 1 << 20;

    /// The row of a card (none for a card without a type, id or path).
    fn push(&mut self, doc: u32, card: &str) {
        // A new buffer once this one is nearly full (a row longer than the 64 KiB left
        // at least grows it, copied once); the first sized for the documents to come.
        if self.buffers.last().is_none_or(|b| b.len() + (64 << 10) > Self::BUFFER) {
            let first = self.expected.saturating_mul(512).max(64 << 10);
            let size = if self.buffers.is_empty() { first.min(Self::BUFFER) } else { Self::BUFFER };
            self.buffers.push(Vec::with_capacity(size));
        }
        let buffer = self.buffers.len() - 1;
        let bytes = &mut self.buffers[buffer];
        let at = bytes.len();
        if let Some(kind) = row::encode_card_onto(card, bytes) {
            self.spots.push(EncodedSpot { kind, doc, buffer, range: at..bytes.len() });
        }
    }

    fn row(&self, spot: &EncodedSpot) -> &[u8] {
        &self.buffers[spot.buffer][spot.range.clone()]
    }
}

/// How many threads read a segment's documents into rows: every core, up to four.
fn reading_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4)
}

/// Whether a segment's rows files are all there (not whether each is whole: that is
/// found on reading).
fn has_rows(dir: &Path, uuid: &str) -> bool {
    Kind::ALL.iter().all(|kind| dir.join(format!("{uuid}.{kind}")).is_file())
}

/// A segment's rows made just now: its id, and its files' bytes by [`kind_index`].
type Made = (String, Vec<OwnedBytes>);

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
    let threads = reading_threads();
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

/// Rows of segments that no longer exist (merged away, or of a rebuilt index), and
/// temporary files that a rolo killed while writing left behind (they start with a dot
/// and end in `.tmp`). Only files older than a few minutes: another rolo may be writing
/// rows of a segment this one does not see yet, or reading them.
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
        let left = name.starts_with('.') && name.ends_with(".tmp");
        if old && (left || !uuid.is_empty() && !live.contains(uuid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::row::ROW_KEYS;
    use serde_json::Value as Json;

    /// What rows were made by before `row::encode_card`: the whole card parsed, cut to
    /// the row keys, the body's first line as `$summary`. The reference it must equal.
    fn slim_map(card: &str) -> Option<serde_json::Map<String, Json>> {
        let Json::Object(mut map) = serde_json::from_str::<Json>(card).ok()? else {
            return None;
        };
        let keep = |k: &str| ROW_KEYS.contains(&k) || matches!(k, "type" | "id" | "path");
        if let Some(Json::Object(dates)) = map.get_mut("$dates") {
            dates.retain(|k, _| keep(k));
        }
        let summary = map
            .get("body")
            .and_then(Json::as_str)
            .and_then(|b| b.lines().map(str::trim).find(|l| !l.is_empty()))
            .map(String::from);
        map.retain(|k, _| keep(k) || k == "$dates");
        if let Some(line) = summary {
            map.insert("$summary".into(), line.into());
        }
        Some(map)
    }

    fn slim(card: &str) -> Vec<u8> {
        row::encode_card(card).unwrap().1
    }

    #[test]
    fn slim_rows_keep_only_what_aggregates_read() {
        let card = r#"{"type":"deal","id":"sayt","path":"deals/sayt.md","title":"Сайт","value":1200,
            "close":"2026-12-01","emails":["x@y"],"body":"long text","fields":{"a":1},
            "$dates":{"close":true,"created":true}}"#;
        let (kind, bytes) = row::encode_card(card).unwrap();
        assert_eq!(kind, Kind::Deal);
        let len = bytes.len();
        let row = Row::decode(&OwnedBytes::new(bytes), 0..len, Keys::ALL).unwrap();
        assert_eq!(crate::model::View::id(&row), "sayt");
        assert_eq!(
            crate::model::View::when(&row, "close").map(|w| w.display()).as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(crate::model::View::number(&row, "value"), Some(1200.0));
        assert!(!crate::model::View::has(&row, "fields"), "not a row key");
        assert!(!crate::model::View::has(&row, "body"), "not a row key");
        assert_eq!(crate::model::View::strs(&row, "emails"), ["x@y"]);
        assert_eq!(crate::model::View::title(&row), "Сайт");
    }

    /// A card read straight to its row gives the very bytes that the whole card parsed
    /// and cut gave: for every record of the example book (as the index stores it) and
    /// for cards no record makes (keys twice, values of other types, bodies without text).
    #[test]
    fn a_card_read_straight_to_its_row_is_the_row_of_the_card_parsed_whole() {
        let mut cards = Vec::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-example");
        for kind in Kind::ALL {
            let dir = root.join(kind.dir());
            for entry in walkdir::WalkDir::new(&dir) {
                let path = entry.unwrap().into_path();
                if path.extension().is_none_or(|e| e != "md") {
                    continue;
                }
                let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
                let rel = path.strip_prefix(&root).unwrap().to_owned();
                let text = std::fs::read_to_string(&path).unwrap();
                let record = crate::store::read::parse(kind, &id, &rel, &text).unwrap();
                cards.push(Json::Object(crate::model::view::card_json(&record)).to_string());
            }
        }
        assert!(cards.len() > 40, "the example book's records: {}", cards.len());
        let odd = [
            r#"{"type":"note","id":"n","path":"notes/n.md","body":"\n  \n  Звонок: \"цена\"\t\nещё"}"#,
            r#"{"type":"note","id":"n","path":"notes/n.md","body":"  \n \n"}"#,
            r#"{"type":"note","id":"n","path":"notes/n.md","body":["a"],"$summary":"x"}"#,
            r#"{"type":"note","id":"n","path":"notes/n.md","body":{"a":[1,{"b":2}]},"title":"t"}"#,
            r#"{"type":"note","id":"n","path":"notes/n.md","body":null,"due":7.5}"#,
            r#"{"body":"first","type":"task","id":"t","path":"tasks/t.md","body":"second"}"#,
            r#"{"type":"task","id":"t","path":"tasks/t.md","due":"a","title":"x","due":"b"}"#,
            r#"{"type":"task","id":"t","path":"tasks/t.md","$dates":[1],"tags":["a","б"]}"#,
            r#"{"type":"task","id":"t","path":"tasks/t.md","$dates":{"due":true,"zzz":true}}"#,
            r#"{"type":"task","id":"t","path":"tasks/t.md","x":{"y":"\u0416"},"city":"\u0416"}"#,
            r#"{"type":"task","id":7,"path":"tasks/t.md"}"#,
            r#"{"type":"gadget","id":"t","path":"tasks/t.md"}"#,
            r#"{"id":"t","path":"tasks/t.md"}"#,
            r#"["not","a","card"]"#,
            r#"{"type":"task","id":"t","path":"tasks/t.md""#,
        ];
        cards.extend(odd.iter().map(|c| c.to_string()));
        for card in &cards {
            let reference = slim_map(card).and_then(|map| {
                let kind: Kind = map.get("type")?.as_str()?.parse().ok()?;
                Some((kind, row::encode(&map)?))
            });
            assert_eq!(row::encode_card(card), reference, "{card}");
        }
    }

    /// Rows of many cards (a few far longer than what a buffer has left) fill buffer
    /// after buffer, none grown beyond its capacity by more than one row, and each reads
    /// back as the card's row; a card without a row leaves no trace.
    #[test]
    fn encoded_rows_fill_buffers_and_read_back() {
        let mut rows = Encoded::default();
        let mut cards = Vec::new();
        for doc in 0..6000u32 {
            let title = match doc % 1000 {
                7 => "Ж".repeat(300_000),
                _ => format!("Задача {doc} 任务"),
            };
            let card = format!(
                r#"{{"type":"task","id":"t{doc}","path":"tasks/t{doc}.md","title":"{title}","body":"{doc}"}}"#
            );
            rows.push(doc, &card);
            rows.push(doc, r#"{"type":"task","path":"tasks/none.md"}"#);
            cards.push(card);
        }
        assert!(rows.buffers.len() > 3, "{} buffers", rows.buffers.len());
        assert!(rows.buffers.iter().all(|b| b.len() <= Encoded::BUFFER + 600_001));
        assert_eq!(rows.spots.len(), cards.len());
        for ((spot, card), doc) in rows.spots.iter().zip(&cards).zip(0..) {
            assert_eq!(spot.doc, doc);
            assert_eq!(Some((spot.kind, rows.row(spot).to_vec())), row::encode_card(card));
        }
    }

    /// What is removed once rows were made: files of segments gone and temporary files
    /// left behind, when older than a few minutes; never a live segment's files, a new
    /// file, nor anything else.
    #[test]
    fn stale_rows_and_left_temporary_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let file = |name: &str, aged: bool| {
            let path = dir.path().join(name);
            std::fs::write(&path, b"x").unwrap();
            if aged {
                std::fs::File::options()
                    .write(true)
                    .open(&path)
                    .unwrap()
                    .set_modified(old)
                    .unwrap();
            }
        };
        file("live.task", true);
        file("gone.task", true);
        file("gone.note", false);
        file(".gone.task.123.0.tmp", true);
        file(".live.deal.123.1.tmp", false);
        file(".hidden", true);
        let live: HashSet<String> = ["live".to_string()].into();
        remove_stale(dir.path(), &live);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".hidden", ".live.deal.123.1.tmp", "gone.note", "live.task"]);
    }

    #[test]
    fn parse_rows_skips_deleted_and_unwanted() {
        let mut bytes = Vec::new();
        for (doc, id) in [(0u32, "a"), (1, "b"), (2, "c")] {
            let card = format!(r#"{{"type":"task","id":"{id}","path":"tasks/{id}.md"}}"#);
            let row = slim(&card);
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
