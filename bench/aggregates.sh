#!/usr/bin/env bash
# Aggregate benchmarks: agenda, today, digest, export ics, pipeline and every report on
# books from bench/gen_book.py, side by side with `rg -il` and the bare freshness walk
# in one run; the index and the files checked to give the same answers.
# usage: bench/aggregates.sh [RECORDS…]   (default: 10000 100000; needs rg, bc, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "$@"
export ROLO_NOW=2026-11-23 TZ='<+05>-5'

for n in "${sizes[@]}"; do
  dir=$(mktemp -d)/book
  gen_book "$dir" "$n" >/dev/null
  cd "$dir"
  "$rolo" index >/dev/null 2>&1
  items=$("$rolo" agenda --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
  for c in "agenda" "pipeline" "report funnel" "report revenue" "report sources" "report activity"; do
    # shellcheck disable=SC2086
    if [ "$("$rolo" $c --json | md5sum)" != "$(ROLO_NO_INDEX=1 "$rolo" $c --json | md5sum)" ]; then
      echo "MISMATCH: the index and the files differ for rolo $c" >&2
    fi
  done
  echo
  echo "### $n records ($(find . -name '*.md' | wc -l) files; the agenda has $items items)"
  echo
  echo "| what | median | peak RSS |"
  echo "|---|---|---|"
  median "rolo index (the freshness walk alone)" "$rolo" index
  median "rolo agenda" "$rolo" agenda
  median "rolo today" "$rolo" today
  median "rolo digest --format html" "$rolo" digest --format html
  median "rolo agenda --owner asel --days 0" "$rolo" agenda --owner asel --days 0
  median "rolo export ics" "$rolo" export ics
  median "rolo pipeline" "$rolo" pipeline
  median "rolo pipeline --by owner" "$rolo" pipeline --by owner
  for r in funnel revenue sources activity; do
    median "rolo report $r" "$rolo" report "$r"
  done
  median "ROLO_NO_INDEX=1 rolo agenda (every file)" env ROLO_NO_INDEX=1 "$rolo" agenda
  median "rg -il zanzibarite (for scale)" rg -il zanzibarite .
  cd "$repo"
  rm -rf "$(dirname "$dir")"
done
