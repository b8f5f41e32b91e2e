import Foundation
import LM
import LMFormats

/// The one training loop: step → optimizer → progress line → periodic eval → checkpoint, for every
/// objective (language modelling, SFT, DPO, a classification head) and every trainable set (the whole
/// model, a LoRA adapter, a class head). A run supplies its objective, its data and what trains; the
/// loop owns the schedule, the log, the checkpoints and the resume checks. Checkpoints carry the
/// optimizer moments, step and data position, so `--resume` after a kill continues exactly as if the
/// run had never stopped. With `keepBest`, the best held-out evaluation is kept and can stop the run.
public final class Trainer {
    /// Computes the loss of one step and accumulates its gradients (already zeroed by the trainable set).
    public typealias Objective = (Model, Int) -> StepResult

    public struct StepResult: Sendable {
        public var loss: Float
        /// Tokens processed this step, for tokens/s.
        public var tokens: Int
        /// Extra figures for the log (e.g. DPO's reward margin, a classifier's accuracy).
        public var metrics: [String: Float] = [:]
        public init(loss: Float, tokens: Int, metrics: [String: Float] = [:]) {
            self.loss = loss; self.tokens = tokens; self.metrics = metrics
        }
    }

    public struct Summary: Sendable {
        public var steps: Int
        /// The last step trained (below `steps` when stopped early or by `stopAfter`).
        public var lastStep: Int
        public var finalLoss: Float
        public var evalLoss: Float?
        /// With `keepBest`: the best held-out loss and its step (0: before training).
        public var bestEval: Float?
        public var bestStep: Int
        public var stoppedEarly: Bool
        public var seconds: Double
        public var tokens: Int
        public var resumedFrom: Int?
    }

    /// When progress lines are written and what their loss is.
    public struct Reporting: Sendable {
        /// A line every `every` steps and at the last; 0 writes none (a progress bar says it instead).
        public var every = 10
        /// Also a line at the first step of this invocation.
        public var firstStep = true
        /// The loss and metrics of a line are the mean since the last line, not the last step's.
        public var windowMean = false
        public init(every: Int = 10, firstStep: Bool = true, windowMean: Bool = false) {
            self.every = every; self.firstStep = firstStep; self.windowMean = windowMean
        }
    }

    let config: StageConfig
    let model: Model
    public let trainable: TrainableSet
    let data: Resumable?
    let objective: Objective
    let evaluate: (() -> Float)?
    let run: RunDirectory
    let report: (String) -> Void
    /// Stop after this many steps of this invocation (tests use it to simulate a kill).
    public var stopAfter: Int?
    public var reporting = Reporting()
    /// Keep the best evaluation (and stop after `patience` evaluations without a new one); nil: the last.
    public var keepBest: KeepBest?
    /// Called after every step, for a progress bar.
    public var progress: ((TrainingProgress) -> Void)?

    public init(config: StageConfig, model: Model, trainable: TrainableSet, data: Resumable?, run: RunDirectory,
                objective: @escaping Objective, evaluate: (() -> Float)? = nil, report: @escaping (String) -> Void) {
        self.config = config; self.model = model; self.trainable = trainable; self.data = data; self.run = run
        self.objective = objective; self.evaluate = evaluate; self.report = report
    }

    /// The whole model under AdamW with the stage's options; `saveExtras` adds files to each checkpoint.
    public convenience init(config: StageConfig, model: Model, data: Resumable?, run: RunDirectory,
                            objective: @escaping Objective, evaluate: (() -> Float)? = nil,
                            saveExtras: @escaping (URL) throws -> Void, report: @escaping (String) -> Void) {
        self.init(config: config, model: model, trainable: FullModel(model: model, options: config.adamW, extras: saveExtras),
                  data: data, run: run, objective: objective, evaluate: evaluate, report: report)
    }

    /// The standard next-token objective over `data`'s batches (pretraining, CPT, SFT, history).
    public static func languageModelling(_ data: BatchSource) -> Objective {
        { model, _ in
            let b = data.next()
            let loss = model.forwardBackward(tokens: b.tokens, targets: b.targets, mask: b.mask, batch: b.B, seqLen: b.T)
            return StepResult(loss: loss, tokens: b.B * b.T)
        }
    }

    /// Mean loss over fixed batches, forward only.
    public static func meanLoss(_ model: Model, _ batches: [Batch]) -> Float {
        var total: Double = 0, weight: Double = 0
        for b in batches {
            let w = Double(b.mask.reduce(0, +))
            if w == 0 { continue }
            total += Double(model.forward(tokens: b.tokens, targets: b.targets, mask: b.mask, batch: b.B, seqLen: b.T)) * w
            weight += w
        }
        return weight > 0 ? Float(total / weight) : .nan
    }

    var stage: String { config.stage.rawValue }

