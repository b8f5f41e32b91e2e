import Dispatch
import Foundation

/// Trains a byte-level BPE tokenizer: counts GPT-2 pre-tokens over the corpus (in parallel),
/// then runs the merge loop with incremental pair counts (an index from each pair to the words
/// that contain it, and a lazily-updated max-heap of pair counts), so a merge costs time in
/// proportion to the words it touches, not to the corpus.
///
/// Deterministic: the most frequent pair wins; ties go to the pair with the smaller
/// (left id, right id). Special tokens in the corpus are cut out and not counted.
public struct BPETrainer: Sendable {
    public var vocabSize: Int
    public var specials: [String]
    /// Pairs seen fewer times than this are never merged (training may stop below vocabSize).
    public var minFrequency: Int
    /// Threads for counting pre-tokens.
    public var threads: Int

    public enum Phase: String, Sendable { case counting, merging, done }
    public struct Progress: Sendable {
        public var phase: Phase
        /// counting: bytes read so far; merging: merges done
        public var done: Int
        /// counting: 0 (unknown); merging: merges wanted
        public var total: Int
    }

    public init(vocabSize: Int, specials: [String] = BPETokenizer.defaultSpecials,
                minFrequency: Int = 2, threads: Int = 2) {
        self.vocabSize = vocabSize
        self.specials = specials
        self.minFrequency = max(1, minFrequency)
        self.threads = max(1, threads)
    }

    /// Trains on files (read as UTF-8, invalid bytes replaced).
    public func train(files: [URL], progress: ((Progress) -> Void)? = nil) throws -> BPETokenizer {
        let counter = WordCounter(specials: specials, threads: threads)
        var seen = 0
        for f in files {
            let data: Data
            do { data = try Data(contentsOf: f) } catch {
                throw TokenizerError.unreadable(f.path, error.localizedDescription)
            }
            for chunk in Self.chunks(data) {
                seen += chunk.utf8.count
                counter.add(chunk)
                if counter.pendingBytes >= 8 << 20 { counter.flush(); progress?(Progress(phase: .counting, done: seen, total: 0)) }
            }
        }
        counter.flush()
        return merge(counter.result(), progress: progress)
    }

    /// Trains on in-memory texts (each text is pre-tokenized on its own).
    public func train<S: Sequence>(texts: S, progress: ((Progress) -> Void)? = nil) -> BPETokenizer where S.Element == String {
        let counter = WordCounter(specials: specials, threads: threads)
        var seen = 0
        for t in texts {
            seen += t.utf8.count
            counter.add(t)
            if counter.pendingBytes >= 8 << 20 { counter.flush(); progress?(Progress(phase: .counting, done: seen, total: 0)) }
        }
        counter.flush()
        return merge(counter.result(), progress: progress)
    }

