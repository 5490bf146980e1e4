//! `rolo export vcard --vdir DIR`: one `<uid>.vcf` per contact that a vCard parser (and
//! khard, when it is installed) reads back; a second export rewrites only the card that
//! changed, removes the card of a contact that is gone, and never touches a file rolo did
//! not write.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use calcard::vcard::{VCard, VCardProperty, VCardValue};

use crate::fixtures::commit_all;
use crate::support::TestBook;

const ANNA_UID: &str = "8a1f2b7c-0d3e-4f5a-9b6c-7d8e9f0a1b2c";

/// Four people in four scripts, one of them imported with a UID of her own.
fn book() -> TestBook {
    let b = TestBook::new();
    b.write(
        "contacts/anna-petrova.md",
        &format!(
            "+++\nname = \"Анна Петрова\"\nemails = [\"anna@severveter.ru\", \"a.petrova@gmail.com\"]\nphones = [\"+7 495 555-01-14\"]\ncompany = \"severnyy-veter\"\ntags = [\"vip\"]\nuid = \"urn:uuid:{ANNA_UID}\"\n+++\nЛюбит короткие звонки.\n"
        ),
    );
    b.write(
        "contacts/wang-xiao-ming.md",
        "+++\nname = \"王小明\"\nemails = [\"wang@example.cn\"]\nbirthday = \"04-12\"\n+++\n",
    );
    b.write(
        "contacts/aygul-seyitqyzy.md",
        "+++\nname = \"Айгүл Сейітқызы\"\nemails = [\"aygul@altynmebel.kz\"]\ncity = \"Алматы\"\n+++\n",
    );
    b.write(
        "contacts/jurgen-grosser.md",
        "+++\nname = \"Jürgen Größer\"\nemails = [\"j.groesser@mueller.de\"]\ntitle = \"Einkauf\"\n+++\n",
    );
    b.write("companies/severnyy-veter.md", "+++\nname = \"ООО «Северный ветер»\"\n+++\n");
    commit_all(&b, "people");
    b
}

fn vdir(book: &TestBook) -> PathBuf {
    book.root().parent().unwrap().join("vdir")
}

