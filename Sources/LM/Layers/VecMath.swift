import Foundation
import SIMDMath

/// SIMD building blocks of the non-GEMM kernels (loss, softmax, SwiGLU, AdamW): 4 lanes at a
/// time (the baseline x86-64 vector width Swift compiles for; wider types compile to slower code
/// here) with a scalar tail. `exp` is SIMDMath's polynomial (within 2 ulp of expf over the range used
/// here, no libm call per element), the one the wide decoding kernels run on 16 lanes.
enum VecMath {
    typealias V4 = SIMD4<Float>

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V4 { UnsafeRawPointer(p).loadUnaligned(as: V4.self) }
    @inline(__always) static func store(_ v: V4, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: V4.self) }

    // Lane by lane: the stdlib's pointwiseMin/Max are specialised but not inlined (a call per vector,
    // 3% of a training step); these compile to minps/maxps.
    @inline(__always) static func vmax(_ a: V4, _ b: V4) -> V4 {
        V4(Swift.max(a[0], b[0]), Swift.max(a[1], b[1]), Swift.max(a[2], b[2]), Swift.max(a[3], b[3]))
    }
    @inline(__always) static func vmin(_ a: V4, _ b: V4) -> V4 {
        V4(Swift.min(a[0], b[0]), Swift.min(a[1], b[1]), Swift.min(a[2], b[2]), Swift.min(a[3], b[3]))
    }

    @inline(__always) static func exp(_ x: V4) -> V4 { simdExp(x) }

    /// Largest of p[0..<n].
    static func max(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var i = 0, m = -Float.infinity
        if n >= 4 {
            var v = load(p); i = 4
            while i + 4 <= n { v = vmax(v, load(p + i)); i += 4 }
            m = v.max()
        }
        while i < n { m = Swift.max(m, p[i]); i += 1 }
        return m
    }

    /// Σ exp(p[j] - shift) over j < n.
    static func sumExp(_ p: UnsafePointer<Float>, _ n: Int, shift: Float) -> Float {
        var acc = V4(repeating: 0), i = 0
        while i + 4 <= n { acc += exp(load(p + i) - shift); i += 4 }
        var s = acc.sum()
        while i < n { s += expf(p[i] - shift); i += 1 }
        return s
    }

    /// dst[j] = scale · exp(src[j] - shift); returns Σ exp(src[j] - shift). dst may be src.
    @discardableResult
    static func scaledExp(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ n: Int,
                          shift: Float, scale: Float) -> Float {
        var acc = V4(repeating: 0), i = 0
        while i + 4 <= n { let e = exp(load(src + i) - shift); acc += e; store(e * scale, dst + i); i += 4 }
        var s = acc.sum()
        while i < n { let e = expf(src[i] - shift); s += e; dst[i] = scale * e; i += 1 }
        return s
    }

    /// p[0..<n] *= a
    static func scale(_ p: UnsafeMutablePointer<Float>, _ n: Int, by a: Float) {
        var i = 0
        while i + 4 <= n { store(load(p + i) * a, p + i); i += 4 }
        while i < n { p[i] *= a; i += 1 }
    }

    /// Σ a[j]·b[j]
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = V4(repeating: 0), i = 0
        while i + 4 <= n { acc += load(a + i) * load(b + i); i += 4 }
        var s = acc.sum()
        while i < n { s += a[i] * b[i]; i += 1 }
        return s
    }
}
