//! Where a problem found on a record's values is in its file: the line and column of
//! the key's value (of the list item, for a list), counted from the top of the file with
//! the first `+++` as line 1. Only the files that have a problem are read again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml_edit::{Item, Value};

use super::{Finding, Problem, Spot};
use crate::store::frontmatter;

/// Give every finding its position.
pub(super) fn place(root: &Path, findings: Vec<Finding>) -> Vec<Problem> {
    let mut by_file: BTreeMap<PathBuf, Vec<Finding>> = BTreeMap::new();
    for f in findings {
        by_file.entry(f.path.clone()).or_default().push(f);
    }
    let mut out = Vec::new();
    for (path, findings) in by_file {
        let needs_text = findings.iter().any(|f| matches!(f.spot, Spot::Key { .. }));
        // Changed or gone since it was checked: the problem stands, without a position.
        let text = if needs_text { std::fs::read_to_string(root.join(&path)).ok() } else { None };
        for f in findings {
            let position = match &f.spot {
                Spot::File => None,
                Spot::At { line, col } => Some((*line, *col)),
                Spot::Key { key, item } => {
                    text.as_deref().and_then(|t| locate(t, key, item.as_deref()))
                }
            };
            out.push(Problem {
                path: f.path,
                line: position.map(|(l, _)| l),
                column: position.map(|(_, c)| c),
                kind: f.kind,
                message: f.message,
            });
        }
    }
    out
}

/// The line and column of `key`'s value in a record file's text; of its item that is
/// the string `item`, when the value is a list holding it.
pub(super) fn locate(text: &str, key: &str, item: Option<&str>) -> Option<(usize, usize)> {
    let parts = frontmatter::split(text).ok()?;
    let doc = toml_edit::Document::parse(parts.front).ok()?;
    let found = doc.get(key)?;
    let span = match (found, item) {
        (Item::Value(Value::Array(items)), Some(item)) => items
            .iter()
            .find(|v| v.as_str() == Some(item))
            .and_then(Value::span)
            .or_else(|| found.span()),
        _ => found.span(),
    }?;
    let (line, col) = frontmatter::line_col(parts.front, span.start);
    Some((line + parts.front_line - 1, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_list_items() {
        let text = "+++\n# Анна\nname = \"Анна Петрова\"\nemails = [\"a@example.ru\",\n  \"анна@почта\"]\nclose = \"next week\"\n+++\nBody\n";
        assert_eq!(locate(text, "name", None), Some((3, 8)));
        assert_eq!(locate(text, "emails", Some("анна@почта")), Some((5, 3)));
        assert_eq!(locate(text, "emails", Some("gone@x.y")), Some((4, 10)));
        assert_eq!(locate(text, "close", None), Some((6, 9)));
        assert_eq!(locate(text, "missing", None), None);
        let bom_crlf = "\u{feff}+++\r\nstage = \"wonn\"\r\n+++\r\n";
        assert_eq!(locate(bom_crlf, "stage", None), Some((2, 9)));
    }

    #[test]
    fn every_finding_gets_its_place() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("deals")).unwrap();
        std::fs::write(
            tmp.path().join("deals/sayt.md"),
            "+++\ntitle = \"Сайт\"\nstage = \"wonn\"\n+++\n",
        )
        .unwrap();
        let finding = |path: &str, spot| Finding {
            path: path.into(),
            spot,
            kind: super::super::ProblemKind::Value,
            message: "m".into(),
        };
        let placed = place(
            tmp.path(),
            vec![
                finding("deals/sayt.md", Spot::Key { key: "stage".into(), item: None }),
                finding("deals/gone.md", Spot::Key { key: "stage".into(), item: None }),
                finding("deals/x.txt", Spot::File),
            ],
        );
        let at: Vec<(String, Option<usize>, Option<usize>)> =
            placed.into_iter().map(|p| (super::super::rel(&p.path), p.line, p.column)).collect();
        assert_eq!(
            at,
            [
                ("deals/gone.md".into(), None, None),
                ("deals/sayt.md".into(), Some(3), Some(9)),
                ("deals/x.txt".into(), None, None)
            ]
        );
    }
}
