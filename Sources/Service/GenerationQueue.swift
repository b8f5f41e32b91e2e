import Dispatch
import FOI
import Foundation
import Logging

/// Shares one model between concurrent requests: requests that arrive within `window` of each other
/// (or while a decode is running) are decoded together in one batched `LetterWriter.write`, on a
/// thread of its own so the event loops never wait on the model.
public actor GenerationQueue {
    public typealias TextSink = @Sendable (String) -> Bool

    struct Job {
        var request: LetterRequest
        var onText: TextSink?
        var continuation: CheckedContinuation<WrittenLetter, Never>
    }

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

    private static let decodeQueue = DispatchQueue(label: "foibandit.decode", qos: .userInitiated)

    public init(writer: LetterWriter, window: Duration = .milliseconds(5), maxBatch: Int = 16, logger: Logger = Logger(label: "foibandit.queue")) {
        self.writer = writer
        self.window = window
        self.maxBatch = max(1, maxBatch)
        self.logger = logger
    }

    /// Writes one letter; `onText` receives its text as it is produced (return false to stop it).
    public func write(_ request: LetterRequest, onText: TextSink? = nil) async -> WrittenLetter {
        inFlight += 1
        defer { inFlight -= 1 }
        return await withCheckedContinuation { c in
            pending.append(Job(request: request, onText: onText, continuation: c))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
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
            for (job, letter) in zip(jobs, out) { job.continuation.resume(returning: letter) }
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
