//! `rolo agenda`, `rolo today` and `rolo digest` (docs/format.md: "Commands"): what needs attention,
//! read from the index (only the records that can concern the agenda) or, with
//! `ROLO_NO_INDEX=1`, from every file; rendered by [`super::digest`].

use rolo::agenda::{Agenda, ItemJson, Options};
use rolo::{Book, Kind};

use super::digest::{self, Format};
use super::{CliResult, Context};

const JSON_HELP: &str = "\
--json: an array of items {\"kind\", \"date\", \"type\", \"id\", \"title\", \"owner\", \"days\", …},
kind one of overdue, due, follow_up, birthday, closing, stale; days counts from today
(negative: past). Tasks add due, about, repeat; follow-ups follow_up and last_contact;
birthdays birthday and age; deals stage, value, currency, close and last_contact.";

/// Overdue and upcoming tasks, follow-ups due, birthdays, closing and stale deals
#[derive(clap::Args, Debug)]
#[command(after_long_help = JSON_HELP)]
pub struct AgendaArgs {
    /// Look ahead this many days for due tasks, birthdays and closing deals
    /// (default: [digest] days in rolo.toml, 7)
    #[arg(long, value_name = "N")]
    days: Option<u32>,
    /// Only what these owners look after
    #[arg(long = "owner", value_name = "OWNER")]
    owners: Vec<String>,
}

/// What needs attention today: the agenda without the look-ahead
#[derive(clap::Args, Debug)]
#[command(after_long_help = JSON_HELP)]
pub struct TodayArgs {
    /// Only what these owners look after
    #[arg(long = "owner", value_name = "OWNER")]
    owners: Vec<String>,
}

/// The agenda for cron mail: prints nothing (exit 0) when nothing needs attention
#[derive(clap::Args, Debug)]
#[command(after_long_help = "\
A crontab line that mails the digest every weekday at 08:00 (cron mails what a job prints,
and sends nothing when it prints nothing):
  0 8 * * 1-5  rolo --dir ~/crm digest --format html")]
pub struct DigestArgs {
    /// How to write it: plain text, Markdown, or a standalone HTML page
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Look ahead this many days (default: [digest] days in rolo.toml, 7)
    #[arg(long, value_name = "N")]
    days: Option<u32>,
    /// Only what these owners look after
    #[arg(long = "owner", value_name = "OWNER")]
    owners: Vec<String>,
}

pub fn run_agenda(ctx: &Context, a: &AgendaArgs) -> CliResult {
    let book = ctx.open_book()?;
    let days = a.days.unwrap_or(book.config.digest.days);
    let agenda = build(ctx, &book, Options { days, owners: a.owners.clone() })?;
    show(ctx, &agenda)
}

pub fn run_today(ctx: &Context, a: &TodayArgs) -> CliResult {
    let book = ctx.open_book()?;
    let agenda = build(ctx, &book, Options { days: 0, owners: a.owners.clone() })?;
    show(ctx, &agenda)
}

pub fn run_digest(ctx: &Context, a: &DigestArgs) -> CliResult {
    let book = ctx.open_book()?;
    let days = a.days.unwrap_or(book.config.digest.days);
    // One source for the agenda and the charts: the index brought up to date once.
    let source = ctx.source(&book)?;
    let agenda = build_from(ctx, &book, &source, Options { days, owners: a.owners.clone() })?;
    if ctx.out.json {
        return json(ctx, &agenda);
    }
    // Nothing to say: no output at all, so cron sends no mail.
    if !agenda.items.is_empty() {
        let charts = match a.format {
            Format::Html => charts(ctx, &book, &source, &a.owners)?,
            _ => Vec::new(),
        };
        ctx.out.line(digest::render(&agenda, a.format, &charts).trim_end())?;
    }
    Ok(())
}

/// The funnel and revenue charts the HTML digest ends with, of these owners' deals.
fn charts(
    ctx: &Context,
    book: &Book,
    source: &rolo::source::Source,
    owners: &[String],
) -> Result<Vec<rolo::render::chart::Chart>, super::CliError> {
    let deals = source.records(&[Kind::Deal], rolo::model::row::Keys::ALL, false)?;
    let today = ctx.clock.today();
    let theirs = |owner: String| {
        owners.is_empty() || owners.iter().any(|o| o.to_lowercase() == owner.to_lowercase())
    };
    let charts = rolo::for_both!(&deals, d => {
        let deals: Vec<_> =
            d.deals.iter().filter(|r| theirs(rolo::pipeline::owner(*r, &book.config))).collect();
        super::report::digest_charts(&deals, book, today)
    });
    super::let_exit_free(deals);
    Ok(charts)
}

fn show(ctx: &Context, agenda: &Agenda) -> CliResult {
    if ctx.out.json {
        return json(ctx, agenda);
    }
    if agenda.items.is_empty() {
        ctx.out.line("Nothing needs attention.")?;
    } else {
        ctx.out.line(digest::render_terminal(agenda, ctx.out.colored()).trim_end())?;
    }
    Ok(())
}

fn json(ctx: &Context, agenda: &Agenda) -> CliResult {
    let today = agenda.today;
    let items: Vec<_> = agenda.items.iter().map(|item| ItemJson { item, today }).collect();
    ctx.out.print_json(&items)?;
    Ok(())
}

/// The agenda, from the index (only the records it can concern) or from every file.
pub(super) fn build(
    ctx: &Context,
    book: &Book,
    options: Options,
) -> Result<Agenda, super::CliError> {
    build_from(ctx, book, &ctx.source(book)?, options)
}

/// [`build`] from a source already open.
pub(super) fn build_from(
    ctx: &Context,
    book: &Book,
    source: &rolo::source::Source,
    options: Options,
) -> Result<Agenda, super::CliError> {
    let agenda = source.agenda(&book.config, ctx.clock.now(), &options)?;
    for problem in &agenda.problems {
        ctx.out.warn(problem);
    }
    Ok(agenda)
}
