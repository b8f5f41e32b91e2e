import Common
import Foundation
import LM

/// Classification fine-tuning of the language model: the LM head is replaced by a class head
/// (weights K×C and a bias over the final normed hidden state of the last token), trained with
/// softmax cross-entropy. `.lastBlock` trains the head, the final norm and the last transformer
/// block (backward stops there); `.full` trains every weight. The input is
/// `<|filing|>TEXT<|summary|>`, TEXT cut to fit `seqLen` tokens.
public final class ModelClassifier: FilingClassifier {
    public enum Mode: String, Codable, Sendable { case lastBlock = "last-block", full }

    public struct Options: Codable, Sendable {
        public var mode: Mode = .lastBlock
        public var steps = 150
        public var batchSize = 8
        public var seqLen = 160
        public var lr: Float = 3e-4
        public var headLR: Float = 3e-3
        public var seed: UInt64 = 1
        public init() {}
    }

    public let model: Model
    public let tokenizer: BPETokenizer
    public var seqLen: Int
    var W: [Float]     // (K, C)
    var bias: [Float]  // (K)
    let K = FilingType.allCases.count

    public init(model: Model, tokenizer: BPETokenizer, seqLen: Int) {
        self.model = model; self.tokenizer = tokenizer; self.seqLen = min(seqLen, model.config.maxSeqLen)
        W = Array(repeating: 0, count: K * model.config.dim); bias = Array(repeating: 0, count: K)
    }

    func encode(_ text: String) -> [Int] { SummaryWriter.prompt(text, tokenizer: tokenizer, budget: seqLen) }

    /// Forward on a batch; returns each row's last-token hidden state offset into finalHidden.
    func forwardBatch(_ rows: [[Int]]) -> (hidden: UnsafeBufferPointer<Float>, lastRows: [Int], T: Int) {
        let T = rows.map(\.count).max() ?? 1, B = rows.count
        let pad = tokenizer.id(forSpecial: BPETokenizer.pad) ?? 0
        var tokens = [Int](repeating: pad, count: B * T)
        for (b, r) in rows.enumerated() { for (t, x) in r.enumerated() { tokens[b * T + t] = x } }
        model.forward(tokens: tokens, batch: B, seqLen: T)
        return (model.finalHidden, rows.enumerated().map { $0.offset * T + $0.element.count - 1 }, T)
    }

    func headLogits(_ h: UnsafePointer<Float>) -> [Float] {
        let C = model.config.dim
        return (0..<K).map { k in
            var s = bias[k]
            for c in 0..<C { s += W[k * C + c] * h[c] }
            return s
        }
    }

    static func softmax(_ z: [Float]) -> [Float] {
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }, s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    public func classify(_ text: String) -> (type: FilingType, confidence: Double) {
        classify(batch: [text])[0]
    }

    public func classify(batch texts: [String]) -> [(type: FilingType, confidence: Double)] {
        guard !texts.isEmpty else { return [] }
        let (h, last, _) = forwardBatch(texts.map(encode))
        let C = model.config.dim
        return last.map { r in
            let p = ModelClassifier.softmax(headLogits(h.baseAddress! + r * C))
            let i = p.indices.max { p[$0] < p[$1] }!
            return (FilingType.from(index: i), Double(p[i]))
        }
    }

