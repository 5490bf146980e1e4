//! Relationships between people and companies: `rolo relate A KIND B` (B is A's KIND:
//! `relate ivan spouse anna`), `rolo unrelate A B [KIND]`, and what `show` lists on both
//! sides, the other side under the inverse kind from `[relations]` in rolo.toml
//! (`parent = "child"`), or "KIND of" when there is none.
//!
//! The entries live on the record that names them (see [`crate::model::relation`]);
//! rename, merge, rm and check treat their `to` as a link ([`crate::links`]).

use crate::book::Book;
use crate::change::Change;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::model::reference::Entry;
use crate::model::relation::{self, RELATABLE, Relation, same_kind};
use crate::model::{Catalog, Record, View};

/// The kind the other side of a `kind` relation sees: its inverse in `[relations]`, read
/// both ways (`child` of `parent`, `parent` of `child`), else "`kind` of".
pub fn inverse(config: &Config, kind: &str) -> String {
    let pairs = &config.relations;
    if let Some((_, inv)) = pairs.iter().find(|(k, _)| same_kind(k, kind)) {
        return inv.clone();
    }
    if let Some((k, _)) = pairs.iter().find(|(_, inv)| same_kind(inv, kind)) {
        return k.clone();
    }
    format!("{} of", kind.trim())
}

/// Which side of a relation a record is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Written on the record: `to` is the other.
    Out,
    /// Written on the other record, naming this one.
    In,
}

impl Direction {
    pub fn name(self) -> &'static str {
        match self {
            Direction::Out => "out",
            Direction::In => "in",
        }
    }
}

/// One relation as `show` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The record on the other side; `None` when `to` names no record (Out only).
    pub other: Option<Entry>,
    /// `to` as written (Out), or the other's id (In).
    pub to: String,
    /// What the other is to this record: the kind as written (Out) or its inverse (In).
    pub kind: String,
    /// The kind as written in the file that holds the entry.
    pub written: String,
    pub direction: Direction,
}

/// The relations of `record` on both sides: its own entries, then those of the records
/// of `catalog` that name it, in book order.
pub fn shown<V: View>(config: &Config, record: &Record, catalog: &Catalog<V>) -> Vec<Shown> {
    let me = Entry { kind: record.kind, id: record.id.clone() };
    let mut out = Vec::new();
    for r in record.relations() {
        let other = relation::targets(&r.to)
            .into_iter()
            .find(|(k, id)| catalog.get(*k, id).is_some())
            .map(|(kind, id)| Entry { kind, id: id.to_string() });
        out.push(Shown {
            other,
            to: r.to.clone(),
            kind: r.kind.clone(),
            written: r.kind,
            direction: Direction::Out,
        });
    }
    for other in catalog.records.iter().filter(|o| RELATABLE.contains(&o.kind())) {
        if other.kind() == me.kind && other.id() == me.id {
            continue;
        }
        for r in other.relations() {
            if relation::targets(&r.to).contains(&(me.kind, me.id.as_str())) {
                out.push(Shown {
                    other: Some(Entry { kind: other.kind(), id: other.id().to_string() }),
                    to: other.qualified_id(),
                    kind: inverse(config, &r.kind),
                    written: r.kind,
                    direction: Direction::In,
                });
            }
        }
    }
    out
}

/// What `relate` did.
#[derive(Debug)]
pub struct Related {
    pub from: Record,
    pub to: Entry,
    pub to_title: String,
    /// `false`: the two were related so already (either side); nothing changed.
    pub added: bool,
}

impl Related {
    pub fn message(&self, kind: &str) -> String {
        format!("{}: relate {} to {} ({kind})", self.from.kind, self.from.title(), self.to_title)
    }
}

/// Plan `b` as `a`'s `kind` (an entry on `a`), unless they are related so already.
pub fn relate(change: &mut Change, a: &str, kind: &str, b: &str) -> Result<Related> {
    let kind = kind.trim();
    if kind.is_empty() {
        return Err(Error::Usage("a relation needs a kind (spouse, parent, manager, …)".into()));
    }
    let book = change.book();
    let (a_entry, a_rel) = book.resolve(a, &RELATABLE)?;
    let (b_entry, b_rel) = book.resolve(b, &RELATABLE)?;
    if a_entry == b_entry {
        return Err(Error::Usage(format!("{} cannot be related to itself", a_entry.qualified())));
    }
    let mut from = change.read(&a_entry, &a_rel)?;
    let other = change.read(&b_entry, &b_rel)?;
    let to_title = other.title();
    let names =
        |r: &Relation, who: &Entry| relation::targets(&r.to).contains(&(who.kind, who.id.as_str()));
    let config = &book.config;
    let there = from.relations().iter().any(|r| names(r, &b_entry) && same_kind(&r.kind, kind))
        || other
            .relations()
            .iter()
            .any(|r| names(r, &a_entry) && same_kind(&inverse(config, &r.kind), kind));
    if there {
        return Ok(Related { from, to: b_entry, to_title, added: false });
    }
    let to = link_value(book, &b_entry);
    if !relation::add(&mut from.doc, &Relation { to, kind: kind.to_string() }) {
        return Err(Error::value(
            "relations",
            format!(
                "{} has `relations` rolo cannot add to: fix it with `rolo edit`",
                a_entry.qualified()
            ),
        ));
    }
    change.save(&from)?;
    Ok(Related { from, to: b_entry, to_title, added: true })
}

