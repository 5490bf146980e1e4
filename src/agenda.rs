//! The agenda: what needs the user's attention on their day (`agenda`,
//! `today`, `digest`): overdue and upcoming tasks, follow-ups due, birthdays, deals
//! closing and deals gone quiet.
//!
//! Pure: records (parsed files or index cards), last contacts, the config and `now` go
//! in, items come out; the CLI renders them as a table, JSON, text, Markdown or HTML.

/// Sets of ids asked of every record: a fast hash (foldhash).
type HashSet<T> = foldhash::HashSet<T>;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::config::Config;
use crate::dates::{Cadence, When};
use crate::filter::{is_open, is_overdue};
use crate::model::bytes::{In, Out};
use crate::model::facts::{
    FactsRef, LastContacts, birthday_in, birthday_of, deal_links, floor_days, own_follow_up,
    written_day,
};
use crate::model::{Kind, View};
use crate::pipeline;

/// The kinds of item, in the order the agenda shows them; `name` is the `--json` kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// An open task past its due date (a date at the end of that day, a datetime at that time).
    Overdue,
    /// An open task due today or within the look-ahead.
    Due,
    /// A contact (or company) whose keep-in-touch cadence has run out.
    FollowUp,
    /// A birthday today or within the look-ahead.
    Birthday,
    /// An open deal whose `close` date is past or within the look-ahead.
    Closing,
    /// An open deal with no interaction for `digest.stale_deal_days`.
    Stale,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Overdue,
        ItemKind::Due,
        ItemKind::FollowUp,
        ItemKind::Birthday,
        ItemKind::Closing,
        ItemKind::Stale,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Overdue => "overdue",
            ItemKind::Due => "due",
            ItemKind::FollowUp => "follow_up",
            ItemKind::Birthday => "birthday",
            ItemKind::Closing => "closing",
            ItemKind::Stale => "stale",
        }
    }
}

/// What an item says beyond its record and date.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Task {
        due: When,
        about: Vec<String>,
        repeat: Option<String>,
    },
    FollowUp {
        /// As written (`30d`), or as the default that applied.
        cadence: String,
        /// `tag vip`, `stage customer` when a default from rolo.toml applied.
        from_default: Option<String>,
        last_contact: Option<NaiveDate>,
    },
    Birthday {
        /// As written: `1988-04-12` or `04-12`.
        birthday: String,
        /// The age they turn, when the year is known.
        age: Option<i32>,
    },
    Deal {
        stage: String,
        value: Option<f64>,
        currency: String,
        close: Option<NaiveDate>,
        last_contact: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// The local day the item is about: due, follow-up due, birthday, close, gone stale.
    pub day: NaiveDate,
    pub record: Kind,
    pub id: String,
    pub title: String,
    pub owner: String,
    pub detail: Detail,
}

impl Item {
    /// The id to type in the next command: bare where the section's kind is the usual
    /// one, `company/…` for a company's follow-up.
    pub fn reference(&self) -> String {
        match self.record {
            Kind::Company => format!("company/{}", self.id),
            _ => self.id.clone(),
        }
    }
}

/// An item as `--json` shows it: `kind`, `date`, `type`, `id`, `title`, `owner`, `days`
/// (from `today`, negative in the past) and what its kind adds. Written straight, not
/// built as a tree of values first (a large book's agenda has 18,000 items).
pub struct ItemJson<'a> {
    pub item: &'a Item,
    pub today: NaiveDate,
}

impl Serialize for ItemJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let i = self.item;
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("kind", i.kind.name())?;
        m.serialize_entry("date", &iso(i.day))?;
        m.serialize_entry("type", i.record.name())?;
        m.serialize_entry("id", &i.id)?;
        m.serialize_entry("title", &i.title)?;
        m.serialize_entry("owner", &i.owner)?;
        m.serialize_entry("days", &(i.day - self.today).num_days())?;
        let day = |d: &Option<NaiveDate>| d.map(iso);
        match &i.detail {
            Detail::Task { due, about, repeat } => {
                m.serialize_entry("due", due.to_toml().to_string().trim())?;
                m.serialize_entry("about", about)?;
                if let Some(r) = repeat {
                    m.serialize_entry("repeat", r)?;
                }
            }
            Detail::FollowUp { cadence, from_default, last_contact } => {
                m.serialize_entry("follow_up", cadence)?;
                if let Some(d) = from_default {
                    m.serialize_entry("follow_up_from", d)?;
                }
                m.serialize_entry("last_contact", &day(last_contact))?;
            }
            Detail::Birthday { birthday, age } => {
                m.serialize_entry("birthday", birthday)?;
                if let Some(a) = age {
                    m.serialize_entry("age", a)?;
                }
            }
            Detail::Deal { stage, value, currency, close, last_contact } => {
                m.serialize_entry("stage", stage)?;
                // A value that is no finite number is written as null, as JSON has none.
                m.serialize_entry("value", value)?;
                m.serialize_entry("currency", currency)?;
                m.serialize_entry("close", &day(close))?;
                m.serialize_entry("last_contact", &day(last_contact))?;
            }
        }
        m.end()
    }
}

