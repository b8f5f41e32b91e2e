// Attention of one query row and head over its sequence's KV cache, for decoding, in 16-lane
// vectors (compiled for AVX-512 and for AVX2; call through LM's `WideKernels`).
// A batch-16 step reads the 16 sequences' caches (about as many bytes as the weights), so this loop
// must keep up with memory. Keys come in blocks of 16 positions, (d, 16) each (LM's KVCache): the
// scores of a block are vertical FMAs over one contiguous 4 KB block (no sum across lanes per
// position); the weighted sum of V runs two positions at a time on independent accumulators.

public enum WideAttention {
    /// Head dimension this kernel is written for (every benchmark and product config).
    public static let headDim = 64

    /// out (64) = softmax(scale · q Kᵀ) · V over positions 0..<n: k (⌈n/16⌉, 64, 16) the keys in
    /// blocks of 16 positions (lanes past n in the last block are read, never used), v (n, 64).
    /// scores: room for n floats.
    @inline(never)
    public static func attend64(_ out: UnsafeMutablePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>,
                                v: UnsafePointer<Float>, n: Int, scale: Float, scores: UnsafeMutablePointer<Float>) {
        let blockSize = 64 * 16
        var t = 0
        while t + 64 <= n {     // four blocks at a time: four independent FMA chains
            var a0 = Lanes16(), a1 = Lanes16(), a2 = Lanes16(), a3 = Lanes16()
            let b = k + t / 16 * blockSize
            for j in 0..<64 {
                let qj = Lanes16(repeating: q[j]), r = b + 16 * j
                a0 = a0.addingProduct(qj, load16(r)); a1 = a1.addingProduct(qj, load16(r + blockSize))
                a2 = a2.addingProduct(qj, load16(r + 2 * blockSize)); a3 = a3.addingProduct(qj, load16(r + 3 * blockSize))
            }
            store16(a0 * scale, scores + t); store16(a1 * scale, scores + t + 16)
            store16(a2 * scale, scores + t + 32); store16(a3 * scale, scores + t + 48)
            t += 64
        }
        while t < n {           // one block: the same FMA chain per position; only lanes < n stored
            var a = Lanes16()
            let b = k + t / 16 * blockSize
            for j in 0..<64 { a = a.addingProduct(Lanes16(repeating: q[j]), load16(b + 16 * j)) }
            a *= scale
            if t + 16 <= n { store16(a, scores + t) } else { for i in 0..<(n - t) { scores[t + i] = a[i] } }
            t += 16
        }

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
            let p = Lanes16(repeating: scores[t]), r = v + t * 64
            o0 = o0.addingProduct(p, load16(r)); o1 = o1.addingProduct(p, load16(r + 16))
            o2 = o2.addingProduct(p, load16(r + 32)); o3 = o3.addingProduct(p, load16(r + 48))
            let p2 = Lanes16(repeating: scores[t + 1]), r2 = r + 64
            e0 = e0.addingProduct(p2, load16(r2)); e1 = e1.addingProduct(p2, load16(r2 + 16))
            e2 = e2.addingProduct(p2, load16(r2 + 32)); e3 = e3.addingProduct(p2, load16(r2 + 48))
            t += 2
        }
        if t < n {
            let p = Lanes16(repeating: scores[t]), r = v + t * 64
            o0 = o0.addingProduct(p, load16(r)); o1 = o1.addingProduct(p, load16(r + 16))
            o2 = o2.addingProduct(p, load16(r + 32)); o3 = o3.addingProduct(p, load16(r + 48))
        }
        store16((o0 + e0) * inv, out); store16((o1 + e1) * inv, out + 16)
        store16((o2 + e2) * inv, out + 32); store16((o3 + e3) * inv, out + 48)
    }
}
