import CBLAS

// Thin wrappers over cblas_sgemm for the three products a linear layer needs.
// Weights are stored [out, in] (the PyTorch / safetensors layout), rows are tokens.
// `precision` .bf16 runs the same products on bf16 operands with fp32 sums (Gemm.swift).

/// out (M, N) = inp (M, K) · w (N, K)ᵀ  (+ out if accumulate)
@inline(__always)
func matmulForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
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
