import CPUFeatures
import Dispatch
import Foundation
import LM

/// The decoding side of `EngineBench` (bench/speed): greedy decoding through the KV cache, the bytes a
/// decode must read, and the memory bandwidth it is measured against.
extension EngineBench {
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
    package static func argmax(_ p: UnsafePointer<Float>, _ n: Int) -> Int {
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
}
