//! The command line: clap definitions, the shared [`Context`], dispatch, and the one
//! place that maps errors to messages and exit codes (docs/format.md: "Commands").

mod agenda;
mod check;
mod company;
mod contact;
mod date;
mod deal;
mod digest;
mod draft;
mod edit;
mod email;
mod examples;
mod forget;
mod grid;
mod history;
mod init;
mod interop;
mod list;
mod mail;
mod merge;
mod merge_file;
mod meta;
mod note;
mod output;
mod pipeline;
mod relate;
mod remove;
mod render;
mod report;
mod search;
mod show;
mod sync;
mod task;
mod view;
mod watch;
mod welcome;

use std::cell::Cell;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use rolo::book::{Discover, Loaded};
use rolo::change::{self, Change, Done, Recovered, journal::SetAside};
use rolo::clock::{Clock, Zone};
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
    /// None: `rolo` alone, which says what is in the book and what to do next.
    #[command(subcommand)]
    command: Option<Command>,
}

impl Cli {
    /// Parse the command line, with every command's examples in its help.
    fn parse_args(args: Vec<std::ffi::OsString>) -> Result<Cli, clap::Error> {
        let mut matches = examples::add_to(Cli::command()).try_get_matches_from(args)?;
        Cli::from_arg_matches_mut(&mut matches)
    }
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
    /// Run no [[hooks]] of rolo.toml for this command
    #[arg(long, global = true)]
    no_hooks: bool,
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
    History(history::HistoryArgs),
    Edit(edit::EditArgs),
    Set(edit::SetArgs),
    Unset(edit::UnsetArgs),
    Rm(remove::RmArgs),
    Rename(remove::RenameArgs),
    Relate(relate::RelateArgs),
    Unrelate(relate::UnrelateArgs),
    Forget(forget::ForgetArgs),
    Merge(merge::MergeArgs),
    Check(check::CheckArgs),
    Search(search::SearchArgs),
    View(view::ViewArgs),
    Email(email::EmailArgs),
    Pipeline(pipeline::PipelineArgs),
    Agenda(agenda::AgendaArgs),
    Today(agenda::TodayArgs),
    Digest(agenda::DigestArgs),
    /// Report on the funnel, revenue, lead sources and activity
    #[command(subcommand)]
    Report(report::ReportCommand),
    Index(search::IndexArgs),
    Sync(sync::SyncArgs),
    Watch(watch::WatchArgs),
    /// Import records from vCard, CSV or JSON files
    #[command(subcommand)]
    Import(interop::ImportCommand),
    /// Export records as vCard, CSV or JSON, or reminders as iCalendar
    #[command(subcommand)]
    Export(interop::ExportCommand),
    Render(render::RenderArgs),
    Mail(mail::MailArgs),
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
    /// The book as opened at start-up to choose the clock's zone, for the command's first
    /// [`Context::open_book`], so that rolo.toml is read once.
    opened: Cell<Option<Book>>,
    /// `--no-hooks`: changes run no hooks.
    no_hooks: bool,
}

impl Context {
    /// Find the book, if there is one, and set the clock in its zone: `TZ`, else its
    /// `[defaults] timezone`, else the system's. A missing book or a bad rolo.toml is
    /// for the command to report, if it needs the book: the clock then reads `TZ` or
    /// the system's zone.
    fn new(out: Output, discover: Discover, no_hooks: bool) -> Result<Context, CliError> {
        let opened = discover.find().ok().and_then(|root| Book::open(root).ok());
        let named = opened.as_ref().and_then(|book| book.config.defaults.timezone.as_deref());
        let zone = Zone::from_env(named).unwrap_or_else(|unknown| {
            out.warn(format_args!(
                "{}: [defaults] timezone = {unknown}; using the system's",
                rolo::config::FILE_NAME
            ));
            Zone::System
        });
        // Dates read without a clock at hand (a record's datetimes shown or compared)
        // are in the same zone as `now`.
        rolo::clock::set_local_zone(zone);
        let clock = Clock::from_env(zone)?;
        Ok(Context { out, clock, discover, opened: Cell::new(opened), no_hooks })
    }

