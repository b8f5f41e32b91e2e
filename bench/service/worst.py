#!/usr/bin/env python3
"""/healthz while the worst single requests are in flight (issue 26, item 1).

A few threads send the most expensive requests a client can make, back to back, for SECONDS: names
and keywords far over the byte bounds (a 20 KB and a 60 KB authority, a keyword of "e" and 60,000
combining accents, a 500 KB authority with a 120 KB keyword) and the largest ones within the bounds
(a 200-character unknown name, which gets "did you mean" suggestions; a keyword of 100 accented
letters). Meanwhile one thread asks GET /healthz every 20 ms on a keep-alive connection for the
whole window. Prints /healthz p50/p99/max and each worst request's answers and latencies. Exit 1
when /healthz p99 is over --goal-ms (100), /healthz ever fails, or a worst request gets a 5xx or
no answer. With --pid, also samples the server's resident memory.
Usage: worst.py [--url http://127.0.0.1:8080] [--seconds 30] [--threads 4] [--token T] [--pid PID]
"""
import argparse, collections, http.client, json, random, sys, threading, time
from urllib.parse import urlparse
import rss

KW = ["pothole repairs"]
PROBES = [  # name, path, body; over the bounds -> 400 at once, within them -> 404 with suggestions or a letter
    ("authority A*20000", "/v1/letters", {"authority": "A" * 20000, "keywords": KW, "max_tokens": 16}),
    ("authority 60 KB", "/v1/letters", {"authority": "Leeds City Council " * 3200, "keywords": KW, "max_tokens": 16}),
    ("keyword e+U+0301*60000", "/v1/letters", {"authority": "Leeds City Council", "keywords": ["e" + "\u0301" * 60000], "max_tokens": 16}),
    ("500 KB authority + 120 KB keyword", "/v1/letters", {"authority": "B" * 500_000, "keywords": ["k" * 120_000], "max_tokens": 16}),
    ("judge: authority A*20000", "/v1/judge", {"authority": "A" * 20000, "keywords": KW, "letter": "Dear Sir or Madam"}),
    ("unknown name at the bound (200 chars)", "/v1/letters", None),   # filled per request: random letters
    ("keyword at the bound (100 accented chars)", "/v1/letters", {"authority": "Leeds City Council", "keywords": ["e\u0301" * 100], "max_tokens": 16}),
]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--goal-ms", type=float, default=100, help="/healthz p99 goal")
    ap.add_argument("--token")
    ap.add_argument("--pid", type=int, help="the server's process id: sample its RSS every second")
    a = ap.parse_args()
    u = urlparse(a.url); host, port = u.hostname, u.port or 80
    headers = {"Content-Type": "application/json", **({"Authorization": "Bearer " + a.token} if a.token else {})}
    stop = time.monotonic() + a.seconds
    lock = threading.Lock()
    answers = collections.defaultdict(collections.Counter)   # probe -> status -> count
    lat = collections.defaultdict(list)                        # probe -> seconds
    example = {}                                               # probe -> one error message
    health, health_fail = [], []
    encoded = [(n, p, json.dumps(b).encode() if b else None) for n, p, b in PROBES]

    def worst(i):
        rng = random.Random(i)
        conn = http.client.HTTPConnection(host, port, timeout=120)
        k = i
        while time.monotonic() < stop:
            name, path, body = encoded[k % len(encoded)]; k += 1
            if body is None:
                nm = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(200))
                body = json.dumps({"authority": nm, "keywords": KW, "max_tokens": 16}).encode()
            t = time.monotonic()
            try:
                conn.request("POST", path, body=body, headers=headers)
                r = conn.getresponse(); data = r.read(); status = r.status
                if r.getheader("Connection", "").lower() == "close": conn.close()
            except Exception as e:
                status, data = 0, repr(e).encode()
                conn.close(); conn = http.client.HTTPConnection(host, port, timeout=120)
                time.sleep(0.1)   # a server that is down is not hammered
            dt = time.monotonic() - t
            with lock:
                answers[name][status] += 1; lat[name].append(dt)
                if status != 200 and name not in example:
                    try: example[name] = json.loads(data).get("error", "")[:90]
                    except Exception: example[name] = data[:90].decode("utf-8", "replace")
        conn.close()

    def poll():
        conn = http.client.HTTPConnection(host, port, timeout=30)
        while time.monotonic() < stop:
            t = time.monotonic()
            try:
                conn.request("GET", "/healthz"); r = conn.getresponse(); r.read()
                dt = time.monotonic() - t
                (health.append(dt) if r.status == 200 else health_fail.append(f"HTTP {r.status}"))
            except Exception as e:
                health_fail.append(repr(e)); conn.close(); conn = http.client.HTTPConnection(host, port, timeout=30)
                dt = time.monotonic() - t
            time.sleep(max(0.0, 0.02 - dt))   # one poll every 20 ms, or back to back when slower
        conn.close()

    sampler = rss.Sampler(a.pid).start() if a.pid else None
    t0 = time.monotonic()
    threads = [threading.Thread(target=worst, args=(i,)) for i in range(a.threads)] + [threading.Thread(target=poll)]
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.monotonic() - t0
    if sampler: sampler.stop()

    def pct(xs, p):
        xs = sorted(xs); return xs[min(len(xs) - 1, int(p * len(xs)))] * 1000 if xs else float("nan")
    failed = []
    print(f"{a.threads} threads of worst requests, /healthz every 20 ms, {wall:.1f} s")
    for name, _, _ in PROBES:
        st = answers[name]; xs = lat[name]
        print(f"  {name:42} {dict(sorted(st.items()))}  p50 {pct(xs, .5):.1f} ms, max {pct(xs, 1):.1f} ms"
              + (f"  ({example[name]})" if name in example else ""))
        bad = sum(n for s, n in st.items() if s == 0 or s >= 500)
        if bad: failed.append(f"{name}: {bad} answers 5xx or none")
    res = {"seconds": round(wall, 1), "threads": a.threads, "worst_requests": sum(len(x) for x in lat.values()),
           "healthz": len(health), "healthz_failed": len(health_fail), "healthz_p50_ms": round(pct(health, .5), 1),
           "healthz_p99_ms": round(pct(health, .99), 1), "healthz_max_ms": round(pct(health, 1), 1)}
    print(f"/healthz: {res['healthz']} answered, {res['healthz_failed']} failed: p50 {res['healthz_p50_ms']} ms, "
          f"p99 {res['healthz_p99_ms']} ms, max {res['healthz_max_ms']} ms (goal: p99 under {a.goal_ms:g} ms)")
    for e in health_fail[:5]: print("  healthz error:", e)
    if sampler: print(sampler.line()); res.update(sampler.summary())
    if health_fail: failed.append(f"/healthz failed {len(health_fail)} times")
    if not health or res["healthz_p99_ms"] >= a.goal_ms: failed.append(f"/healthz p99 {res['healthz_p99_ms']} ms, goal under {a.goal_ms:g} ms")
    for f in failed: print("FAILED:", f)
    print(json.dumps(res))
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
