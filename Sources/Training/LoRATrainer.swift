import Foundation
import LM

/// The history stage with LoRA: `Trainer` over a `LoRASet` (only the adapter's A and B train; the base
/// stays frozen) that keeps the best held-out evaluation (see `KeepBest`). The run folder holds
/// `checkpoint/` (adapter + optimizer state), `best/`, `log.jsonl` and `stage.json`.
public final class LoRATrainer {
    public typealias Summary = Trainer.Summary
    let config: StageConfig
    let model: Model
    let lora: LoRASet
    let data: ExampleBatches
    let evalBatches: [Batch]
    let run: RunDirectory
    let report: (String) -> Void
    public var adapter: LoRAAdapter { lora.adapter }
    public var stopAfter: Int?
    /// Evaluations without a new best before training stops; nil trains every step.
    public var patience: Int?
    /// Called after every step, for a progress bar.
    public var progress: ((TrainingProgress) -> Void)?

    public var bestDirectory: URL { run.url.appendingPathComponent(KeepBest.folder) }

    public init(config: StageConfig, model: Model, adapter: LoRAAdapter, data: ExampleBatches, evalBatches: [Batch],
                run: RunDirectory, report: @escaping (String) -> Void) {
        self.config = config; self.model = model; self.data = data
        self.evalBatches = evalBatches; self.run = run; self.report = report
        lora = LoRASet(model: model, adapter: adapter, options: config.adamW)
    }

    /// Mean held-out loss with the current adapter (nan without eval data).
    public func evalLoss() -> Float { loss(on: evalBatches) }

    /// Mean loss of `batches` with the current adapter.
    public func loss(on batches: [Batch]) -> Float {
        adapter.writeMerged(into: model, base: lora.base)
        return Trainer.meanLoss(model, batches)
    }

    /// Mean held-out loss of the base model alone.
    public func baseEvalLoss() -> Float {
        model.params.copy(from: lora.base)
        return Trainer.meanLoss(model, evalBatches)
    }

    @discardableResult
    public func train(resume: Bool) throws -> Summary {
        let t = Trainer(config: config, model: model, trainable: lora, data: data, run: run,
                        objective: Trainer.languageModelling(data),
                        evaluate: evalBatches.isEmpty ? nil : { [unowned self] in self.evalLoss() }, report: report)
        t.stopAfter = stopAfter
        t.keepBest = KeepBest(patience: patience)
        t.progress = progress
        t.reporting = Trainer.Reporting(every: 0)
        return try t.train(resume: resume)
    }
}
