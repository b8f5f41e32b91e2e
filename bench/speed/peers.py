#!/usr/bin/env python3
"""One peer measurement per process (so peak RSS is that peer's alone); prints one JSON line.

    peers.py train  --engine eager|compile|bf16|bf16-compile --config A --model DIR --steps 5 --warmup 2
                    (bf16: the same step under torch.autocast("cpu", bfloat16), eager or compiled)
    peers.py decode --engine torch|hf|llama|llama-fa --model DIR|FILE.gguf --prompts P.json --new-tokens 256 --runs 5
    peers.py sgemm  (torch's matmul on the same shapes, for reference)

Threads: BENCH_THREADS (default 2) for torch and llama.cpp alike.
"""
import argparse
import json
import os
import resource
import sys
import time

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
SHAPES = {"A": (16, 256), "B": (16, 256), "C": (8, 512)}   # (batch, seq_len); the model shapes are in config.json


def peak_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def train(a):
    import torch
    torch.set_num_threads(THREADS)
    import torch_model as tm
    cfg, p = tm.load_params(a.model)
    for t in p.values():
        t.requires_grad_(True)
    b, t = SHAPES[a.config]
    g = torch.Generator().manual_seed(1)
    toks = torch.randint(0, cfg["vocab_size"], (b * t + 1,), generator=g)
    inputs, targets = toks[:-1].view(b, t), toks[1:].view(b, t)
    opt = tm.make_optimizer(p)
    loss_fn = tm.loss_fn
    if a.engine.startswith("bf16"):
        # autocast: matrix products on bf16 operands with fp32 sums; fp32 parameters, grads and AdamW
        def loss_fn(p, inputs, targets):
            with torch.autocast("cpu", dtype=torch.bfloat16):
                return tm.loss_fn(p, inputs, targets)
    if a.engine.endswith("compile"):
        loss_fn = torch.compile(loss_fn)
        opt_step = torch.compile(opt.step)
    else:
        opt_step = opt.step
    secs, first = [], None
    for step in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(p, inputs, targets)
        loss.backward()
        opt_step()
        if first is None:
            first = loss.item()
        if step >= a.warmup:
            secs.append(time.perf_counter() - t0)
    n = b * t
    return {"engine": "torch-" + a.engine, "config": a.config, "threads": torch.get_num_threads(), "first_loss": first,
            "step_seconds": secs, "tokens_per_s": [n / s for s in secs], "peak_rss_bytes": peak_rss(),
            "torch": torch.__version__}


def decode(a):
    prompts = json.load(open(a.prompts))
    n = len(prompts) * a.new_tokens
    run = {"torch": decode_torch, "hf": decode_hf, "llama": decode_llama, "llama-fa": decode_llama}[a.engine]
    tokens, secs, extra = run(a, prompts)
    return {"engine": a.engine, "batch": len(prompts), "new_tokens": a.new_tokens, "threads": THREADS,
            "tokens": tokens, "seconds": secs, "tokens_per_s": [n / s for s in secs], "peak_rss_bytes": peak_rss(), **extra}


def timed_runs(a, once):
    once()                                       # untimed warm-up
    secs, out = [], None
    for _ in range(a.runs):
        t0 = time.perf_counter()
        out = once()
        secs.append(time.perf_counter() - t0)
    return out, secs


def decode_torch(a, prompts):
    import torch
    torch.set_num_threads(THREADS)
    import torch_model as tm
    _, p = tm.load_params(a.model)
    x = torch.tensor(prompts)
    out, secs = timed_runs(a, lambda: tm.greedy_decode(p, x, a.new_tokens))
    return out.tolist(), secs, {"torch": torch.__version__}


def decode_hf(a, prompts):
    import torch
    torch.set_num_threads(THREADS)
    import transformers
    m = transformers.LlamaForCausalLM.from_pretrained(a.model, dtype=torch.float32, attn_implementation="sdpa").eval()
    x = torch.tensor(prompts)
    # A fresh generation config: the checkpoint's generation_config.json carries sampling defaults
    # (repetition penalty) that greedy decoding must not apply. No stop token: always new_tokens.
    gc = transformers.GenerationConfig(max_new_tokens=a.new_tokens, min_new_tokens=a.new_tokens, do_sample=False,
                                       use_cache=True, pad_token_id=0, eos_token_id=None, repetition_penalty=1.0)
    kw = dict(generation_config=gc, attention_mask=torch.ones_like(x))
    with torch.no_grad():
        out, secs = timed_runs(a, lambda: m.generate(x, **kw))
    return out[:, x.shape[1]:].tolist(), secs, {"transformers": transformers.__version__}


