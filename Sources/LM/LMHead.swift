import CBLAS

/// The tied LM head (logits = hidden · embedᵀ) and the cross-entropy, by chunks of rows: the
/// (N, V) logits and their gradient are never stored (134 MB each for 4096 tokens × 8192 vocab).
/// A chunk's logits are one sgemm; the loss (and its gradient, in place) runs while the chunk is
/// still in cache; two more sgemms take d(hidden) and d(embed) from it.
enum LMHead {
    /// Rows per chunk: about 4M floats (16 MB) of logits, enough rows that the d(embed) sgemm
    /// (its reduction runs over the chunk's rows) stays near peak.
    static func chunkRows(V: Int, N: Int) -> Int { min(N, max(64, (1 << 22) / V)) }

    // hidden (N, C), embed (V, C), targets (N) -> lse (N), logp (N); chunk (chunkRows × V) scratch
    static func forward(lse: UnsafeMutablePointer<Float>, logp: UnsafeMutablePointer<Float>,
                        hidden: UnsafePointer<Float>, embed: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
                        chunk: UnsafeMutablePointer<Float>, N: Int, C: Int, V: Int, precision: Precision = .fp32) {
        chunks(chunk, hidden: hidden, embed: embed, N: N, C: C, V: V, precision: precision) { r0, n in
            Loss.forward(lse: lse + r0, logp: logp + r0, logits: chunk, targets: targets + r0, N: n, V: V)
        }
    }

    // dlogp (N) -> dhidden (N, C) (overwritten), dembed (V, C) (+=); also rewrites lse, logp (N)
    // with the forward's values, so a training step needs no separate head forward (Model.forwardBackward).
    // The logits are recomputed chunk by chunk: one sgemm more than storing them, 268 MB less.
    static func backward(dhidden: UnsafeMutablePointer<Float>, dembed: UnsafeMutablePointer<Float>,
                         lse: UnsafeMutablePointer<Float>, logp: UnsafeMutablePointer<Float>, dlogp: UnsafePointer<Float>,
                         hidden: UnsafePointer<Float>, embed: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
                         chunk: UnsafeMutablePointer<Float>, N: Int, C: Int, V: Int, precision: Precision = .fp32) {
        chunks(chunk, hidden: hidden, embed: embed, N: N, C: C, V: V, precision: precision) { r0, n in
            Loss.backward(logits: chunk, lse: lse + r0, logp: logp + r0, dlogp: dlogp + r0, targets: targets + r0, N: n, V: V)
            matmulBackward(dinp: dhidden + r0 * C, dw: dembed, dout: chunk, inp: hidden + r0 * C, w: embed, n, C, V, precision: precision)
        }
    }

    /// The one loop of both: each chunk of rows r0..<r0+n has its logits computed into `chunk`, then `body`.
    @inline(__always)
    static func chunks(_ chunk: UnsafeMutablePointer<Float>, hidden: UnsafePointer<Float>, embed: UnsafePointer<Float>,
                       N: Int, C: Int, V: Int, precision: Precision, _ body: (_ r0: Int, _ n: Int) -> Void) {
        let R = chunkRows(V: V, N: N)
        for r0 in stride(from: 0, to: N, by: R) {
            let n = min(R, N - r0)
            matmulForward(chunk, hidden + r0 * C, embed, n, C, V, precision: precision)
            body(r0, n)
        }
    }
}