    /// Find and open the book, first finishing or rolling back any change a killed rolo
    /// left half done (and saying so), and saying when a sync is stopped on conflicts.
    pub fn open_book(&self) -> Result<Book, CliError> {
        let book = self.open_book_quietly()?;
        if rolo::sync::in_progress(&book) {
            self.out.warn(
                "a sync is stopped on conflicts: fix the files it named, then `rolo sync --continue` (or `rolo sync --abort`)",
            );
        }
        Ok(book)
    }

    /// [`Context::open_book`] without the word about a stopped sync (for `rolo sync`).
    pub fn open_book_quietly(&self) -> Result<Book, CliError> {
        let book = match self.opened.take() {
            Some(book) => book,
            None => Book::open(self.discover.find()?)?,
        };
        self.report_recovered(&change::recover(&book)?);
        Ok(book)
    }

    /// Where reading commands take the book's records from (the index, fresh; or every
    /// file with `ROLO_NO_INDEX=1`), with a progress bar for long indexing on a terminal
    /// and each file that does not parse reported on stderr.
    pub fn source<'b>(&'b self, book: &'b Book) -> Result<rolo::source::Source<'b>, CliError> {
        let mut bar = search::Bar::new();
        let report = Box::new(move |problem: &rolo::error::Diagnostic| self.out.status(problem));
        let source = rolo::source::Source::open(book, &mut |d, t| bar.show(d, t), report)?;
        bar.finish();
        Ok(source)
    }

    /// Read the records of `kinds`, reporting each unreadable file on stderr.
    pub fn load(&self, book: &Book, kinds: &[Kind]) -> Result<Loaded, CliError> {
        let loaded = book.load(kinds)?;
        for problem in &loaded.problems {
            self.out.status(problem);
        }
        Ok(loaded)
    }

