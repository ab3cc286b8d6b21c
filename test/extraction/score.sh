#!/usr/bin/env bash
# Extracts the four sample documents and scores the result against the human annotations.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
node bin/theodoi.mjs extract --out "$out" samples/seeds/*.txt
node test/extraction/score-extraction.mjs --gold test/extraction/gold --pred "$out" "$@"
rm -rf "$out"
