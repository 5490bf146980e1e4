//! `list` for every kind: filters, sort orders, --limit, JSON shape, empty lists
//! (docs/format.md: "Commands"). The book is written by hand so every date is known.

use serde_json::Value as Json;

use crate::fixtures::list_ids;
use crate::support::TestBook;

/// Today is Monday 2026-11-23 (ROLO_NOW); 90 days before is 2026-08-25.
fn book() -> TestBook {
    let book = TestBook::new();
    let contact = |id: &str, front: &str| {
        book.write(&format!("contacts/{id}.md"), &format!("+++\n{front}+++\n"));
    };
    contact(
        "anna-petrova",
        "name = \"Анна Петрова\"\ncompany = \"ooo-severnyy-veter\"\ntags = [\"vip\", \"b2b\"]\nsource = \"referral\"\nowner = \"me\"\nstage = \"customer\"\ncity = \"Москва\"\ncreated = 2025-10-20T10:00:00Z\n",
    );
    contact(
        "wang-xiao-ming",
        "name = \"王小明\"\ntags = [\"b2b\"]\nsource = \"website\"\nowner = \"asel\"\nstage = \"lead\"\ncity = \"上海\"\ncreated = 2026-01-05T09:00:00+08:00\n",
    );
    contact(
        "aygul-seyitqyzy",
        "name = \"Айгүл Сейітқызы\"\ncompany = \"too-altyn-mebel\"\ntags = [\"vip\"]\nsource = \"referral\"\nowner = \"me\"\nstage = \"prospect\"\ncity = \"Алматы\"\ncreated = 2026-03-01T10:00:00+05:00\n",
    );
    contact(
        "jurgen-grosser",
        "name = \"Jürgen Größer\"\ncompany = \"muller-sohne-gmbh\"\ntags = [\"germany\", \"VIP\"]\nsource = \"linkedin\"\nowner = \"me\"\nstage = \"customer\"\ncity = \"München\"\ncreated = 2025-12-01T09:00:00+01:00\n",
    );
    contact(
        "boris-kim",
        "name = \"Борис Ким\"\nsource = \"website\"\nowner = \"me\"\nstage = \"lead\"\ncity = \"Алматы\"\ncreated = 2026-11-01T10:00:00+05:00\n",
    );
    let company = |id: &str, front: &str| {
        book.write(&format!("companies/{id}.md"), &format!("+++\n{front}+++\n"));
    };
    company(
        "too-altyn-mebel",
        "name = \"ТОО «Алтын Мебель»\"\ncity = \"Алматы\"\ntags = [\"furniture\"]\nsource = \"referral\"\nowner = \"me\"\ncreated = 2025-09-01T10:00:00+05:00\n",
    );
    company(
        "muller-sohne-gmbh",
        "name = \"Müller & Söhne GmbH\"\ncity = \"München\"\nsource = \"linkedin\"\nowner = \"me\"\ncreated = 2025-11-01T10:00:00+01:00\n",
    );
    company(
        "ooo-severnyy-veter",
        "name = \"ООО «Северный ветер»\"\ncity = \"Москва\"\nowner = \"asel\"\ncreated = 2025-10-01T10:00:00+03:00\n",
    );
    company(
        "shang-hai-lan-hai",
        "name = \"上海蓝海科技有限公司\"\ncity = \"上海\"\nowner = \"me\"\ncreated = 2026-02-01T10:00:00+08:00\n",
    );
    let deal = |id: &str, front: &str| {
        book.write(&format!("deals/{id}.md"), &format!("+++\n{front}+++\n"));
    };
    deal(
        "sayt-dlya-altyn-mebel",
        "title = \"Сайт для «Алтын Мебели»\"\ncontact = \"aygul-seyitqyzy\"\ncompany = \"too-altyn-mebel\"\nstage = \"proposal\"\nvalue = 1500000\ncurrency = \"KZT\"\nclose = 2026-12-15\nowner = \"me\"\nsource = \"referral\"\ntags = [\"web\"]\ncreated = 2026-03-02T10:00:00+05:00\n",
    );
    deal(
        "online-shop-relaunch",
        "title = \"Online-Shop Relaunch\"\ncontact = \"jurgen-grosser\"\ncompany = \"muller-sohne-gmbh\"\nstage = \"negotiation\"\nvalue = 18000\ncurrency = \"EUR\"\nclose = 2026-12-01\nowner = \"me\"\nsource = \"linkedin\"\ntags = [\"web\", \"shop\"]\ncreated = 2026-10-20T10:00:00+01:00\n",
    );
    deal(
        "wei-xin-xiao-cheng-xu",
        "title = \"微信小程序开发\"\ncontact = \"wang-xiao-ming\"\ncompany = \"shang-hai-lan-hai\"\nstage = \"won\"\nvalue = 80000.5\ncurrency = \"CNY\"\nclose = 2026-10-01\nowner = \"asel\"\nsource = \"website\"\ncreated = 2026-02-01T10:00:00+08:00\n",
    );
    deal(
        "redizayn-sayta",
        "title = \"Редизайн сайта\"\ncontact = \"anna-petrova\"\ncompany = \"ooo-severnyy-veter\"\nstage = \"lost\"\nvalue = 300000\ncurrency = \"RUB\"\nowner = \"me\"\nsource = \"referral\"\nlost_reason = \"budget\"\ncreated = 2025-11-01T10:00:00+03:00\n",
    );
    deal(
        "telegram-bot",
        "title = \"Telegram-бот\"\ncompany = \"too-altyn-mebel\"\nstage = \"lead\"\nowner = \"me\"\ncreated = 2026-11-20T10:00:00+05:00\n",
    );
    let note = |id: &str, front: &str, text: &str| {
        book.write(&format!("notes/{}/{id}.md", &id[..4]), &format!("+++\n{front}+++\n{text}"));
    };
    note(
        "2026-11-20-anna-petrova",
        "date = 2026-11-20T15:00:00+05:00\nkind = \"call\"\ndirection = \"out\"\nabout = [\"anna-petrova\"]\n",
        "Обсудили продление хостинга.\n",
    );
    note(
        "2026-06-01-anna-petrova",
        "date = 2026-06-01T11:00:00+03:00\nkind = \"email\"\ndirection = \"in\"\nabout = [\"anna-petrova\", \"redizayn-sayta\"]\n",
        "Бюджета на редизайн нет.\n",
    );
    note(
        "2026-07-01-aygul-seyitqyzy",
        "date = 2026-07-01T12:00:00+05:00\nkind = \"meeting\"\nabout = [\"aygul-seyitqyzy\", \"sayt-dlya-altyn-mebel\"]\n",
        "Встреча в шоуруме.\n",
    );
    note(
        "2026-10-15-jurgen-grosser",
        "date = 2026-10-15T10:00:00+02:00\nkind = \"message\"\ndirection = \"in\"\nabout = [\"jurgen-grosser\"]\n",
        "Bitte Angebot bis Freitag.\n",
    );
    note(
        "2026-08-30-wang-xiao-ming",
        "date = 2026-08-30T10:00:00+08:00\nkind = \"call\"\ndirection = \"out\"\nabout = [\"wang-xiao-ming\"]\n",
        "讨论了小程序的需求。\n",
    );
    let task = |id: &str, front: &str| {
        book.write(&format!("tasks/{id}.md"), &format!("+++\n{front}+++\n"));
    };
    task(
        "pozvonit-anne",
        "title = \"Позвонить Анне\"\ndue = 2026-11-20\nabout = [\"anna-petrova\"]\nowner = \"me\"\n",
    );
    task(
        "otpravit-schet",
        "title = \"Отправить счёт\"\ndue = 2026-11-23\nabout = [\"too-altyn-mebel\"]\nowner = \"me\"\n",
    );
    task(
        "angebot-schicken",
        "title = \"Angebot schicken\"\ndue = 2026-11-22T18:00:00+05:00\nabout = [\"jurgen-grosser\", \"online-shop-relaunch\"]\nowner = \"me\"\n",
    );
    task(
        "gei-wang-fa-piao",
        "title = \"给王小明发票\"\ndue = 2026-12-05\nabout = [\"wang-xiao-ming\"]\nrepeat = \"1m\"\nowner = \"asel\"\n",
    );
    task(
        "vstrecha-v-ofise",
        "title = \"Встреча в офисе\"\ndue = 2026-11-10\ndone = 2026-11-10T12:00:00+05:00\nabout = [\"aygul-seyitqyzy\"]\nowner = \"me\"\n",
    );
    task("razobrat-pochtu", "title = \"Разобрать почту\"\nowner = \"me\"\n");
    book
}

