//! The command line: clap definitions, the shared [`Context`], dispatch, and the one
//! place that maps errors to messages and exit codes (SPEC "Commands").

mod agenda;
mod company;
mod contact;
mod date;
mod deal;
mod digest;
mod draft;
mod edit;
mod init;
mod interop;
mod list;
mod merge_file;
mod meta;
mod note;
mod output;
mod pipeline;
mod remove;
mod report;
mod search;
mod show;
mod task;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use rolo::book::{Discover, Loaded};
use rolo::clock::Clock;
use rolo::{Book, Kind};

use output::{ColorChoice, Output, WriteFailed};

const ENV_HELP: &str = "\
Environment:
  ROLO_DIR   the book to use when --dir is not given
  ROLO_NOW   the current time (RFC 3339 or YYYY-MM-DD), for scripts and tests
  EDITOR     the editor for `rolo edit` and `rolo note add` without text (VISUAL first)
  NO_COLOR   no colours when set
  ROLO_NO_INDEX=1  read every file instead of the search index (slow; for checking)
  TZ         the time zone that decides what \"today\" is

Exit status: 0 done (an empty list too), 1 the command failed, 2 usage error
(bad flags, unknown or ambiguous REF).";

/// A command-line CRM on plain Markdown+TOML files in git
#[derive(Parser, Debug)]
#[command(name = "rolo", version, after_long_help = ENV_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Debug)]
pub struct GlobalArgs {
    /// The book's directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)
    #[arg(long, global = true, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Print JSON: records as objects with their front-matter keys plus id, type, path and body
    #[arg(long, global = true)]
    json: bool,
    /// When to use colours
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Subcommand, Debug)]
enum Command {
    Init(init::InitArgs),
    /// Manage contacts (people)
    #[command(subcommand)]
    Contact(contact::ContactCommand),
    /// Manage companies
    #[command(subcommand)]
    Company(company::CompanyCommand),
    /// Manage deals
    #[command(subcommand)]
    Deal(deal::DealCommand),
    /// Manage notes (calls, emails, meetings, messages)
    #[command(subcommand)]
    Note(note::NoteCommand),
    /// Manage tasks and reminders
    #[command(subcommand)]
    Task(task::TaskCommand),
    Show(show::ShowArgs),
    Edit(edit::EditArgs),
    Set(edit::SetArgs),
    Unset(edit::UnsetArgs),
    Rm(remove::RmArgs),
    Rename(remove::RenameArgs),
    Search(search::SearchArgs),
    Pipeline(pipeline::PipelineArgs),
    Agenda(agenda::AgendaArgs),
    Today(agenda::TodayArgs),
    Digest(agenda::DigestArgs),
    /// Report on the funnel, revenue, lead sources and activity
    #[command(subcommand)]
    Report(report::ReportCommand),
    Index(search::IndexArgs),
    /// Import records from vCard, CSV or JSON files
    #[command(subcommand)]
    Import(interop::ImportCommand),
    /// Export records as vCard, CSV or JSON, or reminders as iCalendar
    #[command(subcommand)]
    Export(interop::ExportCommand),
    Date(date::DateArgs),
    Completions(meta::CompletionsArgs),
    Man(meta::ManArgs),
    #[command(hide = true)]
    MergeFile(merge_file::MergeFileArgs),
}

/// What every command gets: where output goes, the clock, and how to find the book.
pub struct Context {
    pub out: Output,
    pub clock: Clock,
    pub discover: Discover,
}

impl Context {
    pub fn open_book(&self) -> Result<Book, CliError> {
        Ok(Book::open(self.discover.find()?)?)
    }

    /// Whether reading commands answer from the search index (the default) or read every
    /// file (`ROLO_NO_INDEX=1`: the slow path, kept to check one against the other).
    pub fn use_index(&self) -> bool {
        std::env::var_os("ROLO_NO_INDEX").is_none_or(|v| v.is_empty() || v == "0")
    }

    /// Read the records of `kinds`, reporting each unreadable file on stderr.
    pub fn load(&self, book: &Book, kinds: &[Kind]) -> Result<Loaded, CliError> {
        let loaded = book.load(kinds)?;
        for problem in &loaded.problems {
            self.out.status(problem);
        }
        Ok(loaded)
    }

    /// Commit a change; a failed commit is a warning (the change itself is saved).
    pub fn commit(&self, book: &Book, paths: &[PathBuf], message: &str) {
        if let Err(e) = book.commit(paths, message) {
            self.out.warn(format_args!("the change is saved but not committed: {e}"));
        }
    }
}

#[derive(Debug)]
pub enum CliError {
    Lib(rolo::Error),
    Write(WriteFailed),
    /// The command failed for a reason already explained in the message (exit 1).
    Failed(String),
    /// Exit with this code, saying nothing more (`search` found nothing, as grep).
    Quiet(i32),
}

impl From<rolo::Error> for CliError {
    fn from(e: rolo::Error) -> Self {
        CliError::Lib(e)
    }
}

