//! `rolo report funnel|revenue|sources|activity`: each as a table (the funnel and revenue
//! with bars beside their numbers on a terminal), `--json` (the shapes in docs/format.md), `--csv`,
//! or `--html` (a standalone page with the chart as inline SVG). The numbers come from
//! `rolo::reports`, the bars from `rolo::render::chart`; this file only lays them out.

use std::io::IsTerminal;

use chrono::{Datelike, NaiveDate};
use comfy_table::{Cell, CellAlignment, Color};
use serde::Serialize;
use serde_json::Value as Json;

use rolo::model::View;
use rolo::pipeline::Range;
use rolo::render::chart::{self, Bar, Chart};
use rolo::reports::{self, Funnel, Period, RevenueRow};
use rolo::{Book, Kind};

use super::digest;
use super::list::thousands;
use super::pipeline::{Records, amounts, whole_numbers};
use super::{CliError, CliResult, Context};
use rolo::model::row::Keys;

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
    #[arg(long, conflicts_with = "html")]
    csv: bool,
    /// Print a standalone HTML page: the chart as inline SVG and the table (for mail)
    #[arg(long)]
    html: bool,
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
    let config = &book.config;
    let (common, laid) = match &cmd {
        ReportCommand::Funnel(c) => {
            let range = range(ctx, c)?;
            let kept = kept(
                ctx,
                &book,
                "funnel",
                &format!("{range:?}"),
                &[Kind::Deal],
                |r| rolo::for_both!(r, d => reports::funnel(&d.deals, config, range)),
            )?;
            (c, funnel(kept))
        }
        ReportCommand::Revenue(a) => {
            let by = match a.by {
                RevenueBy::Month => Period::Month,
                RevenueBy::Quarter => Period::Quarter,
                RevenueBy::Owner => Period::Owner,
            };
            let range = range(ctx, &a.common)?;
            let args = format!("{range:?} {by:?}");
            let rows = kept(
                ctx,
                &book,
                "revenue",
                &args,
                &[Kind::Deal],
                |r| rolo::for_both!(r, d => reports::revenue(&d.deals, config, range, by)),
            )?;
            (&a.common, revenue(&rows, by))
        }
        ReportCommand::Sources(c) => {
            let range = range(ctx, c)?;
            let kinds = [Kind::Contact, Kind::Deal];
            let rows = kept(
                ctx,
                &book,
                "sources",
                &format!("{range:?}"),
                &kinds,
                |r| rolo::for_both!(r, d => reports::sources(&d.contacts, &d.deals, config, range)),
            )?;
            (c, sources(&rows))
        }
        ReportCommand::Activity(a) => {
            // Every note counted once per state of the book (and kept), not per report.
            let summary = ctx.source(&book)?.activity(RECENT)?;
            (&a.common, activity(ctx, &book, &summary, a)?)
        }
    };
    print(ctx, common, laid)
}

/// How many contacts `report activity` names as talked to most, and least, recently.
const RECENT: usize = 5;

