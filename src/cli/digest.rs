//! The agenda in words: plain text (the terminal and cron mail), Markdown, or a
//! standalone HTML page with inline styles (what mail clients render), which also draws
//! the funnel and revenue as inline SVG. Deterministic: no colours, no terminal width,
//! nothing but the agenda, its date and the charts given.
//!
//! The HTML page, tables and charts here are also those of `rolo report --html`.

use rolo::Kind;
use rolo::agenda::{Agenda, Detail, Item, ItemKind};
use rolo::dates::When;
use rolo::render::chart::{self, Chart};

use super::list::thousands;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// A heading and its items, in the order people read them; `one` and `many` name a
/// count of them in the summary line.
struct Section<'a> {
    heading: &'static str,
    one: &'static str,
    many: &'static str,
    overdue: bool,
    items: Vec<&'a Item>,
}

fn sections(a: &Agenda) -> Vec<Section<'_>> {
    let of = |kind| a.of(kind).collect::<Vec<_>>();
    let (today, upcoming): (Vec<&Item>, Vec<&Item>) =
        of(ItemKind::Due).into_iter().partition(|i| i.day <= a.today);
    let overdue = of(ItemKind::Overdue);
    [
        ("Overdue", "overdue", "overdue", overdue),
        ("Today", "due today", "due today", today),
        ("Upcoming", "upcoming", "upcoming", upcoming),
        ("Follow-ups", "follow-up", "follow-ups", of(ItemKind::FollowUp)),
        ("Birthdays", "birthday", "birthdays", of(ItemKind::Birthday)),
        ("Deals closing", "deal closing", "deals closing", of(ItemKind::Closing)),
        ("Stale deals", "stale deal", "stale deals", of(ItemKind::Stale)),
    ]
    .into_iter()
    .filter(|(.., items)| !items.is_empty())
    .map(|(heading, one, many, items)| Section {
        heading,
        one,
        many,
        overdue: items.first().is_some_and(|i| i.kind == ItemKind::Overdue),
        items,
    })
    .collect()
}

/// One line's parts: when, the REF to act on, the title, and what else to know.
struct Line<'a> {
    when: String,
    reference: String,
    title: &'a str,
    detail: String,
}

fn line(i: &Item, today: chrono::NaiveDate) -> Line<'_> {
    let mut detail = String::new();
    detail_into(&mut detail, i, today);
    Line { when: when(i), reference: i.reference(), title: &i.title, detail }
}

/// When a line's item is: a timed task's time, else its day (`%Y-%m-%d`).
fn when(i: &Item) -> String {
    match &i.detail {
        Detail::Task { due: due @ (When::At(_) | When::Local(_)), .. } => due.display(),
        _ => i.day.to_string(),
    }
}

/// What else to know of an item, its parts joined by ` · `, written at the end of `out`.
fn detail_into(out: &mut String, i: &Item, today: chrono::NaiveDate) {
    use std::fmt::Write as _;
    // Parts are counted, not seen: an empty one (a deal without a stage) still takes
    // its separator.
    let mut parts = 0;
    let mut part = |out: &mut String, text: std::fmt::Arguments| {
        if parts > 0 {
            out.push_str(" · ");
        }
        parts += 1;
        let _ = out.write_fmt(text);
    };
    let rel = || relative(i.day, today);
    match &i.detail {
        Detail::Task { about, repeat, .. } => {
            if !about.is_empty() {
                part(out, format_args!("about {}", about.join(", ")));
            }
            if let Some(r) = repeat {
                part(out, format_args!("every {r}"));
            }
            if i.kind == ItemKind::Overdue {
                match (today - i.day).num_days() {
                    0 => part(out, format_args!("overdue since earlier today")),
                    1 => part(out, format_args!("1 day overdue")),
                    n => part(out, format_args!("{n} days overdue")),
                }
            } else if i.day != today {
                part(out, format_args!("{}", rel()));
            }
        }
        Detail::FollowUp { cadence, from_default, last_contact } => {
            match from_default {
                Some(from) => part(out, format_args!("every {cadence} ({from})")),
                None => part(out, format_args!("every {cadence}")),
            }
            match last_contact {
                Some(d) => {
                    part(out, format_args!("last contact {d} ({})", relative(*d, today)));
                }
                None => part(out, format_args!("never contacted")),
            }
        }
        Detail::Birthday { age, .. } => {
            if let Some(age) = age {
                part(out, format_args!("turns {age}"));
            }
            part(out, format_args!("{}", rel()));
        }
        Detail::Deal { stage, value, currency, last_contact, .. } => {
            part(out, format_args!("{stage}"));
            if let Some(v) = value {
                part(out, format_args!("{} {currency}", thousands(*v)));
            }
            if i.kind == ItemKind::Closing {
                match i.day < today {
                    true => part(out, format_args!("was to close {}", rel())),
                    false => part(out, format_args!("closes {}", rel())),
                }
            } else {
                match last_contact {
                    Some(d) => {
                        let since = relative(*d, today);
                        part(out, format_args!("no contact since {d} ({since})"));
                    }
                    None => part(out, format_args!("no contact yet")),
                }
            }
        }
    }
}

