#!/bin/sh
# Slot machine latency: from the last reel stopping to the first token, and to the whole letter
# (up to the machine's 400 tokens), through the machine's real path (state machine -> background worker ->
# LetterWriter -> judge) with the shipped model. Release build; results in bench/tui/results.json.
#   bench/tui/run.sh [pulls] [extra play options, e.g. --model models/foibandit-small]
set -eu
cd "$(dirname "$0")/../.."
PULLS=${1:-10}; [ $# -gt 0 ] && shift
swift build -c release --product foibandit >&2
DB=$(mktemp -d)/bench.sqlite
FOIBANDIT_DB="$DB" .build/release/foibandit play --bench "$PULLS" --seed 1 "$@" | tee bench/tui/results.json
rm -rf "$(dirname "$DB")"
