#!/usr/bin/env python3
"""Engine speed benchmark (issue #10): our engine against PyTorch (eager, torch.compile), Hugging Face
generate and llama.cpp, on the same architecture and weights, in one run on one machine.

Prints one table of ratios (ours / peer) and writes bench/results.json. Run through bench/speed/run.sh.
Every measurement runs in its own process (peak RSS is that process's own) with the same thread count.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, ".build", "release", "foibandit")
PEERS = os.path.join(ROOT, "bench", "speed", "peers.py")
TOKENIZER = os.path.join(ROOT, "models", "foibandit-small", "tokenizer.json")
MB = 1024 * 1024


def run_json(cmd, env):
    t0 = time.time()
    r = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout[-3000:] + r.stderr[-3000:])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    line = [l for l in r.stdout.splitlines() if l.startswith("{")][-1]
    out = json.loads(line)
    print(f"  {os.path.basename(cmd[0])} {' '.join(cmd[1:4])}: {time.time() - t0:.0f}s", file=sys.stderr)
    return out


def med(xs):
    return statistics.median(xs)


def agreement(ours, peer):
    """Share of generated positions where the peer's greedy token equals ours, and the first divergence."""
    same = total = 0
    first = None
    for s, (a, b) in enumerate(zip(ours, peer)):
        for i, (x, y) in enumerate(zip(a, b)):
            total += 1
            same += x == y
            if x != y and first is None:
                first = (s, i)
    return same / max(total, 1), first


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--configs", default="A,B,C")
    ap.add_argument("--decode-config", default="B")
    ap.add_argument("--only", choices=["all", "train", "decode"], default="all")
    ap.add_argument("--steps", type=int, default=5, help="timed training steps (median)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5, help="timed decoding runs (median)")
    ap.add_argument("--new-tokens", type=int, default=256)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--python", default=os.path.join(ROOT, ".venv-bench", "bin", "python"))
    ap.add_argument("--work", default=os.path.join(ROOT, "bench", "speed", "work"))
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results.json"))
    ap.add_argument("--skip", default="", help="comma list of peers to leave out: "
                    "eager,compile,bf16,bf16-compile,ours-bf16,torch,hf,llama,llama-fa")
    ap.add_argument("--merge", nargs="+", help="combine results files of partial runs (train, decode) into --out")
    a = ap.parse_args()
    if a.merge:
        res = json.load(open(a.merge[0]))
        for f in a.merge[1:]:
            o = json.load(open(f))
            res["train"].update(o["train"]); res["decode"].update(o["decode"])
            if o["decode"]:                      # the decoding run's own settings, whatever the order
                res["decode_config"], res["decode_sgemm"] = o.get("decode_config"), o["sgemm"]
        json.dump(res, open(a.out, "w"), indent=1, sort_keys=True)
        print(table(res))
        return
    skip = set(filter(None, a.skip.split(",")))
    os.makedirs(a.work, exist_ok=True)
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(a.threads), OMP_NUM_THREADS=str(a.threads),
               MKL_NUM_THREADS=str(a.threads), BENCH_THREADS=str(a.threads))
    res = {"threads": a.threads, "machine": platform.processor() or platform.machine(), "cpus": os.cpu_count(),
           "started": time.strftime("%Y-%m-%d %H:%M:%S"), "steps": a.steps, "warmup": a.warmup, "runs": a.runs,
           "train": {}, "decode": {}}
    try:
        res["cpu_model"] = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    except (OSError, IndexError):
        pass

    print("sgemm peak (OpenBLAS, our process)", file=sys.stderr)
    res["sgemm"] = run_json([BIN, "bench", "sgemm"], env)
    peak = res["sgemm"]["peak_gflops"] * 1e9
    print("bf16: our GEMM and the vdpbf16ps / FMA instruction peaks", file=sys.stderr)
    res["bf16"] = run_json([BIN, "bench", "bf16"], env)
    bf16_peak = res["bf16"]["bf16_dot_peak_gflops"] * 1e9
    model_dir = lambda c: os.path.join(a.work, f"model-{c}")
    configs = [c.strip().upper() for c in a.configs.split(",") if c.strip()]
    for c in (configs if a.only != "decode" else []):
        run_json([BIN, "bench", "init", "--config", c, "--out", model_dir(c), "--tokenizer", TOKENIZER], env)
    if a.only != "train":
        # Decoding model: larger random weights, so its greedy tokens vary (std 0.02 loops on one token).
        run_json([BIN, "bench", "init", "--config", a.decode_config, "--out", model_dir("decode"), "--init-std", "0.1",
                  "--tokenizer", TOKENIZER], env)

    if a.only in ("all", "train"):
        for c in configs:
            print(f"training, config {c}", file=sys.stderr)
            ours = [BIN, "bench", "train", "--config", c, "--model", model_dir(c),
                    "--steps", str(a.steps), "--warmup", str(a.warmup)]
            r = {"ours": run_json(ours + ["--precision", "fp32"], env)}
            if "ours-bf16" not in skip and res["bf16"]["available"]:
                r["ours-bf16"] = run_json(ours + ["--precision", "bf16"], env)
            for eng in ("eager", "compile", "bf16", "bf16-compile"):
                if eng not in skip:
                    r["torch-" + eng] = run_json([a.python, PEERS, "train", "--engine", eng, "--config", c, "--model",
                                                  model_dir(c), "--steps", str(a.steps), "--warmup", str(a.warmup)], env)
            fpt = r["ours"]["flops_per_token"]
            for v in r.values():
                v["median_tokens_per_s"] = med(v["tokens_per_s"])
                v["flops_share_of_sgemm_peak"] = fpt * v["median_tokens_per_s"] / peak
                if "bf16" in v["engine"] and bf16_peak > 0:
                    v["flops_share_of_bf16_peak"] = fpt * v["median_tokens_per_s"] / bf16_peak
            res["train"][c] = r
            save(res, a.out)

    if a.only in ("all", "decode"):
        c = a.decode_config
        import random
        rng = random.Random(1234)
        vocab = json.load(open(os.path.join(model_dir("decode"), "config.json")))["vocab_size"]
        rows = [[rng.randrange(vocab) for _ in range(32)] for _ in range(16)]
        gguf = os.path.join(a.work, "model-decode.gguf")
        subprocess.run([BIN, "export", "--model", model_dir("decode"), "--gguf", gguf], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        for nb in (1, 16):
            print(f"decoding, config {c}, batch {nb}", file=sys.stderr)
            pf = os.path.join(a.work, f"prompts-{nb}.json")
            json.dump(rows[:nb], open(pf, "w"))
            common = ["--prompts", pf, "--new-tokens", str(a.new_tokens), "--runs", str(a.runs)]
            r = {"ours": run_json([BIN, "bench", "decode", "--model", model_dir("decode")] + common, env)}
            for eng, target in (("torch", model_dir("decode")), ("hf", model_dir("decode")), ("llama", gguf),
                                ("llama-fa", gguf)):
                if eng not in skip:
                    r[eng] = run_json([a.python, PEERS, "decode", "--engine", eng, "--model", target] + common, env)
            for name, v in r.items():
                v["median_tokens_per_s"] = med(v["tokens_per_s"])
                v["agreement"], v["first_divergence"] = agreement(r["ours"]["tokens"], v["tokens"])
            memory_bound(r["ours"])
            res["decode"][str(nb)] = r
            res["decode_config"] = c
            save(res, a.out)
        res["decode_config"] = c
    save(res, a.out)
    print(table(res))


def memory_bound(o):
    """The memory bound of each of our runs: tokens/s if a decode only had to read its bytes (every weight
    once a step, each sequence's keys and values) at the speed of a plain read of a step's bytes probed
    just before the run; and our share of it, run by run (bandwidth here moves with the neighbours)."""
    if "read_gbps" not in o:
        return
    n = o["batch"] * o["new_tokens"]
    bounds = [n * g * 1e9 / o["bytes_read"] for g in o["read_gbps"]]
    o["memory_bound_tokens_per_s"] = med(bounds)
    o["share_of_memory_bound"] = med([t / b for t, b in zip(o["tokens_per_s"], bounds)])


def save(res, out):
    """Writes results.json (token lists cut to their heads; they were checked already). Also called after
    every finished section, so a run cut short by a time limit keeps what it measured."""
    import copy
    r = copy.deepcopy(res)
    for sect in r["decode"].values():
        for v in sect.values():
            v["tokens_head"] = [t[:8] for t in v.pop("tokens")[:2]]
    json.dump(r, open(out, "w"), indent=1, sort_keys=True)


def table(res):
    peak = res["sgemm"]["peak_gflops"]
    L = [f"threads {res['threads']}; {res.get('cpu_model', res['machine'])}; sgemm peak (OpenBLAS, same run) "
         f"{peak:.0f} GFLOP/s; medians of {res['steps']} training steps / {res['runs']} decoding runs", ""]
    if "bf16" in res:
        b = res["bf16"]
        L[0] += (f"\ninstruction peaks (all threads, same run): vdpbf16ps {b['bf16_dot_peak_gflops']:.0f}, fp32 FMA "
                 f"{b['fp32_fma_peak_gflops']:.0f} GFLOP/s; our bf16 GEMM peak {b['gemm_peak_gflops']:.0f}; "
                 f"automatic precision here: {b['automatic']}")
    if res["train"]:
        L += ["| train (fwd+bwd+AdamW) | engine | tokens/s | ours / engine | ours-bf16 / engine | model FLOP/s share of "
              "sgemm peak | share of bf16 peak | peak RSS MB |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
        for c, r in res["train"].items():
            o = r["ours"]["median_tokens_per_s"]
            ob = r["ours-bf16"]["median_tokens_per_s"] if "ours-bf16" in r else None
            for name, v in r.items():
                t = v["median_tokens_per_s"]
                rb = f"{ob / t:.2f}" if ob else "—"
                sb = f"{100 * v['flops_share_of_bf16_peak']:.0f}%" if "flops_share_of_bf16_peak" in v else "—"
                L.append(f"| {c} | {name} | {t:.0f} | {o / t:.2f} | {rb} | "
                         f"{100 * v['flops_share_of_sgemm_peak']:.0f}% | {sb} | {v['peak_rss_bytes'] / MB:.0f} |")
        L.append("")
    if res["decode"]:
        L += ["| decode (greedy, 32-token prompt, 256 new) | engine | tokens/s | ours / engine | tokens equal to ours | peak RSS MB |",
              "|---|---|---:|---:|---:|---:|"]
        for nb, r in res["decode"].items():
            o = r["ours"]["median_tokens_per_s"]
            for name, v in r.items():
                agree = v["agreement"]
                ratio = f"{o / v['median_tokens_per_s']:.2f}" if agree >= 0.99 else "n/a (tokens differ)"
                label = f"ours ({v['kernels']} kernels)" if name == "ours" and "kernels" in v else name
                L.append(f"| batch {nb} | {label} | {v['median_tokens_per_s']:.0f} | {ratio} | {100 * agree:.1f}% | "
                         f"{v['peak_rss_bytes'] / MB:.0f} |")
        for nb, r in res["decode"].items():
            o = r["ours"]
            if "memory_bound_tokens_per_s" in o:
                L.append(f"\nbatch {nb}: memory bound {o['memory_bound_tokens_per_s']:.0f} tokens/s (a plain read of a step's "
                         f"{o['bytes_read'] / o['new_tokens'] / 1e6:.0f} MB at {med(o['read_gbps']):.1f} GB/s, probed before "
                         f"each run); ours {100 * o['share_of_memory_bound']:.0f}% of it")
        if "1" in res["decode"] and "16" in res["decode"]:
            b1, b16 = res["decode"]["1"]["ours"]["median_tokens_per_s"], res["decode"]["16"]["ours"]["median_tokens_per_s"]
            L.append(f"\nours: batch 16 / batch 1 = {b16 / b1:.1f}")
            o1, o16 = res["decode"]["1"]["ours"], res["decode"]["16"]["ours"]
            if "memory_bound_tokens_per_s" in o1 and "memory_bound_tokens_per_s" in o16:
                L.append(f"memory bounds: batch 16 / batch 1 = "
                         f"{o16['memory_bound_tokens_per_s'] / o1['memory_bound_tokens_per_s']:.1f}")
    return "\n".join(L)


if __name__ == "__main__":
    main()
