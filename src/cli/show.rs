//! `rolo show REF`: one record, what it links to, what links to it, and its timeline
//! of notes and tasks.

use comfy_table::{Cell, presets};
use serde_json::{Value as Json, json};
use toml_edit::Item;

use rolo::filter::Context as FilterContext;
use rolo::model::record::display_value;
use rolo::model::reference::Entry;
use std::collections::HashMap;

use rolo::dates::When;
use rolo::index::SearchIndex;
use rolo::model::schema::link_keys;
use rolo::model::{Card, Catalog, View};
use rolo::{Book, Kind, Record, links};

use super::list::{money, record_json, task_status};
use super::{CliError, CliResult, Context};

/// Show one record with its links and its timeline of notes and tasks
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// Record id, type/id, unique prefix, or a name as written
    reference: String,
}

/// One line of the timeline: a note or a task about the record (or its people).
struct Event<'a, V> {
    record: &'a V,
    at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

pub fn run(ctx: &Context, a: &ShowArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (entry, rel) = book.resolve(&a.reference, &Kind::ALL)?;
    // The record itself from its file (every key in its order); the rest of the book,
    // for links and the timeline, from the index.
    let record = book.read_at(entry.kind, &entry.id, &rel)?;
    if ctx.use_index() {
        let (index, _) = super::search::open_index(ctx, &book, false)?;
        let near = neighbourhood(&index, &record, &entry)?;
        render(ctx, &book, &record, &entry, &near, &index.lookup()?.last_contact)
    } else {
        let loaded = ctx.load(&book, &Kind::ALL)?;
        render(ctx, &book, &record, &entry, &loaded, &links::last_contacts(&loaded))
    }
}

/// The records `show` needs around one record, from the index: what it links to, what
/// links to it, and for a company what links to its people (their notes and tasks).
fn neighbourhood(
    index: &SearchIndex,
    record: &Record,
    entry: &Entry,
) -> Result<Catalog<Card>, CliError> {
    let mut targets = Vec::new();
    for (key, expected) in link_keys(record.kind) {
        for value in record.strs(key) {
            let (kinds, id) =
                match value.split_once('/').and_then(|(k, id)| Some((k.parse::<Kind>().ok()?, id)))
                {
                    Some((k, id)) => (vec![k], id),
                    None => (expected.map_or_else(|| Kind::LINKABLE.to_vec(), |k| vec![k]), value),
                };
            targets.extend(kinds.into_iter().map(|kind| Entry { kind, id: id.to_string() }));
        }
    }
    for r in record.relations() {
        let named = rolo::model::relation::targets(&r.to);
        targets.extend(named.into_iter().map(|(kind, id)| Entry { kind, id: id.to_string() }));
    }
    let mut cards = index.cards_of(&targets)?;
    let linking: Vec<Card> =
        index.cards_linking_to(entry)?.into_iter().filter(|c| links::links_to(c, entry)).collect();
    if entry.kind == Kind::Company {
        for person in
            linking.iter().filter(|c| c.kind == Kind::Contact && links::key_links_to(*c, entry))
        {
            let person = Entry { kind: Kind::Contact, id: person.id.clone() };
            cards.extend(
                index
                    .cards_linking_to(&person)?
                    .into_iter()
                    .filter(|c| links::key_links_to(c, &person)),
            );
        }
    }
    cards.extend(linking);
    let mut seen = std::collections::HashSet::new();
    cards.retain(|c| seen.insert((c.kind, c.id.clone())));
    Ok(Catalog::new(cards, Vec::new()))
}

fn render<V: View>(
    ctx: &Context,
    book: &Book,
    record: &Record,
    entry: &Entry,
    loaded: &Catalog<V>,
    last: &HashMap<Entry, When>,
) -> CliResult {
    let cx = FilterContext { now: ctx.clock.now(), config: &book.config, last_contact: last };
    let (outgoing, dangling) = links::outgoing(record, loaded);
    // Linked by a key (a relation alone is listed under Relations).
    let backlinks: Vec<&V> =
        loaded.records.iter().filter(|r| links::key_links_to(*r, entry)).collect();
    let relations = rolo::relations::shown(&book.config, record, loaded);

    // The timeline: notes and tasks about it; for a company, also about its people.
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
    let linked_from: Vec<&&V> =
        backlinks.iter().filter(|r| !matches!(r.kind(), Kind::Note | Kind::Task)).collect();

    if ctx.out.json {
        let mut map = record_json(record, &cx);
        map.insert(
            "links".into(),
            json!(outgoing.iter().map(|r| r.qualified_id()).collect::<Vec<_>>()),
        );
        map.insert("broken_links".into(), json!(dangling));
        let relations: Vec<Json> = relations
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
            json!(linked_from.iter().map(|r| r.qualified_id()).collect::<Vec<_>>()),
        );
        let timeline: Vec<Json> = events
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
        return Ok(());
    }

    let out = &ctx.out;
    out.line(format_args!("{}  {}", record.qualified_id(), record.title()))?;
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
    if fields.row_count() > 0 {
        out.line(indent(&fields.to_string()))?;
    }
    if !outgoing.is_empty() || !dangling.is_empty() {
        out.line("\nLinks")?;
        for r in &outgoing {
            out.line(format_args!("  {}  {}", r.qualified_id(), r.title()))?;
        }
        for id in &dangling {
            out.line(format_args!("  {id}  (no such record)"))?;
        }
    }
    if !relations.is_empty() {
        out.line("\nRelations")?;
        let mut table = comfy_table::Table::new();
        table.load_style(presets::NOTHING);
        table.force_no_tty();
        for r in &relations {
            let (id, title) = match &r.other {
                Some(e) => (
                    e.qualified(),
                    loaded.get(e.kind, &e.id).map(|o| o.title()).unwrap_or_default(),
                ),
                None => (r.to.clone(), "(no such record)".to_string()),
            };
            table.add_row(vec![Cell::new(format!("{}:", r.kind)), Cell::new(id), Cell::new(title)]);
        }
        out.line(indent(&table.to_string()))?;
    }
    if !linked_from.is_empty() {
        out.line("\nLinked from")?;
        for r in &linked_from {
            let extra = match r.kind() {
                Kind::Deal => format!("  [{}] {}", r.str("stage").unwrap_or("?"), money(r)),
                _ => String::new(),
            };
            out.line(format_args!("  {}  {}{}", r.qualified_id(), r.title(), extra.trim_end()))?;
        }
    }
    if !events.is_empty() {
        out.line("\nTimeline")?;
        for e in &events {
            let r = e.record;
            let (date, what) = if r.kind() == Kind::Note {
                let dir = r.str("direction").map(|d| format!(" {d}")).unwrap_or_default();
                (r.when("date"), format!("{}{dir}", r.str("kind").unwrap_or("note")))
            } else {
                (r.when("due"), format!("task {}", task_status(r, &cx).0))
            };
            let date = date.map(|w| w.display()).unwrap_or_else(|| "-".into());
            out.line(format_args!(
                "  {date:<16}  {what:<12}  {}  ({})",
                r.title(),
                r.qualified_id()
            ))?;
        }
    }
    if !record.body.trim().is_empty() {
        out.line(format_args!("\n{}", record.body.trim_end()))?;
    }
    Ok(())
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {}", l.trim_end())).collect::<Vec<_>>().join("\n")
}
