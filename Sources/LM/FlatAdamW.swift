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

    /// The moments and step, plus the caller's fields as metadata and, when given, the parameters
    /// themselves (a class head keeps weights and moments in one file).
    public func stateData(metadata: [String: String], params: FloatBuffer? = nil) -> Data {
        var meta = metadata
        meta["optimizer_step"] = String(step)
        var tensors: [(name: String, shape: [Int], data: UnsafePointer<Float>)] = [("optimizer.m", [m.count], UnsafePointer(m.pointer)),
                                                                ("optimizer.v", [v.count], UnsafePointer(v.pointer))]
        if let params { tensors.append(("params", [params.count], UnsafePointer(params.pointer))) }
        return SafeTensorsFile.serialize(tensors, metadata: meta)
    }

    /// Restores the moments and step (and `params`, when given); returns the metadata.
    public func restore(from url: URL, params: FloatBuffer? = nil) throws -> [String: String] {
        let f = try SafeTensorsFile(contentsOf: url)
        try f.read("optimizer.m", into: m.pointer, shape: [m.count])
        try f.read("optimizer.v", into: v.pointer, shape: [v.count])
        if let params { try f.read("params", into: params.pointer, shape: [params.count]) }
        guard let s = f.metadata["optimizer_step"].flatMap(Int.init) else {
            throw CheckpointError.badHeader(file: url.path, detail: "no optimizer_step")
        }
        step = s
        return f.metadata
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
