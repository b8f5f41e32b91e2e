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

/// e^x, 16 lanes: LM's VecMath.exp (range reduction to 2^n · e^r, Cephes polynomial; within 2 ulp of
/// expf), the same operations in the same order.
@_transparent func exp16(_ x0: Lanes16) -> Lanes16 {
    let x = x0.replacing(with: -87.3, where: x0 .< -87.3).replacing(with: 88.7, where: x0 .> 88.7)
    let t = x * 1.442_695_04 + 12_582_912
    let n = t - 12_582_912
    let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p = Lanes16(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 0.166_666_65
    p = p * r + 0.500_000_01
    p = p * (r * r) + r + 1
    let ni = unsafeBitCast(t, to: SIMD16<Int32>.self) &- 0x4B40_0000     // n as an integer
    return p * unsafeBitCast((ni &+ 127) &<< 23, to: Lanes16.self)       // · 2^n
}