    /// Fine-tunes on (text, type) pairs. `report` gets a progress line every 10 steps.
    public func train(_ examples: [(text: String, type: FilingType)], options o: Options,
                      report: (String) -> Void = { _ in }) {
        let C = model.config.dim, L = model.config.layers
        let encoded = examples.map { (encode($0.text), $0.type.index) }
        let opt = AdamW(model: model, options: AdamW.Options(weightDecay: 0, gradClip: 1.0))   // no decay: frozen weights stay put
        let schedule = LRSchedule(maxLR: o.lr, minLR: o.lr / 10, warmupSteps: max(1, o.steps / 10), totalSteps: o.steps)
        var mW = [Float](repeating: 0, count: W.count), vW = mW, mb = [Float](repeating: 0, count: K), vb = mb
        var rng = Xoshiro256(seed: o.seed)
        var order = Array(encoded.indices).shuffled(using: &rng), pos = 0
        let began = Date()
        var lossWindow: Float = 0, correctWindow = 0, seenWindow = 0
        for step in 0..<o.steps {
            var rows: [[Int]] = [], labels: [Int] = []
            for _ in 0..<o.batchSize {
                if pos == order.count { order.shuffle(using: &rng); pos = 0 }
                rows.append(encoded[order[pos]].0); labels.append(encoded[order[pos]].1); pos += 1
            }
            model.zeroGrad()
            let (h, last, T) = forwardBatch(rows)
            let B = rows.count
            var dHidden = [Float](repeating: 0, count: B * T * C)
            var gW = [Float](repeating: 0, count: W.count), gb = [Float](repeating: 0, count: K)
            var loss: Float = 0
            for b in 0..<B {
                let hp = h.baseAddress! + last[b] * C
                let p = ModelClassifier.softmax(headLogits(hp))
                loss += -log(max(p[labels[b]], 1e-12)) / Float(B)
                if p.indices.max(by: { p[$0] < p[$1] }) == labels[b] { correctWindow += 1 }
                for k in 0..<K {
                    let dz = (p[k] - (k == labels[b] ? 1 : 0)) / Float(B)
                    gb[k] += dz
                    for c in 0..<C {
                        gW[k * C + c] += dz * hp[c]
                        dHidden[last[b] * C + c] += dz * W[k * C + c]
                    }
                }
            }
            dHidden.withUnsafeBufferPointer { model.backward(finalHiddenGrads: $0, downToLayer: o.mode == .lastBlock ? L - 1 : 0) }
            let lr = schedule.lr(at: step)
            opt.update(model, lr: lr)
            // Adam on the head
            let hlr = o.headLR * lr / o.lr, b1: Float = 0.9, b2: Float = 0.999
            let bc1 = 1 - pow(b1, Float(step + 1)), bc2 = 1 - pow(b2, Float(step + 1))
            for i in W.indices {
                mW[i] = b1 * mW[i] + (1 - b1) * gW[i]; vW[i] = b2 * vW[i] + (1 - b2) * gW[i] * gW[i]
                W[i] -= hlr * (mW[i] / bc1) / ((vW[i] / bc2).squareRoot() + 1e-8)
            }
            for i in bias.indices {
                mb[i] = b1 * mb[i] + (1 - b1) * gb[i]; vb[i] = b2 * vb[i] + (1 - b2) * gb[i] * gb[i]
                bias[i] -= hlr * (mb[i] / bc1) / ((vb[i] / bc2).squareRoot() + 1e-8)
            }
            lossWindow += loss; seenWindow += B
            if (step + 1) % 10 == 0 || step + 1 == o.steps {
                let el = Date().timeIntervalSince(began)
                report(String(format: "classify (%@) step %d/%d | loss %.4f | train acc %.2f | %.1f s/step | ETA %.0fs",
                              o.mode.rawValue, step + 1, o.steps, lossWindow / Float(seenWindow / B), Double(correctWindow) / Double(seenWindow),
                              el / Double(step + 1), el / Double(step + 1) * Double(o.steps - step - 1)))
                lossWindow = 0; correctWindow = 0; seenWindow = 0
            }
        }
    }

    // MARK: files

    struct HeadFile: Codable { var labels: [String]; var dim: Int; var seqLen: Int; var weight: [Float]; var bias: [Float] }

    /// Writes the fine-tuned model (HF layout, with tokenizer) and `class_head.json` to `directory`.
    public func save(to directory: URL) throws {
        let head = HeadFile(labels: FilingType.allCases.map(\.rawValue), dim: model.config.dim, seqLen: seqLen, weight: W, bias: bias)
        try model.save(to: directory, extraFiles: { tmp in
            try self.tokenizer.save(to: tmp)
            try JSONEncoder().encode(head).write(to: tmp.appendingPathComponent("class_head.json"))
        })
    }

    public static func load(directory: URL) throws -> ModelClassifier {
        let model = try Model.load(directory: directory)
        let tok = try BPETokenizer(directory: directory)
        let url = directory.appendingPathComponent("class_head.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FilingError.unreadable(url.path, detail: "no class head here; run `foibandit filings train` first")
        }
        let head = try JSONDecoder().decode(HeadFile.self, from: data)
        guard head.labels == FilingType.allCases.map(\.rawValue), head.dim == model.config.dim else {
            throw FilingError.unreadable(url.path, detail: "the class head does not match this model or this version's filing types")
        }
        let c = ModelClassifier(model: model, tokenizer: tok, seqLen: head.seqLen)
        c.W = head.weight; c.bias = head.bias
        return c
    }
}
