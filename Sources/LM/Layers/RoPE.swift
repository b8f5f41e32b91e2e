import Foundation

/// Rotary position embedding in the Hugging Face half-split layout (rotate_half):
/// for i < d/2, (x_i, x_{i+d/2}) is rotated by angle pos * theta^(-2i/d).
/// The decoder (LMDecode) rotates each query and key head of every step with `forward`, inlined as when both
/// were one module. So the type is `public` with only `package` members: Swift 6.3 serializes no member of a
/// `package` type (swiftlang/swift#70100), so their `@inlinable` would not reach another module.
public struct RoPE {
    @usableFromInline let headDim: Int
    @usableFromInline let cos: [Float]   // (maxSeqLen, d/2)
    @usableFromInline let sin: [Float]   // (maxSeqLen, d/2)

    init(headDim d: Int, maxSeqLen: Int, theta: Float) {
        headDim = d
        let half = d / 2
        var c = [Float](repeating: 0, count: maxSeqLen * half), s = c
        for i in 0..<half {
            // Same float32 steps as transformers' LlamaRotaryEmbedding, so angles match bit for bit-ish.
            let invFreq: Float = 1 / Foundation.pow(theta, Float(2 * i) / Float(d))
            for p in 0..<maxSeqLen {
                let a = Float(p) * invFreq
                c[p * half + i] = Foundation.cos(a); s[p * half + i] = Foundation.sin(a)
            }
        }
        cos = c; sin = s
    }

    // x (nHeads, d) of one token at position pos, rotated in place
    @inlinable @inline(__always)
    package func forward(_ x: UnsafeMutablePointer<Float>, nHeads: Int, pos: Int) { rotate(x, nHeads: nHeads, pos: pos, sign: 1) }

    // dx (nHeads, d): gradient through the rotation = rotation by -angle, in place
    @inline(__always)
    func backward(_ dx: UnsafeMutablePointer<Float>, nHeads: Int, pos: Int) { rotate(dx, nHeads: nHeads, pos: pos, sign: -1) }

    /// Rotates each pair by sign · angle (sign ±1: x·(−s) is −(x·s) exactly, so both directions are bit-for-bit
    /// the two loops they replace).
    @inlinable @inline(__always)
    func rotate(_ x: UnsafeMutablePointer<Float>, nHeads: Int, pos: Int, sign: Float) {
        let half = headDim / 2
        cos.withUnsafeBufferPointer { cb in sin.withUnsafeBufferPointer { sb in
            let c = cb.baseAddress! + pos * half, s = sb.baseAddress! + pos * half
            for h in 0..<nHeads {
                let a = x + h * headDim, b = a + half
                for i in 0..<half {
                    let x1 = a[i], x2 = b[i], si = sign * s[i]
                    a[i] = x1 * c[i] - x2 * si
                    b[i] = x2 * c[i] + x1 * si
                }
            }
        } }
    }
}
