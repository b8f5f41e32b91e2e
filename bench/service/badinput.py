#!/usr/bin/env python3
"""Bad input against a live `foibandit serve`: every probe must get a 4xx (or a closed connection
for broken HTTP), never a 5xx, and /healthz must still answer afterwards. The raw-socket probes
check their answers too: the status of each response, and that the server closes half requests
and stalled bodies within its idle timeout and HTTP/1.0 connections after the response.

Probes: malformed JSON, wrong types, huge bodies (declared and streamed), invalid UTF-8, SQL and
FTS5 metacharacters in queries, unknown routes and methods, slow clients (slowloris: many
connections trickling headers while normal requests go on), a client that disconnects mid-stream.
Usage: badinput.py [--url http://127.0.0.1:8080] [--token T] [--idle-timeout SECONDS]
"""
import argparse, http.client, json, re, socket, sys, threading, time, urllib.parse
from urllib.parse import urlparse

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--token")
    ap.add_argument("--idle-timeout", type=float, default=30, help="the server's --idle-timeout, seconds")
    a = ap.parse_args()
    u = urlparse(a.url); host, port = u.hostname, u.port or 80
    auth = {"Authorization": "Bearer " + a.token} if a.token else {}
    results, failures = [], []

    def req(method, path, body=None, headers=None, expect=range(400, 500), reset_ok=False):
        h = {"Content-Type": "application/json", **auth, **(headers or {})}
        c = http.client.HTTPConnection(host, port, timeout=30)
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse(); data = r.read()
            ok = r.status in expect
            try:
                err = json.loads(data).get("error") if r.status >= 400 else None
            except Exception:
                err = None; ok = ok and r.status < 400  # every error must be JSON
            results.append((method, path[:60], r.status, (err or "")[:70]))
            if not ok: failures.append(f"{method} {path[:60]} -> {r.status} {data[:120]!r}")
        except (ConnectionResetError, BrokenPipeError) as e:
            # The server may answer 413 and close before a huge body is all sent.
            results.append((method, path[:60], 0, f"connection closed by server ({type(e).__name__})"))
            if not reset_ok: failures.append(f"{method} {path[:60]} -> {e!r}")
        except Exception as e:
            failures.append(f"{method} {path[:60]} -> {e!r}")
        finally:
            c.close()

    L = "/v1/letters"
    good = {"authority": "Leeds City Council", "keywords": ["pothole repairs"], "max_tokens": 4}
    req("POST", L, "{")
    req("POST", L, "[1,2,3]")
    req("POST", L, "null")
    req("POST", L, "")
    req("POST", L, '{"authority": 5, "keywords": "x"}')
    req("POST", L, json.dumps({**good, "max_tokens": 10**9}))
    req("POST", L, json.dumps({**good, "max_tokens": -1}))
    req("POST", L, json.dumps({**good, "temperature": "hot"}))
    req("POST", L, json.dumps({**good, "authority": "Robert'); DROP TABLE authority;--"}))
    req("POST", L, json.dumps({**good, "keywords": ["x" * 5000]}))
    req("POST", L, json.dumps({**good, "keywords": ["k"] * 1000}))
    req("POST", L, b'{"authority": "Leeds \xff\xfe City", "keywords": ["x"]}')
    req("POST", L, b"\xc3\x28\xa0\xa1" * 100)
    req("POST", L, b"{" * 100000)
    req("POST", L, json.dumps({**good, "keywords": ["a" * 2_000_000]}), reset_ok=True)  # over the body limit
    req("POST", L, "x" * (8 << 20), reset_ok=True)                                     # 8 MB
    req("POST", "/v1/letters/stream", "{bad")
    req("POST", "/v1/batch", b"\xff\xfe\x00a\x00b")
    req("POST", "/v1/batch", "no,header,here\n1,2,3\n")
    req("POST", "/v1/batch", "authority,keywords\n" + "Leeds,potholes\n" * 1000)
    req("POST", "/v1/batch", 'authority,keywords\n"unterminated,quote\n', expect=[400])  # malformed rows refuse the request, by line
    req("POST", "/v1/batch", 'authority,keywords\nLeeds,"pothole "repairs"\n', expect=[400])
    req("POST", "/v1/batch", 'authority,keywords\nLeeds,pothole repairs,extra,fields\n', expect=[400])
    for q in ["'; DROP TABLE authority; --", "\" OR 1=1 --", "NEAR(a b)", "*", "a AND OR NOT", "%00", "\\", "🙂" * 50, "x" * 500]:
        req("GET", "/v1/authorities?q=" + urllib.parse.quote(q), expect=range(200, 500))
    req("POST", "/v1/filings", b"%PDF-1.7\n\x00\x01\x02\xff", headers={"Content-Type": "application/pdf"})
    req("POST", "/v1/filings", b"\x00" * 4096)
    req("POST", "/v1/filings", "")
    req("POST", "/v1/filings", "<html>" * 300000, reset_ok=True)  # 1.8 MB, over the body limit
    # The name is only named in messages, never opened: any 2xx/4xx answer (this text is too short to read).
    req("POST", "/v1/filings?filename=" + urllib.parse.quote("../../etc/passwd"), "<p>Holding(s) in Company</p>", expect=range(200, 500))
    req("GET", "/v1/keywords?theme=" + urllib.parse.quote("' OR '1'='1"))
    req("GET", "/v1/spin?category=" + urllib.parse.quote("Police'; --"))
    req("GET", "/v1/spin?seed=-5")
    req("GET", "/v1/spin?seed=99999999999999999999999")
    req("GET", "/v1/../../etc/passwd")
    req("DELETE", L)
    req("GET", "/nope")

    # Raw sockets: broken HTTP, half a request, a declared-huge body that never comes, HTTP/1.0.
    # Each probe reads until the server closes the connection or `wait` seconds pass, and checks
    # both the answer (status line) and whether, and how soon, the connection was closed.
    def raw(name, payload, statuses, close_within, wait=None):
        """statuses: the acceptable status codes of the answers; [] = no answer at all; None = any
        answer or none (never a 5xx). close_within: the server must close within this many seconds."""
        wait = wait if wait is not None else (close_within or 2) + 5
        s = socket.create_connection((host, port), timeout=wait)
        t0 = time.monotonic(); data = b""; closed = False
        try:
            s.sendall(payload)
            while True:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    break
                except ConnectionResetError:
                    closed = True; break
                if not chunk:
                    closed = True; break
                data += chunk
        finally:
            s.close()
        took = time.monotonic() - t0
        got = [int(m) for m in re.findall(rb"(?:^|\r\n\r\n|})HTTP/1\.[01] (\d{3})", data)]
        head = data.split(b"\r\n\r\n", 1)[0].lower()
        note = f"{'closed' if closed else 'open'} after {took:.1f} s"
        results.append(("RAW", name[:60], got[0] if got else 0, note))
        problems = []
        if statuses == [] and got: problems.append(f"answered {got}, expected no answer")
        if statuses and (not got or any(g not in statuses for g in got)): problems.append(f"answered {got}, expected {statuses}")
        if any(g >= 500 for g in got): problems.append("a 5xx")
        if close_within is not None and (not closed or took > close_within):
            problems.append(f"not closed within {close_within} s ({note})")
        if problems: failures.append(f"RAW {name}: " + "; ".join(problems))
        return head

    idle = a.idle_timeout
    raw("garbage request line", b"GARBAGE\r\n\r\n", [400], close_within=2)
    raw("malformed chunk size", b"POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n", [400], close_within=2)
    raw("100 kB header", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * 100000 + b"\r\n\r\n", [400, 431], close_within=2)
    raw("half a request head", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Partial: a", [], close_within=idle + 2)
    raw("Content-Length 99999999999, 1 byte sent", b"POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 99999999999\r\n\r\n{", None, close_within=idle + 2)
    h10 = raw("HTTP/1.0 GET /healthz", b"GET /healthz HTTP/1.0\r\n\r\n", [200], close_within=2)
    if not h10.startswith(b"http/1.0 200") or b"connection: close" not in h10:
        failures.append(f"RAW HTTP/1.0: head {h10[:80]!r}, expected an HTTP/1.0 200 with Connection: close")
    raw("HTTP/1.1 Connection: Close", b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n", [200], close_within=2)
    raw("HEAD /healthz", b"HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [200], close_within=2)

    # Slow clients: 100 connections trickling a request one byte at a time while normal traffic runs.
    stop = threading.Event()
    def slowloris():
        try:
            s = socket.create_connection((host, port), timeout=30)
            for b in b"POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{":
                if stop.is_set(): break
                s.send(bytes([b])); time.sleep(0.05)
            stop.wait(5); s.close()
        except Exception:
            pass
    slow = [threading.Thread(target=slowloris) for _ in range(100)]
    for t in slow: t.start()
    time.sleep(1)
    t = time.monotonic()
    req("GET", "/healthz", expect=[200])
    req("POST", L, json.dumps(good), expect=[200])
    during = time.monotonic() - t
    stop.set()
    for t_ in slow: t_.join()

    # A client that goes away in the middle of a stream.
    s = socket.create_connection((host, port), timeout=5)
    body = json.dumps({**good, "max_tokens": 64}).encode()
    hdr = "".join(f"{k}: {v}\r\n" for k, v in auth.items())
    s.sendall(b"POST /v1/letters/stream HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + hdr.encode() +
              b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    s.recv(64); s.close()

    time.sleep(0.5)
    req("GET", "/healthz", expect=[200])
    req("POST", L, json.dumps(good), expect=[200])
    for r in results: print("%-6s %-62s %d %s" % r)
    print(f"{len(results)} probes, {len(failures)} unexpected; healthz and a letter answered in {during:.2f} s "
          f"while 100 slow clients were connected")
    for f in failures: print("  UNEXPECTED:", f)
    sys.exit(1 if failures else 0)

if __name__ == "__main__":
    main()
