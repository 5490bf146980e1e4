//! `rolo import vcard|csv|json` and `rolo export vcard|csv|json|ics` (docs/format.md: "Interchange formats"):
//! flags become the library's formats and options; files or stdin in, a file or stdout
//! out; problems and the summary on stderr; one commit per import.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde_json::{Value as Json, json};

use rolo::filter::{Context as FilterContext, ListFilter};
use rolo::interop::csv::Csv;
use rolo::interop::ics;
use rolo::interop::json::JsonFormat;
use rolo::interop::vcard::{Vcard, Version, vdir};
use rolo::interop::{Action, Format, Importer, OnDuplicate, Options, Report, text};
use rolo::model::View;
use rolo::model::facts::LastContacts;
use rolo::model::row::Keys;
use rolo::{Book, Kind};

use super::list;
use super::output::WriteFailed;
use super::{CliError, CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum ImportCommand {
    Vcard(ImportVcardArgs),
    Csv(ImportCsvArgs),
    Json(ImportJsonArgs),
}

/// Import contacts from vCards (2.1, 3.0, 4.0: Apple, Google, Outlook, Android)
#[derive(clap::Args, Debug)]
pub struct ImportVcardArgs {
    /// .vcf files; - reads stdin
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Charset of 8-bit text in cards that name none (windows-1251, koi8-r, …)
    #[arg(long, value_name = "NAME")]
    charset: Option<String>,
    #[command(flatten)]
    common: ImportArgs,
}

/// Import contacts, companies or deals from CSV (Google, Outlook, HubSpot, a spreadsheet)
#[derive(clap::Args, Debug)]
pub struct ImportCsvArgs {
    /// .csv files with a header row; - reads stdin
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// What each row is
    #[arg(long = "type", value_enum, default_value_t = RowType::Contact)]
    kind: RowType,
    /// Read COLUMN as FIELD (a key such as stage or fields.industry, name, first_name,
    /// last_name, email, phone, company, tags, body); an empty FIELD ignores the column
    #[arg(long, value_name = "COLUMN=FIELD", value_parser = column_field)]
    map: Vec<(String, String)>,
    /// Charset of a file that is not UTF-8 (windows-1251, windows-1252, …)
    #[arg(long, value_name = "NAME")]
    charset: Option<String>,
    #[command(flatten)]
    common: ImportArgs,
}

/// Import records from `rolo export json` (an array or NDJSON)
#[derive(clap::Args, Debug)]
pub struct ImportJsonArgs {
    /// .json or .ndjson files; - reads stdin
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    common: ImportArgs,
}

#[derive(clap::Args, Debug)]
struct ImportArgs {
    /// For a record already in the book (same uid; same email or phone with a name that
    /// fits; or same name and company): fill in what it lacks, leave it, or add another
    #[arg(long, value_enum, default_value_t = Duplicate::Update, value_name = "WHAT")]
    on_duplicate: Duplicate,
    /// Print what would be created and updated, and write nothing
    #[arg(long)]
    dry_run: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Duplicate {
    Skip,
    Update,
    Create,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum RowType {
    Contact,
    Company,
    Deal,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum RecordType {
    Contact,
    Company,
    Deal,
    Note,
    Task,
}

impl From<RecordType> for Kind {
    fn from(t: RecordType) -> Kind {
        match t {
            RecordType::Contact => Kind::Contact,
            RecordType::Company => Kind::Company,
            RecordType::Deal => Kind::Deal,
            RecordType::Note => Kind::Note,
            RecordType::Task => Kind::Task,
        }
    }
}

#[derive(clap::Subcommand, Debug)]
pub enum ExportCommand {
    /// Export contacts as vCards (4.0, or 3.0) with stable UIDs
    ///
    /// With --vdir DIR, one file per contact in DIR named by its UID (<uid>.vcf), the
    /// layout khard and vdirsyncer use: only cards that changed are rewritten, the cards
    /// of contacts no longer exported are removed, and files rolo did not write (it
    /// lists its own in DIR/.rolo-vdir) are never touched.
    #[command(disable_version_flag = true)]
    Vcard(ExportVcardArgs),
    /// Export one type of record as CSV with a header row (lists joined by "; ")
    Csv(ExportCsvArgs),
    /// Export records as JSON: every front-matter key plus id, type, path and body
    Json(ExportJsonArgs),
    /// Export reminders as iCalendar (.ics): open tasks, birthdays and deal close dates
    ///
    /// For calendar apps (RFC 5545): each open task with a due date (a date: all day; a
    /// time: 30 minutes), each contact's birthday (all day, every year; 29 February falls
    /// on 28 February in other years) and each open deal's close date (all day, with its
    /// value). Done tasks and won or lost deals are left out. Every event's UID is made
    /// from its record's type and id, so importing a newer export updates the events
    /// instead of adding them twice.
    Ics(ExportIcsArgs),
}

#[derive(clap::Args, Debug)]
pub struct ExportVcardArgs {
    /// vCard version: 4 or 3
    #[arg(long = "version", default_value = "4", value_parser = ["3", "4", "3.0", "4.0"])]
    version: String,
    /// Write one <uid>.vcf per contact into DIR and keep DIR in step (for vdirsyncer, khard)
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    vdir: Option<PathBuf>,
    #[command(flatten)]
    common: ExportArgs,
}

#[derive(clap::Args, Debug)]
pub struct ExportCsvArgs {
    /// What to export
    #[arg(long = "type", value_enum, default_value_t = RecordType::Contact)]
    kind: RecordType,
    #[command(flatten)]
    common: ExportArgs,
}

#[derive(clap::Args, Debug)]
pub struct ExportJsonArgs {
    /// What to export (repeatable; default: everything)
    #[arg(long = "type", value_enum)]
    kinds: Vec<RecordType>,
    /// One object per line instead of an array
    #[arg(long)]
    ndjson: bool,
    /// Everything the book holds about this person (a data-subject access request): their
    /// record, and every record about them or linking to them
    #[arg(long, value_name = "REF")]
    about: Option<String>,
    #[command(flatten)]
    common: ExportArgs,
}

#[derive(clap::Args, Debug)]
pub struct ExportIcsArgs {
    #[command(flatten)]
    common: ExportArgs,
}

#[derive(clap::Args, Debug)]
struct ExportArgs {
    /// Write to FILE instead of stdout (- is stdout)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Only records with this tag (repeat: all of them)
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Only records in these stages
    #[arg(long = "stage", value_name = "STAGE")]
    stages: Vec<String>,
    /// Only records of these owners
    #[arg(long = "owner", value_name = "OWNER")]
    owners: Vec<String>,
    /// Only records from these sources
    #[arg(long = "source", value_name = "SOURCE")]
    sources: Vec<String>,
    /// Only people and deals of these companies
    #[arg(long = "company", value_name = "COMPANY")]
    companies: Vec<String>,
    /// Only records in these cities
    #[arg(long = "city", value_name = "CITY")]
    cities: Vec<String>,
}

/// `COLUMN=FIELD`; the field may be empty (ignore the column).
fn column_field(s: &str) -> Result<(String, String), String> {
    match s.rsplit_once('=') {
        Some((c, f)) if !c.trim().is_empty() => Ok((c.trim().to_string(), f.trim().to_string())),
        _ => Err(format!("expected COLUMN=FIELD, got \"{s}\"")),
    }
}

fn charset(name: Option<&String>) -> Result<Option<String>, CliError> {
    match name {
        Some(n) if !text::known_charset(n) => {
            Err(rolo::Error::Usage(format!("unknown charset \"{n}\"")).into())
        }
        other => Ok(other.cloned()),
    }
}

pub fn run_import(ctx: &Context, cmd: ImportCommand) -> CliResult {
    let now = ctx.clock.now();
    let (format, files, common, kinds): (Box<dyn Format>, _, _, &[Kind]) = match &cmd {
        ImportCommand::Vcard(a) => {
            let format = Vcard { version: Version::V4, charset: charset(a.charset.as_ref())? };
            (Box::new(format), &a.files, &a.common, &[Kind::Contact, Kind::Company])
        }
        ImportCommand::Csv(a) => {
            let kind = match a.kind {
                RowType::Contact => Kind::Contact,
                RowType::Company => Kind::Company,
                RowType::Deal => Kind::Deal,
            };
            let format =
                Csv { kind, map: a.map.clone(), charset: charset(a.charset.as_ref())?, now };
            (Box::new(format), &a.files, &a.common, &[Kind::Contact, Kind::Company, Kind::Deal])
        }
        ImportCommand::Json(a) => {
            (Box::new(JsonFormat::default()), &a.files, &a.common, &Kind::ALL)
        }
    };
    let book = ctx.open_book()?;
    // Every input first: a missing file stops the import before anything is written.
    let inputs = files.iter().map(|f| read_input(f)).collect::<Result<Vec<_>, _>>()?;
    // The book as it is under the write lock: no other rolo changes it until the commit.
    let mut change = ctx.change(&book, "import")?;
    let mut loaded = ctx.load(&book, kinds)?;
    let on_duplicate = match common.on_duplicate {
        Duplicate::Skip => OnDuplicate::Skip,
        Duplicate::Update => OnDuplicate::Update,
        Duplicate::Create => OnDuplicate::Create,
    };
    let opts = Options { on_duplicate, dry_run: common.dry_run, now };
    let mut importer = Importer::new(&mut change, std::mem::take(&mut loaded.records), opts);
    for (name, bytes) in &inputs {
        let parsed = format.read(bytes)?;
        for notice in &parsed.notices {
            ctx.out.status(format_args!("{name}: {notice}"));
        }
        importer.add(name, parsed)?;
    }
    let report = importer.finish();
    for problem in &report.problems {
        ctx.out.status(problem);
    }
    if ctx.out.json {
        let steps: Vec<Json> = report.steps.iter().map(step_json).collect();
        ctx.out.print_json(&Json::Array(steps))?;
    } else if common.dry_run {
        for s in &report.steps {
            let (verb, keys) = match &s.action {
                Action::Created => ("create", String::new()),
                Action::Updated(keys) => ("update", format!(" (+{})", keys.join(", +"))),
                Action::Unchanged => ("same", String::new()),
                Action::Skipped => ("skip", String::new()),
            };
            let linked = if s.linked { " (linked)" } else { "" };
            let duplicate = match &s.possible_duplicate {
                Some(d) => format!(" (possible duplicate: {d})"),
                None => String::new(),
            };
            ctx.out.line(format_args!(
                "{verb:<6} {}/{}  {}{keys}{linked}{duplicate}",
                s.kind, s.id, s.title
            ))?;
        }
    }
    let names: Vec<&str> = inputs.iter().map(|(n, _)| n.as_str()).collect();
    if common.dry_run {
        ctx.out.status("Dry run: nothing was written.");
    } else if change.is_empty() {
        ctx.out.status("Nothing changed.");
    } else {
        ctx.finish(change, &commit_message(&report, &names))?;
    }
    ctx.out.status(report.summary());
    match report.failed() {
        0 => Ok(()),
        n => {
            let total = n + report.steps.iter().filter(|s| !s.linked).count();
            Err(CliError::Failed(format!("{n} of {total} records could not be imported")))
        }
    }
}

/// A file's name for messages and its bytes; `-` is stdin.
fn read_input(path: &Path) -> Result<(String, Vec<u8>), CliError> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| rolo::Error::io("<stdin>", e))?;
        return Ok(("<stdin>".into(), bytes));
    }
    bytes = std::fs::read(path).map_err(|e| rolo::Error::io(path, e))?;
    Ok((path.display().to_string(), bytes))
}

/// `import: 12 contacts from contacts.vcf`, `import: 3 contacts, 1 company from 2 files`.
fn commit_message(report: &Report, names: &[&str]) -> String {
    let what: Vec<String> = Kind::ALL
        .iter()
        .filter_map(|&k| {
            let n = report
                .steps
                .iter()
                .filter(|s| !s.linked && s.kind == k)
                .filter(|s| matches!(s.action, Action::Created | Action::Updated(_)))
                .count();
            (n > 0).then(|| format!("{n} {}", if n == 1 { k.name() } else { k.dir() }))
        })
        .collect();
    let from = match names {
        [one] if *one == "<stdin>" => "stdin".to_string(),
        [one] => {
            Path::new(one).file_name().map_or(one.to_string(), |f| f.to_string_lossy().into_owned())
        }
        many => format!("{} files", many.len()),
    };
    format!("import: {} from {from}", what.join(", "))
}

fn step_json(s: &rolo::interop::Step) -> Json {
    let (action, keys) = match &s.action {
        Action::Created => ("created", vec![]),
        Action::Updated(keys) => ("updated", keys.clone()),
        Action::Unchanged => ("unchanged", vec![]),
        Action::Skipped => ("skipped", vec![]),
    };
    let duplicate = s
        .possible_duplicate
        .as_ref()
        .map(|d| json!({ "type": d.kind.name(), "id": d.id, "shares": d.shared }));
    json!({
        "action": action, "type": s.kind.name(), "id": s.id, "title": s.title,
        "file": s.file, "line": s.line, "keys": keys, "linked": s.linked,
        "possible_duplicate": duplicate,
    })
}

pub fn run_export(ctx: &Context, cmd: ExportCommand) -> CliResult {
    let mut about = None;
    let (format, kinds, common): (Box<dyn Format>, Vec<Kind>, _) = match &cmd {
        ExportCommand::Ics(a) => return export_ics(ctx, a),
        ExportCommand::Vcard(a) => {
            let version = if a.version.starts_with('3') { Version::V3 } else { Version::V4 };
            if let Some(dir) = &a.vdir {
                return export_vdir(ctx, &a.common, dir, version);
            }
            (Box::new(Vcard { version, charset: None }), vec![Kind::Contact], &a.common)
        }
        ExportCommand::Csv(a) => {
            let kind = Kind::from(a.kind);
            let format = Csv { kind, map: vec![], charset: None, now: ctx.clock.now() };
            (Box::new(format), vec![kind], &a.common)
        }
        ExportCommand::Json(a) => {
            let mut kinds: Vec<Kind> = a.kinds.iter().map(|&k| k.into()).collect();
            if kinds.is_empty() {
                kinds = Kind::ALL.to_vec();
            }
            kinds.sort();
            kinds.dedup();
            about = a.about.as_deref();
            (Box::new(JsonFormat { ndjson: a.ndjson }), kinds, &a.common)
        }
    };
    let book = ctx.open_book()?;
    // Linked records too: vCards and CSV name a contact's company.
    let mut load = kinds.clone();
    load.extend([Kind::Contact, Kind::Company]);
    if about.is_some() {
        // Whatever links to the person, of any kind.
        load = Kind::ALL.to_vec();
    }
    load.sort();
    load.dedup();
    let person = about.map(|a| book.resolve(a, &[Kind::Contact])).transpose()?;
    let loaded = ctx.load(&book, &load)?;
    let filter = export_filter(&book, common)?;
    let none = LastContacts::default();
    let cx = FilterContext { now: ctx.clock.now(), config: &book.config, last_contact: &none };
    let records: Vec<&rolo::Record> = match &person {
        Some((person, _)) => rolo::privacy::about(&loaded, person)
            .into_iter()
            .filter(|r| kinds.contains(&r.kind) && filter.matches(*r, &cx))
            .collect(),
        None => {
            kinds.iter().flat_map(|&k| loaded.of(k)).filter(|r| filter.matches(r, &cx)).collect()
        }
    };
    let mut bytes = Vec::new();
    format.write(&records, &loaded, &mut bytes).map_err(WriteFailed)?;
    let what = match kinds.as_slice() {
        [k] if records.len() == 1 => k.name().to_string(),
        [k] => k.dir().to_string(),
        _ => "records".to_string(),
    };
    write_export(ctx, common, &bytes, &format!("{} {what}", records.len()))
}

/// `rolo export vcard --vdir DIR`: the folder brought in step with the contacts chosen;
/// what changed on stderr (or as JSON: `{"dir", "written", "unchanged", "removed",
/// "foreign"}`, file names).
fn export_vdir(ctx: &Context, common: &ExportArgs, dir: &Path, version: Version) -> CliResult {
    let book = ctx.open_book()?;
    let loaded = ctx.load(&book, &[Kind::Contact, Kind::Company])?;
    let filter = export_filter(&book, common)?;
    let none = LastContacts::default();
    let cx = FilterContext { now: ctx.clock.now(), config: &book.config, last_contact: &none };
    let contacts: Vec<&rolo::Record> =
        loaded.of(Kind::Contact).filter(|r| filter.matches(r, &cx)).collect();
    let synced = vdir::export(dir, &contacts, &loaded, version)?;
    if ctx.out.json {
        ctx.out.print_json(&json!({
            "dir": dir.display().to_string(),
            "written": synced.written,
            "unchanged": synced.unchanged,
            "removed": synced.removed,
            "foreign": synced.foreign,
        }))?;
    }
    if !synced.foreign.is_empty() {
        ctx.out.warn(format_args!(
            "left {} file{} in {} that rolo did not write, with the name of a card it would write: {}; \
             remove {} to let rolo write its own",
            synced.foreign.len(),
            if synced.foreign.len() == 1 { "" } else { "s" },
            dir.display(),
            synced.foreign.join(", "),
            if synced.foreign.len() == 1 { "it" } else { "them" },
        ));
    }
    let n = contacts.len();
    ctx.out.status(format_args!(
        "Exported {n} contact{} to {}: {} written, {} unchanged, {} removed.",
        if n == 1 { "" } else { "s" },
        dir.display(),
        synced.written.len(),
        synced.unchanged,
        synced.removed.len(),
    ));
    Ok(())
}

/// The filter flags shared by every export.
fn export_filter(book: &Book, common: &ExportArgs) -> Result<ListFilter, CliError> {
    let companies = common
        .companies
        .iter()
        .map(|c| list::resolve_company(book, c))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ListFilter {
        tags: common.tags.clone(),
        stages: common.stages.clone(),
        owners: common.owners.clone(),
        sources: common.sources.clone(),
        companies,
        cities: common.cities.clone(),
        ..Default::default()
    })
}

