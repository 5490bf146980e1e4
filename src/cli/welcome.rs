//! `rolo` alone: in a book, what it holds, what needs attention today, and the commands
//! to go on with; outside one, the usage and how to make a book.

use std::collections::BTreeMap;

use clap::CommandFactory;
use serde_json::json;

use rolo::Kind;
use rolo::agenda::{ItemKind, Options};

use super::{CliError, CliResult, Context};

/// The commands to go on with, and what each shows.
const NEXT: &[(&str, &str)] = &[
    ("rolo today", "what needs attention, in detail"),
    ("rolo pipeline", "open deals per stage"),
    ("rolo search WORD", "anything, in any language"),
    ("rolo contact add NAME", "a new contact (company, deal, note, task alike)"),
    ("rolo --help", "every command; rolo CMD --help shows examples"),
];

pub fn run(ctx: &Context) -> CliResult {
    let book = match ctx.discover.find() {
        Ok(_) => ctx.open_book()?,
        Err(_) => return no_book(ctx),
    };
    // One source for both: the index brought up to date (and bad files reported) once.
    let source = ctx.source(&book)?;
    let counts = source.counts()?;
    let today = Options { days: 0, owners: Vec::new() };
    let agenda = super::agenda::build_from(ctx, &book, &source, today)?;
    let today: Vec<(ItemKind, usize)> = ItemKind::ALL
        .into_iter()
        .map(|kind| (kind, agenda.of(kind).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    if ctx.out.json {
        let records: serde_json::Map<_, _> =
            counts.iter().map(|(kind, n)| (kind.name().to_string(), json!(n))).collect();
        let today: serde_json::Map<_, _> =
            today.iter().map(|(kind, n)| (kind.name().to_string(), json!(n))).collect();
        ctx.out.print_json(&json!({
            "book": book.root().display().to_string(),
            "records": records,
            "today": today,
        }))?;
        return Ok(());
    }
    ctx.out.line(format_args!("Book {}: {}", book.root().display(), describe(&counts)))?;
    if today.is_empty() {
        ctx.out.line("Today: nothing needs attention.")?;
    } else {
        let items: Vec<String> = today.iter().map(|(kind, n)| today_item(*kind, *n)).collect();
        ctx.out.line(format_args!("Today: {}.", items.join(", ")))?;
    }
    ctx.out.line("")?;
    let width = NEXT.iter().map(|(c, _)| c.chars().count()).max().unwrap_or(0);
    for (command, what) in NEXT {
        ctx.out.line(format_args!("  {command:width$}  {what}"))?;
    }
    Ok(())
}

/// Outside a book: the usage, and how to start one. Exit 2, as for any missing command.
fn no_book(ctx: &Context) -> CliResult {
    let usage = super::Cli::command().render_help();
    ctx.out.line(usage.to_string().trim_end())?;
    ctx.out.line("")?;
    ctx.out.line(
        "No book here. `rolo init ~/crm` makes one; then run rolo inside it, or give \
         --dir DIR or ROLO_DIR.",
    )?;
    Err(CliError::Quiet(2))
}

fn describe(counts: &BTreeMap<Kind, usize>) -> String {
    if counts.values().all(|n| *n == 0) {
        return "empty so far".to_string();
    }
    let parts: Vec<String> =
        counts.iter().map(|(kind, n)| plural(*n, kind.name(), kind.dir())).collect();
    parts.join(", ")
}

fn today_item(kind: ItemKind, n: usize) -> String {
    match kind {
        ItemKind::Overdue => format!("{n} overdue"),
        ItemKind::Due => format!("{n} due today"),
        ItemKind::FollowUp => plural(n, "follow-up", "follow-ups"),
        ItemKind::Birthday => plural(n, "birthday", "birthdays"),
        ItemKind::Closing => format!("{} closing", plural(n, "deal", "deals")),
        ItemKind::Stale => plural(n, "stale deal", "stale deals"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
