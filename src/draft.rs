//! A new record built from values a person gave (the flags of `add` commands): keys set
//! in the order given, typed as rolo stores them, then created under an id made from its
//! name through a [`Change`].

use chrono::{DateTime, FixedOffset};
use toml_edit::Value;

use crate::change::Change;
use crate::dates::{self, When};
use crate::error::Result;
use crate::model::{Kind, Record, id};
use crate::store::edit;

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

    /// A text key, unless the value is missing or blank.
    pub fn text(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            self.set(key, v);
        }
    }

    /// A list key from the non-blank values, unless there are none.
    pub fn list(&mut self, key: &str, values: &[String]) {
        let values: Vec<&str> = values.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        if !values.is_empty() {
            self.set(key, Value::Array(values.into_iter().collect()));
        }
    }

    pub fn when(&mut self, key: &str, when: When) {
        self.set(key, when.to_toml());
    }

    /// A known key from text as typed (`--close friday`, `--value "12 000"`), typed by
    /// the key's schema type.
    pub fn typed(&mut self, key: &str, raw: &str, now: DateTime<FixedOffset>) -> Result<()> {
        let value = edit::typed_value(self.record.kind, key, raw, now)?;
        self.set(key, value);
        Ok(())
    }

    /// Custom fields under `[fields]` (`--field industry=retail`), typed like `set`'s
    /// unknown keys.
    pub fn fields(
        &mut self,
        fields: &[(String, String)],
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        for (k, v) in fields {
            let mut path = vec!["fields"];
            path.extend(edit::key_path(k)?);
            let value = edit::typed_value(self.record.kind, "", v, now)?;
            edit::set(&mut self.record.doc, &path, value)?;
        }
        Ok(())
    }

    /// A new deal's first `[[history]]` entry: the stage it starts in (the funnel reads it).
    pub fn history(&mut self, stage: &str, now: DateTime<FixedOffset>) -> Result<()> {
        edit::append_history(&mut self.record.doc, stage, now)
    }

    /// `created`, in UTC as rolo writes it.
    pub fn created(&mut self, now: DateTime<FixedOffset>) {
        let now = now.with_timezone(&chrono::Utc).fixed_offset();
        self.set("created", dates::datetime_value(now));
    }

    /// Plan the record in `change` under the first free id made from `name`; returns it
    /// with its id and path.
    pub fn create(mut self, change: &mut Change, name: &str) -> Result<Record> {
        change.create(&mut self.record, &id::slug(name))?;
        Ok(self.record)
    }
}
