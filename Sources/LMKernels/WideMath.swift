import SIMDMath

// 16-lane building blocks of the wide decoding kernels: a Lanes16 is one zmm register in the
// AVX-512 build (LMKernels), two ymm registers in the AVX2 build (LMKernelsV3).

public typealias Lanes16 = SIMD16<Float>

@inline(__always) func load16(_ p: UnsafePointer<Float>) -> Lanes16 { UnsafeRawPointer(p).loadUnaligned(as: Lanes16.self) }
@inline(__always) func store16(_ v: Lanes16, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes16.self)
}

/// Sum of the 16 lanes as a tree (the stdlib's `sum()` adds them one after the other).
@inline(__always) func sum16(_ a: Lanes16) -> Float {
    let h = a.lowHalf + a.highHalf, q = h.lowHalf + h.highHalf, p = q.lowHalf + q.highHalf
    return p[0] + p[1]
}

@inline(__always) func max16(_ a: Lanes16, _ b: Lanes16) -> Lanes16 { a.replacing(with: b, where: b .> a) }

/// e^x, 16 lanes: SIMDMath's, the polynomial LM's VecMath.exp runs on 4, so each element is the same.
@_transparent func exp16(_ x: Lanes16) -> Lanes16 { simdExp(x) }