/// How an entry names `target`: its bare id, unless a record of the other relatable kind
/// has the same id (then `type/id`).
fn link_value(book: &Book, target: &Entry) -> String {
    let clash = RELATABLE
        .iter()
        .filter(|k| **k != target.kind)
        .any(|k| book.root().join(Book::relative_path(*k, &target.id)).exists());
    if clash { target.qualified() } else { target.id.clone() }
}

/// What `unrelate` did.
#[derive(Debug)]
pub struct Unrelated {
    pub a: Record,
    pub b: Record,
    /// The entries removed from `a`, then from `b`.
    pub removed: Vec<(Entry, Relation)>,
}

impl Unrelated {
    pub fn message(&self) -> String {
        format!("{}: unrelate {} and {}", self.a.kind, self.a.title(), self.b.title())
    }
}

/// Plan the removal of the relations between `a` and `b`, on either side: all of them, or
/// those of `kind` as `a` sees it (the kind on `a`, or its inverse on `b`).
pub fn unrelate(change: &mut Change, a: &str, b: &str, kind: Option<&str>) -> Result<Unrelated> {
    let book = change.book();
    let config = &book.config;
    let (a_entry, a_rel) = book.resolve(a, &RELATABLE)?;
    let (b_entry, b_rel) = book.resolve(b, &RELATABLE)?;
    let mut a_rec = change.read(&a_entry, &a_rel)?;
    let mut b_rec = change.read(&b_entry, &b_rel)?;
    let fits = |written: &str| {
        kind.is_none_or(|k| same_kind(written, k) || same_kind(&inverse(config, written), k))
    };
    let mut removed = Vec::new();
    for (rec, other) in [(&mut a_rec, &b_entry), (&mut b_rec, &a_entry)] {
        let gone = relation::remove(&mut rec.doc, |r| {
            relation::targets(&r.to).contains(&(other.kind, other.id.as_str())) && fits(&r.kind)
        });
        if !gone.is_empty() {
            change.save(rec)?;
        }
        let holder = Entry { kind: rec.kind, id: rec.id.clone() };
        removed.extend(gone.into_iter().map(|r| (holder.clone(), r)));
    }
    Ok(Unrelated { a: a_rec, b: b_rec, removed })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn inverses_both_ways_else_of() {
        let config = Config::default();
        assert_eq!(inverse(&config, "spouse"), "spouse");
        assert_eq!(inverse(&config, "parent"), "child");
        assert_eq!(inverse(&config, "child"), "parent");
        assert_eq!(inverse(&config, "Referred by"), "referred");
        assert_eq!(inverse(&config, "reports"), "manager");
        assert_eq!(inverse(&config, "former employee"), "former employee of");
        assert_eq!(inverse(&config, "наставник"), "наставник of");
    }

    #[test]
    fn shown_lists_both_sides() {
        let parse =
            |kind, id: &str, front: &str| crate::model::record::test_record(kind, id, front);
        let anna = parse(
            Kind::Contact,
            "anna",
            "name = \"Анна\"\nrelations = [{ to = \"ivan\", kind = \"spouse\" }, { to = \"ghost\", kind = \"friend\" }]",
        );
        let ivan = parse(Kind::Contact, "ivan", "name = \"Иван\"");
        let kid = parse(
            Kind::Contact,
            "misha",
            "name = \"Миша\"\nrelations = [{ to = \"contact/anna\", kind = \"parent\" }]",
        );
        let acme = parse(
            Kind::Company,
            "acme",
            "name = \"Acme\"\n[[relations]]\nto = \"anna\"\nkind = \"former employee\"",
        );
        let catalog = Catalog::new(vec![anna.clone(), ivan, kid, acme], Vec::new());
        let shown = shown(&Config::default(), &anna, &catalog);
        let brief: Vec<(Option<String>, &str, Direction)> = shown
            .iter()
            .map(|s| (s.other.as_ref().map(Entry::qualified), s.kind.as_str(), s.direction))
            .collect();
        assert_eq!(
            brief,
            [
                (Some("contact/ivan".into()), "spouse", Direction::Out),
                (None, "friend", Direction::Out),
                (Some("contact/misha".into()), "child", Direction::In),
                (Some("company/acme".into()), "former employee of", Direction::In),
            ]
        );
    }
}
