#!/usr/bin/env python3
"""Load test for `foibandit serve`: N concurrent clients for S seconds on POST /v1/letters.

Each client keeps one HTTP/1.1 connection and sends requests back to back (a new seed each time).
Prints requests/s, p50/p95/p99 latency and the error count, and a JSON line for scripts. With --pid,
samples the server's resident memory once a second and prints its start, peak and end.
Usage: load.py [--url http://127.0.0.1:8080] [--clients 32] [--seconds 60] [--max-tokens 16] [--token T] [--pid PID]
"""
import argparse, http.client, json, random, sys, threading, time
import rss
from urllib.parse import urlparse

SPINS = [("Leeds City Council", ["pothole repairs", "compensation claims"]),
         ("West Yorkshire Police", ["stop and search", "body-worn cameras"]),
         ("Cyngor Gwynedd", ["agency staff spending", "air quality monitoring"])]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-tokens", type=int, default=16)
    ap.add_argument("--token")
    ap.add_argument("--pid", type=int, help="the server's process id: sample its RSS every second")
    a = ap.parse_args()
    u = urlparse(a.url)
    headers = {"Content-Type": "application/json"}
    if a.token: headers["Authorization"] = "Bearer " + a.token
    lat, errors, lock = [], [], threading.Lock()
    stop = time.monotonic() + a.seconds

    def client(i):
        rng = random.Random(i)
        conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=120)
        while time.monotonic() < stop:
            auth, kws = SPINS[rng.randrange(len(SPINS))]
            body = json.dumps({"authority": auth, "keywords": kws, "seed": rng.randrange(1 << 32), "max_tokens": a.max_tokens})
            t = time.monotonic()
            try:
                conn.request("POST", "/v1/letters", body=body, headers=headers)
                r = conn.getresponse(); data = r.read()
                dt = time.monotonic() - t
                ok = r.status == 200 and "letter" in json.loads(data)
                with lock:
                    (lat.append(dt) if ok else errors.append(f"{r.status} {data[:200]!r}"))
            except Exception as e:
                with lock: errors.append(repr(e))
                conn.close(); conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=120)
        conn.close()

    sampler = rss.Sampler(a.pid).start() if a.pid else None
    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(a.clients)]
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.monotonic() - t0
    if sampler: sampler.stop()
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")
    res = {"clients": a.clients, "seconds": round(wall, 1), "max_tokens": a.max_tokens, "requests": len(lat),
           "errors": len(errors), "rps": round(len(lat) / wall, 2), "p50_ms": round(pct(0.50), 1),
           "p95_ms": round(pct(0.95), 1), "p99_ms": round(pct(0.99), 1)}
    print(f"{res['requests']} ok, {res['errors']} errors in {res['seconds']} s with {a.clients} clients: "
          f"{res['rps']} requests/s, p50 {res['p50_ms']} ms, p95 {res['p95_ms']} ms, p99 {res['p99_ms']} ms")
    for e in errors[:5]: print("  error:", e)
    if sampler: print(sampler.line()); res.update(sampler.summary())
    print(json.dumps(res))
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
