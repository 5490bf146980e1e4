//! Contacts → a vdir: a folder of one `.vcf` per contact named by its card's UID
//! (`<uid>.vcf`), the layout khard and vdirsyncer use, so that vdirsyncer can carry the
//! contacts to a CardDAV server and from there to phones.
//!
//! An export brings the folder in step with the contacts it is given: a card whose bytes
//! changed is rewritten (atomically, through [`crate::store::write`]; the folder is the
//! book's export, rebuilt from it at will, so it is flushed to disk once rather than per
//! card); an unchanged one
//! is not touched, so its mtime stays and a sync sees nothing to do; the card of a
//! contact no longer exported is removed. rolo changes only files it wrote itself: their
//! names are kept in [`MANIFEST`] in the folder. Any other file, one with the very name
//! rolo would write included, is left as it is and reported. The cards themselves are
//! [`super::write`]'s.

use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use super::{Version, write};
use crate::book::Loaded;
use crate::error::{Error, IoContext, Result};
use crate::model::Record;
use crate::store;

/// The names of the files rolo wrote in the folder, one per line.
pub const MANIFEST: &str = ".rolo-vdir";

const MANIFEST_HEADER: &str = "# Written by `rolo export vcard --vdir`: the files rolo wrote here, the only ones it changes or removes.\n";

/// What an export did to the folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Synced {
    /// Files written because they were new or their card changed, by name.
    pub written: Vec<String>,
    /// Files whose card was the same, left untouched.
    pub unchanged: usize,
    /// Files of contacts no longer exported, removed.
    pub removed: Vec<String>,
    /// Files rolo would have written that it did not write before (a card from
    /// elsewhere with the same UID): left as they are.
    pub foreign: Vec<String>,
}

/// Bring `dir` in step with `records` (contacts): see the module's documentation.
pub fn export(dir: &Path, records: &[&Record], book: &Loaded, version: Version) -> Result<Synced> {
    fs::create_dir_all(dir).at(dir)?;
    let manifest = dir.join(MANIFEST);
    let before = match fs::read_to_string(&manifest) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&manifest, e)),
    };
    let ours_before: BTreeSet<String> = names_in(&before);
    let mut cards: Vec<(String, String)> = Vec::with_capacity(records.len());
    let mut taken = BTreeSet::new();
    for r in records {
        let uid = write::uid(r, version);
        let mut name = file_name(&uid);
        if taken.contains(&name) {
            // Two contacts with one UID (a card imported twice): both are written, the
            // second under a name made from its id as well.
            name = file_name(&format!("{uid}/{}", r.id));
        }
        taken.insert(name.clone());
        let mut text = String::new();
        write::card_in(&mut text, r, book, version);
        cards.push((name, text));
    }
    let mut synced = Synced::default();
    let mut to_write: Vec<(&str, &str)> = Vec::new();
    for (name, text) in &cards {
        let path = dir.join(name);
        let ours = ours_before.contains(name);
        match fs::read(&path) {
            Ok(_) if !ours => synced.foreign.push(name.clone()),
            Ok(bytes) if bytes == text.as_bytes() => synced.unchanged += 1,
            Ok(_) => to_write.push((name, text)),
            Err(e) if e.kind() == ErrorKind::NotFound => to_write.push((name, text)),
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    let ours_after: BTreeSet<String> =
        cards.iter().map(|(n, _)| n.clone()).filter(|n| !synced.foreign.contains(n)).collect();
    // The manifest names every file before it is written, so that a killed export never
    // leaves a file of rolo's that the next one would take for someone else's.
    let planned: BTreeSet<String> =
        ours_before.iter().cloned().chain(to_write.iter().map(|(n, _)| n.to_string())).collect();
    if planned != ours_before {
        store::write::replace(&manifest, manifest_text(&planned).as_bytes())?;
    }
    // Each card atomically (a reader sees the old card or the new one), but without a
    // flush of every file: at thousands of cards those cost seconds, and a card lost to
    // a crash is in the manifest already, so the next export sees its bytes differ and
    // writes it again. The folder, and then the manifest, are flushed once.
    for (name, text) in to_write {
        store::write::replace_cache(&dir.join(name), text.as_bytes())?;
        synced.written.push(name.to_string());
    }
    if !synced.written.is_empty() {
        store::write::sync_dir_path(dir);
    }
    for name in ours_before.difference(&ours_after) {
        let path = dir.join(name);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() => {
                fs::remove_file(&path).at(&path)?;
                synced.removed.push(name.clone());
            }
            // Gone already, or replaced by something that is no card of rolo's.
            _ => {}
        }
    }
    if !synced.removed.is_empty() {
        store::write::sync_dir_path(dir);
    }
    let after = manifest_text(&ours_after);
    if after != before {
        store::write::replace(&manifest, after.as_bytes())?;
    }
    Ok(synced)
}

