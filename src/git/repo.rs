//! Where a book's repository is (found by looking at the disk, not by running git: every
//! change and every command pays for it), and the questions commits and sync ask it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{git, run, run_bytes, setup};
use crate::error::Result;

#[derive(Debug, Clone)]
pub struct Repo {
    /// The top of the work tree.
    pub top: PathBuf,
    /// This work tree's git directory (`.git`, or `.git/worktrees/NAME` for a linked one).
    pub git_dir: PathBuf,
    /// Where the configuration, objects and refs live (the main `.git` of linked trees).
    pub common_dir: PathBuf,
    /// The book's root relative to `top`: empty when the book is the whole repository.
    pub prefix: PathBuf,
}

/// A file's state in `git status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The two status letters (`" M"`, `"??"`, `"UU"` …).
    pub code: String,
    /// Relative to the top of the work tree.
    pub path: String,
}

/// A path in a diff between two commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffEntry {
    /// `A`dded, `M`odified, `D`eleted (renames are shown as a delete and an add).
    pub status: char,
    /// Relative to the top of the work tree.
    pub path: String,
}

impl Repo {
    /// The repository holding the book at `root`, if any.
    pub fn find(root: &Path) -> Option<Repo> {
        if std::env::var_os("GIT_DIR").is_some() {
            // The user pointed git elsewhere: ask git rather than guess.
            return Self::ask_git(root);
        }
        let root = root.canonicalize().ok()?;
        for dir in root.ancestors() {
            let dot = dir.join(".git");
            let Ok(meta) = fs::metadata(&dot) else { continue };
            let git_dir = if meta.is_dir() {
                dot
            } else {
                // A linked work tree or a submodule: `gitdir: PATH`.
                let text = fs::read_to_string(&dot).ok()?;
                dir.join(text.trim().strip_prefix("gitdir:")?.trim())
            };
            if !git_dir.join("HEAD").is_file() {
                return None;
            }
            let common_dir = match fs::read_to_string(git_dir.join("commondir")) {
                Ok(c) => git_dir.join(c.trim()),
                Err(_) => git_dir.clone(),
            };
            let prefix = root.strip_prefix(dir).ok()?.to_path_buf();
            return Some(Repo { top: dir.to_path_buf(), git_dir, common_dir, prefix });
        }
        None
    }

    fn ask_git(root: &Path) -> Option<Repo> {
        let mut cmd = git(root);
        cmd.args(["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir"]);
        let out = run(cmd, None).ok()?;
        let mut lines = out.lines();
        let top = PathBuf::from(lines.next()?);
        let git_dir = PathBuf::from(lines.next()?);
        let common = PathBuf::from(lines.next()?);
        let common_dir = if common.is_absolute() { common } else { top.join(common) };
        let top = top.canonicalize().unwrap_or(top);
        let root = root.canonicalize().ok()?;
        let prefix = root.strip_prefix(&top).ok()?.to_path_buf();
        Some(Repo { top, git_dir, common_dir, prefix })
    }

    /// `git` in the work tree, with rolo's merge driver passed on the command line too:
    /// a clone whose configuration lacks it would otherwise merge records as text,
    /// without a word.
    pub fn cmd(&self) -> Command {
        let mut cmd = git(&self.top);
        cmd.arg("-c").arg(format!("merge.{}.driver={}", setup::DRIVER, setup::driver_command()));
        cmd
    }

    /// Run git with `args`; its stdout, trimmed.
    pub fn run(&self, args: &[&str]) -> Result<String> {
        let mut cmd = self.cmd();
        cmd.args(args);
        run(cmd, None)
    }

    /// A book path (relative to the book's root) as git names it (relative to the top).
    pub fn path_of(&self, rel: &Path) -> String {
        self.prefix.join(rel).to_string_lossy().replace('\\', "/")
    }

    /// A path as git names it, back relative to the book's root; `None` outside the book.
    pub fn book_path(&self, git_path: &str) -> Option<PathBuf> {
        Path::new(git_path).strip_prefix(&self.prefix).ok().map(Path::to_path_buf)
    }

