#!/usr/bin/env python3
"""PyTorch reference of the LM engine's architecture (written for this project, not transformers).

Writes Tests/LMTests/Fixtures/golden_tiny.bin, the contract `swift test` checks the Swift engine
against (GoldenTests.swift). Regenerate only when the architecture changes on purpose:

    python3 -m venv .venv-ref && .venv-ref/bin/pip install torch==2.13.0 numpy
    .venv-ref/bin/python scripts/reference/llama_reference.py

Model: Llama-style decoder. Tied embedding; per layer RMSNorm -> causal attention with RoPE
(Hugging Face half-split / rotate_half) and grouped-query K/V -> residual; RMSNorm -> SwiGLU MLP
down(silu(gate(x)) * up(x)) -> residual; final RMSNorm; logits = x @ embed^T. No biases, fp32.

File layout (all little-endian):
  int32[16]  magic 0x474F4C44 ('GOLD'), version 1, vocab V, dim C, layers L, heads H, kv_heads KVH,
             hidden F, T, B, n_steps, n_params P, 0, 0, 0, 0
  float32[8] rope_theta, norm_eps, lr, beta1, beta2, adam_eps, weight_decay, grad_clip
  int32[B*T] tokens;  int32[B*T] targets;  float32[B*T] mask (loss weight, 0 = ignored)
  float32[P] parameters, in the engine's flat layout (each kind stacked over layers):
             embed (V,C), attn_norm (L,C), wq (L,C,C), wk (L,KVH*d,C), wv (L,KVH*d,C), wo (L,C,C),
             mlp_norm (L,C), w_gate (L,F,C), w_up (L,F,C), w_down (L,C,F), final_norm (C)
             matrices are [out, in] (x @ W^T)
  float32[B*T*V] logits;  float32 loss;  float32[B] per-sequence sum of mask * log p(target)
  float32[P] gradients of loss w.r.t. parameters (same layout)
  float32[n_steps] losses of n_steps AdamW steps on the same batch (loss i is measured before update i)
AdamW: torch.optim.AdamW(lr, betas, eps, weight_decay) with decay only on matrices (embed, wq..w_down),
preceded each step by torch.nn.utils.clip_grad_norm_(all params, grad_clip). Constant lr.
"""
import os
import struct
import sys

import torch

V, C, L, H, KVH, F, T, B = 512, 64, 2, 4, 2, 176, 32, 4
THETA, EPS = 10000.0, 1e-5
LR, BETA1, BETA2, ADAM_EPS, WD, CLIP, STEPS = 1e-2, 0.9, 0.95, 1e-8, 0.1, 1.0, 10
D = C // H

KINDS = ["embed", "attn_norm", "wq", "wk", "wv", "wo", "mlp_norm", "w_gate", "w_up", "w_down", "final_norm"]
SHAPES = {"embed": (V, C), "attn_norm": (L, C), "wq": (L, C, C), "wk": (L, KVH * D, C), "wv": (L, KVH * D, C),
          "wo": (L, C, C), "mlp_norm": (L, C), "w_gate": (L, F, C), "w_up": (L, F, C), "w_down": (L, C, F),
          "final_norm": (C,)}
NORMS = {"attn_norm", "mlp_norm", "final_norm"}


def rms_norm(x, w):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS) * w


def rope_cos_sin(t):
    inv_freq = 1.0 / (THETA ** (torch.arange(0, D, 2, dtype=torch.int64).float() / D))
    freqs = torch.arange(t).float()[:, None] * inv_freq[None, :]          # (T, D/2)
    emb = torch.cat([freqs, freqs], dim=-1)                                 # (T, D)
    return emb.cos(), emb.sin()


