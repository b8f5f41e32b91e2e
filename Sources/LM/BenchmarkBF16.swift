import CBLAS
import Common
import Dispatch
import LMKernelsBF16

/// The bf16 side of bench/speed (issue #22): our bf16 GEMM on the training shapes, and the two
/// instruction peaks (vdpbf16ps and fp32 FMA) that shares are reported against.
extension EngineBench {

    /// GFLOP/s of all `threads` cores at once in a loop of independent vdpbf16ps, and of fp32 FMA
    /// (`seconds` each, interleaved twice, best kept): the machine's bf16 and fp32 instruction peaks.
    public static func instructionPeaks(threads: Int = BLASThreads.count, seconds: Double = 0.25)
        -> (bf16: Double, fp32: Double) {
        guard Precision.bf16Available else { return (0, 0) }
        func all(_ f: @escaping @Sendable (Double) -> Double) -> Double {
            let sums = FloatBuffer(count: threads)
            DispatchQueue.concurrentPerform(iterations: threads) { t in sums[t] = Float(f(seconds)) }
            return (0..<threads).reduce(0) { $0 + Double(sums[$1]) }
        }
        var bf = 0.0, fp = 0.0
        for _ in 0..<2 {
            bf = max(bf, all { bf16_dot_peak_gflops($0) })
            fp = max(fp, all { fp32_fma_peak_gflops($0) })
        }
        return (bf, fp)
    }

    /// Our bf16 GEMM's GFLOP/s on the shapes and layouts `sgemm` times (median of `runs` each).
    public static func bf16Gemm(M: Int = 4096, sizes: [(Int, Int)] = [(384, 384), (384, 1024), (1024, 384), (512, 1536), (1536, 512)],
                                runs: Int = 5) -> [(name: String, gflops: Double)] {
        guard Precision.bf16Available else { return [] }
        var results = [(String, Double)]()
        let maxK = sizes.map { max($0.0, $0.1) }.max()!
        let a = FloatBuffer(count: M * maxK), b = FloatBuffer(count: maxK * maxK), c = FloatBuffer(count: M * maxK)
        var rng = Xoshiro256(seed: 7)
        for i in 0..<a.count { a[i] = rng.nextGaussian() }
        for i in 0..<b.count { b[i] = rng.nextGaussian() }
        for (K, N) in sizes {
            let flops = 2 * Double(M) * Double(K) * Double(N)
            let layouts: [(String, () -> Void)] = [
                ("fwd", { matmulForward(c.pointer, a.pointer, b.pointer, M, K, N, precision: .bf16) }),
                ("dinp", { Gemm.threaded(.bf16, transA: false, transB: false, M, K, N, a.pointer, N, b.pointer, K,
                                         beta: 0, c.pointer, K) }),
                ("dw", { Gemm.threaded(.bf16, transA: true, transB: false, N, K, M, a.pointer, N, c.pointer, K,
                                       beta: 1, b.pointer, K) }),
            ]
            for (name, f) in layouts {
                f()
                var times = [Double]()
                for _ in 0..<runs { let t0 = now(); f(); times.append(now() - t0) }
                results.append(("\(name) M=\(M) K=\(K) N=\(N)", flops / median(times) / 1e9))
            }
        }
        return results
    }
}
