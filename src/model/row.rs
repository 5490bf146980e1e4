//! A slim row: the keys that the agenda, the pipeline and the reports read, in a binary
//! form read without parsing what is not read (no map of owned keys to build per
//! record). The index keeps one per record (`index::rows`); [`View`] reads it exactly as
//! it reads the whole [`super::Card`].

use std::path::Path;
use std::sync::OnceLock;

use serde_json::{Map, Value as Json};
pub use tantivy::directory::OwnedBytes;

use super::bytes::{In, Out};
use super::view::{JsonFields, json_view};
use super::{Kind, View};
use crate::dates::When;

/// The keys a row keeps, besides `type`, `id`, `path` and `$dates` (which of them hold
/// TOML dates). [`Row::field`] must name every one.
pub const ROW_KEYS: [&str; 30] = [
    "name",
    "title",
    "owner",
    "source",
    "stage",
    "tags",
    "city",
    "company",
    "contact",
    "about",
    "value",
    "currency",
    "probability",
    "close",
    "created",
    "history",
    "lost_reason",
    "due",
    "done",
    "repeat",
    "anchor",
    "follow_up",
    "birthday",
    "date",
    "kind",
    "direction",
    "uid",
    "emails",
    "phones",
    "domain",
];

/// A record's [`ROW_KEYS`] that it has, by their position in that list, and which of
/// them hold TOML dates (a bit per position): small, and read without building a map.
// A bit per key in `Row::dates`.
const _: () = assert!(ROW_KEYS.len() <= 32);

/// A row read from its binary form ([`encode`]): the bytes are shared by every row of
/// one file (mapped from the disk, not copied), its id, path and summary are read in
/// place, and each value is parsed from its JSON text only when first read, so a
/// command pays for the keys it reads, not for every key a row holds.
#[derive(Debug, Clone)]
pub struct Row {
    kind: Kind,
    dates: u32,
    id: Span,
    path: Span,
    /// The first line of the body (a note's title); checked as UTF-8 when read.
    summary: Option<Span>,
    bytes: OwnedBytes,
    fields: Box<[Field]>,
    /// The values of `fields` parsed, made when the first is: most reads are of plain
    /// strings, read in place, and most rows never need it.
    values: OnceLock<Box<[OnceLock<Json>]>>,
}

/// Where a string lies in a row's bytes.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    /// The `n` bytes `input` is at, taken (`None` past the end).
    fn take(input: &mut In, n: usize) -> Option<Span> {
        let start = u32::try_from(input.at).ok()?;
        input.take(n)?;
        Some(Span { start, len: u32::try_from(n).ok()? })
    }

    /// A string, checked to be UTF-8 here (a damaged row is not read at all).
    fn str(input: &mut In) -> Option<Span> {
        let n = input.count()?;
        let span = Span::take(input, n)?;
        std::str::from_utf8(span.of(input.bytes)).ok()?;
        Some(span)
    }

    fn of(self, bytes: &[u8]) -> &[u8] {
        let start = self.start as usize;
        bytes.get(start..start + self.len as usize).unwrap_or_default()
    }
}

/// One value of a row: its key's position in [`ROW_KEYS`] and where its JSON text lies
/// in the shared bytes.
#[derive(Debug, Clone, Copy)]
struct Field {
    key: u8,
    start: u32,
    len: u32,
}

fn position(key: &str) -> Option<u8> {
    // Asked for every value read of thousands of rows: keys are a few letters, compared
    // in place (a call to the C library's `memcmp` for each costs more than the test).
    let key = key.as_bytes();
    ROW_KEYS
        .iter()
        .position(|k| k.len() == key.len() && k.bytes().zip(key).all(|(a, b)| a == *b))
        .and_then(|i| u8::try_from(i).ok())
}

/// The string a JSON text holds when it is one without escapes (most are): read in
/// place. `None` for anything else (a number, a list, a string with escapes).
fn plain(text: &[u8]) -> Option<&str> {
    let inner = text.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
    if inner.contains(&b'\\') {
        return None;
    }
    std::str::from_utf8(inner).ok()
}

