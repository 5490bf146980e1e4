#!/usr/bin/env bash
# `rolo import vcard` of CARDS cards (a phone's or Google's export of a busy person's
# contacts: names in six scripts, phones, emails, some with birthdays) into a new book
# with autocommit on: the whole process, its peak RSS, and what it committed; then the
# same file again (every card matches: nothing changes). A bare stat walk and `rg -il`
# of the resulting book are printed for scale.
# usage: bench/import.sh [CARDS]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup
cards=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$_tf"' EXIT
export ROLO_NOW=2026-11-23 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@e GIT_COMMITTER_NAME=bench \
  GIT_COMMITTER_EMAIL=b@e GIT_CONFIG_GLOBAL=/dev/null

python3 - "$cards" "$work/contacts.vcf" <<'PY'
import random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(7)
first = ["Анна", "Иван", "Айгүл", "Нұрлан", "小明", "丽娜", "Jürgen", "Anna", "María", "Tom"]
last = ["Петрова", "Смирнов", "Сейітқызы", "Әбенов", "王", "李", "Weiß", "Schmidt", "García", "Lee"]
with open(out, "w", encoding="utf-8", newline="") as f:
    for i in range(n):
        fn, ln = rnd.choice(first), rnd.choice(last)
        f.write("BEGIN:VCARD\r\nVERSION:3.0\r\n")
        f.write(f"FN:{fn} {ln} {i}\r\nN:{ln} {i};{fn};;;\r\n")
        f.write(f"EMAIL;TYPE=INTERNET:user{i}@example.org\r\n")
        f.write(f"TEL;TYPE=CELL:+7 701 {i // 10000:03d} {i % 10000:04d}\r\n")
        if i % 3 == 0:
            f.write(f"BDAY:19{70 + i % 30}-{1 + i % 12:02d}-{1 + i % 28:02d}\r\n")
        f.write(f"ORG:Company {i % 500}\r\nUID:bench-{i}\r\nEND:VCARD\r\n")
PY

mkdir "$work/book"
cd "$work/book"
"$rolo" init >/dev/null 2>&1
git add -A >/dev/null && git commit -qm init >/dev/null 2>&1 || true

echo "| import of $cards vCards into a new book (autocommit) | s | peak MB |"
echo "|---|---|---|"
for label in "first import: every card created" "again: every card matches, nothing written"; do
  /usr/bin/time -o "$_tf" -f "%e %M" "$rolo" import vcard "$work/contacts.vcf" >"$work/out" 2>&1 || {
    cat "$work/out" >&2; exit 1; }
  read -r secs rss <"$_tf"
  printf '| %s | %.1f | %d |\n' "$label" "$secs" $((rss / 1024))
done
echo
echo "files: $(find contacts -name '*.md' | wc -l) contacts; commits: $(git rev-list --count HEAD); clean: $(git status --porcelain | wc -l) changes left"
median 'stat walk of the book (find -newer)' find . -newer rolo.toml -name '*.md'
median 'rg -il zanzibarite' rg -il zanzibarite .
