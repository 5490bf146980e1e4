#!/usr/bin/env bash
# Peak memory (resident, /usr/bin/time) of every reading command in the three states a
# book is found in: the first command after a hand edit (the index updated, its look-up
# computed whole), the same command again (every cache read), and the first after
# `index --rebuild` (every segment's rows made). Without a watcher, then with
# `rolo watch` running (the first after an edit runs at once, before the watcher's
# quiet moment). The budget: 60 MB at 10,000 records, 150 MB at 100,000.
# usage: [ROLO=BIN] [BOOKS=DIR] bench/memory.sh [RECORDS…]   (default 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "$@"
work=${BOOKS:-$(mktemp -d)}
watcher=
stop_watcher() { if [ -n "$watcher" ]; then kill "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true; watcher=; fi; }
trap 'stop_watcher; rm -f "$_tf"; [ -n "${BOOKS:-}" ] || rm -rf "$work"' EXIT
export ROLO_NOW=2026-11-23 TZ='<+05>-5'
# Peak MB of one run, whatever it exits with (a search that finds nothing exits 1).
peak() { { /usr/bin/time -f "%M" "$rolo" "$@" 2>&1 >/dev/null || true; } | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }
reads=("search zanzibarite" agenda today pipeline "report funnel" "report revenue"
  "report sources" "report activity" "contact list --tag vip" "task list --overdue")
for size in "${sizes[@]}"; do
  # Named as bench/reads.py names its books: BOOKS=DIR shares them.
  if [ $((size % 1000)) -eq 0 ]; then book=$work/b$((size / 1000))k; else book=$work/b$size; fi
  # With its summary beside it, as reads.py keeps it (so that it reuses the book).
  [ -d "$book" ] && [ -f "$book.json" ] || { rm -rf "$book"; gen_book "$book" "$size" >"$book.json"; }
  cd "$book"
  "$rolo" index >/dev/null 2>&1
  contacts=$(ls contacts | wc -l)
  # A word of its own (not one of the generator's probe words, which reads.py counts).
  edit() { echo "memprobe handedit$RANDOM" >>"contacts/$(ls contacts | sed -n "$((RANDOM % contacts + 1))p")"; }
  echo "### $size records (MB)"
  echo
  echo "| command | after an edit | again | after a rebuild | watcher: after an edit | again |"
  echo "|---|--:|--:|--:|--:|--:|"
  declare -A first again rebuilt
  for r in "${reads[@]}"; do
    edit
    "$rolo" search handedit >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    first[$r]=$(peak $r); again[$r]=$(peak $r)
  done
  for r in "${reads[@]}"; do
    "$rolo" index --rebuild >/dev/null 2>&1
    # shellcheck disable=SC2086
    rebuilt[$r]=$(peak $r)
  done
  "$rolo" agenda >/dev/null # the rows made again
  "$rolo" watch >/dev/null 2>&1 &
  watcher=$!
  for _ in $(seq 3000); do
    "$rolo" watch --status 2>/dev/null | grep -q " 0 changes waiting" && break
    sleep 0.2
  done
  sleep 4 # its quiet moment: the look-up and rows made
  for r in "${reads[@]}"; do
    edit
    "$rolo" search handedit >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    w1=$(peak $r); w2=$(peak $r)
    echo "| \`$r\` | ${first[$r]} | ${again[$r]} | ${rebuilt[$r]} | $w1 | $w2 |"
  done
  stop_watcher
  echo
  cd "$repo"
done
