import Foundation
import LM

/// The history stage with LoRA: the same loop as `Trainer` (periodic eval, checkpoints, exact resume), but only
/// the adapter's A and B train; the base weights stay frozen in a copy and the model's buffer holds
/// W0 + s·B·A during each step (see LoRA.swift).
///
/// A few dozen letters are learnt by heart within a hundred steps, and then held-out loss climbs while the
/// letters turn to salad (issue 27). So the held-out loss is measured every `evalEvery` steps from step 0 (the
/// base), the best adapter seen is kept (`best/` in the run folder, so a resume keeps it too), training stops
/// once `patience` evaluations in a row have not beaten it, and the adapter left in place is the best one.
///
/// The run folder holds `checkpoint/` (adapter + optimizer state), `best/`, `log.jsonl` and `stage.json`.
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
    /// Evaluations without a new best before training stops; nil trains every step.
    public var patience: Int?
    /// Called after every step, for a progress bar.
    public var progress: ((TrainingProgress) -> Void)?

    /// The best held-out loss seen and its step (0: the base model, a zero adapter).
    public private(set) var bestEval: Float = .infinity
    public private(set) var bestStep = 0
    var badEvals = 0

    public static let bestFolder = "best"
    public var bestDirectory: URL { run.url.appendingPathComponent(Self.bestFolder) }

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

    /// Mean loss of `batches` with the current adapter.
    public func loss(on batches: [Batch]) -> Float {
        adapter.writeMerged(into: model, base: base)
        return Trainer.meanLoss(model, batches)
    }

    /// Mean held-out loss of the base model alone.
    public func baseEvalLoss() -> Float {
        model.params.copy(from: base)
        return Trainer.meanLoss(model, evalBatches)
    }

    public struct Summary: Sendable {
        public var steps: Int
        /// The last step trained (below `steps` when stopped early or by `stopAfter`).
        public var lastStep: Int
        public var finalLoss: Float
        public var bestEval: Float?
        public var bestStep: Int
        public var stoppedEarly: Bool
        public var seconds: Double
        public var tokens: Int
        public var resumedFrom: Int?
    }

    /// A new best is a loss lower than the last by more than this (noise on a few letters is not progress).
    static let minImprovement: Float = 1e-3

    /// Records an evaluation; true when it is a new best (the adapter is then saved to `best/`).
    func observe(eval e: Float, at step: Int) throws -> Bool {
        guard e.isFinite, e < bestEval - Self.minImprovement || !bestEval.isFinite else { badEvals += 1; return false }
        bestEval = e; bestStep = step; badEvals = 0
        try adapter.save(to: bestDirectory)
        return true
    }

    @discardableResult
    public func train(resume: Bool) throws -> Summary {
        var start = 0
        var resumedFrom: Int?
        let stateURL = run.checkpoint.appendingPathComponent(LoRAOptimizer.stateFile)
        if resume, FileManager.default.fileExists(atPath: stateURL.path) {
            try adapter.restoreWeights(from: run.checkpoint)
            let meta = try optimizer.restore(from: stateURL)
            guard let step = meta["step"].flatMap(Int.init), let pos = meta["data_position"].flatMap({ Data(base64Encoded: $0) }) else {
                throw TrainingError.badInput("\(stateURL.path): no step or data position")
            }
            if step >= config.steps || meta["stopped_early"] == "1" {
                throw TrainingError.alreadyComplete("\(run.url.path): the history stage already finished at step \(step)")
            }
            try data.restore(pos)
            bestEval = meta["best_eval"].flatMap(Float.init) ?? .infinity
            bestStep = meta["best_step"].flatMap(Int.init) ?? 0
            badEvals = meta["bad_evals"].flatMap(Int.init) ?? 0
            start = step; resumedFrom = step
            try run.truncateLog(after: start)
            report("resumed history (LoRA) at step \(start)/\(config.steps); best held-out loss so far at step \(bestStep)")
        } else {
            try run.startFresh(config: config)
            try? FileManager.default.removeItem(at: bestDirectory)
            if !evalBatches.isEmpty {
                // Step 0: the base itself (a zero adapter) is the first candidate.
                let e = evalLoss()
                _ = try observe(eval: e, at: 0)
                try run.appendLog(["step": 0, "eval_loss": Double(e)])
                report(String(format: "history eval at step 0 (the base) | loss %.4f | perplexity %.2f", e, exp(e)))
            }
        }
        let schedule = config.schedule
        let began = Date()
        var tokensDone = 0, lastLoss: Float = .nan, lastStep = start, stoppedEarly = false
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
            lastStep = done
            var row: [String: Any] = ["step": done, "loss": Double(loss), "lr": Double(lr), "grad_norm": Double(norm)]
            if done % 10 == 0 || done == config.steps || done == start + 1 {
                let secs = Date().timeIntervalSince(windowStart)
                row["tokens_per_s"] = secs > 0 ? Double(windowTokens) / secs : 0
                windowStart = Date(); windowTokens = 0
            }
            if !evalBatches.isEmpty, config.evalEvery > 0, done % config.evalEvery == 0 || done == config.steps {
                let e = evalLoss()
                row["eval_loss"] = Double(e)
                let best = try observe(eval: e, at: done)
                if best { row["best"] = 1 }
                report(String(format: "history eval at step %d | loss %.4f | perplexity %.2f%@", done, e, exp(e),
                              best ? " | best so far" : String(format: " | best %.2f at step %d", exp(bestEval), bestStep)))
                if let patience, badEvals >= patience, done < config.steps {
                    stoppedEarly = true
                    row["stopped_early"] = 1
                    report("history: stopped early at step \(done); held-out loss has not improved for \(badEvals) evaluations "
                           + "since step \(bestStep), whose adapter is kept")
                }
            }
            progress?(TrainingProgress(step: done, steps: config.steps, started: start, seconds: Date().timeIntervalSince(began),
                                       loss: loss, bestEval: bestEval.isFinite ? bestEval : nil, bestStep: bestStep))
            try run.appendLog(row)
            let last = done == config.steps || stoppedEarly
            if last || (config.checkpointEvery > 0 && done % config.checkpointEvery == 0) {
                var meta = ["step": String(done), "data_position": data.position.base64EncodedString(), "stage": "history",
                            "best_step": String(bestStep), "bad_evals": String(badEvals)]
                if bestEval.isFinite { meta["best_eval"] = String(bestEval) }
                if stoppedEarly { meta["stopped_early"] = "1" }
                try adapter.save(to: run.checkpoint) { tmp in
                    try self.optimizer.stateData(metadata: meta).write(to: tmp.appendingPathComponent(LoRAOptimizer.stateFile))
                }
            }
            if stoppedEarly { break }
            if let stopAfter, done - start >= stopAfter, !last { break }
        }
        let finished = lastStep == config.steps || stoppedEarly
        if finished, bestEval.isFinite {
            // The adapter left in place is the best one seen, not the last.
            try adapter.restoreWeights(from: bestDirectory)
        }
        adapter.writeMerged(into: model, base: base)
        return Summary(steps: config.steps, lastStep: lastStep, finalLoss: lastLoss, bestEval: bestEval.isFinite ? bestEval : nil,
                       bestStep: bestStep, stoppedEarly: stoppedEarly, seconds: Date().timeIntervalSince(began),
                       tokens: tokensDone, resumedFrom: resumedFrom)
    }
}

