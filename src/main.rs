//! The `rolo` binary: parse the command line, run, print the error, exit.

mod cli;

/// mimalloc, not the system allocator: the reading commands make many small short-lived
/// values (rows, titles, JSON) and spend a third of their time in glibc's malloc and free
/// at 100,000 records; with mimalloc the agenda and reports take 25-55 % less time
/// (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
