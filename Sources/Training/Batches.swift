import Common
import Foundation
import LM

/// One training batch, row-major (B, T): inputs, next-token targets (-1 = none) and loss weights.
public struct Batch: Sendable {
    public var tokens: [Int]
    public var targets: [Int]
    public var mask: [Float]
    public var B: Int
    public var T: Int
    /// Tokens that carry loss (Σ mask), for tokens/s.
    public var lossTokens: Int { Int(mask.reduce(0, +)) }
}

/// Data whose read position is saved in checkpoints, so a resumed run sees exactly the
/// batches an uninterrupted one would have.
public protocol Resumable: AnyObject {
    var position: Data { get }
    func restore(_ position: Data) throws
}

/// Where a language-modelling stage's batches come from.
public protocol BatchSource: Resumable {
    func next() -> Batch
}

/// Deterministic shuffling shared by the loaders: Common's Fisher–Yates driven by Xoshiro256.
func permutation(_ n: Int, seed: UInt64) -> [Int] {
    var rng = Xoshiro256(seed: seed)
    return rng.shuffled(Array(0..<n))
}

/// The order every loader visits its items in: a seeded permutation, a new one each epoch (seed + epoch),
/// so the whole place in the data is two numbers and a resume rebuilds the order from them.
public struct EpochOrder: Sendable {
    public let count: Int
    let seed: UInt64
    public private(set) var epoch = 0, index = 0
    var order: [Int]

    public init(count: Int, seed: UInt64) {
        self.count = count; self.seed = seed
        order = permutation(count, seed: seed)
    }

    /// The next item's index; the last of an epoch is followed by the first of the next epoch's order.
    public mutating func next() -> Int {
        if index == count { epoch += 1; index = 0; order = permutation(count, seed: seed &+ UInt64(epoch)) }
        defer { index += 1 }
        return order[index]
    }

    public var position: Data { encodePosition([epoch, index]) }

    public mutating func restore(_ position: Data) throws {
        let p = try decodePosition(position, count: 2)
        epoch = p[0]; index = p[1]
        order = permutation(count, seed: seed &+ UInt64(epoch))
    }
}

/// Windows of T+1 tokens cut from a packed token stream, visited in a seeded order that
/// changes every epoch. Pretraining and continued pretraining read from here.
public final class PackedBatches: BatchSource {
    let tokens: [UInt16]
    let B: Int, T: Int
    let windows: Int
    var order: EpochOrder

    public init(tokens: [UInt16], batchSize B: Int, seqLen T: Int, seed: UInt64) throws {
        guard tokens.count > T + 1 else {
            throw TrainingError.badInput("the corpus has \(tokens.count) tokens, fewer than one sequence of \(T + 1)")
        }
        self.tokens = tokens; self.B = B; self.T = T
        windows = (tokens.count - 1) / T
        order = EpochOrder(count: windows, seed: seed)
    }

    public func next() -> Batch {
        var x = [Int](repeating: 0, count: B * T), y = x
        for b in 0..<B {
            let start = order.next() * T
            for t in 0..<T {
                x[b * T + t] = Int(tokens[start + t])
                y[b * T + t] = Int(tokens[start + t + 1])
            }
        }
        return Batch(tokens: x, targets: y, mask: [Float](repeating: 1, count: B * T), B: B, T: T)
    }

    public var position: Data { order.position }

    public func restore(_ position: Data) throws { try order.restore(position) }

    /// Every window once, in file order, B at a time (for eval).
    public func sequential(limit: Int) -> [Batch] {
        var out: [Batch] = []
        var w = 0
        while out.count < limit && w + B <= windows {
            var x = [Int](repeating: 0, count: B * T), y = x
            for b in 0..<B {
                let start = (w + b) * T
                for t in 0..<T { x[b * T + t] = Int(tokens[start + t]); y[b * T + t] = Int(tokens[start + t + 1]) }
            }
            out.append(Batch(tokens: x, targets: y, mask: [Float](repeating: 1, count: B * T), B: B, T: T))
            w += B
        }
        return out
    }
}

/// A prompt/completion pair as token ids: loss only on the completion (SFT, DPO, history).
public struct Example: Sendable, Equatable {
    public var prompt: [Int]
    public var completion: [Int]
    public init(prompt: [Int], completion: [Int]) { self.prompt = prompt; self.completion = completion }

    /// Lays the example into row `b` of a (B, T) batch: inputs, targets, mask 1 on completion
    /// tokens only; the tail is padding with no target. Too-long examples keep their prompt and
    /// lose the end of the completion.
    func fill(_ batch: inout Batch, row b: Int, pad: Int) {
        let T = batch.T
        let ids = Array((prompt + completion).prefix(T + 1))
        for t in 0..<T {
            let i = b * T + t
            if t + 1 < ids.count {
                batch.tokens[i] = ids[t]
                batch.targets[i] = ids[t + 1]
                batch.mask[i] = t + 1 >= prompt.count ? 1 : 0
            } else {
                batch.tokens[i] = pad
                batch.targets[i] = -1
                batch.mask[i] = 0
            }
        }
    }
}

/// Masked prompt/completion examples in a seeded order, B per batch.
public final class ExampleBatches: BatchSource {
    public let examples: [Example]
    let B: Int, T: Int, pad: Int
    var order: EpochOrder

    public init(examples: [Example], batchSize B: Int, seqLen T: Int, seed: UInt64, pad: Int) throws {
        guard !examples.isEmpty else { throw TrainingError.badInput("no training examples") }
        self.examples = examples; self.B = B; self.T = T; self.pad = pad
        order = EpochOrder(count: examples.count, seed: seed)
    }

    public func next() -> Batch {
        var batch = Batch(tokens: [Int](repeating: pad, count: B * T), targets: [Int](repeating: -1, count: B * T),
                          mask: [Float](repeating: 0, count: B * T), B: B, T: T)
        for b in 0..<B {
            examples[order.next()].fill(&batch, row: b, pad: pad)
        }
        return batch
    }

    public var position: Data { order.position }

    public func restore(_ position: Data) throws { try order.restore(position) }

    /// All examples in order, B at a time, the last batch padded with empty rows (for eval).
    public static func sequential(_ examples: [Example], batchSize B: Int, seqLen T: Int, pad: Int) -> [Batch] {
        stride(from: 0, to: examples.count, by: B).map { start in
            var batch = Batch(tokens: [Int](repeating: pad, count: B * T), targets: [Int](repeating: -1, count: B * T),
                              mask: [Float](repeating: 0, count: B * T), B: B, T: T)
            for (b, e) in examples[start..<min(start + B, examples.count)].enumerated() { e.fill(&batch, row: b, pad: pad) }
            return batch
        }
    }
}

func encodePosition(_ values: [Int]) -> Data {
    Data(values.map { String($0) }.joined(separator: ",").utf8)
}

func decodePosition(_ data: Data, count: Int) throws -> [Int] {
    let v = String(decoding: data, as: UTF8.self).split(separator: ",").compactMap { Int($0) }
    guard v.count == count else { throw TrainingError.badInput("checkpoint has an unreadable data position") }
    return v
}
