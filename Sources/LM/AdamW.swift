import Foundation

/// AdamW with decoupled weight decay on matrices only, global-norm gradient clipping, and the
/// exact update order of torch.optim.AdamW + torch.nn.utils.clip_grad_norm_ (the golden test
/// replays 10 steps of it).
public final class AdamW: @unchecked Sendable {
    public struct Options: Sendable, Equatable {
        public var beta1: Float = 0.9
        public var beta2: Float = 0.95
        public var eps: Float = 1e-8
        public var weightDecay: Float = 0.1
        /// Global L2 norm the gradients are scaled down to; 0 or less disables clipping.
        public var gradClip: Float = 1.0
        public init(beta1: Float = 0.9, beta2: Float = 0.95, eps: Float = 1e-8, weightDecay: Float = 0.1, gradClip: Float = 1.0) {
            self.beta1 = beta1; self.beta2 = beta2; self.eps = eps; self.weightDecay = weightDecay; self.gradClip = gradClip
        }
    }

    public var options: Options
    public let m: FloatBuffer
    public let v: FloatBuffer
    /// Number of updates taken (bias correction uses step after increment).
    public var step: Int = 0
    /// (offset, count, decays) ranges of the parameter buffer
    private let ranges: [(Int, Int, Bool)]

    public init(model: Model, options: Options = Options()) {
        self.options = options
        m = FloatBuffer(count: model.parameterCount)
        v = FloatBuffer(count: model.parameterCount)
        ranges = model.layout.tensors.map { ($0.offset, $0.shape.reduce(1, *), ParameterLayout.isMatrix($0.kind)) }
    }

    /// Global L2 norm of the model's gradients.
    public static func gradNorm(_ model: Model) -> Float { gradNorm(model.grads.pointer, model.grads.count) }

    static func gradNorm(_ g: UnsafeMutablePointer<Float>, _ n: Int) -> Float {
        var s: Double = 0
        for i in 0..<n { s += Double(g[i]) * Double(g[i]) }
        return Float(s.squareRoot())
    }

    /// Clips the gradients, then takes one step at learning rate `lr`. Returns the gradient norm before clipping.
    @discardableResult
    public func update(_ model: Model, lr: Float) -> Float {
        step += 1
        return AdamW.step(params: model.params.pointer, grads: model.grads.pointer, m: m.pointer, v: v.pointer,
                          count: model.grads.count, ranges: ranges, options: options, step: step, lr: lr)
    }

    /// One clipped AdamW step over flat buffers (`step` counts from 1); weight decay only on the
    /// `(offset, count, decays)` ranges that decay. Shared by the model's and the LoRA adapters' optimizers.
    static func step(params p: UnsafeMutablePointer<Float>, grads g: UnsafeMutablePointer<Float>,
                     m mp: UnsafeMutablePointer<Float>, v vp: UnsafeMutablePointer<Float>, count n: Int,
                     ranges: [(Int, Int, Bool)], options: Options, step: Int, lr: Float) -> Float {
        let norm = gradNorm(g, n)
        if options.gradClip > 0 {
            let coef = options.gradClip / (norm + 1e-6)
            if coef < 1 { for i in 0..<n { g[i] *= coef } }
        }
        let b1 = options.beta1, b2 = options.beta2, eps = options.eps
        let bc1 = 1 - Float(pow(Double(b1), Double(step)))
        let bc2Sqrt = Float((1 - pow(Double(b2), Double(step))).squareRoot())
        let stepSize = lr / bc1
        for (off, count, decays) in ranges {
            let keep: Float = decays ? 1 - lr * options.weightDecay : 1
            // the same arithmetic in 4 lanes and in the scalar tail, split over threads
            parallelRanges(count) { r in
                var i = off + r.lowerBound
                let end = off + r.upperBound
                while i + 4 <= end {
                    let gi = VecMath.load(g + i)
                    let mi = b1 * VecMath.load(mp + i) + (1 - b1) * gi
                    let vi = b2 * VecMath.load(vp + i) + (1 - b2) * gi * gi
                    VecMath.store(mi, mp + i); VecMath.store(vi, vp + i)
                    let denom = vi.squareRoot() / bc2Sqrt + eps
                    VecMath.store(VecMath.load(p + i) * keep - stepSize * mi / denom, p + i)
                    i += 4
                }
                while i < end {
                    let gi = g[i]
                    mp[i] = b1 * mp[i] + (1 - b1) * gi
                    vp[i] = b2 * vp[i] + (1 - b2) * gi * gi
                    let denom = vp[i].squareRoot() / bc2Sqrt + eps
                    p[i] = p[i] * keep - stepSize * mp[i] / denom
                    i += 1
                }
            }
        }
        return norm
    }
}

/// Learning rate: linear warmup from maxLR/warmup to maxLR over `warmupSteps`, then cosine decay
/// to `minLR` at `totalSteps`, flat after. Steps count from 0.
public struct LRSchedule: Sendable, Equatable, Codable {
    public var maxLR: Float
    public var minLR: Float
    public var warmupSteps: Int
    public var totalSteps: Int

    public init(maxLR: Float, minLR: Float = 0, warmupSteps: Int, totalSteps: Int) {
        self.maxLR = maxLR; self.minLR = minLR; self.warmupSteps = warmupSteps; self.totalSteps = totalSteps
    }

    public func lr(at step: Int) -> Float {
        if step < warmupSteps { return maxLR * Float(step + 1) / Float(warmupSteps) }
        if step >= totalSteps { return minLR }
        let ratio = Double(step - warmupSteps) / Double(max(1, totalSteps - warmupSteps))
        return minLR + Float(0.5 * (1 + cos(Double.pi * ratio))) * (maxLR - minLR)
    }
}