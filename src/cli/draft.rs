//! The shared second half of every `add` command: plan the new record in a change,
//! commit "<kind>: add <what>", and print the new id alone on stdout.

use rolo::Book;
use rolo::draft::Draft;

use super::{CliResult, Context};

/// Create `draft` under an id made from `name`, commit it as "<kind>: add <what>" and
/// print the id (every `add` prints the new id).
pub fn create(ctx: &Context, book: &Book, draft: Draft, name: &str, what: &str) -> CliResult {
    let kind = draft.record.kind;
    let mut change = ctx.change(book, &format!("{kind} add"))?;
    let record = draft.create(&mut change, name)?;
    ctx.finish(change, &format!("{kind}: add {what}"))?;
    ctx.out.line(&record.id)?;
    Ok(())
}
