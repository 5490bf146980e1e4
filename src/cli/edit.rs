//! `rolo edit` ($EDITOR, never saving a file that no longer parses), `rolo set` and
//! `rolo unset` (scriptable, format-preserving edits), and composing text in $EDITOR.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use rolo::assign::{self, Assignment};
use rolo::change::{Change, Edited};
use rolo::model::Record;
use rolo::store::{read, write};
use rolo::{Book, Error, Kind};

use super::{CliError, CliResult, Context};

/// Open a record in $EDITOR; save it only if it still parses
#[derive(clap::Args, Debug)]
pub struct EditArgs {
    /// Record id, type/id or unique prefix
    reference: String,
}

/// Set keys of a record: KEY=VALUE, KEY+=ITEM (add to a list), KEY-=ITEM (remove)
#[derive(clap::Args, Debug)]
pub struct SetArgs {
    /// Record id, type/id or unique prefix
    reference: String,
    /// stage=customer, tags+=vip, fields.industry=retail, birthday=04-12
    #[arg(required = true, value_name = "KEY=VALUE")]
    assignments: Vec<String>,
}

/// Remove keys from a record
#[derive(clap::Args, Debug)]
pub struct UnsetArgs {
    /// Record id, type/id or unique prefix
    reference: String,
    /// Keys to remove (fields.industry for a custom field)
    #[arg(required = true, value_name = "KEY")]
    keys: Vec<String>,
}

/// Save a changed record and commit it as "<kind>: <verb> <title>", or say nothing changed.
fn finish(ctx: &Context, mut change: Change, record: &Record, verb: &str) -> CliResult {
    if !change.save(record)? {
        ctx.out.status("Nothing changed.");
        return Ok(());
    }
    ctx.finish(change, &format!("{}: {verb} {}", record.kind, record.title()))?;
    Ok(())
}

pub fn run_set(ctx: &Context, a: &SetArgs) -> CliResult {
    let book = ctx.open_book()?;
    let assignments: Vec<Assignment> =
        a.assignments.iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
    let mut change = ctx.change(&book, "set")?;
    let mut record = change.find(&a.reference, &Kind::ALL)?;
    assign::apply(&mut record, &assignments, &book.config.pipeline, ctx.clock.now())?;
    let keys: Vec<&str> = assignments.iter().map(|a| a.key.as_str()).collect();
    finish(ctx, change, &record, &format!("set {} on", keys.join(", ")))
}

pub fn run_unset(ctx: &Context, a: &UnsetArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut change = ctx.change(&book, "unset")?;
    let mut record = change.find(&a.reference, &Kind::ALL)?;
    for key in assign::unset(&mut record, &a.keys)? {
        ctx.out.warn(format_args!("{} has no key \"{key}\"", record.qualified_id()));
    }
    finish(ctx, change, &record, &format!("unset {} on", a.keys.join(", ")))
}

