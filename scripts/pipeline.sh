#!/usr/bin/env bash
# One model's whole training pipeline: the tokenizer, then the stages listed in models/NAME/configs/stages
# (one "STAGE KIND" a line, in order; KIND is pretrain, cpt, sft or dpo and STAGE.json is its config), then
# an eval of every stage. Each stage resumes from its last checkpoint when re-run after a kill, and is skipped
# once finished, so `make model` can be killed and re-run at any point.
# Usage: scripts/pipeline.sh [NAME]   (configs in models/NAME/configs/, work in runs/NAME/)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-foibandit-small}
cfg=models/$name/configs
run=runs/$name
bin=${FOIBANDIT:-.build/release/foibandit}
mkdir -p "$run"
timings=$run/timings.tsv
[ -f "$timings" ] || printf 'stage\tseconds\n' > "$timings"
[ -f "$cfg/stages" ] || { echo "pipeline: $cfg/stages lists no stages" >&2; exit 2; }

# A fixed slice of the general-English corpus (every 12th document) that CPT mixes with the letters, so
# continued pretraining on the domain does not wash out the English the letters are written in.
if [ -f data/pretrain/pretrain.jsonl ] && [ ! -s data/pretrain/english_mix.jsonl ]; then
  awk 'NR % 12 == 0' data/pretrain/pretrain.jsonl > data/pretrain/english_mix.jsonl
fi

t0=$SECONDS
if [ ! -e "$run/tokenizer/tokenizer.json" ]; then
  echo "== tokenizer"
  "$bin" train tokenizer --config "$cfg/tokenizer.json" --out "$run/tokenizer"
  printf 'tokenizer\t%d\n' $((SECONDS - t0)) >> "$timings"
fi

stages=()
while read -r s kind; do
  case "$s" in ''|'#'*) continue ;; esac
  stages+=("$s")
  if [ -e "$run/$s/model/model.safetensors" ]; then echo "== $s: done already"; continue; fi
  resume=()
  [ -f "$run/$s/checkpoint/training_state.safetensors" ] && resume=(--resume)
  echo "== $s ($kind) ${resume[*]:-}"
  s0=$SECONDS
  "$bin" train "$kind" --config "$cfg/$s.json" --run "$run/$s" --tokenizer "$run/tokenizer" "${resume[@]}"
  printf '%s\t%d\n' "$s" $((SECONDS - s0)) >> "$timings"
done < "$cfg/stages"

models=()
for s in "${stages[@]}"; do
  models+=("$run/$s/model")
  [ -f "$run/$s/model/eval.json" ] && continue
  echo "== eval $s"
  e0=$SECONDS
  kind=$(awk -v s="$s" '$1 == s {print $2}' "$cfg/stages")
  if [ "$kind" = pretrain ] || [ "$kind" = cpt ]; then
    "$bin" eval --model "$run/$s/model" --letters evalsets/handwritten.jsonl --letters evalsets/reference_letters.jsonl
  else
    # The model's own letters: one sample a prompt, no guards (eval --candidates 8 measures product decoding).
    "$bin" eval --model "$run/$s/model" --sets evalsets --candidates 1 --unguarded
  fi
  printf 'eval-%s\t%d\n' "$s" $((SECONDS - e0)) >> "$timings"
done
"$bin" eval --compare "${models[@]}" | tee "$run/compare.txt"
echo "pipeline: $((SECONDS - t0)) s this invocation; per-stage times in $timings"
