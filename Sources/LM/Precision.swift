import CPUFeatures
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

    /// The default: bf16 where the CPU has bf16 dot products and they do more multiply-adds a second
    /// than fp32 FMA. Both exist on x86 in two kinds: AMD Zen 4/5 run vdpbf16ps (32 multiply-adds) at
    /// the rate of a zmm FMA (16), twice the work; the Intel Xeon this was measured on runs it at a
    /// quarter of the FMA rate, half the work, where bf16 would make training slower. A 40 ms probe
    /// of both loops, alternating, decides; the margin (1.3×) is far from either kind (2× and 0.5×).
    public static let automatic: Precision = {
        guard bf16Available else { return .fp32 }
        return dotToFMARatio() > 1.3 ? .bf16 : .fp32
    }()

    /// bf16 dot-product GFLOP/s over fp32 FMA GFLOP/s on one core (best of 4 alternating 5 ms probes each).
    public static func dotToFMARatio() -> Double {
        guard bf16Available else { return 0 }
        var dot = 0.0, fma = 0.0
        for _ in 0..<4 {
            dot = max(dot, bf16_dot_peak_gflops(0.005))
            fma = max(fma, fp32_fma_peak_gflops(0.005))
        }
        return fma > 0 ? dot / fma : 0
    }
}
