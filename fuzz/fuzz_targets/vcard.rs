//! Any bytes as a vCard file: records or errors per card, never a panic or a hang. The
//! first byte picks the fallback charset, so legacy 8-bit cards are decoded too.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rolo::interop::Format;
use rolo::interop::vcard::Vcard;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let charset = match pick % 3 {
        0 => None,
        1 => Some("windows-1251".to_string()),
        _ => Some("utf-8".to_string()),
    };
    let vcard = Vcard { charset, ..Vcard::default() };
    let _ = vcard.read(bytes);
});
