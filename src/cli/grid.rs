//! A table's cells before they are laid out. On a terminal, or where colour or a width
//! asks for it, comfy-table lays them out ([`Output::table`]: widths, wrapping, colours).
//! Piped and unstyled, no column is ever wrapped, so the same text is written straight:
//! each column as wide as its widest line, without a cell object per value (a list of
//! thousands of rows spent more than a third of its time making and laying out those).
//! The two give the same bytes: the tests hold them side by side.

use comfy_table::{Cell, CellAlignment, Color};
use unicode_width::UnicodeWidthStr;

use super::output::Output;

/// One value of a [`Grid`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GridCell {
    text: String,
    color: Option<Color>,
    right: bool,
}

impl GridCell {
    pub fn new(text: impl Into<String>) -> GridCell {
        GridCell { text: text.into(), color: None, right: false }
    }

    /// In a colour, when colour is on.
    pub fn colored(text: impl Into<String>, color: Option<Color>) -> GridCell {
        GridCell { color, ..GridCell::new(text) }
    }

    /// Aligned to the right (amounts).
    pub fn right(self) -> GridCell {
        GridCell { right: true, ..self }
    }

    fn comfy(&self, out: &Output) -> Cell {
        let cell = out.cell(self.text.as_str(), self.color);
        if self.right { cell.set_alignment(CellAlignment::Right) } else { cell }
    }
}

/// A table: its header and rows of cells, printed by [`Output::print_grid`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<GridCell>>,
}

impl Grid {
    pub fn new(header: Vec<String>) -> Grid {
        Grid { header, rows: Vec::new() }
    }

    pub fn reserve(&mut self, rows: usize) {
        self.rows.reserve(rows);
    }

    pub fn push(&mut self, row: Vec<GridCell>) {
        self.rows.push(row);
    }

    /// As comfy-table lays it out for `out` (sized to the terminal, styled).
    pub fn comfy(&self, out: &Output) -> comfy_table::Table {
        let mut table = out.table(self.header.iter().map(String::as_str));
        for row in &self.rows {
            table.add_row(row.iter().map(|c| c.comfy(out)).collect::<Vec<_>>());
        }
        table
    }

    /// The text comfy-table gives with its borders (`UTF8_FULL_CONDENSED`), no width to
    /// keep within and no style: every column as wide as its widest line (at least one),
    /// a space either side; a cell of several lines makes its row as tall. No line
    /// break at the end.
    pub fn plain(&self) -> String {
        let columns = self.header.len().max(self.rows.iter().map(Vec::len).max().unwrap_or(0));
        let mut widths = vec![1usize; columns];
        let texts = std::iter::once(self.header.iter().map(String::as_str).collect::<Vec<_>>())
            .chain(self.rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()));
        for row in texts {
            for (i, text) in row.iter().enumerate() {
                let widest = text.split('\n').map(|l| l.width()).max().unwrap_or(0);
                widths[i] = widths[i].max(widest.min(usize::from(u16::MAX)));
            }
        }
        let rule = |out: &mut String, [left, fill, junction, right]: [char; 4]| {
            out.push(left);
            for (i, width) in widths.iter().enumerate() {
                if i > 0 {
                    out.push(junction);
                }
                out.extend(std::iter::repeat_n(fill, width + 2));
            }
            out.push(right);
            out.push('\n');
        };
        let line_count: usize = self.rows.len() + 4;
        let width: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
        let mut out = String::with_capacity(line_count * width * 2);
        rule(&mut out, ['┌', '─', '┬', '┐']);
        let header: Vec<GridCell> = self.header.iter().map(GridCell::new).collect();
        Self::line(&mut out, &header, &widths);
        rule(&mut out, ['╞', '═', '╪', '╡']);
        for row in &self.rows {
            Self::line(&mut out, row, &widths);
        }
        rule(&mut out, ['└', '─', '┴', '┘']);
        out.pop();
        out
    }

    /// One row: as many lines as its tallest cell.
    fn line(out: &mut String, row: &[GridCell], widths: &[usize]) {
        let tall = row.iter().map(|c| c.text.split('\n').count()).max().unwrap_or(1);
        let mut lines: Vec<std::str::Split<'_, char>> =
            row.iter().map(|c| c.text.split('\n')).collect();
        for _ in 0..tall {
            out.push('│');
            for (i, &width) in widths.iter().enumerate() {
                if i > 0 {
                    out.push('┆');
                }
                let cell = row.get(i);
                let text = lines.get_mut(i).and_then(Iterator::next);
                let Some(text) = text else {
                    out.extend(std::iter::repeat_n(' ', width + 2));
                    continue;
                };
                let pad = width.saturating_sub(text.width());
                let (left, right) =
                    if cell.is_some_and(|c| c.right) { (pad + 1, 1) } else { (1, pad + 1) };
                out.extend(std::iter::repeat_n(' ', left));
                out.push_str(text);
                out.extend(std::iter::repeat_n(' ', right));
            }
            out.push('│');
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// comfy-table's text for the grid: piped, unstyled, no width.
    fn comfy(grid: &Grid) -> String {
        let out = Output::plain();
        grid.comfy(&out).to_string()
    }

    fn grid(header: &[&str], rows: &[&[(&str, bool)]]) -> Grid {
        let mut g = Grid::new(header.iter().map(|h| h.to_string()).collect());
        for row in rows {
            g.push(
                row.iter()
                    .map(
                        |&(t, right)| {
                            if right { GridCell::new(t).right() } else { GridCell::new(t) }
                        },
                    )
                    .collect(),
            );
        }
        g
    }

    #[test]
    fn written_straight_as_comfy_table_lays_it_out() {
        let cases = [
            grid(&["ID", "NAME"], &[]),
            grid(
                &["ID", "NAME", "VALUE"],
                &[&[("anna", false), ("Анна Петрова", false), ("1 200", true)]],
            ),
            grid(
                &["ID", "NAME", "COMPANY", "VALUE", "LAST CONTACT"],
                &[
                    &[
                        ("wang", false),
                        ("王小明", false),
                        ("北京科技", false),
                        ("12", true),
                        ("", false),
                    ],
                    &[("", false), ("", false), ("", false), ("", true), ("", false)],
                    &[
                        ("aigerim", false),
                        ("Айгерім Қасымова", false),
                        ("Müller & Söhne GmbH", false),
                        ("1 000 000,50", true),
                        ("2026-11-20", false),
                    ],
                    &[
                        ("two-lines", false),
                        ("first\nsecond longer", false),
                        ("x", false),
                        ("1\n22", true),
                        ("😀 emoji", false),
                    ],
                ],
            ),
            grid(&["A"], &[&[("tab\there", false)], &[("trailing  ", false)], &[("\n", false)]]),
        ];
        for g in cases {
            assert_eq!(g.plain(), comfy(&g), "{g:?}");
        }
    }

    #[test]
    fn every_mix_of_widths_lines_and_alignment() {
        let words =
            ["", "a", "Жанна", "張偉", "Grüße", "x\ny", "long words here", "🙂", " ", "\n\n"];
        let mut g = Grid::new(vec!["ID".into(), "НАЗВАНИЕ".into(), "V".into()]);
        for i in 0..words.len() * words.len() {
            let (a, b) = (words[i % words.len()], words[i / words.len()]);
            g.push(vec![
                GridCell::new(format!("r{i}")),
                GridCell::new(a),
                GridCell::new(b).right(),
            ]);
        }
        assert_eq!(g.plain(), comfy(&g));
    }
}
