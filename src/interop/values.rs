//! Field values as other programs write them, turned into rolo's: birthdays in every
//! shape address books use, names in their script's order, phone numbers compared by
//! their digits, email addresses and domains.

use chrono::{Datelike, NaiveDate};
use toml_edit::Value;

use crate::dates::When;

/// Apple's year for "no year" (`BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12`).
const APPLE_NO_YEAR: i32 = 1604;

/// A birthday as vCards and CSV exports write it → `1988-04-12` (a TOML date) or
/// `"04-12"` when the year is unknown: `--0412`, `--04-12`, `04-12`, `19880412`,
/// `1988-04-12`, `1988-04-12T00:00:00Z`, `4/12/1988` (Outlook), `12.04.1988`. A year
/// equal to `omit_year` (Apple), 1604 or 0000 means no year. `Ok(None)` for the blanks
/// exporters write (`0/0/00`); `Err` for text that is no date.
pub fn birthday(raw: &str, omit_year: Option<&str>) -> Result<Option<Value>, String> {
    let s = raw.trim();
    let s = s.split(['T', 't', ' ']).next().unwrap_or(s);
    if s.is_empty() || s.trim_matches(|c: char| matches!(c, '0' | '/' | '.' | '-')).is_empty() {
        return Ok(None);
    }
    let bad = || format!("\"{}\" is not a date (YYYY-MM-DD, --MM-DD, MM-DD)", raw.trim());
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (year, month, day): (Option<i32>, u32, u32) = if let Some(md) = s.strip_prefix("--") {
        let md = md.replace('-', "");
        if md.len() != 4 || !digits(&md) {
            return Err(bad());
        }
        (None, md[..2].parse().map_err(|_| bad())?, md[2..].parse().map_err(|_| bad())?)
    } else if s.len() == 8 && digits(s) {
        (Some(s[..4].parse().map_err(|_| bad())?), num(&s[4..6])?, num(&s[6..])?)
    } else {
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        if !parts.iter().all(|p| digits(p)) {
            return Err(bad());
        }
        let n = |p: &str| p.parse::<u32>().map_err(|_| bad());
        match (parts.as_slice(), s.contains('/'), s.contains('.')) {
            ([m, d], false, false) if m.len() == 2 && d.len() == 2 => (None, n(m)?, n(d)?),
            ([y, m, d], false, false) if y.len() == 4 => (Some(n(y)? as i32), n(m)?, n(d)?),
            // Outlook writes the US order; a European spreadsheet writes dots.
            ([m, d, y], true, false) if y.len() == 4 => (Some(n(y)? as i32), n(m)?, n(d)?),
            ([d, m, y], false, true) if y.len() == 4 => (Some(n(y)? as i32), n(m)?, n(d)?),
            _ => return Err(bad()),
        }
    };
    let omitted = omit_year.and_then(|y| y.trim().parse::<i32>().ok());
    let year = year.filter(|&y| y != 0 && y != APPLE_NO_YEAR && Some(y) != omitted);
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day)
            .map(|d| Some(When::Date(d).to_toml()))
            .ok_or_else(bad),
        // 2000 is a leap year: 02-29 is a valid year-less birthday.
        None => NaiveDate::from_ymd_opt(2000, month, day)
            .map(|d| Some(Value::from(format!("{:02}-{:02}", d.month(), d.day()))))
            .ok_or_else(bad),
    }
}

fn num(s: &str) -> Result<u32, String> {
    s.parse().map_err(|_| format!("\"{s}\" is not a number"))
}

/// Whether the text is written in a script whose names put the family name first with
/// no space (Chinese, Japanese, Korean).
pub(crate) fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
    })
}

/// A full name from its parts, in the order its script uses: "Анна Петрова",
/// "María José García", "王小明".
pub fn full_name(given: &str, middle: &str, family: &str) -> String {
    let parts: Vec<&str> =
        [given, middle, family].into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    if is_cjk(&parts.concat()) {
        let given: Vec<&str> =
            [given, middle].into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
        return format!("{}{}", family.trim(), given.concat());
    }
    parts.join(" ")
}

/// A full name split into (family, given) for a vCard's `N`: the last word is the family
/// name, or the first character of a Chinese, Japanese or Korean name written without
/// spaces. A single word is a given name.
pub fn split_name(name: &str) -> (String, String) {
    let name = name.trim();
    if !name.contains(' ') && is_cjk(name) && name.chars().count() > 1 {
        let first = name.chars().next().map(String::from).unwrap_or_default();
        return (first.clone(), name[first.len()..].to_string());
    }
    match name.rsplit_once(char::is_whitespace) {
        Some((given, family)) => (family.trim().to_string(), given.trim().to_string()),
        None => (String::new(), name.to_string()),
    }
}

/// "Petrova, Anna" → "Anna Petrova": the order some exports use in a lone name column.
pub fn natural_order(name: &str) -> String {
    match name.split_once(',') {
        Some((family, given))
            if !name[family.len() + 1..].contains(',')
                && !family.trim().is_empty()
                && !given.trim().is_empty()
                && !name.chars().any(|c| c.is_ascii_digit()) =>
        {
            format!("{} {}", given.trim(), family.trim())
        }
        _ => name.trim().to_string(),
    }
}

