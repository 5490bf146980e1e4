//! The search query language: words (all must match), `"phrases"`, `field:value`,
//! `prefix*`, `-exclude`, `OR`. [`parse`] makes the AST with positions for errors; the
//! index evaluates it (`index::eval`).

pub mod parse;

pub use parse::parse;

/// A parsed query: every clause must hold (or must not, when negated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

/// One or more alternatives joined by `OR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub alternatives: Vec<Atom>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// `None` for the default fields; else the name before `:` (lowercase).
    pub field: Option<String>,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Word(String),
    Phrase(String),
    Prefix(String),
}

/// A query that cannot be parsed: where (1-based character column) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "query column {}: {}", self.column, self.message)
    }
}
