//! `rolo check`: every problem of the book, one line each (or a JSON array); exit 1
//! when there is any. The checks are the library's ([`rolo::check`]).

use std::io::{IsTerminal, Write};

use serde_json::{Value as Json, json};

use rolo::check::Problem;

use super::{CliError, CliResult, Context};

const KINDS_HELP: &str = "\
Each problem is one line `path:line:col: kind: message` (`path: kind: message` where
there is no position), sorted by path then line; lines count from the top of the file,
the first +++ being line 1. Kinds:
  parse      not a record file: no +++ front matter, or TOML that does not parse
  conflict   a git conflict marker (<<<<<<<, =======, >>>>>>>) left in the file
  encoding   not UTF-8 text (another encoding, UTF-16, or a binary file)
  stray      a file or folder in a record folder that is not a record (not .md, a
             file name that is not a valid id, a folder where records belong)
  link       company, contact, about or a relation's to names no record
  duplicate  likely the same contact (same email; same phone and a similar name; same
             name and company) or company (same domain) as another record; the message
             gives the `rolo merge` that joins them
  value      a value rolo cannot read: an email that is no address, a phone with fewer
             than 7 digits, a date that is not a date, a deal stage the pipeline does not
             have, a currency that is no ISO 4217 code, an unknown note kind or
             direction, a repeat rolo cannot follow, a negative value, a probability
             outside 0..1
  io         a file that cannot be read

--json: an array of {\"path\", \"line\", \"column\", \"kind\", \"message\"} (line and column
null where there is no position; [] when the book is clean).

Exit status: 0 when there is no problem (nothing is printed), 1 when there is any.";

/// Check the whole book: bad files, conflicts, stray files, broken links, duplicates, bad values
#[derive(clap::Args, Debug)]
#[command(after_long_help = KINDS_HELP)]
pub struct CheckArgs {}

pub fn run(ctx: &Context, _: &CheckArgs) -> CliResult {
    let book = ctx.open_book()?;
    let tty = std::io::stderr().is_terminal();
    let mut last = 0;
    let mut progress = |done: usize, total: usize| {
        if tty && total >= 2000 && (done == total || done >= last + 500) {
            last = done;
            let _ = write!(std::io::stderr(), "\rindexing {done}/{total} records");
            if done == total {
                let _ = writeln!(std::io::stderr());
            }
        }
    };
    let problems = rolo::check::check(&book, rolo::source::reads_index(), &mut progress)?;
    if ctx.out.json {
        ctx.out.print_json(&Json::Array(problems.iter().map(problem_json).collect()))?;
    } else {
        for p in &problems {
            ctx.out.line(p)?;
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(CliError::Quiet(1)) }
}

fn problem_json(p: &Problem) -> Json {
    json!({
        "path": p.path.to_string_lossy().replace('\\', "/"),
        "line": p.line,
        "column": p.column,
        "kind": p.kind.name(),
        "message": p.message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rolo::check::ProblemKind;

    #[test]
    fn every_kind_is_documented() {
        for kind in ProblemKind::ALL {
            assert!(KINDS_HELP.contains(&format!("\n  {kind} ")), "{kind} is not in --help");
        }
    }
}
