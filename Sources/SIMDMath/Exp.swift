/// e^x lane by lane, for Float lanes of any width `ExpLanes` serves: range reduction to 2^n · e^r,
/// |r| ≤ ln2/2, and a degree-6 polynomial for e^r (the classic Cephes expf coefficients); within 2 ulp
/// of expf over [-87.3, 88.7], to which x is clamped (NaN stays NaN). One definition for LM's 4-lane
/// kernels and the wide decoding kernels' 16 lanes, so each element is computed by the same operations
/// in the same order whichever runs it.
///
/// Transparent and generic: each caller gets it inlined and specialised for its width and compiled with
/// its own CPU flags (LMKernels for AVX-512, LMKernelsV3 for AVX2). Its arithmetic is the stdlib's
/// generic lane loops, which vectorise once the width is known: the same machine code as the two
/// hand-written copies it replaced, on all three flag sets.
@_transparent
public func simdExp<V: ExpLanes>(_ x0: V) -> V {
    let x = x0.clampedLanes(-87.3, 88.7)
    // n = round(x·log2 e) by the 1.5·2^23 trick: the sum's low mantissa bits hold n
    let t = x * 1.442_695_04 + 12_582_912
    let n = t - 12_582_912
    let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p = V(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 0.166_666_65
    p = p * r + 0.500_000_01
    p = p * (r * r) + r + 1
    let ni = unsafeBitCast(t, to: V.MaskStorage.self) &- 0x4B40_0000    // n as an integer (Int32 lanes)
    return p * unsafeBitCast((ni &+ 127) &<< 23, to: V.self)             // · 2^n
}

/// The widths `simdExp` serves. The clamp is the one step each width writes itself: the stdlib's generic
/// compare-and-select lane loops stay scalar, a branch per lane (exp ran 3–40× slower so in a
/// micro-benchmark), while its concrete comparisons and a per-lane max/min compile to vector instructions.
public protocol ExpLanes: SIMD where Scalar == Float, MaskStorage.Scalar == Int32 {
    /// Each lane clamped to [lo, hi]; a NaN lane stays NaN.
    func clampedLanes(_ lo: Float, _ hi: Float) -> Self
}

extension SIMD4: ExpLanes where Scalar == Float {
    /// Lane by lane against vectors of the bounds: maxps/minps. In the baseline x86-64 build scalar bounds
    /// here left branches per lane, and masks a compare and blend (exp 1.35× and 1.06× slower).
    @inlinable @inline(__always)
    public func clampedLanes(_ lo: Float, _ hi: Float) -> Self {
        let l = Self(repeating: lo), h = Self(repeating: hi)
        let a = Self(Swift.max(self[0], l[0]), Swift.max(self[1], l[1]), Swift.max(self[2], l[2]), Swift.max(self[3], l[3]))
        return Self(Swift.min(a[0], h[0]), Swift.min(a[1], h[1]), Swift.min(a[2], h[2]), Swift.min(a[3], h[3]))
    }
}

extension SIMD16: ExpLanes where Scalar == Float {
    /// SIMD16<Float>'s own comparisons give one mask each (a k-register compare in the AVX-512 build).
    @_transparent
    public func clampedLanes(_ lo: Float, _ hi: Float) -> Self {
        replacing(with: lo, where: self .< lo).replacing(with: hi, where: self .> hi)
    }
}
