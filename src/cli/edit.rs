//! `rolo edit` ($EDITOR, never saving a file that no longer parses), `rolo set` and
//! `rolo unset` (scriptable, format-preserving edits), and composing text in $EDITOR.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use rolo::model::Record;
use rolo::store::{edit, read, write};
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

/// Keys that are not in the front matter: `set` cannot write them.
const RESERVED: [&str; 4] = ["id", "type", "path", "body"];

/// Save a changed record and commit it as "<kind>: <verb> <title>", or say nothing changed.
fn save(ctx: &Context, book: &Book, record: &Record, before: &str, verb: &str) -> CliResult {
    if record.to_text() == before {
        ctx.out.status("Nothing changed.");
        return Ok(());
    }
    book.save(record)?;
    ctx.commit(
        book,
        std::slice::from_ref(&record.path),
        &format!("{}: {verb} {}", record.kind, record.title()),
    );
    Ok(())
}

pub fn run_set(ctx: &Context, a: &SetArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut record = book.find(&a.reference, &Kind::ALL)?;
    let before = record.to_text();
    let mut keys = Vec::new();
    for assignment in &a.assignments {
        let (key, op, raw) = split_assignment(assignment)?;
        if RESERVED.contains(&key) {
            return Err(
                Error::value(key, "is not a front-matter key (rename changes the id)").into()
            );
        }
        let path = edit::key_path(key)?;
        let field = if path.len() == 1 { path[0] } else { "" };
        match op {
            '=' => {
                let value = edit::typed_value(record.kind, field, raw, ctx.clock.now())?;
                let stage_change = field == "stage" && record.kind == Kind::Deal;
                if stage_change {
                    super::deal::check_stage(&book, raw)?;
                }
                let changed = record.str("stage") != Some(raw);
                edit::set(&mut record.doc, &path, value)?;
                if stage_change && changed {
                    edit::append_history(&mut record.doc, raw, ctx.clock.now())?;
                }
            }
            op => {
                let items: Vec<String> = raw
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                if op == '+' {
                    edit::push_strs(&mut record.doc, key, &items)?;
                } else {
                    edit::remove_strs(&mut record.doc, key, &items)?;
                }
            }
        }
        keys.push(key);
    }
    save(ctx, &book, &record, &before, &format!("set {} on", keys.join(", ")))
}

/// `key=value`, `key+=item`, `key-=item`.
fn split_assignment(s: &str) -> Result<(&str, char, &str), CliError> {
    let Some((key, value)) = s.split_once('=') else {
        return Err(Error::Usage(format!("expected KEY=VALUE, got \"{s}\"")).into());
    };
    let (key, op) = match key.strip_suffix('+') {
        Some(k) => (k, '+'),
        None => match key.strip_suffix('-') {
            Some(k) => (k, '-'),
            None => (key, '='),
        },
    };
    Ok((key.trim(), op, value))
}

pub fn run_unset(ctx: &Context, a: &UnsetArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut record = book.find(&a.reference, &Kind::ALL)?;
    let before = record.to_text();
    for key in &a.keys {
        let path = edit::key_path(key)?;
        if !edit::unset(&mut record.doc, &path)? {
            ctx.out.warn(format_args!("{} has no key \"{key}\"", record.qualified_id()));
        }
    }
    save(ctx, &book, &record, &before, &format!("unset {} on", a.keys.join(", ")))
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
                let now = std::fs::read_to_string(&abs).unwrap_or_default();
                if now != original {
                    return Err(CliError::Failed(format!(
                        "{} changed while you were editing; your version is kept in {}",
                        rel.display(),
                        scratch.display()
                    )));
                }
                write::replace(&abs, text.as_bytes())?;
                let _ = std::fs::remove_file(&scratch);
                let _ = std::fs::remove_file(&base);
                ctx.commit(
                    &book,
                    std::slice::from_ref(&rel),
                    &format!("{}: edit {}", entry.kind, record.title()),
                );
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
