//! `rolo contact add|list`.

use rolo::filter::ListFilter;
use rolo::{Book, Kind};

use rolo::draft::Draft;

use super::draft;
use super::list::{self, ListArgs};
use super::{CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum ContactCommand {
    Add(ContactAddArgs),
    List(ContactListArgs),
}

/// Add a contact and print its id
#[derive(clap::Args, Debug)]
pub struct ContactAddArgs {
    /// Full name, in its own script ("Анна Петрова", "王小明")
    name: String,
    #[arg(long = "email", value_name = "ADDRESS")]
    emails: Vec<String>,
    #[arg(long = "phone", value_name = "NUMBER")]
    phones: Vec<String>,
    /// Company id, type/id, prefix or name
    #[arg(long)]
    company: Option<String>,
    /// Job title
    #[arg(long)]
    title: Option<String>,
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// Where the client came from (referral, website, …)
    #[arg(long)]
    source: Option<String>,
    /// Who looks after them (default from rolo.toml)
    #[arg(long)]
    owner: Option<String>,
    /// lead, prospect, customer, former, or your own
    #[arg(long)]
    stage: Option<String>,
    /// YYYY-MM-DD, or MM-DD when the year is unknown
    #[arg(long)]
    birthday: Option<String>,
    /// Keep-in-touch cadence: 30d, 2w, 3m
    #[arg(long)]
    follow_up: Option<String>,
    #[arg(long)]
    city: Option<String>,
    /// Custom field KEY=VALUE (repeatable)
    #[arg(long = "field", value_name = "KEY=VALUE", value_parser = super::key_value)]
    fields: Vec<(String, String)>,
}

/// List contacts
#[derive(clap::Args, Debug)]
pub struct ContactListArgs {
    #[command(flatten)]
    common: ListArgs,
    /// Only these stages
    #[arg(long = "stage")]
    stages: Vec<String>,
    /// Only from these sources
    #[arg(long = "source")]
    sources: Vec<String>,
    /// Only people of these companies
    #[arg(long = "company", value_name = "COMPANY")]
    companies: Vec<String>,
    #[arg(long = "city")]
    cities: Vec<String>,
    /// Only those nobody has talked to for this long (90d, 3m), never-contacted included
    #[arg(long, value_name = "SPAN")]
    quiet_since: Option<String>,
}

pub fn run(ctx: &Context, cmd: ContactCommand) -> CliResult {
    match cmd {
        ContactCommand::Add(args) => add(ctx, &args),
        ContactCommand::List(args) => run_list(ctx, &args),
    }
}

fn add(ctx: &Context, a: &ContactAddArgs) -> CliResult {
    let book = ctx.open_book()?;
    let mut d = Draft::new(Kind::Contact);
    d.text("name", Some(&a.name));
    for e in &a.emails {
        if !e.contains('@') {
            return Err(
                rolo::Error::value("email", format!("\"{e}\" is not an email address")).into()
            );
        }
    }
    d.list("emails", &a.emails);
    d.list("phones", &a.phones);
    if let Some(company) = &a.company {
        let id = list::resolve_company(&book, company)?;
        d.text("company", Some(&id));
    }
    d.text("title", a.title.as_deref());
    d.list("tags", &a.tags);
    d.text("source", a.source.as_deref());
    d.text("owner", a.owner.as_deref().or(Some(&book.config.defaults.owner)));
    d.text("stage", a.stage.as_deref());
    if let Some(b) = &a.birthday {
        d.typed("birthday", b, ctx.clock.now())?;
    }
    if let Some(f) = &a.follow_up {
        f.parse::<rolo::dates::Cadence>().map_err(|m| rolo::Error::value("follow-up", m))?;
        d.text("follow_up", Some(f));
    }
    d.text("city", a.city.as_deref());
    d.created(ctx.clock.now());
    d.fields(&a.fields, ctx.clock.now())?;
    draft::create(ctx, &book, d, &a.name, a.name.trim())
}

fn run_list(ctx: &Context, a: &ContactListArgs) -> CliResult {
    let book: Book = ctx.open_book()?;
    let companies = a
        .companies
        .iter()
        .map(|c| list::resolve_company(&book, c))
        .collect::<Result<Vec<_>, _>>()?;
    let filter = ListFilter {
        stages: a.stages.clone(),
        sources: a.sources.clone(),
        companies,
        cities: a.cities.clone(),
        quiet_since: list::span_before(ctx, a.quiet_since.as_deref())?,
        ..a.common.filter()
    };
    list::print(ctx, &book, Kind::Contact, &filter, &a.common)
}