#[track_caller]
fn check(book: &TestBook, args: &[&str], expected: &[&str]) {
    assert_eq!(list_ids(book, args), expected, "rolo {}", args.join(" "));
}

#[test]
fn contacts_sort_by_name_by_default() {
    let book = book();
    check(
        &book,
        &["contact", "list"],
        &["jurgen-grosser", "aygul-seyitqyzy", "anna-petrova", "boris-kim", "wang-xiao-ming"],
    );
}

#[test]
fn contact_filters() {
    let book = book();
    check(
        &book,
        &["contact", "list", "--tag", "vip"],
        &["jurgen-grosser", "aygul-seyitqyzy", "anna-petrova"],
    );
    check(&book, &["contact", "list", "--tag", "vip", "--tag", "b2b"], &["anna-petrova"]);
    check(&book, &["contact", "list", "--tag", "b2b"], &["anna-petrova", "wang-xiao-ming"]);
    check(&book, &["contact", "list", "--stage", "customer"], &["jurgen-grosser", "anna-petrova"]);
    check(
        &book,
        &["contact", "list", "--stage", "lead", "--stage", "prospect"],
        &["aygul-seyitqyzy", "boris-kim", "wang-xiao-ming"],
    );
    check(&book, &["contact", "list", "--owner", "asel"], &["wang-xiao-ming"]);
    check(&book, &["contact", "list", "--owner", "asel", "--owner", "nobody"], &["wang-xiao-ming"]);
    check(
        &book,
        &["contact", "list", "--source", "referral"],
        &["aygul-seyitqyzy", "anna-petrova"],
    );
    check(&book, &["contact", "list", "--city", "Алматы"], &["aygul-seyitqyzy", "boris-kim"]);
    check(&book, &["contact", "list", "--city", "München"], &["jurgen-grosser"]);
    check(&book, &["contact", "list", "--company", "too-altyn-mebel"], &["aygul-seyitqyzy"]);
    check(&book, &["contact", "list", "--company", "ТОО «Алтын Мебель»"], &["aygul-seyitqyzy"]);
    check(&book, &["contact", "list", "--company", "muller"], &["jurgen-grosser"]);
    check(
        &book,
        &["contact", "list", "--source", "referral", "--city", "Москва"],
        &["anna-petrova"],
    );
}

