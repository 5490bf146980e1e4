//! `rolo pipeline`: deals per stage in pipeline order with count, total and weighted
//! forecast per currency, then the open total and won/lost apart (docs/format.md: "Commands").
//! Also the loader `pipeline` and `report` share: cards from the index, or the files
//! with `ROLO_NO_INDEX=1`, so both ways give the same numbers.

use comfy_table::{Cell, CellAlignment};
use serde_json::Value as Json;

use rolo::model::row::Keys;
use rolo::model::{Row, View};
use rolo::pipeline::{self, GroupBy, Money, Pipeline};
use rolo::{Book, Kind, Record};

use super::list::thousands;
use super::{CliError, CliResult, Context};

/// Show deals per stage: count, total and weighted forecast per currency
#[derive(clap::Args, Debug)]
#[command(after_long_help = "\
--json: {\"stages\": [{\"stage\", \"count\", \"total\": {CUR: n}, \"weighted\": {CUR: n}}…],
\"open\": {\"count\", \"total\", \"weighted\"}, \"won\": {\"count\", \"total\"}, \"lost\": {…}};
with --by, an array of these, each with the owner, source or currency it covers.")]
pub struct PipelineArgs {
    /// Only deals of these owners
    #[arg(long = "owner")]
    owners: Vec<String>,
    /// One pipeline per owner, source or currency
    #[arg(long, value_enum, value_name = "KEY")]
    by: Option<By>,
    /// The pipeline as it stood at the end of this day (or at this git commit): deals and
    /// stages as committed then
    #[arg(long, value_name = "DATE|REVISION")]
    at: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum By {
    Owner,
    Source,
    Currency,
}

pub use rolo::source::Data;

/// The records of an aggregate, from the index or from the files.
pub type Records = rolo::source::Found<Data<Row>, Data<Record>>;

/// The records of `kinds`, from the index (the default) or every file.
pub fn load(ctx: &Context, book: &Book, kinds: &[Kind], last: bool) -> Result<Records, CliError> {
    load_keys(ctx, book, kinds, Keys::ALL, last)
}

/// [`load`], the rows from the index holding only `keys`.
pub fn load_keys(
    ctx: &Context,
    book: &Book,
    kinds: &[Kind],
    keys: Keys,
    last: bool,
) -> Result<Records, CliError> {
    Ok(ctx.source(book)?.records(kinds, keys, last)?)
}

pub fn run(ctx: &Context, a: &PipelineArgs) -> CliResult {
    let book = ctx.open_book()?;
    if let Some(at) = &a.at {
        let Some(snap) = rolo::history::snapshot(&book, at, ctx.clock.now())? else {
            return Err(CliError::Failed(format!("the book has no commit on or before {at}")));
        };
        let deals = snap.records(&book, &[Kind::Deal])?;
        for problem in &deals.problems {
            ctx.out.status(problem);
        }
        return show(ctx, &book, &deals.records, a);
    }
    let source = load(ctx, &book, &[Kind::Deal], false)?;
    let done = rolo::for_both!(&source, d => show(ctx, &book, &d.deals, a));
    super::let_exit_free(source);
    done
}

fn show<V: View>(ctx: &Context, book: &Book, deals: &[V], a: &PipelineArgs) -> CliResult {
    let config = &book.config;
    let deals: Vec<&V> = deals
        .iter()
        .filter(|d| {
            a.owners.is_empty()
                || a.owners
                    .iter()
                    .any(|o| o.to_lowercase() == pipeline::owner(*d, config).to_lowercase())
        })
        .collect();
    let groups: Vec<(Option<String>, Pipeline)> = match a.by {
        None => vec![(None, pipeline::pipeline(&deals, config))],
        Some(by) => pipeline::grouped(&deals, config, group_by(by))
            .into_iter()
            .map(|(k, p)| (Some(k), p))
            .collect(),
    };
    for (_, p) in &groups {
        for (path, stage) in &p.unknown {
            ctx.out.warn(format_args!(
                "{path}: stage \"{stage}\" is not one of the pipeline's: {}",
                config.pipeline.stages.join(", ")
            ));
        }
    }
    if ctx.out.json {
        let json = match a.by {
            None => to_json(&groups[0].1),
            Some(by) => Json::Array(
                groups
                    .iter()
                    .map(|(k, p)| {
                        let mut obj = serde_json::Map::new();
                        obj.insert(
                            group_by(by).key().into(),
                            Json::String(k.clone().unwrap_or_default()),
                        );
                        if let Json::Object(rest) = to_json(p) {
                            obj.extend(rest);
                        }
                        Json::Object(obj)
                    })
                    .collect(),
            ),
        };
        ctx.out.print_json(&json)?;
        return Ok(());
    }
    let mut header = vec!["STAGE", "DEALS", "TOTAL", "WEIGHTED"];
    if let Some(by) = a.by {
        header.insert(0, by_title(by));
    }
    let mut table = ctx.out.table(header);
    for (key, p) in &groups {
        let mut rows: Vec<(String, usize, &Money, Option<&Money>)> = p
            .stages
            .iter()
            .map(|r| (r.stage.clone(), r.count, &r.total, Some(&r.weighted)))
            .collect();
        rows.push(("open".into(), p.open.count, &p.open.total, Some(&p.open.weighted)));
        rows.push((config.pipeline.won.clone(), p.won.count, &p.won.total, None));
        rows.push((config.pipeline.lost.clone(), p.lost.count, &p.lost.total, None));
        for (stage, count, total, weighted) in rows {
            let mut row = Vec::new();
            if key.is_some() {
                row.push(Cell::new(key.as_deref().filter(|k| !k.is_empty()).unwrap_or("(none)")));
            }
            row.push(Cell::new(stage));
            row.push(Cell::new(count).set_alignment(CellAlignment::Right));
            row.push(Cell::new(amounts(total)).set_alignment(CellAlignment::Right));
            row.push(
                Cell::new(weighted.map(amounts).unwrap_or_default())
                    .set_alignment(CellAlignment::Right),
            );
            table.add_row(row);
        }
    }
    ctx.out.print_table(&table)?;
    Ok(())
}

fn to_json(p: &Pipeline) -> Json {
    serde_json::to_value(p).map(whole_numbers).unwrap_or(Json::Null)
}

/// `12000.0` → `12000`: amounts print as people wrote them (fractions stay).
pub fn whole_numbers(v: Json) -> Json {
    match v {
        Json::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9e15 => Json::from(f as i64),
            _ => Json::Number(n),
        },
        Json::Array(a) => Json::Array(a.into_iter().map(whole_numbers).collect()),
        Json::Object(o) => {
            Json::Object(o.into_iter().map(|(k, v)| (k, whole_numbers(v))).collect())
        }
        other => other,
    }
}

fn group_by(by: By) -> GroupBy {
    match by {
        By::Owner => GroupBy::Owner,
        By::Source => GroupBy::Source,
        By::Currency => GroupBy::Currency,
    }
}

fn by_title(by: By) -> &'static str {
    match by {
        By::Owner => "OWNER",
        By::Source => "SOURCE",
        By::Currency => "CURRENCY",
    }
}

/// `12 000 EUR` per line, one line per currency; nothing for no amounts.
pub fn amounts(m: &Money) -> String {
    m.iter().map(|(cur, v)| format!("{} {cur}", thousands(*v))).collect::<Vec<_>>().join("\n")
}
