import LM

/// A decoding step of M ≤ 16 sequences, one token each, with the wide kernels: every product streams
/// its weights once, its output columns split over the pool (no OpenBLAS call, so the helpers never
/// park). rowTok/rowSeq/rowPos are filled (row r = item r); `finish` writes the logits of every row to
/// logitsBuf and advances the cache lengths.
struct WideSteps: DecodeSteps {
    unowned let d: Decoder
    let M: Int
    let kernels: WideKernels
    var rows: Int { M }

    /// Output columns of piece p: boundaries on 16 floats (a cache line) so no line has two writers.
    func cols(_ N: Int, _ p: Int) -> Range<Int> { share(N, p, d.pool.pieces, align: 16) }

    func embed() {
        let m = d.model, x = d.x
        d.rowTok.withUnsafeBufferPointer { Embedding.forward(x, $0.baseAddress!, m.p(.embed), N: M, C: m.config.dim) }
    }

    /// The piece of (row, KV head) rotates and stores that head's keys and values, then attends with
    /// its query heads: one row per sequence, so no other piece reads them.
    func attention(layer l: Int) {
        let m = d.model, c = m.config, C = c.dim, KV = c.kvDim, P = d.pool.pieces, M = M
        let q = d.q, k = d.k, v = d.v, attY = d.attY, group = c.heads / c.kvHeads
        d.products(d.ln, M: M, K: C, [(q, m.p(.wq, l), C), (k, m.p(.wk, l), KV), (v, m.p(.wv, l), KV)])
        d.pool.run { p, w in
            for i in share(M * c.kvHeads, p, P, align: 1) {
                let r = i / c.kvHeads, g = i % c.kvHeads, kg = k + r * KV + g * c.headDim
                let seq = d.rowSeq[r], pos = d.rowPos[r]
                m.rope.forward(kg, nHeads: 1, pos: pos)
                d.cache.store(layer: l, sequence: seq, position: pos, head: g, keys: kg, values: v + r * KV + g * c.headDim)
                for h in g * group..<(g + 1) * group {
                    d.attendHead(layer: l, head: h, seq: seq, pos: pos, q: q + r * C, out: attY + r * C, worker: w)
                }
            }
        }
    }

    func output(layer l: Int) {
        let C = d.model.config.dim
        d.products(d.attY, M: M, K: C, [(d.x, d.model.p(.wo, l), C)], accumulate: true)
    }

    /// gate and up transposed, (F, 16): SwiGLU of each piece's columns, then the input of the down product.
    func mlp(layer l: Int) {
        let m = d.model, C = m.config.dim, F = m.config.hiddenDim, M = M, kernels = kernels
        let gate = d.gate, up = d.up, xT = d.xT, x = d.x
        kernels.transpose(xT, d.ln, M: M, K: C)
        let wg = m.p(.wgate, l), wu = m.p(.wup, l), wd = m.p(.wdown, l)
        d.pool.run { p, _ in
            let n = cols(F, p)
            kernels.product(gate, .transposed, M: M, xT: xT, w: wg, K: C, cols: n)
            kernels.product(up, .transposed, M: M, xT: xT, w: wu, K: C, cols: n)
            kernels.swiglu(gate, gate, up, groups: n)
        }
        d.pool.run { p, _ in kernels.product(x, .rows(ld: C, accumulate: true), M: M, xT: gate, w: wd, K: F, cols: cols(C, p)) }
    }

    func finish() {
        let m = d.model, c = m.config, C = c.dim
        for r in 0..<M { d.cache.lengths[d.rowSeq[r]] += 1 }
        norm(m.p(.finalNorm))
        d.products(d.ln, M: M, K: C, [(d.logitsBuf.pointer, m.p(.embed), c.vocabSize)])
    }
}
