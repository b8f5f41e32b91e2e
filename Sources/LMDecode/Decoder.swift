import Foundation
import LM

/// Incremental inference with a KV cache. Each call appends tokens to any subset of the
/// sequences; all appended tokens of all sequences form the rows of one batch, so every
/// projection is one product per layer per call (prefill of several prompts, or one decode step
/// for the whole batch). Attention then reads each row's own sequence from the cache.
/// One token of one sequence (batch-1 decoding) takes its own path, `OneSteps`: matrix-vector
/// products split by rows over a persistent pair of threads (DecodePool), as that step is bound by
/// streaming the weights from memory, not by arithmetic. Where the CPU has AVX-512 or AVX2
/// (WideKernels), OpenBLAS is not called at all: a decoding step of ≤ 16 sequences takes `WideSteps`,
/// a prefill runs the same wide products on tiles of 16 rows, and `OneSteps` and attention use them too.
/// All three run the one layer loop of DecoderSteps.swift.
public final class Decoder {
    public let model: Model
    public let cache: KVCache
    let pool: DecodePool
    /// The wide kernels' build that steps of ≤ 16 rows, prefills and attention use; nil: OpenBLAS.
    let kernels: WideKernels?
    private var rowCapacity = 0
    private var scratch = FloatBuffer(count: 0)
    // Scratch rows (M, ·); gate and up hold at least 16 rows (the wide step keeps them transposed,
    // (F, 16)), xT the wide kernels' transposed input, (K, 16) per tile of 16 rows.
    var x, ln, q, k, v, attY, gate, up, scores, outRows, xT: UnsafeMutablePointer<Float>
    var logitsBuf = FloatBuffer(count: 0)
    var rowTok = [Int32](), rowSeq = [Int](), rowPos = [Int]()

    /// kernels: the wide kernels' build (the best this CPU runs by default; nil for OpenBLAS); workers:
    /// decoding threads (OpenBLAS's count by default). Tests set both to compare paths and thread counts.
    public init(model: Model, batch: Int, capacity: Int, kernels: WideKernels? = WideKernels.best,
                workers: Int = BLASThreads.count) {
        require(capacity <= model.config.maxSeqLen, "KV cache capacity \(capacity) exceeds maxSeqLen")
        require(kernels?.supported ?? true, "this CPU cannot run the \(kernels!.rawValue) kernels")
        self.model = model
        self.kernels = kernels
        pool = DecodePool(workers: workers)
        cache = KVCache(config: model.config, batch: batch, capacity: capacity)
        let p = scratch.pointer
        x = p; ln = p; q = p; k = p; v = p; attY = p; gate = p; up = p; scores = p; outRows = p; xT = p
    }

    private func reserve(rows M: Int) {
        guard M > rowCapacity else { return }
        let c = model.config, C = c.dim, KV = c.kvDim, F = c.hiddenDim
        let G = max(M, WideKernels.maxRows)
        let tileRows = (max(M, cache.batch) + 15) / 16 * 16    // xT: the rows of a call (or of the logits) in 16-row tiles
        scratch = FloatBuffer(count: M * (4 * C + 2 * KV) + 2 * G * F + pool.workers * cache.capacity + cache.batch * C
                                     + tileRows * max(C, F))
        var p = scratch.pointer
        func take(_ n: Int) -> UnsafeMutablePointer<Float> { defer { p += n }; return p }
        x = take(M * C); ln = take(M * C); q = take(M * C); k = take(M * KV); v = take(M * KV); attY = take(M * C)
        gate = take(G * F); up = take(G * F); scores = take(pool.workers * cache.capacity); outRows = take(cache.batch * C)
        xT = take(tileRows * max(C, F))
        rowCapacity = M
    }

