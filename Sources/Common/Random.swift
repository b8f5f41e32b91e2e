import Foundation

/// The project's one source of seeded randomness: the composer, the slot machine's reels, corpus and
/// held-out splits, weight initialisation, sampling and data shuffling all draw through the routines
/// below. Nothing here uses `hashValue`, `Hasher`, the standard library's `random(in:)` or Set and
/// Dictionary order, whose algorithms are not promised to stay the same: a seed gives the same letters,
/// weights and samples on every machine, platform and Swift version.
///
/// Two engines stand behind the one set of draws, and both streams are pinned: `SplitMix64` (the
/// composer's letters, the corpus the shipped model was trained on, the reels; a test fixes its first
/// output) and `Xoshiro256` (weights, sampling, shuffles; its four words are saved in training
/// checkpoints for an exact resume). Merging them would change every composed corpus or every
/// initialised model, so each keeps its stream and shares everything else.
public protocol SeededGenerator: RandomNumberGenerator {
    init(seed: UInt64)
}

extension SeededGenerator {
    /// Uniform in `0..<n` (n > 0) by rejection, so there is no modulo bias. The rejected tail is
    /// `2^64 mod n` values, so for any n this project uses the draw equals `next() % n` but for a
    /// chance near 2^-50: callers that once took the modulo see the same sequences.
    @inlinable
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(\(n)): the range is empty")
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let r = next()
            if r < limit { return Int(r % bound) }
        }
    }

    /// Uniform in `lo...hi`.
    @inlinable
    public mutating func range(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

    /// Uniform in [0, 1) with 53 bits, the resolution of a Double.
    @inlinable
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    @inlinable
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform in [0, 1) with 24 bits, the resolution of a Float.
    @inlinable
    public mutating func nextFloat() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

    /// Standard normal by Box–Muller (one value per call: simple over fast, it only runs at init).
    public mutating func nextGaussian() -> Float {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }

    /// Picks one element; `items` must be non-empty.
    @inlinable
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks an index and the element, so callers can record which variant they used.
    @inlinable
    public mutating func pickIndexed<T>(_ items: [T]) -> (Int, T) {
        let i = below(items.count)
        return (i, items[i])
    }

    /// Fisher–Yates shuffle driven by this generator.
    @inlinable
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var a = items
        if a.count < 2 { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = below(i + 1)
            if i != j { a.swapAt(i, j) }
        }
        return a
    }

    /// `k` distinct elements in random order.
    @inlinable
    public mutating func sample<T>(_ items: [T], _ k: Int) -> [T] {
        Array(shuffled(items).prefix(k))
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, full-period 64-bit generator; also seeds `Xoshiro256`.
public struct SplitMix64: SeededGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna 2018), its four words filled from SplitMix64 as its authors advise.
/// Its whole state is four words, saved in training checkpoints for an exact resume.
public struct Xoshiro256: SeededGenerator, Sendable, Equatable {
    public var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var s = SplitMix64(seed: seed)
        state = (s.next(), s.next(), s.next(), s.next())
    }

    /// A generator at a saved point (`stateWords` of another one).
    public init(state words: [UInt64]) {
        precondition(words.count == 4, "xoshiro256 state needs 4 words, got \(words.count)")
        state = (words[0], words[1], words[2], words[3])
    }

    public var stateWords: [UInt64] { [state.0, state.1, state.2, state.3] }

    public static func == (a: Self, b: Self) -> Bool { a.stateWords == b.stateWords }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0; state.3 ^= state.1; state.1 ^= state.2; state.0 ^= state.3
        state.2 ^= t; state.3 = Self.rotl(state.3, 45)
        return result
    }

    @inlinable @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
