//! Charts: bars beside the funnel's and revenue's numbers on a terminal (forced here with
//! `--color always`), none in a pipe, `--csv` or `--json`; `report --html` and `digest
//! --format html` as pages a browser's tokenizer reads without an error, with inline SVG
//! and nothing external, rendered by a real Chromium into a PNG where the bars show.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::fixtures::example_book;
use crate::support::{Run, TestBook, run};

/// The bars' colour in the SVG (`#2f6fdb`).
const BAR: (u8, u8, u8) = (0x2f, 0x6f, 0xdb);

/// Deals with a known funnel and revenue: EUR 24 000 won in October and 12 000 in
/// November, KZT 350 000 in November; two more deals stopped at lead and proposal.
fn book() -> TestBook {
    let book = TestBook::new();
    let deal = |id: &str, title: &str, value: &str, cur: &str, history: &[(&str, &str)]| {
        let stage = history.last().unwrap().0;
        let mut text = format!(
            "+++\ntitle = \"{title}\"\nstage = \"{stage}\"\nvalue = {value}\ncurrency = \"{cur}\"\n"
        );
        for (s, at) in history {
            text.push_str(&format!("\n[[history]]\nstage = \"{s}\"\nat = {at}\n"));
        }
        text.push_str("+++\n");
        book.write(&format!("deals/{id}.md"), &text);
    };
    deal(
        "a",
        "Сайт",
        "24000",
        "EUR",
        &[("lead", "2026-09-01T10:00:00Z"), ("won", "2026-10-10T10:00:00Z")],
    );
    deal(
        "b",
        "Лендинг",
        "12000",
        "EUR",
        &[("lead", "2026-10-01T10:00:00Z"), ("won", "2026-11-10T10:00:00Z")],
    );
    deal(
        "c",
        "Магазин",
        "350000",
        "KZT",
        &[("lead", "2026-10-01T10:00:00Z"), ("won", "2026-11-12T10:00:00Z")],
    );
    deal("d", "微信小程序", "85000", "CNY", &[("lead", "2026-11-01T10:00:00Z")]);
    deal(
        "e",
        "Logo",
        "900",
        "EUR",
        &[("lead", "2026-11-01T10:00:00Z"), ("proposal", "2026-11-05T10:00:00Z")],
    );
    book
}

fn terminal(book: &TestBook, args: &[&str]) -> Run {
    let mut all = vec!["--color", "always"];
    all.extend_from_slice(args);
    run(book.command(all))
}

const BLOCKS: &str = "▏▎▍▌▋▊▉█";

/// A bar's length in eighths of a cell, from a line of a table.
fn eighths(line: &str) -> usize {
    line.chars()
        .map(|c| match c {
            '█' => 8,
            c => BLOCKS.chars().position(|b| b == c).map_or(0, |i| i + 1),
        })
        .sum()
}

fn row<'a>(out: &'a str, start: &str) -> &'a str {
    out.lines()
        .find(|l| l.trim_start_matches('│').trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no row {start}:\n{out}"))
}

#[test]
fn bars_stand_beside_the_numbers_on_a_terminal() {
    let book = book();
    let out = terminal(&book, &["report", "funnel"]).ok().to_string();
    // Reached: lead 5, qualified 4, proposal 4, negotiation 3 (won passes through them), won 3.
    let lead = eighths(row(&out, "lead"));
    let won = eighths(row(&out, "won"));
    assert!(lead > 8 * 10, "a bar of ten cells at least:\n{out}");
    assert_eq!(won, (lead as f64 * 3.0 / 5.0).round() as usize, "{out}");
    assert!(out.contains("\u{1b}["), "colour, since it was asked for:\n{out}");
    // Within COLUMNS (100): the table and its bars fit.
    for line in out.lines() {
        let plain = strip_ansi(line);
        assert!(plain.chars().count() <= 100, "{plain}");
    }
    let out = terminal(&book, &["report", "revenue"]).ok().to_string();
    let october = eighths(row(&out, "2026-10 ┆ EUR"));
    let november = eighths(row(&out, "2026-11 ┆ EUR"));
    let kzt = eighths(row(&out, "2026-11 ┆ KZT"));
    assert_eq!(november * 2, october, "12 000 is half of 24 000:\n{out}");
    assert_eq!(kzt, october, "each currency against its own largest:\n{out}");
}