impl From<WriteFailed> for CliError {
    fn from(e: WriteFailed) -> Self {
        CliError::Write(e)
    }
}

pub type CliResult = Result<(), CliError>;

pub fn main() -> i32 {
    let cli = match Cli::try_parse_from(search::protect_exclusions(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let discover = Discover::from_env(cli.global.dir.clone());
    use_book_timezone(&discover);
    let clock = match Clock::from_env() {
        Ok(c) => c,
        Err(e) => return report(CliError::Lib(e)),
    };
    let ctx = Context { out: Output::new(cli.global.json, cli.global.color), clock, discover };
    match run(&ctx, cli.command) {
        Ok(()) => 0,
        Err(e) => report(e),
    }
}

/// SPEC: "today" is the local date of `TZ`, or of `[defaults] timezone` in rolo.toml
/// when `TZ` is not set. The time library reads the zone from `TZ` only, so rolo runs
/// itself again with `TZ` set (once: the second run has it), before reading any time.
fn use_book_timezone(discover: &Discover) {
    if std::env::var_os("TZ").is_some_and(|v| !v.is_empty()) {
        return;
    }
    // No book, or a rolo.toml that does not parse: the command itself will say so. Most
    // books name no zone: every command pays one small read for this, not a parse.
    let Some(text) = discover
        .find()
        .ok()
        .and_then(|root| std::fs::read_to_string(root.join(rolo::config::FILE_NAME)).ok())
    else {
        return;
    };
    if !text.contains("timezone") {
        return;
    }
    let Ok(config) =
        rolo::config::Config::parse(&text, std::path::Path::new(rolo::config::FILE_NAME))
    else {
        return;
    };
    let Some(zone) = config.defaults.timezone else { return };
    if rolo::clock::zone_file(&zone).is_none() {
        eprintln!(
            "warning: rolo.toml: [defaults] timezone = \"{zone}\" is not in the time zone database; using the system's"
        );
        return;
    }
    #[cfg(unix)]
    if let Ok(exe) = std::env::current_exe() {
        use std::os::unix::process::CommandExt;
        let err = std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env("TZ", zone.trim())
            .exec();
        // Only returns when it could not run: go on in the system's zone.
        eprintln!("warning: cannot apply [defaults] timezone: {err}");
    }
}

fn run(ctx: &Context, command: Command) -> CliResult {
    match command {
        Command::Init(args) => init::run(ctx, &args),
        Command::Contact(cmd) => contact::run(ctx, cmd),
        Command::Company(cmd) => company::run(ctx, cmd),
        Command::Deal(cmd) => deal::run(ctx, cmd),
        Command::Note(cmd) => note::run(ctx, cmd),
        Command::Task(cmd) => task::run(ctx, cmd),
        Command::Show(args) => show::run(ctx, &args),
        Command::Edit(args) => edit::run_edit(ctx, &args),
        Command::Set(args) => edit::run_set(ctx, &args),
        Command::Unset(args) => edit::run_unset(ctx, &args),
        Command::Rm(args) => remove::run_rm(ctx, &args),
        Command::Rename(args) => remove::run_rename(ctx, &args),
        Command::Search(args) => search::run_search(ctx, &args),
        Command::Pipeline(args) => pipeline::run(ctx, &args),
        Command::Agenda(args) => agenda::run_agenda(ctx, &args),
        Command::Today(args) => agenda::run_today(ctx, &args),
        Command::Digest(args) => agenda::run_digest(ctx, &args),
        Command::Report(cmd) => report::run(ctx, cmd),
        Command::Index(args) => search::run_index(ctx, &args),
        Command::Import(cmd) => interop::run_import(ctx, cmd),
        Command::Export(cmd) => interop::run_export(ctx, cmd),
        Command::Date(args) => date::run(ctx, &args),
        Command::Completions(args) => meta::run_completions(&args),
        Command::Man(args) => meta::run_man(&args),
        Command::MergeFile(args) => merge_file::run(ctx, &args),
    }
}

/// Print an error (and a hint) on stderr and choose the exit code.
fn report(err: CliError) -> i32 {
    match err {
        CliError::Write(WriteFailed(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        CliError::Write(WriteFailed(e)) => {
            eprintln!("error: cannot write output: {e}");
            1
        }
        CliError::Failed(message) => {
            eprintln!("error: {message}");
            1
        }
        CliError::Quiet(code) => code,
        CliError::Lib(e) => {
            match &e {
                // A bad file is already `path:line:col: message`.
                rolo::Error::Bad(d) => eprintln!("{d}"),
                e => eprintln!("error: {e}"),
            }
            if let Some(hint) = e.hint() {
                eprintln!("hint: {hint}");
            }
            if e.is_usage() { 2 } else { 1 }
        }
    }
}

/// Leave loaded records for the process exit to free: tens of thousands of small maps
/// cost ~100 ms to free one by one at 100,000 records, and the command ends right after.
pub fn let_exit_free<T>(data: T) {
    std::mem::forget(data);
}

/// Parse `KEY=VALUE` flags (`--field industry=retail`).
pub fn key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got \"{s}\"")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
