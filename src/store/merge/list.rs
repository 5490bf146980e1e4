//! Lists in a three-way merge. Most arrays are sets (`tags`, `emails`, `about`,
//! `relations = [{ to, kind }]`): each side's additions and removals apply, ours' order
//! first, then theirs' additions in theirs' order. Logs (`[[history]]` of a deal,
//! `completed` of a task) only grow: both sides' new entries are kept once each, in time
//! order.
//!
//! Edits happen in ours' array or `[[…]]` tables, so ours' spacing, line breaks and
//! comments stay; a new element takes the spacing of its neighbours.

use toml_edit::{Array, ArrayOfTables, Decor, Item, Table, Value};

use super::canon::{self, Canon};

/// Root keys that hold logs: entries are only ever added (a stage change, a completion).
const APPEND_ONLY: [&str; 2] = ["history", "completed"];

/// Whether the key at `path` is a log.
pub(super) fn append_only(path: &[String]) -> bool {
    matches!(path, [key] if APPEND_ONLY.contains(&key.as_str()))
}

/// One element of a list, with what it means.
#[derive(Clone)]
pub(super) struct Entry {
    canon: Canon,
    elem: Elem,
}

#[derive(Clone)]
enum Elem {
    Value(Value),
    Table(Table),
}

/// The elements of a list (an array, or `[[…]]` tables); `None` for anything else.
pub(super) fn entries(item: &Item) -> Option<Vec<Entry>> {
    match item {
        Item::Value(Value::Array(a)) => Some(
            a.iter()
                .map(|v| Entry { canon: canon::value(v), elem: Elem::Value(v.clone()) })
                .collect(),
        ),
        Item::ArrayOfTables(a) => Some(
            a.iter()
                .map(|t| Entry { canon: canon::table(t), elem: Elem::Table(t.clone()) })
                .collect(),
        ),
        _ => None,
    }
}

/// The base's elements: a lone value counts as a list of one (`tags = "vip"`), anything
/// else that is not a list as none.
pub(super) fn base_entries(item: Option<&Item>) -> Vec<Entry> {
    match item {
        Some(Item::Value(v)) if !v.is_array() && !v.is_inline_table() => {
            vec![Entry { canon: canon::value(v), elem: Elem::Value(v.clone()) }]
        }
        Some(item) => entries(item).unwrap_or_default(),
        None => Vec::new(),
    }
}

/// Apply theirs' changes since the base to ours' list `target` (an array or `[[…]]`
/// tables). `false` if an element of theirs cannot go into ours' kind of list (a number
/// into `[[…]]` tables): the caller treats the key as a conflict.
pub(super) fn merge(
    target: &mut Item,
    base: &[Entry],
    theirs: &[Entry],
    append_only: bool,
) -> bool {
    let mut list = match target {
        Item::Value(Value::Array(a)) => List::Values(a),
        Item::ArrayOfTables(a) => List::Tables(a),
        _ => return false,
    };
    let removed: Vec<&Canon> =
        base.iter().map(|e| &e.canon).filter(|c| !theirs.iter().any(|t| &t.canon == *c)).collect();
    let mut current = list.canons();
    for i in (0..current.len()).rev() {
        if removed.contains(&&current[i]) {
            list.remove(i);
            current.remove(i);
        }
    }
    for added in theirs {
        if base.iter().any(|b| b.canon == added.canon) || current.contains(&added.canon) {
            continue;
        }
        let at = if append_only { time_slot(&current, &added.canon) } else { current.len() };
        if !list.insert(at, &added.elem) {
            return false;
        }
        current.insert(at, added.canon.clone());
    }
    true
}

/// Where a new log entry goes: before the entries at the end that happened after it.
/// Entries without a time are never passed over.
fn time_slot(current: &[Canon], entry: &Canon) -> usize {
    let Some(time) = entry.time() else { return current.len() };
    let mut at = current.len();
    while at > 0 && current[at - 1].time().is_some_and(|t| t > time) {
        at -= 1;
    }
    at
}