/// The strings of a JSON list of strings without escapes, as the encoder writes it
/// (`["a","b"]`, no spaces): read in place. `None` for anything else.
fn plain_list(text: &[u8]) -> Option<Vec<&str>> {
    let inner = text.strip_prefix(b"[")?.strip_suffix(b"]")?;
    if inner.is_empty() {
        return Some(Vec::new());
    }
    if inner.contains(&b'\\') {
        return None;
    }
    let inner = std::str::from_utf8(inner).ok()?;
    let mut out = Vec::new();
    let mut rest = inner;
    loop {
        let after = rest.strip_prefix('"')?;
        let end = after.find('"')?;
        out.push(&after[..end]);
        rest = &after[end + 1..];
        if rest.is_empty() {
            return Some(out);
        }
        rest = rest.strip_prefix(',')?;
    }
}

/// A `[[history]]` entry as the card holds it, its strings borrowed from the row (a
/// string with escapes cannot be: the whole list is then read as JSON values).
struct HistoryEntry<'a> {
    stage: Option<&'a str>,
    at: Option<&'a str>,
}

/// Only from an object (a derived reader would also take a list of two strings, which
/// [`View::history`] leaves out).
impl<'de> serde::Deserialize<'de> for HistoryEntry<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entry;
        impl<'de> serde::de::Visitor<'de> for Entry {
            type Value = HistoryEntry<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a history entry")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Self::Value, M::Error> {
                let mut entry = HistoryEntry { stage: None, at: None };
                while let Some(key) = map.next_key::<&str>()? {
                    match key {
                        "stage" => entry.stage = map.next_value()?,
                        "at" => entry.at = map.next_value()?,
                        _ => drop(map.next_value::<serde::de::IgnoredAny>()?),
                    }
                }
                Ok(entry)
            }
        }
        d.deserialize_map(Entry)
    }
}

/// `[[history]]` read in place: every entry an object whose `stage` and `at`, where
/// there, are strings without escapes (any other keys are passed over), as
/// [`View::history`] gives it; `None` for anything else. Thousands of deals' histories
/// are read by the funnel: without a map built for each entry.
fn plain_history(text: &[u8]) -> Option<Vec<(String, When)>> {
    let entries: Vec<HistoryEntry> = serde_json::from_slice(text).ok()?;
    let read = |e: HistoryEntry| {
        let at = e.at?.parse::<toml_edit::Datetime>().ok()?;
        Some((e.stage?.to_string(), When::from_toml(&at)?))
    };
    Some(entries.into_iter().filter_map(read).collect())
}

/// Which of [`ROW_KEYS`] to keep when reading a row (the others are skipped), and
/// whether the body's first line is kept: what a command reads of many rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keys {
    mask: u32,
    summary: bool,
}

impl Keys {
    /// Every key and the summary line.
    pub const ALL: Keys = Keys { mask: u32::MAX, summary: true };

    /// Only these keys (`title` also keeps a note's summary line, its title). A key that
    /// is not one of [`ROW_KEYS`] is a mistake caught by the tests.
    pub fn only(keys: &[&str]) -> Keys {
        let mut mask = 0;
        for key in keys {
            debug_assert!(position(key).is_some(), "{key} is not a row key");
            if let Some(i) = position(key) {
                mask |= 1 << i;
            }
        }
        Keys { mask, summary: keys.contains(&"title") }
    }

    fn keeps(self, i: u8) -> bool {
        self.mask & (1 << i) != 0
    }
}

/// A card's JSON object, cut to its row keys, in binary: `kind` (a byte), `id`, `path`
/// (each a little-endian `u32` length and UTF-8), the date bits (`u32`), the summary
/// (a length, `u32::MAX` for none), then a byte counting the values and for each its
/// key's position and its JSON text (as a string). `$dates` names the keys holding TOML
/// dates and `$summary` is the body's first line. None without a type, id or path.
pub fn encode(map: &Map<String, Json>) -> Option<Vec<u8>> {
    let kind: Kind = map.get("type")?.as_str()?.parse().ok()?;
    let fields: Vec<(u8, &Json)> =
        map.iter().filter_map(|(k, v)| Some((position(k)?, v))).collect();
    let head = (
        kind,
        map.get("id")?.as_str()?,
        map.get("path")?.as_str()?,
        date_bits(map.get("$dates")),
        map.get("$summary").and_then(Json::as_str),
    );
    let mut out = Vec::with_capacity(256);
    write_onto(&mut out, head, &fields).then_some(out)
}