fn iso(d: NaiveDate) -> String {
    d.to_string()
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Look-ahead in days for due tasks, birthdays and closing deals (0: today only).
    pub days: u32,
    /// Only records of these owners (any case); empty: everyone's.
    pub owners: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agenda {
    pub today: NaiveDate,
    /// In section order, then by day, then by title.
    pub items: Vec<Item>,
    /// Values the agenda could not read (`contacts/x.md: follow_up "3x": …`), for stderr.
    pub problems: Vec<String>,
    /// The moment it was judged at: it holds from then ([`Agenda::holds_at`]).
    pub judged: Option<DateTime<FixedOffset>>,
    /// The last moment it holds, if one comes before its day is over: the earliest due
    /// time not yet past of an open task due at a time (it falls overdue just after; it
    /// may be on a later day). Everything else in it changes only with the day.
    pub until: Option<DateTime<FixedOffset>>,
}

impl Agenda {
    pub fn of(&self, kind: ItemKind) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.kind == kind)
    }

    /// Whether this agenda is the agenda at `now`: on its day, from the moment it was
    /// judged at (a task due at a time before then may not have been overdue yet) until
    /// it stops holding.
    pub fn holds_at(&self, now: DateTime<FixedOffset>) -> bool {
        now.date_naive() == self.today
            && self.judged.is_some_and(|judged| judged <= now)
            && self.until.is_none_or(|until| now <= until)
    }

    /// The binary form kept beside the index ([`Agenda::decode`] reads it back).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Out(Vec::with_capacity(96 * self.items.len() + 64));
        out.i32(self.today.num_days_from_ce());
        for moment in [&self.judged, &self.until] {
            match moment {
                Some(at) => {
                    out.u8(1);
                    out.when(&When::At(*at));
                }
                None => out.u8(0),
            }
        }
        out.count(self.items.len());
        for i in &self.items {
            i.encode(&mut out);
        }
        out.count(self.problems.len());
        self.problems.iter().for_each(|p| out.str(p));
        out.0
    }

    /// What [`Agenda::encode`] wrote; `None` for anything else (cut short, damaged).
    pub fn decode(bytes: &[u8]) -> Option<Agenda> {
        let mut input = In { bytes, at: 0 };
        let today = NaiveDate::from_num_days_from_ce_opt(input.i32()?)?;
        let mut moment = || match input.u8()? {
            0 => Some(None),
            1 => match input.when()? {
                When::At(at) => Some(Some(at)),
                _ => None,
            },
            _ => None,
        };
        let (judged, until) = (moment()?, moment()?);
        // Each item takes more than 16 bytes: a count beyond that is damage.
        let count = input.count().filter(|n| *n <= bytes.len() / 16)?;
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(Item::decode(&mut input)?);
        }
        let count = input.count().filter(|n| *n <= bytes.len() / 4)?;
        let mut problems = Vec::with_capacity(count);
        for _ in 0..count {
            problems.push(input.str()?.to_string());
        }
        input.done().then_some(Agenda { today, items, problems, judged, until })
    }
}

impl Item {
    fn encode(&self, out: &mut Out) {
        let kind = ItemKind::ALL.iter().position(|k| *k == self.kind).unwrap_or(0);
        out.u8(u8::try_from(kind).unwrap_or(0));
        out.i32(self.day.num_days_from_ce());
        out.kind(self.record);
        out.str(&self.id);
        out.str(&self.title);
        out.str(&self.owner);
        let day = |out: &mut Out, d: &Option<NaiveDate>| match d {
            Some(d) => {
                out.u8(1);
                out.i32(d.num_days_from_ce());
            }
            None => out.u8(0),
        };
        match &self.detail {
            Detail::Task { due, about, repeat } => {
                out.u8(0);
                out.when(due);
                out.count(about.len());
                about.iter().for_each(|a| out.str(a));
                out.opt_str(repeat.as_deref());
            }
            Detail::FollowUp { cadence, from_default, last_contact } => {
                out.u8(1);
                out.str(cadence);
                out.opt_str(from_default.as_deref());
                day(out, last_contact);
            }
            Detail::Birthday { birthday, age } => {
                out.u8(2);
                out.str(birthday);
                match age {
                    Some(age) => {
                        out.u8(1);
                        out.i32(*age);
                    }
                    None => out.u8(0),
                }
            }
            Detail::Deal { stage, value, currency, close, last_contact } => {
                out.u8(3);
                out.str(stage);
                match value {
                    Some(v) => {
                        out.u8(1);
                        out.i64(v.to_bits() as i64);
                    }
                    None => out.u8(0),
                }
                out.str(currency);
                day(out, close);
                day(out, last_contact);
            }
        }
    }

    fn decode(input: &mut In) -> Option<Item> {
        let kind = *ItemKind::ALL.get(usize::from(input.u8()?))?;
        let day = NaiveDate::from_num_days_from_ce_opt(input.i32()?)?;
        let record = input.kind()?;
        let (id, title, owner) =
            (input.str()?.to_string(), input.str()?.to_string(), input.str()?.to_string());
        let opt_day = |input: &mut In| -> Option<Option<NaiveDate>> {
            match input.u8()? {
                0 => Some(None),
                1 => NaiveDate::from_num_days_from_ce_opt(input.i32()?).map(Some),
                _ => None,
            }
        };
        let detail = match input.u8()? {
            0 => {
                let due = input.when()?;
                let count = input.count().filter(|n| *n <= input.bytes.len() / 4)?;
                let mut about = Vec::with_capacity(count);
                for _ in 0..count {
                    about.push(input.str()?.to_string());
                }
                Detail::Task { due, about, repeat: input.opt_str()?.map(String::from) }
            }
            1 => Detail::FollowUp {
                cadence: input.str()?.to_string(),
                from_default: input.opt_str()?.map(String::from),
                last_contact: opt_day(input)?,
            },
            2 => Detail::Birthday {
                birthday: input.str()?.to_string(),
                age: match input.u8()? {
                    0 => None,
                    1 => Some(input.i32()?),
                    _ => return None,
                },
            },
            3 => Detail::Deal {
                stage: input.str()?.to_string(),
                value: match input.u8()? {
                    0 => None,
                    1 => Some(f64::from_bits(input.i64()? as u64)),
                    _ => return None,
                },
                currency: input.str()?.to_string(),
                close: opt_day(input)?,
                last_contact: opt_day(input)?,
            },
            _ => return None,
        };
        Some(Item { kind, day, record, id, title, owner, detail })
    }
}

