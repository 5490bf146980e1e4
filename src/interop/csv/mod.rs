//! CSV in (contacts, companies or deals, one per row) and out (a header row, UTF-8,
//! RFC 4180 quoting, lists joined by "; ").
//!
//! Which column holds what is [`columns`]'s; here rows become [`Incoming`] records. The
//! delimiter is the header line's most frequent of `,` `;` and tab (European Excel writes
//! `;`). A lone full-name column is the name as it is; "Family, Given" is put in order.

mod columns;

use std::io;

use chrono::{DateTime, FixedOffset};
use toml_edit::Value;

use self::columns::Target;
use super::{Format, Incoming, Parsed, Reason, RowError, text, values};
use crate::book::Loaded;
use crate::error::{Error, Result};
use crate::model::record::display_value;
use crate::model::{Kind, Record, schema};
use crate::store::edit;

#[derive(Debug, Clone)]
pub struct Csv {
    /// What each row is.
    pub kind: Kind,
    /// `--map COLUMN=FIELD`, over the recognised headers.
    pub map: Vec<(String, String)>,
    /// What the bytes are when they are not UTF-8.
    pub charset: Option<String>,
    /// For date expressions in date columns.
    pub now: DateTime<FixedOffset>,
}

impl Format for Csv {
    fn read(&self, bytes: &[u8]) -> Result<Parsed> {
        let text = match text::decode(bytes, self.charset.as_deref()) {
            Ok(t) => t,
            Err(e) => return Ok(Parsed { items: vec![Err(e)], ..Parsed::default() }),
        };
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter(&text))
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
            Err(e) => {
                let row = RowError::new(1, Reason::Csv(e.to_string()));
                return Ok(Parsed { items: vec![Err(row)], ..Parsed::default() });
            }
        };
        let (targets, mapped) = self.targets(&headers)?;
        let mut parsed = Parsed::default();
        let mut unused = vec![false; headers.len()];
        for result in reader.records() {
            let row = match result {
                Ok(row) => row,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    parsed.items.push(Err(RowError::new(line, Reason::Csv(e.to_string()))));
                    continue;
                }
            };
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            for (i, cell) in row.iter().enumerate() {
                if targets.get(i) == Some(&Target::Ignore) && !mapped[i] && !cell.trim().is_empty()
                {
                    unused[i] = true;
                }
            }
            let line = row.position().map_or(0, |p| p.line() as usize);
            parsed.items.push(self.row(&targets, &row, line));
        }
        let ignored: Vec<&str> =
            headers.iter().zip(unused).filter(|(_, u)| *u).map(|(h, _)| h.as_str()).collect();
        if !ignored.is_empty() {
            parsed.notices.push(format!(
                "ignored columns: {} (--map COLUMN=FIELD imports one)",
                ignored.join(", ")
            ));
        }
        Ok(parsed)
    }

    fn write(&self, records: &[&Record], book: &Loaded, out: &mut dyn io::Write) -> io::Result<()> {
        let columns = export_columns(self.kind, records);
        let mut w = ::csv::WriterBuilder::new().from_writer(out);
        w.write_record(&columns)?;
        for r in records {
            let row: Vec<String> = columns.iter().map(|c| cell(r, c, book)).collect();
            w.write_record(&row)?;
        }
        w.flush()
    }
}

impl Csv {
    /// Each header's target, and whether `--map` chose it; a `--map` naming no column is a
    /// usage error.
    fn targets(&self, headers: &[String]) -> Result<(Vec<Target>, Vec<bool>)> {
        let own = headers.first().is_some_and(|h| h == "id")
            && headers.get(1).is_some_and(|h| Some(h.as_str()) == self.kind.title_key());
        let mut targets: Vec<Target> =
            headers.iter().map(|h| columns::recognise(h, self.kind, headers, own)).collect();
        let mut mapped = vec![false; headers.len()];
        for (column, field) in &self.map {
            let at = headers.iter().position(|h| h.eq_ignore_ascii_case(column.trim()));
            let Some(at) = at else {
                return Err(Error::Usage(format!(
                    "--map: no column \"{column}\" in the header ({})",
                    headers.join(", ")
                )));
            };
            targets[at] = columns::parse_target(field, self.kind)?;
            mapped[at] = true;
        }
        Ok((targets, mapped))
    }

