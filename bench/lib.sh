# Shared by the bench scripts: a release build, generated books, whole-process timing
# (median of $RUNS runs, peak RSS). Sourced after `repo` is set to the repository root.

RUNS=${RUNS:-7}
_tf=$(mktemp)
trap 'rm -f "$_tf"' EXIT

# median LABEL CMD… prints "| LABEL | median ms | peak MB |" and sets LAST_MS.
median() {
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq "$RUNS"); do
    # Wall time by the clock around the run (1 ms; /usr/bin/time's own is 10 ms).
    local start; start=$(date +%s%N)
    /usr/bin/time -o "$_tf" -f "%e %M" "$@" >/dev/null 2>&1 || true
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
    local out; out=$(tail -1 "$_tf")
    rss+=("${out#* }")
  done
  local mid=$(( (RUNS + 1) / 2 ))
  local m
  LAST_MS=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${mid}p")
  m=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  printf '| %-44s | %6d ms | %5d MB |\n' "$label" "$LAST_MS" $((m / 1024))
}

# bench_setup [RECORDS…]: a fresh release build in $rolo (wherever CARGO_TARGET_DIR puts
# it; or the binary $ROLO names), and the book sizes in $sizes (default 10000 100000). rg must be there to compare
# with, python3 to generate books, bc and /usr/bin/time to measure.
bench_setup() {
  local tool
  for tool in rg python3 bc /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool (rg: apt-get install ripgrep)" >&2; exit 1; }
  done
  if [ -n "${ROLO:-}" ]; then
    rolo=$ROLO # a binary built elsewhere (another commit, to compare)
  else
    (cd "$repo" && cargo build --release --quiet)
    local target=${CARGO_TARGET_DIR:-target}
    case $target in /*) ;; *) target=$repo/$target ;; esac
    rolo=$target/release/rolo
  fi
  sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
}

# gen_book DIR RECORDS: a multilingual book of about RECORDS records in DIR (see
# bench/README.md), dated around 2026-11-23 like ROLO_NOW below; prints the generator's
# JSON summary (counts, and the number of files holding each probe word).
gen_book() {
  python3 "$repo/bench/gen_book.py" "$1" --records "$2" --now 2026-11-23
}

# watched_book DIR RECORDS: a generated book in DIR, indexed, with `rolo watch` running
# for it in the background (its pid in $watcher: the caller's EXIT trap kills it); the
# shell is left in DIR.
watched_book() {
  gen_book "$1" "$2" >/dev/null
  cd "$1"
  "$rolo" index >/dev/null 2>&1
  "$rolo" watch >/dev/null 2>&1 &
  watcher=$!
  until "$rolo" watch --status >/dev/null 2>&1; do sleep 0.1; done
}
