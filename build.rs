//! Link the `rolo` binary as a position-dependent executable on Linux (glibc).
//!
//! A position-independent one, the default, holds some 60,000 pointers in its read-only
//! data (the Unicode, transliteration and command-line tables of its crates) that the
//! loader rewrites at every start: 1.5 MB of relocations read and 400 pages copied, about
//! 2 ms of a command that takes 6-9 ms with a watcher running (`rolo --version`: 3.7-4.5
//! ms, linked this way 2.1; BENCHMARKS.md). What is given up is the randomised address
//! of the executable itself (its libraries, heap and stack stay randomised); set
//! `ROLO_PIE=1` when building to keep the default.

fn main() {
    println!("cargo:rerun-if-env-changed=ROLO_PIE");
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    let linux_gnu =
        target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu";
    if linux_gnu && std::env::var_os("ROLO_PIE").is_none() {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
