//! Values rolo cannot read as what their key means: an email that is no address, a
//! phone with too few digits, a date that is text, a deal stage the pipeline does not
//! have, a currency that is no ISO 4217 code, a note kind rolo does not know, a negative
//! amount, a probability outside 0..1.
//!
//! Only the keys rolo knows ([`crate::model::schema`]) are judged; the user's own keys
//! are theirs. A TOML error (`birthday = 1988-13-12`) never gets this far: the file does
//! not parse, and that is reported as such.

use super::{Finding, ProblemKind};
use crate::config::Config;
use crate::dates;
use crate::interop::values::{digits, email};
use crate::model::schema::{self, DIRECTIONS, FieldType, NOTE_KINDS};
use crate::model::{Kind, View};
use crate::pipeline::same_stage;
use crate::tasks::Repeat;

/// What the book's rolo.toml allows beyond the schema.
pub(super) struct Known<'c> {
    stages: &'c [String],
    currency: &'c str,
}

impl<'c> Known<'c> {
    pub fn new(config: &'c Config) -> Known<'c> {
        Known { stages: &config.pipeline.stages, currency: &config.defaults.currency }
    }
}

/// The fewest digits a phone number has (a local number without its area code).
const MIN_PHONE_DIGITS: usize = 7;

/// Check the known keys of one record.
pub(super) fn record(r: &impl View, known: &Known, out: &mut Vec<Finding>) {
    let kind = r.kind();
    let mut bad = |key: &str, item: Option<&str>, message: String| {
        out.push(Finding::at_key(r.path(), key, item, ProblemKind::Value, message));
    };
    for &(key, ty) in schema::keys(kind) {
        // Free text and lists of it can hold anything: no need to look them up (this
        // runs for every record of the book).
        let judged = match ty {
            FieldType::Text => TEXT_JUDGED.contains(&(kind, key)),
            FieldType::TextList => matches!(key, "emails" | "phones"),
            FieldType::DateTimeList => false,
            _ => true,
        };
        if !judged || !r.has(key) {
            continue;
        }
        let shown = || shown(r, key);
        match ty {
            FieldType::Date | FieldType::DateTime | FieldType::DateOrDateTime => {
                if r.when(key).is_none() {
                    bad(key, None, format!("{key} = {} is not {}", shown(), expected(ty)));
                }
            }
            FieldType::Birthday => {
                let month_day = r.str(key).and_then(dates::parse_month_day);
                if r.when(key).is_none() && month_day.is_none() {
                    let message = format!(
                        "birthday = {} is not a date (1988-04-12, or \"04-12\" without the year)",
                        shown()
                    );
                    bad(key, None, message);
                }
            }
            FieldType::Number => match r.number(key) {
                None => bad(key, None, format!("{key} = {} is not a number", shown())),
                Some(n) if n < 0.0 => bad(key, None, format!("{key} = {} is negative", shown())),
                Some(_) => {}
            },
            FieldType::Probability => match r.number(key) {
                None => bad(key, None, format!("{key} = {} is not a number", shown())),
                Some(p) if !(0.0..=1.0).contains(&p) => {
                    // 50 is likely meant as 50 %.
                    let hint = if p > 1.0 && p <= 100.0 && p.fract() == 0.0 {
                        format!(" (write {} for {p} %)", p / 100.0)
                    } else {
                        String::new()
                    };
                    bad(key, None, format!("probability = {} is outside 0..1{hint}", shown()));
                }
                Some(_) => {}
            },
            FieldType::TextList if key == "emails" => {
                for e in r.strs(key).into_iter().filter(|e| email(e).is_none()) {
                    bad(key, Some(e), format!("\"{e}\" is not an email address"));
                }
            }
            FieldType::TextList if key == "phones" => {
                for p in r.strs(key).into_iter().filter(|p| digits(p).len() < MIN_PHONE_DIGITS) {
                    let message =
                        format!("phone \"{p}\" has too few digits (at least {MIN_PHONE_DIGITS})");
                    bad(key, Some(p), message);
                }
            }
            FieldType::Text => {
                if let Some(message) = text(kind, key, r, known) {
                    bad(key, None, message);
                }
            }
            // A task's `completed` is not in the index's rows: the file scan checks it.
            FieldType::TextList | FieldType::DateTimeList => {}
        }
    }
}

/// The text keys whose values rolo knows.
const TEXT_JUDGED: [(Kind, &str); 5] = [
    (Kind::Deal, "stage"),
    (Kind::Deal, "currency"),
    (Kind::Note, "kind"),
    (Kind::Note, "direction"),
    (Kind::Task, "repeat"),
];

/// What is wrong with a text key whose values rolo knows ([`TEXT_JUDGED`]), if anything.
fn text(kind: Kind, key: &str, r: &impl View, known: &Known) -> Option<String> {
    let Some(value) = r.str(key) else {
        let shown = shown(r, key);
        // An empty string is as good as no value.
        return (shown != "\"\"").then(|| format!("{key} = {shown} is not text"));
    };
    match (kind, key) {
        (Kind::Deal, "stage") => (!known.stages.iter().any(|s| same_stage(s, value))).then(|| {
            format!(
                "stage \"{value}\" is not a stage of the pipeline ({}): see [pipeline] in rolo.toml",
                known.stages.join(", ")
            )
        }),
        (Kind::Deal, "currency") => (!is_currency(value, known.currency)).then(|| {
            let upper = value.to_uppercase();
            let hint = if value != upper && is_currency(&upper, known.currency) {
                format!(" (write {upper})")
            } else {
                String::new()
            };
            format!("currency \"{value}\" is not an ISO 4217 code such as EUR, USD, KZT{hint}")
        }),
        (Kind::Note, "kind") => (!NOTE_KINDS.contains(&value.to_lowercase().as_str()))
            .then(|| format!("kind \"{value}\" is not a note kind ({})", NOTE_KINDS.join(", "))),
        (Kind::Note, "direction") => (!DIRECTIONS.contains(&value.to_lowercase().as_str()))
            .then(|| format!("direction \"{value}\" is not {}", DIRECTIONS.join(" or "))),
        (Kind::Task, "repeat") => {
            value.parse::<Repeat>().err().map(|m| format!("repeat \"{value}\": {m}"))
        }
        _ => None,
    }
}

/// A value as TOML would write it, for messages: `"next week"`, `5`, `[1, 2]`.
fn shown(r: &impl View, key: &str) -> String {
    r.to_json().get(key).map_or_else(String::new, |v| v.to_string())
}

fn expected(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Date => "a date (2026-12-01)",
        FieldType::DateTime => "a date and time (2026-11-23T10:00:00Z)",
        _ => "a date (2026-12-01) or a date and time (2026-12-01T15:00:00+05:00)",
    }
}