/// The kinds of records the agenda reads (besides the notes that give last contacts):
/// those of [`Part::Rest`], then those of [`Part::Deals`].
pub const KINDS: [Kind; 4] = [Kind::Task, Kind::Contact, Kind::Company, Kind::Deal];

/// The keys [`agenda`] reads of a record (besides its type, id and path): what a row
/// read for it must hold.
pub const KEYS: [&str; 18] = [
    "name",
    "title",
    "owner",
    "about",
    "due",
    "done",
    "repeat",
    "stage",
    "tags",
    "follow_up",
    "created",
    "history",
    "birthday",
    "close",
    "value",
    "currency",
    "contact",
    "company",
];

/// Build the agenda for the local day of `now`.
///
/// `records` may be of every kind, in any order; it must hold at least the open tasks
/// (an open task about a record handles its follow-up), the contacts and companies with
/// a birthday or a cadence, and the open deals. More is fine: each is tested.
/// `last_contact` is the newest note per contact, company and deal.
pub fn agenda<V: View + Sync>(
    records: &[V],
    last_contact: &LastContacts,
    config: &Config,
    now: DateTime<FixedOffset>,
    opts: &Options,
) -> Agenda {
    let day = Day::of(now, config, opts);
    let last = |r: &V| last_contact.counted(r.kind(), r.id(), deal_links(r));
    joined(Part::side_by_side(|part| day.part(records, part, &last)))
}

/// The agenda's sections in two parts that depend on nothing of each other, so that
/// they can be judged apart (on two cores) and [`joined`]: the deals, and the rest
/// (tasks, then the follow-ups that no task handles, then birthdays).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Rest,
    Deals,
}

impl Part {
    /// In the order [`joined`] takes them.
    pub const BOTH: [Part; 2] = [Part::Rest, Part::Deals];

    /// Both parts made by `make`, the deals on a thread of their own (they give half
    /// the items of a busy book), in the order [`joined`] takes them.
    pub fn side_by_side<T: Send>(make: impl Fn(Part) -> T + Sync) -> [T; 2] {
        std::thread::scope(|scope| {
            let deals = scope.spawn(|| make(Part::Deals));
            let rest = make(Part::Rest);
            [rest, deals.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))]
        })
    }

    /// The kinds of records the part reads (of [`KINDS`]).
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Part::Rest => &KINDS[..3],
            Part::Deals => &KINDS[3..],
        }
    }
}

/// One [`Part`] of the agenda of `records` (those of other kinds are passed over), its
/// items in order. `last` gives a record's last contact as the agenda counts it
/// ([`LastContacts::counted`]; the candidates' facts hold it).
pub fn part<V: View>(
    records: &[V],
    part: Part,
    last: impl Fn(&V) -> Option<When>,
    config: &Config,
    now: DateTime<FixedOffset>,
    opts: &Options,
) -> Agenda {
    Day::of(now, config, opts).part(records, part, &last)
}

/// The agenda made of its parts (in the order of [`Part::BOTH`]), its items in order.
pub fn joined([mut rest, deals]: [Agenda; 2]) -> Agenda {
    // Items are ordered by section first, and the rest's sections all come before the
    // deals' (the order of `ItemKind`): the parts, each in order, one after the other
    // are in order. Sorted again only if that ever stops being so.
    let apart = match (rest.items.last(), deals.items.first()) {
        (Some(a), Some(b)) => a.kind < b.kind,
        _ => true,
    };
    rest.items.extend(deals.items);
    rest.problems.extend(deals.problems);
    rest.until = rest.until.into_iter().chain(deals.until).min();
    if !apart {
        sort(&mut rest.items);
    }
    rest
}

/// By section, day, a timed task's time (each item's found once: it may need the local
/// time zone), title and id; items equal in all of them keep their order.
fn sort(items: &mut [Item]) {
    let instants: Vec<_> = items.iter().map(due_instant).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Unstable, with the position last: the same order as a stable sort, faster.
    order.sort_unstable_by(|&i, &j| {
        let (x, y) = (&items[i], &items[j]);
        (x.kind, x.day)
            .cmp(&(y.kind, y.day))
            .then_with(|| instants[i].cmp(&instants[j]))
            .then_with(|| (&x.title, &x.id).cmp(&(&y.title, &y.id)))
            .then(i.cmp(&j))
    });
    // Put in that order in place, a cycle of swaps at a time (no second list of items).
    let mut place: Vec<usize> = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        place[from] = to;
    }
    for start in 0..items.len() {
        while place[start] != start {
            let to = place[start];
            items.swap(start, to);
            place.swap(start, to);
        }
    }
}

