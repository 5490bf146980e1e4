//! `rolo forget`: erase a person from the book, as one change (one commit, or nothing):
//! their file; the notes and tasks that are only about them; and their place in every
//! other record (`about` entries, a deal's `contact`, `relations` entries), which stays.
//! The commit names the id, never the name.
//!
//! [`plan`] decides from the loaded book and writes nothing (what `--dry-run` shows);
//! [`stage`] plans the same in a [`Change`], reading each file again under its lock.
//! Git keeps what it committed, and the search index keeps deleted documents until its
//! segments merge: [`purge_caches`] rebuilds rolo's caches; rewriting git history is the
//! person's decision, with the paths [`history_paths`] gives.

use std::path::{Path, PathBuf};

use toml_edit::{Item, Value};

use crate::book::{Book, Loaded};
use crate::change::Change;
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::links;
use crate::model::reference::Entry;
use crate::model::{Kind, Record};
use crate::privacy;
use crate::store::edit;

/// What forgetting a person does to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    Keep,
    /// The keys that named them (`about`, `contact`, `relations`), now without them.
    Edit(Vec<&'static str>),
    /// Their own record, or a note or task about nobody else.
    Remove,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub person: Entry,
    /// The person's title as written, for the person at the terminal (never committed).
    pub title: String,
    /// Files that go, the person's first.
    pub removed: Vec<(Entry, PathBuf)>,
    /// Files that stay without them.
    pub edited: Vec<Edited>,
    /// Files that stay and still hold their name, an email or a phone in their text.
    pub mentions: Vec<PathBuf>,
    /// What identifies them in text: name, emails, phones.
    pub identifiers: Vec<String>,
}

/// A record that stays, without the person.
#[derive(Debug, Clone)]
pub struct Edited {
    pub entry: Entry,
    pub path: PathBuf,
    /// The keys that named them.
    pub keys: Vec<&'static str>,
    /// A note whose id was made from theirs (`2026-11-20-anna-petrova`) gets one made
    /// from the first record it is still about: the id to start from.
    pub rename: Option<String>,
}

/// The commit message: the id only, so the history does not repeat the name.
pub fn message(person: &Entry) -> String {
    format!("{}: forget {}", person.kind, person.id)
}

/// Take `person` out of `record`, as forgetting them would.
pub fn strip(record: &mut Record, person: &Entry) -> Result<Fate> {
    if record.kind == person.kind && record.id == person.id {
        return Ok(Fate::Remove);
    }
    let mut keys = Vec::new();
    if matches!(record.kind, Kind::Note | Kind::Task) {
        let about: Vec<String> = record.strs("about").iter().map(|s| s.to_string()).collect();
        let naming: Vec<String> =
            about.iter().filter(|v| privacy::names(v, person)).cloned().collect();
        if !naming.is_empty() {
            if naming.len() == about.len() {
                return Ok(Fate::Remove);
            }
            edit::remove_strs(&mut record.doc, &["about"], &naming)?;
            keys.push("about");
        }
    }
    for (key, expected) in crate::model::schema::link_keys(record.kind) {
        if *key == "about" {
            continue;
        }
        let names_them = record.str(key).is_some_and(|v| {
            links::targets(v, *expected).contains(&(person.kind, person.id.as_str()))
        });
        if names_them {
            edit::unset(&mut record.doc, &[key])?;
            keys.push(key);
        }
    }
    if drop_relations(record, person) {
        keys.push("relations");
    }
    Ok(if keys.is_empty() { Fate::Keep } else { Fate::Edit(keys) })
}

/// Remove the `relations` entries pointing at `person` (the key too when none is left).
fn drop_relations(record: &mut Record, person: &Entry) -> bool {
    let names = |to: Option<&str>| to.is_some_and(|t| privacy::names(t, person));
    let (changed, empty) = match record.doc.get_mut("relations") {
        Some(Item::Value(Value::Array(entries))) => {
            let before = entries.len();
            let first_prefix = entries.get(0).and_then(|v| v.decor().prefix()).cloned();
            entries.retain(|e| !names(e.as_inline_table().and_then(|t| t.get("to")?.as_str())));
            // The new first entry takes the old first one's spacing: `[{ … }]`, not `[ { … }]`.
            if let (Some(prefix), Some(first)) = (first_prefix, entries.get_mut(0)) {
                first.decor_mut().set_prefix(prefix);
            }
            (entries.len() != before, entries.is_empty())
        }
        Some(Item::ArrayOfTables(tables)) => {
            let before = tables.len();
            tables.retain(|t| !names(t.get("to").and_then(Item::as_str)));
            (tables.len() != before, tables.is_empty())
        }
        _ => (false, false),
    };
    if changed && empty {
        record.doc.remove("relations");
    }
    changed
}

