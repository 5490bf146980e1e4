//! `rolo render` and `rolo mail`: the example templates `init` writes, filled from
//! Russian, Chinese and English records; strict names (a missing one is an error with
//! the template, line and name); the sandbox (no file outside templates/); `-o FILE`;
//! mail headers read back by a mail parser; `--log` as one note and one commit.

use crate::fixtures::{body, commit_all, front_of};
use crate::support::TestBook;

/// A book from `rolo init` (with its example templates) holding a Russian contact with
/// her company and an open deal in KZT, a Chinese one with a deal in CNY, and an English
/// one with nothing else; `[me]` set. Everything committed.
fn book() -> TestBook {
    let book = TestBook::new();
    let config = book.read("rolo.toml");
    book.write(
        "rolo.toml",
        &format!(
            "{config}\n[me]\nname = \"Айгүл Сейітқызы\"\nemail = \"aygul@example.kz\"\n\
             iban = \"KZ12 3456\"\n"
        ),
    );
    book.write("companies/ooo-severnyy-veter.md", "+++\nname = \"ООО «Северный ветер»\"\n+++\n");
    book.write(
        "contacts/anna-petrova.md",
        "+++\nname = \"Анна Петрова\"\nemails = [\"anna@severveter.ru\"]\n\
         company = \"ooo-severnyy-veter\"\n+++\nРуководитель маркетинга.\n",
    );
    book.write(
        "deals/sayt.md",
        "+++\ntitle = \"Сайт для турагентства\"\ncontact = \"anna-petrova\"\n\
         company = \"ooo-severnyy-veter\"\nstage = \"proposal\"\nvalue = 3800000\ncurrency = \"KZT\"\n+++\n",
    );
    book.write(
        "deals/old.md",
        "+++\ntitle = \"Старый заказ\"\ncontact = \"anna-petrova\"\nstage = \"won\"\nvalue = 1\n+++\n",
    );
    book.write("companies/bei-jing-chang-cheng.md", "+++\nname = \"北京长城贸易有限公司\"\n+++\n");
    book.write(
        "contacts/wang-xiao-ming.md",
        "+++\nname = \"王小明\"\nemails = [\"wang@changcheng.cn\"]\ncompany = \"bei-jing-chang-cheng\"\n+++\n",
    );
    book.write(
        "deals/wei-xin.md",
        "+++\ntitle = \"微信小程序开发\"\ncontact = \"wang-xiao-ming\"\nstage = \"negotiation\"\n\
         value = 85000.5\ncurrency = \"cny\"\n+++\n",
    );
    book.write(
        "contacts/john-smith.md",
        "+++\nname = \"John Smith\"\nemails = [\"john@example.com\"]\n+++\n",
    );
    commit_all(&book, "records");
    book
}

#[test]
fn the_proposal_for_a_russian_contact() {
    let book = book();
    let out = book.rolo(["render", "proposal", "anna-petrova"]);
    assert_eq!(
        out.ok(),
        "# Proposal: Сайт для турагентства\n\
         \n\
         - Date: 23.11.2026\n\
         - For: Анна Петрова, ООО «Северный ветер»\n\
         - From: Айгүл Сейітқызы\n\
         \n\
         | What | Amount |\n\
         |---|---|\n\
         | Сайт для турагентства | 3 800 000 KZT |\n\
         \n\
         This proposal is valid for 30 days. — Предложение действительно 30 дней.\n\
         \n\
         Айгүл Сейітқызы\n",
        "the won deal is not open, so it is not offered; the front matter is not printed"
    );
    assert_eq!(out.stderr, "");
}

