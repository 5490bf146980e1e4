# Shared by the bench scripts: whole-process timing, median of N runs, peak RSS.
# median LABEL CMD… prints "| LABEL | median ms | peak MB |" and sets LAST_MS.
RUNS=${RUNS:-7}
_tf=$(mktemp)
median() {
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$_tf" -f "%e %M" "$@" >/dev/null 2>&1 || true
    local out; out=$(tail -1 "$_tf")
    times+=("${out% *}"); rss+=("${out#* }")
  done
  local mid=$(( (RUNS + 1) / 2 ))
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${mid}p")
  m=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  LAST_MS=$(echo "$t*1000/1" | bc)
  printf '| %-44s | %6d ms | %5d MB |\n' "$label" "$LAST_MS" $((m / 1024))
}

# bench_setup RECORDS…: a release build in $rolo, and the book sizes in $sizes
# (default 10000 100000); rg must be there to compare with. Needs $repo.
bench_setup() {
  command -v rg >/dev/null || { echo "needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }
  (cd "$repo" && cargo build --release --quiet)
  rolo=$repo/target/release/rolo
  sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
}
