import Foundation

/// The gated activation of the Llama MLP: h = silu(gate) * up. The three projections
/// around it are plain matmuls in Model.swift.
enum SwiGLU {
    // gate (N), up (N) -> h (N)
    static func forward(_ h: UnsafeMutablePointer<Float>, _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>, N: Int) {
        for i in 0..<N {
            let g = gate[i]
            h[i] = g / (1 + expf(-g)) * up[i]
        }
    }

    // dh (N) -> dgate (N), dup (N) (overwritten)
    // silu'(g) = σ(g) (1 + g (1 - σ(g)))
    static func backward(dgate: UnsafeMutablePointer<Float>, dup: UnsafeMutablePointer<Float>, dh: UnsafePointer<Float>,
                         gate: UnsafePointer<Float>, up: UnsafePointer<Float>, N: Int) {
        for i in 0..<N {
            let g = gate[i], sg = 1 / (1 + expf(-g))
            dup[i] = dh[i] * g * sg
            dgate[i] = dh[i] * up[i] * sg * (1 + g * (1 - sg))
        }
    }
}
