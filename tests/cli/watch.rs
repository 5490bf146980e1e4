//! `rolo watch` with a real watcher process: hand edits, renames, deletions and a `git
//! checkout` seen by the very next command (no sleep in between), a killed watcher,
//! two watchers, and an overflowed event queue.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::fixtures::{add, commit_all};
use crate::support::{TestBook, eventually};

/// A book with a few records and a watcher running for it (killed when dropped).
struct Watched {
    book: TestBook,
    watcher: Child,
}

impl Watched {
    fn new() -> Watched {
        let book = TestBook::new();
        add(&book, &["contact", "add", "Анна Петрова"]);
        add(&book, &["contact", "add", "王小明"]);
        let watcher = start(&book);
        Watched { book, watcher }
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        let _ = self.watcher.kill();
        let _ = self.watcher.wait();
    }
}

/// Start `rolo watch` and wait until it answers.
fn start(book: &TestBook) -> Child {
    let mut cmd = book.command(["watch"]);
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn rolo watch");
    let started = Instant::now();
    loop {
        let status = book.rolo(["watch", "--status"]);
        if status.code == 0 {
            return child;
        }
        if started.elapsed() > Duration::from_secs(30) || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "the watcher never answered: {status}\nits stderr:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `rolo search QUERY --json`: the ids found.
fn found(book: &TestBook, query: &str) -> Vec<String> {
    let run = book.rolo(["search", query, "--json"]);
    if run.code == 1 {
        return Vec::new();
    }
    crate::fixtures::ids(&run.json())
}

/// The next command was answered by the watcher, not by a walk.
#[track_caller]
fn asked_the_watcher(book: &TestBook) {
    let run = book.rolo(["index"]);
    assert!(run.stderr.contains("the watcher says so"), "{run}");
}

#[test]
fn hand_edits_renames_and_removals_are_seen_at_once() {
    let w = Watched::new();
    let book = &w.book;
    asked_the_watcher(book);
    // Written by hand an instant before the command.
    book.write("contacts/aygul.md", "+++\nname = \"Айгүл Сейітқызы\"\n+++\nСатылым менеджері\n");
    assert_eq!(found(book, "Айгүл"), ["aygul"]);
    let text = book.read("contacts/anna-petrova.md").replace("Анна Петрова", "Анна Зверева");
    book.write("contacts/anna-petrova.md", &text);
    assert_eq!(found(book, "Зверева"), ["anna-petrova"]);
    assert!(found(book, "Петрова").is_empty());
    std::fs::rename(book.path("contacts/aygul.md"), book.path("contacts/aygul-s.md")).unwrap();
    assert_eq!(found(book, "Айгүл"), ["aygul-s"]);
    std::fs::remove_file(book.path("contacts/aygul-s.md")).unwrap();
    assert!(found(book, "Айгүл").is_empty());
    // A year folder of notes made by hand.
    book.write(
        "notes/2031/2031-01-02-wang.md",
        "+++\ndate = 2031-01-02\nabout = [\"wang-xiao-ming\"]\n+++\n麒麟 проект\n",
    );
    assert_eq!(found(book, "麒麟"), ["2031-01-02-wang"]);
    // Again and again: the folder's watch comes only after its event is handed over, and
    // the file written in between must not be missed.
    for year in 2032..2040 {
        let id = format!("{year}-03-04-aygul");
        book.write(
            &format!("notes/{year}/{id}.md"),
            &format!("+++\ndate = {year}-03-04\n+++\nжыл{year}\n"),
        );
        assert_eq!(found(book, &format!("жыл{year}")), [id.as_str()]);
    }
    asked_the_watcher(book);
    let status = book.rolo(["watch", "--status"]);
    assert!(status.stdout.contains("A watcher runs"), "{status}");
}

#[test]
fn a_checkout_of_another_branch_is_seen() {
    let w = Watched::new();
    let book = &w.book;
    book.git(&["checkout", "-q", "-b", "other"]);
    book.write("contacts/jurgen.md", "+++\nname = \"Jürgen Groß\"\n+++\n");
    std::fs::remove_file(book.path("contacts/wang-xiao-ming.md")).unwrap();
    commit_all(book, "on the other branch");
    assert_eq!(found(book, "Jurgen"), ["jurgen"]);
    let main = book.git(&["rev-parse", "--abbrev-ref", "@{-1}"]);
    book.git(&["checkout", "-q", main.trim()]);
    assert!(found(book, "Jurgen").is_empty(), "the other branch's contact is gone");
    assert_eq!(found(book, "小明"), ["wang-xiao-ming"], "and this branch's is back");
    asked_the_watcher(book);
}

#[test]
fn the_manifest_is_caught_up_once_the_book_is_quiet_and_a_walk_copes_when_it_is_not() {
    let mut w = Watched::new();
    let book = &w.book;
    // The watcher indexes a batch at once and writes the list of indexed files (what a
    // command without a watcher compares its walk with) once the book is quiet.
    book.write("contacts/erlan.md", "+++\nname = \"Ерлан Ахметов\"\n+++\n");
    assert_eq!(found(book, "Ерлан"), ["erlan"]);
    let manifest = book.path(".rolo/index/rolo-manifest");
    let caught_up = || std::fs::read_to_string(&manifest).unwrap().contains("contacts/erlan.md");
    eventually(caught_up, || "the manifest stays behind".into());
    // Killed right after a batch, before catching up: a walking command finds the
    // manifest behind, indexes those files again and answers right.
    let text = book.read("contacts/erlan.md").replace("Ерлан Ахметов", "Ерлан Сейтов");
    book.write("contacts/erlan.md", &text);
    assert_eq!(found(book, "Сейтов"), ["erlan"]);
    w.watcher.kill().unwrap();
    w.watcher.wait().unwrap();
    let book = &w.book;
    assert!(found(book, "Ахметов").is_empty());
    assert_eq!(found(book, "Сейтов"), ["erlan"]);
    let index = book.rolo(["index"]);
    assert!(index.stderr.contains("up to date"), "{index}");
}

#[test]
fn a_killed_watcher_means_commands_walk_and_stay_right() {
    let mut w = Watched::new();
    w.watcher.kill().unwrap();
    w.watcher.wait().unwrap();
    let book = &w.book;
    book.write("contacts/erlan.md", "+++\nname = \"Ерлан Ахметов\"\n+++\n");
    assert_eq!(found(book, "Ерлан"), ["erlan"]);
    let index = book.rolo(["index"]);
    assert!(!index.stderr.contains("watcher"), "{index}");
    assert_eq!(book.rolo(["watch", "--status"]).code, 1);
    // Started again, it picks the book up as it is.
    let again = start(book);
    w.watcher = again;
    book.write("contacts/sofia.md", "+++\nname = \"Sofía García\"\n+++\n");
    assert_eq!(found(book, "Sofia"), ["sofia"]);
    asked_the_watcher(book);
}

#[test]
fn a_second_watcher_says_one_runs() {
    let w = Watched::new();
    let second = w.book.rolo(["watch"]);
    assert_eq!(second.code, 0, "{second}");
    assert!(second.stderr.contains("A watcher already runs"), "{second}");
    asked_the_watcher(&w.book);
}

#[test]
fn an_overflowed_event_queue_leads_to_a_walk() {
    let w = Watched::new();
    let book = &w.book;
    // Stop the watcher, flood its event queue (more events than the kernel keeps, 16384
    // by default), then let it go on: it must walk the book.
    let pid = w.watcher.id().to_string();
    let signal = |sig: &str| {
        let ok = std::process::Command::new("kill").args([sig, &pid]).status().unwrap();
        assert!(ok.success());
    };
    signal("-STOP");
    let limit: usize = std::fs::read_to_string("/proc/sys/fs/inotify/max_queued_events")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(16384);
    for n in 0..limit / 2 + 100 {
        // Not records (not .md): each makes two events in contacts/.
        std::fs::write(book.path(&format!("contacts/flood-{n}.txt")), "x").unwrap();
    }
    book.write("contacts/zhanna.md", "+++\nname = \"Жанна Қасымова\"\n+++\n");
    signal("-CONT");
    assert_eq!(found(book, "Жанна"), ["zhanna"]);
    asked_the_watcher(book);
    let _ = w;
}

#[test]
fn the_watchers_writes_reach_the_disk_after_it_answers_and_a_crash_means_a_rebuild() {
    let mut w = Watched::new();
    let book = &w.book;
    let marker = book.path(".rolo/index/rolo-unsynced");
    book.write("contacts/erlan.md", "+++\nname = \"Ерлан Ахметов\"\n+++\n");
    assert_eq!(found(book, "Ерлан"), ["erlan"]);
    asked_the_watcher(book);
    // Once the question is answered, the watcher waits for the disk and says so by
    // removing its marker.
    eventually(|| !marker.exists(), || "the marker stays".into());
    // A machine that crashed before the watcher's writes reached the disk: the marker
    // names an earlier boot. The next command rebuilds the index and answers right.
    w.watcher.kill().unwrap();
    w.watcher.wait().unwrap();
    book.write(".rolo/index/rolo-unsynced", "a-boot-before-the-crash\n");
    let index = book.rolo(["index"]);
    assert!(index.stderr.contains("Rebuilt"), "{index}");
    assert!(!marker.exists());
    assert_eq!(found(book, "Ерлан"), ["erlan"]);
    assert_eq!(found(book, "小明"), ["wang-xiao-ming"]);
}

/// How many segments the index has (tantivy's `meta.json` lists them).
fn segments(book: &TestBook) -> usize {
    book.read(".rolo/index/meta.json").matches("\"segment_id\"").count()
}

#[test]
fn the_watchers_batches_merge_once_the_book_is_quiet_not_while_a_command_waits() {
    let w = Watched::new();
    let book = &w.book;
    let before = segments(book);
    // Each edit is a batch and a segment of its own: none of them merges while the
    // next command waits for its answer.
    for n in 0..10 {
        let id = format!("guest-{n}");
        book.write(&format!("contacts/{id}.md"), &format!("+++\nname = \"Гость{n}\"\n+++\n"));
        assert_eq!(found(book, &format!("Гость{n}")), [id.as_str()]);
    }
    let busy = segments(book);
    assert!(busy >= before + 8, "{before} segments, then {busy} after 10 edits");
    // Quiet for a moment: the small segments merge into one.
    eventually(|| segments(book) <= before + 1, || format!("{} segments stay", segments(book)));
    // And the merged index answers as before (a record edited since is there once).
    let text = book.read("contacts/guest-3.md").replace("Гость3", "Гость3 Ахметов");
    book.write("contacts/guest-3.md", &text);
    assert_eq!(found(book, "Ахметов"), ["guest-3"]);
    assert_eq!(found(book, "Гость7"), ["guest-7"]);
    assert_eq!(found(book, "Петрова"), ["anna-petrova"]);
    asked_the_watcher(book);
}

/// Once the book is quiet, the watcher makes the look-up's caches (titles, last contacts,
/// the agenda's facts) for the index as its batches left it, and keeps the agendas of
/// now (rolo.toml's look-ahead and today's, with rolo.toml as it is then): the first
/// agenda and today after a change read them, and show what the files show, without
/// judging again.
#[test]
#[cfg(unix)]
fn the_watcher_makes_the_lookup_and_keeps_the_agendas_once_the_book_is_quiet() {
    use std::os::unix::fs::MetadataExt;
    let w = Watched::new();
    let book = &w.book;
    let caches = [
        ".rolo/index/rolo-lookup",
        ".rolo/index/rolo-facts",
        ".rolo/index/rolo-derived-agenda-7",
        ".rolo/index/rolo-derived-agenda-0",
    ];
    let made = |what: &str| {
        eventually(|| caches.iter().all(|c| book.exists(c)), || format!("no look-up made {what}"));
    };
    made("after the watcher's start");
    for cache in caches {
        std::fs::remove_file(book.path(cache)).unwrap();
    }
    // rolo.toml changed while the watcher runs: it keeps the agendas with rolo.toml as
    // it is now, as a command reads it.
    let config = book.read("rolo.toml");
    assert!(config.contains("stale_deal_days = 14"), "{config}");
    book.write("rolo.toml", &config.replace("stale_deal_days = 14", "stale_deal_days = 10"));
    // A call with Anna and an overdue task about her, saved by hand.
    book.write(
        "notes/2026/2026-11-20-anna.md",
        "+++\ndate = 2026-11-20\nabout = [\"anna-petrova\"]\nkind = \"call\"\n+++\nЗвонок: обсудили счёт.\n",
    );
    book.write(
        "tasks/schet.md",
        "+++\ntitle = \"Выставить счёт\"\ndue = 2026-11-01\nabout = [\"anna-petrova\"]\n+++\n",
    );
    assert_eq!(found(book, "Выставить"), ["schet"]);
    made("once the book was quiet after a change");
    // The rows of every segment too (a batch's segment is new).
    let meta = book.read(".rolo/index/meta.json");
    let ids: Vec<&str> =
        meta.split("\"segment_id\": \"").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert!(!ids.is_empty(), "{meta}");
    let rows_dirs: Vec<_> = std::fs::read_dir(book.path(".rolo/index"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("rows-"))
        .map(|e| e.path())
        .collect();
    for id in ids {
        let name = format!("{}.task", id.replace('-', ""));
        assert!(rows_dirs.iter().any(|d| d.join(&name).is_file()), "rows {name} not made");
    }
    let inodes = || caches.map(|c| std::fs::metadata(book.path(c)).unwrap().ino());
    let before = inodes();
    for args in [["agenda", "--json"], ["today", "--json"]] {
        let agenda = book.rolo(args);
        assert_eq!(agenda.code, 0, "{agenda}");
        assert!(agenda.stdout.contains("Выставить счёт"), "{agenda}");
        assert_eq!(agenda.stdout, book.rolo_from_files(args).stdout);
    }
    assert_eq!(inodes(), before, "the agendas read the watcher's caches, not ones of their own");
    asked_the_watcher(book);
}
