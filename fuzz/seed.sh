#!/usr/bin/env bash
# Seed each fuzz target's corpus (fuzz/corpus/TARGET, not in git) from the repository's
# own files: the example book's records, the interop fixtures, and queries and dates as
# the tests type them. Targets that read a selector byte first (vcard, csv, dates) get
# one in front of each seed. Safe to run again: it only adds files.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/{frontmatter,query,vcard,csv,dates}

n=0
seed() { # seed TARGET SELECTOR-BYTE-OCTAL|"" FILE-OR-TEXT...
  local target=$1 prefix=$2
  shift 2
  for item in "$@"; do
    n=$((n + 1))
    local out="corpus/$target/seed-$n"
    if [ -f "$item" ]; then
      { [ -n "$prefix" ] && printf "\\$prefix"; cat "$item"; } > "$out"
    else
      { [ -n "$prefix" ] && printf "\\$prefix"; printf '%s' "$item"; } > "$out"
    fi
  done
}

seed frontmatter "" "$root"/data-example/*/*.md
seed frontmatter "" $'\ufeff+++\r\nname = "Анна"\r\n+++\r\nТекст\r\n' $'+++\n# c\nname   = "王小明"  # x\ntags = [ "vip",\n  "b2b", ]\n\n[fields]\nindustry = \'мебель\'\n\n[[history]]\nstage = "lead"\nat = 2026-11-20T10:00:00Z\n+++\n+++\nbody\n'
seed vcard 000 "$root"/tests/fixtures/interop/*.vcf
seed vcard 001 "$root"/tests/fixtures/interop/outlook-cp1251.vcf
seed csv 000 "$root"/tests/fixtures/interop/*.csv
seed csv 001 "$root"/tests/fixtures/interop/plain.csv
seed csv 002 "$root"/tests/fixtures/interop/plain.csv
seed query "" 'Анна "website redesign" tag:vip acme* -lost' 'anna OR ivan petrov' \
  'name:"Анна Петрова" OR email:anna@example.ru' '701-555-0101' '小明 Айгүлге*' 'tag: vip' '- anna' '"unclosed'
for p in 000 001 002 003; do
  seed dates "$p" today Tomorrow friday eom +3d -2w +1m +1y '3 days' '2w after' 2026-12-01 \
    '2026-12-01 15:00' 2026-12-01T15:00:00+05:00 '2026-12-01T15:00' 04-12 --04-12 1988-04-12
done
echo "seeded $n files under fuzz/corpus/"
