//! What an import did, record by record, for the CLI to print and commit: created,
//! updated (which keys), unchanged or skipped, the records created beside one they share
//! an email or phone with, and the cards or rows that failed.

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
    /// Created although it shares an email or phone with this record, whose name is
    /// another person's.
    pub possible_duplicate: Option<PossibleDuplicate>,
}

/// The record a new one shares an email or phone with: two people, their names say, but
/// a person should look (a colleague on the same office line, or one person written two
/// ways).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PossibleDuplicate {
    pub kind: Kind,
    pub id: String,
    /// The email or phone they share, as that record writes it.
    pub shared: String,
}

impl fmt::Display for PossibleDuplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "shares {} with {}/{}", self.shared, self.kind, self.id)
    }
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

/// Possible duplicates listed on the summary line itself; more get a line each.
const INLINE_DUPLICATES: usize = 3;

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

    /// `created 12, updated 1, skipped 0, failed 1`, the linked records made, and the
    /// possible duplicates: inline when there are a few, one a line when there are more.
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
        let duplicates: Vec<String> = self
            .steps
            .iter()
            .filter_map(|s| {
                let d = s.possible_duplicate.as_ref()?;
                Some(format!("{}/{} ({d})", s.kind, s.id))
            })
            .collect();
        match duplicates.len() {
            0 => {}
            1 => s.push_str(&format!(", 1 possible duplicate: {}", duplicates[0])),
            n if n <= INLINE_DUPLICATES => {
                s.push_str(&format!(", {n} possible duplicates: {}", duplicates.join(", ")));
            }
            n => {
                s.push_str(&format!(", {n} possible duplicates:"));
                for d in duplicates {
                    s.push_str(&format!("\n  {d}"));
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn created(id: &str, duplicate_of: Option<&str>) -> Step {
        Step {
            action: Action::Created,
            kind: Kind::Contact,
            id: id.into(),
            title: id.into(),
            file: "office.csv".into(),
            line: 2,
            linked: false,
            possible_duplicate: duplicate_of.map(|other| PossibleDuplicate {
                kind: Kind::Contact,
                id: other.into(),
                shared: "+7 727 355 1234".into(),
            }),
        }
    }

    #[test]
    fn possible_duplicates_follow_the_counts() {
        let mut report = Report::default();
        report.steps.push(created("anna-petrova", None));
        assert_eq!(report.summary(), "created 1, updated 0, skipped 0, failed 0");
        report.steps.push(created("aygul-seyitqyzy", Some("anna-petrova")));
        assert_eq!(
            report.summary(),
            "created 2, updated 0, skipped 0, failed 0, 1 possible duplicate: \
             contact/aygul-seyitqyzy (shares +7 727 355 1234 with contact/anna-petrova)"
        );
        for id in ["li-na", "wang-xiao-ming", "hans-muller"] {
            report.steps.push(created(id, Some("anna-petrova")));
        }
        // Past a few, one a line: a whole office on one switchboard stays readable.
        assert_eq!(
            report.summary(),
            "created 5, updated 0, skipped 0, failed 0, 4 possible duplicates:\n  \
             contact/aygul-seyitqyzy (shares +7 727 355 1234 with contact/anna-petrova)\n  \
             contact/li-na (shares +7 727 355 1234 with contact/anna-petrova)\n  \
             contact/wang-xiao-ming (shares +7 727 355 1234 with contact/anna-petrova)\n  \
             contact/hans-muller (shares +7 727 355 1234 with contact/anna-petrova)"
        );
    }
}