/// The `.vcf` files of the folder, parsed: file name → card.
fn cards(dir: &Path) -> Vec<(String, VCard)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".vcf") {
            let text = std::fs::read_to_string(dir.join(&name)).unwrap();
            let card = VCard::parse(&text).unwrap_or_else(|e| panic!("{name}: {e:?}\n{text}"));
            out.push((name, card));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn text(card: &VCard, p: VCardProperty) -> Vec<String> {
    card.properties(&p)
        .filter_map(|e| match e.values.first() {
            Some(VCardValue::Text(t)) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// (inode, mtime in ns) of a file.
fn stamp(path: &Path) -> (u64, i128) {
    let m = std::fs::metadata(path).unwrap();
    (m.ino(), i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()))
}

/// Set a file's mtime far in the past, so that any rewrite shows.
fn age(path: &Path) {
    let ok = Command::new("touch").args(["-d", "2020-01-01 00:00"]).arg(path).status().unwrap();
    assert!(ok.success());
}

#[test]
fn every_contact_becomes_one_card_named_by_its_uid() {
    let book = book();
    let dir = vdir(&book);
    let run = book.rolo(["export", "vcard", "--vdir", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("Exported 4 contacts to"), "{run}");
    assert!(run.stderr.contains(": 4 written, 0 unchanged, 0 removed."), "{run}");

    let cards = cards(&dir);
    assert_eq!(cards.len(), 4);
    let names: Vec<String> = cards.iter().flat_map(|(_, c)| text(c, VCardProperty::Fn)).collect();
    for name in ["Анна Петрова", "王小明", "Айгүл Сейітқызы", "Jürgen Größer"]
    {
        assert!(names.contains(&name.to_string()), "{name} not in {names:?}");
    }
    for (file, card) in &cards {
        let uid = text(card, VCardProperty::Uid).remove(0);
        let bare = uid.trim_start_matches("urn:uuid:");
        assert_eq!(file, &format!("{bare}.vcf"), "a card's file is named by its UID");
    }
    let anna = &cards.iter().find(|(f, _)| f == &format!("{ANNA_UID}.vcf")).unwrap().1;
    assert_eq!(text(anna, VCardProperty::Email), ["anna@severveter.ru", "a.petrova@gmail.com"]);
    assert_eq!(text(anna, VCardProperty::Org), ["ООО «Северный ветер»"]);
    let manifest = std::fs::read_to_string(dir.join(".rolo-vdir")).unwrap();
    assert_eq!(manifest.lines().filter(|l| l.ends_with(".vcf")).count(), 4, "{manifest}");
    // Exporting reads the book and writes nothing in it.
    assert_eq!(crate::fixtures::status(&book), "");
}

#[test]
fn a_second_export_rewrites_only_what_changed_and_removes_only_its_own() {
    let book = book();
    let dir = vdir(&book);
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "vcard", "--vdir", dir.to_str().unwrap()];
        args.extend(extra);
        book.rolo(&args)
    };
    export(&[]).ok();
    // Files that are not rolo's: a card from a phone, a note, a subfolder.
    std::fs::write(
        dir.join("from-phone.vcf"),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:from-phone\r\nFN:Марат\r\nEND:VCARD\r\n",
    )
    .unwrap();
    std::fs::write(dir.join("README.txt"), "not rolo's").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    let mut before = std::collections::BTreeMap::new();
    for (file, _) in cards(&dir) {
        age(&dir.join(&file));
        before.insert(file.clone(), stamp(&dir.join(&file)));
    }
    age(&dir.join("README.txt"));
    let readme = stamp(&dir.join("README.txt"));

    book.rolo(["set", "jurgen-grosser", "title=Leiter Einkauf"]).ok();
    book.rolo(["rm", "wang-xiao-ming"]).ok();
    let run = export(&[]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("Exported 3 contacts"), "{run}");
    assert!(run.stderr.contains("1 written, 2 unchanged, 1 removed."), "{run}");

    let after: std::collections::BTreeMap<String, (u64, i128)> =
        cards(&dir).into_iter().map(|(f, _)| (f.clone(), stamp(&dir.join(&f)))).collect();
    let jurgen = cards(&dir)
        .into_iter()
        .find(|(_, c)| text(c, VCardProperty::Fn) == ["Jürgen Größer"])
        .unwrap();
    assert_eq!(text(&jurgen.1, VCardProperty::Title), ["Leiter Einkauf"]);
    let mut gone = Vec::new();
    for (file, old) in &before {
        match after.get(file) {
            None => gone.push(file.clone()),
            Some(new) if file == &jurgen.0 => assert_ne!(new, old, "the changed card is rewritten"),
            Some(new) => assert_eq!(new, old, "{file} did not change: same inode, same mtime"),
        }
    }
    assert_eq!(gone.len(), 1, "{gone:?}");
    assert!(!gone[0].contains("from-phone"));
    // Not rolo's: all still there as they were.
    assert!(after.contains_key("from-phone.vcf"));
    assert_eq!(after["from-phone.vcf"], before["from-phone.vcf"]);
    assert_eq!(stamp(&dir.join("README.txt")), readme);
    assert!(dir.join("sub").is_dir());

    // The same export again changes nothing at all, the manifest included.
    age(&dir.join(".rolo-vdir"));
    let manifest = stamp(&dir.join(".rolo-vdir"));
    let json = {
        let mut args = vec!["--json", "export", "vcard", "--vdir", dir.to_str().unwrap()];
        args.push("--version");
        args.push("4");
        book.rolo(&args).json()
    };
    assert_eq!(json["written"], serde_json::json!([]));
    assert_eq!(json["unchanged"], 3);
    assert_eq!(json["removed"], serde_json::json!([]));
    assert_eq!(stamp(&dir.join(".rolo-vdir")), manifest);

    // A filter narrows the folder to what it keeps: the others' cards go.
    let run = export(&["--tag", "vip"]);
    assert!(run.stderr.contains("Exported 1 contact to"), "{run}");
    assert!(run.stderr.contains("0 written, 1 unchanged, 2 removed."), "{run}");
    let left: Vec<String> = cards(&dir).into_iter().map(|(f, _)| f).collect();
    assert_eq!(left, [format!("{ANNA_UID}.vcf"), "from-phone.vcf".to_string()]);
}

#[test]
fn a_file_with_the_name_of_a_card_rolo_did_not_write_is_left_alone() {
    let book = book();
    let dir = vdir(&book);
    std::fs::create_dir_all(&dir).unwrap();
    let theirs =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:8a1f\r\nFN:Anna (from the phone)\r\nEND:VCARD\r\n";
    std::fs::write(dir.join(format!("{ANNA_UID}.vcf")), theirs).unwrap();
    let run = book.rolo(["export", "vcard", "--vdir", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains(&format!(
            "rolo did not write, with the name of a card it would write: {ANNA_UID}.vcf"
        )),
        "{run}"
    );
    assert!(run.stderr.contains("3 written"), "{run}");
    assert_eq!(std::fs::read_to_string(dir.join(format!("{ANNA_UID}.vcf"))).unwrap(), theirs);
    // Removing Anna later does not remove their file either.
    book.rolo(["rm", "anna-petrova"]).ok();
    book.rolo(["export", "vcard", "--vdir", dir.to_str().unwrap()]).ok();
    assert_eq!(std::fs::read_to_string(dir.join(format!("{ANNA_UID}.vcf"))).unwrap(), theirs);
}

#[test]
fn vdir_and_output_do_not_go_together() {
    let book = book();
    let run = book.rolo(["export", "vcard", "--vdir", "x", "-o", "y.vcf"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("cannot be used with"), "{run}");
}

/// khard reads the folder as an address book. Runs where khard is installed (`pip install
/// khard`); the parser checks above hold everywhere.
#[test]
fn khard_reads_the_vdir() {
    let Some(khard) = which("khard") else {
        eprintln!("khard is not installed: the vdir was checked with calcard only");
        return;
    };
    let book = book();
    let dir = vdir(&book);
    book.rolo(["export", "vcard", "--vdir", dir.to_str().unwrap()]).ok();
    let config = book.root().parent().unwrap().join("khard.conf");
    std::fs::write(
        &config,
        // khard shows names from N (given, family) unless told to show FN.
        format!(
            "[addressbooks]\n[[rolo]]\npath = {}\n\n[general]\neditor = false\nmerge_editor = false\n\n[contact table]\ndisplay = formatted_name\n",
            dir.display()
        ),
    )
    .unwrap();
    let out = Command::new(khard)
        .args(["-c", config.to_str().unwrap(), "email", "--parsable"])
        .env("HOME", book.root().parent().unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    for line in [
        "anna@severveter.ru\tАнна Петрова",
        "a.petrova@gmail.com\tАнна Петрова",
        "wang@example.cn\t王小明",
        "aygul@altynmebel.kz\tАйгүл Сейітқызы",
        "j.groesser@mueller.de\tJürgen Größer",
    ] {
        assert!(stdout.contains(line), "{line} not in khard's output:\n{stdout}");
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
}