    /// The book's directory as a pathspec (`.` when the book is the repository).
    pub fn book_spec(&self) -> String {
        let p = self.prefix.to_string_lossy().replace('\\', "/");
        if p.is_empty() { ".".to_string() } else { p }
    }

    /// A rebase or a merge stopped half-way in this work tree (on conflicts, usually).
    pub fn integrating(&self) -> bool {
        ["rebase-merge", "rebase-apply", "MERGE_HEAD"].iter().any(|p| self.git_dir.join(p).exists())
    }

    pub fn rebasing(&self) -> bool {
        self.git_dir.join("rebase-merge").exists() || self.git_dir.join("rebase-apply").exists()
    }

    /// The commit `rev` names, if it exists.
    pub fn rev(&self, rev: &str) -> Option<String> {
        self.run(&["rev-parse", "-q", "--verify", &format!("{rev}^{{commit}}")]).ok()
    }

    /// The branch checked out (`main`), or `None` when HEAD is detached.
    pub fn branch(&self) -> Option<String> {
        self.run(&["symbolic-ref", "-q", "--short", "HEAD"]).ok().filter(|b| !b.is_empty())
    }

    /// A configuration value.
    pub fn config(&self, key: &str) -> Option<String> {
        self.run(&["config", "--get", key]).ok().filter(|v| !v.is_empty())
    }

    pub fn remotes(&self) -> Vec<String> {
        self.run(&["remote"]).map(|s| s.lines().map(String::from).collect()).unwrap_or_default()
    }

    /// Files that differ from HEAD in the work tree or the index (untracked ones too),
    /// under the pathspecs.
    pub fn changed(&self, pathspecs: &[&str]) -> Result<Vec<Changed>> {
        let mut args = vec!["status", "--porcelain=v1", "-z", "--untracked-files=all", "--"];
        args.extend(pathspecs);
        let mut cmd = self.cmd();
        cmd.args(&args);
        let out = run_bytes(cmd)?;
        let mut entries = Vec::new();
        let mut fields = out.split(|&b| b == 0).filter(|f| !f.is_empty());
        while let Some(field) = fields.next() {
            let text = String::from_utf8_lossy(field);
            if text.len() < 4 {
                continue;
            }
            let code = text[..2].to_string();
            if code.starts_with('R') || code.starts_with('C') {
                // A rename carries its old path as the next field.
                fields.next();
            }
            entries.push(Changed { code, path: text[3..].to_string() });
        }
        Ok(entries)
    }

    /// Paths with unmerged entries (a conflict git or the merge driver could not settle).
    pub fn unmerged(&self) -> Result<Vec<String>> {
        let mut cmd = self.cmd();
        cmd.args(["ls-files", "-u", "-z"]);
        let out = run_bytes(cmd)?;
        let mut paths: Vec<String> = out
            .split(|&b| b == 0)
            .filter_map(|entry| {
                let text = String::from_utf8_lossy(entry);
                text.split_once('\t').map(|(_, path)| path.to_string())
            })
            .collect();
        paths.dedup();
        Ok(paths)
    }

    /// What a path held at an index stage (`1` base, `2` ours, `3` theirs) or a commit.
    pub fn show(&self, spec: &str) -> Option<Vec<u8>> {
        let mut cmd = self.cmd();
        cmd.args(["cat-file", "blob", spec]);
        run_bytes(cmd).ok()
    }

    /// The paths that differ between two commits, under the book.
    pub fn diff(&self, from: &str, to: &str) -> Result<Vec<DiffEntry>> {
        let spec = self.book_spec();
        let mut cmd = self.cmd();
        cmd.args(["diff", "--name-status", "--no-renames", "-z", from, to, "--", &spec]);
        let out = run_bytes(cmd)?;
        let fields: Vec<String> = out
            .split(|&b| b == 0)
            .filter(|f| !f.is_empty())
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        Ok(fields
            .chunks(2)
            .filter_map(|pair| match pair {
                [status, path] => Some(DiffEntry {
                    status: status.chars().next().unwrap_or('M'),
                    path: path.clone(),
                }),
                _ => None,
            })
            .collect())
    }
}
