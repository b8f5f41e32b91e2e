import CPUFeatures

// Matrix-vector products of a one-token decoding step, 16 lanes wide (compiled for AVX-512 and for
// AVX2; call through LM's `WideKernels`). The step is bound by streaming the weights
// from memory: four rows at a time, 64-byte loads, the next rows prefetched. Each output is one chain
// over k in the same order whatever rows a worker gets, so results do not depend on the split.

public enum WideGemv {
    /// y[n] (+)= w[n, 0..<K] · x for n in `rows`; w (N, K) row-major (the [out, in] layout).
    @inline(never)
    public static func product(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                               K: Int, rows: Range<Int>, accumulate: Bool) {
        let K16 = K & ~15
        var n = rows.lowerBound
        while n < rows.upperBound {
            let count = min(4, rows.upperBound - n)
            // four rows (fewer at the end; a missing row repeats the last, its result unused)
            let r0 = w + n * K, r1 = w + (n + min(1, count - 1)) * K
            let r2 = w + (n + min(2, count - 1)) * K, r3 = w + (n + min(3, count - 1)) * K
            var a0 = Lanes16(), a1 = Lanes16(), a2 = Lanes16(), a3 = Lanes16()
            var k = 0
            while k < K16 {
                // the same lines of the next four rows (every line: with one in four, as before, a token
                // took about 10% longer here)
                cpu_prefetch(r0 + 4 * K + k); cpu_prefetch(r1 + 4 * K + k)
                cpu_prefetch(r2 + 4 * K + k); cpu_prefetch(r3 + 4 * K + k)
                let xv = load16(x + k)
                a0 = a0.addingProduct(load16(r0 + k), xv); a1 = a1.addingProduct(load16(r1 + k), xv)
                a2 = a2.addingProduct(load16(r2 + k), xv); a3 = a3.addingProduct(load16(r3 + k), xv)
                k += 16
            }
            var s0 = sum16(a0), s1 = sum16(a1), s2 = sum16(a2), s3 = sum16(a3)
            while k < K { s0 += r0[k] * x[k]; s1 += r1[k] * x[k]; s2 += r2[k] * x[k]; s3 += r3[k] * x[k]; k += 1 }
            let s = SIMD4<Float>(s0, s1, s2, s3)
            for i in 0..<count { y[n + i] = accumulate ? y[n + i] + s[i] : s[i] }
            n += count
        }
    }
}
