// Attention of one query row and head over its sequence's KV cache, for decoding, in 16-lane
// vectors (this module is compiled for AVX-512; call only when LM's `WideKernels.available`).
// A batch-16 step reads the 16 sequences' caches (about as many bytes as the weights), so this loop
// must keep up with memory: the query lives in registers, scores are made 16 positions at a time
// and reduced across lanes by pair sums (no per-position horizontal sum), and the weighted sum
// of V runs two positions at a time on independent accumulators.

public enum WideAttention {
    /// Head dimension this kernel is written for (every benchmark and product config).
    public static let headDim = 64

    /// out (64) = softmax(scale · K q) · V over positions 0..<n, K and V rows (64 floats used) `stride`
    /// apart. scores: room for n floats.
    @inline(never)
    public static func attend64(_ out: UnsafeMutablePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>,
                                v: UnsafePointer<Float>, n: Int, stride: Int, scale: Float,
                                scores: UnsafeMutablePointer<Float>) {
        let q0 = load16(q), q1 = load16(q + 16), q2 = load16(q + 32), q3 = load16(q + 48)
        // lanes whose sum is q · k_t
        @inline(__always) func partial(_ t: Int) -> Lanes16 {
            let r = k + t * stride
            return (q0 * load16(r)).addingProduct(q1, load16(r + 16)).addingProduct(q2, load16(r + 32))
                .addingProduct(q3, load16(r + 48))
        }
        var t = 0
        while t + 16 <= n {
            let a = pairSums(pairSums(pairSums(partial(t), partial(t + 1)), pairSums(partial(t + 2), partial(t + 3))),
                             pairSums(pairSums(partial(t + 4), partial(t + 5)), pairSums(partial(t + 6), partial(t + 7))))
            let b = pairSums(pairSums(pairSums(partial(t + 8), partial(t + 9)), pairSums(partial(t + 10), partial(t + 11))),
                             pairSums(pairSums(partial(t + 12), partial(t + 13)), pairSums(partial(t + 14), partial(t + 15))))
            store16(pairSums(a, b) * scale, scores + t)
            t += 16
        }
        while t < n { scores[t] = sum16(partial(t)) * scale; t += 1 }

        // softmax: max, then exp (the same lane arithmetic for a lone tail element) and its sum
        var mv = Lanes16(repeating: -.infinity), j = 0
        while j + 16 <= n { mv = max16(mv, load16(scores + j)); j += 16 }
        var m = mv.max()
        for i in j..<n { m = max(m, scores[i]) }
        var total = Lanes16(), tail: Float = 0
        j = 0
        while j + 16 <= n { let e = exp16(load16(scores + j) - m); total += e; store16(e, scores + j); j += 16 }
        while j < n { let e = exp16(Lanes16(repeating: scores[j] - m))[0]; tail += e; scores[j] = e; j += 1 }
        let inv = 1 / (sum16(total) + tail)

        // out = Σ p_t v_t, two positions at a time into two sets of accumulators
        var o0 = Lanes16(), o1 = Lanes16(), o2 = Lanes16(), o3 = Lanes16()
        var e0 = Lanes16(), e1 = Lanes16(), e2 = Lanes16(), e3 = Lanes16()
        t = 0
        while t + 2 <= n {
            let p = Lanes16(repeating: scores[t]), r = v + t * stride
            o0 = o0.addingProduct(p, load16(r)); o1 = o1.addingProduct(p, load16(r + 16))
            o2 = o2.addingProduct(p, load16(r + 32)); o3 = o3.addingProduct(p, load16(r + 48))
            let p2 = Lanes16(repeating: scores[t + 1]), r2 = r + stride
            e0 = e0.addingProduct(p2, load16(r2)); e1 = e1.addingProduct(p2, load16(r2 + 16))
            e2 = e2.addingProduct(p2, load16(r2 + 32)); e3 = e3.addingProduct(p2, load16(r2 + 48))
            t += 2
        }
        if t < n {
            let p = Lanes16(repeating: scores[t]), r = v + t * stride
            o0 = o0.addingProduct(p, load16(r)); o1 = o1.addingProduct(p, load16(r + 16))
            o2 = o2.addingProduct(p, load16(r + 32)); o3 = o3.addingProduct(p, load16(r + 48))
        }
        store16((o0 + e0) * inv, out); store16((o1 + e1) * inv, out + 16)
        store16((o2 + e2) * inv, out + 32); store16((o3 + e3) * inv, out + 48)
    }
}
