//! Building a new record from flags, then writing and committing it: the shared
//! second half of every `add` command.

use toml_edit::Value;

use rolo::Book;
use rolo::dates::{self, When};
use rolo::model::{Kind, Record, id};
use rolo::store::edit;

use super::{CliResult, Context};

pub struct Draft {
    pub record: Record,
}

impl Draft {
    pub fn new(kind: Kind) -> Draft {
        Draft { record: Record::new(kind, String::new(), Default::default()) }
    }

    pub fn set(&mut self, key: &str, value: impl Into<Value>) {
        // Only root keys of a fresh document: cannot fail.
        let _ = edit::set(&mut self.record.doc, &[key], value.into());
    }

    pub fn text(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            self.set(key, v);
        }
    }

    pub fn list(&mut self, key: &str, values: &[String]) {
        let values: Vec<&str> = values.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        if !values.is_empty() {
            self.set(key, Value::Array(values.into_iter().collect()));
        }
    }

    pub fn when(&mut self, key: &str, when: When) {
        self.set(key, when.to_toml());
    }

    /// `--field k=v`: custom fields under `[fields]`, typed like `set`'s unknown keys.
    pub fn fields(&mut self, ctx: &Context, fields: &[(String, String)]) -> CliResult {
        for (k, v) in fields {
            let path = edit::key_path(k)?;
            let mut full = vec!["fields"];
            full.extend(path);
            let value = edit::typed_value(self.record.kind, "", v, ctx.clock.now())?;
            edit::set(&mut self.record.doc, &full, value)?;
        }
        Ok(())
    }

    pub fn created(&mut self, ctx: &Context) {
        let now = ctx.clock.now().with_timezone(&chrono::Utc).fixed_offset();
        self.set("created", dates::datetime_value(now));
    }

    /// Write under the first free id made from `name`, commit "<kind>: add <what>", and
    /// print the new id alone on stdout (SPEC: every `add` prints the new id).
    pub fn create(mut self, ctx: &Context, book: &Book, base: &str, what: &str) -> CliResult {
        let base = id::slug(base);
        book.create(&mut self.record, &base)?;
        let kind = self.record.kind;
        ctx.commit(book, std::slice::from_ref(&self.record.path), &format!("{kind}: add {what}"));
        ctx.out.line(&self.record.id)?;
        Ok(())
    }
}
