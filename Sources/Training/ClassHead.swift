import Foundation
import LM
import LMFormats

/// A linear class head over the model's final normed hidden state of each row's last token: K classes,
/// weights K×C then a bias of K in one buffer, so one `FlatAdamW` trains it. Softmax cross-entropy.
public final class ClassHead {
    public let classes: Int, dim: Int
    /// W (K, C) row-major, then the bias (K).
    public let params: FloatBuffer
    public let grads: FloatBuffer

    public init(classes: Int, dim: Int) {
        self.classes = classes; self.dim = dim
        params = FloatBuffer(count: classes * dim + classes)
        grads = FloatBuffer(count: classes * dim + classes)
    }

    public var weight: [Float] { Array(params.array[0..<(classes * dim)]) }
    public var bias: [Float] { Array(params.array[(classes * dim)...]) }

    public func set(weight w: [Float], bias b: [Float]) {
        precondition(w.count == classes * dim && b.count == classes, "class head: wrong shapes")
        for (i, x) in (w + b).enumerated() { params[i] = x }
    }

    /// Runs the model over rows padded to the longest; the final hidden states and each row's last-token row.
    public func hidden(_ model: Model, rows: [[Int]], pad: Int) -> (hidden: UnsafeBufferPointer<Float>, last: [Int], T: Int) {
        let T = rows.map(\.count).max() ?? 1, B = rows.count
        var tokens = [Int](repeating: pad, count: B * T)
        for (b, r) in rows.enumerated() { for (t, x) in r.enumerated() { tokens[b * T + t] = x } }
        model.forward(tokens: tokens, batch: B, seqLen: T)
        return (model.finalHidden, rows.enumerated().map { $0.offset * T + $0.element.count - 1 }, T)
    }

    /// Class probabilities for one hidden state.
    public func probabilities(_ h: UnsafePointer<Float>) -> [Float] {
        let C = dim, p = params.pointer, b = classes * dim
        let z = (0..<classes).map { k in
            var s = p[b + k]
            for c in 0..<C { s += p[k * C + c] * h[c] }
            return s
        }
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }, sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// The classification objective over `data`: mean cross-entropy of a batch; the head's gradients
    /// into `grads`, the hidden states' into the model, backward stopping at `downToLayer` (the layers
    /// below it do not train). Metric `acc`: the share of the batch classed right.
    public func objective(_ data: LabelledBatches, pad: Int, downToLayer: Int) -> Trainer.Objective {
        { [self] model, _ in
            let batch = data.next()
            let rows = batch.map(\.tokens), labels = batch.map(\.label)
            let (h, last, T) = hidden(model, rows: rows, pad: pad)
            let B = rows.count, C = dim, p = params.pointer, g = grads.pointer, bo = classes * dim
            var dHidden = [Float](repeating: 0, count: B * T * C)
            var loss: Float = 0, correct = 0
            for b in 0..<B {
                let hp = h.baseAddress! + last[b] * C
                let prob = probabilities(hp)
                loss += -log(max(prob[labels[b]], 1e-12)) / Float(B)
                if prob.indices.max(by: { prob[$0] < prob[$1] }) == labels[b] { correct += 1 }
                for k in 0..<classes {
                    let dz = (prob[k] - (k == labels[b] ? 1 : 0)) / Float(B)
                    g[bo + k] += dz
                    for c in 0..<C {
                        g[k * C + c] += dz * hp[c]
                        dHidden[last[b] * C + c] += dz * p[k * C + c]
                    }
                }
            }
            dHidden.withUnsafeBufferPointer { model.backward(finalHiddenGrads: $0, downToLayer: downToLayer) }
            return Trainer.StepResult(loss: loss, tokens: B * T, metrics: ["acc": Float(correct) / Float(B)])
        }
    }
}

/// Token rows with a class label, `B` per batch in a seeded order that changes every epoch.
public final class LabelledBatches: Resumable {
    public struct Row: Sendable { public var tokens: [Int]; public var label: Int
        public init(tokens: [Int], label: Int) { self.tokens = tokens; self.label = label } }
    public let rows: [Row]
    let B: Int
    var order: EpochOrder

    public init(rows: [Row], batchSize B: Int, seed: UInt64) throws {
        guard !rows.isEmpty else { throw TrainingError.badInput("no labelled examples") }
        self.rows = rows; self.B = B
        order = EpochOrder(count: rows.count, seed: seed)
    }

    public func next() -> [Row] { (0..<B).map { _ in rows[order.next()] } }
    public var position: Data { order.position }
    public func restore(_ position: Data) throws { try order.restore(position) }
}

/// A class head and the model's weights below it: the model under `AdamW` (gradients reach only the
/// layers the objective's backward reaches), the head under its own `FlatAdamW` at `headScale` times the
/// schedule's rate. The head, with its moments, rides in the model checkpoint as one more file.
public final class HeadSet: TrainableSet {
    public static let stateFile = "class_head_state.safetensors"
    public let head: ClassHead
    let body: FullModel
    let headOptimizer: FlatAdamW
    let headScale: Float

    public init(model: Model, head: ClassHead, options: AdamW.Options, headOptions: AdamW.Options, headScale: Float,
                extras: @escaping (URL) throws -> Void = { _ in }) {
        self.head = head; self.headScale = headScale
        let opt = FlatAdamW(count: head.params.count, options: headOptions)
        headOptimizer = opt
        body = FullModel(model: model, options: options, extras: { tmp in
            try extras(tmp)
            try opt.stateData(metadata: [:], params: head.params).write(to: tmp.appendingPathComponent(HeadSet.stateFile))
        })
    }

    public var label: String? { "class head" }
    public func beginStep() { body.beginStep(); head.grads.zero() }

    public func update(lr: Float) -> Float {
        let norm = body.update(lr: lr)
        headOptimizer.update(params: head.params, grads: head.grads, lr: lr * headScale)
        return norm
    }

    public func saveCheckpoint(to folder: URL, state: TrainingState) throws { try body.saveCheckpoint(to: folder, state: state) }

    public func restoreCheckpoint(from folder: URL) throws -> TrainingState? {
        guard let s = try body.restoreCheckpoint(from: folder) else { return nil }
        _ = try headOptimizer.restore(from: folder.appendingPathComponent(Self.stateFile), params: head.params)
        return s
    }

    public func saveWeights(to folder: URL) throws { try body.saveWeights(to: folder) }

    public func restoreWeights(from folder: URL) throws {
        try body.restoreWeights(from: folder)
        // The head's weights, not its moments: the optimizer goes on from where it is.
        let scratch = FlatAdamW(count: head.params.count, options: headOptimizer.options)
        _ = try scratch.restore(from: folder.appendingPathComponent(Self.stateFile), params: head.params)
    }

    public func finish() {}
}
