//! An import: incoming records meet the book (docs/format.md: "Interchange formats"). Each one is matched
//! against what is there ([`super::matcher`]); a match is updated (missing keys filled,
//! lists united), skipped, or duplicated as `--on-duplicate` says; the rest are created
//! under ids made from their names. Companies and contacts that records link to by name
//! are linked, or created once. A dry run does all of it in memory and writes nothing.
//! A record created beside one it only shares an email or phone with (the names say two
//! people) is reported as a possible duplicate of it.
//!
//! The caller reads the files, prints the [`Report`] and makes the one commit.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Utc};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::matcher::{Found, Known};
use super::merge::{fill, ordered};
use super::report::{Action, PossibleDuplicate, Problem, Report, Step};
use super::{Incoming, Parsed, Reason, RowError, normalize_uid, stable_uid};
use crate::book::Book;
use crate::change::Change;
use crate::dates;
use crate::error::Result;
use crate::model::{Kind, Record, id};

/// What to do with an incoming record that is already in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnDuplicate {
    /// Leave the record as it is.
    Skip,
    /// Fill in the keys it lacks and add new list items (emails, phones, tags).
    #[default]
    Update,
    /// Add another record anyway.
    Create,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub on_duplicate: OnDuplicate,
    pub dry_run: bool,
    /// For `created` on new records.
    pub now: DateTime<FixedOffset>,
}

/// A link a record makes by name: to a record that is there, or one to create.
enum Link {
    Existing(String),
    New { name: String, domain: Option<String> },
}

pub struct Importer<'c, 'b> {
    change: &'c mut Change<'b>,
    opts: Options,
    known: Known,
    report: Report,
}

impl<'c, 'b> Importer<'c, 'b> {
    /// `existing`: the book's contacts, companies and deals (and notes and tasks, for
    /// formats that carry them), as loaded. Records are written through `change`, which
    /// the caller commits (a dry run plans nothing in it).
    pub fn new(
        change: &'c mut Change<'b>,
        existing: Vec<Record>,
        opts: Options,
    ) -> Importer<'c, 'b> {
        Importer { change, opts, known: Known::new(existing), report: Report::default() }
    }

    /// Import what one file held; only an I/O error stops the import.
    pub fn add(&mut self, file: &str, parsed: Parsed) -> Result<()> {
        let first = self.report.problems.len();
        for w in parsed.warnings {
            self.problem(file, w, true);
        }
        for item in parsed.items {
            match item {
                Err(e) => self.problem(file, e, false),
                Ok(inc) => {
                    for w in &inc.warnings {
                        let e = RowError::new(inc.line, Reason::Shape(w.clone()));
                        self.problem(file, e, true);
                    }
                    let line = inc.line;
                    if let Err(reason) = self.one(file, inc)? {
                        self.problem(file, RowError::new(line, reason), false);
                    }
                }
            }
        }
        // In file order, whichever stage found them.
        self.report.problems[first..].sort_by_key(|p| p.line);
        Ok(())
    }

    pub fn finish(self) -> Report {
        self.report
    }

    fn problem(&mut self, file: &str, e: RowError, warning: bool) {
        let message = e.reason.to_string();
        self.report.problems.push(Problem {
            file: file.to_string(),
            line: e.line,
            message,
            warning,
        });
    }

