//! REF resolution: an id, a `type/id`, or an unambiguous prefix of one (docs/format.md: "Commands").
//! An exact id wins over a prefix; ambiguous or unknown REFs list candidates.

use super::Kind;
use crate::error::{Error, Result};

/// A record's address in the book, before it is read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
}

impl Entry {
    pub fn qualified(&self) -> String {
        format!("{}/{}", self.kind, self.id)
    }
}

/// Find the one entry `reference` names among `entries`, looking only at `kinds`.
pub fn resolve<'a>(
    reference: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    kinds: &[Kind],
) -> Result<Entry> {
    let (kinds, wanted): (Vec<Kind>, &str) = match reference.split_once('/') {
        Some((k, id)) => match k.parse::<Kind>() {
            Ok(k) if kinds.contains(&k) => (vec![k], id),
            Ok(k) => {
                let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
                return Err(Error::Usage(format!(
                    "\"{reference}\" names a {k}, but a {} is needed here",
                    names.join(" or ")
                )));
            }
            Err(_) => (kinds.to_vec(), reference),
        },
        None => (kinds.to_vec(), reference),
    };
    let wanted_lower = wanted.to_lowercase();
    let pool: Vec<&Entry> = entries.into_iter().filter(|e| kinds.contains(&e.kind)).collect();
    let matching = |w: &str| -> Vec<&Entry> {
        let exact: Vec<&Entry> = pool.iter().copied().filter(|e| e.id == w).collect();
        if exact.is_empty() && !w.is_empty() {
            pool.iter().copied().filter(|e| e.id.starts_with(w)).collect()
        } else {
            exact
        }
    };
    let mut chosen = matching(&wanted_lower);
    // A name as typed ("Анна Петрова") finds the id made from it.
    let slug = super::id::slug(wanted);
    if chosen.is_empty() && slug != wanted_lower {
        chosen = matching(&slug);
    }
    match chosen.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::UnknownRef {
            reference: reference.to_string(),
            suggestions: suggestions(&wanted_lower, &pool),
        }),
        many => {
            let mut candidates: Vec<String> = many.iter().map(|e| e.qualified()).collect();
            candidates.sort();
            if candidates.len() > 10 {
                let more = candidates.len() - 10;
                candidates.truncate(10);
                candidates.push(format!("and {more} more"));
            }
            Err(Error::AmbiguousRef { reference: reference.to_string(), candidates })
        }
    }
}

/// Ids that look like what was typed: a typo, or the words in another order.
fn suggestions(wanted: &str, pool: &[&Entry]) -> Vec<String> {
    let slug = super::id::slug(wanted);
    let mut scored: Vec<(f64, String)> = pool
        .iter()
        .map(|e| {
            let mut score = strsim::jaro_winkler(&slug, &e.id);
            if !slug.is_empty() && e.id.contains(&slug) {
                score = score.max(0.9);
            }
            (score, e.qualified())
        })
        .filter(|(s, _)| *s >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().take(5).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Vec<Entry> {
        [
            (Kind::Contact, "anna-petrova"),
            (Kind::Contact, "anna-smirnova"),
            (Kind::Contact, "acme"),
            (Kind::Company, "acme"),
            (Kind::Company, "acme-labs"),
            (Kind::Deal, "website-redesign"),
        ]
        .into_iter()
        .map(|(kind, id)| Entry { kind, id: id.into() })
        .collect()
    }

    #[test]
    fn exact_prefix_and_type() {
        let b = book();
        assert_eq!(resolve("anna-p", &b, &Kind::ALL).unwrap().id, "anna-petrova");
        assert_eq!(resolve("web", &b, &Kind::ALL).unwrap().kind, Kind::Deal);
        assert_eq!(resolve("company/acme", &b, &Kind::ALL).unwrap().kind, Kind::Company);
        assert_eq!(resolve("Анна Петрова", &b, &Kind::ALL).unwrap().id, "anna-petrova");
        // An exact id wins over a prefix, within the kinds asked for.
        assert_eq!(resolve("acme", &b, &[Kind::Company]).unwrap().id, "acme");
    }

    #[test]
    fn ambiguous_and_unknown() {
        let b = book();
        let Err(Error::AmbiguousRef { candidates, .. }) = resolve("anna", &b, &Kind::ALL) else {
            panic!()
        };
        assert_eq!(candidates, ["contact/anna-petrova", "contact/anna-smirnova"]);
        assert!(matches!(resolve("acme", &b, &Kind::ALL), Err(Error::AmbiguousRef { .. })));
        let Err(Error::UnknownRef { suggestions, .. }) = resolve("anna-petrowa", &b, &Kind::ALL)
        else {
            panic!()
        };
        assert_eq!(suggestions.first().map(String::as_str), Some("contact/anna-petrova"));
        assert!(resolve("../x", &b, &Kind::ALL).is_err());
        assert!(resolve("", &b, &Kind::ALL).is_err());
        assert!(resolve("deal/anna", &b, &[Kind::Contact]).is_err());
    }
}
