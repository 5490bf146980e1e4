//! `rolo watch [--status]`: run the watcher in the foreground, or say whether one runs.

use rolo::watch::{self, Ended, Notice};

use super::{CliError, CliResult, Context};

/// Keep the index fresh from file-system events; while it runs, commands skip the walk
///
/// Runs in the foreground until stopped (Ctrl-C, or its service manager): in a terminal,
/// a systemd user unit or a launchd agent (README shows both). While it runs, every
/// reading command asks it whether the index is fresh instead of looking at every file,
/// and a hand edit saved the instant before a command is always seen. Without it, or if
/// it stops, commands check the files themselves as usual.
#[derive(clap::Args, Debug)]
pub struct WatchArgs {
    /// Say whether a watcher runs for this book and how fresh it is (exit 1 if none)
    #[arg(long)]
    status: bool,
}

pub fn run(ctx: &Context, a: &WatchArgs) -> CliResult {
    let book = ctx.open_book()?;
    if a.status {
        return status(ctx, &book);
    }
    let root = book.root().display().to_string();
    let ended = watch::run(&book, &mut |notice| {
        match notice {
        Notice::Started { records } => ctx.out.status(format_args!(
            "Watching {root} ({records} records); commands now ask instead of walking. Ctrl-C stops."
        )),
        Notice::Indexed { changed, removed, rescan } => {
            let how = if rescan { " (after a walk of the book)" } else { "" };
            ctx.out.status(format_args!("Indexed {changed} changed and {removed} removed files{how}."));
        }
        Notice::Trouble(message) => ctx.out.warn(message),
    }
    })?;
    match ended {
        Ended::AlreadyRunning => {
            ctx.out.status(format_args!("A watcher already runs for {root}."));
            Ok(())
        }
        Ended::Stopped => Err(CliError::Failed("the watcher stopped".into())),
    }
}

fn status(ctx: &Context, book: &rolo::Book) -> CliResult {
    match rolo::index::watcher::status(book.root()) {
        Some(line) => {
            let field = |key: &str| {
                line.split_whitespace()
                    .find_map(|w| w.strip_prefix(&format!("{key}=")))
                    .unwrap_or("?")
                    .to_string()
            };
            ctx.out.line(format_args!(
                "A watcher runs (pid {}): {} records indexed, {} changes waiting, last change: {}.",
                field("pid"),
                field("records"),
                field("pending"),
                field("last-change"),
            ))?;
            Ok(())
        }
        None => {
            ctx.out.status(
                "No watcher answers for this book: commands walk it (start one with `rolo watch`).",
            );
            Err(CliError::Quiet(1))
        }
    }
}
