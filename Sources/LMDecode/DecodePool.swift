import Dispatch
import Foundation
import LM
import Synchronization

/// Persistent worker threads for decoding steps. A step is ~30 small products (a 384×384 matrix is
/// 0.6 MB, streamed in well under 50 µs), so handing work over must cost far less than a
/// microsecond-scale OpenBLAS thread wake-up plus `sched_yield` loop: the helpers spin on an atomic
/// between jobs and only sleep (on a semaphore) after spinning for a while or when `park()` says
/// OpenBLAS is about to use the cores. The caller's thread is worker 0.
///
/// A job is cut into `pieces` (4 a worker). Each worker first claims the pieces of its own share
/// (from a counter on its own cache line), then any left in the others' shares, and the caller
/// returns once every piece is done, not once every helper has answered: a helper the OS has
/// descheduled (another program on its core) leaves its pieces to the others instead of holding up
/// the step. With one fixed share a worker, a busy loop on one of 2 cores cut batch-1 decoding to
/// 145–420 tokens/s, against 740 on one thread (bench/speed/README.md, round 5).
///
/// Thread count: OpenBLAS's (read, never changed), so one knob sets every engine thread.
/// Jobs must give each piece disjoint outputs and compute each output the same way whatever the
/// split, so results do not depend on the thread count or on who ran which piece.
final class DecodePool: @unchecked Sendable {
    let workers: Int
    /// Pieces a job is cut into.
    let pieces: Int
    /// One worker's counters, on a cache line of their own (the padding keeps the next object off it).
    private final class Slot: @unchecked Sendable {
        /// Its share of the open job not yet claimed: `job << 40 | end << 20 | next`, one word so a
        /// worker that wakes late can never claim a piece of a later job by mistake.
        let claims = Atomic<Int>(0)
        /// Pieces of the current job it has run (added once, when it finds none left).
        let finished = Atomic<Int>(0)
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0), exited = DispatchSemaphore(value: 0)
        private let padding = (0, 0, 0, 0, 0, 0, 0, 0)
    }
    /// A word on a cache line of its own.
    private final class Word: Sendable {
        let value = Atomic<Int>(0)
        private let padding = (0, 0, 0, 0, 0, 0, 0, 0)
    }
    private let slots: [Slot]
    /// The open job's number (from 1) and flags, `job << 2 | stop << 1 | park`: what idle helpers watch.
    private let posted = Word()
    private var job: ((Int, Int) -> Void)?
    private var number = 0
    /// Spin iterations before an idle helper sleeps (about 0.1–0.5 ms).
    private let spinLimit = 200_000

    init(workers: Int = BLASThreads.count) {
        self.workers = max(1, workers)
        pieces = self.workers == 1 ? 1 : 4 * self.workers
        slots = (0..<self.workers).map { _ in Slot() }
        for w in 1..<self.workers {
            let t = Thread { [unowned self] in self.helperLoop(w) }
            t.stackSize = 1 << 20
            t.start()
        }
    }

    /// Stops the helper threads; call once when done (Decoder's deinit).
    func shutdown() {
        guard workers > 1 else { return }
        post(pieces: 0, flags: 2)
        for s in slots.dropFirst() { s.exited.wait() }
    }

    /// Runs `body(piece, worker)` for every piece in 0..<pieces (`self.pieces` unless given), each
    /// claimed by whichever worker gets to it, w = 0 the calling thread; returns when all are done.
    /// `worker` is for per-thread scratch; the piece says what to compute.
    /// parkAfter: the helpers sleep right after this job (OpenBLAS is about to use the cores).
    func run(pieces count: Int? = nil, parkAfter: Bool = false, _ body: (_ piece: Int, _ worker: Int) -> Void) {
        let n = count ?? pieces
        if workers == 1 { for p in 0..<n { body(p, 0) }; return }
        withoutActuallyEscaping(body) { escapable in
            job = escapable
            post(pieces: n, flags: parkAfter ? 1 : 0)
            runPieces(of: number, worker: 0)
            var spins = 0
            while slots.reduce(0, { $0 + $1.finished.load(ordering: .acquiring) }) != n {
                spins += 1; if spins & 255 == 0 && spins > 4096 { sched_yield() }
            }
            job = nil
        }
    }

    /// Sends the helpers to sleep now (before OpenBLAS runs threaded work on the same cores).
    func park() {
        guard workers > 1 else { return }
        post(pieces: 0, flags: 1)
    }

    /// Opens the next job with `count` pieces, shared out over the workers, and wakes the sleepers.
    private func post(pieces count: Int, flags: Int) {
        number = number % 0x7F_FFFF + 1       // 23 bits, never 0 (the word before the first job)
        for (w, s) in slots.enumerated() {
            let mine = share(count, w, workers, align: 1)
            s.finished.store(0, ordering: .relaxed)
            s.claims.store(number << 40 | mine.upperBound << 20 | mine.lowerBound, ordering: .releasing)
        }
        posted.value.store(number << 2 | flags, ordering: .sequentiallyConsistent)
        for s in slots.dropFirst() where s.sleeping.load(ordering: .sequentiallyConsistent) { s.wake.signal() }
    }

    /// Runs pieces of job `n`, its own share first, until none are left (or a later job has replaced it).
    private func runPieces(of n: Int, worker: Int) {
        var done = 0
        for i in 0..<workers {
            let s = slots[(worker + i) % workers]
            while true {
                let c = s.claims.load(ordering: .acquiring)
                guard c >> 40 == n, c & 0xFFFFF < (c >> 20) & 0xFFFFF else { break }
                guard s.claims.compareExchange(expected: c, desired: c + 1, ordering: .acquiring).exchanged else { continue }
                job!(c & 0xFFFFF, worker)       // job n stays set until this piece is counted
                done += 1
            }
        }
        if done > 0 { slots[worker].finished.add(done, ordering: .releasing) }
    }

    private func helperLoop(_ w: Int) {
        let s = slots[w]
        var seen = 0, parkNext = false
        while true {
            var spins = 0
            while posted.value.load(ordering: .acquiring) == seen {
                spins += 1
                if spins & 255 == 0 && spins > 4096 { sched_yield() }   // let a descheduled worker 0 run
                if parkNext || spins > spinLimit {
                    s.sleeping.store(true, ordering: .sequentiallyConsistent)
                    if posted.value.load(ordering: .sequentiallyConsistent) == seen { s.wake.wait() }
                    s.sleeping.store(false, ordering: .sequentiallyConsistent)
                    spins = 0; parkNext = false
                }
            }
            seen = posted.value.load(ordering: .acquiring)
            if seen & 2 != 0 { s.exited.signal(); return }
            parkNext = seen & 1 != 0
            runPieces(of: seen >> 2, worker: w)
        }
    }
}
