"""PyTorch peer of our engine for bench/speed: the reference architecture of scripts/reference/llama_reference.py
(the golden-test model) with the weights of one of our checkpoints, a training step, and KV-cache decoding.

The math is the reference's (rms_norm, rotate_half RoPE, SwiGLU, tied head); attention goes through
torch's scaled_dot_product_attention (the same function, its fused CPU kernel), as a PyTorch user would write it.
"""
import json
import os
import sys

import torch
import torch.nn.functional as Fn

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "reference"))
import llama_reference as ref  # noqa: E402

KINDS = ref.KINDS


def configure(cfg):
    """Points the reference module's globals at a config.json (dict) so its helpers use our shape."""
    ref.V, ref.C, ref.L = cfg["vocab_size"], cfg["hidden_size"], cfg["num_hidden_layers"]
    ref.H, ref.KVH, ref.F = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["intermediate_size"]
    ref.EPS, ref.D = cfg["rms_norm_eps"], ref.C // ref.H
    ref.THETA = float(cfg.get("rope_theta") or cfg.get("rope_parameters", {}).get("rope_theta", 10000.0))


def load_params(model_dir):
    """Our checkpoint (Hugging Face names) as the reference's stacked parameter dict."""
    from safetensors.torch import load_file
    cfg = json.load(open(os.path.join(model_dir, "config.json")))
    configure(cfg)
    w = load_file(os.path.join(model_dir, "model.safetensors"))
    names = {"attn_norm": "input_layernorm", "wq": "self_attn.q_proj", "wk": "self_attn.k_proj",
             "wv": "self_attn.v_proj", "wo": "self_attn.o_proj", "mlp_norm": "post_attention_layernorm",
             "w_gate": "mlp.gate_proj", "w_up": "mlp.up_proj", "w_down": "mlp.down_proj"}
    p = {"embed": w["model.embed_tokens.weight"], "final_norm": w["model.norm.weight"]}
    for k, hf in names.items():
        p[k] = torch.stack([w[f"model.layers.{l}.{hf}.weight"] for l in range(ref.L)])
    return cfg, {k: p[k].float().contiguous() for k in KINDS}


def forward(p, tokens):
    """The reference forward (llama_reference.forward) with attention through SDPA; (B,T) -> logits (B,T,V)."""
    b, t = tokens.shape
    H, KVH, D, C = ref.H, ref.KVH, ref.D, ref.C
    x = p["embed"][tokens]
    cos, sin = ref.rope_cos_sin(t)
    for l in range(ref.L):
        h = ref.rms_norm(x, p["attn_norm"][l])
        q = (h @ p["wq"][l].T).view(b, t, H, D).transpose(1, 2)
        k = (h @ p["wk"][l].T).view(b, t, KVH, D).transpose(1, 2)
        v = (h @ p["wv"][l].T).view(b, t, KVH, D).transpose(1, 2)
        q = q * cos + ref.rotate_half(q) * sin
        k = k * cos + ref.rotate_half(k) * sin
        y = Fn.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=H != KVH)
        x = x + y.transpose(1, 2).reshape(b, t, C) @ p["wo"][l].T
        h = ref.rms_norm(x, p["mlp_norm"][l])
        x = x + (Fn.silu(h @ p["w_gate"][l].T) * (h @ p["w_up"][l].T)) @ p["w_down"][l].T
    x = ref.rms_norm(x, p["final_norm"])
    return x @ p["embed"].T


def loss_fn(p, tokens, targets):
    logits = forward(p, tokens)
    return Fn.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))


def make_optimizer(p):
    """AdamW as our engine's: decay on matrices only (torch's default implementation for CPU tensors)."""
    return torch.optim.AdamW([
        {"params": [p[k] for k in KINDS if k not in ref.NORMS], "weight_decay": 0.1},
        {"params": [p[k] for k in KINDS if k in ref.NORMS], "weight_decay": 0.0},
    ], lr=1e-4, betas=(0.9, 0.95), eps=1e-8)


@torch.no_grad()
def greedy_decode(p, prompts, new_tokens):
    """KV-cache greedy decoding of a batch of equal-length prompts: prefill, then one token a step."""
    H, KVH, D, C = ref.H, ref.KVH, ref.D, ref.C
    b, t0 = prompts.shape
    cap = t0 + new_tokens
    cos_all, sin_all = ref.rope_cos_sin(cap)
    kc = torch.zeros(ref.L, b, KVH, cap, D)
    vc = torch.zeros(ref.L, b, KVH, cap, D)
    out = []
    toks, pos = prompts, 0
    for _ in range(new_tokens):
        t = toks.shape[1]
        cos, sin = cos_all[pos:pos + t], sin_all[pos:pos + t]
        x = p["embed"][toks]
        for l in range(ref.L):
            h = ref.rms_norm(x, p["attn_norm"][l])
            q = (h @ p["wq"][l].T).view(b, t, H, D).transpose(1, 2)
            k = (h @ p["wk"][l].T).view(b, t, KVH, D).transpose(1, 2)
            v = (h @ p["wv"][l].T).view(b, t, KVH, D).transpose(1, 2)
            q = q * cos + ref.rotate_half(q) * sin
            k = k * cos + ref.rotate_half(k) * sin
            kc[l, :, :, pos:pos + t] = k
            vc[l, :, :, pos:pos + t] = v
            y = Fn.scaled_dot_product_attention(q, kc[l, :, :, :pos + t], vc[l, :, :, :pos + t],
                                                is_causal=t > 1, enable_gqa=H != KVH)
            x = x + y.transpose(1, 2).reshape(b, t, C) @ p["wo"][l].T
            h = ref.rms_norm(x, p["mlp_norm"][l])
            x = x + (Fn.silu(h @ p["w_gate"][l].T) * (h @ p["w_up"][l].T)) @ p["w_down"][l].T
        x = ref.rms_norm(x[:, -1], p["final_norm"])
        nxt = (x @ p["embed"].T).argmax(-1)
        out.append(nxt)
        pos += t
        toks = nxt[:, None]
    return torch.stack(out, 1)