#[test]
fn the_proposal_for_a_chinese_deal_and_an_english_contact() {
    let book = book();
    let deal = book.rolo(["render", "proposal.md", "deal/wei-xin"]).ok().to_string();
    assert!(deal.starts_with("# Proposal: 微信小程序开发\n"), "{deal}");
    assert!(deal.contains("- For: 微信小程序开发, 北京长城贸易有限公司\n"), "{deal}");
    assert!(deal.contains("| 微信小程序开发 | 85 000.50 CNY |\n"), "{deal}");
    let john = book.rolo(["render", "proposal", "John Smith"]).ok().to_string();
    assert!(john.starts_with("# Proposal\n"), "no deal, no title:\n{john}");
    assert!(john.contains("- For: John Smith\n- From: Айгүл Сейітқызы\n"), "{john}");
    assert!(john.contains("\nScope and price to be agreed.\n"), "{john}");
    // A company: its own name, its people's open deals.
    let company = book.rolo(["render", "proposal", "ooo-severnyy-veter"]).ok().to_string();
    assert!(company.contains("- For: ООО «Северный ветер»\n"), "{company}");
    assert!(company.contains("| Сайт для турагентства | 3 800 000 KZT |"), "{company}");
}

#[test]
fn the_follow_up_in_every_script() {
    let book = book();
    for (reference, greeting, about) in [
        (
            "anna-petrova",
            "Hello Анна Петрова,",
            "; I am following up on \"Сайт для турагентства\".",
        ),
        ("wang-xiao-ming", "Hello 王小明,", "; I am following up on \"微信小程序开发\"."),
        ("john-smith", "Hello John Smith,", "."),
    ] {
        let out = book.rolo(["render", "follow-up", reference]).ok().to_string();
        assert!(
            out.starts_with(&format!("{greeting}\n\nthank you for your time{about}\n")),
            "{out}"
        );
        assert!(out.contains("Спасибо! Буду рад ответить на ваши вопросы.\n"), "{out}");
        assert!(out.ends_with("Best regards,\nАйгүл Сейітқызы\n"), "{out}");
    }
    let wang = book.rolo(["render", "follow-up", "wang"]).ok().to_string();
    assert!(
        wang.contains("As discussed: 85 000.50 CNY.\n"),
        "the deal's currency, upper-cased:\n{wang}"
    );
}

