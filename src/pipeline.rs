//! The sales pipeline (`rolo pipeline`): deals per stage with their
//! totals and weighted forecast, per currency, open deals apart from won and lost.
//!
//! Pure functions over [`View`]s (parsed files or index cards alike) and the [`Config`];
//! the CLI loads the deals and prints. Also the small vocabulary the reports share:
//! [`Money`], [`Range`], [`median`], a deal's currency, owner and the day it was won.
//! Amounts in different currencies are never added together.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Config;
use crate::dates::When;
use crate::model::View;

/// Amounts per currency code (never summed across codes).
pub type Money = BTreeMap<String, f64>;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StageRow {
    pub stage: String,
    pub count: usize,
    pub total: Money,
    pub weighted: Money,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OpenTotals {
    pub count: usize,
    pub total: Money,
    pub weighted: Money,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Closed {
    pub count: usize,
    pub total: Money,
}

/// `pipeline --json` (docs/format.md: "JSON output"): open stages in pipeline order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pipeline {
    pub stages: Vec<StageRow>,
    pub open: OpenTotals,
    pub won: Closed,
    pub lost: Closed,
    /// Deals whose stage is not one of the pipeline's: `(path, stage)`, for a warning.
    #[serde(skip)]
    pub unknown: Vec<(String, String)>,
}

/// What `pipeline --by` splits the deals by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Owner,
    Source,
    Currency,
}

impl GroupBy {
    pub fn key(self) -> &'static str {
        match self {
            GroupBy::Owner => "owner",
            GroupBy::Source => "source",
            GroupBy::Currency => "currency",
        }
    }
}

/// Every deal counted in its stage; won and lost apart; open totals over the rest.
pub fn pipeline<V: View>(deals: &[V], config: &Config) -> Pipeline {
    let p = &config.pipeline;
    let open_stages: Vec<&String> = p.stages.iter().filter(|s| !is_closed(s, config)).collect();
    let mut out = Pipeline {
        stages: open_stages
            .iter()
            .map(|s| StageRow { stage: (*s).clone(), ..Default::default() })
            .collect(),
        ..Default::default()
    };
    for deal in deals {
        let stage = deal.str("stage").unwrap_or_default();
        let currency = currency(deal, config);
        let value = deal.number("value").unwrap_or(0.0);
        if same_stage(stage, &p.won) {
            add_closed(&mut out.won, &currency, value);
        } else if same_stage(stage, &p.lost) {
            add_closed(&mut out.lost, &currency, value);
        } else if let Some(row) = out.stages.iter_mut().find(|r| same_stage(&r.stage, stage)) {
            let prob = probability(deal, config);
            row.count += 1;
            *row.total.entry(currency.clone()).or_default() += value;
            *row.weighted.entry(currency.clone()).or_default() += value * prob;
            out.open.count += 1;
            *out.open.total.entry(currency.clone()).or_default() += value;
            *out.open.weighted.entry(currency).or_default() += value * prob;
        } else {
            out.unknown.push((deal.path().to_string_lossy().into_owned(), stage.to_string()));
        }
    }
    for row in &mut out.stages {
        round_all(&mut row.total);
        round_all(&mut row.weighted);
    }
    round_all(&mut out.open.total);
    round_all(&mut out.open.weighted);
    round_all(&mut out.won.total);
    round_all(&mut out.lost.total);
    out
}

/// One pipeline per owner, source or currency, in the order of their names.
pub fn grouped<V: View>(deals: &[V], config: &Config, by: GroupBy) -> Vec<(String, Pipeline)> {
    let mut groups: BTreeMap<String, Vec<&V>> = BTreeMap::new();
    for deal in deals {
        let key = match by {
            GroupBy::Owner => owner(deal, config),
            GroupBy::Source => deal.str("source").unwrap_or_default().to_string(),
            GroupBy::Currency => currency(deal, config),
        };
        groups.entry(key).or_default().push(deal);
    }
    groups.into_iter().map(|(k, ds)| (k, pipeline(&ds, config))).collect()
}

fn add_closed(c: &mut Closed, currency: &str, value: f64) {
    c.count += 1;
    *c.total.entry(currency.to_string()).or_default() += value;
}

