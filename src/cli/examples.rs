//! Two or three real examples per command, shown at the end of `rolo CMD --help` (and
//! `-h`): the fastest way to learn a command is to see it used. They are kept here, in one
//! table, and a test parses every one of them with the real command line, so an example
//! can never drift from the flags it shows.

use clap::Command;

/// The examples of each command, by its path under `rolo` (`"contact add"`). Each is a
/// command line as typed in a shell, then what it does.
const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "init",
        &[
            ("rolo init ~/crm", "a new book: rolo.toml, record folders, a git repository"),
            ("rolo init", "the current folder becomes a book"),
        ],
    ),
    (
        "contact add",
        &[
            (
                "rolo contact add \"Анна Петрова\" --email anna@example.ru --phone \"+7 701 555 0101\"",
                "prints the new id: anna-petrova",
            ),
            (
                "rolo contact add \"王小明\" --company shenzhen-tech --tag vip --birthday 04-12",
                "linked to a company",
            ),
            (
                "rolo contact add \"Jürgen Weiß\" --field industry=retail --follow-up +2w",
                "any key of your own, and a reminder",
            ),
        ],
    ),
    (
        "contact list",
        &[
            ("rolo contact list --tag vip --sort -last-contact", "VIPs, the longest silent last"),
            ("rolo contact list --quiet-since 90d", "nobody talked to them for 90 days"),
            ("rolo contact list --tag vip --json | jq -r '.[] | .emails[0]'", "as JSON, for jq"),
        ],
    ),
    (
        "company add",
        &[
            (
                "rolo company add \"ТОО «Алтын Мебель»\" --domain altynmebel.kz --city Алматы",
                "prints too-altyn-mebel",
            ),
            ("rolo company add \"Müller GmbH\" --tag partner", "a company with a tag"),
        ],
    ),
    (
        "company list",
        &[
            ("rolo company list --tag partner", "companies tagged partner"),
            ("rolo company list --sort name --json", "all of them, as JSON"),
        ],
    ),
    (
        "deal add",
        &[
            (
                "rolo deal add \"Интернет-магазин\" --contact anna --value 3800000 --currency KZT --close +1m",
                "a deal closing in a month",
            ),
            (
                "rolo deal add \"Website relaunch\" --company mueller --stage proposal --value 12000 --currency EUR",
                "a deal at a later stage",
            ),
        ],
    ),
    (
        "deal list",
        &[
            ("rolo deal list --open --stage proposal", "open deals waiting on a proposal"),
            ("rolo deal list --owner asel --sort -value", "one owner's deals, biggest first"),
        ],
    ),
    (
        "deal move",
        &[
            ("rolo deal move sayt proposal", "to another stage; the move is kept in its history"),
            (
                "rolo deal move internet-magazin negotiation",
                "stage names as in rolo.toml, any case",
            ),
        ],
    ),
    (
        "deal won",
        &[
            ("rolo deal won sayt", "the deal is won"),
            ("rolo deal won deal/internet-magazin", "a REF with its type"),
        ],
    ),
    (
        "deal lost",
        &[
            ("rolo deal lost sayt", "the deal is lost"),
            ("rolo deal lost deal/old-lead", "a REF with its type"),
        ],
    ),
    (
        "note add",
        &[
            (
                "rolo note add anna \"Обсудили сроки запуска\" --kind call --direction out",
                "a call you made",
            ),
            (
                "rolo note add mueller \"Angebot per E-Mail geschickt\" --kind email",
                "about a company",
            ),
            ("rolo note add anna", "write it in $EDITOR"),
        ],
    ),
    (
        "note list",
        &[
            ("rolo note list --about anna --kind call", "every call with Anna"),
            ("rolo note list --since 2026-11-01", "notes of this month"),
        ],
    ),
    (
        "task add",
        &[
            (
                "rolo task add \"Позвонить Анне\" --due friday --about anna --repeat 2w",
                "every other Friday",
            ),
            (
                "rolo task add \"Отправить смету\" --due \"завтра в 15:00\"",
                "dates as people say them",
            ),
            (
                "rolo task add \"Выставить счета\" --due eom --repeat 1m",
                "at the end of every month",
            ),
        ],
    ),
    (
        "task list",
        &[
            ("rolo task list --overdue", "what is late"),
            ("rolo task list --open --due-before +7d", "due within a week"),
        ],
    ),
    (
        "task done",
        &[
            ("rolo task done pozvonit-anne", "a repeating task moves to its next date"),
            ("rolo task done vystavit", "a prefix of the id is enough when it is unique"),
        ],
    ),
    (
        "task snooze",
        &[
            ("rolo task snooze pozvonit 2d", "two days later"),
            ("rolo task snooze pozvonit monday", "to next Monday"),
        ],
    ),
    (
        "show",
        &[
            ("rolo show anna", "the card: fields, links, what links to it, timeline"),
            ("rolo show deal/sayt --json", "as JSON"),
        ],
    ),
    (
        "edit",
        &[
            ("rolo edit anna", "in $EDITOR; a file that no longer parses is never saved"),
            ("rolo edit deal/sayt", "a REF with its type"),
        ],
    ),
    (
        "set",
        &[
            ("rolo set anna title=CTO city=Алматы", "set keys"),
            (
                "rolo set anna tags+=b2b tags-=cold fields.industry=retail",
                "add to and remove from lists, your own keys",
            ),
        ],
    ),
    (
        "unset",
        &[
            ("rolo unset anna follow_up", "remove a key"),
            ("rolo unset deal/sayt close probability", "several at once"),
        ],
    ),
    (
        "rm",
        &[
            ("rolo rm deal/old-lead", "and says which records still link to it"),
            ("rolo rm task/pozvonit-anne", "a task"),
        ],
    ),
    (
        "rename",
        &[
            (
                "rolo rename anna anna-ivanova",
                "a new id; every link to it is rewritten, in one commit",
            ),
            ("rolo rename company/too-altyn altyn", "a company"),
        ],
    ),
    (
        "relate",
        &[
            (
                "rolo relate anna spouse ivan-ivanov",
                "Ivan is Anna's spouse; his card shows her as his",
            ),
            ("rolo relate anna referred_by aygul", "who sent her to you"),
            ("rolo relate too-altyn \"former employee\" anna", "between a company and a person"),
        ],
    ),
    (
        "unrelate",
        &[
            ("rolo unrelate anna ivan-ivanov", "every relation between them, on both sides"),
            ("rolo unrelate anna aygul referred_by", "only that kind"),
        ],
    ),
    (
        "forget",
        &[
            ("rolo forget anna --dry-run", "what would go"),
            ("rolo forget anna", "erase a person and every mention of them"),
        ],
    ),
    (
        "merge",
        &[
            ("rolo merge anna-petrova anna-petrova-2 --dry-run", "the plan"),
            ("rolo merge anna-petrova anna-petrova-2", "keep the first, fold the second into it"),
        ],
    ),
    (
        "check",
        &[
            ("rolo check", "every problem as path:line:col: kind: message; exit 1 if any"),
            ("rolo check --json", "as JSON objects"),
        ],
    ),
    (
        "search",
        &[
            ("rolo search Петровой", "words match their inflections, in any script"),
            ("rolo search tag:vip -stage:former city:алматы", "fields, and words to exclude"),
            ("rolo search '\"website redesign\"' OR сайт --type note --limit 5", "phrases and OR"),
        ],
    ),
    (
        "view",
        &[("rolo view", "the saved views of rolo.toml"), ("rolo view hot --json", "one of them")],
    ),
    (
        "email",
        &[
            ("rolo email ан", "addresses for a mail program: address, name, company"),
            ("rolo email --format mutt wang", "for mutt's query_command"),
        ],
    ),
    (
        "pipeline",
        &[
            ("rolo pipeline", "open deals per stage, with weighted forecasts"),
            ("rolo pipeline --owner asel --by currency", "one owner's, per currency"),
        ],
    ),
    (
        "agenda",
        &[
            ("rolo agenda", "overdue and upcoming tasks, follow-ups, birthdays, deals"),
            ("rolo agenda --days 14 --owner asel", "two weeks ahead, for one owner"),
        ],
    ),
    ("today", &[("rolo today", "what needs attention today"), ("rolo today --json", "as JSON")]),
    (
        "digest",
        &[
            ("rolo digest", "the agenda for cron: prints nothing when nothing needs attention"),
            ("rolo digest --format html", "a page a mail client shows"),
        ],
    ),
    (
        "report funnel",
        &[
            ("rolo report funnel", "how deals move through the stages"),
            ("rolo report funnel --from 2026-01-01 --html", "a page with the chart"),
        ],
    ),
    (
        "report revenue",
        &[
            ("rolo report revenue --by quarter", "won deals per quarter"),
            ("rolo report revenue --by month --csv", "for a spreadsheet"),
        ],
    ),
    (
        "report sources",
        &[
            ("rolo report sources", "which lead sources win"),
            ("rolo report sources --json", "as JSON"),
        ],
    ),
    (
        "report activity",
        &[
            ("rolo report activity --by week --to today", "calls, emails and meetings per week"),
            ("rolo report activity --from 2026-01-01 --csv", "for a spreadsheet"),
        ],
    ),
    (
        "index",
        &[
            ("rolo index", "bring the search index up to date and say what it did"),
            ("rolo index --rebuild", "build it anew (it is a cache: deleting .rolo loses nothing)"),
        ],
    ),
    (
        "sync",
        &[
            ("rolo sync", "pull, merge record by record, push (the upstream remote, or origin)"),
            ("rolo sync --remote usb", "with a bare repository on a USB stick"),
            ("rolo sync --continue", "after resolving conflicts"),
        ],
    ),
    (
        "watch",
        &[
            ("rolo watch", "keep the index fresh; commands then skip the walk"),
            ("rolo watch --status", "whether a watcher runs for this book"),
        ],
    ),
    (
        "import vcard",
        &[
            ("rolo import vcard ~/Downloads/contacts.vcf", "a phone's or Google's export"),
            ("rolo import vcard --dry-run phone.vcf", "what it would do"),
        ],
    ),
    (
        "import csv",
        &[
            ("rolo import csv google.csv", "columns by their names"),
            (
                "rolo import csv --map Branche=fields.industry --charset windows-1252 excel.csv",
                "your own column names, a legacy charset",
            ),
            ("rolo import csv --type deal deals.csv", "deals"),
        ],
    ),
    (
        "import json",
        &[
            ("rolo import json backup.json", "records as rolo exports them"),
            ("rolo import json --dry-run backup.json", "what it would do"),
        ],
    ),
    (
        "export vcard",
        &[
            ("rolo export vcard -o contacts.vcf", "every contact, for a phone"),
            (
                "rolo export vcard --vdir ~/.local/share/rolo-vdir",
                "one file per contact, for vdirsyncer",
            ),
        ],
    ),
    (
        "export csv",
        &[
            ("rolo export csv --tag vip -o vip.csv", "for a spreadsheet"),
            ("rolo export csv --type deal", "deals"),
        ],
    ),
    (
        "export json",
        &[
            ("rolo export json --ndjson", "every field and the body, a record per line"),
            ("rolo export json --about anna", "everything the book holds about one person"),
        ],
    ),
    (
        "export ics",
        &[
            ("rolo export ics -o ~/rolo.ics", "tasks, follow-ups and birthdays for a calendar"),
            ("rolo export ics", "to stdout"),
        ],
    ),
    (
        "render",
        &[
            ("rolo render proposal anna", "a document from templates/, filled with the record"),
            ("rolo render invoice.html deal/sayt -o sayt.html", "to a file"),
        ],
    ),
    (
        "mail",
        &[
            ("rolo mail anna --template follow-up", "a message for sendmail -t or msmtp -t"),
            ("rolo mail deal/sayt -t follow-up --log", "and log it as an email note"),
        ],
    ),
    (
        "date",
        &[
            ("rolo date next tuesday", "what a date expression means"),
            ("rolo date через 3 дня", "in Russian too"),
            ("rolo date", "the accepted forms"),
        ],
    ),
    (
        "completions",
        &[
            ("rolo completions bash", "bash completions, to source"),
            ("rolo completions zsh", "zsh completions"),
        ],
    ),
    (
        "man",
        &[
            ("rolo man | man -l -", "read it now"),
            ("rolo man > ~/.local/share/man/man1/rolo.1", "installed for `man rolo`"),
        ],
    ),
];

