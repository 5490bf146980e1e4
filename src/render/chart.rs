//! Horizontal bar charts for reports: Unicode blocks (`▏▎▍▌▋▊▉█`) to stand beside a
//! table's numbers on a terminal, and inline SVG for HTML pages that mail clients show
//! (no scripts, no external files, styles inline).
//!
//! The numbers come from [`crate::reports`]; which rows become bars, and how one chart is
//! scaled (amounts only against amounts of the same currency), is the caller's choice.

/// One bar: its label, the value that sets its length, and the text shown beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// Bars scaled together: the longest is the largest value.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub bars: Vec<Bar>,
}

/// The colour of every bar, in SVG and on a colour terminal's blue.
pub const COLOUR: &str = "#2f6fdb";

/// Eighths of a cell, from none to seven.
const PARTIAL: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar for `value` out of `max`, at most `width` cells long, to an eighth of a cell.
/// A value above nothing always shows (at least `▏`); nothing, or less, shows nothing.
pub fn blocks(value: f64, max: f64, width: usize) -> String {
    if !(value > 0.0 && max > 0.0) || width == 0 {
        return String::new();
    }
    let eighths = ((value / max).min(1.0) * width as f64 * 8.0).round() as usize;
    let eighths = eighths.max(1);
    let mut bar = "█".repeat(eighths / 8);
    bar.push_str(PARTIAL[eighths % 8]);
    bar
}

/// The largest value of some bars (0 for none).
pub fn max(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().filter(|v| v.is_finite()).fold(0.0, f64::max)
}

/// Text for XML and HTML, in content and in quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A label cut to `n` characters (`…` ending it), so long names keep the bars in line.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n - 1).collect();
        out.push('…');
        out
    }
}

/// The chart as one inline `<svg>` element: labels on the left, bars, then each bar's
/// text. Its size is fixed, so a mail client lays it out without measuring anything.
pub fn svg(chart: &Chart) -> String {
    const WIDTH: usize = 640;
    const LABEL: usize = 180;
    const BARS: usize = 300;
    const ROW: usize = 26;
    const BAR: usize = 16;
    let height = chart.bars.len().max(1) * ROW + 8;
    let top = max(chart.bars.iter().map(|b| b.value));
    let title = escape(&chart.title);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{title}\" \
         width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" \
         style=\"display:block;max-width:100%;height:auto;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:13px\">\n\
         <title>{title}</title>\n"
    );
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = 4 + i * ROW;
        let text_y = y + ROW / 2 + 4;
        let length = if top > 0.0 && bar.value > 0.0 {
            ((bar.value / top).min(1.0) * BARS as f64).round().max(1.0) as usize
        } else {
            0
        };
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{text_y}\" text-anchor=\"end\" fill=\"#222\">{}</text>\n",
            LABEL - 8,
            escape(&cut(&bar.label, 24))
        ));
        if length > 0 {
            out.push_str(&format!(
                "<rect x=\"{LABEL}\" y=\"{}\" width=\"{length}\" height=\"{BAR}\" rx=\"2\" fill=\"{COLOUR}\"/>\n",
                y + (ROW - BAR) / 2
            ));
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{text_y}\" fill=\"#555\">{}</text>\n",
            LABEL + length + 6,
            escape(&bar.text)
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_in_eighths() {
        assert_eq!(blocks(10.0, 10.0, 4), "████");
        assert_eq!(blocks(5.0, 10.0, 4), "██");
        assert_eq!(blocks(1.0, 16.0, 4), "▎", "a sixteenth of 32 eighths is 2 of them");
        assert_eq!(blocks(0.001, 10.0, 4), "▏", "anything above nothing shows");
        assert_eq!(blocks(0.0, 10.0, 4), "");
        assert_eq!(blocks(-3.0, 10.0, 4), "");
        assert_eq!(blocks(3.0, 0.0, 4), "");
        assert_eq!(blocks(20.0, 10.0, 3), "███", "never past the width");
        assert_eq!(blocks(7.0, 8.0, 1), "▉");
    }

    #[test]
    fn svg_escapes_and_scales() {
        let chart = Chart {
            title: "Revenue <EUR>".into(),
            bars: vec![
                Bar { label: "2026-10".into(), value: 24000.0, text: "24 000 EUR".into() },
                Bar {
                    label: "ТОО «Алтын» & Co".into(), value: 12000.0, text: "12 000".into()
                },
                Bar { label: "none".into(), value: 0.0, text: "0".into() },
            ],
        };
        let svg = svg(&chart);
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(svg.contains("Revenue &lt;EUR&gt;"));
        assert!(svg.contains("ТОО «Алтын» &amp; Co"));
        assert_eq!(svg.matches("<rect ").count(), 2, "no bar for nothing");
        assert!(svg.contains("width=\"300\" height=\"16\"") && svg.contains("width=\"150\""));
        assert!(!svg.contains("<script") && !svg.contains("href"));
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(cut("北京长城贸易有限公司", 5), "北京长城…");
        assert_eq!(cut("short", 5), "short");
    }
}