/// Where a training run is, for a progress bar.
public struct TrainingProgress: Sendable, Equatable {
    public var step: Int
    public var steps: Int
    /// The step this process started from (a resumed run's first step), for the rate.
    public var started: Int
    public var seconds: Double
    public var loss: Float
    public var bestEval: Float?
    public var bestStep: Int

    public init(step: Int, steps: Int, started: Int, seconds: Double, loss: Float, bestEval: Float?, bestStep: Int) {
        self.step = step; self.steps = steps; self.started = started; self.seconds = seconds
        self.loss = loss; self.bestEval = bestEval; self.bestStep = bestStep
    }

    /// Seconds left at the pace so far, if every step is run (early stopping can only make it less).
    public var eta: Double {
        step > started ? seconds / Double(step - started) * Double(steps - step) : .nan
    }

    /// `[#########...........]  45/160 | loss 1.234 | best held-out ppl 3.45 @ 40 | 0m52s, ETA ≤ 2m13s`
    public func bar(width: Int = 24) -> String {
        let filled = steps > 0 ? min(width, width * step / steps) : 0
        let b = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let best = bestEval.map { String(format: " | best held-out ppl %.2f @ %d", exp($0), bestStep) } ?? ""
        return String(format: "[%@] %*d/%d | loss %.3f%@ | %@, ETA ≤ %@", b, String(steps).count, step, steps, loss, best,
                      formatDuration(seconds), formatDuration(eta))
    }
}
