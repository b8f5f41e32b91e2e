import Foundation
import LM
import LMFormats
import Tokenizer

/// Runs one stage from its config: builds the model (fresh or from `initFrom`), its data and
/// objective, trains with checkpoints in `runDir`, and writes the finished model to `runDir/model`
/// in Hugging Face layout with the tokenizer beside it.
public struct StageRunner {
    public let config: StageConfig
    public let tokenizerDir: URL
    public let runDir: URL
    public var report: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    /// DPO: the pairs file is built by the caller (it needs the judge) before the run.
    public var stopAfter: Int?
    /// Arithmetic of the model's matrix products (resolve a request with `Precision.resolve`).
    public var precision: Precision = .fp32

    public init(config: StageConfig, tokenizerDir: URL, runDir: URL) {
        self.config = config; self.tokenizerDir = tokenizerDir; self.runDir = runDir
    }

    public var modelDir: URL { runDir.appendingPathComponent("model") }

    @discardableResult
    public func run(resume: Bool, force: Bool = false) throws -> Trainer.Summary {
        let tokenizer = try BPETokenizer(directory: tokenizerDir)
        let model = try initialModel(vocab: tokenizer.vocabSize)
        model.precision = precision
        let c = config, pad = tokenizer.endOfTextId
        let data: Resumable
        let objective: Trainer.Objective
        var evaluate: (() -> Float)?
        switch c.stage {
        case .pretrain, .cpt:
            let train = try PackedBatches(tokens: StageData.packed(c.data, tokenizer: tokenizer,
                                                                   cache: runDir.appendingPathComponent("train.tok"), report: report),
                                          batchSize: c.batchSize, seqLen: c.seqLen, seed: c.seed)
            data = train
            objective = Trainer.languageModelling(train)
            if !c.evalData.isEmpty {
                let ev = try PackedBatches(tokens: StageData.packed(c.evalData, tokenizer: tokenizer,
                                                                    cache: runDir.appendingPathComponent("eval.tok"), report: report),
                                           batchSize: c.batchSize, seqLen: c.seqLen, seed: 0).sequential(limit: c.evalBatches)
                evaluate = { Trainer.meanLoss(model, ev) }
            }
        case .sft, .history:
            let train = try ExampleBatches(examples: StageData.examples(c.data, tokenizer: tokenizer),
                                           batchSize: c.batchSize, seqLen: c.seqLen, seed: c.seed, pad: pad)
            data = train
            objective = Trainer.languageModelling(train)
            if !c.evalData.isEmpty {
                let ev = ExampleBatches.sequential(Array(try StageData.examples(c.evalData, tokenizer: tokenizer)
                    .prefix(c.evalBatches * c.batchSize)), batchSize: c.batchSize, seqLen: c.seqLen, pad: pad)
                evaluate = { Trainer.meanLoss(model, ev) }
            }
        case .dpo:
            let pairs = try StageData.pairs(c.data, tokenizer: tokenizer)
            let reference = try initialModel(vocab: tokenizer.vocabSize)
            let dpo = try DPOObjective(pairs: pairs, reference: reference, beta: c.beta ?? 0.1,
                                       chosenNLL: c.chosenNLL ?? 0, pairsPerStep: c.batchSize, seqLen: c.seqLen, seed: c.seed, pad: pad)
            report("dpo: \(pairs.count) preference pairs")
            data = dpo
            objective = dpo.objective
            if !c.evalData.isEmpty {
                let ev = ExampleBatches.sequential(Array(try StageData.examples(c.evalData, tokenizer: tokenizer)
                    .prefix(c.evalBatches * c.batchSize)), batchSize: c.batchSize, seqLen: c.seqLen, pad: pad)
                evaluate = { Trainer.meanLoss(model, ev) }
            }
        case .classify:
            throw TrainingError.badInput("the classify stage is run by `foibandit filings train`")
        }
        report("\(c.stage.rawValue): \(model.parameterCount) parameters, \(c.steps) steps of \(c.batchSize)×\(c.seqLen), \(precision.rawValue) products")
        let tokDir = tokenizerDir, slots = usesNameSlots
        let trainer = Trainer(config: c, model: model, data: data, run: RunDirectory(runDir), objective: objective,
                              evaluate: evaluate, saveExtras: {
                                  try BPETokenizer(directory: tokDir).save(to: $0)
                                  if slots { try Checkpoint.markNameSlots($0) }
                              },
                              report: report)
        trainer.stopAfter = stopAfter
        let summary = try trainer.train(resume: resume, force: force)
        if RunDirectory(runDir).logRows().last?["step"].map(Int.init) == c.steps {
            try model.save(to: modelDir, extraFiles: {
                try tokenizer.save(to: $0)
                if slots { try Checkpoint.markNameSlots($0) }
            })
            report("\(c.stage.rawValue) done: model in \(modelDir.path)")
        }
        return summary
    }

    /// Whether this stage's letters use name slots: said by the config, or inherited from `initFrom`.
    public var usesNameSlots: Bool {
        if let s = config.nameSlots { return s }
        guard let from = config.initFrom else { return false }
        return FileManager.default.fileExists(atPath: URL(fileURLWithPath: from).appendingPathComponent(Checkpoint.nameSlotsFile).path)
    }

    func initialModel(vocab: Int) throws -> Model {
        if let from = config.initFrom {
            let m = try Model.load(directory: URL(fileURLWithPath: from))
            guard m.config.vocabSize == vocab else {
                throw TrainingError.badInput("\(from) has vocabulary \(m.config.vocabSize) but the tokenizer has \(vocab)")
            }
            return m
        }
        guard let arch = config.architecture else {
            throw TrainingError.badInput("the \(config.stage.rawValue) config needs `architecture` or `initFrom`")
        }
        guard arch.vocabSize == vocab else {
            throw TrainingError.badInput("architecture.vocabSize \(arch.vocabSize) differs from the tokenizer's \(vocab)")
        }
        return Model(config: arch.modelConfig, seed: config.seed)
    }
}
