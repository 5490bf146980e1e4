//! `rolo completions SHELL` and `rolo man`, generated from the clap definition.

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, CliResult};

/// Print a shell completion script (bash, zsh, fish, elvish, powershell)
#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    shell: Shell,
}

/// Print the man page (roff)
#[derive(clap::Args, Debug)]
pub struct ManArgs {}

pub fn run_completions(a: &CompletionsArgs) -> CliResult {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "rolo", &mut buf);
    write_out(&buf)
}

pub fn run_man(_: &ManArgs) -> CliResult {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buf)
        .map_err(|e| super::CliError::Failed(format!("cannot render the man page: {e}")))?;
    write_out(&buf)
}

fn write_out(bytes: &[u8]) -> CliResult {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| super::output::WriteFailed(e).into())
}
