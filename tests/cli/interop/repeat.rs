//! Imports are safe to repeat (docs/format.md: "Interchange formats"): a record matches by uid, then email,
//! then phone, then name and company, and is updated, skipped or duplicated as
//! `--on-duplicate` says; re-importing the same file writes nothing; `--dry-run` never
//! writes. An email or phone matches only a record whose name is the same person's:
//! colleagues on one office line or one info@ address stay apart, flagged as possible
//! duplicates.

use serde_json::json;

use super::{ids_in, local, local_bytes, quiet_ok, snapshot, summary};
use crate::fixtures::{add, body, commit_all, front_of, s, status, strs, tv};
use crate::support::TestBook;

#[test]
fn the_same_file_twice_changes_nothing_the_second_time() {
    for name in ["apple.vcf", "google.vcf", "outlook-cp1251.vcf", "android.vcf", "v4.vcf"] {
        let book = TestBook::new();
        let file = local(&book, name);
        quiet_ok(&book, &["import", "vcard", &file]);
        let (before, log) = (snapshot(&book.root()), book.log());
        let run = quiet_ok(&book, &["import", "vcard", &file]);
        assert!(run.stderr.contains("Nothing changed.\n"), "{name}: {run}");
        let rows = ids_in(&book, "contacts").len() + usize::from(name == "apple.vcf");
        assert_eq!(
            summary(&run),
            format!("created 0, updated 0, skipped {rows}, failed 0"),
            "{name}"
        );
        assert_eq!(snapshot(&book.root()), before, "{name}: no file written");
        assert_eq!(book.log(), log, "{name}: no commit");
    }
}

#[test]
fn contacts_match_by_uid_email_phone_then_name_and_company() {
    let book = TestBook::new();
    book.write("contacts/someone.md", "+++\nname = \"Someone\"\nuid = \"U-1\"\n+++\n");
    commit_all(&book, "by hand");
    add(&book, &["contact", "add", "Anna", "--email", "ANNA@severveter.ru"]);
    add(&book, &["contact", "add", "Dima", "--phone", "8 (916) 555-01-33"]);
    add(&book, &["company", "add", "Acme"]);
    add(&book, &["contact", "add", "Boris Ivanov", "--company", "acme"]);
    let cards = "BEGIN:VCARD\nVERSION:3.0\nFN:Renamed\nUID:u-1\nTITLE:by uid\nEND:VCARD\n\
        BEGIN:VCARD\nVERSION:3.0\nFN:Анна Петрова\nEMAIL:anna@severveter.ru\nTEL:+7 916 555 0114\nEND:VCARD\n\
        BEGIN:VCARD\nVERSION:3.0\nFN:Дима Соколов\nTEL:+7 916 555 0133\nEMAIL:dima@x.ru\nEND:VCARD\n\
        BEGIN:VCARD\nVERSION:3.0\nFN:boris  IVANOV\nORG:ACME\nTITLE:CTO\nEND:VCARD\n\
        BEGIN:VCARD\nVERSION:3.0\nFN:Boris Ivanov\nORG:Other Co\nEND:VCARD\n";
    let file = local_bytes(&book, "match.vcf", cards.as_bytes());
    let run = quiet_ok(&book, &["import", "vcard", &file]);
    assert_eq!(
        summary(&run),
        "created 1, updated 4, skipped 0, failed 0 (and 1 company they link to)"
    );
    let someone = front_of(&book, "contacts/someone.md");
    assert_eq!((&someone["name"], &someone["title"]), (&s("Someone"), &s("by uid")));
    let anna = front_of(&book, "contacts/anna.md");
    assert_eq!(anna["emails"], strs(&["ANNA@severveter.ru"]), "the same address, any case");
    assert_eq!(anna["phones"], strs(&["+7 916 555 0114"]));
    assert_eq!(front_of(&book, "contacts/dima.md")["emails"], strs(&["dima@x.ru"]));
    assert_eq!(front_of(&book, "contacts/boris-ivanov.md")["title"], s("CTO"));
    assert_eq!(front_of(&book, "contacts/boris-ivanov-2.md")["company"], s("other-co"));
    assert_eq!(ids_in(&book, "contacts").len(), 5);
    assert_eq!(status(&book), "");
}

