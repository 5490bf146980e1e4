//! What every `list` shares: the common flags, loading, filtering, sorting, and the
//! table (or JSON) each kind is shown as.

use chrono::NaiveDate;
use comfy_table::Color;

use super::grid::{Grid, GridCell};
use rolo::model::facts::LastContacts;
use serde_json::Value as Json;

use rolo::filter::{self, Context as FilterContext, ListFilter, Sort};

use rolo::model::View;
use rolo::{Book, Kind};

use super::{CliError, CliResult, Context};

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Only records with this tag (repeat: all of them)
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// Only records of these owners
    #[arg(long = "owner")]
    owners: Vec<String>,
    /// Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses
    #[arg(long, value_name = "KEY", allow_hyphen_values = true)]
    sort: Option<String>,
    /// Show at most this many
    #[arg(long)]
    limit: Option<usize>,
}

impl ListArgs {
    pub fn filter(&self) -> ListFilter {
        ListFilter { tags: self.tags.clone(), owners: self.owners.clone(), ..Default::default() }
    }
}

/// A company REF (id, type/id, prefix, or the name as written) → its id.
pub fn resolve_company(book: &Book, reference: &str) -> Result<String, CliError> {
    resolve_id(book, reference, Kind::Company)
}

pub fn resolve_id(book: &Book, reference: &str, kind: Kind) -> Result<String, CliError> {
    Ok(book.resolve(reference, &[kind])?.0.id)
}

/// `90d` → the date that many days before today.
pub fn span_before(ctx: &Context, span: Option<&str>) -> Result<Option<NaiveDate>, CliError> {
    let Some(span) = span else { return Ok(None) };
    let cadence: rolo::dates::Cadence =
        span.parse().map_err(|m: String| rolo::Error::value("quiet-since", m))?;
    Ok(cadence.before(ctx.clock.today()))
}

/// Load what the kind needs (from the index, or the files with `ROLO_NO_INDEX=1`),
/// filter, sort, print.
pub fn print(
    ctx: &Context,
    book: &Book,
    kind: Kind,
    filter: &ListFilter,
    args: &ListArgs,
) -> CliResult {
    let sort = match &args.sort {
        Some(s) => Sort::parse(s).map_err(|m| rolo::Error::value("sort", m))?,
        None => Sort::default_for(kind),
    };
    let shown = Shown { kind, filter, sort, limit: args.limit };
    let source = ctx.source(book)?;
    let last = source.last_contacts()?;
    if ctx.out.json {
        // Whole records: `--json` prints every key and the body.
        let records = source.cards(kind, &filter.narrowing())?;
        return rolo::for_both!(&records, r => {
            let picked = shown.pick(ctx, book, r.iter().collect(), &last);
            shown.show(ctx, book, picked, &|_, _| None, &last)
        });
    }
    // A table shows a few keys: slim rows, without decompressing whole records; and the
    // names of only the records the rows it shows link to.
    let rows = source.rows(kind, &filter.narrowing())?;
    let done = rolo::for_both!(&rows, rows => {
        let picked = shown.pick(ctx, book, rows.iter().collect(), &last);
        let linked: Vec<&str> = picked
            .iter()
            .flat_map(|r| r.str("company").into_iter().chain(r.str("contact")).chain(r.strs("about")))
            .collect();
        let kinds = named_kinds(kind, default_columns(kind));
        let titles = source.titles_of(&kinds, &linked)?;
        let names = |k: Kind, id: &str| titles.get(&(k, id.to_string())).cloned();
        shown.show(ctx, book, picked, &names, &last)
    });
    super::let_exit_free((rows, last));
    done
}

/// The kinds of record whose names a column shows, by the ids its records hold (none:
/// the column shows its own values).
fn column_names(kind: Kind, column: &str) -> &'static [Kind] {
    match (kind, column) {
        (Kind::Deal, "with") => &[Kind::Company, Kind::Contact],
        (_, "company") => &[Kind::Company],
        (_, "contact") => &[Kind::Contact],
        (_, "about") => &Kind::LINKABLE,
        _ => &[],
    }
}

