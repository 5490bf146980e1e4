//! `rolo show REF`: one record, what it links to, what links to it, and its timeline
//! of notes and tasks.

use comfy_table::{Cell, presets};
use rolo::model::facts::LastContacts;
use serde_json::{Value as Json, json};
use toml_edit::Item;

use rolo::filter::Context as FilterContext;
use rolo::model::record::display_value;
use rolo::model::reference::Entry;

use rolo::model::schema::link_keys;
use rolo::model::{Catalog, View};
use rolo::{Book, Kind, Record, history, links};

use super::list::{money, record_json, task_status};
use super::{CliError, CliResult, Context};

/// Show one record with its links and its timeline of notes and tasks
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// Record id, type/id, unique prefix, or a name as written
    reference: String,
    /// The record as it was at the end of this day (or at this git commit), with its
    /// links and timeline as of then
    #[arg(long, value_name = "DATE|REVISION")]
    at: Option<String>,
}

/// One line of the timeline: a note or a task about the record (or its people).
struct Event<'a, V> {
    record: &'a V,
    at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

pub fn run(ctx: &Context, a: &ShowArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (entry, rel) = book.resolve(&a.reference, &Kind::ALL)?;
    if let Some(at) = &a.at {
        return run_at(ctx, &book, &entry, &rel, at);
    }
    // The record itself from its file (every key in its order); the rest of the book,
    // for links and the timeline, from the index.
    let record = book.read_at(entry.kind, &entry.id, &rel)?;
    let source = ctx.source(&book)?;
    rolo::for_both!(source.near(&record, &entry)?, near => render(
        ctx,
        &book,
        &record,
        &entry,
        &near.records,
        &near.last_contact,
        ctx.clock.now(),
    ))
}

/// `show --at`: the record, and the records around it, as the commit of that day (or
/// that commit) holds them; notes dated after it are not in its timeline yet.
fn run_at(ctx: &Context, book: &Book, entry: &Entry, rel: &std::path::Path, at: &str) -> CliResult {
    let when = at;
    let Some(snap) = history::snapshot(book, at, ctx.clock.now())? else {
        return Err(CliError::Failed(format!("{} did not exist yet on {when}", entry.qualified())));
    };
    let Some(then) = snap.locate(entry, rel)? else {
        return Err(CliError::Failed(format!("{} did not exist yet on {when}", entry.qualified())));
    };
    let mut found = snap.read(book, std::slice::from_ref(&then))?;
    let Some(record) = found.records.pop() else {
        if let Some(problem) = found.problems.pop() {
            return Err(rolo::Error::Bad(problem).into());
        }
        return Err(CliError::Failed(format!("{} did not exist yet on {when}", entry.qualified())));
    };
    // What it links to, and what mentions it (of which links::backlinks keeps those
    // that link to it); for a company, also what mentions its people.
    let mut targets = Vec::new();
    for (key, expected) in link_keys(record.kind) {
        for value in record.strs(key) {
            match value.split_once('/').and_then(|(k, id)| Some((k.parse::<Kind>().ok()?, id))) {
                Some((kind, id)) => targets.push(Entry { kind, id: id.to_string() }),
                None => {
                    let kinds = expected.map_or_else(|| Kind::LINKABLE.to_vec(), |k| vec![k]);
                    targets.extend(kinds.into_iter().map(|kind| Entry { kind, id: value.into() }));
                }
            }
        }
    }
    let mut records = snap.read(book, &targets)?.records;
    let mentioning = snap.mentioning(book, &[then.id.as_str()], &Kind::ALL)?.records;
    let people: Vec<String> = if then.kind == Kind::Company {
        mentioning
            .iter()
            .filter(|r| r.kind == Kind::Contact && links::links_to(*r, &then))
            .map(|r| r.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    records.extend(mentioning);
    if !people.is_empty() {
        let words: Vec<&str> = people.iter().map(String::as_str).collect();
        records.extend(snap.mentioning(book, &words, &[Kind::Note, Kind::Task])?.records);
    }
    // Notes dated after the moment had not happened yet.
    records
        .retain(|r| r.kind != Kind::Note || r.when("date").is_none_or(|w| w.instant() <= snap.at));
    let mut seen = std::collections::HashSet::new();
    records.retain(|r| r.id != then.id || r.kind != then.kind);
    records.retain(|r| seen.insert((r.kind, r.id.clone())));
    let loaded = Catalog::new(records, Vec::new());
    let last = links::last_contacts(&loaded);
    render(ctx, book, &record, &then, &loaded, &last, snap.at)
}

fn render<V: View>(
    ctx: &Context,
    book: &Book,
    record: &Record,
    entry: &Entry,
    loaded: &Catalog<V>,
    last: &LastContacts,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> CliResult {
    let cx = FilterContext { now, config: &book.config, last_contact: last };
    let around = Around::gather(book, record, entry, loaded);
    if ctx.out.json {
        return print_json(ctx, book, record, &cx, loaded, &around);
    }
    let out = &ctx.out;
    out.line(format_args!("{}  {}", record.qualified_id(), record.title()))?;
    let fields = fields_table(record, &cx);
    if fields.row_count() > 0 {
        out.line(indent(&fields.to_string()))?;
    }
    print_links(ctx, &around)?;
    print_relations(ctx, loaded, &around)?;
    print_linked_from(ctx, &around)?;
    print_timeline(ctx, &cx, &around)?;
    if !record.body.trim().is_empty() {
        out.line(format_args!("\n{}", record.body.trim_end()))?;
    }
    Ok(())
}

/// What `show` prints around a record: its links, relations, who links to it, and its
/// timeline (notes and tasks about it; for a company, also about its people), newest first.
struct Around<'a, V> {
    outgoing: Vec<&'a V>,
    dangling: Vec<String>,
    relations: Vec<rolo::relations::Shown>,
    linked_from: Vec<&'a V>,
    events: Vec<Event<'a, V>>,
}

impl<'a, V: View> Around<'a, V> {
    fn gather(book: &Book, record: &Record, entry: &Entry, loaded: &'a Catalog<V>) -> Self {
        let (outgoing, dangling) = links::outgoing(record, loaded);
        // Linked by a key (a relation alone is listed under Relations).
        let backlinks: Vec<&V> =
            loaded.records.iter().filter(|r| links::key_links_to(*r, entry)).collect();
        let relations = rolo::relations::shown(&book.config, record, loaded);
        let mut about = vec![entry.clone()];
        if entry.kind == Kind::Company {
            about.extend(
                backlinks
                    .iter()
                    .filter(|r| r.kind() == Kind::Contact)
                    .map(|r| Entry { kind: r.kind(), id: r.id().to_string() }),
            );
        }
        let mut events: Vec<Event<V>> = loaded
            .records
            .iter()
            .filter(|r| matches!(r.kind(), Kind::Note | Kind::Task))
            .filter(|r| about.iter().any(|e| links::links_to(*r, e)))
            .map(|r| {
                let key = if r.kind() == Kind::Note { "date" } else { "due" };
                Event { record: r, at: r.when(key).map(|w| w.instant()) }
            })
            .collect();
        events.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.record.id().cmp(b.record.id())));
        let linked_from = backlinks
            .into_iter()
            .filter(|r| !matches!(r.kind(), Kind::Note | Kind::Task))
            .collect();
        Around { outgoing, dangling, relations, linked_from, events }
    }
}

