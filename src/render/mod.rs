//! Documents from templates: a file of the book's `templates/` (Markdown, HTML, TOML,
//! plain text: any text) filled with a record and what surrounds it (its contact, its
//! company, their open deals), today's date and the book's `[me]`.
//!
//! The engine is minijinja, sandboxed: a template reads only the values given to it. It
//! cannot open files, reach the network or run programs; `{% include %}` and friends load
//! only other files of `templates/`, through [`Engine`]'s loader, which refuses any name
//! that leads outside. A name the context lacks is an error naming the template, the line
//! and the name: printed, looped over or passed to a filter, it never leaves an empty gap
//! in a contract (`{% if contact.phones %}` and `| default(…)` test optional keys).
//!
//! A template may open with front matter (`+++`, `subject = "…"`, `+++`): it is not part
//! of the document; [`mail`] reads the subject from it. Writing the document is the
//! caller's; [`chart`] draws the bars of reports (text and SVG).

pub mod chart;
mod filters;
pub mod mail;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use minijinja::{Environment, UndefinedBehavior, Value};
use serde_json::Value as Json;

use crate::book::Book;
use crate::filter::is_open;
use crate::links;
use crate::model::{Kind, Record};
use crate::store::frontmatter;

pub use filters::thousands;

pub use crate::book::{EXAMPLE_TEMPLATES as EXAMPLES, TEMPLATES as DIR};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Book(#[from] crate::Error),
    /// No template has that name (`available`: the names there are).
    #[error("no template \"{name}\" in templates/")]
    NotFound { name: String, available: Vec<String> },
    #[error("\"{name}\" matches {} templates: {}", candidates.len(), candidates.join(", "))]
    Ambiguous { name: String, candidates: Vec<String> },
    /// A template that does not parse or render: `templates/offer.md:7: what went wrong`.
    #[error("{}:{line}: {message}", path.display())]
    Template { path: PathBuf, line: usize, message: String },
    /// A message that cannot be drafted (no address to send it to, no subject).
    #[error("{0}")]
    Mail(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A template file, found by name.
#[derive(Debug, Clone)]
pub struct Template {
    /// Its path inside `templates/`, `/`-separated: `proposal.md`, `letters/offer.html`.
    pub name: String,
    /// The subject its front matter gives, with the line it is on.
    pub subject: Option<(String, usize)>,
}

impl Template {
    /// The template's path relative to the book, for messages.
    pub fn path(&self) -> PathBuf {
        Path::new(DIR).join(&self.name)
    }
}

/// Every template in `templates/` (subfolders too; hidden files are not templates), by name.
pub fn list(book: &Book) -> Vec<String> {
    let dir = book.root().join(DIR);
    let mut names: Vec<String> = walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| e.ok())
        // Links too (read_template refuses those pointing outside, saying so).
        .filter(|e| e.file_type().is_file() || e.path_is_symlink())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&dir).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    names.sort();
    names
}

/// Find a template by its name in `templates/` (`proposal.md`), or by the name without
/// its extension when only one file has it (`proposal`).
pub fn find(book: &Book, name: &str) -> Result<Template> {
    let all = list(book);
    let chosen = if all.iter().any(|n| n == name) {
        name.to_string()
    } else {
        let stem = |n: &str| n.rsplit_once('.').map_or(n.to_string(), |(s, _)| s.to_string());
        let hits: Vec<&String> = all.iter().filter(|n| stem(n) == name).collect();
        match hits.as_slice() {
            [one] => (*one).clone(),
            [] => return Err(Error::NotFound { name: name.to_string(), available: all }),
            many => {
                return Err(Error::Ambiguous {
                    name: name.to_string(),
                    candidates: many.iter().map(|s| (*s).clone()).collect(),
                });
            }
        }
    };
    let text = read_template(&book.root().join(DIR), &chosen).map_err(|unread| {
        Error::Template { path: Path::new(DIR).join(&chosen), line: 1, message: unread.message() }
    })?;
    let subject = front_matter(&text)
        .map_err(|(line, message)| Error::Template {
            path: Path::new(DIR).join(&chosen),
            line,
            message,
        })?
        .subject;
    Ok(Template { name: chosen, subject })
}

/// What a template's front matter says.
#[derive(Debug, Default)]
struct Front {
    subject: Option<(String, usize)>,
    /// Lines it takes, delimiters included (0: none).
    lines: usize,
}

