import Foundation
import LM

/// The history stage with LoRA: the same loop as `Trainer` (progress line, periodic eval,
/// checkpoints, exact resume), but only the adapter's A and B train; the base weights stay frozen
/// in a copy and the model's buffer holds W0 + s·B·A during each step (see LoRA.swift).
///
/// The run folder holds `checkpoint/` (adapter + optimizer state), `log.jsonl` and `stage.json`,
/// like every other stage.
public final class LoRATrainer {
    let config: StageConfig
    let model: Model
    public let adapter: LoRAAdapter
    let optimizer: LoRAOptimizer
    let data: ExampleBatches
    let evalBatches: [Batch]
    let run: RunDirectory
    let report: (String) -> Void
    /// W0: the frozen base weights.
    let base: FloatBuffer
    public var stopAfter: Int?

    public init(config: StageConfig, model: Model, adapter: LoRAAdapter, data: ExampleBatches, evalBatches: [Batch],
                run: RunDirectory, report: @escaping (String) -> Void) {
        self.config = config; self.model = model; self.adapter = adapter; self.data = data
        self.evalBatches = evalBatches; self.run = run; self.report = report
        optimizer = LoRAOptimizer(adapter: adapter, options: config.adamW)
        base = FloatBuffer(count: model.parameterCount)
        base.copy(from: model.params)
    }

    /// Mean held-out loss with the current adapter (nan without eval data).
    public func evalLoss() -> Float {
        adapter.writeMerged(into: model, base: base)
        return Trainer.meanLoss(model, evalBatches)
    }

    /// Mean held-out loss of the base model alone.
    public func baseEvalLoss() -> Float {
        model.params.copy(from: base)
        return Trainer.meanLoss(model, evalBatches)
    }

    @discardableResult
    public func train(resume: Bool) throws -> Trainer.Summary {
        var start = 0
        var resumedFrom: Int?
        let stateURL = run.checkpoint.appendingPathComponent(LoRAOptimizer.stateFile)
        if resume, FileManager.default.fileExists(atPath: stateURL.path) {
            try adapter.restoreWeights(from: run.checkpoint)
            let meta = try optimizer.restore(from: stateURL)
            guard let step = meta["step"].flatMap(Int.init), let pos = meta["data_position"].flatMap({ Data(base64Encoded: $0) }) else {
                throw TrainingError.badInput("\(stateURL.path): no step or data position")
            }
            if step >= config.steps {
                throw TrainingError.alreadyComplete("\(run.url.path): the history stage already finished \(step) steps")
            }
            try data.restore(pos)
            start = step; resumedFrom = step
            try run.truncateLog(after: start)
            report("resumed history (LoRA) at step \(start)/\(config.steps)")
        } else {
            try run.startFresh(config: config)
        }
        let schedule = config.schedule
        let began = Date()
        var tokensDone = 0, lastLoss: Float = .nan, lastEval: Float?
        var windowStart = Date(), windowTokens = 0
        for step in start..<config.steps {
            adapter.writeMerged(into: model, base: base)
            model.zeroGrad()
            adapter.grads.zero()
            let b = data.next()
            let loss = model.forwardBackward(tokens: b.tokens, targets: b.targets, mask: b.mask, batch: b.B, seqLen: b.T)
            adapter.accumulateGradients(from: model)
            let lr = schedule.lr(at: step)
            let norm = optimizer.update(adapter, lr: lr)
            guard loss.isFinite else {
                throw TrainingError.badInput("loss became \(loss) at step \(step + 1); lower the learning rate")
            }
            lastLoss = loss
            tokensDone += b.B * b.T; windowTokens += b.B * b.T
            let done = step + 1
            var row: [String: Any] = ["step": done, "loss": Double(loss), "lr": Double(lr), "grad_norm": Double(norm)]
            if done % 10 == 0 || done == config.steps || done == start + 1 {
                let secs = Date().timeIntervalSince(windowStart)
                let tps = secs > 0 ? Double(windowTokens) / secs : 0
                let eta = Date().timeIntervalSince(began) / Double(done - start) * Double(config.steps - done)
                report(String(format: "history step %d/%d | loss %.4f | lr %.2e | %.0f tok/s | ETA %@",
                              done, config.steps, loss, lr, tps, formatDuration(eta)))
                row["tokens_per_s"] = tps
                windowStart = Date(); windowTokens = 0
            }
            if !evalBatches.isEmpty, config.evalEvery > 0, done % config.evalEvery == 0 || done == config.steps {
                let e = evalLoss()
                lastEval = e
                row["eval_loss"] = Double(e)
                report(String(format: "history eval at step %d | loss %.4f | perplexity %.2f", done, e, exp(e)))
            }
            try run.appendLog(row)
            let last = done == config.steps
            if last || (config.checkpointEvery > 0 && done % config.checkpointEvery == 0) {
                let meta = ["step": String(done), "data_position": data.position.base64EncodedString(), "stage": "history"]
                try adapter.save(to: run.checkpoint) { tmp in
                    try self.optimizer.stateData(metadata: meta).write(to: tmp.appendingPathComponent(LoRAOptimizer.stateFile))
                }
            }
            if let stopAfter, done - start >= stopAfter, !last { break }
        }
        adapter.writeMerged(into: model, base: base)
        return Summary(steps: config.steps, finalLoss: lastLoss, evalLoss: lastEval,
                       seconds: Date().timeIntervalSince(began), tokens: tokensDone, resumedFrom: resumedFrom)
    }

    public typealias Summary = Trainer.Summary
}
