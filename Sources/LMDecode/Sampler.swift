import Common
import Foundation
import LM

/// How to pick each next token. temperature 0 is greedy (argmax).
public struct SamplingOptions: Sendable, Equatable {
    public var temperature: Float = 0.8
    /// Keep only the k most likely tokens; 0 keeps all.
    public var topK: Int = 40
    /// Keep the smallest set of most likely tokens whose probability reaches p; 1 keeps all.
    public var topP: Float = 0.95
    /// Hugging Face's rule: a logit of an already-seen token (prompt or output) is divided by the
    /// penalty when positive, multiplied when negative. 1 disables it.
    public var repetitionPenalty: Float = 1.1
    /// Hugging Face's no_repeat_ngram_size over the drawn tokens (the prompt excluded): a token that
    /// would repeat an n-gram already drawn is ruled out. 0 disables it.
    public var noRepeatNGram: Int = 0
    public var maxNewTokens: Int = 256
    public var seed: UInt64 = 0
    /// Sampling one of these ends the sequence (the token is not returned).
    public var stopTokenIds: [Int] = []

    public init(temperature: Float = 0.8, topK: Int = 40, topP: Float = 0.95, repetitionPenalty: Float = 1.1,
                noRepeatNGram: Int = 0, maxNewTokens: Int = 256, seed: UInt64 = 0, stopTokenIds: [Int] = []) {
        self.temperature = temperature; self.topK = topK; self.topP = topP; self.repetitionPenalty = repetitionPenalty
        self.noRepeatNGram = noRepeatNGram
        self.maxNewTokens = maxNewTokens; self.seed = seed; self.stopTokenIds = stopTokenIds
    }

    public static let greedy = SamplingOptions(temperature: 0, topK: 0, topP: 1, repetitionPenalty: 1)

    /// The seed of sequence `index` when the caller gives none: a function of (seed, index) only,
    /// so a sequence's text does not depend on the rest of its batch.
    public func seed(forSequence index: Int) -> UInt64 {
        var r = Xoshiro256(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        return r.next()
    }
}

/// Picks tokens for one sequence: repetition penalty → temperature → top-k → top-p → draw,
/// in Hugging Face's order. Scratch is allocated once per sampler, not per token.
public struct Sampler {
    var rng: Xoshiro256
    let options: SamplingOptions
    var seen: [Bool]
    private var idx: [Int32]
    private var probs: [Float]

    init(vocabSize V: Int, options: SamplingOptions, seed: UInt64) {
        rng = Xoshiro256(seed: seed)
        self.options = options
        seen = [Bool](repeating: false, count: V)
        idx = [Int32](repeating: 0, count: V)
        probs = [Float](repeating: 0, count: V)
    }

    /// Tokens drawn so far (not the prompt's), for the n-gram ban.
    private var drawn: [Int] = []

    mutating func observe(_ token: Int, drawn isDrawn: Bool = false) {
        seen[token] = true
        if isDrawn && options.noRepeatNGram > 0 { drawn.append(token) }
    }

    /// Rules out the tokens that followed the last n−1 drawn tokens before, unless that would leave no
    /// token at all (a logits processor may already have narrowed the row to one).
    func banRepeatedNGrams(_ logits: UnsafeMutablePointer<Float>, V: Int) {
        let banned = Self.repeatedNGramCompletions(drawn, n: options.noRepeatNGram)
        guard !banned.isEmpty, (0..<V).contains(where: { logits[$0] > -.infinity && !banned.contains($0) }) else { return }
        for t in banned where t < V { logits[t] = -.infinity }
    }

    /// The tokens that would repeat an n-gram of `drawn`: those that followed its last n−1 tokens before.
    public static func repeatedNGramCompletions(_ drawn: [Int], n: Int) -> Set<Int> {
        guard n > 0, drawn.count >= n else { return [] }
        let tail = drawn[(drawn.count - n + 1)...]
        var banned = Set<Int>()
        for i in 0...(drawn.count - n) where drawn[i..<(i + n - 1)].elementsEqual(tail) { banned.insert(drawn[i + n - 1]) }
        return banned
    }

    /// logits (V) are modified in place.
    mutating func sample(_ logits: UnsafeMutablePointer<Float>, V: Int) -> Int {
        let o = options
        banRepeatedNGrams(logits, V: V)
        if o.repetitionPenalty != 1 {
            let pen = o.repetitionPenalty
            for j in 0..<V where seen[j] { logits[j] = logits[j] > 0 ? logits[j] / pen : logits[j] * pen }
        }
        if o.temperature <= 0 {
            var best = 0
            for j in 1..<V where logits[j] > logits[best] { best = j }   // first maximum, as torch.argmax
            return best
        }
        let invT = 1 / o.temperature
        let k = (o.topK > 0 && o.topK < V) ? o.topK : V
        return idx.withUnsafeMutableBufferPointer { ib in
            probs.withUnsafeMutableBufferPointer { pb in
                let ix = ib.baseAddress!, pr = pb.baseAddress!
                var n = 0
                if k < V {
                    // top-k by insertion into a sorted list of k (most tokens fail the first comparison)
                    for j in 0..<V {
                        let x = logits[j]
                        if n == k && x <= logits[Int(ix[k - 1])] { continue }
                        var pos = n < k ? n : k - 1
                        if n < k { n += 1 }
                        while pos > 0 && logits[Int(ix[pos - 1])] < x { ix[pos] = ix[pos - 1]; pos -= 1 }
                        ix[pos] = Int32(j)
                    }
                } else {
                    for j in 0..<V { ix[j] = Int32(j) }
                    n = V
                    if o.topP < 1 {
                        ib.sort { (a: Int32, b: Int32) -> Bool in
                            let la: Float = logits[Int(a)], lb: Float = logits[Int(b)]
                            return la > lb || (la == lb && a < b)
                        }
                    }
                }
                var m = -Float.infinity
                for i in 0..<n where logits[Int(ix[i])] > m { m = logits[Int(ix[i])] }
                var total: Float = 0
                for i in 0..<n { let e = expf((logits[Int(ix[i])] - m) * invT); pr[i] = e; total += e }
                if o.topP < 1 {   // candidates are sorted descending here
                    var cum: Float = 0, keep = n
                    for i in 0..<n { cum += pr[i]; if cum >= o.topP * total { keep = i + 1; break } }
                    n = keep
                    total = 0
                    for i in 0..<n { total += pr[i] }
                }
                let u = rng.nextFloat() * total
                var acc: Float = 0
                for i in 0..<n { acc += pr[i]; if u < acc { return Int(ix[i]) } }
                return Int(ix[n - 1])
            }
        }
    }
}