/// What every section of one agenda reads: the day, the look-ahead, the config and the
/// options.
struct Day<'a> {
    now: DateTime<FixedOffset>,
    today: NaiveDate,
    horizon: NaiveDate,
    config: &'a Config,
    opts: &'a Options,
}

impl<'a> Day<'a> {
    fn of(now: DateTime<FixedOffset>, config: &'a Config, opts: &'a Options) -> Day<'a> {
        // `now` is in the user's zone (`Clock::now`): its date is today.
        let today = now.date_naive();
        let horizon =
            today.checked_add_days(chrono::Days::new(opts.days.into())).unwrap_or(NaiveDate::MAX);
        Day { now, today, horizon, config, opts }
    }

    /// Whether the record is one of the owners' asked for (everyone's when none are).
    fn wanted(&self, r: &impl View) -> bool {
        self.opts.owners.is_empty() || {
            let owner = pipeline::owner(r, self.config).to_lowercase();
            self.opts.owners.iter().any(|o| o.to_lowercase() == owner)
        }
    }

    /// `last`: a record's last contact as the agenda counts it.
    fn part<V: View>(
        &self,
        records: &[V],
        part: Part,
        last: &impl Fn(&V) -> Option<When>,
    ) -> Agenda {
        let of = |kind| records.iter().filter(move |r| r.kind() == kind);
        let mut a = Agenda { today: self.today, judged: Some(self.now), ..Agenda::default() };
        // Room made once (thousands of items): at most an item per record, two per deal.
        match part {
            Part::Rest => {
                a.items.reserve(records.len());
                let handled = self.tasks(of(Kind::Task), &mut a);
                let people = of(Kind::Contact).chain(of(Kind::Company));
                self.follow_ups(people, &handled, last, &mut a);
                self.birthdays(of(Kind::Contact), &mut a);
            }
            Part::Deals => {
                a.items.reserve(2 * of(Kind::Deal).count());
                self.deals(of(Kind::Deal), last, &mut a);
            }
        }
        sort(&mut a.items);
        a
    }

    fn item(&self, kind: ItemKind, day: NaiveDate, r: &impl View, detail: Detail) -> Item {
        Item {
            kind,
            day,
            record: r.kind(),
            id: r.id().to_string(),
            title: r.title(),
            owner: pipeline::owner(r, self.config),
            detail,
        }
    }

    /// Overdue and due tasks; returns what every open task is about, whoever owns it.
    fn tasks<'r, V: View + 'r>(
        &self,
        tasks: impl Iterator<Item = &'r V>,
        a: &mut Agenda,
    ) -> HashSet<&'r str> {
        let mut handled: HashSet<&str> = HashSet::default();
        for t in tasks.filter(|t| is_open(*t, self.config)) {
            let about = t.strs("about");
            handled.extend(about.iter().copied());
            let Some(due) = t.when("due") else { continue };
            // Due at a time not yet past: the agenda holds until then. One due on a later
            // day counts too (the day changes the agenda first): none is left out.
            if !matches!(due, When::Date(_)) {
                let at = due.instant();
                if at >= self.now {
                    a.until = Some(a.until.map_or(at, |until| until.min(at)));
                }
            }
            if !self.wanted(t) {
                continue;
            }
            let kind = if is_overdue(t, self.now, self.config) {
                ItemKind::Overdue
            } else if due.local_date() <= self.horizon {
                ItemKind::Due
            } else {
                continue;
            };
            let about = about.into_iter().map(String::from).collect();
            let repeat = t.str("repeat").map(String::from);
            let detail = Detail::Task { due, about, repeat };
            a.items.push(self.item(kind, due.local_date(), t, detail));
        }
        handled
    }

    /// Follow-ups: the cadence ran out since the last note, and no open task is about it
    /// (`handled`: `about` values as written, a bare id or `type/id`).
    fn follow_ups<'r, V: View + 'r>(
        &self,
        records: impl Iterator<Item = &'r V>,
        handled: &HashSet<&str>,
        last_contact: &impl Fn(&V) -> Option<When>,
        a: &mut Agenda,
    ) {
        // Split once here, so that the test per record allocates nothing.
        let qualified: HashSet<(&str, &str)> =
            handled.iter().filter_map(|v| v.split_once('/')).collect();
        let is_handled =
            |r: &V| handled.contains(r.id()) || qualified.contains(&(r.kind().name(), r.id()));
        for r in records {
            if !self.wanted(r) {
                continue;
            }
            let (cadence, text, from_default) = match cadence_of(r, self.config) {
                Ok(Some(c)) => c,
                Ok(None) => continue,
                Err(message) => {
                    a.problems.push(format!("{}: {message}", r.path().display()));
                    continue;
                }
            };
            let last = last_contact(r).map(|w| w.local_date());
            let since = last.or_else(|| pipeline::created_at(r).map(|w| w.local_date()));
            // Never contacted and no `created`: due now. A cadence past the calendar's
            // end: never.
            let due = match since {
                Some(d) => cadence.after(d),
                None => Some(self.today),
            };
            if let Some(due) = due
                && due <= self.today
                && !is_handled(r)
            {
                let detail = Detail::FollowUp { cadence: text, from_default, last_contact: last };
                a.items.push(self.item(ItemKind::FollowUp, due, r, detail));
            }
        }
    }

    /// Birthdays within the look-ahead.
    fn birthdays<'r, V: View + 'r>(&self, contacts: impl Iterator<Item = &'r V>, a: &mut Agenda) {
        for r in contacts.filter(|r| r.has("birthday")) {
            if !self.wanted(r) {
                continue;
            }
            let Some((year, month, day)) = birthday_of(r) else {
                a.problems.push(format!(
                    "{}: birthday must be a date (1988-04-12) or \"MM-DD\"",
                    r.path().display()
                ));
                continue;
            };
            let today = self.today;
            let next = match birthday_in(today.year(), month, day) {
                Some(d) if d >= today => Some(d),
                _ => birthday_in(today.year() + 1, month, day),
            };
            let Some(next) = next.filter(|d| *d <= self.horizon) else { continue };
            let age = year.map(|y| next.year() - y).filter(|a| *a > 0);
            let birthday = match year {
                Some(y) => format!("{y:04}-{month:02}-{day:02}"),
                None => format!("{month:02}-{day:02}"),
            };
            let detail = Detail::Birthday { birthday, age };
            a.items.push(self.item(ItemKind::Birthday, next, r, detail));
        }
    }

    /// Open deals: closing within the look-ahead (or past their date), or gone quiet.
    fn deals<'r, V: View + 'r>(
        &self,
        deals: impl Iterator<Item = &'r V>,
        last_contact: &impl Fn(&V) -> Option<When>,
        a: &mut Agenda,
    ) {
        let stale_days = i64::from(self.config.digest.stale_deal_days);
        for d in deals.filter(|d| is_open(*d, self.config)) {
            if !self.wanted(d) {
                continue;
            }
            let close = d.when("close").map(|w| w.local_date());
            // The newest note about it, its contact or its company.
            let last = last_contact(d).map(|w| w.local_date());
            let closing = close.filter(|c| *c <= self.horizon);
            let since = last.or_else(|| pipeline::created_at(d).map(|w| w.local_date()));
            let stale = since
                .filter(|since| (self.today - *since).num_days() >= stale_days)
                .map(|since| since + chrono::Duration::days(stale_days));
            let mut shown = [(ItemKind::Closing, closing), (ItemKind::Stale, stale)]
                .into_iter()
                .filter_map(|(kind, day)| Some((kind, day?)));
            let Some((kind, day)) = shown.next() else { continue };
            let detail = Detail::Deal {
                stage: d.str("stage").unwrap_or_default().to_string(),
                value: d.number("value"),
                currency: pipeline::currency(d, self.config),
                close,
                last_contact: last,
            };
            // Made once; a deal both closing and stale gives a copy for the second.
            let item = self.item(kind, day, d, detail);
            let second = shown.next().map(|(kind, day)| Item { kind, day, ..item.clone() });
            a.items.extend(std::iter::once(item).chain(second));
        }
    }
}

