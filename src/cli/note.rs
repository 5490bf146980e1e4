//! `rolo note add|list`: log an interaction, list them.

use std::io::Read;

use rolo::dates::When;
use rolo::filter::ListFilter;
use rolo::model::schema::{DIRECTIONS, NOTE_KINDS};
use rolo::{Error, Kind};

use rolo::draft::Draft;

use super::draft;
use super::list::{self, ListArgs};
use super::task::{about_entries, about_value};
use super::{CliError, CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum NoteCommand {
    Add(NoteAddArgs),
    List(NoteListArgs),
}

/// Log an interaction and print its id
#[derive(clap::Args, Debug)]
pub struct NoteAddArgs {
    /// The contact, company or deal it is about
    reference: String,
    /// What was said; without it $EDITOR opens; - reads stdin
    text: Option<String>,
    /// More records it is about (repeatable)
    #[arg(long)]
    about: Vec<String>,
    /// call, email, meeting, message or note
    #[arg(long, default_value = "note")]
    kind: String,
    /// When it happened (default: now): 2026-11-20, '2026-11-20 15:00', yesterday
    #[arg(long)]
    date: Option<String>,
    /// in or out
    #[arg(long)]
    direction: Option<String>,
}

/// List notes, newest first
#[derive(clap::Args, Debug)]
pub struct NoteListArgs {
    #[command(flatten)]
    common: ListArgs,
    /// Only these kinds (call, email, meeting, message, note)
    #[arg(long = "kind")]
    kinds: Vec<String>,
    /// Only in or out
    #[arg(long)]
    direction: Option<String>,
    /// Only notes about this record
    #[arg(long, value_name = "REF")]
    about: Vec<String>,
    /// Only notes on or after this date
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only notes on or before this date
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

pub fn run(ctx: &Context, cmd: NoteCommand) -> CliResult {
    match cmd {
        NoteCommand::Add(a) => add(ctx, &a),
        NoteCommand::List(a) => {
            let book = ctx.open_book()?;
            let day = |s: &Option<String>| -> Result<_, CliError> {
                Ok(match s {
                    Some(s) => Some(rolo::dates::parse_expr(s, ctx.clock.now())?.local_date()),
                    None => None,
                })
            };
            let filter = ListFilter {
                note_kinds: a.kinds.clone(),
                directions: a.direction.iter().cloned().collect(),
                about: about_entries(&book, &a.about)?,
                since: day(&a.since)?,
                until: day(&a.until)?,
                ..a.common.filter()
            };
            list::print(ctx, &book, Kind::Note, &filter, &a.common)
        }
    }
}

fn one_of(key: &str, value: &str, allowed: &[&str]) -> Result<(), CliError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Error::value(key, format!("\"{value}\" is not one of: {}", allowed.join(", "))).into())
    }
}

fn add(ctx: &Context, a: &NoteAddArgs) -> CliResult {
    let book = ctx.open_book()?;
    one_of("kind", &a.kind, &NOTE_KINDS)?;
    if let Some(d) = &a.direction {
        one_of("direction", d, &DIRECTIONS)?;
    }
    let mut refs = vec![a.reference.clone()];
    refs.extend(a.about.iter().cloned());
    let mut about = about_entries(&book, &refs)?;
    let mut seen = std::collections::HashSet::new();
    about.retain(|e| seen.insert(e.clone()));
    let when = match &a.date {
        Some(s) => rolo::dates::parse_expr(s, ctx.clock.now())?,
        None => When::At(ctx.clock.now()),
    };
    let body = match a.text.as_deref() {
        Some("-") => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| Error::io("<stdin>", e))?;
            s
        }
        Some(text) => text.to_string(),
        None => super::edit::compose(&book, "")?,
    };
    if body.trim().is_empty() {
        return Err(CliError::Failed("empty note: nothing was written".into()));
    }
    let first = book.find(&about[0].qualified(), &Kind::LINKABLE)?;
    let mut d = Draft::new(Kind::Note);
    d.when("date", when);
    d.text("kind", Some(&a.kind));
    d.text("direction", a.direction.as_deref());
    let values = about.iter().map(|e| about_value(&book, e)).collect::<Result<Vec<_>, _>>()?;
    d.list("about", &values);
    d.record.body = if body.ends_with('\n') { body } else { format!("{body}\n") };
    let base = format!("{}-{}", when.local_date().format("%Y-%m-%d"), first.id);
    let what = format!("{} with {}", a.kind, first.title());
    draft::create(ctx, &book, d, &base, &what)
}
