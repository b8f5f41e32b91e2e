import Foundation

// Hooks for heads other than the tied LM head (classification fine-tuning, filings):
// read the final normed hidden states of the last forward and backpropagate a gradient given on
// them. Added as an extension so Model.swift is unchanged; the layer loop below mirrors
// `backwardLoaded` in Model.swift (keep the two in step; a refactor could make that function call
// this one after the LM head).

extension Model {
    /// Final RMSNorm output of the last forward, (B, T, C) row-major: what the LM head reads.
    public var finalHidden: UnsafeBufferPointer<Float> {
        require(acts != nil, "finalHidden: run forward first")
        return UnsafeBufferPointer(start: acts!.lnf, count: batch * seqLen * config.dim)
    }

    /// Accumulates into `grads` the gradient of an objective J given dJ/d(finalHidden) (B*T*C entries).
    /// Only layers `downToLayer...` (and the final norm) are backpropagated: lower layers and the
    /// embedding get no gradient, so a fine-tune of the last blocks costs only their backward.
    public func backward(finalHiddenGrads g: UnsafeBufferPointer<Float>, downToLayer: Int = 0) {
        let c = config
        let B = batch, T = seqLen, BT = B * T, C = c.dim, KV = c.kvDim, F = c.hiddenDim
        require(acts != nil, "backward: run forward first")
        require(g.count == BT * C, "backward: need (B*T*dim) = \(BT * C) gradients on the final hidden states")
        require(downToLayer >= 0 && downToLayer <= c.layers, "backward: downToLayer out of range")
        if dacts == nil { dacts = ActivationGrads(config: c, B: B, T: T) }
        let a = acts!, d = dacts!
        d.dln.update(from: g.baseAddress!, count: BT * C)
        d.dres.update(repeating: 0, count: BT * C)
        RMSNorm.backward(dinp: d.dres, dweight: self.g(.finalNorm), dout: d.dln, inp: a.layerInput(c.layers),
                         weight: p(.finalNorm), rstd: a.rstdf, N: BT, C: C)
        for l in stride(from: c.layers - 1, through: downToLayer, by: -1) {
            let x = a.layerInput(l), L = a.layers[l]
            matmulBackward(dinp: d.dh, dw: self.g(.wdown, l), dout: d.dres, inp: L.h, w: p(.wdown, l), BT, F, C)
            SwiGLU.backward(dgate: d.dgate, dup: d.dup, dh: d.dh, gate: L.gate, up: L.up, N: BT * F)
            matmulBackward(dinp: d.dln, dw: self.g(.wgate, l), dout: d.dgate, inp: L.ln2, w: p(.wgate, l), BT, C, F)
            matmulBackward(dinp: d.dln, dw: self.g(.wup, l), dout: d.dup, inp: L.ln2, w: p(.wup, l), BT, C, F, accumulateInput: true)
            RMSNorm.backward(dinp: d.dres, dweight: self.g(.mlpNorm, l), dout: d.dln, inp: L.res2, weight: p(.mlpNorm, l),
                             rstd: L.rstd2, N: BT, C: C)
            matmulBackward(dinp: d.dattY, dw: self.g(.wo, l), dout: d.dres, inp: L.attY, w: p(.wo, l), BT, C, C)
            Attention.backward(dq: d.dq, dk: d.dk, dv: d.dv, datt: d.datt, dout: d.dattY, q: L.q, k: L.k, v: L.v,
                               att: L.att, B: B, T: T, H: c.heads, KVH: c.kvHeads, d: c.headDim)
            for r in 0..<BT {
                rope.backward(d.dq + r * C, nHeads: c.heads, pos: r % T)
                rope.backward(d.dk + r * KV, nHeads: c.kvHeads, pos: r % T)
            }
            matmulBackward(dinp: d.dln, dw: self.g(.wq, l), dout: d.dq, inp: L.ln1, w: p(.wq, l), BT, C, C)
            matmulBackward(dinp: d.dln, dw: self.g(.wk, l), dout: d.dk, inp: L.ln1, w: p(.wk, l), BT, C, KV, accumulateInput: true)
            matmulBackward(dinp: d.dln, dw: self.g(.wv, l), dout: d.dv, inp: L.ln1, w: p(.wv, l), BT, C, KV, accumulateInput: true)
            RMSNorm.backward(dinp: d.dres, dweight: self.g(.attnNorm, l), dout: d.dln, inp: x, weight: p(.attnNorm, l),
                             rstd: L.rstd1, N: BT, C: C)
        }
        if downToLayer == 0 { Embedding.backward(self.g(.embed), d.dres, a.tokens, N: BT, C: C) }
    }
}
