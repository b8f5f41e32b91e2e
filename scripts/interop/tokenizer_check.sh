#!/usr/bin/env bash
# Tokenizer interop check: our Swift BPETrainer trains an 8k byte-level BPE tokenizer on ~50 MB of
# text, encodes a >= 1 MB mixed text (English, code, Welsh names, emoji, odd whitespace, specials),
# and Hugging Face `tokenizers` and `transformers` must give the very same ids and decode it back.
#
#   scripts/interop/tokenizer_check.sh [WORKDIR]
# Environment: FOIBANDIT_TOKENIZER_TRAIN (colon-separated files to train on; default: a corpus
# gathered from this machine's docs), FOIBANDIT_TOKENIZER_VOCAB (default 8192),
# TOKENIZER_CHECK_PACKAGE (Swift package to test, default the repository).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-$ROOT/out/tokenizer_check}"
VENV="$ROOT/.venv-interop"
PY="$VENV/bin/python"
mkdir -p "$WORK"

if ! "$PY" -c "import tokenizers, transformers" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q tokenizers transformers
fi

if [ -z "${FOIBANDIT_TOKENIZER_TRAIN:-}" ]; then
  [ -s "$WORK/train.txt" ] || "$PY" "$ROOT/scripts/interop/tokenizer_check.py" make-corpus "$WORK/train.txt"
  export FOIBANDIT_TOKENIZER_TRAIN="$WORK/train.txt"
fi
"$PY" "$ROOT/scripts/interop/tokenizer_check.py" make-text "$WORK/mixed.txt" 1200000

export FOIBANDIT_TOKENIZER_CHECK_DIR="$WORK/tokenizer"
export FOIBANDIT_TOKENIZER_CHECK_TEXT="$WORK/mixed.txt"
rm -rf "$FOIBANDIT_TOKENIZER_CHECK_DIR"
swift test --package-path "${TOKENIZER_CHECK_PACKAGE:-$ROOT}" --filter interopCheckTrainAndEncode 2>&1 \
  | grep -E "merging|stats|passed|failed|error" || true
[ -s "$FOIBANDIT_TOKENIZER_CHECK_DIR/ids.json" ] || { echo "the Swift side wrote no ids" >&2; exit 1; }
cat "$FOIBANDIT_TOKENIZER_CHECK_DIR/stats.json"; echo
"$PY" "$ROOT/scripts/interop/tokenizer_check.py" compare "$FOIBANDIT_TOKENIZER_CHECK_DIR" "$WORK/mixed.txt"
