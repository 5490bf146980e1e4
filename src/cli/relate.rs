//! `rolo relate A KIND B` and `rolo unrelate A B [KIND]`: relationships between people
//! and companies, one commit each.

use super::{CliError, CliResult, Context};

/// Relate two contacts or companies: B is A's KIND (spouse, parent, manager, referred_by, …)
#[derive(clap::Args, Debug)]
pub struct RelateArgs {
    /// The contact or company the relation is written on
    a: String,
    /// What B is to A: spouse, parent, manager, referred_by, "former employee", …
    kind: String,
    /// The other contact or company
    b: String,
}

/// Remove the relations between two contacts or companies (on both sides)
#[derive(clap::Args, Debug)]
pub struct UnrelateArgs {
    a: String,
    b: String,
    /// Only relations of this kind, as A sees it (its own or the inverse of B's)
    kind: Option<String>,
}

pub fn run_relate(ctx: &Context, a: &RelateArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut change = ctx.change(&book, "relate")?;
    let related = rolo::relations::relate(&mut change, &a.a, &a.kind, &a.b)?;
    let from = related.from.qualified_id();
    if !related.added {
        ctx.out
            .status(format_args!("{from} and {} are related so already.", related.to.qualified()));
        return Ok(());
    }
    ctx.finish(change, &related.message(a.kind.trim()))?;
    ctx.out.status(format_args!(
        "Related {from} to {} ({}).",
        related.to.qualified(),
        a.kind.trim()
    ));
    Ok(())
}

pub fn run_unrelate(ctx: &Context, a: &UnrelateArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut change = ctx.change(&book, "unrelate")?;
    let done = rolo::relations::unrelate(&mut change, &a.a, &a.b, a.kind.as_deref())?;
    let (x, y) = (done.a.qualified_id(), done.b.qualified_id());
    if done.removed.is_empty() {
        let what = a.kind.as_deref().map(|k| format!(" as {k}")).unwrap_or_default();
        return Err(CliError::Failed(format!("{x} and {y} are not related{what}")));
    }
    ctx.finish(change, &done.message())?;
    for (holder, r) in &done.removed {
        ctx.out.status(format_args!("Removed {} → {} ({}).", holder.qualified(), r.to, r.kind));
    }
    Ok(())
}
