//! CSV exports people bring: Google Contacts (old and 2023+ headers), Outlook, HubSpot,
//! a plain spreadsheet; `--map`, `--type deal|company`, bad rows with their lines.

use super::{ids_in, local, local_bytes, quiet_ok, snapshot, summary};
use crate::fixtures::{body, front_of, s, strs, tv};
use crate::support::TestBook;

#[test]
fn google_contacts_old_headers() {
    let book = TestBook::new();
    let file = local(&book, "google-old.csv");
    let run = quiet_ok(&book, &["import", "csv", &file]);
    assert!(
        run.stderr.starts_with("../google-old.csv: ignored columns: E-mail 1 - Type,"),
        "{run}"
    );
    let anna = front_of(&book, "contacts/anna-petrova.md");
    assert_eq!(anna["name"], s("Анна Петрова"));
    assert_eq!(anna["emails"], strs(&["anna@severveter.ru", "a.petrova@severveter.ru"]));
    assert_eq!(anna["phones"], strs(&["+7 916 555 0114"]));
    assert_eq!(anna["company"], s("ooo-severnyy-veter"));
    assert_eq!(anna["title"], s("Head of Marketing"));
    assert_eq!(anna["tags"], strs(&["Клиенты"]));
    assert_eq!(anna["city"], s("Москва"));
    assert_eq!(anna["birthday"], tv("1988-04-12"));
    assert_eq!(
        body(&book.read("contacts/anna-petrova.md")),
        "Всё согласует письменно.\nЛюбит подробные сметы.\n"
    );
    let li = front_of(&book, "contacts/li-na.md");
    assert_eq!((&li["birthday"], li.get("tags")), (&s("03-08"), None));
    assert_eq!(book.log()[0], "import: 2 contacts from google-old.csv");
}

#[test]
fn google_contacts_2023_headers() {
    let book = TestBook::new();
    let file = local(&book, "google-new.csv");
    quiet_ok(&book, &["import", "csv", &file]);
    let jurgen = front_of(&book, "contacts/jurgen-muller.md");
    assert_eq!(jurgen["name"], s("Jürgen Müller"), "First Name + Last Name");
    assert_eq!(jurgen["company"], s("muller-sohne-gmbh"));
    assert_eq!(jurgen["title"], s("Geschäftsführer"));
    assert_eq!(jurgen["phones"], strs(&["+49 30 5550 1234", "+49 151 5550 9876"]));
    assert_eq!(jurgen["tags"], strs(&["Kunden", "starred"]));
    assert_eq!(jurgen["city"], s("Berlin"));
    let wang = front_of(&book, "contacts/wang-xiao-ming.md");
    assert_eq!(wang["name"], s("王小明"), "family name first, no space, in Chinese");
    assert_eq!(wang["birthday"], s("04-12"));
}

#[test]
fn outlook() {
    let book = TestBook::new();
    let file = local(&book, "outlook.csv");
    let run = quiet_ok(&book, &["import", "csv", &file]);
    assert!(
        run.stderr.contains("ignored columns: Title, Gender, Anniversary, Company Main Phone,"),
        "{run}"
    );
    let emily = front_of(&book, "contacts/emily-clark.md");
    assert_eq!(emily["title"], s("Marketing Lead"), "Outlook's Title is Ms.; the job is Job Title");
    assert_eq!(emily["birthday"], tv("1988-04-12"), "4/12/1988");
    assert_eq!(
        emily["phones"],
        strs(&["+44 7700 900456", "+44 20 7946 0959"]),
        "not the company's number"
    );
    assert_eq!(emily["city"], s("London"), "the business city before the home one");
    assert_eq!(emily["tags"], strs(&["VIP", "Clients"]));
    assert_eq!(emily["company"], s("kettle-finch-ltd"));
    let birgit = front_of(&book, "contacts/birgit-schafer.md");
    assert!(birgit.get("birthday").is_none(), "0/0/00 is Outlook's blank");
    assert_eq!(birgit["city"], s("München"));
}

#[test]
fn hubspot() {
    let book = TestBook::new();
    let file = local(&book, "hubspot.csv");
    quiet_ok(&book, &["import", "csv", &file]);
    let james = front_of(&book, "contacts/james-obrien.md");
    assert_eq!(james["name"], s("James O'Brien"));
    assert_eq!(james["stage"], s("customer"), "Lifecycle Stage");
    assert_eq!(james["owner"], s("asel"), "Contact owner");
    assert_eq!(james["source"], s("Offline Sources"), "Original Source");
    assert_eq!(james["company"], s("obrien-consulting"));
    let madina = front_of(&book, "contacts/madina-erzhanova.md");
    assert_eq!(madina["phones"], strs(&["+7 707 555 0177"]), "Mobile Phone Number");
    assert_eq!(madina["owner"], s("me"));
    assert_eq!(front_of(&book, "companies/too-qazyna-dent.md")["name"], s("ТОО «Qazyna Dent»"));
}

#[test]
fn a_plain_spreadsheet_with_bad_rows() {
    let book = TestBook::new();
    let file = local(&book, "plain.csv");
    let run = book.rolo(["import", "csv", &file]);
    assert_eq!(run.code, 1, "{run}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "../plain.csv:4: nothing to name it by: no name, first or last name, email or phone",
            "../plain.csv:5: warning: birthday: \"someday\" is not a date (YYYY-MM-DD, --MM-DD, MM-DD); left out",
            "created 3, updated 0, skipped 0, failed 1 (and 2 companies they link to)",
            "error: 1 of 4 records could not be imported",
        ]
    );
    let nurlan = front_of(&book, "contacts/nurlan-zhumabaev.md");
    assert_eq!(nurlan["tags"], strs(&["partner", "b2b"]));
    assert_eq!(nurlan["company"], s("steppe-digital-llp"));
    assert_eq!(front_of(&book, "contacts/aygul-seyitqyzy.md")["birthday"], s("04-12"));
    assert!(front_of(&book, "contacts/olga-lebedeva.md").get("birthday").is_none());
    assert_eq!(
        ids_in(&book, "companies"),
        ["steppe-digital-llp", "too-altyn-mebel"],
        "no company for the failed row"
    );
}