#[test]
fn no_bars_in_a_pipe_csv_or_json() {
    let book = book();
    for report in ["funnel", "revenue", "sources", "activity"] {
        let piped = book.rolo(["report", report]).ok().to_string();
        assert!(!piped.chars().any(|c| BLOCKS.contains(c)), "{report}:\n{piped}");
        assert_eq!(book.rolo(["report", report, "--color", "never"]).ok(), piped);
        for format in ["--csv", "--json"] {
            let plain = book.rolo(["report", report, format]).ok().to_string();
            let forced = terminal(&book, &["report", report, format]).ok().to_string();
            assert_eq!(forced, plain, "{report} {format}");
            assert!(!plain.chars().any(|c| BLOCKS.contains(c)));
        }
    }
    // Exactly the table as before bars existed.
    assert_eq!(
        book.rolo(["report", "revenue"]).ok(),
        "┌─────────┬──────────┬─────────┬───────┐\n\
         │ PERIOD  ┆ CURRENCY ┆ WON     ┆ DEALS │\n\
         ╞═════════╪══════════╪═════════╪═══════╡\n\
         │ 2026-10 ┆ EUR      ┆  24 000 ┆     1 │\n\
         │ 2026-11 ┆ EUR      ┆  12 000 ┆     1 │\n\
         │ 2026-11 ┆ KZT      ┆ 350 000 ┆     1 │\n\
         └─────────┴──────────┴─────────┴───────┘\n"
    );
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// What a page holds, read as a browser's tokenizer reads it: the start tags with their
/// attributes, in order. Fails on any tokenizer error, on tags left open or closed twice,
/// and on anything that would fetch or run something.
fn read_page(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    use html5gum::{Token, Tokenizer};
    const VOID: [&str; 4] = ["meta", "br", "rect", "img"];
    let mut open: Vec<String> = Vec::new();
    let mut tags = Vec::new();
    for token in Tokenizer::new(html) {
        match token.unwrap() {
            Token::Error(e) => panic!("HTML error {:?} in:\n{html}", e.value),
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attrs: Vec<(String, String)> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(&v.value).into_owned(),
                        )
                    })
                    .collect();
                for (k, v) in &attrs {
                    assert!(!k.starts_with("on"), "a script handler {k} in <{name}>");
                    assert!(
                        !matches!(k.as_str(), "src" | "href" | "srcset" | "action"),
                        "<{name} {k}={v}>"
                    );
                    assert!(!v.contains("url("), "an external resource in <{name} {k}>");
                }
                assert!(
                    !["script", "link", "iframe", "img", "object", "embed"]
                        .contains(&name.as_str()),
                    "<{name}>"
                );
                if !tag.self_closing && !VOID.contains(&name.as_str()) {
                    open.push(name.clone());
                }
                tags.push((name, attrs));
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                assert_eq!(
                    open.pop().as_deref(),
                    Some(name.as_str()),
                    "</{name}> closes nothing open"
                );
            }
            Token::Doctype(_) | Token::String(_) | Token::Comment(_) => {}
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
    tags
}

fn bars(tags: &[(String, Vec<(String, String)>)]) -> usize {
    tags.iter()
        .filter(|(name, attrs)| {
            name == "rect" && attrs.iter().any(|(k, v)| k == "fill" && v == "#2f6fdb")
        })
        .count()
}

