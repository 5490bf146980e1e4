#!/usr/bin/env bash
# Whole-process timings of the everyday commands (add, set, note add with autocommit;
# filtered lists; show) on a book from bench/gen_book.py in a git repository, with a
# stat walk and rg over the same book in the same run for scale.
# usage: bench/book.sh [RECORDS]   (default 100000; needs git, rg, bc, python3)
#   BOOK=DIR  copy the book already generated in DIR (`cp -a`) instead of generating one
#   ROLO=BIN  time that rolo binary instead of building this tree's
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "${1:-100000}"
records=${sizes[0]}
dir=$(mktemp -d)/book
if [ -n "${BOOK:-}" ]; then
  cp -a "$BOOK" "$dir"
  label="$(find "$dir" -name '*.md' | wc -l) files of $BOOK"
else
  gen_book "$dir" "$records" >/dev/null
  label="$records records"
fi
cd "$dir"
export ROLO_NOW=2026-11-23 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@e GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=b@e
# Packed, as a repository that has lived is; and no automatic gc starting in the
# background of the timed runs (the first commit leaves 100,000 loose objects).
git init -q && git add -A && git -c gc.auto=0 commit -qm init
sed -i 's/autocommit = false/autocommit = true/' rolo.toml && git -c gc.auto=0 commit -qam autocommit
git gc -q

echo "uptime: $(uptime)"
echo "| command ($label) | median | peak RSS |"
echo "|---|---|---|"
"$rolo" contact add "Анна Петрова" >/dev/null
median 'rolo contact add (autocommit)' "$rolo" contact add "Анна Петрова" --email anna@example.ru
median 'rolo set REF stage=… (autocommit)' bash -c "\"$rolo\" set anna-petrova stage=s\$RANDOM"
median 'rolo note add REF TEXT (autocommit)' "$rolo" note add anna-petrova "Обсудили сайт" --kind call
median 'rolo contact list --tag vip' "$rolo" contact list --tag vip
median 'rolo task list --overdue' "$rolo" task list --overdue
median 'rolo show REF' "$rolo" show anna-petrova
median 'rg -il zanzibarite (for scale)' rg -il zanzibarite .
median 'find . -newer rolo.toml (stat walk, for scale)' find . -newer rolo.toml
echo "uptime: $(uptime)"
git fsck --no-dangling --no-progress >/dev/null && [ -z "$(git status --porcelain)" ] ||
  { echo "the repository is not clean after the writes" >&2; exit 1; }
cd "$repo"
rm -rf "$(dirname "$dir")"
