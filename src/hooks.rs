//! Hooks: the programs `[[hooks]]` in rolo.toml name, run after a change is written and
//! committed, once for each thing it did to a record (see [`crate::change::Event`]).
//!
//! A hook is a program and its arguments, never a shell line, so nothing a record holds
//! can become a command. It runs in the book's root with the record's JSON on stdin and
//! `ROLO_EVENT`, `ROLO_TYPE`, `ROLO_ID` and `ROLO_DIR` in its environment; what it prints
//! goes to rolo's stderr, so that `--json` output stays clean. A hook that fails, cannot
//! start or outlives its `timeout` (it is killed, with what it started) is reported, and
//! the change stays as it is: it was committed before any hook ran.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::change::Event;
use crate::config::Hook;

/// Why a hook did not end well.
#[derive(Debug)]
pub struct Failed {
    pub hook: Hook,
    pub event: &'static str,
    /// `type/id` of the record.
    pub record: String,
    pub why: String,
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "hook {} (rolo.toml line {}) on {} of {}: {}",
            self.hook.run[0], self.hook.line, self.event, self.record, self.why
        )
    }
}

/// Whether `hook` runs for `event`.
pub fn matches(hook: &Hook, event: &Event) -> bool {
    hook.on == event.name
        && hook.to.as_ref().is_none_or(|to| {
            event
                .to
                .as_deref()
                .is_some_and(|now| now.trim().to_lowercase() == to.trim().to_lowercase())
        })
}

/// Run the `hooks` of every event in order, one at a time, in the book at `root`. Calls
/// `failed` for each that did not end well, as it happens.
pub fn run(root: &Path, hooks: &[Hook], events: &[Event], failed: &mut dyn FnMut(Failed)) {
    for event in events {
        for hook in hooks.iter().filter(|h| matches(h, event)) {
            if let Err(why) = run_one(root, hook, event) {
                failed(Failed {
                    hook: hook.clone(),
                    event: event.name,
                    record: event.record.qualified_id(),
                    why,
                });
            }
        }
    }
}

fn run_one(root: &Path, hook: &Hook, event: &Event) -> Result<(), String> {
    let json = serde_json::Value::Object(event.record.to_json());
    let mut input = serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())?;
    input.push(b'\n');
    // A relative path names a program in the book (`./hooks/welcome.sh`), wherever rolo
    // was started; a bare name is looked up on PATH.
    let program = Path::new(&hook.run[0]);
    let program = if program.is_relative() && program.components().count() > 1 {
        root.join(program)
    } else {
        program.to_path_buf()
    };
    let mut command = Command::new(program);
    command
        .args(&hook.run[1..])
        .current_dir(root)
        .env("ROLO_EVENT", event.name)
        .env("ROLO_TYPE", event.record.kind.name())
        .env("ROLO_ID", &event.record.id)
        .env("ROLO_DIR", root)
        .stdin(Stdio::piped())
        .stdout(to_stderr());
    #[cfg(unix)]
    {
        // Its own process group, so that a timeout ends what it started too.
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(|e| format!("cannot start it: {e}"))?;
    // Written from a thread: a hook that reads nothing must not block rolo on a full pipe.
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&input);
        }
    });
    let status = wait(&mut child, hook.timeout);
    let _ = writer.join();
    match status {
        Some(status) if status.success() => Ok(()),
        Some(status) => Err(match status.code() {
            Some(code) => format!("it exited with status {code}"),
            None => "it was killed by a signal".into(),
        }),
        None => Err(format!("it ran longer than {} and was stopped", seconds(hook.timeout))),
    }
}

/// Wait for the child until `timeout`; past it, kill it (and its process group) and say
/// `None`.
fn wait(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(pause.min(deadline.saturating_duration_since(Instant::now())));
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            _ => {
                kill(child);
                let _ = child.wait();
                return None;
            }
        }
    }
}

#[cfg(unix)]
fn kill(child: &mut Child) {
    use rustix::process::{Pid, Signal, kill_process_group};
    let group = i32::try_from(child.id()).ok().and_then(Pid::from_raw);
    if group.is_none_or(|g| kill_process_group(g, Signal::KILL).is_err()) {
        let _ = child.kill();
    }
}

#[cfg(not(unix))]
fn kill(child: &mut Child) {
    let _ = child.kill();
}

/// What a hook prints goes to rolo's stderr.
fn to_stderr() -> Stdio {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stderr().as_fd().try_clone_to_owned() {
            return Stdio::from(fd);
        }
    }
    Stdio::inherit()
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 { format!("{s:.0} s") } else { format!("{s} s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Record};

    fn event(name: &'static str, to: Option<&str>) -> Event {
        let text = "+++\ntitle = \"Поставка\"\nstage = \"won\"\n+++\n";
        let path = Path::new("deals/dostavka.md");
        let record = crate::store::read::parse(Kind::Deal, "dostavka", path, text).unwrap();
        let record: Record = record;
        Event { name, record, to: to.map(str::to_string) }
    }

    fn hook(on: &'static str, to: Option<&str>) -> Hook {
        Hook {
            on,
            to: to.map(str::to_string),
            run: vec!["true".into()],
            timeout: Duration::from_secs(1),
            line: 1,
        }
    }

    #[test]
    fn to_filters_the_new_stage() {
        assert!(matches(&hook("deal.stage", None), &event("deal.stage", Some("won"))));
        assert!(matches(&hook("deal.stage", Some("Won")), &event("deal.stage", Some("won"))));
        assert!(!matches(&hook("deal.stage", Some("lost")), &event("deal.stage", Some("won"))));
        assert!(!matches(&hook("deal.add", None), &event("deal.stage", Some("won"))));
    }

    #[test]
    fn seconds_read_as_written() {
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(500)), "0.5 s");
    }
}
