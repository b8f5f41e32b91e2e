import Foundation

/// A token that is matched in the input as a whole, before pre-tokenization, and never
/// produced by merges (`added_tokens` in tokenizer.json).
public struct AddedToken: Sendable, Equatable {
    public var content: String
    public var id: Int
    public var special: Bool
    public init(content: String, id: Int, special: Bool = true) {
        self.content = content
        self.id = id
        self.special = special
    }
}

/// Finds added tokens in UTF-8 bytes, leftmost first and longest among those starting at the
/// same place (the Aho-Corasick "leftmost-longest" rule `tokenizers` uses).
struct AddedTokenMatcher: Sendable {
    /// first byte -> candidates (bytes, id), longest first
    private var table: [[([UInt8], Int)]] = Array(repeating: [], count: 256)
    let isEmpty: Bool

    init(_ tokens: [AddedToken]) {
        var empty = true
        for t in tokens {
            let bytes = Array(t.content.utf8)
            guard let first = bytes.first else { continue }
            table[Int(first)].append((bytes, t.id))
            empty = false
        }
        for i in 0..<256 where table[i].count > 1 {
            table[i].sort { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.1 < $1.1 }
        }
        isEmpty = empty
    }

    /// Splits p[0..<n] into plain-text ranges and added-token ids.
    @inline(__always)
    func segment(_ p: UnsafeBufferPointer<UInt8>, text: (Int, Int) -> Void, token: (Int) -> Void) {
        let n = p.count
        if isEmpty { if n > 0 { text(0, n) }; return }
        var start = 0
        var i = 0
        outer: while i < n {
            let cands = table[Int(p[i])]
            if !cands.isEmpty {
                for (bytes, id) in cands where i + bytes.count <= n {
                    var ok = true
                    for k in 1..<bytes.count where p[i + k] != bytes[k] { ok = false; break }
                    if ok {
                        if start < i { text(start, i) }
                        token(id)
                        i += bytes.count
                        start = i
                        continue outer
                    }
                }
            }
            i += 1
        }
        if start < n { text(start, n) }
    }
}

/// Byte-level BPE tokenizer with the GPT-2 pre-tokenizer, compatible with Hugging Face
/// `tokenizers` (`tokenizer.json`). Thread-safe: the only mutable state is a word cache
/// behind a lock.
///
/// Ids of a tokenizer trained by `BPETrainer`: the special tokens first (`<|endoftext|>` is 0),
/// then the 256 byte symbols in byte order, then one id per merge in merge order.
///
/// Special tokens: `encode(text, allowSpecial: true)` (the default) turns every literal
/// occurrence of a special token's text into its single id, exactly as `tokenizers` does;
/// with `allowSpecial: false` the same text is encoded as ordinary bytes, so untrusted input
/// (a user's keywords, an imported letter) can never inject a prompt marker.
public final class BPETokenizer: @unchecked Sendable {
    // MARK: special tokens
    public static let endOfText = "<|endoftext|>"
    public static let authority = "<|authority|>"
    public static let jurisdiction = "<|jurisdiction|>"
    public static let keywords = "<|keywords|>"
    public static let style = "<|style|>"
    public static let request = "<|request|>"
    public static let pad = "<|pad|>"
    public static let summary = "<|summary|>"
    public static let filing = "<|filing|>"
    /// Reserved for later use without changing the vocabulary: `<|reserved_0|>` … `<|reserved_6|>`.
    public static let reserved: [String] = (0..<7).map { "<|reserved_\($0)|>" }
    /// The specials of our own tokenizers, in id order (16 of them).
    public static let defaultSpecials: [String] =
        [endOfText, authority, jurisdiction, keywords, style, request, pad, summary, filing] + reserved

