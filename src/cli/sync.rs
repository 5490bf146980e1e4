//! `rolo sync [--remote NAME] [--continue | --abort]`: the book and its git remote, both
//! ways, with records merged key by key; a summary line, or the conflicts per field with
//! exactly what to do next.

use serde_json::{Value as Json, json};

use rolo::sync::{self, Item, Options, Outcome, Report, Stopped};

use super::{CliError, CliResult, Context};

/// Sync the book with its git remote: commit, fetch, merge records key by key, push
///
/// Records changed outside rolo are committed first (with `[git] autocommit`), the
/// remote's commits are fetched and the local ones replayed on top of them (a rebase),
/// then pushed. Two sides that changed different keys of one record merge cleanly; the
/// same key changed on both sides stops the sync and names the record, the field and both
/// values: fix the file, then `rolo sync --continue`, or `rolo sync --abort`.
#[derive(clap::Args, Debug)]
pub struct SyncArgs {
    /// The remote to sync with (default: the branch's upstream, else origin)
    #[arg(long, value_name = "NAME")]
    remote: Option<String>,
    /// Go on with a sync that stopped on conflicts, once the files are fixed
    #[arg(long = "continue", conflicts_with_all = ["abort", "remote"])]
    resume: bool,
    /// Stop a sync that stopped on conflicts and return to where the book was before it
    #[arg(long, conflicts_with = "remote")]
    abort: bool,
}

pub fn run(ctx: &Context, a: &SyncArgs) -> CliResult {
    let book = ctx.open_book_quietly()?;
    let mut waiting = |holder: Option<rolo::change::lock::Holder>| match holder {
        Some(h) => ctx.out.status(format_args!("Waiting for {h} to finish…")),
        None => ctx.out.status("Waiting for another rolo to finish changing the book…"),
    };
    if a.abort {
        sync::abort(&book, &mut waiting)?;
        ctx.out.status("Sync aborted: the book is back where it was before the sync.");
        return Ok(());
    }
    let outcome = if a.resume {
        sync::resume(&book, &mut waiting)?
    } else {
        sync::sync(&book, &Options { remote: a.remote.clone() }, &mut waiting)?
    };
    match outcome {
        Outcome::Done(report) => done(ctx, &report),
        Outcome::Stopped(stopped) => conflicts(ctx, &stopped),
    }
}

fn done(ctx: &Context, report: &Report) -> CliResult {
    if !report.committed_first.is_empty() {
        ctx.out.status(format_args!(
            "Committed changes made outside rolo first: {}.",
            report.committed_first.join(", ")
        ));
    }
    if ctx.out.json {
        let mut value = serde_json::to_value(report).unwrap_or(Json::Null);
        value["status"] = json!("done");
        ctx.out.print_json(&value)?;
    }
    ctx.out.status(summary(report));
    Ok(())
}

/// `contacts/anna-petrova.md` → `contact/anna-petrova`, the REF `rolo edit` takes.
fn reference(path: &str) -> String {
    let stem = std::path::Path::new(path).file_stem().map(|s| s.to_string_lossy().into_owned());
    rolo::Kind::ALL
        .iter()
        .find(|k| path.starts_with(&format!("{}/", k.dir())))
        .zip(stem)
        .map_or_else(|| path.to_string(), |(k, id)| format!("{k}/{id}"))
}

/// `pulled 3 changes (2 contacts, 1 deal), pushed 2 (2 tasks)`, or `up to date`.
pub fn summary(report: &Report) -> String {
    if report.pulled.is_empty() && report.pushed.is_empty() && report.pushed_commits == 0 {
        return "Up to date.".to_string();
    }
    let side = |verb: &str, items: &[Item]| {
        let n = items.len();
        let mut kinds: Vec<(rolo::Kind, usize)> = Vec::new();
        for item in items {
            match kinds.iter_mut().find(|(k, _)| *k == item.kind) {
                Some((_, c)) => *c += 1,
                None => kinds.push((item.kind, 1)),
            }
        }
        kinds.sort();
        let detail: Vec<String> = kinds
            .iter()
            .map(|(k, c)| format!("{c} {}", if *c == 1 { k.name() } else { k.dir() }))
            .collect();
        let changes = if n == 1 { "change" } else { "changes" };
        if detail.is_empty() {
            format!("{verb} {n} {changes}")
        } else {
            format!("{verb} {n} {changes} ({})", detail.join(", "))
        }
    };
    if report.pushed.is_empty() && report.pushed_commits > 0 {
        // The first push to a remote without the branch: the whole history went out.
        let n = report.pushed_commits;
        let commits = if n == 1 { "commit" } else { "commits" };
        return format!("{}, pushed {n} {commits}.", side("pulled", &report.pulled));
    }
    format!("{}, {}.", side("pulled", &report.pulled), side("pushed", &report.pushed))
}

fn conflicts(ctx: &Context, stopped: &Stopped) -> CliResult {
    if ctx.out.json {
        let mut value = serde_json::to_value(stopped).unwrap_or(Json::Null);
        value["status"] = json!("stopped");
        ctx.out.print_json(&value)?;
    }
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_string());
    for record in &stopped.conflicts {
        for f in &record.fields {
            let line = match (f.key.as_str(), &f.remote, &f.local) {
                ("file", None, _) => {
                    format!("{}: removed (remote) vs changed (local)", record.path)
                }
                ("file", _, None) => {
                    format!("{}: changed (remote) vs removed (local)", record.path)
                }
                ("body", _, _) => format!("{}: body: changed on both sides", record.path),
                (key, remote, local) => format!(
                    "{}: {key}: {} (remote) vs {} (local)",
                    record.path,
                    shown(remote),
                    shown(local)
                ),
            };
            ctx.out.status(line);
        }
    }
    let first = stopped.conflicts.first().map_or_else(|| "REF".to_string(), |c| reference(&c.path));
    Err(CliError::Failed(format!(
        "the sync stopped on conflicts; nothing was pushed\n\
         hint: in each file keep one side between the <<<<<<< and >>>>>>> lines (`rolo edit` opens it, \
         e.g. `rolo edit {first}`; a removed record: delete the file to remove it, keep it to keep it), \
         then run `rolo sync --continue`; or `rolo sync --abort` to return to where the book was before the sync"
    )))
}
