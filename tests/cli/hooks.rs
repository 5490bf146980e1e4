//! `[[hooks]]` in rolo.toml: a program run after each committed change, once per record
//! changed, with the record's JSON on stdin and ROLO_EVENT, ROLO_TYPE, ROLO_ID and
//! ROLO_DIR in its environment; the `to` filter; a failing hook and one that outlives its
//! timeout are warnings (the change stays, exit 0); `--no-hooks`; imports once per record.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::TestBook;

/// Appends, for each run: its argument, the environment, the working directory, the
/// newest commit's subject (so the change is committed before the hook runs), then stdin.
const LOGGER: &str = r#"#!/bin/sh
{
  printf '%s|%s|%s|%s|%s|%s|%s\n' "$1" "$ROLO_EVENT" "$ROLO_TYPE" "$ROLO_ID" "$ROLO_DIR" "$(pwd -P)" \
    "$(git log -1 --format=%s 2>/dev/null)"
  cat
  printf '=====\n'
} >> "$HOOK_LOG"
"#;

/// One hook run as the logger saw it.
#[derive(Debug)]
struct Ran {
    arg: String,
    event: String,
    kind: String,
    id: String,
    dir: String,
    cwd: String,
    last_commit: String,
    json: serde_json::Value,
}

struct Hooked {
    book: TestBook,
    log: PathBuf,
    script: PathBuf,
}

impl Hooked {
    /// A book with `hooks` (TOML, `{logger}` standing for the logger script) at the end of
    /// its rolo.toml.
    fn new(hooks: &str) -> Hooked {
        let book = TestBook::new();
        let outside = book.root().parent().unwrap().to_path_buf();
        let script = outside.join("logger.sh");
        std::fs::write(&script, LOGGER).unwrap();
        let log = outside.join("hooks.log");
        let config = book.read("rolo.toml");
        let hooks = hooks.replace("{logger}", &script.to_string_lossy());
        book.write("rolo.toml", &format!("{config}\n{hooks}"));
        book.git(&[
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "commit",
            "-qam",
            "hooks",
        ]);
        Hooked { book, log, script }
    }

    fn rolo(&self, args: &[&str]) -> crate::support::Run {
        let mut cmd = self.book.command(args);
        cmd.env("HOOK_LOG", &self.log);
        crate::support::run(cmd)
    }

    /// What ran since the last call (the log is emptied).
    fn ran(&self) -> Vec<Ran> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let _ = std::fs::remove_file(&self.log);
        text.split_terminator("=====\n")
            .map(|entry| {
                let (head, json) = entry.split_once('\n').unwrap();
                let f: Vec<&str> = head.split('|').collect();
                Ran {
                    arg: f[0].into(),
                    event: f[1].into(),
                    kind: f[2].into(),
                    id: f[3].into(),
                    dir: f[4].into(),
                    cwd: f[5].into(),
                    last_commit: f[6].into(),
                    json: serde_json::from_str(json)
                        .unwrap_or_else(|e| panic!("stdin is not JSON ({e}): {json}")),
                }
            })
            .collect()
    }

    /// `event type/id` of what ran since the last call.
    fn events(&self) -> Vec<String> {
        self.ran().iter().map(|r| format!("{} {}/{}", r.event, r.kind, r.id)).collect()
    }
}

/// A hook for every event, each passing the event's name as its argument.
fn every_event() -> String {
    [
        "contact.add",
        "company.add",
        "deal.add",
        "note.add",
        "task.add",
        "task.done",
        "deal.stage",
        "record.change",
        "record.remove",
    ]
    .iter()
    .map(|e| format!("[[hooks]]\non = \"{e}\"\nrun = [\"sh\", \"{{logger}}\", \"{e}\"]\n\n"))
    .collect()
}