/// The front matter of a template, if it has one. Keys other than `subject` are the
/// person's own and are ignored.
fn front_matter(text: &str) -> Result<Front, (usize, String)> {
    let Ok(parts) = frontmatter::split(text) else { return Ok(Front::default()) };
    let table: toml::Table = toml::from_str(parts.front).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        let (line, _) = frontmatter::line_col(parts.front, at);
        (line + parts.front_line - 1, e.message().trim().to_string())
    })?;
    let lines = text[..text.len() - parts.body().len()].matches('\n').count();
    let subject = match table.get("subject") {
        None => None,
        Some(toml::Value::String(s)) => {
            let at = parts.front.lines().position(|l| l.trim_start().starts_with("subject"));
            Some((s.clone(), parts.front_line + at.unwrap_or(0)))
        }
        Some(_) => return Err((parts.front_line, "subject must be a string".into())),
    };
    Ok(Front { subject, lines })
}

/// A template's source as the engine sees it: its front matter turned into a comment
/// of as many lines, so that every error's line is the file's line.
fn source(text: &str) -> String {
    let lines = front_matter(text).map(|f| f.lines).unwrap_or(0);
    if lines == 0 {
        return text.to_string();
    }
    let body = text.split_inclusive('\n').skip(lines).collect::<String>();
    // The comment holds the front matter's line ends, so the body starts on its own line.
    format!("{{#{}#}}{body}", "\n".repeat(lines))
}

/// Why a template could not be read.
#[derive(Debug, PartialEq, Eq)]
enum Unread {
    /// No such file in `templates/`.
    Missing(String),
    /// A name leading outside `templates/`, or a file that cannot be read.
    Refused(String),
}

impl Unread {
    fn message(self) -> String {
        match self {
            Unread::Missing(m) | Unread::Refused(m) => m,
        }
    }
}

/// Read `templates/<name>`, refusing any name that would lead outside `templates/` (an
/// absolute path, `..`, or a link pointing elsewhere).
fn read_template(dir: &Path, name: &str) -> Result<String, Unread> {
    let outside = || {
        Unread::Refused(format!(
            "\"{name}\" is outside templates/: only templates there can be used"
        ))
    };
    let relative = Path::new(name);
    let plain = relative.components().all(|c| matches!(c, std::path::Component::Normal(_)));
    if name.is_empty() || !plain || name.contains('\\') {
        return Err(outside());
    }
    let dir = dir.canonicalize().map_err(|e| Unread::Refused(format!("templates/: {e}")))?;
    let real = match dir.join(relative).canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Unread::Missing(format!("no template \"{name}\" in templates/")));
        }
        Err(e) => return Err(Unread::Refused(format!("templates/{name}: {e}"))),
    };
    if !real.starts_with(&dir) {
        return Err(outside());
    }
    std::fs::read_to_string(&real).map_err(|e| Unread::Refused(format!("templates/{name}: {e}")))
}

/// The record a document is about and what surrounds it, as the template sees them.
#[derive(Debug, Clone)]
pub struct Subject {
    /// The record named on the command line.
    pub record: Record,
    /// The contact: the record, or the deal's contact.
    pub contact: Option<Record>,
    /// The company: the record, or the contact's (else the deal's) company.
    pub company: Option<Record>,
    /// The deal: the record, or the only open deal in `deals`.
    pub deal: Option<Record>,
    /// The open deals of the contact (else of the company).
    pub deals: Vec<Record>,
}

impl Subject {
    /// Gather what surrounds `record` (a contact, company or deal) from the book.
    pub fn gather(book: &Book, record: Record) -> Result<Subject> {
        let config = &book.config;
        let linked = |value: Option<&str>, kind: Kind| -> Result<Option<Record>> {
            let Some(value) = value else { return Ok(None) };
            for (k, id) in links::targets(value, Some(kind)) {
                let path = book.root().join(Book::relative_path(k, id));
                if k == kind && path.is_file() {
                    return Ok(Some(book.read_at(k, id, &Book::relative_path(k, id))?));
                }
            }
            Ok(None)
        };
        let mut contact = None;
        let mut company = None;
        let mut deal = None;
        match record.kind {
            Kind::Contact => contact = Some(record.clone()),
            Kind::Company => company = Some(record.clone()),
            Kind::Deal => deal = Some(record.clone()),
            _ => {}
        }
        if contact.is_none() {
            contact = linked(deal.as_ref().and_then(|d| d.str("contact")), Kind::Contact)?;
        }
        if company.is_none() {
            let from_contact = contact.as_ref().and_then(|c| c.str("company"));
            let from_deal = deal.as_ref().and_then(|d| d.str("company"));
            company = linked(from_contact.or(from_deal), Kind::Company)?;
        }
        // The open deals of the person, else of the organisation.
        let all = book.load(&[Kind::Deal])?;
        let of = |target: &Option<Record>, key: &str| -> Vec<Record> {
            let Some(t) = target else { return Vec::new() };
            let entry = crate::model::reference::Entry { kind: t.kind, id: t.id.clone() };
            all.of(Kind::Deal)
                .filter(|d| is_open(*d, config))
                .filter(|d| {
                    d.str(key).is_some_and(|v| {
                        links::targets(v, Some(entry.kind)).contains(&(entry.kind, &entry.id))
                    })
                })
                .cloned()
                .collect()
        };
        let mut deals = of(&contact, "contact");
        if deals.is_empty() {
            deals = of(&company, "company");
        }
        if deal.is_none()
            && let [only] = deals.as_slice()
        {
            deal = Some(only.clone());
        }
        Ok(Subject { record, contact, company, deal, deals })
    }
}

