//! `rolo forget REF [--dry-run]`: erase a person (`rolo::forget` decides and plans), one
//! commit that does not name them, then say how to take them out of git's history too.

use serde_json::json;

use rolo::Kind;
use rolo::forget::{self, Plan};

use super::{CliError, CliResult, Context};

/// Erase a person: their file, notes and tasks only about them, and every link to them
#[derive(clap::Args, Debug)]
#[command(after_long_help = "\
Removes the contact's file and the notes and tasks about nobody else; notes and tasks about
others too keep them without this person in `about`; deals keep the deal without `contact`;
`relations` entries naming them go. One commit, `contact: forget <id>` (no name in it), and
the search index is rebuilt. Git still holds the old commits: rolo prints the git filter-repo
command that removes the files from history, and what it cannot reach (older versions of
other files, commit messages, other clones and remotes).")]
pub struct ForgetArgs {
    /// The contact to forget (id, type/id, unique prefix, or the name as written)
    reference: String,
    /// Print what would be removed and edited, and write nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run(ctx: &Context, a: &ForgetArgs) -> CliResult {
    let book = ctx.open_book()?;
    let (person, _) = book.resolve(&a.reference, &[Kind::Contact])?;
    if a.dry_run {
        let loaded = ctx.load(&book, &Kind::ALL)?;
        let plan = forget::plan(&loaded, &person)?;
        print(ctx, &plan, &[], true)?;
        ctx.out.status("Dry run: nothing was written.");
        return Ok(());
    }
    // Read under the write lock: no other rolo adds a note about them meanwhile.
    let mut change = ctx.change(&book, "forget")?;
    change.erasing();
    let loaded = ctx.load(&book, &Kind::ALL)?;
    let plan = forget::plan(&loaded, &person)?;
    if !loaded.problems.is_empty() {
        ctx.out.warn(
            "files that could not be read (above) are left as they are: they may still name them",
        );
    }
    forget::stage(&mut change, &plan)?;
    let done = ctx.finish(change, &forget::message(&person))?;
    forget::purge_caches(&book, &plan)?;
    let paths = forget::history_paths(&book, &plan);
    print(ctx, &plan, &paths, false)?;
    let committed = if matches!(done.commit, Ok(true)) { ", in one commit" } else { "" };
    ctx.out.status(format_args!(
        "Forgot {}: {} removed, {} edited{committed}.",
        person.qualified(),
        files(plan.removed.len()),
        files(plan.edited.len())
    ));
    if !plan.mentions.is_empty() {
        ctx.out.warn(format_args!(
            "{} still hold their name, an email or a phone in their text (marked `mention`): edit them by hand",
            files(plan.mentions.len())
        ));
    }
    if rolo::git::toplevel(book.root()).is_some() {
        ctx.out.status(history_help(&plan, &paths));
    }
    Ok(())
}

fn files(n: usize) -> String {
    format!("{n} file{}", if n == 1 { "" } else { "s" })
}

/// What goes and what changes, one line each (or JSON).
fn print(ctx: &Context, plan: &Plan, history: &[String], dry_run: bool) -> Result<(), CliError> {
    let path = |p: &std::path::Path| p.to_string_lossy().replace('\\', "/");
    if ctx.out.json {
        let value = json!({
            "person": plan.person.qualified(),
            "dry_run": dry_run,
            "removed": plan.removed.iter().map(|(_, p)| path(p)).collect::<Vec<_>>(),
            "edited": plan.edited.iter().map(|e| json!({"path": path(&e.path), "keys": e.keys, "renamed": e.rename.is_some()})).collect::<Vec<_>>(),
            "mentions": plan.mentions.iter().map(|p| path(p)).collect::<Vec<_>>(),
            "history_paths": history,
        });
        ctx.out.print_json(&value)?;
        return Ok(());
    }
    for (_, p) in &plan.removed {
        ctx.out.line(format_args!("remove   {}", path(p)))?;
    }
    for e in &plan.edited {
        let renamed = if e.rename.is_some() { ", renamed" } else { "" };
        ctx.out.line(format_args!(
            "edit     {}  ({}{renamed})",
            path(&e.path),
            e.keys.join(", ")
        ))?;
    }
    for p in &plan.mentions {
        ctx.out.line(format_args!("mention  {}", path(p)))?;
    }
    Ok(())
}

/// How to take the person out of git's history too: what filter-repo can do, and what
/// it cannot reach by paths alone.
fn history_help(plan: &Plan, paths: &[String]) -> String {
    let quoted: Vec<String> = paths.iter().map(|p| format!("--path {}", shell_quote(p))).collect();
    let mut text = format!(
        "\nGit still has them in earlier commits. To rewrite the history without their files \
         (git filter-repo wants a fresh clone, or --force):\n  \
         git filter-repo --invert-paths {}\n\
         Their name may remain in older versions of other files (the ones edited now) and in \
         commit messages (`contact: add …`)",
        quoted.join(" ")
    );
    if plan.identifiers.is_empty() {
        text.push_str(": git filter-repo --replace-text and --replace-message rewrite them.\n");
    } else {
        let replacements: Vec<String> =
            plan.identifiers.iter().map(|w| shell_quote(&format!("{w}==>[removed]"))).collect();
        text.push_str(&format!(
            "; to replace it there too:\n  \
             printf '%s\\n' {} > ../forget.txt\n  \
             git filter-repo --replace-text ../forget.txt --replace-message ../forget.txt\n",
            replacements.join(" ")
        ));
    }
    text.push_str(
        "Remotes and other clones keep copies until they are rewritten as well: push with \
         --force to every remote, and clone again everywhere else.",
    );
    text
}

/// A word for `sh`: as it is when it is plain, else in single quotes.
fn shell_quote(s: &str) -> String {
    let plain =
        !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./@+=:,".contains(c));
    if plain { s.to_string() } else { format!("'{}'", s.replace('\'', "'\\''")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("contacts/anna-petrova.md"), "contacts/anna-petrova.md");
        assert_eq!(shell_quote("my book/contacts/x.md"), "'my book/contacts/x.md'");
        assert_eq!(shell_quote("O'Brien==>[removed]"), "'O'\\''Brien==>[removed]'");
    }
}