#[test]
fn quiet_since_includes_the_never_contacted() {
    let book = book();
    // Cut-off 2026-08-25: Айгүл last met 07-01, Борис never; 王小明 (08-30) is recent enough.
    check(&book, &["contact", "list", "--quiet-since", "90d"], &["aygul-seyitqyzy", "boris-kim"]);
    check(
        &book,
        &["contact", "list", "--quiet-since", "30d"],
        &["jurgen-grosser", "aygul-seyitqyzy", "boris-kim", "wang-xiao-ming"],
    );
    check(&book, &["contact", "list", "--quiet-since", "1y"], &["boris-kim"]);
    // A company's last contact comes from notes about its people.
    check(
        &book,
        &["company", "list", "--quiet-since", "90d"],
        &["too-altyn-mebel", "shang-hai-lan-hai"],
    );
}

#[test]
fn bad_quiet_since_is_a_usage_error() {
    let book = book();
    let run = book.rolo(["contact", "list", "--quiet-since", "forever"]);
    assert_eq!(run.code, 2, "{run}");
}

#[test]
fn contact_sort_orders() {
    let book = book();
    check(
        &book,
        &["contact", "list", "--sort", "-created"],
        &["boris-kim", "aygul-seyitqyzy", "wang-xiao-ming", "jurgen-grosser", "anna-petrova"],
    );
    check(
        &book,
        &["contact", "list", "--sort", "created"],
        &["anna-petrova", "jurgen-grosser", "wang-xiao-ming", "aygul-seyitqyzy", "boris-kim"],
    );
    check(
        &book,
        &["contact", "list", "--sort", "-name"],
        &["wang-xiao-ming", "boris-kim", "anna-petrova", "aygul-seyitqyzy", "jurgen-grosser"],
    );
    // The longest silence first; never contacted at the end.
    check(
        &book,
        &["contact", "list", "--sort", "last-contact"],
        &["aygul-seyitqyzy", "wang-xiao-ming", "jurgen-grosser", "anna-petrova", "boris-kim"],
    );
    check(
        &book,
        &["contact", "list", "--sort", "-last-contact"],
        &["anna-petrova", "jurgen-grosser", "wang-xiao-ming", "aygul-seyitqyzy", "boris-kim"],
    );
}

