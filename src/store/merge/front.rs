//! Key-by-key three-way merge of front matter. The result is "ours" with theirs' changes
//! applied, edited in place through toml_edit, so ours' comments, key order, quoting and
//! spacing stay; a key new from theirs comes with theirs' formatting, at the end of its
//! table.
//!
//! A key both sides changed differently is written in git's marker style, both lines kept.
//! Lists are in [`super::list`]; whole-file concerns (splitting, line endings, the body)
//! are the caller's.

use toml_edit::{Decor, DocumentMut, InlineTable, Item, Key, Table, Value};

use super::canon;
use super::list;
use super::{Conflict, Labels};

/// The key merge cannot write this result as lines of TOML (a key both sides changed where
/// one side holds a whole table): the caller falls back to a line merge of the file.
#[derive(Debug)]
pub(super) struct Unrenderable;

/// The merged front matter (LF line endings; the caller restores ours') and its conflicts.
pub(super) struct FrontMerge {
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

pub(super) fn merge(
    base: &DocumentMut,
    ours: &DocumentMut,
    theirs: &DocumentMut,
    labels: &Labels,
    nonce: &str,
) -> Result<FrontMerge, Unrenderable> {
    let mut doc = ours.clone();
    let mut merger = Merger {
        nonce,
        pending: Vec::new(),
        next_position: last_position(doc.as_table()) + 1,
        theirs_text: theirs.to_string(),
        ours_text: ours.to_string(),
        orphans: Vec::new(),
    };
    merger.table(&mut Vec::new(), Some(base.as_table()), doc.as_table_mut(), Some(theirs))?;
    // Comments that lost their place are never dropped. Those of the last key before the
    // table headers go above the first header (where theirs' file has them; the blank
    // line that parted the header from the keys above parts nothing now); the rest at
    // the end of the front matter.
    let (above_tables, rest): (Vec<_>, Vec<_>) =
        merger.orphans.into_iter().partition(|(_, root)| *root);
    let mut rest: Vec<String> = rest.into_iter().map(|(c, _)| c).collect();
    if !above_tables.is_empty() {
        let comments: String = above_tables.into_iter().map(|(c, _)| c).collect();
        match first_header(doc.as_table_mut()) {
            Some(decor) => {
                let old = decor.prefix().and_then(|p| p.as_str()).unwrap_or("");
                let old = if old.trim().is_empty() { "" } else { old };
                let joined = format!("{comments}{old}");
                decor.set_prefix(joined);
            }
            None => rest.insert(0, comments),
        }
    }
    if !rest.is_empty() {
        let trailing = doc.trailing().as_str().unwrap_or("").to_string();
        doc.set_trailing(format!("{trailing}{}", rest.concat()));
    }
    let mut text = doc.to_string();
    let mut conflicts = Vec::with_capacity(merger.pending.len());
    for p in merger.pending {
        text = write_conflict(text, &p, labels)?;
        conflicts.push(Conflict {
            key: p.path.join("."),
            base: p.base.as_ref().map(item_text),
            ours: p.ours.as_ref().map(value_text),
            theirs: p.theirs.as_ref().map(value_text),
        });
    }
    Ok(FrontMerge { text, conflicts })
}

/// A conflict waiting to be written: the key holds `placeholder` in the document until
/// the rendered text has it replaced by the marker block.
struct Pending {
    path: Vec<String>,
    placeholder: String,
    base: Option<Item>,
    ours: Option<Value>,
    theirs: Option<Value>,
}

struct Merger<'a> {
    /// Text found in none of the three files, so placeholders cannot clash with a value.
    nonce: &'a str,
    pending: Vec<Pending>,
    /// Where a table new from theirs goes in ours' document: after every table there.
    next_position: isize,
    /// Theirs' front matter as text, to tell which comments theirs kept.
    theirs_text: String,
    /// Ours' front matter as text, to tell which comments ours already has.
    ours_text: String,
    /// Comment lines theirs kept whose key theirs removed, with no key after them in ours
    /// (and whether that key was in the root table, above every table header).
    orphans: Vec<(String, bool)>,
}

