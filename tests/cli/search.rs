//! `rolo search` and `rolo index`: every query form, the languages of docs/format.md "The search language",
//! freshness after changes made outside rolo, a deleted or damaged index, and
//! concurrent writers.

use std::process::Stdio;

use crate::support::{Run, TestBook, eventually, run};

/// A book with a few records in several languages, written by hand as users do.
fn book() -> TestBook {
    let b = TestBook::new();
    b.write(
        "contacts/anna-petrova.md",
        "+++\nname = \"Анна Петрова\"\nemails = [\"anna@example.ru\"]\nphones = [\"+7 701 555 0101\"]\ncompany = \"altyn-mebel\"\ntags = [\"vip\", \"b2b\"]\nstage = \"customer\"\nowner = \"me\"\nsource = \"referral\"\ncity = \"Алматы\"\n[fields]\nindustry = \"furniture\"\n+++\nЛюбит короткие звонки по утрам.\n",
    );
    b.write(
        "contacts/wang-xiao-ming.md",
        "+++\nname = \"王小明\"\nemails = [\"xiaoming@greatwall.cn\"]\nphones = [\"+86 138 0013 8000\"]\ntags = [\"partner\"]\ncity = \"北京\"\n+++\n王小明负责网站重新设计。\n",
    );
    b.write(
        "contacts/aygul-seyitqyzy.md",
        "+++\nname = \"Айгүл Сейітқызы\"\ntitle = \"сатылым менеджері\"\ntags = [\"lead\"]\n+++\nҚАЗАҚША сөйлейді.\n",
    );
    b.write(
        "contacts/jurgen-grosser.md",
        "+++\nname = \"Jürgen Größer\"\nemails = [\"j.groesser@mueller.de\"]\ncity = \"München\"\n+++\nPrefers meetings on Monday.\n",
    );
    b.write(
        "companies/altyn-mebel.md",
        "+++\nname = \"ТОО «Алтын Мебель»\"\ndomain = \"altynmebel.kz\"\ncity = \"Алматы\"\n+++\nAcme LLC website redesign partner.\n",
    );
    b.write(
        "deals/website-redesign.md",
        "+++\ntitle = \"Website redesign\"\ncontact = \"anna-petrova\"\nstage = \"proposal\"\nvalue = 1200\ncurrency = \"EUR\"\n+++\nThe redesigned site launches in spring.\n",
    );
    b.write(
        "notes/2026/2026-11-20-anna-petrova.md",
        "+++\ndate = 2026-11-20T10:00:00+05:00\nkind = \"call\"\ndirection = \"out\"\nabout = [\"anna-petrova\"]\n+++\nОбсудили сроки с Петровой, прислать смету.\n",
    );
    b
}