enum List<'a> {
    Values(&'a mut Array),
    Tables(&'a mut ArrayOfTables),
}

impl List<'_> {
    fn canons(&self) -> Vec<Canon> {
        match self {
            List::Values(a) => a.iter().map(canon::value).collect(),
            List::Tables(a) => a.iter().map(canon::table).collect(),
        }
    }

    fn remove(&mut self, i: usize) {
        match self {
            List::Values(a) => {
                let removed = a.remove(i);
                // The neighbour inherits the spacing that belongs to the list's ends:
                // `["b2b"]`, not `[ "b2b"]`; a last line break before `]` stays.
                if i == 0
                    && let (Some(p), Some(first)) = (removed.decor().prefix(), a.get_mut(0))
                {
                    first.decor_mut().set_prefix(p.clone());
                }
                if i == a.len()
                    && i > 0
                    && let Some(s) = removed.decor().suffix().filter(|s| blank(s.as_str()))
                    && let Some(last) = a.get_mut(i - 1)
                {
                    last.decor_mut().set_suffix(s.clone());
                }
            }
            List::Tables(a) => {
                a.remove(i);
            }
        }
    }

    fn insert(&mut self, at: usize, elem: &Elem) -> bool {
        match self {
            List::Values(a) => {
                let mut value = match elem {
                    Elem::Value(v) => v.clone(),
                    Elem::Table(t) => {
                        let mut inline = t.clone().into_inline_table();
                        inline.fmt();
                        Value::InlineTable(inline)
                    }
                };
                insert_spaced(a, at, &mut value);
                true
            }
            List::Tables(a) => {
                let mut table = match elem {
                    Elem::Table(t) => t.clone(),
                    Elem::Value(Value::InlineTable(t)) => t.clone().into_table(),
                    Elem::Value(_) => return false,
                };
                // Rendered where its neighbour is: right after the entry before it (the
                // order among tables of the same position is the document's).
                let position = if at > 0 {
                    a.get(at - 1).and_then(Table::position)
                } else {
                    a.get(0).and_then(Table::position).map(|p| p - 1)
                };
                table.set_position(position);
                a.insert(at, table);
                true
            }
        }
    }
}

/// Insert `value` at `at` in `a`, spaced like its neighbours: `["a", "b"]` stays one line,
/// an array with an element per line gets another line.
fn insert_spaced(a: &mut Array, at: usize, value: &mut Value) {
    let prefix_of = |v: Option<&Value>| v.and_then(|v| v.decor().prefix()?.as_str().map(spacing));
    let lead = prefix_of(a.get(0)).unwrap_or_default();
    let sep = prefix_of(a.get(1))
        .unwrap_or_else(|| if lead.contains('\n') { lead.clone() } else { " ".to_string() });
    *value.decor_mut() = Decor::new(if at == 0 { lead } else { sep.clone() }, "");
    if at == a.len() && at > 0 {
        // The break before `]` of an array without a trailing comma moves to the new end.
        if let Some(last) = a.get_mut(at - 1)
            && let Some(s) = last.decor().suffix().filter(|s| blank(s.as_str())).cloned()
        {
            last.decor_mut().set_suffix("");
            value.decor_mut().set_suffix(s);
        }
    }
    a.insert_formatted(at, value.clone());
    if at == 0
        && let Some(old_first) = a.get_mut(1)
    {
        old_first.decor_mut().set_prefix(sep);
    }
}

/// The spacing part of an element's prefix: its line break and indentation, without any
/// comment (which belongs to the element it was written above).
fn spacing(prefix: &str) -> String {
    match prefix.rfind('\n') {
        Some(i) => format!("\n{}", &prefix[i + 1..]),
        None if blank(Some(prefix)) => prefix.to_string(),
        None => " ".to_string(),
    }
}

/// Whether a piece of decor is only spaces and line breaks (no comment).
pub(super) fn blank(s: Option<&str>) -> bool {
    s.is_some_and(|s| s.chars().all(char::is_whitespace))
}