#[test]
fn each_event_runs_its_hooks_with_the_record_on_stdin() {
    let h = Hooked::new(&every_event());
    let root = h.book.root().canonicalize().unwrap();
    let root = root.to_string_lossy();

    let id = h.rolo(&["contact", "add", "Анна Петрова", "--email", "anna@example.ru"]);
    assert_eq!(id.ok(), "anna-petrova\n", "{id}");
    assert!(id.stderr.is_empty(), "{id}");
    let ran = h.ran();
    assert_eq!(ran.len(), 1, "{ran:?}");
    let anna = &ran[0];
    assert_eq!(
        (anna.arg.as_str(), anna.event.as_str(), anna.kind.as_str(), anna.id.as_str()),
        ("contact.add", "contact.add", "contact", "anna-petrova")
    );
    assert_eq!(anna.dir, root, "ROLO_DIR is the book's root");
    assert_eq!(anna.cwd, root, "the hook runs in the book's root");
    assert_eq!(anna.last_commit, "contact: add Анна Петрова", "it runs after the commit");
    // stdin is the record as `show --json` gives it.
    let shown = h.rolo(&["show", "anna-petrova", "--json"]).json();
    for key in ["id", "type", "path", "name", "emails", "created", "body"] {
        assert_eq!(anna.json[key], shown[key], "{key}");
    }
    assert_eq!(anna.json["name"], "Анна Петрова");

    h.rolo(&["company", "add", "ТОО «Алтын Мебель»"]).ok();
    assert_eq!(h.events(), ["company.add company/too-altyn-mebel"]);
    h.rolo(&["deal", "add", "Поставка мебели", "--company", "too-altyn-mebel"]).ok();
    let ran = h.ran();
    assert_eq!(ran.len(), 1);
    assert_eq!((ran[0].event.as_str(), ran[0].id.as_str()), ("deal.add", "postavka-mebeli"));
    assert_eq!(ran[0].json["title"], "Поставка мебели");
    assert_eq!(ran[0].json["stage"], "lead");
    h.rolo(&["note", "add", "anna-petrova", "Позвонила, обсудили поставку"]).ok();
    assert_eq!(h.events(), ["note.add note/2026-11-23-anna-petrova"]);
    h.rolo(&["task", "add", "Отправить КП", "--about", "anna-petrova"]).ok();
    assert_eq!(h.events(), ["task.add task/otpravit-kp"]);

    h.rolo(&["task", "done", "otpravit-kp"]).ok();
    let ran = h.ran();
    let events: Vec<&str> = ran.iter().map(|r| r.event.as_str()).collect();
    assert_eq!(events, ["task.done", "record.change"]);
    assert!(ran[0].json["done"].is_string(), "stdin holds the task as done: {:?}", ran[0].json);
    assert_eq!(ran[0].last_commit, "task: done Отправить КП");

    h.rolo(&["deal", "move", "postavka-mebeli", "proposal"]).ok();
    let ran = h.ran();
    let events: Vec<&str> = ran.iter().map(|r| r.event.as_str()).collect();
    assert_eq!(events, ["deal.stage", "record.change"]);
    assert_eq!(ran[0].json["stage"], "proposal");
    assert_eq!(ran[0].kind, "deal");

    // `set` is a change; so is an edit by any command.
    h.rolo(&["set", "anna-petrova", "city=Алматы"]).ok();
    let ran = h.ran();
    assert_eq!(ran.len(), 1);
    assert_eq!((ran[0].event.as_str(), ran[0].id.as_str()), ("record.change", "anna-petrova"));
    assert_eq!(ran[0].json["city"], "Алматы");

    // A stage set by hand is a stage change too.
    h.rolo(&["set", "postavka-mebeli", "stage=negotiation"]).ok();
    assert_eq!(
        h.events(),
        ["deal.stage deal/postavka-mebeli", "record.change deal/postavka-mebeli"]
    );

    // A removed record: its last state on stdin.
    let rm = h.rolo(&["rm", "note/2026-11-23-anna-petrova"]);
    rm.ok();
    let ran = h.ran();
    assert_eq!(ran.len(), 1, "{rm}");
    assert_eq!(ran[0].event, "record.remove");
    assert_eq!(ran[0].json["body"].as_str().unwrap().trim(), "Позвонила, обсудили поставку");
    assert!(!h.book.exists("notes/2026/2026-11-23-anna-petrova.md"));
}

#[test]
fn rename_changes_the_record_and_its_linkers() {
    let h = Hooked::new(&every_event());
    h.rolo(&["company", "add", "Шанхай Трейдинг"]).ok();
    h.rolo(&["contact", "add", "王小明", "--company", "shankhay-treyding"]).ok();
    h.ran();
    h.rolo(&["rename", "company/shankhay-treyding", "shanghai-trading"]).ok();
    let mut events = h.events();
    events.sort();
    assert_eq!(
        events,
        [
            "record.change company/shanghai-trading",
            "record.change contact/wang-xiao-ming",
            "record.remove company/shankhay-treyding",
        ],
        "a rename adds nothing: the record changes its id, its linkers their links"
    );
}

