#!/usr/bin/env bash
# Starts `foibandit serve` on 127.0.0.1, runs the load test (32 clients, 60 s, small max_tokens,
# the server's RSS sampled every second), /healthz polled while the worst single requests are in
# flight, and the bad-input run, checks /healthz, then sends SIGTERM with a request in flight and
# checks that the request completes and the server exits 0.
# Usage: bench/service/run.sh [MODEL_DIR] [SECONDS]   (default: models/foibandit-small, 60)
# FOIBANDIT_BIN= the binary (default .build/debug/foibandit); WORST= seconds of worst requests (30).
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=${1:-models/foibandit-small}
SECONDS_=${2:-60}
BIN=${FOIBANDIT_BIN:-.build/debug/foibandit}
export FOIBANDIT_HOME=${FOIBANDIT_HOME:-$PWD}   # the shipped data, for a binary copied out of .build
PORT=${PORT:-18080}
WORST=${WORST:-30}
IDLE=${IDLE:-5}   # --idle-timeout: short, so the bad-input run sees half requests closed in seconds
URL=http://127.0.0.1:$PORT
TMP=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$TMP"' EXIT
"$BIN" serve --model "$MODEL" --db "$TMP/db.sqlite" --port "$PORT" --max-tokens-cap 64 --idle-timeout "$IDLE" --log-level warning ${SERVE_ARGS:-} >"$TMP/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$URL/healthz"; echo
echo "== load: 32 clients, ${SECONDS_} s, max_tokens 16 ($MODEL)"
python3 bench/service/load.py --url "$URL" --clients 32 --seconds "$SECONDS_" --max-tokens 16 --pid "$PID" | tee "$TMP/load.txt"
echo "== /healthz every 20 ms while the worst single requests are in flight, ${WORST} s"
python3 bench/service/worst.py --url "$URL" --seconds "$WORST" --pid "$PID" || echo "WORST-REQUEST RUN: GOAL MISSED (see above)"
echo "== bad input"
python3 bench/service/badinput.py --url "$URL" --idle-timeout "$IDLE" | tail -n 20 || echo "BAD-INPUT RUN: UNEXPECTED ANSWERS (see above)"
curl -fs "$URL/healthz"; echo
echo "== SIGTERM with a request in flight"
curl -s -o "$TMP/inflight.json" -w '%{http_code}\n' -X POST "$URL/v1/letters" -H 'Content-Type: application/json' \
  -d '{"authority":"Leeds City Council","keywords":["pothole repairs"],"max_tokens":64,"seed":1}' >"$TMP/inflight.code" &
CURL=$!
sleep 0.05
kill -TERM $PID
wait $CURL || true
set +e; wait $PID; RC=$?; set -e
echo "in-flight request: HTTP $(cat "$TMP/inflight.code"), server exit status $RC"
{ grep -ciE "fatal|crash" "$TMP/server.log" || true; } | sed 's/^/server log fatal\/crash lines: /'
