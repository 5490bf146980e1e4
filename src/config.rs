//! `rolo.toml` → [`Config`], with defaults for every key.
//!
//! The defaults live in one commented TOML file, `rolo.default.toml`, which `rolo init`
//! writes as it is, so what a new book says and what rolo assumes are the same text.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::dates::Cadence;
use crate::error::{Diagnostic, Error, IoContext, Result};

/// The commented template `rolo init` writes.
pub const DEFAULT_TOML: &str = include_str!("rolo.default.toml");
pub const FILE_NAME: &str = "rolo.toml";

#[derive(Debug, Clone)]
pub struct Config {
    pub pipeline: Pipeline,
    pub defaults: Defaults,
    pub digest: Digest,
    pub follow_up: FollowUp,
    pub git: Git,
    /// `[views]`: saved searches, in the order written.
    pub views: Vec<SavedView>,
    /// `[me]`: who the book belongs to (name, address, bank details, any keys), for
    /// document templates and the `From:` of mail drafts. Empty when not written.
    pub me: toml::Table,
    /// `[[hooks]]`: programs run after changes, in the order written.
    pub hooks: Vec<Hook>,
    /// `[relations]`: the inverse of each relation kind (`parent = "child"`), the
    /// template's and the file's together (the file's win).
    pub relations: BTreeMap<String, String>,
}

/// The events a hook can run on, as written in `on`.
pub const HOOK_EVENTS: [&str; 9] = [
    "contact.add",
    "company.add",
    "deal.add",
    "note.add",
    "task.add",
    "task.done",
    "deal.stage",
    "record.change",
    "record.remove",
];

/// How long a hook may run when its `timeout` is not written.
pub const HOOK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A `[[hooks]]` entry: run `run` (a program and its arguments, never a shell line) after
/// a change of kind `on`; for `deal.stage`, only when the new stage is `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// One of [`HOOK_EVENTS`].
    pub on: &'static str,
    pub to: Option<String>,
    pub run: Vec<String>,
    pub timeout: std::time::Duration,
    /// The line of rolo.toml where the entry begins, for messages about it.
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub stages: Vec<String>,
    pub won: String,
    pub lost: String,
    pub probability: BTreeMap<String, f64>,
}

#[derive(Debug, Clone)]
pub struct Defaults {
    pub currency: String,
    pub owner: String,
    pub timezone: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Digest {
    pub days: u32,
    pub stale_deal_days: u32,
}

/// Default keep-in-touch cadences for contacts, by tag and by stage (lowercase keys).
#[derive(Debug, Clone, Default)]
pub struct FollowUp {
    pub tags: BTreeMap<String, Cadence>,
    pub stages: BTreeMap<String, Cadence>,
}

#[derive(Debug, Clone)]
pub struct Git {
    pub autocommit: bool,
}

/// A saved view: `name = "query"`, or `[views.name]` with `query` and list options. The
/// query and the sort are checked when the view is used (`crate::views`), so that one
/// bad view does not stop every command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedView {
    pub name: String,
    pub query: String,
    /// A list sort key (`-value`).
    pub sort: Option<String>,
    /// Columns of the table instead of the kind's own.
    pub columns: Vec<String>,
    /// At most this many records of each kind.
    pub limit: Option<usize>,
    /// Where the query is written: line and column of its first character in rolo.toml;
    /// `exact` when every character of the query is written as itself there (no escapes,
    /// one line), so that a column in the query is a column in the file.
    pub at: Option<(usize, usize, bool)>,
}

