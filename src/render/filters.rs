//! rolo's own template filters, in the style of its tables: `{{ deal.value | money }}`
//! (`12 000 EUR`) and `{{ today | date("%d.%m.%Y") }}` (`23.11.2026`).
//!
//! The engine's built-in filters (`upper`, `default`, `join`, `round`, …) stay as they are.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use minijinja::value::Rest;
use minijinja::{Environment, Error, ErrorKind, State, Value};

pub fn register(env: &mut Environment<'static>, default_currency: String) {
    env.add_filter("money", move |state: &State, v: Value, rest: Rest<Value>| {
        let currency = optional(&rest, "money", "a currency code")?;
        money(state, &v, currency, &default_currency)
    });
    env.add_filter("date", |v: Value, rest: Rest<Value>| {
        let format = optional(&rest, "date", "a strftime format")?;
        date(v, format)
    });
}

/// A filter's one optional text argument: a missing name passed as it is an error, never
/// quietly the default.
fn optional(rest: &[Value], filter: &str, what: &str) -> Result<Option<String>, Error> {
    match rest {
        [] => Ok(None),
        [v] => {
            defined(v)?;
            let text = v.as_str().ok_or_else(|| {
                Error::new(ErrorKind::InvalidOperation, format!("{filter}: {v} is not {what}"))
            })?;
            Ok(Some(text.to_string()))
        }
        _ => Err(Error::new(ErrorKind::TooManyArguments, format!("{filter} takes one argument"))),
    }
}

/// `1 234 567`, `1 500.50`: thousands apart by a space, cents only when there are any,
/// as rolo's tables print amounts.
pub fn thousands(v: f64) -> String {
    // Rounded to cents as a whole, so 1.999 carries into 2 rather than leaving ".100".
    let total = (v.abs() * 100.0).round() as u64;
    let (whole, cents) = (total / 100, total % 100);
    let negative = v < 0.0 && total > 0;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    if cents > 0 {
        out.push_str(&format!(".{cents:02}"));
    }
    if negative { format!("-{out}") } else { out }
}

/// An amount and its currency code. The code is the argument when given; else that of
/// the `deal` in scope (the record's, or a loop's `deal`) when the amount is its value;
/// else the book's `[defaults] currency`.
fn money(
    state: &State,
    v: &Value,
    currency: Option<String>,
    default: &str,
) -> Result<String, Error> {
    defined(v)?;
    let amount = number(v).ok_or_else(|| {
        Error::new(ErrorKind::InvalidOperation, format!("money: {v} is not a number"))
    })?;
    let code = currency.map(|c| c.trim().to_uppercase()).unwrap_or_else(|| {
        state
            .lookup("deal")
            .filter(|deal| deal.get_attr("value").ok().and_then(|x| number(&x)) == Some(amount))
            .and_then(|deal| deal.get_attr("currency").ok())
            .and_then(|c| c.as_str().map(str::to_string))
            .unwrap_or_else(|| default.to_string())
    });
    Ok(format!("{} {code}", thousands(amount)))
}

/// A missing value is an error the engine words itself, naming the missing name: it does
/// so for its own failed conversions, so one is asked of it.
fn defined(v: &Value) -> Result<(), Error> {
    if v.is_undefined() { f64::try_from(v.clone()).map(drop) } else { Ok(()) }
}

fn number(v: &Value) -> Option<f64> {
    if let Some(i) = v.as_i64() {
        return Some(i as f64);
    }
    f64::try_from(v.clone()).ok().or_else(|| v.as_str()?.replace([' ', '_'], "").parse().ok())
}

/// A date (`2026-11-23`) or datetime (RFC 3339, or local `2026-11-20T15:00:00`) in a
/// strftime format (default `%Y-%m-%d`). A datetime keeps the time of day it was written in.
fn date(v: Value, format: Option<String>) -> Result<String, Error> {
    defined(&v)?;
    let format = format.unwrap_or_else(|| "%Y-%m-%d".into());
    let items: Vec<Item> = StrftimeItems::new(&format).collect();
    if items.iter().any(|i| matches!(i, Item::Error)) {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("date: \"{format}\" is not a strftime format (%d.%m.%Y, %B %-d, %Y, …)"),
        ));
    }
    let text = v.as_str().map(str::trim).ok_or_else(|| {
        Error::new(ErrorKind::InvalidOperation, format!("date: {v} is not a date"))
    })?;
    let shown = if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        d.format_with_items(items.into_iter()).to_string()
    } else if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        t.format_with_items(items.into_iter()).to_string()
    } else if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
        t.format_with_items(items.into_iter()).to_string()
    } else {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("date: \"{text}\" is not a date (2026-11-23) or datetime"),
        ));
    };
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map<const N: usize>(pairs: [(&str, Value); N]) -> Value {
        Value::from(
            pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
    }

    fn render(src: &str, ctx: Value) -> Result<String, Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
        register(&mut env, "EUR".into());
        env.render_str(src, ctx)
    }

    #[test]
    fn thousands_as_tables_print_them() {
        assert_eq!(thousands(1_234_567.0), "1 234 567");
        assert_eq!(thousands(1500.5), "1 500.50");
        assert_eq!(thousands(-12000.0), "-12 000");
        assert_eq!(thousands(999_999.996), "1 000 000");
        assert_eq!(thousands(-0.001), "0");
    }

    #[test]
    fn money_takes_the_deals_currency() {
        let deal = map([("value", Value::from(3_800_000)), ("currency", "KZT".into())]);
        let ctx = map([("deal", deal), ("fee", Value::from(1500.5))]);
        assert_eq!(render("{{ deal.value | money }}", ctx.clone()).unwrap(), "3 800 000 KZT");
        assert_eq!(render("{{ fee | money }}", ctx.clone()).unwrap(), "1 500.50 EUR");
        assert_eq!(render("{{ fee | money('cny') }}", ctx.clone()).unwrap(), "1 500.50 CNY");
        assert_eq!(render("{{ '12000' | money }}", ctx.clone()).unwrap(), "12 000 EUR");
        assert!(render("{{ 'lots' | money }}", ctx.clone()).is_err());
        assert!(render("{{ nothing | money }}", ctx).is_err(), "an undefined amount fails");
    }

    #[test]
    fn dates_in_any_format() {
        let ctx =
            map([("today", Value::from("2026-11-23")), ("at", "2026-11-20T14:00:00+03:00".into())]);
        assert_eq!(render("{{ today | date('%d.%m.%Y') }}", ctx.clone()).unwrap(), "23.11.2026");
        assert_eq!(render("{{ today | date }}", ctx.clone()).unwrap(), "2026-11-23");
        assert_eq!(render("{{ at | date('%d.%m %H:%M') }}", ctx.clone()).unwrap(), "20.11 14:00");
        let bad = render("{{ today | date('%Q') }}", ctx.clone()).unwrap_err();
        assert!(bad.to_string().contains("strftime"), "{bad}");
        assert!(render("{{ 'soon' | date }}", ctx.clone()).is_err());
        assert!(render("{{ today | date(nothing) }}", ctx.clone()).is_err(), "no silent default");
        assert!(render("{{ today | date('%d', 'x') }}", ctx).is_err());
    }
}
