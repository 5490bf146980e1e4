//! The index's fields: what a search can match, and what a hit shows without opening
//! the file. Bump [`VERSION`] whenever this or the tokenizer changes: an index of
//! another version is rebuilt, never misread.

use tantivy::schema::{
    FAST, Field, IndexRecordOption, NumericOptions, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions,
};

pub const VERSION: u32 = 8;
pub const STEMMED: &str = "rolo";
pub const EXACT: &str = "rolo_exact";

/// Handles to every field, built once from the schema.
#[derive(Clone)]
pub struct Fields {
    pub schema: Schema,
    /// `contacts/anna-petrova.md`: the key for updates and deletes.
    pub path: Field,
    pub kind: Field,
    pub id: Field,
    /// Name or title, shown in results and matched by `name:`.
    pub title: Field,
    /// Everything searchable, stemmed: what plain words and phrases match.
    pub all: Field,
    /// The same text unstemmed, for `prefix*`.
    pub exact: Field,
    /// A contact's or company's name, nicknames and the words of its email addresses,
    /// unstemmed: what `rolo email` matches by prefix (names, not notes' bodies).
    pub names: Field,
    /// Keyword fields (lowercase, one term per value): `email:`, `phone:`, `tag:` …
    pub email: Field,
    pub phone: Field,
    pub tag: Field,
    pub stage: Field,
    pub owner: Field,
    pub source: Field,
    pub note_kind: Field,
    /// Words of these keys, for `company:`, `city:`, `name:`.
    pub company: Field,
    pub city: Field,
    /// `key\u{1}word` for every word of every custom field and unknown key: `industry:furniture`.
    pub custom: Field,
    /// The whole record as JSON (a [`crate::model::Card`]): what `list` shows and
    /// filters, and the body `search` takes snippets from.
    pub card: Field,
    /// Columns read without loading documents (`index::lookup`): the name or title as
    /// written, every link value as written (`company`, `contact`, `about`), and a
    /// note's `date` as its TOML text. A deal's links are written `contact/…`,
    /// `company/…`, so that each names one record.
    pub title_raw: Field,
    pub links: Field,
    /// The `to` of each `relations` entry as written: what `show`, `rm` and `rename` find
    /// linking to a record besides `links` (kept apart: a relation is no company of a contact).
    pub related: Field,
    pub date_raw: Field,
    /// [`crate::model::facts::Facts`] as numeric columns (absent when the record has no such
    /// key): days from the common era of `due`, `close` and `created` as written, the
    /// birthday's `month × 100 + day`, the own follow-up cadence in days at least, and
    /// 1 for a task with `done`. With `stage`, `tag` and `links`, which are columns too.
    pub due_day: Field,
    pub close_day: Field,
    pub created_day: Field,
    pub birthday_md: Field,
    pub follow_up_days: Field,
    pub done: Field,
}

impl Fields {
    pub fn new() -> Fields {
        let mut b = Schema::builder();
        let text = |tokenizer: &str, stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default().set_indexing_options(indexing);
            if stored { options.set_stored() } else { options }
        };
        let path = b.add_text_field("path", STRING | STORED);
        let kind = b.add_text_field("type", STRING | STORED | FAST);
        let id = b.add_text_field("id", STRING | STORED | FAST);
        let title = b.add_text_field("title", text(STEMMED, true));
        let all = b.add_text_field("all", text(STEMMED, false));
        let exact = b.add_text_field("exact", text(EXACT, false));
        let names = b.add_text_field("names", text(EXACT, false));
        let email = b.add_text_field("email", STRING);
        let phone = b.add_text_field("phone", STRING);
        let tag = b.add_text_field("tag", STRING | FAST);
        let stage = b.add_text_field("stage", STRING | FAST);
        let owner = b.add_text_field("owner", STRING);
        let source = b.add_text_field("source", STRING);
        let note_kind = b.add_text_field("kind", STRING);
        let company = b.add_text_field("company", text(STEMMED, false));
        let city = b.add_text_field("city", text(STEMMED, false));
        let custom = b.add_text_field("custom", STRING);
        let card = b.add_text_field("card", TextOptions::default().set_stored());
        let title_raw = b.add_text_field("title_raw", FAST);
        let links = b.add_text_field("links", STRING | FAST);
        let related = b.add_text_field("related", STRING);
        let date_raw = b.add_text_field("date_raw", FAST);
        let number = |name: &str, b: &mut tantivy::schema::SchemaBuilder| {
            b.add_i64_field(name, NumericOptions::default().set_fast())
        };
        let due_day = number("due_day", &mut b);
        let close_day = number("close_day", &mut b);
        let created_day = number("created_day", &mut b);
        let birthday_md = number("birthday_md", &mut b);
        let follow_up_days = number("follow_up_days", &mut b);
        let done = number("done", &mut b);
        Fields {
            schema: b.build(),
            path,
            kind,
            id,
            title,
            all,
            exact,
            names,
            email,
            phone,
            tag,
            stage,
            owner,
            source,
            note_kind,
            company,
            city,
            custom,
            card,
            title_raw,
            links,
            related,
            date_raw,
            due_day,
            close_day,
            created_day,
            birthday_md,
            follow_up_days,
            done,
        }
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::new()
    }
}
