#!/usr/bin/env bash
# Search benchmarks: rolo search vs rg -il, side by side in one run, on books from
# bench/gen_book.py; hit counts checked against the generator's; a hand edit picked up
# by the next search; a full rebuild; peak memory.
# usage: bench/search.sh [RECORDS…]   (default: 10000 100000; needs rg, bc, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "$@"

for n in "${sizes[@]}"; do
  dir=$(mktemp -d)/book
  summary=$(gen_book "$dir" "$n")
  cd "$dir"
  echo
  echo "### $n records ($(find . -name '*.md' | wc -l) files)"
  echo
  echo "| what | median | peak RSS |"
  echo "|---|---|---|"
  median "rolo index --rebuild" "$rolo" index --rebuild
  for word in zanzibarite квазипроект 麒麟 discount; do
    want=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['probes'][sys.argv[2]])" "$summary" "$word")
    got=$("$rolo" search --json --limit 1000000 "$word" | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
    rg_got=$(rg -il "$word" . | wc -l)
    [ "$got" = "$want" ] && [ "$rg_got" = "$want" ] || echo "COUNT MISMATCH for $word: rolo $got, rg $rg_got, generator $want"
    median "rolo search $word ($got hits)" "$rolo" search "$word"
    rolo_ms=$LAST_MS
    median "rg -il $word" rg -il "$word" .
    echo "| → rolo is $(echo "scale=1; $LAST_MS/$rolo_ms" | bc)× faster than rg | | |"
  done
  # A hand edit, then the next search (each run edits a different file).
  median "hand edit + next search" bash -c '
    f=$(ls contacts | shuf -n 1); printf "\nzanzibarite handedit\n" >> "contacts/$f"; "$0" search handedit' "$rolo"
  median "stat walk only (find -newer, 1 thread)" find . -type f -newer rolo.toml
  cd "$repo"
  rm -rf "$(dirname "$dir")"
done
