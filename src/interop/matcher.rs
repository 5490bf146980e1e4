//! The records an import meets, indexed the ways an import matches them: by
//! `uid`, then email, then phone, then id, then name and company; companies also by
//! domain. Records created during the import join the index, so a file that names the
//! same person twice makes one record.
//!
//! An email or phone is not a person: colleagues share an office line and an info@
//! address. A match by either counts only when the names agree ([`same_person`]); when
//! they do not, the record is a new one and the import says which record it shares the
//! address or number with ([`Found::Near`]), for a person to decide.

use std::collections::HashMap;

use super::values::{phone_key, same_phone};
use super::{Incoming, normalize_uid, stable_uid};
use crate::model::{Kind, Record, id};

#[derive(Default)]
pub(crate) struct Known {
    pub records: Vec<Record>,
    ids: HashMap<(Kind, String), usize>,
    uids: HashMap<(Kind, String), usize>,
    emails: HashMap<String, Vec<usize>>,
    phones: HashMap<String, Vec<usize>>,
    names: HashMap<(Kind, String), Vec<usize>>,
    domains: HashMap<String, usize>,
}

/// What an incoming record is in the book.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// The same record.
    Same(usize),
    /// A new record that shares an email or phone (`shared`, as the book writes it) with
    /// the record at `at`, whose name says it is someone else.
    Near { at: usize, shared: String },
    /// A new record.
    New,
}

/// How names are compared: by the id they would make, so case, punctuation, quotes and
/// spacing do not matter ("ООО «Северный ветер»" = "ооо северный ветер").
pub(crate) fn name_key(name: &str) -> String {
    let slug = id::slug(name);
    if slug.is_empty() { name.trim().to_lowercase() } else { slug }
}

