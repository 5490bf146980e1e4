//! `rolo date [EXPR…]`: what a date expression means, before using it; with none, what
//! each form means today.

use chrono::{Datelike, SecondsFormat};
use rolo::dates::When;

use super::{CliResult, Context};

/// Show what a date expression means (friday, in 3 days, 5 dec, eoq, завтра в 15:00)
///
/// A weekday is the next one after today, never today: `friday` said on a Friday is a
/// week later, and `next friday` is the same day as `friday`. A day of the year without
/// a year (`5 dec`) is the next one from today on. `sow`/`eow`, `som`/`eom`, `soq`/`eoq`
/// are the first and last day of this week (Monday to Sunday), month and quarter.
/// Without EXPR, shows what every form means today.
#[derive(clap::Args, Debug)]
pub struct DateArgs {
    /// The expression, as --due and --date take it (-2w too)
    #[arg(allow_hyphen_values = true, value_name = "EXPR")]
    expr: Option<String>,
    /// More words of it: `rolo date next tuesday` needs no quotes
    #[arg(value_name = "WORDS")]
    more: Vec<String>,
}

/// `2026-11-27 Fri (in 4 days)`, `2026-12-01 15:00 Tue (in 8 days)`; with `--json`
/// `{"input", "date", "datetime" (only with a time), "weekday", "days_from_today"}`.
/// Without an expression, one line (or object) per example form.
pub fn run(ctx: &Context, a: &DateArgs) -> CliResult {
    let Some(first) = &a.expr else { return examples(ctx) };
    let input = std::iter::once(first).chain(&a.more).cloned().collect::<Vec<_>>().join(" ");
    let when = rolo::dates::parse_expr(&input, ctx.clock.now())?;
    if ctx.out.json {
        ctx.out.print_json(&json(ctx, &input, when))?;
    } else {
        ctx.out.line(describe(ctx, when))?;
    }
    Ok(())
}

/// Every example form and what it means now: a table, or a JSON array.
fn examples(ctx: &Context) -> CliResult {
    let now = ctx.clock.now();
    let meanings: Vec<(&str, When)> = rolo::dates::EXAMPLES
        .iter()
        .filter_map(|e| rolo::dates::parse_expr(e, now).ok().map(|w| (*e, w)))
        .collect();
    if ctx.out.json {
        let items = meanings.iter().map(|(e, w)| json(ctx, e, *w)).collect();
        ctx.out.print_json(&serde_json::Value::Array(items))?;
        return Ok(());
    }
    let mut table = ctx.out.table(["EXPRESSION", "MEANS"]);
    for (expr, when) in meanings {
        table.add_row(vec![expr.to_string(), describe(ctx, when)]);
    }
    ctx.out.print_table(&table)?;
    ctx.out.status(
        "Also: YYYY-MM-DD, 'YYYY-MM-DD HH:MM', +3d/-2w/+1m/+1y, in N days/weeks/months/years, \
         через N дней/недель/месяцев, soy/eoy, and a time after any day (friday 9:30).",
    );
    Ok(())
}

fn describe(ctx: &Context, when: When) -> String {
    let day = when.local_date();
    let days = (day - ctx.clock.today()).num_days();
    format!("{} {} ({})", when.display(), day.weekday(), distance(days))
}

fn json(ctx: &Context, input: &str, when: When) -> serde_json::Value {
    let day = when.local_date();
    let mut out = serde_json::Map::new();
    out.insert("input".into(), input.into());
    out.insert("date".into(), day.format("%Y-%m-%d").to_string().into());
    if !matches!(when, When::Date(_)) {
        let at = when.instant().to_rfc3339_opts(SecondsFormat::AutoSi, true);
        out.insert("datetime".into(), at.into());
    }
    out.insert("weekday".into(), day.weekday().to_string().into());
    out.insert("days_from_today".into(), (day - ctx.clock.today()).num_days().into());
    serde_json::Value::Object(out)
}

/// `today`, `tomorrow`, `in 3 days`, `2 days ago`.
pub fn distance(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}
