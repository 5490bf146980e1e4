//! Slim rows: each record's card cut down to the keys that the agenda, the pipeline and
//! the reports read (stages, amounts, dates, history, links, owners; never the body),
//! kept next to the index, one file per segment and kind under `.rolo/index/rows/`.
//!
//! Reading thousands of cards from tantivy's document store means decompressing and
//! parsing every whole record; these files hold only what aggregates need. A segment
//! never changes once written (deletes are a separate bit set, checked on reading), so
//! its rows are written once, the first time a command needs them, and stay valid until
//! a merge replaces the segment; rows of segments that are gone are removed then.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use tantivy::schema::Value;
use tantivy::{DocAddress, SegmentReader, TantivyDocument};

use super::SearchIndex;
use crate::error::{Error, Result};
use crate::model::row::{Keys, ROW_KEYS};
use crate::model::{Kind, Row};

/// Bump when what a row holds changes ([`ROW_KEYS`], `slim`): rows live in `rows-N/`.
const ROWS_FORMAT: u32 = 2;

const KINDS: [Kind; 5] = [Kind::Contact, Kind::Company, Kind::Deal, Kind::Note, Kind::Task];

fn kind_index(kind: Kind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(0)
}

fn fail(e: impl std::fmt::Display) -> Error {
    Error::io(".rolo/index/rows", std::io::Error::other(e.to_string()))
}

/// A card's JSON cut to [`ROW_KEYS`]: `(kind, id, json)`.
fn slim(card: &str) -> Option<(Kind, String, String)> {
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
    Some((kind, id, Json::Object(map).to_string()))
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

    /// Rows of `kinds` in `searcher`'s segments whose document address, kind and id
    /// `wanted` accepts, in book order.
    pub(super) fn rows_of(
        &self,
        searcher: &tantivy::Searcher,
        kinds: &[Kind],
        keys: Keys,
        wanted: impl Fn(DocAddress, Kind, &str) -> bool,
    ) -> Result<Vec<Row>> {
        let dir = self.rows_dir();
        let mut built = false;
        let mut lines: Vec<(Kind, String, u32, &SegmentReader)> = Vec::new();
        for (ord, segment) in (0u32..).zip(searcher.segment_readers()) {
            let uuid = segment.segment_id().uuid_string();
            let path = |kind: Kind| dir.join(format!("{uuid}.{kind}"));
            let mut texts: Option<Vec<String>> = None;
            if !KINDS.iter().all(|&k| path(k).is_file()) {
                texts = Some(self.write_rows(segment, &dir, &uuid)?);
                built = true;
            }
            for &kind in kinds {
                let text = match &texts {
                    Some(t) => t[kind_index(kind)].clone(),
                    None => match std::fs::read_to_string(path(kind)) {
                        Ok(text) => text,
                        // Removed since the check (another rolo cleaning up): build again.
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                            let t = self.write_rows(segment, &dir, &uuid)?;
                            let text = t[kind_index(kind)].clone();
                            texts = Some(t);
                            text
                        }
                        Err(e) => return Err(fail(e)),
                    },
                };
                lines.push((kind, text, ord, segment));
            }
        }
        if built {
            let live: HashSet<String> =
                searcher.segment_readers().iter().map(|s| s.segment_id().uuid_string()).collect();
            remove_stale(&dir, &live);
        }
        let mut rows = Vec::new();
        for (kind, text, ord, segment) in &lines {
            let alive = segment.alive_bitset();
            let alive = |doc| alive.is_none_or(|a| a.is_alive(doc));
            rows.extend(parse_rows(text, keys, |doc, id| {
                alive(doc) && wanted(DocAddress::new(*ord, doc), *kind, id)
            }));
        }
        // Book order, as when reading the files.
        rows.sort_unstable_by(crate::model::view::book_order);
        Ok(rows)
    }

    /// Every document of a segment (deleted ones too: they may be read by an older
    /// reader) as `doc \t id \t json` lines, one file per kind; the texts, by
    /// [`kind_index`].
    fn write_rows(&self, segment: &SegmentReader, dir: &Path, uuid: &str) -> Result<Vec<String>> {
        let card = self.fields.card;
        let max = segment.max_doc();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let chunk = max.div_ceil(threads as u32).max(1);
        let parts: Vec<Result<Vec<(Kind, String)>>> = std::thread::scope(|scope| {
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
                            if let Some((kind, id, slim)) = slim(json) {
                                out.push((kind, format!("{doc}\t{id}\t{slim}\n")));
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
        let mut files: Vec<String> = vec![String::new(); KINDS.len()];
        for part in parts {
            for (kind, line) in part? {
                files[kind_index(kind)].push_str(&line);
            }
        }
        std::fs::create_dir_all(dir).map_err(fail)?;
        // A cache: when it cannot be written, the rows are still returned.
        for (kind, text) in KINDS.iter().zip(&files) {
            let _ = crate::store::write::replace_cache(
                &dir.join(format!("{uuid}.{kind}")),
                text.as_bytes(),
            );
        }
        Ok(files)
    }
}

/// The rows of the lines `doc \t id \t json` that `wanted(doc, id)` accepts.
fn parse_rows(text: &str, keys: Keys, wanted: impl Fn(u32, &str) -> bool) -> Vec<Row> {
    let picked: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            let (doc, rest) = line.split_once('\t')?;
            let (id, json) = rest.split_once('\t')?;
            wanted(doc.parse().ok()?, id).then_some(json)
        })
        .collect();
    let parse = |part: &[&str]| -> Vec<Row> {
        part.iter().filter_map(|json| Row::parse_keys(json, keys)).collect()
    };
    // Thousands of rows parse faster on every core.
    if picked.len() < 2000 {
        return parse(&picked);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let chunk = picked.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> =
            picked.chunks(chunk).map(|part| scope.spawn(move || parse(part))).collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    })
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
    use serde_json::Map;

    #[test]
    fn slim_rows_keep_only_what_aggregates_read() {
        let card = r#"{"type":"deal","id":"sayt","path":"deals/sayt.md","title":"Сайт","value":1200,
            "close":"2026-12-01","emails":["x@y"],"body":"long text","fields":{"a":1},
            "$dates":{"close":true,"created":true}}"#;
        let (kind, id, json) = slim(card).unwrap();
        assert_eq!((kind, id.as_str()), (Kind::Deal, "sayt"));
        let map: Map<String, Json> = serde_json::from_str(&json).unwrap();
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["type", "id", "path", "title", "value", "close", "emails", "$dates", "$summary"]
        );
        let row = Row::parse(&json).unwrap();
        assert_eq!(
            crate::model::View::when(&row, "close").map(|w| w.display()).as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(crate::model::View::number(&row, "value"), Some(1200.0));
        assert!(!crate::model::View::has(&row, "fields"), "not a row key");
        assert_eq!(crate::model::View::strs(&row, "emails"), ["x@y"]);
    }

    #[test]
    fn parse_rows_skips_deleted_and_unwanted() {
        let text = "0\ta\t{\"type\":\"task\",\"id\":\"a\",\"path\":\"tasks/a.md\"}\n\
                    1\tb\t{\"type\":\"task\",\"id\":\"b\",\"path\":\"tasks/b.md\"}\n\
                    2\tc\t{\"type\":\"task\",\"id\":\"c\",\"path\":\"tasks/c.md\"}\n";
        let cards = parse_rows(text, Keys::ALL, |doc, id| doc != 1 && id != "c");
        let ids: Vec<&str> = cards.iter().map(crate::model::View::id).collect();
        assert_eq!(ids, ["a"]);
    }
}