    /// Splits a file into ~1 MB texts at places where cutting does not change pre-tokenization
    /// (after a newline that sits between two visible ASCII characters).
    static func chunks(_ data: Data) -> [String] {
        let n = data.count
        let target = 1 << 20
        var out: [String] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let p = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < n {
                var cut = n
                if n - start > target {
                    cut = n
                    var k = start + target
                    let limit = min(n - 1, start + target + (1 << 18))
                    while k < limit {
                        if p[k - 1] == 0x0A && p[k] > 0x20 && p[k] < 0x7F && p[k - 2] > 0x20 && p[k - 2] < 0x7F { cut = k; break }
                        k += 1
                    }
                    if cut == n {  // no clean place: cut at a character boundary
                        k = start + target
                        while k < n && p[k] & 0xC0 == 0x80 { k += 1 }
                        cut = k
                    }
                }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<cut]), as: UTF8.self))
                start = cut
            }
        }
        return out
    }

    // MARK: merge loop

    func merge(_ counts: [ByteKey: Int], progress: ((Progress) -> Void)?) -> BPETokenizer {
        let nSpecial = specials.count
        var tokenBytes: [[UInt8]] = specials.map { Array($0.utf8) }
        for b in 0..<256 { tokenBytes.append([UInt8(b)]) }
        var idOf: [ByteKey: Int32] = [:]
        for (i, t) in tokenBytes.enumerated() where i >= nSpecial { idOf[ByteKey(t)] = Int32(i) }
        let byteIds = (0..<256).map { Int32(nSpecial + $0) }

        // words as one flat symbol array
        var start: [Int] = [], len: [Int32] = [], wcount: [Int] = []
        start.reserveCapacity(counts.count); len.reserveCapacity(counts.count); wcount.reserveCapacity(counts.count)
        var sym: [Int32] = []
        for (k, c) in counts {
            start.append(sym.count)
            len.append(Int32(k.bytes.count))
            wcount.append(c)
            for b in k.bytes { sym.append(byteIds[Int(b)]) }
        }
        let nWords = start.count

        var pairCount: [UInt64: Int] = [:]
        var where_: [UInt64: [Int32]] = [:]
        @inline(__always) func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }
        for w in 0..<nWords {
            let s = start[w], n = Int(len[w]), c = wcount[w]
            if n < 2 { continue }
            for i in s..<(s + n - 1) {
                let k = key(sym[i], sym[i + 1])
                pairCount[k, default: 0] += c
                where_[k, default: []].append(Int32(w))
            }
        }
        var heap = PairHeap()
        heap.a.reserveCapacity(pairCount.count)
        for (k, c) in pairCount { heap.push(c, k) }

        var merges: [(Int32, Int32, Int32)] = []
        var stamp = [Int32](repeating: -1, count: nWords)
        let wanted = max(0, vocabSize - tokenBytes.count)
        var touched: [UInt64: Bool] = [:]
        while tokenBytes.count < vocabSize, let top = heap.pop() {
            let cur = pairCount[top.pair] ?? 0
            if cur != top.count {
                if cur > 0 { heap.push(cur, top.pair) }
                continue
            }
            if cur < minFrequency { break }
            let a = Int32(truncatingIfNeeded: top.pair >> 32), b = Int32(truncatingIfNeeded: top.pair & 0xFFFF_FFFF)
            let newKey = ByteKey(tokenBytes[Int(a)] + tokenBytes[Int(b)])
            let x: Int32
            if let existing = idOf[newKey] {
                x = existing
            } else {
                x = Int32(tokenBytes.count)
                tokenBytes.append(newKey.bytes)
                idOf[newKey] = x
            }
            let mIndex = Int32(merges.count)
            merges.append((a, b, x))
            let words = where_.removeValue(forKey: top.pair) ?? []
            touched.removeAll(keepingCapacity: true)
            @inline(__always) func change(_ k: UInt64, _ d: Int, _ w: Int32) {
                let v = (pairCount[k] ?? 0) + d
                if v == 0 { pairCount[k] = nil } else { pairCount[k] = v }
                if d > 0 {
                    where_[k, default: []].append(w)
                    touched[k] = true
                }
            }
            for w32 in words {
                let w = Int(w32)
                if stamp[w] == mIndex { continue }
                stamp[w] = mIndex
                let s = start[w], e = s + Int(len[w]), c = wcount[w]
                var r = s, o = s
                while r < e {
                    if r + 1 < e && sym[r] == a && sym[r + 1] == b {
                        if o > s {
                            let p = sym[o - 1]
                            change(key(p, a), -c, w32)
                            change(key(p, x), c, w32)
                        }
                        sym[o] = x; o += 1; r += 2
                        if r < e {
                            let nx = sym[r]
                            change(key(b, nx), -c, w32)
                            change(key(x, nx), c, w32)
                        }
                    } else {
                        sym[o] = sym[r]; o += 1; r += 1
                    }
                }
                len[w] = Int32(o - s)
            }
            pairCount[top.pair] = nil
            for k in touched.keys where k != top.pair {
                if let c = pairCount[k], c > 0 { heap.push(c, k) }
            }
            if let progress, merges.count % 256 == 0 {
                progress(Progress(phase: .merging, done: tokenBytes.count - 256 - nSpecial, total: wanted))
            }
        }
        progress?(Progress(phase: .done, done: tokenBytes.count - 256 - nSpecial, total: wanted))

        var strings: [String] = []
        strings.reserveCapacity(tokenBytes.count)
        for (i, t) in tokenBytes.enumerated() {
            strings.append(i < nSpecial ? specials[i] : ByteLevel.encode(t))
        }
        let added = specials.enumerated().map { AddedToken(content: $0.element, id: $0.offset, special: true) }
        return BPETokenizer(tokenBytes: tokenBytes, tokenStrings: strings, byteIds: byteIds,
                            merges: merges, added: added)
    }
}

/// Largest count first; ties: smaller pair first.
enum MostCounted: HeapOrder {
    @inline(__always) static func before(_ x: (count: Int, pair: UInt64), _ y: (count: Int, pair: UInt64)) -> Bool {
        x.count > y.count || (x.count == y.count && x.pair < y.pair)
    }
}
typealias PairHeap = Heap<MostCounted>

extension Heap where Order == MostCounted {
    mutating func push(_ count: Int, _ pair: UInt64) { push((count: count, pair: pair)) }
}

/// Counts pre-tokens (word -> count) over texts, `threads` texts at a time.
final class WordCounter: @unchecked Sendable {
    let matcher: AddedTokenMatcher
    let threads: Int
    private var partial: [[ByteKey: Int]]
    private var batch: [String] = []
    private(set) var pendingBytes = 0

    init(specials: [String], threads: Int) {
        matcher = AddedTokenMatcher(specials.enumerated().map { AddedToken(content: $0.element, id: $0.offset) })
        self.threads = threads
        partial = Array(repeating: [:], count: threads)
    }

    func add(_ text: String) {
        batch.append(text)
        pendingBytes += text.utf8.count
    }

    func flush() {
        guard !batch.isEmpty else { return }
        let work = batch
        batch.removeAll()
        pendingBytes = 0
        let t = min(threads, work.count)
        if t <= 1 {
            for text in work { Self.count(text, matcher, &partial[0]) }
            return
        }
        let boxes = (0..<t).map { i in DictBox(partial[i]) }
        for i in 0..<t { partial[i] = [:] }
        let m = matcher
        DispatchQueue.concurrentPerform(iterations: t) { i in
            var d = boxes[i].d
            boxes[i].d = [:]
            var j = i
            while j < work.count { Self.count(work[j], m, &d); j += t }
            boxes[i].d = d
        }
        for i in 0..<t { partial[i] = boxes[i].d }
    }

    func result() -> [ByteKey: Int] {
        flush()
        var total = partial[0]
        for i in 1..<partial.count { total.merge(partial[i], uniquingKeysWith: +) }
        return total
    }

    static func count(_ text: String, _ matcher: AddedTokenMatcher, _ d: inout [ByteKey: Int]) {
        var text = text
        text.withUTF8 { p in
            matcher.segment(p, text: { lo, hi in
                PreTokenizer.split(p, lo, hi) { s, e in
                    d[ByteKey(Array(UnsafeBufferPointer(rebasing: p[s..<e]))), default: 0] += 1
                }
            }, token: { _ in })
        }
    }
}

final class DictBox: @unchecked Sendable {
    var d: [ByteKey: Int]
    init(_ d: [ByteKey: Int]) { self.d = d }
}