/// The kinds of record whose names `columns` of a table of `kind`'s records show: the
/// only ones whose names need to be read.
fn named_kinds(kind: Kind, columns: &[&str]) -> Vec<Kind> {
    let mut kinds: Vec<Kind> =
        columns.iter().flat_map(|c| column_names(kind, c)).copied().collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
}

/// The name of a linked record, if it exists.
pub type Names<'a> = dyn Fn(Kind, &str) -> Option<String> + 'a;

struct Shown<'a> {
    kind: Kind,
    filter: &'a ListFilter,
    sort: Sort,
    limit: Option<usize>,
}

impl Shown<'_> {
    /// The records the filter keeps, sorted, at most `limit` of them.
    fn pick<'r, V: View>(
        &self,
        ctx: &Context,
        book: &Book,
        records: Vec<&'r V>,
        last: &LastContacts,
    ) -> Vec<&'r V> {
        let cx = FilterContext { now: ctx.clock.now(), config: &book.config, last_contact: last };
        let mut records: Vec<&V> =
            records.into_iter().filter(|r| self.filter.matches(*r, &cx)).collect();
        self.sort.apply(&mut records, &cx);
        if let Some(n) = self.limit {
            records.truncate(n);
        }
        records
    }

    /// Picked records as `--json` or a table.
    fn show<V: View>(
        &self,
        ctx: &Context,
        book: &Book,
        records: Vec<&V>,
        names: &Names,
        last: &LastContacts,
    ) -> CliResult {
        let kind = self.kind;
        let cx = FilterContext { now: ctx.clock.now(), config: &book.config, last_contact: last };
        if ctx.out.json {
            let items: Vec<Json> =
                records.iter().map(|r| Json::Object(record_json(*r, &cx))).collect();
            ctx.out.print_json(&Json::Array(items))?;
            return Ok(());
        }
        if records.is_empty() {
            ctx.out.status(format_args!("No {}.", kind.dir()));
            return Ok(());
        }
        let table = table(kind, &records, names, &cx, default_columns(kind));
        ctx.out.print_grid(&table)?;
        Ok(())
    }
}

/// The columns a kind's list shows.
pub fn default_columns(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Contact => {
            &["id", "name", "company", "email", "phone", "tags", "stage", "last-contact"]
        }
        Kind::Company => &["id", "name", "domain", "city", "tags", "last-contact"],
        Kind::Deal => &["id", "title", "stage", "value", "close", "with"],
        Kind::Note => &["id", "date", "kind", "dir", "about", "summary"],
        Kind::Task => &["id", "due", "title", "about", "repeat", "status"],
    }
}

/// A table of records of one kind. Columns are the names of [`default_columns`], or
/// any key of the records (its value in one line; a date as a date).
pub fn table<V: View, S: AsRef<str>>(
    kind: Kind,
    records: &[&V],
    names: &Names,
    cx: &FilterContext,
    columns: &[S],
) -> Grid {
    let mut table = Grid::new(columns.iter().map(|c| heading(c.as_ref())).collect());
    table.reserve(records.len());
    for r in records {
        table.push(columns.iter().map(|c| cell(kind, *r, c.as_ref(), names, cx)).collect());
    }
    table
}

/// `last-contact` → `LAST CONTACT`.
fn heading(column: &str) -> String {
    column.replace(['-', '_'], " ").to_uppercase()
}