    /// `force`: resume even though the config differs from the run's `stage.json` (recorded in the log).
    @discardableResult
    public func train(resume: Bool, force: Bool = false) throws -> Summary {
        var best = BestEval(folder: run.url.appendingPathComponent(KeepBest.folder))
        let (start, resumedFrom) = try begin(resume: resume, force: force, best: &best)
        let schedule = config.schedule
        let began = Date()
        var tokensDone = 0, lastLoss: Float = .nan, lastEval: Float?, lastStep = start, stoppedEarly = false
        var window = Window()
        for step in start..<config.steps {
            trainable.beginStep()
            let r = objective(model, step)
            let lr = schedule.lr(at: step)
            let norm = trainable.update(lr: lr)
            guard r.loss.isFinite else {
                throw TrainingError.badInput("loss became \(r.loss) at step \(step + 1); lower maxLR in the stage config")
            }
            tokensDone += r.tokens
            lastLoss = r.loss
            window.add(r)
            let done = step + 1
            lastStep = done
            var row: [String: Any] = ["step": done, "loss": Double(r.loss), "lr": Double(lr), "grad_norm": Double(norm)]
            for (k, v) in r.metrics { row[k] = Double(v) }
            let last = done == config.steps
            if reporting.every > 0, done % reporting.every == 0 || last || (reporting.firstStep && done == start + 1) {
                row["tokens_per_s"] = progressLine(done: done, start: start, began: began, lr: lr, r: r, window: &window)
            } else if reporting.every == 0, done % 10 == 0 || last || done == start + 1 {
                row["tokens_per_s"] = window.reset().tokensPerSecond
            }
            if let evaluate, config.evalEvery > 0, done % config.evalEvery == 0 || last {
                let e = evaluate()
                lastEval = e
                row["eval_loss"] = Double(e)
                var line = String(format: "%@ eval at step %d | loss %.4f | perplexity %.2f", stage, done, e, exp(e))
                if let keep = keepBest {
                    let isBest = try best.observe(e, at: done, trainable: trainable)
                    if isBest { row["best"] = 1 }
                    line += isBest ? " | best so far" : String(format: " | best %.2f at step %d", exp(best.loss), best.step)
                    if let patience = keep.patience, best.misses >= patience, !last {
                        stoppedEarly = true
                        row["stopped_early"] = 1
                    }
                }
                report(line)
                if stoppedEarly {
                    report("\(stage): stopped early at step \(done); held-out loss has not improved for \(best.misses) evaluations "
                           + "since step \(best.step), whose weights are kept")
                }
            }
            progress?(TrainingProgress(step: done, steps: config.steps, started: start, seconds: Date().timeIntervalSince(began),
                                       loss: r.loss, bestEval: best.loss.isFinite ? best.loss : nil, bestStep: best.step))
            try run.appendLog(row)
            if last || stoppedEarly || (config.checkpointEvery > 0 && done % config.checkpointEvery == 0) {
                var extra = ["stage": stage]
                if keepBest != nil { best.write(into: &extra) }
                if stoppedEarly { extra["stopped_early"] = "1" }
                try trainable.saveCheckpoint(to: run.checkpoint,
                                             state: TrainingState(step: done, dataPosition: data?.position ?? Data(), extra: extra))
            }
            if stoppedEarly { break }
            if let stopAfter, done - start >= stopAfter, !last { break }
        }
        if keepBest != nil, lastStep == config.steps || stoppedEarly, best.loss.isFinite {
            // The weights left in place are the best evaluation's, not the last step's.
            try trainable.restoreWeights(from: best.folder)
        }
        trainable.finish()
        return Summary(steps: config.steps, lastStep: lastStep, finalLoss: lastLoss, evalLoss: lastEval,
                       bestEval: best.loss.isFinite ? best.loss : nil, bestStep: best.step, stoppedEarly: stoppedEarly,
                       seconds: Date().timeIntervalSince(began), tokens: tokensDone, resumedFrom: resumedFrom)
    }

    /// Restores a checkpoint when resuming (after the resume checks), else starts the run folder afresh;
    /// returns the first step to run and, when resumed, where from.
    func begin(resume: Bool, force: Bool, best: inout BestEval) throws -> (Int, Int?) {
        let named = stage + (trainable.label.map { " (\($0))" } ?? "")
        if resume, let state = try trainable.restoreCheckpoint(from: run.checkpoint) {
            if state.step >= config.steps || state.extra["stopped_early"] == "1" {
                throw TrainingError.alreadyComplete("\(run.url.path): the \(stage) stage already finished \(state.step) steps")
            }
            try run.checkResume(config, force: force, atStep: state.step, report: report)
            try data?.restore(state.dataPosition)
            if keepBest != nil { best.read(state.extra) }
            try run.truncateLog(after: state.step)
            report("resumed \(named) at step \(state.step)/\(config.steps)"
                   + (keepBest != nil ? "; best held-out loss so far at step \(best.step)" : ""))
            return (state.step, state.step)
        }
        try run.startFresh(config: config)
        if keepBest != nil {
            try? FileManager.default.removeItem(at: best.folder)
            if let evaluate {
                // Step 0: the weights before training are the first candidate.
                let e = evaluate()
                _ = try best.observe(e, at: 0, trainable: trainable)
                try run.appendLog(["step": 0, "eval_loss": Double(e)])
                report(String(format: "%@ eval at step 0 (before training) | loss %.4f | perplexity %.2f", stage, e, exp(e)))
            }
        }
        return (0, nil)
    }

    /// Writes a progress line; returns the tokens per second since the last one.
    func progressLine(done: Int, start: Int, began: Date, lr: Float, r: StepResult, window: inout Window) -> Double {
        let w = window.reset()
        let elapsed = Date().timeIntervalSince(began)
        let eta = elapsed / Double(done - start) * Double(config.steps - done)
        let loss = reporting.windowMean ? w.meanLoss : r.loss
        let metrics = reporting.windowMean ? w.meanMetrics : r.metrics
        let extras = metrics.sorted { $0.key < $1.key }.map { " \($0.key) \(String(format: "%.3f", $0.value))" }.joined()
        report(String(format: "%@ step %d/%d | loss %.4f | lr %.2e | %.0f tok/s | ETA %@",
                      stage, done, config.steps, loss, lr, w.tokensPerSecond, formatDuration(eta)) + extras)
        return w.tokensPerSecond
    }
}

func formatDuration(_ s: Double) -> String {
    guard s.isFinite, s >= 0 else { return "?" }
    let t = Int(s.rounded())
    return t >= 3600 ? String(format: "%dh%02dm", t / 3600, t % 3600 / 60) : String(format: "%dm%02ds", t / 60, t % 60)
}
