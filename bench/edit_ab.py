#!/usr/bin/env python3
"""A hand edit and the next search, without a watcher, for two builds side by side.

usage: bench/edit_ab.py OLD_BIN NEW_BIN BOOK [--edits N] [--rounds R]

For each round and each build in turn (interleaved: a machine whose speed drifts treats
both alike), N times: a word appended to another contact's file of BOOK, then `rolo
search handedit` timed (the command finds the file changed by its walk, indexes it and
answers); then a plain search and `rolo index` (the stat walk, for scale). Prints the
medians and the edit's cost over the walk. The book is edited in place: use a copy
(bench/gen_book.py makes one).
"""

import argparse
import os
import statistics
import subprocess
import time

os.environ.update(ROLO_NOW="2026-11-23", TZ="<+05>-5")


def timed(cmd, cwd):
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("book")
    p.add_argument("--edits", type=int, default=11)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    a.old, a.new = os.path.abspath(a.old), os.path.abspath(a.new)
    names = sorted(os.listdir(os.path.join(a.book, "contacts")))
    step = 0
    print("| build | round | hand edit + next search | search | walk | over the walk |")
    print("|---|--:|--:|--:|--:|--:|")
    for rounds in range(a.rounds):
        for label, rolo in (("old", a.old), ("new", a.new)):
            timed([rolo, "index"], a.book)
            edit, search, walk = [], [], []
            for _ in range(a.edits):
                name = names[step * 7919 % len(names)]
                step += 1
                with open(os.path.join(a.book, "contacts", name), "a") as f:
                    f.write("\nzanzibarite handedit\n")
                edit.append(timed([rolo, "search", "handedit"], a.book))
                search.append(timed([rolo, "search", "handedit"], a.book))
                walk.append(timed([rolo, "index"], a.book))
            e, s, w = (statistics.median(x) for x in (edit, search, walk))
            print(f"| {label} | {rounds + 1} | {e:.1f} ms | {s:.1f} ms | {w:.1f} ms | {e - w:.1f} ms |")


if __name__ == "__main__":
    main()