    /// Begin a change of the book: every command that writes goes through one. Waits
    /// (saying for whom) while another rolo process is changing the book.
    pub fn change<'b>(&self, book: &'b Book, what: &str) -> Result<Change<'b>, CliError> {
        let mut change = Change::begin(book, what, &mut |holder| match holder {
            Some(h) => self.out.status(format_args!("Waiting for {h} to finish…")),
            None => self.out.status("Waiting for another rolo to finish changing the book…"),
        })?;
        if self.no_hooks {
            change.without_events();
        }
        self.report_recovered(&change.recovered);
        Ok(change)
    }

    /// A change that resolves the conflicts a stopped sync left (`rolo edit` of such a
    /// record): written, not committed (`rolo sync --continue` commits it).
    pub fn change_resolving<'b>(&self, book: &'b Book, what: &str) -> Result<Change<'b>, CliError> {
        let change = Change::begin_resolving(book, what, &mut |holder| match holder {
            Some(h) => self.out.status(format_args!("Waiting for {h} to finish…")),
            None => self.out.status("Waiting for another rolo to finish changing the book…"),
        })?;
        self.report_recovered(&change.recovered);
        Ok(change)
    }

    /// Apply and commit a change, warning about what did not go as planned: a file
    /// edited by hand meanwhile (kept; rolo's version set aside), a failed commit (the
    /// change is saved all the same). Then the book's hooks run, each failure a warning:
    /// the change stays.
    pub fn finish(&self, change: Change, message: &str) -> Result<Done, CliError> {
        let book = change.book();
        let done = change.commit(message)?;
        self.report_set_aside(&done.set_aside);
        if let Err(e) = &done.commit {
            self.out.warn(format_args!("the change is saved but not committed: {e}"));
        }
        if !self.no_hooks && !done.events.is_empty() {
            rolo::hooks::run(book.root(), &book.config.hooks, &done.events, &mut |failed| {
                self.out.warn(failed);
            });
        }
        Ok(done)
    }

    fn report_set_aside(&self, set_aside: &[SetAside]) {
        for s in set_aside {
            match &s.kept {
                Some(kept) => self.out.warn(format_args!(
                    "{} changed while rolo was writing it; it is kept as it is, and rolo's version is in {kept}",
                    s.path
                )),
                None => self.out.warn(format_args!(
                    "{} changed while rolo was removing it; it is kept",
                    s.path
                )),
            }
        }
    }

    fn report_recovered(&self, recovered: &[Recovered]) {
        for r in recovered {
            if r.completed {
                let first = r.what.lines().next().unwrap_or_default();
                let committed = match &r.commit {
                    Ok(true) => " and committed it",
                    Ok(false) => "",
                    Err(_) => ", but could not commit it",
                };
                self.out.warn(format_args!(
                    "a rolo process was stopped half-way through \"{first}\"; finished it{committed}"
                ));
                if let Err(e) = &r.commit {
                    self.out.warn(format_args!("git: {e}"));
                }
            } else {
                self.out.warn(format_args!(
                    "a rolo process was stopped before {} changed anything; nothing to finish",
                    r.what
                ));
            }
            self.report_set_aside(&r.set_aside);
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

/// Run the command line; `before_rebuild` is called first when it asks for
/// `index --rebuild` (the binary readies its allocator).
pub fn main(before_rebuild: fn()) -> i32 {
    let cli = match Cli::parse_args(search::protect_exclusions(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if let Some(Command::Index(args)) = &cli.command
        && args.rebuilds()
    {
        before_rebuild();
    }
    let discover = Discover::from_env(cli.global.dir.clone());
    let output = Output::new(cli.global.json, cli.global.color);
    let ctx = match Context::new(output, discover, cli.global.no_hooks) {
        Ok(ctx) => ctx,
        Err(e) => return report(e),
    };
    let Some(command) = cli.command else {
        return match welcome::run(&ctx) {
            Ok(()) => 0,
            Err(e) => report(e),
        };
    };
    match run(&ctx, command) {
        Ok(()) => 0,
        Err(e) => report(e),
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
        Command::History(args) => history::run(ctx, &args),
        Command::Edit(args) => edit::run_edit(ctx, &args),
        Command::Set(args) => edit::run_set(ctx, &args),
        Command::Unset(args) => edit::run_unset(ctx, &args),
        Command::Rm(args) => remove::run_rm(ctx, &args),
        Command::Rename(args) => remove::run_rename(ctx, &args),
        Command::Relate(args) => relate::run_relate(ctx, &args),
        Command::Unrelate(args) => relate::run_unrelate(ctx, &args),
        Command::Forget(args) => forget::run(ctx, &args),
        Command::Merge(args) => merge::run(ctx, &args),
        Command::Check(args) => check::run(ctx, &args),
        Command::Search(args) => search::run_search(ctx, &args),
        Command::View(args) => view::run(ctx, &args),
        Command::Email(args) => email::run(ctx, &args),
        Command::Pipeline(args) => pipeline::run(ctx, &args),
        Command::Agenda(args) => agenda::run_agenda(ctx, &args),
        Command::Today(args) => agenda::run_today(ctx, &args),
        Command::Digest(args) => agenda::run_digest(ctx, &args),
        Command::Report(cmd) => report::run(ctx, cmd),
        Command::Index(args) => search::run_index(ctx, &args),
        Command::Sync(args) => sync::run(ctx, &args),
        Command::Watch(args) => watch::run(ctx, &args),
        Command::Import(cmd) => interop::run_import(ctx, cmd),
        Command::Export(cmd) => interop::run_export(ctx, cmd),
        Command::Render(args) => render::run(ctx, &args),
        Command::Mail(args) => mail::run(ctx, &args),
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
                rolo::Error::Bad(d) | rolo::Error::BadConfig(d) => eprintln!("{d}"),
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