#[test]
fn update_fills_in_and_unites_lists_keeping_what_is_there() {
    let book = TestBook::new();
    let mine = "+++\nname = \"Анна Петрова\" # as she writes it\nemails = [\"anna@severveter.ru\"]\ntitle = \"CEO\"\nnickname = \"Аня\"\nbirthday = \"04-12\"\n+++\nHand notes.\n";
    book.write("contacts/anna-petrova.md", mine);
    commit_all(&book, "by hand");
    let file = local(&book, "outlook-cp1251.vcf");
    let run = quiet_ok(&book, &["import", "vcard", &file]);
    assert_eq!(
        summary(&run),
        "created 0, updated 1, skipped 0, failed 0 (and 1 company they link to)"
    );
    let text = book.read("contacts/anna-petrova.md");
    assert!(text.starts_with("+++\nname = \"Анна Петрова\" # as she writes it\n"), "{text}");
    let anna = front_of(&book, "contacts/anna-petrova.md");
    assert_eq!(anna["title"], s("CEO"), "a value already there is never replaced");
    assert_eq!(anna["nickname"], s("Аня"));
    assert_eq!(anna["birthday"], tv("1988-04-12"), "a year the book did not know is news");
    assert_eq!(anna["phones"], strs(&["+7 (495) 555-01-14", "+7 916 555 0114"]));
    assert_eq!(anna["company"], s("ooo-severnyy-veter"));
    assert_eq!(anna["city"], s("Москва"));
    assert_eq!(body(&text), "Hand notes.\n");
    assert_eq!(book.log()[0], "import: 1 contact from outlook-cp1251.vcf");
}

#[test]
fn on_duplicate_skip_update_or_create() {
    let book = TestBook::new();
    let apple = local(&book, "apple.vcf");
    quiet_ok(&book, &["import", "vcard", &apple]);
    let card = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Petrova\nEMAIL:anna@severveter.ru\nCATEGORIES:new\nEND:VCARD\n";
    let file = local_bytes(&book, "one.vcf", card.as_bytes());
    let before = snapshot(&book.root());
    let run = quiet_ok(&book, &["import", "vcard", "--on-duplicate", "skip", &file]);
    assert_eq!(summary(&run), "created 0, updated 0, skipped 1, failed 0");
    assert_eq!(snapshot(&book.root()), before);
    let run = quiet_ok(&book, &["import", "vcard", &file]);
    assert_eq!(summary(&run), "created 0, updated 1, skipped 0, failed 0");
    assert_eq!(front_of(&book, "contacts/anna-petrova.md")["tags"], strs(&["vip", "b2b", "new"]));
    let run = quiet_ok(&book, &["import", "vcard", "--on-duplicate", "create", &file]);
    assert_eq!(summary(&run), "created 1, updated 0, skipped 0, failed 0");
    assert_eq!(front_of(&book, "contacts/anna-petrova-2.md")["tags"], strs(&["new"]));
    let run = book.rolo(["import", "vcard", "--on-duplicate", "merge", &file]);
    assert_eq!(run.code, 2, "{run}");
}