    /// One record: `Ok(Err(reason))` when it is refused, `Err` when the book fails.
    fn one(&mut self, file: &str, mut inc: Incoming) -> Result<Result<(), Reason>> {
        if let Err(reason) = self.check(&mut inc) {
            return Ok(Err(reason));
        }
        let mut company = self.company_link(&inc);
        let mut contact = self.contact_link(&inc);
        let existing = |l: &Option<Link>| match l {
            Some(Link::Existing(id)) => Some(id.clone()),
            _ => None,
        };
        let (company_id, contact_id) = (existing(&company), existing(&contact));
        let found = match self.opts.on_duplicate {
            OnDuplicate::Create => Found::New,
            _ => self.known.find(&inc, company_id.as_deref(), contact_id.as_deref()),
        };
        let line = inc.line;
        let at = match found {
            Found::Same(at) => at,
            other => {
                let duplicate = match other {
                    Found::Near { at, shared } => {
                        let r = &self.known.records[at];
                        Some(PossibleDuplicate { kind: r.kind, id: r.id.clone(), shared })
                    }
                    _ => None,
                };
                self.link(file, line, &mut inc, "company", company)?;
                self.link(file, line, &mut inc, "contact", contact)?;
                self.create(file, inc, false, duplicate)?;
                return Ok(Ok(()));
            }
        };
        let action = if self.opts.on_duplicate == OnDuplicate::Skip {
            Action::Skipped
        } else {
            // Link only what the record lacks: never create a company it would not take.
            for key in ["company", "contact"] {
                let link = if key == "company" { company.take() } else { contact.take() };
                if self.known.records[at].str(key).is_some() {
                    inc.doc.remove(key);
                } else {
                    self.link(file, line, &mut inc, key, link)?;
                }
            }
            self.update(at, inc)?
        };
        let r = &self.known.records[at];
        let step = Step {
            action,
            kind: r.kind,
            id: r.id.clone(),
            title: r.title(),
            file: file.to_string(),
            line,
            linked: false,
            possible_duplicate: None,
        };
        self.report.steps.push(step);
        Ok(Ok(()))
    }

    /// What a record must be before it may land: named, and a deal in a known stage.
    fn check(&self, inc: &mut Incoming) -> Result<(), Reason> {
        if let Some(key) = inc.kind.title_key()
            && inc.str(key).is_none()
        {
            return Err(Reason::NoName(key));
        }
        if inc.kind == Kind::Deal
            && let Some(stage) = inc.str("stage")
        {
            let stages = &self.change.book().config.pipeline.stages;
            let Some(known) = stages.iter().find(|s| s.eq_ignore_ascii_case(stage)) else {
                let message =
                    format!("unknown stage \"{stage}\"; stages are: {}", stages.join(", "));
                return Err(Reason::value("stage", message));
            };
            inc.set("stage", Value::from(known.as_str()));
        }
        Ok(())
    }

    fn company_link(&self, inc: &Incoming) -> Option<Link> {
        if !matches!(inc.kind, Kind::Contact | Kind::Deal) {
            return None;
        }
        let mut domains: Vec<String> = inc.company_domain.iter().cloned().collect();
        if inc.kind == Kind::Contact {
            domains.extend(inc.strs("emails").into_iter().filter_map(super::values::domain));
        }
        let id = |at: usize| Link::Existing(self.known.records[at].id.clone());
        match &inc.company {
            Some(name) => Some(self.known.company(Some(name), &domains).map_or_else(
                || Link::New { name: name.clone(), domain: inc.company_domain.clone() },
                id,
            )),
            // A link already given as an id (JSON) stays as it is.
            None if inc.str("company").is_some() => None,
            None => self.known.company(None, &domains).map(id),
        }
    }

    fn contact_link(&self, inc: &Incoming) -> Option<Link> {
        let reference = inc.contact.as_ref().filter(|_| inc.kind == Kind::Deal)?;
        Some(match self.known.contact(reference) {
            Some(at) => Link::Existing(self.known.records[at].id.clone()),
            None => Link::New { name: reference.clone(), domain: None },
        })
    }

    /// Set `key` to the id the link names, creating the record it names if needed.
    fn link(
        &mut self,
        file: &str,
        line: usize,
        inc: &mut Incoming,
        key: &str,
        link: Option<Link>,
    ) -> Result<()> {
        let id = match link {
            None => return Ok(()),
            Some(Link::Existing(id)) => id,
            Some(Link::New { name, domain }) => {
                let kind = if key == "company" { Kind::Company } else { Kind::Contact };
                let mut new = Incoming::new(kind, line);
                new.text("name", &name);
                if let Some(email) = super::values::email(&name).filter(|_| kind == Kind::Contact) {
                    new.list("emails", &[email]);
                }
                if let Some(d) = domain {
                    new.text("domain", &d);
                }
                self.create(file, new, true, None)?
            }
        };
        inc.set(key, Value::from(id));
        Ok(())
    }

