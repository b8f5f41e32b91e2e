import LM

/// The one layer loop of decoding. Every path runs a layer as the same five steps in the same order
/// (the order of `Model`'s training forward): norm, attention (Q/K/V, RoPE, cache, attend), the output
/// projection added to the residual, norm, and the SwiGLU MLP added to the residual. A path says only
/// how each step is computed for its rows: a prefill or mixed batch (`BatchSteps`, sgemm or wide
/// products), a decoding step of ≤ 16 sequences (`WideSteps`), one token (`OneSteps`, gemv).
protocol DecodeSteps {
    var d: Decoder { get }
    /// Rows of this call (tokens of all its sequences).
    var rows: Int { get }
    /// The rows' embeddings into `x`.
    func embed()
    /// attY = attention of ln's rows over their sequences; this layer's keys and values stored.
    func attention(layer l: Int)
    /// x += attY · woᵀ
    func output(layer l: Int)
    /// x += SwiGLU(ln · wgateᵀ, ln · wupᵀ) · wdownᵀ
    func mlp(layer l: Int)
    /// The logits wanted into `logitsBuf`; the cache lengths advanced.
    func finish()
}

extension DecodeSteps {
    /// ln = RMSNorm(x) · weight, row by row (the training forward's kernel: one row at a time here,
    /// as a decoding step has too few rows to share out).
    func norm(_ weight: UnsafePointer<Float>) {
        let c = d.model.config
        RMSNorm.forward(d.ln, nil, d.x, weight, N: rows, C: c.dim, eps: c.normEps)
    }
}

extension Decoder {
    func run<S: DecodeSteps>(_ s: S) {
        let m = model
        s.embed()
        for l in 0..<m.config.layers {
            s.norm(m.p(.attnNorm, l))
            s.attention(layer: l)
            s.output(layer: l)
            s.norm(m.p(.mlpNorm, l))
            s.mlp(layer: l)
        }
        s.finish()
    }
}

/// Rows of several sequences at once (a prefill, or a step that is not one token each): every
/// projection is one product per layer over all rows (`Decoder.products`); attention is split by
/// (row, query head) over the pool, each row reading its own sequence, 0...pos.
struct BatchSteps: DecodeSteps {
    unowned let d: Decoder
    let items: [(sequence: Int, tokens: [Int])]
    let M: Int
    var rows: Int { M }

    func embed() {
        let m = d.model, x = d.x
        d.rowTok.withUnsafeBufferPointer { Embedding.forward(x, $0.baseAddress!, m.p(.embed), N: M, C: m.config.dim) }
        if d.kernels == nil { d.pool.park() }     // OpenBLAS threads the products on the same cores
    }

    func attention(layer l: Int) {
        let m = d.model, c = m.config, C = c.dim, KV = c.kvDim, q = d.q, k = d.k, v = d.v, attY = d.attY
        d.products(d.ln, M: M, K: C, [(q, m.p(.wq, l), C), (k, m.p(.wk, l), KV), (v, m.p(.wv, l), KV)])
        for r in 0..<M { d.storeKV(layer: l, row: r, seq: d.rowSeq[r], pos: d.rowPos[r], k: k + r * KV, v: v + r * KV) }
        let M = M, P = d.pool.pieces
        d.pool.run(parkAfter: d.kernels == nil) { p, w in
            for i in share(M * c.heads, p, P, align: 1) {
                let r = i / c.heads
                d.attendHead(layer: l, head: i % c.heads, seq: d.rowSeq[r], pos: d.rowPos[r], q: q + r * C, out: attY + r * C, worker: w)
            }
        }
    }

    func output(layer l: Int) {
        let m = d.model, C = m.config.dim
        d.products(d.attY, M: M, K: C, [(d.x, m.p(.wo, l), C)], accumulate: true)
    }

    func mlp(layer l: Int) {
        let m = d.model, C = m.config.dim, F = m.config.hiddenDim, gate = d.gate
        d.products(d.ln, M: M, K: C, [(gate, m.p(.wgate, l), F), (d.up, m.p(.wup, l), F)])
        SwiGLU.forward(gate, gate, d.up, N: M * F)
        d.products(gate, M: M, K: F, [(d.x, m.p(.wdown, l), C)], accumulate: true)
    }

    /// Only the last row of each item needs logits: gather, norm, one product against the embedding.
    func finish() {
        let m = d.model, c = m.config, C = c.dim, x = d.x, outRows = d.outRows
        for it in items { d.cache.lengths[it.sequence] += it.tokens.count }
        var r = 0
        for (i, it) in items.enumerated() {
            r += it.tokens.count
            (outRows + i * C).update(from: x + (r - 1) * C, count: C)
        }
        RMSNorm.forward(outRows, nil, outRows, m.p(.finalNorm), N: items.count, C: C, eps: c.normEps)
        d.products(outRows, M: items.count, K: C, [(d.logitsBuf.pointer, m.p(.embed), c.vocabSize)])
    }
}
