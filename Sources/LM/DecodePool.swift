import Dispatch
import Foundation
import Synchronization

/// Persistent worker threads for one-token decoding steps. A step is ~30 small products
/// (a 384×384 matrix is 0.6 MB, streamed in well under 50 µs), so handing work over must cost far less
/// than a microsecond-scale OpenBLAS thread wake-up plus `sched_yield` loop: the helpers spin on an
/// atomic epoch between jobs and only sleep (on a semaphore) after spinning for a while or when
/// `park()` says OpenBLAS is about to use the cores. The caller's thread is worker 0.
///
/// Thread count: OpenBLAS's (read, never changed), so one knob sets every engine thread.
/// Jobs must give each worker disjoint outputs and compute each output the same way whatever the
/// split, so results do not depend on the thread count.
final class DecodePool: @unchecked Sendable {
    let workers: Int
    private let epoch = Atomic<Int>(0)
    private final class Helper: Sendable {
        let done = Atomic<Int>(0)               // the last epoch it finished
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
    }
    private let helpers: [Helper]
    private var job: ((Int) -> Void)?
    private var parkRequested = false, stopRequested = false
    /// Spin iterations before an idle helper sleeps (about 0.1–0.5 ms).
    private let spinLimit = 200_000

    init(workers: Int = BLASThreads.count) {
        self.workers = max(1, workers)
        helpers = (1..<self.workers).map { _ in Helper() }
        for h in helpers.indices {
            let t = Thread { [unowned self] in self.helperLoop(h) }
            t.stackSize = 1 << 20
            t.start()
        }
    }

    /// Stops the helper threads; call once when done (Decoder's deinit).
    func shutdown() {
        guard workers > 1 else { return }
        stopRequested = true
        post()
        waitAll()
    }

    /// Runs `body(w)` for w in 0..<workers, w = 0 on the calling thread; returns when all are done.
    /// parkAfter: the helpers sleep right after this job (OpenBLAS is about to use the cores).
    func run(parkAfter: Bool = false, _ body: (Int) -> Void) {
        if workers == 1 { body(0); return }
        withoutActuallyEscaping(body) { escapable in
            job = escapable
            parkRequested = parkAfter
            post()
            escapable(0)
            waitAll()
            job = nil
            parkRequested = false
        }
    }

    /// Sends the helpers to sleep now (before OpenBLAS runs threaded work on the same cores).
    func park() {
        guard workers > 1 else { return }
        parkRequested = true
        post()
        waitAll()
        parkRequested = false
    }

    private func post() {
        epoch.add(1, ordering: .sequentiallyConsistent)
        for h in helpers where h.sleeping.load(ordering: .sequentiallyConsistent) { h.wake.signal() }
    }

    private func waitAll() {
        let e = epoch.load(ordering: .relaxed)
        for h in helpers {
            var spins = 0
            while h.done.load(ordering: .acquiring) != e { spins += 1; if spins & 255 == 0 && spins > 4096 { sched_yield() } }
        }
    }

    private func helperLoop(_ index: Int) {
        let h = helpers[index]
        var seen = 0, parkNext = false
        while true {
            var spins = 0
            while epoch.load(ordering: .acquiring) == seen {
                spins += 1
                if spins & 255 == 0 && spins > 4096 { sched_yield() }   // let a descheduled worker 0 run
                if parkNext || spins > spinLimit {
                    h.sleeping.store(true, ordering: .sequentiallyConsistent)
                    if epoch.load(ordering: .sequentiallyConsistent) == seen { h.wake.wait() }
                    h.sleeping.store(false, ordering: .sequentiallyConsistent)
                    spins = 0; parkNext = false
                }
            }
            seen = epoch.load(ordering: .acquiring)
            let stop = stopRequested
            parkNext = parkRequested
            if !stop, let job { job(index + 1) }
            h.done.store(seen, ordering: .releasing)
            if stop { return }
        }
    }
}

/// Worker w's share of 0..<n when split `workers` ways (contiguous; boundaries on multiples of `align`).
@inline(__always)
func share(_ n: Int, _ w: Int, _ workers: Int, align: Int = 4) -> Range<Int> {
    let lo = w == 0 ? 0 : (n * w / workers) / align * align
    let hi = w == workers - 1 ? n : (n * (w + 1) / workers) / align * align
    return lo..<hi
}
