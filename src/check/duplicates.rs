//! Likely duplicates: two contacts with the same email (in any case), or the same phone
//! number (by its digits) and a similar name, or the same name at the same company; two
//! companies with the same domain. Each pair is reported once, on the later file, naming
//! the earlier one and the `rolo merge` that would join them. Files are taken in the
//! order of their ids, so the one with a clash suffix (`anna-petrova-2`, made when
//! `anna-petrova` was taken) is the later one.

use std::collections::{HashMap, HashSet};

use super::{Finding, Ids, ProblemKind};
use crate::interop::values::{domain, phone_key, same_phone};
use crate::model::{Kind, View, id};

/// What the duplicate check needs of a contact or company: a few strings each, so that
/// the whole book's need not stay loaded.
#[derive(Debug)]
struct Person {
    kind: Kind,
    id: String,
    name: Option<String>,
    /// The name's words ([`words`]) joined by `-`.
    words: String,
    emails: Vec<String>,
    phones: Vec<String>,
    company: Option<String>,
    /// A company's domain, normalised.
    domain: Option<String>,
}

/// The contacts and companies seen so far.
#[derive(Debug, Default)]
pub(super) struct People(Vec<Person>);

impl People {
    /// Remember what a contact or company says; other records are not duplicates here.
    pub fn add(&mut self, r: &impl View) {
        let kind = r.kind();
        if !matches!(kind, Kind::Contact | Kind::Company) {
            return;
        }
        let strings = |key| r.strs(key).into_iter().map(String::from).collect();
        let name = r.str("name").map(String::from);
        self.0.push(Person {
            kind,
            id: r.id().to_string(),
            words: words(name.as_deref().unwrap_or("")).join("-"),
            name,
            emails: if kind == Kind::Contact { strings("emails") } else { Vec::new() },
            phones: if kind == Kind::Contact { strings("phones") } else { Vec::new() },
            company: if kind == Kind::Contact { r.str("company").map(String::from) } else { None },
            domain: if kind == Kind::Company { r.str("domain").and_then(domain) } else { None },
        });
    }

    /// The likely duplicates among them; `ids` says which ids other kinds share.
    pub fn duplicates(mut self, ids: &Ids, out: &mut Vec<Finding>) {
        // In the order of their ids: the original before its `-2`.
        self.0.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
        let contacts: Vec<&Person> = self.0.iter().filter(|p| p.kind == Kind::Contact).collect();
        let mut pairs: HashSet<(usize, usize)> = HashSet::new();
        let mut report = |earlier: &Person,
                          later: &Person,
                          key: &str,
                          item: Option<&str>,
                          why: String| {
            let merge = format!("rolo merge {} {}", merge_ref(earlier, ids), merge_ref(later, ids));
            let message = format!("{why} as {}; {merge}", super::rel(&earlier.path()));
            out.push(Finding::at_key(&later.path(), key, item, ProblemKind::Duplicate, message));
        };

        let mut by_email: HashMap<String, usize> = HashMap::new();
        for (i, c) in contacts.iter().enumerate() {
            for e in &c.emails {
                let key = e.trim().to_lowercase();
                if key.is_empty() {
                    continue;
                }
                match by_email.get(&key) {
                    Some(&j) if j != i && pairs.insert((j, i)) => {
                        report(contacts[j], c, "emails", Some(e), format!("same email {e}"));
                    }
                    Some(_) => {}
                    None => {
                        by_email.insert(key, i);
                    }
                }
            }
        }

        let mut by_phone: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in contacts.iter().enumerate() {
            for p in &c.phones {
                let Some(key) = phone_key(p) else { continue };
                let seen = by_phone.entry(key).or_default();
                let earlier = seen.iter().copied().find(|&j| {
                    j != i
                        && !pairs.contains(&(j, i))
                        && contacts[j].phones.iter().any(|q| same_phone(p, q))
                        && similar(&contacts[j].word_list(), &c.word_list())
                });
                if let Some(j) = earlier {
                    pairs.insert((j, i));
                    let why = format!("same phone {p} and a similar name");
                    report(contacts[j], c, "phones", Some(p), why);
                }
                if !seen.contains(&i) {
                    seen.push(i);
                }
            }
        }

        let mut by_name: HashMap<(&str, &str), usize> = HashMap::new();
        for (i, c) in contacts.iter().enumerate() {
            let (Some(name), Some(company)) = (&c.name, &c.company) else { continue };
            let key = (c.words.as_str(), company.as_str());
            if key.0.is_empty() {
                continue;
            }
            match by_name.get(&key) {
                Some(&j) if pairs.insert((j, i)) => {
                    let why = format!("same name {name} and company {company}");
                    report(contacts[j], c, "name", None, why);
                }
                Some(_) => {}
                None => {
                    by_name.insert(key, i);
                }
            }
        }

        let mut by_domain: HashMap<&str, &Person> = HashMap::new();
        for company in self.0.iter().filter(|p| p.kind == Kind::Company) {
            let Some(d) = company.domain.as_deref() else { continue };
            match by_domain.get(d) {
                Some(earlier) => {
                    report(earlier, company, "domain", None, format!("same domain {d}"));
                }
                None => {
                    by_domain.insert(d, company);
                }
            }
        }
    }
}

