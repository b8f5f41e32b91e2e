// GPT-2's byte-level alphabet: every byte gets a printable Unicode scalar so that
// vocabulary entries are plain strings (space becomes "Ġ", newline "Ċ", and so on).

enum ByteLevel {
    /// byte -> scalar, the `bytes_to_unicode()` table of GPT-2 / `tokenizers`.
    static let byteToScalar: [Unicode.Scalar] = {
        var bs: [Int] = Array(0x21...0x7E) + Array(0xA1...0xAC) + Array(0xAE...0xFF)
        var cs = bs
        var n = 0
        for b in 0..<256 where !bs.contains(b) {
            bs.append(b)
            cs.append(256 + n)
            n += 1
        }
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        for (b, c) in zip(bs, cs) { table[b] = Unicode.Scalar(UInt32(c))! }
        return table
    }()

    /// scalar value -> byte, or -1 when the scalar is not in the table (values < 324).
    static let scalarToByte: [Int16] = {
        var table = [Int16](repeating: -1, count: 324)
        for (b, s) in byteToScalar.enumerated() { table[Int(s.value)] = Int16(b) }
        return table
    }()

    /// Maps raw bytes to their byte-level string.
    static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var s = String.UnicodeScalarView()
        for b in bytes { s.append(byteToScalar[Int(b)]) }
        return String(s)
    }

    /// Maps a byte-level string back to bytes; nil when a scalar is outside the table.
    static func decode(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            let v = Int(u.value)
            guard v < scalarToByte.count, scalarToByte[v] >= 0 else { return nil }
            out.append(UInt8(scalarToByte[v]))
        }
        return out
    }
}

/// Hashable wrapper around a byte string that hashes the raw bytes in one go.
struct ByteKey: Hashable, @unchecked Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
    static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes == b.bytes }
}
