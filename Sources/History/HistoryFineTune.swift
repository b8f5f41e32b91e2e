import FOI
import Foundation
import LM
import LMFormats
import Tokenizer
import Training
import Writer

/// Settings of `train history`. LoRA by default; `full` fine-tunes every weight instead. A nil setting is
/// chosen from the history's size (`HistoryPlan`).
public struct HistoryFineTuneOptions: Sendable, Equatable {
    public var rank: Int?
    public var alpha: Float?
    /// The projections and the tied embedding: a person's words the base was trained never to write ("I'd",
    /// "I'll") are learnt only when their embedding can move (LoRA.swift); without it those exact words garbled.
    public var targets = LoRAConfig.allTargets + [LoRAConfig.embedTarget]
    /// Move every embedding row instead of only the person's own tokens (`HistoryEmbedRows`): how the
    /// adapters before it trained, kept to measure the difference.
    public var embedAllRows = false
    public var full = false
    /// The most steps; early stopping usually ends sooner.
    public var steps: Int?
    public var batchSize = 8
    /// nil: the longest example, rounded up to 16, at most the model's maxSeqLen.
    public var seqLen: Int?
    public var maxLR: Float?
    public var warmupSteps = 10
    public var evalEvery: Int?
    public var checkpointEvery = 20
    /// Evaluations without a new best before stopping; 0 trains every step (the best is still the one kept).
    public var patience: Int?
    /// Composer letters mixed in; nil: the plan's (one for every three of the person's), 0: none.
    public var replayLetters: Int?
    public var seed: UInt64 = 1
    public init() {}

    /// The plan for `n` training letters with this run's overrides applied.
    public func plan(trainLetters n: Int) -> HistoryPlan {
        var p = HistoryPlan(trainLetters: n, batchSize: batchSize)
        if let rank { p.rank = rank; p.alpha = alpha ?? Float(2 * rank) } else if let alpha { p.alpha = alpha }
        if let steps { p.maxSteps = steps }
        if let maxLR { p.learningRate = maxLR } else if full { p.learningRate = 1e-4 }
        if let evalEvery { p.evalEvery = evalEvery }
        if let patience { p.patience = patience }
        if let replayLetters { p.replayLetters = replayLetters }
        p.evalEvery = max(1, min(p.evalEvery, p.maxSteps))
        return p
    }
}

/// Where adapters live: `$XDG_DATA_HOME/foibandit/adapters/NAME/` (else `~/.local/share/...`).
public enum HistoryAdapters {
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let d = environment["FOIBANDIT_ADAPTERS"], !d.isEmpty { return URL(fileURLWithPath: d) }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return URL(fileURLWithPath: base).appendingPathComponent("foibandit/adapters")
    }

    public static func directory(name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        root(environment: environment).appendingPathComponent(name)
    }

    /// Adapter names present (LoRA adapters and fully fine-tuned models alike).
    public static func list(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let r = root(environment: environment)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: r.path)) ?? []
        return names.filter { n in
            !n.hasPrefix(".") && (FileManager.default.fileExists(atPath: r.appendingPathComponent(n).appendingPathComponent(LoRAAdapter.configFile).path)
                || FileManager.default.fileExists(atPath: r.appendingPathComponent(n).appendingPathComponent("config.json").path))
        }.sorted()
    }

    public enum Kind: Equatable, Sendable {
        /// LoRA weights to add onto the base model.
        case lora(URL)
        /// A fully fine-tuned model folder (`train history --full`): use it instead of the base.
        case model(URL)
    }

    /// Resolves `--adapter NAME` (a name in the adapters folder, or a path), with did-you-mean on a miss.
    public static func resolve(_ nameOrPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Kind {
        let fm = FileManager.default
        let dir = nameOrPath.contains("/") ? URL(fileURLWithPath: nameOrPath) : directory(name: nameOrPath, environment: environment)
        if fm.fileExists(atPath: dir.appendingPathComponent(LoRAAdapter.configFile).path) { return .lora(dir) }
        if fm.fileExists(atPath: dir.appendingPathComponent("config.json").path) { return .model(dir) }
        let known = list(environment: environment)
        throw CheckpointError.fileNotFound(known.isEmpty
            ? "no adapter '\(nameOrPath)' (none trained yet; run `foibandit train history`)"
            : Suggest.unknownMessage(kind: "adapter", name: nameOrPath, candidates: known) + " (adapters: \(known.joined(separator: ", ")))")
    }

    /// Adds a LoRA adapter into a loaded model (e.g. `LetterWriter.model`); `remove` takes it out again,
    /// so the slot machine can switch styles without reloading. Refuses an adapter of another shape, and
    /// one trained on different base weights unless `allowOtherBase`.
    @discardableResult
    public static func apply(_ dir: URL, to model: Model, remove: Bool = false, allowOtherBase: Bool = false) throws -> LoRAAdapter {
        let a = try LoRAAdapter.load(directory: dir, modelConfig: model.config)
        if !allowOtherBase, !a.baseFingerprint.isEmpty, !remove {
            let fp = LoRAAdapter.fingerprint(model)
            guard fp == a.baseFingerprint else {
                throw CheckpointError.badConfig("\(dir.path) was trained on \(a.baseModel) (weights \(a.baseFingerprint)), "
                    + "not on this model (weights \(fp)); retrain it with `foibandit train history`")
            }
        }
        try a.merge(into: model, factor: remove ? -1 : 1)
        return a
    }
}

