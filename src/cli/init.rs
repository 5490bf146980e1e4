//! `rolo init [DIR]`: create a book.

use std::path::PathBuf;

use rolo::Book;

use super::{CliResult, Context};

/// Create a book: rolo.toml, the record directories, .gitignore, and a git repository
#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// Where (default: --dir, else the current directory)
    dir: Option<PathBuf>,
}

pub fn run(ctx: &Context, a: &InitArgs) -> CliResult {
    let dir =
        a.dir.clone().or_else(|| ctx.discover.dir.clone()).unwrap_or_else(|| PathBuf::from("."));
    let dir = ctx.discover.cwd.join(dir);
    let report = Book::init(&dir)?;
    let git = if report.git_initialised { " with a new git repository" } else { "" };
    ctx.out.status(format_args!("Created a rolo book in {}{git}.", report.root.display()));
    if let Err(e) = report.committed {
        ctx.out.warn(format_args!("the book is created but not committed: {e}"));
    }
    Ok(())
}