/// What forgetting `person` would do to the book `loaded` holds; writes nothing.
pub fn plan(loaded: &Loaded, person: &Entry) -> Result<Plan> {
    let own = loaded
        .records
        .iter()
        .find(|r| r.kind == person.kind && r.id == person.id)
        .ok_or_else(|| Error::Usage(format!("{} could not be read", person.qualified())))?;
    let identifiers = privacy::identifiers(own);
    let mut removed = vec![(person.clone(), own.path.clone())];
    let mut edited = Vec::new();
    let mut kept: Vec<Record> = Vec::new();
    for record in &loaded.records {
        if record.kind == person.kind && record.id == person.id {
            continue;
        }
        let entry = Entry { kind: record.kind, id: record.id.clone() };
        let mut changed = record.clone();
        match strip(&mut changed, person)? {
            Fate::Remove => removed.push((entry, record.path.clone())),
            Fate::Edit(keys) => {
                let rename = renamed(&changed, person);
                edited.push(Edited { entry, path: record.path.clone(), keys, rename });
                kept.push(changed);
            }
            Fate::Keep => kept.push(changed),
        }
    }
    let mentions =
        privacy::mentions(&kept, &identifiers).into_iter().map(|r| r.path.clone()).collect();
    Ok(Plan { person: person.clone(), title: own.title(), removed, edited, mentions, identifiers })
}

/// The id a note named after `person` starts from once they are gone: its date and the
/// id of the first record it is still about (`None` when its id is not theirs).
fn renamed(note: &Record, person: &Entry) -> Option<String> {
    if note.kind != Kind::Note {
        return None;
    }
    let (date, rest) = (note.id.get(..10)?, note.id.get(11..)?);
    let theirs = rest == person.id
        || rest
            .strip_prefix(person.id.as_str())
            .and_then(|s| s.strip_prefix('-'))
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    if !theirs {
        return None;
    }
    let first =
        note.strs("about").first().map(|v| v.rsplit('/').next().unwrap_or(v).to_string())?;
    Some(format!("{date}-{first}"))
}

/// Plan `plan` in `change`: each record to edit is read again under the change's lock
/// and stripped again, so a file edited by hand since [`plan`] loses only the person.
pub fn stage(change: &mut Change, plan: &Plan) -> Result<()> {
    for (_, path) in &plan.removed {
        change.remove(path)?;
    }
    for e in &plan.edited {
        let mut record = change.read(&e.entry, &e.path)?;
        match strip(&mut record, &plan.person)? {
            Fate::Remove => change.remove(&e.path)?,
            Fate::Edit(_) => match &e.rename {
                Some(base) => {
                    change.create(&mut record, base)?;
                    change.remove(&e.path)?;
                }
                None => {
                    change.save(&record)?;
                }
            },
            Fate::Keep => {}
        }
    }
    Ok(())
}

/// The paths whose history holds the person, relative to the git repository's top (the
/// book may be a folder inside it), for `git filter-repo --path`: the files removed, and
/// the old names of the notes renamed.
pub fn history_paths(book: &Book, plan: &Plan) -> Vec<String> {
    let root = book.root();
    let prefix = crate::git::toplevel(root)
        .and_then(|top| {
            let top = top.canonicalize().ok()?;
            let root = root.canonicalize().ok()?;
            root.strip_prefix(&top).ok().map(Path::to_path_buf)
        })
        .unwrap_or_default();
    let renamed = plan.edited.iter().filter(|e| e.rename.is_some()).map(|e| &e.path);
    plan.removed
        .iter()
        .map(|(_, path)| path)
        .chain(renamed)
        .map(|path| prefix.join(path).to_string_lossy().replace('\\', "/"))
        .collect()
}

