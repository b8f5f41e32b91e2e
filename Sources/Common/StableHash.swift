/// FNV-1a, 64-bit: the project's one stable hash, for seeds, held-out splits, duplicate keys, content
/// hashes and model fingerprints. Unlike `Hasher` it is the same on every run and machine, so values
/// derived from it may be written to files and compared later.
public enum StableHash {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// A running hash, for input that is not one string: token ids, weight bits, n-gram windows.
    /// Each `add` folds one value in as FNV-1a folds one byte (xor, then multiply), so folding the
    /// bytes of a text one by one gives `fnv1a` of that text.
    public struct Running: Sendable, Equatable {
        /// Internal but inlinable, so the judge's n-gram loop folds without a call per word.
        @usableFromInline var running: UInt64
        public var value: UInt64 { running }

        @inlinable public init(seed: UInt64 = StableHash.offsetBasis) { running = seed }

        @inlinable @inline(__always)
        public mutating func add(_ v: UInt64) { running = (running ^ v) &* StableHash.prime }

        @inlinable
        public mutating func add<S: Sequence>(bytes: S) where S.Element == UInt8 {
            for b in bytes { add(UInt64(b)) }
        }
    }

    /// FNV-1a over bytes (a file's content, UTF-8 text).
    @inlinable
    public static func fnv1a<S: Sequence>(bytes: S, seed: UInt64 = offsetBasis) -> UInt64 where S.Element == UInt8 {
        var h = Running(seed: seed)
        h.add(bytes: bytes)
        return h.value
    }

    /// FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
        fnv1a(bytes: text.utf8, seed: seed)
    }

    /// Combines several strings unambiguously (a unit separator between parts).
    public static func fnv1a(_ parts: [String]) -> UInt64 {
        fnv1a(parts.joined(separator: "\u{1F}"))
    }

    /// Sixteen lower-case hex digits, the form written to files and JSON.
    public static func hex(_ h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
