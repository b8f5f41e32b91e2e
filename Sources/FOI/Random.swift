/// Deterministic randomness for the composer, splits and corpora.
///
/// Everything here is platform-independent: no `hashValue`, no `Hasher`, no Set/Dictionary
/// iteration order. The same seed gives the same letters on every machine and every run.

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, full-period 64-bit generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` (n > 0), by rejection so there is no modulo bias.
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let r = next()
            if r < limit { return Int(r % bound) }
        }
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    /// Picks one element; `items` must be non-empty.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks an index and the element, so callers can record which variant they used.
    public mutating func pickIndexed<T>(_ items: [T]) -> (Int, T) {
        let i = below(items.count)
        return (i, items[i])
    }

    /// Fisher–Yates shuffle driven by this generator (not the standard library's, whose
    /// algorithm is not promised to stay the same).
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
    public mutating func sample<T>(_ items: [T], _ k: Int) -> [T] {
        Array(shuffled(items).prefix(k))
    }
}

/// FNV-1a 64-bit over UTF-8 bytes: a stable hash for seeds and held-out splits.
public enum StableHash {
    public static func fnv1a(_ text: String, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var h = seed
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Combines several strings unambiguously (a unit separator between parts).
    public static func fnv1a(_ parts: [String]) -> UInt64 {
        fnv1a(parts.joined(separator: "\u{1F}"))
    }
}
