//! `rolo rm` (saying which records still link to it) and `rolo rename` (rewriting
//! every link in the same commit).

use std::path::PathBuf;

use rolo::model::reference::Entry;
use rolo::{Book, Kind, rename};

use super::{CliError, CliResult, Context};

/// Delete a record without prompting (and say which records still link to it)
#[derive(clap::Args, Debug)]
pub struct RmArgs {
    /// Record id, type/id or unique prefix
    reference: String,
}

/// Give a record a new id, rewriting every link to it
#[derive(clap::Args, Debug)]
pub struct RenameArgs {
    /// Record id, type/id or unique prefix
    reference: String,
    /// The new id: lowercase a-z, 0-9 words joined by '-'
    new_id: String,
}

/// Who links to `entry`: their kinds, ids and files.
fn linking(ctx: &Context, book: &Book, entry: &Entry) -> Result<Vec<(Entry, PathBuf)>, CliError> {
    Ok(ctx.source(book)?.linking_to(entry)?)
}

pub fn run_rm(ctx: &Context, a: &RmArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (entry, rel) = book.resolve(&a.reference, &Kind::ALL)?;
    let mut change = ctx.change(&book, "rm")?;
    let still: Vec<String> =
        linking(ctx, &book, &entry)?.iter().map(|(e, _)| e.qualified()).collect();
    // A file that no longer parses can still be removed: it is named by its id then.
    let title = match change.read(&entry, &rel) {
        Ok(record) => record.title(),
        Err(rolo::Error::Bad(_)) => entry.id.clone(),
        Err(e) => return Err(e.into()),
    };
    change.remove(&rel)?;
    ctx.finish(change, &format!("{}: remove {title}", entry.kind))?;
    ctx.out.status(format_args!("Removed {}.", entry.qualified()));
    if !still.is_empty() {
        ctx.out.warn(format_args!("{} still linked from: {}", entry.qualified(), still.join(", ")));
    }
    Ok(())
}

pub fn run_rename(ctx: &Context, a: &RenameArgs) -> CliResult {
    let book = ctx.open_book()?;
    if !rolo::model::id::is_valid(&a.new_id) {
        return Err(rolo::Error::InvalidId(a.new_id.clone()).into());
    }
    let (entry, rel) = book.resolve(&a.reference, &Kind::ALL)?;
    if entry.id == a.new_id {
        ctx.out.status("Nothing changed.");
        return Ok(());
    }
    // Under the write lock, so that no rolo adds a link to it in between.
    let mut change = ctx.change(&book, "rename")?;
    let linked_from = linking(ctx, &book, &entry)?;
    let renamed = rename::rename(&mut change, &entry, &rel, &a.new_id, &linked_from)?;
    ctx.finish(change, &renamed.message())?;
    let n = renamed.relinked;
    let s = if n == 1 { "" } else { "s" };
    ctx.out.status(format_args!(
        "Renamed {} to {}; updated {n} record{s} linking to it.",
        renamed.from.qualified(),
        renamed.to.qualified(),
    ));
    Ok(())
}
