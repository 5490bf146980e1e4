//! `set` and `unset`: scriptable edits of a record's keys, `key=value`, `key+=item` (add to
//! a list), `key-=item` (remove from one), with `fields.x` for a key inside a table.
//! Values are typed by the key's schema type; a deal's stage goes through
//! [`crate::deals::move_to`] so its history is kept.
//!
//! Pure functions over a record with the time passed in; the caller writes and commits.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset};

use crate::config::Pipeline;
use crate::deals::{self, Target};
use crate::error::{Error, Result};
use crate::model::{Kind, Record};
use crate::store::edit;

/// Keys that are not in the front matter: `set` cannot write them.
const RESERVED: [&str; 4] = ["id", "type", "path", "body"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `key=value`
    Set,
    /// `key+=item,item`
    Add,
    /// `key-=item,item`
    Remove,
}

/// One `KEY=VALUE`, `KEY+=ITEM` or `KEY-=ITEM` of `rolo set`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub key: String,
    pub op: Op,
    pub value: String,
}

impl FromStr for Assignment {
    type Err = Error;

    fn from_str(s: &str) -> Result<Assignment> {
        let Some((key, value)) = s.split_once('=') else {
            return Err(Error::Usage(format!("expected KEY=VALUE, got \"{s}\"")));
        };
        let (key, op) = match (key.strip_suffix('+'), key.strip_suffix('-')) {
            (Some(k), _) => (k, Op::Add),
            (_, Some(k)) => (k, Op::Remove),
            _ => (key, Op::Set),
        };
        let key = key.trim();
        if RESERVED.contains(&key) {
            return Err(Error::value(key, "is not a front-matter key (rename changes the id)"));
        }
        edit::key_path(key)?;
        Ok(Assignment { key: key.to_string(), op, value: value.to_string() })
    }
}

/// Apply assignments in order to `record`.
pub fn apply(
    record: &mut Record,
    assignments: &[Assignment],
    pipeline: &Pipeline,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    for a in assignments {
        let path = edit::key_path(&a.key)?;
        match a.op {
            Op::Set if record.kind == Kind::Deal && a.key == "stage" => {
                deals::move_to(&mut record.doc, Target::Stage(&a.value), pipeline, now)?;
            }
            Op::Set => {
                // Schema types apply to root keys; keys inside tables are typed as TOML.
                let field = if path.len() == 1 { path[0] } else { "" };
                let value = edit::typed_value(record.kind, field, &a.value, now)?;
                edit::set(&mut record.doc, &path, value)?;
            }
            Op::Add | Op::Remove => {
                let items: Vec<String> = a
                    .value
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                if a.op == Op::Add {
                    edit::push_strs(&mut record.doc, &path, &items)?;
                } else {
                    edit::remove_strs(&mut record.doc, &path, &items)?;
                }
            }
        }
    }
    Ok(())
}

/// Remove keys from `record`; returns the keys it did not have.
pub fn unset(record: &mut Record, keys: &[String]) -> Result<Vec<String>> {
    let mut missing = Vec::new();
    for key in keys {
        if !edit::unset(&mut record.doc, &edit::key_path(key)?)? {
            missing.push(key.clone());
        }
    }
    Ok(missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::test_record;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap()
    }

    fn pipeline() -> Pipeline {
        crate::config::Config::parse("", std::path::Path::new("rolo.toml")).unwrap().pipeline
    }

    fn set(record: &mut Record, args: &[&str]) -> Result<()> {
        let parsed: Vec<Assignment> = args.iter().map(|a| a.parse()).collect::<Result<_>>()?;
        apply(record, &parsed, &pipeline(), now())
    }

    #[test]
    fn assignments_parse() {
        let a: Assignment = "tags+=vip".parse().unwrap();
        assert_eq!((a.key.as_str(), a.op, a.value.as_str()), ("tags", Op::Add, "vip"));
        let a: Assignment = "fields.langs-=ru".parse().unwrap();
        assert_eq!((a.key.as_str(), a.op), ("fields.langs", Op::Remove));
        assert_eq!("title=a=b".parse::<Assignment>().unwrap().value, "a=b");
        assert!("id=x".parse::<Assignment>().is_err());
        assert!("no-equals".parse::<Assignment>().is_err());
        assert!("bad key=1".parse::<Assignment>().is_err());
    }

    #[test]
    fn lists_inside_fields_stay_inside() {
        let mut r =
            test_record(Kind::Contact, "anna", "name = \"Анна\"\n[fields]\nlangs = [\"ru\"]");
        set(&mut r, &["fields.langs+=kk,de", "fields.langs-=ru", "tags+=vip"]).unwrap();
        let text = r.to_text();
        assert!(text.contains("tags = [\"vip\"]\n[fields]\nlangs = [\"kk\", \"de\"]"), "{text}");
        assert!(!text.contains("\"fields.langs\""), "{text}");
    }

    #[test]
    fn a_deal_stage_keeps_history_in_any_case() {
        let mut r = test_record(Kind::Deal, "sayt", "title = \"Сайт\"\nstage = \"lead\"");
        set(&mut r, &["stage=Proposal", "value=12 000"]).unwrap();
        let text = r.to_text();
        assert!(text.contains("stage = \"proposal\""), "{text}");
        assert!(text.contains("value = 12000"), "{text}");
        assert!(text.contains("[[history]]\nstage = \"proposal\""), "{text}");
        assert!(set(&mut r, &["stage=wonn"]).is_err());
    }

    #[test]
    fn unset_reports_missing_keys() {
        let mut r = test_record(Kind::Contact, "anna", "name = \"Анна\"\ncity = \"Алматы\"");
        let missing = unset(&mut r, &["city".into(), "title".into()]).unwrap();
        assert_eq!(missing, ["title"]);
        assert!(!r.to_text().contains("city"));
    }
}
