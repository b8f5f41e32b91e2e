import CBLAS
import Foundation

/// Incremental inference with a KV cache. Each call appends tokens to any subset of the
/// sequences; all appended tokens of all sequences form the rows of one batch, so every
/// projection is one sgemm per layer per call (prefill of several prompts, or one decode step
/// for the whole batch). Attention then reads each row's own sequence from the cache.
public final class Decoder {
    public let model: Model
    public let cache: KVCache
    private var rowCapacity = 0
    private var scratch = FloatBuffer(count: 0)
    private var x, ln, q, k, v, attY, gate, up, scores, outRows: UnsafeMutablePointer<Float>
    private var logitsBuf = FloatBuffer(count: 0)
    private var rowTok = [Int32](), rowSeq = [Int](), rowPos = [Int]()

    public init(model: Model, batch: Int, capacity: Int) {
        require(capacity <= model.config.maxSeqLen, "KV cache capacity \(capacity) exceeds maxSeqLen")
        self.model = model
        cache = KVCache(config: model.config, batch: batch, capacity: capacity)
        let p = scratch.pointer
        x = p; ln = p; q = p; k = p; v = p; attY = p; gate = p; up = p; scores = p; outRows = p
    }

    private func reserve(rows M: Int) {
        guard M > rowCapacity else { return }
        let c = model.config, C = c.dim, KV = c.kvDim, F = c.hiddenDim
        let group = c.heads / c.kvHeads
        scratch = FloatBuffer(count: M * (4 * C + 2 * KV + 2 * F) + group * cache.capacity + cache.batch * C)
        var p = scratch.pointer
        func take(_ n: Int) -> UnsafeMutablePointer<Float> { defer { p += n }; return p }
        x = take(M * C); ln = take(M * C); q = take(M * C); k = take(M * KV); v = take(M * KV); attY = take(M * C)
        gate = take(M * F); up = take(M * F); scores = take(group * cache.capacity); outRows = take(cache.batch * C)
        rowCapacity = M
    }

    /// Appends `tokens` to sequence `sequence` for each item (each sequence at most once) and returns
    /// the logits after the last appended token of each item, (items.count, V) in the same order.
    public func append(_ items: [(sequence: Int, tokens: [Int])]) -> UnsafeBufferPointer<Float> {
        let c = model.config, C = c.dim, KV = c.kvDim, F = c.hiddenDim, V = c.vocabSize, d = c.headDim
        let M = items.reduce(0) { $0 + $1.tokens.count }
        reserve(rows: M)
        if logitsBuf.count < items.count * V { logitsBuf = FloatBuffer(count: cache.batch * V) }
        rowTok.removeAll(keepingCapacity: true); rowSeq.removeAll(keepingCapacity: true); rowPos.removeAll(keepingCapacity: true)
        for it in items {
            let start = cache.lengths[it.sequence]
            require(start + it.tokens.count <= cache.capacity, "sequence \(it.sequence) would exceed the KV cache capacity \(cache.capacity)")
            for (i, t) in it.tokens.enumerated() {
                require(t >= 0 && t < V, "token id \(t) out of range for vocabulary \(V)")
                rowTok.append(Int32(t)); rowSeq.append(it.sequence); rowPos.append(start + i)
            }
        }
        let m = model
        rowTok.withUnsafeBufferPointer { Embedding.forward(x, $0.baseAddress!, m.p(.embed), N: M, C: C) }
        let group = c.heads / c.kvHeads, scale = 1 / Float(d).squareRoot()
        for l in 0..<c.layers {
            RMSNorm.forward(ln, nil, x, m.p(.attnNorm, l), N: M, C: C, eps: c.normEps)
            matmulForward(q, ln, m.p(.wq, l), M, C, C)
            matmulForward(k, ln, m.p(.wk, l), M, C, KV)
            matmulForward(v, ln, m.p(.wv, l), M, C, KV)
            for r in 0..<M {
                m.rope.forward(q + r * C, nHeads: c.heads, pos: rowPos[r])
                m.rope.forward(k + r * KV, nHeads: c.kvHeads, pos: rowPos[r])
                let o = cache.offset(layer: l, sequence: rowSeq[r], position: rowPos[r])
                (cache.k.pointer + o).update(from: k + r * KV, count: KV)
                (cache.v.pointer + o).update(from: v + r * KV, count: KV)
            }
            for r in 0..<M {
                let n = rowPos[r] + 1   // causal: positions 0...pos of this row's own sequence
                for g in 0..<c.kvHeads {
                    let kb = cache.k.pointer + cache.offset(layer: l, sequence: rowSeq[r], position: 0) + g * d
                    let vb = cache.v.pointer + cache.offset(layer: l, sequence: rowSeq[r], position: 0) + g * d
                    // scores (group, n) = scale * Q_group (group, d) · K (n, d)ᵀ
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(group), Int32(n), Int32(d),
                                scale, q + r * C + g * group * d, Int32(d), kb, Int32(KV), 0, scores, Int32(n))
                    for h in 0..<group { Attention.softmaxCausalRow(scores + h * n, count: n, total: n) }
                    // out (group, d) = scores (group, n) · V (n, d)
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(group), Int32(d), Int32(n),
                                1, scores, Int32(n), vb, Int32(KV), 0, attY + r * C + g * group * d, Int32(d))
                }
            }
            matmulForward(x, attY, m.p(.wo, l), M, C, C, accumulate: true)
            RMSNorm.forward(ln, nil, x, m.p(.mlpNorm, l), N: M, C: C, eps: c.normEps)
            matmulForward(gate, ln, m.p(.wgate, l), M, C, F)
            matmulForward(up, ln, m.p(.wup, l), M, C, F)
            SwiGLU.forward(gate, gate, up, N: M * F)
            matmulForward(x, gate, m.p(.wdown, l), M, F, C, accumulate: true)
        }
        for it in items { cache.lengths[it.sequence] += it.tokens.count }
        // Only the last row of each item needs logits: gather, norm, one sgemm against the embedding.
        var r = 0
        for (i, it) in items.enumerated() {
            r += it.tokens.count
            (outRows + i * C).update(from: x + (r - 1) * C, count: C)
        }
        RMSNorm.forward(outRows, nil, outRows, m.p(.finalNorm), N: items.count, C: C, eps: c.normEps)
        matmulForward(logitsBuf.pointer, outRows, m.p(.embed), items.count, C, V)
        return UnsafeBufferPointer(start: logitsBuf.pointer, count: items.count * V)
    }
}
