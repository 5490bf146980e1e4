//! Any text as a search query: a query or an error at a column of the text, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match rolo::query::parse(text) {
        Ok(q) => {
            assert!(!q.clauses.is_empty() && q.clauses.iter().all(|c| !c.alternatives.is_empty()))
        }
        Err(e) => assert!(e.column >= 1 && e.column <= text.chars().count().max(1), "{e}"),
    }
});