/// Whether `code` is the book's default currency or an ISO 4217 code (written as the
/// standard writes it: three capital letters).
fn is_currency(code: &str, default: &str) -> bool {
    code == default || ISO_4217.binary_search(&code).is_ok()
}

/// ISO 4217 codes, current ones and those withdrawn recently enough to be in old
/// records (HRK, SLL, ZWL …), sorted for binary search.
const ISO_4217: [&str; 184] = [
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BYR",
    "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC",
    "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
    "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF",
    "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF",
    "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL",
    "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN",
    "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN",
    "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
    "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
    "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
    "VED", "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD",
    "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW",
    "ZWG", "ZWL",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::test_record;
    use crate::model::{Card, Record};

    fn problems(r: &impl View) -> Vec<(String, Option<String>, String)> {
        let config = Config::parse("", std::path::Path::new("rolo.toml")).unwrap();
        let mut out = Vec::new();
        record(r, &Known::new(&config), &mut out);
        out.into_iter()
            .map(|f| match f.spot {
                super::super::Spot::Key { key, item } => (key, item, f.message),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    fn keys(r: &impl View) -> Vec<(String, Option<String>)> {
        problems(r).into_iter().map(|(k, i, _)| (k, i)).collect()
    }

    /// The same record as the index's card: every check must say the same of both.
    fn card(r: &Record) -> Card {
        Card::from_json(crate::model::view::card_json(r)).unwrap()
    }

    #[test]
    fn iso_codes_are_sorted_and_known() {
        assert!(ISO_4217.windows(2).all(|w| w[0] < w[1]));
        assert!(is_currency("KZT", "EUR") && is_currency("CNY", "EUR"));
        assert!(!is_currency("eur", "EUR") && !is_currency("EURO", "EUR"));
        assert!(is_currency("BTC", "BTC"), "the book's own default is known");
    }

    #[test]
    fn contact_values() {
        let r = test_record(
            Kind::Contact,
            "anna-petrova",
            "name = \"Анна Петрова\"\nemails = [\"anna@example.ru\", \"anna(at)example.ru\"]\nphones = [\"+7 701 555 0114\", \"112\"]\nbirthday = \"13-45\"\ncreated = \"yesterday\"",
        );
        let expected = [
            ("emails".to_string(), Some("anna(at)example.ru".to_string())),
            ("phones".into(), Some("112".into())),
            ("birthday".into(), None),
            ("created".into(), None),
        ];
        assert_eq!(keys(&r), expected);
        assert_eq!(keys(&card(&r)), expected);
        let ok = test_record(
            Kind::Contact,
            "li-na",
            "name = \"李娜\"\nemails = [\"li.na@example.cn\"]\nphones = [\"+86 138-1234-5678\"]\nbirthday = \"04-12\"\ncreated = 2026-01-01",
        );
        assert_eq!(problems(&ok), []);
    }

    #[test]
    fn deal_values() {
        let r = test_record(
            Kind::Deal,
            "sayt",
            "title = \"Сайт\"\nstage = \"wonn\"\ncurrency = \"eur\"\nvalue = -1200\nprobability = 50\nclose = \"next week\"",
        );
        let found = problems(&r);
        let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
        assert_eq!(found.len(), 5, "{found:?}");
        assert!(messages[0].starts_with("stage \"wonn\" is not a stage"), "{messages:?}");
        assert!(messages[1].contains("value = -1200 is negative"), "{messages:?}");
        assert!(messages[2].contains("(write EUR)"), "{messages:?}");
        assert!(messages[3].contains("(write 0.5 for 50 %)"), "{messages:?}");
        assert_eq!(messages[4], "close = \"next week\" is not a date (2026-12-01)");
        assert_eq!(keys(&card(&r)), keys(&r));
        let ok = test_record(
            Kind::Deal,
            "online-shop",
            "title = \"Online-Shop\"\nstage = \"Won\"\ncurrency = \"KZT\"\nvalue = 0\nprobability = 1\nclose = 2026-12-01",
        );
        assert_eq!(problems(&ok), []);
    }

    #[test]
    fn note_and_task_values() {
        let note = test_record(
            Kind::Note,
            "2026-11-20-call",
            "date = 2026-11-20T10:00:00Z\nkind = \"chat\"\ndirection = \"sideways\"",
        );
        assert_eq!(keys(&note), [("kind".into(), None), ("direction".into(), None)]);
        let task = test_record(
            Kind::Task,
            "shot-zhiberu",
            "title = \"Шот жіберу\"\ndue = \"friday\"\nrepeat = \"fortnightly\"",
        );
        assert_eq!(keys(&task), [("due".into(), None), ("repeat".into(), None)]);
        let local_time = test_record(Kind::Task, "t", "title = \"x\"\ndue = 10:00:00");
        assert_eq!(keys(&local_time), [("due".into(), None)], "a time without a day");
        let ok = test_record(
            Kind::Task,
            "angebot",
            "title = \"Angebot nachfassen\"\ndue = 2026-11-30T15:00:00+01:00\nrepeat = \"2w after\"",
        );
        assert_eq!(problems(&ok), []);
    }
}
