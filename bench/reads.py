#!/usr/bin/env python3
"""Every reading budget in one table: each command timed without a watcher and with
`rolo watch` running, beside `rg -il WORD` and the bare stat walk of the same book in
the same run, as ratios, with the budget and whether it holds.

usage: bench/reads.py [RECORDS ...] [--runs N] [--books DIR] [--no-build]

Sizes default to 10000 and 100000. Books come from bench/gen_book.py (dated around
2026-11-23, like ROLO_NOW here); with --books DIR they are kept in DIR/bN and reused by
the next run (a book is regenerated when its summary file is missing). Each figure is
the median wall time of --runs whole-process runs (default 7), measured around the
process itself (no shell, no timer process in between), and the peak RSS over them.
Needs rg, python3, and cargo to build the release binary (honouring CARGO_TARGET_DIR).
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = "zanzibarite"
os.environ.update(ROLO_NOW="2026-11-23", TZ="<+05>-5")


def run_once(cmd, cwd):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    ms = (time.perf_counter() - t) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    return ms, usage.ru_maxrss / 1024, p.returncode


def measure(cmd, cwd, runs, prepare=None):
    """Median ms and peak MB over `runs` runs; `prepare()` runs before each, untimed."""
    times, peak, bad = [], 0.0, 0
    for _ in range(runs):
        if prepare:
            prepare()
        ms, mb, rc = run_once(cmd, cwd)
        times.append(ms)
        peak = max(peak, mb)
        bad += rc != 0
    if bad:
        print(f"  ! {' '.join(cmd)} failed {bad} of {runs} runs", file=sys.stderr)
    return statistics.median(times), peak


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    if not os.path.isabs(target):
        target = os.path.join(REPO, target)
    return os.path.join(target, "release", "rolo")


def book(root, n):
    """A generated book of about n records in root/bN (reused), and its summary."""
    path = os.path.join(root, f"b{n // 1000}k" if n % 1000 == 0 else f"b{n}")
    summary = path + ".json"
    if not (os.path.isdir(path) and os.path.isfile(summary)):
        shutil.rmtree(path, ignore_errors=True)
        out = subprocess.run(
            [sys.executable, os.path.join(REPO, "bench", "gen_book.py"), path,
             "--records", str(n), "--now", "2026-11-23"],
            check=True, capture_output=True, text=True).stdout
        with open(summary, "w") as f:
            f.write(out)
    with open(summary) as f:
        return path, json.load(f)


def start_watcher(rolo, cwd):
    p = subprocess.Popen([rolo, "watch"], cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    deadline = time.time() + 600
    while time.time() < deadline:
        out = subprocess.run([rolo, "watch", "--status"], cwd=cwd, capture_output=True,
                             text=True).stdout
        if "A watcher runs" in out and " 0 changes waiting" in out:
            return p
        time.sleep(0.2)
    p.send_signal(signal.SIGTERM)
    sys.exit("the watcher did not come up")


def resident(pid):
    """(resident now, peak resident) of a process in MB, and its CPU seconds so far
    (Linux: /proc); None elsewhere."""
    try:
        with open(f"/proc/{pid}/status") as f:
            status = dict(line.split(":", 1) for line in f if ":" in line)
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    kb = lambda key: int(status[key].split()[0]) / 1024
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return kb("VmRSS"), kb("VmHWM"), cpu


# How long the watcher is left alone before its memory is read: its first idle checks
# (every 2 s) come after work.
IDLE_S = 7


def hand_edit(cwd):
    """Each call edits another contact, as a person saving a file would."""
    names = sorted(os.listdir(os.path.join(cwd, "contacts")))
    state = {"i": 0}

    def edit():
        name = names[state["i"] % len(names)]
        state["i"] += 7919
        with open(os.path.join(cwd, "contacts", name), "a") as f:
            f.write(f"\n{WORD} handedit\n")
    return edit


# (label, arguments, kind of budget)
READS = [
    (f"search {WORD}", ["search", WORD], "search"),
    ("hand edit + next search", ["search", "handedit"], "edit"),
    ("agenda", ["agenda"], "aggregate"),
    ("today", ["today"], "aggregate"),
    ("pipeline", ["pipeline"], "aggregate"),
    ("report funnel", ["report", "funnel"], "aggregate"),
    ("report revenue", ["report", "revenue"], "aggregate"),
    ("report sources", ["report", "sources"], "aggregate"),
    ("report activity", ["report", "activity"], "aggregate"),
    ("contact list --tag vip", ["contact", "list", "--tag", "vip"], "aggregate"),
    ("task list --overdue", ["task", "list", "--overdue"], "aggregate"),
]


def budgets(kind, n, walk, rg):
    """(without a watcher, with one): the limits in ms, as the performance budget says."""
    big = n >= 50000
    if kind == "search":
        return min(1.2 * walk, rg / 2.5), min(10 if big else 5, rg / 20)
    if kind == "edit":
        return 1.2 * walk + 20, 30 if big else 25
    return 1.2 * walk + 10, 50 if big else 30


def verdict(ms, limit):
    return "ok" if ms <= limit else "OVER"


def bench_size(rolo, root, n, runs):
    path, summary = book(root, n)
    files = summary["records"]
    lines = []
    out = lines.append
    subprocess.run([rolo, "index"], cwd=path, capture_output=True)
    status = subprocess.run([rolo, "watch", "--status"], cwd=path, capture_output=True,
                            text=True).stdout
    if "A watcher runs" in status:
        sys.exit(f"a watcher already runs for {path}: stop it first")

    rebuild_ms, rebuild_mb = measure([rolo, "index", "--rebuild"], path, max(3, runs // 2))
    walk, walk_mb = measure([rolo, "index"], path, runs)
    find, _ = measure(["find", ".", "-type", "f", "-newer", "rolo.toml"], path, runs)
    rg, rg_mb = measure(["rg", "-il", WORD, "."], path, runs)
    without = {}
    edit = hand_edit(path)
    for label, args, kind in READS:
        prepare = edit if kind == "edit" else None
        without[label] = measure([rolo, *args], path, runs, prepare)
    watcher = start_watcher(rolo, path)
    try:
        time.sleep(IDLE_S)
        started = resident(watcher.pid)
        with_w = {}
        for label, args, kind in READS:
            prepare = edit if kind == "edit" else None
            with_w[label] = measure([rolo, *args], path, runs, prepare)
        walk_w, _ = measure([rolo, "index"], path, runs)
        time.sleep(IDLE_S)
        settled = resident(watcher.pid)
        time.sleep(IDLE_S)
        quiet = resident(watcher.pid)
    finally:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait()

    out(f"### {n:,} records ({files:,} files)")
    out("")
    out(f"Same run: stat walk `rolo index` (parallel walk and fingerprint, nothing read) "
        f"{walk:.0f} ms, {walk_mb:.0f} MB; `find -newer` (1 thread) {find:.0f} ms; "
        f"`rg -il {WORD}` {rg:.0f} ms, {rg_mb:.0f} MB; `rolo index` with the watcher "
        f"{walk_w:.0f} ms.")
    if started and settled and quiet:
        out(f"The watcher: {started[0]:.0f} MB resident idle after its start, "
            f"{settled[0]:.0f} MB {IDLE_S} s after the runs below ({runs} hand edits among "
            f"them; what a batch used is kept a minute for the next), "
            f"{quiet[1]:.0f} MB at its peak; {quiet[2] - settled[2]:.2f} s of CPU in "
            f"{IDLE_S} s idle.")
    out("")
    out("| command | no watcher | × walk | budget | | peak | watcher | × faster than rg "
        "| budget | |")
    out("|---|--:|--:|--:|---|--:|--:|--:|--:|---|")
    for label, _, kind in READS:
        (ms, mb), (wms, wmb) = without[label], with_w[label]
        b_without, b_with = budgets(kind, n, walk, rg)
        out(f"| `{label}` | {ms:.0f} ms | {ms / walk:.2f} | ≤ {b_without:.0f} | "
            f"{verdict(ms, b_without)} | {max(mb, wmb):.0f} MB | {wms:.0f} ms | "
            f"{rg / wms:.1f} | ≤ {b_with:.0f} | {verdict(wms, b_with)} |")
    limit_s, limit_mb = (5.0, 150) if n >= 50000 else (0.5, 150)
    ok = rebuild_ms / 1000 <= limit_s and rebuild_mb <= limit_mb
    out(f"| `index --rebuild` | {rebuild_ms / 1000:.2f} s | | ≤ {limit_s} s, {limit_mb} MB | "
        f"{'ok' if ok else 'OVER'} | {rebuild_mb:.0f} MB | | | | |")
    out("")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, default=[10000, 100000])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--books", help="keep and reuse generated books here")
    ap.add_argument("--no-build", action="store_true", help="use the release binary as built")
    a = ap.parse_args()
    if not shutil.which("rg"):
        sys.exit("needs rg (apt-get install ripgrep)")
    if a.no_build:
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
        rolo = os.path.join(target, "release", "rolo")
    else:
        rolo = build()
    root = a.books or tempfile.mkdtemp(prefix="rolo-bench-")
    os.makedirs(root, exist_ok=True)
    load = os.getloadavg()
    print(f"{os.cpu_count()} cores, load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the "
          f"start; median of {a.runs} runs\n")
    try:
        for n in a.sizes:
            print("\n".join(bench_size(rolo, root, n, a.runs)), flush=True)
    finally:
        if not a.books:
            shutil.rmtree(root, ignore_errors=True)
    load = os.getloadavg()
    print(f"load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end")


if __name__ == "__main__":
    main()
