import Foundation

/// RMSNorm as Hugging Face Llama: y = x * rsqrt(mean(x²) + eps) * weight.
enum RMSNorm {
    // inp (N, C), weight (C) -> out (N, C), rstd (N)
    static func forward(_ out: UnsafeMutablePointer<Float>, _ rstd: UnsafeMutablePointer<Float>?,
                        _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, N: Int, C: Int, eps: Float) {
        for i in 0..<N {
            let x = inp + i * C, y = out + i * C
            var ss: Float = 0
            for j in 0..<C { ss += x[j] * x[j] }
            let r = 1 / (ss / Float(C) + eps).squareRoot()
            rstd?[i] = r
            for j in 0..<C { y[j] = x[j] * r * weight[j] }
        }
    }

    // dout (N, C) -> dinp (N, C) accumulated (+=), dweight (C) accumulated
    // dx_j = r * (g_j w_j - x_j r² mean(g w x))
    static func backward(dinp: UnsafeMutablePointer<Float>, dweight: UnsafeMutablePointer<Float>,
                         dout: UnsafePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                         rstd: UnsafePointer<Float>, N: Int, C: Int) {
        for i in 0..<N {
            let x = inp + i * C, g = dout + i * C, dx = dinp + i * C
            let r = rstd[i]
            var dot: Float = 0
            for j in 0..<C { dot += g[j] * weight[j] * x[j] }
            let k = r * r * r * dot / Float(C)
            for j in 0..<C {
                dx[j] += r * g[j] * weight[j] - k * x[j]
                dweight[j] += g[j] * x[j] * r
            }
        }
    }
}
