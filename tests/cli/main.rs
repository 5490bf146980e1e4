//! One integration binary for the whole CLI (so a 2-core machine links once): each
//! module runs the real `rolo` on temporary books.

mod fixtures;
mod support;

mod agenda;
mod books;
mod charts;
mod check;
mod commits;
mod dedupe;
mod documents;
mod edits;
mod email;
mod example;
mod generated;
mod history;
mod hooks;
mod interop;
mod links;
mod listing;
mod merge_driver;
mod pipeline;
mod privacy;
mod properties;
mod records;
mod relations;
mod robustness;
mod safety;
mod search;
mod spoken_dates;
mod sync;
mod tables;
mod tasks;
mod vdir;
mod views;
mod watch;
mod welcome;
mod zones;

/// Every file in tests/cli/ must be a module here, or its tests would silently not run.
#[test]
fn no_forgotten_test_files() {
    let main = std::fs::read_to_string(support::repo().join("tests/cli/main.rs")).unwrap();
    for entry in std::fs::read_dir(support::repo().join("tests/cli")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(module) = name.strip_suffix(".rs").filter(|m| *m != "main") {
            assert!(
                main.contains(&format!("mod {module};")),
                "tests/cli/{name} is not listed in main.rs"
            );
        }
    }
}
