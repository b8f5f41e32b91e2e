"""Samples a process's resident memory (VmRSS in /proc/PID/status, Linux) once a second in a
background thread; `summary()` gives start, peak and end and whether it grew. Used by load.py and
worst.py with --pid. Standard library only."""
import threading, time

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024   # kB -> MB
    return float("nan")

class Sampler:
    def __init__(self, pid, every=1.0):
        self.pid, self.every, self.samples = pid, every, []
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while True:
            try: self.samples.append(rss_mb(self.pid))
            except OSError: return   # the process is gone
            if self._stop.wait(self.every): return

    def start(self): self._t.start(); return self
    def stop(self): self._stop.set(); self._t.join(); return self

    def summary(self):
        """Start, peak and end in MB. 'Flat' when the last tenth of the run is within 5% (and 32 MB)
        of the middle tenth: the first seconds are warm-up (buffers, the KV caches of the first
        batches), so growth is judged after them, not from the cold start."""
        s = self.samples
        if not s: return {"rss_samples": 0}
        n = len(s); k = max(1, n // 10)
        mid = sum(s[n // 2 - k // 2: n // 2 - k // 2 + k]) / k
        last = sum(s[-k:]) / k
        grew = last - mid > max(32, 0.05 * mid)
        return {"rss_samples": n, "rss_start_mb": round(s[0], 1), "rss_peak_mb": round(max(s), 1),
                "rss_end_mb": round(s[-1], 1), "rss_mid_mb": round(mid, 1), "rss_flat": not grew,
                "rss_quarters_mb": [round(s[min(n - 1, n * q // 4)], 1) for q in range(5)]}

    def line(self):
        m = self.summary()
        if not m.get("rss_samples"): return "RSS: no samples"
        return (f"RSS over {m['rss_samples']} s: start {m['rss_start_mb']} MB, peak {m['rss_peak_mb']} MB, "
                f"end {m['rss_end_mb']} MB (each quarter: {' / '.join(map(str, m['rss_quarters_mb']))} MB): "
                f"{'flat' if m['rss_flat'] else 'GROWING'} after warm-up")
