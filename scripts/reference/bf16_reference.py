#!/usr/bin/env python3
"""PyTorch autocast (bf16) reference for the engine's mixed-precision path (issue #22).

Reads the inputs of Tests/LMTests/Fixtures/golden_tiny.bin (parameters, tokens, targets, mask; written
by llama_reference.py) and runs the same model (llama_reference.forward) under
torch.autocast("cpu", dtype=torch.bfloat16): every matrix product takes bf16 operands and sums in
fp32; parameters, gradients and the loss stay fp32. Writes Tests/LMTests/Fixtures/golden_bf16.bin,
which BF16GoldenTests.swift checks our bf16 path against. Python is the reference only; the product
never runs it.

    python3 -m venv .venv-ref && .venv-ref/bin/pip install torch==2.13.0 numpy
    .venv-ref/bin/python scripts/reference/bf16_reference.py

File layout (little-endian):
  int32[4]   magic 0x42463136 ('BF16'), version 1, n_params P, 0
  float32    autocast loss;  float32 fp32 loss (the same model without autocast)
  float32[P] autocast gradients of the loss, in the engine's flat layout (llama_reference.py)
"""
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
import llama_reference as ref  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "LMTests", "Fixtures")


def read_inputs(path):
    """Parameters and batch of golden_tiny.bin (layout in llama_reference.py)."""
    data = open(path, "rb").read()
    h = struct.unpack_from("<16i", data, 0)
    assert h[0] == 0x474F4C44 and h[1] == 1, "not a golden fixture"
    V, C, L, H, KVH, F, T, B, _, P = h[2:12]
    assert (V, C, L, H, KVH, F, T, B) == (ref.V, ref.C, ref.L, ref.H, ref.KVH, ref.F, ref.T, ref.B), "shape differs"
    pos = 64 + 32
    ints = lambda n: torch.frombuffer(bytearray(data[pos:pos + 4 * n]), dtype=torch.int32).long()
    flts = lambda n: torch.frombuffer(bytearray(data[pos:pos + 4 * n]), dtype=torch.float32).clone()
    tokens = ints(B * T).view(B, T); pos += 4 * B * T
    targets = ints(B * T).view(B, T); pos += 4 * B * T
    mask = flts(B * T).view(B, T); pos += 4 * B * T
    flat = flts(P)
    params, o = {}, 0
    for k in ref.KINDS:
        n = 1
        for s in ref.SHAPES[k]:
            n *= s
        params[k] = flat[o:o + n].view(ref.SHAPES[k]).clone().requires_grad_(True)
        o += n
    assert o == P
    return params, tokens, targets, mask


def main():
    params, tokens, targets, mask = read_inputs(os.path.join(FIXTURES, "golden_tiny.bin"))
    with torch.no_grad():
        fp32_loss, _ = ref.loss_fn(ref.forward(params, tokens), targets, mask)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        logits = ref.forward(params, tokens)
    loss, _ = ref.loss_fn(logits.float(), targets, mask)   # the loss in fp32, as ours
    loss.backward()
    grads = torch.cat([params[k].grad.flatten() for k in ref.KINDS])
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(FIXTURES, "golden_bf16.bin")
    with open(out, "wb") as f:
        f.write(struct.pack("<4i", 0x42463136, 1, grads.numel(), 0))
        f.write(struct.pack("<2f", loss.item(), fp32_loss.item()))
        f.write(grads.detach().float().numpy().astype("<f4").tobytes())
    print(f"wrote {out}: autocast loss {loss.item():.6f}, fp32 loss {fp32_loss.item():.6f}")


if __name__ == "__main__":
    main()
