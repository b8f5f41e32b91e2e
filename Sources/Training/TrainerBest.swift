import Foundation
import LM

/// Keeping the best held-out evaluation rather than the last: a few dozen letters are learnt by heart
/// within a hundred steps, and then held-out loss climbs while the letters turn to salad (issue 27). The
/// loss is measured from step 0 (the weights before training), the best weights seen are kept in
/// `best/` of the run folder (so a resume keeps them too), training stops once `patience` evaluations
/// in a row have not beaten them, and the weights left in place at the end are the best ones.
public struct KeepBest: Sendable {
    public static let folder = "best"
    /// Evaluations without a new best before training stops; nil trains every step.
    public var patience: Int?
    public init(patience: Int?) { self.patience = patience }
}

/// The best evaluation so far, saved in checkpoints' metadata (`best_eval`, `best_step`, `bad_evals`).
struct BestEval {
    let folder: URL
    var loss: Float = .infinity
    var step = 0
    /// Evaluations in a row that were not a new best.
    var misses = 0

    /// A new best is lower than the last by more than this (noise on a few letters is not progress).
    static let minImprovement: Float = 1e-3

    /// Records an evaluation; true when it is a new best (its weights are then saved to `folder`).
    mutating func observe(_ e: Float, at s: Int, trainable: TrainableSet) throws -> Bool {
        guard e.isFinite, e < loss - Self.minImprovement || !loss.isFinite else { misses += 1; return false }
        loss = e; step = s; misses = 0
        try trainable.saveWeights(to: folder)
        return true
    }

    func write(into extra: inout [String: String]) {
        extra["best_step"] = String(step); extra["bad_evals"] = String(misses)
        if loss.isFinite { extra["best_eval"] = String(loss) }
    }

    mutating func read(_ extra: [String: String]) {
        loss = extra["best_eval"].flatMap(Float.init) ?? .infinity
        step = extra["best_step"].flatMap(Int.init) ?? 0
        misses = extra["bad_evals"].flatMap(Int.init) ?? 0
    }
}

/// What happened since the last progress line: for tokens/s and, with `windowMean`, the mean loss.
struct Window {
    var started = Date(), tokens = 0, steps = 0, loss: Float = 0
    var metrics: [String: Float] = [:]

    mutating func add(_ r: Trainer.StepResult) {
        tokens += r.tokens; steps += 1; loss += r.loss
        for (k, v) in r.metrics { metrics[k, default: 0] += v }
    }

    var tokensPerSecond: Double {
        let s = Date().timeIntervalSince(started)
        return s > 0 ? Double(tokens) / s : 0
    }
    var meanLoss: Float { steps > 0 ? loss / Float(steps) : .nan }
    var meanMetrics: [String: Float] { metrics.mapValues { $0 / Float(max(steps, 1)) } }

    /// The window so far, and a fresh one from now.
    mutating func reset() -> Window {
        let w = self
        self = Window()
        return w
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
