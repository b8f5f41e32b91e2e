#!/usr/bin/env bash
# Rows per minute of `foibandit batch` at batch sizes 1, 4 and 16 on this machine, and a check that
# the three outputs are byte-identical (same seed, same letter, whatever the batch size).
# Usage: bench/batch/run.sh [MODEL_DIR] [ROWS] [MAX_TOKENS]   (default: models/foibandit-small, 48, 128)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=${1:-models/foibandit-small}
ROWS=${2:-48}
MAXTOK=${3:-128}
BIN=${FOIBANDIT_BIN:-.build/debug/foibandit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Input: authorities and keywords from the seed data, round robin; seeds from the row content.
python3 - "$ROWS" "$MAXTOK" >"$TMP/in.csv" <<'PY'
import csv, sys
rows, maxtok = int(sys.argv[1]), sys.argv[2]
auth = [r["name"] for r in csv.DictReader(open("authorities/authorities.csv"))]
kw = [r["keyword"] for r in csv.DictReader(open("keywords/keywords.csv"))]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["authority", "keywords", "temperature", "max_tokens"])
for i in range(rows):
    w.writerow([auth[(i * 37) % len(auth)], f"{kw[(i * 11) % len(kw)]}; {kw[(i * 11 + 5) % len(kw)]}", "0.7", maxtok])
PY
# Warm-up: creates the database (seed import) and loads the model once, outside the timings.
head -n 2 "$TMP/in.csv" >"$TMP/warm.csv"
"$BIN" batch "$TMP/warm.csv" -o "$TMP/warm.csv.out" --model "$MODEL" --db "$TMP/db.sqlite" 2>/dev/null || true
echo "model $MODEL, $ROWS rows, max_tokens $MAXTOK, $(nproc) cores, binary $BIN"
printf "%-11s %9s %9s %s\n" batch_size seconds rows/min "rows ok"
for B in 1 4 16; do
  START=$(date +%s.%N)
  set +e
  "$BIN" batch "$TMP/in.csv" -o "$TMP/out$B.jsonl" --batch-size "$B" --model "$MODEL" --db "$TMP/db.sqlite" 2>"$TMP/err$B.txt"
  RC=$?
  set -e
  END=$(date +%s.%N)
  OK=$(grep -c '"error":null' "$TMP/out$B.jsonl" || true)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print('%-11s %9.1f %9.1f %s/%s (exit %s)' % (sys.argv[3], s, int(sys.argv[4])*60/s, sys.argv[5], sys.argv[4], sys.argv[6]))" \
    "$START" "$END" "$B" "$ROWS" "$OK" "$RC"
done
cmp -s "$TMP/out1.jsonl" "$TMP/out4.jsonl" && cmp -s "$TMP/out1.jsonl" "$TMP/out16.jsonl" \
  && echo "outputs at batch sizes 1, 4, 16: byte-identical" || echo "OUTPUTS DIFFER across batch sizes"
