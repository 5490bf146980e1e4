//! `rolo rm` (saying which records still link to it) and `rolo rename` (rewriting
//! every link in the same commit).

use rolo::{Kind, links};

use super::{CliResult, Context};

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

pub fn run_rm(ctx: &Context, a: &RmArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (entry, _) = book.resolve(&a.reference, &Kind::ALL)?;
    let loaded = ctx.load(&book, &Kind::ALL)?;
    let record = book.find(&entry.qualified(), &[entry.kind])?;
    book.remove(&record)?;
    ctx.commit(
        &book,
        std::slice::from_ref(&record.path),
        &format!("{}: remove {}", entry.kind, record.title()),
    );
    ctx.out.status(format_args!("Removed {}.", entry.qualified()));
    let still: Vec<String> =
        links::backlinks(&loaded, &entry).iter().map(|r| r.qualified_id()).collect();
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
    let (entry, _) = book.resolve(&a.reference, &Kind::ALL)?;
    if entry.id == a.new_id {
        ctx.out.status("Nothing changed.");
        return Ok(());
    }
    let loaded = ctx.load(&book, &Kind::ALL)?;
    let mut record = book.find(&entry.qualified(), &[entry.kind])?;
    let old_path = book.rename(&mut record, &a.new_id)?;
    let mut paths = vec![old_path, record.path.clone()];
    for linking in links::backlinks(&loaded, &entry) {
        let mut linking = linking.clone();
        if links::rewrite(&mut linking, &entry, &a.new_id) {
            book.save(&linking)?;
            paths.push(linking.path.clone());
        }
    }
    let changed = paths.len() - 2;
    let message = format!("{}: rename {} to {}", entry.kind, entry.id, a.new_id);
    ctx.commit(&book, &paths, &message);
    let s = if changed == 1 { "" } else { "s" };
    ctx.out.status(format_args!(
        "Renamed {} to {}/{}; updated {changed} record{s} linking to it.",
        entry.qualified(),
        entry.kind,
        a.new_id
    ));
    Ok(())
}
