//! Any bytes as a CSV file of contacts, companies or deals (the first byte picks which):
//! records or errors per row, never a panic or a hang.

#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use rolo::Kind;
use rolo::interop::Format;
use rolo::interop::csv::Csv;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let kind = [Kind::Contact, Kind::Company, Kind::Deal][usize::from(pick % 3)];
    let charset = (pick & 0x80 != 0).then(|| "windows-1251".to_string());
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
    let csv = Csv { kind, map: Vec::new(), charset, now };
    let _ = csv.read(bytes);
});