fn relative(day: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    super::date::distance((day - today).num_days())
}

/// `2 overdue · 1 today · 3 follow-ups`.
fn summary(sections: &[Section]) -> String {
    sections
        .iter()
        .map(|s| {
            let n = s.items.len();
            format!("{n} {}", if n == 1 { s.one } else { s.many })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The digest; the HTML page ends with `charts` (the others leave them out).
pub fn render(a: &Agenda, format: Format, charts: &[Chart]) -> String {
    let sections = sections(a);
    let day = a.today.format("%A %Y-%m-%d").to_string();
    match format {
        Format::Text => text(a, &sections, &day, false),
        Format::Markdown => markdown(a, &sections, &day),
        Format::Html => html(a, &sections, &day, charts),
    }
}

/// The text for a terminal: headings bold and overdue dates red when `colour` is on
/// (`rolo agenda` and `rolo today` on a terminal; never the digest).
pub fn render_terminal(a: &Agenda, colour: bool) -> String {
    let day = a.today.format("%A %Y-%m-%d").to_string();
    text(a, &sections(a), &day, colour)
}

fn text(a: &Agenda, sections: &[Section], day: &str, colour: bool) -> String {
    use std::fmt::Write as _;
    let paint = |text: String, code: &str| {
        if colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text }
    };
    let items = || sections.iter().flat_map(|s| &s.items);
    // The columns' widths first (dates and ids are ASCII: their widths are their
    // lengths), then each line written in place: thousands of lines, no copies.
    let mut scratch = String::new();
    let mut w_when = 0;
    let mut w_ref = 0;
    for i in items() {
        scratch.clear();
        let _ = write!(scratch, "{}", Shown::When(i));
        w_when = w_when.max(scratch.len());
        w_ref = w_ref.max(i.id.len() + if i.record == Kind::Company { 8 } else { 0 });
    }
    let size: usize = items().map(|i| i.title.len()).sum();
    let count = items().count();
    let mut out = String::with_capacity(size + count * (w_when + w_ref + 80) + 1024);
    out.push_str(&format!("rolo: {day}\n{}\n", summary(sections)));
    for s in sections {
        out.push_str(&format!("\n{}\n", paint(s.heading.to_string(), "1")));
        let red = s.overdue && colour;
        for i in &s.items {
            let start = out.len();
            out.push_str(if red { "  \x1b[31m" } else { "  " });
            push_padded(&mut out, w_when, Shown::When(i));
            out.push_str(if red { "\x1b[0m  " } else { "  " });
            push_padded(&mut out, w_ref, Shown::Reference(i));
            out.push_str("  ");
            out.push_str(&i.title);
            let mark = out.len();
            out.push_str(" — ");
            let detail = out.len();
            detail_into(&mut out, i, a.today);
            if out.len() == detail {
                out.truncate(mark);
            }
            let kept = out[start..].trim_end().len();
            out.truncate(start + kept);
            out.push('\n');
        }
    }
    out
}

/// `text` written at the end of `out`, then spaces up to `width` characters: what
/// `{text:width$}` writes, without a call per space (thousands of lines).
fn push_padded(out: &mut String, width: usize, text: impl std::fmt::Display) {
    use std::fmt::Write as _;
    let start = out.len();
    let _ = write!(out, "{text}");
    let shown = out[start..].chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(shown)));
}

/// `%Y-%m-%d` padded, made on the stack for the years of four digits.
fn pad_day(f: &mut std::fmt::Formatter, day: chrono::NaiveDate) -> std::fmt::Result {
    use chrono::Datelike;
    let (y, m, d) = (day.year(), day.month(), day.day());
    let Ok(y @ 0..=9999) = u32::try_from(y) else { return f.pad(&day.to_string()) };
    let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
    let text = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ];
    f.pad(std::str::from_utf8(&text).unwrap_or_default())
}

/// A part of an item's line, written where it is wanted (padded like a string).
enum Shown<'a> {
    When(&'a Item),
    Reference(&'a Item),
}

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Shown::When(i) => match &i.detail {
                Detail::Task { due: When::At(_) | When::Local(_), .. } => f.pad(&when(i)),
                _ => pad_day(f, i.day),
            },
            Shown::Reference(i) => match i.record {
                Kind::Company => f.pad(&i.reference()),
                _ => f.pad(&i.id),
            },
        }
    }
}