fn print_json<V: View>(
    ctx: &Context,
    book: &Book,
    record: &Record,
    cx: &FilterContext,
    loaded: &Catalog<V>,
    around: &Around<V>,
) -> CliResult {
    let mut map = record_json(record, cx);
    map.insert(
        "links".into(),
        json!(around.outgoing.iter().map(|r| r.qualified_id()).collect::<Vec<_>>()),
    );
    map.insert("broken_links".into(), json!(around.dangling));
    let relations: Vec<Json> = around
        .relations
        .iter()
        .map(|r| {
            let other = r.other.as_ref().and_then(|e| loaded.get(e.kind, &e.id));
            json!({
                "to": r.other.as_ref().map_or_else(|| r.to.clone(), Entry::qualified),
                "kind": r.kind,
                "direction": r.direction.name(),
                "written": r.written,
                "title": other.map(|o| o.title()),
            })
        })
        .collect();
    map.insert("relations".into(), Json::Array(relations));
    map.insert(
        "linked_from".into(),
        json!(around.linked_from.iter().map(|r| r.qualified_id()).collect::<Vec<_>>()),
    );
    let timeline: Vec<Json> = around
        .events
        .iter()
        .map(|e| {
            let r = e.record;
            let key = if r.kind() == Kind::Note { "date" } else { "due" };
            json!({
                "type": r.kind().name(),
                "id": r.id(),
                "date": r.to_json().get(key).cloned().unwrap_or(Json::Null),
                "kind": r.str("kind"),
                "title": r.title(),
                "done": r.kind() == Kind::Task && !rolo::filter::is_open(r, &book.config),
            })
        })
        .collect();
    map.insert("timeline".into(), Json::Array(timeline));
    ctx.out.print_json(&Json::Object(map))?;
    Ok(())
}

