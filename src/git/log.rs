//! Reading the past: the commits that touched a path (`git log -- PATH`, which the
//! commit-graph's Bloom filters make fast), files as a commit holds them (one
//! `git cat-file --batch` for many), a commit's file list and a search of its files.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdout, Stdio};

use chrono::{DateTime, FixedOffset};

use super::{Repo, run_bytes};
use crate::error::{Error, Result};

/// One commit as `git log` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    /// The first parent; `None` for a root commit.
    pub parent: Option<String>,
    pub author: String,
    /// The author date: rebases (and `rolo sync`) rewrite the committer's.
    pub date: DateTime<FixedOffset>,
    /// The whole message, trailers included.
    pub message: String,
}

impl Commit {
    /// The first line of the message.
    pub fn subject(&self) -> &str {
        self.message.lines().next().unwrap_or_default().trim()
    }

    /// The value of a trailer line (`Key: value`) in the message.
    pub fn trailer(&self, key: &str) -> Option<&str> {
        self.message.lines().rev().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            (k.trim() == key).then(|| v.trim())
        })
    }
}

const FORMAT: &str = "--format=%H%x1f%P%x1f%an%x1f%aI%x1f%B%x1e";

fn parse_log(out: &[u8]) -> Vec<Commit> {
    String::from_utf8_lossy(out)
        .split('\x1e')
        .filter_map(|entry| {
            let mut f = entry.trim_start_matches('\n').splitn(5, '\x1f');
            let id = f.next()?.to_string();
            let parent = f.next()?.split_whitespace().next().map(String::from);
            let author = f.next()?.to_string();
            let date = DateTime::parse_from_rfc3339(f.next()?).ok()?;
            let message = f.next()?.trim_end().to_string();
            Some(Commit { id, parent, author, date, message })
        })
        .collect()
}

/// A commit that changed one path, and the path's blob ids before and after it (`None`
/// where it did not exist).
#[derive(Debug, Clone)]
pub struct PathCommit {
    pub commit: Commit,
    /// `A`dded, `M`odified, `D`eleted.
    pub status: char,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The value of the trailer asked for, if the message has it.
    pub trailer: Option<String>,
}

/// `git log --raw` read commit by commit; dropping it stops git.
pub struct LogStream {
    child: Child,
    reader: BufReader<ChildStdout>,
    pending: Option<(Commit, Option<String>)>,
}

impl Iterator for LogStream {
    type Item = PathCommit;

    fn next(&mut self) -> Option<PathCommit> {
        loop {
            let mut line = Vec::new();
            if self.reader.read_until(b'\n', &mut line).ok()? == 0 {
                return None;
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\n', '\r']);
            if let Some(header) = line.strip_prefix('\x1e') {
                let mut f = header.split('\x1f');
                let mut field = || f.next().unwrap_or_default().to_string();
                let (id, parents, author, date, subject, trailer) =
                    (field(), field(), field(), field(), field(), field());
                let Ok(date) = DateTime::parse_from_rfc3339(&date) else { continue };
                let parent = parents.split_whitespace().next().map(String::from);
                let commit = Commit { id, parent, author, date, message: subject };
                let trailer = Some(trailer.trim().to_string()).filter(|t| !t.is_empty());
                self.pending = Some((commit, trailer));
            } else if let Some(raw) = line.strip_prefix(':') {
                // `100644 100644 OLD NEW M\tpath`
                let Some((meta, _path)) = raw.split_once('\t') else { continue };
                let meta: Vec<&str> = meta.split(' ').collect();
                let (Some((commit, trailer)), [_, _, old, new, status]) =
                    (self.pending.take(), meta.as_slice())
                else {
                    continue;
                };
                let blob = |id: &str| Some(id.to_string()).filter(|i| i.bytes().any(|b| b != b'0'));
                return Some(PathCommit {
                    commit,
                    status: status.chars().next().unwrap_or('M'),
                    before: blob(old),
                    after: blob(new),
                    trailer,
                });
            }
        }
    }
}

impl Drop for LogStream {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Repo {
    /// The commits reachable from `start` that changed `path` (as git names it), newest
    /// first, each with the path's blobs before and after, read as git finds them: a
    /// caller that has what it needs stops git there. `trailer` names the trailer whose
    /// value each commit carries along. No `--follow`: it reads every commit's tree and
    /// so bypasses the commit-graph's filters; callers follow renames they know of.
    pub fn log_path(&self, start: &str, path: &str, trailer: &str) -> Result<LogStream> {
        let mut cmd = self.cmd();
        let format = format!(
            "--format=%x1e%H%x1f%P%x1f%an%x1f%aI%x1f%s%x1f%(trailers:key={trailer},valueonly,separator=%x2C)"
        );
        // Flushed commit by commit (git does so on a pipe; GIT_FLUSH makes sure).
        cmd.env("GIT_FLUSH", "1")
            .args(["log", &format, "--raw", "--no-abbrev", "--no-renames"])
            .args(["--diff-merges=first-parent", start, "--", path]);
        cmd.stdout(Stdio::piped()).stderr(Stdio::null());
        let mut child = cmd.spawn().map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
        let stdout = child.stdout.take().ok_or_else(|| Error::Git("no output".into()))?;
        Ok(LogStream { child, reader: BufReader::new(stdout), pending: None })
    }