/// An export to `-o FILE` (saying what went there) or to stdout.
fn write_export(ctx: &Context, common: &ExportArgs, bytes: &[u8], what: &str) -> CliResult {
    match common.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            rolo::store::write::replace(path, bytes)?;
            ctx.out.status(format_args!("Exported {what} to {}.", path.display()));
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush()).map_err(WriteFailed)?;
        }
    }
    Ok(())
}

/// `rolo export ics`: contacts, deals and tasks from the index (the default) or from
/// every file (`ROLO_NO_INDEX=1`), as the other reading commands do.
fn export_ics(ctx: &Context, a: &ExportIcsArgs) -> CliResult {
    const KINDS: [Kind; 3] = [Kind::Contact, Kind::Deal, Kind::Task];
    let book = ctx.open_book()?;
    let filter = export_filter(&book, &a.common)?;
    // Rows hold every key the events and the filters read.
    let data = ctx.source(&book)?.records(&KINDS, Keys::ALL, false)?;
    let events = rolo::for_both!(&data, d => {
        let records: Vec<_> = d.contacts.iter().chain(&d.deals).chain(&d.tasks).collect();
        reminders(ctx, &book, &filter, &records)
    });
    super::let_exit_free(data);
    let text = ics::calendar(&events, ctx.clock.now());
    let what = format!("{} event{}", events.len(), if events.len() == 1 { "" } else { "s" });
    write_export(ctx, &a.common, text.as_bytes(), &what)
}

fn reminders<V: View>(
    ctx: &Context,
    book: &Book,
    filter: &ListFilter,
    records: &[V],
) -> Vec<ics::Event> {
    let none = LastContacts::default();
    let cx = FilterContext { now: ctx.clock.now(), config: &book.config, last_contact: &none };
    let chosen: Vec<&V> = records.iter().filter(|r| filter.matches(*r, &cx)).collect();
    ics::events(&chosen, &book.config)
}