#[test]
fn limit_applies_after_sorting() {
    let book = book();
    check(
        &book,
        &["contact", "list", "--sort", "-created", "--limit", "2"],
        &["boris-kim", "aygul-seyitqyzy"],
    );
    check(&book, &["contact", "list", "--limit", "1"], &["jurgen-grosser"]);
    check(
        &book,
        &["contact", "list", "--tag", "vip", "--limit", "10"],
        &["jurgen-grosser", "aygul-seyitqyzy", "anna-petrova"],
    );
    check(&book, &["contact", "list", "--limit", "0"], &[]);
}

#[test]
fn unknown_sort_key_is_a_usage_error() {
    let book = book();
    let run = book.rolo(["contact", "list", "--sort", "shoe-size"]);
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(run.stdout, "");
}

#[test]
fn company_list() {
    let book = book();
    // By name: Latin, then Cyrillic, then Chinese.
    check(
        &book,
        &["company", "list"],
        &["muller-sohne-gmbh", "ooo-severnyy-veter", "too-altyn-mebel", "shang-hai-lan-hai"],
    );
    check(&book, &["company", "list", "--city", "München"], &["muller-sohne-gmbh"]);
    check(&book, &["company", "list", "--tag", "furniture"], &["too-altyn-mebel"]);
    check(&book, &["company", "list", "--owner", "asel"], &["ooo-severnyy-veter"]);
    check(&book, &["company", "list", "--source", "linkedin"], &["muller-sohne-gmbh"]);
    check(
        &book,
        &["company", "list", "--sort", "-last-contact"],
        &["ooo-severnyy-veter", "muller-sohne-gmbh", "too-altyn-mebel", "shang-hai-lan-hai"],
    );
}

#[test]
fn deals_sort_by_pipeline_stage_by_default() {
    let book = book();
    check(
        &book,
        &["deal", "list"],
        &[
            "telegram-bot",
            "sayt-dlya-altyn-mebel",
            "online-shop-relaunch",
            "wei-xin-xiao-cheng-xu",
            "redizayn-sayta",
        ],
    );
}

#[test]
fn deal_filters() {
    let book = book();
    check(
        &book,
        &["deal", "list", "--open"],
        &["telegram-bot", "sayt-dlya-altyn-mebel", "online-shop-relaunch"],
    );
    check(&book, &["deal", "list", "--stage", "proposal"], &["sayt-dlya-altyn-mebel"]);
    check(
        &book,
        &["deal", "list", "--stage", "won", "--stage", "lost"],
        &["wei-xin-xiao-cheng-xu", "redizayn-sayta"],
    );
    check(&book, &["deal", "list", "--owner", "asel"], &["wei-xin-xiao-cheng-xu"]);
    check(
        &book,
        &["deal", "list", "--source", "referral"],
        &["sayt-dlya-altyn-mebel", "redizayn-sayta"],
    );
    check(&book, &["deal", "list", "--source", "referral", "--open"], &["sayt-dlya-altyn-mebel"]);
    check(
        &book,
        &["deal", "list", "--company", "too-altyn-mebel"],
        &["telegram-bot", "sayt-dlya-altyn-mebel"],
    );
    check(&book, &["deal", "list", "--contact", "jurgen-grosser"], &["online-shop-relaunch"]);
    check(
        &book,
        &["deal", "list", "--tag", "web"],
        &["sayt-dlya-altyn-mebel", "online-shop-relaunch"],
    );
    check(&book, &["deal", "list", "--tag", "web", "--tag", "shop"], &["online-shop-relaunch"]);
}

