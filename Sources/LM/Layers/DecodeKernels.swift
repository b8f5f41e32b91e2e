import CBLAS
import Foundation

/// Kernels of the one-token decoding step (Decoder), where every product is a matrix-vector product
/// that streams the weights once from memory: no packing (as sgemm needs) and no threads of their own
/// (DecodePool splits rows). Each output is computed the same way whatever rows a worker gets.
/// The baseline path: where the CPU has AVX-512 or AVX2, the wide kernels (WideKernels) replace them.
/// The decoder (LMDecode) calls them; its SwiGLU is the training forward's (`SwiGLU.forward(range:)`).
/// `public` with only `package` members, so the split helpers inline into the decoder (see `RoPE`).
public enum DecodeKernels {
    typealias V4 = VecMath.V4

    /// Rows per cblas_sgemv call: OpenBLAS runs a gemv on one thread when rows·K < 9216 (2304 ×
    /// GEMM_MULTITHREAD_THRESHOLD), so calls this small never wake its threads and the pool's
    /// workers can each run their own. (Our own 4-lane SIMD kernel streamed the weights at half
    /// OpenBLAS's single-thread speed: Swift's baseline target has 16-byte loads only.)
    /// A multiple of 4 where possible: its kernel takes four rows at a time, and a 3-row tail in every
    /// 23-row call made the whole step about 10% slower.
    @inlinable package static func gemvChunk(K: Int) -> Int { let c = 9215 / K; return c >= 8 ? c & ~3 : max(1, c) }

    /// y[r] (+)= w[r, 0..<K] · x for the rows of chunks `chunks` (chunk c = rows c·gemvChunk(K) ..< …, cut at N);
    /// w (N, K) row-major (the [out, in] weight layout). The chunks do not depend on how the work is
    /// split, so every output is computed the same way on 1 or 2 threads.
    package static func gemv(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                     N: Int, K: Int, chunks: Range<Int>, accumulate: Bool) {
        let size = gemvChunk(K: K)
        for c in chunks {
            let r = c * size, n = min(size, N - r)
            guard n > 0 else { break }
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(K), 1, w + r * K, Int32(K), x, 1,
                        accumulate ? 1 : 0, y + r, 1)
        }
    }

    /// Part p's chunks of an N × K gemv cut into `parts`.
    @inlinable @inline(__always)
    package static func chunks(N: Int, K: Int, _ p: Int, _ parts: Int) -> Range<Int> {
        let size = gemvChunk(K: K)
        return share((N + size - 1) / size, p, parts, align: 1)
    }

    /// Attention of one query head over positions 0..<n of its K/V head:
    /// out (d) = softmax(scale · q Kᵀ) · V, k (⌈n/16⌉, d, 16) the keys in blocks of 16 positions (KVCache),
    /// v (n, d). `scores` holds n floats. Scores a block at a time by vertical products (lanes past n
    /// are computed, not stored), and the weighted sum of V in registers 32 columns at a time, so the
    /// add chains are independent and `out` is stored once. (The wide kernels' attention where the CPU has them.)
    package static func attendOne(out: UnsafeMutablePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>,
                          v: UnsafePointer<Float>, n: Int, d: Int, scale: Float, scores: UnsafeMutablePointer<Float>) {
        var t = 0
        while t < n {
            var a0 = V4(), a1 = V4(), a2 = V4(), a3 = V4()
            let b = k + t * d
            for j in 0..<d {
                let qj = V4(repeating: q[j]), r = b + 16 * j
                a0 += qj * VecMath.load(r); a1 += qj * VecMath.load(r + 4)
                a2 += qj * VecMath.load(r + 8); a3 += qj * VecMath.load(r + 12)
            }
            if t + 16 <= n {
                VecMath.store(a0 * scale, scores + t); VecMath.store(a1 * scale, scores + t + 4)
                VecMath.store(a2 * scale, scores + t + 8); VecMath.store(a3 * scale, scores + t + 12)
            } else {
                for i in 0..<(n - t) { scores[t + i] = scale * (i < 4 ? a0[i] : i < 8 ? a1[i - 4] : i < 12 ? a2[i - 8] : a3[i - 12]) }
            }
            t += 16
        }
        let stride = d
        let m = VecMath.max(scores, n)
        let inv = V4(repeating: 1 / VecMath.scaledExp(scores, scores, n, shift: m, scale: 1))
        var j0 = 0
        while j0 + 32 <= d {
            var o0 = V4(), o1 = V4(), o2 = V4(), o3 = V4(), o4 = V4(), o5 = V4(), o6 = V4(), o7 = V4()
            for t in 0..<n {
                let p = V4(repeating: scores[t]), r = v + t * stride + j0
                o0 += p * VecMath.load(r); o1 += p * VecMath.load(r + 4); o2 += p * VecMath.load(r + 8); o3 += p * VecMath.load(r + 12)
                o4 += p * VecMath.load(r + 16); o5 += p * VecMath.load(r + 20); o6 += p * VecMath.load(r + 24); o7 += p * VecMath.load(r + 28)
            }
            let o = out + j0
            VecMath.store(o0 * inv, o); VecMath.store(o1 * inv, o + 4); VecMath.store(o2 * inv, o + 8); VecMath.store(o3 * inv, o + 12)
            VecMath.store(o4 * inv, o + 16); VecMath.store(o5 * inv, o + 20); VecMath.store(o6 * inv, o + 24); VecMath.store(o7 * inv, o + 28)
            j0 += 32
        }
        if j0 < d {
            (out + j0).update(repeating: 0, count: d - j0)
            for t in 0..<n {
                let p = scores[t] * inv[0], r = v + t * stride
                for j in j0..<d { out[j] += p * r[j] }
            }
        }
    }
}