public enum HistoryFineTune {
    public struct Result: Sendable {
        public var trainLetters: Int
        /// Letters held out (validation and test).
        public var heldOutLetters: Int
        public var validationLetters: Int
        public var testLetters: Int
        /// Training letters with no matched authority: they train the style only.
        public var unmatchedLetters: Int
        /// Loss on the test letters, of the base and of the kept adapter.
        public var baseEvalLoss: Float
        public var evalLoss: Float
        /// The validation loss of the kept adapter, and its step (0: the base).
        public var bestValidationLoss: Float?
        public var bestStep: Int
        public var lastStep: Int
        public var stoppedEarly: Bool
        public var plan: HistoryPlan
        public var seconds: Double
        public var steps: Int
        /// The adapter folder (LoRA) or fine-tuned model folder (--full).
        public var output: URL
        public var merged: URL?
        public var perplexityRatio: Float { exp(evalLoss) / exp(baseEvalLoss) }
    }

    /// Trains on the person's letters, picks the checkpoint on the validation letters and reports the test
    /// letters (`HistoryTraining.split`), and writes the adapter (or, with `full`, the fine-tuned model) to
    /// `output`; `merge` also writes a merged model folder in the layout of `models/`. The run folder keeps
    /// checkpoints and the exact data for `resume`. `authorities` (the store's) draw the composer letters mixed in.
    public static func run(letters: [HistoryLetter], knownKeywords: [Keyword], authorities: [Authority] = [], baseModel: URL,
                           runDir: URL, output: URL, merge: URL?, options o: HistoryFineTuneOptions, resume: Bool,
                           stopAfter: Int? = nil, progress: ((TrainingProgress) -> Void)? = nil,
                           report: @escaping (String) -> Void) throws -> Result {
        let fm = FileManager.default
        try fm.createDirectory(at: runDir, withIntermediateDirectories: true)
        let trainFile = runDir.appendingPathComponent("train.jsonl"), valFile = runDir.appendingPathComponent("validation.jsonl")
        let testFile = runDir.appendingPathComponent("test.jsonl")
        let countsFile = runDir.appendingPathComponent("letters.json")
        let slots = NameSlots.used(by: baseModel)
        let split = HistoryTraining.split(letters)
        var counts = LetterCounts(train: split.train.count, unmatched: split.unmatched)
        // A resumed run keeps the data it started with, whatever was imported since.
        if resume && [trainFile, valFile, testFile, countsFile].allSatisfy({ fm.fileExists(atPath: $0.path) }) {
            counts = try JSONDecoder().decode(LetterCounts.self, from: Data(contentsOf: countsFile))
        } else {
            guard letters.count >= HistoryTraining.minimumLetters else {
                throw HistoryImportError.tooFewLetters(have: letters.count, need: HistoryTraining.minimumLetters)
            }
            let plan = o.plan(trainLetters: split.train.count)
            let own = split.train.map { l in
                let p = l.prompt(knownKeywords: knownKeywords)
                return (prompt: p.text, letter: slots ? NameSlots(p).delexicalise(l.body) : l.body)
            }
            // Four times as many as needed: the ones longer than the person's letters are left out below.
            let replay = HistoryReplay.examples(count: 4 * plan.replayLetters, authorities: authorities, keywords: knownKeywords,
                                                nameSlots: slots, seed: o.seed)
            try Data(HistoryTraining.jsonLines(own + replay).utf8).write(to: trainFile, options: .atomic)
            for (part, file) in [(split.validation, valFile), (split.test, testFile)] {
                try Data(HistoryTraining.sftJSONL(part, knownKeywords: knownKeywords, nameSlots: slots).utf8)
                    .write(to: file, options: .atomic)
            }
            try JSONEncoder().encode(counts).write(to: countsFile, options: .atomic)
        }
        let tokenizer = try BPETokenizer(directory: baseModel)
        let allTrain = try StageData.examples([trainFile.path], tokenizer: tokenizer)
        let validation = try StageData.examples([valFile.path], tokenizer: tokenizer)
        let test = try StageData.examples([testFile.path], tokenizer: tokenizer)
        let plan = o.plan(trainLetters: counts.train)
        let model = try Model.load(directory: baseModel)
        // As long as the person's longest letter (the person's letters come first in train.jsonl): a longer
        // composer letter is left out rather than making every step pay for its length.
        let length = { (e: Example) in e.prompt.count + e.completion.count }
        let longest = (allTrain.prefix(counts.train) + validation + test).map(length).max() ?? 16
        let T = min(model.config.maxSeqLen, o.seqLen ?? ((longest - 1 + 15) / 16 * 16))
        let train = Array(allTrain.prefix(counts.train))
            + allTrain.dropFirst(counts.train).filter { length($0) - 1 <= T }.prefix(plan.replayLetters)
        let cfg = try stageConfig(o, plan: plan, initFrom: baseModel.path, data: [trainFile.path], evalData: [valFile.path], seqLen: T)
        let replayed = train.count - counts.train
        report("history: \(counts.train) letters to learn from (\(counts.unmatched) with no matched authority, for the style only)"
               + (replayed > 0 ? " and \(replayed) composer letters mixed in" : "")
               + "; held out by authority: \(validation.count) to choose the checkpoint, \(test.count) to test")
        report("history: " + (o.full ? "full fine-tuning, learning rate \(plan.learningRate), at most \(plan.maxSteps) steps" : plan.description)
               + "; sequences of \(T) tokens" + (slots ? "; names through the base's slots" : ""))
        let pad = tokenizer.endOfTextId
        let valBatches = ExampleBatches.sequential(validation, batchSize: o.batchSize, seqLen: T, pad: pad)
        let testBatches = ExampleBatches.sequential(test, batchSize: o.batchSize, seqLen: T, pad: pad)
        let baseLoss = Trainer.meanLoss(model, testBatches)
        report(String(format: "history: base model test perplexity %.2f", exp(baseLoss)))

        if o.full {
            var runner = StageRunner(config: cfg, tokenizerDir: baseModel, runDir: runDir)
            runner.report = report
            runner.stopAfter = stopAfter
            let s = try runner.run(resume: resume)
            let done = fm.fileExists(atPath: runner.modelDir.appendingPathComponent("model.safetensors").path)
            let tuned = try Model.load(directory: done ? runner.modelDir : RunDirectory(runDir).checkpoint)
            let loss = Trainer.meanLoss(tuned, testBatches)
            if done {
                try tuned.save(to: output, extraFiles: { try tokenizer.save(to: $0) })
                if let merge { try tuned.save(to: merge, extraFiles: { try tokenizer.save(to: $0) }) }
            }
            return Result(trainLetters: counts.train, heldOutLetters: validation.count + test.count, validationLetters: validation.count,
                          testLetters: test.count, unmatchedLetters: counts.unmatched, baseEvalLoss: baseLoss, evalLoss: loss,
                          bestValidationLoss: nil, bestStep: s.steps, lastStep: s.steps, stoppedEarly: false, plan: plan,
                          seconds: s.seconds, steps: s.steps, output: output, merged: done ? merge : nil)
        }

        let adapter = try LoRAAdapter(modelConfig: model.config, config: LoRAConfig(rank: plan.rank, alpha: plan.alpha, targets: o.targets), seed: o.seed)
        adapter.baseModel = baseModel.standardizedFileURL.path
        adapter.baseFingerprint = LoRAAdapter.fingerprint(model)
        var ownTokens: [HistoryEmbedRows.Row] = []
        if o.targets.contains(LoRAConfig.embedTarget) && !o.embedAllRows {
            ownTokens = HistoryEmbedRows.select(model: model, examples: Array(train.prefix(counts.train)), seqLen: T, pad: pad,
                                                batchSize: o.batchSize)
            adapter.embedRows = ownTokens.map(\.token)
            report("history: the embedding adapts \(ownTokens.count) of your tokens the base does not write: "
                   + HistoryEmbedRows.describe(ownTokens, tokenizer: tokenizer))
        }
        report("history: \(adapter.parameterCount) adapter parameters (\(String(format: "%.1f", 100 * Double(adapter.parameterCount) / Double(model.parameterCount)))% of the model)")
        let data = try ExampleBatches(examples: train, batchSize: o.batchSize, seqLen: T, seed: o.seed, pad: pad)
        let trainer = LoRATrainer(config: cfg, model: model, adapter: adapter, data: data, evalBatches: valBatches,
                                  run: RunDirectory(runDir), report: report)
        trainer.stopAfter = stopAfter
        trainer.patience = plan.patience > 0 ? plan.patience : nil
        trainer.progress = progress
        let s = try trainer.train(resume: resume)
        let loss = trainer.loss(on: testBatches)
        let finished = s.lastStep == plan.maxSteps || s.stoppedEarly
        if finished {
            let info: [String: Any] = ["foibandit_history": [
                "train_letters": counts.train, "unmatched_letters": counts.unmatched, "replay_letters": replayed,
                "validation_letters": validation.count, "test_letters": test.count,
                "max_steps": plan.maxSteps, "best_step": s.bestStep, "last_step": s.lastStep, "stopped_early": s.stoppedEarly,
                "rank": plan.rank, "learning_rate": Double(plan.learningRate),
                "embedding_rows": o.embedAllRows ? "all" : "\(ownTokens.count) own tokens",
                "keywords": "as written",
                "base_test_perplexity": Double(exp(baseLoss)), "test_perplexity": Double(exp(loss)),
                "best_validation_perplexity": s.bestEval.map { Double(exp($0)) } ?? 0,
            ]]
            try adapter.save(to: output, extra: info)
            report("history done: the adapter of step \(s.bestStep) (the best on the validation letters) in \(output.path)")
            if let merge {
                try model.save(to: merge, extraFiles: { try tokenizer.save(to: $0) })   // the trainer left W0 + s·B·A in place
                report("history: merged model in \(merge.path)")
            }
        }
        report(String(format: "history: test perplexity %.2f -> %.2f (ratio %.2f)", exp(baseLoss), exp(loss), exp(loss) / exp(baseLoss)))
        return Result(trainLetters: counts.train, heldOutLetters: validation.count + test.count, validationLetters: validation.count,
                      testLetters: test.count, unmatchedLetters: counts.unmatched, baseEvalLoss: baseLoss, evalLoss: loss,
                      bestValidationLoss: s.bestEval, bestStep: s.bestStep, lastStep: s.lastStep, stoppedEarly: s.stoppedEarly,
                      plan: plan, seconds: s.seconds, steps: plan.maxSteps, output: output, merged: finished ? merge : nil)
    }

    /// The person's letters a run learns from, kept in the run folder so a resume plans as the run began.
    struct LetterCounts: Codable { var train: Int; var unmatched: Int }

    static func stageConfig(_ o: HistoryFineTuneOptions, plan: HistoryPlan, initFrom: String, data: [String], evalData: [String],
                            seqLen: Int) throws -> StageConfig {
        let j: [String: Any] = [
            "stage": "history", "initFrom": initFrom, "data": data, "evalData": evalData,
            "batchSize": o.batchSize, "seqLen": seqLen, "steps": plan.maxSteps,
            "maxLR": Double(plan.learningRate), "minLR": Double(plan.learningRate) / 10, "warmupSteps": min(o.warmupSteps, plan.maxSteps),
            "weightDecay": o.full ? 0.1 : 0.0, "gradClip": 1.0, "evalEvery": plan.evalEvery, "evalBatches": 1000,
            "checkpointEvery": o.checkpointEvery, "seed": o.seed,
        ]
        return try JSONDecoder().decode(StageConfig.self, from: try JSONSerialization.data(withJSONObject: j))
    }
}
