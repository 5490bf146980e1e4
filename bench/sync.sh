#!/usr/bin/env bash
# `rolo sync` bringing in COMMITS commits from another clone that change RECORDS records
# (contacts' front matter, one key each) of a book, with the time spent in git (fetch,
# replay, push) and in bringing the index up to date shown apart (`rolo sync --json`).
# The receiving clone has local commits too, so the sync replays them (a rebase).
# usage: bench/sync.sh [BOOK_RECORDS] [COMMITS] [RECORDS]   (default 100000 100 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "${1:-100000}"
size=${sizes[0]}
commits=${2:-100}
touched=${3:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$_tf"' EXIT
export ROLO_NOW=2026-11-23 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@e GIT_COMMITTER_NAME=bench \
  GIT_COMMITTER_EMAIL=b@e GIT_CONFIG_GLOBAL=/dev/null
gen_book "$work/a" "$size" >/dev/null
cd "$work/a"
sed -i 's/autocommit = false/autocommit = true/' rolo.toml
git init -q && git add -A && git commit -qm init
git init -q --bare "$work/remote.git"
git remote add origin "$work/remote.git"
"$rolo" sync >/dev/null 2>&1
git clone -q "$work/remote.git" "$work/b"
(cd "$work/b" && "$rolo" index >/dev/null 2>&1 && "$rolo" contact add "Локальная Запись" >/dev/null)

# In clone a: COMMITS commits, each adding one key to RECORDS/COMMITS contacts.
python3 - "$commits" "$touched" <<'EOF'
import os, subprocess, sys
commits, touched = int(sys.argv[1]), int(sys.argv[2])
files = sorted(os.listdir("contacts"))[:touched]
per = touched // commits
for c in range(commits):
    for f in files[c * per:(c + 1) * per]:
        path = os.path.join("contacts", f)
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text.replace("+++\n", f"+++\nbench_round = {c}\n", 1))
    subprocess.run(["git", "commit", "-qam", f"bench: round {c}"], check=True)
EOF
git push -q origin HEAD

cd "$work/b"
echo "| sync of $commits commits touching $touched records ($size-record book) | ms |"
echo "|---|---|"
/usr/bin/time -o "$_tf" -f "%e %M" "$rolo" sync --json >"$work/sync.json" 2>"$work/sync.err" || {
  cat "$work/sync.err" >&2
  exit 1
}
read -r secs rss <"$_tf"
python3 - "$work/sync.json" "$secs" "$rss" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"| whole process | {float(sys.argv[2]) * 1000:.0f} (peak {int(sys.argv[3]) // 1024} MB) |")
print(f"| git: commit, fetch, replay, push | {r['git_ms']} |")
print(f"| index: the changed files | {r['index_ms']} |")
print(f"| records pulled / pushed | {len(r['pulled'])} / {len(r['pushed'])} |")
EOF
median 'stat walk + rg -il for scale' rg -il zanzibarite .
