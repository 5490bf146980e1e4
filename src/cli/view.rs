//! `rolo view [NAME]`: the saved views of `[views]` in rolo.toml, or what one finds,
//! as the list tables of its kinds (deals with totals per currency).

use std::collections::HashMap;

use serde_json::{Value as Json, json};

use rolo::Kind;
use rolo::filter::Context as FilterContext;
use rolo::model::{Card, View};

use super::list;
use super::{CliResult, Context};

/// Show a saved view from [views] in rolo.toml, or list the views
///
/// A view is a search query with a name (`hot = "type:deal stage:proposal OR
/// stage:negotiation"`), or a table with list options: `[views.hot]` with `query`,
/// `sort` (as list's --sort, e.g. "-value"), `columns` (["title", "stage", "value",
/// "close"]: a list's column names or any key) and `limit`. Records of several kinds show
/// as one table per kind; deals end with their total per currency.
#[derive(clap::Args, Debug)]
pub struct ViewArgs {
    /// The view to show; without it, the views are listed
    name: Option<String>,
}

pub fn run(ctx: &Context, a: &ViewArgs) -> CliResult {
    let book = ctx.open_book()?;
    let Some(name) = &a.name else { return list_views(ctx, &book.config.views) };
    let view = rolo::views::find(&book.config, name)?;
    let query = rolo::views::query(view)?;
    // Every sort is checked before anything is printed.
    let mut sorts = HashMap::new();
    for kind in Kind::ALL {
        sorts.insert(kind, rolo::views::sort(view, kind)?);
    }
    let (index, _) = super::search::open_index(ctx, &book, false)?;
    let cards = match rolo::views::records(&index, &query) {
        Ok(cards) => cards,
        // A damaged index is a cache to rebuild, not an error to report.
        Err(_) => rolo::views::records(&super::search::open_index(ctx, &book, true)?.0, &query)?,
    };
    let lookup = index.lookup()?;
    let names = |k: Kind, id: &str| lookup.titles.get(&(k, id.to_string())).cloned();
    let cx = FilterContext {
        now: ctx.clock.now(),
        config: &book.config,
        last_contact: &lookup.last_contact,
    };
    // One group per kind, in the usual order of kinds, each sorted and cut as a list is.
    let mut groups: Vec<(Kind, Vec<&Card>)> = Vec::new();
    for kind in Kind::ALL {
        let mut records: Vec<&Card> = cards.iter().filter(|c| c.kind() == kind).collect();
        if records.is_empty() {
            continue;
        }
        sorts[&kind].apply(&mut records, &cx);
        if let Some(n) = view.limit {
            records.truncate(n);
        }
        groups.push((kind, records));
    }
    if ctx.out.json {
        let items: Vec<Json> = groups
            .iter()
            .flat_map(|(_, records)| {
                records.iter().map(|r| Json::Object(list::record_json(*r, &cx)))
            })
            .collect();
        ctx.out.print_json(&Json::Array(items))?;
        return Ok(());
    }
    if groups.is_empty() {
        ctx.out.status(format_args!("Nothing matches view \"{name}\"."));
        return Ok(());
    }
    let several = groups.len() > 1;
    for (i, (kind, records)) in groups.iter().enumerate() {
        if several {
            let gap = if i == 0 { "" } else { "\n" };
            ctx.out.line(format_args!("{gap}{} ({})", kind.dir(), records.len()))?;
        }
        let columns: Vec<&str> = if view.columns.is_empty() {
            list::default_columns(*kind).to_vec()
        } else {
            view.columns.iter().map(String::as_str).collect()
        };
        let table = list::table(*kind, records, &names, &cx, &columns);
        ctx.out.print_grid(&table)?;
        if *kind == Kind::Deal {
            let totals = rolo::views::totals(records, &book.config);
            if !totals.is_empty() {
                let each: Vec<String> = totals
                    .iter()
                    .map(|(currency, sum)| format!("{} {currency}", list::thousands(*sum)))
                    .collect();
                ctx.out.line(format_args!("Total: {}", each.join(", ")))?;
            }
        }
    }
    super::let_exit_free((cards, lookup));
    Ok(())
}

/// The views, name and query (and list options), in the order of rolo.toml.
fn list_views(ctx: &Context, views: &[rolo::config::SavedView]) -> CliResult {
    if ctx.out.json {
        let items: Vec<Json> = views
            .iter()
            .map(|v| {
                json!({
                    "name": v.name, "query": v.query, "sort": v.sort,
                    "columns": v.columns, "limit": v.limit,
                })
            })
            .collect();
        ctx.out.print_json(&Json::Array(items))?;
        return Ok(());
    }
    if views.is_empty() {
        ctx.out.status(
            "No views: add them under [views] in rolo.toml, e.g. hot = \"type:deal stage:proposal\".",
        );
        return Ok(());
    }
    let mut table = ctx.out.table(["NAME", "QUERY", "OPTIONS"]);
    for v in views {
        let mut options = Vec::new();
        if let Some(sort) = &v.sort {
            options.push(format!("sort {sort}"));
        }
        if !v.columns.is_empty() {
            options.push(format!("columns {}", v.columns.join(", ")));
        }
        if let Some(n) = v.limit {
            options.push(format!("limit {n}"));
        }
        table.add_row(vec![v.name.clone(), v.query.clone(), options.join("; ")]);
    }
    ctx.out.print_table(&table)?;
    Ok(())
}
