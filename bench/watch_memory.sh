#!/usr/bin/env bash
# What `rolo watch` holds while it sleeps: its resident memory (Linux, /proc) once idle
# after its start, after EDITS hand edits 3 s apart (each followed by a search, timed),
# and a minute after the last (what a batch used is kept that long for the next); its
# peak, and the CPU it used while idle.
# usage: [ROLO=BIN] bench/watch_memory.sh [RECORDS] [EDITS]   (default 10000 8)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "${1:-10000}"
size=${sizes[0]}
edits=${2:-8}
[ -r /proc/self/status ] || { echo "needs /proc (Linux)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${watcher:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export ROLO_NOW=2026-11-23
watched_book "$work/book" "$size"
rss() { awk "/^$1:/{printf \"%.0f MB\", \$2 / 1024}" "/proc/$watcher/status"; }
cpu() { awk '{print $14 + $15}' "/proc/$watcher/stat"; }
sleep 7 # its first idle checks (every 2 s) give back what the start freed
started=$(rss VmRSS)
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
edits_ms=()
for i in $(seq 1 "$edits"); do
  f=contacts/$(ls contacts | sed -n "$((i * 7))p")
  echo "handedit$i" >>"$f"
  t=$(date +%s%N); "$rolo" search "handedit$i" >/dev/null; edits_ms+=("$(ms "$t")")
  sleep 3
done
edited=$(rss VmRSS)
before=$(cpu)
sleep 65
quiet=$(rss VmRSS)
ticks=$(( $(cpu) - before ))
median_of() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "rolo watch, $size records: $started idle after its start; $edited after $edits hand edits 3 s apart; $quiet a minute later; $(rss VmHWM) at its peak; $ticks clock ticks of CPU in 65 s idle"
echo "hand edit + next search (3 s apart): median $(median_of "${edits_ms[@]}") ms; runs: ${edits_ms[*]}"
