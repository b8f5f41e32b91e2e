import Foundation

/// The gated activation of the Llama MLP: h = silu(gate) * up. The three projections
/// around it are plain matmuls in Model.swift. SIMD (VecMath.exp), split over threads.
package enum SwiGLU {
    typealias V4 = VecMath.V4

    // gate (N), up (N) -> h (N); h may be gate
    package static func forward(_ h: UnsafeMutablePointer<Float>, _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>, N: Int) {
        parallelRanges(N) { forward(h, gate, up, range: $0) }
    }

    /// h[i] = silu(gate[i]) · up[i] for i in range (h may be gate): the one SwiGLU kernel, threaded above
    /// and called by the decoder's one-token step on its pool's rows. The tail takes the same arithmetic
    /// lane by lane, so each element is the same in any range and any split.
    @inline(__always)
    package static func forward(_ h: UnsafeMutablePointer<Float>, _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>,
                                range: Range<Int>) {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let g = VecMath.load(gate + i)
            VecMath.store(g / (1 + VecMath.exp(-g)) * VecMath.load(up + i), h + i)
            i += 4
        }
        while i < range.upperBound {
            let g = V4(repeating: gate[i])
            h[i] = (g / (1 + VecMath.exp(-g)) * V4(repeating: up[i]))[0]
            i += 1
        }
    }

    // dh (N) -> dgate (N), dup (N) (overwritten)
    // silu'(g) = σ(g) (1 + g (1 - σ(g)))
    static func backward(dgate: UnsafeMutablePointer<Float>, dup: UnsafeMutablePointer<Float>, dh: UnsafePointer<Float>,
                         gate: UnsafePointer<Float>, up: UnsafePointer<Float>, N: Int) {
        parallelRanges(N) { r in
            var i = r.lowerBound
            while i + 4 <= r.upperBound {
                let g = VecMath.load(gate + i), d = VecMath.load(dh + i)
                let sg = 1 / (1 + VecMath.exp(-g))
                VecMath.store(d * g * sg, dup + i)
                VecMath.store(d * VecMath.load(up + i) * sg * (1 + g * (1 - sg)), dgate + i)
                i += 4
            }
            while i < r.upperBound {
                let g = gate[i], sg = 1 / (1 + expf(-g))
                dup[i] = dh[i] * g * sg
                dgate[i] = dh[i] * up[i] * sg * (1 + g * (1 - sg))
                i += 1
            }
        }
    }
}
