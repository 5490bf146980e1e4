#!/usr/bin/env bash
# Address look-up benchmarks: `rolo email WORD` (what a mail client runs on every
# keystroke) beside `rolo search`, `rg -il WORD` and a stat walk in the same run, on books
# from bench/gen_book.py; with khard installed, `khard email` on a vdir of the same
# contacts written by `rolo export vcard --vdir`.
# usage: bench/email.sh [RECORDS…]   (default: 10000 100000; needs rg, bc, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "$@"
khard=$(command -v khard || true)

# Prefixes in five scripts, a company word, and two worst cases: one letter, and the
# domain every generated address has (every contact matches).
words=(Петро Сейіт 王 größ Mebel a mail)

for n in "${sizes[@]}"; do
  dir=$(mktemp -d)/book
  gen_book "$dir" "$n" >/dev/null
  cd "$dir"
  echo
  echo "### $n records ($(find . -name '*.md' | wc -l) files)"
  echo
  echo "| what | median | peak RSS |"
  echo "|---|---|---|"
  "$rolo" index --rebuild >/dev/null 2>&1
  median "stat walk only (find -newer, 1 thread)" find . -type f -newer rolo.toml
  median "rolo search zanzibarite" "$rolo" search zanzibarite
  for word in "${words[@]}"; do
    lines=$("$rolo" email --limit 0 "$word" | wc -l)
    median "rolo email $word ($lines addresses; 100 printed)" "$rolo" email "$word"
    median "rolo email --limit 0 $word" "$rolo" email --limit 0 "$word"
    median "rg -il $word" rg -il "$word" .
  done
  if [ -n "$khard" ] && [ "$n" -le 10000 ]; then
    vdir=$(dirname "$dir")/vdir
    median "rolo export vcard --vdir (first)" bash -c 'rm -rf "$1"; "$0" export vcard --vdir "$1"' "$rolo" "$vdir"
    median "rolo export vcard --vdir (nothing changed)" "$rolo" export vcard --vdir "$vdir"
    conf=$(dirname "$dir")/khard.conf
    printf '[addressbooks]\n[[book]]\npath = %s\n[general]\neditor = false\nmerge_editor = false\n' "$vdir" > "$conf"
    for word in "${words[@]}"; do
      lines=$("$khard" -c "$conf" email --parsable "$word" 2>/dev/null | wc -l)
      median "khard email --parsable $word ($lines lines)" "$khard" -c "$conf" email --parsable "$word"
    done
  fi
  cd "$repo"
  rm -rf "$(dirname "$dir")"
done
