extension Decoder {
    /// A decoding step of M ≤ 16 sequences, one token each, with the wide kernels:
    /// every product streams its weights once, its output columns split over the pool (no OpenBLAS call,
    /// so the helpers never park). rowTok/rowSeq/rowPos are filled (row r = item r); writes the logits
    /// of every row to logitsBuf and advances the cache lengths.
    func wideStep(rows M: Int, _ kernels: WideKernels) {
        let m = model, c = m.config, C = c.dim, KV = c.kvDim, F = c.hiddenDim, V = c.vocabSize
        let P = pool.pieces, x = x, ln = ln, q = q, k = k, v = v, attY = attY, gate = gate, up = up, xT = xT
        // Output columns of piece p: boundaries on 16 floats (a cache line) so no line has two writers.
        func cols(_ N: Int, _ p: Int) -> Range<Int> { share(N, p, P, align: 16) }
        rowTok.withUnsafeBufferPointer { Embedding.forward(x, $0.baseAddress!, m.p(.embed), N: M, C: C) }
        for l in 0..<c.layers {
            for r in 0..<M { DecodeKernels.rmsNorm(ln + r * C, x + r * C, m.p(.attnNorm, l), C: C, eps: c.normEps) }
            products(ln, M: M, K: C, [(q, m.p(.wq, l), C), (k, m.p(.wk, l), KV), (v, m.p(.wv, l), KV)])
            // The piece of (row, KV head) rotates and stores that head's keys and values, then attends
            // with its query heads: one row per sequence, so no other piece reads them.
            let group = c.heads / c.kvHeads
            pool.run { p, w in
                for i in share(M * c.kvHeads, p, P, align: 1) {
                    let r = i / c.kvHeads, g = i % c.kvHeads, kg = k + r * KV + g * c.headDim
                    m.rope.forward(kg, nHeads: 1, pos: rowPos[r])
                    cache.store(layer: l, sequence: rowSeq[r], position: rowPos[r], head: g, keys: kg, values: v + r * KV + g * c.headDim)
                    for h in g * group..<(g + 1) * group {
                        attendHead(layer: l, head: h, seq: rowSeq[r], pos: rowPos[r], q: q + r * C, out: attY + r * C, worker: w)
                    }
                }
            }
            products(attY, M: M, K: C, [(x, m.p(.wo, l), C)], accumulate: true)
            for r in 0..<M { DecodeKernels.rmsNorm(ln + r * C, x + r * C, m.p(.mlpNorm, l), C: C, eps: c.normEps) }
            kernels.transpose(xT, ln, M: M, K: C)
            // gate and up transposed, (F, 16): SwiGLU of each piece's columns, then the input of the down product
            let wg = m.p(.wgate, l), wu = m.p(.wup, l)
            pool.run { p, _ in
                let n = cols(F, p)
                kernels.product(gate, .transposed, M: M, xT: xT, w: wg, K: C, cols: n)
                kernels.product(up, .transposed, M: M, xT: xT, w: wu, K: C, cols: n)
                kernels.swiglu(gate, gate, up, groups: n)
            }
            let wd = m.p(.wdown, l)
            pool.run { p, _ in kernels.product(x, .rows(ld: C, accumulate: true), M: M, xT: gate, w: wd, K: F, cols: cols(C, p)) }
        }
        for r in 0..<M {
            cache.lengths[rowSeq[r]] += 1
            DecodeKernels.rmsNorm(ln + r * C, x + r * C, m.p(.finalNorm), C: C, eps: c.normEps)
        }
        products(ln, M: M, K: C, [(logitsBuf.pointer, m.p(.embed), V)])
    }
}
