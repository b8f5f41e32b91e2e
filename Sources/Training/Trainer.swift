import Foundation
import LM

/// The loop every stage shares: step → AdamW → progress line → periodic eval → checkpoint.
/// A stage supplies only its objective (what one step's loss and gradients are) and its data.
/// Checkpoints carry the optimizer moments, step and data position, so `--resume` after a kill
/// continues exactly as if the run had never stopped.
public final class Trainer {
    /// Computes the loss of one step and accumulates its gradients into the model (already zeroed).
    public typealias Objective = (Model, Int) -> StepResult

    public struct StepResult: Sendable {
        public var loss: Float
        /// Tokens processed this step, for tokens/s.
        public var tokens: Int
        /// Extra figures for the log (e.g. DPO's reward margin).
        public var metrics: [String: Float] = [:]
        public init(loss: Float, tokens: Int, metrics: [String: Float] = [:]) {
            self.loss = loss; self.tokens = tokens; self.metrics = metrics
        }
    }

    public struct Summary: Sendable {
        public var steps: Int
        public var finalLoss: Float
        public var evalLoss: Float?
        public var seconds: Double
        public var tokens: Int
        public var resumedFrom: Int?
    }

    let config: StageConfig
    let model: Model
    let optimizer: AdamW
    let data: Resumable?
    let objective: Objective
    let evaluate: (() -> Float)?
    let run: RunDirectory
    let saveExtras: (URL) throws -> Void
    let report: (String) -> Void
    /// Stop after this many steps of this invocation (tests use it to simulate a kill).
    public var stopAfter: Int?

    public init(config: StageConfig, model: Model, data: Resumable?, run: RunDirectory,
                objective: @escaping Objective, evaluate: (() -> Float)? = nil,
                saveExtras: @escaping (URL) throws -> Void, report: @escaping (String) -> Void) {
        self.config = config; self.model = model; self.data = data; self.run = run
        self.objective = objective; self.evaluate = evaluate; self.saveExtras = saveExtras; self.report = report
        optimizer = AdamW(model: model, options: config.adamW)
    }

    /// The standard next-token objective over `data`'s batches.
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

    @discardableResult
    /// `force`: resume even though the config differs from the run's `stage.json` (recorded in the log).
    public func train(resume: Bool, force: Bool = false) throws -> Summary {
        var start = 0
        var resumedFrom: Int?
        if resume, let state = try run.loadCheckpoint(into: model, optimizer: optimizer) {
            if state.step >= config.steps {
                throw TrainingError.alreadyComplete("\(run.url.path): the \(config.stage.rawValue) stage already finished \(state.step) steps")
            }
            try run.checkResume(config, force: force, atStep: state.step, report: report)
            try data?.restore(state.dataPosition)
            start = state.step
            resumedFrom = start
            try run.truncateLog(after: start)
            report("resumed \(config.stage.rawValue) at step \(start)/\(config.steps)")
        } else {
            try run.startFresh(config: config)
        }
        let schedule = config.schedule
        let began = Date()
        var tokensDone = 0, lastLoss: Float = .nan, lastEval: Float?
        var windowStart = Date(), windowTokens = 0
        for step in start..<config.steps {
            model.zeroGrad()
            let r = objective(model, step)
            let lr = schedule.lr(at: step)
            let norm = optimizer.update(model, lr: lr)
            tokensDone += r.tokens; windowTokens += r.tokens
            lastLoss = r.loss
            guard r.loss.isFinite else {
                throw TrainingError.badInput("loss became \(r.loss) at step \(step + 1); lower maxLR in the stage config")
            }
            var row: [String: Any] = ["step": step + 1, "loss": Double(r.loss), "lr": Double(lr), "grad_norm": Double(norm)]
            for (k, v) in r.metrics { row[k] = Double(v) }
            let done = step + 1
            if done % 10 == 0 || done == config.steps || done == start + 1 {
                let secs = Date().timeIntervalSince(windowStart)
                let tps = secs > 0 ? Double(windowTokens) / secs : 0
                let elapsed = Date().timeIntervalSince(began)
                let eta = elapsed / Double(done - start) * Double(config.steps - done)
                let extras = r.metrics.sorted { $0.key < $1.key }.map { " \($0.key) \(String(format: "%.3f", $0.value))" }.joined()
                report(String(format: "%@ step %d/%d | loss %.4f | lr %.2e | %.0f tok/s | ETA %@",
                              config.stage.rawValue, done, config.steps, r.loss, lr, tps, formatDuration(eta)) + extras)
                row["tokens_per_s"] = tps
                windowStart = Date(); windowTokens = 0
            }
            if let evaluate, config.evalEvery > 0, done % config.evalEvery == 0 || done == config.steps {
                let e = evaluate()
                lastEval = e
                row["eval_loss"] = Double(e)
                report(String(format: "%@ eval at step %d | loss %.4f | perplexity %.2f", config.stage.rawValue, done, e, exp(e)))
            }
            try run.appendLog(row)
            let last = done == config.steps
            if last || (config.checkpointEvery > 0 && done % config.checkpointEvery == 0) {
                try run.saveCheckpoint(model: model, optimizer: optimizer,
                                       state: TrainingState(step: done, dataPosition: data?.position ?? Data(),
                                                            extra: ["stage": config.stage.rawValue]),
                                       extras: saveExtras)
            }
            if let stopAfter, done - start >= stopAfter, !last { break }
        }
        return Summary(steps: config.steps, finalLoss: lastLoss, evalLoss: lastEval,
                       seconds: Date().timeIntervalSince(began), tokens: tokensDone, resumedFrom: resumedFrom)
    }
}

func formatDuration(_ s: Double) -> String {
    guard s.isFinite, s >= 0 else { return "?" }
    let t = Int(s.rounded())
    return t >= 3600 ? String(format: "%dh%02dm", t / 3600, t % 3600 / 60) : String(format: "%dm%02ds", t / 60, t % 60)
}