#[test]
fn forget_tells_hooks_only_who_went() {
    let h = Hooked::new(&every_event());
    h.rolo(&[
        "contact",
        "add",
        "Айгүл Сейітқызы",
        "--email",
        "aygul@example.kz",
        "--city",
        "Алматы",
    ])
    .ok();
    h.rolo(&["note", "add", "aygul", "Звонила насчёт договора", "--kind", "call"]).ok();
    h.ran();
    h.rolo(&["forget", "aygul"]).ok();
    let ran = h.ran();
    let removed: Vec<&Ran> = ran.iter().filter(|r| r.event == "record.remove").collect();
    assert_eq!(removed.len(), 2, "{ran:?}");
    for r in removed {
        let text = r.json.to_string();
        for secret in ["Айгүл", "aygul@example.kz", "Алматы", "Звонила"] {
            assert!(!text.contains(secret), "a forgotten person's data reached a hook: {text}");
        }
        assert_eq!(r.json["id"], r.id.as_str());
    }
}

#[test]
fn to_filters_the_new_stage() {
    let h = Hooked::new(
        "[[hooks]]\non = \"deal.stage\"\nto = \"won\"\nrun = [\"sh\", \"{logger}\", \"won\"]\n",
    );
    h.rolo(&["deal", "add", "微信小程序开发"]).ok();
    h.rolo(&["deal", "move", "wei-xin-xiao-cheng-xu-kai-fa", "proposal"]).ok();
    assert!(h.ran().is_empty(), "proposal is not won");
    h.rolo(&["deal", "won", "wei-xin-xiao-cheng-xu-kai-fa"]).ok();
    let ran = h.ran();
    assert_eq!(ran.len(), 1);
    assert_eq!((ran[0].arg.as_str(), ran[0].event.as_str()), ("won", "deal.stage"));
    assert_eq!(ran[0].json["stage"], "won");
}

#[test]
fn a_failing_hook_is_a_warning_and_the_change_stays() {
    let h = Hooked::new(
        "[[hooks]]\non = \"contact.add\"\nrun = [\"sh\", \"-c\", \"echo сломалось >&2; exit 3\"]\n\n\
         [[hooks]]\non = \"contact.add\"\nrun = [\"rolo-no-such-program\"]\n\n\
         [[hooks]]\non = \"contact.add\"\nrun = [\"sh\", \"{logger}\", \"after\"]\n",
    );
    let run = h.rolo(&["contact", "add", "Айгүл Сейітқызы"]);
    assert_eq!(run.ok(), "aygul-seyitqyzy\n");
    assert!(run.stderr.contains("сломалось"), "what the hook says reaches stderr: {run}");
    assert!(
        run.stderr.contains("warning: hook sh (rolo.toml line")
            && run
                .stderr
                .contains("on contact.add of contact/aygul-seyitqyzy: it exited with status 3"),
        "{run}"
    );
    assert!(
        run.stderr.contains("hook rolo-no-such-program") && run.stderr.contains("cannot start it"),
        "{run}"
    );
    assert!(h.book.exists("contacts/aygul-seyitqyzy.md"));
    assert_eq!(h.book.log()[0], "contact: add Айгүл Сейітқызы");
    assert_eq!(
        h.events(),
        ["contact.add contact/aygul-seyitqyzy"],
        "the next hook runs all the same"
    );
}

#[test]
fn a_slow_hook_is_stopped_at_its_timeout() {
    let h = Hooked::new(
        "[[hooks]]\non = \"contact.add\"\ntimeout = 0.5\nrun = [\"sh\", \"-c\", \"sleep 30; echo late > \\\"$HOOK_LOG.late\\\"\"]\n\n\
         [[hooks]]\non = \"contact.add\"\nrun = [\"sh\", \"{logger}\", \"after\"]\n",
    );
    let started = Instant::now();
    let run = h.rolo(&["contact", "add", "Ерлан Нурланович"]);
    let took = started.elapsed();
    assert_eq!(run.ok(), "erlan-nurlanovich\n");
    assert!(took < Duration::from_secs(10), "stopped at its timeout, not after 30 s: {took:?}");
    assert!(run.stderr.contains("it ran longer than 0.5 s and was stopped"), "{run}");
    assert_eq!(h.events(), ["contact.add contact/erlan-nurlanovich"]);
    std::thread::sleep(Duration::from_millis(200));
    assert!(!h.log.with_extension("log.late").exists(), "what the hook started is stopped with it");
    assert_eq!(h.book.log()[0], "contact: add Ерлан Нурланович");
}

#[test]
fn no_hooks_skips_them_for_one_command() {
    let h = Hooked::new(&every_event());
    h.rolo(&["--no-hooks", "contact", "add", "Иван Иванов"]).ok();
    h.rolo(&["set", "ivan-ivanov", "city=Москва", "--no-hooks"]).ok();
    assert!(h.ran().is_empty());
    assert_eq!(h.book.log()[0], "contact: set city on Иван Иванов");
    h.rolo(&["set", "ivan-ivanov", "city=Казань"]).ok();
    assert_eq!(h.events(), ["record.change contact/ivan-ivanov"]);
}