/// Whether two contacts' names (each a name and a nickname, either may be missing) may be
/// one person's: the same name in any script ("Anna Petrova" = "Анна Петрова"), one's
/// words among the other's in any order ("Анна" and "Петрова Анна Сергеевна"), a word
/// given by its initial ("А. Петрова"). A contact with no name (only an address or a
/// number where its name would be) may be anyone.
pub(crate) fn same_person(a: &[Option<&str>], b: &[Option<&str>]) -> bool {
    let names = |n: &[Option<&str>]| -> Vec<Vec<Word>> {
        n.iter()
            .flatten()
            .filter(|s| is_name(s))
            .map(|s| words(s))
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (names(a), names(b));
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().any(|a| b.iter().any(|b| compatible(a, b)))
}

/// A name as a person would write one: it has a letter and is not an email address (an
/// importer names a contact by its email or phone when nothing else names it).
fn is_name(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && super::values::email(s).is_none()
}

/// A word of a name: its key (transliterated, lowercase, `wangxiaoming` for 王小明), and
/// whether it is an initial.
#[derive(Debug)]
struct Word {
    key: String,
    initial: bool,
}

/// A name's words, split at spaces and punctuation but not apostrophes (O'Brien is one
/// word, "Petrova, A." three).
fn words(name: &str) -> Vec<Word> {
    let apostrophe = |c: char| matches!(c, '\'' | '’' | 'ʼ');
    name.split(|c: char| {
        c.is_whitespace()
            || (c.is_ascii_punctuation() && !apostrophe(c))
            || matches!(c, '«' | '»' | '“' | '”' | '„' | '·' | '・' | '、' | '，' | '。')
    })
    .filter_map(|w| {
        let slug = id::slug(w).replace('-', "");
        let key = if slug.is_empty() { w.to_lowercase() } else { slug };
        let mut letters = w.chars().filter(|&c| !apostrophe(c));
        let one = letters.next().is_some() && letters.next().is_none();
        // One Chinese, Japanese or Korean character is a syllable or a name, not an initial.
        let initial = one && !super::values::is_cjk(w);
        (!key.is_empty()).then_some(Word { key, initial })
    })
    .collect()
}

fn compatible(a: &[Word], b: &[Word]) -> bool {
    let joined = |w: &[Word]| w.iter().map(|w| w.key.as_str()).collect::<String>();
    // "王小明" = "Wang Xiaoming": one word in one script, two in another.
    joined(a) == joined(b) || covers(a, b) || covers(b, a)
}

/// Whether every word of `small` stands for a different word of `big`: the same word, or
/// an initial of it (either way round). Same words are paired first, so an initial is
/// not spent on a word that has its own match.
fn covers(small: &[Word], big: &[Word]) -> bool {
    let mut used = vec![false; big.len()];
    let mut left: Vec<&Word> = Vec::new();
    for w in small {
        match (0..big.len()).find(|&i| !used[i] && big[i].key == w.key) {
            Some(i) => used[i] = true,
            None => left.push(w),
        }
    }
    left.into_iter().all(|w| {
        let stands_for = |o: &Word| {
            (w.initial && o.key.starts_with(&w.key)) || (o.initial && w.key.starts_with(&o.key))
        };
        match (0..big.len()).find(|&i| !used[i] && stands_for(&big[i])) {
            Some(i) => {
                used[i] = true;
                true
            }
            None => false,
        }
    })
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
    /// keep a key they share with a later one; emails and phones list every record that
    /// has them, as people share those.
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
                let list = self.emails.entry(e.trim().to_lowercase()).or_default();
                if !list.contains(&at) {
                    list.push(at);
                }
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
            return self.emails.get(&s.to_lowercase()).and_then(|l| l.first()).copied();
        }
        self.by_id(Kind::Contact, s).or_else(|| self.named(Kind::Contact, s).first().copied())
    }

    /// The record an incoming one is the same as, if any. `company` and `contact` are the
    /// ids its links resolve to.
    pub fn find(&self, inc: &Incoming, company: Option<&str>, contact: Option<&str>) -> Found {
        let kind = inc.kind;
        if let Some(uid) = inc.str("uid")
            && let Some(&at) = self.uids.get(&(kind, normalize_uid(uid)))
        {
            return Found::Same(at);
        }
        // The first record an email or phone led to whose name said no.
        let mut near: Option<Found> = None;
        if kind == Kind::Contact {
            let names = [inc.str("name"), inc.str("nickname")];
            let person = |at: usize| {
                let r = &self.records[at];
                same_person(&names, &[r.str("name"), r.str("nickname")])
            };
            for e in inc.strs("emails").into_iter().map(str::trim) {
                for &at in self.emails.get(&e.to_lowercase()).into_iter().flatten() {
                    if person(at) {
                        return Found::Same(at);
                    }
                    let have = self.records[at].strs("emails");
                    let shared = have.into_iter().find(|h| h.trim().eq_ignore_ascii_case(e));
                    let shared = shared.unwrap_or(e).trim().to_string();
                    near.get_or_insert(Found::Near { at, shared });
                }
            }
            for p in inc.strs("phones") {
                let candidates = phone_key(p).and_then(|k| self.phones.get(&k));
                for &at in candidates.into_iter().flatten() {
                    let have = self.records[at].strs("phones");
                    let Some(shared) = have.into_iter().find(|h| same_phone(h, p)) else {
                        continue;
                    };
                    if person(at) {
                        return Found::Same(at);
                    }
                    near.get_or_insert(Found::Near { at, shared: shared.trim().to_string() });
                }
            }
        }
        if let Some(at) = inc.id.as_deref().and_then(|id| self.by_id(kind, id)) {
            return Found::Same(at);
        }
        let same = kind.title_key().and_then(|k| inc.str(k)).and_then(|title| {
            let mut named = self.named(kind, title).iter().copied();
            match kind {
                Kind::Contact => named.find(|&at| self.records[at].str("company") == company),
                Kind::Company => named.next().or_else(|| {
                    let domain = inc.str("domain").and_then(super::values::domain)?;
                    self.domains.get(&domain).copied()
                }),
                Kind::Deal => named.find(|&at| {
                    let r = &self.records[at];
                    r.str("company") == company && r.str("contact") == contact
                }),
                Kind::Note | Kind::Task => None,
            }
        });
        match same {
            Some(at) => Found::Same(at),
            None => near.unwrap_or(Found::New),
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
        let find = |toml: &str, company| k.find(&contact(toml), company, None);
        assert_eq!(find("uid = \"abc\"", None), Found::Same(2));
        let stable = stable_uid(Kind::Contact, "anna-petrova");
        assert_eq!(find(&format!("uid = \"urn:uuid:{stable}\""), None), Found::Same(1));
        assert_eq!(find("emails = [\"anna@example.RU\"]", None), Found::Same(1));
        assert_eq!(find("phones = [\"8 (916) 555-01-14\"]", None), Found::Same(1));
        assert_eq!(find("phones = [\"+7 916 555 0115\"]", None), Found::New);
        let by_name = "name = \"анна петрова\"";
        assert_eq!(find(by_name, Some("acme")), Found::Same(1));
        assert_eq!(find(by_name, None), Found::New, "same name, other company: another person");
    }

    /// An email or phone finds a record only when the names agree; otherwise the record
    /// is new, and which one it shares what with is said.
    #[test]
    fn shared_emails_and_phones_need_the_same_person() {
        let k = Known::new(vec![
            record(
                Kind::Contact,
                "anna-petrova",
                "name = \"Анна Петрова\"\nemails = [\"Info@Firma.kz\"]\nphones = [\"+7 727 355 1234\"]",
            ),
            record(
                Kind::Contact,
                "hans-muller",
                "name = \"Hans Müller\"\nemails = [\"info@firma.de\"]",
            ),
            record(
                Kind::Contact,
                "greta-schmidt",
                "name = \"Greta Schmidt\"\nemails = [\"info@firma.de\"]",
            ),
        ]);
        let find = |toml: &str| k.find(&contact(toml), None, None);
        let aygul = "name = \"Айгүл Сейітқызы\"\nphones = [\"8 (727) 355-12-34\"]";
        assert_eq!(find(aygul), Found::Near { at: 0, shared: "+7 727 355 1234".into() });
        let by_email = "name = \"Айгүл Сейітқызы\"\nemails = [\"info@firma.kz\"]";
        assert_eq!(find(by_email), Found::Near { at: 0, shared: "Info@Firma.kz".into() });
        assert_eq!(find("name = \"Anna Petrova\"\nphones = [\"87273551234\"]"), Found::Same(0));
        assert_eq!(find("name = \"А. Петрова\"\nphones = [\"87273551234\"]"), Found::Same(0));
        // Everyone on info@firma.de is found as who they are, not as the first of them.
        assert_eq!(find("name = \"Greta Schmidt\"\nemails = [\"info@firma.de\"]"), Found::Same(2));
        assert_eq!(find("name = \"G. Schmidt\"\nemails = [\"INFO@firma.de\"]"), Found::Same(2));
        let jurgen = "name = \"Jürgen Weber\"\nemails = [\"info@firma.de\"]";
        assert_eq!(find(jurgen), Found::Near { at: 1, shared: "info@firma.de".into() });
        // A card named only by its address (or number) is whoever has it.
        assert_eq!(find("name = \"info@firma.de\"\nemails = [\"info@firma.de\"]"), Found::Same(1));
        assert_eq!(
            find("name = \"+7 727 355 1234\"\nphones = [\"+7 727 355 1234\"]"),
            Found::Same(0)
        );
        // A uid, an id or the name and company still decide on their own.
        let mut by_id = contact(aygul);
        by_id.id = Some("anna-petrova".into());
        assert_eq!(k.find(&by_id, None, None), Found::Same(0));
    }

    fn same(a: &str, b: &str) -> bool {
        same_person(&[Some(a)], &[Some(b)])
    }

    #[test]
    fn names_of_one_person() {
        // The same name in any script, case, order or punctuation.
        assert!(same("Anna Petrova", "Анна Петрова"));
        assert!(same("Петрова Анна", "анна  петрова"));
        assert!(same("Petrova, Anna", "Anna Petrova"));
        assert!(same("Aygul Seyitqyzy", "Айгүл Сейітқызы"));
        assert!(same("王小明", "Wang Xiaoming"));
        assert!(same("Müller, Hans", "Hans Müller"));
        // One's words among the other's.
        assert!(same("Анна", "Анна Петрова"));
        assert!(same("Анна Сергеевна Петрова", "Анна Петрова"));
        assert!(same("Petrova", "Anna Petrova"));
        // Initials, on either side, in any script.
        assert!(same("А. Петрова", "Анна Петрова"));
        assert!(same("Anna P.", "A. Petrova"));
        assert!(same("Ж. Абенова", "Жанар Абенова"));
        assert!(same("H. J. Müller", "Hans Jürgen Müller"));
        // No name at all: an address or a number where the name would be.
        assert!(same("anna@firma.kz", "Анна Петрова"));
        assert!(same("+7 727 355 1234", "Айгүл Сейітқызы"));
        assert!(same_person(&[None], &[Some("Анна Петрова")]));
        // A nickname names the person too.
        let dima = [Some("Дмитрий Соколов"), Some("Дима")];
        assert!(same_person(&[Some("Дима")], &dima));
    }

    #[test]
    fn names_of_two_people() {
        assert!(!same("Анна Петрова", "Айгүл Сейітқызы"));
        assert!(!same("Hans Müller", "Greta Schmidt"));
        assert!(!same("Анна Петрова", "Иван Петров"), "Петров is not Петрова");
        assert!(!same("Анна Петрова", "Мария Петрова"));
        assert!(!same("А. Петрова", "Мария Петрова"), "an initial must fit");
        assert!(!same("А. Петрова", "Анна Иванова"));
        assert!(!same("A. B.", "Anna Petrova"), "one initial stands for one word");
        assert!(!same("Anna Anna", "Anna Petrova"), "each word is matched once");
        // Chinese names: one character is a syllable, not an initial.
        assert!(!same("王", "王小明"));
        assert!(!same("王芳", "王小明"));
        // Diminutives are names of their own: say so rather than guess.
        assert!(!same("Дмитрий", "Дима"));
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
