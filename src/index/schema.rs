//! The index's fields: what a search can match, and what a hit shows without opening
//! the file. Bump [`VERSION`] whenever this or the tokenizer changes: an index of
//! another version is rebuilt, never misread.

use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

pub const VERSION: u32 = 5;
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
    /// Every top-level key the front matter has (`due`, `done`, `birthday`, `follow_up`):
    /// lets the agenda fetch only the records it can concern.
    pub keys: Field,
    /// The whole record as JSON (a [`crate::model::Card`]): what `list` shows and
    /// filters, and the body `search` takes snippets from.
    pub card: Field,
    /// Columns read without loading documents (`index::lookup`): the name or title as
    /// written, every link value as written (`company`, `contact`, `about`), and a
    /// note's `date` as its TOML text.
    pub title_raw: Field,
    pub links: Field,
    pub date_raw: Field,
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
        let email = b.add_text_field("email", STRING);
        let phone = b.add_text_field("phone", STRING);
        let tag = b.add_text_field("tag", STRING);
        let stage = b.add_text_field("stage", STRING);
        let owner = b.add_text_field("owner", STRING);
        let source = b.add_text_field("source", STRING);
        let note_kind = b.add_text_field("kind", STRING);
        let company = b.add_text_field("company", text(STEMMED, false));
        let city = b.add_text_field("city", text(STEMMED, false));
        let custom = b.add_text_field("custom", STRING);
        let keys = b.add_text_field("keys", STRING);
        let card = b.add_text_field("card", TextOptions::default().set_stored());
        let title_raw = b.add_text_field("title_raw", FAST);
        let links = b.add_text_field("links", STRING | FAST);
        let date_raw = b.add_text_field("date_raw", FAST);
        Fields {
            schema: b.build(),
            path,
            kind,
            id,
            title,
            all,
            exact,
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
            keys,
            card,
            title_raw,
            links,
            date_raw,
        }
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::new()
    }
}
