import Common
import Foundation

/// A Llama-style decoder: parameters, their gradients, and the training forward/backward.
///
///     x = embed[tokens]
///     for each layer:  x = x + o(attention(rope(q(norm1(x))), rope(k(…)), v(…)))
///                      x = x + down(silu(gate(norm2(x))) * up(norm2(x)))
///     logits = norm(x) · embedᵀ
///
/// Parameters, gradients and activations are each one allocation; activations are sized
/// on the first forward for (B, T) and reused while later calls fit.
public final class Model: @unchecked Sendable {
    public let config: ModelConfig
    public let layout: ParameterLayout
    public let params: FloatBuffer
    public let grads: FloatBuffer
    package let rope: RoPE
    var acts: Activations?
    var dacts: ActivationGrads?
    private var logitsBuffer: FloatBuffer?   // `logits` on demand; fresh until the next forward
    private var logitsFresh = false
    public private(set) var batch = 0, seqLen = 0
    /// Arithmetic of the matrix products in forward and backward (Precision.swift); fp32 unless set.
    /// Resolve a request with `Precision.resolve` first: .bf16 here assumes the CPU has it.
    public var precision: Precision = .fp32

    /// Random init: matrices ~ N(0, initStd²), norm gains 1 (as transformers' Llama init).
    public convenience init(config: ModelConfig, seed: UInt64, initStd: Float = 0.02) {
        self.init(config: config)
        var rng = Xoshiro256(seed: seed)
        for t in layout.tensors {
            let n = t.shape.reduce(1, *), p = params.pointer + t.offset
            if ParameterLayout.isMatrix(t.kind) { for i in 0..<n { p[i] = rng.nextGaussian() * initStd } }
            else { p.update(repeating: 1, count: n) }
        }
    }

    /// Zero parameters; the checkpoint loader fills them.
    public init(config: ModelConfig) {
        self.config = config
        layout = ParameterLayout(config)
        params = FloatBuffer(count: layout.count)
        grads = FloatBuffer(count: layout.count)
        rope = RoPE(headDim: config.headDim, maxSeqLen: config.maxSeqLen, theta: config.ropeTheta)
    }

    @inlinable @inline(__always) package func p(_ k: ParameterLayout.Kind, _ l: Int = 0) -> UnsafeMutablePointer<Float> { params.pointer + layout.offset(k, layer: l) }
    @inline(__always) func g(_ k: ParameterLayout.Kind, _ l: Int = 0) -> UnsafeMutablePointer<Float> { grads.pointer + layout.offset(k, layer: l) }

    public var parameterCount: Int { layout.count }
    public func zeroGrad() { grads.zero() }

    private func ensureActivations(B: Int, T: Int) {
        require(T <= config.maxSeqLen, "sequence length \(T) exceeds maxSeqLen \(config.maxSeqLen)")
        if acts?.B != B || acts?.T != T {
            acts = Activations(config: config, B: B, T: T)
            dacts = nil
        }
    }

    /// Runs the model on `batch` rows of `seqLen` tokens (row-major, B*T entries).
    /// With targets, returns the mean of mask-weighted cross-entropy (mask defaults to 1 where a
    /// target is given; a target < 0 is ignored). Without targets, returns 0 and runs no LM head
    /// (`logits` computes it on demand).
    @discardableResult
    public func forward(tokens: [Int], targets: [Int]? = nil, mask: [Float]? = nil, batch B: Int, seqLen T: Int) -> Float {
        load(tokens: tokens, targets: targets, mask: mask, B: B, T: T)
        forwardTrunk(B: B, T: T)
        let a = acts!, BT = B * T
        guard targets != nil else { a.logp.update(repeating: 0, count: BT); return 0 }
        LMHead.forward(lse: a.lse, logp: a.logp, hidden: a.lnf, embed: p(.embed), targets: a.targets,
                       chunk: a.headChunk, N: BT, C: config.dim, V: config.vocabSize, precision: precision)
        return Loss.mean(logp: a.logp, mask: a.mask, N: BT)
    }