/// Chromium draws `html` into a PNG; the pixels of the bars' colour are counted. `None`
/// (with a note) when `ROLO_SKIP_BROWSER=1` says this machine has no browser; without it,
/// a missing Chromium fails the test.
fn painted_bar_pixels(html: &str, dir: &Path) -> Option<usize> {
    if std::env::var("ROLO_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("note: ROLO_SKIP_BROWSER=1: the page is not rendered in a browser");
        return None;
    }
    let browser = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success()))
        .unwrap_or_else(|| {
            panic!("Chromium is needed to render the charts (apt-get install chromium), or set ROLO_SKIP_BROWSER=1")
        });
    let page = dir.join("page.html");
    let png = dir.join("shot.png");
    std::fs::write(&page, html).unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=900,700")
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    assert_eq!((info.width, info.height), (900, 700));
    let near = |a: u8, b: u8| a.abs_diff(b) <= 12;
    let pixels = buf[..info.buffer_size()]
        .chunks(step)
        .filter(|p| near(p[0], BAR.0) && near(p[1], BAR.1) && near(p[2], BAR.2))
        .count();
    eprintln!("{pixels} pixels of the bars' colour");
    Some(pixels)
}

#[test]
fn html_report_is_a_page_a_browser_draws() {
    let book = book();
    let html = book.rolo(["report", "funnel", "--html"]).ok().to_string();
    let tags = read_page(&html);
    assert_eq!(tags.iter().filter(|(n, _)| n == "svg").count(), 1);
    assert_eq!(bars(&tags), 5, "one bar per stage that was reached:\n{html}");
    assert!(html.contains("Win rate: 100%. Median cycle"), "{html}");
    // One chart per currency for revenue, and a table for every report.
    let revenue = book.rolo(["report", "revenue", "--html"]).ok().to_string();
    let tags = read_page(&revenue);
    assert_eq!(tags.iter().filter(|(n, _)| n == "svg").count(), 2, "EUR and KZT apart");
    assert!(revenue.contains(">Won, EUR</h2>") && revenue.contains(">Won, KZT</h2>"));
    for report in ["sources", "activity"] {
        let page = book.rolo(["report", report, "--html"]).ok().to_string();
        assert!(read_page(&page).iter().any(|(n, _)| n == "table"), "{report}");
    }
    let dir = tempfile::tempdir().unwrap();
    if let Some(pixels) = painted_bar_pixels(&html, dir.path()) {
        // Five bars 16 px high, 300 px for five deals: 300+240+240+180+180 = 1140 px long.
        assert!(pixels > 10_000, "only {pixels} pixels of the bars' colour");
    }
}

#[test]
fn html_digest_ends_with_the_charts() {
    let book = book();
    book.write("tasks/t.md", "+++\ntitle = \"Позвонить 王小明\"\ndue = 2026-11-23\n+++\n");
    let html = book.rolo(["digest", "--format", "html"]).ok().to_string();
    let tags = read_page(&html);
    assert!(html.contains("Позвонить 王小明"), "{html}");
    // The funnel, then the twelve months of revenue per currency.
    assert_eq!(tags.iter().filter(|(n, _)| n == "svg").count(), 3, "{html}");
    assert!(
        html.find("Funnel: deals that reached each stage").unwrap()
            > html.find("Позвонить").unwrap()
    );
    assert_eq!(bars(&tags), 5 + 2 + 1, "five stages, two months in EUR, one in KZT");
    // A digest for one owner charts only their deals (these are all the default owner's).
    book.write("tasks/asel.md", "+++\ntitle = \"Счёт\"\ndue = 2026-11-23\nowner = \"asel\"\n+++\n");
    let hers = book.rolo(["digest", "--format", "html", "--owner", "asel"]).ok().to_string();
    assert!(hers.contains("Счёт") && !hers.contains("<svg"), "{hers}");
    // Text and Markdown stay without charts.
    let text = book.rolo(["digest"]).ok().to_string();
    assert!(!text.contains("Funnel") && !text.contains("<svg"));
    let dir = tempfile::tempdir().unwrap();
    if let Some(pixels) = painted_bar_pixels(&html, dir.path()) {
        assert!(pixels > 5_000, "only {pixels} pixels of the bars' colour");
    }
}

#[test]
fn the_example_book_draws_too() {
    let book = example_book();
    let html = book.rolo(["report", "funnel", "--html"]).ok().to_string();
    assert_eq!(bars(&read_page(&html)), 5);
    let html = book.rolo(["digest", "--format", "html"]).ok().to_string();
    assert!(bars(&read_page(&html)) > 5);
}