    // MARK: state
    /// Bytes each id decodes to (a special token decodes to its text).
    let tokenBytes: [[UInt8]]
    /// The vocabulary string of each id (byte-level form; added tokens as written).
    package let tokenStrings: [String]
    /// Id of each single byte.
    let byteIds: [Int32]
    /// Merges in rank order: (left, right, result).
    package let mergeList: [(Int32, Int32, Int32)]
    /// (left << 32 | right) -> (rank << 32 | result)
    let mergeTable: [UInt64: UInt64]
    public let addedTokens: [AddedToken]
    let matcher: AddedTokenMatcher
    let specialIds: Set<Int>
    let ignoreMerges: Bool
    let vocabLookup: [String: Int]

    private let lock = NSLock()
    private var cache: [ByteKey: [Int32]] = [:]
    private static let cacheLimit = 200_000

    init(tokenBytes: [[UInt8]], tokenStrings: [String], byteIds: [Int32],
         merges: [(Int32, Int32, Int32)], added: [AddedToken], ignoreMerges: Bool = false) {
        precondition(tokenBytes.count == tokenStrings.count && byteIds.count == 256)
        self.tokenBytes = tokenBytes
        self.tokenStrings = tokenStrings
        self.byteIds = byteIds
        self.mergeList = merges
        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(merges.count)
        for (rank, m) in merges.enumerated() {
            let key = UInt64(UInt32(m.0)) << 32 | UInt64(UInt32(m.1))
            if table[key] == nil { table[key] = UInt64(rank) << 32 | UInt64(UInt32(m.2)) }
        }
        self.mergeTable = table
        self.addedTokens = added
        self.matcher = AddedTokenMatcher(added)
        self.specialIds = Set(added.filter(\.special).map(\.id))
        self.ignoreMerges = ignoreMerges
        var lookup: [String: Int] = [:]
        for (i, s) in tokenStrings.enumerated() where lookup[s] == nil { lookup[s] = i }
        self.vocabLookup = lookup
    }

    // MARK: public API

    /// Number of ids (the embedding table's rows).
    public var vocabSize: Int { tokenBytes.count }
    /// Number of merges.
    public var mergeCount: Int { mergeList.count }
    /// The special tokens' texts, in id order.
    public var specialTokens: [String] {
        addedTokens.filter(\.special).sorted { $0.id < $1.id }.map(\.content)
    }
    public var endOfTextId: Int { id(forSpecial: Self.endOfText) ?? 0 }

    /// Id of an added (special) token, e.g. `id(forSpecial: BPETokenizer.request)`.
    public func id(forSpecial text: String) -> Int? {
        addedTokens.first { $0.content == text }?.id
    }
    /// Id of a vocabulary string in byte-level form ("Ġthe"), or of an added token.
    public func id(forToken token: String) -> Int? { vocabLookup[token] }
    /// Whether `id` is a special token.
    public func isSpecial(_ id: Int) -> Bool { specialIds.contains(id) }
    /// The vocabulary string of `id` (byte-level form, e.g. "Ġthe"; specials as written).
    public func tokenString(_ id: Int) -> String? {
        id >= 0 && id < tokenStrings.count ? tokenStrings[id] : nil
    }
    /// The bytes `id` stands for (empty for an unknown id).
    public func tokenBytes(_ id: Int) -> [UInt8] {
        id >= 0 && id < tokenBytes.count ? tokenBytes[id] : []
    }

    /// Encodes text. With `allowSpecial` (default) literal special-token text becomes the
    /// special's id; without, it is encoded as ordinary text.
    public func encode(_ text: String, allowSpecial: Bool = true) -> [Int] {
        var text = text
        return text.withUTF8 { encode(buffer: $0, allowSpecial: allowSpecial) }
    }

    /// Encodes arbitrary bytes (need not be UTF-8); `decodeBytes` gives them back exactly.
    /// Special-token text is matched only with `allowSpecial` (default false for raw bytes).
    public func encodeBytes(_ bytes: [UInt8], allowSpecial: Bool = false) -> [Int] {
        bytes.withUnsafeBufferPointer { encode(buffer: $0, allowSpecial: allowSpecial) }
    }