#[test]
fn dry_run_shows_the_plan_and_writes_nothing() {
    let book = TestBook::new();
    let (before, log) = (snapshot(&book.root()), book.log());
    let file = local(&book, "apple.vcf");
    let run = book.rolo(["import", "vcard", "--dry-run", &file]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        run.stdout,
        "create company/severny-veter  Severny Veter (linked)\n\
         create contact/anna-petrova  Anna Petrova\n\
         create company/too-altyn-mebel  ТОО «Алтын Мебель»\n\
         create contact/aygul-seyitqyzy  Айгүл Сейітқызы\n"
    );
    assert!(run.stderr.contains("Dry run: nothing was written.\n"), "{run}");
    assert_eq!(
        summary(&run),
        "created 3, updated 0, skipped 0, failed 0 (and 1 company they link to)"
    );
    assert_eq!((snapshot(&book.root()), book.log()), (before, log));
    assert!(ids_in(&book, "contacts").is_empty());

    quiet_ok(&book, &["import", "vcard", &file]);
    let google = local(&book, "google.vcf");
    let run = book.rolo(["import", "vcard", "--dry-run", "--json", &google, &file]);
    let steps = run.json();
    let actions: Vec<(&str, &str)> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["action"].as_str().unwrap(), s["id"].as_str().unwrap()))
        .collect();
    assert_eq!(actions[..2], [("created", "kettle-finch-ltd"), ("created", "daniel-walker")]);
    assert_eq!(actions.iter().filter(|(a, _)| *a == "unchanged").count(), 3);
    assert_eq!(steps[0]["linked"], true);
    assert_eq!(steps[1]["file"], "../google.vcf");
    assert_eq!(steps[1]["line"], 1);
    assert!(ids_in(&book, "contacts").len() == 2, "the dry run wrote nothing");
}

/// Анна and Айгүл share the office line, written the Russian and the Kazakh way: an export
/// of both, imported into an empty book, gives back both, each with her own email.
#[test]
fn people_sharing_a_phone_stay_apart_through_csv_and_vcard() {
    for format in ["csv", "vcard"] {
        let from = TestBook::new();
        let anna = ["--phone", "+7 727 355 1234", "--email", "anna@altynmebel.kz"];
        add(&from, &[&["contact", "add", "Анна Петрова"], &anna[..]].concat());
        let aygul = ["--phone", "8 (727) 355-12-34", "--email", "aygul@altynmebel.kz"];
        add(&from, &[&["contact", "add", "Айгүл Сейітқызы"], &aygul[..]].concat());
        let out = from.rolo(["export", format]).ok().to_string();
        let book = TestBook::new();
        let file = local_bytes(&book, &format!("export.{format}"), out.as_bytes());
        let run = quiet_ok(&book, &["import", format, &file]);
        assert_eq!(
            summary(&run),
            "created 2, updated 0, skipped 0, failed 0, 1 possible duplicate: \
             contact/aygul-seyitqyzy (shares +7 727 355 1234 with contact/anna-petrova)",
            "{format}"
        );
        assert_eq!(ids_in(&book, "contacts"), ["anna-petrova", "aygul-seyitqyzy"], "{format}");
        let anna = front_of(&book, "contacts/anna-petrova.md");
        assert_eq!(anna["emails"], strs(&["anna@altynmebel.kz"]), "{format}: no email moved");
        assert_eq!(anna["phones"], strs(&["+7 727 355 1234"]), "{format}");
        let aygul = front_of(&book, "contacts/aygul-seyitqyzy.md");
        assert_eq!(aygul["name"], s("Айгүл Сейітқызы"), "{format}");
        assert_eq!(aygul["emails"], strs(&["aygul@altynmebel.kz"]), "{format}");
        assert_eq!(aygul["phones"], strs(&["8 (727) 355-12-34"]), "{format}");

        // Each finds herself again: the repeat writes nothing.
        let (before, log) = (snapshot(&book.root()), book.log());
        let run = quiet_ok(&book, &["import", format, &file]);
        assert_eq!(summary(&run), "created 0, updated 0, skipped 2, failed 0", "{format}");
        assert_eq!((snapshot(&book.root()), book.log()), (before, log), "{format}");
    }
}

