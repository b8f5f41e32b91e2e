import Foundation
@testable import LM
@testable import LMDecode
import Synchronization
import Testing

/// DecodePool against real threads: every piece of every job runs exactly once, whoever runs it, and
/// a helper that stalls (as one the OS has descheduled does) leaves the rest of the job to the others.
@Suite struct DecodePoolTests {
    /// Counts of how often each piece ran, and which worker ran it.
    final class Record: @unchecked Sendable {
        let counts: UnsafeMutablePointer<Atomic<Int>>, n: Int
        let ranBy: UnsafeMutablePointer<Int>
        init(_ n: Int) {
            self.n = n
            counts = .allocate(capacity: n); ranBy = .allocate(capacity: n)
            for i in 0..<n { (counts + i).initialize(to: Atomic(0)) }
            ranBy.initialize(repeating: -1, count: n)
        }
        func ran(_ piece: Int, by worker: Int) { counts[piece].add(1, ordering: .relaxed); ranBy[piece] = worker }
        var timesRun: [Int] { (0..<n).map { counts[$0].load(ordering: .relaxed) } }
        deinit { counts.deallocate(); ranBy.deallocate() }
    }

    @Test(arguments: [1, 2, 3, 5])
    func everyPieceRunsOnceInEveryJob(workers: Int) {
        let pool = DecodePool(workers: workers)
        defer { pool.shutdown() }
        #expect(pool.pieces == (workers == 1 ? 1 : 4 * workers))
        // many short jobs back to back (a helper may still be finishing one when the next opens),
        // of the default size and of others, with parking in between as the OpenBLAS path does
        for job in 0..<2000 {
            let n = [pool.pieces, 1, 7, 64][job % 4]
            let record = Record(n)
            pool.run(pieces: n, parkAfter: job % 97 == 0) { piece, worker in record.ran(piece, by: worker) }
            #expect(record.timesRun == Array(repeating: 1, count: n), "job \(job)")
            #expect((0..<n).allSatisfy { (0..<workers).contains(record.ranBy[$0]) }, "job \(job)")
            if job % 300 == 0 { pool.park() }
        }
    }

    /// Spins until `done`. The stalls below wait on the other side's progress, not on a clock, so the outcome
    /// does not depend on timing; the bound only turns a pool that never lets the other side on into a failure
    /// instead of a hang.
    static func wait(until done: () -> Bool) {
        let start = Date()
        while !done() && Date().timeIntervalSince(start) < 30 { sched_yield() }
    }

    @Test func aStalledHelperLeavesItsPiecesToTheCaller() {
        let pool = DecodePool(workers: 2)
        defer { pool.shutdown() }
        let record = Record(pool.pieces), stalled = Atomic<Bool>(false), byCaller = Atomic<Int>(0)
        pool.run { piece, worker in
            if worker == 1 && !stalled.load(ordering: .acquiring) {
                // the helper's first piece stalls, as if the OS had taken its core away, until the caller has
                // run every other piece of the job
                stalled.store(true, ordering: .releasing)
                Self.wait { byCaller.load(ordering: .acquiring) == pool.pieces - 1 }
            } else if worker == 0 {
                // the caller goes on only once the helper is stuck
                Self.wait { stalled.load(ordering: .acquiring) }
            }
            record.ran(piece, by: worker)
            if worker == 0 { byCaller.add(1, ordering: .releasing) }
        }
        #expect(record.timesRun == Array(repeating: 1, count: pool.pieces))
        // the helper's share was 4 pieces: it ran the one it stalled in, the caller the other 3
        let byHelper = (0..<pool.pieces).filter { record.ranBy[$0] == 1 }.count
        #expect(byHelper == 1)
    }
}
