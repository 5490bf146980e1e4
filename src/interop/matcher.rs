//! The records an import meets, indexed the ways SPEC "Interchange" matches them: by
//! `uid`, then email, then phone, then id, then name and company; companies also by
//! domain. Records created during the import join the index, so a file that names the
//! same person twice makes one record.

use std::collections::HashMap;

use super::values::{phone_key, same_phone};
use super::{Incoming, normalize_uid, stable_uid};
use crate::model::{Kind, Record, id};

#[derive(Default)]
pub(crate) struct Known {
    pub records: Vec<Record>,
    ids: HashMap<(Kind, String), usize>,
    uids: HashMap<(Kind, String), usize>,
    emails: HashMap<String, usize>,
    phones: HashMap<String, Vec<usize>>,
    names: HashMap<(Kind, String), Vec<usize>>,
    domains: HashMap<String, usize>,
}

/// How names are compared: by the id they would make, so case, punctuation, quotes and
/// spacing do not matter ("ООО «Северный ветер»" = "ооо северный ветер").
pub(crate) fn name_key(name: &str) -> String {
    let slug = id::slug(name);
    if slug.is_empty() { name.trim().to_lowercase() } else { slug }
}

impl Known {
    pub fn new(records: Vec<Record>) -> Known {
        let mut known = Known::default();
        for r in records {
            known.add(r);
        }
        known
    }

    /// Add a record (existing or just created) and index it.
    pub fn add(&mut self, record: Record) -> usize {
        let at = self.records.len();
        self.records.push(record);
        self.index(at);
        at
    }

    /// Index what a record says now (after a merge added emails, say). Earlier records
    /// keep a key they share with a later one.
    pub fn index(&mut self, at: usize) {
        let r = &self.records[at];
        let kind = r.kind;
        self.ids.entry((kind, r.id.clone())).or_insert(at);
        if let Some(uid) = r.str("uid") {
            self.uids.entry((kind, normalize_uid(uid))).or_insert(at);
        }
        self.uids.entry((kind, stable_uid(kind, &r.id))).or_insert(at);
        if kind == Kind::Contact {
            for e in r.strs("emails") {
                self.emails.entry(e.trim().to_lowercase()).or_insert(at);
            }
            for key in r.strs("phones").into_iter().filter_map(phone_key) {
                let list = self.phones.entry(key).or_default();
                if !list.contains(&at) {
                    list.push(at);
                }
            }
        }
        if kind == Kind::Company
            && let Some(d) = r.str("domain").and_then(super::values::domain)
        {
            self.domains.entry(d).or_insert(at);
        }
        if let Some(title) = kind.title_key().and_then(|k| r.str(k)) {
            let list = self.names.entry((kind, name_key(title))).or_default();
            if !list.contains(&at) {
                list.push(at);
            }
        }
    }

    pub fn by_id(&self, kind: Kind, id: &str) -> Option<usize> {
        self.ids.get(&(kind, id.to_string())).copied()
    }

    /// The first free id of `base`, `base-2`, … among known records (for a dry run,
    /// which creates no file to find out).
    pub fn free_id(&self, kind: Kind, base: &str) -> String {
        let base = if base.is_empty() { kind.name() } else { base };
        (1..)
            .map(|n| id::with_suffix(base, n))
            .find(|c| self.by_id(kind, c).is_none())
            .unwrap_or_default()
    }

    fn named(&self, kind: Kind, name: &str) -> &[usize] {
        self.names.get(&(kind, name_key(name))).map_or(&[], Vec::as_slice)
    }

    /// A company the file names by id, name, or domain.
    pub fn company(&self, name_or_id: Option<&str>, domains: &[String]) -> Option<usize> {
        if let Some(s) = name_or_id.map(str::trim).filter(|s| !s.is_empty()) {
            let found = self
                .by_id(Kind::Company, s)
                .or_else(|| self.named(Kind::Company, s).first().copied())
                .or_else(|| self.by_id(Kind::Company, &id::slug(s)));
            if found.is_some() {
                return found;
            }
        }
        domains.iter().find_map(|d| self.domains.get(d).copied())
    }

    /// A contact a deal names by email, id or name.
    pub fn contact(&self, reference: &str) -> Option<usize> {
        let s = reference.trim();
        if s.contains('@') {
            return self.emails.get(&s.to_lowercase()).copied();
        }
        self.by_id(Kind::Contact, s).or_else(|| self.named(Kind::Contact, s).first().copied())
    }