    /// Appends `tokens` to sequence `sequence` for each item (each sequence at most once) and returns
    /// the logits after the last appended token of each item, (items.count, V) in the same order.
    public func append(_ items: [(sequence: Int, tokens: [Int])]) -> UnsafeBufferPointer<Float> {
        let V = model.config.vocabSize
        let M = items.reduce(0) { $0 + $1.tokens.count }
        reserve(rows: M)
        if logitsBuf.count < items.count * V { logitsBuf = FloatBuffer(count: cache.batch * V) }
        rowTok.removeAll(keepingCapacity: true); rowSeq.removeAll(keepingCapacity: true); rowPos.removeAll(keepingCapacity: true)
        for it in items {
            let start = cache.lengths[it.sequence]
            require(start + it.tokens.count <= cache.capacity, "sequence \(it.sequence) would exceed the KV cache capacity \(cache.capacity)")
            for (i, t) in it.tokens.enumerated() {
                require(t >= 0 && t < V, "token id \(t) out of range for vocabulary \(V)")
                rowTok.append(Int32(t)); rowSeq.append(it.sequence); rowPos.append(start + i)
            }
        }
        if M == 1 && items.count == 1 {
            run(OneSteps(d: self, token: rowTok[0], sequence: rowSeq[0], pos: rowPos[0]))
        } else if M == items.count && M <= WideKernels.maxRows, let kernels {
            run(WideSteps(d: self, M: M, kernels: kernels))
        } else {
            run(BatchSteps(d: self, items: items, M: M))
        }
        return UnsafeBufferPointer(start: logitsBuf.pointer, count: items.count * V)
    }

    /// out (M, N) (+)= inp (M, K) · w (N, K)ᵀ for each (out, w, N), all of one input (a prefill, or the
    /// row outputs of a wide step): with the wide kernels, inp is transposed once into xT in tiles of 16
    /// rows and every product's output columns are split over the pool in one job; else one sgemm each.
    func products(_ inp: UnsafePointer<Float>, M: Int, K: Int,
                          _ outs: [(out: UnsafeMutablePointer<Float>, w: UnsafeMutablePointer<Float>, N: Int)], accumulate: Bool = false) {
        guard let kernels else {
            for o in outs { matmulForward(o.out, inp, o.w, M, K, o.N, accumulate: accumulate) }
            return
        }
        let tiles = (M + 15) / 16, xT = xT, P = pool.pieces
        for t in 0..<tiles { kernels.transpose(xT + t * 16 * K, inp + t * 16 * K, M: min(16, M - 16 * t), K: K) }
        pool.run { piece, _ in
            for o in outs {
                let cols = share(o.N, piece, P, align: 16)
                for t in 0..<tiles {
                    kernels.product(o.out + t * 16 * o.N, .rows(ld: o.N, accumulate: accumulate), M: min(16, M - 16 * t),
                                    xT: xT + t * 16 * K, w: o.w, K: K, cols: cols)
                }
            }
        }
    }

    /// Rotates one row's keys and stores its keys and values in the cache.
    @inline(__always)
    func storeKV(layer l: Int, row: Int, seq: Int, pos: Int, k: UnsafeMutablePointer<Float>, v: UnsafePointer<Float>) {
        model.rope.forward(k, nHeads: model.config.kvHeads, pos: pos)
        cache.store(layer: l, sequence: seq, position: pos, keys: k, values: v)
    }

    /// Query head h of one row (q, out: that row's (heads, d)): rotate it, attend over 0...pos of its sequence.
    @inline(__always)
    func attendHead(layer l: Int, head h: Int, seq: Int, pos: Int, q: UnsafeMutablePointer<Float>,
                            out: UnsafeMutablePointer<Float>, worker: Int) {
        let c = model.config, d = c.headDim, g = h / (c.heads / c.kvHeads)
        let keys = cache.keys(layer: l, sequence: seq, head: g), values = cache.values(layer: l, sequence: seq, head: g)
        model.rope.forward(q + h * d, nHeads: 1, pos: pos)
        let scale = 1 / Float(d).squareRoot(), sc = scores + worker * cache.capacity
        if let kernels, d == WideKernels.headDim {
            kernels.attend64(out + h * d, q: q + h * d, k: keys, v: values, n: pos + 1, scale: scale, scores: sc)
        } else {
            DecodeKernels.attendOne(out: out + h * d, q: q + h * d, k: keys, v: values, n: pos + 1, d: d, scale: scale, scores: sc)
        }
    }

    deinit { pool.shutdown() }
}
