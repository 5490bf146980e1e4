#!/usr/bin/env bash
# `rolo history` on one record of a book of RECORDS records with COMMITS commits (made
# with git fast-import: one record changed per commit, the probe record every
# COMMITS/20 commits and renamed once half-way by a `rolo rename`-style commit), beside
# `git log -- PATH` with and without the commit-graph's changed-path Bloom filters. Also:
# writing the graph (whole, then a layer of 50 new commits), `show --at` and
# `pipeline --at`.
# usage: bench/history.sh [RECORDS] [COMMITS]   (default 100000 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"
bench_setup "${1:-100000}"
size=${sizes[0]}
commits=${2:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$_tf"' EXIT
export ROLO_NOW=2026-11-23 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@e GIT_COMMITTER_NAME=bench \
  GIT_COMMITTER_EMAIL=b@e GIT_CONFIG_GLOBAL=/dev/null TZ=UTC
gen_book "$work/book" "$size" >/dev/null
cd "$work/book"
git init -q -b main && git add -A && git commit -qm "bench: the book" --date=2024-01-01T00:00:00Z

# COMMITS commits, each changing one contact; the probe (the first contact) now and then.
first=(contacts/*.md); probe=$(basename "${first[0]}" .md)
python3 - "$commits" "$probe" >"$work/stream" <<'EOF_PY'
import os, random, sys
n, probe = int(sys.argv[1]), sys.argv[2]
random.seed(7)
files = sorted(os.listdir("contacts"))
text = {}
path = f"contacts/{probe}.md"
out = sys.stdout.buffer
def data(b):
    out.write(b"data %d\n" % len(b) + b + b"\n")
def read(p):
    if p not in text:
        text[p] = open(p, encoding="utf-8").read()
    return text[p]
def bump(p, i):
    t = read(p)
    lines = t.split("\n")
    lines = [l for l in lines if not l.startswith("bench_round = ")]
    lines.insert(1, f"bench_round = {i}")
    text[p] = "\n".join(lines)
    return text[p]
every = max(n // 20, 1)
for i in range(n):
    when = 1704067200 + 3600 * (i + 1)
    msg, ops = f"contact: set bench_round ({i})", []
    if i == n // 2:
        new = f"contacts/{probe}-renamed.md"
        body = read(path)
        msg = f"contact: rename {probe} to {probe}-renamed\n\nRolo-Renamed-From: contact/{probe}"
        ops = [b"D " + path.encode() + b"\n", ("M", new, body)]
        text[new] = body
        path = new
    elif i % every == every // 2:
        ops = [("M", path, bump(path, i))]
    else:
        p = "contacts/" + random.choice(files[1:])
        ops = [("M", p, bump(p, i))]
    out.write(b"commit refs/heads/main\n")
    out.write(b"author bench <b@e> %d +0500\ncommitter bench <b@e> %d +0500\n" % (when, when))
    data(msg.encode())
    if i == 0:
        out.write(b"from refs/heads/main^0\n")
    for op in ops:
        if isinstance(op, bytes):
            out.write(op)
        else:
            out.write(b"M 100644 inline " + op[1].encode() + b"\n")
            data(op[2].encode())
EOF_PY
start=$(date +%s.%N)
git fast-import --quiet <"$work/stream"
git reset -q --hard
made=$(echo "$(date +%s.%N) - $start" | bc)
probe=$probe-renamed
path=contacts/$probe.md
echo "Book: $size records, $(git rev-list --count HEAD) commits (made in ${made%.*} s);" \
  "$(git log --format=%H -- "$path" | wc -l) commits touch $path (before the rename too: $(git log --format=%H -- "contacts/${probe%-renamed}.md" | wc -l))."
echo
echo "| $size records, $commits commits | median | peak |"
echo "|---|---|---|"
rm -rf .git/objects/info/commit-graph .git/objects/info/commit-graphs
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.commitGraph GIT_CONFIG_VALUE_0=false
RUNS=3 median "git log -- PATH, no commit-graph" git log --format=%H -- "$path"
RUNS=3 median "git log --follow -- PATH, no commit-graph" git log --follow --format=%H -- "$path"
RUNS=3 median "rolo history, no commit-graph" "$rolo" history "$probe"
unset GIT_CONFIG_COUNT GIT_CONFIG_KEY_0 GIT_CONFIG_VALUE_0
RUNS=1 median "git commit-graph write (whole, changed paths)" \
  git commit-graph write --reachable --changed-paths --split --no-progress
median "git log -- PATH, commit-graph" git log --format=%H -- "$path"
RUNS=3 median "git log --follow -- PATH, commit-graph" git log --follow --format=%H -- "$path"
median "rolo history (both ids, $("$rolo" history --json "$probe" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') commits)" \
  "$rolo" history "$probe"
median "rolo history --limit 5" "$rolo" history --limit 5 "$probe"
median "rolo show --at (before the rename)" "$rolo" show "$probe" --at 2024-06-01
median "rolo pipeline --at" "$rolo" pipeline --at 2024-06-01
# 50 more commits, then the layer that adds them to the graph.
python3 - <<'EOF_PY' | git fast-import --quiet
import os, sys
out = sys.stdout.buffer
for i, f in enumerate(sorted(os.listdir("companies"))[:50]):
    p = "companies/" + f
    body = open(p, encoding="utf-8").read().replace("+++\n", f"+++\nbench_extra = {i}\n", 1).encode()
    when = 1900000000 + i
    out.write(b"commit refs/heads/main\nauthor bench <b@e> %d +0000\ncommitter bench <b@e> %d +0000\n" % (when, when))
    out.write(b"data 12\ncompany: set\n")
    if i == 0:
        out.write(b"from refs/heads/main^0\n")
    out.write(b"M 100644 inline " + p.encode() + b"\ndata %d\n" % len(body) + body + b"\n")
EOF_PY
RUNS=1 median "git commit-graph write (a layer of 50 commits)" \
  git commit-graph write --reachable --changed-paths --split --no-progress
