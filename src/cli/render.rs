//! `rolo render TEMPLATE REF [-o FILE]`: a document from a template of `templates/`,
//! on stdout or written atomically to a file. The filling is `rolo::render`'s; this file
//! finds the record, maps the engine's errors to messages and exit codes, and writes.

use std::io::Write;
use std::path::PathBuf;

use rolo::render::{self, Document, Engine, Subject, Template};
use rolo::{Book, Kind};

use super::output::WriteFailed;
use super::{CliError, CliResult, Context};

pub const TEMPLATE_HELP: &str = "\
Templates live in the book's templates/ folder (any text: Markdown, HTML, TOML, plain
text) and are Jinja, as minijinja reads it. Values: record (the REF), contact, company,
deal (the REF, or the only open deal), deals (open deals of the contact, else the
company), today (2026-11-23), now, me ([me] in rolo.toml). Records have their
front-matter keys plus id, type, path and body; a deal always has currency.
Filters: {{ deal.value | money }} → 12 000 EUR, {{ today | date(\"%d.%m.%Y\") }} → 23.11.2026,
and minijinja's own (upper, default, join, round, …).
A value the record lacks is an error naming the template, line and name (exit 1), never
an empty gap: test optional keys with {% if contact.phones %} or | default(\"…\").
Templates cannot read files, the network or programs; {% include %} takes only other
templates of templates/. A template may start with front matter: +++ subject = \"…\" +++.";

/// Fill a template from templates/ with a record and print the document
#[derive(clap::Args, Debug)]
#[command(after_long_help = TEMPLATE_HELP)]
pub struct RenderArgs {
    /// A template in templates/: its file name, or without the extension when that is unique
    template: String,
    /// The contact, company or deal it is for
    reference: String,
    /// Write to FILE (atomically) instead of stdout (- is stdout)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(ctx: &Context, a: &RenderArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (template, _, doc) = prepare(ctx, &book, &a.template, &a.reference)?;
    match a.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            rolo::store::write::replace(path, doc.text.as_bytes())?;
            ctx.out.status(format_args!(
                "Wrote {} to {}.",
                template.path().display(),
                path.display()
            ));
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(doc.text.as_bytes()).and_then(|()| out.flush()).map_err(WriteFailed)?;
        }
    }
    Ok(())
}

/// Find the template and the record, and fill one with the other.
pub fn prepare(
    ctx: &Context,
    book: &Book,
    name: &str,
    reference: &str,
) -> Result<(Template, Subject, Document), CliError> {
    let template = render::find(book, name).map_err(error)?;
    let record = book.find(reference, &Kind::LINKABLE)?;
    let subject = Subject::gather(book, record).map_err(error)?;
    let engine = Engine::new(book);
    let doc =
        engine.render(&template, &subject, ctx.clock.now(), ctx.clock.today()).map_err(error)?;
    Ok((template, subject, doc))
}

/// The engine's errors as the CLI reports them: an unknown template is a usage error
/// (exit 2) listing the templates there are; a template that fails, exit 1 with a hint.
pub fn error(e: render::Error) -> CliError {
    match e {
        render::Error::Book(e) => CliError::Lib(e),
        render::Error::NotFound { name, available } => {
            let there = if available.is_empty() {
                "templates/ is empty".to_string()
            } else {
                format!("there are: {}", available.join(", "))
            };
            rolo::Error::Usage(format!("no template \"{name}\" in templates/ ({there})")).into()
        }
        e @ render::Error::Ambiguous { .. } => rolo::Error::Usage(e.to_string()).into(),
        e @ render::Error::Template { .. } => {
            let text = e.to_string();
            let hint = if text.contains("`me.") {
                "\nhint: set it under [me] in rolo.toml"
            } else if text.contains("is undefined") {
                "\nhint: test an optional key with {% if … %}, or give it a | default(\"…\")"
            } else {
                ""
            };
            CliError::Failed(format!("{text}{hint}"))
        }
        render::Error::Mail(message) => CliError::Failed(message),
    }
}