/// The record's keys in the order written (the title is the heading), then its last contact.
fn fields_table(record: &Record, cx: &FilterContext) -> comfy_table::Table {
    let mut fields = comfy_table::Table::new();
    fields.load_style(presets::NOTHING);
    fields.force_no_tty();
    for (key, item) in record.doc.iter() {
        match item {
            Item::Value(_) if key == "relations" => {}
            Item::Value(v) if Some(key) != record.kind.title_key() => {
                let text = if key == "value" && record.kind == Kind::Deal {
                    money(record)
                } else {
                    display_value(v)
                };
                fields.add_row(vec![Cell::new(format!("{key}:")), Cell::new(text)]);
            }
            Item::Table(t) => {
                for (k, v) in t.iter() {
                    let text = v.as_value().map(display_value).unwrap_or_else(|| v.to_string());
                    fields.add_row(vec![Cell::new(format!("{key}.{k}:")), Cell::new(text)]);
                }
            }
            Item::ArrayOfTables(arr) if key == "history" => {
                let steps: Vec<String> = arr
                    .iter()
                    .map(|t| {
                        let stage = t.get("stage").and_then(Item::as_str).unwrap_or("?");
                        let at = t
                            .get("at")
                            .and_then(Item::as_value)
                            .map(display_value)
                            .unwrap_or_default();
                        format!("{stage} ({at})")
                    })
                    .collect();
                fields.add_row(vec![Cell::new("history:"), Cell::new(steps.join(" → "))]);
            }
            _ => {}
        }
    }
    if let Some(w) = cx.last_contact(record) {
        fields.add_row(vec![Cell::new("last contact:"), Cell::new(w.display())]);
    }
    fields
}

fn print_links<V: View>(ctx: &Context, around: &Around<V>) -> CliResult {
    if around.outgoing.is_empty() && around.dangling.is_empty() {
        return Ok(());
    }
    ctx.out.line("\nLinks")?;
    for r in &around.outgoing {
        ctx.out.line(format_args!("  {}  {}", r.qualified_id(), r.title()))?;
    }
    for id in &around.dangling {
        ctx.out.line(format_args!("  {id}  (no such record)"))?;
    }
    Ok(())
}

fn print_relations<V: View>(ctx: &Context, loaded: &Catalog<V>, around: &Around<V>) -> CliResult {
    if around.relations.is_empty() {
        return Ok(());
    }
    ctx.out.line("\nRelations")?;
    let mut table = comfy_table::Table::new();
    table.load_style(presets::NOTHING);
    table.force_no_tty();
    for r in &around.relations {
        let (id, title) = match &r.other {
            Some(e) => {
                (e.qualified(), loaded.get(e.kind, &e.id).map(|o| o.title()).unwrap_or_default())
            }
            None => (r.to.clone(), "(no such record)".to_string()),
        };
        table.add_row(vec![Cell::new(format!("{}:", r.kind)), Cell::new(id), Cell::new(title)]);
    }
    ctx.out.line(indent(&table.to_string()))?;
    Ok(())
}

fn print_linked_from<V: View>(ctx: &Context, around: &Around<V>) -> CliResult {
    if around.linked_from.is_empty() {
        return Ok(());
    }
    ctx.out.line("\nLinked from")?;
    for r in &around.linked_from {
        let extra = match r.kind() {
            Kind::Deal => format!("  [{}] {}", r.str("stage").unwrap_or("?"), money(*r)),
            _ => String::new(),
        };
        ctx.out.line(format_args!("  {}  {}{}", r.qualified_id(), r.title(), extra.trim_end()))?;
    }
    Ok(())
}

fn print_timeline<V: View>(ctx: &Context, cx: &FilterContext, around: &Around<V>) -> CliResult {
    if around.events.is_empty() {
        return Ok(());
    }
    ctx.out.line("\nTimeline")?;
    for e in &around.events {
        let r = e.record;
        let (date, what) = if r.kind() == Kind::Note {
            let dir = r.str("direction").map(|d| format!(" {d}")).unwrap_or_default();
            (r.when("date"), format!("{}{dir}", r.str("kind").unwrap_or("note")))
        } else {
            (r.when("due"), format!("task {}", task_status(r, cx).0))
        };
        let date = date.map(|w| w.display()).unwrap_or_else(|| "-".into());
        ctx.out.line(format_args!(
            "  {date:<16}  {what:<12}  {}  ({})",
            r.title(),
            r.qualified_id()
        ))?;
    }
    Ok(())
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {}", l.trim_end())).collect::<Vec<_>>().join("\n")
}