/// After the change: drop what rolo's caches under `.rolo/` still hold of the person.
/// The search index is rebuilt (its segments keep deleted documents, and its rows and
/// look-ups are cut from them); scratch copies of removed records left by `rolo edit`, and
/// rolo's versions of them set aside by a change, are deleted.
pub fn purge_caches(book: &Book, plan: &Plan) -> Result<()> {
    SearchIndex::rebuild(book, &mut |_, _| {})?;
    let cache = book.root().join(".rolo");
    for (entry, path) in &plan.removed {
        for name in [
            format!("{}-{}.md", entry.kind, entry.id),
            format!("{}-{}.md.base", entry.kind, entry.id),
        ] {
            remove_if_there(&cache.join("edit").join(name))?;
        }
        if let Ok(sets) = std::fs::read_dir(cache.join("recovered")) {
            for set in sets.flatten() {
                remove_if_there(&set.path().join(path))?;
            }
        }
    }
    Ok(())
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;
    use crate::model::record::test_record;

    fn anna() -> Entry {
        Entry { kind: Kind::Contact, id: "anna".into() }
    }

    #[test]
    fn strip_keeps_what_is_about_others() {
        let mut shared =
            test_record(Kind::Note, "n", "about = [\"anna\", \"ivan\"] # both\nkind = \"call\"");
        assert_eq!(strip(&mut shared, &anna()).unwrap(), Fate::Edit(vec!["about"]));
        assert!(shared.to_text().contains("about = [\"ivan\"] # both"), "{}", shared.to_text());
        let mut only = test_record(Kind::Note, "m", "about = [\"contact/anna\"]");
        assert_eq!(strip(&mut only, &anna()).unwrap(), Fate::Remove);
        let mut lone = test_record(Kind::Task, "t", "about = \"anna\"");
        assert_eq!(strip(&mut lone, &anna()).unwrap(), Fate::Remove);
        let mut deal = test_record(
            Kind::Deal,
            "d",
            "title = \"Сайт\"\ncontact = \"anna\"\ncompany = \"acme\"",
        );
        assert_eq!(strip(&mut deal, &anna()).unwrap(), Fate::Edit(vec!["contact"]));
        assert_eq!(deal.to_text(), "+++\ntitle = \"Сайт\"\ncompany = \"acme\"\n+++\n");
        let mut other = test_record(Kind::Note, "o", "about = [\"ivan\"]");
        assert_eq!(strip(&mut other, &anna()).unwrap(), Fate::Keep);
    }

    #[test]
    fn relations_lose_only_their_entries() {
        let mut ivan = test_record(
            Kind::Contact,
            "ivan",
            "name = \"Иван\"\nrelations = [{ to = \"anna\", kind = \"spouse\" }, { to = \"acme\", kind = \"works-at\" }]",
        );
        assert_eq!(strip(&mut ivan, &anna()).unwrap(), Fate::Edit(vec!["relations"]));
        assert!(ivan.to_text().contains("relations = [{ to = \"acme\", kind = \"works-at\" }]"));
        let mut tables = test_record(
            Kind::Company,
            "acme",
            "name = \"Acme\"\n[[relations]]\nto = \"contact/anna\"\nkind = \"client\"",
        );
        assert_eq!(strip(&mut tables, &anna()).unwrap(), Fate::Edit(vec!["relations"]));
        assert_eq!(tables.to_text(), "+++\nname = \"Acme\"\n+++\n");
    }

    #[test]
    fn a_plan_lists_removed_edited_and_mentions() {
        let mut anna_rec = test_record(Kind::Contact, "anna", "name = \"Анна Петрова\"");
        anna_rec.body = "private\n".into();
        let mut shared = test_record(Kind::Note, "n", "about = [\"anna\", \"ivan\"]");
        shared.body = "Анна Петрова и Иван\n".into();
        let named = test_record(
            Kind::Note,
            "2026-11-20-anna-2",
            "about = [\"contact/anna\", \"company/acme\"]",
        );
        let only = test_record(Kind::Note, "m", "about = [\"anna\"]");
        let unrelated = test_record(Kind::Note, "u", "about = [\"ivan\"]");
        let loaded = Catalog::new(vec![anna_rec, shared, only, unrelated, named], Vec::new());
        let plan = plan(&loaded, &anna()).unwrap();
        let removed: Vec<&str> = plan.removed.iter().map(|(e, _)| e.id.as_str()).collect();
        assert_eq!(removed, ["anna", "m"]);
        assert_eq!(plan.edited.len(), 2);
        let rename =
            |id: &str| plan.edited.iter().find(|e| e.entry.id == id).unwrap().rename.clone();
        assert_eq!(rename("n"), None);
        assert_eq!(rename("2026-11-20-anna-2").as_deref(), Some("2026-11-20-acme"));
        assert_eq!(plan.mentions, [PathBuf::from("notes/n.md")]);
        assert_eq!(message(&plan.person), "contact: forget anna");
    }
}