/// The examples of a command path, if it has any.
pub fn of(path: &str) -> Option<&'static [(&'static str, &'static str)]> {
    EXAMPLES.iter().find(|(p, _)| *p == path).map(|(_, e)| *e)
}

/// The command line with every command's examples at the end of its help.
pub fn add_to(command: Command) -> Command {
    add_below(command, "")
}

fn add_below(mut command: Command, path: &str) -> Command {
    if let Some(examples) = of(path) {
        let text = render(examples);
        let long = match command.get_after_long_help() {
            Some(more) => format!("{text}\n\n{more}"),
            None => text.clone(),
        };
        command = command.after_help(text).after_long_help(long);
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        let below = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        command = command.mut_subcommand(&name, |sub| add_below(sub, &below));
    }
    command
}

fn render(examples: &[(&str, &str)]) -> String {
    let mut text = String::from("Examples:");
    for (line, what) in examples {
        text.push_str(&format!("\n  {line}\n      {what}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Split a command line as a shell would (quotes, no expansion).
    fn words(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut word = String::new();
        let mut quote = None;
        let mut started = false;
        for c in line.chars() {
            match (quote, c) {
                (None, '\'' | '"') => (quote, started) = (Some(c), true),
                (Some(q), c) if c == q => quote = None,
                (None, c) if c.is_whitespace() => {
                    if started {
                        out.push(std::mem::take(&mut word));
                    }
                    started = false;
                }
                (_, c) => {
                    word.push(c);
                    started = true;
                }
            }
        }
        if started {
            out.push(word);
        }
        out
    }

    fn leaves(command: &Command, path: &str, out: &mut Vec<String>) {
        let subs: Vec<&Command> = command
            .get_subcommands()
            .filter(|c| !c.is_hide_set() && c.get_name() != "help")
            .collect();
        if subs.is_empty() {
            out.push(path.to_string());
        }
        for sub in subs {
            let below = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            leaves(sub, &below, out);
        }
    }

    #[test]
    fn every_command_has_examples_that_parse() {
        let mut paths = Vec::new();
        leaves(&crate::cli::Cli::command(), "", &mut paths);
        assert!(paths.len() > 40, "{paths:?}");
        for path in &paths {
            let examples = of(path).unwrap_or_else(|| panic!("`rolo {path}` has no examples"));
            assert!(examples.len() >= 2, "`rolo {path}` has one example");
            for (line, _) in examples {
                // What a shell hands rolo: the words before a pipe or a redirection.
                let args: Vec<String> =
                    words(line).into_iter().take_while(|w| w != "|" && w != ">").collect();
                assert_eq!(args[0], "rolo", "{line}");
                assert!(
                    args[1..].join(" ").starts_with(path.as_str()),
                    "an example of `rolo {path}` runs another command: {line}"
                );
                let os = args.iter().map(std::ffi::OsString::from).collect();
                if let Err(e) =
                    crate::cli::Cli::parse_args(crate::cli::search::protect_exclusions(os))
                {
                    panic!("example of `rolo {path}` does not parse: {line}\n{e}");
                }
            }
        }
        for (path, _) in EXAMPLES {
            assert!(paths.contains(&path.to_string()), "examples of no command: {path}");
        }
    }

    #[test]
    fn help_ends_with_the_examples() {
        let mut command = add_to(crate::cli::Cli::command());
        let help = command
            .find_subcommand_mut("contact")
            .and_then(|c| c.find_subcommand_mut("add"))
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("Examples:\n  rolo contact add \"Анна Петрова\""), "{help}");
        let mut command = add_to(crate::cli::Cli::command());
        let long = command.find_subcommand_mut("digest").unwrap().render_long_help().to_string();
        let examples = long.find("rolo digest --format html").unwrap();
        let crontab = long.find("0 8 * * 1-5").unwrap();
        assert!(examples < crontab, "the examples come first, then the longer text: {long}");
    }

    #[test]
    fn words_split_as_a_shell_does() {
        assert_eq!(
            words("rolo a \"Анна Петрова\" '\"x y\"' b=c"),
            ["rolo", "a", "Анна Петрова", "\"x y\"", "b=c"]
        );
    }
}