impl Person {
    /// Contacts and companies are files directly in their folder.
    fn path(&self) -> std::path::PathBuf {
        crate::book::Book::relative_path(self.kind, &self.id)
    }

    fn word_list(&self) -> Vec<String> {
        self.words.split('-').filter(|w| !w.is_empty()).map(String::from).collect()
    }
}

/// How `rolo merge` names a record: its id, or `type/id` when another kind has it too.
fn merge_ref(p: &Person, ids: &Ids) -> String {
    if ids.shared(p.kind, &p.id) { format!("{}/{}", p.kind, p.id) } else { p.id.clone() }
}

/// A name's words as its id would spell them ("Анна Петрова" → anna, petrova), so case,
/// script and punctuation do not matter; a name with nothing to transliterate keeps its
/// own lowercase words.
fn words(name: &str) -> Vec<String> {
    let slug = id::slug(name);
    if slug.is_empty() {
        return name.split_whitespace().map(str::to_lowercase).collect();
    }
    slug.split('-').map(String::from).collect()
}

/// Whether two names may be one person's: the same words in any order ("Петрова Анна"),
/// the same letters run together ("王小明" and "Xiaoming Wang"), or one name's words all
/// found in the other, initials matching words ("А. Петрова", "Anna Sergeyevna Petrova").
fn similar(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let sorted = |w: &[String]| {
        let mut w = w.to_vec();
        w.sort();
        w
    };
    if sorted(a) == sorted(b) {
        return true;
    }
    let joined = a.concat();
    let reversed: String = b.iter().rev().map(String::as_str).collect();
    if joined == b.concat() || joined == reversed {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // At least one whole word must agree: initials alone say too little.
    let mut whole = false;
    let mut free: Vec<&String> = long.iter().collect();
    for w in short {
        let found = free.iter().position(|l| *l == w).map(|at| (at, true)).or_else(|| {
            free.iter()
                .position(|l| {
                    (w.len() == 1 && l.starts_with(w.as_str()))
                        || (l.len() == 1 && w.starts_with(l.as_str()))
                })
                .map(|at| (at, false))
        });
        match found {
            Some((at, is_whole)) => {
                whole |= is_whole;
                free.remove(at);
            }
            None => return false,
        }
    }
    whole
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Spot;
    use crate::model::Record;
    use crate::model::record::test_record;

    fn similar_names(a: &str, b: &str) -> bool {
        similar(&words(a), &words(b))
    }

    #[test]
    fn names_that_may_be_one_person() {
        for (a, b) in [
            ("Анна Петрова", "Петрова Анна"),
            ("Анна Петрова", "Anna Petrova"),
            ("Анна Петрова", "А. Петрова"),
            ("Anna Petrova", "Anna Sergeyevna Petrova"),
            ("王小明", "Xiaoming Wang"),
            ("王小明", "Wang Xiao Ming"),
            ("Айгүл Сейітқызы", "Aygul Seyitqyzy"),
            ("Jürgen Müller", "Jurgen Muller"),
        ] {
            assert!(similar_names(a, b), "{a} ~ {b}");
        }
        for (a, b) in [
            ("Анна Петрова", "Анна Иванова"),
            ("Anna Petrova", "A. P."),
            ("Jürgen Müller", "Käthe Müller"),
            ("", "Anna"),
        ] {
            assert!(!similar_names(a, b), "{a} !~ {b}");
        }
    }

    fn duplicates(records: Vec<Record>) -> Vec<(String, String, Option<String>, String)> {
        let mut people = People::default();
        let mut ids = Ids::default();
        // Added out of order: the check sorts them by id.
        for r in records.iter().rev() {
            people.add(r);
            ids.add(r.kind, &r.id);
        }
        let mut out = Vec::new();
        people.duplicates(&ids, &mut out);
        out.into_iter()
            .map(|f| match f.spot {
                Spot::Key { key, item } => (super::super::rel(&f.path), key, item, f.message),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn each_pair_once_on_the_later_file() {
        let found = duplicates(vec![
            test_record(
                Kind::Contact,
                "anna-petrova",
                "name = \"Анна Петрова\"\nemails = [\"anna@example.ru\"]\nphones = [\"8 (727) 355-12-34\"]",
            ),
            test_record(
                Kind::Contact,
                "anna-petrova-2",
                "name = \"Anna Petrova\"\nemails = [\"ANNA@example.ru\"]\nphones = [\"+7 727 355 1234\"]",
            ),
            test_record(
                Kind::Contact,
                "petrova-anna",
                "name = \"Петрова Анна\"\nphones = [\"+7 727 355 1234\"]",
            ),
            test_record(
                Kind::Contact,
                "boris",
                "name = \"Борис Петров\"\nphones = [\"+7 727 355 1234\"]",
            ),
        ]);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0],
            (
                "contacts/anna-petrova-2.md".into(),
                "emails".into(),
                Some("ANNA@example.ru".into()),
                "same email ANNA@example.ru as contacts/anna-petrova.md; rolo merge anna-petrova anna-petrova-2".into()
            )
        );
        assert_eq!(found[1].0, "contacts/petrova-anna.md");
        assert_eq!(found[1].2.as_deref(), Some("+7 727 355 1234"));
        assert!(found[1].3.ends_with("rolo merge anna-petrova petrova-anna"), "{}", found[1].3);
    }

    #[test]
    fn same_name_and_company_and_same_domain() {
        let found = duplicates(vec![
            test_record(
                Kind::Contact,
                "wang-xiao-ming",
                "name = \"王小明\"\ncompany = \"lan-hai\"",
            ),
            test_record(
                Kind::Contact,
                "wang-xiao-ming-2",
                "name = \"王 小明\"\ncompany = \"lan-hai\"",
            ),
            test_record(
                Kind::Contact,
                "wang-xiao-ming-3",
                "name = \"王小明\"\ncompany = \"other\"",
            ),
            test_record(
                Kind::Company,
                "lan-hai",
                "name = \"上海蓝海科技\"\ndomain = \"lanhai.cn\"",
            ),
            test_record(
                Kind::Company,
                "lanhai",
                "name = \"Lanhai Tech\"\ndomain = \"https://www.LanHai.cn/\"",
            ),
            test_record(Kind::Contact, "lanhai", "name = \"Lan Hai\""),
        ]);
        let short: Vec<(&str, &str)> = found.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
        assert_eq!(
            short,
            [("contacts/wang-xiao-ming-2.md", "name"), ("companies/lanhai.md", "domain")]
        );
        assert!(found[1].3.ends_with("rolo merge lan-hai company/lanhai"), "{}", found[1].3);
    }
}
