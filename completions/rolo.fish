# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rolo_global_optspecs
    string join \n dir= json color= no-hooks h/help V/version
end

function __fish_rolo_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rolo_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rolo_using_subcommand
    set -l cmd (__fish_rolo_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rolo -n "__fish_rolo_needs_command" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_needs_command" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_needs_command" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_needs_command" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_needs_command" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "init" -d 'Create a book: rolo.toml, the record directories, .gitignore, and a git repository'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "contact" -d 'Manage contacts (people)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "company" -d 'Manage companies'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "deal" -d 'Manage deals'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "note" -d 'Manage notes (calls, emails, meetings, messages)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "task" -d 'Manage tasks and reminders'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "show" -d 'Show one record with its links and its timeline of notes and tasks'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "history" -d 'Show the commits that changed a record, newest first, with what changed in its fields'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "edit" -d 'Open a record in $EDITOR; save it only if it still parses'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "set" -d 'Set keys of a record: KEY=VALUE, KEY+=ITEM (add to a list), KEY-=ITEM (remove)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "unset" -d 'Remove keys from a record'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "rm" -d 'Delete a record without prompting (and say which records still link to it)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "rename" -d 'Give a record a new id, rewriting every link to it'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "relate" -d 'Relate two contacts or companies: B is A\'s KIND (spouse, parent, manager, referred_by, …)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "unrelate" -d 'Remove the relations between two contacts or companies (on both sides)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "forget" -d 'Erase a person: their file, notes and tasks only about them, and every link to them'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "merge" -d 'Merge a duplicate into the record kept: lists joined, links moved, nothing lost'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "check" -d 'Check the whole book: bad files, conflicts, stray files, broken links, duplicates, bad values'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "search" -d 'Search every record, ranked: words (all must match), "phrases", field:value, prefix*, -exclude, OR'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "view" -d 'Show a saved view from [views] in rolo.toml, or list the views'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "email" -d 'Look up email addresses for a mail program: address<TAB>name<TAB>company per line'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "pipeline" -d 'Show deals per stage: count, total and weighted forecast per currency'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "agenda" -d 'Overdue and upcoming tasks, follow-ups due, birthdays, closing and stale deals'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "today" -d 'What needs attention today: the agenda without the look-ahead'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "digest" -d 'The agenda for cron mail: prints nothing (exit 0) when nothing needs attention'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "report" -d 'Report on the funnel, revenue, lead sources and activity'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "index" -d 'Bring the search index up to date with the files, or rebuild it'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "sync" -d 'Sync the book with its git remote: commit, fetch, merge records key by key, push'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "watch" -d 'Keep the index fresh from file-system events; while it runs, commands skip the walk'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "import" -d 'Import records from vCard, CSV or JSON files'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "export" -d 'Export records as vCard, CSV or JSON, or reminders as iCalendar'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "render" -d 'Fill a template from templates/ with a record and print the document'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "mail" -d 'Draft an email from a template and print it as a message for sendmail or msmtp'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "date" -d 'Show what a date expression means (friday, in 3 days, 5 dec, eoq, завтра в 15:00)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "merge-file" -d 'Merge three versions of a record file (the driver git runs for `merge=rolo` paths)'
complete -c rolo -n "__fish_rolo_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand init" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand init" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand init" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand init" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand init" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a contact and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List contacts'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l email -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l phone -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l company -d 'Company id, type/id, prefix or name' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l title -d 'Job title' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l tag -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l source -d 'Where the client came from (referral, website, …)' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l owner -d 'Who looks after them (default from rolo.toml)' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l stage -d 'lead, prospect, customer, former, or your own' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l birthday -d 'YYYY-MM-DD, or MM-DD when the year is unknown' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l follow-up -d 'Keep-in-touch cadence: 30d, 2w, 3m' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l city -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l field -d 'Custom field KEY=VALUE (repeatable)' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l sort -d 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l limit -d 'Show at most this many' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l stage -d 'Only these stages' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l source -d 'Only from these sources' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l company -d 'Only people of these companies' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l city -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l quiet-since -d 'Only those nobody has talked to for this long (90d, 3m), never-contacted included' -r
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a contact and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "list" -d 'List contacts'
complete -c rolo -n "__fish_rolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a company and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List companies'
complete -c rolo -n "__fish_rolo_using_subcommand company; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l domain -d 'Web or mail domain (example.com)' -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l tag -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l city -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l owner -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l source -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l field -d 'Custom field KEY=VALUE (repeatable)' -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l sort -d 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses' -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l limit -d 'Show at most this many' -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l city -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l source -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l quiet-since -d 'Only those nobody has talked to for this long (90d, 3m)' -r
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a company and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from help" -f -a "list" -d 'List companies'
complete -c rolo -n "__fish_rolo_using_subcommand company; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -f -a "add" -d 'Add a deal and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -f -a "list" -d 'List deals'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -f -a "move" -d 'Move a deal to another stage and record it in its history'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -f -a "won" -d 'Mark a deal won'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -f -a "lost" -d 'Mark a deal lost'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and not __fish_seen_subcommand_from add list move won lost help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l contact -d 'Contact REF' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l company -d 'Company REF (default: the contact\'s company)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l value -d 'Amount, a number' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l currency -d 'ISO code (default from rolo.toml)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l stage -d 'One of the pipeline\'s stages (default: the first)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l close -d 'Expected close date (2026-12-01, +1m, eom)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l probability -d '0..1 (default from the stage)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l tag -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l source -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l owner -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l field -d 'Custom field KEY=VALUE (repeatable)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l sort -d 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l limit -d 'Show at most this many' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l stage -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l source -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l company -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l contact -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l open -d 'Only deals not won or lost'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from move" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from move" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from move" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from move" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from won" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from won" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from won" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from won" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from won" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from won" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from lost" -l reason -d 'Why it was lost (kept as lost_reason)' -r
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from lost" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from lost" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from lost" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from lost" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from lost" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from lost" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a deal and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from help" -f -a "list" -d 'List deals'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move a deal to another stage and record it in its history'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from help" -f -a "won" -d 'Mark a deal won'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from help" -f -a "lost" -d 'Mark a deal lost'
complete -c rolo -n "__fish_rolo_using_subcommand deal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Log an interaction and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List notes, newest first'
complete -c rolo -n "__fish_rolo_using_subcommand note; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l about -d 'More records it is about (repeatable)' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l kind -d 'call, email, meeting, message or note' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l date -d 'When it happened (default: now): 2026-11-20, \'2026-11-20 15:00\', yesterday' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l direction -d 'in or out' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l sort -d 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l limit -d 'Show at most this many' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l kind -d 'Only these kinds (call, email, meeting, message, note)' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l direction -d 'Only in or out' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l about -d 'Only notes about this record' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l since -d 'Only notes on or after this date' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l until -d 'Only notes on or before this date' -r
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from help" -f -a "add" -d 'Log an interaction and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from help" -f -a "list" -d 'List notes, newest first'
complete -c rolo -n "__fish_rolo_using_subcommand note; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -f -a "add" -d 'Add a task and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -f -a "list" -d 'List tasks'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -f -a "done" -d 'Mark tasks done; a repeating task moves on to its next due date'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -f -a "snooze" -d 'Move a task\'s due date later'
complete -c rolo -n "__fish_rolo_using_subcommand task; and not __fish_seen_subcommand_from add list done snooze help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l due -d 'When: 2026-12-01, \'2026-12-01 15:00\', today, tomorrow, friday, +3d, eom' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l about -d 'The contact, company or deal it is about (repeatable)' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l repeat -d 'Repeat every 3d, 2w, 1m, 1y; "2w after" repeats from completion' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l owner -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l sort -d 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l limit -d 'Show at most this many' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l due-before -d 'Only open tasks due before this date' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l about -d 'Only tasks about this record' -r
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l open -d 'Only tasks not done'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l done -d 'Only tasks done'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l overdue -d 'Only open tasks past their due date'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from done" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from done" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from done" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from done" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from done" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from snooze" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from snooze" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from snooze" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from snooze" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from snooze" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from snooze" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a task and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tasks'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "done" -d 'Mark tasks done; a repeating task moves on to its next due date'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "snooze" -d 'Move a task\'s due date later'
complete -c rolo -n "__fish_rolo_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand show" -l at -d 'The record as it was at the end of this day (or at this git commit), with its links and timeline as of then' -r
complete -c rolo -n "__fish_rolo_using_subcommand show" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand show" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand show" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand show" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand show" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand show" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand history" -s n -l limit -d 'At most this many commits (the newest)' -r
complete -c rolo -n "__fish_rolo_using_subcommand history" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand history" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand history" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand history" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand history" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand edit" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand edit" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand edit" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand edit" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand edit" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand edit" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand set" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand set" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand set" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand set" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand set" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand set" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand unset" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand unset" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand unset" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand unset" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand unset" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand unset" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand rm" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand rm" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand rm" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand rm" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand rm" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand rm" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand rename" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand rename" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand rename" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand rename" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand rename" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand rename" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand relate" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand relate" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand relate" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand relate" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand relate" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand relate" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand unrelate" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand unrelate" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand unrelate" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand unrelate" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand unrelate" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand unrelate" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand forget" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand forget" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand forget" -l dry-run -d 'Print what would be removed and edited, and write nothing'
complete -c rolo -n "__fish_rolo_using_subcommand forget" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand forget" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand forget" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand forget" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand merge" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand merge" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand merge" -l dry-run -d 'Print what would change, and change nothing'
complete -c rolo -n "__fish_rolo_using_subcommand merge" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand merge" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand merge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand merge" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand check" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand check" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand check" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand check" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand check" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand search" -l type -d 'Only records of these types (contact, company, deal, note, task)' -r
complete -c rolo -n "__fish_rolo_using_subcommand search" -l limit -d 'Show at most this many results' -r
complete -c rolo -n "__fish_rolo_using_subcommand search" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand search" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand search" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand search" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand search" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand view" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand view" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand view" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand view" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand view" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand email" -l format -d 'tsv: address, name, company per line; mutt: the same after a first line mutt skips' -r -f -a "tsv\t''
mutt\t''"
complete -c rolo -n "__fish_rolo_using_subcommand email" -l limit -d 'Print at most this many addresses (0: all)' -r
complete -c rolo -n "__fish_rolo_using_subcommand email" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand email" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand email" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand email" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand email" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand email" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -l owner -d 'Only deals of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -l by -d 'One pipeline per owner, source or currency' -r -f -a "owner\t''
source\t''
currency\t''"
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -l at -d 'The pipeline as it stood at the end of this day (or at this git commit): deals and stages as committed then' -r
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand pipeline" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -l days -d 'Look ahead this many days for due tasks, birthdays and closing deals (default: [digest] days in rolo.toml, 7)' -r
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -l owner -d 'Only what these owners look after' -r
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand agenda" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand today" -l owner -d 'Only what these owners look after' -r
complete -c rolo -n "__fish_rolo_using_subcommand today" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand today" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand today" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand today" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand today" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand today" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand digest" -l format -d 'How to write it: plain text, Markdown, or a standalone HTML page' -r -f -a "text\t''
markdown\t''
html\t''"
complete -c rolo -n "__fish_rolo_using_subcommand digest" -l days -d 'Look ahead this many days (default: [digest] days in rolo.toml, 7)' -r
complete -c rolo -n "__fish_rolo_using_subcommand digest" -l owner -d 'Only what these owners look after' -r
complete -c rolo -n "__fish_rolo_using_subcommand digest" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand digest" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand digest" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand digest" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand digest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand digest" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -f -a "funnel" -d 'Per stage: deals that reached it, conversion to the next, median days in it'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -f -a "revenue" -d 'Won value per month, quarter or owner, per currency'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -f -a "sources" -d 'Per lead source: contacts, deals, won deals and value, win rate'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -f -a "activity" -d 'Notes per period, kind, direction and owner; who was contacted most and least recently'
complete -c rolo -n "__fish_rolo_using_subcommand report; and not __fish_seen_subcommand_from funnel revenue sources activity help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l from -d 'From this day on (2026-10-01, -3m, …)' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l to -d 'Up to this day, included' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l csv -d 'Print CSV with a header line (instead of a table or JSON)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l html -d 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from funnel" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l from -d 'From this day on (2026-10-01, -3m, …)' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l to -d 'Up to this day, included' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l by -d 'Bucket by month, quarter or owner' -r -f -a "month\t''
quarter\t''
owner\t''"
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l csv -d 'Print CSV with a header line (instead of a table or JSON)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l html -d 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from revenue" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l from -d 'From this day on (2026-10-01, -3m, …)' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l to -d 'Up to this day, included' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l csv -d 'Print CSV with a header line (instead of a table or JSON)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l html -d 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from sources" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l from -d 'From this day on (2026-10-01, -3m, …)' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l to -d 'Up to this day, included' -r
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l by -d 'Bucket by week or month' -r -f -a "week\t''
month\t''"
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l csv -d 'Print CSV with a header line (instead of a table or JSON)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l html -d 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from activity" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "funnel" -d 'Per stage: deals that reached it, conversion to the next, median days in it'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "revenue" -d 'Won value per month, quarter or owner, per currency'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "sources" -d 'Per lead source: contacts, deals, won deals and value, win rate'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "activity" -d 'Notes per period, kind, direction and owner; who was contacted most and least recently'
complete -c rolo -n "__fish_rolo_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand index" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand index" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand index" -l rebuild -d 'Throw the index away and index every file again'
complete -c rolo -n "__fish_rolo_using_subcommand index" -l settle -d 'Wait until the index\'s last writes are on the disk (what rolo starts apart after a command that wrote without waiting)'
complete -c rolo -n "__fish_rolo_using_subcommand index" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand index" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand index" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand index" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand sync" -l remote -d 'The remote to sync with (default: the branch\'s upstream, else origin)' -r
complete -c rolo -n "__fish_rolo_using_subcommand sync" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand sync" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand sync" -l continue -d 'Go on with a sync that stopped on conflicts, once the files are fixed'
complete -c rolo -n "__fish_rolo_using_subcommand sync" -l abort -d 'Stop a sync that stopped on conflicts and return to where the book was before it'
complete -c rolo -n "__fish_rolo_using_subcommand sync" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand sync" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand sync" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand watch" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand watch" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand watch" -l status -d 'Say whether a watcher runs for this book and how fresh it is (exit 1 if none)'
complete -c rolo -n "__fish_rolo_using_subcommand watch" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand watch" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand watch" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -f -a "vcard" -d 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -f -a "csv" -d 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -f -a "json" -d 'Import records from `rolo export json` (an array or NDJSON)'
complete -c rolo -n "__fish_rolo_using_subcommand import; and not __fish_seen_subcommand_from vcard csv json help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -l charset -d 'Charset of 8-bit text in cards that name none (windows-1251, koi8-r, …)' -r
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -l on-duplicate -d 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another' -r -f -a "skip\t''
update\t''
create\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -l dry-run -d 'Print what would be created and updated, and write nothing'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from vcard" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l type -d 'What each row is' -r -f -a "contact\t''
company\t''
deal\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l map -d 'Read COLUMN as FIELD (a key such as stage or fields.industry, name, first_name, last_name, email, phone, company, tags, body); an empty FIELD ignores the column' -r
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l charset -d 'Charset of a file that is not UTF-8 (windows-1251, windows-1252, …)' -r
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l on-duplicate -d 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another' -r -f -a "skip\t''
update\t''
create\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l dry-run -d 'Print what would be created and updated, and write nothing'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from csv" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -l on-duplicate -d 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another' -r -f -a "skip\t''
update\t''
create\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -l dry-run -d 'Print what would be created and updated, and write nothing'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from json" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "vcard" -d 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "csv" -d 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "json" -d 'Import records from `rolo export json` (an array or NDJSON)'
complete -c rolo -n "__fish_rolo_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -f -a "vcard" -d 'Export contacts as vCards (4.0, or 3.0) with stable UIDs'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -f -a "csv" -d 'Export one type of record as CSV with a header row (lists joined by "; ")'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -f -a "json" -d 'Export records as JSON: every front-matter key plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -f -a "ics" -d 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates'
complete -c rolo -n "__fish_rolo_using_subcommand export; and not __fish_seen_subcommand_from vcard csv json ics help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l version -d 'vCard version: 4 or 3' -r -f -a "3\t''
4\t''
3.0\t''
4.0\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l vdir -d 'Write one <uid>.vcf per contact into DIR and keep DIR in step (for vdirsyncer, khard)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -s o -l output -d 'Write to FILE instead of stdout (- is stdout)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l stage -d 'Only records in these stages' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l source -d 'Only records from these sources' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l company -d 'Only people and deals of these companies' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l city -d 'Only records in these cities' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from vcard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l type -d 'What to export' -r -f -a "contact\t''
company\t''
deal\t''
note\t''
task\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -s o -l output -d 'Write to FILE instead of stdout (- is stdout)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l stage -d 'Only records in these stages' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l source -d 'Only records from these sources' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l company -d 'Only people and deals of these companies' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l city -d 'Only records in these cities' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from csv" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l type -d 'What to export (repeatable; default: everything)' -r -f -a "contact\t''
company\t''
deal\t''
note\t''
task\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l about -d 'Everything the book holds about this person (a data-subject access request): their record, and every record about them or linking to them' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -s o -l output -d 'Write to FILE instead of stdout (- is stdout)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l stage -d 'Only records in these stages' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l source -d 'Only records from these sources' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l company -d 'Only people and deals of these companies' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l city -d 'Only records in these cities' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l ndjson -d 'One object per line instead of an array'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from json" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -s o -l output -d 'Write to FILE instead of stdout (- is stdout)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l tag -d 'Only records with this tag (repeat: all of them)' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l stage -d 'Only records in these stages' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l owner -d 'Only records of these owners' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l source -d 'Only records from these sources' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l company -d 'Only people and deals of these companies' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l city -d 'Only records in these cities' -r
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from ics" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "vcard" -d 'Export contacts as vCards (4.0, or 3.0) with stable UIDs'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "csv" -d 'Export one type of record as CSV with a header row (lists joined by "; ")'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "json" -d 'Export records as JSON: every front-matter key plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "ics" -d 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates'
complete -c rolo -n "__fish_rolo_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand render" -s o -l output -d 'Write to FILE (atomically) instead of stdout (- is stdout)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand render" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand render" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand render" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand render" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand render" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand mail" -s t -l template -d 'A template in templates/: its file name, or without the extension when that is unique' -r
complete -c rolo -n "__fish_rolo_using_subcommand mail" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand mail" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand mail" -l log -d 'Also log it as an outgoing email note about the record (one commit)'
complete -c rolo -n "__fish_rolo_using_subcommand mail" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand mail" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand mail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand mail" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand date" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand date" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand date" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand date" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand date" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolo -n "__fish_rolo_using_subcommand date" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand completions" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand completions" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand completions" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand completions" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand completions" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand completions" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand man" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand man" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand man" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand man" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand man" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand man" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -l base-label -d 'The ancestor\'s name in conflict markers (git\'s %S)' -r
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -l ours-label -d 'Our side\'s name in conflict markers (git\'s %X)' -r
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -l theirs-label -d 'Their side\'s name in conflict markers (git\'s %Y)' -r
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -l dir -d 'The book\'s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)' -r -F
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -l color -d 'When to use colours' -r -f -a "auto\t''
always\t''
never\t''"
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -l json -d 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -l no-hooks -d 'Run no [[hooks]] of rolo.toml for this command'
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -s h -l help -d 'Print help'
complete -c rolo -n "__fish_rolo_using_subcommand merge-file" -s V -l version -d 'Print version'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "init" -d 'Create a book: rolo.toml, the record directories, .gitignore, and a git repository'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "contact" -d 'Manage contacts (people)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "company" -d 'Manage companies'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "deal" -d 'Manage deals'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "note" -d 'Manage notes (calls, emails, meetings, messages)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "task" -d 'Manage tasks and reminders'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "show" -d 'Show one record with its links and its timeline of notes and tasks'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "history" -d 'Show the commits that changed a record, newest first, with what changed in its fields'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "edit" -d 'Open a record in $EDITOR; save it only if it still parses'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "set" -d 'Set keys of a record: KEY=VALUE, KEY+=ITEM (add to a list), KEY-=ITEM (remove)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "unset" -d 'Remove keys from a record'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "rm" -d 'Delete a record without prompting (and say which records still link to it)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "rename" -d 'Give a record a new id, rewriting every link to it'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "relate" -d 'Relate two contacts or companies: B is A\'s KIND (spouse, parent, manager, referred_by, …)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "unrelate" -d 'Remove the relations between two contacts or companies (on both sides)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "forget" -d 'Erase a person: their file, notes and tasks only about them, and every link to them'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "merge" -d 'Merge a duplicate into the record kept: lists joined, links moved, nothing lost'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "check" -d 'Check the whole book: bad files, conflicts, stray files, broken links, duplicates, bad values'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "search" -d 'Search every record, ranked: words (all must match), "phrases", field:value, prefix*, -exclude, OR'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "view" -d 'Show a saved view from [views] in rolo.toml, or list the views'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "email" -d 'Look up email addresses for a mail program: address<TAB>name<TAB>company per line'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "pipeline" -d 'Show deals per stage: count, total and weighted forecast per currency'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "agenda" -d 'Overdue and upcoming tasks, follow-ups due, birthdays, closing and stale deals'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "today" -d 'What needs attention today: the agenda without the look-ahead'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "digest" -d 'The agenda for cron mail: prints nothing (exit 0) when nothing needs attention'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "report" -d 'Report on the funnel, revenue, lead sources and activity'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "index" -d 'Bring the search index up to date with the files, or rebuild it'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "sync" -d 'Sync the book with its git remote: commit, fetch, merge records key by key, push'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "watch" -d 'Keep the index fresh from file-system events; while it runs, commands skip the walk'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "import" -d 'Import records from vCard, CSV or JSON files'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "export" -d 'Export records as vCard, CSV or JSON, or reminders as iCalendar'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "render" -d 'Fill a template from templates/ with a record and print the document'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "mail" -d 'Draft an email from a template and print it as a message for sendmail or msmtp'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "date" -d 'Show what a date expression means (friday, in 3 days, 5 dec, eoq, завтра в 15:00)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "man" -d 'Print the man page (roff)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "merge-file" -d 'Merge three versions of a record file (the driver git runs for `merge=rolo` paths)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and not __fish_seen_subcommand_from init contact company deal note task show history edit set unset rm rename relate unrelate forget merge check search view email pipeline agenda today digest report index sync watch import export render mail date completions man merge-file help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "add" -d 'Add a contact and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "list" -d 'List contacts'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from company" -f -a "add" -d 'Add a company and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from company" -f -a "list" -d 'List companies'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from deal" -f -a "add" -d 'Add a deal and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from deal" -f -a "list" -d 'List deals'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from deal" -f -a "move" -d 'Move a deal to another stage and record it in its history'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from deal" -f -a "won" -d 'Mark a deal won'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from deal" -f -a "lost" -d 'Mark a deal lost'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from note" -f -a "add" -d 'Log an interaction and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from note" -f -a "list" -d 'List notes, newest first'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "add" -d 'Add a task and print its id'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "list" -d 'List tasks'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "done" -d 'Mark tasks done; a repeating task moves on to its next due date'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "snooze" -d 'Move a task\'s due date later'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "funnel" -d 'Per stage: deals that reached it, conversion to the next, median days in it'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "revenue" -d 'Won value per month, quarter or owner, per currency'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "sources" -d 'Per lead source: contacts, deals, won deals and value, win rate'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "activity" -d 'Notes per period, kind, direction and owner; who was contacted most and least recently'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "vcard" -d 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "csv" -d 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "json" -d 'Import records from `rolo export json` (an array or NDJSON)'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "vcard" -d 'Export contacts as vCards (4.0, or 3.0) with stable UIDs'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "csv" -d 'Export one type of record as CSV with a header row (lists joined by "; ")'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "json" -d 'Export records as JSON: every front-matter key plus id, type, path and body'
complete -c rolo -n "__fish_rolo_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "ics" -d 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates'