#[test]
fn deal_sort_by_value_and_close() {
    let book = book();
    // Deals without the key go last either way.
    check(
        &book,
        &["deal", "list", "--sort", "value"],
        &[
            "online-shop-relaunch",
            "wei-xin-xiao-cheng-xu",
            "redizayn-sayta",
            "sayt-dlya-altyn-mebel",
            "telegram-bot",
        ],
    );
    check(
        &book,
        &["deal", "list", "--sort", "-value"],
        &[
            "sayt-dlya-altyn-mebel",
            "redizayn-sayta",
            "wei-xin-xiao-cheng-xu",
            "online-shop-relaunch",
            "telegram-bot",
        ],
    );
    check(
        &book,
        &["deal", "list", "--sort", "close"],
        &[
            "wei-xin-xiao-cheng-xu",
            "online-shop-relaunch",
            "sayt-dlya-altyn-mebel",
            "telegram-bot",
            "redizayn-sayta",
        ],
    );
    check(
        &book,
        &["deal", "list", "--open", "--sort", "-close", "--limit", "1"],
        &["sayt-dlya-altyn-mebel"],
    );
}

#[test]
fn notes_newest_first_and_filters() {
    let book = book();
    check(
        &book,
        &["note", "list"],
        &[
            "2026-11-20-anna-petrova",
            "2026-10-15-jurgen-grosser",
            "2026-08-30-wang-xiao-ming",
            "2026-07-01-aygul-seyitqyzy",
            "2026-06-01-anna-petrova",
        ],
    );
    check(
        &book,
        &["note", "list", "--kind", "call"],
        &["2026-11-20-anna-petrova", "2026-08-30-wang-xiao-ming"],
    );
    check(
        &book,
        &["note", "list", "--kind", "call", "--kind", "email"],
        &["2026-11-20-anna-petrova", "2026-08-30-wang-xiao-ming", "2026-06-01-anna-petrova"],
    );
    check(
        &book,
        &["note", "list", "--about", "anna-petrova"],
        &["2026-11-20-anna-petrova", "2026-06-01-anna-petrova"],
    );
    check(
        &book,
        &["note", "list", "--about", "Анна Петрова"],
        &["2026-11-20-anna-petrova", "2026-06-01-anna-petrova"],
    );
    check(&book, &["note", "list", "--about", "deal/redizayn-sayta"], &["2026-06-01-anna-petrova"]);
    check(
        &book,
        &["note", "list", "--direction", "in"],
        &["2026-10-15-jurgen-grosser", "2026-06-01-anna-petrova"],
    );
    check(
        &book,
        &["note", "list", "--since", "2026-08-01", "--until", "2026-10-31"],
        &["2026-10-15-jurgen-grosser", "2026-08-30-wang-xiao-ming"],
    );
    check(
        &book,
        &["note", "list", "--sort", "date", "--limit", "2"],
        &["2026-06-01-anna-petrova", "2026-07-01-aygul-seyitqyzy"],
    );
}

#[test]
fn note_about_an_unknown_record_is_a_usage_error() {
    let book = book();
    let run = book.rolo(["note", "list", "--about", "nobody-at-all"]);
    assert_eq!(run.code, 2, "{run}");
}

#[test]
fn tasks_by_due_date() {
    let book = book();
    check(
        &book,
        &["task", "list"],
        &[
            "vstrecha-v-ofise",
            "pozvonit-anne",
            "angebot-schicken",
            "otpravit-schet",
            "gei-wang-fa-piao",
            "razobrat-pochtu",
        ],
    );
    check(
        &book,
        &["task", "list", "--sort", "-due"],
        &[
            "gei-wang-fa-piao",
            "otpravit-schet",
            "angebot-schicken",
            "pozvonit-anne",
            "vstrecha-v-ofise",
            "razobrat-pochtu",
        ],
    );
}