/// The file as written: every key optional, so a user's file can say only what differs.
/// Sections other issues add (templates, follow-up defaults) are tolerated.
#[derive(Deserialize, Default)]
struct RawConfig {
    #[serde(default)]
    pipeline: RawPipeline,
    #[serde(default)]
    defaults: RawDefaults,
    #[serde(default)]
    digest: RawDigest,
    #[serde(default)]
    follow_up: RawFollowUp,
    #[serde(default)]
    git: RawGit,
    /// Any keys the person likes: templates read them as `me.<key>`.
    #[serde(default)]
    me: toml::Table,
    #[serde(default)]
    relations: BTreeMap<String, String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPipeline {
    stages: Option<Vec<String>>,
    won: Option<String>,
    lost: Option<String>,
    probability: Option<BTreeMap<String, f64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    currency: Option<String>,
    owner: Option<String>,
    timezone: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDigest {
    days: Option<u32>,
    stale_deal_days: Option<u32>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFollowUp {
    tags: Option<BTreeMap<String, String>>,
    stages: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawGit {
    autocommit: Option<bool>,
}

impl RawConfig {
    /// Fill what the user left out from the template (which sets every key).
    fn over(self, t: RawConfig) -> Result<Config, String> {
        let cadences = |section: &str, map: BTreeMap<String, String>| {
            map.into_iter()
                .map(|(k, v)| {
                    let c = v
                        .parse::<Cadence>()
                        .map_err(|m| format!("[follow_up] {section}: \"{k}\" = \"{v}\": {m}"))?;
                    Ok((k.to_lowercase(), c))
                })
                .collect::<Result<BTreeMap<_, _>, String>>()
        };
        let follow_up = FollowUp {
            tags: cadences("tags", self.follow_up.tags.or(t.follow_up.tags).unwrap_or_default())?,
            stages: cadences(
                "stages",
                self.follow_up.stages.or(t.follow_up.stages).unwrap_or_default(),
            )?,
        };
        Ok(Config {
            pipeline: Pipeline {
                stages: self.pipeline.stages.or(t.pipeline.stages).unwrap_or_else(missing),
                won: self.pipeline.won.or(t.pipeline.won).unwrap_or_else(missing),
                lost: self.pipeline.lost.or(t.pipeline.lost).unwrap_or_else(missing),
                probability: self
                    .pipeline
                    .probability
                    .or(t.pipeline.probability)
                    .unwrap_or_else(missing),
            },
            defaults: Defaults {
                currency: self.defaults.currency.or(t.defaults.currency).unwrap_or_else(missing),
                owner: self.defaults.owner.or(t.defaults.owner).unwrap_or_else(missing),
                timezone: self.defaults.timezone.or(t.defaults.timezone),
            },
            digest: Digest {
                days: self.digest.days.or(t.digest.days).unwrap_or_else(missing),
                stale_deal_days: self
                    .digest
                    .stale_deal_days
                    .or(t.digest.stale_deal_days)
                    .unwrap_or_else(missing),
            },
            follow_up,
            git: Git {
                autocommit: self.git.autocommit.or(t.git.autocommit).unwrap_or_else(missing),
            },
            views: Vec::new(),
            me: self.me,
            hooks: Vec::new(),
            relations: t.relations.into_iter().chain(self.relations).collect(),
        })
    }
}

fn missing<T>() -> T {
    unreachable!("rolo.default.toml sets every key (checked by a unit test)")
}

fn template() -> RawConfig {
    toml::from_str(DEFAULT_TOML).unwrap_or_default()
}

impl Default for Config {
    fn default() -> Self {
        RawConfig::default().over(template()).unwrap_or_else(|_| missing())
    }
}

impl Config {
    /// Read `rolo.toml` from a book root; a bad file is a `path:line:col` diagnostic.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(FILE_NAME);
        let text = std::fs::read_to_string(&path).at(&path)?;
        Self::parse(&text, Path::new(FILE_NAME))
    }

    pub fn parse(text: &str, shown_as: &Path) -> Result<Config> {
        let bad = |line, col, message| {
            Error::BadConfig(Diagnostic { path: shown_as.into(), line, col, message })
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|s| crate::store::frontmatter::line_col(text, s.start))
                .unwrap_or((1, 1));
            bad(line, col, e.message().trim().to_string())
        })?;
        let mut config = raw.over(template()).map_err(|message| bad(1, 1, message))?;
        config.validate().map_err(|message| bad(1, 1, message))?;
        let located = |(offset, message)| {
            let (line, col) = crate::store::frontmatter::line_col(text, offset);
            bad(line, col, message)
        };
        let doc = toml_edit::Document::parse(text).map_err(|_| bad(1, 1, "not TOML".into()))?;
        config.views = views(&doc, text).map_err(located)?;
        config.hooks = hooks(&doc, text).map_err(located)?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), String> {
        let p = &self.pipeline;
        if p.stages.is_empty() {
            return Err("[pipeline] stages must name at least one stage".into());
        }
        for (what, stage) in [("won", &p.won), ("lost", &p.lost)] {
            if !p.stages.contains(stage) {
                return Err(format!("[pipeline] {what} = \"{stage}\" is not one of the stages"));
            }
        }
        for (stage, prob) in &p.probability {
            if !(0.0..=1.0).contains(prob) {
                return Err(format!("[pipeline] probability of \"{stage}\" must be within 0..1"));
            }
        }
        Ok(())
    }
}

/// `[views]` read from the text itself, for the places of queries in the file. An error
/// is the byte offset to point at and what is wrong.
fn views(doc: &toml_edit::Document<&str>, text: &str) -> Result<Vec<SavedView>, (usize, String)> {
    let Some(section) = doc.get("views") else { return Ok(Vec::new()) };
    let start = |item: &toml_edit::Item| item.span().map_or(0, |s| s.start);
    let Some(section) = section.as_table_like() else {
        return Err((start(section), "[views] must be a table of name = \"query\"".into()));
    };
    let mut views = Vec::new();
    for (name, item) in section.iter() {
        let at = start(item);
        let query_at = |item: &toml_edit::Item| {
            let span = item.span()?;
            let written = text.get(span.clone())?;
            let (line, col) = crate::store::frontmatter::line_col(text, span.start + 1);
            let plain = item
                .as_str()
                .is_some_and(|q| written == format!("\"{q}\"") || written == format!("'{q}'"));
            Some((line, col, plain))
        };
        let mut view = SavedView {
            name: name.to_string(),
            query: String::new(),
            sort: None,
            columns: Vec::new(),
            limit: None,
            at: None,
        };
        if let Some(query) = item.as_str() {
            view.query = query.to_string();
            view.at = query_at(item);
        } else if let Some(table) = item.as_table_like() {
            for (key, value) in table.iter() {
                let wrong = |what: &str| (start(value), format!("[views.{name}] {key}: {what}"));
                match key {
                    "query" => {
                        view.query =
                            value.as_str().ok_or_else(|| wrong("expected a query (text)"))?.into();
                        view.at = query_at(value);
                    }
                    "sort" => {
                        view.sort = Some(
                            value
                                .as_str()
                                .ok_or_else(|| wrong("expected a sort key (text)"))?
                                .into(),
                        );
                    }
                    "columns" => {
                        let list = value.as_array().ok_or_else(|| wrong("expected a list"))?;
                        for c in list.iter() {
                            let c = c.as_str().ok_or_else(|| wrong("expected column names"))?;
                            view.columns.push(c.trim().to_lowercase());
                        }
                    }
                    "limit" => {
                        let n = value.as_integer().filter(|n| *n > 0);
                        let n = n.ok_or_else(|| wrong("expected a whole number above 0"))?;
                        view.limit = Some(usize::try_from(n).unwrap_or(usize::MAX));
                    }
                    other => {
                        let at = table.key(other).and_then(|k| k.span()).map_or(at, |s| s.start);
                        return Err((
                            at,
                            format!(
                                "[views.{name}] unknown key `{other}`, expected `query`, `sort`, `columns` or `limit`"
                            ),
                        ));
                    }
                }
            }
            if view.query.is_empty() && view.at.is_none() {
                return Err((at, format!("[views.{name}] has no `query`")));
            }
        } else {
            return Err((
                at,
                format!("[views] {name}: expected a query (text) or a table with `query`"),
            ));
        }
        views.push(view);
    }
    Ok(views)
}

/// `[[hooks]]` read from the text itself, so that a mistake names its line.
fn hooks(doc: &toml_edit::Document<&str>, text: &str) -> Result<Vec<Hook>, (usize, String)> {
    let Some(section) = doc.get("hooks") else { return Ok(Vec::new()) };
    let start = |item: &toml_edit::Item| item.span().map_or(0, |s| s.start);
    let Some(entries) = section.as_array_of_tables() else {
        return Err((start(section), "hooks: expected [[hooks]] entries".into()));
    };
    let mut hooks = Vec::new();
    for table in entries.iter() {
        let at = table.span().map_or(0, |s| s.start);
        let line = crate::store::frontmatter::line_col(text, at).0;
        let mut on = None;
        let mut to = None;
        let mut run = Vec::new();
        let mut timeout = HOOK_TIMEOUT;
        for (key, value) in table.iter() {
            let wrong = |what: &str| (start(value), format!("[[hooks]] {key}: {what}"));
            match key {
                "on" => {
                    let name = value.as_str().ok_or_else(|| wrong("expected an event name"))?;
                    let known = HOOK_EVENTS.iter().find(|e| **e == name.trim());
                    on = Some(*known.ok_or_else(|| {
                        wrong(&format!(
                            "unknown event \"{name}\", expected one of {}",
                            HOOK_EVENTS.join(", ")
                        ))
                    })?);
                }
                "to" => {
                    to = Some(
                        value.as_str().ok_or_else(|| wrong("expected a stage (text)"))?.to_string(),
                    );
                }
                "run" => {
                    let list = value.as_array().ok_or_else(|| {
                        wrong("expected a list: the program and its arguments, as [\"notify-send\", \"Deal won\"]")
                    })?;
                    for arg in list.iter() {
                        let arg = arg.as_str().ok_or_else(|| wrong("expected text arguments"))?;
                        run.push(arg.to_string());
                    }
                    if run.first().is_none_or(|p| p.trim().is_empty()) {
                        return Err(wrong("the first item must name the program"));
                    }
                }
                "timeout" => {
                    let seconds = value
                        .as_integer()
                        .map(|n| n as f64)
                        .or_else(|| value.as_float())
                        .filter(|s| s.is_finite() && *s > 0.0 && *s <= 86_400.0)
                        .ok_or_else(|| wrong("expected seconds, a number above 0"))?;
                    timeout = std::time::Duration::from_secs_f64(seconds);
                }
                other => {
                    let at = table.key(other).and_then(|k| k.span()).map_or(at, |s| s.start);
                    return Err((
                        at,
                        format!(
                            "[[hooks]] unknown key `{other}`, expected `on`, `to`, `run` or `timeout`"
                        ),
                    ));
                }
            }
        }
        let Some(on) = on else {
            return Err((at, "[[hooks]] has no `on` (the event it runs on)".into()));
        };
        if run.is_empty() {
            return Err((at, "[[hooks]] has no `run` (the program and its arguments)".into()));
        }
        if to.is_some() && on != "deal.stage" {
            return Err((at, format!("[[hooks]] `to` filters deal.stage only, not {on}")));
        }
        hooks.push(Hook { on, to, run, timeout, line });
    }
    Ok(hooks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_sets_every_key() {
        let t: RawConfig = toml::from_str(DEFAULT_TOML).unwrap();
        assert!(t.pipeline.stages.is_some() && t.pipeline.probability.is_some());
        assert!(t.defaults.currency.is_some() && t.defaults.owner.is_some());
        assert!(t.digest.days.is_some() && t.digest.stale_deal_days.is_some());
        assert!(t.git.autocommit.is_some());
        assert!(t.follow_up.tags.is_some() && t.follow_up.stages.is_some());
        assert_eq!(t.relations["spouse"], "spouse");
    }

    #[test]
    fn relations_add_to_the_template() {
        let c = Config::parse(
            "[relations]\nmentor = \"mentee\"\nparent = \"kid\"\n",
            Path::new("rolo.toml"),
        )
        .unwrap();
        assert_eq!(c.relations["mentor"], "mentee");
        assert_eq!(c.relations["parent"], "kid", "the file's own win");
        assert_eq!(c.relations["referred_by"], "referred");
        assert!(Config::parse("[relations]\nspouse = 1\n", Path::new("rolo.toml")).is_err());
    }

    #[test]
    fn follow_up_defaults_are_cadences() {
        let text = "[follow_up]\ntags = { VIP = \"14d\" }\nstages = { customer = \"2m\" }\n";
        let c = Config::parse(text, Path::new("rolo.toml")).unwrap();
        assert_eq!(c.follow_up.tags["vip"], "14d".parse().unwrap());
        assert_eq!(c.follow_up.stages["customer"], "2m".parse().unwrap());
        let bad = "[follow_up]\ntags = { vip = \"soon\" }\n";
        assert!(Config::parse(bad, Path::new("rolo.toml")).is_err());
    }

    #[test]
    fn template_parses_and_is_the_default() {
        let c = Config::parse(DEFAULT_TOML, Path::new("rolo.toml")).unwrap();
        assert_eq!(c.pipeline.stages.len(), 6);
        assert_eq!(c.pipeline.won, "won");
        assert_eq!(c.defaults.currency, "EUR");
        assert_eq!(c.digest.stale_deal_days, 14);
        assert!(c.git.autocommit);
    }

    #[test]
    fn partial_file_fills_defaults() {
        let c = Config::parse("[defaults]\ncurrency = \"KZT\"\n", Path::new("rolo.toml")).unwrap();
        assert_eq!(c.defaults.currency, "KZT");
        assert_eq!(c.defaults.owner, "me");
        assert_eq!(c.pipeline.lost, "lost");
    }

    #[test]
    fn views_as_queries_or_tables_in_file_order() {
        let text = "[views]\nhot = \"type:deal stage:proposal OR stage:negotiation\"\nvip-quiet = 'type:contact tag:vip'\n\n[views.big]\nquery = \"type:deal\"\nsort = \"-value\"\ncolumns = [\"Title\", \"value\"]\nlimit = 5\n";
        let c = Config::parse(text, Path::new("rolo.toml")).unwrap();
        let names: Vec<&str> = c.views.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["hot", "vip-quiet", "big"]);
        assert_eq!(c.views[0].query, "type:deal stage:proposal OR stage:negotiation");
        assert_eq!(c.views[0].at, Some((2, 8, true)));
        assert_eq!(c.views[1].at, Some((3, 14, true)));
        let big = &c.views[2];
        assert_eq!((big.sort.as_deref(), big.limit), (Some("-value"), Some(5)));
        assert_eq!(big.columns, ["title", "value"]);
        assert_eq!(big.at, Some((6, 10, true)));
        let escaped =
            Config::parse("[views]\nq = \"name:\\\"Анна\\\"\"\n", Path::new("rolo.toml")).unwrap();
        assert_eq!(escaped.views[0].query, "name:\"Анна\"");
        assert_eq!(escaped.views[0].at, Some((2, 6, false)), "escapes: columns differ");
        assert!(Config::default().views.is_empty());
    }

    #[test]
    fn bad_views_are_located() {
        let at = |text: &str| {
            let Error::BadConfig(d) = Config::parse(text, Path::new("rolo.toml")).unwrap_err()
            else {
                panic!()
            };
            (d.line, d.col, d.message)
        };
        let (line, col, message) = at("[views.hot]\nqeury = \"type:deal\"\n");
        assert_eq!((line, col), (2, 1));
        assert!(message.contains("unknown key `qeury`"), "{message}");
        let (line, col, message) = at("[views]\nhot = 3\n");
        assert_eq!((line, col), (2, 7));
        assert!(message.contains("expected a query"), "{message}");
        let (line, _, message) = at("[views.hot]\nsort = \"value\"\n");
        assert_eq!(line, 1);
        assert!(message.contains("has no `query`"), "{message}");
        let (_, _, message) = at("[views.hot]\nquery = \"x\"\nlimit = 0\n");
        assert!(message.contains("limit: expected a whole number"), "{message}");
    }

    #[test]
    fn hooks_in_file_order_with_their_lines() {
        let text = "[[hooks]]\non = \"deal.stage\"\nto = \"won\"\nrun = [\"notify-send\", \"Сделка выиграна\"]\n\n[[hooks]]\non = \"contact.add\"\nrun = [\"./welcome\"]\ntimeout = 2.5\n";
        let c = Config::parse(text, Path::new("rolo.toml")).unwrap();
        assert_eq!(c.hooks.len(), 2);
        let won = &c.hooks[0];
        assert_eq!((won.on, won.to.as_deref(), won.line), ("deal.stage", Some("won"), 1));
        assert_eq!(won.run, ["notify-send", "Сделка выиграна"]);
        assert_eq!(won.timeout, HOOK_TIMEOUT);
        assert_eq!((c.hooks[1].line, c.hooks[1].timeout.as_millis()), (6, 2500));
        assert!(Config::default().hooks.is_empty(), "the template's hooks are commented out");
        let bad = |text: &str| {
            let Error::BadConfig(d) = Config::parse(text, Path::new("rolo.toml")).unwrap_err()
            else {
                panic!()
            };
            (d.line, d.message)
        };
        let (line, message) = bad("[[hooks]]\non = \"deal.won\"\nrun = [\"x\"]\n");
        assert_eq!(line, 2);
        assert!(message.contains("unknown event \"deal.won\""), "{message}");
        assert!(bad("[[hooks]]\non = \"deal.add\"\nrun = \"x y\"\n").1.contains("expected a list"));
        assert!(bad("[[hooks]]\non = \"deal.add\"\n").1.contains("has no `run`"));
        assert!(bad("[[hooks]]\nrun = [\"x\"]\n").1.contains("has no `on`"));
        assert!(
            bad("[[hooks]]\non = \"deal.add\"\nrun = [\"x\"]\ntimeout = 0\n").1.contains("timeout")
        );
        assert!(
            bad("[[hooks]]\non = \"deal.add\"\nrun = [\"x\"]\nwhen = 1\n")
                .1
                .contains("unknown key `when`")
        );
        assert!(bad("[hooks]\non = \"deal.add\"\n").1.contains("expected [[hooks]]"));
    }

    #[test]
    fn me_takes_any_keys() {
        let text =
            "[me]\nname = \"Айгүл Сейітқызы\"\niban = \"KZ00 1234\"\n[me.bank]\nbic = \"X\"\n";
        let c = Config::parse(text, Path::new("rolo.toml")).unwrap();
        assert_eq!(c.me["name"].as_str(), Some("Айгүл Сейітқызы"));
        assert_eq!(c.me["bank"]["bic"].as_str(), Some("X"));
        assert!(Config::default().me.is_empty(), "the template's [me] is commented out");
        assert!(Config::parse("me = 3\n", Path::new("rolo.toml")).is_err());
    }

    #[test]
    fn bad_file_is_located() {
        let e = Config::parse("[git]\nautocommit = maybe\n", Path::new("rolo.toml")).unwrap_err();
        let Error::BadConfig(d) = e else { panic!("{e:?}") };
        assert_eq!((d.line, d.col), (2, 14));
    }
}