#[test]
fn a_missing_name_is_an_error_with_template_line_and_name() {
    let book = book();
    book.write(
        "templates/contract.md",
        "# Договор\n\nИсполнитель: {{ me.name }}\nСумма: {{ deal.valeu | money }}\n",
    );
    let run = book.rolo(["render", "contract", "anna-petrova"]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(run.stdout, "", "nothing half-written");
    assert!(
        run.stderr.starts_with("error: templates/contract.md:4: `deal.valeu` is undefined\n"),
        "{run}"
    );
    // Printed bare, looped over, or in the subject: the same.
    book.write("templates/loop.md", "{% for p in contact.phones %}{{ p }}{% endfor %}\n");
    let run = book.rolo(["render", "loop", "anna-petrova"]);
    assert!(
        run.stderr.starts_with("error: templates/loop.md:1: `contact.phones` is undefined"),
        "{run}"
    );
    book.write("templates/subj.md", "+++\n# mail\nsubject = \"{{ deal.nope }}\"\n+++\nHi\n");
    let run = book.rolo(["render", "subj", "anna-petrova"]);
    assert!(
        run.stderr.starts_with("error: templates/subj.md:3: `deal.nope` is undefined"),
        "{run}"
    );
    // `[me]` not set: a hint says where.
    let config = book.read("rolo.toml");
    book.write("rolo.toml", &config[..config.find("[me]").unwrap()]);
    let run = book.rolo(["render", "proposal", "anna-petrova"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("templates/proposal.md:13: `me.name` is undefined"), "{run}");
    assert!(run.stderr.contains("hint: set it under [me] in rolo.toml"), "{run}");
    // A name a template tests first is fine.
    book.write("templates/opt.md", "{% if contact.phones %}{{ contact.phones[0] }}{% else %}—{% endif %} {{ contact.city | default(\"?\") }}\n");
    assert_eq!(book.rolo(["render", "opt", "anna-petrova"]).ok(), "— ?\n");
}

#[test]
fn templates_read_nothing_outside_templates() {
    let book = book();
    book.write("secret.txt", "TOP SECRET\n");
    for (name, text, wanted) in [
        ("up.md", "{% include \"../secret.txt\" %}\n", "\"../secret.txt\" is outside templates/"),
        ("abs.md", "x\n{% include \"/etc/passwd\" %}\n", "\"/etc/passwd\" is outside templates/"),
        (
            "conf.md",
            "{% import \"../rolo.toml\" as c %}\n",
            "\"../rolo.toml\" is outside templates/",
        ),
        ("open.md", "{{ open(\"/etc/passwd\") }}\n", "unknown function"),
        ("env.md", "{{ env.HOME }}\n", "`env` is undefined"),
    ] {
        book.write(&format!("templates/{name}"), text);
        let run = book.rolo(["render", name, "anna-petrova"]);
        assert_eq!(run.code, 1, "{name}: {run}");
        assert!(run.stderr.contains(wanted), "{name}: {run}");
        assert!(!run.stdout.contains("SECRET") && !run.stdout.contains("root:"), "{name}: {run}");
    }
    // A link inside templates/ that points outside is refused too.
    std::os::unix::fs::symlink(book.path("secret.txt"), book.path("templates/link.md")).unwrap();
    let run = book.rolo(["render", "link.md", "anna-petrova"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("outside templates/") && !run.stdout.contains("SECRET"), "{run}");
    // Other templates of templates/ may be included.
    book.write("templates/parts/sign.md", "— {{ me.name }}\n");
    book.write("templates/letter.md", "Hi {{ contact.name }}\n{% include \"parts/sign.md\" %}");
    assert_eq!(
        book.rolo(["render", "letter", "wang-xiao-ming"]).ok(),
        "Hi 王小明\n— Айгүл Сейітқызы\n"
    );
}

#[test]
fn unknown_templates_and_records_are_usage_errors() {
    let book = book();
    let run = book.rolo(["render", "invoice", "anna-petrova"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains(
            "no template \"invoice\" in templates/ (there are: follow-up.md, proposal.md)"
        ),
        "{run}"
    );
    book.write("templates/proposal.html", "<p>{{ contact.name }}</p>\n");
    let run = book.rolo(["render", "proposal", "anna-petrova"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("matches 2 templates: proposal.html, proposal.md"), "{run}");
    assert_eq!(book.rolo(["render", "proposal", "nobody"]).code, 2);
}

#[test]
fn html_templates_escape_what_they_print() {
    let book = book();
    book.write("contacts/x.md", "+++\nname = \"<b>Acme & Co</b>\"\n+++\n");
    book.write("templates/card.html", "<p>{{ contact.name }}</p>\n");
    book.write("templates/card.txt", "{{ contact.name }}\n");
    assert_eq!(
        book.rolo(["render", "card.html", "x"]).ok(),
        "<p>&lt;b&gt;Acme &amp; Co&lt;&#x2f;b&gt;</p>\n"
    );
    assert_eq!(book.rolo(["render", "card.txt", "x"]).ok(), "<b>Acme & Co</b>\n");
}

#[test]
fn output_goes_to_a_file_atomically_and_nothing_is_committed() {
    let book = book();
    let target = book.root().parent().unwrap().join("out/предложение.md");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "old\n").unwrap();
    let run = book.rolo(["render", "proposal", "anna-petrova", "-o", target.to_str().unwrap()]);
    assert_eq!(run.stdout, "", "{run}");
    assert!(run.stderr.contains("Wrote templates/proposal.md to"), "{run}");
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("# Proposal: Сайт для турагентства\n"), "{written}");
    assert_eq!(book.log().len(), 2, "render changes nothing in the book");
    // A failed render leaves the file as it was.
    book.write("templates/bad.md", "{{ nope }}\n");
    let run = book.rolo(["render", "bad", "anna-petrova", "-o", target.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), written);
}

fn parse(message: &str) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default().parse(message.as_bytes()).expect("a message")
}

#[test]
fn mail_headers_read_back_in_every_script() {
    let book = book();
    let run = book.rolo(["mail", "anna-petrova", "--template", "follow-up"]);
    let text = run.ok();
    let message = parse(text);
    let to = message.to().unwrap().first().unwrap();
    assert_eq!(to.name(), Some("Анна Петрова"));
    assert_eq!(to.address(), Some("anna@severveter.ru"));
    let from = message.from().unwrap().first().unwrap();
    assert_eq!((from.name(), from.address()), (Some("Айгүл Сейітқызы"), Some("aygul@example.kz")));
    assert_eq!(message.subject(), Some("Following up: Сайт для турагентства"));
    assert_eq!(message.date().unwrap().to_rfc3339(), "2026-11-23T10:00:00+05:00");
    assert!(message.message_id().unwrap().ends_with("@example.kz"));
    let body = message.body_text(0).unwrap();
    assert!(body.starts_with("Hello Анна Петрова,\n\nthank you"), "{body}");
    assert!(body.contains("As discussed: 3 800 000 KZT."));
    // The header block is ASCII: non-ASCII words are RFC 2047 encoded.
    let (headers, _) = text.split_once("\n\n").unwrap();
    assert!(headers.is_ascii(), "{headers}");
    for header in [
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=\"utf-8\"",
        "Content-Transfer-Encoding: 8bit",
    ] {
        assert!(headers.lines().any(|l| l == header), "{header}:\n{headers}");
    }
    assert!(!text.contains('\r'), "lines end in LF, as a pipe to sendmail carries them");
    // A deal goes to its contact; a Chinese name and subject.
    let text = book.rolo(["mail", "deal/wei-xin", "-t", "follow-up"]).ok().to_string();
    let message = parse(&text);
    assert_eq!(message.to().unwrap().first().unwrap().name(), Some("王小明"));
    assert_eq!(message.subject(), Some("Following up: 微信小程序开发"));
    assert_eq!(book.log().len(), 2, "without --log nothing is written");
}

#[test]
fn the_subject_is_the_first_line_without_front_matter() {
    let book = book();
    book.write(
        "templates/zvonok.md",
        "\n# Встреча в пятницу, {{ contact.name }}\n\nДобрый день!\n",
    );
    let text = book.rolo(["mail", "wang", "-t", "zvonok"]).ok().to_string();
    let message = parse(&text);
    assert_eq!(message.subject(), Some("Встреча в пятницу, 王小明"));
    assert_eq!(message.body_text(0).as_deref(), Some("Добрый день!\n"));
    // No address: exit 1, nothing printed.
    book.write("contacts/nomail.md", "+++\nname = \"Без Почты\"\n+++\n");
    let run = book.rolo(["mail", "nomail", "-t", "zvonok"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{run}");
    assert!(run.stderr.contains("contact/nomail has no email address"), "{run}");
}

#[test]
fn log_records_one_outgoing_email_note_in_one_commit() {
    let book = book();
    let run = book.rolo(["mail", "deal/sayt", "--template", "follow-up", "--log"]);
    let message = parse(run.ok());
    assert_eq!(message.subject(), Some("Following up: Сайт для турагентства"));
    assert!(run.stderr.contains("Logged note/2026-11-23-sayt."), "{run}");
    assert_eq!(book.log()[0], "note: add email with Сайт для турагентства");
    assert_eq!(book.log().len(), 3, "one commit more");
    let changed = book.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(changed.trim(), "notes/2026/2026-11-23-sayt.md");
    let note = book.read("notes/2026/2026-11-23-sayt.md");
    let f = front_of(&book, "notes/2026/2026-11-23-sayt.md");
    assert_eq!(f["kind"].as_str(), Some("email"));
    assert_eq!(f["direction"].as_str(), Some("out"));
    assert_eq!(f["date"].to_string(), "2026-11-23T10:00:00+05:00");
    let about: Vec<&str> =
        f["about"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(about, ["sayt", "anna-petrova"], "the deal and the person written to");
    assert!(
        body(&note).starts_with("Following up: Сайт для турагентства\n\nHello Анна Петрова,"),
        "{note}"
    );
    // The note counts as contact: the deal's last contact is today.
    let shown = book.rolo(["show", "sayt", "--json"]).json();
    assert_eq!(shown["last_contact"], "2026-11-23");
}
