import Foundation

/// Cross-entropy with a per-token weight mask, row by row over a chunk of logits (LMHead.swift
/// runs the chunks; the full (N, V) logits never exist).
///
/// The forward keeps log p(target) per token; the backward takes the upstream gradient
/// of the objective with respect to each token's log p(target) (`dlogp`), so the same
/// code serves mean cross-entropy (dlogp = -mask / Σmask) and DPO (dlogp = g_seq * mask).
enum Loss {
    // logits (N, V), targets (N) -> lse (N), logp (N) (0 where there is no target)
    static func forward(lse: UnsafeMutablePointer<Float>, logp: UnsafeMutablePointer<Float>,
                        logits: UnsafePointer<Float>, targets: UnsafePointer<Int32>, N: Int, V: Int) {
        parallelFor(N) { i in
            let row = logits + i * V
            let m = VecMath.max(row, V)
            let l = m + logf(VecMath.sumExp(row, V, shift: m))
            lse[i] = l
            let t = Int(targets[i])
            logp[i] = t >= 0 && t < V ? row[t] - l : 0
        }
    }

    // logits (N, V), targets (N), dlogp (N) -> lse (N), logp (N) as forward, and the logits
    // overwritten in place by their gradient dlogp · (onehot(target) - softmax): one chunk's
    // forward and backward while its rows are still in cache.
    static func backward(logits: UnsafeMutablePointer<Float>, lse: UnsafeMutablePointer<Float>,
                         logp: UnsafeMutablePointer<Float>, dlogp: UnsafePointer<Float>,
                         targets: UnsafePointer<Int32>, N: Int, V: Int) {
        parallelFor(N) { i in
            let row = logits + i * V
            let m = VecMath.max(row, V)
            let l = m + logf(VecMath.sumExp(row, V, shift: m))
            lse[i] = l
            let t = Int(targets[i]), valid = t >= 0 && t < V
            logp[i] = valid ? row[t] - l : 0
            let g = dlogp[i]
            if g == 0 { row.update(repeating: 0, count: V); return }
            VecMath.scaledExp(row, row, V, shift: l, scale: -g)
            if valid { row[t] += g }
        }
    }

    // logp (N), mask (N) -> Σ mask·(-logp) / Σ mask, summed in order: the same for any thread count
    static func mean(logp: UnsafePointer<Float>, mask: UnsafePointer<Float>, N: Int) -> Float {
        var total: Double = 0, weight: Double = 0
        for i in 0..<N where mask[i] != 0 { total -= Double(mask[i] * logp[i]); weight += Double(mask[i]) }
        return weight > 0 ? Float(total / weight) : 0
    }
}
