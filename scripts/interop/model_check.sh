#!/usr/bin/env bash
# End-to-end model interop with Hugging Face transformers (both directions); see model_check.py.
# Creates its own virtual environment (.venv-interop) from scripts/interop/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${INTEROP_VENV:-.venv-interop}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q -r scripts/interop/requirements.txt
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
export FOIBANDIT_INTEROP_DIR="$DIR"
swift build --build-tests
# Run each half alone and insist it really ran (XCTest reports a skip as a pass).
run_swift() {
  local out; out="$(swift test --skip-build --filter "LMTests.InteropTests/$1" 2>&1)" || { echo "$out"; return 1; }
  echo "$out" | grep -E "interop|error|passed|failed" | grep -v "^◇\|^✔ Test run with 0" || true
  if echo "$out" | grep -q "skipped"; then echo "$1 was skipped" >&2; return 1; fi
}
echo "== export: our model -> transformers"
run_swift testExportForInterop
"$VENV/bin/python" scripts/interop/model_check.py export "$DIR"
echo "== import: transformers model -> our engine"
"$VENV/bin/python" scripts/interop/model_check.py make-hf "$DIR"
run_swift testImportFromTransformers
echo "model interop: all checks passed"