    /// Bytes of the ids concatenated; ids out of range are skipped.
    public func decodeBytes(_ ids: [Int], skipSpecialTokens: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ids.count * 4)
        for id in ids where id >= 0 && id < tokenBytes.count {
            if skipSpecialTokens && specialIds.contains(id) { continue }
            out.append(contentsOf: tokenBytes[id])
        }
        return out
    }

    /// Text of the ids. Invalid UTF-8 (a sequence cut in the middle of a character) becomes
    /// U+FFFD per maximal invalid subpart, as `tokenizers` does (`String::from_utf8_lossy`).
    public func decode(_ ids: [Int], skipSpecialTokens: Bool = false) -> String {
        String(decoding: decodeBytes(ids, skipSpecialTokens: skipSpecialTokens), as: UTF8.self)
    }

    // MARK: encoding internals

    func encode(buffer p: UnsafeBufferPointer<UInt8>, allowSpecial: Bool) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(p.count / 3 + 4)
        var local: [ByteKey: [Int32]] = [:]
        let text: (Int, Int) -> Void = { lo, hi in
            PreTokenizer.split(p, lo, hi) { s, e in
                self.encodeWord(p, s, e, &out, &local)
            }
        }
        if allowSpecial {
            matcher.segment(p, text: text, token: { out.append($0) })
        } else if p.count > 0 {
            text(0, p.count)
        }
        if !local.isEmpty {
            lock.lock()
            if cache.count + local.count > Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache.merge(local) { a, _ in a }
            lock.unlock()
        }
        return out
    }

    @inline(__always)
    private func encodeWord(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                            _ out: inout [Int], _ local: inout [ByteKey: [Int32]]) {
        if e - s == 1 { out.append(Int(byteIds[Int(p[s])])); return }
        let key = ByteKey(Array(UnsafeBufferPointer(rebasing: p[s..<e])))
        if let ids = local[key] {
            for id in ids { out.append(Int(id)) }
            return
        }
        lock.lock()
        let hit = cache[key]
        lock.unlock()
        let ids = hit ?? bpe(key.bytes)
        if local.count < 100_000 { local[key] = ids }
        for id in ids { out.append(Int(id)) }
    }

    /// Applies merges to one pre-token: repeatedly the lowest-rank adjacent pair, leftmost
    /// first among equal ranks (the `tokenizers` algorithm), with a heap and a linked list so
    /// that very long words stay O(n log n).
    func bpe(_ bytes: [UInt8]) -> [Int32] {
        let n = bytes.count
        var ids = bytes.map { byteIds[Int($0)] }
        if n < 2 { return ids }
        if ignoreMerges, let whole = vocabLookup[ByteLevel.encode(bytes)] { return [Int32(whole)] }
        var next = [Int32](unsafeUninitializedCapacity: n) { b, c in
            for i in 0..<n { b[i] = Int32(i + 1) }; b[n - 1] = -1; c = n
        }
        var prev = [Int32](unsafeUninitializedCapacity: n) { b, c in
            for i in 0..<n { b[i] = Int32(i - 1) }; c = n
        }
        var alive = [Bool](repeating: true, count: n)
        var heap = MinHeap()
        @inline(__always) func lookup(_ a: Int32, _ b: Int32) -> UInt64? {
            mergeTable[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))]
        }
        for i in 0..<(n - 1) {
            if let m = lookup(ids[i], ids[i + 1]) { heap.push(m & 0xFFFF_FFFF_0000_0000 | UInt64(i)) }
        }
        while let top = heap.pop() {
            let rank = top >> 32
            let pos = Int(top & 0xFFFF_FFFF)
            guard alive[pos] else { continue }
            let nx = Int(next[pos])
            guard nx >= 0, let m = lookup(ids[pos], ids[nx]), m >> 32 == rank else { continue }
            ids[pos] = Int32(truncatingIfNeeded: m & 0xFFFF_FFFF)
            alive[nx] = false
            let nn = next[nx]
            next[pos] = nn
            if nn >= 0 { prev[Int(nn)] = Int32(pos) }
            let pv = Int(prev[pos])
            if pv >= 0, let m2 = lookup(ids[pv], ids[pos]) {
                heap.push(m2 & 0xFFFF_FFFF_0000_0000 | UInt64(pv))
            }
            if nn >= 0, let m3 = lookup(ids[pos], ids[Int(nn)]) {
                heap.push(m3 & 0xFFFF_FFFF_0000_0000 | UInt64(pos))
            }
        }
        var result: [Int32] = []
        var i = 0
        while i >= 0 { result.append(ids[i]); i = Int(next[i]) }
        return result
    }
}

