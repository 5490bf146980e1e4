//! Three-way merge of a record file, for git's merge driver: two clones that changed
//! different keys of one record merge cleanly.
//!
//! The front matter merges key by key against the common base ([`front`]), lists as sets
//! or logs ([`list`]); the Markdown body merges by lines as `git merge-file` does
//! ([`lines`]). The result is "ours" with theirs' changes: what neither side changed comes
//! back byte for byte. A key both sides changed differently is kept twice between git's
//! markers, so the file stops parsing and nobody can miss it. A file that does not parse
//! as a record gets a plain line merge.
//!
//! Pure: texts in, text out. Reading and writing the files is the caller's.

pub(crate) mod canon;
mod front;
mod lines;
mod list;

use toml_edit::DocumentMut;

use super::frontmatter;

/// The names git gives the three sides (`HEAD`, a branch, a commit subject), shown in
/// conflict markers. `base` names the common ancestor, which merge-style markers do not
/// show; it is there for callers that report where a conflict came from.
#[derive(Debug, Clone, Copy)]
pub struct Labels<'a> {
    pub base: &'a str,
    pub ours: &'a str,
    pub theirs: &'a str,
}

impl Default for Labels<'static> {
    fn default() -> Self {
        Labels { base: "base", ours: "ours", theirs: "theirs" }
    }
}

/// The merged file and what could not be merged (empty when clean).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

impl Merged {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// One place both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// A dotted key path (`title`, `fields.industry`), `body`, or `file` when the file did
    /// not parse as a record and was merged by lines.
    pub key: String,
    /// Each side's value as TOML text (`"CEO"`), or the whole text for `body` and `file`;
    /// `None` where it is absent.
    pub base: Option<String>,
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

/// Merge `ours` and `theirs`, two descendants of `base` (empty when the file did not
/// exist there: both sides added it).
pub fn merge(base: &str, ours: &str, theirs: &str, labels: &Labels) -> Merged {
    let clean = |text: &str| Merged { text: text.to_string(), conflicts: Vec::new() };
    if ours == theirs || theirs == base {
        return clean(ours);
    }
    if ours == base {
        return clean(theirs);
    }
    let nl = newline(ours);
    if let (Some(b), Some(o), Some(t)) =
        (Parsed::new(base, true), Parsed::new(ours, false), Parsed::new(theirs, false))
        && let Some(merged) = records(&b, &o, &t, labels, nl, &nonce(&[base, ours, theirs]))
    {
        return merged;
    }
    let m = lines::merge(base, ours, theirs, labels, nl);
    let conflicts = if m.clean {
        Vec::new()
    } else {
        vec![Conflict {
            key: "file".into(),
            base: Some(base.to_string()).filter(|b| !b.is_empty()),
            ours: Some(ours.to_string()),
            theirs: Some(theirs.to_string()),
        }]
    };
    Merged { text: m.text, conflicts }
}

/// A record file split into its parts, the front matter parsed.
struct Parsed<'a> {
    head: &'a str,
    front: &'a str,
    closing: &'a str,
    body: &'a str,
    doc: DocumentMut,
}