#[test]
fn task_filters() {
    let book = book();
    check(
        &book,
        &["task", "list", "--open"],
        &[
            "pozvonit-anne",
            "angebot-schicken",
            "otpravit-schet",
            "gei-wang-fa-piao",
            "razobrat-pochtu",
        ],
    );
    // Due today (a date) is not overdue yet; a datetime that has passed is.
    check(&book, &["task", "list", "--overdue"], &["pozvonit-anne", "angebot-schicken"]);
    check(&book, &["task", "list", "--done"], &["vstrecha-v-ofise"]);
    check(
        &book,
        &["task", "list", "--due-before", "2026-12-01"],
        &["pozvonit-anne", "angebot-schicken", "otpravit-schet"],
    );
    check(
        &book,
        &["task", "list", "--due-before", "friday"],
        &["pozvonit-anne", "angebot-schicken", "otpravit-schet"],
    );
    check(&book, &["task", "list", "--about", "anna-petrova"], &["pozvonit-anne"]);
    check(&book, &["task", "list", "--about", "online-shop-relaunch"], &["angebot-schicken"]);
    check(&book, &["task", "list", "--owner", "asel"], &["gei-wang-fa-piao"]);
    check(
        &book,
        &["task", "list", "--open", "--limit", "2"],
        &["pozvonit-anne", "angebot-schicken"],
    );
}

#[test]
fn done_conflicts_with_open() {
    let book = book();
    let run = book.rolo(["task", "list", "--done", "--open"]);
    assert_eq!(run.code, 2, "{run}");
}

fn one<'a>(list: &'a Json, id: &str) -> &'a serde_json::Map<String, Json> {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {list}"))
        .as_object()
        .unwrap()
}

#[test]
fn contact_json_has_keys_and_derived_fields() {
    let book = book();
    let list = book.rolo(["contact", "list", "--json"]).json();
    let anna = one(&list, "anna-petrova");
    assert_eq!(anna["type"], "contact");
    assert_eq!(anna["path"], "contacts/anna-petrova.md");
    assert_eq!(anna["name"], "Анна Петрова");
    assert_eq!(anna["tags"], serde_json::json!(["vip", "b2b"]));
    assert_eq!(anna["company"], "ooo-severnyy-veter");
    assert_eq!(anna["body"], "");
    assert_eq!(anna["last_contact"], "2026-11-20");
    assert!(anna["created"].as_str().is_some_and(|c| c.starts_with("2025-10-20")), "{anna:?}");
    let boris = one(&list, "boris-kim");
    assert_eq!(boris["last_contact"], Json::Null, "never contacted");
    // Every record carries id, type, path and body.
    for r in list.as_array().unwrap() {
        for key in ["id", "type", "path", "body", "name", "last_contact"] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
    }
}

#[test]
fn note_task_and_deal_json() {
    let book = book();
    let notes = book.rolo(["note", "list", "--json"]).json();
    let n = one(&notes, "2026-06-01-anna-petrova");
    assert_eq!(n["type"], "note");
    assert_eq!(n["path"], "notes/2026/2026-06-01-anna-petrova.md");
    assert_eq!(n["kind"], "email");
    assert_eq!(n["direction"], "in");
    assert_eq!(n["about"], serde_json::json!(["anna-petrova", "redizayn-sayta"]));
    assert_eq!(n["body"], "Бюджета на редизайн нет.\n");
    let deals = book.rolo(["deal", "list", "--json"]).json();
    let d = one(&deals, "wei-xin-xiao-cheng-xu");
    assert_eq!(d["type"], "deal");
    assert_eq!(d["value"], 80000.5);
    assert_eq!(d["currency"], "CNY");
    assert_eq!(d["title"], "微信小程序开发");
    let d = one(&deals, "sayt-dlya-altyn-mebel");
    assert_eq!(d["value"], 1_500_000);
    assert_eq!(d["last_contact"], "2026-07-01");
    let tasks = book.rolo(["task", "list", "--json"]).json();
    let t = one(&tasks, "gei-wang-fa-piao");
    assert_eq!(t["type"], "task");
    assert_eq!(t["due"], "2026-12-05");
    assert_eq!(t["repeat"], "1m");
    assert_eq!(t["path"], "tasks/gei-wang-fa-piao.md");
}