/// The `type/id` of every hit, in rank order.
fn hits(b: &TestBook, query: &[&str]) -> Vec<String> {
    let mut args = vec!["search", "--json", "--limit", "100"];
    args.extend(query);
    let run = b.rolo(&args);
    assert!(run.code == 0 || run.code == 1, "{run}");
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run}"));
    json.as_array()
        .unwrap()
        .iter()
        .map(|h| format!("{}/{}", h["type"].as_str().unwrap(), h["id"].as_str().unwrap()))
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn words_must_all_match_ignoring_case() {
    let b = book();
    assert_eq!(hits(&b, &["анна"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["ЗВОНКИ", "утрам"]), ["contact/anna-petrova"]);
    assert!(hits(&b, &["звонки", "spring"]).is_empty());
}

#[test]
fn russian_and_english_inflections() {
    let b = book();
    // Петровой finds Петрова (and the note that says Петровой).
    assert_eq!(
        sorted(hits(&b, &["Петровой"])),
        ["contact/anna-petrova", "note/2026-11-20-anna-petrova"]
    );
    assert_eq!(hits(&b, &["meeting"]), ["contact/jurgen-grosser"]);
    assert_eq!(sorted(hits(&b, &["redesigned"])), sorted(hits(&b, &["redesign"])));
    assert_eq!(hits(&b, &["redesign"]).len(), 2);
}

#[test]
fn chinese_substrings_of_two_characters() {
    let b = book();
    assert_eq!(hits(&b, &["小明"]), ["contact/wang-xiao-ming"]);
    assert_eq!(hits(&b, &["网站"]), ["contact/wang-xiao-ming"]);
    assert_eq!(hits(&b, &["重新设计"]), ["contact/wang-xiao-ming"]);
    assert!(hits(&b, &["明负责网站x"]).is_empty());
}

#[test]
fn kazakh_letters_and_latin_diacritics() {
    let b = book();
    assert_eq!(hits(&b, &["АЙГҮЛ"]), ["contact/aygul-seyitqyzy"]);
    assert_eq!(hits(&b, &["қазақша"]), ["contact/aygul-seyitqyzy"]);
    assert_eq!(hits(&b, &["Jurgen", "Grosser"]), ["contact/jurgen-grosser"]);
    assert_eq!(hits(&b, &["munchen"]), ["contact/jurgen-grosser"]);
    // Cyrillic is never transliterated to match Latin.
    assert!(hits(&b, &["anna", "petrova"]).is_empty());
}

#[test]
fn phones_whatever_the_punctuation() {
    let b = book();
    for q in ["+7 701 555 0101", "87015550101", "701-555-0101", "phone:7015550101"] {
        let words: Vec<&str> = q.split(' ').collect();
        let query = if words.len() > 1 { vec![q] } else { words };
        let mut args = vec!["search", "--json"];
        args.extend(query);
        let json = b.rolo(&args).json();
        assert_eq!(json[0]["id"], "anna-petrova", "{q}: {json}");
    }
}

#[test]
fn emails_by_address_user_or_domain() {
    let b = book();
    assert_eq!(hits(&b, &["email:anna@example.ru"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["email:anna"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["email:example.ru"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["anna@example.ru"]), ["contact/anna-petrova"]);
}

#[test]
fn phrases_fields_prefixes_exclusions_or() {
    let b = book();
    assert_eq!(
        sorted(hits(&b, &["\"website redesign\""])),
        sorted(hits(&b, &["website", "redesign"]))
    );
    assert!(hits(&b, &["\"redesign website\""]).is_empty());
    assert_eq!(hits(&b, &["tag:vip"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["stage:proposal"]), ["deal/website-redesign"]);
    assert_eq!(hits(&b, &["type:deal"]), ["deal/website-redesign"]);
    assert_eq!(hits(&b, &["kind:call"]), ["note/2026-11-20-anna-petrova"]);
    assert_eq!(hits(&b, &["industry:furniture"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["city:алматы", "type:contact"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["name:\"Анна Петрова\""]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["owner:me"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["source:referral"]), ["contact/anna-petrova"]);
    assert_eq!(hits(&b, &["company:altyn"]), ["contact/anna-petrova"]);
    assert_eq!(sorted(hits(&b, &["Петро*"])), sorted(hits(&b, &["Петровой"])));
    assert_eq!(hits(&b, &["Мебел*"]), sorted(vec!["company/altyn-mebel".into()]));
    assert_eq!(hits(&b, &["Алматы", "-tag:vip"]), ["company/altyn-mebel"]);
    assert_eq!(
        sorted(hits(&b, &["小明", "OR", "Jürgen"])),
        ["contact/jurgen-grosser", "contact/wang-xiao-ming"]
    );
    assert_eq!(hits(&b, &["--type", "note", "Петровой"]), ["note/2026-11-20-anna-petrova"]);
}

#[test]
fn results_show_type_id_title_and_a_snippet() {
    let b = book();
    let json = b.rolo(["search", "--json", "сроки"]).json();
    let hit = &json[0];
    assert_eq!(hit["type"], "note");
    assert_eq!(hit["path"], "notes/2026/2026-11-20-anna-petrova.md");
    assert!(hit["snippet"].as_str().unwrap().contains("сроки"), "{hit}");
    let table = b.rolo(["search", "сроки"]);
    assert!(table.ok().contains("2026-11-20-anna-petrova"), "{table}");
}

#[test]
fn nothing_found_exits_1_and_bad_syntax_exits_2() {
    let b = book();
    let none = b.rolo(["search", "zzzzzz"]);
    assert_eq!((none.code, none.stdout.as_str()), (1, ""), "{none}");
    for bad in ["\"unclosed", "OR anna", "anna OR", "tag:", "*"] {
        let run = b.rolo(["search", bad]);
        assert_eq!(run.code, 2, "{bad}: {run}");
        assert!(run.stderr.starts_with("error: query column "), "{bad}: {run}");
    }
    // Options may follow the query, exclusions too.
    let late = b.rolo(["search", "Алматы", "-tag:vip", "--json", "--limit", "3"]);
    let ids: Vec<String> =
        late.json().as_array().unwrap().iter().map(|h| h["id"].to_string()).collect();
    assert_eq!(ids, ["\"altyn-mebel\""], "{late}");
}

#[test]
fn hand_edits_additions_and_removals_are_seen_without_asking() {
    let b = book();
    assert_eq!(hits(&b, &["Анна"]), ["contact/anna-petrova"]);
    // A hand edit (same size would still change the mtime).
    let text = b.read("contacts/anna-petrova.md").replace("Анна Петрова", "Анна Иванова");
    b.write("contacts/anna-petrova.md", &text);
    assert!(hits(&b, &["Петрова", "type:contact"]).is_empty());
    assert_eq!(hits(&b, &["Иванова"]), ["contact/anna-petrova"]);
    // Added and removed outside rolo (git pull, a file manager).
    b.write("contacts/new-person.md", "+++\nname = \"Новый Человек\"\n+++\n");
    assert_eq!(hits(&b, &["человек"]), ["contact/new-person"]);
    std::fs::remove_file(b.path("contacts/new-person.md")).unwrap();
    assert!(hits(&b, &["человек"]).is_empty());
    // Renamed outside rolo.
    std::fs::rename(b.path("contacts/wang-xiao-ming.md"), b.path("contacts/xiaoming.md")).unwrap();
    assert_eq!(hits(&b, &["小明"]), ["contact/xiaoming"]);
}

#[test]
fn changes_through_rolo_are_found() {
    let b = book();
    let id = b.rolo(["contact", "add", "Сергей Кузнецов", "--tag", "vip"]).ok().trim().to_string();
    assert_eq!(
        sorted(hits(&b, &["tag:vip"])),
        sorted(vec!["contact/anna-petrova".into(), format!("contact/{id}")])
    );
    b.rolo(["set", &id, "tags-=vip"]).ok();
    assert_eq!(hits(&b, &["tag:vip"]), ["contact/anna-petrova"]);
}

#[test]
fn a_bad_file_is_reported_and_the_rest_still_found() {
    let b = book();
    b.write("contacts/bad.md", "+++\nname = \"Bad\nstage = 1\n+++\n");
    let run = b.rolo(["search", "Анна"]);
    assert!(run.ok().contains("anna-petrova"), "{run}");
    assert!(run.stderr.contains("contacts/bad.md:2:"), "{run}");
}

#[test]
fn a_deleted_index_is_rebuilt() {
    let b = book();
    assert_eq!(hits(&b, &["小明"]), ["contact/wang-xiao-ming"]);
    std::fs::remove_dir_all(b.path(".rolo")).unwrap();
    assert_eq!(hits(&b, &["小明"]), ["contact/wang-xiao-ming"]);
}

#[test]
fn a_damaged_index_is_rebuilt_not_reported() {
    let b = book();
    b.rolo(["index"]).ok();
    let dir = b.path(".rolo/index");
    // Truncate every file of the index, as a crash mid-write or a bad disk might.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e != "lock") {
            std::fs::write(&path, b"").unwrap();
        }
    }
    let run = b.rolo(["search", "--json", "小明"]);
    assert_eq!(run.json()[0]["id"], "wang-xiao-ming", "{run}");
    // An index written by another version of rolo.
    std::fs::write(dir.join("rolo-version"), "0").unwrap();
    assert_eq!(hits(&b, &["小明"]), ["contact/wang-xiao-ming"]);
    // A damaged manifest: everything is indexed again.
    std::fs::write(dir.join("rolo-manifest"), "garbage\n").unwrap();
    assert_eq!(hits(&b, &["小明"]), ["contact/wang-xiao-ming"]);
}

#[test]
fn a_few_files_indexed_are_written_as_changes_to_the_manifest_and_read_back() {
    let b = book();
    b.rolo(["index"]).ok();
    let manifest = b.read(".rolo/index/rolo-manifest");
    let changes = b.path(".rolo/index/rolo-manifest-changes");
    assert!(!changes.exists());
    // A hand edit, a file removed and one added: the command indexes them and writes
    // only them beside the manifest.
    let anna = b.read("contacts/anna-petrova.md").replace("по утрам", "по утрам, zanzibarite");
    b.write("contacts/anna-petrova.md", &anna);
    std::fs::remove_file(b.path("contacts/jurgen-grosser.md")).unwrap();
    b.write("contacts/erlan.md", "+++\nname = \"Ерлан Ахметов\"\n+++\n");
    let run = b.rolo(["index"]);
    assert!(run.stderr.contains("Updated the index: 2 indexed, 1 removed"), "{run}");
    assert_eq!(b.read(".rolo/index/rolo-manifest"), manifest, "the manifest is not written again");
    assert!(changes.exists());
    // Read back with the manifest: nothing left to index, every search as the files say.
    let run = b.rolo(["index"]);
    assert!(run.stderr.contains("The index is up to date"), "{run}");
    assert_eq!(hits(&b, &["zanzibarite"]), ["contact/anna-petrova"]);
    assert!(hits(&b, &["Jürgen"]).is_empty());
    assert_eq!(hits(&b, &["Ерлан"]), ["contact/erlan"]);
    // The removed file back, and the added one gone again.
    b.write("contacts/jurgen-grosser.md", "+++\nname = \"Jürgen Größer\"\n+++\n");
    std::fs::remove_file(b.path("contacts/erlan.md")).unwrap();
    let run = b.rolo(["index"]);
    assert!(run.stderr.contains("Updated the index: 1 indexed, 1 removed"), "{run}");
    assert!(b.rolo(["index"]).stderr.contains("The index is up to date"));
    assert_eq!(hits(&b, &["Jürgen"]), ["contact/jurgen-grosser"]);
    assert!(hits(&b, &["Ерлан"]).is_empty());
    // Changes of another manifest are never read: the files are compared again.
    b.write(
        ".rolo/index/rolo-manifest-changes",
        "rolo-manifest-changes 1 2 3 4\n- contacts/anna-petrova.md\n",
    );
    let run = b.rolo(["index"]);
    assert!(run.stderr.contains("Updated the index: 2 indexed, 0 removed"), "{run}");
    assert_eq!(hits(&b, &["zanzibarite"]), ["contact/anna-petrova"]);
    // The manifest written whole (a rebuild): its changes go.
    b.rolo(["index", "--rebuild"]).ok();
    assert!(!changes.exists());
    assert!(b.rolo(["index"]).stderr.contains("The index is up to date"));
}

/// Without a watcher, a command indexing a few files writes them without waiting for the
/// disk, and starts a process apart that waits for it; failing that, the first command to
/// find the index left alone for 30 s does; a marker of another boot (a crash before
/// then) means a rebuild.
#[cfg(target_os = "linux")]
#[test]
fn a_commands_writes_reach_the_disk_apart_or_once_the_index_is_left_alone() {
    let Ok(boot) = std::fs::read_to_string("/proc/sys/kernel/random/boot_id") else {
        eprintln!("note: no boot id here: every write waits for the disk");
        return;
    };
    let b = book();
    b.rolo(["index"]).ok();
    let marker = b.path(".rolo/index/rolo-unsynced");
    assert!(!marker.exists(), "a rebuild waits for the disk");
    let anna = b.read("contacts/anna-petrova.md").replace("по утрам", "по утрам, zanzibarite");
    b.write("contacts/anna-petrova.md", &anna);
    let index = b.path(".rolo/index");
    let folder_changed = |since: std::time::SystemTime| {
        std::fs::metadata(&index).unwrap().modified().unwrap() > since
    };
    let before = std::fs::metadata(&index).unwrap().modified().unwrap();
    assert_eq!(hits(&b, &["zanzibarite"]), ["contact/anna-petrova"]);
    assert!(folder_changed(before));
    // A burst: another edit and search at once, settled together after it.
    b.write("contacts/erlan.md", "+++\nname = \"Ерлан Ахметов\"\n+++\n");
    assert_eq!(hits(&b, &["Ерлан"]), ["contact/erlan"]);
    // Settled apart: the marker goes without another command.
    eventually(|| !marker.exists(), || "the marker stays".into());
    // Left by a command whose settling did not run: kept while the index was written
    // lately, settled by the first command to find it left alone for 30 s.
    b.write(".rolo/index/rolo-unsynced", &boot);
    assert_eq!(hits(&b, &["Анна"]), ["contact/anna-petrova"]);
    assert!(marker.exists(), "the index was written just now");
    let left_alone = std::time::SystemTime::now() - std::time::Duration::from_secs(31);
    std::fs::File::open(&index).unwrap().set_modified(left_alone).unwrap();
    assert_eq!(hits(&b, &["Анна"]), ["contact/anna-petrova"]);
    assert!(!marker.exists(), "left alone for 30 s: on the disk");
    // Left just now by a watcher stopped in a burst of edits: nobody waits to settle it,
    // so the next command that writes has it settled apart, though it did not write it.
    b.write(".rolo/index/rolo-unsynced", &boot);
    b.write("contacts/erlan.md", "+++\nname = \"Ерлан Сейтов\"\n+++\n");
    assert_eq!(hits(&b, &["Сейтов"]), ["contact/erlan"]);
    eventually(|| !marker.exists(), || "nobody settles it".into());
    // One process waits to settle at a time: another started meanwhile ends at once and
    // leaves the marker to it (here the test holds the waiting one's lock).
    b.write(".rolo/index/rolo-unsynced", &boot);
    let waiting = std::fs::File::create(b.path(".rolo/index/rolo-settling")).unwrap();
    waiting.lock().unwrap();
    b.rolo(["index", "--settle"]).ok();
    assert!(marker.exists(), "settled by a second process, not the one waiting");
    drop(waiting);
    b.rolo(["index", "--settle"]).ok();
    assert!(!marker.exists(), "the one waiting gone: settled");
    b.write(".rolo/index/rolo-unsynced", "a-boot-before-the-crash\n");
    let run = b.rolo(["index"]);
    assert!(run.stderr.contains("Rebuilt"), "{run}");
    assert_eq!(hits(&b, &["zanzibarite"]), ["contact/anna-petrova"]);
}

#[test]
fn index_command_reports_and_rebuilds() {
    let b = book();
    let first = b.rolo(["index"]);
    assert!(first.stderr.contains("Rebuilt the index: 7 records"), "{first}");
    let again = b.rolo(["index"]);
    assert!(again.stderr.contains("up to date"), "{again}");
    let rebuilt = b.rolo(["index", "--rebuild"]);
    assert!(rebuilt.stderr.contains("Rebuilt the index: 7 records"), "{rebuilt}");
}

/// The test book with a task due, rebuilt; its rows folder.
fn rebuilt_with_a_task() -> (TestBook, std::path::PathBuf) {
    let b = book();
    b.write(
        "tasks/smeta.md",
        "+++\ntitle = \"Прислать смету\"\ndue = 2026-11-01\nabout = [\"anna-petrova\"]\n+++\n",
    );
    b.rolo(["index", "--rebuild"]).ok();
    let rows_dir = std::fs::read_dir(b.path(".rolo/index"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("rows-"))
        .expect("a rows folder made by the rebuild");
    (b, rows_dir)
}

/// `rolo index --rebuild` leaves the index ready for every command: the rows of every
/// segment and the look-up are made by the rebuild, and the agenda and the activity
/// report after it read them (not one file of the caches made again) and show what the
/// files show.
#[test]
#[cfg(unix)]
fn a_rebuild_makes_the_caches_the_next_command_reads() {
    use std::os::unix::fs::MetadataExt;
    let (b, rows_dir) = rebuilt_with_a_task();
    let index = b.path(".rolo/index");
    let meta = b.read(".rolo/index/meta.json");
    let ids: Vec<String> = meta
        .split("\"segment_id\": \"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|id| id.replace('-', ""))
        .collect();
    assert!(!ids.is_empty(), "{meta}");
    let mut caches = vec![index.join("rolo-lookup"), index.join("rolo-facts")];
    for id in &ids {
        for kind in ["contact", "company", "deal", "note", "task"] {
            caches.push(rows_dir.join(format!("{id}.{kind}")));
        }
    }
    let inodes = || -> Vec<u64> {
        caches
            .iter()
            .map(|c| std::fs::metadata(c).unwrap_or_else(|e| panic!("{}: {e}", c.display())).ino())
            .collect()
    };
    let before = inodes();
    for args in [["agenda", "--json"], ["report", "activity"]] {
        let indexed = b.rolo(args);
        assert_eq!(indexed.code, 0, "{indexed}");
        assert_eq!(indexed.stdout, b.rolo_from_files(args).stdout, "{args:?}");
    }
    assert!(b.rolo(["agenda"]).stdout.contains("Прислать смету"));
    assert_eq!(inodes(), before, "the commands read the rebuild's caches");
}

/// Rows files that cannot be written (a folder in the way of each task file, which no
/// rename replaces, even for root) are made in memory: the commands that read them
/// still show what the files show, every time.
#[test]
fn rows_that_cannot_be_written_are_read_from_memory() {
    let (b, rows_dir) = rebuilt_with_a_task();
    let mut blocked = 0;
    for entry in std::fs::read_dir(&rows_dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "task") {
            std::fs::remove_file(&path).unwrap();
            std::fs::create_dir(&path).unwrap();
            std::fs::write(path.join("in-the-way"), "x").unwrap();
            blocked += 1;
        }
    }
    assert!(blocked > 0, "no task rows file in {}", rows_dir.display());
    for _ in 0..2 {
        for args in [["agenda", "--json"], ["task", "list"]] {
            let indexed = b.rolo(args);
            assert_eq!(indexed.code, 0, "{indexed}");
            assert_eq!(indexed.stdout, b.rolo_from_files(args).stdout, "{args:?}");
            assert!(indexed.stdout.contains("Прислать смету"), "{indexed}");
        }
    }
}

/// A rebuild starts itself again with its allocator's option set (unless the person set
/// it): the book given from elsewhere, the output, a failure and its exit code all come
/// through the restart, and a set option is left as it is.
#[test]
fn a_rebuild_restarted_for_its_allocator_keeps_its_command_line() {
    let b = book();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut cmd = b.command(["--dir", &b.root().display().to_string(), "index", "--rebuild"]);
    cmd.current_dir(elsewhere.path());
    let rebuilt = run(cmd);
    assert_eq!(rebuilt.code, 0, "{rebuilt}");
    assert!(rebuilt.stderr.contains("Rebuilt the index: 7 records"), "{rebuilt}");
    assert_eq!(b.rolo(["search", "小明", "--json"]).json().as_array().map(Vec::len), Some(1));
    let mut set = b.command(["index", "--rebuild"]);
    set.env("MIMALLOC_PURGE_DELAY", "250");
    let set = run(set);
    assert!(set.stderr.contains("Rebuilt the index: 7 records"), "{set}");
    let mut nowhere = b.command(["--dir", &elsewhere.path().join("none").display().to_string()]);
    nowhere.args(["index", "--rebuild"]);
    let failed = run(nowhere);
    assert_ne!(failed.code, 0, "{failed}");
    assert!(failed.stderr.contains("none"), "{failed}");
}

#[test]
fn concurrent_writers_and_readers_never_fail() {
    let b = book();
    b.rolo(["index"]).ok();
    let mut children = Vec::new();
    for i in 0..10 {
        let mut add = b.command([
            "contact",
            "add",
            &format!("Параллельный Контакт {i}"),
            "--tag",
            "parallel",
        ]);
        children.push(add.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap());
        let mut search = b.command(["search", "Анна"]);
        children.push(search.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap());
    }
    for child in children {
        let out = child.wait_with_output().unwrap();
        let run = Run {
            stdout: String::from_utf8_lossy(&out.stdout).into(),
            stderr: String::from_utf8_lossy(&out.stderr).into(),
            code: out.status.code().unwrap_or(-1),
        };
        assert_eq!(run.code, 0, "{run}");
    }
    assert_eq!(hits(&b, &["tag:parallel"]).len(), 10);
}

#[test]
fn lists_from_the_index_equal_lists_from_the_files() {
    let b = crate::fixtures::example_book();
    let commands: &[&[&str]] = &[
        &["contact", "list"],
        &["contact", "list", "--tag", "vip", "--sort", "-last-contact"],
        &["contact", "list", "--quiet-since", "90d"],
        &["contact", "list", "--city", "Алматы", "--sort", "created"],
        &["company", "list", "--sort", "last-contact"],
        &["deal", "list"],
        &["deal", "list", "--open", "--sort", "-value"],
        &["deal", "list", "--stage", "won", "--sort", "close"],
        &["note", "list"],
        &["note", "list", "--kind", "call", "--since", "2026-06-01"],
        &["note", "list", "--about", "anna-petrova"],
        &["task", "list"],
        &["task", "list", "--overdue"],
        &["task", "list", "--open", "--due-before", "2027-01-01"],
        &["show", "anna-petrova"],
        &["show", "too-altyn-mebel"],
    ];
    for args in commands {
        for json in [true, false] {
            let mut full: Vec<&str> = args.to_vec();
            if json {
                full.push("--json");
            }
            let from_index = b.rolo(&full);
            let mut slow = b.command(&full);
            slow.env("ROLO_NO_INDEX", "1");
            let from_files = crate::support::run(slow);
            assert_eq!(from_index.code, 0, "{args:?}: {from_index}");
            assert!(!from_index.stdout.trim().is_empty() || json, "{args:?} shows nothing");
            assert_eq!(from_index.stdout, from_files.stdout, "{args:?} json={json}");
            assert_eq!(from_index.stderr, from_files.stderr, "{args:?} json={json}");
        }
    }
}

#[test]
fn a_bad_file_is_reported_by_every_command_that_reads_the_index() {
    let b = book();
    b.write("contacts/bad.md", "+++\nname = \"Bad\nstage = 1\n+++\n");
    for _ in 0..2 {
        let run = b.rolo(["contact", "list", "--json"]);
        assert!(run.stderr.contains("contacts/bad.md:2:"), "{run}");
        assert_eq!(run.json().as_array().unwrap().len(), 4, "{run}");
    }
    b.write("contacts/bad.md", "+++\nname = \"Fixed\"\n+++\n");
    let run = b.rolo(["contact", "list", "--json"]);
    assert_eq!(run.stderr, "", "{run}");
    assert_eq!(run.json().as_array().unwrap().len(), 5);
}

#[test]
fn derived_answers_follow_hand_edits() {
    let b = book();
    let last = |b: &TestBook| {
        let json = b.rolo(["contact", "list", "--json"]).json();
        let anna =
            json.as_array().unwrap().iter().find(|c| c["id"] == "anna-petrova").cloned().unwrap();
        (anna["last_contact"].clone(), anna["company"].clone())
    };
    assert_eq!(last(&b).0, "2026-11-20");
    // A note written by hand (or pulled from another laptop) moves last_contact …
    b.write(
        "notes/2026/2026-11-22-anna-petrova.md",
        "+++\ndate = 2026-11-22T09:00:00+05:00\nkind = \"email\"\nabout = [\"anna-petrova\"]\n+++\nСмета отправлена.\n",
    );
    assert_eq!(last(&b).0, "2026-11-22");
    // … and removing it moves it back; the company's name follows a hand rename too.
    std::fs::remove_file(b.path("notes/2026/2026-11-22-anna-petrova.md")).unwrap();
    assert_eq!(last(&b).0, "2026-11-20");
    let company = b.read("companies/altyn-mebel.md").replace("ТОО «Алтын Мебель»", "ТОО «Алтын»");
    b.write("companies/altyn-mebel.md", &company);
    let mut wide = b.command(["contact", "list"]);
    wide.env("COLUMNS", "250");
    let table = crate::support::run(wide);
    assert!(table.ok().contains("ТОО «Алтын»"), "{table}");
}

#[test]
fn a_prefix_finds_every_word_it_starts() {
    // More words start with the prefix than tantivy expands by default (50).
    let b = TestBook::new();
    for i in 0..120 {
        b.write(
            &format!("contacts/zeta-{i}.md"),
            &format!("+++\nname = \"Зета{i} Иванова\"\nemails = [\"z{i}@example.kz\"]\n+++\n"),
        );
    }
    let run = b.rolo(["search", "--json", "--limit", "1000", "зета*"]);
    assert_eq!(run.json().as_array().unwrap().len(), 120, "{run}");
    let run = b.rolo(["search", "--json", "--limit", "1000", "name:зет*"]);
    assert_eq!(run.json().as_array().unwrap().len(), 120, "{run}");
}
