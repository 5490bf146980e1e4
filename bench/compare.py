#!/usr/bin/env python3
"""Two builds of rolo side by side on one book, with a watcher each, runs alternating
(old, new, old, new, ...), so that a machine whose speed drifts during the run treats
both alike; `rg -il WORD` on the same book for scale.

usage: bench/compare.py OLD_BIN NEW_BIN BOOK [--runs N]

BOOK is a book from bench/gen_book.py (it is copied twice into a temporary directory:
builds with different index formats must not share one). Each line is the median wall
time of N runs (default 9) and the peak RSS over them, after one untimed run that
builds the caches. `ROLO_NOW=2026-11-23` throughout.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

os.environ.update(ROLO_NOW="2026-11-23", TZ="<+05>-5")
WORD = "zanzibarite"
COMMANDS = [
    ["search", WORD],
    ["agenda"],
    ["today"],
    ["pipeline"],
    ["report", "funnel"],
    ["report", "revenue"],
    ["report", "sources"],
    ["report", "activity"],
    ["contact", "list", "--tag", "vip"],
    ["task", "list", "--overdue"],
]


def once(cmd, cwd):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return (time.perf_counter() - t) * 1000, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("book")
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    builds = [os.path.abspath(a.old), os.path.abspath(a.new)]
    with tempfile.TemporaryDirectory() as tmp:
        books = []
        for i in range(2):
            book = os.path.join(tmp, f"book{i}")
            shutil.copytree(a.book, book, ignore=shutil.ignore_patterns(".rolo"))
            subprocess.run([builds[i], "index"], cwd=book, capture_output=True, check=True)
            books.append(book)
        watchers = [
            subprocess.Popen([b, "watch"], cwd=d, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
            for b, d in zip(builds, books)
        ]
        time.sleep(3)
        try:
            rg = statistics.median(once(["rg", "-il", WORD, "."], books[0])[0] for _ in range(a.runs))
            print(f"`rg -il {WORD}` on the same book: {rg:.0f} ms\n")
            print(f"| command (watcher running) | {a.old} | peak | {a.new} | peak |")
            print("|---|--:|--:|--:|--:|")
            for cmd in COMMANDS:
                runs = [[], []]
                for i in range(2):
                    once([builds[i], *cmd], books[i])
                for _ in range(a.runs):
                    for i in range(2):
                        runs[i].append(once([builds[i], *cmd], books[i]))
                cells = []
                for r in runs:
                    cells += [f"{statistics.median(t for t, _ in r):.0f} ms",
                              f"{max(m for _, m in r):.0f} MB"]
                print(f"| `{' '.join(cmd)}` | " + " | ".join(cells) + " |", flush=True)
        finally:
            for w in watchers:
                os.killpg(w.pid, signal.SIGTERM)
                w.wait()


if __name__ == "__main__":
    main()
