//! Keeping the index fresh: a parallel stat walk of the book compared with a manifest of
//! what was indexed (path, size, mtime). Nothing is read for an unchanged file; only
//! files added, changed or removed since the last command are re-indexed (SPEC "Search").

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
    pub id: String,
    /// Relative to the book, with `/` separators.
    pub rel: String,
    pub stamp: Stamp,
}

/// The record files of the book with their stamps, stat-ed on all cores.
pub fn scan(root: &Path) -> Result<Vec<Found>> {
    let mut names: Vec<(Kind, String, String)> = Vec::new();
    for kind in Kind::ALL {
        let dir = root.join(kind.dir());
        if kind == Kind::Note {
            for entry in read_dir(&dir)? {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    for file in read_dir(&entry.path())? {
                        push_record(&mut names, kind, &format!("{}/{name}", kind.dir()), &file);
                    }
                } else {
                    push_record(&mut names, kind, kind.dir(), &entry);
                }
            }
        } else {
            for entry in read_dir(&dir)? {
                push_record(&mut names, kind, kind.dir(), &entry);
            }
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let chunk = names.len().div_ceil(threads).max(1);
    let found = std::thread::scope(|scope| {
        let workers: Vec<_> = names
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .filter_map(|(kind, id, rel)| {
                            // A file removed between listing and stat is simply gone.
                            let meta = fs::metadata(root.join(rel)).ok()?;
                            meta.is_file().then(|| Found {
                                kind: *kind,
                                id: id.clone(),
                                rel: rel.clone(),
                                stamp: stamp(&meta),
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    Ok(found)
}

fn read_dir(dir: &Path) -> Result<Vec<fs::DirEntry>> {
    match fs::read_dir(dir) {
        Ok(entries) => Ok(entries.filter_map(|e| e.ok()).collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).at(dir),
    }
}

fn push_record(
    names: &mut Vec<(Kind, String, String)>,
    kind: Kind,
    dir: &str,
    entry: &fs::DirEntry,
) {
    let name = entry.file_name().to_string_lossy().into_owned();
    if name.starts_with('.') {
        return;
    }
    if let Some(id) = name.strip_suffix(".md") {
        names.push((kind, id.to_string(), format!("{dir}/{name}")));
    }
}

pub fn stamp(meta: &fs::Metadata) -> Stamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    Stamp { size: meta.len(), mtime_ns }
}

/// What was indexed: path → stamp. Stored as lines `size mtime_ns path`.
#[derive(Debug, Default)]
pub struct Manifest {
    pub entries: HashMap<String, Stamp>,
}

impl Manifest {
    pub fn load(path: &Path) -> Manifest {
        let Ok(text) = fs::read_to_string(path) else { return Manifest::default() };
        let mut entries = HashMap::new();
        for line in text.lines() {
            let mut parts = line.splitn(3, ' ');
            let (Some(size), Some(mtime), Some(rel)) = (parts.next(), parts.next(), parts.next())
            else {
                return Manifest::default(); // damaged: index everything again
            };
            let (Ok(size), Ok(mtime_ns)) = (size.parse(), mtime.parse()) else {
                return Manifest::default();
            };
            entries.insert(rel.to_string(), Stamp { size, mtime_ns });
        }
        Manifest { entries }
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        let mut text = String::with_capacity(self.entries.len() * 48);
        for (rel, s) in &self.entries {
            text.push_str(&format!("{} {} {rel}\n", s.size, s.mtime_ns));
        }
        write::replace(path, text.as_bytes())
    }
}

/// Files to (re-)index and paths to drop, comparing a walk with the manifest.
#[derive(Debug, Default)]
pub struct Changes {
    pub changed: Vec<Found>,
    pub removed: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

pub fn diff(manifest: &Manifest, found: &[Found]) -> Changes {
    let mut changes = Changes::default();
    let mut seen = std::collections::HashSet::with_capacity(found.len());
    for f in found {
        seen.insert(f.rel.as_str());
        if manifest.entries.get(&f.rel) != Some(&f.stamp) {
            changes.changed.push(f.clone());
        }
    }
    changes.removed =
        manifest.entries.keys().filter(|rel| !seen.contains(rel.as_str())).cloned().collect();
    changes
}

pub fn manifest_path(index_dir: &Path) -> PathBuf {
    index_dir.join("rolo-manifest")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let m = Manifest { entries: found.iter().map(|f| (f.rel.clone(), f.stamp)).collect() };
        let path = root.join("manifest");
        m.save(&path).unwrap();
        let m = Manifest::load(&path);
        assert!(diff(&m, &found).is_empty());
        fs::write(root.join("contacts/a.md"), "+++\nname = \"A\"\n+++\n").unwrap();
        fs::remove_file(root.join("notes/2026/2026-01-01-a.md")).unwrap();
        let d = diff(&m, &scan(root).unwrap());
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.removed, ["notes/2026/2026-01-01-a.md"]);
    }
}
