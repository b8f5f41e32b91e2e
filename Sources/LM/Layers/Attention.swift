import CBLAS
import Foundation

/// Causal multi-head attention over a full (B, T) batch, with grouped-query K/V
/// (query head h reads K/V head h / (H / KVH)). Q/K/V projections and RoPE are in Model.swift.
/// One sgemm per (batch, head) for QKᵀ and for PV; rows are strided views into (BT, heads*d).
/// The (batch, head) pieces are spread over threads (parallelFor); backward groups the heads that
/// share a K/V head so their dK/dV sums stay on one thread.
enum Attention {
    // q (B,T,H,d), k (B,T,KVH,d), v (B,T,KVH,d) -> out (B,T,H,d), att (B,H,T,T) probabilities
    static func forward(out: UnsafeMutablePointer<Float>, att: UnsafeMutablePointer<Float>,
                        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                        B: Int, T: Int, H: Int, KVH: Int, d: Int) {
        let C = H * d, KV = KVH * d, group = H / KVH
        let scale = 1 / Float(d).squareRoot()
        parallelFor(B * H) { bh in
                let b = bh / H, h = bh % H
                let qb = q + b * T * C + h * d
                let kb = k + b * T * KV + (h / group) * d
                let vb = v + b * T * KV + (h / group) * d
                let a = att + (b * H + h) * T * T
                // a (T,T) = scale * Q (T,d) · K (T,d)ᵀ
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(T), Int32(T), Int32(d),
                            scale, qb, Int32(C), kb, Int32(KV), 0, a, Int32(T))
                for i in 0..<T { softmaxCausalRow(a + i * T, count: i + 1, total: T) }
                // out (T,d) = a (T,T) · V (T,d)
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(T), Int32(d), Int32(T),
                            1, a, Int32(T), vb, Int32(KV), 0, out + b * T * C + h * d, Int32(C))
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
                         B: Int, T: Int, H: Int, KVH: Int, d: Int) {
        let C = H * d, KV = KVH * d, group = H / KVH
        let scale = 1 / Float(d).squareRoot()
        dk.update(repeating: 0, count: B * T * KV)
        dv.update(repeating: 0, count: B * T * KV)
        parallelFor(B * KVH) { bg in
            let b = bg / KVH
            for h in (bg % KVH) * group..<((bg % KVH) + 1) * group {
                let kvOff = b * T * KV + (h / group) * d
                let qOff = b * T * C + h * d
                let a = att + (b * H + h) * T * T
                let da = datt + (b * H + h) * T * T
                // da (T,T) = dout (T,d) · V (T,d)ᵀ
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(T), Int32(T), Int32(d),
                            1, dout + qOff, Int32(C), v + kvOff, Int32(KV), 0, da, Int32(T))
                // dV (T,d) += aᵀ (T,T) · dout (T,d)
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(T), Int32(d), Int32(T),
                            1, a, Int32(T), dout + qOff, Int32(C), 1, dv + kvOff, Int32(KV))
                // softmax backward, in place: ds = a * (da - Σ a·da); future entries are 0 since a is 0 there
                for i in 0..<T {
                    let ar = a + i * T, dr = da + i * T
                    let dot = VecMath.dot(ar, dr, i + 1)
                    for j in 0...i { dr[j] = ar[j] * (dr[j] - dot) }
                    if i + 1 < T { (dr + i + 1).update(repeating: 0, count: T - i - 1) }
                }
                // dQ (T,d) = scale * ds (T,T) · K (T,d);  dK (T,d) += scale * dsᵀ · Q
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(T), Int32(d), Int32(T),
                            scale, da, Int32(T), k + kvOff, Int32(KV), 0, dq + qOff, Int32(C))
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(T), Int32(d), Int32(T),
                            scale, da, Int32(T), q + qOff, Int32(C), 1, dk + kvOff, Int32(KV))
            }
        }
    }
}
