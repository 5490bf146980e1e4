//! What every clone of a book needs so that records merge key by key: the merge driver in
//! the repository's configuration (git never carries configuration in a clone), the
//! attributes that send record files to it, and rolo's temporary files ignored.
//!
//! [`ensure`] runs for every command that opens a book. When everything is in place it
//! costs one small file read; it writes only the first time (or when the rolo binary
//! moved).

use std::fs;
use std::path::Path;

use super::{Repo, git, run};
use crate::error::{Error, IoContext, Result};
use crate::store::write;

/// The merge driver's name in `.git/config` and in `merge=` attributes.
pub const DRIVER: &str = "rolo";

/// The record folders, as attribute patterns relative to the book's root.
const RECORD_PATTERNS: [&str; 5] =
    ["contacts/*.md", "companies/*.md", "deals/*.md", "notes/**/*.md", "tasks/*.md"];

/// The book's `.gitattributes`, committed so that every clone sends records to the driver.
pub fn gitattributes() -> String {
    let mut text = String::from(
        "# rolo merges record files key by key (`rolo merge-file`, installed into\n\
         # .git/config by any rolo command); without rolo, git merges them as text.\n",
    );
    for p in RECORD_PATTERNS {
        text.push_str(&format!("{p} merge={DRIVER}\n"));
    }
    text
}

/// Whether a `.gitattributes` text already sends records to the driver.
pub fn has_attributes(text: &str) -> bool {
    text.lines().any(|l| l.contains(&format!("merge={DRIVER}")))
}

/// The driver as git runs it through the shell: this rolo binary, and git's own text
/// merge when rolo cannot run (moved, uninstalled) or fails (exit status above 1), so a
/// missing rolo never loses the other side's change.
pub fn driver_command() -> String {
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "rolo".to_string());
    format!(
        "{} merge-file --base-label %S --ours-label %X --theirs-label %Y %O %A %B %P \
         || {{ s=$?; [ $s -gt 1 ] && git merge-file -L ours -L base -L theirs %A %O %B; }}",
        shell_quote(&exe)
    )
}

/// `'it''s'` quoting for sh.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A short digest of the driver command, kept beside it in the configuration: finding it
/// there means the driver is installed as this rolo would install it, with no git run.
fn recipe() -> String {
    let digest = super::blob_id(driver_command().as_bytes());
    digest[..16].to_string()
}

/// Install the merge driver, the local attributes and the ignore line when missing.
pub fn ensure(root: &Path) -> Result<()> {
    let Some(repo) = Repo::find(root) else { return Ok(()) };
    let config = fs::read_to_string(repo.common_dir.join("config")).unwrap_or_default();
    if config.contains(&format!("recipe = {}", recipe())) {
        return Ok(());
    }
    install(&repo)
}

fn install(repo: &Repo) -> Result<()> {
    let set = |key: &str, value: &str| {
        let mut cmd = git(&repo.top);
        cmd.args(["config", &format!("merge.{DRIVER}.{key}"), value]);
        run(cmd, None).map(drop)
    };
    set("name", "rolo: record files merged key by key")?;
    set("driver", &driver_command())?;
    // Last: its presence says the two above are in place.
    set("recipe", &recipe())?;
    // Attributes of this clone, for books whose `.gitattributes` does not have them yet
    // (older books; `rolo sync` commits one).
    let info = repo.common_dir.join("info");
    let prefix = repo.prefix.to_string_lossy().replace('\\', "/");
    let lines: Vec<String> = RECORD_PATTERNS
        .iter()
        .map(|p| {
            let p = if prefix.is_empty() { p.to_string() } else { format!("{prefix}/{p}") };
            format!("{p} merge={DRIVER}")
        })
        .collect();
    append_missing(&info.join("attributes"), &lines)?;
    append_missing(&info.join("exclude"), &[".*.tmp".to_string()])
}

/// Add the lines a file lacks at its end (creating it and its directory).
fn append_missing(path: &Path, lines: &[String]) -> Result<()> {
    let text = fs::read_to_string(path).unwrap_or_default();
    let missing: Vec<&String> =
        lines.iter().filter(|l| !text.lines().any(|have| have.trim() == l.as_str())).collect();
    if missing.is_empty() {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).at(dir)?;
    }
    let mut out = text;
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("# rolo\n");
    for l in missing {
        out.push_str(l);
        out.push('\n');
    }
    write::replace(path, out.as_bytes()).map_err(|e| Error::Git(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_attributes() {
        assert_eq!(shell_quote("/opt/it's/rolo"), "'/opt/it'\\''s/rolo'");
        let attrs = gitattributes();
        assert!(has_attributes(&attrs));
        assert!(attrs.contains("notes/**/*.md merge=rolo\n"));
        assert!(!has_attributes("*.png binary\n"));
        assert!(driver_command().contains("merge-file --base-label %S"));
    }
}
