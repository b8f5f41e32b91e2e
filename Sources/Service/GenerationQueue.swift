import Dispatch
import FOI
import Foundation
import Logging
import Writer

/// Shares one model between concurrent requests: requests that arrive within `window` of each other
/// (or while a decode is running) are decoded together in one batched `LetterWriter.write`, on a
/// thread of its own so the event loops never wait on the model.
public actor GenerationQueue {
    public typealias TextSink = @Sendable (String) -> Bool

    public typealias Done = @Sendable (WrittenLetter) -> Void

    struct Job {
        var request: LetterRequest
        var onText: TextSink?
        var done: Done
    }

    /// The queue was full: nothing was enqueued.
    public struct Busy: Error, Sendable { public let inFlight: Int }

    public nonisolated let writer: LetterWriter
    let window: Duration
    let maxBatch: Int
    let logger: Logger
    private var pending: [Job] = []
    private var draining = false
    /// Requests waiting or being written.
    public private(set) var inFlight = 0
    /// Decodes run and letters written, for /healthz.
    public private(set) var batches = 0
    public private(set) var letters = 0

    // Internal, not private: a test holds it to keep letters in flight while it checks admission.
    static let decodeQueue = DispatchQueue(label: "foibandit.decode", qos: .userInitiated)

    public init(writer: LetterWriter, window: Duration = .milliseconds(5), maxBatch: Int = 16, logger: Logger = Logger(label: "foibandit.queue")) {
        self.writer = writer
        self.window = window
        self.maxBatch = max(1, maxBatch)
        self.logger = logger
    }

    /// Admission and enqueue in one step, with no suspension between them: either every item joins
    /// the queue and counts against `limit` at once, or none does and the answer is false. (Checking
    /// `inFlight` and enqueueing later let 16 concurrent batches past a limit of 512 with 1,024 in flight.)
    /// `done` is called with each letter, from the queue, once it is written.
    public func enqueue(_ items: [(request: LetterRequest, onText: TextSink?, done: Done)], limit: Int) -> Bool {
        guard inFlight + items.count <= limit else { return false }
        inFlight += items.count
        pending.append(contentsOf: items.map { Job(request: $0.request, onText: $0.onText, done: $0.done) })
        if !draining, !pending.isEmpty {
            draining = true
            Task { await self.drain() }
        }
        return true
    }

    /// Writes one letter with no limit; `onText` receives its text as it is produced (return false to stop it).
    public func write(_ request: LetterRequest, onText: TextSink? = nil) async -> WrittenLetter {
        await withCheckedContinuation { c in
            _ = enqueue([(request, onText, { @Sendable w in c.resume(returning: w) })], limit: .max)
        }
    }

    /// Writes all of `requests` if they fit under `limit` together, in order; throws `Busy` otherwise.
    public func write(_ requests: [LetterRequest], limit: Int) async throws -> [WrittenLetter] {
        guard !requests.isEmpty else { return [] }
        let (results, sink) = AsyncStream<(Int, WrittenLetter)>.makeStream()
        let items = requests.enumerated().map { i, r in
            (request: r, onText: TextSink?.none, done: { @Sendable (w: WrittenLetter) in _ = sink.yield((i, w)) })
        }
        guard enqueue(items, limit: limit) else { throw Busy(inFlight: inFlight) }
        var out = [WrittenLetter?](repeating: nil, count: requests.count), got = 0
        for await (i, w) in results {
            out[i] = w
            got += 1
            if got == requests.count { break }
        }
        return out.map { $0! }
    }

    private func drain() async {
        while true {
            if pending.count < maxBatch { try? await Task.sleep(for: window) }
            guard !pending.isEmpty else { draining = false; return }
            let jobs = Array(pending.prefix(maxBatch))
            pending.removeFirst(jobs.count)
            let start = ContinuousClock.now
            let out = await Self.decode(writer: writer, jobs: jobs)
            batches += 1; letters += out.count
            logger.debug("decoded batch", metadata: [
                "rows": "\(jobs.count)", "tokens": "\(out.map(\.tokens).reduce(0, +))",
                "ms": "\(Int((ContinuousClock.now - start) / .milliseconds(1)))",
                "waiting": "\(pending.count)",
            ])
            for (job, letter) in zip(jobs, out) { job.done(letter) }
            inFlight -= jobs.count
        }
    }

    private static func decode(writer: LetterWriter, jobs: [Job]) async -> [WrittenLetter] {
        let requests = jobs.map(\.request)
        let sinks = jobs.map(\.onText)
        return await withCheckedContinuation { c in
            decodeQueue.async {
                let out = writer.write(requests) { i, text in sinks[i]?(text) ?? true }
                c.resume(returning: out)
            }
        }
    }
}