impl<'a> Parsed<'a> {
    /// `None` when `text` is not a record; an empty base is an empty record.
    fn new(text: &'a str, empty_ok: bool) -> Option<Parsed<'a>> {
        if text.is_empty() && empty_ok {
            return Some(Parsed {
                head: "",
                front: "",
                closing: "",
                body: "",
                doc: Default::default(),
            });
        }
        let parts = frontmatter::split(text).ok()?;
        let doc = parts.front.parse::<DocumentMut>().ok()?;
        let (closing, body) = parts.tail.split_at(parts.closing_len);
        Some(Parsed { head: parts.head, front: parts.front, closing, body, doc })
    }
}

/// `None` when the front matter's conflicts cannot be written as lines: the caller merges
/// the whole file by lines instead.
fn records(
    b: &Parsed,
    o: &Parsed,
    t: &Parsed,
    labels: &Labels,
    nl: &str,
    nonce: &str,
) -> Option<Merged> {
    let mut conflicts = Vec::new();
    let front = if o.front == t.front || t.front == b.front {
        o.front.to_string()
    } else if o.front == b.front {
        t.front.to_string()
    } else {
        let merged = front::merge(&b.doc, &o.doc, &t.doc, labels, nonce).ok()?;
        conflicts = merged.conflicts;
        // toml_edit writes LF; a CRLF file stays CRLF throughout.
        let lf = merged.text.replace("\r\n", "\n");
        if nl == "\n" { lf } else { lf.replace('\n', nl) }
    };
    let body = lines::merge(b.body, o.body, t.body, labels, nl);
    if !body.clean {
        conflicts.push(Conflict {
            key: "body".into(),
            base: Some(b.body.to_string()),
            ours: Some(o.body.to_string()),
            theirs: Some(t.body.to_string()),
        });
    }
    let (head, closing) = (pick(b.head, o.head, t.head), pick(b.closing, o.closing, t.closing));
    let mut text = String::with_capacity(front.len() + body.text.len() + 16);
    text.push_str(head);
    text.push_str(&front);
    if !front.is_empty() && !front.ends_with('\n') {
        text.push_str(nl);
    }
    text.push_str(closing);
    if !closing.ends_with('\n') && !body.text.is_empty() {
        text.push_str(nl);
    }
    text.push_str(&body.text);
    Some(Merged { text, conflicts })
}

/// Three-way choice of a part merged whole (the `+++` lines): ours unless only theirs changed it.
fn pick<'a>(base: &str, ours: &'a str, theirs: &'a str) -> &'a str {
    if ours == base { theirs } else { ours }
}

/// Ours' line ending, from its first line.
fn newline(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// A word none of the texts contains, for placeholders that cannot clash with a value.
fn nonce(texts: &[&str]) -> String {
    (0u64..)
        .map(|n| format!("rolo-merge-conflict-{n}"))
        .find(|w| texts.iter().all(|t| !t.contains(w.as_str())))
        .unwrap_or_default()
}

/// A conflict marker line (`<<<<<<< HEAD`) with LF; a label never breaks the line.
fn marker(ch: char, size: usize, label: &str) -> String {
    let mut line: String = std::iter::repeat_n(ch, size).collect();
    let label = label.replace(['\r', '\n'], " ");
    if !label.trim().is_empty() {
        line.push(' ');
        line.push_str(label.trim());
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: Labels = Labels { base: "base", ours: "HEAD", theirs: "origin/main" };

    fn m(base: &str, ours: &str, theirs: &str) -> Merged {
        merge(base, ours, theirs, &LABELS)
    }

    #[track_caller]
    fn clean(base: &str, ours: &str, theirs: &str) -> String {
        let merged = m(base, ours, theirs);
        assert!(merged.is_clean(), "conflicts {:?} in:\n{}", merged.conflicts, merged.text);
        let parts = frontmatter::split(&merged.text).expect("still a record");
        parts.front.parse::<DocumentMut>().expect("front matter parses");
        merged.text
    }

    /// `base` with `from` replaced by `to`, each pair in turn (a hand edit).
    fn edit(base: &str, changes: &[(&str, &str)]) -> String {
        changes.iter().fold(base.to_string(), |text, (from, to)| {
            assert!(text.contains(from), "{from:?} not in {text}");
            text.replacen(from, to, 1)
        })
    }

    const ANNA: &str = "+++
# met at a conference in Almaty
name   = \"Анна Петрова\"  # full name
title = \"Manager\"
company = 'acme'
tags = [\"vip\", \"b2b\"]
emails = [
  \"anna@example.com\",
  \"anna.petrova@acme.kz\",
]
city = \"Алматы\"

[fields]
industry = \"furniture\" # why we care
+++
# Notes

Likes *tea*.
";

    #[test]
    fn different_keys_take_each_side_and_keep_ours_formatting() {
        let ours = edit(ANNA, &[("\"Manager\"", "\"CTO\"")]);
        let theirs = edit(ANNA, &[("city = \"Алматы\"", "city = \"Астана\"")]);
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(ANNA, &[("\"Manager\"", "\"CTO\""), ("\"Алматы\"", "\"Астана\"")])
        );
    }

    #[test]
    fn theirs_value_keeps_ours_spacing_and_comment() {
        let ours = edit(ANNA, &[("city = \"Алматы\"", "city = \"Алматы\" # moved?")]);
        let theirs =
            edit(ANNA, &[("\"furniture\" # why we care", "'мебель'"), ("Manager", "Менеджер")]);
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(
                &ours,
                &[
                    ("\"furniture\" # why we care", "'мебель' # why we care"),
                    ("Manager", "Менеджер")
                ]
            )
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let both = edit(ANNA, &[("Manager", "CTO")]);
        let theirs = edit(&both, &[("'acme'", "'globex'")]);
        assert_eq!(clean(ANNA, &both, &theirs), theirs);
        // The same value written differently is the same change.
        let ours = edit(ANNA, &[("\"Manager\"", "'CTO'"), ("# Notes", "# Заметки")]);
        let theirs = edit(ANNA, &[("\"Manager\"", "\"CTO\""), ("\"vip\"", "\"VIP\"")]);
        assert_eq!(clean(ANNA, &ours, &theirs), edit(&ours, &[("\"vip\"", "\"VIP\"")]));
    }

    #[test]
    fn a_removal_on_one_side_applies() {
        let ours = edit(ANNA, &[("Manager", "CTO")]);
        let theirs = edit(ANNA, &[("company = 'acme'\n", "")]);
        assert_eq!(clean(ANNA, &ours, &theirs), edit(&ours, &[("company = 'acme'\n", "")]));
        // Removing a whole table that ours did not touch.
        let theirs = edit(ANNA, &[("\n[fields]\nindustry = \"furniture\" # why we care\n", "")]);
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(&ours, &[("\n[fields]\nindustry = \"furniture\" # why we care\n", "")])
        );
    }

    #[test]
    fn keys_new_from_theirs_go_to_the_end_of_their_table() {
        let ours = edit(ANNA, &[("Manager", "CTO")]);
        let theirs = edit(
            ANNA,
            &[
                (
                    "city = \"Алматы\"\n",
                    "city = \"Алматы\"\n# from the card\nphone = \"+7 701 000 00 00\"\n",
                ),
                ("# why we care\n", "# why we care\n\"размер\" = 250\n"),
            ],
        );
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(
                &ours,
                &[
                    (
                        "city = \"Алматы\"\n",
                        "city = \"Алматы\"\n# from the card\nphone = \"+7 701 000 00 00\"\n"
                    ),
                    ("# why we care\n", "# why we care\n\"размер\" = 250\n"),
                ]
            )
        );
    }

    #[test]
    fn tables_merge_key_by_key() {
        let base = "+++\nname = \"王小明\"\n\n[fields]\nindustry = \"furniture\"\nsize = 10\n\n[fields.address]\ncity = \"北京\"\n+++\n";
        let ours = edit(base, &[("size = 10", "size = 12"), ("北京", "上海")]);
        let theirs = edit(
            base,
            &[
                ("\"furniture\"", "\"retail\""),
                ("city = \"北京\"\n", "city = \"北京\"\nstreet = \"长安街\"\n"),
            ],
        );
        assert_eq!(
            clean(base, &ours, &theirs),
            "+++\nname = \"王小明\"\n\n[fields]\nindustry = \"retail\"\nsize = 12\n\n[fields.address]\ncity = \"上海\"\nstreet = \"长安街\"\n+++\n"
        );
        // An inline table merges key by key too.
        let base = "+++\nfields = { a = 1, b = \"x\" }\n+++\n";
        assert_eq!(
            clean(
                base,
                "+++\nfields = { a = 2, b = \"x\" }\n+++\n",
                "+++\nfields = { a = 1, b = \"y\", c = true }\n+++\n"
            ),
            "+++\nfields = { a = 2, b = \"y\", c = true }\n+++\n"
        );
        assert_eq!(
            clean(
                base,
                "+++\nfields = { a = 2, b = \"x\" }\n+++\n",
                "+++\nfields = { a = 1 }\n+++\n"
            ),
            "+++\nfields = { a = 2 }\n+++\n"
        );
    }

    #[test]
    fn lists_merge_as_sets() {
        let ours = edit(ANNA, &[("[\"vip\", \"b2b\"]", "[\"vip\", \"b2b\", \"партнёр\"]")]);
        let theirs = edit(ANNA, &[("[\"vip\", \"b2b\"]", "[\"客户\", \"vip\"]")]);
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(ANNA, &[("[\"vip\", \"b2b\"]", "[\"vip\", \"партнёр\", \"客户\"]")])
        );
        // Removing the first item keeps the bracket's spacing; both removing is fine.
        let ours = edit(ANNA, &[("[\"vip\", \"b2b\"]", "[\"b2b\"]"), ("Manager", "CTO")]);
        let theirs = edit(ANNA, &[("[\"vip\", \"b2b\"]", "[\"b2b\", \"new\"]")]);
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(ANNA, &[("[\"vip\", \"b2b\"]", "[\"b2b\", \"new\"]"), ("Manager", "CTO")])
        );
    }

    #[test]
    fn a_list_one_item_a_line_stays_so() {
        let ours = edit(
            ANNA,
            &[(
                "  \"anna.petrova@acme.kz\",\n",
                "  \"anna.petrova@acme.kz\",\n  \"anna@gmail.com\",\n",
            )],
        );
        let theirs = edit(
            ANNA,
            &[("  \"anna@example.com\",\n", ""), ("]\ncity", "  \"айгүл@mail.kz\",\n]\ncity")],
        );
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(
                ANNA,
                &[(
                    "emails = [\n  \"anna@example.com\",\n  \"anna.petrova@acme.kz\",\n]",
                    "emails = [\n  \"anna.petrova@acme.kz\",\n  \"anna@gmail.com\",\n  \"айгүл@mail.kz\",\n]"
                )]
            )
        );
        // Without a trailing comma, the last line break stays before `]`.
        let base = "+++\nabout = [\n  \"anna\",\n  \"acme\"\n]\n+++\n";
        let ours = "+++\nabout = [\n  \"anna\",\n  \"acme\",\n  \"deal-1\"\n]\n+++\n";
        let theirs = "+++\nabout = [\n  \"anna\",\n  \"acme\",\n  \"ivan\"\n]\n+++\n";
        assert_eq!(
            clean(base, ours, theirs),
            "+++\nabout = [\n  \"anna\",\n  \"acme\",\n  \"deal-1\",\n  \"ivan\"\n]\n+++\n"
        );
    }

    #[test]
    fn lists_of_inline_tables_merge_as_sets() {
        let base =
            "+++\nname = \"Иван\"\nrelations = [{ to = \"anna\", kind = \"spouse\" }]\n+++\n";
        let ours = "+++\nname = \"Иван\"\nrelations = [{ to = \"anna\", kind = \"spouse\" }, { to = \"acme\", kind = \"works-at\" }]\n+++\n";
        let theirs =
            "+++\nname = \"Иван\"\nrelations = [{ to = \"айгүл\", kind = \"sister\" }]\n+++\n";
        assert_eq!(
            clean(base, ours, theirs),
            "+++\nname = \"Иван\"\nrelations = [{ to = \"acme\", kind = \"works-at\" }, { to = \"айгүл\", kind = \"sister\" }]\n+++\n"
        );
    }

    const DEAL: &str = "+++
