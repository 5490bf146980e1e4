//! Human output, snapshotted: tables and cards with Russian, Chinese, Kazakh and German
//! names at a fixed width (COLUMNS=100), so a change to layout shows up in review.

use crate::support::TestBook;

fn book() -> TestBook {
    let b = TestBook::new();
    b.write(
        "companies/altyn.md",
        "+++\nname = \"ТОО «Алтын Мебель»\"\ncity = \"Алматы\"\ntags = [\"b2b\"]\n+++\n",
    );
    b.write(
        "contacts/anna-petrova.md",
        "+++\nname = \"Анна Петрова\"\nemails = [\"anna@example.ru\"]\nphones = [\"+7 701 555 0101\"]\ncompany = \"altyn\"\ntags = [\"vip\"]\nstage = \"customer\"\n+++\nЛюбит короткие звонки.\n",
    );
    b.write(
        "contacts/wang-xiao-ming.md",
        "+++\nname = \"王小明\"\nemails = [\"xm@greatwall.cn\"]\ntags = [\"partner\"]\n+++\n",
    );
    b.write(
        "contacts/aygul-seyitqyzy.md",
        "+++\nname = \"Айгүл Сейітқызы\"\ncompany = \"altyn\"\nstage = \"lead\"\n+++\n",
    );
    b.write(
        "contacts/jurgen-grosser.md",
        "+++\nname = \"Jürgen Größer\"\nphones = [\"+49 30 1234567\"]\n+++\n",
    );
    b.write(
        "deals/sayt.md",
        "+++\ntitle = \"Интернет-магазин\"\ncontact = \"anna-petrova\"\ncompany = \"altyn\"\nstage = \"proposal\"\nvalue = 3800000\ncurrency = \"KZT\"\nclose = 2026-12-15\n+++\n",
    );
    b.write(
        "notes/2026/2026-11-20-anna-petrova.md",
        "+++\ndate = 2026-11-20T10:00:00+05:00\nkind = \"call\"\ndirection = \"out\"\nabout = [\"anna-petrova\", \"sayt\"]\n+++\nОбсудили сроки запуска.\n",
    );
    b.write(
        "tasks/pozvonit.md",
        "+++\ntitle = \"Позвонить Анне\"\ndue = 2026-11-20\nabout = [\"anna-petrova\"]\n+++\n",
    );
    b.write("tasks/check-in.md", "+++\ntitle = \"王小明: 跟进\"\ndue = 2026-12-01\nabout = [\"wang-xiao-ming\"]\nrepeat = \"1m\"\n+++\n");
    b
}

#[test]
fn contact_list_table() {
    let b = book();
    insta::assert_snapshot!(b.rolo(["contact", "list"]).to_string());
}

#[test]
fn task_list_table() {
    let b = book();
    insta::assert_snapshot!(b.rolo(["task", "list"]).to_string());
}

#[test]
fn deal_list_table() {
    let b = book();
    insta::assert_snapshot!(b.rolo(["deal", "list"]).to_string());
}

#[test]
fn show_card() {
    let b = book();
    insta::assert_snapshot!(b.rolo(["show", "anna-petrova"]).to_string());
}