/// The file a card is written to: `<uid>.vcf`, without a `urn:uuid:` prefix; a UID that
/// is not safe as a file name (a `/`, spaces, a leading dot, very long) gives a name
/// made from it instead, the same every time.
pub fn file_name(uid: &str) -> String {
    let uid = uid.trim();
    let bare = match uid.get(..9) {
        Some(p) if p.eq_ignore_ascii_case("urn:uuid:") => &uid[9..],
        _ => uid,
    };
    let safe = !bare.is_empty()
        && bare.len() <= 200
        && !bare.starts_with('.')
        && bare.chars().all(|c| c.is_ascii_alphanumeric() || "-_.@".contains(c));
    if safe {
        format!("{bare}.vcf")
    } else {
        let namespace = uuid::Uuid::from_u128(0x3f0d_1a6e_88c2_4b1f_a7d5_6c0e_91b2_4e58);
        format!("{}.vcf", uuid::Uuid::new_v5(&namespace, uid.as_bytes()))
    }
}

/// The file names a manifest lists. Anything that is not a plain `.vcf` name in the
/// folder itself is ignored, so that a damaged or hand-edited manifest can never make
/// rolo remove a file elsewhere.
fn names_in(manifest: &str) -> BTreeSet<String> {
    manifest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| {
            l.ends_with(".vcf")
                && !l.starts_with('.')
                && !l.contains(['/', '\\'])
                && Path::new(l).file_name().is_some_and(|f| f == *l)
        })
        .map(String::from)
        .collect()
}

fn manifest_text(names: &BTreeSet<String>) -> String {
    let mut text = String::from(MANIFEST_HEADER);
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn contact(id: &str, toml: &str) -> Record {
        let mut r = Record::new(Kind::Contact, id.into(), format!("contacts/{id}.md").into());
        r.doc = toml.parse().unwrap();
        r
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn file_names_from_uids() {
        assert_eq!(file_name("urn:uuid:1F2E-ab"), "1F2E-ab.vcf");
        assert_eq!(file_name("abc@example.com"), "abc@example.com.vcf");
        for unsafe_uid in ["../etc/passwd", "a b", ".hidden", "", "ключ"] {
            let name = file_name(unsafe_uid);
            assert!(name.ends_with(".vcf") && name.len() == 40, "{unsafe_uid} → {name}");
            assert_eq!(name, file_name(unsafe_uid), "stable");
        }
        assert_ne!(file_name("a b"), file_name("a  b"));
    }

    #[test]
    fn a_manifest_never_names_files_elsewhere() {
        let names =
            names_in("# header\na.vcf\n../b.vcf\n/etc/c.vcf\n.d.vcf\ne.txt\nsub\\f.vcf\n g.vcf \n");
        assert_eq!(names.into_iter().collect::<Vec<_>>(), ["a.vcf", "g.vcf"]);
    }

    #[test]
    fn export_writes_changes_and_removes_only_its_own_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("contacts");
        let book = Loaded::default();
        let anna = contact("anna-petrova", "name = \"Анна Петрова\"\nuid = \"anna-uid\"");
        let wang = contact("wang-xiao-ming", "name = \"王小明\"");
        let wang_file = file_name(&write::uid(&wang, Version::V4));
        let first = export(&dir, &[&anna, &wang], &book, Version::V4).unwrap();
        assert_eq!(first.written, vec!["anna-uid.vcf".to_string(), wang_file.clone()]);
        let mut all = vec![MANIFEST.to_string(), "anna-uid.vcf".into(), wang_file.clone()];
        all.sort();
        assert_eq!(files(&dir), all);
        let again = export(&dir, &[&anna, &wang], &book, Version::V4).unwrap();
        assert_eq!(again, Synced { unchanged: 2, ..Synced::default() });

        // Someone else's card with Anna's UID, and another file: never touched.
        fs::write(dir.join("notes.txt"), "mine").unwrap();
        fs::remove_file(dir.join("anna-uid.vcf")).unwrap();
        fs::write(dir.join("anna-uid.vcf"), "BEGIN:VCARD\r\nEND:VCARD\r\n").unwrap();
        let manifest = fs::read_to_string(dir.join(MANIFEST)).unwrap();
        fs::write(dir.join(MANIFEST), manifest.replace("anna-uid.vcf\n", "")).unwrap();
        let third = export(&dir, &[&anna], &book, Version::V4).unwrap();
        assert_eq!(third.foreign, ["anna-uid.vcf"]);
        assert_eq!(third.removed, [wang_file]);
        assert_eq!(
            fs::read_to_string(dir.join("anna-uid.vcf")).unwrap(),
            "BEGIN:VCARD\r\nEND:VCARD\r\n"
        );
        assert_eq!(fs::read_to_string(dir.join("notes.txt")).unwrap(), "mine");
        assert_eq!(files(&dir), [MANIFEST, "anna-uid.vcf", "notes.txt"]);
        assert_eq!(fs::read_to_string(dir.join(MANIFEST)).unwrap(), MANIFEST_HEADER);
    }

    #[test]
    fn two_contacts_with_one_uid_get_two_files() {
        let tmp = tempfile::tempdir().unwrap();
        let a = contact("a", "name = \"A\"\nuid = \"same\"");
        let b = contact("b", "name = \"B\"\nuid = \"same\"");
        let synced = export(tmp.path(), &[&a, &b], &Loaded::default(), Version::V3).unwrap();
        assert_eq!(synced.written.len(), 2);
        assert_eq!(synced.written[0], "same.vcf");
        assert_ne!(synced.written[1], "same.vcf");
    }
}
