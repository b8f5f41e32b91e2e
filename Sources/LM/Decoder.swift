import CBLAS
import Foundation

/// Incremental inference with a KV cache. Each call appends tokens to any subset of the
/// sequences; all appended tokens of all sequences form the rows of one batch, so every
/// projection is one product per layer per call (prefill of several prompts, or one decode step
/// for the whole batch). Attention then reads each row's own sequence from the cache.
/// One token of one sequence (batch-1 decoding) takes its own path, `stepOne`: matrix-vector
/// products split by rows over a persistent pair of threads (DecodePool), as that step is bound by
/// streaming the weights from memory, not by arithmetic. Where the CPU has AVX-512 or AVX2
/// (WideKernels), OpenBLAS is not called at all: a decoding step of ≤ 16 sequences takes `wideStep`,
/// a prefill runs the same wide products on tiles of 16 rows, and `stepOne` and attention use them too.
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
        let c = model.config, C = c.dim, KV = c.kvDim, F = c.hiddenDim, V = c.vocabSize
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
            stepOne(token: rowTok[0], sequence: rowSeq[0], pos: rowPos[0])
            cache.lengths[rowSeq[0]] += 1
            return UnsafeBufferPointer(start: logitsBuf.pointer, count: V)
        }
        if M == items.count && M <= WideKernels.maxRows, let kernels {
            wideStep(rows: M, kernels)
            return UnsafeBufferPointer(start: logitsBuf.pointer, count: items.count * V)
        }
        let m = model
        rowTok.withUnsafeBufferPointer { Embedding.forward(x, $0.baseAddress!, m.p(.embed), N: M, C: C) }
        if kernels == nil { pool.park() }     // OpenBLAS threads the products below on the same cores
        for l in 0..<c.layers {
            RMSNorm.forward(ln, nil, x, m.p(.attnNorm, l), N: M, C: C, eps: c.normEps)
            products(ln, M: M, K: C, [(q, m.p(.wq, l), C), (k, m.p(.wk, l), KV), (v, m.p(.wv, l), KV)])
            for r in 0..<M { storeKV(layer: l, row: r, seq: rowSeq[r], pos: rowPos[r], k: k + r * KV, v: v + r * KV) }
            // (row, query head) pieces over the workers; causal: each row reads its own sequence, 0...pos
            pool.run(parkAfter: kernels == nil) { p, w in
                for i in share(M * c.heads, p, pool.pieces, align: 1) {
                    let r = i / c.heads
                    attendHead(layer: l, head: i % c.heads, seq: rowSeq[r], pos: rowPos[r], q: q + r * C, out: attY + r * C, worker: w)
                }
            }
            products(attY, M: M, K: C, [(x, m.p(.wo, l), C)], accumulate: true)
            RMSNorm.forward(ln, nil, x, m.p(.mlpNorm, l), N: M, C: C, eps: c.normEps)
            products(ln, M: M, K: C, [(gate, m.p(.wgate, l), F), (up, m.p(.wup, l), F)])
            SwiGLU.forward(gate, gate, up, N: M * F)
            products(gate, M: M, K: F, [(x, m.p(.wdown, l), C)], accumulate: true)
        }
        for it in items { cache.lengths[it.sequence] += it.tokens.count }
        // Only the last row of each item needs logits: gather, norm, one product against the embedding.
        var r = 0
        for (i, it) in items.enumerated() {
            r += it.tokens.count
            (outRows + i * C).update(from: x + (r - 1) * C, count: C)
        }
        RMSNorm.forward(outRows, nil, outRows, m.p(.finalNorm), N: items.count, C: C, eps: c.normEps)
        products(outRows, M: items.count, K: C, [(logitsBuf.pointer, m.p(.embed), V)])
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

    /// One token of one sequence: every product is a matrix-vector product split by rows over the pool,
    /// with the three attention inputs in one job and gate, up and SwiGLU in one job. Rows of a piece:
    /// contiguous, for the wide kernels' gemv or OpenBLAS's sgemv in chunks (DecodeKernels); each row is
    /// computed the same way whatever the split.
    private func stepOne(token: Int32, sequence s: Int, pos: Int) {
        let m = model, c = m.config, C = c.dim, KV = c.kvDim, F = c.hiddenDim, V = c.vocabSize
        let P = pool.pieces, kernels = kernels
        func rows(_ N: Int, _ K: Int, _ p: Int) -> Range<Int> {
            if kernels != nil { return share(N, p, P, align: 16) }
            let size = DecodeKernels.gemvChunk(K: K), ch = DecodeKernels.chunks(N: N, K: K, p, P)
            return min(N, ch.lowerBound * size)..<min(N, ch.upperBound * size)
        }
        // y (N) (+)= w (N, K) · x, piece p's rows
        func gemv(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ wt: UnsafePointer<Float>,
                  N: Int, K: Int, _ p: Int, accumulate: Bool = false) {
            if let kernels { kernels.gemv(y, x, wt, K: K, rows: rows(N, K, p), accumulate: accumulate) }
            else { DecodeKernels.gemv(y, x, wt, N: N, K: K, chunks: DecodeKernels.chunks(N: N, K: K, p, P), accumulate: accumulate) }
        }
        x.update(from: m.p(.embed) + Int(token) * C, count: C)
        for l in 0..<c.layers {
            DecodeKernels.rmsNorm(ln, x, m.p(.attnNorm, l), C: C, eps: c.normEps)
            let wq = m.p(.wq, l), wk = m.p(.wk, l), wv = m.p(.wv, l)
            pool.run { p, _ in
                gemv(q, ln, wq, N: C, K: C, p); gemv(k, ln, wk, N: KV, K: C, p); gemv(v, ln, wv, N: KV, K: C, p)
            }
            storeKV(layer: l, row: 0, seq: s, pos: pos, k: k, v: v)
            pool.run { p, w in
                for h in share(c.heads, p, P, align: 1) { attendHead(layer: l, head: h, seq: s, pos: pos, q: q, out: attY, worker: w) }
            }
            let wo = m.p(.wo, l)
            pool.run { p, _ in gemv(x, attY, wo, N: C, K: C, p, accumulate: true) }
            DecodeKernels.rmsNorm(ln, x, m.p(.mlpNorm, l), C: C, eps: c.normEps)
            let wg = m.p(.wgate, l), wu = m.p(.wup, l)
            pool.run { p, _ in
                gemv(gate, ln, wg, N: F, K: C, p); gemv(up, ln, wu, N: F, K: C, p)
                DecodeKernels.swiglu(gate, gate, up, range: rows(F, C, p))
            }
            let wd = m.p(.wdown, l)
            pool.run { p, _ in gemv(x, gate, wd, N: C, K: F, p, accumulate: true) }
        }
        DecodeKernels.rmsNorm(outRows, x, m.p(.finalNorm), C: C, eps: c.normEps)
        let emb = m.p(.embed), logits = logitsBuf.pointer
        pool.run { p, _ in gemv(logits, outRows, emb, N: V, K: C, p) }
    }

    deinit { pool.shutdown() }
}