title = \"Сайт для Acme\"
stage = \"proposal\"
value = 12000

[[history]]
stage = \"lead\"
at = 2026-11-01T09:00:00Z

[[history]]
stage = \"proposal\"
at = 2026-11-10T09:00:00Z
+++
";

    #[test]
    fn history_keeps_both_sides_entries_in_time_order() {
        // Ours moved the deal to won (a newer entry), theirs changed the value and logged
        // an older move: both entries stay, oldest first, each once.
        let won = "\n[[history]]\nstage = \"won\"\nat = 2026-11-20T10:00:00Z\n";
        let negotiation =
            "\n[[history]] # after the call\nstage = \"negotiation\"\nat = 2026-11-15T12:00:00Z\n";
        let ours = edit(DEAL, &[("\"proposal\"\nvalue", "\"won\"\nvalue")])
            .replace("Z\n+++", &format!("Z\n{won}+++"));
        let theirs =
            edit(DEAL, &[("12000", "15000")]).replace("Z\n+++", &format!("Z\n{negotiation}+++"));
        let expected = edit(DEAL, &[("\"proposal\"\nvalue", "\"won\"\nvalue"), ("12000", "15000")])
            .replace("Z\n+++", &format!("Z\n{negotiation}{won}+++"));
        assert_eq!(clean(DEAL, &ours, &theirs), expected);
        // The same entry on both sides (the same move replayed) is kept once.
        assert_eq!(
            clean(DEAL, &ours, &edit(&ours, &[("value = 12000", "value = 15000")])),
            edit(&ours, &[("value = 12000", "value = 15000")])
        );
        let theirs = edit(DEAL, &[("12000", "15000")]).replace("Z\n+++", &format!("Z\n{won}+++"));
        assert_eq!(
            clean(DEAL, &edit(&ours, &[("Сайт", "Новый сайт")]), &theirs),
            edit(&ours, &[("Сайт", "Новый сайт"), ("12000", "15000")])
        );
    }

    #[test]
    fn completed_keeps_both_sides_completions_in_time_order() {
        let base = "+++\ntitle = \"Позвонить 王小明\"\nrepeat = \"1w\"\ndue = 2026-11-30\ncompleted = [2026-11-16T09:00:00Z]\n+++\n";
        let ours = "+++\ntitle = \"Позвонить 王小明\"\nrepeat = \"1w\"\ndue = 2026-12-07\ncompleted = [2026-11-16T09:00:00Z, 2026-11-30T08:00:00Z]\n+++\n";
        let theirs = "+++\ntitle = \"Позвонить 王小明\"\nrepeat = \"1w\"\ndue = 2026-11-30\ncompleted = [2026-11-16T09:00:00Z, 2026-11-23T08:00:00Z]\n+++\n";
        assert_eq!(
            clean(base, ours, theirs),
            "+++\ntitle = \"Позвонить 王小明\"\nrepeat = \"1w\"\ndue = 2026-12-07\ncompleted = [2026-11-16T09:00:00Z, 2026-11-23T08:00:00Z, 2026-11-30T08:00:00Z]\n+++\n"
        );
    }

    #[test]
    fn a_key_changed_differently_on_both_sides_is_a_conflict_with_markers() {
        let ours = edit(ANNA, &[("title = \"Manager\"", "title = \"CEO\"  # since May")]);
        let theirs = edit(ANNA, &[("\"Manager\"", "\"CTO\""), ("\"Алматы\"", "\"Астана\"")]);
        let merged = m(ANNA, &ours, &theirs);
        assert_eq!(
            merged.text,
            edit(
                ANNA,
                &[
                    (
                        "title = \"Manager\"\n",
                        "<<<<<<< HEAD\ntitle = \"CEO\"  # since May\n=======\ntitle = \"CTO\"\n>>>>>>> origin/main\n"
                    ),
                    ("\"Алматы\"", "\"Астана\"")
                ]
            )
        );
        assert_eq!(
            merged.conflicts,
            [Conflict {
                key: "title".into(),
                base: Some("\"Manager\"".into()),
                ours: Some("\"CEO\"".into()),
                theirs: Some("\"CTO\"".into()),
            }]
        );
        let parts = frontmatter::split(&merged.text).unwrap();
        assert!(parts.front.parse::<DocumentMut>().is_err(), "a conflicted file must not parse");
    }

    #[test]
    fn removed_on_one_side_and_changed_on_the_other_is_a_conflict() {
        let ours = edit(ANNA, &[("city = \"Алматы\"\n", "")]);
        let theirs = edit(ANNA, &[("\"Алматы\"", "\"Астана\"")]);
        let merged = m(ANNA, &ours, &theirs);
        assert_eq!(
            merged.text,
            edit(
                ANNA,
                &[(
                    "city = \"Алматы\"\n",
                    "<<<<<<< HEAD\n=======\ncity = \"Астана\"\n>>>>>>> origin/main\n"
                )]
            )
        );
        assert_eq!(merged.conflicts[0].key, "city");
        assert_eq!(merged.conflicts[0].ours, None);
        // And the other way round, in a table.
        let ours = edit(ANNA, &[("\"furniture\"", "\"мебель\"")]);
        let theirs = edit(ANNA, &[("industry = \"furniture\" # why we care\n", "")]);
        let merged = m(ANNA, &ours, &theirs);
        assert_eq!(merged.conflicts[0].key, "fields.industry");
        assert!(
            merged.text.contains("[fields]\n<<<<<<< HEAD\nindustry = \"мебель\" # why we care\n=======\n>>>>>>> origin/main\n+++"),
            "{}",
            merged.text
        );
    }

    #[test]
    fn a_table_removed_on_one_side_and_changed_on_the_other() {
        let base = "+++\nname = \"王小明\"\n\n[fields]\nindustry = \"retail\"\nsize = 10\n\n[fields.address]\ncity = \"北京\"\n+++\n";
        let ours = "+++\nname = \"王小明\"\n+++\n";
        let theirs = edit(base, &[("北京", "上海")]);
        let merged = m(base, ours, &theirs);
        assert_eq!(
            merged.text,
            "+++\nname = \"王小明\"\n\n[fields.address]\n<<<<<<< HEAD\n=======\ncity = \"上海\"\n>>>>>>> origin/main\n+++\n"
        );
        assert_eq!(merged.conflicts[0].key, "fields.address.city");
        let theirs = edit(base, &[("size = 10", "size = 11")]);
        let merged = m(base, ours, &theirs);
        assert_eq!(
            merged.text,
            "+++\nname = \"王小明\"\n\n[fields]\n<<<<<<< HEAD\n=======\nsize = 11\n>>>>>>> origin/main\n+++\n"
        );
        // Removed whole on one side, untouched on the other: gone.
        let theirs = edit(base, &[("王小明", "Wang Xiaoming")]);
        assert_eq!(clean(base, ours, &theirs), "+++\nname = \"Wang Xiaoming\"\n+++\n");
    }

    #[test]
    fn comments_theirs_kept_stay_when_theirs_removes_a_key() {
        // Theirs removed the first key; the file's opening comment stays, above the next.
        let theirs = edit(ANNA, &[("name   = \"Анна Петрова\"  # full name\n", "")]);
        let ours = edit(ANNA, &[("Manager", "CTO")]);
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(&ours, &[("name   = \"Анна Петрова\"  # full name\n", "")])
        );
        // A comment removed together with its key goes.
        let theirs = edit(
            ANNA,
            &[("# met at a conference in Almaty\nname   = \"Анна Петрова\"  # full name\n", "")],
        );
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(
                &ours,
                &[(
                    "# met at a conference in Almaty\nname   = \"Анна Петрова\"  # full name\n",
                    ""
                )]
            )
        );
    }

    #[test]
    fn comments_of_the_last_key_before_the_tables_stay_above_them() {
        // Theirs removed the only key above `[fields]`; its comment stays where theirs has
        // it, above the table, not at the end of the front matter.
        let base =
            "+++\n# a deal, by hand\ntitle = \"Сделка\"\n\n[fields]\nregion = \"Алматы\"\n+++\n";
        let theirs = "+++\n# a deal, by hand\n[fields]\nregion = \"Алматы\"\n+++\n";
        let ours = edit(base, &[("Алматы", "Астана")]);
        assert_eq!(
            clean(base, &ours, theirs),
            "+++\n# a deal, by hand\n[fields]\nregion = \"Астана\"\n+++\n"
        );
        // And when theirs also added a key, the comment goes with it, as in theirs' file.
        let theirs =
            "+++\n# a deal, by hand\nstage = \"won\"\n\n[fields]\nregion = \"Алматы\"\n+++\n";
        let merged = clean(base, &ours, theirs);
        assert!(merged.starts_with("+++\n# a deal, by hand\nstage = \"won\"\n"), "{merged}");
        assert_eq!(merged.matches("# a deal").count(), 1, "{merged}");
    }

    #[test]
    fn dotted_keys_and_lists_of_tables() {
        let base = "+++\nname = \"Jürgen Groß\"\nfields.industry = \"Möbel\"\n\n[[phones]]\nnumber = \"+49 30 1234\"\n+++\n";
        let ours = edit(base, &[("\"Möbel\"", "\"Handel\"")]);
        let theirs = edit(base, &[("\"Möbel\"", "\"Bau\"")]);
        let merged = m(base, &ours, &theirs);
        assert_eq!(
            merged.text,
            edit(
                base,
                &[(
                    "fields.industry = \"Möbel\"\n",
                    "<<<<<<< HEAD\nfields.industry = \"Handel\"\n=======\nfields.industry = \"Bau\"\n>>>>>>> origin/main\n"
                )]
            )
        );
        assert_eq!(merged.conflicts[0].key, "fields.industry");
        // `[[phones]]` is a set of tables: both sides' new ones kept.
        let ours =
            base.replace("1234\"\n+++", "1234\"\n\n[[phones]]\nnumber = \"+49 30 5678\"\n+++");
        let theirs =
            base.replace("1234\"\n+++", "1234\"\n\n[[phones]]\nnumber = \"+7 701 000\"\n+++");
        let merged = clean(base, &ours, &theirs);
        assert!(
            merged.ends_with("1234\"\n\n[[phones]]\nnumber = \"+49 30 5678\"\n\n[[phones]]\nnumber = \"+7 701 000\"\n+++\n"),
            "{merged}"
        );
    }

    #[test]
    fn a_conflict_inside_an_inline_table_is_the_whole_line() {
        let base =
            "+++\nname = \"Айгүл\"\naddress = { city = \"Алматы\", zip = \"050000\" }\n+++\n";
        let ours =
            "+++\nname = \"Айгүл\"\naddress = { city = \"Астана\", zip = \"050000\" }\n+++\n";
        let theirs =
            "+++\nname = \"Айгүл\"\naddress = { city = \"Шымкент\", zip = \"050000\" }\n+++\n";
        let merged = m(base, ours, theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].key, "address");
        assert_eq!(
            merged.text,
            "+++\nname = \"Айгүл\"\n<<<<<<< HEAD\naddress = { city = \"Астана\", zip = \"050000\" }\n=======\naddress = { city = \"Шымкент\", zip = \"050000\" }\n>>>>>>> origin/main\n+++\n"
        );
    }

    #[test]
    fn the_body_merges_by_lines() {
        let ours = edit(
            ANNA,
            &[("Manager", "CTO"), ("Likes *tea*.\n", "Likes *tea*.\n\nЗвонила 20 ноября.\n")],
        );
        let theirs = edit(ANNA, &[("# Notes", "# Заметки"), ("'acme'", "'globex'")]);
        assert_eq!(
            clean(ANNA, &ours, &theirs),
            edit(
                ANNA,
                &[
                    ("Manager", "CTO"),
                    ("'acme'", "'globex'"),
                    ("# Notes", "# Заметки"),
                    ("Likes *tea*.\n", "Likes *tea*.\n\nЗвонила 20 ноября.\n")
                ]
            )
        );
        let ours = edit(ANNA, &[("Likes *tea*.", "Likes *coffee*.")]);
        let theirs = edit(ANNA, &[("Likes *tea*.", "Любит чай.")]);
        let merged = m(ANNA, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].key, "body");
        assert!(
            merged.text.ends_with("+++\n# Notes\n\n<<<<<<< HEAD\nLikes *coffee*.\n=======\nЛюбит чай.\n>>>>>>> origin/main\n"),
            "{}",
            merged.text
        );
    }

    #[test]
    fn crlf_and_bom_stay() {
        let base = format!("\u{feff}{}", ANNA.replace('\n', "\r\n"));
        let ours = edit(&base, &[("Manager", "CTO"), ("\"b2b\"]", "\"b2b\", \"партнёр\"]")]);
        let theirs = edit(
            &base,
            &[
                ("\"Алматы\"", "\"Астана\""),
                ("\"vip\", ", ""),
                ("# why we care\r\n", "# why we care\r\n\"размер\" = 250\r\n"),
            ],
        );
        let merged = clean(&base, &ours, &theirs);
        assert_eq!(
            merged,
            edit(
                &base,
                &[
                    ("Manager", "CTO"),
                    ("[\"vip\", \"b2b\"]", "[\"b2b\", \"партнёр\"]"),
                    ("\"Алматы\"", "\"Астана\""),
                    ("# why we care\r\n", "# why we care\r\n\"размер\" = 250\r\n")
                ]
            )
        );
        // Conflict markers in a CRLF file are CRLF too.
        let ours = edit(&base, &[("Manager", "CEO")]);
        let theirs = edit(&base, &[("Manager", "CTO")]);
        let merged = m(&base, &ours, &theirs);
        assert!(merged.text.contains("\r\n<<<<<<< HEAD\r\ntitle = \"CEO\"\r\n=======\r\ntitle = \"CTO\"\r\n>>>>>>> origin/main\r\n"), "{:?}", merged.text);
        assert!(!merged.text.replace("\r\n", "").contains('\n'), "no bare LF");
    }

    #[test]
    fn add_add_merges_against_an_empty_record() {
        let ours = "+++\nname = \"Анна Петрова\"\ntags = [\"vip\"]\n+++\nFrom the conference.\n";
        let theirs = "+++\nname = \"Анна Петрова\"\ncity = \"Алматы\"\ntags = [\"b2b\"]\n+++\nFrom the conference.\n";
        assert_eq!(
            clean("", ours, theirs),
            "+++\nname = \"Анна Петрова\"\ntags = [\"vip\", \"b2b\"]\ncity = \"Алматы\"\n+++\nFrom the conference.\n"
        );
        let theirs = "+++\nname = \"Anna Petrova\"\n+++\nMet in Almaty.\n";
        let merged = m("", ours, theirs);
        let keys: Vec<&str> = merged.conflicts.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["name", "body"]);
        assert_eq!(merged.conflicts[0].base, None);
    }

    #[test]
    fn a_file_that_is_not_a_record_merges_by_lines() {
        let base = "+++\nname = \"Анна\"\n+++\nline one\nline two\n";
        let broken = "+++\nname = \"Анна\n+++\nline one\nline two\n"; // unclosed string
        let theirs = "+++\nname = \"Анна\"\n+++\nline one\nline two\nline three\n";
        let merged = m(base, broken, theirs);
        assert!(merged.is_clean(), "{merged:?}");
        assert_eq!(merged.text, "+++\nname = \"Анна\n+++\nline one\nline two\nline three\n");
        let ours = "+++\nname = \"Анна\n+++\nline one\nline 2\n";
        let theirs = "+++\nname = \"Анна\"\n+++\nline one\nline II\n";
        let merged = m(base, ours, theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].key, "file");
        assert!(merged.text.contains("<<<<<<< HEAD\n"), "{}", merged.text);
        // Not a record at all.
        let merged = m("a\n", "b\n", "c\n");
        assert_eq!(merged.text, "<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> origin/main\n");
    }

    #[test]
    fn a_table_against_a_value_falls_back_to_lines() {
        let base = "+++\nname = \"Ivan\"\n\n[fields]\na = 1\n+++\n";
        let ours = "+++\nname = \"Ivan\"\n\n[fields]\na = 2\n+++\n";
        let theirs = "+++\nname = \"Ivan\"\nfields = \"none\"\n+++\n";
        let merged = m(base, ours, theirs);
        assert_eq!(merged.conflicts[0].key, "file");
        assert!(merged.text.contains("a = 2") && merged.text.contains("fields = \"none\""));
    }

    #[test]
    fn one_sided_changes_come_back_byte_for_byte() {
        let ours = edit(ANNA, &[("Manager", "CTO"), ("  # full name", "")]);
        assert_eq!(m(ANNA, &ours, ANNA).text, ours);
        assert_eq!(m(ANNA, ANNA, &ours).text, ours);
        assert_eq!(m(ANNA, &ours, &ours).text, ours);
        // Formatting-only changes on theirs leave ours as it is.
        let theirs = edit(ANNA, &[("name   =", "name =")]);
        assert_eq!(clean(ANNA, &ours, &theirs), ours);
    }

    mod properties {
        //! Disjoint edits on two clones, made through rolo's own editing functions, must
        //! merge cleanly into a record holding both; and no input may panic.

        use proptest::prelude::*;
        use toml_edit::{Datetime, DocumentMut, Value};

        use super::super::{Labels, front, merge};
        use crate::store::edit;
        use crate::store::merge::canon;

        const KEYS: [&str; 8] =
            ["name", "title", "city", "value", "birthday", "tags", "emails", "owner"];
        const FIELDS: [&str; 3] = ["industry", "размер", "region"];
        const WORDS: [&str; 12] = [
            "Анна Петрова",
            "王小明",
            "Айгүл Сейітқызы",
            "Jürgen Groß",
            "acme",
            "CEO",
            "Алматы",
            "北京",
            "say \"hi\"",
            "tab\there",
            "",
            "line\nbreak",
        ];

        fn word() -> impl Strategy<Value = String> {
            prop::sample::select(WORDS.to_vec()).prop_map(String::from)
        }

        fn value() -> impl Strategy<Value = Value> {
            prop_oneof![
                word().prop_map(Value::from),
                any::<i32>().prop_map(|i| Value::from(i64::from(i))),
                (2020i32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| {
                    Value::from(format!("{y}-{m:02}-{d:02}").parse::<Datetime>().unwrap())
                }),
                prop::collection::vec(word(), 0..4)
                    .prop_map(|v| Value::Array(v.into_iter().collect())),
            ]
        }

        /// What one side does to one key: nothing, set it, or remove it.
        #[derive(Debug, Clone)]
        enum Op {
            Keep,
            Set(Value),
            Remove,
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![2 => Just(Op::Keep), 3 => value().prop_map(Op::Set), 1 => Just(Op::Remove)]
        }

        #[derive(Debug, Clone)]
        struct Case {
            base: Vec<(Vec<String>, Value)>,
            /// Per key: which side edits it (true: ours) and how.
            ops: Vec<(Vec<String>, bool, Op)>,
            base_history: usize,
            /// Hours after the base's last entry at which each side moves the deal, if it does.
            ours_move: Option<u32>,
            theirs_move: Option<u32>,
            body: Vec<String>,
            /// Who edits the body (one side only: line merges of one spot conflict).
            body_edit: Option<bool>,
            crlf: bool,
        }

        fn paths() -> Vec<Vec<String>> {
            KEYS.iter()
                .map(|k| vec![k.to_string()])
                .chain(FIELDS.iter().map(|k| vec!["fields".to_string(), k.to_string()]))
                .collect()
        }

        fn case() -> impl Strategy<Value = Case> {
            let n = paths().len();
            (
                prop::collection::vec(prop::option::of(value()), n),
                prop::collection::vec((any::<bool>(), op()), n),
                0usize..3,
                prop::option::of(1u32..100),
                prop::option::of(1u32..100),
                prop::collection::vec(word(), 0..5),
                prop::option::of(any::<bool>()),
                any::<bool>(),
            )
                .prop_map(
                    |(base, ops, base_history, ours_move, theirs_move, body, body_edit, crlf)| {
                        let paths = paths();
                        Case {
                            base: paths
                                .iter()
                                .zip(base)
                                .filter_map(|(p, v)| Some((p.clone(), v?)))
                                .collect(),
                            ops: paths
                                .into_iter()
                                .zip(ops)
                                .map(|(p, (ours, op))| (p, ours, op))
                                .collect(),
                            base_history,
                            ours_move,
                            theirs_move,
                            body,
                            body_edit,
                            crlf,
                        }
                    },
                )
        }

        fn at(hours: u32) -> chrono::DateTime<chrono::FixedOffset> {
            chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00+00:00").unwrap()
                + chrono::Duration::hours(i64::from(hours))
        }

        fn render(doc: &DocumentMut, body: &[String], crlf: bool) -> String {
            let text = format!(
                "+++\n# a deal, by hand\n{doc}+++\n{}",
                body.iter().map(|l| format!("{l}\n")).collect::<String>()
            );
            if crlf { text.replace('\n', "\r\n") } else { text }
        }

        /// base, ours, theirs, and the document both sides' changes should give.
        fn build(c: &Case) -> (String, String, String, DocumentMut) {
            // Every record has a key; a comment-only front matter has nowhere to keep
            // the comment above a key that theirs adds but the end.
            let mut base = DocumentMut::new();
            edit::set(&mut base, &["title"], Value::from("Сделка 王小明")).unwrap();
            for (path, v) in &c.base {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                edit::set(&mut base, &path, v.clone()).unwrap();
            }
            for i in 0..c.base_history {
                edit::append_history(
                    &mut base,
                    "lead",
                    at(0) - chrono::Duration::days(10 - i as i64),
                )
                .unwrap();
            }
            let (mut ours, mut theirs, mut expected) = (base.clone(), base.clone(), base.clone());
            for (path, on_ours, op) in &c.ops {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                let side = if *on_ours { &mut ours } else { &mut theirs };
                for doc in [side, &mut expected] {
                    match op {
                        Op::Keep => {}
                        Op::Set(v) => edit::set(doc, &path, v.clone()).unwrap(),
                        // Only what is there: unset of a missing `fields.x` leaves an
                        // empty placeholder for `fields` in the document.
                        Op::Remove
                            if doc.get(path[0]).is_some_and(|i| {
                                path[1..].iter().try_fold(i, |i, k| i.get(k)).is_some()
                            }) =>
                        {
                            edit::unset(doc, &path).unwrap();
                        }
                        Op::Remove => {}
                    }
                }
            }
            let mut moves: Vec<(u32, bool)> = Vec::new();
            if let Some(h) = c.ours_move {
                edit::append_history(&mut ours, "won", at(h)).unwrap();
                moves.push((h, true));
            }
            if let Some(h) = c.theirs_move {
                edit::append_history(&mut theirs, "won", at(h)).unwrap();
                if c.ours_move != Some(h) {
                    moves.push((h, false));
                }
            }
            moves.sort_by_key(|&(h, ours_first)| (h, !ours_first));
            for (h, _) in moves {
                edit::append_history(&mut expected, "won", at(h)).unwrap();
            }
            let mut body_ours = c.body.clone();
            let mut body_theirs = c.body.clone();
            match c.body_edit {
                Some(true) => body_ours.push("Звонок 王小明".into()),
                Some(false) => body_theirs.insert(0, "Встреча".into()),
                None => {}
            }
            (
                render(&base, &c.body, c.crlf),
                render(&ours, &body_ours, c.crlf),
                render(&theirs, &body_theirs, c.crlf),
                expected,
            )
        }

        fn front(text: &str) -> DocumentMut {
            crate::store::frontmatter::split(text).unwrap().front.parse().unwrap()
        }

        proptest! {
            #[test]
            fn disjoint_edits_merge_cleanly_into_both(c in case()) {
                let (base, ours, theirs, expected) = build(&c);
                let merged = merge(&base, &ours, &theirs, &Labels::default());
                prop_assert!(merged.is_clean(), "{:?}\n{}", merged.conflicts, merged.text);
                let doc = front(&merged.text);
                // Through the file's line endings (a multi-line string takes them in).
                let expected = front(&render(&expected, &[], c.crlf));
                prop_assert_eq!(canon::table(doc.as_table()), canon::table(expected.as_table()), "{}", merged.text);
                if c.crlf {
                    prop_assert!(!merged.text.replace("\r\n", "").contains('\n'), "{:?}", merged.text);
                }
                // The other way round gives the same record.
                let swapped = merge(&base, &theirs, &ours, &Labels::default());
                prop_assert_eq!(canon::table(front(&swapped.text).as_table()), canon::table(doc.as_table()));
                // Body: whichever side edited it.
                let body = |t: &str| crate::store::frontmatter::split(t).unwrap().body().to_string();
                let want = match c.body_edit { Some(true) => body(&ours), Some(false) => body(&theirs), None => body(&base) };
                prop_assert_eq!(body(&merged.text), want);
            }

            /// The key merge itself (not the shortcut for an untouched side) gives back a
            /// one-sided change byte for byte.
            #[test]
            fn one_sided_changes_pass_the_key_merge_unchanged(c in case()) {
                let (base, ours, theirs, _) = build(&c);
                let (b, o, t) = (front(&base), front(&ours), front(&theirs));
                for x in [&o, &t] {
                    let text = &x.to_string();
                    let kept = front::merge(&b, x, &b, &Labels::default(), "nonce").unwrap();
                    prop_assert_eq!(&kept.text, text);
                    let taken = front::merge(&b, &b, x, &Labels::default(), "nonce").unwrap();
                    prop_assert_eq!(&taken.text, text);
                }
            }

            #[test]
            fn no_input_panics(texts in prop::collection::vec(
                prop::collection::vec(prop::sample::select(vec![
                    "+++\n", "+++\r\n", "\u{feff}", "a = 1\n", "a = 2\n", "b = \"Анна\"\n",
                    "tags = [\"x\"]\n", "tags = [\"y\", \"x\"]\n", "[fields]\n", "[[history]]\n",
                    "at = 2026-11-01T09:00:00Z\n", "<<<<<<< ours\n", "=======\n", ">>>>>>> theirs\n",
                    "王小明\n", "\n", "x", "a = {", "completed = [2026-11-01]\n", "history = 3\n",
                ]), 0..12).prop_map(|parts| parts.concat()), 3)) {
                let merged = merge(&texts[0], &texts[1], &texts[2], &Labels::default());
                let record = |t: &str| crate::store::frontmatter::split(t)
                    .is_ok_and(|p| p.front.parse::<DocumentMut>().is_ok());
                if merged.is_clean() {
                    // A clean merge of three records is a record.
                    let all = texts.iter().enumerate().all(|(i, t)| (i == 0 && t.is_empty()) || record(t));
                    prop_assert!(!all || record(&merged.text), "{:?} → {:?}", texts, merged.text);
                } else {
                    // A conflict is always there to see.
                    let marked = |c: &str| merged.text.lines().any(|l| l.starts_with(c));
                    prop_assert!(marked("<<<<<<<") && marked(">>>>>>>"), "{:?}", merged.text);
                }
            }
        }
    }
}
