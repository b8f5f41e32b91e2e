import CPUFeatures
import Foundation
import LM
import LMKernels
import LMKernelsV3

/// The decoding kernels of LMKernels, in one of two builds of the same source: for AVX-512 (LMKernels)
/// and for AVX2 + FMA (LMKernelsV3, whose products run blocks of 4 weight rows, as a 16-lane vector
/// takes two of its 16 registers). Both compute every output with the same chain of operations, so
/// their results are identical. A CPU runs a build only where a run-time check says it may; without
/// either, decoding takes the OpenBLAS path.
public enum WideKernels: String, Sendable, CaseIterable {
    case avx512, avx2

    /// The build this CPU runs, or nil: FOIBANDIT_WIDE_KERNELS=0 turns both off and =avx2 picks the
    /// AVX2 build on an AVX-512 CPU (to compare the paths on one machine).
    public static let best: WideKernels? = {
        let choice = getenv("FOIBANDIT_WIDE_KERNELS").map { String(cString: $0) }
        if choice == "0" { return nil }
        if choice == "avx2" { return avx2.supported ? .avx2 : nil }
        return allCases.first { $0.supported }
    }()

    /// Whether this CPU and OS support the build (x86-64-v4, or x86-64-v3).
    public var supported: Bool {
        switch self {
        case .avx512: cpu_supports_avx512() != 0
        case .avx2: cpu_supports_avx2() != 0
        }
    }

    /// Rows (tokens of a decoding step) one wide product takes: a 16-lane register per output column.
    static let maxRows = 16
    /// Head dimension of the attention kernel.
    static let headDim = LMKernels.WideAttention.headDim

    /// Where a product's outputs go: rows of out (M, ld) (added to them when accumulating), or
    /// transposed, out (N, 16).
    enum Output { case rows(ld: Int, accumulate: Bool), transposed }

    /// xT (K, 16) = x (M, K)ᵀ, lanes M..<16 zero.
    func transpose(_ xT: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, M: Int, K: Int) {
        switch self {
        case .avx512: LMKernels.WideGemm.transpose(xT, x, M: M, K: K)
        case .avx2: LMKernelsV3.WideGemm.transpose(xT, x, M: M, K: K)
        }
    }

    /// Columns `cols` of out = x · wᵀ, x given as xT (K, 16), w (N, K), M ≤ 16 (WideGemm.product).
    func product(_ out: UnsafeMutablePointer<Float>, _ output: Output, M: Int, xT: UnsafePointer<Float>,
                 w: UnsafePointer<Float>, K: Int, cols: Range<Int>) {
        switch (self, output) {
        case (.avx512, .rows(let ld, let acc)):
            LMKernels.WideGemm.product(out, .rows(ld: ld, accumulate: acc), M: M, xT: xT, w: w, K: K, cols: cols)
        case (.avx512, .transposed): LMKernels.WideGemm.product(out, .transposed, M: M, xT: xT, w: w, K: K, cols: cols)
        case (.avx2, .rows(let ld, let acc)):
            LMKernelsV3.WideGemm.product(out, .rows(ld: ld, accumulate: acc), M: M, xT: xT, w: w, K: K, cols: cols)
        case (.avx2, .transposed): LMKernelsV3.WideGemm.product(out, .transposed, M: M, xT: xT, w: w, K: K, cols: cols)
        }
    }

    /// h = silu(gate) · up over 16-lane groups of transposed gate/up (WideGemm.swiglu).
    func swiglu(_ h: UnsafeMutablePointer<Float>, _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>, groups: Range<Int>) {
        switch self {
        case .avx512: LMKernels.WideGemm.swiglu(h, gate, up, groups: groups)
        case .avx2: LMKernelsV3.WideGemm.swiglu(h, gate, up, groups: groups)
        }
    }

    /// y[n] (+)= w[n, 0..<K] · x for n in rows (WideGemv.product).
    func gemv(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
              K: Int, rows: Range<Int>, accumulate: Bool) {
        switch self {
        case .avx512: LMKernels.WideGemv.product(y, x, w, K: K, rows: rows, accumulate: accumulate)
        case .avx2: LMKernelsV3.WideGemv.product(y, x, w, K: K, rows: rows, accumulate: accumulate)
        }
    }

    /// out (64) = softmax(scale · q Kᵀ) · V over positions 0..<n of one head (WideAttention.attend64).
    func attend64(_ out: UnsafeMutablePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>,
                  v: UnsafePointer<Float>, n: Int, scale: Float, scores: UnsafeMutablePointer<Float>) {
        switch self {
        case .avx512: LMKernels.WideAttention.attend64(out, q: q, k: k, v: v, n: n, scale: scale, scores: scores)
        case .avx2: LMKernelsV3.WideAttention.attend64(out, q: q, k: k, v: v, n: n, scale: scale, scores: scores)
        }
    }
}
