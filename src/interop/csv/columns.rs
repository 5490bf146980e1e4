//! CSV headers → what each column holds, for the exports people bring: Google Contacts
//! (the old headers and the 2023 ones), Outlook, HubSpot, rolo's own export, and a plain
//! spreadsheet; `--map COLUMN=FIELD` for anything else.
//!
//! Headers are compared as lowercase words ("E-mail 1 - Value" → `email value`, numbers
//! dropped), so spelling variants of one export need no list of their own.

use crate::error::{Error, Result};
use crate::model::{Kind, schema};
use crate::store::edit;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// The record's id in rolo's own export.
    Id,
    /// The full name (a contact or company) or title (a deal).
    Name,
    Given,
    Middle,
    Family,
    Emails,
    Phones,
    /// The company, by name or id.
    Company,
    CompanyDomain,
    /// A deal's contact, by name, email or id.
    Contact,
    Title,
    Birthday,
    Body,
    Tags,
    /// A city; the lowest rank wins (a business city over a home one, as a CRM wants).
    City(u8),
    /// Any other key, `fields.x` for a custom field.
    Key(String),
    Ignore,
}

/// A header as words: lowercase, `e mail` → `email`, numbers and punctuation dropped.
fn words(header: &str) -> String {
    let lower = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let spaced: String = lower.chars().map(|c| if c.is_alphabetic() { c } else { ' ' }).collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.replace("e mail", "email")
}

/// Header words → the field they hold, named as `--map` names fields.
type Table = &'static [(&'static str, &'static [&'static str])];

const COMMON: Table = &[
    ("tags", &["tags", "tag", "labels", "group membership", "groups", "categories", "category"]),
    ("body", &["notes", "note", "comments", "comment", "description", "body"]),
    ("city", &["city", "town", "address city", "business city", "work city"]),
    ("owner", &["owner", "contact owner", "deal owner", "company owner"]),
    ("source", &["source", "original source", "lead source"]),
    ("uid", &["uid"]),
];

const CONTACT: Table = &[
    ("name", &["name", "full name", "display name", "contact name", "fn"]),
    ("first_name", &["given name", "first name", "firstname", "first"]),
    ("middle_name", &["additional name", "middle name"]),
    ("last_name", &["family name", "last name", "lastname", "surname", "last"]),
    (
        "company",
        &[
            "company",
            "company name",
            "organization",
            "organisation",
            "organization name",
            "associated company",
            "employer",
            "account name",
        ],
    ),
    ("company_domain", &["company domain name", "company domain", "company website"]),
    ("title", &["title", "job title", "organization title", "position", "job"]),
    ("birthday", &["birthday", "birth date", "birthdate", "date of birth", "dob", "bday"]),
    ("stage", &["stage", "lifecycle stage"]),
];

/// Matched after dropping a trailing "value", "address" or "number".
const CONTACT_CORE: Table = &[
    (
        "email",
        &[
            "email",
            "emails",
            "work email",
            "personal email",
            "home email",
            "other email",
            "business email",
            "primary email",
            "secondary email",
        ],
    ),
    (
        "phone",
        &[
            "phone",
            "phones",
            "telephone",
            "tel",
            "mobile",
            "cell",
            "mobile phone",
            "cell phone",
            "home phone",
            "work phone",
            "business phone",
            "primary phone",
            "other phone",
            "personal phone",
            "direct phone",
        ],
    ),
];

const COMPANY: Table = &[
    (
        "name",
        &["name", "company", "company name", "organization", "organization name", "account name"],
    ),
    (
        "domain",
        &["domain", "company domain name", "company domain", "website", "web", "url", "web page"],
    ),
];

const DEAL: Table = &[
    (
        "title",
        &["title", "deal name", "deal", "name", "deal title", "opportunity", "opportunity name"],
    ),
    ("value", &["value", "amount", "deal amount", "deal value"]),
    ("currency", &["currency", "currency code", "deal currency code"]),
    ("stage", &["stage", "deal stage"]),
    ("close", &["close", "close date", "expected close date", "closing date"]),
    ("probability", &["probability", "deal probability"]),
    ("contact", &["contact", "contact name", "associated contact", "person", "contact email"]),
    ("company", &["company", "company name", "associated company", "organization", "account name"]),
    ("lost_reason", &["lost reason", "closed lost reason"]),
];

fn lookup(table: Table, words: &str) -> Option<&'static str> {
    table.iter().find(|(_, names)| names.contains(&words)).map(|(field, _)| *field)
}

