//! `rolo search QUERY` (ranked, fielded, multilingual) and `rolo index [--rebuild]`.

use std::io::IsTerminal;

use serde_json::{Value as Json, json};

use rolo::index::{Refresh, SearchIndex};
use rolo::{Book, Error, Kind};

use super::{CliError, CliResult, Context};

/// Search every record, ranked: words (all must match), "phrases", field:value, prefix*, -exclude, OR
///
/// Fields: name, email, phone, tag, stage, company, city, owner, source, type, kind
/// (of a note), and custom fields (industry:furniture). Matching ignores case and Latin
/// diacritics; Russian and English words match their inflected forms; Chinese and
/// Japanese match any substring of two or more characters; phones match whatever the
/// punctuation. Exits 1 when nothing matches, as grep does.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// The query: 'Петрова tag:vip -stage:lost', '"website redesign" OR сайт'
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    query: Vec<String>,
    /// Only records of these types (contact, company, deal, note, task)
    #[arg(long = "type", value_name = "TYPE")]
    types: Vec<Kind>,
    /// Show at most this many results
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

/// Bring the search index up to date with the files, or rebuild it
#[derive(clap::Args, Debug)]
pub struct IndexArgs {
    /// Throw the index away and index every file again
    #[arg(long)]
    rebuild: bool,
    /// Wait until the index's last writes are on the disk (what rolo starts apart after a
    /// command that wrote without waiting)
    #[arg(long, hide = true, conflicts_with = "rebuild")]
    settle: bool,
}

impl IndexArgs {
    pub fn rebuilds(&self) -> bool {
        self.rebuild
    }
}

/// Open the index fresh, showing progress on a terminal and reporting bad files.
pub fn open_index(
    ctx: &Context,
    book: &Book,
    rebuild: bool,
) -> Result<(SearchIndex, Refresh), CliError> {
    let mut bar = Bar::new();
    let mut progress = |done: usize, total: usize| bar.show(done, total);
    let (index, refresh) = if rebuild {
        SearchIndex::rebuild(book, &mut progress)?
    } else {
        SearchIndex::open_fresh(book, &mut progress)?
    };
    bar.finish();
    for problem in &refresh.problems {
        ctx.out.status(problem);
    }
    Ok((index, refresh))
}

/// A progress bar for indexing that takes more than a second, drawn on stderr when it is
/// a terminal (never into a pipe or a file, where it would only be noise).
pub struct Bar {
    started: std::time::Instant,
    bar: Option<indicatif::ProgressBar>,
}

impl Bar {
    /// Quick work (a few changed files) finishes before the bar would appear.
    const AFTER: std::time::Duration = std::time::Duration::from_secs(1);

    pub fn new() -> Bar {
        Bar { started: std::time::Instant::now(), bar: None }
    }