    /// Write a new record (or, in a dry run, choose its id); returns the id.
    fn create(
        &mut self,
        file: &str,
        inc: Incoming,
        linked: bool,
        possible_duplicate: Option<PossibleDuplicate>,
    ) -> Result<String> {
        let mut record = Record::new(inc.kind, String::new(), PathBuf::new());
        record.doc = inc.doc;
        if !inc.verbatim {
            self.defaults(inc.kind, &mut record.doc);
            record.doc = ordered(inc.kind, &record.doc);
        }
        record.body = inc.body;
        if !record.body.is_empty() && !record.body.ends_with('\n') {
            record.body.push('\n');
        }
        let title = record.title();
        let base = match inc.id.filter(|i| id::is_valid(i)) {
            Some(given) => given,
            None => id::slug(&title),
        };
        if self.opts.dry_run {
            record.id = self.known.free_id(inc.kind, &base);
            record.path = Book::relative_path(inc.kind, &record.id);
        } else {
            self.change.create(&mut record, &base)?;
            self.report.changed.push(record.path.clone());
        }
        let id = record.id.clone();
        let step = Step {
            action: Action::Created,
            kind: inc.kind,
            id: id.clone(),
            title,
            file: file.to_string(),
            line: inc.line,
            linked,
            possible_duplicate,
        };
        self.report.steps.push(step);
        self.known.add(record);
        Ok(id)
    }

    /// What `add` gives a new record and a file may leave out.
    fn defaults(&self, kind: Kind, doc: &mut DocumentMut) {
        let config = &self.change.book().config;
        if doc.get("created").is_none() && kind != Kind::Note {
            let now = self.opts.now.with_timezone(&Utc).fixed_offset();
            doc.insert("created", Item::Value(dates::datetime_value(now)));
        }
        let owner = config.defaults.owner.trim();
        if matches!(kind, Kind::Contact | Kind::Company | Kind::Deal)
            && doc.get("owner").is_none()
            && !owner.is_empty()
        {
            doc.insert("owner", toml_edit::value(owner));
        }
        if kind == Kind::Deal {
            if doc.get("stage").is_none()
                && let Some(first) = config.pipeline.stages.first()
            {
                doc.insert("stage", toml_edit::value(first.as_str()));
            }
            if doc.get("currency").is_none() {
                doc.insert("currency", toml_edit::value(config.defaults.currency.to_uppercase()));
            }
            // The stage it starts in opens its history, as `deal add` does.
            if doc.get("history").is_none()
                && let (Some(stage), Some(at)) = (doc.get("stage"), doc.get("created"))
            {
                let mut entry = Table::new();
                entry.insert("stage", stage.clone());
                entry.insert("at", at.clone());
                let mut history = ArrayOfTables::new();
                history.push(entry);
                doc.insert("history", Item::ArrayOfTables(history));
            }
        }
    }

    /// Fill in what the record lacks; the keys changed, or `Unchanged`.
    fn update(&mut self, at: usize, mut inc: Incoming) -> Result<Action> {
        let record = &mut self.known.records[at];
        // Our own stable UID coming back (an export re-imported) is no news.
        if record.str("uid").is_none()
            && inc
                .str("uid")
                .is_some_and(|u| normalize_uid(u) == stable_uid(record.kind, &record.id))
        {
            inc.doc.remove("uid");
        }
        self.change.track(record);
        let mut changed = Vec::new();
        fill(record.doc.as_table_mut(), inc.doc.as_table(), "", &mut changed);
        if record.body.trim().is_empty() && !inc.body.trim().is_empty() {
            record.body = inc.body;
            if !record.body.ends_with('\n') {
                record.body.push('\n');
            }
            changed.push("body".to_string());
        }
        if changed.is_empty() {
            return Ok(Action::Unchanged);
        }
        if !self.opts.dry_run {
            self.change.save(record)?;
            if !self.report.changed.contains(&record.path) {
                self.report.changed.push(record.path.clone());
            }
        }
        self.known.index(at);
        Ok(Action::Updated(changed))
    }
}
