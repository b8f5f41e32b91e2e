import CPUFeatures

// Products of a decoding step for up to 16 rows (one token of each of ≤ 16 sequences), in 16-lane
// vectors. This source is compiled twice (Package.swift): for AVX-512 (LMKernels) and for AVX2
// (LMKernelsV3, WIDE_AVX2); LM's `WideKernels` calls a build only where the CPU supports it.
//
// out (M, N) = x (M, K) · w (N, K)ᵀ without repacking w (OpenBLAS's sgemm packs all of w on every
// call, which at M = 16 costs as much as the product): x is passed transposed, xT (K, 16) with lanes
// M..<16 zero (24–64 KB, it stays in L1/L2), and each weight row n is streamed once, its entries
// broadcast into an FMA against xT[k]: the accumulator of row n holds out[0..<16, n].
// Every output column is the same chain of FMAs k = 0..<K whatever block or worker computes it,
// so results do not depend on how the columns are split.

public enum WideGemm {
    /// Where a product's outputs go: rows of `out` (M, ld) (added to them when accumulating), or
    /// transposed, out (N, 16) (all 16 lanes: the input layout of the next product).
    public enum Output { case rows(ld: Int, accumulate: Bool), transposed }

    /// xT (K, 16) = x (M, K)ᵀ, lanes M..<16 zero.
    @inline(never)
    public static func transpose(_ xT: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, M: Int, K: Int) {
        xT.update(repeating: 0, count: K * 16)
        for m in 0..<M {
            let row = x + m * K
            for k in 0..<K { xT[k * 16 + m] = row[k] }
        }
    }

