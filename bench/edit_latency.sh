#!/usr/bin/env bash
# A hand edit seen by the very next command, with `rolo watch` running: append a word to
# a contact's file, then time `rolo search WORD --json` (whole process), EDITS times, a
# pause between; then a plain search for scale. Prints the median and every run: a merge
# of the index's segments shows as an outlier.
# usage: [ROLO_BIN=PATH] bench/edit_latency.sh [RECORDS] [EDITS]   (default 10000 15)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "${1:-10000}"
size=${sizes[0]}
rolo=${ROLO_BIN:-$rolo}   # ROLO_BIN=PATH times another build (the one before a change)
edits=${2:-15}
work=$(mktemp -d)
trap 'kill "${watcher:-0}" 2>/dev/null || true; rm -rf "$work"; rm -f "$_tf"' EXIT
export ROLO_NOW=2026-11-23
watched_book "$work/book" "$size"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
edits_ms=()
for i in $(seq 1 "$edits"); do
  f=contacts/$(ls contacts | sed -n "$((i * 7))p")
  echo "handedit$i" >>"$f"
  t=$(date +%s%N); "$rolo" search "handedit$i" --json >/dev/null; edits_ms+=("$(ms "$t")")
  sleep 0.3
done
plain_ms=()
for _ in 1 2 3 4 5 6 7; do
  t=$(date +%s%N); "$rolo" search zanzibarite >/dev/null; plain_ms+=("$(ms "$t")")
done
median_of() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "hand edit + next search, watcher running ($size records): median $(median_of "${edits_ms[@]}") ms; runs: ${edits_ms[*]}"
echo "search alone, watcher running: median $(median_of "${plain_ms[@]}") ms"
median 'rg -il zanzibarite' rg -il zanzibarite .