/// A rendered template: the document, and the subject its front matter gave (rendered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub text: String,
    pub subject: Option<String>,
}

/// The template engine of one book: its loader, rolo's filters, and strict names.
pub struct Engine {
    env: Environment<'static>,
    me: Json,
    default_currency: String,
}

impl Engine {
    pub fn new(book: &Book) -> Engine {
        let mut env = Environment::new();
        // Printing, looping over or filtering a missing name fails; `if` may test one.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        // Errors then say which name was missing (`deal.valeu` is undefined).
        env.set_debug(true);
        // Jinja's whitespace as its documentation describes it (`{%-` and `-%}` trim), and
        // the file's last line end kept: a document ends as its template does.
        let syntax = minijinja::syntax::SyntaxConfig::builder().keep_trailing_newline(true).build();
        if let Ok(syntax) = syntax {
            env.set_syntax(syntax);
        }
        let dir = book.root().join(DIR);
        env.set_loader(move |name| match read_template(&dir, name) {
            Ok(text) => Ok(Some(source(&text))),
            // Missing: `{% include … ignore missing %}` may skip it.
            Err(Unread::Missing(_)) => Ok(None),
            Err(Unread::Refused(message)) => {
                Err(minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, message))
            }
        });
        let default_currency = book.config.defaults.currency.clone();
        filters::register(&mut env, default_currency.clone());
        let me = serde_json::to_value(&book.config.me).unwrap_or(Json::Null);
        Engine { env, me, default_currency }
    }

    /// The values a template sees: `record`, `contact`, `company`, `deal`, `deals`,
    /// `today` (`2026-11-23`), `now` (RFC 3339) and `me`. A deal always has `currency`.
    fn context(&self, subject: &Subject, now: DateTime<FixedOffset>, today: NaiveDate) -> Value {
        let record = |r: &Record| {
            let mut map = r.to_json();
            if r.kind == Kind::Deal && !map.contains_key("currency") {
                map.insert("currency".into(), Json::String(self.default_currency.clone()));
            } else if r.kind == Kind::Deal
                && let Some(Json::String(c)) = map.get_mut("currency")
            {
                *c = c.trim().to_uppercase();
            }
            value(&Json::Object(map))
        };
        let mut ctx: BTreeMap<String, Value> = BTreeMap::new();
        ctx.insert("record".into(), record(&subject.record));
        for (key, r) in
            [("contact", &subject.contact), ("company", &subject.company), ("deal", &subject.deal)]
        {
            if let Some(r) = r {
                ctx.insert(key.into(), record(r));
            }
        }
        ctx.insert("deals".into(), subject.deals.iter().map(record).collect());
        ctx.insert("today".into(), Value::from(today.format("%Y-%m-%d").to_string()));
        ctx.insert("now".into(), Value::from(now.to_rfc3339()));
        ctx.insert("me".into(), value(&self.me));
        Value::from(ctx)
    }

    /// Fill `template` for `subject`.
    pub fn render(
        &self,
        template: &Template,
        subject: &Subject,
        now: DateTime<FixedOffset>,
        today: NaiveDate,
    ) -> Result<Document> {
        let ctx = self.context(subject, now, today);
        let fail = |e: minijinja::Error, offset: usize| located(&template.name, e, offset);
        let tmpl = self.env.get_template(&template.name).map_err(|e| fail(e, 0))?;
        let text = tmpl.render(&ctx).map_err(|e| fail(e, 0))?;
        let subject = match &template.subject {
            Some((raw, line)) => {
                let rendered =
                    self.env.render_named_str(&template.name, raw, &ctx).map_err(|e| {
                        // The subject's line 1 is its line in the file.
                        fail(e, line - 1)
                    })?;
                Some(rendered)
            }
            None => None,
        };
        Ok(Document { text, subject })
    }
}

