#!/usr/bin/env bash
# How long the judge takes a letter (issue 19's goal: under 2 ms, since it runs on every sampled candidate).
# Usage: bench/judge/run.sh [RUNS]   (release build; prints one JSON object)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product foibandit >/dev/null
.build/release/foibandit bench judge --runs "${1:-9}"