    /// The newest commit on `HEAD`'s first-parent line whose author date is before
    /// `before` (a moment): what the book was at that moment.
    pub fn commit_before(&self, before: DateTime<FixedOffset>) -> Result<Option<String>> {
        let mut cmd = self.cmd();
        cmd.args(["log", "--first-parent", "--format=%H %at", "HEAD"]).stdout(Stdio::piped());
        cmd.stderr(Stdio::null());
        let mut child = cmd.spawn().map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
        let Some(stdout) = child.stdout.take() else { return Ok(None) };
        let limit = before.timestamp();
        let mut found = None;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let Some((id, at)) = line.split_once(' ') else { continue };
            if at.parse::<i64>().is_ok_and(|at| at < limit) {
                found = Some(id.to_string());
                break;
            }
        }
        // Stop git rather than read the rest of the history.
        let _ = child.kill();
        let _ = child.wait();
        Ok(found)
    }

    /// One commit's details.
    pub fn commit_info(&self, rev: &str) -> Result<Commit> {
        let mut cmd = self.cmd();
        cmd.args(["log", "-1", FORMAT, rev, "--"]);
        parse_log(&run_bytes(cmd)?)
            .into_iter()
            .next()
            .ok_or_else(|| Error::Git(format!("no commit {rev}")))
    }

    /// Whether an object (`REV:PATH`) exists.
    pub fn exists(&self, spec: &str) -> bool {
        self.run(&["cat-file", "-e", spec]).is_ok()
    }

    /// Whether `ancestor` is `commit` or one of its ancestors.
    pub fn is_ancestor(&self, ancestor: &str, commit: &str) -> bool {
        self.run(&["merge-base", "--is-ancestor", ancestor, commit]).is_ok()
    }

    /// The contents of blobs named `REV:PATH` or by id, in order; `None` for one that
    /// does not exist (or is not a file), all through one `git cat-file --batch`.
    pub fn blobs(&self, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>> {
        if specs.is_empty() {
            return Ok(Vec::new());
        }
        let mut cmd = self.cmd();
        cmd.args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
        let mut stdin = child.stdin.take();
        let stdout = child.stdout.take();
        let input: String = specs.iter().map(|s| format!("{s}\n")).collect();
        let read = std::thread::scope(|scope| {
            if let Some(mut stdin) = stdin.take() {
                // git answers as it reads: feed it on its own thread while this one reads.
                scope.spawn(move || stdin.write_all(input.as_bytes()));
            }
            let mut out = Vec::with_capacity(specs.len());
            let Some(stdout) = stdout else { return out };
            let mut reader = BufReader::new(stdout);
            for _ in specs {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 {
                    break;
                }
                let fields: Vec<&str> = header.split_whitespace().collect();
                match fields.as_slice() {
                    [_, kind, size] => {
                        let size: usize = size.parse().unwrap_or(0);
                        let mut bytes = vec![0; size + 1]; // the content and a newline
                        if reader.read_exact(&mut bytes).is_err() {
                            break;
                        }
                        bytes.pop();
                        out.push((*kind == "blob").then_some(bytes));
                    }
                    _ => out.push(None), // `missing`, `ambiguous`
                }
            }
            out
        });
        let _ = child.wait();
        if read.len() != specs.len() {
            return Err(Error::Git("cat-file stopped early".into()));
        }
        Ok(read)
    }

    /// The files under `dirs` (paths as git names them) in commit `rev`: (blob id, path).
    pub fn files_at(&self, rev: &str, dirs: &[String]) -> Result<Vec<(String, String)>> {
        let mut cmd = self.cmd();
        cmd.args(["ls-tree", "-r", "-z", "--full-tree", rev, "--"]).args(dirs);
        let out = run_bytes(cmd)?;
        Ok(out
            .split(|&b| b == 0)
            .filter_map(|entry| {
                let text = String::from_utf8_lossy(entry);
                let (meta, path) = text.split_once('\t')?;
                let mut meta = meta.split(' ');
                let (_, kind, id) = (meta.next()?, meta.next()?, meta.next()?);
                (kind == "blob").then(|| (id.to_string(), path.to_string()))
            })
            .collect())
    }

    /// The files under `dirs` in commit `rev` that contain any of `words`, as fixed
    /// strings (`git grep -l -F`).
    pub fn files_containing(
        &self,
        rev: &str,
        words: &[&str],
        dirs: &[String],
    ) -> Result<Vec<String>> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let mut cmd = self.cmd();
        cmd.args(["grep", "-l", "-z", "-F", "--no-color"]);
        for w in words {
            cmd.arg("-e").arg(w);
        }
        cmd.arg(rev).arg("--").args(dirs);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let out = cmd.output().map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
        match out.status.code() {
            Some(0) => {}
            Some(1) if out.stderr.is_empty() => return Ok(Vec::new()), // nothing matched
            _ => {
                let err = String::from_utf8_lossy(&out.stderr);
                return Err(Error::Git(err.trim().trim_start_matches("fatal: ").to_string()));
            }
        }
        let prefix = format!("{rev}:");
        Ok(out
            .stdout
            .split(|&b| b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| {
                let p = String::from_utf8_lossy(p);
                p.strip_prefix(&prefix).unwrap_or(&p).to_string()
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_entries_and_trailers() {
        let out = "a1\x1fp1 p2\x1fАнна\x1f2026-11-20T10:00:00+05:00\x1fcontact: rename anna to anna-ivanova\n\nRolo-Renamed-From: contact/anna\n\x1e\nb2\x1f\x1f张伟\x1f2026-11-19T09:00:00Z\x1fcontact: add\n\x1e\n";
        let log = parse_log(out.as_bytes());
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].parent.as_deref(), Some("p1"));
        assert_eq!(log[0].author, "Анна");
        assert_eq!(log[0].subject(), "contact: rename anna to anna-ivanova");
        assert_eq!(log[0].trailer("Rolo-Renamed-From"), Some("contact/anna"));
        assert_eq!(log[1].parent, None);
        assert_eq!(log[1].trailer("Rolo-Renamed-From"), None);
        assert_eq!(log[1].date.to_rfc3339(), "2026-11-19T09:00:00+00:00");
    }
}