    fn row(
        &self,
        targets: &[Target],
        row: &::csv::StringRecord,
        line: usize,
    ) -> Result<Incoming, RowError> {
        let mut inc = Incoming::new(self.kind, line);
        let (mut name, mut given, mut middle, mut family) = (None, None, None, None);
        let (mut emails, mut phones, mut tags, mut body) = (vec![], vec![], vec![], vec![]);
        let mut city: Option<(u8, &str)> = None;
        let bad = |key: &str, m: String| RowError::new(line, Reason::value(key, m));
        for (target, cell) in targets.iter().zip(row.iter()) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let first = |slot: &mut Option<String>| {
                slot.get_or_insert_with(|| cell.to_string());
            };
            match target {
                Target::Ignore => {}
                Target::Id => inc.id = Some(cell.to_string()),
                Target::Name => first(&mut name),
                Target::Given => first(&mut given),
                Target::Middle => first(&mut middle),
                Target::Family => first(&mut family),
                Target::Emails => {
                    for e in split_list(cell, true) {
                        match values::email(e) {
                            Some(a) => emails.push(a),
                            None => inc
                                .warnings
                                .push(format!("\"{e}\" is not an email address; left out")),
                        }
                    }
                }
                Target::Phones => phones.extend(split_list(cell, false).map(String::from)),
                Target::Company => inc.company = inc.company.take().or(Some(cell.to_string())),
                Target::CompanyDomain => inc.company_domain = values::domain(cell),
                Target::Contact => inc.contact = inc.contact.take().or(Some(cell.to_string())),
                Target::Title if inc.str("title").is_none() => inc.text("title", cell),
                Target::Title => {}
                Target::Birthday => match values::birthday(cell, None) {
                    Ok(Some(v)) => inc.set("birthday", v),
                    Ok(None) => {}
                    Err(m) => inc.warnings.push(format!("birthday: {m}; left out")),
                },
                Target::Body => body.push(cell.replace("\r\n", "\n")),
                Target::Tags => tags.extend(
                    split_list(cell, true)
                        .map(|t| t.trim_start_matches("* ").trim())
                        .filter(|t| !t.eq_ignore_ascii_case("myContacts"))
                        .map(String::from),
                ),
                Target::City(rank) if city.is_none_or(|(r, _)| *rank < r) => {
                    city = Some((*rank, cell));
                }
                Target::City(_) => {}
                Target::Key(key) => self.key(&mut inc, key, cell).map_err(|m| bad(key, m))?,
            }
        }
        let (given, middle, family) =
            (given.unwrap_or_default(), middle.unwrap_or_default(), family.unwrap_or_default());
        let parts = values::full_name(&given, &middle, &family);
        let name = match name {
            Some(n) if parts.is_empty() && self.kind == Kind::Contact => {
                Some(values::natural_order(&n))
            }
            Some(n) => Some(n),
            None if !parts.is_empty() => Some(parts),
            None if self.kind == Kind::Contact => emails.first().or(phones.first()).cloned(),
            None => None,
        };
        let Some(key) = self.kind.title_key() else { return Ok(inc) };
        let Some(name) = name else {
            let what = match self.kind {
                Kind::Deal => "title column",
                Kind::Company => "name column",
                _ => "name, first or last name, email or phone",
            };
            return Err(RowError::new(line, Reason::NoName(what)));
        };
        inc.text(key, &name);
        inc.text("city", city.map_or("", |(_, c)| c));
        inc.list("emails", &emails);
        inc.list("phones", &phones);
        inc.list("tags", &tags);
        if !body.is_empty() {
            inc.body = format!("{}\n", body.join("\n\n").trim_end());
        }
        Ok(inc)
    }

    /// Any other key: custom fields as text, known keys typed as `rolo set` types them.
    fn key(&self, inc: &mut Incoming, key: &str, cell: &str) -> Result<(), String> {
        let path = edit::key_path(key).map_err(|e| e.to_string())?;
        let value = match schema::field_type(self.kind, key) {
            _ if path.len() > 1 => Value::from(cell),
            Some(schema::FieldType::TextList) => Value::Array(split_list(cell, true).collect()),
            _ if key == "domain" => {
                Value::from(values::domain(cell).unwrap_or_else(|| cell.to_string()))
            }
            _ if key == "currency" => Value::from(cell.to_uppercase()),
            Some(_) => edit::typed_value(self.kind, key, cell, self.now).map_err(|e| match e {
                Error::InvalidValue { message, .. } => message,
                other => other.to_string(),
            })?,
            None => Value::from(cell),
        };
        edit::set(&mut inc.doc, &path, value).map_err(|e| e.to_string())
    }
}

/// A cell holding several values: `a; b`, Google's `a ::: b`, one per line, and (unless
/// phone numbers) `a, b`.
fn split_list(cell: &str, commas: bool) -> impl Iterator<Item = &str> {
    cell.split(":::")
        .flat_map(move |p| p.split(move |c| c == ';' || c == '\n' || (commas && c == ',')))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The header line's most frequent of `,`, `;` and tab, outside quotes.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    for c in header.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(d, _)| *d == c) {
            slot.1 += 1;
        }
    }
    counts.iter().max_by_key(|(d, n)| (*n, *d == b',')).map_or(b',', |(d, _)| *d)
}

