//! `TestBook`: a temporary book and the real `rolo` binary, run in a fixed environment
//! (clock, time zone, git identity, no colour, a known terminal width).

#![allow(dead_code)] // each helper is used by some test module, not necessarily all

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const NOW: &str = "2026-11-23T10:00:00+05:00";

pub struct TestBook {
    tmp: tempfile::TempDir,
    pub now: String,
}

/// stdout, stderr and the exit status of one run.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    /// Assert success and return stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success:\n{self}");
        &self.stdout
    }

    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok()).unwrap_or_else(|e| panic!("not JSON ({e}):\n{self}"))
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.stdout)?;
        if !self.stderr.is_empty() {
            write!(f, "------- stderr -------\n{}", self.stderr)?;
        }
        if self.code != 0 {
            writeln!(f, "[exit status: {}]", self.code)?;
        }
        Ok(())
    }
}

impl TestBook {
    /// An empty book made by `rolo init` (a git repository).
    pub fn new() -> TestBook {
        let book = TestBook::bare();
        book.rolo(["init"]).ok();
        book
    }

    /// An empty directory, no book yet.
    pub fn bare() -> TestBook {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("book")).unwrap();
        std::fs::create_dir_all(tmp.path().join("home")).unwrap();
        TestBook { tmp, now: NOW.to_string() }
    }

    /// The book's directory.
    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("book")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// The command with the fixed environment, run in the book's directory.
    pub fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let home = self.tmp.path().join("home");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
        cmd.args(args)
            .current_dir(self.root())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("ROLO_NOW", &self.now)
            .env("TZ", "<+05>-5")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("LC_ALL", "C.UTF-8")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .env("GIT_AUTHOR_DATE", "2026-11-23T10:00:00+05:00")
            .env("GIT_COMMITTER_DATE", "2026-11-23T10:00:00+05:00")
            .env("EDITOR", "false")
            .stdin(Stdio::null());
        cmd
    }

    pub fn rolo<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        run(self.command(args))
    }

    /// `rolo ARGS` reading every file instead of the index (`ROLO_NO_INDEX=1`): what
    /// a command from the index must print.
    pub fn rolo_from_files<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = self.command(args);
        cmd.env("ROLO_NO_INDEX", "1");
        run(cmd)
    }

    /// `git` in the book, returning stdout.
    pub fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(self.root())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Commit subjects, newest first.
    pub fn log(&self) -> Vec<String> {
        self.git(&["log", "--format=%s"]).lines().map(String::from).collect()
    }
}

pub fn run(mut cmd: Command) -> Run {
    let out = cmd.output().expect("run rolo");
    Run {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Wait until `done` (what a watcher or a process started apart does at its own pace),
/// looking every 20 ms for up to 20 s; then fail with `what` (asked at that moment).
pub fn eventually(mut done: impl FnMut() -> bool, what: impl Fn() -> String) {
    let asked = std::time::Instant::now();
    while !done() {
        assert!(asked.elapsed() < std::time::Duration::from_secs(20), "{}", what());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The repository's own directory (for data-example/ and completions/).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
