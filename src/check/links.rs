//! Broken links: a deal's `contact` and `company`, a contact's `company`, a note's or
//! task's `about`, and a relation's `to` that name no record of the book. A bare id in
//! `about` may name a contact, company or deal, in `to` a contact or company; `type/id`
//! names one kind.

use super::files::Relation;
use super::{Finding, Ids, ProblemKind, Spot};
use crate::links::targets;
use crate::model::schema::link_keys;
use crate::model::{Kind, View, relation};

/// The links of one record that name no record of the book.
pub(super) fn record(r: &impl View, ids: &Ids, out: &mut Vec<Finding>) {
    for &(key, expected) in link_keys(r.kind()) {
        for value in r.strs(key) {
            if !exists(value, expected, ids) {
                let message = format!("{key} \"{value}\" names no {}", wanted(value, expected));
                out.push(Finding::at_key(r.path(), key, Some(value), ProblemKind::Link, message));
            }
        }
    }
}

/// Relations (read from the files) whose `to` names nothing.
pub(super) fn relations(ids: &Ids, relations: &[Relation], out: &mut Vec<Finding>) {
    let named = |to: &str| relation::targets(to).into_iter().any(|(kind, id)| ids.has(kind, id));
    for r in relations.iter().filter(|r| !named(&r.to)) {
        out.push(Finding {
            path: r.path.clone(),
            spot: Spot::At { line: r.line, col: r.col },
            kind: ProblemKind::Link,
            message: match relation::targets(&r.to).as_slice() {
                [] => format!("relation to \"{}\": relations name contacts and companies", r.to),
                [(kind, _)] => format!("relation to \"{}\" names no {kind}", r.to),
                _ => format!("relation to \"{}\" names no contact or company", r.to),
            },
        });
    }
}

fn exists(value: &str, expected: Option<Kind>, ids: &Ids) -> bool {
    targets(value, expected).into_iter().any(|(kind, id)| ids.has(kind, id))
}

/// What a link value may name, for the message: `company`, `contact, company or deal`.
fn wanted(value: &str, expected: Option<Kind>) -> String {
    let kinds: Vec<&str> = targets(value, expected).iter().map(|(k, _)| k.name()).collect();
    match kinds.as_slice() {
        [] => "record".into(),
        [one] => (*one).into(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use crate::model::record::test_record;

    fn book() -> Ids {
        let mut ids = Ids::default();
        ids.add(Kind::Contact, "aygul-seyitqyzy");
        ids.add(Kind::Company, "too-altyn-mebel");
        ids.add(Kind::Deal, "sayt");
        ids
    }

    fn broken(r: &Record) -> Vec<(Option<String>, String)> {
        let mut out = Vec::new();
        record(r, &book(), &mut out);
        out.into_iter()
            .map(|f| match f.spot {
                Spot::Key { item, .. } => (item, f.message),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn links_that_name_nothing() {
        let deal = test_record(
            Kind::Deal,
            "d",
            "title = \"x\"\ncontact = \"aygul\"\ncompany = \"too-altyn-mebel\"",
        );
        assert_eq!(
            broken(&deal),
            [(Some("aygul".into()), "contact \"aygul\" names no contact".into())]
        );
        let note = test_record(
            Kind::Note,
            "2026-11-20-call",
            "about = [\"aygul-seyitqyzy\", \"deal/too-altyn-mebel\", \"sayt\", \"company/sayt\", \"nobody\"]",
        );
        assert_eq!(
            broken(&note),
            [
                (
                    Some("deal/too-altyn-mebel".into()),
                    "about \"deal/too-altyn-mebel\" names no deal".into()
                ),
                (Some("company/sayt".into()), "about \"company/sayt\" names no company".into()),
                (
                    Some("nobody".into()),
                    "about \"nobody\" names no contact, company or deal".into()
                ),
            ]
        );
        let contact =
            test_record(Kind::Contact, "c", "name = \"x\"\ncompany = \"aygul-seyitqyzy\"");
        assert_eq!(broken(&contact).len(), 1, "a contact's company names a company");
    }

    #[test]
    fn relations_that_name_nothing() {
        let at =
            |to: &str| Relation { path: "contacts/x.md".into(), to: to.into(), line: 3, col: 9 };
        let mut out = Vec::new();
        let written = [at("too-altyn-mebel"), at("contact/sayt"), at("deal/sayt"), at("sayt")];
        relations(&book(), &written, &mut out);
        let messages: Vec<&str> = out.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "relation to \"contact/sayt\" names no contact",
                "relation to \"deal/sayt\": relations name contacts and companies",
                "relation to \"sayt\" names no contact or company",
            ]
        );
        assert_eq!(out[0].spot, Spot::At { line: 3, col: 9 });
    }
}