    /// The record an incoming one is the same as, if any. `company` and `contact` are the
    /// ids its links resolve to.
    pub fn find(
        &self,
        inc: &Incoming,
        company: Option<&str>,
        contact: Option<&str>,
    ) -> Option<usize> {
        let kind = inc.kind;
        if let Some(uid) = inc.str("uid")
            && let Some(&at) = self.uids.get(&(kind, normalize_uid(uid)))
        {
            return Some(at);
        }
        if kind == Kind::Contact {
            for e in inc.strs("emails") {
                if let Some(&at) = self.emails.get(&e.trim().to_lowercase()) {
                    return Some(at);
                }
            }
            for p in inc.strs("phones") {
                let candidates = phone_key(p).and_then(|k| self.phones.get(&k));
                let same = |&&at: &&usize| {
                    self.records[at].strs("phones").iter().any(|have| same_phone(have, p))
                };
                if let Some(&at) = candidates.and_then(|c| c.iter().find(same)) {
                    return Some(at);
                }
            }
        }
        if let Some(at) = inc.id.as_deref().and_then(|id| self.by_id(kind, id)) {
            return Some(at);
        }
        let title = kind.title_key().and_then(|k| inc.str(k))?;
        let named = self.named(kind, title).iter().copied();
        match kind {
            Kind::Contact => {
                named.into_iter().find(|&at| self.records[at].str("company") == company)
            }
            Kind::Company => named.into_iter().next().or_else(|| {
                let domain = inc.str("domain").and_then(super::values::domain)?;
                self.domains.get(&domain).copied()
            }),
            Kind::Deal => named.into_iter().find(|&at| {
                let r = &self.records[at];
                r.str("company") == company && r.str("contact") == contact
            }),
            Kind::Note | Kind::Task => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;

    fn record(kind: Kind, id: &str, toml: &str) -> Record {
        let mut r = Record::new(kind, id.into(), Default::default());
        r.doc = toml.parse().unwrap();
        r
    }

    fn contact(toml: &str) -> Incoming {
        let mut inc = Incoming::new(Kind::Contact, 1);
        inc.doc = toml.parse().unwrap();
        inc
    }

    fn known() -> Known {
        Known::new(vec![
            record(Kind::Company, "acme", "name = \"ACME LLC\"\ndomain = \"acme.com\""),
            record(
                Kind::Contact,
                "anna-petrova",
                "name = \"Анна Петрова\"\nemails = [\"Anna@Example.ru\"]\nphones = [\"+7 916 555 0114\"]\ncompany = \"acme\"",
            ),
            record(Kind::Contact, "li-na", "name = \"李娜\"\nuid = \"urn:uuid:ABC\""),
        ])
    }

    #[test]
    fn contacts_match_in_spec_order() {
        let k = known();
        assert_eq!(k.find(&contact("uid = \"abc\""), None, None), Some(2));
        let stable = stable_uid(Kind::Contact, "anna-petrova");
        assert_eq!(k.find(&contact(&format!("uid = \"urn:uuid:{stable}\"")), None, None), Some(1));
        assert_eq!(k.find(&contact("emails = [\"anna@example.RU\"]"), None, None), Some(1));
        assert_eq!(k.find(&contact("phones = [\"8 (916) 555-01-14\"]"), None, None), Some(1));
        assert_eq!(k.find(&contact("phones = [\"+7 916 555 0115\"]"), None, None), None);
        let by_name = contact("name = \"анна петрова\"");
        assert_eq!(k.find(&by_name, Some("acme"), None), Some(1));
        assert_eq!(k.find(&by_name, None, None), None, "same name, other company: another person");
    }

    #[test]
    fn companies_by_id_name_or_domain() {
        let k = known();
        assert_eq!(k.company(Some("acme"), &[]), Some(0));
        assert_eq!(k.company(Some("Acme LLC"), &[]), Some(0));
        assert_eq!(k.company(Some("Acme Holding"), &["acme.com".into()]), Some(0));
        assert_eq!(k.company(Some("Other"), &[]), None);
        assert_eq!(k.contact("ANNA@example.ru"), Some(1));
        assert_eq!(k.contact("Анна Петрова"), Some(1));
        assert_eq!(k.free_id(Kind::Contact, "anna-petrova"), "anna-petrova-2");
        assert_eq!(k.free_id(Kind::Contact, "boris"), "boris");
    }
}
