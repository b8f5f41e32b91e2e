/// Forward activations kept for backward, for one (B, T), in one allocation.
/// Shapes use BT = B*T rows; C = dim, KV = kvDim, F = hiddenDim, H = heads, V = vocab.
/// What is cheap to rebuild is not kept per layer: the norm outputs (from rstd) and silu(gate)·up
/// are recomputed in the backward (config C: 300 MB less; an elementwise pass each).
struct LayerActivations {
    var rstd1: UnsafeMutablePointer<Float>  // (BT)
    var q: UnsafeMutablePointer<Float>      // (BT, C)  after RoPE
    var k: UnsafeMutablePointer<Float>      // (BT, KV) after RoPE
    var v: UnsafeMutablePointer<Float>      // (BT, KV)
    var att: UnsafeMutablePointer<Float>    // (B, H, T, T) softmax probabilities
    var attY: UnsafeMutablePointer<Float>   // (BT, C)  heads concatenated, before o_proj
    var res2: UnsafeMutablePointer<Float>   // (BT, C)  residual after attention
    var rstd2: UnsafeMutablePointer<Float>  // (BT)
    var gate: UnsafeMutablePointer<Float>   // (BT, F)
    var up: UnsafeMutablePointer<Float>     // (BT, F)
    var res3: UnsafeMutablePointer<Float>   // (BT, C)  layer output
}

final class Activations {
    let B: Int, T: Int
    let buffer: FloatBuffer
    let layers: [LayerActivations]
    let encoded: UnsafeMutablePointer<Float>  // (BT, C) token embeddings = layer 0 input
    let ln: UnsafeMutablePointer<Float>       // (BT, C) a layer's norm output, scratch of the forward
    let h: UnsafeMutablePointer<Float>        // (BT, F) a layer's silu(gate) * up, scratch of the forward
    let lnf: UnsafeMutablePointer<Float>      // (BT, C)
    let rstdf: UnsafeMutablePointer<Float>    // (BT)
    let headChunk: UnsafeMutablePointer<Float> // (LMHead.chunkRows, V) logits of one chunk of rows, then their gradient
    let lse: UnsafeMutablePointer<Float>      // (BT) log-sum-exp of each row of logits
    let logp: UnsafeMutablePointer<Float>     // (BT) log p(target)
    let mask: UnsafeMutablePointer<Float>     // (BT) loss weights
    let tokens: UnsafeMutablePointer<Int32>   // (BT)
    let targets: UnsafeMutablePointer<Int32>  // (BT)

    init(config c: ModelConfig, B: Int, T: Int) {
        self.B = B; self.T = T
        let BT = B * T, C = c.dim, KV = c.kvDim, F = c.hiddenDim
        let perLayer = 4 * BT * C + 2 * BT + 2 * BT * KV + B * c.heads * T * T + 2 * BT * F
        let chunk = LMHead.chunkRows(V: c.vocabSize, N: BT) * c.vocabSize
        let total = c.layers * perLayer + 3 * BT * C + BT * F + 4 * BT + chunk
        buffer = FloatBuffer(count: total)
        var p = buffer.pointer
        func take(_ n: Int) -> UnsafeMutablePointer<Float> { defer { p += n }; return p }
        var ls = [LayerActivations]()
        for _ in 0..<c.layers {
            ls.append(LayerActivations(rstd1: take(BT), q: take(BT * C), k: take(BT * KV),
                                       v: take(BT * KV), att: take(B * c.heads * T * T), attY: take(BT * C),
                                       res2: take(BT * C), rstd2: take(BT), gate: take(BT * F),
                                       up: take(BT * F), res3: take(BT * C)))
        }
        layers = ls
        encoded = take(BT * C); ln = take(BT * C); h = take(BT * F); lnf = take(BT * C); rstdf = take(BT)
        headChunk = take(chunk); lse = take(BT); logp = take(BT); mask = take(BT)
        tokens = UnsafeMutablePointer<Int32>.allocate(capacity: BT); tokens.initialize(repeating: 0, count: BT)
        targets = UnsafeMutablePointer<Int32>.allocate(capacity: BT); targets.initialize(repeating: -1, count: BT)
        require(p == buffer.pointer + total, "activation layout does not add up")
    }
    deinit { tokens.deallocate(); targets.deallocate() }

    func layerInput(_ l: Int) -> UnsafeMutablePointer<Float> { l == 0 ? encoded : layers[l - 1].res3 }
}

/// Gradients of activations: scratch reused by every layer during backward (one allocation).
final class ActivationGrads {
    let buffer: FloatBuffer
    let dres: UnsafeMutablePointer<Float>     // (BT, C) gradient of the residual stream, accumulated in place
    let dln: UnsafeMutablePointer<Float>      // (BT, C) gradient of a norm output
    let dattY: UnsafeMutablePointer<Float>    // (BT, C); before it is needed, a recomputed norm output
    let dq: UnsafeMutablePointer<Float>       // (BT, C)
    let dk: UnsafeMutablePointer<Float>       // (BT, KV)
    let dv: UnsafeMutablePointer<Float>       // (BT, KV)
    let datt: UnsafeMutablePointer<Float>     // (B, H, T, T)
    let dh: UnsafeMutablePointer<Float>       // (BT, F)
    let dgate: UnsafeMutablePointer<Float>    // (BT, F); before it is needed, the recomputed silu(gate) * up
    let dup: UnsafeMutablePointer<Float>      // (BT, F)
    let dlogp: UnsafeMutablePointer<Float>    // (BT) upstream d(objective)/d(log p(target))

    init(config c: ModelConfig, B: Int, T: Int) {
        let BT = B * T, C = c.dim, KV = c.kvDim, F = c.hiddenDim
        let total = 4 * BT * C + 2 * BT * KV + B * c.heads * T * T + 3 * BT * F + BT
        buffer = FloatBuffer(count: total)
        var p = buffer.pointer
        func take(_ n: Int) -> UnsafeMutablePointer<Float> { defer { p += n }; return p }
        dres = take(BT * C); dln = take(BT * C); dattY = take(BT * C); dq = take(BT * C)
        dk = take(BT * KV); dv = take(BT * KV); datt = take(B * c.heads * T * T)
        dh = take(BT * F); dgate = take(BT * F); dup = take(BT * F)
        dlogp = take(BT)
    }
}