    /// Columns `cols` of out = x · wᵀ: x given as xT (K, 16), w (N, K) row-major (the [out, in] layout), M ≤ 16.
    @inline(never)
    public static func product(_ out: UnsafeMutablePointer<Float>, _ output: Output, M: Int,
                               xT: UnsafePointer<Float>, w: UnsafePointer<Float>, K: Int, cols: Range<Int>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 128) { buffer in
            var n = cols.lowerBound
            while n + 8 <= cols.upperBound {
                // 8 weight rows at a time into an (8, 16) tile: column j at t + 16 j; transposed output is
                // already that layout, rows leave the tile as one 32-byte store each
                let t: UnsafeMutablePointer<Float>
                if case .transposed = output { t = out + n * 16 } else { t = buffer.baseAddress! }
#if WIDE_AVX2
                // AVX2 has 16 ymm registers and a Lanes16 takes two: with 8 accumulators they spill
                // on every FMA, so the block runs as two passes of 4 rows
                chains4(w + n * K, K: K, xT: xT, into: t)
                chains4(w + (n + 4) * K, K: K, xT: xT, into: t + 64)
#else
                chains8(w + n * K, K: K, xT: xT, into: t)
#endif
                if case .rows(let ld, let accumulate) = output { tileToRows(t, n, out, ld: ld, accumulate: accumulate, M) }
                n += 8
            }
            while n < cols.upperBound {     // tail rows one by one: the same FMA chain per column
                var a = Lanes16()
                let r = w + n * K
                for k in 0..<K { a = a.addingProduct(load16(xT + 16 * k), Lanes16(repeating: r[k])) }
                put(a, n, out, output, M)
                n += 1
            }
        }
    }

    /// The k loop of the chain kernels: `step(k)` for k = 0..<K unrolled by two (with one step the chains
    /// ran at about 2/3 of the rate in isolation), and `prefetch(k)` once per 16 k (a line of each row).
    @inline(__always)
    static func chainLoop(K: Int, step: (Int) -> Void, prefetch: (Int) -> Void) {
        var k = 0
        while k + 16 <= K {
            prefetch(k)
            for j in Swift.stride(from: k, to: k + 16, by: 2) { step(j); step(j + 1) }
            k += 16
        }
        while k + 2 <= K { step(k); step(k + 1); k += 2 }
        if k < K { step(k) }
    }

    /// The FMA chains k = 0..<K of the 8 weight rows from r0 (row i at r0 + i·K), stored as t's (8, 16)
    /// tile: 8 accumulators, one xT load per 8 broadcast FMAs, a line of each row of the next block
    /// prefetched.
    @inline(__always)
    static func chains8(_ r0: UnsafePointer<Float>, K: Int, xT: UnsafePointer<Float>, into t: UnsafeMutablePointer<Float>) {
        var a0 = Lanes16(), a1 = Lanes16(), a2 = Lanes16(), a3 = Lanes16()
        var a4 = Lanes16(), a5 = Lanes16(), a6 = Lanes16(), a7 = Lanes16()
        let r1 = r0 + K, r2 = r1 + K, r3 = r2 + K, r4 = r3 + K, r5 = r4 + K, r6 = r5 + K, r7 = r6 + K
        @inline(__always) func step(_ k: Int) {
            let x = load16(xT + 16 * k)
            a0 = a0.addingProduct(x, Lanes16(repeating: r0[k])); a1 = a1.addingProduct(x, Lanes16(repeating: r1[k]))
            a2 = a2.addingProduct(x, Lanes16(repeating: r2[k])); a3 = a3.addingProduct(x, Lanes16(repeating: r3[k]))
            a4 = a4.addingProduct(x, Lanes16(repeating: r4[k])); a5 = a5.addingProduct(x, Lanes16(repeating: r5[k]))
            a6 = a6.addingProduct(x, Lanes16(repeating: r6[k])); a7 = a7.addingProduct(x, Lanes16(repeating: r7[k]))
        }
        chainLoop(K: K, step: step) { k in
            cpu_prefetch_once(r0 + 8 * K + k); cpu_prefetch_once(r1 + 8 * K + k); cpu_prefetch_once(r2 + 8 * K + k)
            cpu_prefetch_once(r3 + 8 * K + k); cpu_prefetch_once(r4 + 8 * K + k); cpu_prefetch_once(r5 + 8 * K + k)
            cpu_prefetch_once(r6 + 8 * K + k); cpu_prefetch_once(r7 + 8 * K + k)
        }
        store16(a0, t); store16(a1, t + 16); store16(a2, t + 32); store16(a3, t + 48)
        store16(a4, t + 64); store16(a5, t + 80); store16(a6, t + 96); store16(a7, t + 112)
    }

    /// `chains8` for 4 rows (AVX2): the same chain per column; the lines of the rows 8 ahead prefetched.
    @inline(__always)
    static func chains4(_ r0: UnsafePointer<Float>, K: Int, xT: UnsafePointer<Float>, into t: UnsafeMutablePointer<Float>) {
        var a0 = Lanes16(), a1 = Lanes16(), a2 = Lanes16(), a3 = Lanes16()
        let r1 = r0 + K, r2 = r1 + K, r3 = r2 + K
        @inline(__always) func step(_ k: Int) {
            let x = load16(xT + 16 * k)
            a0 = a0.addingProduct(x, Lanes16(repeating: r0[k])); a1 = a1.addingProduct(x, Lanes16(repeating: r1[k]))
            a2 = a2.addingProduct(x, Lanes16(repeating: r2[k])); a3 = a3.addingProduct(x, Lanes16(repeating: r3[k]))
        }
        chainLoop(K: K, step: step) { k in
            cpu_prefetch_once(r0 + 8 * K + k); cpu_prefetch_once(r1 + 8 * K + k)
            cpu_prefetch_once(r2 + 8 * K + k); cpu_prefetch_once(r3 + 8 * K + k)
        }
        store16(a0, t); store16(a1, t + 16); store16(a2, t + 32); store16(a3, t + 48)
    }

    /// Rows 0..<M of columns n..<n+8 from the (8, 16) tile t into out (M, ld) (added when accumulating):
    /// each row's 8 outputs as one 32-byte store (16 scattered 4-byte stores a column cost ~20% of the
    /// logits product).
    @inline(__always)
    static func tileToRows(_ t: UnsafePointer<Float>, _ n: Int, _ out: UnsafeMutablePointer<Float>, ld: Int,
                           accumulate: Bool, _ M: Int) {
        for m in 0..<M {
            let row = SIMD8<Float>(t[m], t[16 + m], t[32 + m], t[48 + m], t[64 + m], t[80 + m], t[96 + m], t[112 + m])
            let dst = UnsafeMutableRawPointer(out + m * ld + n)
            dst.storeBytes(of: accumulate ? dst.loadUnaligned(as: SIMD8<Float>.self) + row : row, as: SIMD8<Float>.self)
        }
    }

    /// Stores column n (lanes = rows 0..<M) of the product.
    @inline(__always)
    static func put(_ a: Lanes16, _ n: Int, _ out: UnsafeMutablePointer<Float>, _ output: Output, _ M: Int) {
        switch output {
        case .transposed: store16(a, out + n * 16)
        case .rows(let ld, let accumulate):
            if accumulate { for m in 0..<M { out[m * ld + n] += a[m] } }
            else { for m in 0..<M { out[m * ld + n] = a[m] } }
        }
    }

    /// h = silu(gate) · up over 16-lane groups `groups` of transposed (F, 16) gate/up (h may be gate).
    /// The same polynomial exp as LM's VecMath, lane by lane, so each element is the same in any split.
    @inline(never)
    public static func swiglu(_ h: UnsafeMutablePointer<Float>, _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>,
                              groups: Range<Int>) {
        for i in groups {
            let g = load16(gate + 16 * i)
            store16(g / (1 + exp16(-g)) * load16(up + 16 * i), h + 16 * i)
        }
    }
}