def decode_llama(a, prompts):
    """llama.cpp through llama-cpp-python's C API: one llama_decode per step for the whole batch,
    each prompt its own sequence; f32 weights (the GGUF) and an f32 KV cache; greedy argmax.
    Flash attention off ("llama") or on its default "auto" ("llama-fa")."""
    import ctypes
    import numpy as np
    import llama_cpp as L
    L.llama_backend_init()
    mp = L.llama_model_default_params()
    model = L.llama_model_load_from_file(a.model.encode(), mp)
    nb, t0 = len(prompts), len(prompts[0])
    cp = L.llama_context_default_params()
    cp.n_seq_max = nb
    cp.n_ctx = nb * (t0 + a.new_tokens + 32)
    cp.n_batch = cp.n_ubatch = max(512, nb * t0)
    cp.n_threads = cp.n_threads_batch = THREADS
    cp.type_k = cp.type_v = 0                       # GGML_TYPE_F32
    # Flash attention off: llama.cpp's CPU flash-attention kernel (on under "auto") rounds Q to f16,
    # which moved the greedy path off ours after a few dozen tokens; off, attention is f32 throughout.
    # "llama-fa" measures it with flash attention on "auto" (its default), shown for reference.
    cp.flash_attn_type = -1 if a.engine == "llama-fa" else 0
    ctx = L.llama_init_from_model(model, cp)
    vocab = L.llama_model_get_vocab(model)
    V = L.llama_vocab_n_tokens(vocab)
    batch = L.llama_batch_init(cp.n_batch, 0, 1)
    mem = L.llama_get_memory(ctx)

    def submit(rows):                                # rows: (token, pos, seq, wants_logits)
        batch.n_tokens = len(rows)
        for i, (tok, pos, seq, lg) in enumerate(rows):
            batch.token[i], batch.pos[i], batch.n_seq_id[i], batch.logits[i] = tok, pos, 1, lg
            batch.seq_id[i][0] = seq
        if L.llama_decode(ctx, batch) != 0:
            raise RuntimeError("llama_decode failed")

    def once():
        L.llama_memory_clear(mem, True)
        submit([(tok, i, s, i == t0 - 1) for s, pr in enumerate(prompts) for i, tok in enumerate(pr)])
        out = [[] for _ in prompts]
        for step in range(a.new_tokens):
            last = [s * t0 + t0 - 1 for s in range(nb)] if step == 0 else list(range(nb))
            for s in range(nb):
                logits = np.ctypeslib.as_array(L.llama_get_logits_ith(ctx, last[s]), shape=(V,))
                out[s].append(int(np.argmax(logits)))
            if step + 1 < a.new_tokens:
                submit([(out[s][-1], t0 + step, s, True) for s in range(nb)])
        return out

    out, secs = timed_runs(a, once)
    return out, secs, {"llama_cpp_python": L.__version__, "system_info": L.llama_print_system_info().decode()[:300]}


def sgemm(a):
    import torch
    torch.set_num_threads(THREADS)
    res = {}
    for k, n in [(384, 384), (384, 1024), (1024, 384), (512, 1536), (1536, 512)]:
        x, w = torch.randn(4096, k), torch.randn(n, k)
        x @ w.T
        ts = []
        for _ in range(5):
            t0 = time.perf_counter(); x @ w.T; ts.append(time.perf_counter() - t0)
        res[f"fwd M=4096 K={k} N={n}"] = 2 * 4096 * k * n / sorted(ts)[2] / 1e9
    return {"threads": THREADS, "shapes": res, "peak_gflops": max(res.values())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["train", "decode", "sgemm"])
    ap.add_argument("--engine", default="eager")
    ap.add_argument("--config", default="A")
    ap.add_argument("--model")
    ap.add_argument("--prompts")
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--new-tokens", type=int, default=256)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    print(json.dumps({"train": train, "decode": decode, "sgemm": sgemm}[a.what](a)))


if __name__ == "__main__":
    main()
