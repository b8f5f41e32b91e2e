import CBLAS
import LMKernelsBF16

/// One row-major GEMM call in either precision, with cblas_sgemm's arguments:
/// C (M, N) = alpha · op(A) (M, K) · op(B) (K, N) + beta · C.
/// fp32 is cblas_sgemm itself (threaded as OpenBLAS is set); bf16 is `bf16_gemm`, on the calling
/// thread (`run`) or with M split over the BLAS thread count (`threaded`). The split changes no
/// output: each is the same chain of fp32 sums whichever thread computes it.
enum Gemm {
    static func run(_ p: Precision, transA: Bool, transB: Bool, _ M: Int, _ N: Int, _ K: Int, alpha: Float,
                    _ A: UnsafePointer<Float>, _ lda: Int, _ B: UnsafePointer<Float>, _ ldb: Int,
                    beta: Float, _ C: UnsafeMutablePointer<Float>, _ ldc: Int) {
        switch p {
        case .fp32:
            cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                        Int32(M), Int32(N), Int32(K), alpha, A, Int32(lda), B, Int32(ldb), beta, C, Int32(ldc))
        case .bf16:
            // strides of A's (m, k) and of B's (k, n) as bf16_gemm takes them (B by column n, then k)
            let (ars, aks) = transA ? (1, lda) : (lda, 1)
            let (brs, bks) = transB ? (ldb, 1) : (1, ldb)
            bf16_gemm(Int32(M), Int32(N), Int32(K), alpha, A, ars, aks, B, brs, bks, beta, C, ldc)
        }
    }

    /// As `run`, for the large products of a layer: bf16 splits M into one row range per thread.
    static func threaded(_ p: Precision, transA: Bool, transB: Bool, _ M: Int, _ N: Int, _ K: Int, alpha: Float = 1,
                         _ A: UnsafePointer<Float>, _ lda: Int, _ B: UnsafePointer<Float>, _ ldb: Int,
                         beta: Float, _ C: UnsafeMutablePointer<Float>, _ ldc: Int) {
        guard p == .bf16 else {
            return run(p, transA: transA, transB: transB, M, N, K, alpha: alpha, A, lda, B, ldb, beta: beta, C, ldc)
        }
        let threads = min(BLASThreads.count, max(1, M / 24))
        // row ranges in multiples of the kernel's 12-row tile, so no thread gets a ragged tile it need not
        let tiles = (M + 11) / 12
        parallelFor(threads) { t in
            let m0 = min(M, tiles * t / threads * 12), m1 = min(M, tiles * (t + 1) / threads * 12)
            guard m1 > m0 else { return }
            let a = transA ? A + m0 : A + m0 * lda
            run(.bf16, transA: transA, transB: transB, m1 - m0, N, K, alpha: alpha, a, lda, B, ldb, beta: beta, C + m0 * ldc, ldc)
        }
    }
}

// Thin wrappers over cblas_sgemm for the three products a linear layer needs.
// Weights are stored [out, in] (the PyTorch / safetensors layout), rows are tokens.
// `precision` .bf16 runs the same products on bf16 operands with fp32 sums (Gemm.swift).

/// out (M, N) = inp (M, K) · w (N, K)ᵀ  (+ out if accumulate)
@inline(__always)
package func matmulForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                   _ M: Int, _ K: Int, _ N: Int, accumulate: Bool = false, precision: Precision = .fp32) {
    if precision == .bf16 && M > 1 {
        Gemm.threaded(.bf16, transA: false, transB: true, M, N, K, inp, K, w, K, beta: accumulate ? 1 : 0, out, N)
        return
    }
    if M == 1 {
        // One row (decoding one sequence): sgemm would first pack all of w, which costs more than
        // the product itself; sgemv streams w once.
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(N), Int32(K), 1, w, Int32(K), inp, 1, accumulate ? 1 : 0, out, 1)
        return
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(M), Int32(N), Int32(K),
                1, inp, Int32(K), w, Int32(K), accumulate ? 1 : 0, out, Int32(N))
}

/// dinp (M, K) (+)= dout (M, N) · w (N, K);  dw (N, K) += dout (M, N)ᵀ · inp (M, K)
/// dinp may be nil when the input needs no gradient (never the case in the model, kept for LoRA).
@inline(__always)
func matmulBackward(dinp: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>,
                    dout: UnsafePointer<Float>, inp: UnsafePointer<Float>, w: UnsafePointer<Float>,
                    _ M: Int, _ K: Int, _ N: Int, accumulateInput: Bool = false, precision: Precision = .fp32) {
    if precision == .bf16 {
        if let dinp { Gemm.threaded(.bf16, transA: false, transB: false, M, K, N, dout, N, w, K, beta: accumulateInput ? 1 : 0, dinp, K) }
        Gemm.threaded(.bf16, transA: true, transB: false, N, K, M, dout, N, inp, K, beta: 1, dw, K)
        return
    }
    if let dinp {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(M), Int32(K), Int32(N),
                    1, dout, Int32(N), w, Int32(K), accumulateInput ? 1 : 0, dinp, Int32(K))
    }
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(N), Int32(K), Int32(M),
                1, dout, Int32(N), inp, Int32(K), 1, dw, Int32(K))
}