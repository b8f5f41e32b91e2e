// The GPT-2 pre-tokenization pattern as a hand-written scanner:
//
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//
// with the semantics of the backtracking engines `tokenizers` uses (leftmost alternative
// wins). \s is Unicode White_Space (what both Oniguruma and the Rust regex crate use),
// \p{L} and \p{N} are the general categories L* and N*. Works on UTF-8 bytes; a byte that
// does not start a valid UTF-8 sequence counts as one "other" character (so arbitrary bytes
// can be pre-tokenized too).

enum PreTokenizer {
    static let letter: UInt8 = 0
    static let number: UInt8 = 1
    static let space: UInt8 = 2
    static let other: UInt8 = 3

    static let asciiClass: [UInt8] = (0..<128).map { b -> UInt8 in
        switch b {
        case 0x09...0x0D, 0x20: return space
        case 0x30...0x39: return number
        case 0x41...0x5A, 0x61...0x7A: return letter
        default: return other
        }
    }

    /// Unicode White_Space, the set matched by \s in Oniguruma and in Rust's regex crate.
    @inline(__always)
    static func isWhiteSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func classOf(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return asciiClass[Int(v)] }
        if isWhiteSpace(v) { return space }
        guard let s = Unicode.Scalar(v) else { return other }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return letter
        case .decimalNumber, .letterNumber, .otherNumber:
            return number
        default:
            return other
        }
    }

    /// Class and byte length of the character starting at `i` (i < hi).
    @inline(__always)
    static func scan(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> (UInt8, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (asciiClass[Int(b0)], 1) }
        var len = 0
        var v: UInt32
        if b0 >= 0xC2 && b0 <= 0xDF { len = 2; v = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { len = 3; v = UInt32(b0 & 0x0F) }
        else if b0 >= 0xF0 && b0 <= 0xF4 { len = 4; v = UInt32(b0 & 0x07) }
        else { return (other, 1) }
        if i + len > hi { return (other, 1) }
        for k in 1..<len {
            let b = p[i + k]
            if b & 0xC0 != 0x80 { return (other, 1) }
            v = v << 6 | UInt32(b & 0x3F)
        }
        if len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) { return (other, 1) }
        if len == 4 && (v < 0x10000 || v > 0x10FFFF) { return (other, 1) }
        return (classOf(v), len)
    }

    /// Calls `emit(start, end)` with the byte range of each pre-token of p[lo..<hi], in order.
    @inline(__always)
    static func split(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ emit: (Int, Int) -> Void) {
        var i = lo
        while i < hi {
            let b = p[i]
            // 's|'t|'re|'ve|'m|'ll|'d
            if b == 0x27, i + 1 < hi {
                let c1 = p[i + 1]
                if c1 == 0x73 || c1 == 0x74 || c1 == 0x6D || c1 == 0x64 { // s t m d
                    emit(i, i + 2); i += 2; continue
                }
                if i + 2 < hi {
                    let c2 = p[i + 2]
                    if (c1 == 0x72 && c2 == 0x65) || (c1 == 0x76 && c2 == 0x65) || (c1 == 0x6C && c2 == 0x6C) { // re ve ll
                        emit(i, i + 3); i += 3; continue
                    }
                }
            }
            // " ?X+" for X in letters, numbers, others: a space followed by a non-space
            if b == 0x20, i + 1 < hi {
                let (c2, l2) = scan(p, i + 1, hi)
                if c2 != space {
                    var j = i + 1 + l2
                    while j < hi {
                        let (c, l) = scan(p, j, hi)
                        if c != c2 { break }
                        j += l
                    }
                    emit(i, j); i = j; continue
                }
            }
            let (c0, l0) = scan(p, i, hi)
            if c0 != space {
                var j = i + l0
                while j < hi {
                    let (c, l) = scan(p, j, hi)
                    if c != c0 { break }
                    j += l
                }
                emit(i, j); i = j; continue
            }
            // \s+(?!\S) | \s+ : a whitespace run followed by a non-space gives back its last
            // character (which then starts the next pre-token), unless the run is one character.
            var j = i + l0
            var last = i
            while j < hi {
                let (c, l) = scan(p, j, hi)
                if c != space { break }
                last = j
                j += l
            }
            if j == hi || last == i {
                emit(i, j); i = j
            } else {
                emit(i, last); i = last
            }
        }
    }
}
