//! rolo: a command-line CRM whose records are Markdown files with TOML front matter.
//!
//! Codemap (the library knows the book; the binary in `src/cli/` knows the terminal):
//! - [`book`]: find, open and create a book; read, create, update and delete records.
//! - [`config`]: `rolo.toml` → [`config::Config`]; the commented default template.
//! - [`clock`]: the current time (`ROLO_NOW` or the system clock), read once.
//! - [`error`]: typed errors and `path:line:col` diagnostics.
//! - [`failpoint`]: crash points the tests set through `ROLO_FAILPOINT`.
//! - [`model`]: record kinds, their keys and types, ids (transliteration), REF resolution,
//!   and [`model::View`]: what lists read, from a parsed file or from the index's card.
//! - [`store`]: the file format: front matter split, parse, format-preserving edits, atomic
//!   writes, the three-way merge of a record (git's merge driver) and the field diff.
//! - [`links`]: what links to a record; rewriting links on rename.
//! - [`draft`]: a new record from values given on the command line, created through a change.
//! - [`assign`]: `set`/`unset`: typed `key=value`, `key+=item`, `key-=item` edits.
//! - [`deals`]: a deal's stage changes and their `[[history]]`.
//! - [`relations`]: `relate`/`unrelate`, and relations as `show` lists them, with inverse kinds.
//! - [`rename`]: a new id with every link rewritten, as one transaction.
//! - [`filter`]: list filters and sort orders over loaded records.
//! - [`dates`]: date expressions (`today`, `+3d`, `next tuesday`, `5 dec`, `через неделю`,
//!   `2026-12-01 15:00`) and cadences (`30d`).
//! - [`change`]: the one path for every change: write lock, journal (transactions), commit.
//! - [`hooks`]: the programs `[[hooks]]` names, run after each committed change.
//! - [`git`]: the `git` program: one commit per change (plumbing), the merge driver's setup.
//! - [`history`]: a record's past (commits, field changes, across renames) and the book
//!   as a commit holds it (`show --at`, `pipeline --at`).
//! - [`sync`]: commit, fetch, replay on the remote's commits, push; conflicts per field.
//! - [`watch`]: `rolo watch`, the index kept fresh from file-system notifications.
//! - [`interop`]: vCard, CSV and JSON in and out; imports that match, merge and never duplicate.
//! - [`index`]: the tantivy search index under `.rolo/index`: tokenizer, schema, freshness, search,
//!   address look-up for mail programs.
//! - [`query`]: the search query language: parse (AST, errors with columns), eval (→ tantivy).
//! - [`pipeline`]: deals per stage, totals and weighted forecast per currency; never prints.
//! - [`reports`]: funnel, revenue, lead sources and activity rows from records or cards.
//! - [`tasks`]: reminders: `task done` (repeating tasks move along their series) and `snooze`.
//! - [`agenda`]: what needs attention today: tasks, follow-ups, birthdays, closing and stale deals.
//! - [`render`]: documents from `templates/` (a sandboxed engine), mail drafts, report charts.
//! - [`privacy`]: what the book holds about one person; [`forget`]: erasing them, as one change.
//! - [`check`]: the book's health: bad files, conflicts, stray files, broken links, duplicates, bad values.
//! - [`dedupe`]: `merge`: a duplicate folded into the record kept, its links moved, as one change.
//! - [`views`]: saved views from `[views]` in rolo.toml: their queries, sorts, records and totals.
//!
//! Nothing here prints or reads the terminal; that is the CLI's job.

pub mod agenda;
pub mod assign;
pub mod book;
pub mod change;
pub mod check;
pub mod clock;
pub mod config;
pub mod dates;
pub mod deals;
pub mod dedupe;
pub mod draft;
pub mod error;
pub mod failpoint;
pub mod filter;
pub mod forget;
pub mod git;
pub mod history;
pub mod hooks;
pub mod index;
pub mod interop;
pub mod links;
pub mod model;
pub mod pipeline;
pub mod privacy;
pub mod query;
pub mod relations;
pub mod rename;
pub mod render;
pub mod reports;
pub mod source;
pub mod store;
pub mod sync;
pub mod tasks;
pub mod views;
pub mod watch;

pub use book::Book;
pub use error::{Diagnostic, Error, Result};
pub use model::{Kind, Record};
