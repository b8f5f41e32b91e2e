#!/usr/bin/env bash
# Engine speed benchmark (issue #10): ours vs PyTorch eager / torch.compile, HF generate and llama.cpp.
# Builds the release binary, creates .venv-bench once (llama-cpp-python builds from source, ~5 min),
# then runs bench/speed/harness.py, which prints the table and writes bench/results.json.
# Extra arguments go to the harness (e.g. --configs A --only train --steps 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product foibandit
[ -x .venv-bench/bin/python ] && .venv-bench/bin/python -c "import torch, transformers, gguf, llama_cpp" 2>/dev/null \
  || bench/speed/setup_venv.sh
exec .venv-bench/bin/python bench/speed/harness.py "$@"
