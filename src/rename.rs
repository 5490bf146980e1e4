//! `rolo rename`: give a record a new id and rewrite every link to it, as one
//! transaction (the old file removed, the new one created and every linking record saved
//! together, or none of it; see [`crate::change`]).
//!
//! The commit message carries a trailer naming the old id, so history can follow the
//! record across renames without git's slow `--follow`.

use std::path::{Path, PathBuf};

use crate::change::Change;
use crate::error::Result;
use crate::links;
use crate::model::reference::Entry;

/// The commit trailer that names a renamed record's previous `type/id`.
pub const RENAMED_FROM: &str = "Rolo-Renamed-From";

#[derive(Debug)]
pub struct Renamed {
    pub from: Entry,
    pub to: Entry,
    /// How many other records had links rewritten.
    pub relinked: usize,
}

impl Renamed {
    /// `contact: rename anna to anna-ivanova`, with the trailer history follows.
    pub fn message(&self) -> String {
        format!(
            "{}: rename {} to {}\n\n{RENAMED_FROM}: {}",
            self.from.kind,
            self.from.id,
            self.to.id,
            self.from.qualified()
        )
    }
}

/// Plan the rename of `entry` (at `rel`) to `new_id` in `change`, rewriting the links of
/// `linking` (the records that link to it, as the index or the files say).
pub fn rename(
    change: &mut Change,
    entry: &Entry,
    rel: &Path,
    new_id: &str,
    linking: &[(Entry, PathBuf)],
) -> Result<Renamed> {
    let mut record = change.read(entry, rel)?;
    change.create_as(&mut record, new_id)?;
    change.remove(rel)?;
    let mut relinked = 0;
    for (other, path) in linking {
        if other == entry {
            continue;
        }
        let mut linker = change.read(other, path)?;
        if links::rewrite(&mut linker, entry, new_id) && change.save(&linker)? {
            relinked += 1;
        }
    }
    Ok(Renamed {
        from: entry.clone(),
        to: Entry { kind: entry.kind, id: new_id.to_string() },
        relinked,
    })
}
