//! `rolo merge KEEP OTHER [--dry-run]`: fold a duplicate into the record kept, as one
//! commit. The merge itself is the library's ([`rolo::dedupe`]); this file resolves
//! the two REFs, finds who links to OTHER, and renders the plan.

use serde_json::{Map, Value as Json, json};

use rolo::dedupe::{self, Merged};
use rolo::model::reference::Entry;
use rolo::{Book, Error, Kind};

use super::{CliError, CliResult, Context};

/// Merge a duplicate into the record kept: lists joined, links moved, nothing lost
///
/// Contacts, companies or deals, both of one kind. KEEP's values win; OTHER's keys that
/// KEEP lacks are added; list items (emails, phones, tags …) are joined; OTHER's values
/// that differ are written in KEEP's body under "## Merged from TYPE/OTHER", followed by
/// OTHER's body. Every link to OTHER (company, contact, about, relations) then names
/// KEEP, and OTHER's file is removed: one commit, with a Rolo-Merged-From trailer.
#[derive(clap::Args, Debug)]
#[command(after_long_help = "\
--json: the plan as an object {\"keep\", \"other\", \"dry_run\", \"added\", \"extended\",
\"kept_in_body\", \"history_added\", \"body_joined\", \"relinked\", \"removed\"}.")]
pub struct MergeArgs {
    /// The record kept: id, type/id or unique prefix
    keep: String,
    /// The duplicate, merged into KEEP and then removed
    other: String,
    /// Print what would change, and change nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run(ctx: &Context, a: &MergeArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (keep, keep_rel) = book.resolve(&a.keep, &Kind::ALL)?;
    let (other, other_rel) = resolve_other(&book, &a.other, keep.kind)?;
    dedupe::mergeable(&keep, &other)?;
    let merged = if a.dry_run {
        let linking = linking(ctx, &book, &other)?;
        dedupe::plan(&book, (&keep, &keep_rel), (&other, &other_rel), &linking)?
    } else {
        // Under the write lock, so that no rolo adds a link to OTHER in between.
        let mut change = ctx.change(&book, "merge")?;
        let linking = linking(ctx, &book, &other)?;
        let merged =
            dedupe::merge(&mut change, (&keep, &keep_rel), (&other, &other_rel), &linking)?;
        ctx.finish(change, &merged.message())?;
        merged
    };
    if ctx.out.json {
        ctx.out.print_json(&plan_json(&merged, a.dry_run))?;
    } else if a.dry_run {
        render_plan(ctx, &merged)?;
    }
    if !a.dry_run {
        let n = merged.relinked.iter().filter(|r| r.entry != merged.keep).count();
        let s = if n == 1 { "" } else { "s" };
        ctx.out.status(format_args!(
            "Merged {} into {}; updated {n} record{s} linking to it.",
            merged.other.qualified(),
            merged.keep.qualified()
        ));
    }
    Ok(())
}

/// OTHER's REF; an id that several kinds have is taken as KEEP's kind.
fn resolve_other(
    book: &Book,
    reference: &str,
    kind: Kind,
) -> Result<(Entry, std::path::PathBuf), CliError> {
    match book.resolve(reference, &Kind::ALL) {
        Err(Error::AmbiguousRef { .. }) if book.resolve(reference, &[kind]).is_ok() => {
            Ok(book.resolve(reference, &[kind])?)
        }
        other => Ok(other?),
    }
}

fn linking(
    ctx: &Context,
    book: &Book,
    other: &Entry,
) -> Result<Vec<(Entry, std::path::PathBuf)>, CliError> {
    Ok(dedupe::linking(book, &ctx.source(book)?, other)?)
}

/// The plan, for a person: what changes in each file.
fn render_plan(ctx: &Context, m: &Merged) -> CliResult {
    let out = &ctx.out;
    out.line(format_args!(
        "Would merge {} into {} (nothing is written with --dry-run):",
        m.other.qualified(),
        m.keep.qualified()
    ))?;
    out.line(format_args!("  {}", m.keep_path.display()))?;
    if !m.added.is_empty() {
        out.line(format_args!("    add {}", m.added.join(", ")))?;
    }
    for (key, items) in &m.extended {
        out.line(format_args!("    add to {key}: {}", items.join(", ")))?;
    }
    if m.history > 0 {
        out.line(format_args!("    add {} [[history]] entries", m.history))?;
    }
    for (key, value) in &m.kept {
        out.line(format_args!("    keep in the body: {key}: {value}"))?;
    }
    if m.body {
        out.line(format_args!(
            "    write under \"## Merged from {}\" in the body",
            m.other.qualified()
        ))?;
    }
    for r in &m.relinked {
        let prefix = if r.entry == m.keep { "    " } else { "  " };
        let place =
            if r.entry == m.keep { String::new() } else { format!("{}: ", r.path.display()) };
        out.line(format_args!("{prefix}{place}{} → {}", r.keys.join(", "), m.keep.id))?;
    }
    out.line(format_args!("  {}: remove", m.other_path.display()))?;
    Ok(())
}

fn plan_json(m: &Merged, dry_run: bool) -> Json {
    let entry = |e: &Entry, path: &std::path::Path| json!({"type": e.kind.name(), "id": e.id, "path": path.to_string_lossy().replace('\\', "/")});
    let extended: Map<String, Json> =
        m.extended.iter().map(|(k, items)| (k.clone(), json!(items))).collect();
    let kept: Map<String, Json> =
        m.kept.iter().map(|(k, v)| (k.clone(), Json::String(v.clone()))).collect();
    let relinked: Vec<Json> = m
        .relinked
        .iter()
        .map(|r| {
            let mut o = entry(&r.entry, &r.path);
            o["keys"] = json!(r.keys);
            o
        })
        .collect();
    json!({
        "keep": entry(&m.keep, &m.keep_path),
        "other": entry(&m.other, &m.other_path),
        "dry_run": dry_run,
        "added": m.added,
        "extended": extended,
        "kept_in_body": kept,
        "history_added": m.history,
        "body_joined": m.body,
        "relinked": relinked,
        "removed": m.other_path.to_string_lossy().replace('\\', "/"),
    })
}
