//! `rolo task add|list|done|snooze`.

use rolo::filter::ListFilter;
use rolo::model::Record;
use rolo::model::reference::Entry;
use rolo::tasks::{self, Done, Repeat, SnoozeBy, Snoozed};
use rolo::{Book, Kind};

use rolo::draft::Draft;

use super::draft;
use super::list::{self, ListArgs};
use super::{CliError, CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum TaskCommand {
    Add(TaskAddArgs),
    List(TaskListArgs),
    Done(TaskDoneArgs),
    Snooze(TaskSnoozeArgs),
}

/// Mark tasks done; a repeating task moves on to its next due date
#[derive(clap::Args, Debug)]
pub struct TaskDoneArgs {
    /// Task id, type/id or unique prefix (several for several tasks)
    #[arg(required = true, value_name = "TASK")]
    tasks: Vec<String>,
}

/// Move a task's due date later
#[derive(clap::Args, Debug)]
pub struct TaskSnoozeArgs {
    /// Task id, type/id or unique prefix
    task: String,
    /// How long (2d, 1w, +1m: from the due date, or from today if overdue), or until
    /// when (friday, tomorrow, 2026-12-05, '2026-12-05 15:00')
    #[arg(value_name = "BY")]
    by: String,
}

/// Add a task and print its id
#[derive(clap::Args, Debug)]
pub struct TaskAddArgs {
    /// What to do ("Позвонить Анне", "Send the invoice")
    title: String,
    /// When: 2026-12-01, '2026-12-01 15:00', today, tomorrow, friday, +3d, eom
    #[arg(long)]
    due: Option<String>,
    /// The contact, company or deal it is about (repeatable)
    #[arg(long)]
    about: Vec<String>,
    /// Repeat every 3d, 2w, 1m, 1y; "2w after" repeats from completion
    #[arg(long)]
    repeat: Option<String>,
    #[arg(long)]
    owner: Option<String>,
}

/// List tasks
#[derive(clap::Args, Debug)]
pub struct TaskListArgs {
    #[command(flatten)]
    common: ListArgs,
    /// Only tasks not done
    #[arg(long)]
    open: bool,
    /// Only tasks done
    #[arg(long, conflicts_with_all = ["open", "overdue"])]
    done: bool,
    /// Only open tasks past their due date
    #[arg(long)]
    overdue: bool,
    /// Only open tasks due before this date
    #[arg(long, value_name = "DATE")]
    due_before: Option<String>,
    /// Only tasks about this record
    #[arg(long, value_name = "REF")]
    about: Vec<String>,
}

pub fn run(ctx: &Context, cmd: TaskCommand) -> CliResult {
    match cmd {
        TaskCommand::Add(a) => add(ctx, &a),
        TaskCommand::Done(a) => done(ctx, &a.tasks),
        TaskCommand::Snooze(a) => snooze(ctx, &a.task, &a.by),
        TaskCommand::List(a) => {
            let book = ctx.open_book()?;
            let due_before = match &a.due_before {
                Some(s) => Some(rolo::dates::parse_expr(s, ctx.clock.now())?.local_date()),
                None => None,
            };
            let filter = ListFilter {
                open: a.open,
                done: a.done,
                overdue: a.overdue,
                due_before,
                about: about_entries(&book, &a.about)?,
                ..a.common.filter()
            };
            list::print(ctx, &book, Kind::Task, &filter, &a.common)
        }
    }
}

/// REFs of contacts, companies or deals.
pub fn about_entries(book: &Book, refs: &[String]) -> Result<Vec<Entry>, CliError> {
    refs.iter().map(|r| Ok(book.resolve(r, &Kind::LINKABLE)?.0)).collect()
}

/// How an `about` entry is written: the bare id, or `type/id` when the bare id would
/// also name a record of another kind.
pub fn about_value(book: &Book, e: &Entry) -> Result<String, CliError> {
    let clash = Kind::LINKABLE
        .iter()
        .any(|&k| k != e.kind && book.root().join(Book::relative_path(k, &e.id)).is_file());
    Ok(if clash { e.qualified() } else { e.id.clone() })
}

/// `1m`, `2w after`.
pub fn check_repeat(repeat: &str) -> Result<(), CliError> {
    repeat.parse::<Repeat>().map(drop).map_err(|m| rolo::Error::value("repeat", m).into())
}

/// A task file whose keys rolo cannot work with (`repeat = "3x"`): the command fails
/// (exit 1), naming the file.
fn in_file(record: &Record, e: rolo::Error) -> CliError {
    CliError::Failed(format!("{}: {e}", record.path.display()))
}

/// `task done TASK…`: every REF is resolved before anything is written; the changed
/// files are saved and committed together, with a line per task on stderr.
fn done(ctx: &Context, refs: &[String]) -> CliResult {
    let book = ctx.open_book()?;
    let mut change = ctx.change(&book, "task done")?;
    let mut records: Vec<Record> = Vec::new();
    for reference in refs {
        let record = change.find(reference, &[Kind::Task])?;
        if !records.iter().any(|r| r.id == record.id) {
            records.push(record);
        }
    }
    let now = ctx.clock.now();
    let mut titles = Vec::new();
    let mut said = Vec::new();
    for mut record in records {
        match tasks::done(&mut record.doc, now).map_err(|e| in_file(&record, e))? {
            Done::AlreadyDone => {
                let when = record.when("done").map(|w| format!(" ({})", w.display()));
                said.push(format!("Already done: {}{}.", record.id, when.unwrap_or_default()));
                continue;
            }
            Done::Closed => said.push(format!("Done: {}.", record.id)),
            Done::Next { due } => {
                said.push(format!("Done: {}; next due {}.", record.id, due.display()));
            }
        }
        change.save(&record)?;
        titles.push(record.title());
    }
    if !titles.is_empty() {
        ctx.finish(change, &format!("task: done {}", titles.join(", ")))?;
    }
    for line in said {
        ctx.out.status(line);
    }
    if titles.is_empty() {
        ctx.out.status("Nothing changed.");
    }
    Ok(())
}

/// `task snooze TASK BY`: move `due` later; a done task cannot be snoozed (exit 1).
fn snooze(ctx: &Context, reference: &str, by: &str) -> CliResult {
    let book = ctx.open_book()?;
    let now = ctx.clock.now();
    let by = SnoozeBy::parse(by, now)?;
    let mut change = ctx.change(&book, "task snooze")?;
    let mut record = change.find(reference, &[Kind::Task])?;
    match tasks::snooze(&mut record.doc, by, now).map_err(|e| in_file(&record, e))? {
        Snoozed::IsDone => {
            let when = record.when("done").map(|w| format!(" ({})", w.display()));
            Err(CliError::Failed(format!(
                "{} is already done{}; only open tasks can be snoozed",
                record.id,
                when.unwrap_or_default()
            )))
        }
        Snoozed::Unchanged => {
            ctx.out.status("Nothing changed.");
            Ok(())
        }
        Snoozed::Moved { due } => {
            let due = due.display();
            change.save(&record)?;
            ctx.finish(change, &format!("task: snooze {} to {due}", record.title()))?;
            ctx.out.status(format_args!("Snoozed {} to {due}.", record.id));
            Ok(())
        }
    }
}

fn add(ctx: &Context, a: &TaskAddArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut d = Draft::new(Kind::Task);
    d.text("title", Some(&a.title));
    if let Some(due) = &a.due {
        d.typed("due", due, ctx.clock.now())?;
    }
    let about = about_entries(&book, &a.about)?;
    let values = about.iter().map(|e| about_value(&book, e)).collect::<Result<Vec<_>, _>>()?;
    d.list("about", &values);
    if let Some(r) = &a.repeat {
        check_repeat(r)?;
        d.text("repeat", Some(r));
    }
    d.text("owner", a.owner.as_deref().or(Some(&book.config.defaults.owner)));
    d.created(ctx.clock.now());
    draft::create(ctx, &book, d, &a.title, a.title.trim())
}
