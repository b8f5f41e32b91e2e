import Foundation

// Hooks for heads other than the tied LM head (classification fine-tuning, filings): read the
// final normed hidden states of the last forward and backpropagate a gradient given on them
// through `backwardTrunk` (Model.swift), the same trunk the LM head's backward uses.

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
        let BT = batch * seqLen, C = config.dim
        require(acts != nil, "backward: run forward first")
        require(g.count == BT * C, "backward: need (B*T*dim) = \(BT * C) gradients on the final hidden states")
        require(downToLayer >= 0 && downToLayer <= config.layers, "backward: downToLayer out of range")
        if dacts == nil { dacts = ActivationGrads(config: config, B: batch, T: seqLen) }
        dacts!.dln.update(from: g.baseAddress!, count: BT * C)
        backwardTrunk(downToLayer: downToLayer)
    }
}