#[test]
fn line_numbers_count_quoted_line_breaks() {
    let book = TestBook::new();
    let text =
        "name,notes,email\n\"Anna\",\"two\nlines\",anna@x.ru\n,\"no name\",\nBoris,,boris@x.ru\n";
    let file = local_bytes(&book, "multi.csv", text.as_bytes());
    let run = book.rolo(["import", "csv", &file]);
    assert!(run.stderr.starts_with("../multi.csv:4: nothing to name it by"), "{run}");
    assert_eq!(body(&book.read("contacts/anna.md")), "two\nlines\n");
}

#[test]
fn repeating_a_csv_import_changes_nothing() {
    let book = TestBook::new();
    for name in ["google-old.csv", "google-new.csv", "outlook.csv", "hubspot.csv"] {
        let file = local(&book, name);
        quiet_ok(&book, &["import", "csv", &file]);
        let (before, log) = (snapshot(&book.root()), book.log());
        let run = quiet_ok(&book, &["import", "csv", &file]);
        assert!(run.stderr.contains("Nothing changed.\n"), "{name}: {run}");
        assert_eq!((snapshot(&book.root()), book.log()), (before, log), "{name}");
    }
}

#[test]
fn map_semicolons_and_charsets() {
    let book = TestBook::new();
    // European Excel: `;` between columns, windows-1252 bytes ("Jürgen": ü = 0xFC).
    let text = b"Kontakt;E-Mail;Branche;Notiz\nJ\xFCrgen M\xFCller;j@m.de;Maschinenbau;x\n";
    let file = local_bytes(&book, "excel.csv", text);
    let run = book.rolo(["import", "csv", &file]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("../excel.csv:2: not valid UTF-8"), "{run}");
    let args = [
        "import",
        "csv",
        "--charset",
        "windows-1252",
        "--map",
        "Kontakt=name",
        "--map",
        "Branche=fields.industry",
        "--map",
        "Notiz=",
        &file,
    ];
    let run = quiet_ok(&book, &args);
    assert!(!run.stderr.contains("ignored"), "a mapped-away column is not reported: {run}");
    let jurgen = front_of(&book, "contacts/jurgen-muller.md");
    assert_eq!(jurgen["name"], s("Jürgen Müller"));
    assert_eq!(jurgen["emails"], strs(&["j@m.de"]));
    assert_eq!(jurgen["fields"]["industry"], s("Maschinenbau"));
    let run = book.rolo(["import", "csv", "--charset", "cp1252", "--map", "Nope=name", &file]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.starts_with("error: --map: no column \"Nope\" in the header"), "{run}");
}

#[test]
fn deals_and_companies() {
    let book = TestBook::new();
    let contacts = local(&book, "plain.csv");
    book.rolo(["import", "csv", &contacts]);
    let deals = "Deal Name,Amount,Currency,Deal Stage,Close Date,Contact,Company Name\n\
        Интернет-магазин,3800000,kzt,Proposal,2026-12-20,aigul@altynmebel.kz,ТОО «Алтын Мебель»\n\
        Mobile app,12000,EUR,closed won,,,\n\
        Landing,lots,EUR,lead,,,\n\
        Редизайн,450000,RUB,,2027-01-15,Новый Человек,\n";
    let file = local_bytes(&book, "deals.csv", deals.as_bytes());
    let run = book.rolo(["import", "csv", "--type", "deal", &file]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.starts_with(
        "../deals.csv:3: stage: unknown stage \"closed won\"; stages are: lead, qualified, proposal, negotiation, won, lost\n../deals.csv:4: value: \"lots\" is not a number\n"
    ), "{run}");
    let shop = front_of(&book, "deals/internet-magazin.md");
    assert_eq!(shop["contact"], s("aygul-seyitqyzy"), "a contact by email");
    assert_eq!(shop["company"], s("too-altyn-mebel"));
    assert_eq!(
        (&shop["stage"], &shop["value"], &shop["currency"]),
        (&s("proposal"), &tv("3800000"), &s("KZT"))
    );
    assert_eq!(shop["close"], tv("2026-12-20"));
    assert_eq!(shop["history"][0]["stage"], s("proposal"));
    let redesign = front_of(&book, "deals/redizayn.md");
    assert_eq!(redesign["stage"], s("lead"), "the pipeline's first stage");
    assert_eq!(redesign["contact"], s("novyy-chelovek"), "a contact named by a deal is created");
    assert_eq!(
        summary(&book.rolo(["import", "csv", "--type", "deal", &file])),
        "created 0, updated 0, skipped 2, failed 2"
    );

    let companies = "name,domain,city,tags\nТОО «Алтын Мебель»,https://www.altynmebel.kz/,Алматы,vip; furniture\nNew Co,newco.kz,Астана,\n";
    let file = local_bytes(&book, "companies.csv", companies.as_bytes());
    let run = quiet_ok(&book, &["import", "csv", "--type", "company", &file]);
    assert_eq!(summary(&run), "created 1, updated 1, skipped 0, failed 0");
    let altyn = front_of(&book, "companies/too-altyn-mebel.md");
    assert_eq!(
        (&altyn["domain"], &altyn["tags"]),
        (&s("altynmebel.kz"), &strs(&["vip", "furniture"]))
    );
    assert_eq!(front_of(&book, "companies/new-co.md")["city"], s("Астана"));
}
