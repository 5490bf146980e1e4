//! Saved views (`[views]` in rolo.toml): a name for a search query, and how to list what
//! it finds. The query and the sort are checked here, when a view is used, with errors
//! pointing into rolo.toml; the records come from the search index; deals get totals
//! per currency. Printing the tables is the CLI's.

use std::collections::BTreeMap;

use crate::config::{self, Config, SavedView};
use crate::error::{Error, Result};
use crate::filter::Sort;
use crate::index::SearchIndex;
use crate::model::{Card, Kind, View};
use crate::query::Query;

/// The view named `name`; an unknown name is a usage error listing the known ones.
pub fn find<'c>(config: &'c Config, name: &str) -> Result<&'c SavedView> {
    if let Some(view) = config.views.iter().find(|v| v.name == name) {
        return Ok(view);
    }
    let known: Vec<&str> = config.views.iter().map(|v| v.name.as_str()).collect();
    Err(Error::Usage(if known.is_empty() {
        format!("no view \"{name}\": {} has no [views]", config::FILE_NAME)
    } else {
        format!("no view \"{name}\"; the views are: {}", known.join(", "))
    }))
}

/// The view's query, parsed. A syntax error names the view and where it is: the line
/// and column in rolo.toml (the column within the query too, when the query is written
/// with escapes and the file's columns are not the query's).
pub fn query(view: &SavedView) -> Result<Query> {
    crate::query::parse(&view.query).map_err(|e| {
        let place = match view.at {
            Some((line, col, true)) => {
                format!("{}:{line}:{}", config::FILE_NAME, col + e.column - 1)
            }
            Some((line, col, false)) => format!("{}:{line}:{col}", config::FILE_NAME),
            None => config::FILE_NAME.to_string(),
        };
        let column = match view.at {
            Some((_, _, true)) => String::new(),
            _ => format!(" (column {} of the query)", e.column),
        };
        Error::Usage(format!("{place}: view \"{}\": {}{column}", view.name, e.message))
    })
}

/// How the records of `kind` are sorted: the view's `sort`, else the kind's own order.
pub fn sort(view: &SavedView, kind: Kind) -> Result<Sort> {
    match &view.sort {
        Some(s) => Sort::parse(s).map_err(|m| {
            Error::Usage(format!("{}: view \"{}\": sort: {m}", config::FILE_NAME, view.name))
        }),
        None => Ok(Sort::default_for(kind)),
    }
}

/// Every record the query finds, in book order.
pub fn records(index: &SearchIndex, query: &Query) -> Result<Vec<Card>> {
    index.cards_for(query)
}

/// The value of `deals` per currency (`currency` upper-cased, else `[defaults]
/// currency`): amounts in different currencies are never added together. Deals without
/// a value add nothing.
pub fn totals<V: View>(deals: &[&V], config: &Config) -> BTreeMap<String, f64> {
    let mut totals = BTreeMap::new();
    for deal in deals {
        if let Some(value) = deal.number("value") {
            *totals.entry(crate::pipeline::currency(*deal, config)).or_insert(0.0) += value;
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config(text: &str) -> Config {
        Config::parse(text, Path::new("rolo.toml")).unwrap()
    }

    #[test]
    fn unknown_views_list_the_known_ones() {
        let c = config("[views]\nhot = \"type:deal\"\nvip = \"tag:vip\"\n");
        assert_eq!(find(&c, "vip").unwrap().query, "tag:vip");
        let e = find(&c, "cold").unwrap_err();
        assert_eq!(e.to_string(), "no view \"cold\"; the views are: hot, vip");
        assert!(e.is_usage());
        let none = find(&Config::default(), "x").unwrap_err().to_string();
        assert_eq!(none, "no view \"x\": rolo.toml has no [views]");
    }

    #[test]
    fn a_bad_query_says_which_view_and_where() {
        let c = config(
            "[views]\nok = \"tag:vip\"\nhot = \"type:deal OR\"\n\n[views.odd]\nquery = \"\\\"x\\\" -\"\n",
        );
        assert!(query(&c.views[0]).is_ok());
        let e = query(&c.views[1]).unwrap_err();
        assert_eq!(e.to_string(), "rolo.toml:3:18: view \"hot\": OR needs a term on each side");
        assert!(e.is_usage());
        let e = query(&c.views[2]).unwrap_err().to_string();
        assert!(e.starts_with("rolo.toml:6:10: view \"odd\": "), "{e}");
        assert!(e.ends_with("(column 5 of the query)"), "{e}");
    }

    /// The commented examples of the template, uncommented, are views that work.
    #[test]
    fn the_templates_examples_are_good_views() {
        let mut in_views = false;
        let text: String = config::DEFAULT_TOML
            .lines()
            .map(|line| {
                // From `[views]` to the next section, written or in a comment.
                in_views = line == "[views]"
                    || (in_views && !line.starts_with('[') && !line.starts_with("# [["));
                match line.strip_prefix("# ") {
                    Some(example)
                        if in_views && (example.contains(" = ") || example.starts_with('[')) =>
                    {
                        format!("{example}\n")
                    }
                    _ => format!("{line}\n"),
                }
            })
            .collect();
        let c = config(&text);
        let names: Vec<&str> = c.views.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["hot", "vip-quiet", "big-deals"]);
        for view in &c.views {
            query(view).unwrap();
            sort(view, Kind::Deal).unwrap();
        }
        assert!(
            Config::parse(config::DEFAULT_TOML, Path::new("rolo.toml")).unwrap().views.is_empty()
        );
    }

    #[test]
    fn sorts_are_checked_when_used() {
        let c = config(
            "[views.big]\nquery = \"type:deal\"\nsort = \"-value\"\n\n[views.bad]\nquery = \"x\"\nsort = \"size\"\n",
        );
        assert!(sort(&c.views[0], Kind::Deal).unwrap().descending);
        let e = sort(&c.views[1], Kind::Deal).unwrap_err().to_string();
        assert!(e.starts_with("rolo.toml: view \"bad\": sort: unknown sort key"), "{e}");
    }

    #[test]
    fn totals_per_currency_never_mixed() {
        let deal = |toml: &str| {
            let mut r = crate::Record::new(Kind::Deal, "d".into(), "deals/d.md".into());
            r.doc = toml.parse().unwrap();
            r
        };
        let deals = [
            deal("value = 1200\ncurrency = \"eur\""),
            deal("value = 3800000\ncurrency = \"KZT\""),
            deal("value = 300"),
            deal("currency = \"USD\""),
        ];
        let refs: Vec<&crate::Record> = deals.iter().collect();
        let totals = totals(&refs, &Config::default());
        assert_eq!(
            totals.into_iter().collect::<Vec<_>>(),
            [("EUR".into(), 1500.0), ("KZT".into(), 3_800_000.0)]
        );
    }
}