/// [`encode_card_onto`] into a vector of its own: `(kind, row)`.
#[cfg(test)]
pub fn encode_card(card: &str) -> Option<(Kind, Vec<u8>)> {
    let mut out = Vec::new();
    let kind = encode_card_onto(card, &mut out)?;
    Some((kind, out))
}

/// A card's JSON text straight to its row's binary form, written at the end of `out`
/// (left as it was when there is no row): what [`encode`] gives for the card cut to its
/// row keys with its body's first line as `$summary`, but the values of every other key
/// (the body above all) passed over without being built. Its kind; None without a type,
/// id or path. Rows of thousands of cards go into one buffer, without one allocation each.
pub fn encode_card_onto(card: &str, out: &mut Vec<u8>) -> Option<Kind> {
    let card: CardRow = serde_json::from_str(card).ok()?;
    let kind: Kind = card.kind?.parse().ok()?;
    let fields: Vec<(u8, &Json)> = card.fields.iter().map(|(i, v)| (*i, v)).collect();
    let summary = card.summary.flatten();
    let parts =
        (kind, &*card.id?, &*card.path?, date_bits(card.dates.as_ref()), summary.as_deref());
    write_onto(out, parts, &fields).then_some(kind)
}

/// The bits of the keys that `$dates` names.
fn date_bits(dates: Option<&Json>) -> u32 {
    let Some(Json::Object(dates)) = dates else { return 0 };
    dates.keys().filter_map(|key| position(key)).fold(0, |bits, i| bits | 1 << i)
}

/// A row's kind, id, path, date bits and summary.
type Head<'a> = (Kind, &'a str, &'a str, u32, Option<&'a str>);

/// The row written at the end of `out`; false (and `out` as it was) when it has more
/// values than a byte counts.
fn write_onto(
    out: &mut Vec<u8>,
    (kind, id, path, dates, summary): Head,
    fields: &[(u8, &Json)],
) -> bool {
    let Ok(count) = u8::try_from(fields.len()) else { return false };
    let mut o = Out(std::mem::take(out));
    o.kind(kind);
    o.str(id);
    o.str(path);
    o.u32(dates);
    o.opt_str(summary);
    o.u8(count);
    let mut text = String::new();
    for (i, value) in fields {
        o.u8(*i);
        text.clear();
        use std::fmt::Write as _;
        let _ = write!(text, "{value}");
        o.str(&text);
    }
    *out = o.0;
    true
}

/// What a row takes from a card, read by [`encode_card_onto`]. Where a key comes twice the
/// last value wins, in the first one's place (as in a JSON map).
#[derive(Default)]
struct CardRow {
    kind: Option<String>,
    id: Option<String>,
    path: Option<String>,
    dates: Option<Json>,
    /// Some(None) for a body that is not a string or has no line with text.
    summary: Option<Option<String>>,
    fields: Vec<(u8, Json)>,
}

impl<'de> serde::Deserialize<'de> for CardRow {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Card;
        impl<'de> serde::de::Visitor<'de> for Card {
            type Value = CardRow;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a card")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<CardRow, M::Error> {
                let mut card = CardRow::default();
                while let Some(key) = map.next_key::<CardKey>()? {
                    // A string that is not one is not an error: the key reads as absent.
                    let text = |v: Json| match v {
                        Json::String(s) => Some(s),
                        _ => None,
                    };
                    match key {
                        CardKey::Type => card.kind = text(map.next_value()?),
                        CardKey::Id => card.id = text(map.next_value()?),
                        CardKey::Path => card.path = text(map.next_value()?),
                        CardKey::Dates => card.dates = Some(map.next_value()?),
                        CardKey::Body => card.summary = Some(map.next_value::<FirstLine>()?.0),
                        CardKey::Row(i) => {
                            let value: Json = map.next_value()?;
                            match card.fields.iter_mut().find(|(k, _)| *k == i) {
                                Some(field) => field.1 = value,
                                None => card.fields.push((i, value)),
                            }
                        }
                        CardKey::Other => drop(map.next_value::<serde::de::IgnoredAny>()?),
                    }
                }
                Ok(card)
            }
        }
        d.deserialize_map(Card)
    }
}

