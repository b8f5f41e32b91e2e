#!/bin/sh
# Filings benchmark: classifiers, extraction and summaries on composer documents (README.md here).
# Release build; writes bench/filings/results.json and results.md unless --out / --name say otherwise.
#   bench/filings/run.sh [filings bench options, e.g. --steps 300 --sft-steps 400 --name results-small]
set -eu
cd "$(dirname "$0")/../.."
swift build -c release --product foibandit >&2
exec .build/release/foibandit filings bench "$@"
