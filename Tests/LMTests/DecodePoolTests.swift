import Foundation
import Synchronization
import Testing
@testable import LM

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

    @Test func aStalledHelperLeavesItsPiecesToTheCaller() {
        let pool = DecodePool(workers: 2)
        defer { pool.shutdown() }
        let record = Record(pool.pieces), stalled = Atomic<Bool>(false)
        pool.run { piece, worker in
            if worker == 1 && !stalled.load(ordering: .acquiring) {
                // the helper's first piece stalls for 200 ms, as if the OS had taken its core away
                stalled.store(true, ordering: .releasing)
                usleep(200_000)
            } else if worker == 0 {
                // the caller goes on only once the helper is stuck (2 s at most)
                let start = Date()
                while !stalled.load(ordering: .acquiring) && Date().timeIntervalSince(start) < 2 { sched_yield() }
            }
            record.ran(piece, by: worker)
        }
        #expect(record.timesRun == Array(repeating: 1, count: pool.pieces))
        // the helper's share was 4 pieces: it ran the one it stalled in, the caller the other 3
        let byHelper = (0..<pool.pieces).filter { record.ranBy[$0] == 1 }.count
        #expect(byHelper == 1)
    }
}