/// A record that may give an agenda item ([`candidates`]), and its last contact as the
/// agenda counts it (from its facts), for [`part`] to judge it by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'f> {
    pub kind: Kind,
    pub id: &'f str,
    pub last: Option<When>,
}

/// The records that may give an agenda item on the local day of `now` with this
/// look-ahead (a superset: [`agenda`] decides), and the open tasks about any of them
/// (an open task about a record handles its follow-up). Each fact's last contact is
/// its own [`FactsRef::last`]: nothing is looked up.
pub fn candidates<'f>(
    facts: impl Iterator<Item = FactsRef<'f>>,
    config: &Config,
    now: DateTime<FixedOffset>,
    days: u32,
) -> Vec<Candidate<'f>> {
    // `now` is in the user's zone (`Clock::now`): its date is today.
    let today = now.date_naive();
    let horizon = today.checked_add_days(chrono::Days::new(days.into())).unwrap_or(NaiveDate::MAX);
    let (t, h) = (today.num_days_from_ce(), horizon.num_days_from_ce());
    // A date written with an offset may fall up to two days either side of the local
    // date (offsets run from -12:00 to +14:00).
    let slack = 2;
    let stale = i32::try_from(config.digest.stale_deal_days).unwrap_or(i32::MAX);
    let defaults = &config.follow_up;
    // Room for every fact given (pages are only touched as they are used).
    let room = facts.size_hint().1.unwrap_or(0);
    let mut out = Vec::with_capacity(room);
    // The records whose follow-up is due, by id and by `type/id` (as `about` names them).
    let mut follow_ups: foldhash::HashSet<&str> = Default::default();
    let mut qualified: foldhash::HashSet<(Kind, &str)> = Default::default();
    // Open tasks due after the look-ahead (or never) that are about something: they
    // are wanted if they handle a follow-up, known once every record has been seen.
    let mut later: Vec<FactsRef> = Vec::with_capacity(room);
    for f in facts {
        let hit = match f.kind {
            Kind::Task if !f.done && f.due.is_none_or(|d| d > h.saturating_add(slack)) => {
                if f.links.iter().next().is_some() {
                    later.push(f);
                }
                false
            }
            Kind::Task => !f.done,
            Kind::Deal => {
                // Won and lost deals are left to `agenda` (`filter::is_open`): the stage
                // column cannot tell `stage = "won"` from `stage = ["won"]`, which is open.
                let closing = f.close.is_some_and(|c| c <= h.saturating_add(slack));
                // The newest note as written, within two days of the local date.
                let quiet = f
                    .last
                    .map(written_day)
                    .or(f.created)
                    .is_some_and(|since| since.saturating_add(stale) <= t + slack);
                closing || quiet
            }
            Kind::Contact | Kind::Company => {
                let birthday = f.birthday.is_some_and(|md| {
                    md == 0 || {
                        let (m, d) = (md / 100, md % 100);
                        let next = match birthday_in(today.year(), m, d) {
                            Some(n) if n >= today => Some(n),
                            _ => birthday_in(today.year() + 1, m, d),
                        };
                        next.is_none_or(|n| n <= horizon)
                    }
                });
                let floor = match f.follow_up {
                    Some(n) => Some(n),
                    None if f.kind == Kind::Contact => f
                        .tags
                        .iter()
                        .filter_map(|tag| defaults.tags.get(tag))
                        .chain(f.stage.and_then(|s| defaults.stages.get(s)))
                        .map(|c| floor_days(*c))
                        .min(),
                    None => None,
                };
                let follow_up = floor.is_some_and(|n| {
                    n == 0
                        || (n > 0
                            && f.last
                                .map(written_day)
                                .or(f.created)
                                .is_none_or(|since| since.saturating_add(n) <= t + slack))
                });
                if follow_up {
                    follow_ups.insert(f.id);
                    qualified.insert((f.kind, f.id));
                }
                birthday || follow_up
            }
            Kind::Note => false,
        };
        if hit {
            out.push(Candidate { kind: f.kind, id: f.id, last: f.last });
        }
    }
    let handles = |link: &str| match link.split_once('/') {
        Some((kind, id)) => kind.parse().is_ok_and(|kind| qualified.contains(&(kind, id))),
        None => follow_ups.contains(link),
    };
    let handling = later.into_iter().filter(|f| f.links.iter().any(handles));
    out.extend(handling.map(|f| Candidate { kind: f.kind, id: f.id, last: f.last }));
    out
}

