#!/usr/bin/env bash
# Creates .venv-bench with the pinned peers (bench/speed/requirements.txt). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${BENCH_VENV:-.venv-bench}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip >/dev/null
# llama.cpp: native CPU build (GGML_NATIVE picks AVX-512 here), no OpenMP change, no GPU.
CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=ON}" "$VENV/bin/pip" install -q -r bench/speed/requirements.txt
"$VENV/bin/python" -c "import torch, transformers, gguf, llama_cpp; print('bench venv ok', torch.__version__, transformers.__version__, llama_cpp.__version__)"