#[test]
fn empty_lists_are_an_empty_array_and_exit_0() {
    let book = TestBook::new();
    for kind in ["contact", "company", "deal", "note", "task"] {
        let run = book.rolo([kind, "list", "--json"]);
        assert_eq!(run.code, 0, "{run}");
        let json: Json = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(json, serde_json::json!([]), "{kind}");
        let run = book.rolo([kind, "list"]);
        assert_eq!(run.code, 0, "{run}");
    }
    let book = self::book();
    let run = book.rolo(["contact", "list", "--tag", "nobody-has-this", "--json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stdout.trim(), "[]");
}

#[test]
fn human_table_shows_names_and_derived_columns() {
    let book = book();
    let wide = |args: &[&str]| {
        let mut cmd = book.command(args);
        cmd.env("COLUMNS", "250");
        crate::support::run(cmd).ok().to_string()
    };
    let out = wide(&["contact", "list"]);
    for text in
        ["ID", "NAME", "anna-petrova", "Анна Петрова", "王小明", "Айгүл Сейітқызы", "2026-11-20"]
    {
        assert!(out.contains(text), "{text} missing:\n{out}");
    }
    // The company column shows the company's name, not its id.
    assert!(out.contains("ООО «Северный ветер»"), "{out}");
    let out = wide(&["deal", "list"]);
    assert!(out.contains("1 500 000 KZT"), "{out}");
}

#[test]
fn human_table_with_a_filter_lists_only_matches() {
    let book = book();
    let out = book.rolo(["contact", "list", "--tag", "vip", "--tag", "b2b"]).ok().to_string();
    assert!(out.contains("anna-petrova"));
    for other in ["wang-xiao-ming", "aygul-seyitqyzy", "jurgen-grosser", "boris-kim"] {
        assert!(!out.contains(other), "{other} should not be listed:\n{out}");
    }
}

#[test]
fn tag_filter_ignores_case() {
    let book = book();
    // Jürgen is tagged "VIP".
    check(&book, &["contact", "list", "--tag", "Vip", "--city", "München"], &["jurgen-grosser"]);
}

#[test]
fn tag_filter_ignores_case_in_any_script() {
    let book = TestBook::new();
    book.write("contacts/a.md", "+++\nname = \"А\"\ntags = [\"Клиент\"]\n+++\n");
    book.write("contacts/b.md", "+++\nname = \"Б\"\ntags = [\"партнёр\"]\n+++\n");
    check(&book, &["contact", "list", "--tag", "клиент"], &["a"]);
    let mut slow = book.command(["contact", "list", "--tag", "КЛИЕНТ", "--json"]);
    slow.env("ROLO_NO_INDEX", "1");
    assert_eq!(crate::fixtures::ids(&crate::support::run(slow).json()), ["a"]);
}

#[test]
fn overdue_is_decided_on_the_local_day() {
    let mut book = TestBook::new();
    book.write("tasks/pozvonit.md", "+++\ntitle = \"Позвонить\"\ndue = 2026-11-23\n+++\n");
    // 20:00 UTC on the 23rd is already the 24th in UTC+5 (TZ): the task is overdue.
    book.now = "2026-11-23T20:00:00Z".into();
    check(&book, &["task", "list", "--overdue"], &["pozvonit"]);
}

#[test]
fn no_colours_when_not_a_terminal() {
    let book = book();
    for args in [["task", "list"], ["contact", "list"], ["deal", "list"]] {
        let mut cmd = book.command(args);
        cmd.env_remove("NO_COLOR");
        let run = crate::support::run(cmd);
        assert_eq!(run.code, 0, "{run}");
        assert!(run.stdout.contains("overdue") || args[0] != "task", "{run}");
        assert!(
            !run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'),
            "{run:?}",
            run = run.stdout
        );
    }
}
