
use builtin;
use str;

set edit:completion:arg-completer[rolo] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'rolo'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'rolo'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a book: rolo.toml, the record directories, .gitignore, and a git repository'
            cand contact 'Manage contacts (people)'
            cand company 'Manage companies'
            cand deal 'Manage deals'
            cand note 'Manage notes (calls, emails, meetings, messages)'
            cand task 'Manage tasks and reminders'
            cand show 'Show one record with its links and its timeline of notes and tasks'
            cand history 'Show the commits that changed a record, newest first, with what changed in its fields'
            cand edit 'Open a record in $EDITOR; save it only if it still parses'
            cand set 'Set keys of a record: KEY=VALUE, KEY+=ITEM (add to a list), KEY-=ITEM (remove)'
            cand unset 'Remove keys from a record'
            cand rm 'Delete a record without prompting (and say which records still link to it)'
            cand rename 'Give a record a new id, rewriting every link to it'
            cand relate 'Relate two contacts or companies: B is A''s KIND (spouse, parent, manager, referred_by, …)'
            cand unrelate 'Remove the relations between two contacts or companies (on both sides)'
            cand forget 'Erase a person: their file, notes and tasks only about them, and every link to them'
            cand merge 'Merge a duplicate into the record kept: lists joined, links moved, nothing lost'
            cand check 'Check the whole book: bad files, conflicts, stray files, broken links, duplicates, bad values'
            cand search 'Search every record, ranked: words (all must match), "phrases", field:value, prefix*, -exclude, OR'
            cand view 'Show a saved view from [views] in rolo.toml, or list the views'
            cand email 'Look up email addresses for a mail program: address<TAB>name<TAB>company per line'
            cand pipeline 'Show deals per stage: count, total and weighted forecast per currency'
            cand agenda 'Overdue and upcoming tasks, follow-ups due, birthdays, closing and stale deals'
            cand today 'What needs attention today: the agenda without the look-ahead'
            cand digest 'The agenda for cron mail: prints nothing (exit 0) when nothing needs attention'
            cand report 'Report on the funnel, revenue, lead sources and activity'
            cand index 'Bring the search index up to date with the files, or rebuild it'
            cand sync 'Sync the book with its git remote: commit, fetch, merge records key by key, push'
            cand watch 'Keep the index fresh from file-system events; while it runs, commands skip the walk'
            cand import 'Import records from vCard, CSV or JSON files'
            cand export 'Export records as vCard, CSV or JSON, or reminders as iCalendar'
            cand render 'Fill a template from templates/ with a record and print the document'
            cand mail 'Draft an email from a template and print it as a message for sendmail or msmtp'
            cand date 'Show what a date expression means (friday, in 3 days, 5 dec, eoq, завтра в 15:00)'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Print the man page (roff)'
            cand merge-file 'Merge three versions of a record file (the driver git runs for `merge=rolo` paths)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;init'= {
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;contact'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a contact and print its id'
            cand list 'List contacts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;contact;add'= {
            cand --email 'email'
            cand --phone 'phone'
            cand --company 'Company id, type/id, prefix or name'
            cand --title 'Job title'
            cand --tag 'tag'
            cand --source 'Where the client came from (referral, website, …)'
            cand --owner 'Who looks after them (default from rolo.toml)'
            cand --stage 'lead, prospect, customer, former, or your own'
            cand --birthday 'YYYY-MM-DD, or MM-DD when the year is unknown'
            cand --follow-up 'Keep-in-touch cadence: 30d, 2w, 3m'
            cand --city 'city'
            cand --field 'Custom field KEY=VALUE (repeatable)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;contact;list'= {
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --owner 'Only records of these owners'
            cand --sort 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses'
            cand --limit 'Show at most this many'
            cand --stage 'Only these stages'
            cand --source 'Only from these sources'
            cand --company 'Only people of these companies'
            cand --city 'city'
            cand --quiet-since 'Only those nobody has talked to for this long (90d, 3m), never-contacted included'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;contact;help'= {
            cand add 'Add a contact and print its id'
            cand list 'List contacts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;contact;help;add'= {
        }
        &'rolo;contact;help;list'= {
        }
        &'rolo;contact;help;help'= {
        }
        &'rolo;company'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a company and print its id'
            cand list 'List companies'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;company;add'= {
            cand --domain 'Web or mail domain (example.com)'
            cand --tag 'tag'
            cand --city 'city'
            cand --owner 'owner'
            cand --source 'source'
            cand --field 'Custom field KEY=VALUE (repeatable)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;company;list'= {
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --owner 'Only records of these owners'
            cand --sort 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses'
            cand --limit 'Show at most this many'
            cand --city 'city'
            cand --source 'source'
            cand --quiet-since 'Only those nobody has talked to for this long (90d, 3m)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;company;help'= {
            cand add 'Add a company and print its id'
            cand list 'List companies'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;company;help;add'= {
        }
        &'rolo;company;help;list'= {
        }
        &'rolo;company;help;help'= {
        }
        &'rolo;deal'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a deal and print its id'
            cand list 'List deals'
            cand move 'Move a deal to another stage and record it in its history'
            cand won 'Mark a deal won'
            cand lost 'Mark a deal lost'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;deal;add'= {
            cand --contact 'Contact REF'
            cand --company 'Company REF (default: the contact''s company)'
            cand --value 'Amount, a number'
            cand --currency 'ISO code (default from rolo.toml)'
            cand --stage 'One of the pipeline''s stages (default: the first)'
            cand --close 'Expected close date (2026-12-01, +1m, eom)'
            cand --probability '0..1 (default from the stage)'
            cand --tag 'tag'
            cand --source 'source'
            cand --owner 'owner'
            cand --field 'Custom field KEY=VALUE (repeatable)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;deal;list'= {
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --owner 'Only records of these owners'
            cand --sort 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses'
            cand --limit 'Show at most this many'
            cand --stage 'stage'
            cand --source 'source'
            cand --company 'company'
            cand --contact 'contact'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --open 'Only deals not won or lost'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;deal;move'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;deal;won'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;deal;lost'= {
            cand --reason 'Why it was lost (kept as lost_reason)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;deal;help'= {
            cand add 'Add a deal and print its id'
            cand list 'List deals'
            cand move 'Move a deal to another stage and record it in its history'
            cand won 'Mark a deal won'
            cand lost 'Mark a deal lost'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;deal;help;add'= {
        }
        &'rolo;deal;help;list'= {
        }
        &'rolo;deal;help;move'= {
        }
        &'rolo;deal;help;won'= {
        }
        &'rolo;deal;help;lost'= {
        }
        &'rolo;deal;help;help'= {
        }
        &'rolo;note'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Log an interaction and print its id'
            cand list 'List notes, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;note;add'= {
            cand --about 'More records it is about (repeatable)'
            cand --kind 'call, email, meeting, message or note'
            cand --date 'When it happened (default: now): 2026-11-20, ''2026-11-20 15:00'', yesterday'
            cand --direction 'in or out'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;note;list'= {
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --owner 'Only records of these owners'
            cand --sort 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses'
            cand --limit 'Show at most this many'
            cand --kind 'Only these kinds (call, email, meeting, message, note)'
            cand --direction 'Only in or out'
            cand --about 'Only notes about this record'
            cand --since 'Only notes on or after this date'
            cand --until 'Only notes on or before this date'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;note;help'= {
            cand add 'Log an interaction and print its id'
            cand list 'List notes, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;note;help;add'= {
        }
        &'rolo;note;help;list'= {
        }
        &'rolo;note;help;help'= {
        }
        &'rolo;task'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a task and print its id'
            cand list 'List tasks'
            cand done 'Mark tasks done; a repeating task moves on to its next due date'
            cand snooze 'Move a task''s due date later'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;task;add'= {
            cand --due 'When: 2026-12-01, ''2026-12-01 15:00'', today, tomorrow, friday, +3d, eom'
            cand --about 'The contact, company or deal it is about (repeatable)'
            cand --repeat 'Repeat every 3d, 2w, 1m, 1y; "2w after" repeats from completion'
            cand --owner 'owner'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;task;list'= {
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --owner 'Only records of these owners'
            cand --sort 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses'
            cand --limit 'Show at most this many'
            cand --due-before 'Only open tasks due before this date'
            cand --about 'Only tasks about this record'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --open 'Only tasks not done'
            cand --done 'Only tasks done'
            cand --overdue 'Only open tasks past their due date'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;task;done'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;task;snooze'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;task;help'= {
            cand add 'Add a task and print its id'
            cand list 'List tasks'
            cand done 'Mark tasks done; a repeating task moves on to its next due date'
            cand snooze 'Move a task''s due date later'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;task;help;add'= {
        }
        &'rolo;task;help;list'= {
        }
        &'rolo;task;help;done'= {
        }
        &'rolo;task;help;snooze'= {
        }
        &'rolo;task;help;help'= {
        }
        &'rolo;show'= {
            cand --at 'The record as it was at the end of this day (or at this git commit), with its links and timeline as of then'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;history'= {
            cand -n 'At most this many commits (the newest)'
            cand --limit 'At most this many commits (the newest)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;edit'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;set'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;unset'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;rm'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;rename'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;relate'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;unrelate'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;forget'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --dry-run 'Print what would be removed and edited, and write nothing'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;merge'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --dry-run 'Print what would change, and change nothing'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;check'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;search'= {
            cand --type 'Only records of these types (contact, company, deal, note, task)'
            cand --limit 'Show at most this many results'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;view'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;email'= {
            cand --format 'tsv: address, name, company per line; mutt: the same after a first line mutt skips'
            cand --limit 'Print at most this many addresses (0: all)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;pipeline'= {
            cand --owner 'Only deals of these owners'
            cand --by 'One pipeline per owner, source or currency'
            cand --at 'The pipeline as it stood at the end of this day (or at this git commit): deals and stages as committed then'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;agenda'= {
            cand --days 'Look ahead this many days for due tasks, birthdays and closing deals (default: [digest] days in rolo.toml, 7)'
            cand --owner 'Only what these owners look after'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;today'= {
            cand --owner 'Only what these owners look after'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;digest'= {
            cand --format 'How to write it: plain text, Markdown, or a standalone HTML page'
            cand --days 'Look ahead this many days (default: [digest] days in rolo.toml, 7)'
            cand --owner 'Only what these owners look after'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;report'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand funnel 'Per stage: deals that reached it, conversion to the next, median days in it'
            cand revenue 'Won value per month, quarter or owner, per currency'
            cand sources 'Per lead source: contacts, deals, won deals and value, win rate'
            cand activity 'Notes per period, kind, direction and owner; who was contacted most and least recently'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;report;funnel'= {
            cand --from 'From this day on (2026-10-01, -3m, …)'
            cand --to 'Up to this day, included'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --csv 'Print CSV with a header line (instead of a table or JSON)'
            cand --html 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;report;revenue'= {
            cand --from 'From this day on (2026-10-01, -3m, …)'
            cand --to 'Up to this day, included'
            cand --by 'Bucket by month, quarter or owner'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --csv 'Print CSV with a header line (instead of a table or JSON)'
            cand --html 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;report;sources'= {
            cand --from 'From this day on (2026-10-01, -3m, …)'
            cand --to 'Up to this day, included'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --csv 'Print CSV with a header line (instead of a table or JSON)'
            cand --html 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;report;activity'= {
            cand --from 'From this day on (2026-10-01, -3m, …)'
            cand --to 'Up to this day, included'
            cand --by 'Bucket by week or month'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --csv 'Print CSV with a header line (instead of a table or JSON)'
            cand --html 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;report;help'= {
            cand funnel 'Per stage: deals that reached it, conversion to the next, median days in it'
            cand revenue 'Won value per month, quarter or owner, per currency'
            cand sources 'Per lead source: contacts, deals, won deals and value, win rate'
            cand activity 'Notes per period, kind, direction and owner; who was contacted most and least recently'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;report;help;funnel'= {
        }
        &'rolo;report;help;revenue'= {
        }
        &'rolo;report;help;sources'= {
        }
        &'rolo;report;help;activity'= {
        }
        &'rolo;report;help;help'= {
        }
        &'rolo;index'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --rebuild 'Throw the index away and index every file again'
            cand --settle 'Wait until the index''s last writes are on the disk (what rolo starts apart after a command that wrote without waiting)'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;sync'= {
            cand --remote 'The remote to sync with (default: the branch''s upstream, else origin)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --continue 'Go on with a sync that stopped on conflicts, once the files are fixed'
            cand --abort 'Stop a sync that stopped on conflicts and return to where the book was before it'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;watch'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --status 'Say whether a watcher runs for this book and how fresh it is (exit 1 if none)'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;import'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand vcard 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)'
            cand csv 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)'
            cand json 'Import records from `rolo export json` (an array or NDJSON)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;import;vcard'= {
            cand --charset 'Charset of 8-bit text in cards that name none (windows-1251, koi8-r, …)'
            cand --on-duplicate 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --dry-run 'Print what would be created and updated, and write nothing'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;import;csv'= {
            cand --type 'What each row is'
            cand --map 'Read COLUMN as FIELD (a key such as stage or fields.industry, name, first_name, last_name, email, phone, company, tags, body); an empty FIELD ignores the column'
            cand --charset 'Charset of a file that is not UTF-8 (windows-1251, windows-1252, …)'
            cand --on-duplicate 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --dry-run 'Print what would be created and updated, and write nothing'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;import;json'= {
            cand --on-duplicate 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --dry-run 'Print what would be created and updated, and write nothing'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;import;help'= {
            cand vcard 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)'
            cand csv 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)'
            cand json 'Import records from `rolo export json` (an array or NDJSON)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;import;help;vcard'= {
        }
        &'rolo;import;help;csv'= {
        }
        &'rolo;import;help;json'= {
        }
        &'rolo;import;help;help'= {
        }
        &'rolo;export'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand vcard 'Export contacts as vCards (4.0, or 3.0) with stable UIDs'
            cand csv 'Export one type of record as CSV with a header row (lists joined by "; ")'
            cand json 'Export records as JSON: every front-matter key plus id, type, path and body'
            cand ics 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;export;vcard'= {
            cand --version 'vCard version: 4 or 3'
            cand --vdir 'Write one <uid>.vcf per contact into DIR and keep DIR in step (for vdirsyncer, khard)'
            cand -o 'Write to FILE instead of stdout (- is stdout)'
            cand --output 'Write to FILE instead of stdout (- is stdout)'
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --stage 'Only records in these stages'
            cand --owner 'Only records of these owners'
            cand --source 'Only records from these sources'
            cand --company 'Only people and deals of these companies'
            cand --city 'Only records in these cities'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rolo;export;csv'= {
            cand --type 'What to export'
            cand -o 'Write to FILE instead of stdout (- is stdout)'
            cand --output 'Write to FILE instead of stdout (- is stdout)'
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --stage 'Only records in these stages'
            cand --owner 'Only records of these owners'
            cand --source 'Only records from these sources'
            cand --company 'Only people and deals of these companies'
            cand --city 'Only records in these cities'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;export;json'= {
            cand --type 'What to export (repeatable; default: everything)'
            cand --about 'Everything the book holds about this person (a data-subject access request): their record, and every record about them or linking to them'
            cand -o 'Write to FILE instead of stdout (- is stdout)'
            cand --output 'Write to FILE instead of stdout (- is stdout)'
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --stage 'Only records in these stages'
            cand --owner 'Only records of these owners'
            cand --source 'Only records from these sources'
            cand --company 'Only people and deals of these companies'
            cand --city 'Only records in these cities'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --ndjson 'One object per line instead of an array'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;export;ics'= {
            cand -o 'Write to FILE instead of stdout (- is stdout)'
            cand --output 'Write to FILE instead of stdout (- is stdout)'
            cand --tag 'Only records with this tag (repeat: all of them)'
            cand --stage 'Only records in these stages'
            cand --owner 'Only records of these owners'
            cand --source 'Only records from these sources'
            cand --company 'Only people and deals of these companies'
            cand --city 'Only records in these cities'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;export;help'= {
            cand vcard 'Export contacts as vCards (4.0, or 3.0) with stable UIDs'
            cand csv 'Export one type of record as CSV with a header row (lists joined by "; ")'
            cand json 'Export records as JSON: every front-matter key plus id, type, path and body'
            cand ics 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;export;help;vcard'= {
        }
        &'rolo;export;help;csv'= {
        }
        &'rolo;export;help;json'= {
        }
        &'rolo;export;help;ics'= {
        }
        &'rolo;export;help;help'= {
        }
        &'rolo;render'= {
            cand -o 'Write to FILE (atomically) instead of stdout (- is stdout)'
            cand --output 'Write to FILE (atomically) instead of stdout (- is stdout)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;mail'= {
            cand -t 'A template in templates/: its file name, or without the extension when that is unique'
            cand --template 'A template in templates/: its file name, or without the extension when that is unique'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --log 'Also log it as an outgoing email note about the record (one commit)'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;date'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;completions'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;man'= {
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;merge-file'= {
            cand --base-label 'The ancestor''s name in conflict markers (git''s %S)'
            cand --ours-label 'Our side''s name in conflict markers (git''s %X)'
            cand --theirs-label 'Their side''s name in conflict markers (git''s %Y)'
            cand --dir 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)'
            cand --color 'When to use colours'
            cand --json 'Print JSON: records as objects with their front-matter keys plus id, type, path and body'
            cand --no-hooks 'Run no [[hooks]] of rolo.toml for this command'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rolo;help'= {
            cand init 'Create a book: rolo.toml, the record directories, .gitignore, and a git repository'
            cand contact 'Manage contacts (people)'
            cand company 'Manage companies'
            cand deal 'Manage deals'
            cand note 'Manage notes (calls, emails, meetings, messages)'
            cand task 'Manage tasks and reminders'
            cand show 'Show one record with its links and its timeline of notes and tasks'
            cand history 'Show the commits that changed a record, newest first, with what changed in its fields'
            cand edit 'Open a record in $EDITOR; save it only if it still parses'
            cand set 'Set keys of a record: KEY=VALUE, KEY+=ITEM (add to a list), KEY-=ITEM (remove)'
            cand unset 'Remove keys from a record'
            cand rm 'Delete a record without prompting (and say which records still link to it)'
            cand rename 'Give a record a new id, rewriting every link to it'
            cand relate 'Relate two contacts or companies: B is A''s KIND (spouse, parent, manager, referred_by, …)'
            cand unrelate 'Remove the relations between two contacts or companies (on both sides)'
            cand forget 'Erase a person: their file, notes and tasks only about them, and every link to them'
            cand merge 'Merge a duplicate into the record kept: lists joined, links moved, nothing lost'
            cand check 'Check the whole book: bad files, conflicts, stray files, broken links, duplicates, bad values'
            cand search 'Search every record, ranked: words (all must match), "phrases", field:value, prefix*, -exclude, OR'
            cand view 'Show a saved view from [views] in rolo.toml, or list the views'
            cand email 'Look up email addresses for a mail program: address<TAB>name<TAB>company per line'
            cand pipeline 'Show deals per stage: count, total and weighted forecast per currency'
            cand agenda 'Overdue and upcoming tasks, follow-ups due, birthdays, closing and stale deals'
            cand today 'What needs attention today: the agenda without the look-ahead'
            cand digest 'The agenda for cron mail: prints nothing (exit 0) when nothing needs attention'
            cand report 'Report on the funnel, revenue, lead sources and activity'
            cand index 'Bring the search index up to date with the files, or rebuild it'
            cand sync 'Sync the book with its git remote: commit, fetch, merge records key by key, push'
            cand watch 'Keep the index fresh from file-system events; while it runs, commands skip the walk'
            cand import 'Import records from vCard, CSV or JSON files'
            cand export 'Export records as vCard, CSV or JSON, or reminders as iCalendar'
            cand render 'Fill a template from templates/ with a record and print the document'
            cand mail 'Draft an email from a template and print it as a message for sendmail or msmtp'
            cand date 'Show what a date expression means (friday, in 3 days, 5 dec, eoq, завтра в 15:00)'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Print the man page (roff)'
            cand merge-file 'Merge three versions of a record file (the driver git runs for `merge=rolo` paths)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rolo;help;init'= {
        }
        &'rolo;help;contact'= {
            cand add 'Add a contact and print its id'
            cand list 'List contacts'
        }
        &'rolo;help;contact;add'= {
        }
        &'rolo;help;contact;list'= {
        }
        &'rolo;help;company'= {
            cand add 'Add a company and print its id'
            cand list 'List companies'
        }
        &'rolo;help;company;add'= {
        }
        &'rolo;help;company;list'= {
        }
        &'rolo;help;deal'= {
            cand add 'Add a deal and print its id'
            cand list 'List deals'
            cand move 'Move a deal to another stage and record it in its history'
            cand won 'Mark a deal won'
            cand lost 'Mark a deal lost'
        }
        &'rolo;help;deal;add'= {
        }
        &'rolo;help;deal;list'= {
        }
        &'rolo;help;deal;move'= {
        }
        &'rolo;help;deal;won'= {
        }
        &'rolo;help;deal;lost'= {
        }
        &'rolo;help;note'= {
            cand add 'Log an interaction and print its id'
            cand list 'List notes, newest first'
        }
        &'rolo;help;note;add'= {
        }
        &'rolo;help;note;list'= {
        }
        &'rolo;help;task'= {
            cand add 'Add a task and print its id'
            cand list 'List tasks'
            cand done 'Mark tasks done; a repeating task moves on to its next due date'
            cand snooze 'Move a task''s due date later'
        }
        &'rolo;help;task;add'= {
        }
        &'rolo;help;task;list'= {
        }
        &'rolo;help;task;done'= {
        }
        &'rolo;help;task;snooze'= {
        }
        &'rolo;help;show'= {
        }
        &'rolo;help;history'= {
        }
        &'rolo;help;edit'= {
        }
        &'rolo;help;set'= {
        }
        &'rolo;help;unset'= {
        }
        &'rolo;help;rm'= {
        }
        &'rolo;help;rename'= {
        }
        &'rolo;help;relate'= {
        }
        &'rolo;help;unrelate'= {
        }
        &'rolo;help;forget'= {
        }
        &'rolo;help;merge'= {
        }
        &'rolo;help;check'= {
        }
        &'rolo;help;search'= {
        }
        &'rolo;help;view'= {
        }
        &'rolo;help;email'= {
        }
        &'rolo;help;pipeline'= {
        }
        &'rolo;help;agenda'= {
        }
        &'rolo;help;today'= {
        }
        &'rolo;help;digest'= {
        }
        &'rolo;help;report'= {
            cand funnel 'Per stage: deals that reached it, conversion to the next, median days in it'
            cand revenue 'Won value per month, quarter or owner, per currency'
            cand sources 'Per lead source: contacts, deals, won deals and value, win rate'
            cand activity 'Notes per period, kind, direction and owner; who was contacted most and least recently'
        }
        &'rolo;help;report;funnel'= {
        }
        &'rolo;help;report;revenue'= {
        }
        &'rolo;help;report;sources'= {
        }
        &'rolo;help;report;activity'= {
        }
        &'rolo;help;index'= {
        }
        &'rolo;help;sync'= {
        }
        &'rolo;help;watch'= {
        }
        &'rolo;help;import'= {
            cand vcard 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)'
            cand csv 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)'
            cand json 'Import records from `rolo export json` (an array or NDJSON)'
        }
        &'rolo;help;import;vcard'= {
        }
        &'rolo;help;import;csv'= {
        }
        &'rolo;help;import;json'= {
        }
        &'rolo;help;export'= {
            cand vcard 'Export contacts as vCards (4.0, or 3.0) with stable UIDs'
            cand csv 'Export one type of record as CSV with a header row (lists joined by "; ")'
            cand json 'Export records as JSON: every front-matter key plus id, type, path and body'
            cand ics 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates'
        }
        &'rolo;help;export;vcard'= {
        }
        &'rolo;help;export;csv'= {
        }
        &'rolo;help;export;json'= {
        }
        &'rolo;help;export;ics'= {
        }
        &'rolo;help;render'= {
        }
        &'rolo;help;mail'= {
        }
        &'rolo;help;date'= {
        }
        &'rolo;help;completions'= {
        }
        &'rolo;help;man'= {
        }
        &'rolo;help;merge-file'= {
        }
        &'rolo;help;help'= {
        }
    ]
    $completions[$command]
}
