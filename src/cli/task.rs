//! `rolo task add|list`.

use rolo::dates::Cadence;
use rolo::filter::ListFilter;
use rolo::model::reference::Entry;
use rolo::store::edit;
use rolo::{Book, Kind};

use super::draft::Draft;
use super::list::{self, ListArgs};
use super::{CliError, CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum TaskCommand {
    Add(TaskAddArgs),
    List(TaskListArgs),
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
    let cadence = repeat.trim().strip_suffix("after").unwrap_or(repeat).trim();
    cadence.parse::<Cadence>().map(drop).map_err(|m| rolo::Error::value("repeat", m).into())
}

fn add(ctx: &Context, a: &TaskAddArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut d = Draft::new(Kind::Task);
    d.text("title", Some(&a.title));
    if let Some(due) = &a.due {
        d.set("due", edit::typed_value(Kind::Task, "due", due, ctx.clock.now())?);
    }
    let about = about_entries(&book, &a.about)?;
    let values = about.iter().map(|e| about_value(&book, e)).collect::<Result<Vec<_>, _>>()?;
    d.list("about", &values);
    if let Some(r) = &a.repeat {
        check_repeat(r)?;
        d.text("repeat", Some(r));
    }
    d.text("owner", a.owner.as_deref().or(Some(&book.config.defaults.owner)));
    d.created(ctx);
    d.create(ctx, &book, &a.title, a.title.trim())
}
