#!/usr/bin/env python3
"""Checks that our checkpoints and Hugging Face transformers agree, both ways.

    model_check.py export DIR   # DIR/ours + DIR/ours_expected.bin were written by InteropTests.testExportForInterop:
                                # LlamaForCausalLM.from_pretrained(DIR/ours) must give our logits (1e-4 relative)
                                # and the same 64-token greedy continuation.
    model_check.py make-hf DIR  # saves a random transformers LlamaForCausalLM (tied embeddings, safetensors) to
                                # DIR/hf and its logits to DIR/hf_expected.bin for InteropTests.testImportFromTransformers.
Binary layouts are documented in Tests/LMTests/InteropTests.swift. model_check.sh runs all four steps.
"""
import os
import sys

import numpy as np
import torch
from transformers import LlamaConfig, LlamaForCausalLM

TOL = 1e-4


def rel_err(a, b):
    return float(np.abs(a - b).max() / max(np.abs(b).max(), 1e-8))


def check_export(d):
    raw = open(os.path.join(d, "ours_expected.bin"), "rb").read()
    B, T, V, P, G = np.frombuffer(raw, "<i4", 5)
    off = 20
    tokens = np.frombuffer(raw, "<i4", B * T, off).reshape(B, T); off += 4 * B * T
    ours = np.frombuffer(raw, "<f4", B * T * V, off).reshape(B, T, V); off += 4 * B * T * V
    prompt = np.frombuffer(raw, "<i4", P, off); off += 4 * P
    our_gen = np.frombuffer(raw, "<i4", G, off); off += 4 * G
    our_gen_pen = np.frombuffer(raw, "<i4", G, off)

    model = LlamaForCausalLM.from_pretrained(os.path.join(d, "ours"), dtype=torch.float32).eval()
    with torch.no_grad():
        logits = model(torch.tensor(tokens, dtype=torch.long)).logits.numpy()
    e = rel_err(logits, ours)
    print(f"export: transformers logits vs ours, max relative error {e:.3e} (tolerance {TOL})")
    ok = e <= TOL
    same = True
    for penalty, expected in ((1.0, our_gen), (1.3, our_gen_pen)):
        with torch.no_grad():   # explicit options: generation_config.json holds our sampling defaults
            out = model.generate(torch.tensor(prompt[None, :], dtype=torch.long), do_sample=False,
                                 max_new_tokens=int(G), min_new_tokens=int(G), repetition_penalty=penalty,
                                 top_k=None, top_p=None, temperature=None, pad_token_id=0)
        hf_gen = out[0, P:].numpy()
        ok_gen = np.array_equal(hf_gen, expected)
        print(f"export: greedy {G} tokens (repetition_penalty {penalty}) identical: {ok_gen}")
        if not ok_gen:
            print("  ours:", expected.tolist()); print("  hf:  ", hf_gen.tolist())
        same = same and ok_gen
    return ok and same


def make_hf(d):
    torch.manual_seed(7)
    cfg = LlamaConfig(vocab_size=384, hidden_size=96, intermediate_size=256, num_hidden_layers=3,
                      num_attention_heads=6, num_key_value_heads=3, head_dim=16, max_position_embeddings=128,
                      rms_norm_eps=1e-5, rope_theta=10000.0, tie_word_embeddings=True, initializer_range=0.2,
                      bos_token_id=1, eos_token_id=2)
    model = LlamaForCausalLM(cfg).eval()
    with torch.no_grad():   # non-trivial norm gains so their loading is tested too
        for n, p in model.named_parameters():
            if "norm" in n:
                p.copy_(1 + 0.1 * torch.randn_like(p))
    model.save_pretrained(os.path.join(d, "hf"), safe_serialization=True)
    B, T = 2, 40
    tokens = torch.randint(0, cfg.vocab_size, (B, T))
    with torch.no_grad():
        logits = model(tokens).logits
    with open(os.path.join(d, "hf_expected.bin"), "wb") as f:
        f.write(np.array([B, T, cfg.vocab_size], "<i4").tobytes())
        f.write(tokens.numpy().astype("<i4").tobytes())
        f.write(logits.numpy().astype("<f4").tobytes())
    print(f"make-hf: saved {os.listdir(os.path.join(d, 'hf'))} and logits for {B}x{T} tokens")
    return True


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("export", "make-hf"):
        sys.exit(__doc__)
    ok = check_export(sys.argv[2]) if sys.argv[1] == "export" else make_hf(sys.argv[2])
    sys.exit(0 if ok else 1)