/// The digits of a phone number.
pub fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// Two phone numbers are the same when their last digits agree: the last ten (the
/// national number in most plans), or all of the shorter one when it is a local number
/// of at least seven. `+7 916 555 0114`, `8 (916) 555-01-14` and `9165550114` are one.
pub fn same_phone(a: &str, b: &str) -> bool {
    let (a, b) = (digits(a), digits(b));
    let n = a.len().min(b.len()).min(10);
    n >= 7 && a[a.len() - n..] == b[b.len() - n..]
}

/// The key phones are looked up by: their last seven digits.
pub fn phone_key(phone: &str) -> Option<String> {
    let d = digits(phone);
    (d.len() >= 7).then(|| d[d.len() - 7..].to_string())
}

/// An address as written, without a `mailto:` and surrounding spaces or brackets;
/// `None` when it is not an email address at all.
pub fn email(raw: &str) -> Option<String> {
    let s = raw.trim().trim_matches(|c| c == '<' || c == '>');
    let s = s.strip_prefix("mailto:").or_else(|| s.strip_prefix("MAILTO:")).unwrap_or(s).trim();
    let (local, domain) = s.split_once('@')?;
    let ok = !local.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace);
    ok.then(|| s.to_string())
}

/// The domain of an email address or web address, lowercase: `anna@Acme.com` and
/// `https://www.acme.com/about` → `acme.com`.
pub fn domain(raw: &str) -> Option<String> {
    let s = raw.trim();
    let host = match s.rsplit_once('@') {
        Some((_, d)) => d,
        None => {
            let s = s.split_once("://").map_or(s, |(_, rest)| rest);
            s.split(['/', '?', '#', ':']).next().unwrap_or(s)
        }
    };
    let host = host.trim().trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.contains(char::is_whitespace)).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bday(s: &str) -> String {
        birthday(s, None).unwrap().map(|v| v.to_string()).unwrap_or_default()
    }

    #[test]
    fn birthdays_in_every_shape() {
        for s in ["--0412", "--04-12", "04-12", "1604-04-12", "0000-04-12"] {
            assert_eq!(bday(s), "\"04-12\"", "{s}");
        }
        for s in ["19880412", "1988-04-12", "1988-04-12T00:00:00Z", "4/12/1988", "12.04.1988"] {
            assert_eq!(bday(s), "1988-04-12", "{s}");
        }
        assert_eq!(birthday("1972-04-12", Some("1972")).unwrap().unwrap().to_string(), "\"04-12\"");
        assert_eq!(bday("--0229"), "\"02-29\"");
        for blank in ["", "0/0/00", "00.00.0000"] {
            assert!(matches!(birthday(blank, None), Ok(None)), "{blank}");
        }
        for bad in ["--1312", "1988-02-30", "soon", "12", "--04-1"] {
            assert!(birthday(bad, None).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_keep_their_script_order() {
        assert_eq!(full_name("Анна", "", "Петрова"), "Анна Петрова");
        assert_eq!(full_name("María", "José", "García"), "María José García");
        assert_eq!(full_name("小明", "", "王"), "王小明");
        assert_eq!(split_name("Анна Петрова"), ("Петрова".into(), "Анна".into()));
        assert_eq!(split_name("María José García"), ("García".into(), "María José".into()));
        assert_eq!(split_name("王小明"), ("王".into(), "小明".into()));
        assert_eq!(split_name("Madonna"), ("".into(), "Madonna".into()));
        assert_eq!(natural_order("Petrova, Anna"), "Anna Petrova");
        assert_eq!(natural_order("Kettle, Finch, Ltd"), "Kettle, Finch, Ltd");
        assert_eq!(natural_order("Acme, 2"), "Acme, 2");
    }

    #[test]
    fn phones_compare_by_their_last_digits() {
        assert!(same_phone("+7 916 555 0114", "8 (916) 555-01-14"));
        assert!(same_phone("+7 916 555 0114", "9165550114"));
        assert!(same_phone("+44 20 7946 0958", "7946 0958"));
        assert!(!same_phone("+7 916 555 0114", "+7 916 555 0115"));
        assert!(!same_phone("112", "112"), "short numbers are not enough to match");
        assert_eq!(phone_key("+7 916 555-01-14").as_deref(), Some("5550114"));
    }

    #[test]
    fn emails_and_domains() {
        assert_eq!(email(" mailto:anna@example.ru ").as_deref(), Some("anna@example.ru"));
        assert_eq!(email("<a@b.kz>").as_deref(), Some("a@b.kz"));
        assert_eq!(email("/o=ExchangeLabs/ou=Exchange"), None);
        assert_eq!(email("anna@localhost"), None);
        assert_eq!(domain("anna@Acme.COM").as_deref(), Some("acme.com"));
        assert_eq!(domain("https://www.acme.com/about").as_deref(), Some("acme.com"));
        assert_eq!(domain("acme.com").as_deref(), Some("acme.com"));
        assert_eq!(domain("acme"), None);
    }
}