/// A timed task sorts by its time within the day; everything else first.
fn due_instant(i: &Item) -> Option<DateTime<FixedOffset>> {
    match &i.detail {
        Detail::Task { due: due @ (When::At(_) | When::Local(_)), .. } => Some(due.instant()),
        _ => None,
    }
}

/// A record's keep-in-touch cadence: its own `follow_up`, else the shortest default of
/// its tags and stage (contacts only).
fn cadence_of(
    r: &impl View,
    config: &Config,
) -> Result<Option<(Cadence, String, Option<String>)>, String> {
    if let Some(own) = own_follow_up(r) {
        return own.map(|c| c.map(|(c, text)| (c, text, None)));
    }
    if r.kind() != Kind::Contact {
        return Ok(None);
    }
    let d = &config.follow_up;
    let by_tag = r.strs("tags").into_iter().filter_map(|t| {
        let t = t.to_lowercase();
        d.tags.get(&t).map(|c| (*c, format!("tag {t}")))
    });
    let by_stage = r.str("stage").and_then(|s| {
        let s = s.to_lowercase();
        d.stages.get(&s).map(|c| (*c, format!("stage {s}")))
    });
    // The shortest: the one that comes round first from the same day.
    let base = NaiveDate::from_ymd_opt(2000, 1, 31).unwrap_or_default();
    let best = by_tag.chain(by_stage).min_by_key(|(c, _)| c.after(base));
    Ok(best.map(|(c, from)| (c, c.to_string(), Some(from))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::test_record as record;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Every kind of item, detail and date, in several scripts, with problems and the
    /// moment it stops holding: read back as written. Cut short or longer, it is not.
    #[test]
    fn an_agenda_reads_back_as_written() {
        let records = vec![
            record(
                Kind::Task,
                "t1",
                "title = \"Позвонить Анне\"\ndue = 2026-11-20\nabout = [\"anna\", \"company/王\"]\nrepeat = \"1w\"\nowner = \"Асель\"",
            ),
            record(Kind::Task, "t2", "title = \"会议\"\ndue = 2026-11-23T18:30:00+05:00"),
            record(Kind::Task, "t3", "title = \"Termin\"\ndue = 2026-11-24T09:00:00"),
            record(
                Kind::Contact,
                "anna",
                "name = \"Анна\"\nfollow_up = \"2w\"\nbirthday = 1988-11-25",
            ),
            record(
                Kind::Contact,
                "qanat",
                "name = \"Қанат\"\nbirthday = \"11-24\"\ntags = [\"vip\"]",
            ),
            record(Kind::Contact, "bad", "name = \"Jörg\"\nfollow_up = \"3x\""),
            record(
                Kind::Deal,
                "d1",
                "title = \"Сайт\"\nstage = \"lead\"\nvalue = 1500.25\ncurrency = \"KZT\"\nclose = 2026-11-25",
            ),
            record(Kind::Deal, "d2", "title = \"Alt\"\nstage = \"lead\"\ncreated = 2026-01-01"),
        ];
        let mut config = Config::default();
        config.follow_up.tags.insert("vip".into(), "1m".parse().unwrap());
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        let opts = Options { days: 7, owners: Vec::new() };
        let agenda = agenda(&records, &LastContacts::default(), &config, now, &opts);
        let kinds: HashSet<ItemKind> = agenda.items.iter().map(|i| i.kind).collect();
        assert_eq!(kinds.len(), ItemKind::ALL.len(), "{agenda:#?}");
        assert!(!agenda.problems.is_empty());
        // The task due at 18:30 today falls overdue just after.
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(agenda.until, Some(at("2026-11-23T18:30:00+05:00")));
        let bytes = agenda.encode();
        assert_eq!(Agenda::decode(&bytes), Some(agenda.clone()));
        for cut in 0..bytes.len() {
            assert_eq!(Agenda::decode(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(Agenda::decode(&[bytes.as_slice(), &[0]].concat()), None);
        // It holds from when it was judged until then, on its day alone.
        assert_eq!(agenda.judged, Some(now));
        assert!(agenda.holds_at(now));
        assert!(!agenda.holds_at(at("2026-11-23T09:59:59+05:00")));
        assert!(agenda.holds_at(at("2026-11-23T18:30:00+05:00")));
        assert!(!agenda.holds_at(at("2026-11-23T18:30:01+05:00")));
        assert!(!agenda.holds_at(at("2026-11-22T23:00:00+05:00")));
        let later = Agenda { until: None, ..agenda.clone() };
        assert!(later.holds_at(at("2026-11-23T23:59:59+05:00")));
        assert!(!later.holds_at(at("2026-11-24T00:00:00+05:00")));
        // Judged at that moment: not overdue yet, and it holds until the same moment.
        let judged = |now| super::agenda(&records, &LastContacts::default(), &config, now, &opts);
        let then = judged(at("2026-11-23T18:30:00+05:00"));
        assert!(then.of(ItemKind::Due).any(|i| i.id == "t2"));
        assert_eq!(then.until, agenda.until);
        // Judged once it no longer holds: the task is overdue.
        let after = judged(at("2026-11-23T18:30:01+05:00"));
        assert!(after.of(ItemKind::Overdue).any(|i| i.id == "t2"));
        // Then until the next (a local time: when it falls depends on the zone).
        assert!(after.until.is_some_and(|until| until > at("2026-11-23T18:30:00+05:00")));
    }

    /// Deals judged on a thread of their own give the agenda judged on one: the same
    /// items in the same order, the same problems.
    #[test]
    fn deals_judged_beside_the_rest_give_the_same_agenda() {
        let mut records = Vec::new();
        for i in 0..300 {
            let due = format!("2026-11-{:02}", 1 + i % 30);
            let front =
                format!("title = \"Задача {}\"\ndue = {due}\nabout = [\"c{}\"]", i % 7, i % 50);
            records.push(record(Kind::Task, &format!("t{i}"), &front));
        }
        for i in 0..100 {
            let front = format!("name = \"Қуаныш {}\"\nfollow_up = \"{}w\"", i % 9, 1 + i % 3);
            records.push(record(Kind::Contact, &format!("c{i}"), &front));
        }
        records.push(record(Kind::Contact, "bad", "name = \"x\"\nfollow_up = \"3x\""));
        for i in 0..2100 {
            let close = if i % 500 == 0 {
                "\"soon\"".to_string()
            } else {
                format!("2026-11-{:02}", 1 + i % 28)
            };
            let front = format!(
                "title = \"Сделка {}\"\nstage = \"lead\"\nclose = {close}\ncreated = 2026-0{}-01",
                i % 11,
                1 + i % 9
            );
            records.push(record(Kind::Deal, &format!("d{i}"), &front));
        }
        let config = Config::default();
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        let last = LastContacts::default();
        let opts = Options { days: 7, owners: Vec::new() };
        let day = Day::of(now, &config, &opts);
        let none = |_: &crate::model::Record| None;
        let alone = joined(Part::BOTH.map(|part| day.part(&records, part, &none)));
        let beside = agenda(&records, &last, &config, now, &opts);
        assert!(alone.items.len() > 2000 && !alone.problems.is_empty(), "{alone:?}");
        assert_eq!(alone.items, beside.items);
        assert_eq!(alone.problems, beside.problems);
        // The parts one after the other are in the order one sort of all gives.
        let mut sorted = alone.items.clone();
        sort(&mut sorted);
        assert_eq!(sorted, alone.items);
        // Parts whose sections were to overlap are put in order all the same.
        let [rest, deals] = Part::BOTH.map(|part| day.part(&records, part, &none));
        let mut swapped = deals.clone();
        swapped.items.extend(rest.items.iter().take(50).cloned());
        let overlapping = joined([swapped, rest.clone()]);
        let mut expected = rest.items.iter().take(50).cloned().collect::<Vec<_>>();
        expected.extend(deals.items.iter().cloned());
        expected.extend(rest.items.iter().cloned());
        sort(&mut expected);
        assert_eq!(overlapping.items, expected);
    }

    /// Whatever the day and look-ahead, every record the agenda shows is among the
    /// candidates the index's facts pick (which is what lets the index read only those).
    #[test]
    fn candidates_hold_every_item() {
        use crate::model::Catalog;
        let records = vec![
            record(Kind::Task, "t1", "title = \"Позвонить\"\ndue = 2026-11-23\nabout = [\"anna\"]"),
            record(Kind::Task, "t2", "title = \"会议\"\ndue = 2026-11-30T23:30:00-08:00"),
            record(
                Kind::Task,
                "t3",
                "title = \"x\"\ndue = 2026-11-20\ndone = 2026-11-21T10:00:00Z",
            ),
            record(Kind::Task, "t5", "title = \"ahead\"\ndue = 2026-12-01T00:30:00+14:00"),
            record(Kind::Task, "t4", "title = \"about boris\"\nabout = [\"contact/boris\"]"),
            record(
                Kind::Contact,
                "anna",
                "name = \"Анна\"\nfollow_up = \"1m\"\nbirthday = 1988-02-29\ncreated = 2026-01-01T00:00:00Z",
            ),
            record(Kind::Contact, "boris", "name = \"Борис\"\nfollow_up = \"2w\""),
            record(
                Kind::Contact,
                "wang",
                "name = \"王\"\ntags = [\"VIP\"]\nbirthday = \"12-01\"\nstage = \"customer\"",
            ),
            record(
                Kind::Contact,
                "bad",
                "name = \"Bad\"\nfollow_up = \"3x\"\nbirthday = \"13-40\"",
            ),
            record(
                Kind::Company,
                "acme",
                "name = \"Acme\"\nfollow_up = \"90d\"\ncreated = 2026-05-01T00:00:00Z",
            ),
            record(
                Kind::Deal,
                "d1",
                "title = \"Сайт\"\ncontact = \"anna\"\ncompany = \"acme\"\nstage = \"proposal\"\nclose = 2026-12-24\ncreated = 2026-10-01T00:00:00Z",
            ),
            record(Kind::Deal, "d2", "title = \"Won\"\nstage = \"Won\"\nclose = 2026-11-01"),
            record(
                Kind::Deal,
                "d3",
                "title = \"Quiet\"\nstage = \"lead\"\n[[history]]\nstage = \"lead\"\nat = 2026-09-01T12:00:00Z",
            ),
            record(
                Kind::Note,
                "2026-11-10-anna",
                "date = 2026-11-10T20:00:00Z\nabout = [\"anna\", \"d1\"]\nkind = \"call\"",
            ),
        ];
        let mut config = Config::default();
        config.follow_up.tags.insert("vip".into(), "14d".parse().unwrap());
        config.follow_up.stages.insert("customer".into(), "1y".parse().unwrap());
        let catalog = Catalog::new(records, Vec::new());
        let last = crate::links::last_contacts(&catalog);
        let facts: Vec<crate::model::facts::Facts> = catalog
            .records
            .iter()
            .filter(|r| r.kind != Kind::Note)
            .map(|r| crate::model::facts::Facts::of(r).with_last(&last))
            .collect();
        let mut seen = 0;
        for day in 0..800 {
            let now = DateTime::parse_from_rfc3339("2026-01-01T23:00:00+05:00").unwrap()
                + chrono::Duration::hours(day * 13);
            for days in [0, 7, 400] {
                let borrowed = facts.iter().map(crate::model::facts::Facts::borrowed);
                let chosen = candidates(borrowed, &config, now, days);
                let wanted: Vec<_> = chosen.iter().map(|c| (c.kind, c.id)).collect();
                let options = Options { days, owners: Vec::new() };
                let agenda = agenda(&catalog.records, &last, &config, now, &options);
                // Judged as the index does: the candidates alone, each by the last
                // contact its facts hold.
                let last_of = |r: &crate::model::Record| {
                    chosen.iter().find(|c| (c.kind, c.id) == (r.kind, r.id.as_str()))?.last
                };
                let rows: Vec<_> = catalog
                    .records
                    .iter()
                    .filter(|r| wanted.contains(&(r.kind, r.id.as_str())))
                    .cloned()
                    .collect();
                let judged =
                    joined(Part::BOTH.map(|p| part(&rows, p, last_of, &config, now, &options)));
                assert_eq!(judged.items, agenda.items, "{now} +{days}");
                assert_eq!(judged.problems, agenda.problems, "{now} +{days}");
                for item in &agenda.items {
                    let e = (item.record, item.id.as_str());
                    assert!(wanted.contains(&e), "{now} +{days}: {item:?} not a candidate");
                    seen += 1;
                }
                for problem in &agenda.problems {
                    assert!(wanted.iter().any(|e| problem.contains(e.1)), "{problem}");
                }
            }
        }
        assert!(seen > 1000, "the book shows items on most days: {seen}");
        // Rows holding only the keys the agenda reads give the same agenda.
        use crate::model::row::{Keys, Row};
        let rows = |keys| -> Vec<Row> {
            catalog
                .records
                .iter()
                .map(|r| {
                    let card =
                        serde_json::Value::Object(crate::model::view::card_json(r)).to_string();
                    Row::parse_keys(&card, keys).unwrap()
                })
                .collect()
        };
        let (all, some) = (rows(Keys::ALL), rows(Keys::only(&KEYS)));
        for day in 0..400 {
            let now = DateTime::parse_from_rfc3339("2026-01-01T09:00:00+05:00").unwrap()
                + chrono::Duration::days(day);
            let options = Options { days: 7, owners: Vec::new() };
            let whole = agenda(&all, &last, &config, now, &options);
            let slim = agenda(&some, &last, &config, now, &options);
            assert_eq!((whole.items, whole.problems), (slim.items, slim.problems), "{now}");
        }
    }

    #[test]
    fn leap_day_birthdays_fall_on_28_february_in_other_years() {
        assert_eq!(birthday_in(2027, 2, 29), Some(day("2027-02-28")));
        assert_eq!(birthday_in(2028, 2, 29), Some(day("2028-02-29")));
        assert_eq!(birthday_in(2027, 4, 12), Some(day("2027-04-12")));
        assert_eq!(birthday_in(2027, 2, 30), None);
    }
}
