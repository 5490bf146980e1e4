//! `rolo history REF`: the commits that changed a record, newest first, across renames,
//! with what changed in its fields in words.

use serde_json::{Value as Json, json};

use rolo::Kind;
use rolo::history::{self, Step};
use rolo::store::diff::FieldChange;

use super::{CliResult, Context};

/// Show the commits that changed a record, newest first, with what changed in its fields
#[derive(clap::Args, Debug)]
#[command(after_long_help = "\
Follows the record across `rolo rename`. A record not committed yet, or a book not in git,
has no history (said so; not an error).

--json: [{\"commit\", \"date\", \"author\", \"message\", \"renamed_from\", \"created\", \"removed\",
\"changes\": [{\"key\", \"from\", \"to\", \"added\", \"removed\"}…], \"body\": {\"added\", \"removed\"}}…]")]
pub struct HistoryArgs {
    /// Record id, type/id, unique prefix, or a name as written
    reference: String,
    /// At most this many commits (the newest)
    #[arg(long, short = 'n', value_name = "N")]
    limit: Option<usize>,
}

pub fn run(ctx: &Context, a: &HistoryArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (entry, rel) = book.resolve(&a.reference, &Kind::ALL)?;
    let steps = history::history(&book, &entry, &rel, a.limit)?;
    if ctx.out.json {
        let steps: Vec<Json> = steps.iter().flatten().map(step_json).collect();
        ctx.out.print_json(&Json::Array(steps))?;
        return Ok(());
    }
    let name = entry.qualified();
    let steps = match steps {
        None => {
            return Ok(ctx
                .out
                .line(format_args!("{name} has no history: the book is not in git"))?);
        }
        Some(s) if s.is_empty() => {
            return Ok(ctx
                .out
                .line(format_args!("{name} has no history yet: it is not committed"))?);
        }
        Some(s) => s,
    };
    for (i, s) in steps.iter().enumerate() {
        if i > 0 {
            ctx.out.line("")?;
        }
        let short = s.commit.get(..8).unwrap_or(&s.commit);
        let subject = s.message.lines().next().unwrap_or_default();
        ctx.out.line(format_args!(
            "{}  {short}  {}  {subject}",
            s.date.format("%Y-%m-%d %H:%M"),
            s.author
        ))?;
        for line in describe(s) {
            ctx.out.line(format_args!("    {line}"))?;
        }
    }
    Ok(())
}

/// What a commit did to the record, one line per field: `title: Manager → CTO`,
/// `tags: +vip −cold`, `body: 3 lines added`.
fn describe(s: &Step) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(old) = &s.renamed_from {
        lines.push(format!("renamed from {}", old.qualified()));
    } else if s.created {
        lines.push("created".into());
    }
    if s.removed {
        lines.push("removed".into());
        return lines;
    }
    for c in &s.diff.fields {
        lines.push(field_line(c, s.created && s.renamed_from.is_none()));
    }
    let (added, removed) = (s.diff.body_added, s.diff.body_removed);
    let count = |n: usize, what: &str| format!("{n} line{} {what}", if n == 1 { "" } else { "s" });
    match (added, removed) {
        (0, 0) => {}
        (a, 0) => lines.push(format!("body: {}", count(a, "added"))),
        (0, r) => lines.push(format!("body: {}", count(r, "removed"))),
        (a, r) => lines.push(format!("body: {}, {r} removed", count(a, "added"))),
    }
    lines
}

fn field_line(c: &FieldChange, created: bool) -> String {
    if !c.added.is_empty() || !c.removed.is_empty() {
        let mut items: Vec<String> = c.added.iter().map(|i| format!("+{i}")).collect();
        items.extend(c.removed.iter().map(|i| format!("−{i}")));
        return format!("{}: {}", c.key, items.join(" "));
    }
    let none = "(none)";
    match (&c.from, &c.to) {
        (None, Some(to)) if created => format!("{}: {to}", c.key),
        (from, to) => format!(
            "{}: {} → {}",
            c.key,
            from.as_deref().unwrap_or(none),
            to.as_deref().unwrap_or(none)
        ),
    }
}

fn step_json(s: &Step) -> Json {
    let changes: Vec<Json> = s
        .diff
        .fields
        .iter()
        .map(|c| {
            json!({"key": c.key, "from": c.from, "to": c.to, "added": c.added, "removed": c.removed})
        })
        .collect();
    json!({
        "commit": s.commit,
        "date": s.date.to_rfc3339(),
        "author": s.author,
        "message": s.message,
        "renamed_from": s.renamed_from.as_ref().map(|e| e.qualified()),
        "created": s.created,
        "removed": s.removed,
        "changes": changes,
        "body": {"added": s.diff.body_added, "removed": s.diff.body_removed},
    })
}