fn is_closed(stage: &str, config: &Config) -> bool {
    same_stage(stage, &config.pipeline.won) || same_stage(stage, &config.pipeline.lost)
}

/// Stage names match in any case (`Won` is the stage `won`), as `--stage`, the index and
/// [`crate::filter::is_open`] read them.
pub fn same_stage(a: &str, b: &str) -> bool {
    // Asked of every deal: stage names are mostly ASCII, compared without lowercased
    // copies (the rest as `to_lowercase` has them: a final sigma is not a sigma).
    a == b
        || if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            a.to_lowercase() == b.to_lowercase()
        }
}

/// The deal's own `probability`, else its stage's default from rolo.toml, else 0.
pub fn probability(deal: &impl View, config: &Config) -> f64 {
    deal.number("probability")
        .or_else(|| {
            let stage = deal.str("stage")?;
            config.pipeline.probability.get(stage).copied()
        })
        .unwrap_or(0.0)
}

/// The deal's currency as written (upper-cased), else the book's default.
pub fn currency(deal: &impl View, config: &Config) -> String {
    deal.str("currency").unwrap_or(&config.defaults.currency).trim().to_uppercase()
}

/// Who looks after a record: its `owner`, else the book's default owner.
pub fn owner(r: &impl View, config: &Config) -> String {
    r.str("owner").unwrap_or(&config.defaults.owner).to_string()
}

/// When a deal was won: its last history entry reaching the won stage, else its `close`.
pub fn won_at(deal: &impl View, config: &Config) -> Option<When> {
    let history = deal.history();
    history
        .iter()
        .rev()
        .find(|(s, _)| same_stage(s, &config.pipeline.won))
        .map(|(_, at)| *at)
        .or_else(|| deal.when("close"))
}

pub use crate::model::facts::created_at;

/// `--from`/`--to`: local days, both ends included; an open end is unbounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Range {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Range {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether a record's moment lies in range; no date at all counts only without bounds.
    /// The moment is asked for only where there are bounds (a report of all time reads
    /// no record's).
    pub fn holds(&self, when: impl FnOnce() -> Option<When>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        match when() {
            Some(w) => self.contains(w.local_date()),
            None => false,
        }
    }
}

/// The median of some numbers (the mean of the middle two for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) { (v[mid - 1] + v[mid]) / 2.0 } else { v[mid] })
}

/// Round to `places` decimals, so sums of floats print as people wrote them.
pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn round_all(m: &mut Money) {
    for v in m.values_mut() {
        *v = round(*v, 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_match_in_any_case() {
        let deal = |id: &str, stage: &str| {
            let front = format!("title = \"{id}\"\nstage = \"{stage}\"\nvalue = 100");
            crate::model::record::test_record(crate::Kind::Deal, id, &front)
        };
        let deals = [deal("a", "Won"), deal("b", "LOST"), deal("c", "Proposal"), deal("d", "Лид")];
        let p = pipeline(&deals, &Config::default());
        assert_eq!((p.won.count, p.lost.count, p.open.count), (1, 1, 1));
        assert_eq!(p.unknown, vec![("deals/d.md".to_string(), "Лид".to_string())]);
        assert!(same_stage("Этап", "этап") && !same_stage("won", "lost"));
    }

    #[test]
    fn median_odd_even_empty() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5.0]), Some(5.0));
        assert_eq!(median(&[9.0, 1.0, 5.0]), Some(5.0));
        assert_eq!(median(&[4.0, 1.0, 10.0, 2.0]), Some(3.0));
    }

    #[test]
    fn range_includes_both_ends() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = Range { from: Some(d("2026-10-01")), to: Some(d("2026-10-31")) };
        assert!(r.contains(d("2026-10-01")) && r.contains(d("2026-10-31")));
        assert!(!r.contains(d("2026-09-30")) && !r.contains(d("2026-11-01")));
        assert!(Range::default().holds(|| None));
        assert!(!r.holds(|| None));
    }

    #[test]
    fn rounding_hides_float_noise() {
        assert_eq!(round(0.1 * 3.0, 2), 0.3);
        assert_eq!(round(1000.0 * 0.75 + 0.1, 2), 750.1);
    }
}
