import Foundation

/// RMSNorm as Hugging Face Llama: y = x * rsqrt(mean(x²) + eps) * weight.
/// SIMD rows, split over threads by rows (the weight gradient by columns, so each of its sums runs
/// over the rows in order and results do not depend on the thread count).
package enum RMSNorm {
    typealias V4 = VecMath.V4
    static let minRowsPerThread = 64   // below this (decoding) a thread hand-off costs more than the rows

    // inp (N, C), weight (C) -> out (N, C), rstd (N); out may be inp
    package static func forward(_ out: UnsafeMutablePointer<Float>, _ rstd: UnsafeMutablePointer<Float>?,
                        _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, N: Int, C: Int, eps: Float) {
        parallelRanges(N, minPerThread: minRowsPerThread) { rows in
            for i in rows {
                let x = inp + i * C
                let r = 1 / (VecMath.dot(x, x, C) / Float(C) + eps).squareRoot()
                rstd?[i] = r
                scaleRow(out + i * C, x, weight, r, C)
            }
        }
    }

    /// The forward output again from the kept rstd, bit-identical to it: training keeps only rstd
    /// per layer and rebuilds the normed rows in the backward (2·B·T·C floats a layer less memory).
    static func recompute(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
                          rstd: UnsafePointer<Float>, N: Int, C: Int) {
        parallelRanges(N, minPerThread: minRowsPerThread) { rows in
            for i in rows { scaleRow(out + i * C, inp + i * C, weight, rstd[i], C) }
        }
    }

    // y[j] = x[j] * r * w[j]; y may be x
    @inline(__always)
    static func scaleRow(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ r: Float, _ C: Int) {
        var j = 0
        while j + 4 <= C { VecMath.store(VecMath.load(x + j) * r * VecMath.load(w + j), y + j); j += 4 }
        while j < C { y[j] = x[j] * r * w[j]; j += 1 }
    }

    // dout (N, C) -> dinp (N, C) accumulated (+=), dweight (C) accumulated
    // dx_j = r * (g_j w_j - x_j r² mean(g w x))
    static func backward(dinp: UnsafeMutablePointer<Float>, dweight: UnsafeMutablePointer<Float>,
                         dout: UnsafePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                         rstd: UnsafePointer<Float>, N: Int, C: Int) {
        parallelRanges(N, minPerThread: minRowsPerThread) { rows in
            for i in rows {
                let x = inp + i * C, g = dout + i * C, dx = dinp + i * C
                let r = rstd[i]
                var acc = V4(repeating: 0), j = 0
                while j + 4 <= C { acc += VecMath.load(g + j) * VecMath.load(weight + j) * VecMath.load(x + j); j += 4 }
                var dot = acc.sum()
                while j < C { dot += g[j] * weight[j] * x[j]; j += 1 }
                let k = r * r * r * dot / Float(C)
                j = 0
                while j + 4 <= C {
                    let v = VecMath.load(dx + j) + r * VecMath.load(g + j) * VecMath.load(weight + j) - k * VecMath.load(x + j)
                    VecMath.store(v, dx + j); j += 4
                }
                while j < C { dx[j] += r * g[j] * weight[j] - k * x[j]; j += 1 }
            }
        }
        parallelRanges(C, minPerThread: 64) { cols in
            for i in 0..<N {
                let x = inp + i * C, g = dout + i * C, r = rstd[i]
                var j = cols.lowerBound
                while j + 4 <= cols.upperBound {
                    VecMath.store(VecMath.load(dweight + j) + VecMath.load(g + j) * VecMath.load(x + j) * r, dweight + j); j += 4
                }
                while j < cols.upperBound { dweight[j] += g[j] * x[j] * r; j += 1 }
            }
        }
    }
}
