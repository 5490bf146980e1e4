#!/usr/bin/env bash
# Whole-process timings of the everyday commands (add, set, note add with autocommit;
# filtered lists; show) on a book from bench/gen_book.py in a git repository.
# usage: bench/book.sh [RECORDS]   (default 100000; needs git, rg, bc, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "${1:-100000}"
records=${sizes[0]}
dir=$(mktemp -d)/book
gen_book "$dir" "$records" >/dev/null
cd "$dir"
export ROLO_NOW=2026-11-23 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@e GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=b@e
git init -q && git add -A && git commit -qm init
sed -i 's/autocommit = false/autocommit = true/' rolo.toml && git commit -qam autocommit

echo "| command ($records records) | median | peak RSS |"
echo "|---|---|---|"
"$rolo" contact add "Анна Петрова" >/dev/null
median 'rolo contact add (autocommit)' "$rolo" contact add "Анна Петрова" --email anna@example.ru
median 'rolo set REF stage=… (autocommit)' bash -c "\"$rolo\" set anna-petrova stage=s\$RANDOM"
median 'rolo note add REF TEXT (autocommit)' "$rolo" note add anna-petrova "Обсудили сайт" --kind call
median 'rolo contact list --tag vip' "$rolo" contact list --tag vip
median 'rolo task list --overdue' "$rolo" task list --overdue
median 'rolo show REF' "$rolo" show anna-petrova
median 'rg -il zanzibarite (for scale)' rg -il zanzibarite .
cd "$repo"
rm -rf "$(dirname "$dir")"
