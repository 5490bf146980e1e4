//! A record → one index document: every value a query may match, normalised the way
//! queries are (keywords lowercased, phones as digits, emails whole and in parts).

use tantivy::TantivyDocument;
use toml_edit::{Item, Value};

use super::schema::Fields;
use super::tokenizer::{self, Stemming};
use crate::model::Record;
use crate::model::record::display_value;

/// Keys with a field of their own; every other key goes to `custom` and `all`.
const OWN: [&str; 14] = [
    "name",
    "title",
    "emails",
    "phones",
    "tags",
    "stage",
    "owner",
    "source",
    "kind",
    "company",
    "city",
    "contact",
    "about",
    "direction",
];

pub fn document(f: &Fields, r: &Record) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    let mut all = String::new();
    let add_all = |s: &str, all: &mut String| {
        all.push_str(s);
        all.push('\n');
    };
    doc.add_text(f.path, r.path.to_string_lossy().replace('\\', "/"));
    doc.add_text(f.kind, r.kind.name());
    doc.add_text(f.id, &r.id);
    let title = r.title();
    doc.add_text(f.title, &title);
    doc.add_text(f.title_raw, &title);
    let facts = crate::model::facts::Facts::of(r);
    if r.kind == crate::Kind::Deal {
        for link in &facts.links {
            doc.add_text(f.links, link);
        }
    } else {
        for (key, _) in crate::model::schema::link_keys(r.kind) {
            for value in r.strs(key) {
                doc.add_text(f.links, value);
            }
        }
    }
    if matches!(r.kind, crate::Kind::Contact | crate::Kind::Company) {
        for relation in crate::model::relation::of_doc(&r.doc) {
            doc.add_text(f.related, relation.to);
        }
    }
    for (field, value) in [
        (f.due_day, facts.due.map(i64::from)),
        (f.close_day, facts.close.map(i64::from)),
        (f.created_day, facts.created.map(i64::from)),
        (f.birthday_md, facts.birthday.map(i64::from)),
        (f.follow_up_days, facts.follow_up.map(i64::from)),
        (f.done, facts.done.then_some(1)),
    ] {
        if let Some(v) = value {
            doc.add_i64(field, v);
        }
    }
    if r.kind == crate::Kind::Note
        && let Some(date) = r.value("date").and_then(Value::as_datetime)
    {
        doc.add_text(f.date_raw, date.to_string());
    }
    add_all(&title, &mut all);
    if matches!(r.kind, crate::Kind::Contact | crate::Kind::Company) {
        // What an address look-up matches: the name, nicknames, and addresses' words.
        doc.add_text(f.names, &title);
        for nickname in r.strs("nickname").into_iter().chain(r.strs("nicknames")) {
            doc.add_text(f.names, nickname);
        }
        for e in r.strs("emails") {
            doc.add_text(f.names, e);
        }
    }
    for e in r.strs("emails") {
        for term in email_terms(e) {
            doc.add_text(f.email, term);
        }
        add_all(e, &mut all);
    }
    for p in r.strs("phones") {
        for term in phone_terms(p) {
            doc.add_text(f.phone, term);
        }
        add_all(p, &mut all);
    }
    for (key, field) in
        [("tags", f.tag), ("stage", f.stage), ("owner", f.owner), ("source", f.source)]
    {
        for v in r.strs(key) {
            doc.add_text(field, v.to_lowercase());
            add_all(v, &mut all);
        }
    }
    if r.kind == crate::Kind::Note
        && let Some(k) = r.str("kind")
    {
        doc.add_text(f.note_kind, k.to_lowercase());
    }
    if let Some(c) = r.str("company") {
        doc.add_text(f.company, c.replace('-', " "));
    }
    if let Some(c) = r.str("city") {
        doc.add_text(f.city, c);
        add_all(c, &mut all);
    }
    // Unknown keys and [fields]: searchable as words and as `key:word`.
    for (key, item) in r.doc.iter() {
        if OWN.contains(&key) || key == "history" {
            continue;
        }
        match item {
            Item::Value(v) => custom(f, &mut doc, key, v, &mut all),
            Item::Table(t) => {
                for (k, item) in t.iter() {
                    if let Some(v) = item.as_value() {
                        custom(f, &mut doc, k, v, &mut all);
                    }
                }
            }
            _ => {}
        }
    }
    add_all(&r.body, &mut all);
    let card = serde_json::Value::Object(crate::model::view::card_json(r));
    doc.add_text(f.card, card.to_string());
    // Tokenized by tantivy's indexing threads. Handing it pre-tokenized (one pass for
    // both fields) measured 40 % more CPU: the token vectors cross threads.
    doc.add_text(f.exact, &all);
    doc.add_text(f.all, all);
    doc
}

fn custom(f: &Fields, doc: &mut TantivyDocument, key: &str, v: &Value, all: &mut String) {
    if matches!(v, Value::Datetime(_)) {
        return; // dates are for filters, not words
    }
    let text = display_value(v);
    for t in tokenizer::tokens(&text, Stemming::On) {
        doc.add_text(f.custom, custom_term(key, &t.text));
    }
    all.push_str(&text);
    all.push('\n');
}

/// The term `key:word` is indexed as.
pub fn custom_term(key: &str, word: &str) -> String {
    format!("{}\u{1}{word}", key.to_lowercase())
}

/// An address is found whole, by its user part, or by its domain.
pub fn email_terms(email: &str) -> Vec<String> {
    let e = email.trim().to_lowercase();
    let mut terms = vec![e.clone()];
    if let Some((user, domain)) = e.rsplit_once('@') {
        terms.push(user.to_string());
        terms.push(domain.to_string());
    }
    terms
}

/// The digits of a number, and every suffix of seven digits or more, so that
/// +7 701 555 0101, 87015550101 and 701-555-0101 find each other.
pub fn phone_terms(phone: &str) -> Vec<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (0..digits.len()).filter(|&i| digits.len() - i >= 7).map(|i| digits[i..].to_string()).collect()
}

/// What a phone query looks up: its last ten digits (a national number without the
/// country or trunk prefix), or all of them when shorter.
pub fn phone_query(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        0..=6 => None,
        n if n > 10 => Some(digits[n - 10..].to_string()),
        _ => Some(digits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_match_whatever_the_punctuation() {
        let stored = phone_terms("+7 701 555 0101");
        for typed in ["87015550101", "+7 (701) 555-01-01", "701-555-0101", "7015550101"] {
            let q = phone_query(typed).unwrap();
            assert!(stored.contains(&q), "{typed} → {q} not in {stored:?}");
        }
        assert_eq!(phone_query("12-34"), None);
    }

    #[test]
    fn emails_whole_user_domain() {
        assert_eq!(email_terms("Anna@Example.RU"), ["anna@example.ru", "anna", "example.ru"]);
    }
}
