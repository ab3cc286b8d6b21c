#!/usr/bin/env bash
# Extracts the four sample documents and scores the result against the human annotations.
# With --gate, fails unless the overall F1 is at least 0.95 and every part at least 0.90 (issue 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
gate=0
args=()
for a in "$@"; do if [ "$a" = "--gate" ]; then gate=1; else args+=("$a"); fi; done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node bin/theodoi.mjs extract --out "$out" samples/seeds/*.txt
report=$(node test/extraction/score-extraction.mjs --gold test/extraction/gold --pred "$out" "${args[@]+"${args[@]}"}")
echo "$report"
if [ "$gate" = 1 ]; then
  echo "$report" | awk '
    /^[a-z]+: P [0-9.]+ R [0-9.]+ F1 [0-9.]+$/ { if ($7 + 0 < 0.90) { print "part below 0.90: " $1 " " $7; bad = 1 } }
    /^overall F1/ { found = 1; if ($3 + 0 < 0.95) { print "overall F1 below 0.95: " $3; bad = 1 } }
    END { if (!found) { print "no overall F1 in the report"; bad = 1 } exit bad }'
fi