/// The order of a `Heap`: `before(x, y)` when x comes out first.
protocol HeapOrder {
    associatedtype Element
    static func before(_ x: Element, _ y: Element) -> Bool
}

/// Binary heap, the one of both BPE loops: the encoder's merge queue (`MinHeap`) and the trainer's pair
/// counts (`PairHeap`). Generic over a static order, so each use compiles to its own comparison.
struct Heap<Order: HeapOrder> {
    var a: [Order.Element] = []
    mutating func push(_ x: Order.Element) {
        a.append(x)
        var i = a.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if !Order.before(x, a[p]) { break }
            a[i] = a[p]; i = p
        }
        a[i] = x
    }
    mutating func pop() -> Order.Element? {
        guard let last = a.popLast() else { return nil }
        if a.isEmpty { return last }
        let top = a[0]
        let n = a.count
        var i = 0
        while true {
            var c = 2 * i + 1
            if c >= n { break }
            if c + 1 < n && Order.before(a[c + 1], a[c]) { c += 1 }
            if !Order.before(a[c], last) { break }
            a[i] = a[c]; i = c
        }
        a[i] = last
        return top
    }
}

/// Smallest UInt64 key first (rank << 32 | position).
enum Ascending: HeapOrder {
    @inline(__always) static func before(_ x: UInt64, _ y: UInt64) -> Bool { x < y }
}
typealias MinHeap = Heap<Ascending>

/// Turns token ids into text as they arrive, holding back the bytes of a character that a
/// token ended in the middle of. The concatenation of everything `push` and `finish` return
/// equals `decode` of all the ids.
public struct StreamingDecoder: Sendable {
    public let tokenizer: BPETokenizer
    public var skipSpecialTokens: Bool
    private var pending: [UInt8] = []

    public init(tokenizer: BPETokenizer, skipSpecialTokens: Bool = false) {
        self.tokenizer = tokenizer
        self.skipSpecialTokens = skipSpecialTokens
    }

    /// Adds one token; returns the text that is now complete (possibly empty).
    public mutating func push(_ id: Int) -> String {
        if skipSpecialTokens && tokenizer.isSpecial(id) { return "" }
        pending.append(contentsOf: tokenizer.tokenBytes(id))
        let cut = Self.completePrefix(pending)
        if cut == 0 { return "" }
        let text = String(decoding: pending[..<cut], as: UTF8.self)
        pending.removeFirst(cut)
        return text
    }

    /// Adds several tokens.
    public mutating func push(_ ids: [Int]) -> String { ids.map { push($0) }.joined() }

    /// Flushes held bytes (an unfinished character becomes U+FFFD).
    public mutating func finish() -> String {
        defer { pending.removeAll() }
        return pending.isEmpty ? "" : String(decoding: pending, as: UTF8.self)
    }

    /// Bytes held back because they may begin a character not yet complete.
    public var pendingByteCount: Int { pending.count }

    /// Length of the prefix that can be decoded now: everything except a trailing lead byte
    /// (and its continuation bytes so far) whose character is not complete yet.
    static func completePrefix(_ b: [UInt8]) -> Int {
        let n = b.count
        var k = n - 1
        var back = 0
        while k >= 0 && back < 4 {
            let x = b[k]
            if x & 0xC0 != 0x80 {
                let need: Int
                if x >= 0xC2 && x <= 0xDF { need = 2 }
                else if x >= 0xE0 && x <= 0xEF { need = 3 }
                else if x >= 0xF0 && x <= 0xF4 { need = 4 }
                else { return n }
                return n - k < need ? k : n
            }
            k -= 1
            back += 1
        }
        return n
    }
}