pub fn run_edit(ctx: &Context, a: &EditArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (entry, rel) = book.resolve(&a.reference, &Kind::ALL)?;
    let abs = book.root().join(&rel);
    let original = std::fs::read_to_string(&abs).map_err(|e| Error::io(&abs, e))?;
    let scratch = scratch_path(&book, &format!("{}-{}.md", entry.kind, entry.id))?;
    // An edit refused earlier (it did not parse) was kept with the file it started from:
    // resume it if the file is still that one; never overwrite it.
    let base = scratch.with_extension("md.base");
    let kept = std::fs::read_to_string(&scratch).ok().filter(|k| *k != original);
    match kept {
        Some(_) if std::fs::read_to_string(&base).is_ok_and(|b| b == original) => {
            ctx.out.status(format_args!(
                "Resuming your unsaved edit kept in {} (delete it to start from the file).",
                scratch.display()
            ));
        }
        Some(_) => {
            let old = scratch.with_extension("md.old");
            std::fs::rename(&scratch, &old).map_err(|e| Error::io(&scratch, e))?;
            ctx.out.warn(format_args!(
                "{} changed since an earlier unsaved edit; that edit is now in {}",
                rel.display(),
                old.display()
            ));
            write::replace(&scratch, original.as_bytes())?;
        }
        None => write::replace(&scratch, original.as_bytes())?,
    }
    write::replace(&base, original.as_bytes())?;
    loop {
        run_editor(&scratch)?;
        let text = std::fs::read_to_string(&scratch).map_err(|e| Error::io(&scratch, e))?;
        if text == original {
            let _ = std::fs::remove_file(&scratch);
            let _ = std::fs::remove_file(&base);
            ctx.out.status("Nothing changed.");
            return Ok(());
        }
        match read::parse(entry.kind, &entry.id, &rel, &text) {
            Ok(record) => {
                let mut change = if rolo::sync::in_progress(&book) {
                    ctx.change_resolving(&book, "edit")?
                } else {
                    ctx.change(&book, "edit")?
                };
                let edited = change.save_edited(&rel, original.as_bytes(), text.as_bytes())?;
                if edited == Edited::Conflict {
                    return Err(CliError::Failed(format!(
                        "{} changed while you were editing, in the same keys; your version is kept in {}",
                        rel.display(),
                        scratch.display()
                    )));
                }
                if edited == Edited::Merged {
                    ctx.out.status(format_args!(
                        "{} changed while you were editing; both changes are kept.",
                        rel.display()
                    ));
                }
                ctx.finish(change, &format!("{}: edit {}", entry.kind, record.title()))?;
                let _ = std::fs::remove_file(&scratch);
                let _ = std::fs::remove_file(&base);
                return Ok(());
            }
            Err(diagnostic) => {
                ctx.out.status(&diagnostic);
                if !ask("The file no longer parses. Edit it again? [Y/n] ") {
                    return Err(CliError::Failed(format!(
                        "{} was not changed; your edit is kept in {}",
                        rel.display(),
                        scratch.display()
                    )));
                }
            }
        }
    }
}

/// Write text in $EDITOR (a new note): returns what was written, without `#` comment
/// lines of the template.
pub fn compose(book: &Book, initial: &str) -> Result<String, CliError> {
    let scratch = scratch_path(book, "NOTE.md")?;
    let template = format!(
        "{initial}\n# Write the note above. Lines starting with '# ' here are dropped; an empty note is not saved.\n"
    );
    write::replace(&scratch, template.as_bytes())?;
    run_editor(&scratch)?;
    let text = std::fs::read_to_string(&scratch).map_err(|e| Error::io(&scratch, e))?;
    let _ = std::fs::remove_file(&scratch);
    let kept: Vec<&str> =
        text.lines().filter(|l| !l.starts_with("# Write the note above")).collect();
    Ok(kept.join("\n").trim().to_string())
}

/// A file under `.rolo/edit/` (the cache directory, ignored by git).
fn scratch_path(book: &Book, name: &str) -> Result<PathBuf, CliError> {
    let dir = book.root().join(".rolo").join("edit");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(dir.join(name))
}

/// Run $VISUAL or $EDITOR (through the shell, so `code --wait` works), else vi.
fn run_editor(path: &Path) -> Result<(), CliError> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| CliError::Failed(format!("cannot run the editor \"{editor}\": {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(CliError::Failed(format!(
            "the editor \"{editor}\" exited with {status}; nothing was saved (the text is in {})",
            path.display()
        )))
    }
}

/// Ask a yes/no question on stderr; yes by default on a terminal, no without one.
fn ask(question: &str) -> bool {
    let mut err = std::io::stderr();
    let _ = write!(err, "{question}");
    let _ = err.flush();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => {
            let _ = writeln!(err);
            false
        }
        Ok(_) => {
            let answer = line.trim().to_lowercase();
            answer.is_empty() && std::io::stdin().is_terminal() || answer == "y" || answer == "yes"
        }
    }
}
