#!/usr/bin/env bash
# The whole training pipeline for one model: tokenizer -> pretrain -> cpt -> sft -> dpo -> dpo2 -> sft2 -> dpo-v2 -> sft3 -> sft4 -> eval.
# dpo2 is a second, on-policy DPO round from the first round's model (configs/dpo2.json).
# Each stage resumes from its last checkpoint when re-run after a kill, and is skipped once finished.
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

stage() {  # stage NAME DONE-MARKER COMMAND...
  local s=$1 done=$2; shift 2
  if [ -e "$done" ]; then echo "== $s: done already ($done)"; return; fi
  local resume=()
  [ -f "$run/$s/checkpoint/training_state.safetensors" ] && resume=(--resume)
  echo "== $s ${resume[*]:-}"
  local t0=$SECONDS
  "$@" "${resume[@]}"
  printf '%s\t%d\n' "$s" $((SECONDS - t0)) >> "$timings"
}

t0=$SECONDS
if [ ! -e "$run/tokenizer/tokenizer.json" ]; then
  echo "== tokenizer"
  "$bin" train tokenizer --config "$cfg/tokenizer.json" --out "$run/tokenizer"
  printf 'tokenizer\t%d\n' $((SECONDS - t0)) >> "$timings"
fi
stage pretrain "$run/pretrain/model/model.safetensors" "$bin" train pretrain --config "$cfg/pretrain.json"
stage cpt      "$run/cpt/model/model.safetensors"      "$bin" train cpt --config "$cfg/cpt.json"
stage sft      "$run/sft/model/model.safetensors"      "$bin" train sft --config "$cfg/sft.json"
stage dpo      "$run/dpo/model/model.safetensors"      "$bin" train dpo --config "$cfg/dpo.json"
stage dpo2     "$run/dpo2/model/model.safetensors"     "$bin" train dpo --config "$cfg/dpo2.json" --run "$run/dpo2"
# The judge that reads letters as a person does, and the composer rewritten to pass it: SFT again on the new
# composer's letters, then DPO on pairs the new judge ranks.
stage sft2     "$run/sft2/model/model.safetensors"     "$bin" train sft --config "$cfg/sft2.json" --run "$run/sft2"
stage dpo-v2   "$run/dpo-v2/model/model.safetensors"   "$bin" train dpo --config "$cfg/dpo-v2.json" --run "$run/dpo-v2"
# Name slots: the SFT letters name the authority and keywords as {authority}, {k1}.. which the writer fills.
stage sft3     "$run/sft3/model/model.safetensors"     "$bin" train sft --config "$cfg/sft3.json" --run "$run/sft3"
# Letters as varied as people's (three-line, background, follow-ups) from the composer after its reading.
stage sft4     "$run/sft4/model/model.safetensors"     "$bin" train sft --config "$cfg/sft4.json" --run "$run/sft4"

for s in pretrain cpt sft dpo dpo2 sft2 dpo-v2 sft3 sft4; do
  [ -f "$run/$s/model/eval.json" ] && continue
  echo "== eval $s"
  e0=$SECONDS
  if [ "$s" = pretrain ] || [ "$s" = cpt ]; then
    "$bin" eval --model "$run/$s/model" --sets evalsets --letters evalsets/reference_letters.jsonl
  else
    # The model's own letters: one sample a prompt, no guards (eval --candidates 8 measures product decoding).
    "$bin" eval --model "$run/$s/model" --sets evalsets --candidates 1 --unguarded
  fi
  printf 'eval-%s\t%d\n' "$s" $((SECONDS - e0)) >> "$timings"
done
"$bin" eval --compare "$run/pretrain/model" "$run/cpt/model" "$run/sft/model" "$run/dpo/model" "$run/dpo2/model" \
  "$run/sft2/model" "$run/dpo-v2/model" "$run/sft3/model" "$run/sft4/model" | tee "$run/compare.txt"
echo "pipeline: $((SECONDS - t0)) s this invocation; per-stage times in $timings"
