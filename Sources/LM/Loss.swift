import Foundation

/// Cross-entropy with a per-token weight mask.
///
/// The forward keeps log p(target) per token; the backward takes the upstream gradient
/// of the objective with respect to each token's log p(target) (`dlogp`), so the same
/// code serves mean cross-entropy (dlogp = -mask / Σmask) and DPO (dlogp = g_seq * mask).
enum Loss {
    // logits (N, V), targets (N), mask (N) -> lse (N), logp (N); returns Σ mask·(-logp) / Σ mask
    static func forward(lse: UnsafeMutablePointer<Float>, logp: UnsafeMutablePointer<Float>,
                        logits: UnsafePointer<Float>, targets: UnsafePointer<Int32>, mask: UnsafePointer<Float>,
                        N: Int, V: Int) -> Float {
        parallelFor(N) { i in
            let row = logits + i * V
            let m = VecMath.max(row, V)
            let l = m + logf(VecMath.sumExp(row, V, shift: m))
            lse[i] = l
            let t = Int(targets[i])
            logp[i] = t >= 0 && t < V ? row[t] - l : 0
        }
        var total: Double = 0, weight: Double = 0   // summed in order: the same result for any thread count
        for i in 0..<N where mask[i] != 0 { total -= Double(mask[i] * logp[i]); weight += Double(mask[i]) }
        return weight > 0 ? Float(total / weight) : 0
    }

    // dlogp (N) -> dlogits (N, V) (overwritten): dlogits = dlogp · (onehot(target) - softmax)
    static func backward(dlogits: UnsafeMutablePointer<Float>, dlogp: UnsafePointer<Float>,
                         logits: UnsafePointer<Float>, lse: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
                         N: Int, V: Int) {
        parallelFor(N) { i in
            let d = dlogits + i * V
            let g = dlogp[i]
            if g == 0 { d.update(repeating: 0, count: V); return }
            let row = logits + i * V, l = lse[i]
            VecMath.scaledExp(d, row, V, shift: l, scale: -g)
            let t = Int(targets[i])
            if t >= 0 && t < V { d[t] += g }
        }
    }
}
