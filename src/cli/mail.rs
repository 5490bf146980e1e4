//! `rolo mail REF --template NAME [--log]`: a mail draft (RFC 5322) on stdout for a mail
//! program to send; with `--log`, an outgoing email note about the record, one commit.
//! The message is `rolo::render::mail`'s; rolo sends nothing itself.

use std::io::Write;

use rolo::render::mail;

use super::output::WriteFailed;
use super::render::{error, prepare};
use super::{CliResult, Context};

/// Draft an email from a template and print it as a message for sendmail or msmtp
#[derive(clap::Args, Debug)]
#[command(after_long_help = "\
To: the record's first email (a deal: its contact's). Subject: the template's front matter
(+++ subject = \"…\" +++), else its first line. From: [me] name and email in rolo.toml, if set.
rolo sends nothing and speaks no SMTP; pipe the message to a mail program:
  rolo mail anna-petrova --template follow-up | msmtp -t
  rolo mail anna-petrova --template follow-up --log | sendmail -t
Templates are those of `rolo render` (see `rolo render --help`).")]
pub struct MailArgs {
    /// The contact, company or deal to write to
    reference: String,
    /// A template in templates/: its file name, or without the extension when that is unique
    #[arg(long, short = 't', value_name = "NAME")]
    template: String,
    /// Also log it as an outgoing email note about the record (one commit)
    #[arg(long)]
    log: bool,
}

pub fn run(ctx: &Context, a: &MailArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (_, subject, doc) = prepare(ctx, &book, &a.template, &a.reference)?;
    let draft = mail::draft(&book, &subject, doc, ctx.clock.now()).map_err(error)?;
    // Logged before it is printed: a message that goes out is never missing from the book.
    if a.log {
        let mut change = ctx.change(&book, "mail")?;
        let note = mail::log(&mut change, &subject, &draft)?;
        ctx.finish(change, &format!("note: add email with {}", subject.record.title()))?;
        ctx.out.status(format_args!("Logged {}.", note.qualified_id()));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(draft.message().as_bytes()).and_then(|()| out.flush()).map_err(WriteFailed)?;
    Ok(())
}
