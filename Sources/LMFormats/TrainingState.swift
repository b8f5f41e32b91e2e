import Foundation
import LM

/// Everything beyond the weights that a resumed run needs to continue bit-identically:
/// the trainer's step, its RNG, an opaque data-loader position, and the AdamW moments.
/// Stored as `training_state.safetensors` (tensors optimizer.m / optimizer.v, the rest in `__metadata__`).
public struct TrainingState: Sendable, Equatable {
    public var step: Int
    public var rngState: [UInt64]
    /// Opaque bytes the data loader uses to find its place again.
    public var dataPosition: Data
    /// Free-form strings the trainer wants back (stage name, schedule, …).
    public var extra: [String: String]

    public init(step: Int, rngState: [UInt64] = [], dataPosition: Data = Data(), extra: [String: String] = [:]) {
        self.step = step; self.rngState = rngState; self.dataPosition = dataPosition; self.extra = extra
    }

    func data(optimizer o: AdamW) -> Data {
        var meta = extra.reduce(into: [String: String]()) { $0["extra." + $1.key] = $1.value }
        meta["format"] = "pt"
        meta["step"] = String(step)
        meta["optimizer_step"] = String(o.step)
        meta["rng_state"] = rngState.map { String($0, radix: 16) }.joined(separator: ",")
        meta["data_position"] = dataPosition.base64EncodedString()
        let shape = [o.m.count]
        return SafeTensorsFile.serialize([("optimizer.m", shape, UnsafePointer(o.m.pointer)),
                                          ("optimizer.v", shape, UnsafePointer(o.v.pointer))], metadata: meta)
    }

    /// Reads `training_state.safetensors` from a model directory, restoring `optimizer`'s moments and step.
    public static func load(directory: URL, into optimizer: AdamW) throws -> TrainingState {
        let f = try SafeTensorsFile(contentsOf: directory.appendingPathComponent(Checkpoint.trainingStateFile))
        func meta(_ k: String) throws -> String {
            guard let v = f.metadata[k] else { throw CheckpointError.badHeader(file: f.path, detail: "__metadata__ lacks \(k)") }
            return v
        }
        guard let step = Int(try meta("step")), let ostep = Int(try meta("optimizer_step")),
              let pos = Data(base64Encoded: try meta("data_position")) else {
            throw CheckpointError.badHeader(file: f.path, detail: "step, optimizer_step or data_position is malformed")
        }
        let rngText = try meta("rng_state")
        let rng = rngText.isEmpty ? [] : rngText.split(separator: ",").compactMap { UInt64($0, radix: 16) }
        let shape = [optimizer.m.count]
        try f.read("optimizer.m", into: optimizer.m.pointer, shape: shape)
        try f.read("optimizer.v", into: optimizer.v.pointer, shape: shape)
        optimizer.step = ostep
        var extra = [String: String]()
        for (k, v) in f.metadata where k.hasPrefix("extra.") { extra[String(k.dropFirst(6))] = v }
        return TrainingState(step: step, rngState: rng, dataPosition: pos, extra: extra)
    }
}

/// `FlatAdamW`'s state file (a LoRA adapter's `lora_training_state.safetensors`, a class head's): the
/// moments and step in the same safetensors form as `TrainingState`'s.
extension FlatAdamW {
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