    /// `forward` then `backward()` (mean cross-entropy) in one pass: the LM head's logits are
    /// computed once per chunk of rows and turned into their gradient in place, instead of once
    /// in the forward and again in the backward. Returns the loss; gradients accumulate into `grads`.
    @discardableResult
    public func forwardBackward(tokens: [Int], targets: [Int], mask: [Float]? = nil, batch B: Int, seqLen T: Int) -> Float {
        BLASThreads.sleepWhenIdle()
        load(tokens: tokens, targets: targets, mask: mask, B: B, T: T)
        forwardTrunk(B: B, T: T)
        setMeanLossGradient()
        backwardLoaded()
        let a = acts!
        return Loss.mean(logp: a.logp, mask: a.mask, N: B * T)
    }

    private func load(tokens: [Int], targets: [Int]?, mask: [Float]?, B: Int, T: Int) {
        require(tokens.count == B * T && (targets?.count ?? B * T) == B * T && (mask?.count ?? B * T) == B * T,
                "forward: tokens, targets and mask need batch*seqLen = \(B * T) entries each")
        ensureActivations(B: B, T: T)
        let a = acts!
        for i in 0..<(B * T) {
            require(tokens[i] >= 0 && tokens[i] < config.vocabSize, "token id \(tokens[i]) out of range")
            a.tokens[i] = Int32(tokens[i])
            let t = targets?[i] ?? -1
            require(t < config.vocabSize, "target id \(t) out of range")
            a.targets[i] = Int32(t)
            a.mask[i] = t < 0 ? 0 : (mask?[i] ?? 1)
        }
        batch = B; seqLen = T
        logitsFresh = false
    }

    // tokens already in acts -> final norm output lnf (BT, C)
    private func forwardTrunk(B: Int, T: Int) {
        let a = acts!, c = config
        let BT = B * T, C = c.dim, KV = c.kvDim, F = c.hiddenDim
        Embedding.forward(a.encoded, a.tokens, p(.embed), N: BT, C: C)
        for l in 0..<c.layers {
            let x = a.layerInput(l), L = a.layers[l]
            RMSNorm.forward(a.ln, L.rstd1, x, p(.attnNorm, l), N: BT, C: C, eps: c.normEps)
            matmulForward(L.q, a.ln, p(.wq, l), BT, C, C, precision: precision)
            matmulForward(L.k, a.ln, p(.wk, l), BT, C, KV, precision: precision)
            matmulForward(L.v, a.ln, p(.wv, l), BT, C, KV, precision: precision)
            parallelRanges(BT, minPerThread: 64) { rows in
                for r in rows {
                    rope.forward(L.q + r * C, nHeads: c.heads, pos: r % T)
                    rope.forward(L.k + r * KV, nHeads: c.kvHeads, pos: r % T)
                }
            }
            Attention.forward(out: L.attY, att: L.att, q: L.q, k: L.k, v: L.v, B: B, T: T, H: c.heads, KVH: c.kvHeads, d: c.headDim,
                              precision: precision)
            L.res2.update(from: x, count: BT * C)                      // residual: res2 = x + o(attY)
            matmulForward(L.res2, L.attY, p(.wo, l), BT, C, C, accumulate: true, precision: precision)
            RMSNorm.forward(a.ln, L.rstd2, L.res2, p(.mlpNorm, l), N: BT, C: C, eps: c.normEps)
            matmulForward(L.gate, a.ln, p(.wgate, l), BT, C, F, precision: precision)
            matmulForward(L.up, a.ln, p(.wup, l), BT, C, F, precision: precision)
            SwiGLU.forward(a.h, L.gate, L.up, N: BT * F)
            L.res3.update(from: L.res2, count: BT * C)                 // residual: res3 = res2 + down(h)
            matmulForward(L.res3, a.h, p(.wdown, l), BT, F, C, accumulate: true, precision: precision)
        }
        RMSNorm.forward(a.lnf, a.rstdf, a.layerInput(c.layers), p(.finalNorm), N: BT, C: C, eps: c.normEps)
    }

