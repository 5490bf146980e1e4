//! `rolo deal add|list|move|won|lost`.

use rolo::deals::{self, Moved, Target};
use rolo::filter::ListFilter;
use rolo::{Book, Kind};

use rolo::draft::Draft;

use super::draft;
use super::list::{self, ListArgs};
use super::{CliError, CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum DealCommand {
    Add(DealAddArgs),
    List(DealListArgs),
    Move(DealMoveArgs),
    Won(DealWonArgs),
    Lost(DealLostArgs),
}

/// Move a deal to another stage and record it in its history
#[derive(clap::Args, Debug)]
pub struct DealMoveArgs {
    /// Deal id, type/id or unique prefix
    deal: String,
    /// Stage name from rolo.toml
    stage: String,
}

/// Mark a deal won
#[derive(clap::Args, Debug)]
pub struct DealWonArgs {
    /// Deal id, type/id or unique prefix
    deal: String,
}

/// Mark a deal lost
#[derive(clap::Args, Debug)]
pub struct DealLostArgs {
    /// Deal id, type/id or unique prefix
    deal: String,
    /// Why it was lost (kept as lost_reason)
    #[arg(long)]
    reason: Option<String>,
}

/// Add a deal and print its id
#[derive(clap::Args, Debug)]
pub struct DealAddArgs {
    /// What is being sold ("Website redesign", "Сайт для ТОО")
    title: String,
    /// Contact REF
    #[arg(long)]
    contact: Option<String>,
    /// Company REF (default: the contact's company)
    #[arg(long)]
    company: Option<String>,
    /// Amount, a number
    #[arg(long)]
    value: Option<String>,
    /// ISO code (default from rolo.toml)
    #[arg(long)]
    currency: Option<String>,
    /// One of the pipeline's stages (default: the first)
    #[arg(long)]
    stage: Option<String>,
    /// Expected close date (2026-12-01, +1m, eom)
    #[arg(long)]
    close: Option<String>,
    /// 0..1 (default from the stage)
    #[arg(long)]
    probability: Option<String>,
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    source: Option<String>,
    #[arg(long)]
    owner: Option<String>,
    /// Custom field KEY=VALUE (repeatable)
    #[arg(long = "field", value_name = "KEY=VALUE", value_parser = super::key_value)]
    fields: Vec<(String, String)>,
}

/// List deals
#[derive(clap::Args, Debug)]
pub struct DealListArgs {
    #[command(flatten)]
    common: ListArgs,
    #[arg(long = "stage")]
    stages: Vec<String>,
    #[arg(long = "source")]
    sources: Vec<String>,
    #[arg(long = "company", value_name = "COMPANY")]
    companies: Vec<String>,
    #[arg(long = "contact", value_name = "CONTACT")]
    contacts: Vec<String>,
    /// Only deals not won or lost
    #[arg(long)]
    open: bool,
}

pub fn run(ctx: &Context, cmd: DealCommand) -> CliResult {
    match cmd {
        DealCommand::Add(a) => add(ctx, &a),
        DealCommand::Move(a) => move_to(ctx, &a.deal, Target::Stage(&a.stage)),
        DealCommand::Won(a) => move_to(ctx, &a.deal, Target::Won),
        DealCommand::Lost(a) => move_to(ctx, &a.deal, Target::Lost { reason: a.reason.as_deref() }),
        DealCommand::List(a) => {
            let book = ctx.open_book()?;
            let filter = ListFilter {
                stages: a.stages.clone(),
                sources: a.sources.clone(),
                companies: ids(&book, &a.companies, Kind::Company)?,
                contacts: ids(&book, &a.contacts, Kind::Contact)?,
                open: a.open,
                ..a.common.filter()
            };
            list::print(ctx, &book, Kind::Deal, &filter, &a.common)
        }
    }
}

fn ids(book: &Book, refs: &[String], kind: Kind) -> Result<Vec<String>, CliError> {
    refs.iter().map(|r| list::resolve_id(book, r, kind)).collect()
}

/// Change a deal's stage (format-preserving) and append `[[history]]`; `lost` may also
/// set `lost_reason`. Moving to the stage it is in changes nothing and commits nothing.
fn move_to(ctx: &Context, reference: &str, target: Target) -> CliResult {
    let book = ctx.open_book()?;
    let mut change = ctx.change(&book, "deal move")?;
    let mut record = change.find(reference, &[Kind::Deal])?;
    let moved = deals::move_to(&mut record.doc, target, &book.config.pipeline, ctx.clock.now())?;
    let Moved::To { stage } = moved else {
        ctx.out.status("Nothing changed.");
        return Ok(());
    };
    change.save(&record)?;
    ctx.finish(change, &format!("deal: move {} to {stage}", record.title()))?;
    ctx.out.status(format_args!("Moved {} to {stage}.", record.id));
    Ok(())
}

fn add(ctx: &Context, a: &DealAddArgs) -> CliResult {
    let book = ctx.open_book()?;
    let now = ctx.clock.now();
    let mut d = Draft::new(Kind::Deal);
    d.text("title", Some(&a.title));
    let contact = match &a.contact {
        Some(c) => Some(book.find(c, &[Kind::Contact])?),
        None => None,
    };
    let company = match (&a.company, &contact) {
        (Some(c), _) => Some(list::resolve_company(&book, c)?),
        (None, Some(c)) => c.str("company").map(str::to_string),
        (None, None) => None,
    };
    d.text("contact", contact.as_ref().map(|c| c.id.as_str()));
    d.text("company", company.as_deref());
    let stage = match &a.stage {
        Some(s) => deals::stage_named(&book.config.pipeline, s)?,
        None => book.config.pipeline.stages[0].clone(),
    };
    d.text("stage", Some(&stage));
    if let Some(v) = &a.value {
        d.typed("value", v, now)?;
    }
    let currency = a.currency.clone().unwrap_or_else(|| book.config.defaults.currency.clone());
    d.text("currency", Some(&currency.to_uppercase()));
    if let Some(p) = &a.probability {
        d.typed("probability", p, now)?;
    }
    if let Some(c) = &a.close {
        d.typed("close", c, now)?;
    }
    d.text("owner", a.owner.as_deref().or(Some(&book.config.defaults.owner)));
    d.text("source", a.source.as_deref());
    d.list("tags", &a.tags);
    d.created(ctx.clock.now());
    d.fields(&a.fields, ctx.clock.now())?;
    // The stage it starts in is the first entry of its history (the funnel reads it).
    d.history(&stage, now)?;
    draft::create(ctx, &book, d, &a.title, a.title.trim())
}
