import Common
import FilingsRead
import Foundation
import LM
import LMFormats
import Tokenizer
import Training

/// Classification fine-tuning of the language model: the LM head is replaced by a class head
/// (weights K×C and a bias over the final normed hidden state of the last token), trained with
/// softmax cross-entropy through the one training loop (`Trainer` over a `HeadSet`). `.lastBlock`
/// trains the head, the final norm and the last transformer block (backward stops there); `.full`
/// trains every weight. The input is `<|filing|>TEXT<|summary|>`, TEXT cut to fit `seqLen` tokens.
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
        /// Steps between checkpoints in the run folder (0: only at the end).
        public var checkpointEvery = 0
        public init() {}
    }

    public let model: Model
    public let tokenizer: BPETokenizer
    public var seqLen: Int
    let head: ClassHead
    let K = FilingType.allCases.count

    public init(model: Model, tokenizer: BPETokenizer, seqLen: Int) {
        self.model = model; self.tokenizer = tokenizer; self.seqLen = min(seqLen, model.config.maxSeqLen)
        head = ClassHead(classes: FilingType.allCases.count, dim: model.config.dim)
    }

    func encode(_ text: String) -> [Int] { SummaryWriter.prompt(text, tokenizer: tokenizer, budget: seqLen) }
    var pad: Int { tokenizer.id(forSpecial: BPETokenizer.pad) ?? 0 }

    public func classify(_ text: String) -> (type: FilingType, confidence: Double) {
        classify(batch: [text])[0]
    }

    public func classify(batch texts: [String]) -> [(type: FilingType, confidence: Double)] {
        guard !texts.isEmpty else { return [] }
        let (h, last, _) = head.hidden(model, rows: texts.map(encode), pad: pad)
        return last.map { r in
            let p = head.probabilities(h.baseAddress! + r * model.config.dim)
            let i = p.indices.max { p[$0] < p[$1] }!
            return (FilingType.from(index: i), Double(p[i]))
        }
    }

    /// The stage as `stage.json` records it: the schedule, the head's settings and the examples' identity.
    func stage(_ examples: [LabelledBatches.Row], _ o: Options) -> StageConfig {
        var h = StableHash.Running()
        for e in examples { for t in e.tokens { h.add(UInt64(t)) }; h.add(UInt64(e.label) | 1 << 63) }
        var c = StageConfig(stage: .classify, initFrom: nil, data: ["filings:\(examples.count):\(StableHash.hex(h.value))"],
                            batchSize: o.batchSize, seqLen: seqLen, steps: o.steps, maxLR: o.lr, minLR: o.lr / 10,
                            warmupSteps: max(1, o.steps / 10), weightDecay: 0, gradClip: 1.0,
                            checkpointEvery: o.checkpointEvery, seed: o.seed)
        c.classHead = .init(lr: o.headLR, mode: o.mode.rawValue)
        return c
    }

    /// Fine-tunes on (text, type) pairs: a progress line every 10 steps (the mean loss and accuracy of
    /// those steps). With `run`, checkpoints go to that folder and `resume` continues an interrupted run
    /// exactly; without, a temporary folder holds them. `stopAfter` ends this invocation early (a kill).
    public func train(_ examples: [(text: String, type: FilingType)], options o: Options, run: URL? = nil, resume: Bool = false,
                      stopAfter: Int? = nil, report: @escaping (String) -> Void = { _ in }) throws {
        let rows = examples.map { LabelledBatches.Row(tokens: encode($0.text), label: $0.type.index) }
        let data = try LabelledBatches(rows: rows, batchSize: o.batchSize, seed: o.seed)
        // No decay: weights the backward does not reach have no gradient and must stay put.
        let set = HeadSet(model: model, head: head, options: AdamW.Options(weightDecay: 0, gradClip: 1.0),
                          headOptions: AdamW.Options(beta2: 0.999, weightDecay: 0, gradClip: 0), headScale: o.headLR / o.lr)
        let folder = run ?? FileManager.default.temporaryDirectory.appendingPathComponent("filings-classify-\(UUID().uuidString)")
        defer { if run == nil { try? FileManager.default.removeItem(at: folder) } }
        let trainer = Trainer(config: stage(rows, o), model: model, trainable: set, data: data, run: RunDirectory(folder),
                              objective: head.objective(data, pad: pad, downToLayer: o.mode == .lastBlock ? model.config.layers - 1 : 0),
                              report: report)
        trainer.reporting = Trainer.Reporting(every: 10, firstStep: false, windowMean: true)
        trainer.stopAfter = stopAfter
        try trainer.train(resume: resume)
    }

    // MARK: files

    struct HeadFile: Codable { var labels: [String]; var dim: Int; var seqLen: Int; var weight: [Float]; var bias: [Float] }

    /// Writes the fine-tuned model (HF layout, with tokenizer) and `class_head.json` to `directory`.
    public func save(to directory: URL) throws {
        let file = HeadFile(labels: FilingType.allCases.map(\.rawValue), dim: model.config.dim, seqLen: seqLen,
                            weight: head.weight, bias: head.bias)
        try model.save(to: directory, extraFiles: { tmp in
            try self.tokenizer.save(to: tmp)
            try JSONEncoder().encode(file).write(to: tmp.appendingPathComponent("class_head.json"))
        })
    }

    public static func load(directory: URL) throws -> ModelClassifier {
        let model = try Model.load(directory: directory)
        let tok = try BPETokenizer(directory: directory)
        let url = directory.appendingPathComponent("class_head.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FilingError.unreadable(url.path, detail: "no class head here; run `foibandit filings train` first")
        }
        let file = try JSONDecoder().decode(HeadFile.self, from: data)
        guard file.labels == FilingType.allCases.map(\.rawValue), file.dim == model.config.dim,
              file.weight.count == file.labels.count * file.dim, file.bias.count == file.labels.count else {
            throw FilingError.unreadable(url.path, detail: "the class head does not match this model or this version's filing types")
        }
        let c = ModelClassifier(model: model, tokenizer: tok, seqLen: file.seqLen)
        c.head.set(weight: file.weight, bias: file.bias)
        return c
    }
}
