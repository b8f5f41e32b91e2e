import CBLAS
import Foundation

/// Causal multi-head attention over a full (B, T) batch, with grouped-query K/V
/// (query head h reads K/V head h / (H / KVH)). Q/K/V projections and RoPE are in Model.swift.
/// Per (batch, head) and block of query rows, one GEMM for QKᵀ and one for PV over the keys the block
/// can see (Gemm.run: sgemm, or bf16 operands with fp32 sums); rows are strided views into (BT, heads*d).
/// The (batch, head) pieces are spread over threads (parallelFor); backward groups the heads that
/// share a K/V head so their dK/dV sums stay on one thread.
enum Attention {
    /// Query rows per block: a block of rows r0..<r1 only needs keys 0..<r1, so blocks skip the causal
    /// upper triangle (4 blocks: 62.5% of the full T×T products) while each sgemm keeps ≥ 16 rows.
    static func blockRows(T: Int) -> Int { max(16, (T / 4 + 15) / 16 * 16) }

    // q (B,T,H,d), k (B,T,KVH,d), v (B,T,KVH,d) -> out (B,T,H,d), att (B,H,T,T) probabilities
    static func forward(out: UnsafeMutablePointer<Float>, att: UnsafeMutablePointer<Float>,
                        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                        B: Int, T: Int, H: Int, KVH: Int, d: Int, precision: Precision = .fp32) {
        let C = H * d, KV = KVH * d, group = H / KVH
        let scale = 1 / Float(d).squareRoot(), R = blockRows(T: T)
        parallelFor(B * H) { bh in
            let b = bh / H, h = bh % H
            let qb = q + b * T * C + h * d
            let kb = k + b * T * KV + (h / group) * d
            let vb = v + b * T * KV + (h / group) * d
            let a = att + (b * H + h) * T * T
            for r0 in stride(from: 0, to: T, by: R) {
                let n = min(R, T - r0), r1 = r0 + n, ab = a + r0 * T
                // a[r0..<r1, 0..<r1] (n, r1) = scale * Q[r0..<r1] (n,d) · K[0..<r1] (r1,d)ᵀ
                Gemm.run(precision, transA: false, transB: true, n, r1, d, alpha: scale,
                         qb + r0 * C, C, kb, KV, beta: 0, ab, T)
                for i in r0..<r1 { softmaxCausalRow(a + i * T, count: i + 1, total: T) }
                // out[r0..<r1] (n,d) = a[r0..<r1, 0..<r1] · V[0..<r1] (r1,d)
                Gemm.run(precision, transA: false, transB: false, n, d, r1, alpha: 1,
                         ab, T, vb, KV, beta: 0, out + b * T * C + r0 * C + h * d, C)
            }
        }
    }

    /// Softmax over the first `count` entries; the masked rest (future positions) become 0.
    @inline(__always)
    static func softmaxCausalRow(_ row: UnsafeMutablePointer<Float>, count: Int, total: Int) {
        let m = VecMath.max(row, count)
        let s = VecMath.scaledExp(row, row, count, shift: m, scale: 1)
        VecMath.scale(row, count, by: 1 / s)
        if count < total { (row + count).update(repeating: 0, count: total - count) }
    }

    // dout (B,T,H,d) -> dq (B,T,H,d), dk, dv (B,T,KVH,d) (all overwritten); datt (B,H,T,T) scratch
    static func backward(dq: UnsafeMutablePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>,
                         datt: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                         q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, att: UnsafePointer<Float>,
                         B: Int, T: Int, H: Int, KVH: Int, d: Int, precision: Precision = .fp32) {
        let C = H * d, KV = KVH * d, group = H / KVH
        let scale = 1 / Float(d).squareRoot(), R = blockRows(T: T)
        dk.update(repeating: 0, count: B * T * KV)
        dv.update(repeating: 0, count: B * T * KV)
        parallelFor(B * KVH) { bg in
            let b = bg / KVH
            for h in (bg % KVH) * group..<((bg % KVH) + 1) * group {
                let kvOff = b * T * KV + (h / group) * d
                let qOff = b * T * C + h * d
                let a = att + (b * H + h) * T * T
                let da = datt + (b * H + h) * T * T
                // per block of query rows r0..<r1, only keys 0..<r1 (the rest of a is 0)
                for r0 in stride(from: 0, to: T, by: R) {
                    let n = min(R, T - r0), r1 = r0 + n, ab = a + r0 * T, dab = da + r0 * T
                    let doutb = dout + qOff + r0 * C
                    // da (n, r1) = dout (n,d) · V[0..<r1]ᵀ
                    Gemm.run(precision, transA: false, transB: true, n, r1, d, alpha: 1,
                             doutb, C, v + kvOff, KV, beta: 0, dab, T)
                    // dV[0..<r1] (r1,d) += a[r0..<r1, 0..<r1]ᵀ · dout (n,d)
                    Gemm.run(precision, transA: true, transB: false, r1, d, n, alpha: 1,
                             ab, T, doutb, C, beta: 1, dv + kvOff, KV)
                    // softmax backward, in place: ds = a * (da - Σ a·da) over 0...i, 0 after
                    for i in r0..<r1 {
                        let ar = a + i * T, dr = da + i * T
                        let dot = VecMath.dot(ar, dr, i + 1)
                        for j in 0...i { dr[j] = ar[j] * (dr[j] - dot) }
                        if i + 1 < r1 { (dr + i + 1).update(repeating: 0, count: r1 - i - 1) }   // future keys the products below read
                    }
                    // dQ[r0..<r1] (n,d) = scale * ds (n, r1) · K[0..<r1];  dK[0..<r1] += scale * dsᵀ · Q[r0..<r1]
                    Gemm.run(precision, transA: false, transB: false, n, d, r1, alpha: scale,
                             dab, T, k + kvOff, KV, beta: 0, dq + qOff + r0 * C, C)
                    Gemm.run(precision, transA: true, transB: false, r1, d, n, alpha: scale,
                             dab, T, q + qOff + r0 * C, C, beta: 1, dk + kvOff, KV)
                }
            }
        }
    }
}
