//! The `rolo` binary: parse the command line, run, print the error, exit.

mod cli;

/// mimalloc, not the system allocator: the reading commands make many small short-lived
/// values (rows, titles, JSON) and spend a third of their time in glibc's malloc and free
/// at 100,000 records; with mimalloc the agenda and reports take 25-55 % less time
/// (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    rolo::index::before_bulk_indexing(allocator_for_bulk_indexing);
    std::process::exit(cli::main());
}

/// Before a rebuild or a mass import, whose threads free what other threads allocated:
/// transparent huge pages off from now on (the allocator asks for them, and a page of
/// 2 MiB is kept whole while any of it is used): a 100,000-record rebuild peaked at
/// 210 MB with them (BENCHMARKS.md); the reading commands are faster with them.
fn allocator_for_bulk_indexing() {
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}