/// A report `make` computes from the records of `kinds` (every key, left for the
/// process's exit to free), kept beside the index as `name` while the book, `args` (its
/// range, its buckets), the config and the zone stay as they are.
fn kept<T>(
    ctx: &Context,
    book: &Book,
    name: &str,
    args: &str,
    kinds: &[Kind],
    make: impl FnOnce(&Records) -> T,
) -> Result<T, CliError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq,
{
    let source = ctx.source(book)?;
    Ok(source.report(name, args, &book.config, |source| {
        let records = source.records(kinds, Keys::ALL, false)?;
        let report = make(&records);
        super::let_exit_free(records);
        Ok(report)
    })?)
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

/// A report laid out every way it can be printed; [`print`] picks the one asked for.
struct Laid {
    /// What the HTML page is titled after.
    what: &'static str,
    /// The table, as people read it (amounts with thousands separators, percentages).
    header: Vec<&'static str>,
    lines: Vec<Vec<String>>,
    /// Bars beside the table's rows on a terminal.
    bars: Option<Bars>,
    /// The same as CSV: plain numbers, for a spreadsheet.
    csv_header: Vec<String>,
    csv_lines: Vec<Vec<String>>,
    json: Json,
    /// The charts of the HTML page, above the table.
    charts: Vec<Chart>,
    /// A line after the table (and on the page).
    summary: Option<String>,
    /// Further tables on a terminal, after the first.
    more: Vec<(Vec<&'static str>, Vec<Vec<String>>)>,
}

fn to_json(value: &impl Serialize) -> Json {
    serde_json::to_value(value).map(whole_numbers).unwrap_or(Json::Null)
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// Print a report as `--csv`, `--html`, `--json` or a table.
fn print(ctx: &Context, c: &Common, r: Laid) -> CliResult {
    if c.csv {
        let header: Vec<&str> = r.csv_header.iter().map(String::as_str).collect();
        return csv(ctx, &header, r.csv_lines.into_iter());
    }
    if c.html {
        let mut body: String = r.charts.iter().map(digest::html_chart).collect();
        body.push_str(&digest::html_table(&r.header, &r.lines));
        if let Some(summary) = &r.summary {
            body.push_str(&format!(
                "<p style=\"margin:12px 0 0;color:#555\">{}</p>\n",
                chart::escape(summary)
            ));
        }
        return page(ctx, r.what, &body);
    }
    if ctx.out.json {
        ctx.out.print_json(&r.json)?;
        return Ok(());
    }
    table(ctx, &r.header, r.lines, r.bars)?;
    if let Some(summary) = r.summary {
        ctx.out.line(summary)?;
    }
    for (header, lines) in r.more {
        if !lines.is_empty() {
            table(ctx, &header, lines, None)?;
        }
    }
    Ok(())
}

fn funnel(f: Funnel) -> Laid {
    let lines = f
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
    let csv_lines = f
        .stages
        .iter()
        .map(|s| {
            vec![
                s.stage.clone(),
                s.reached.to_string(),
                s.conversion.map(|x| x.to_string()).unwrap_or_default(),
                s.median_days.map(|x| x.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let win = f.win_rate.map(percent).unwrap_or_else(|| "-".into());
    let cycle = f.median_cycle_days.map_or_else(|| "-".into(), |x| format!("{x} days"));
    let top = chart::max(f.stages.iter().map(|s| s.reached as f64));
    Laid {
        what: "funnel",
        header: vec!["STAGE", "REACHED", "CONVERSION", "MEDIAN DAYS"],
        lines,
        bars: Some(f.stages.iter().map(|s| (s.reached as f64, top)).collect()),
        csv_header: strings(&["stage", "reached", "conversion", "median_days"]),
        csv_lines,
        json: to_json(&f),
        charts: vec![funnel_chart(&f)],
        summary: Some(format!("Win rate: {win}. Median cycle (created → won): {cycle}.")),
        more: Vec::new(),
    }
}

fn revenue(rows: &[RevenueRow], by: Period) -> Laid {
    let cells = |r: &RevenueRow, won: String| {
        vec![r.period.clone(), r.currency.clone(), won, r.count.to_string()]
    };
    // Amounts are scaled against the largest of their own currency only.
    let bars = rows
        .iter()
        .map(|r| {
            let top = chart::max(rows.iter().filter(|o| o.currency == r.currency).map(|o| o.won));
            (r.won, top)
        })
        .collect();
    Laid {
        what: "revenue",
        header: vec![
            if by == Period::Owner { "OWNER" } else { "PERIOD" },
            "CURRENCY",
            "WON",
            "DEALS",
        ],
        lines: rows.iter().map(|r| cells(r, thousands(r.won))).collect(),
        bars: Some(bars),
        csv_header: strings(&["period", "currency", "won", "count"]),
        csv_lines: rows.iter().map(|r| cells(r, r.won.to_string())).collect(),
        json: to_json(&rows),
        charts: revenue_charts(rows),
        summary: None,
        more: Vec::new(),
    }
}

fn sources(rows: &[reports::SourceRow]) -> Laid {
    // One won-value column per currency in CSV, so a spreadsheet can sum them.
    let mut currencies: Vec<&String> = rows.iter().flat_map(|r| r.won_value.keys()).collect();
    currencies.sort();
    currencies.dedup();
    let mut csv_header = strings(&["source", "contacts", "deals", "won", "win_rate"]);
    csv_header.extend(currencies.iter().map(|c| format!("won_value_{c}")));
    let csv_lines = rows
        .iter()
        .map(|r| {
            let mut line = vec![
                r.source.clone().unwrap_or_default(),
                r.contacts.to_string(),
                r.deals.to_string(),
                r.won.to_string(),
                r.win_rate.map(|x| x.to_string()).unwrap_or_default(),
            ];
            line.extend(
                currencies
                    .iter()
                    .map(|c| r.won_value.get(*c).map(|v| v.to_string()).unwrap_or_default()),
            );
            line
        })
        .collect();
    let name = |r: &reports::SourceRow| r.source.clone().unwrap_or_else(|| "(none)".into());
    let lines = rows
        .iter()
        .map(|r| {
            vec![
                name(r),
                r.contacts.to_string(),
                r.deals.to_string(),
                r.won.to_string(),
                amounts(&r.won_value),
                r.win_rate.map(percent).unwrap_or_default(),
            ]
        })
        .collect();
    let bars = rows
        .iter()
        .map(|r| Bar {
            label: name(r),
            value: r.deals as f64,
            text: format!("{} deals, {} won", r.deals, r.won),
        })
        .collect();
    Laid {
        what: "lead sources",
        header: vec!["SOURCE", "CONTACTS", "DEALS", "WON", "WON VALUE", "WIN RATE"],
        lines,
        bars: None,
        csv_header,
        csv_lines,
        json: to_json(&rows),
        charts: vec![Chart { title: "Deals per lead source".into(), bars }],
        summary: None,
        more: Vec::new(),
    }
}

fn activity(
    ctx: &Context,
    book: &Book,
    summary: &reports::ActivitySummary,
    a: &ActivityArgs,
) -> Result<Laid, CliError> {
    let by = match a.by {
        ActivityBy::Week => Period::Week,
        ActivityBy::Month => Period::Month,
    };
    let rows = &reports::activity(&summary.notes, &book.config, range(ctx, &a.common)?, by);
    let recent = [
        ("MOST RECENT CONTACT", &summary.most_recent),
        ("LEAST RECENT CONTACT", &summary.least_recent),
    ];
    let cells = |r: &reports::ActivityRow| {
        vec![
            r.period.clone(),
            r.kind.clone(),
            r.direction.clone().unwrap_or_default(),
            r.owner.clone(),
            r.count.to_string(),
        ]
    };
    let mut per_period: Vec<(String, usize)> = Vec::new();
    for r in rows {
        match per_period.iter_mut().find(|(p, _)| *p == r.period) {
            Some((_, n)) => *n += r.count,
            None => per_period.push((r.period.clone(), r.count)),
        }
    }
    let bars = per_period
        .into_iter()
        .map(|(period, n)| Bar { label: period, value: n as f64, text: n.to_string() })
        .collect();
    let more = recent
        .into_iter()
        .map(|(title, list)| {
            let lines = list
                .iter()
                .map(|c| {
                    let when = c.last_contact.map_or_else(|| "never".into(), |d| d.to_string());
                    vec![c.id.clone(), c.name.clone(), when]
                })
                .collect();
            (vec!["ID", "NAME", title], lines)
        })
        .collect();
    Ok(Laid {
        what: "activity",
        header: vec!["PERIOD", "KIND", "DIR", "OWNER", "NOTES"],
        lines: rows.iter().map(cells).collect(),
        bars: None,
        csv_header: strings(&["period", "kind", "direction", "owner", "count"]),
        csv_lines: rows.iter().map(cells).collect(),
        json: to_json(&rows),
        charts: vec![Chart { title: "Notes per period".into(), bars }],
        summary: None,
        more,
    })
}

/// `0.6667` → `66.7%`.
fn percent(x: f64) -> String {
    format!("{}%", rolo::pipeline::round(x * 100.0, 1))
}

/// The funnel as bars: deals that reached each stage, and how many went on.
pub fn funnel_chart(f: &Funnel) -> Chart {
    let bars = f
        .stages
        .iter()
        .map(|s| Bar {
            label: s.stage.clone(),
            value: s.reached as f64,
            text: match s.conversion {
                Some(c) => format!("{} · {} went on", s.reached, percent(c)),
                None => s.reached.to_string(),
            },
        })
        .collect();
    Chart { title: "Funnel: deals that reached each stage".into(), bars }
}

/// Revenue as bars, one chart per currency (amounts are never compared across them).
pub fn revenue_charts(rows: &[RevenueRow]) -> Vec<Chart> {
    let mut currencies: Vec<&str> = rows.iter().map(|r| r.currency.as_str()).collect();
    currencies.sort_unstable();
    currencies.dedup();
    currencies
        .into_iter()
        .map(|cur| Chart {
            title: format!("Won, {cur}"),
            bars: rows
                .iter()
                .filter(|r| r.currency == cur)
                .map(|r| Bar {
                    label: r.period.clone(),
                    value: r.won,
                    text: format!(
                        "{} {cur} · {} deal{}",
                        thousands(r.won),
                        r.count,
                        if r.count == 1 { "" } else { "s" }
                    ),
                })
                .collect(),
        })
        .collect()
}

/// The charts the HTML digest shows of `deals`: the funnel of all time, and what was won
/// in each of the twelve months up to `today`. None when nothing reached a stage.
pub fn digest_charts<V: View>(deals: &[V], book: &Book, today: NaiveDate) -> Vec<Chart> {
    let config = &book.config;
    let f = reports::funnel(deals, config, Range::default());
    if f.stages.iter().all(|s| s.reached == 0) {
        return Vec::new();
    }
    let start = (today - chrono::Months::new(11)).with_day(1).unwrap_or(today);
    let range = Range { from: Some(start), to: Some(today) };
    let mut charts = vec![funnel_chart(&f)];
    charts.extend(revenue_charts(&reports::revenue(deals, config, range, Period::Month)));
    charts
}

/// A report's standalone HTML page on stdout.
fn page(ctx: &Context, what: &str, body: &str) -> CliResult {
    let day = ctx.clock.today().format("%Y-%m-%d");
    ctx.out.line(digest::page(&format!("rolo: {what}, {day}"), body).trim_end())?;
    Ok(())
}

/// A row's bar length: its value, and the value that fills the room.
type Bars = Vec<(f64, f64)>;

/// Bars at most this wide; at least this wide on a narrow terminal.
const BARS_MAX: usize = 60;
const BARS_MIN: usize = 10;

/// Whether bars go beside the numbers: on a terminal (or with `--color always`), never
/// in a pipe, so what scripts read stays as it was.
fn on_terminal(ctx: &Context) -> bool {
    !ctx.out.json && (std::io::stdout().is_terminal() || ctx.out.colored())
}

/// A table whose cells after the first two are numbers (right-aligned); empty: a header.
/// On a terminal, `bars` adds a last column of bars sized to the room the table leaves.
fn table(ctx: &Context, header: &[&str], rows: Vec<Vec<String>>, bars: Option<Bars>) -> CliResult {
    let bars = bars.filter(|_| on_terminal(ctx));
    let mut t = build(ctx, header, &rows, None);
    if let Some(bars) = bars {
        // Each column takes its content, a space each side and a border; then the bars'.
        let used: usize =
            t.column_max_content_widths().iter().map(|w| usize::from(*w) + 3).sum::<usize>() + 1;
        let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok());
        let total = t.width().map(usize::from).or(columns).unwrap_or(80);
        let room = total.saturating_sub(used + 3).clamp(BARS_MIN, BARS_MAX);
        t = build(ctx, header, &rows, Some((&bars, room)));
    }
    ctx.out.print_table(&t)?;
    Ok(())
}

fn build(
    ctx: &Context,
    header: &[&str],
    rows: &[Vec<String>],
    bars: Option<(&Bars, usize)>,
) -> comfy_table::Table {
    let mut names: Vec<&str> = header.to_vec();
    if bars.is_some() {
        names.push("");
    }
    let mut t = ctx.out.table(names);
    for (n, row) in rows.iter().enumerate() {
        let mut cells: Vec<Cell> = row
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let right = i > 0 && text.starts_with(|c: char| c.is_ascii_digit());
                let cell = Cell::new(text);
                if right { cell.set_alignment(CellAlignment::Right) } else { cell }
            })
            .collect();
        if let Some((bars, room)) = bars {
            let (value, top) = bars.get(n).copied().unwrap_or_default();
            cells.push(ctx.out.cell(chart::blocks(value, top, room), Some(Color::Blue)));
        }
        t.add_row(cells);
    }
    t
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
