import Foundation

/// AdamW over one flat buffer of parameters that is not the model's: a LoRA adapter's A and B, a class
/// head's weights. The same update as `AdamW` (decoupled decay, global-norm clipping, torch's order),
/// with its moments saved beside the weights for an exact resume. There is no other optimizer.
public final class FlatAdamW: @unchecked Sendable {
    public var options: AdamW.Options
    public let m: FloatBuffer, v: FloatBuffer
    public var step = 0

    public init(count: Int, options: AdamW.Options) {
        self.options = options
        m = FloatBuffer(count: count); v = FloatBuffer(count: count)
    }

    /// Clips `grads`, then takes one step on `params` (every value decays by `options.weightDecay`).
    /// Returns the gradient norm before clipping.
    @discardableResult
    public func update(params: FloatBuffer, grads: FloatBuffer, lr: Float) -> Float {
        require(params.count == m.count && grads.count == m.count, "FlatAdamW: \(m.count) moments for \(params.count) parameters")
        step += 1
        return AdamW.step(params: params.pointer, grads: grads.pointer, m: m.pointer, v: v.pointer,
                          count: grads.count, ranges: [(0, grads.count, true)], options: options, step: step, lr: lr)
    }
}

/// A LoRA adapter's optimizer is a `FlatAdamW` over its A and B.
public typealias LoRAOptimizer = FlatAdamW

extension FlatAdamW {
    public convenience init(adapter: LoRAAdapter, options: AdamW.Options) {
        self.init(count: adapter.parameterCount, options: options)
    }

    @discardableResult
    public func update(_ a: LoRAAdapter, lr: Float) -> Float { update(params: a.params, grads: a.grads, lr: lr) }

    /// The adapter checkpoint's optimizer file (its name predates the class head's use of this type).
    public static let stateFile = "lora_training_state.safetensors"
}
