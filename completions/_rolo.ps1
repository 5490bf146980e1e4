
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'rolo' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'rolo'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'rolo' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a book: rolo.toml, the record directories, .gitignore, and a git repository')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'Manage contacts (people)')
            [CompletionResult]::new('company', 'company', [CompletionResultType]::ParameterValue, 'Manage companies')
            [CompletionResult]::new('deal', 'deal', [CompletionResultType]::ParameterValue, 'Manage deals')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Manage notes (calls, emails, meetings, messages)')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Manage tasks and reminders')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one record with its links and its timeline of notes and tasks')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the commits that changed a record, newest first, with what changed in its fields')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Open a record in $EDITOR; save it only if it still parses')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set keys of a record: KEY=VALUE, KEY+=ITEM (add to a list), KEY-=ITEM (remove)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove keys from a record')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a record without prompting (and say which records still link to it)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a record a new id, rewriting every link to it')
            [CompletionResult]::new('relate', 'relate', [CompletionResultType]::ParameterValue, 'Relate two contacts or companies: B is A''s KIND (spouse, parent, manager, referred_by, …)')
            [CompletionResult]::new('unrelate', 'unrelate', [CompletionResultType]::ParameterValue, 'Remove the relations between two contacts or companies (on both sides)')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Erase a person: their file, notes and tasks only about them, and every link to them')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge a duplicate into the record kept: lists joined, links moved, nothing lost')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the whole book: bad files, conflicts, stray files, broken links, duplicates, bad values')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every record, ranked: words (all must match), "phrases", field:value, prefix*, -exclude, OR')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show a saved view from [views] in rolo.toml, or list the views')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Look up email addresses for a mail program: address<TAB>name<TAB>company per line')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Show deals per stage: count, total and weighted forecast per currency')
            [CompletionResult]::new('agenda', 'agenda', [CompletionResultType]::ParameterValue, 'Overdue and upcoming tasks, follow-ups due, birthdays, closing and stale deals')
            [CompletionResult]::new('today', 'today', [CompletionResultType]::ParameterValue, 'What needs attention today: the agenda without the look-ahead')
            [CompletionResult]::new('digest', 'digest', [CompletionResultType]::ParameterValue, 'The agenda for cron mail: prints nothing (exit 0) when nothing needs attention')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Report on the funnel, revenue, lead sources and activity')
            [CompletionResult]::new('index', 'index', [CompletionResultType]::ParameterValue, 'Bring the search index up to date with the files, or rebuild it')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Sync the book with its git remote: commit, fetch, merge records key by key, push')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Keep the index fresh from file-system events; while it runs, commands skip the walk')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import records from vCard, CSV or JSON files')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export records as vCard, CSV or JSON, or reminders as iCalendar')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Fill a template from templates/ with a record and print the document')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Draft an email from a template and print it as a message for sendmail or msmtp')
            [CompletionResult]::new('date', 'date', [CompletionResultType]::ParameterValue, 'Show what a date expression means (friday, in 3 days, 5 dec, eoq, завтра в 15:00)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('merge-file', 'merge-file', [CompletionResultType]::ParameterValue, 'Merge three versions of a record file (the driver git runs for `merge=rolo` paths)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;init' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;contact' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a contact and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;contact;add' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'email')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'phone')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Company id, type/id, prefix or name')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Job title')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'tag')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where the client came from (referral, website, …)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who looks after them (default from rolo.toml)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'lead, prospect, customer, former, or your own')
            [CompletionResult]::new('--birthday', '--birthday', [CompletionResultType]::ParameterName, 'YYYY-MM-DD, or MM-DD when the year is unknown')
            [CompletionResult]::new('--follow-up', '--follow-up', [CompletionResultType]::ParameterName, 'Keep-in-touch cadence: 30d, 2w, 3m')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'city')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Custom field KEY=VALUE (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;contact;list' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only these stages')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only from these sources')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Only people of these companies')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'city')
            [CompletionResult]::new('--quiet-since', '--quiet-since', [CompletionResultType]::ParameterName, 'Only those nobody has talked to for this long (90d, 3m), never-contacted included')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;contact;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a contact and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;contact;help;add' {
            break
        }
        'rolo;contact;help;list' {
            break
        }
        'rolo;contact;help;help' {
            break
        }
        'rolo;company' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a company and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List companies')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;company;add' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Web or mail domain (example.com)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'tag')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'city')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'owner')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'source')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Custom field KEY=VALUE (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;company;list' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'city')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'source')
            [CompletionResult]::new('--quiet-since', '--quiet-since', [CompletionResultType]::ParameterName, 'Only those nobody has talked to for this long (90d, 3m)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;company;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a company and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List companies')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;company;help;add' {
            break
        }
        'rolo;company;help;list' {
            break
        }
        'rolo;company;help;help' {
            break
        }
        'rolo;deal' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a deal and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List deals')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a deal to another stage and record it in its history')
            [CompletionResult]::new('won', 'won', [CompletionResultType]::ParameterValue, 'Mark a deal won')
            [CompletionResult]::new('lost', 'lost', [CompletionResultType]::ParameterValue, 'Mark a deal lost')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;deal;add' {
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'Contact REF')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Company REF (default: the contact''s company)')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'Amount, a number')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'ISO code (default from rolo.toml)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'One of the pipeline''s stages (default: the first)')
            [CompletionResult]::new('--close', '--close', [CompletionResultType]::ParameterName, 'Expected close date (2026-12-01, +1m, eom)')
            [CompletionResult]::new('--probability', '--probability', [CompletionResultType]::ParameterName, '0..1 (default from the stage)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'tag')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'source')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'owner')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Custom field KEY=VALUE (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;deal;list' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'stage')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'source')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'company')
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'contact')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only deals not won or lost')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;deal;move' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;deal;won' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;deal;lost' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why it was lost (kept as lost_reason)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;deal;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a deal and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List deals')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a deal to another stage and record it in its history')
            [CompletionResult]::new('won', 'won', [CompletionResultType]::ParameterValue, 'Mark a deal won')
            [CompletionResult]::new('lost', 'lost', [CompletionResultType]::ParameterValue, 'Mark a deal lost')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;deal;help;add' {
            break
        }
        'rolo;deal;help;list' {
            break
        }
        'rolo;deal;help;move' {
            break
        }
        'rolo;deal;help;won' {
            break
        }
        'rolo;deal;help;lost' {
            break
        }
        'rolo;deal;help;help' {
            break
        }
        'rolo;note' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Log an interaction and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List notes, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;note;add' {
            [CompletionResult]::new('--about', '--about', [CompletionResultType]::ParameterName, 'More records it is about (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'call, email, meeting, message or note')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'When it happened (default: now): 2026-11-20, ''2026-11-20 15:00'', yesterday')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'in or out')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;note;list' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only these kinds (call, email, meeting, message, note)')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'Only in or out')
            [CompletionResult]::new('--about', '--about', [CompletionResultType]::ParameterName, 'Only notes about this record')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only notes on or after this date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only notes on or before this date')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;note;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Log an interaction and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List notes, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;note;help;add' {
            break
        }
        'rolo;note;help;list' {
            break
        }
        'rolo;note;help;help' {
            break
        }
        'rolo;task' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a task and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark tasks done; a repeating task moves on to its next due date')
            [CompletionResult]::new('snooze', 'snooze', [CompletionResultType]::ParameterValue, 'Move a task''s due date later')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;task;add' {
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When: 2026-12-01, ''2026-12-01 15:00'', today, tomorrow, friday, +3d, eom')
            [CompletionResult]::new('--about', '--about', [CompletionResultType]::ParameterName, 'The contact, company or deal it is about (repeatable)')
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'Repeat every 3d, 2w, 1m, 1y; "2w after" repeats from completion')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'owner')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;task;list' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by name, id, created, last-contact, due, close, value, date or stage; -KEY reverses')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many')
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only open tasks due before this date')
            [CompletionResult]::new('--about', '--about', [CompletionResultType]::ParameterName, 'Only tasks about this record')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only tasks not done')
            [CompletionResult]::new('--done', '--done', [CompletionResultType]::ParameterName, 'Only tasks done')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open tasks past their due date')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;task;done' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;task;snooze' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;task;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a task and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark tasks done; a repeating task moves on to its next due date')
            [CompletionResult]::new('snooze', 'snooze', [CompletionResultType]::ParameterValue, 'Move a task''s due date later')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;task;help;add' {
            break
        }
        'rolo;task;help;list' {
            break
        }
        'rolo;task;help;done' {
            break
        }
        'rolo;task;help;snooze' {
            break
        }
        'rolo;task;help;help' {
            break
        }
        'rolo;show' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The record as it was at the end of this day (or at this git commit), with its links and timeline as of then')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;history' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'At most this many commits (the newest)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many commits (the newest)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;edit' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;set' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;unset' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;rm' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;rename' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;relate' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;unrelate' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;forget' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be removed and edited, and write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;merge' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;check' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;search' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only records of these types (contact, company, deal, note, task)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many results')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;view' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;email' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'tsv: address, name, company per line; mutt: the same after a first line mutt skips')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most this many addresses (0: all)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;pipeline' {
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only deals of these owners')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One pipeline per owner, source or currency')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The pipeline as it stood at the end of this day (or at this git commit): deals and stages as committed then')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;agenda' {
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Look ahead this many days for due tasks, birthdays and closing deals (default: [digest] days in rolo.toml, 7)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only what these owners look after')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;today' {
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only what these owners look after')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;digest' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to write it: plain text, Markdown, or a standalone HTML page')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Look ahead this many days (default: [digest] days in rolo.toml, 7)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only what these owners look after')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;report' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('funnel', 'funnel', [CompletionResultType]::ParameterValue, 'Per stage: deals that reached it, conversion to the next, median days in it')
            [CompletionResult]::new('revenue', 'revenue', [CompletionResultType]::ParameterValue, 'Won value per month, quarter or owner, per currency')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Per lead source: contacts, deals, won deals and value, win rate')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Notes per period, kind, direction and owner; who was contacted most and least recently')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;report;funnel' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this day on (2026-10-01, -3m, …)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this day, included')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV with a header line (instead of a table or JSON)')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;report;revenue' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this day on (2026-10-01, -3m, …)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this day, included')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Bucket by month, quarter or owner')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV with a header line (instead of a table or JSON)')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;report;sources' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this day on (2026-10-01, -3m, …)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this day, included')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV with a header line (instead of a table or JSON)')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;report;activity' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this day on (2026-10-01, -3m, …)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this day, included')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Bucket by week or month')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV with a header line (instead of a table or JSON)')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Print a standalone HTML page: the chart as inline SVG and the table (for mail)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;report;help' {
            [CompletionResult]::new('funnel', 'funnel', [CompletionResultType]::ParameterValue, 'Per stage: deals that reached it, conversion to the next, median days in it')
            [CompletionResult]::new('revenue', 'revenue', [CompletionResultType]::ParameterValue, 'Won value per month, quarter or owner, per currency')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Per lead source: contacts, deals, won deals and value, win rate')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Notes per period, kind, direction and owner; who was contacted most and least recently')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;report;help;funnel' {
            break
        }
        'rolo;report;help;revenue' {
            break
        }
        'rolo;report;help;sources' {
            break
        }
        'rolo;report;help;activity' {
            break
        }
        'rolo;report;help;help' {
            break
        }
        'rolo;index' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--rebuild', '--rebuild', [CompletionResultType]::ParameterName, 'Throw the index away and index every file again')
            [CompletionResult]::new('--settle', '--settle', [CompletionResultType]::ParameterName, 'Wait until the index''s last writes are on the disk (what rolo starts apart after a command that wrote without waiting)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;sync' {
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'The remote to sync with (default: the branch''s upstream, else origin)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--continue', '--continue', [CompletionResultType]::ParameterName, 'Go on with a sync that stopped on conflicts, once the files are fixed')
            [CompletionResult]::new('--abort', '--abort', [CompletionResultType]::ParameterName, 'Stop a sync that stopped on conflicts and return to where the book was before it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;watch' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Say whether a watcher runs for this book and how fresh it is (exit 1 if none)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;import' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)')
            [CompletionResult]::new('json', 'json', [CompletionResultType]::ParameterValue, 'Import records from `rolo export json` (an array or NDJSON)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;import;vcard' {
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Charset of 8-bit text in cards that name none (windows-1251, koi8-r, …)')
            [CompletionResult]::new('--on-duplicate', '--on-duplicate', [CompletionResultType]::ParameterName, 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created and updated, and write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;import;csv' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What each row is')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Read COLUMN as FIELD (a key such as stage or fields.industry, name, first_name, last_name, email, phone, company, tags, body); an empty FIELD ignores the column')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Charset of a file that is not UTF-8 (windows-1251, windows-1252, …)')
            [CompletionResult]::new('--on-duplicate', '--on-duplicate', [CompletionResultType]::ParameterName, 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created and updated, and write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;import;json' {
            [CompletionResult]::new('--on-duplicate', '--on-duplicate', [CompletionResultType]::ParameterName, 'For a record already in the book (same uid; same email or phone with a name that fits; or same name and company): fill in what it lacks, leave it, or add another')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created and updated, and write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;import;help' {
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)')
            [CompletionResult]::new('json', 'json', [CompletionResultType]::ParameterValue, 'Import records from `rolo export json` (an array or NDJSON)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;import;help;vcard' {
            break
        }
        'rolo;import;help;csv' {
            break
        }
        'rolo;import;help;json' {
            break
        }
        'rolo;import;help;help' {
            break
        }
        'rolo;export' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Export contacts as vCards (4.0, or 3.0) with stable UIDs')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Export one type of record as CSV with a header row (lists joined by "; ")')
            [CompletionResult]::new('json', 'json', [CompletionResultType]::ParameterValue, 'Export records as JSON: every front-matter key plus id, type, path and body')
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;export;vcard' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'vCard version: 4 or 3')
            [CompletionResult]::new('--vdir', '--vdir', [CompletionResultType]::ParameterName, 'Write one <uid>.vcf per contact into DIR and keep DIR in step (for vdirsyncer, khard)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only records in these stages')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records from these sources')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Only people and deals of these companies')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Only records in these cities')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rolo;export;csv' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What to export')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only records in these stages')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records from these sources')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Only people and deals of these companies')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Only records in these cities')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;export;json' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What to export (repeatable; default: everything)')
            [CompletionResult]::new('--about', '--about', [CompletionResultType]::ParameterName, 'Everything the book holds about this person (a data-subject access request): their record, and every record about them or linking to them')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only records in these stages')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records from these sources')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Only people and deals of these companies')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Only records in these cities')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'One object per line instead of an array')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;export;ics' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (- is stdout)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with this tag (repeat: all of them)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only records in these stages')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only records of these owners')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records from these sources')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Only people and deals of these companies')
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'Only records in these cities')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;export;help' {
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Export contacts as vCards (4.0, or 3.0) with stable UIDs')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Export one type of record as CSV with a header row (lists joined by "; ")')
            [CompletionResult]::new('json', 'json', [CompletionResultType]::ParameterValue, 'Export records as JSON: every front-matter key plus id, type, path and body')
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;export;help;vcard' {
            break
        }
        'rolo;export;help;csv' {
            break
        }
        'rolo;export;help;json' {
            break
        }
        'rolo;export;help;ics' {
            break
        }
        'rolo;export;help;help' {
            break
        }
        'rolo;render' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout (- is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout (- is stdout)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;mail' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A template in templates/: its file name, or without the extension when that is unique')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'A template in templates/: its file name, or without the extension when that is unique')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Also log it as an outgoing email note about the record (one commit)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;date' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;merge-file' {
            [CompletionResult]::new('--base-label', '--base-label', [CompletionResultType]::ParameterName, 'The ancestor''s name in conflict markers (git''s %S)')
            [CompletionResult]::new('--ours-label', '--ours-label', [CompletionResultType]::ParameterName, 'Our side''s name in conflict markers (git''s %X)')
            [CompletionResult]::new('--theirs-label', '--theirs-label', [CompletionResultType]::ParameterName, 'Their side''s name in conflict markers (git''s %Y)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The book''s directory (else $ROLO_DIR, the nearest parent with rolo.toml, or ~/.local/share/rolo)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: records as objects with their front-matter keys plus id, type, path and body')
            [CompletionResult]::new('--no-hooks', '--no-hooks', [CompletionResultType]::ParameterName, 'Run no [[hooks]] of rolo.toml for this command')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rolo;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a book: rolo.toml, the record directories, .gitignore, and a git repository')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'Manage contacts (people)')
            [CompletionResult]::new('company', 'company', [CompletionResultType]::ParameterValue, 'Manage companies')
            [CompletionResult]::new('deal', 'deal', [CompletionResultType]::ParameterValue, 'Manage deals')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Manage notes (calls, emails, meetings, messages)')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Manage tasks and reminders')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one record with its links and its timeline of notes and tasks')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the commits that changed a record, newest first, with what changed in its fields')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Open a record in $EDITOR; save it only if it still parses')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set keys of a record: KEY=VALUE, KEY+=ITEM (add to a list), KEY-=ITEM (remove)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove keys from a record')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a record without prompting (and say which records still link to it)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a record a new id, rewriting every link to it')
            [CompletionResult]::new('relate', 'relate', [CompletionResultType]::ParameterValue, 'Relate two contacts or companies: B is A''s KIND (spouse, parent, manager, referred_by, …)')
            [CompletionResult]::new('unrelate', 'unrelate', [CompletionResultType]::ParameterValue, 'Remove the relations between two contacts or companies (on both sides)')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Erase a person: their file, notes and tasks only about them, and every link to them')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge a duplicate into the record kept: lists joined, links moved, nothing lost')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the whole book: bad files, conflicts, stray files, broken links, duplicates, bad values')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every record, ranked: words (all must match), "phrases", field:value, prefix*, -exclude, OR')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show a saved view from [views] in rolo.toml, or list the views')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Look up email addresses for a mail program: address<TAB>name<TAB>company per line')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Show deals per stage: count, total and weighted forecast per currency')
            [CompletionResult]::new('agenda', 'agenda', [CompletionResultType]::ParameterValue, 'Overdue and upcoming tasks, follow-ups due, birthdays, closing and stale deals')
            [CompletionResult]::new('today', 'today', [CompletionResultType]::ParameterValue, 'What needs attention today: the agenda without the look-ahead')
            [CompletionResult]::new('digest', 'digest', [CompletionResultType]::ParameterValue, 'The agenda for cron mail: prints nothing (exit 0) when nothing needs attention')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Report on the funnel, revenue, lead sources and activity')
            [CompletionResult]::new('index', 'index', [CompletionResultType]::ParameterValue, 'Bring the search index up to date with the files, or rebuild it')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Sync the book with its git remote: commit, fetch, merge records key by key, push')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Keep the index fresh from file-system events; while it runs, commands skip the walk')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import records from vCard, CSV or JSON files')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export records as vCard, CSV or JSON, or reminders as iCalendar')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Fill a template from templates/ with a record and print the document')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Draft an email from a template and print it as a message for sendmail or msmtp')
            [CompletionResult]::new('date', 'date', [CompletionResultType]::ParameterValue, 'Show what a date expression means (friday, in 3 days, 5 dec, eoq, завтра в 15:00)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('merge-file', 'merge-file', [CompletionResultType]::ParameterValue, 'Merge three versions of a record file (the driver git runs for `merge=rolo` paths)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rolo;help;init' {
            break
        }
        'rolo;help;contact' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a contact and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts')
            break
        }
        'rolo;help;contact;add' {
            break
        }
        'rolo;help;contact;list' {
            break
        }
        'rolo;help;company' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a company and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List companies')
            break
        }
        'rolo;help;company;add' {
            break
        }
        'rolo;help;company;list' {
            break
        }
        'rolo;help;deal' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a deal and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List deals')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a deal to another stage and record it in its history')
            [CompletionResult]::new('won', 'won', [CompletionResultType]::ParameterValue, 'Mark a deal won')
            [CompletionResult]::new('lost', 'lost', [CompletionResultType]::ParameterValue, 'Mark a deal lost')
            break
        }
        'rolo;help;deal;add' {
            break
        }
        'rolo;help;deal;list' {
            break
        }
        'rolo;help;deal;move' {
            break
        }
        'rolo;help;deal;won' {
            break
        }
        'rolo;help;deal;lost' {
            break
        }
        'rolo;help;note' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Log an interaction and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List notes, newest first')
            break
        }
        'rolo;help;note;add' {
            break
        }
        'rolo;help;note;list' {
            break
        }
        'rolo;help;task' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a task and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark tasks done; a repeating task moves on to its next due date')
            [CompletionResult]::new('snooze', 'snooze', [CompletionResultType]::ParameterValue, 'Move a task''s due date later')
            break
        }
        'rolo;help;task;add' {
            break
        }
        'rolo;help;task;list' {
            break
        }
        'rolo;help;task;done' {
            break
        }
        'rolo;help;task;snooze' {
            break
        }
        'rolo;help;show' {
            break
        }
        'rolo;help;history' {
            break
        }
        'rolo;help;edit' {
            break
        }
        'rolo;help;set' {
            break
        }
        'rolo;help;unset' {
            break
        }
        'rolo;help;rm' {
            break
        }
        'rolo;help;rename' {
            break
        }
        'rolo;help;relate' {
            break
        }
        'rolo;help;unrelate' {
            break
        }
        'rolo;help;forget' {
            break
        }
        'rolo;help;merge' {
            break
        }
        'rolo;help;check' {
            break
        }
        'rolo;help;search' {
            break
        }
        'rolo;help;view' {
            break
        }
        'rolo;help;email' {
            break
        }
        'rolo;help;pipeline' {
            break
        }
        'rolo;help;agenda' {
            break
        }
        'rolo;help;today' {
            break
        }
        'rolo;help;digest' {
            break
        }
        'rolo;help;report' {
            [CompletionResult]::new('funnel', 'funnel', [CompletionResultType]::ParameterValue, 'Per stage: deals that reached it, conversion to the next, median days in it')
            [CompletionResult]::new('revenue', 'revenue', [CompletionResultType]::ParameterValue, 'Won value per month, quarter or owner, per currency')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Per lead source: contacts, deals, won deals and value, win rate')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Notes per period, kind, direction and owner; who was contacted most and least recently')
            break
        }
        'rolo;help;report;funnel' {
            break
        }
        'rolo;help;report;revenue' {
            break
        }
        'rolo;help;report;sources' {
            break
        }
        'rolo;help;report;activity' {
            break
        }
        'rolo;help;index' {
            break
        }
        'rolo;help;sync' {
            break
        }
        'rolo;help;watch' {
            break
        }
        'rolo;help;import' {
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)')
            [CompletionResult]::new('json', 'json', [CompletionResultType]::ParameterValue, 'Import records from `rolo export json` (an array or NDJSON)')
            break
        }
        'rolo;help;import;vcard' {
            break
        }
        'rolo;help;import;csv' {
            break
        }
        'rolo;help;import;json' {
            break
        }
        'rolo;help;export' {
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Export contacts as vCards (4.0, or 3.0) with stable UIDs')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Export one type of record as CSV with a header row (lists joined by "; ")')
            [CompletionResult]::new('json', 'json', [CompletionResultType]::ParameterValue, 'Export records as JSON: every front-matter key plus id, type, path and body')
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates')
            break
        }
        'rolo;help;export;vcard' {
            break
        }
        'rolo;help;export;csv' {
            break
        }
        'rolo;help;export;json' {
            break
        }
        'rolo;help;export;ics' {
            break
        }
        'rolo;help;render' {
            break
        }
        'rolo;help;mail' {
            break
        }
        'rolo;help;date' {
            break
        }
        'rolo;help;completions' {
            break
        }
        'rolo;help;man' {
            break
        }
        'rolo;help;merge-file' {
            break
        }
        'rolo;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
