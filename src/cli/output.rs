//! Where output goes and how it looks: stdout for data (tables, JSON, ids), stderr for
//! status, warnings and errors; colour only on a terminal and never with NO_COLOR.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Columns whose cells must stay on one line.
const UNWRAPPED: [&str; 11] = [
    "ID",
    "TYPE",
    "DUE",
    "CLOSE",
    "DATE",
    "LAST CONTACT",
    "VALUE",
    "STAGE",
    "STATUS",
    "KIND",
    "DIR",
];

pub struct Output {
    pub json: bool,
    color: bool,
    width: Option<u16>,
}

/// Writing to stdout failed: a closed pipe ends the command quietly (exit 0).
#[derive(Debug)]
pub struct WriteFailed(pub io::Error);

pub type WriteResult = Result<(), WriteFailed>;

impl Output {
    pub fn new(json: bool, choice: ColorChoice) -> Output {
        let tty = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let color = !json
            && match choice {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => tty && !no_color && !dumb,
            };
        // On a terminal comfy-table measures it; elsewhere COLUMNS says, or no limit.
        let width = if tty {
            None
        } else {
            std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok())
        };
        Output { json, color, width }
    }

    /// A table sized to the terminal, styled only when colour is on.
    pub fn table<I, S>(&self, header: I) -> Table
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        let names: Vec<String> = header.into_iter().map(Into::into).collect();
        let bold = |s: &String| {
            let c = Cell::new(s);
            if self.color { c.add_attribute(Attribute::Bold) } else { c }
        };
        t.set_header(names.iter().map(bold).collect::<Vec<_>>());
        // Ids (what people copy into the next command), dates, amounts and short codes
        // are never wrapped; names and text take what width is left.
        for (i, name) in names.iter().enumerate() {
            if UNWRAPPED.contains(&name.as_str())
                && let Some(column) = t.column_mut(i)
            {
                column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
            }
        }
        if !self.color {
            t.force_no_tty();
        } else {
            t.enforce_styling();
        }
        match self.width {
            Some(w) => {
                t.set_width(w);
                t.set_content_arrangement(ContentArrangement::Dynamic);
            }
            None if io::stdout().is_terminal() => {
                t.set_content_arrangement(ContentArrangement::Dynamic);
            }
            None => {}
        }
        t
    }

    /// Whether output may carry colours (a terminal, no NO_COLOR, no --json).
    pub fn colored(&self) -> bool {
        self.color
    }

    /// A cell in a colour, when colour is on.
    pub fn cell(&self, text: impl Into<String>, color: Option<Color>) -> Cell {
        let c = Cell::new(text.into());
        match color {
            Some(col) if self.color => c.fg(col),
            _ => c,
        }
    }

    pub fn print_table(&self, table: &Table) -> WriteResult {
        self.line(table.to_string())
    }

    /// A [`Grid`](super::grid::Grid): laid out by comfy-table where a terminal, a width
    /// or colour asks for it, else written straight (the same text).
    pub fn print_grid(&self, grid: &super::grid::Grid) -> WriteResult {
        if self.color || self.width.is_some() || io::stdout().is_terminal() {
            self.print_table(&grid.comfy(self))
        } else {
            self.line(grid.plain())
        }
    }

    /// No colour, no width, no JSON: what a pipe gets.
    #[cfg(test)]
    pub fn plain() -> Output {
        Output { json: false, color: false, width: None }
    }

    pub fn print_json(&self, value: &(impl serde::Serialize + ?Sized)) -> WriteResult {
        let text = serde_json::to_string_pretty(value).map_err(|e| WriteFailed(e.into()))?;
        self.line(text)
    }

    /// One line of data on stdout.
    pub fn line(&self, text: impl std::fmt::Display) -> WriteResult {
        let mut out = io::stdout().lock();
        writeln!(out, "{text}").and_then(|()| out.flush()).map_err(WriteFailed)
    }

    /// A status line for the person (stderr), e.g. "Nothing changed."
    pub fn status(&self, text: impl std::fmt::Display) {
        let _ = writeln!(io::stderr(), "{text}");
    }

    pub fn warn(&self, text: impl std::fmt::Display) {
        let _ = writeln!(io::stderr(), "warning: {text}");
    }
}
