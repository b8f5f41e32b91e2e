import LM

/// One token of one sequence: every product is a matrix-vector product split by rows over the pool,
/// with the three attention inputs in one job and gate, up and SwiGLU in one job. Rows of a piece:
/// contiguous, for the wide kernels' gemv or OpenBLAS's sgemv in chunks (DecodeKernels); each row is
/// computed the same way whatever the split. This step is bound by streaming the weights from memory.
struct OneSteps: DecodeSteps {
    unowned let d: Decoder
    let token: Int32, sequence: Int, pos: Int
    var rows: Int { 1 }

    /// Piece p's rows of an N × K product.
    func rows(_ N: Int, _ K: Int, _ p: Int) -> Range<Int> {
        let P = d.pool.pieces
        if d.kernels != nil { return share(N, p, P, align: 16) }
        let size = DecodeKernels.gemvChunk(K: K), ch = DecodeKernels.chunks(N: N, K: K, p, P)
        return min(N, ch.lowerBound * size)..<min(N, ch.upperBound * size)
    }

    /// y (N) (+)= w (N, K) · x, piece p's rows.
    func gemv(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ wt: UnsafePointer<Float>,
              N: Int, K: Int, _ p: Int, accumulate: Bool = false) {
        if let kernels = d.kernels { kernels.gemv(y, x, wt, K: K, rows: rows(N, K, p), accumulate: accumulate) }
        else { DecodeKernels.gemv(y, x, wt, N: N, K: K, chunks: DecodeKernels.chunks(N: N, K: K, p, d.pool.pieces), accumulate: accumulate) }
    }

    func embed() {
        let C = d.model.config.dim
        d.x.update(from: d.model.p(.embed) + Int(token) * C, count: C)
    }

    func attention(layer l: Int) {
        let m = d.model, c = m.config, C = c.dim, KV = c.kvDim, P = d.pool.pieces
        let q = d.q, k = d.k, v = d.v, ln = d.ln, attY = d.attY, s = sequence, at = pos
        let wq = m.p(.wq, l), wk = m.p(.wk, l), wv = m.p(.wv, l)
        d.pool.run { p, _ in
            gemv(q, ln, wq, N: C, K: C, p); gemv(k, ln, wk, N: KV, K: C, p); gemv(v, ln, wv, N: KV, K: C, p)
        }
        d.storeKV(layer: l, row: 0, seq: s, pos: at, k: k, v: v)
        d.pool.run { p, w in
            for h in share(c.heads, p, P, align: 1) { d.attendHead(layer: l, head: h, seq: s, pos: at, q: q, out: attY, worker: w) }
        }
    }

    func output(layer l: Int) {
        let C = d.model.config.dim, x = d.x, attY = d.attY, wo = d.model.p(.wo, l)
        d.pool.run { p, _ in gemv(x, attY, wo, N: C, K: C, p, accumulate: true) }
    }

    func mlp(layer l: Int) {
        let m = d.model, C = m.config.dim, F = m.config.hiddenDim, gate = d.gate, up = d.up, ln = d.ln, x = d.x
        let wg = m.p(.wgate, l), wu = m.p(.wup, l), wd = m.p(.wdown, l)
        d.pool.run { p, _ in
            gemv(gate, ln, wg, N: F, K: C, p); gemv(up, ln, wu, N: F, K: C, p)
            SwiGLU.forward(gate, gate, up, range: rows(F, C, p))
        }
        d.pool.run { p, _ in gemv(x, gate, wd, N: C, K: F, p, accumulate: true) }
    }

    func finish() {
        let m = d.model, c = m.config, outRows = d.outRows, emb = m.p(.embed), logits = d.logitsBuf.pointer
        RMSNorm.forward(outRows, nil, d.x, m.p(.finalNorm), N: 1, C: c.dim, eps: c.normEps)
        d.pool.run { p, _ in gemv(logits, outRows, emb, N: c.vocabSize, K: c.dim, p) }
        d.cache.lengths[sequence] += 1
    }
}