impl Merger<'_> {
    /// Merge the keys of one table: ours' keys in ours' order, then keys only theirs has.
    /// A missing base or theirs counts as an empty table (added, or removed whole).
    fn table(
        &mut self,
        path: &mut Vec<String>,
        base: Option<&Table>,
        ours: &mut Table,
        theirs: Option<&Table>,
    ) -> Result<(), Unrenderable> {
        let mut keys: Vec<String> =
            ours.iter().filter(|(_, i)| !i.is_none()).map(|(k, _)| k.to_string()).collect();
        if let Some(theirs) = theirs {
            for (k, i) in theirs.iter() {
                if !i.is_none() && !keys.iter().any(|o| o == k) {
                    keys.push(k.to_string());
                }
            }
        }
        for key in keys {
            let b = base.and_then(|t| present(t.get(&key)));
            let t = theirs.and_then(|t| t.get_key_value(&key)).filter(|(_, i)| !i.is_none());
            path.push(key);
            let merged = self.key(path, b, ours, t);
            path.pop();
            merged?;
        }
        Ok(())
    }

    fn key(
        &mut self,
        path: &mut Vec<String>,
        b: Option<&Item>,
        ours: &mut Table,
        t: Option<(&Key, &Item)>,
    ) -> Result<(), Unrenderable> {
        let key = path.last().cloned().unwrap_or_default();
        let ti = t.map(|(_, i)| i);
        if canon::same(ti, b) {
            return Ok(()); // theirs left it alone
        }
        // A copy, so that ours can change while its old value is looked at.
        let oi = present(ours.get(&key)).cloned();
        let oi = oi.as_ref();
        // Tables merge inside, whoever changed them, so ours' formatting of each key survives.
        let tables = |i: Option<&Item>| i.is_none_or(|i| table_of(i).is_some());
        if matches!(oi, Some(Item::Table(_))) && tables(ti) && tables(b) {
            return self.nested(path, &key, b, ours, ti);
        }
        if canon::same(oi, b) {
            return self.take_theirs(path, ours, &key, b, t);
        }
        if canon::same(oi, ti) {
            return Ok(()); // the same change on both sides
        }
        // Both changed, differently.
        if oi.is_none() && matches!(ti, Some(Item::Table(_))) && tables(b) {
            // Ours removed a table theirs changed: what theirs changed in it is a conflict.
            ours.insert(&key, Item::Table(self.new_table()));
            return self.nested(path, &key, b, ours, ti);
        }
        if let (Some(o), Some(t)) = (oi, ti)
            && let Some(theirs) = list::entries(t)
        {
            let mut merged = o.clone();
            let base = list::base_entries(b);
            if list::merge(&mut merged, &base, &theirs, list::append_only(path))
                && let Some(slot) = ours.get_mut(&key)
            {
                *slot = merged;
                return Ok(());
            }
        }
        if let (Some(Item::Value(o)), Some(Item::Value(t))) = (oi, ti) {
            let mut merged = o.clone();
            if self.value(path, b.and_then(Item::as_value), &mut merged, t) {
                if let Some(slot) = ours.get_mut(&key) {
                    *slot = Item::Value(merged);
                }
                return Ok(());
            }
        }
        self.conflict(path, ours, &key, b, ti)
    }

    /// Merge the table at `key` of ours (present and a table) with base's and theirs',
    /// either of which may be an inline table or absent.
    fn nested(
        &mut self,
        path: &mut Vec<String>,
        key: &str,
        b: Option<&Item>,
        ours: &mut Table,
        ti: Option<&Item>,
    ) -> Result<(), Unrenderable> {
        let (bt, tt) = (b.and_then(table_of), ti.and_then(table_of));
        let Some(Item::Table(ot)) = ours.get_mut(key) else { return Ok(()) };
        self.table(path, bt.as_ref(), ot, tt.as_ref())?;
        if ot.is_empty() && ti.is_none() {
            // Removed whole on one side, nothing left of the other's changes.
            ours.remove(key);
        }
        Ok(())
    }

    /// Ours left `key` as it was in the base: take theirs' change, in ours' place and decor.
    fn take_theirs(
        &mut self,
        path: &[String],
        ours: &mut Table,
        key: &str,
        b: Option<&Item>,
        t: Option<(&Key, &Item)>,
    ) -> Result<(), Unrenderable> {
        let Some((their_key, ti)) = t else {
            self.remove(ours, key, path.len() == 1);
            return Ok(());
        };
        let Some(slot) = ours.get_mut(key).filter(|i| !i.is_none()) else {
            self.insert(ours, their_key, ti);
            return Ok(());
        };
        match (&mut *slot, ti) {
            (Item::Value(o), Item::Value(t)) => replace_keeping_decor(o, t.clone()),
            (Item::ArrayOfTables(_), _) => {
                // A log or list of tables: add theirs' entries to ours, keeping ours' tables
                // where they are in the file (replacing them would move them).
                let mut merged = slot.clone();
                let theirs = list::entries(ti).unwrap_or_default();
                let base = list::base_entries(b);
                if list::merge(&mut merged, &base, &theirs, list::append_only(path)) {
                    *slot = merged;
                } else {
                    let mut item = ti.clone();
                    self.place(&mut item);
                    *slot = item;
                }
            }
            (slot, ti) => {
                let mut item = ti.clone();
                self.place(&mut item);
                *slot = item;
            }
        }
        Ok(())
    }

    /// Remove `key` as theirs did. Comment lines above it that theirs kept (they now sit
    /// above the next key there: a file's opening comment, a group's heading) move to the
    /// next key in ours instead of going with the removed line; with no key after it,
    /// they wait for a key theirs added, or the end of the front matter.
    fn remove(&mut self, ours: &mut Table, key: &str, root: bool) {
        let prefix =
            ours.key(key).and_then(|k| k.leaf_decor().prefix()?.as_str().map(String::from));
        let keys: Vec<String> = ours.iter().map(|(k, _)| k.to_string()).collect();
        let next = keys
            .iter()
            .skip_while(|k| *k != key)
            .skip(1)
            .find(|k| matches!(ours.get(k), Some(Item::Value(_))))
            .cloned();
        ours.remove(key);
        let Some(prefix) = prefix else { return };
        let comments: Vec<&str> = prefix.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let kept = |c: &&str| self.theirs_text.lines().any(|l| l.trim() == *c);
        if comments.is_empty() || !comments.iter().all(kept) {
            return; // removed with its key on theirs' side too
        }
        match next.and_then(|k| ours.key_mut(&k)) {
            Some(mut next) => {
                let old = next.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
                let joined = format!("{prefix}{old}");
                next.leaf_decor_mut().set_prefix(joined);
            }
            None => self.orphans.extend(comments.iter().map(|c| (format!("{c}\n"), root))),
        }
    }

    /// The comment lines above a key or table theirs added, less those ours already has
    /// elsewhere (in theirs' file they may sit above this key only because a key above
    /// them went): a comment is never written twice, and never lost.
    fn adopt(&mut self, prefix: &str) -> String {
        let mut kept = String::with_capacity(prefix.len());
        for line in prefix.split_inclusive('\n') {
            let comment = line.trim();
            if !comment.is_empty() {
                if let Some(i) = self.orphans.iter().position(|(o, _)| o.trim() == comment) {
                    self.orphans.remove(i);
                } else if self.ours_text.lines().any(|l| l.trim() == comment) {
                    continue;
                }
            }
            kept.push_str(line);
        }
        kept
    }

    /// Insert theirs' new `key`, its comments adopted and its tables placed.
    fn insert(&mut self, ours: &mut Table, their_key: &Key, item: &Item) {
        let mut key = their_key.clone();
        if let Some(prefix) = key.leaf_decor().prefix().and_then(|p| p.as_str()).map(String::from) {
            let kept = self.adopt(&prefix);
            key.leaf_decor_mut().set_prefix(kept);
        }
        let mut item = item.clone();
        if let Item::Table(t) = &mut item
            && let Some(prefix) = t.decor().prefix().and_then(|p| p.as_str()).map(String::from)
        {
            let kept = self.adopt(&prefix);
            t.decor_mut().set_prefix(kept);
        }
        self.place(&mut item);
        ours.insert_formatted(&key, item);
    }

    /// Merge two values both sides changed: inline tables key by key, arrays as lists.
    /// `false` when they conflict (`o` may then be half merged: callers pass a copy).
    fn value(&mut self, path: &[String], b: Option<&Value>, o: &mut Value, t: &Value) -> bool {
        match (o, t) {
            (Value::InlineTable(ot), Value::InlineTable(tt)) => {
                self.inline(path, b.and_then(Value::as_inline_table), ot, tt)
            }
            (o @ Value::Array(_), Value::Array(_)) => {
                let base = list::base_entries(b.cloned().map(Item::Value).as_ref());
                let theirs = list::entries(&Item::Value(t.clone())).unwrap_or_default();
                let mut item = Item::Value(o.clone());
                if list::merge(&mut item, &base, &theirs, list::append_only(path))
                    && let Item::Value(v) = item
                {
                    *o = v;
                    return true;
                }
                false
            }
            _ => false,
        }
    }

    fn inline(
        &mut self,
        path: &[String],
        bt: Option<&InlineTable>,
        ot: &mut InlineTable,
        tt: &InlineTable,
    ) -> bool {
        let mut keys: Vec<String> = ot.iter().map(|(k, _)| k.to_string()).collect();
        keys.extend(tt.iter().map(|(k, _)| k.to_string()).filter(|k| !ot.contains_key(k)));
        for key in keys {
            let (bi, ti) = (bt.and_then(|t| t.get(&key)), tt.get(&key));
            let same =
                |a: Option<&Value>, b: Option<&Value>| a.map(canon::value) == b.map(canon::value);
            let oi = ot.get(&key);
            if same(ti, bi) || same(oi, ti) {
                continue;
            }
            if same(oi, bi) {
                match (ot.get_mut(&key), ti) {
                    (_, None) => remove_inline(ot, &key),
                    (Some(o), Some(t)) => replace_keeping_decor(o, t.clone()),
                    (None, Some(t)) => push_inline(ot, tt.key(&key), &key, t.clone()),
                }
                continue;
            }
            let mut inner = path.to_vec();
            inner.push(key.clone());
            let merged = match (ot.get_mut(&key), ti) {
                (Some(o), Some(t)) => self.value(&inner, bi, o, t),
                _ => false,
            };
            if !merged {
                return false;
            }
        }
        true
    }

    /// Put a placeholder at `key` in ours (in its place, or at the end of the table when
    /// ours removed it), to be replaced by the marker block once the document is text.
    fn conflict(
        &mut self,
        path: &[String],
        ours: &mut Table,
        key: &str,
        b: Option<&Item>,
        ti: Option<&Item>,
    ) -> Result<(), Unrenderable> {
        let value = |i: Option<&Item>| match i {
            None => Ok(None),
            Some(Item::Value(v)) => Ok(Some(v.clone())),
            Some(_) => Err(Unrenderable),
        };
        let (ov, tv) = (value(present(ours.get(key)))?, value(ti)?);
        let placeholder = format!("{}-{}", self.nonce, self.pending.len());
        let mut ph = Value::from(placeholder.as_str());
        let prefix = ov.as_ref().and_then(|v| v.decor().prefix()?.as_str()).unwrap_or(" ");
        *ph.decor_mut() = Decor::new(prefix.to_string(), "");
        match ours.get_mut(key) {
            Some(Item::Value(slot)) => *slot = ph,
            _ => {
                ours.insert(key, Item::Value(ph));
            }
        }
        self.pending.push(Pending {
            path: path.to_vec(),
            placeholder,
            base: b.cloned(),
            ours: ov,
            theirs: tv,
        });
        Ok(())
    }

    fn new_table(&mut self) -> Table {
        let mut t = Table::new();
        t.set_implicit(true);
        t.set_position(Some(self.next_position));
        self.next_position += 1;
        t
    }

    /// Give the tables of an item copied from theirs places after ours' tables, in their
    /// order (their positions count in theirs' document, not in ours).
    fn place(&mut self, item: &mut Item) {
        match item {
            Item::Table(t) => self.place_table(t),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| self.place_table(t)),
            _ => {}
        }
    }

    fn place_table(&mut self, t: &mut Table) {
        if !t.is_dotted() {
            t.set_position(Some(self.next_position));
            self.next_position += 1;
        }
        for (_, item) in t.iter_mut() {
            self.place(item);
        }
    }
}

