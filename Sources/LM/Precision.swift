import Common
import CPUFeatures
import Dispatch
import Foundation
import LMKernelsBF16

/// The arithmetic of a training step's matrix products. Everything else is fp32 either way: master
/// weights, gradients and their sums, AdamW's moments, RMSNorm, softmax, the loss and checkpoints.
///
/// - fp32: cblas_sgemm.
/// - bf16: operands rounded to bf16 (nearest even) as the kernel packs them, products summed in fp32
///   (vdpbf16ps, `LMKernelsBF16`), outputs stored fp32: as PyTorch's autocast, less its bf16 outputs.
public enum Precision: String, Sendable, CaseIterable {
    case fp32, bf16

    /// Whether this process can run bf16 products: the kernel was compiled in, the CPU and OS have
    /// AVX512_BF16, and FOIBANDIT_BF16=0 (a CPU without it, forced, for tests and comparisons) is not set.
    public static let bf16Available: Bool = {
        if let e = getenv("FOIBANDIT_BF16"), String(cString: e) == "0" { return false }
        return bf16_gemm_compiled() != 0 && cpu_supports_avx512bf16() != 0
    }()

    /// What a run asked for → what it gets: bf16 falls back to fp32 where it is not available, so a
    /// run on such a CPU is an fp32 run, bit for bit. nil (no `--precision`) is `automatic`.
    /// `available` stands for the CPU check (tests pass false to play a CPU without bf16).
    public static func resolve(_ requested: Precision?, available: Bool = bf16Available) -> Precision {
        switch requested {
        case .fp32: .fp32
        case .bf16: available ? .bf16 : .fp32
        case nil: available ? automatic : .fp32
        }
    }

    /// The default: bf16 where the CPU has bf16 dot products and our bf16 product outruns the fp32
    /// one on this machine. Neither is a given: AMD Zen 4/5 run vdpbf16ps (32 multiply-adds) at the
    /// rate of a zmm FMA (16), twice the work; the Intel Xeon (family 6, model 207, under KVM) this was
    /// measured on runs it at a quarter of the FMA rate, half the work, but Debian's OpenBLAS 0.3.21
    /// takes that CPU for a Prescott and runs sgemm at a sixth of its FMA peak. So a probe times one
    /// training-sized product (4096 × 384 × 384, about 1.2 GFLOP) each way on one thread, best of 3
    /// (≈ 0.1 s once per process), and picks bf16 at 1.15× or more.
    public static let automatic: Precision = {
        guard bf16Available else { return .fp32 }
        return gemmSpeedRatio() >= 1.15 ? .bf16 : .fp32
    }()

    /// Time of cblas_sgemm over time of our bf16 GEMM on one (4096, 384) · (384, 384)ᵀ product, one thread.
    public static func gemmSpeedRatio(M: Int = 4096, K: Int = 384, N: Int = 384) -> Double {
        guard bf16Available else { return 0 }
        let a = FloatBuffer(count: M * K), w = FloatBuffer(count: N * K), c = FloatBuffer(count: M * N)
        var rng = Xoshiro256(seed: 11)
        for i in 0..<a.count { a[i] = rng.nextGaussian() }
        for i in 0..<w.count { w[i] = rng.nextGaussian() }
        let threads = BLASThreads.count
        BLASThreads.set(1)
        defer { BLASThreads.set(threads) }
        func best(_ p: Precision) -> Double {
            (0..<3).map { _ in
                let t0 = DispatchTime.now().uptimeNanoseconds
                Gemm.run(p, transA: false, transB: true, M, N, K, alpha: 1, a.pointer, K, w.pointer, K, beta: 0, c.pointer, N)
                return Double(DispatchTime.now().uptimeNanoseconds - t0)
            }.min()!
        }
        _ = best(.fp32)
        return best(.fp32) / best(.bf16)
    }
}
