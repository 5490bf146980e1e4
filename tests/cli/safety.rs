//! Nothing lost: concurrent rolo processes changing one record, `kill -9` at random
//! moments of a rename and of an import, large imports, and the leftovers of killed
//! writes. Real processes, real git, real signals.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::fixtures::{add, commit_all, files, front_of, status};
use crate::support::{Run, TestBook};

/// Start `rolo ARGS` without waiting for it.
fn spawn(book: &TestBook, args: &[&str]) -> Child {
    let mut cmd = book.command(args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.spawn().expect("spawn rolo")
}

fn finish(child: Child) -> Run {
    let out = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Wait for a child at most `limit`; a child still running then is killed and the test
/// fails (a hang must fail, not block the suite).
fn finish_within(mut child: Child, limit: Duration, what: &str) -> Run {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("{what} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    finish(child)
}

/// A small deterministic random sequence (the same delays on every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn twelve_concurrent_sets_of_different_keys_all_land() {
    let book = TestBook::new();
    let id = add(&book, &["contact", "add", "Анна Петрова"]);
    let children: Vec<Child> =
        (0..12).map(|i| spawn(&book, &["set", &id, &format!("key{i}=значение {i}")])).collect();
    for child in children {
        let run = finish(child);
        assert_eq!(run.code, 0, "{run}");
    }
    let front = front_of(&book, &format!("contacts/{id}.md"));
    for i in 0..12 {
        assert_eq!(
            front.get(&format!("key{i}")).and_then(|v| v.as_str()),
            Some(format!("значение {i}").as_str()),
            "key{i} lost: {front:?}"
        );
    }
    let log = book.log();
    assert_eq!(log.iter().filter(|m| m.starts_with("contact: set key")).count(), 12, "{log:?}");
    assert_eq!(status(&book), "", "every change committed");
}

#[test]
fn the_same_key_set_twice_at_once_keeps_both_in_history() {
    let book = TestBook::new();
    let id = add(&book, &["contact", "add", "王小明"]);
    let a = spawn(&book, &["set", &id, "title=CTO"]);
    let b = spawn(&book, &["set", &id, "title=Генеральный директор"]);
    assert_eq!(finish(a).code, 0);
    assert_eq!(finish(b).code, 0);
    let title =
        front_of(&book, &format!("contacts/{id}.md"))["title"].as_str().unwrap().to_string();
    assert!(title == "CTO" || title == "Генеральный директор", "{title}");
    let patches = book.git(&["log", "-p", "--format=%s"]);
    assert!(patches.contains("+title = \"CTO\""), "{patches}");
    assert!(patches.contains("title = \"Генеральный директор\""), "{patches}");
    assert_eq!(status(&book), "");
}

#[test]
fn task_done_and_set_at_once_both_land() {
    for round in 0..3 {
        let book = TestBook::new();
        let id = add(&book, &["task", "add", "Позвонить Анне", "--due", "2026-11-20"]);
        let done = spawn(&book, &["task", "done", &id]);
        let set = spawn(&book, &["set", &id, "owner=asel", "tags+=urgent"]);
        assert_eq!(finish(done).code, 0, "round {round}");
        assert_eq!(finish(set).code, 0, "round {round}");
        let front = front_of(&book, &format!("tasks/{id}.md"));
        assert!(front.contains_key("done"), "round {round}: done lost: {front:?}");
        assert_eq!(front["owner"].as_str(), Some("asel"), "round {round}: {front:?}");
        assert_eq!(status(&book), "");
    }
}

#[test]
fn a_list_inside_fields_stays_inside_fields() {
    let book = TestBook::new();
    let id = add(&book, &["contact", "add", "Jürgen Groß", "--field", "industry=Maschinenbau"]);
    book.rolo(["set", &id, "fields.langs+=de,ru"]).ok();
    book.rolo(["set", &id, "fields.langs-=ru"]).ok();
    let front = front_of(&book, &format!("contacts/{id}.md"));
    assert!(!front.contains_key("fields.langs"), "{front:?}");
    let fields = front["fields"].as_table().unwrap();
    assert_eq!(fields["langs"].as_array().unwrap().len(), 1, "{fields:?}");
    assert_eq!(fields["industry"].as_str(), Some("Maschinenbau"));
}

/// A contact with `notes` notes about it (and a deal and a task), written directly and
/// committed: the shape a rename must keep whole.
fn book_with_linked_contact(notes: usize) -> TestBook {
    let book = TestBook::new();
    book.write("contacts/anna.md", "+++\nname = \"Анна Петрова\"\ncompany = \"acme\"\n+++\n");
    book.write("companies/acme.md", "+++\nname = \"Acme\"\n+++\n");
    book.write(
        "deals/sayt.md",
        "+++\ntitle = \"Сайт\"\ncontact = \"anna\"\ncompany = \"acme\"\nstage = \"lead\"\n+++\n",
    );
    book.write("tasks/call.md", "+++\ntitle = \"Позвонить\"\nabout = [\"anna\"]\n+++\n");
    for n in 0..notes {
        book.write(
            &format!("notes/2026/2026-11-{:02}-anna-{n}.md", n % 28 + 1),
            &format!("+++\ndate = 2026-11-{:02}T10:00:00+05:00\nkind = \"call\"\nabout = [\"anna\", \"acme\"]\n+++\nЗвонок {n}\n", n % 28 + 1),
        );
    }
    commit_all(&book, "a linked contact");
    book
}

/// After a rename of anna ↔ anna-ivanova was killed and one rolo command ran: one of
/// the two ids exists, every link names it, nothing is left half written, all committed.
#[track_caller]
fn assert_whole_after_rename(book: &TestBook, notes: usize, after: &Run) -> &'static str {
    assert_eq!(after.code, 0, "{after}");
    for line in after.stderr.lines() {
        assert!(line.starts_with("warning: "), "only warnings about finishing: {after}");
    }
    let (a, b) = (book.exists("contacts/anna.md"), book.exists("contacts/anna-ivanova.md"));
    assert!(a != b, "exactly one id exists (anna: {a}, anna-ivanova: {b})");
    let id = if a { "anna" } else { "anna-ivanova" };
    let mut note_files = 0;
    for rel in files(&book.root()) {
        let name = Path::new(&rel).file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "a temporary file is left: {rel}");
        if rel.starts_with("notes/") {
            note_files += 1;
            let about = front_of(book, &rel)["about"].clone();
            assert_eq!(about, toml::Value::Array(vec![id.into(), "acme".into()]), "{rel}");
        }
    }
    assert_eq!(note_files, notes);
    assert_eq!(front_of(book, "deals/sayt.md")["contact"].as_str(), Some(id));
    assert_eq!(front_of(book, "tasks/call.md")["about"].as_array().unwrap()[0].as_str(), Some(id));
    assert!(
        !book.exists(".rolo/journal")
            || std::fs::read_dir(book.path(".rolo/journal")).unwrap().next().is_none()
    );
    assert!(!book.exists(".git/index.lock"), "git's index is not left locked");
    assert_eq!(status(book), "", "the work tree is committed");
    if a { "anna" } else { "anna-ivanova" }
}

