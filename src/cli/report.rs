//! `rolo report funnel|revenue|sources|activity`: each as a table, `--json` (the SPEC's
//! shapes) or `--csv`. The numbers come from `rolo::reports`; this file only prints.

use comfy_table::{Cell, CellAlignment};
use serde::Serialize;
use serde_json::Value as Json;

use rolo::model::View;
use rolo::pipeline::Range;
use rolo::reports::{self, Period};
use rolo::{Book, Kind};

use super::list::thousands;
use super::pipeline::{Data, Source, amounts, load, whole_numbers};
use super::{CliError, CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum ReportCommand {
    /// Per stage: deals that reached it, conversion to the next, median days in it
    Funnel(Common),
    /// Won value per month, quarter or owner, per currency
    Revenue(RevenueArgs),
    /// Per lead source: contacts, deals, won deals and value, win rate
    Sources(Common),
    /// Notes per period, kind, direction and owner; who was contacted most and least recently
    Activity(ActivityArgs),
}

#[derive(clap::Args, Debug)]
pub struct Common {
    /// From this day on (2026-10-01, -3m, …)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    from: Option<String>,
    /// Up to this day, included
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    to: Option<String>,
    /// Print CSV with a header line (instead of a table or JSON)
    #[arg(long)]
    csv: bool,
}

#[derive(clap::Args, Debug)]
pub struct RevenueArgs {
    #[command(flatten)]
    common: Common,
    /// Bucket by month, quarter or owner
    #[arg(long, value_enum, default_value_t = RevenueBy::Month)]
    by: RevenueBy,
}

#[derive(clap::Args, Debug)]
pub struct ActivityArgs {
    #[command(flatten)]
    common: Common,
    /// Bucket by week or month
    #[arg(long, value_enum, default_value_t = ActivityBy::Month)]
    by: ActivityBy,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum RevenueBy {
    Month,
    Quarter,
    Owner,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ActivityBy {
    Week,
    Month,
}

pub fn run(ctx: &Context, cmd: ReportCommand) -> CliResult {
    let book = ctx.open_book()?;
    let kinds: &[Kind] = match &cmd {
        ReportCommand::Funnel(_) | ReportCommand::Revenue(_) => &[Kind::Deal],
        ReportCommand::Sources(_) => &[Kind::Contact, Kind::Deal],
        ReportCommand::Activity(_) => &[Kind::Contact, Kind::Company, Kind::Deal, Kind::Note],
    };
    let last = matches!(cmd, ReportCommand::Activity(_));
    let source = load(ctx, &book, kinds, last)?;
    let done = match &source {
        Source::Index(d) => report(ctx, &book, d, &cmd),
        Source::Files(d) => report(ctx, &book, d, &cmd),
    };
    super::let_exit_free(source);
    done
}

fn range(ctx: &Context, c: &Common) -> Result<Range, CliError> {
    let day = |s: &Option<String>| -> Result<_, CliError> {
        match s {
            Some(s) => Ok(Some(rolo::dates::parse_expr(s, ctx.clock.now())?.local_date())),
            None => Ok(None),
        }
    };
    Ok(Range { from: day(&c.from)?, to: day(&c.to)? })
}

fn report<V: View>(ctx: &Context, book: &Book, d: &Data<V>, cmd: &ReportCommand) -> CliResult {
    let config = &book.config;
    match cmd {
        ReportCommand::Funnel(c) => {
            let f = reports::funnel(&d.deals, config, range(ctx, c)?);
            let rows: Vec<Vec<String>> = f
                .stages
                .iter()
                .map(|s| {
                    vec![
                        s.stage.clone(),
                        s.reached.to_string(),
                        s.conversion.map(percent).unwrap_or_default(),
                        s.median_days.map(|x| x.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            let header = ["STAGE", "REACHED", "CONVERSION", "MEDIAN DAYS"];
            if c.csv {
                let csv_rows = f.stages.iter().map(|s| {
                    vec![
                        s.stage.clone(),
                        s.reached.to_string(),
                        s.conversion.map(|x| x.to_string()).unwrap_or_default(),
                        s.median_days.map(|x| x.to_string()).unwrap_or_default(),
                    ]
                });
                return csv(ctx, &["stage", "reached", "conversion", "median_days"], csv_rows);
            }
            if ctx.out.json {
                return json(ctx, &f);
            }
            table(ctx, &header, rows)?;
            let win = f.win_rate.map(percent).unwrap_or_else(|| "-".into());
            let cycle = f.median_cycle_days.map_or_else(|| "-".into(), |x| format!("{x} days"));
            ctx.out
                .line(format_args!("Win rate: {win}. Median cycle (created → won): {cycle}."))?;
            Ok(())
        }
        ReportCommand::Revenue(a) => {
            let by = match a.by {
                RevenueBy::Month => Period::Month,
                RevenueBy::Quarter => Period::Quarter,
                RevenueBy::Owner => Period::Owner,
            };
            let rows = reports::revenue(&d.deals, config, range(ctx, &a.common)?, by);
            let cells = |r: &reports::RevenueRow, won: String| {
                vec![r.period.clone(), r.currency.clone(), won, r.count.to_string()]
            };
            if a.common.csv {
                let lines = rows.iter().map(|r| cells(r, r.won.to_string()));
                return csv(ctx, &["period", "currency", "won", "count"], lines);
            }
            if ctx.out.json {
                return json(ctx, &rows);
            }
            let first = if by == Period::Owner { "OWNER" } else { "PERIOD" };
            let lines = rows.iter().map(|r| cells(r, thousands(r.won))).collect();
            table(ctx, &[first, "CURRENCY", "WON", "DEALS"], lines)
        }
        ReportCommand::Sources(c) => {
            let rows = reports::sources(&d.contacts, &d.deals, config, range(ctx, c)?);
            if c.csv {
                // One won-value column per currency, so a spreadsheet can sum them.
                let mut currencies: Vec<&String> =
                    rows.iter().flat_map(|r| r.won_value.keys()).collect();
                currencies.sort();
                currencies.dedup();
                let mut header: Vec<String> =
                    ["source", "contacts", "deals", "won", "win_rate"].map(String::from).into();
                header.extend(currencies.iter().map(|c| format!("won_value_{c}")));
                let lines =
                    rows.iter().map(|r| {
                        let mut line = vec![
                            r.source.clone().unwrap_or_default(),
                            r.contacts.to_string(),
                            r.deals.to_string(),
                            r.won.to_string(),
                            r.win_rate.map(|x| x.to_string()).unwrap_or_default(),
                        ];
                        line.extend(currencies.iter().map(|c| {
                            r.won_value.get(*c).map(|v| v.to_string()).unwrap_or_default()
                        }));
                        line
                    });
                let header: Vec<&str> = header.iter().map(String::as_str).collect();
                return csv(ctx, &header, lines);
            }
            if ctx.out.json {
                return json(ctx, &rows);
            }
            let lines = rows
                .iter()
                .map(|r| {
                    vec![
                        r.source.clone().unwrap_or_else(|| "(none)".into()),
                        r.contacts.to_string(),
                        r.deals.to_string(),
                        r.won.to_string(),
                        amounts(&r.won_value),
                        r.win_rate.map(percent).unwrap_or_default(),
                    ]
                })
                .collect();
            table(ctx, &["SOURCE", "CONTACTS", "DEALS", "WON", "WON VALUE", "WIN RATE"], lines)
        }
        ReportCommand::Activity(a) => {
            let by = match a.by {
                ActivityBy::Week => Period::Week,
                ActivityBy::Month => Period::Month,
            };
            let mut owners = reports::owners_of(&d.contacts);
            owners.extend(reports::owners_of(&d.companies));
            owners.extend(reports::owners_of(&d.deals));
            let rows = reports::activity(&d.notes, &owners, config, range(ctx, &a.common)?, by);
            let cells = |r: &reports::ActivityRow| {
                vec![
                    r.period.clone(),
                    r.kind.clone(),
                    r.direction.clone().unwrap_or_default(),
                    r.owner.clone(),
                    r.count.to_string(),
                ]
            };
            if a.common.csv {
                let header = ["period", "kind", "direction", "owner", "count"];
                return csv(ctx, &header, rows.iter().map(cells));
            }
            if ctx.out.json {
                return json(ctx, &rows);
            }
            let header = ["PERIOD", "KIND", "DIR", "OWNER", "NOTES"];
            table(ctx, &header, rows.iter().map(cells).collect())?;
            let (most, least) = reports::most_and_least_recent(&d.contacts, &d.last_contact, 5);
            for (title, list) in [("MOST RECENT CONTACT", most), ("LEAST RECENT CONTACT", least)] {
                if list.is_empty() {
                    continue;
                }
                let lines = list
                    .iter()
                    .map(|c| {
                        let when = c.last_contact.map_or_else(|| "never".into(), |d| d.to_string());
                        vec![c.id.clone(), c.name.clone(), when]
                    })
                    .collect();
                table(ctx, &["ID", "NAME", title], lines)?;
            }
            Ok(())
        }
    }
}

/// `0.6667` → `66.7%`.
fn percent(x: f64) -> String {
    format!("{}%", rolo::pipeline::round(x * 100.0, 1))
}

fn json(ctx: &Context, value: &impl Serialize) -> CliResult {
    let value = serde_json::to_value(value).map(whole_numbers).unwrap_or(Json::Null);
    ctx.out.print_json(&value)?;
    Ok(())
}

/// A table whose cells after the first two are numbers (right-aligned); empty: a header.
fn table(ctx: &Context, header: &[&str], rows: Vec<Vec<String>>) -> CliResult {
    let mut t = ctx.out.table(header.iter().copied());
    for row in rows {
        t.add_row(
            row.into_iter()
                .enumerate()
                .map(|(i, text)| {
                    let right = i > 0 && text.starts_with(|c: char| c.is_ascii_digit());
                    let cell = Cell::new(text);
                    if right { cell.set_alignment(CellAlignment::Right) } else { cell }
                })
                .collect::<Vec<_>>(),
        );
    }
    ctx.out.print_table(&t)?;
    Ok(())
}

fn csv(ctx: &Context, header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> CliResult {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| CliError::Failed(format!("cannot write CSV: {e}"));
    w.write_record(header).map_err(fail)?;
    for row in rows {
        w.write_record(&row).map_err(fail)?;
    }
    let bytes = w.into_inner().map_err(|e| CliError::Failed(format!("cannot write CSV: {e}")))?;
    let text = String::from_utf8_lossy(&bytes);
    ctx.out.line(text.trim_end())?;
    Ok(())
}
