import Foundation
import LM
import LMFormats

/// What a run trains, and how it is checkpointed: the whole model (`FullModel`), a LoRA adapter over a
/// frozen base (`LoRASet`) or a class head with the model's top (`HeadSet`). The loop (`Trainer`) is the
/// same for each; a set only says how gradients start, how its optimizer steps and what a checkpoint holds.
public protocol TrainableSet: AnyObject {
    /// Said in progress lines ("resumed history (LoRA) at ..."); nil for the whole model.
    var label: String? { get }
    /// Before the objective runs: gradients zeroed (LoRA also writes W0 + s·B·A into the model).
    func beginStep()
    /// After the objective's backward pass: one optimizer step at `lr`; the gradient norm before clipping.
    func update(lr: Float) -> Float
    /// Writes weights, optimizer state and `state` to `folder`, replacing what was there.
    func saveCheckpoint(to folder: URL, state: TrainingState) throws
    /// Restores what `saveCheckpoint` wrote; nil when the folder holds no checkpoint.
    func restoreCheckpoint(from folder: URL) throws -> TrainingState?
    /// The trained weights alone, for the best evaluation kept in `best/`.
    func saveWeights(to folder: URL) throws
    func restoreWeights(from folder: URL) throws
    /// After the loop: leaves the model as it is to be used (LoRA merges the adapter in).
    func finish()
}

/// Every weight of the model, under `AdamW`. A checkpoint is a model folder (HF layout) with
/// `training_state.safetensors` beside it.
public final class FullModel: TrainableSet {
    public let model: Model
    public let optimizer: AdamW
    /// Files a checkpoint carries besides the weights (the tokenizer, a name-slots mark, a class head).
    var extras: (URL) throws -> Void

    public init(model: Model, options: AdamW.Options, extras: @escaping (URL) throws -> Void = { _ in }) {
        self.model = model; self.extras = extras
        optimizer = AdamW(model: model, options: options)
    }

    public var label: String? { nil }
    public func beginStep() { model.zeroGrad() }
    public func update(lr: Float) -> Float { optimizer.update(model, lr: lr) }

    public func saveCheckpoint(to folder: URL, state: TrainingState) throws {
        try model.save(to: folder, trainingState: (state, optimizer), extraFiles: extras)
    }

    public func restoreCheckpoint(from folder: URL) throws -> TrainingState? {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(Checkpoint.trainingStateFile).path) else { return nil }
        try restoreWeights(from: folder)
        return try TrainingState.load(directory: folder, into: optimizer)
    }

    public func saveWeights(to folder: URL) throws { try model.save(to: folder, extraFiles: extras) }

    public func restoreWeights(from folder: URL) throws {
        try model.loadWeights(from: [try SafeTensorsFile(contentsOf: folder.appendingPathComponent("model.safetensors"))])
    }

    public func finish() {}
}

/// A LoRA adapter's A and B under `FlatAdamW`; the base weights stay frozen in a copy and the model's
/// buffer holds W0 + s·B·A during each step (see LoRA.swift). A checkpoint is an adapter folder with the
/// optimizer file beside it, its metadata holding the step, data position and the loop's fields.
public final class LoRASet: TrainableSet {
    public let model: Model
    public let adapter: LoRAAdapter
    public let optimizer: FlatAdamW
    /// W0: the frozen base weights.
    public let base: FloatBuffer

    public init(model: Model, adapter: LoRAAdapter, options: AdamW.Options) {
        self.model = model; self.adapter = adapter
        optimizer = FlatAdamW(adapter: adapter, options: options)
        base = FloatBuffer(count: model.parameterCount)
        base.copy(from: model.params)
    }

    public var label: String? { "LoRA" }

    public func beginStep() {
        adapter.writeMerged(into: model, base: base)
        model.zeroGrad()
        adapter.grads.zero()
    }

    public func update(lr: Float) -> Float {
        adapter.accumulateGradients(from: model)
        return optimizer.update(adapter, lr: lr)
    }

    public func saveCheckpoint(to folder: URL, state: TrainingState) throws {
        var meta = state.extra
        meta["step"] = String(state.step)
        meta["data_position"] = state.dataPosition.base64EncodedString()
        try adapter.save(to: folder) { tmp in
            try self.optimizer.stateData(metadata: meta).write(to: tmp.appendingPathComponent(FlatAdamW.stateFile))
        }
    }

    public func restoreCheckpoint(from folder: URL) throws -> TrainingState? {
        let url = folder.appendingPathComponent(FlatAdamW.stateFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        try adapter.restoreWeights(from: folder)
        var meta = try optimizer.restore(from: url)
        guard let step = meta["step"].flatMap(Int.init), let pos = meta["data_position"].flatMap({ Data(base64Encoded: $0) }) else {
            throw TrainingError.badInput("\(url.path): no step or data position")
        }
        for k in ["step", "data_position", "optimizer_step"] { meta[k] = nil }
        return TrainingState(step: step, dataPosition: pos, extra: meta)
    }

    public func saveWeights(to folder: URL) throws { try adapter.save(to: folder) }
    public func restoreWeights(from folder: URL) throws { try adapter.restoreWeights(from: folder) }
    public func finish() { adapter.writeMerged(into: model, base: base) }
}