/// Add a key at the end of an inline table. The space before `}` belongs to the table's
/// end: it moves from the old last value to the new one (`{ a = 1, b = 2 }`).
fn push_inline(t: &mut InlineTable, key: Option<&Key>, name: &str, mut value: Value) {
    let end = t.iter_mut().last().and_then(|(_, last)| {
        let end = last.decor().suffix().filter(|s| list::blank(s.as_str())).cloned()?;
        last.decor_mut().set_suffix("");
        Some(end)
    });
    value.decor_mut().set_suffix(end.unwrap_or_default());
    match key {
        Some(k) => t.insert_formatted(k, value),
        None => t.insert(name, value),
    };
}

/// Remove a key from an inline table; removing the last one, the space before `}` stays.
fn remove_inline(t: &mut InlineTable, name: &str) {
    let was_last = t.iter().last().is_some_and(|(k, _)| k == name);
    let end = t.remove(name).and_then(|v| v.decor().suffix().cloned());
    if let (true, Some(end)) = (was_last, end.filter(|s| list::blank(s.as_str())))
        && let Some((_, last)) = t.iter_mut().last()
    {
        last.decor_mut().set_suffix(end);
    }
}

/// The decor of the table header written first among `table`'s tables (`[fields]`, the
/// first `[[history]]`), if it has any written with a header.
fn first_header(table: &mut Table) -> Option<&mut toml_edit::Decor> {
    let mut first: Option<(isize, &mut toml_edit::Decor)> = None;
    for (_, item) in table.iter_mut() {
        let header = match item {
            Item::Table(t) if !t.is_implicit() => Some(t),
            Item::ArrayOfTables(a) => a.iter_mut().next(),
            _ => None,
        };
        let Some(t) = header else { continue };
        let position = t.position().unwrap_or(isize::MAX);
        if first.as_ref().is_none_or(|(p, _)| position < *p) {
            first = Some((position, t.decor_mut()));
        }
    }
    first.map(|(_, decor)| decor)
}