/// An engine error as `templates/<name>:<line>: message`: the innermost error of an
/// include chain, so the line is in the file that has the mistake.
fn located(name: &str, err: minijinja::Error, offset: usize) -> Error {
    let mut inner: &minijinja::Error = &err;
    while let Some(next) =
        std::error::Error::source(inner).and_then(|s| s.downcast_ref::<minijinja::Error>())
    {
        inner = next;
    }
    let file = inner.name().unwrap_or(name);
    let line = inner.line().unwrap_or(1) + if file == name { offset } else { 0 };
    use minijinja::ErrorKind as K;
    let message = match (inner.kind(), inner.detail()) {
        // The engine says which name was missing, after what it was doing with it.
        (_, Some(detail)) if undefined_name(detail).is_some() => {
            format!("`{}` is undefined", undefined_name(detail).unwrap_or_default())
        }
        (
            kind @ (K::SyntaxError
            | K::UnknownFilter
            | K::UnknownFunction
            | K::UnknownTest
            | K::UnknownMethod
            | K::TooManyArguments
            | K::MissingArgument),
            Some(detail),
        ) => format!("{kind}: {detail}"),
        (_, Some(detail)) => detail.to_string(),
        (kind, None) => kind.to_string(),
    };
    Error::Template { path: Path::new(DIR).join(file), line, message }
}

/// The expression in the engine's "`deal.valeu` is undefined".
fn undefined_name(detail: &str) -> Option<&str> {
    let end = detail.find("` is undefined")?;
    let start = detail[..end].rfind('`')?;
    Some(&detail[start + 1..end])
}

/// JSON (a record as `--json` shows it) as a template value.
fn value(json: &Json) -> Value {
    match json {
        Json::Null => Value::from(()),
        Json::Bool(b) => Value::from(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::from(s.as_str()),
        Json::Array(items) => items.iter().map(value).collect(),
        Json::Object(map) => {
            let map: BTreeMap<String, Value> =
                map.iter().map(|(k, v)| (k.clone(), value(v))).collect();
            Value::from(map)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_becomes_a_comment_of_as_many_lines() {
        let text = "+++\nsubject = \"Hi {{ contact.name }}\"\n+++\nDear {{ x }}\n";
        let f = front_matter(text).unwrap();
        assert_eq!(f.lines, 3);
        assert_eq!(f.subject, Some(("Hi {{ contact.name }}".into(), 2)));
        let src = source(text);
        assert_eq!(src.lines().count(), text.lines().count());
        let env = Environment::new();
        assert_eq!(env.render_str(&src, minijinja::context! { x => "Анна" }).unwrap(), "Dear Анна");
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        let e = env.render_named_str("t.md", &src, minijinja::context! {}).unwrap_err();
        assert_eq!(e.line(), Some(4), "the body's line in the file");
        assert_eq!(source("no front matter {{ x }}\n"), "no front matter {{ x }}\n");
        assert_eq!(front_matter("+++\nsubject = 3\n+++\n").unwrap_err().0, 2);
        assert_eq!(front_matter("+++\nx = \n+++\n").unwrap_err().0, 2);
    }

    #[test]
    fn names_outside_templates_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("templates");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/a.md"), "A").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "S").unwrap();
        assert_eq!(read_template(&dir, "sub/a.md").unwrap(), "A");
        for bad in ["../secret.txt", "/etc/passwd", "sub/../../secret.txt", "", "sub\\a.md"] {
            let e = read_template(&dir, bad).unwrap_err().message();
            assert!(e.contains("outside templates/"), "{bad}: {e}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), dir.join("link.md")).unwrap();
            assert!(read_template(&dir, "link.md").unwrap_err().message().contains("outside"));
        }
        assert!(matches!(read_template(&dir, "none.md"), Err(Unread::Missing(_))));
    }

    #[test]
    fn the_missing_name_is_found_in_the_engines_words() {
        assert_eq!(undefined_name("`deal.valeu` is undefined"), Some("deal.valeu"));
        assert_eq!(
            undefined_name("cannot convert undefined to f64 (`deal.x` is undefined, from line 3)"),
            Some("deal.x")
        );
        assert_eq!(undefined_name("unknown function: open is unknown"), None);
    }

    #[test]
    fn json_values_keep_their_types() {
        let v = value(&serde_json::json!({"n": 12000, "f": 1.5, "l": ["a"], "o": {"k": true}}));
        assert_eq!(v.get_attr("n").unwrap().as_i64(), Some(12000));
        assert_eq!(v.get_attr("l").unwrap().len(), Some(1));
        assert!(v.get_attr("o").unwrap().get_attr("k").unwrap().is_true());
    }
}