#[test]
fn imports_run_hooks_once_per_record() {
    let h = Hooked::new(&every_event());
    let cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Анна Петрова\r\nEMAIL:anna@example.ru\r\nEND:VCARD\r\n\
                 BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王小明\r\nEMAIL:wang@example.cn\r\nEND:VCARD\r\n\
                 BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Айгүл Сейітқызы\r\nORG:ТОО «Алтын Мебель»\r\nEND:VCARD\r\n";
    let file = h.book.root().parent().unwrap().join("people.vcf");
    std::fs::write(&file, cards).unwrap();
    let file = file.to_string_lossy().into_owned();
    h.rolo(&["import", "vcard", &file]).ok();
    let mut events = h.events();
    events.sort();
    assert_eq!(
        events,
        [
            "company.add company/too-altyn-mebel",
            "contact.add contact/anna-petrova",
            "contact.add contact/aygul-seyitqyzy",
            "contact.add contact/wang-xiao-ming",
        ]
    );
    // The same cards again, one with a new phone: one change, one hook.
    let again = cards
        .replace("EMAIL:wang@example.cn\r\n", "EMAIL:wang@example.cn\r\nTEL:+86 10 1234 5678\r\n");
    std::fs::write(&file, again).unwrap();
    h.rolo(&["import", "vcard", &file]).ok();
    assert_eq!(h.events(), ["record.change contact/wang-xiao-ming"]);

    // --no-hooks after the import's own flags.
    std::fs::write(&file, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Größer\r\nEND:VCARD\r\n")
        .unwrap();
    h.rolo(&["import", "vcard", &file, "--no-hooks"]).ok();
    assert!(h.ran().is_empty());
    assert!(h.book.exists("contacts/jurgen-grosser.md"));
}

#[test]
fn bad_hooks_are_named_with_their_line() {
    let b = TestBook::new();
    let config = b.read("rolo.toml");
    let lines = config.lines().count();
    b.write(
        "rolo.toml",
        &format!("{config}\n[[hooks]]\non = \"deal.won\"\nrun = [\"notify-send\", \"Сделка\"]\n"),
    );
    let run = b.rolo(["contact", "add", "Анна"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains(&format!("rolo.toml:{}:", lines + 3))
            && run.stderr.contains("unknown event \"deal.won\"")
            && run.stderr.contains("deal.stage"),
        "{run}"
    );
    b.write(
        "rolo.toml",
        &format!("{config}\n[[hooks]]\non = \"deal.add\"\nrun = \"notify-send x\"\n"),
    );
    let run = b.rolo(["contact", "add", "Анна"]);
    assert!(
        run.stderr.contains(&format!("rolo.toml:{}:", lines + 4))
            && run.stderr.contains("expected a list"),
        "{run}"
    );
    b.write(
        "rolo.toml",
        &format!("{config}\n[[hooks]]\non = \"deal.add\"\nto = \"won\"\nrun = [\"x\"]\n"),
    );
    let run = b.rolo(["contact", "add", "Анна"]);
    assert!(run.stderr.contains("`to` filters deal.stage only"), "{run}");
    assert!(!b.exists("contacts/anna.md"));
}

/// The logger is a file outside the book: no hook leaves files in it.
#[test]
fn hooks_leave_the_book_clean() {
    let h = Hooked::new(&every_event());
    h.rolo(&["contact", "add", "Анна Петрова"]).ok();
    assert!(h.script.exists());
    assert_eq!(h.book.git(&["status", "--porcelain"]), "");
}

/// A hook named by a path relative to the book, run from elsewhere (`--dir`).
#[test]
fn a_relative_program_is_in_the_book() {
    let h = Hooked::new("[[hooks]]\non = \"company.add\"\nrun = [\"./hooks/log\", \"relative\"]\n");
    h.book.write("hooks/log", LOGGER);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let script = h.book.path("hooks/log");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let root = h.book.root();
    let mut cmd =
        h.book.command(["--dir", &root.to_string_lossy(), "company", "add", "Beijing Tech"]);
    cmd.current_dir(root.parent().unwrap()).env("HOOK_LOG", &h.log);
    crate::support::run(cmd).ok();
    let ran = h.ran();
    assert_eq!(ran.len(), 1);
    assert_eq!((ran[0].arg.as_str(), ran[0].id.as_str()), ("relative", "beijing-tech"));
}
