//! What changed between two versions of a record, field by field, as a person reads it:
//! `title: Manager → CTO`, `tags: +vip −b2b`, a deal's new `[[history]]` entry, and how
//! many body lines came and went.
//!
//! Texts in (git supplies the versions), a [`RecordDiff`] out; rendering is the caller's.

use toml_edit::DocumentMut;

use super::frontmatter;
use super::merge::canon::{self, Canon};

/// One key that changed. Values read as a person reads them (`Manager`, `2026-12-01`),
/// not as TOML; `None` where the key is absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The dotted key path: `title`, `fields.industry`, `history`.
    pub key: String,
    /// The value before and after; for a list both are `None` and `added`/`removed` say
    /// what changed.
    pub from: Option<String>,
    pub to: Option<String>,
    /// A list's items that came and went (a history entry reads `won 2026-11-20 10:00`).
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// The changes between two versions of a record file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordDiff {
    /// Changed keys, in the order the file has them (removed keys where they were).
    pub fields: Vec<FieldChange>,
    pub body_added: usize,
    pub body_removed: usize,
}

/// Compare two versions of a record file; either may be empty (the record was created,
/// or deleted). When either does not parse as a record, the whole files are compared by
/// lines and no field is named.
pub fn diff(before: &str, after: &str) -> RecordDiff {
    let (Some((b_front, b_body)), Some((a_front, a_body))) = (parse(before), parse(after)) else {
        let (body_added, body_removed) = count_lines(before, after);
        return RecordDiff { fields: Vec::new(), body_added, body_removed };
    };
    let mut fields = Vec::new();
    walk("", Some(&b_front), Some(&a_front), &mut fields);
    let (body_added, body_removed) = count_lines(b_body, a_body);
    RecordDiff { fields, body_added, body_removed }
}

/// The front matter's meaning and the body; an empty text is an empty record.
fn parse(text: &str) -> Option<(Canon, &str)> {
    if text.is_empty() {
        return Some((Canon::Table(Vec::new()), ""));
    }
    let parts = frontmatter::split(text).ok()?;
    let doc = parts.front.parse::<DocumentMut>().ok()?;
    Some((canon::table(doc.as_table()), &parts.tail[parts.closing_len..]))
}

