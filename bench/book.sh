#!/usr/bin/env bash
# Whole-process timings of the everyday commands on a generated book (issue: the book).
# usage: bench/book.sh [RECORDS]   (default 100000; needs a release build and git)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
records=${1:-100000}
rolo=$PWD/target/release/rolo
[ -x "$rolo" ] || cargo build --release
dir=$(mktemp -d)/book
python3 ../shared/bench/gen_book.py "$dir" --records "$records" --now 2026-11-23 >/dev/null
cd "$dir"
export ROLO_NOW=2026-11-23 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@e GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=b@e
git init -q && git add -A && git commit -qm init
sed -i 's/autocommit = false/autocommit = true/' rolo.toml && git commit -qam autocommit

. "$repo/bench/lib.sh"

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
