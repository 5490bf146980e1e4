//! `rolo email QUERY`: address look-up for mail programs (mutt and neomutt's
//! `query_command`, aerc's `address-book-cmd`, alot), answered from the search index.

use serde_json::{Value as Json, json};

use super::{CliError, CliResult, Context};

/// Look up email addresses for a mail program: address<TAB>name<TAB>company per line
///
/// Every word must start a word of the person's name, nickname, address or company's
/// name, in any script (`Ан` finds Анна Петрова, `wan` finds wang@example.cn, `小明`
/// finds 王小明, `jurg` finds Jürgen); best matches first, one line per address. With
/// --format mutt the first line is a message, as mutt's query_command expects. Exits 1
/// when nothing matches.
#[derive(clap::Args, Debug)]
pub struct EmailArgs {
    /// Words to look up (several words: all must match)
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    query: Vec<String>,
    /// tsv: address, name, company per line; mutt: the same after a first line mutt skips
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    format: Format,
    /// Print at most this many addresses (0: all)
    #[arg(long, default_value_t = 100)]
    limit: usize,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Tsv,
    Mutt,
}

/// Lines `address<TAB>name<TAB>company`; `--json`: `[{address, name, company, id}]`
/// (`id` as `type/id`, `company` null without one).
pub fn run(ctx: &Context, a: &EmailArgs) -> CliResult {
    let query = a.query.join(" ");
    let book = ctx.open_book()?;
    let (index, _) = super::search::open_index(ctx, &book, false)?;
    let found = match index.addresses(&query, a.limit) {
        Ok(found) => found,
        // A damaged index is a cache to rebuild, not an error to report.
        Err(_) => super::search::open_index(ctx, &book, true)?.0.addresses(&query, a.limit)?,
    };
    if ctx.out.json {
        let items: Vec<Json> = found
            .iter()
            .map(|f| {
                json!({
                    "address": f.address, "name": f.name, "company": f.company,
                    "id": format!("{}/{}", f.kind, f.id),
                })
            })
            .collect();
        ctx.out.print_json(&Json::Array(items))?;
    } else {
        let mut text = String::new();
        if a.format == Format::Mutt {
            // mutt shows this line as a message and reads the addresses after it.
            text.push_str(&match found.len() {
                0 => format!("rolo: no matches for {}", one_line(&query)),
                1 => "rolo: 1 match".to_string(),
                n => format!("rolo: {n} matches"),
            });
            text.push('\n');
        }
        for f in &found {
            let company = f.company.as_deref().unwrap_or_default();
            text.push_str(&format!(
                "{}\t{}\t{}\n",
                one_line(&f.address),
                one_line(&f.name),
                one_line(company)
            ));
        }
        if !text.is_empty() {
            ctx.out.line(text.trim_end_matches('\n'))?;
        }
    }
    if found.is_empty() {
        return Err(CliError::Quiet(1));
    }
    Ok(())
}

/// A value on one line of tab-separated output: tabs and line breaks become spaces.
fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}
