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