#[test]
fn kill_9_at_random_moments_of_a_rename_leaves_a_whole_book() {
    const NOTES: usize = 250;
    let book = book_with_linked_contact(NOTES);
    // How long one rename takes here, to spread the kills over it.
    let started = Instant::now();
    book.rolo(["rename", "anna", "anna-ivanova"]).ok();
    let took = started.elapsed().as_millis() as u64;
    book.rolo(["rename", "anna-ivanova", "anna"]).ok();
    let mut current = "anna";
    let mut rng = Lcg(11);
    for round in 0..16 {
        let next = if current == "anna" { "anna-ivanova" } else { "anna" };
        let child = spawn(&book, &["rename", current, next]);
        std::thread::sleep(Duration::from_millis(rng.below(took + took / 4)));
        let mut child = child;
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let after = book.rolo(["contact", "list", "--json"]);
        current = assert_whole_after_rename(&book, NOTES, &after);
        let log = book.log();
        assert!(log.iter().all(|m| !m.is_empty()), "round {round}: {log:?}");
    }
}

/// `rolo index --rebuild` killed at random moments (while indexing, or while making the
/// rows and the look-up it now makes too): the next command answers as the files do,
/// the one after from its caches as well.
#[test]
fn kill_9_at_random_moments_of_a_rebuild_leaves_commands_right() {
    let book = TestBook::new();
    for n in 0..400 {
        book.write(
            &format!("contacts/kontakt-{n}.md"),
            &format!(
                "+++\nname = \"Контакт {n} 王\"\ntags = [\"t{}\"]\n+++\nЗаметка {n}.\n",
                n % 7
            ),
        );
        book.write(
            &format!("tasks/zadacha-{n}.md"),
            &format!(
                "+++\ntitle = \"Задача {n}\"\ndue = 2026-11-{:02}\nabout = [\"kontakt-{n}\"]\n+++\n",
                1 + n % 28
            ),
        );
    }
    let expected = book.rolo_from_files(["agenda", "--json"]);
    assert_eq!(expected.code, 0, "{expected}");
    let started = Instant::now();
    book.rolo(["index", "--rebuild"]).ok();
    let took = started.elapsed().as_millis() as u64;
    let mut rng = Lcg(29);
    for round in 0..10 {
        let mut child = spawn(&book, &["index", "--rebuild"]);
        std::thread::sleep(Duration::from_millis(rng.below(took + took / 4)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        for _ in 0..2 {
            let agenda = book.rolo(["agenda", "--json"]);
            assert_eq!(agenda.code, 0, "round {round}: {agenda}");
            assert_eq!(agenda.stdout, expected.stdout, "round {round}");
            let tagged = book.rolo(["contact", "list", "--tag", "t3", "--json"]);
            let files = book.rolo_from_files(["contact", "list", "--tag", "t3", "--json"]);
            assert_eq!(tagged.stdout, files.stdout);
        }
    }
}

/// The moments a random kill rarely hits, hit on purpose: after the plan is decided,
/// half-way through applying it, and before the commit. The next command finishes the
/// rename and commits it.
#[test]
fn a_rename_stopped_at_each_step_is_finished_by_the_next_command() {
    const NOTES: usize = 30;
    for point in ["after-decide", "mid-apply", "before-commit", "after-update-ref"] {
        let book = book_with_linked_contact(NOTES);
        let mut cmd = book.command(["rename", "anna", "anna-ivanova"]);
        cmd.env("ROLO_FAILPOINT", point);
        let crashed = crate::support::run(cmd);
        assert_ne!(crashed.code, 0, "{point}: the process was to crash: {crashed}");
        let after = book.rolo(["show", "anna-ivanova", "--json"]);
        assert!(after.stderr.contains("finished it"), "{point}: {after}");
        assert_eq!(assert_whole_after_rename(&book, NOTES, &after), "anna-ivanova", "{point}");
        assert_eq!(book.log()[0], "contact: rename anna to anna-ivanova", "{point}");
        let trailer =
            book.git(&["log", "-1", "--format=%(trailers:key=Rolo-Renamed-From,valueonly)"]);
        assert_eq!(trailer.trim(), "contact/anna", "{point}");
    }
}

/// `count` vCards of distinct people (multilingual names, distinct emails and phones).
fn vcards(count: usize) -> String {
    let first = ["Анна", "Айгүл", "Jürgen", "小明", "Maria", "Ерлан", "Li", "Sofía"];
    let last = ["Петрова", "Сейітқызы", "Groß", "王", "Schmidt", "Ахметов", "Na", "García"];
    let mut out = String::new();
    for n in 0..count {
        let name = format!("{} {} {n}", first[n % 8], last[(n / 8) % 8]);
        let _ = write!(
            out,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEMAIL:person{n}@example.org\r\nTEL:+7 701 {:03} {:04}\r\nEND:VCARD\r\n",
            n / 10_000,
            n % 10_000
        );
    }
    out
}

#[test]
fn a_large_import_finishes_and_commits() {
    // More than 64 KB of object ids from git: the pipe that used to fill and hang.
    const CARDS: usize = 2500;
    let book = TestBook::new();
    book.write("cards.vcf", &vcards(CARDS));
    let run = finish_within(
        spawn(&book, &["import", "vcard", "cards.vcf"]),
        Duration::from_secs(300),
        "an import of 2,500 cards",
    );
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains(&format!("created {CARDS}")), "{run}");
    assert_eq!(files(&book.path("contacts")).len(), CARDS);
    let tracked = book.git(&["ls-files", "contacts"]);
    assert_eq!(tracked.lines().count(), CARDS, "every card committed");
    assert_eq!(book.log()[0], format!("import: {CARDS} contacts from cards.vcf"));
}

#[test]
fn kill_9_at_random_moments_of_an_import_is_all_or_nothing() {
    const CARDS: usize = 200;
    let mut rng = Lcg(7);
    let probe = TestBook::new();
    probe.write("cards.vcf", &vcards(CARDS));
    let started = Instant::now();
    probe.rolo(["import", "vcard", "cards.vcf"]).ok();
    let took = started.elapsed().as_millis() as u64;
    let mut outcomes = BTreeSet::new();
    for round in 0..10 {
        let book = TestBook::new();
        book.write("cards.vcf", &vcards(CARDS));
        commit_all(&book, "the cards");
        let mut child = spawn(&book, &["import", "vcard", "cards.vcf"]);
        std::thread::sleep(Duration::from_millis(rng.below(took + took / 4)));
        let _ = child.kill();
        let import = finish(child);
        let after = book.rolo(["contact", "list", "--json"]);
        assert_eq!(after.code, 0, "round {round}: {after}");
        let listed = after.json().as_array().unwrap().len();
        assert!(listed == 0 || listed == CARDS, "round {round}: a torn import: {listed} contacts");
        outcomes.insert(listed);
        let log = book.git(&["log", "--format=%s"]);
        let (import, list) = (&import.stderr, &after.stderr);
        let committed =
            format!("import said:\n{import}\nthen contact list said:\n{list}\nlog:\n{log}");
        assert_eq!(status(&book), "", "round {round}: {listed} listed, committed?\n{committed}");
        for rel in files(&book.root()) {
            assert!(!rel.ends_with(".tmp"), "round {round}: {rel}");
        }
        // Importing again completes the book without a single duplicate.
        let again = book.rolo(["import", "vcard", "cards.vcf"]);
        assert_eq!(again.code, 0, "round {round}: {again}");
        assert_eq!(files(&book.path("contacts")).len(), CARDS, "round {round}: duplicates");
    }
    assert!(!outcomes.is_empty());
}

#[test]
fn leftovers_of_killed_writes_are_cleaned_and_ignored() {
    let book = TestBook::new();
    let id = add(&book, &["contact", "add", "Ерлан Ахметов"]);
    // A temporary file of a writer that no longer runs (no process has this pid).
    book.write("contacts/.erlan-ahmetov.md.999999999.0.tmp", "+++\nname = \"half");
    // rolo's own claim on git's index lock, left by a killed rolo, and the lock itself.
    std::fs::copy(book.path(".git/index"), book.path(".git/index.lock")).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    book.write(".git/rolo-index.lock.owner", "999999999");
    assert!(book.read(".gitignore").lines().any(|l| l == ".*.tmp"));
    book.rolo(["set", &id, "city=Алматы"]).ok();
    // The walk of the next reading command clears temporary files of dead writers.
    book.rolo(["contact", "list"]).ok();
    assert!(!book.exists("contacts/.erlan-ahmetov.md.999999999.0.tmp"));
    assert!(!book.exists(".git/index.lock"), "the lock of a dead rolo is removed");
    assert!(!book.exists(".git/rolo-index.lock.owner"));
    assert_eq!(status(&book), "");
    assert_eq!(book.log()[0], "contact: set city on Ерлан Ахметов");
}

#[test]
fn a_file_that_cannot_be_read_is_reported_and_retried() {
    let book = TestBook::new();
    add(&book, &["contact", "add", "Анна Петрова"]);
    // Reading /proc/self/mem at offset 0 fails (EIO) although it looks like a file.
    std::os::unix::fs::symlink("/proc/self/mem", book.path("contacts/ghost.md")).unwrap();
    for _ in 0..2 {
        let run = book.rolo(["search", "Анна"]);
        assert_eq!(run.code, 0, "{run}");
        assert!(run.stderr.contains("contacts/ghost.md"), "reported on every run: {run}");
    }
}

/// `rolo edit` while another rolo changes the same record: different keys are both kept;
/// the same key keeps the file as the other process left it and the edit aside.
#[test]
fn an_edit_merges_with_a_change_made_while_the_editor_was_open() {
    let book = TestBook::new();
    let id = add(&book, &["contact", "add", "Айгүл Сейітқызы", "--title", "Менеджер"]);
    let rolo = env!("CARGO_BIN_EXE_rolo");
    let editor = crate::fixtures::script(
        &book,
        "ed.sh",
        &format!(
            "\"{rolo}\" set {id} city=Алматы\nsed -i 's/^title = .*/title = \"Директор\"/' \"$1\""
        ),
    );
    let mut cmd = book.command(["edit", &id]);
    cmd.env("EDITOR", &editor);
    let run = crate::support::run(cmd);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("both changes are kept"), "{run}");
    let front = front_of(&book, &format!("contacts/{id}.md"));
    assert_eq!(front["title"].as_str(), Some("Директор"));
    assert_eq!(front["city"].as_str(), Some("Алматы"));
    assert_eq!(status(&book), "");

    // Now both change the title: the other process's value stays, the edit is kept aside.
    let editor = crate::fixtures::script(
        &book,
        "ed2.sh",
        &format!("\"{rolo}\" set {id} title=CEO\nsed -i 's/^title = .*/title = \"CTO\"/' \"$1\""),
    );
    let mut cmd = book.command(["edit", &id]);
    cmd.env("EDITOR", &editor);
    let run = crate::support::run(cmd);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("your version is kept in"), "{run}");
    assert_eq!(front_of(&book, &format!("contacts/{id}.md"))["title"].as_str(), Some("CEO"));
    let kept = std::fs::read_to_string(book.path(&format!(".rolo/edit/contact-{id}.md"))).unwrap();
    assert!(kept.contains("title = \"CTO\""), "{kept}");
}