/// A shared office address (info@) is not a person: three people on it are three records,
/// and the dry run, --json and the summary say which ones share it.
#[test]
fn people_sharing_an_info_address_stay_apart() {
    let rows = "Name,E-mail,Phone\n\
        Hans Müller,info@firma.de,+49 30 1234567\n\
        Greta Schmidt,info@firma.de,\n\
        Jürgen Weber,info@firma.de,+49 30 1234567\n\
        H. Müller,info@firma.de,+49 170 5550123\n";
    let book = TestBook::new();
    let file = local_bytes(&book, "firma.csv", rows.as_bytes());
    let run = book.rolo(["import", "csv", "--dry-run", &file]);
    assert_eq!(
        run.ok(),
        "create contact/hans-muller  Hans Müller\n\
         create contact/greta-schmidt  Greta Schmidt (possible duplicate: shares info@firma.de with contact/hans-muller)\n\
         create contact/jurgen-weber  Jürgen Weber (possible duplicate: shares info@firma.de with contact/hans-muller)\n\
         update contact/hans-muller  Hans Müller (+phones)\n"
    );
    let steps = book.rolo(["import", "csv", "--dry-run", "--json", &file]).json();
    assert_eq!(steps[0]["possible_duplicate"], serde_json::Value::Null);
    assert_eq!(
        steps[1]["possible_duplicate"],
        json!({"type": "contact", "id": "hans-muller", "shares": "info@firma.de"})
    );
    assert!(ids_in(&book, "contacts").is_empty(), "the dry runs wrote nothing");

    let run = quiet_ok(&book, &["import", "csv", &file]);
    assert_eq!(
        summary(&run),
        "created 3, updated 1, skipped 0, failed 0, 2 possible duplicates: \
         contact/greta-schmidt (shares info@firma.de with contact/hans-muller), \
         contact/jurgen-weber (shares info@firma.de with contact/hans-muller)"
    );
    assert_eq!(ids_in(&book, "contacts"), ["greta-schmidt", "hans-muller", "jurgen-weber"]);
    let hans = front_of(&book, "contacts/hans-muller.md");
    assert_eq!(hans["phones"], strs(&["+49 30 1234567", "+49 170 5550123"]), "H. Müller is Hans");
    let greta = front_of(&book, "contacts/greta-schmidt.md");
    assert_eq!(greta["emails"], strs(&["info@firma.de"]));
    assert!(greta.get("phones").is_none());
    let (before, log) = (snapshot(&book.root()), book.log());
    let run = quiet_ok(&book, &["import", "csv", &file]);
    assert_eq!(summary(&run), "created 0, updated 0, skipped 4, failed 0");
    assert_eq!((snapshot(&book.root()), book.log()), (before, log));
}

/// Cards that name a person less fully still find her: by an email alone, a first name,
/// initials or the other script.
#[test]
fn a_card_with_less_of_the_name_still_matches() {
    let book = TestBook::new();
    let anna = ["--phone", "+7 727 355 1234", "--email", "anna@altynmebel.kz"];
    add(&book, &[&["contact", "add", "Анна Петрова"], &anna[..]].concat());
    let cards = "BEGIN:VCARD\nVERSION:3.0\nEMAIL:anna@altynmebel.kz\nTITLE:Директор\nEND:VCARD\n\
        BEGIN:VCARD\nVERSION:3.0\nFN:А. Петрова\nTEL:8 (727) 355-12-34\nCATEGORIES:vip\nEND:VCARD\n\
        BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nEMAIL:ANNA@altynmebel.kz\nNOTE:Met in Almaty.\nEND:VCARD\n\
        BEGIN:VCARD\nVERSION:3.0\nFN:Anna Petrova\nTEL:+77273551234\nEMAIL:a.petrova@gmail.com\nEND:VCARD\n";
    let file = local_bytes(&book, "anna.vcf", cards.as_bytes());
    let run = quiet_ok(&book, &["import", "vcard", &file]);
    assert_eq!(summary(&run), "created 0, updated 4, skipped 0, failed 0");
    assert_eq!(ids_in(&book, "contacts"), ["anna-petrova"]);
    let anna = front_of(&book, "contacts/anna-petrova.md");
    assert_eq!(anna["name"], s("Анна Петрова"));
    assert_eq!(anna["title"], s("Директор"));
    assert_eq!(anna["tags"], strs(&["vip"]));
    assert_eq!(anna["emails"], strs(&["anna@altynmebel.kz", "a.petrova@gmail.com"]));
    assert_eq!(body(&book.read("contacts/anna-petrova.md")), "Met in Almaty.\n");
}