/// A card's key as [`CardRow`] reads it, told apart as it is read (no string kept).
enum CardKey {
    Type,
    Id,
    Path,
    Dates,
    Body,
    /// One of [`ROW_KEYS`], by its position.
    Row(u8),
    Other,
}

impl<'de> serde::Deserialize<'de> for CardKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Key;
        impl serde::de::Visitor<'_> for Key {
            type Value = CardKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, key: &str) -> Result<CardKey, E> {
                Ok(match key {
                    "type" => CardKey::Type,
                    "id" => CardKey::Id,
                    "path" => CardKey::Path,
                    "$dates" => CardKey::Dates,
                    "body" => CardKey::Body,
                    key => position(key).map_or(CardKey::Other, CardKey::Row),
                })
            }
        }
        d.deserialize_str(Key)
    }
}

/// The first line with text of a string (trimmed), read without keeping the string;
/// None for a string without one, or any other value.
struct FirstLine(Option<String>);

impl<'de> serde::Deserialize<'de> for FirstLine {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Line;
        impl<'de> serde::de::Visitor<'de> for Line {
            type Value = FirstLine;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a body")
            }
            fn visit_str<E>(self, s: &str) -> Result<FirstLine, E> {
                Ok(FirstLine(s.lines().map(str::trim).find(|l| !l.is_empty()).map(String::from)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<FirstLine, E> {
                Ok(FirstLine(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<FirstLine, E> {
                Ok(FirstLine(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<FirstLine, E> {
                Ok(FirstLine(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<FirstLine, E> {
                Ok(FirstLine(None))
            }
            fn visit_unit<E>(self) -> Result<FirstLine, E> {
                Ok(FirstLine(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FirstLine, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(FirstLine(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FirstLine, A::Error> {
                while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(FirstLine(None))
            }
        }
        d.deserialize_any(Line)
    }
}

/// The id of a row in its binary form, without reading the rest.
pub fn peek_id(bytes: &[u8]) -> Option<&str> {
    In { bytes, at: 1 }.str()
}

/// The path of a row in its binary form, as bytes (what book order compares).
pub fn peek_path(bytes: &[u8]) -> Option<&[u8]> {
    let mut input = In { bytes, at: 1 };
    let n = input.count()?;
    input.take(n)?;
    let n = input.count()?;
    input.take(n)
}

impl Row {
    /// A row from its JSON text (a card cut to the row keys, as `$dates` and `$summary`
    /// say), through its binary form.
    pub fn parse(json: &str) -> Option<Row> {
        Row::parse_keys(json, Keys::ALL)
    }

    /// [`Row::parse`] holding only `keys` (the others read as absent).
    pub fn parse_keys(json: &str, keys: Keys) -> Option<Row> {
        let Json::Object(map) = serde_json::from_str(json).ok()? else { return None };
        let bytes = OwnedBytes::new(encode(&map)?);
        let len = bytes.len();
        Row::decode(&bytes, 0..len, keys)
    }

    /// The row written by [`encode`] at `range` of `bytes`, holding only `keys`; its
    /// values are parsed when first read.
    pub fn decode(bytes: &OwnedBytes, range: std::ops::Range<usize>, keys: Keys) -> Option<Row> {
        let mut c = In { bytes: bytes.get(..range.end)?, at: range.start };
        let kind = c.kind()?;
        let id = Span::str(&mut c)?;
        let path = Span::str(&mut c)?;
        let dates = c.u32()?;
        // Checked as UTF-8 only when read (a note's summary may be its whole body, and
        // most commands never read it): a damaged one reads as empty.
        let summary = match c.u32()? {
            super::bytes::NONE => None,
            n => Some(Span::take(&mut c, usize::try_from(n).ok()?)?),
        };
        let summary = summary.filter(|_| keys.summary);
        let count = c.u8()?;
        let mut fields = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let key = c.u8()?;
            let len = c.u32()?;
            let start = u32::try_from(c.at).ok()?;
            c.take(usize::try_from(len).ok()?)?;
            if keys.keeps(key) {
                fields.push(Field { key, start, len });
            }
        }
        if c.at != range.end {
            return None;
        }
        let fields = fields.into_boxed_slice();
        let values = OnceLock::new();
        Some(Row { kind, dates, id, path, summary, bytes: bytes.clone(), fields, values })
    }

    fn text(&self, span: Span) -> &str {
        std::str::from_utf8(span.of(&self.bytes)).unwrap_or_default()
    }

    /// The path's bytes, for sorting many rows in book order without reading them as
    /// text.
    pub fn path_bytes(&self) -> &[u8] {
        self.path.of(&self.bytes)
    }

    fn find(&self, key: &str) -> Option<&Field> {
        let i = position(key)?;
        self.fields.iter().find(|f| f.key == i)
    }

    /// The parsed value of `field`, one of `self.fields`.
    fn value(&self, field: &Field) -> &Json {
        let at = self.fields.iter().position(|f| f.key == field.key).unwrap_or_default();
        let values =
            self.values.get_or_init(|| self.fields.iter().map(|_| OnceLock::new()).collect());
        values[at].get_or_init(|| {
            let text = self.raw(field);
            // Most values are plain strings: taken as they are, without the parser.
            match plain(text) {
                Some(t) => Json::String(t.to_string()),
                None => serde_json::from_slice(text).unwrap_or(Json::Null),
            }
        })
    }

    /// A value's JSON text.
    fn raw(&self, field: &Field) -> &[u8] {
        let (start, len) = (field.start as usize, field.len as usize);
        self.bytes.get(start..start + len).unwrap_or_default()
    }
}

impl JsonFields for Row {
    fn meta_kind(&self) -> Kind {
        self.kind
    }
    fn meta_id(&self) -> &str {
        self.text(self.id)
    }
    fn meta_path(&self) -> &Path {
        Path::new(self.text(self.path))
    }
    fn field(&self, key: &str) -> Option<&Json> {
        self.find(key).map(|f| self.value(f))
    }
    fn plain(&self, key: &str) -> Option<&str> {
        plain(self.raw(self.find(key)?))
    }
    fn plain_list(&self, key: &str) -> Option<Vec<&str>> {
        plain_list(self.raw(self.find(key)?))
    }
    fn plain_number(&self, key: &str) -> Option<f64> {
        // A JSON number read by the parser that reads every value (the same f64), not
        // kept: a number's text starts with a digit or a minus.
        let text = self.raw(self.find(key)?);
        match text.first() {
            Some(b'-' | b'0'..=b'9') => serde_json::from_slice(text).ok(),
            _ => None,
        }
    }
    fn plain_history(&self) -> Option<Vec<(String, When)>> {
        plain_history(self.raw(self.find("history")?))
    }
    fn present(&self, key: &str) -> bool {
        self.find(key).is_some()
    }
    fn is_date(&self, key: &str) -> bool {
        position(key).is_some_and(|i| self.dates & (1 << i) != 0)
    }
    /// Rows carry only the body's first line: what a note's title is made of.
    fn body(&self) -> &str {
        self.summary.map(|s| self.text(s)).unwrap_or_default()
    }
    fn fields(&self) -> Map<String, Json> {
        let mut map = Map::new();
        map.insert("type".into(), self.kind.name().into());
        map.insert("id".into(), self.text(self.id).into());
        map.insert("path".into(), self.text(self.path).into());
        for f in &self.fields {
            map.insert(ROW_KEYS[usize::from(f.key)].into(), self.value(f).clone());
        }
        map
    }
}

json_view!(Row);

#[cfg(test)]
mod tests {
    use super::*;

    /// A string without escapes is read in place; every other value through the parser,
    /// and both read the same.
    #[test]
    fn plain_strings_are_read_in_place() {
        assert_eq!(plain(r#""Анна 王""#.as_bytes()), Some("Анна 王"));
        assert_eq!(plain(br#""""#), Some(""));
        for other in [&br#""a\"b""#[..], br#""tab\t""#, b"12", b"[\"a\"]", b"\"", b"null"] {
            assert_eq!(plain(other), None, "{}", String::from_utf8_lossy(other));
        }
        let card = r#"{"type":"contact","id":"anna","path":"contacts/anna.md","name":"Анна",
            "title":"say \"hi\"","owner":"","tags":["vip"],"birthday":"1988-04-12",
            "$dates":{"birthday":true}}"#;
        let row = Row::parse(card).unwrap();
        use crate::model::View;
        assert_eq!(row.str("name"), Some("Анна"));
        assert_eq!(row.str("title"), Some("say \"hi\""));
        assert_eq!((row.str("owner"), row.strs("owner"), row.has("owner")), (None, vec![""], true));
        assert_eq!(row.strs("tags"), ["vip"]);
        assert_eq!(row.when("birthday").map(|w| w.display()).as_deref(), Some("1988-04-12"));
        assert!(row.when("name").is_none() && !row.has("stage"));
    }

    /// A number is read in place as the parser reads it whole: the same f64 for every
    /// JSON number, and none for what is not one.
    #[test]
    fn numbers_are_read_in_place_as_parsed() {
        use crate::model::View;
        let numbers = [
            "1000",
            "-2.5",
            "0.1",
            "0.30000000000000004",
            "1e21",
            "-0",
            "12345678901234567890",
            "123456789012345678901234567890",
            "1e400",
            "2.2250738585072011e-308",
            "\"12\"",
            "true",
            "null",
            "[1]",
            "{\"a\":1}",
        ];
        for text in numbers {
            let card = format!(r#"{{"type":"deal","id":"d","path":"deals/d.md","value":{text}}}"#);
            let Some(row) = Row::parse(&card) else { continue };
            let parsed: Option<Json> = serde_json::from_str(&card).ok();
            let whole = parsed.as_ref().and_then(|c| c.get("value")).and_then(Json::as_f64);
            assert_eq!(row.number("value").map(f64::to_bits), whole.map(f64::to_bits), "{text}");
        }
        let row = Row::parse(r#"{"type":"deal","id":"d","path":"deals/d.md","value":7}"#).unwrap();
        assert_eq!((row.number("value"), row.number("probability")), (Some(7.0), None));
    }

    #[test]
    fn plain_lists_are_read_in_place() {
        assert_eq!(
            plain_list(r#"["vip","клиент","王"]"#.as_bytes()),
            Some(vec!["vip", "клиент", "王"])
        );
        assert_eq!(plain_list(b"[]"), Some(vec![]));
        assert_eq!(plain_list(br#"[""]"#), Some(vec![""]));
        for other in [
            &br#"["a\"b"]"#[..],
            br#"["a", "b"]"#,
            br#"["a",1]"#,
            br#"[1]"#,
            br#"["a""#,
            br#"["a",]"#,
            br#"[{"stage":"won"}]"#,
            br#""a""#,
        ] {
            assert_eq!(plain_list(other), None, "{}", String::from_utf8_lossy(other));
        }
        let card = r#"{"type":"note","id":"n","path":"notes/n.md","about":["anna","deal/сайт"],
            "tags":["a\"b","c"]}"#;
        let row = Row::parse(card).unwrap();
        use crate::model::View;
        assert_eq!(row.strs("about"), ["anna", "deal/сайт"]);
        assert_eq!(row.strs("tags"), ["a\"b", "c"]);
    }
    use crate::model::Card;

    /// `[[history]]` read in place gives what the JSON values give, whatever its shape;
    /// what cannot be read in place is read as values.
    #[test]
    fn histories_read_in_place_read_as_the_values() {
        let shapes = [
            r#"[{"stage":"lead","at":"2026-01-01T00:00:00Z"},{"stage":"won","at":"2026-02-01"}]"#,
            r#"[{"at":"2026-01-01T10:00:00","stage":"лид","note":{"a":[1,"\""]}}]"#,
            r#"[{"stage":"lead"},{"at":"2026-01-01"},{"stage":"x","at":"not a date"}]"#,
            r#"[{"stage":null,"at":"2026-01-01"}]"#,
            r#"[{"stage":5,"at":"2026-01-01"}]"#,
            r#"[["lead","2026-01-01"]]"#,
            r#"[{"stage":"a\"b","at":"2026-01-01T08:00:00+05:00"}]"#,
            r#""lead""#,
            r#"[]"#,
            r#"{}"#,
            r#"[1]"#,
        ];
        for h in shapes {
            let text = format!(r#"{{"type":"deal","id":"d","path":"deals/d.md","history":{h}}}"#);
            let row = Row::parse(&text).unwrap();
            let Ok(Json::Object(map)) = serde_json::from_str(&text) else { panic!("{h}") };
            assert_eq!(row.history(), Card::from_json(map).unwrap().history(), "{h}");
        }
        let read = |h: &str| plain_history(h.as_bytes()).map(|entries| entries.len());
        assert_eq!(read(shapes[0]), Some(2));
        assert_eq!(read(shapes[1]), Some(1));
        assert_eq!(read(shapes[2]), Some(0));
        for other in [shapes[4], shapes[5], shapes[6], shapes[7], shapes[10]] {
            assert_eq!(read(other), None, "{other}");
        }
    }

    /// Every key of a row reads as it does in the whole card.
    #[test]
    fn a_row_reads_like_its_card() {
        let mut card = serde_json::json!({"type": "deal", "id": "sayt", "path": "deals/sayt.md"});
        let mut dates = Map::new();
        for (i, key) in ROW_KEYS.iter().enumerate() {
            let value = match *key {
                "tags" | "about" => serde_json::json!(["a", "б"]),
                "value" | "probability" => serde_json::json!(i),
                "history" => serde_json::json!([{"stage": "lead", "at": "2026-01-01T00:00:00Z"}]),
                "close" | "created" | "due" | "date" => {
                    dates.insert((*key).into(), Json::Bool(true));
                    serde_json::json!("2026-11-23")
                }
                _ => serde_json::json!(format!("{key}-значение")),
            };
            card[key] = value;
        }
        card["$dates"] = Json::Object(dates);
        let text = card.to_string();
        let row = Row::parse(&text).unwrap();
        let Json::Object(map) = card else { unreachable!() };
        let card = Card::from_json(map).unwrap();
        for key in ROW_KEYS {
            assert_eq!(row.str(key), card.str(key), "{key}");
            assert_eq!(row.strs(key), card.strs(key), "{key}");
            assert_eq!(row.number(key), card.number(key), "{key}");
            assert_eq!(row.when(key), card.when(key), "{key}");
            assert_eq!(row.display(key), card.display(key), "{key}");
            assert!(row.has(key), "{key}");
        }
        assert_eq!(row.history(), card.history());
        assert_eq!(row.title(), card.title());
        assert_eq!(row.to_json(), card.to_json());
        assert_eq!((row.kind(), row.id(), row.path()), (card.kind(), card.id(), card.path()));
        let some = Row::parse_keys(&text, Keys::only(&["stage", "history"])).unwrap();
        assert_eq!(some.str("stage"), card.str("stage"));
        assert_eq!(some.history(), card.history());
        assert!(!some.has("title") && !some.has("emails") && some.when("close").is_none());
    }

    /// The binary form reads back whole, and a form cut short or overlong is not read.
    #[test]
    fn a_row_reads_back_from_its_bytes() {
        let card = serde_json::json!({"type": "note", "id": "2026-11-10-王", "path": "notes/x.md",
            "date": "2026-11-10T20:00:00Z", "about": ["anna", "deal/сайт"], "value": 1.5,
            "owner": "Ан\"на\\", "title": "\"", "kind": "call",
            "history": [{"stage": "lead", "at": "2026-01-01T00:00:00Z"}],
            "$dates": {"date": true}, "$summary": "Звонок\t\u{1f}"});
        let Json::Object(map) = card else { unreachable!() };
        let bytes = encode(&map).unwrap();
        assert_eq!(peek_id(&bytes), Some("2026-11-10-王"));
        let len = bytes.len();
        let bytes = OwnedBytes::new(bytes);
        let row = Row::decode(&bytes, 0..len, Keys::ALL).unwrap();
        assert_eq!(
            (row.kind(), row.id(), row.path()),
            (Kind::Note, "2026-11-10-王", Path::new("notes/x.md"))
        );
        assert_eq!(row.body(), "Звонок\t\u{1f}");
        assert!(row.is_date("date") && !row.is_date("about"));
        for key in ["date", "about", "value", "history", "owner", "title", "kind"] {
            assert_eq!(row.field(key), map.get(key), "{key}");
        }
        assert!(Row::decode(&bytes, 0..len - 1, Keys::ALL).is_none());
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert!(Row::decode(&OwnedBytes::new(longer), 0..len + 1, Keys::ALL).is_none());
        let some = Row::decode(&bytes, 0..len, Keys::only(&["about"])).unwrap();
        assert_eq!(some.field("about"), map.get("about"));
        assert!(some.field("date").is_none() && some.body().is_empty());
    }
}
