//! What an import did, record by record, for the CLI to print and commit: created,
//! updated (which keys), unchanged or skipped, and the cards or rows that failed.

use std::fmt;
use std::path::PathBuf;

use crate::model::Kind;

/// What happened to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Created,
    /// The keys that were filled in or added to.
    Updated(Vec<String>),
    /// It matched a record that already had everything it said.
    Unchanged,
    /// It matched, and `--on-duplicate skip` left the record alone.
    Skipped,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub action: Action,
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub file: String,
    pub line: usize,
    /// Created because a record linked to it by name (a contact's company), not a row.
    pub linked: bool,
}

/// A card or row that was not imported (or a value left out, for a warning), located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
    pub warning: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let warning = if self.warning { "warning: " } else { "" };
        write!(f, "{}:{}: {warning}{}", self.file, self.line, self.message)
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub steps: Vec<Step>,
    pub problems: Vec<Problem>,
    /// Files written, relative to the book: what the commit holds.
    pub changed: Vec<PathBuf>,
}

impl Report {
    fn rows(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| !s.linked)
    }

    pub fn created(&self) -> usize {
        self.rows().filter(|s| s.action == Action::Created).count()
    }

    pub fn updated(&self) -> usize {
        self.rows().filter(|s| matches!(s.action, Action::Updated(_))).count()
    }

    pub fn skipped(&self) -> usize {
        self.rows().filter(|s| matches!(s.action, Action::Unchanged | Action::Skipped)).count()
    }

    pub fn failed(&self) -> usize {
        self.problems.iter().filter(|p| !p.warning).count()
    }

    /// `created 12, updated 1, skipped 0, failed 1`, and the linked records made.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "created {}, updated {}, skipped {}, failed {}",
            self.created(),
            self.updated(),
            self.skipped(),
            self.failed()
        );
        let linked: Vec<String> = Kind::ALL
            .iter()
            .filter_map(|&k| {
                let n = self.steps.iter().filter(|s| s.linked && s.kind == k).count();
                (n > 0).then(|| format!("{n} {}", if n == 1 { k.name() } else { k.dir() }))
            })
            .collect();
        if !linked.is_empty() {
            s.push_str(&format!(" (and {} they link to)", linked.join(", ")));
        }
        s
    }
}