/// The export's columns: id, the kind's keys in their documented order, the records' own keys,
/// their custom fields (`fields.x`), body. Tables of tables (a deal's history) stay out.
fn export_columns(kind: Kind, records: &[&Record]) -> Vec<String> {
    let mut columns = vec!["id".to_string()];
    columns.extend(schema::keys(kind).iter().map(|(k, _)| k.to_string()));
    let mut extra: Vec<String> = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    for r in records {
        for (key, item) in r.doc.iter() {
            if item.is_value()
                && !columns.iter().any(|c| c == key)
                && !extra.iter().any(|c| c == key)
                && key != "body"
            {
                extra.push(key.to_string());
            }
        }
        if let Some(t) = r.doc.get("fields").and_then(|f| f.as_table_like()) {
            for (key, item) in t.iter() {
                let name = format!("fields.{key}");
                if item.is_value() && !fields.contains(&name) {
                    fields.push(name);
                }
            }
        }
    }
    columns.extend(extra);
    columns.extend(fields);
    columns.push("body".into());
    columns
}

fn cell(r: &Record, column: &str, book: &Loaded) -> String {
    let value = match column {
        "id" => return r.id.clone(),
        "body" => return r.body.trim_end().to_string(),
        _ => match column.strip_prefix("fields.") {
            Some(key) => r.doc.get("fields").and_then(|f| f.get(key)).and_then(|i| i.as_value()),
            None => r.value(column),
        },
    };
    let Some(value) = value else { return String::new() };
    // Links as names, which a spreadsheet reader knows and an import links back.
    let linked = match (r.kind, column) {
        (Kind::Contact | Kind::Deal, "company") => Some(Kind::Company),
        (Kind::Deal, "contact") => Some(Kind::Contact),
        _ => None,
    };
    if let (Some(kind), Some(id)) = (linked, value.as_str())
        && let Some(target) = book.get(kind, id)
    {
        return target.title();
    }
    match value {
        Value::Array(a) => a.iter().map(display_value).collect::<Vec<_>>().join("; "),
        Value::Datetime(d) => d.value().to_string(),
        other => display_value(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(kind: Kind, map: &[(&str, &str)]) -> Csv {
        let map = map.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        Csv { kind, map, charset: None, now }
    }

    fn read(kind: Kind, text: &str) -> Vec<std::result::Result<Incoming, RowError>> {
        csv(kind, &[]).read(text.as_bytes()).unwrap().items
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("a;b;\"c,d\"\n1,2"), b';');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        assert_eq!(delimiter("name"), b',');
    }

    #[test]
    fn names_from_parts_or_in_order() {
        let rows = read(
            Kind::Contact,
            "First Name,Last Name,Name\n小明,王,\nAnna,Petrova,Anna P.\n,,\"Petrova, Anna\"\n,,\n",
        );
        let names: Vec<_> =
            rows.iter().map(|r| r.as_ref().unwrap().str("name").unwrap().to_string()).collect();
        assert_eq!(names, ["王小明", "Anna P.", "Anna Petrova"], "blank rows are skipped");
        let rows = read(Kind::Contact, "email,note\n,no one\n");
        assert_eq!(rows[0].as_ref().unwrap_err().line, 2);
    }

    #[test]
    fn lists_keys_and_maps() {
        let text = "Name,E-mail 1 - Value,Labels,Industry,Score\nAnna,a@x.ru ::: b@x.ru,* myContacts ::: vip,retail,7\n";
        let parsed =
            csv(Kind::Contact, &[("industry", "fields.industry")]).read(text.as_bytes()).unwrap();
        let inc = parsed.items[0].as_ref().unwrap();
        assert_eq!(inc.strs("emails"), ["a@x.ru", "b@x.ru"]);
        assert_eq!(inc.strs("tags"), ["vip"]);
        assert_eq!(inc.doc["fields"]["industry"].as_str(), Some("retail"));
        assert_eq!(parsed.notices, ["ignored columns: Score (--map COLUMN=FIELD imports one)"]);
        assert!(csv(Kind::Contact, &[("Nope", "name")]).read(text.as_bytes()).is_err());
        let deal =
            read(Kind::Deal, "Deal Name,Amount,Close Date\nSite,12 000,2026-12-01\nBad,lots,\n");
        assert_eq!(deal[0].as_ref().unwrap().doc["value"].to_string().trim(), "12000");
        assert!(matches!(deal[1], Err(RowError { line: 3, reason: Reason::Value { .. } })));
    }
}