    /// Logits of the last forward, (B, T, V) row-major. Training never stores them (LMHead.swift);
    /// the first read after a forward computes them (tied LM head) into a buffer kept for reuse.
    public var logits: UnsafeBufferPointer<Float> {
        require(acts != nil, "logits: run forward first")
        let n = batch * seqLen * config.vocabSize
        if logitsBuffer == nil || logitsBuffer!.count < n { logitsBuffer = FloatBuffer(count: n) }
        if !logitsFresh {
            matmulForward(logitsBuffer!.pointer, acts!.lnf, p(.embed), batch * seqLen, config.dim, config.vocabSize, precision: precision)
            logitsFresh = true
        }
        return UnsafeBufferPointer(start: logitsBuffer!.pointer, count: n)
    }

    /// log p(target) per token of the last forward (B*T; 0 where there is no target).
    public var tokenLogProbs: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: acts!.logp, count: batch * seqLen) }

    /// Σ_t mask[b,t] · log p(target[b,t]) for each row b of the last forward (DPO's sequence log-prob).
    public func sequenceLogProbs() -> [Float] {
        let a = acts!
        return (0..<batch).map { b in
            var s: Float = 0
            for t in 0..<seqLen { s += a.mask[b * seqLen + t] * a.logp[b * seqLen + t] }
            return s
        }
    }

    /// Gradient of the mean masked cross-entropy of the last forward, accumulated into `grads`.
    public func backward() {
        setMeanLossGradient()
        backwardLoaded()
    }

    // dlogp = d(mean masked cross-entropy)/d(log p(target)) = -mask / Σmask
    private func setMeanLossGradient() {
        let a = acts!, BT = batch * seqLen
        var w: Float = 0
        for i in 0..<BT { w += a.mask[i] }
        let d = ensureGrads().dlogp
        for i in 0..<BT { d[i] = w > 0 ? -a.mask[i] / w : 0 }
    }

    /// Gradient of an objective J given dJ/d(sequenceLogProbs[b]) for each row (DPO): every
    /// masked token of row b gets upstream gradient g[b] · mask.
    public func backward(sequenceLogProbGrads g: [Float]) {
        require(g.count == batch, "backward: need one gradient per sequence (\(batch))")
        let a = acts!, d = ensureGrads().dlogp
        for b in 0..<batch { for t in 0..<seqLen { let i = b * seqLen + t; d[i] = g[b] * a.mask[i] } }
        backwardLoaded()
    }

    /// Gradient of an objective J given dJ/d(log p(target)) per token (B*T entries).
    public func backward(tokenLogProbGrads g: UnsafeBufferPointer<Float>) {
        require(g.count == batch * seqLen, "backward: need one gradient per token (\(batch * seqLen))")
        ensureGrads().dlogp.update(from: g.baseAddress!, count: g.count)
        backwardLoaded()
    }

    private func ensureGrads() -> ActivationGrads {
        if dacts == nil { dacts = ActivationGrads(config: config, B: batch, T: seqLen) }
        return dacts!
    }

    private func backwardLoaded() {
        let a = acts!, d = dacts!, c = config
        LMHead.backward(dhidden: d.dln, dembed: g(.embed), lse: a.lse, logp: a.logp, dlogp: d.dlogp, hidden: a.lnf,
                        embed: p(.embed), targets: a.targets, chunk: a.headChunk, N: batch * seqLen, C: c.dim, V: c.vocabSize,
                        precision: precision)
        backwardTrunk(downToLayer: 0)
    }

    /// Backward from the final norm's output down to layer `downToLayer` (and the embedding when 0),
    /// given d(final norm output) in the scratch `dacts.dln`. Heads other than the tied LM head
    /// (classification) fill dln and call this.
    func backwardTrunk(downToLayer: Int) {
        BLASThreads.sleepWhenIdle()
        let a = acts!, d = dacts!, c = config
        let B = batch, T = seqLen, BT = B * T, C = c.dim, KV = c.kvDim, F = c.hiddenDim
        d.dres.update(repeating: 0, count: BT * C)
        RMSNorm.backward(dinp: d.dres, dweight: g(.finalNorm), dout: d.dln, inp: a.layerInput(c.layers),
                         weight: p(.finalNorm), rstd: a.rstdf, N: BT, C: C)
        for l in stride(from: c.layers - 1, through: downToLayer, by: -1) {
            let x = a.layerInput(l), L = a.layers[l]
            // MLP branch; d.dres holds d(res3) and becomes d(res2). h and ln2 are rebuilt in free scratch.
            let h = d.dgate, ln2 = d.dattY
            SwiGLU.forward(h, L.gate, L.up, N: BT * F)
            matmulBackward(dinp: d.dh, dw: g(.wdown, l), dout: d.dres, inp: h, w: p(.wdown, l), BT, F, C, precision: precision)
            SwiGLU.backward(dgate: d.dgate, dup: d.dup, dh: d.dh, gate: L.gate, up: L.up, N: BT * F)
            RMSNorm.recompute(ln2, L.res2, p(.mlpNorm, l), rstd: L.rstd2, N: BT, C: C)
            matmulBackward(dinp: d.dln, dw: g(.wgate, l), dout: d.dgate, inp: ln2, w: p(.wgate, l), BT, C, F, precision: precision)
            matmulBackward(dinp: d.dln, dw: g(.wup, l), dout: d.dup, inp: ln2, w: p(.wup, l), BT, C, F, accumulateInput: true, precision: precision)
            RMSNorm.backward(dinp: d.dres, dweight: g(.mlpNorm, l), dout: d.dln, inp: L.res2, weight: p(.mlpNorm, l),
                             rstd: L.rstd2, N: BT, C: C)
            // attention branch; d.dres becomes d(x)
            matmulBackward(dinp: d.dattY, dw: g(.wo, l), dout: d.dres, inp: L.attY, w: p(.wo, l), BT, C, C, precision: precision)
            Attention.backward(dq: d.dq, dk: d.dk, dv: d.dv, datt: d.datt, dout: d.dattY, q: L.q, k: L.k, v: L.v,
                               att: L.att, B: B, T: T, H: c.heads, KVH: c.kvHeads, d: c.headDim, precision: precision)
            parallelRanges(BT, minPerThread: 64) { rows in
                for r in rows {
                    rope.backward(d.dq + r * C, nHeads: c.heads, pos: r % T)
                    rope.backward(d.dk + r * KV, nHeads: c.kvHeads, pos: r % T)
                }
            }
            let ln1 = d.dattY   // free again once attention's backward has read it
            RMSNorm.recompute(ln1, x, p(.attnNorm, l), rstd: L.rstd1, N: BT, C: C)
            matmulBackward(dinp: d.dln, dw: g(.wq, l), dout: d.dq, inp: ln1, w: p(.wq, l), BT, C, C, precision: precision)
            matmulBackward(dinp: d.dln, dw: g(.wk, l), dout: d.dk, inp: ln1, w: p(.wk, l), BT, C, KV, accumulateInput: true, precision: precision)
            matmulBackward(dinp: d.dln, dw: g(.wv, l), dout: d.dv, inp: ln1, w: p(.wv, l), BT, C, KV, accumulateInput: true, precision: precision)
            RMSNorm.backward(dinp: d.dres, dweight: g(.attnNorm, l), dout: d.dln, inp: x, weight: p(.attnNorm, l),
                             rstd: L.rstd1, N: BT, C: C)
        }
        if downToLayer == 0 { Embedding.backward(g(.embed), d.dres, a.tokens, N: BT, C: C) }
    }
}