fn cell<V: View>(kind: Kind, r: &V, column: &str, names: &Names, cx: &FilterContext) -> GridCell {
    let kinds = column_names(kind, column);
    let titles = |ids: Vec<&str>| -> String {
        ids.iter()
            .map(|id| kinds.iter().find_map(|&k| names(k, id)).unwrap_or_else(|| id.to_string()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let date = |key: &str| r.when(key).map(|w| w.display()).unwrap_or_default();
    match (kind, column) {
        (_, "id") => GridCell::new(r.id()),
        (_, "name" | "summary") => GridCell::new(r.title()),
        (Kind::Deal | Kind::Task | Kind::Note, "title") => GridCell::new(r.title()),
        (Kind::Deal, "with") => {
            GridCell::new(titles(r.str("company").or(r.str("contact")).into_iter().collect()))
        }
        (_, "company" | "contact") => GridCell::new(titles(r.str(column).into_iter().collect())),
        (_, "about") => GridCell::new(titles(r.strs("about"))),
        (_, "email") => GridCell::new(r.strs("emails").first().copied().unwrap_or_default()),
        (_, "phone") => GridCell::new(r.strs("phones").first().copied().unwrap_or_default()),
        (_, "dir") => GridCell::new(r.display("direction")),
        (_, "last-contact" | "last_contact") => GridCell::new(
            cx.last_contact(r).map(|w| w.local_date().to_string()).unwrap_or_default(),
        ),
        (_, "value") => GridCell::new(money(r)).right(),
        (Kind::Task, "due") => GridCell::colored(date("due"), task_status(r, cx).1),
        (Kind::Task, "status") => {
            let (status, color) = task_status(r, cx);
            GridCell::colored(status, color)
        }
        (_, key) if r.when(key).is_some() => GridCell::new(date(key)),
        (_, key) => GridCell::new(r.display(key)),
    }
}

/// A task's state for people: done, overdue (red), or open.
pub fn task_status(r: &impl View, cx: &FilterContext) -> (&'static str, Option<Color>) {
    if !filter::is_open(r, cx.config) {
        ("done", Some(Color::DarkGrey))
    } else if filter::is_overdue(r, cx.now, cx.config) {
        ("overdue", Some(Color::Red))
    } else {
        ("open", None)
    }
}

/// `12 000 EUR`: thousands separated, never a currency mixed with another.
pub fn money(r: &impl View) -> String {
    let Some(v) = r.number("value") else { return String::new() };
    let currency = r.str("currency").unwrap_or_default();
    format!("{} {currency}", thousands(v)).trim().to_string()
}

/// An amount for people: `1 234 567`, `1 500.50` (cents only when there are some).
pub fn thousands(v: f64) -> String {
    // Rounded to cents as a whole, so 1.999 carries into 2 rather than leaving ".100".
    let total = (v.abs() * 100.0).round() as u64;
    let (whole, cents) = (total / 100, total % 100);
    let negative = v < 0.0 && total > 0;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    if cents > 0 {
        out.push_str(&format!(".{cents:02}"));
    }
    if negative { format!("-{out}") } else { out }
}

/// A record's JSON with what is derived from the rest of the book (`last_contact`).
pub fn record_json(r: &impl View, cx: &FilterContext) -> serde_json::Map<String, Json> {
    let mut map = r.to_json();
    if matches!(r.kind(), Kind::Contact | Kind::Company | Kind::Deal) {
        let last = cx.last_contact.get(r.kind(), r.id());
        let value = last.map_or(Json::Null, |w| Json::String(w.local_date().to_string()));
        map.insert("last_contact".into(), value);
    }
    map
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::thousands(1_234_567.0), "1 234 567");
        assert_eq!(super::thousands(999.0), "999");
        assert_eq!(super::thousands(1500.5), "1 500.50");
        assert_eq!(super::thousands(-12000.0), "-12 000");
        // Rounded to cents before splitting: no ".100", and a carry reaches the units.
        assert_eq!(super::thousands(1.999), "2");
        assert_eq!(super::thousands(1234.567), "1 234.57");
        assert_eq!(super::thousands(999_999.996), "1 000 000");
        assert_eq!(super::thousands(0.994), "0.99");
        assert_eq!(super::thousands(12.3), "12.30");
        assert_eq!(super::thousands(-1.999), "-2");
        assert_eq!(super::thousands(-0.001), "0", "nothing left to be negative");
    }
}