/// Backslash-escape what Markdown would read as markup in the middle of a line (ids
/// and dates keep their hyphens: nothing here starts a line).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(a: &Agenda, sections: &[Section], day: &str) -> String {
    let mut out = format!("# rolo: {day}\n\n{}\n", summary(sections));
    for s in sections {
        out.push_str(&format!("\n## {} ({})\n\n", s.heading, s.items.len()));
        for i in &s.items {
            let l = line(i, a.today);
            out.push_str(&format!("- {} · **{}** `{}`", l.when, md_escape(l.title), l.reference));
            if !l.detail.is_empty() {
                out.push_str(&format!(" — {}", md_escape(&l.detail)));
            }
            out.push('\n');
        }
    }
    out
}

fn html_escape(s: &str) -> String {
    chart::escape(s)
}

const CELL: &str = "padding:4px 8px;vertical-align:top;border-top:1px solid #eee";

/// A standalone page: no scripts, no external files, every style inline (what mail
/// clients keep), with `title` as its heading.
pub fn page(title: &str, body: &str) -> String {
    let title = html_escape(title);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{title}</title>\n</head>\n"));
    out.push_str(
        "<body style=\"margin:0;padding:16px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;\
         font-size:14px;line-height:1.4;color:#222;background:#fff\">\n",
    );
    out.push_str(&format!("<h1 style=\"font-size:20px;margin:0 0 4px\">{title}</h1>\n"));
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

/// A chart with its title as a heading, the bars as inline SVG.
pub fn html_chart(c: &Chart) -> String {
    format!(
        "<h2 style=\"font-size:16px;margin:20px 0 6px\">{}</h2>\n{}\n",
        html_escape(&c.title),
        chart::svg(c)
    )
}

/// A table of text cells; cells after the first that start with a digit are numbers,
/// aligned right.
pub fn html_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from(
        "<table cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse;margin-top:16px\">\n<tr>",
    );
    for h in header {
        out.push_str(&format!("<th style=\"{CELL};text-align:left\">{}</th>", html_escape(h)));
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let right = i > 0 && cell.starts_with(|c: char| c.is_ascii_digit());
            let align = if right { ";text-align:right;white-space:nowrap" } else { "" };
            let cell = html_escape(cell).replace('\n', "<br>");
            out.push_str(&format!("<td style=\"{CELL}{align}\">{cell}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

fn html(a: &Agenda, sections: &[Section], day: &str, charts: &[Chart]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<p style=\"margin:0 0 12px;color:#555\">{}</p>\n",
        html_escape(&summary(sections))
    ));
    for s in sections {
        out.push_str(&format!(
            "<h2 style=\"font-size:16px;margin:20px 0 6px\">{} ({})</h2>\n",
            s.heading,
            s.items.len()
        ));
        out.push_str("<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse;width:100%\">\n");
        for i in &s.items {
            let l = line(i, a.today);
            out.push_str(&format!(
                "<tr><td style=\"{CELL};white-space:nowrap\">{}</td>\
                 <td style=\"{CELL};white-space:nowrap\"><code>{}</code></td>\
                 <td style=\"{CELL}\"><strong>{}</strong>{}</td></tr>\n",
                html_escape(&l.when),
                html_escape(&l.reference),
                html_escape(l.title),
                if l.detail.is_empty() {
                    String::new()
                } else {
                    format!("<br><span style=\"color:#666\">{}</span>", html_escape(&l.detail))
                },
            ));
        }
        out.push_str("</table>\n");
    }
    for c in charts {
        out.push_str(&html_chart(c));
    }
    page(&format!("rolo: {day}"), &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Days written on the stack read as chrono writes them, padded alike.
    #[test]
    fn days_are_written_as_chrono_writes_them() {
        struct Day(chrono::NaiveDate);
        impl std::fmt::Display for Day {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                pad_day(f, self.0)
            }
        }
        for (y, m, d) in [(2026, 11, 23), (999, 1, 2), (0, 12, 31), (12345, 6, 7), (-44, 3, 15)] {
            let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(Day(day).to_string(), day.to_string());
            assert_eq!(format!("{:12}|", Day(day)), format!("{:12}|", day.to_string()));
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(html_escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(md_escape("*Анна* [x]"), "\\*Анна\\* \\[x\\]");
    }

    #[test]
    fn relative_days() {
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = d("2026-11-23");
        assert_eq!(relative(d("2026-11-23"), today), "today");
        assert_eq!(relative(d("2026-11-24"), today), "tomorrow");
        assert_eq!(relative(d("2026-11-26"), today), "in 3 days");
        assert_eq!(relative(d("2026-11-20"), today), "3 days ago");
    }
}
