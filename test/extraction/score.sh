#!/usr/bin/env bash
# Extracts the sample documents in each format (.txt, and the same documents as officials lay them
# out in Word and PDF) and scores each format against the human annotations; then the development
# corpus (test/extraction/corpus), if present, in each of its formats.
# With --gate, fails unless each format of the samples scores an overall F1 of at least 0.95 and every
# part at least 0.90 (issues 3 and 12), and each format of the development corpus an overall F1 of at least 0.90.
set -euo pipefail
cd "$(dirname "$0")/../.."
gate=0
args=()
for a in "$@"; do if [ "$a" = "--gate" ]; then gate=1; else args+=("$a"); fi; done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0

# score NAME GOLD_DIR MIN_OVERALL MIN_PART FILES...
score() {
  local name=$1 gold=$2 overall=$3 part=$4; shift 4
  mkdir -p "$out/$name"
  node bin/theodoi.mjs extract --out "$out/$name" "$@" >/dev/null
  local report
  report=$(node test/extraction/score-extraction.mjs --gold "$gold" --pred "$out/$name" "${args[@]+"${args[@]}"}")
  echo "== $name"
  echo "$report"
  [ "$gate" = 1 ] || return 0
  echo "$report" | awk -v overall="$overall" -v part="$part" -v name="$name" '
    /^[a-z]+: P [0-9.]+ R [0-9.]+ F1 [0-9.]+$/ { if (part > 0 && $7 + 0 < part) { print name ": part below " part ": " $1 " " $7; bad = 1 } }
    /^overall F1/ { found = 1; if ($3 + 0 < overall) { print name ": overall F1 below " overall ": " $3; bad = 1 } }
    END { if (!found) { print name ": no overall F1 in the report"; bad = 1 } exit bad }' || failed=1
}

score samples.txt test/extraction/gold 0.95 0.90 samples/seeds/*.txt
score samples.docx test/extraction/gold 0.95 0.90 samples/seeds/formats/*.docx
score samples.pdf test/extraction/gold 0.95 0.90 samples/seeds/formats/*.pdf
if [ -d test/extraction/corpus/gold ]; then
  for format in txt docx pdf; do
    score "corpus.$format" test/extraction/corpus/gold 0.90 0 test/extraction/corpus/*."$format"
  done
fi
exit $failed