    pub fn show(&mut self, done: usize, total: usize) {
        if self.bar.is_none() {
            if self.started.elapsed() < Self::AFTER
                || done >= total
                || !std::io::stderr().is_terminal()
            {
                return;
            }
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::stderr_with_hz(10),
            );
            let style = indicatif::ProgressStyle::with_template(
                "indexing {bar:30} {pos}/{len} records, {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }

    /// Clear the bar: the command's own message follows.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// Stands in for the `-` of an exclusion (`-stage:lost`) while clap parses the line, so
/// that clap does not take it for a flag and options may still come after the query.
const EXCLUDE: char = '\u{E000}';

/// Mark the `-word` arguments after `search` as exclusions (see [`EXCLUDE`]); rolo's
/// search has no short flags but `-h`.
pub fn protect_exclusions(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    // The subcommand is the first argument that is not a global option or its value:
    // `search` anywhere else is some other command's value (`export csv --tag search`).
    let mut at = 1;
    while let Some(arg) = args.get(at).and_then(|a| a.to_str()) {
        match arg {
            "--dir" | "--color" => at += 2,
            a if a.starts_with('-') => at += 1,
            _ => break,
        }
    }
    if args.get(at).is_none_or(|a| a != "search") {
        return args;
    }
    let mut out = args;
    for arg in out.iter_mut().skip(at + 1) {
        if let Some(word) = arg.to_str()
            && let Some(rest) = word.strip_prefix('-')
            && !rest.is_empty()
            && !rest.starts_with('-')
            && rest != "h"
        {
            *arg = format!("{EXCLUDE}{rest}").into();
        }
    }
    out
}

pub fn run_search(ctx: &Context, a: &SearchArgs) -> CliResult {
    let text = a.query.join(" ").replace(EXCLUDE, "-");
    let query = rolo::query::parse(&text).map_err(|e| Error::Usage(format!("{e}: {text}")))?;
    let book = ctx.open_book()?;
    let (index, _) = open_index(ctx, &book, false)?;
    let hits = match index.search(&query, &a.types, a.limit) {
        Ok(hits) => hits,
        // A damaged index is a cache to rebuild, not an error to report.
        Err(_) => open_index(ctx, &book, true)?.0.search(&query, &a.types, a.limit)?,
    };
    if ctx.out.json {
        let items: Vec<Json> = hits
            .iter()
            .map(|h| {
                json!({
                    "type": h.kind.name(), "id": h.id, "path": h.path, "title": h.title,
                    "score": h.score, "snippet": h.snippet.as_ref().map(|(s, _)| s),
                })
            })
            .collect();
        ctx.out.print_json(&Json::Array(items))?;
    } else if !hits.is_empty() {
        let mut table = ctx.out.table(["TYPE", "ID", "NAME", "MATCH"]);
        for h in &hits {
            let snippet = h.snippet.as_ref().map(|(s, _)| s.as_str()).unwrap_or_default();
            table.add_row(vec![h.kind.name(), &h.id, &h.title, snippet]);
        }
        ctx.out.print_table(&table)?;
    }
    if hits.is_empty() {
        return Err(CliError::Quiet(1));
    }
    Ok(())
}

pub fn run_index(ctx: &Context, a: &IndexArgs) -> CliResult {
    if a.settle {
        // Apart from the command that started it: no book opened, nothing recovered.
        // Once the burst of edits and commands that started it is over (ten minutes at
        // most: then the next command to find the index left alone does).
        let patience = std::time::Duration::from_secs(600);
        rolo::index::SearchIndex::settle_apart(&ctx.discover.find()?, patience)?;
        return Ok(());
    }
    let book = ctx.open_book()?;
    let (index, refresh) = open_index(ctx, &book, a.rebuild)?;
    let what = if refresh.rebuilt {
        format!("Rebuilt the index: {} records", refresh.indexed)
    } else if refresh.indexed + refresh.removed > 0 {
        format!("Updated the index: {} indexed, {} removed", refresh.indexed, refresh.removed)
    } else if refresh.by_watcher {
        "The index is up to date (the watcher says so)".to_string()
    } else {
        "The index is up to date".to_string()
    };
    ctx.out.status(format_args!("{what} ({} in all).", index.num_docs()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protect(args: &[&str]) -> Vec<String> {
        let args = args.iter().map(std::ffi::OsString::from).collect();
        protect_exclusions(args).into_iter().map(|a| a.to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn only_the_search_command_has_exclusions() {
        let marked = format!("{EXCLUDE}stage:lost");
        assert_eq!(protect(&["rolo", "search", "anna", "-stage:lost"])[3], marked);
        assert_eq!(protect(&["rolo", "--dir", "b", "--json", "search", "-stage:lost"])[5], marked);
        assert_eq!(protect(&["rolo", "--color=never", "search", "-h"])[3], "-h");
        // `search` as another command's value, or as the book's name, is not the command.
        let export = ["rolo", "export", "csv", "--tag", "search", "-o", "f.csv"];
        assert_eq!(protect(&export), export);
        let dir = ["rolo", "--dir", "search", "contact", "list", "-x"];
        assert_eq!(protect(&dir), dir);
    }
}
