//! git, through the `git` program: the user's ssh agent, credential helpers and
//! configuration just work, and rolo carries no network code of its own.
//!
//! - [`commit`]: one commit per change, through plumbing.
//! - [`setup`]: the merge driver and attributes every clone of a book needs.
//! - [`Repo`]: where the repository is, found without running git; the queries sync needs,
//!   and the past as history reads it ([`log`]).
//! - [`graph`]: the commit-graph with changed-path Bloom filters, kept current.

mod commit;
pub mod graph;
mod index_file;
mod log;
mod object;
pub mod repo;
pub mod setup;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

pub use commit::commit;
pub use log::{Commit, PathCommit};
pub use repo::Repo;

/// The id git gives `bytes` as a blob (`git hash-object`), computed in-process: what a
/// file's content is, comparable with what git stores.
pub fn blob_id(bytes: &[u8]) -> String {
    let mut sha = sha1_smol::Sha1::new();
    sha.update(format!("blob {}\0", bytes.len()).as_bytes());
    sha.update(bytes);
    sha.digest().to_string()
}

fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir).env("LC_ALL", "C").stdin(Stdio::null());
    cmd
}

fn run(mut cmd: Command, input: Option<&str>) -> Result<String> {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    let stdin = child.stdin.take();
    // Feed stdin on its own thread while this one reads stdout: git answers line by line
    // (`hash-object --stdin-paths`), and once a pipe's buffer (64 KB) is full each side
    // would wait on the other forever.
    let out = std::thread::scope(|scope| {
        if let (Some(text), Some(mut stdin)) = (input, stdin) {
            // A write error means git stopped reading: its exit status and stderr say why.
            scope.spawn(move || stdin.write_all(text.as_bytes()));
        }
        child.wait_with_output()
    });
    let out = out.map_err(|e| Error::Git(e.to_string()))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let err = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("failed").trim();
        Err(Error::Git(err.trim_start_matches("fatal: ").to_string()))
    }
}

/// Run a git command made by the caller (with its own environment); its stdout, trimmed.
pub fn run_cmd(cmd: Command) -> Result<String> {
    run(cmd, None)
}

/// Run git; its stdout as bytes (paths and blobs need not be UTF-8).
fn run_bytes(mut cmd: Command) -> Result<Vec<u8>> {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let out = cmd.output().map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let err = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("failed").trim();
        Err(Error::Git(err.trim_start_matches("fatal: ").to_string()))
    }
}

/// The top of the work tree holding `dir`, if it is inside one.
pub fn toplevel(dir: &Path) -> Option<PathBuf> {
    let mut cmd = git(dir);
    cmd.args(["rev-parse", "--show-toplevel"]);
    run(cmd, None).ok().map(PathBuf::from)
}

pub fn init(dir: &Path) -> Result<()> {
    let mut cmd = git(dir);
    cmd.args(["init", "--quiet"]);
    run(cmd, None).map(drop)
}
