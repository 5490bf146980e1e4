//! `rolo company add|list`.

use rolo::Kind;
use rolo::filter::ListFilter;

use rolo::draft::Draft;

use super::draft;
use super::list::{self, ListArgs};
use super::{CliResult, Context};

#[derive(clap::Subcommand, Debug)]
pub enum CompanyCommand {
    Add(CompanyAddArgs),
    List(CompanyListArgs),
}

/// Add a company and print its id
#[derive(clap::Args, Debug)]
pub struct CompanyAddArgs {
    /// The company's name as it writes it ("ТОО «Алтын Мебель»", "Müller & Söhne GmbH")
    name: String,
    /// Web or mail domain (example.com)
    #[arg(long)]
    domain: Option<String>,
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    owner: Option<String>,
    #[arg(long)]
    source: Option<String>,
    /// Custom field KEY=VALUE (repeatable)
    #[arg(long = "field", value_name = "KEY=VALUE", value_parser = super::key_value)]
    fields: Vec<(String, String)>,
}

/// List companies
#[derive(clap::Args, Debug)]
pub struct CompanyListArgs {
    #[command(flatten)]
    common: ListArgs,
    #[arg(long = "city")]
    cities: Vec<String>,
    #[arg(long = "source")]
    sources: Vec<String>,
    /// Only those nobody has talked to for this long (90d, 3m)
    #[arg(long, value_name = "SPAN")]
    quiet_since: Option<String>,
}

pub fn run(ctx: &Context, cmd: CompanyCommand) -> CliResult {
    match cmd {
        CompanyCommand::Add(a) => {
            let book = ctx.open_book()?;
            let mut d = Draft::new(Kind::Company);
            d.text("name", Some(&a.name));
            d.text("domain", a.domain.as_deref());
            d.list("tags", &a.tags);
            d.text("city", a.city.as_deref());
            d.text("owner", a.owner.as_deref().or(Some(&book.config.defaults.owner)));
            d.text("source", a.source.as_deref());
            d.created(ctx.clock.now());
            d.fields(&a.fields, ctx.clock.now())?;
            draft::create(ctx, &book, d, &a.name, a.name.trim())
        }
        CompanyCommand::List(a) => {
            let book = ctx.open_book()?;
            let filter = ListFilter {
                cities: a.cities.clone(),
                sources: a.sources.clone(),
                quiet_since: list::span_before(ctx, a.quiet_since.as_deref())?,
                ..a.common.filter()
            };
            list::print(ctx, &book, Kind::Company, &filter, &a.common)
        }
    }
}
