import Common
import Dispatch
import Foundation
import LMKernelsBF16

/// Timing of the engine's hot paths for bench/speed (training and GEMMs here; decoding, LMDecode's DecodeBench.swift) (the harness that compares us with PyTorch and
/// llama.cpp). Thread count: whatever OpenBLAS was started with (OPENBLAS_NUM_THREADS); nothing here
/// changes it.
public enum EngineBench {
    /// Benchmark shapes of issue #10: Llama-style, head dim 64, tied embeddings.
    public struct Shape: Sendable {
        public var config: ModelConfig
        public var batch: Int
        public var seqLen: Int
    }

    public static func shape(named name: String) -> Shape? {
        switch name.uppercased() {
        case "A": return Shape(config: ModelConfig(vocabSize: 4096, dim: 256, layers: 4, heads: 4, hiddenDim: 768, maxSeqLen: 512),
                               batch: 16, seqLen: 256)
        case "B": return Shape(config: ModelConfig(vocabSize: 8192, dim: 384, layers: 6, heads: 6, hiddenDim: 1024, maxSeqLen: 512),
                               batch: 16, seqLen: 256)
        case "C": return Shape(config: ModelConfig(vocabSize: 8192, dim: 512, layers: 8, heads: 8, hiddenDim: 1536, maxSeqLen: 512),
                               batch: 8, seqLen: 512)
        default: return nil
        }
    }

    package static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Model FLOPs of one training token (forward + backward): 6 per weight of every matrix product
    /// (the tied LM head included, the embedding lookup not) plus 12·L·T·C for attention scores and
    /// values (the PaLM convention: full T×T, as our kernels compute it).
    public static func trainFlopsPerToken(_ c: ModelConfig, seqLen T: Int) -> Double {
        6 * matrixWeights(c) + 12 * Double(c.layers) * Double(T) * Double(c.dim)
    }

    /// Weights of every matrix product: Q, K, V, O and the SwiGLU three per layer, and the tied LM head.
    package static func matrixWeights(_ c: ModelConfig) -> Double {
        let C = Double(c.dim), KV = Double(c.kvDim), F = Double(c.hiddenDim)
        return Double(c.layers) * (2 * C * C + 2 * C * KV + 3 * C * F) + Double(c.vocabSize) * C
    }

    /// Times `steps` training steps (zero grad, forward, backward, AdamW) on one fixed random batch,
    /// after `warmup` untimed ones. Returns the seconds of each timed step and the first loss.
    public static func train(model: Model, batch B: Int, seqLen T: Int, steps: Int, warmup: Int,
                             seed: UInt64 = 1, precision: Precision = .fp32) -> (seconds: [Double], firstLoss: Float) {
        model.precision = precision
        var rng = Xoshiro256(seed: seed)
        let V = UInt64(model.config.vocabSize)
        let toks = (0...(B * T)).map { _ in Int(rng.next() % V) }
        let inputs = Array(toks[0..<(B * T)]), targets = Array(toks[1...])
        let opt = AdamW(model: model)
        var seconds = [Double](), first: Float = .nan
        for step in 0..<(warmup + steps) {
            let t0 = now()
            model.zeroGrad()
            let loss = model.forwardBackward(tokens: inputs, targets: targets, batch: B, seqLen: T)
            opt.update(model, lr: 1e-4)
            if step == 0 { first = loss }
            if step >= warmup { seconds.append(now() - t0) }
        }
        return (seconds, first)
    }

    /// cblas_sgemm GFLOP/s on transformer training shapes (M tokens × K × N, the three layouts a
    /// linear layer uses); the median of `runs` timings of each.
    public static func sgemm(M: Int = 4096, sizes: [(Int, Int)] = gemmSizes, runs: Int = 5) -> [(name: String, gflops: Double)] {
        gemmRates(.fp32, M: M, sizes: sizes, runs: runs)
    }

    /// Our bf16 GEMM's GFLOP/s on the shapes and layouts `sgemm` times (median of `runs` each).
    public static func bf16Gemm(M: Int = 4096, sizes: [(Int, Int)] = gemmSizes, runs: Int = 5) -> [(name: String, gflops: Double)] {
        guard Precision.bf16Available else { return [] }
        return gemmRates(.bf16, M: M, sizes: sizes, runs: runs)
    }

    public static let gemmSizes = [(384, 384), (384, 1024), (1024, 384), (512, 1536), (1536, 512)]

    /// The layouts a linear layer runs, as training runs them (fp32: cblas_sgemm; bf16: our kernel, M split
    /// over the threads): fwd (M,K)·(N,K)ᵀ, dinp (M,N)·(N,K), dw (M,N)ᵀ·(M,K).
    static func gemmRates(_ p: Precision, M: Int, sizes: [(Int, Int)], runs: Int) -> [(name: String, gflops: Double)] {
        var results = [(String, Double)]()
        let maxK = sizes.map { max($0.0, $0.1) }.max()!
        let a = FloatBuffer(count: M * maxK), b = FloatBuffer(count: maxK * maxK), c = FloatBuffer(count: M * maxK)
        var rng = Xoshiro256(seed: 7)
        for i in 0..<a.count { a[i] = rng.nextGaussian() }
        for i in 0..<b.count { b[i] = rng.nextGaussian() }
        for (K, N) in sizes {
            let flops = 2 * Double(M) * Double(K) * Double(N)
            let layouts: [(String, () -> Void)] = [
                ("fwd", { matmulForward(c.pointer, a.pointer, b.pointer, M, K, N, precision: p) }),
                ("dinp", { Gemm.threaded(p, transA: false, transB: false, M, K, N, a.pointer, N, b.pointer, K, beta: 0, c.pointer, K) }),
                ("dw", { Gemm.threaded(p, transA: true, transB: false, N, K, M, a.pointer, N, c.pointer, K, beta: 1, b.pointer, K) }),
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

    public static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? .nan : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
    }

    /// Peak resident set size of this process in bytes (getrusage; Linux reports KiB).
    public static func peakRSSBytes() -> Int {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Int(u.ru_maxrss) * 1024
    }

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
}
