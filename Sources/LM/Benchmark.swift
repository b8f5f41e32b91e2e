import Common
import CBLAS
import CPUFeatures
import Dispatch
import Foundation

/// Timing of the engine's hot paths for bench/speed (the harness that compares us with PyTorch and
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

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Model FLOPs of one training token (forward + backward): 6 per weight of every matrix product
    /// (the tied LM head included, the embedding lookup not) plus 12·L·T·C for attention scores and
    /// values (the PaLM convention: full T×T, as our kernels compute it).
    public static func trainFlopsPerToken(_ c: ModelConfig, seqLen T: Int) -> Double {
        6 * matrixWeights(c) + 12 * Double(c.layers) * Double(T) * Double(c.dim)
    }

    /// Weights of every matrix product: Q, K, V, O and the SwiGLU three per layer, and the tied LM head.
    static func matrixWeights(_ c: ModelConfig) -> Double {
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

    /// Greedy decoding with the KV cache: prefill all prompts together, then `newTokens` steps of one
    /// token per sequence (no stop token). Returns the new tokens of each prompt and the seconds taken
    /// (prefill included, as the peers' timings include theirs).
    public static func greedyDecode(model: Model, prompts: [[Int]], newTokens: Int) -> (tokens: [[Int]], seconds: Double) {
        let V = model.config.vocabSize
        let t0 = now()
        let dec = Decoder(model: model, batch: prompts.count, capacity: prompts.map(\.count).max()! + newTokens)
        var out = [[Int]](repeating: [], count: prompts.count)
        var items = prompts.enumerated().map { (sequence: $0.offset, tokens: $0.element) }
        for _ in 0..<newTokens {
            let logits = dec.append(items)
            for s in 0..<prompts.count { out[s].append(argmax(logits.baseAddress! + s * V, V)) }
            items = (0..<prompts.count).map { (sequence: $0, tokens: [out[$0].last!]) }
        }
        return (out, now() - t0)
    }

    /// Bytes a greedy decode must read from memory at least: every weight once per step (the tied LM
    /// head included; norms, a few KB, left out) and, each step, the keys and values of every position
    /// each sequence attends to. Positions: a prompt of length P, then the step making new token i
    /// (1..<newTokens; the first comes from the prefill) attends to P + i of them.
    public static func decodeBytes(_ c: ModelConfig, promptLengths: [Int], newTokens: Int) -> Double {
        let kvPerPosition = 4 * Double(c.layers) * 2 * Double(c.kvDim)
        var positions = 0.0
        for P in promptLengths { for i in 1..<max(1, newTokens) { positions += Double(P + i) } }
        return Double(newTokens) * 4 * matrixWeights(c) + positions * kvPerPosition
    }

    /// GB/s of a plain read by `workers` threads (the decoder's pool) of a buffer of `bytes` (a decode
    /// step's bytes), read again and again as a decode reads its weights, in the pool's pieces and
    /// prefetching ahead as the decoding kernels do: the memory bound a decode is measured against.
    /// A buffer near the last-level cache's size is partly served from it, for the probe as for the
    /// decoder. On shared machines this moves with the neighbours, so the harness probes it beside every run.
    public static func readBandwidth(bytes: Int, workers: Int = BLASThreads.count, passes: Int = 9) -> Double {
        let buf = FloatBuffer(count: max(1, bytes / 256) * 64), sums = FloatBuffer(count: workers * 16)
        let pool = DecodePool(workers: workers)
        defer { pool.shutdown() }
        var times = [Double]()
        for _ in 0..<passes {
            let t0 = now()
            pool.run { piece, w in
                let r = share(buf.count / 64, piece, pool.pieces, align: 1), p = buf.pointer
                var a = SIMD16<Float>(), b = a, c = a, d = a
                for i in r {    // four cache lines a step, on four independent sums, 4 KB prefetched ahead
                    let q = UnsafeRawPointer(p + 64 * i)
                    cpu_prefetch(q + 4096); cpu_prefetch(q + 4160); cpu_prefetch(q + 4224); cpu_prefetch(q + 4288)
                    a += q.loadUnaligned(as: SIMD16<Float>.self); b += q.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                    c += q.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self); d += q.loadUnaligned(fromByteOffset: 192, as: SIMD16<Float>.self)
                }
                sums[w * 16] = (a + b + c + d).sum()
            }
            times.append(now() - t0)
        }
        return Double(buf.count * 4) / median(Array(times.dropFirst())) / 1e9
    }

    /// Index of the first largest entry (as torch.argmax): the largest value by 16-lane maxima, then
    /// the first position holding it.
    static func argmax(_ p: UnsafePointer<Float>, _ n: Int) -> Int {
        var lanes = SIMD16<Float>(repeating: -.infinity), i = 0
        while i + 16 <= n {
            let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD16<Float>.self)
            lanes.replace(with: v, where: v .> lanes); i += 16
        }
        var m = lanes.max()
        for j in i..<n { m = max(m, p[j]) }
        var best = 0
        while best < n - 1 && p[best] != m { best += 1 }    // (NaN logits: index n - 1)
        return best
    }

    /// cblas_sgemm GFLOP/s on transformer training shapes (M tokens × K × N, the three layouts a
    /// linear layer uses); the median of `runs` timings of each.
    public static func sgemm(M: Int = 4096, sizes: [(Int, Int)] = [(384, 384), (384, 1024), (1024, 384), (512, 1536), (1536, 512)],
                             runs: Int = 5) -> [(name: String, gflops: Double)] {
        var results = [(String, Double)]()
        let maxK = sizes.map { max($0.0, $0.1) }.max()!
        let a = FloatBuffer(count: M * maxK), b = FloatBuffer(count: maxK * maxK), c = FloatBuffer(count: M * maxK)
        var rng = Xoshiro256(seed: 7)
        for i in 0..<a.count { a[i] = rng.nextGaussian() }
        for i in 0..<b.count { b[i] = rng.nextGaussian() }
        for (K, N) in sizes {
            let flops = 2 * Double(M) * Double(K) * Double(N)
            let layouts: [(String, () -> Void)] = [
                ("fwd", { matmulForward(c.pointer, a.pointer, b.pointer, M, K, N) }),                      // (M,K)·(N,K)ᵀ
                ("dinp", { cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(M), Int32(K), Int32(N),
                                       1, a.pointer, Int32(N), b.pointer, Int32(K), 0, c.pointer, Int32(K)) }),  // (M,N)·(N,K)
                ("dw", { cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(N), Int32(K), Int32(M),
                                     1, a.pointer, Int32(N), c.pointer, Int32(K), 1, b.pointer, Int32(K)) }),    // (M,N)ᵀ·(M,K)
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
}
