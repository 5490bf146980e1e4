//! `rolo deal add|list|move|won|lost`.

use rolo::filter::ListFilter;
use rolo::store::edit;
use rolo::{Book, Kind};

use super::draft::Draft;
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

/// A stage must be one of the pipeline's (SPEC "Record files": deal `stage`).
pub fn check_stage(book: &Book, stage: &str) -> Result<(), CliError> {
    let stages = &book.config.pipeline.stages;
    if stages.iter().any(|s| s == stage) {
        Ok(())
    } else {
        Err(rolo::Error::value(
            "stage",
            format!("unknown stage \"{stage}\"; stages are: {}", stages.join(", ")),
        )
        .into())
    }
}

/// Where `deal move|won|lost` sends a deal.
enum Target<'a> {
    Stage(&'a str),
    Won,
    Lost { reason: Option<&'a str> },
}

/// Change a deal's stage (format-preserving) and append `[[history]]`; `lost` may also
/// set `lost_reason`. Moving to the stage it is in changes nothing and commits nothing.
fn move_to(ctx: &Context, reference: &str, target: Target) -> CliResult {
    let book = ctx.open_book()?;
    let p = &book.config.pipeline;
    let (stage, reason) = match target {
        Target::Stage(s) => (s, None),
        Target::Won => (p.won.as_str(), None),
        Target::Lost { reason } => (p.lost.as_str(), reason),
    };
    check_stage(&book, stage)?;
    let mut record = book.find(reference, &[Kind::Deal])?;
    let before = record.to_text();
    if record.str("stage") != Some(stage) {
        edit::set(&mut record.doc, &["stage"], stage.into())?;
        edit::append_history(&mut record.doc, stage, ctx.clock.now())?;
    }
    if let Some(reason) = reason {
        edit::set(&mut record.doc, &["lost_reason"], reason.into())?;
    }
    if record.to_text() == before {
        ctx.out.status("Nothing changed.");
        return Ok(());
    }
    book.save(&record)?;
    let message = format!("deal: move {} to {stage}", record.title());
    ctx.commit(&book, std::slice::from_ref(&record.path), &message);
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
    let stage = a.stage.clone().unwrap_or_else(|| book.config.pipeline.stages[0].clone());
    check_stage(&book, &stage)?;
    d.text("stage", Some(&stage));
    if let Some(v) = &a.value {
        d.set("value", edit::typed_value(Kind::Deal, "value", v, now)?);
    }
    let currency = a.currency.clone().unwrap_or_else(|| book.config.defaults.currency.clone());
    d.text("currency", Some(&currency.to_uppercase()));
    if let Some(p) = &a.probability {
        d.set("probability", edit::typed_value(Kind::Deal, "probability", p, now)?);
    }
    if let Some(c) = &a.close {
        d.set("close", edit::typed_value(Kind::Deal, "close", c, now)?);
    }
    d.text("owner", a.owner.as_deref().or(Some(&book.config.defaults.owner)));
    d.text("source", a.source.as_deref());
    d.list("tags", &a.tags);
    d.created(ctx);
    d.fields(ctx, &a.fields)?;
    // The stage it starts in is the first entry of its history (the funnel reads it).
    edit::append_history(&mut d.record.doc, &stage, now)?;
    d.create(ctx, &book, &a.title, a.title.trim())
}