fn walk(path: &str, before: Option<&Canon>, after: Option<&Canon>, out: &mut Vec<FieldChange>) {
    if before == after {
        return;
    }
    let table = |c: Option<&Canon>| matches!(c, None | Some(Canon::Table(_)));
    let list = |c: Option<&Canon>| matches!(c, Some(Canon::Array(_)));
    if table(before) && table(after) {
        let keys = |c: Option<&Canon>| match c {
            Some(Canon::Table(t)) => t.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        let mut all = keys(before);
        all.extend(keys(after).into_iter().filter(|k| !keys(before).contains(k)));
        for key in all {
            let inner = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            walk(&inner, get(before, &key), get(after, &key), out);
        }
    } else if list(before) || list(after) {
        let (b, a) = (items(before), items(after));
        out.push(FieldChange {
            key: path.to_string(),
            from: None,
            to: None,
            added: a.iter().filter(|i| !b.contains(i)).map(Canon::display).collect(),
            removed: b.iter().filter(|i| !a.contains(i)).map(Canon::display).collect(),
        });
    } else {
        out.push(FieldChange {
            key: path.to_string(),
            from: before.map(Canon::display),
            to: after.map(Canon::display),
            added: Vec::new(),
            removed: Vec::new(),
        });
    }
}

fn get<'a>(table: Option<&'a Canon>, key: &str) -> Option<&'a Canon> {
    match table {
        Some(Canon::Table(t)) => t.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// A list's items; a lone value counts as a list of one (`tags = "vip"` → `["vip"]`).
fn items(c: Option<&Canon>) -> Vec<Canon> {
    match c {
        Some(Canon::Array(items)) => items.clone(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    }
}

/// Lines added and removed, by a line diff.
fn count_lines(before: &str, after: &str) -> (usize, usize) {
    let patch = diffy::create_patch(before, after);
    let mut counts = (0, 0);
    for line in patch.hunks().iter().flat_map(|h| h.lines()) {
        match line {
            diffy::Line::Insert(_) => counts.0 += 1,
            diffy::Line::Delete(_) => counts.1 += 1,
            diffy::Line::Context(_) => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(key: &str, from: Option<&str>, to: Option<&str>) -> FieldChange {
        FieldChange {
            key: key.into(),
            from: from.map(String::from),
            to: to.map(String::from),
            added: Vec::new(),
            removed: Vec::new(),
        }
    }

    fn list(key: &str, added: &[&str], removed: &[&str]) -> FieldChange {
        FieldChange {
            key: key.into(),
            from: None,
            to: None,
            added: added.iter().map(|s| s.to_string()).collect(),
            removed: removed.iter().map(|s| s.to_string()).collect(),
        }
    }

    const ANNA: &str = "+++\n# hand written\nname = \"Анна Петрова\"\ntitle = \"Manager\"\ntags = [\"vip\", \"b2b\"]\nbirthday = 1988-04-12\n\n[fields]\nindustry = \"furniture\"\n+++\n# Notes\n\nLikes tea.\n";

    #[test]
    fn values_read_as_a_person_reads_them() {
        let after = ANNA
            .replace("\"Manager\"", "'CTO'")
            .replace("1988-04-12", "1988-04-13")
            .replace("\"furniture\"", "\"мебель\"")
            .replace("[\"vip\", \"b2b\"]", "[\"vip\", \"客户\", \"партнёр\"]")
            .replace("birthday", "city = \"Алматы\"\nbirthday");
        let d = diff(ANNA, &after);
        assert_eq!(
            d.fields,
            [
                change("title", Some("Manager"), Some("CTO")),
                list("tags", &["客户", "партнёр"], &["b2b"]),
                change("birthday", Some("1988-04-12"), Some("1988-04-13")),
                change("fields.industry", Some("furniture"), Some("мебель")),
                change("city", None, Some("Алматы")),
            ]
        );
        assert_eq!((d.body_added, d.body_removed), (0, 0));
    }

    #[test]
    fn formatting_alone_is_no_change() {
        let after = ANNA.replace("# hand written\n", "").replace("\"Manager\"", "'Manager'");
        assert_eq!(diff(ANNA, &after), RecordDiff::default());
        let crlf = ANNA.replace('\n', "\r\n");
        assert_eq!(diff(ANNA, &crlf).fields, []);
    }

    #[test]
    fn history_gives_its_new_entries() {
        let before = "+++\ntitle = \"Сайт\"\nstage = \"lead\"\n\n[[history]]\nstage = \"lead\"\nat = 2026-11-01T09:00:00Z\n+++\n";
        let after = "+++\ntitle = \"Сайт\"\nstage = \"won\"\n\n[[history]]\nstage = \"lead\"\nat = 2026-11-01T09:00:00Z\n\n[[history]]\nstage = \"won\"\nat = 2026-11-20\n+++\n";
        let d = diff(before, after);
        assert_eq!(
            d.fields,
            [change("stage", Some("lead"), Some("won")), list("history", &["won 2026-11-20"], &[])]
        );
    }

    #[test]
    fn created_deleted_and_body_lines() {
        let d = diff("", ANNA);
        assert_eq!(d.fields.len(), 5, "{:?}", d.fields);
        assert_eq!(d.fields[0], change("name", None, Some("Анна Петрова")));
        assert_eq!(d.fields[2], list("tags", &["vip", "b2b"], &[]));
        assert_eq!((d.body_added, d.body_removed), (3, 0));
        let d = diff(ANNA, "");
        assert_eq!(d.fields[1], change("title", Some("Manager"), None));
        assert_eq!((d.body_added, d.body_removed), (0, 3));
        let edited = ANNA.replace("Likes tea.\n", "Likes green tea.\nЗвонила в среду.\n");
        let d = diff(ANNA, &edited);
        assert_eq!((d.fields.len(), d.body_added, d.body_removed), (0, 2, 1));
    }

    #[test]
    fn a_file_that_does_not_parse_is_compared_by_lines() {
        let broken = ANNA.replace("\"Manager\"", "\"Manager");
        let d = diff(ANNA, &broken);
        assert_eq!((d.fields.len(), d.body_added, d.body_removed), (0, 1, 1));
    }
}
