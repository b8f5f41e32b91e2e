import CPUFeatures
import Foundation

/// Whether decoding may use LMKernels (compiled for AVX-512): the CPU and OS must support
/// x86-64-v4, checked once at run time, so the product runs on any x86-64 CPU (without it, decoding
/// takes the OpenBLAS path). FOIBANDIT_WIDE_KERNELS=0 turns them off (to compare both paths on one machine).
enum WideKernels {
    static let available: Bool = {
        if let v = getenv("FOIBANDIT_WIDE_KERNELS"), String(cString: v) == "0" { return false }
        return cpu_supports_avx512() != 0
    }()

    /// Rows (tokens of a decoding step) one wide product takes: a 16-lane register per output column.
    static let maxRows = 16
}
