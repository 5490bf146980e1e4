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
    rolo::index::before_reading_the_whole_book(allocator_for_the_whole_book);
    rolo::watch::when_idle(allocator_when_idle);
    rolo::index::after_unsynced_writes(settle_apart);
    std::process::exit(cli::main(allocator_for_rebuild));
}

/// Before `rolo index --rebuild`: mimalloc keeps the pages freed while indexing for a
/// second before it gives them back (its purge delay) and commits its arenas whole,
/// which took a 100,000-record rebuild to 180 MB at its peak; a purge delay of 10 ms and
/// arenas committed as they are used keep it near 140 MB at the same speed (a delay of
/// 0 ms is a fifth slower; BENCHMARKS.md). Its options are read from the environment as
/// the process starts, and setting one from the program needs an `unsafe` call, which
/// this crate forbids: so the rebuild starts itself again (the same process, `exec`)
/// with them in its environment, unless the purge delay is set already (by the person,
/// or by this). Should the restart fail, the rebuild goes on as it is.
fn allocator_for_rebuild() {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        const OPTIONS: [(&str, &str); 2] =
            [("MIMALLOC_PURGE_DELAY", "10"), ("MIMALLOC_ARENA_EAGER_COMMIT", "0")];
        if std::env::var_os(OPTIONS[0].0).is_some() {
            return;
        }
        let Ok(exe) = std::env::current_exe() else { return };
        let mut args = std::env::args_os();
        let name = args.next().unwrap_or_else(|| exe.clone().into_os_string());
        let mut restart = std::process::Command::new(&exe);
        restart.arg0(name).args(args);
        for (option, value) in OPTIONS {
            if std::env::var_os(option).is_none() {
                restart.env(option, value);
            }
        }
        let _failed = restart.exec();
    }
}

/// After a command wrote the index without waiting for the disk while no process waits
/// to settle it: `rolo index --settle` started apart (not waited for, its output
/// nowhere), to wait for the disk once the index has been left alone for a second, as
/// the watcher does once the book is quiet. Should it not start, the next command to find
/// the index left alone for 30 s settles it.
fn settle_apart(root: &std::path::Path) {
    let Ok(exe) = std::env::current_exe() else { return };
    let started = std::process::Command::new(exe)
        .arg("--dir")
        .arg(root)
        .args(["index", "--settle"])
        .current_dir(root)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    // Not waited for: it outlives the command (its parent becomes init).
    drop(started);
}

/// When `rolo watch` is idle after a walk of the book (or a minute after a batch):
/// mimalloc gives the pages freed back to the system only when it next frees a page of
/// its own after its purge delay (a second), and an idle watcher frees nothing: it kept
/// what its first walk of a 100,000-record book had freed (170 MB resident in all,
/// instead of 50) for as long as it slept. A block too big to share a page, taken and
/// freed untouched, is such a free (BENCHMARKS.md).
fn allocator_when_idle() {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(16 << 20)));
}

/// Before a walk of the book (a command without a watcher, a watcher starting or
/// rescanning) or a look-up computed from every record (the first command after a
/// change, with a watcher or without): transparent huge pages off from now on. The
/// allocator asks for them, and the kernel then backs each region a thread touches with
/// 2 MiB at once: the walk's threads and what a command allocated after them took
/// 1.5-3 times the memory it used (at 100,000 records the first agenda after a change
/// 119-162 MB and `report activity` up to 180 MB, for 26 MB of heap). Without them every
/// reading command stays within 130 MB, as fast within the noise of A/B pairs
/// (BENCHMARKS.md). A command answered by a watcher from a cached look-up keeps them.
fn allocator_for_the_whole_book() {
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// Before a rebuild or a mass import, whose threads free what other threads allocated:
/// transparent huge pages off from now on (the allocator asks for them, and a page of
/// 2 MiB is kept whole while any of it is used): a 100,000-record rebuild peaked at
/// 210 MB with them (BENCHMARKS.md); the reading commands are faster with them.
fn allocator_for_bulk_indexing() {
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}