/// What a column of an export holds, by its header. `headers` are all of them (Outlook's
/// "Title" is an honorific when a "Job Title" column exists); `own` is rolo's export.
pub(super) fn recognise(header: &str, kind: Kind, headers: &[String], own: bool) -> Target {
    let h = header.trim();
    if own {
        if h == "id" {
            return Target::Id;
        }
        if h.starts_with("fields.") && edit::key_path(h).is_ok() {
            return Target::Key(h.to_string());
        }
    }
    let w = words(h);
    // Trailing words that only say how the value is written.
    let core = w.strip_suffix(" value").or_else(|| w.strip_suffix(" address")).unwrap_or(&w);
    let core = core.strip_suffix(" number").unwrap_or(core);
    if kind == Kind::Contact && w == "title" && headers.iter().any(|o| words(o) == "job title") {
        // Outlook: "Title" is Mr./Ms., the job is "Job Title".
        return Target::Ignore;
    }
    match w.as_str() {
        "home city" => return Target::City(1),
        "other city" => return Target::City(2),
        _ => {}
    }
    let field = match kind {
        Kind::Contact => lookup(CONTACT, &w).or_else(|| lookup(CONTACT_CORE, core)),
        Kind::Company => lookup(COMPANY, &w),
        Kind::Deal => lookup(DEAL, &w),
        Kind::Note | Kind::Task => None,
    };
    if let Some(field) = field.or_else(|| lookup(COMMON, &w)) {
        return parse_target(field, kind).unwrap_or(Target::Ignore);
    }
    // A plain spreadsheet or rolo's own export naming rolo's keys ("follow_up").
    let key = h.to_lowercase().replace([' ', '-'], "_");
    if schema::field_type(kind, &key).is_some() || (own && edit::key_path(h).is_ok()) {
        return Target::Key(if own { h.to_string() } else { key });
    }
    Target::Ignore
}

/// `--map COLUMN=FIELD`'s field → a target; an empty field (or `-`) ignores the column.
pub(super) fn parse_target(field: &str, kind: Kind) -> Result<Target> {
    let f = field.trim();
    let lower = f.to_lowercase();
    if Some(lower.as_str()) == kind.title_key() {
        return Ok(Target::Name);
    }
    Ok(match lower.as_str() {
        "" | "-" | "ignore" => Target::Ignore,
        "id" => Target::Id,
        "first_name" | "given" | "given_name" => Target::Given,
        "middle_name" => Target::Middle,
        "last_name" | "family" | "family_name" => Target::Family,
        "email" | "emails" => Target::Emails,
        "phone" | "phones" => Target::Phones,
        "company" => Target::Company,
        "company_domain" => Target::CompanyDomain,
        "contact" if kind == Kind::Deal => Target::Contact,
        "title" => Target::Title,
        "birthday" => Target::Birthday,
        "body" | "notes" | "note" => Target::Body,
        "tags" | "tag" => Target::Tags,
        "city" => Target::City(0),
        _ => {
            edit::key_path(f).map_err(|_| {
                Error::Usage(format!(
                    "--map: \"{f}\" is not a field: use a key (stage, fields.industry), name, first_name, last_name, email, phone, company, tags, body, or nothing to ignore the column"
                ))
            })?;
            Target::Key(f.to_string())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(headers: &[&str]) -> Vec<Target> {
        let all: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        headers.iter().map(|h| recognise(h, Kind::Contact, &all, false)).collect()
    }

    #[test]
    fn google_old_and_new() {
        use Target::*;
        assert_eq!(
            contact(&[
                "Name",
                "Given Name",
                "Family Name",
                "E-mail 1 - Type",
                "E-mail 1 - Value",
                "Phone 1 - Value",
                "Organization 1 - Name",
                "Organization 1 - Title",
                "Group Membership",
                "Address 1 - City"
            ]),
            [Name, Given, Family, Ignore, Emails, Phones, Company, Title, Tags, City(0)]
        );
        assert_eq!(
            contact(&[
                "First Name",
                "Middle Name",
                "Last Name",
                "Organization Name",
                "Organization Title",
                "E-mail 1 - Label",
                "E-mail 2 - Value",
                "Labels",
                "Birthday",
                "Notes"
            ]),
            [Given, Middle, Family, Company, Title, Ignore, Emails, Tags, Birthday, Body]
        );
    }

    #[test]
    fn outlook_and_hubspot() {
        use Target::*;
        assert_eq!(
            contact(&[
                "Title",
                "First Name",
                "Last Name",
                "Job Title",
                "Company",
                "E-mail Address",
                "E-mail Display Name",
                "Mobile Phone",
                "Business Phone",
                "Company Main Phone",
                "Business Fax",
                "Categories",
                "Business City"
            ]),
            [
                Ignore,
                Given,
                Family,
                Title,
                Company,
                Emails,
                Ignore,
                Phones,
                Phones,
                Ignore,
                Ignore,
                Tags,
                City(0)
            ]
        );
        assert_eq!(
            contact(&[
                "Record ID",
                "Email",
                "Phone Number",
                "Mobile Phone Number",
                "Company Name",
                "Lifecycle Stage",
                "Contact owner",
                "Original Source",
                "follow_up"
            ]),
            [
                Ignore,
                Emails,
                Phones,
                Phones,
                Company,
                Key("stage".into()),
                Key("owner".into()),
                Key("source".into()),
                Key("follow_up".into())
            ]
        );
    }

    #[test]
    fn maps() {
        assert_eq!(
            parse_target("fields.industry", Kind::Contact).unwrap(),
            Target::Key("fields.industry".into())
        );
        assert_eq!(parse_target("title", Kind::Deal).unwrap(), Target::Name);
        assert_eq!(parse_target("", Kind::Contact).unwrap(), Target::Ignore);
        assert!(parse_target("a b", Kind::Contact).is_err());
    }
}
