//! `rolo date EXPR`: what a date expression means, before using it.

use chrono::{Datelike, SecondsFormat};
use rolo::dates::When;

use super::{CliResult, Context};

/// Show what a date expression means (friday, +3d, eom, 2026-12-01 15:00)
#[derive(clap::Args, Debug)]
pub struct DateArgs {
    /// The expression, as --due and --date take it (-2w too)
    #[arg(allow_hyphen_values = true)]
    expr: String,
}

/// `2026-11-27 Fri (in 4 days)`, `2026-12-01 15:00 Tue (in 8 days)`; with `--json`
/// `{"input", "date", "datetime" (only with a time), "weekday", "days_from_today"}`.
pub fn run(ctx: &Context, a: &DateArgs) -> CliResult {
    let when = rolo::dates::parse_expr(&a.expr, ctx.clock.now())?;
    let day = when.local_date();
    let days = (day - ctx.clock.today()).num_days();
    let weekday = day.weekday().to_string();
    if ctx.out.json {
        let mut out = serde_json::Map::new();
        out.insert("input".into(), a.expr.clone().into());
        out.insert("date".into(), day.format("%Y-%m-%d").to_string().into());
        if !matches!(when, When::Date(_)) {
            let at = when.instant().to_rfc3339_opts(SecondsFormat::AutoSi, true);
            out.insert("datetime".into(), at.into());
        }
        out.insert("weekday".into(), weekday.into());
        out.insert("days_from_today".into(), days.into());
        let out = serde_json::Value::Object(out);
        ctx.out.print_json(&out)?;
    } else {
        ctx.out.line(format_args!("{} {weekday} ({})", when.display(), distance(days)))?;
    }
    Ok(())
}

/// `today`, `tomorrow`, `in 4 days`, `3 days ago`.
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
