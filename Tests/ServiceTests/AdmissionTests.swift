import Dispatch
import Foundation
import Hummingbird
@testable import Service
import XCTest

/// Issue 26 item 3: `--max-pending` holds for concurrent /v1/batch requests. Admission and enqueue
/// are one step, so batches beyond the limit get 503 even when they all arrive at once.
final class AdmissionTests: XCTestCase {
    actor Count { var n = 0; func add() { n += 1 } }

    /// Holds the decode thread until released (once, however often `release` is called).
    final class Hold: @unchecked Sendable {
        private let sem = DispatchSemaphore(value: 0), lock = NSLock()
        private var released = false
        init() { GenerationQueue.decodeQueue.async { [sem] in sem.wait() } }
        func release() {
            lock.lock(); defer { lock.unlock() }
            if !released { released = true; sem.signal() }
        }
    }

    func testConcurrentBatchesBeyondMaxPendingGet503() async throws {
        let (app, state) = try ServiceRig.appAndState { $0.maxPending = 8; $0.maxBatchRows = 10 }
        let q = try XCTUnwrap(state.queue)
        let csv = "authority,keywords,max_tokens\n" + String(repeating: "Leeds City Council,pothole repairs,2\n", count: 3)
        // Hold the decode thread: nothing admitted can finish, so exactly 2 of these 3-row batches fit
        // under 8 whatever order they arrive in, and the other 14 must be refused.
        let hold = Hold()
        defer { hold.release() }
        try await app.serve { c in
            let answered = Count()
            let results = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { g in
                for _ in 0..<16 {
                    g.addTask {
                        let r = try await c.execute(uri: "/v1/batch", method: .post, body: ByteBuffer(string: csv))
                        await answered.add()
                        return (r.status, ServiceRig.message(r.body))
                    }
                }
                // Every batch is either answered (refused) or admitted and waiting: then let the decode run.
                while await answered.n + q.inFlight / 3 < 16 { try await Task.sleep(for: .milliseconds(2)) }
                let inFlight = await q.inFlight
                XCTAssertLessThanOrEqual(inFlight, 8)
                hold.release()
                var all: [(HTTPResponse.Status, String)] = []
                for try await r in g { all.append(r) }
                return all
            }
            XCTAssertEqual(results.filter { $0.0 == .ok }.count, 2, "\(results)")
            let refused = results.filter { $0.0 == .serviceUnavailable }
            XCTAssertEqual(refused.count, 14, "\(results)")
            for r in refused { XCTAssertTrue(r.1.contains("busy") && r.1.contains("at most 8"), r.1) }
            let health = try await c.execute(uri: "/healthz", method: .get)
            let h = try JSONSerialization.jsonObject(with: Data(health.body.readableBytesView)) as? [String: Any]
            XCTAssertEqual(h?["in_flight"] as? Int, 0)
        }
    }
}
