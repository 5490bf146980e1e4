//! `rolo merge-file BASE CURRENT OTHER [PATH]`: the merge driver git runs for record
//! files, so that two clones that changed different keys of a record merge cleanly.
//!
//! git runs it as `rolo merge-file %O %A %B %P` (git 2.44+ can add `--base-label %S
//! --ours-label %X --theirs-label %Y`) from the top of the work tree, in any repository: no
//! book is needed. The merge itself is [`rolo::store::merge`]; this reads the three files,
//! writes the result over CURRENT, and answers git with the exit code: 0 merged, 1
//! conflicts left in the file. Whatever fails, CURRENT is left as it was and the exit
//! code is non-zero, so git keeps the path conflicted with all three versions in its
//! index: nothing is lost.

use std::path::{Path, PathBuf};

use rolo::error::IoContext;
use rolo::store::merge::{self, Labels};

use super::{CliError, CliResult, Context};

/// Merge three versions of a record file (the driver git runs for `merge=rolo` paths)
#[derive(clap::Args, Debug)]
pub struct MergeFileArgs {
    /// The common ancestor's version (git's %O; empty when both sides added the file)
    base: PathBuf,
    /// Our version (git's %A); the result is written here
    current: PathBuf,
    /// Their version (git's %B)
    other: PathBuf,
    /// The file's path in the repository (git's %P), for messages
    path: Option<String>,
    /// The ancestor's name in conflict markers (git's %S)
    #[arg(long, value_name = "LABEL")]
    base_label: Option<String>,
    /// Our side's name in conflict markers (git's %X)
    #[arg(long, value_name = "LABEL")]
    ours_label: Option<String>,
    /// Their side's name in conflict markers (git's %Y)
    #[arg(long, value_name = "LABEL")]
    theirs_label: Option<String>,
}

pub fn run(ctx: &Context, a: &MergeFileArgs) -> CliResult {
    let base = read(&a.base)?;
    let ours = read(&a.current)?;
    let theirs = read(&a.other)?;
    let labels = Labels {
        base: label(&a.base_label, "base"),
        ours: label(&a.ours_label, "ours"),
        theirs: label(&a.theirs_label, "theirs"),
    };
    let merged = merge::merge(&base, &ours, &theirs, &labels);
    if merged.text != ours {
        rolo::store::write::replace(&a.current, merged.text.as_bytes())?;
    }
    if merged.is_clean() {
        return Ok(());
    }
    let name = a.path.clone().unwrap_or_else(|| a.current.display().to_string());
    let what: Vec<&str> = merged
        .conflicts
        .iter()
        .map(|c| match c.key.as_str() {
            "body" => "the same lines of the body",
            // Not a record on some side: merged by lines, like git would.
            "file" => "the same lines",
            key => key,
        })
        .collect();
    ctx.out.status(format_args!(
        "{name}: both sides changed {}; both versions are kept between conflict markers",
        what.join(", ")
    ));
    Err(CliError::Quiet(1))
}

fn read(path: &Path) -> Result<String, CliError> {
    let bytes = std::fs::read(path).at(path)?;
    String::from_utf8(bytes).map_err(|_| {
        CliError::Failed(format!(
            "{}: not UTF-8 text; leaving the merge of this file to git",
            path.display()
        ))
    })
}

/// A label from git, or `default` when there is none: an older git passes `%X` through
/// unexpanded.
fn label<'a>(given: &'a Option<String>, default: &'a str) -> &'a str {
    match given.as_deref().map(str::trim) {
        Some(l) if !(l.is_empty() || l.starts_with('%') && l.len() == 2) => l,
        _ => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fall_back_when_git_leaves_placeholders() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(label(&some("%X"), "ours"), "ours");
        assert_eq!(label(&some(""), "ours"), "ours");
        assert_eq!(label(&None, "theirs"), "theirs");
        assert_eq!(label(&some("HEAD"), "ours"), "HEAD");
        assert_eq!(label(&some("%d процентов"), "ours"), "%d процентов");
    }
}