/// `Item::None` is toml_edit's "nothing here"; treat it as absent.
fn present(item: Option<&Item>) -> Option<&Item> {
    item.filter(|i| !i.is_none())
}

/// A table or an inline table, as a table.
fn table_of(item: &Item) -> Option<Table> {
    match item {
        Item::Table(t) => Some(t.clone()),
        Item::Value(Value::InlineTable(t)) => Some(t.clone().into_table()),
        _ => None,
    }
}

/// The highest position of any table in `table`, so tables copied in go after them all.
fn last_position(table: &Table) -> isize {
    let mut last = table.position().unwrap_or(0);
    for (_, item) in table.iter() {
        match item {
            Item::Table(t) => last = last.max(last_position(t)),
            Item::ArrayOfTables(a) => {
                last = a.iter().map(last_position).fold(last, isize::max);
            }
            _ => {}
        }
    }
    last
}

fn replace_keeping_decor(old: &mut Value, value: Value) {
    let decor = old.decor().clone();
    *old = value;
    *old.decor_mut() = decor;
}

/// A value as written, without the spaces and comment around it: `"CEO"`, `[1, 2]`.
fn value_text(v: &Value) -> String {
    let mut v = v.clone();
    *v.decor_mut() = Decor::new("", "");
    v.to_string()
}

fn item_text(item: &Item) -> String {
    match item {
        Item::Value(v) => value_text(v),
        other => other.to_string().trim().to_string(),
    }
}

/// Replace the placeholder's line in `text` with git's marker block: ours' line (as ours
/// wrote it, comment included), then theirs' value in the same key's place.
fn write_conflict(mut text: String, p: &Pending, labels: &Labels) -> Result<String, Unrenderable> {
    let needle = format!("\"{}\"", p.placeholder);
    let at = text.find(&needle).ok_or(Unrenderable)?;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    let lead = &text[start..at];
    if !text[at + needle.len()..end].trim().is_empty() {
        return Err(Unrenderable); // not a line of its own
    }
    let line = |v: &Value| {
        let suffix = v.decor().suffix().and_then(|s| s.as_str()).unwrap_or("");
        format!("{lead}{}{suffix}\n", value_text(v))
    };
    let mut block = super::marker('<', 7, labels.ours);
    block.extend(p.ours.as_ref().map(line));
    block.push_str(&super::marker('=', 7, ""));
    block.extend(p.theirs.as_ref().map(line));
    block.push_str(&super::marker('>', 7, labels.theirs));
    text.replace_range(start..end, &block);
    Ok(text)
}
