import Bandit
import Foundation

/// Headless timing of the machine's real path (machine → background worker → letter writer):
/// from the last reel stopping to the first streamed text, and to the finished, judged letter.
public enum PlayBench {
    public struct Sample: Codable, Sendable {
        public var authority: String
        /// The keywords on the payline, so a slow or failed pull can be read again.
        public var keywords: [String]
        public var firstTokenMs: Double
        public var letterMs: Double
        /// Streamed chunks (one per decoded token that completed a UTF-8 sequence).
        public var tokens: Int
        public var score: Int
    }

    /// Pulls `pulls` times, ticking the machine every millisecond with a real clock.
    public static func run(machine: Machine, services: PlayServices, pulls: Int) -> [Sample] {
        let counter = ChunkCounter()
        let generate = services.generate
        let worker = GenerationWorker(generate: { req, onText in
            counter.reset()
            return try generate(req) { chunk in counter.add(); return onText(chunk) }
        }, judge: services.judge)
        var m = machine
        let start = DispatchTime.now().uptimeNanoseconds
        func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var samples: [Sample] = []
        for _ in 0..<pulls {
            m.tick(now: now())
            m.press(.pull)
            _ = m.takeEffects()
            var landed: Double?
            var first: Double?
            var done = false
            while !done {
                for e in worker.drain() {
                    switch e {
                    case .text(let s, let t):
                        if first == nil { first = now() }
                        m.letterText(t, serial: s)
                    case .done(let s, let text, let score, let checks):
                        m.letterDone(score: score, checks: checks, serial: s, text: text)
                        if let landed {
                            samples.append(Sample(authority: m.paylineAuthority.name, keywords: m.paylineKeywords.map(\.text),
                                                  firstTokenMs: ((first ?? now()) - landed) * 1000,
                                                  letterMs: (now() - landed) * 1000, tokens: counter.count, score: score))
                        }
                        done = true
                    case .failed(_, let msg):
                        FileHandle.standardError.write(Data("generation failed: \(msg)\n".utf8))
                        done = true
                    }
                }
                m.tick(now: now())
                for e in m.takeEffects() {
                    if case .startGeneration(let req) = e { landed = now(); worker.start(req) }
                }
                if !done { usleep(1000) }
            }
        }
        return samples
    }
}

final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func reset() { lock.withLock { n = 0 } }
    func add() { lock.withLock { n += 1 } }
    var count: Int { lock.withLock { n } }
}