def rotate_half(x):
    x1, x2 = x[..., : D // 2], x[..., D // 2:]
    return torch.cat([-x2, x1], dim=-1)


def forward(p, tokens):
    b, t = tokens.shape
    x = p["embed"][tokens]                                                   # (B,T,C)
    cos, sin = rope_cos_sin(t)
    causal = torch.ones(t, t, dtype=torch.bool).tril()
    for l in range(L):
        h = rms_norm(x, p["attn_norm"][l])
        q = (h @ p["wq"][l].T).view(b, t, H, D).transpose(1, 2)               # (B,H,T,D)
        k = (h @ p["wk"][l].T).view(b, t, KVH, D).transpose(1, 2)             # (B,KVH,T,D)
        v = (h @ p["wv"][l].T).view(b, t, KVH, D).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(H // KVH, dim=1)                              # head h reads kv head h // (H/KVH)
        v = v.repeat_interleave(H // KVH, dim=1)
        att = (q @ k.transpose(-1, -2)) / (D ** 0.5)
        att = att.masked_fill(~causal, float("-inf")).softmax(-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, C)
        x = x + y @ p["wo"][l].T
        h = rms_norm(x, p["mlp_norm"][l])
        x = x + (torch.nn.functional.silu(h @ p["w_gate"][l].T) * (h @ p["w_up"][l].T)) @ p["w_down"][l].T
    x = rms_norm(x, p["final_norm"])
    return x @ p["embed"].T                                                   # (B,T,V)


def loss_fn(logits, targets, mask):
    logp = torch.log_softmax(logits, -1).gather(-1, targets[..., None]).squeeze(-1)   # (B,T)
    return -(mask * logp).sum() / mask.sum(), (mask * logp).sum(-1)


def main():
    torch.manual_seed(1234)
    params = {}
    for k in KINDS:
        if k in NORMS:
            params[k] = 1.0 + 0.1 * torch.randn(SHAPES[k])
        else:
            params[k] = 0.1 * torch.randn(SHAPES[k])
        params[k].requires_grad_(True)
    tokens = torch.randint(0, V, (B, T))
    targets = torch.randint(0, V, (B, T))
    mask = (torch.rand(B, T) > 0.15).float()
    mask[:, :5] = 0                      # a "prompt" that takes no loss
    mask[B - 1, T - 8:] = 0              # "padding" at the end of one row

    flat0 = torch.cat([params[k].detach().flatten() for k in KINDS])
    logits = forward(params, tokens)
    loss, seq_logp = loss_fn(logits, targets, mask)
    loss.backward()
    grads = torch.cat([params[k].grad.flatten() for k in KINDS])

    opt = torch.optim.AdamW([
        {"params": [params[k] for k in KINDS if k not in NORMS], "weight_decay": WD},
        {"params": [params[k] for k in KINDS if k in NORMS], "weight_decay": 0.0},
    ], lr=LR, betas=(BETA1, BETA2), eps=ADAM_EPS, foreach=False)
    losses = []
    for _ in range(STEPS):
        opt.zero_grad()
        l_, _ = loss_fn(forward(params, tokens), targets, mask)
        losses.append(l_.item())
        l_.backward()
        torch.nn.utils.clip_grad_norm_([params[k] for k in KINDS], CLIP)
        opt.step()

    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "Tests", "LMTests", "Fixtures", "golden_tiny.bin")
    P = flat0.numel()
    f32 = lambda t: t.detach().contiguous().float().numpy().astype("<f4").tobytes()
    i32 = lambda t: t.contiguous().int().numpy().astype("<i4").tobytes()
    with open(out, "wb") as f:
        f.write(struct.pack("<16i", 0x474F4C44, 1, V, C, L, H, KVH, F, T, B, STEPS, P, 0, 0, 0, 0))
        f.write(struct.pack("<8f", THETA, EPS, LR, BETA1, BETA2, ADAM_EPS, WD, CLIP))
        f.write(i32(tokens)); f.write(i32(targets)); f.write(f32(mask))
        f.write(f32(flat0)); f.write(f32(logits)); f.write(struct.pack("<f", loss.item())); f.write(f32(seq_logp))
        f.write(f32(grads)); f.write(struct.pack(f"<{STEPS}f", *losses))
    print(f"wrote {out}: {os.path.getsize(out)} bytes, {P} params, loss {loss.item():.6f}, losses {losses}")


if __name__ == "__main__":
    main()
