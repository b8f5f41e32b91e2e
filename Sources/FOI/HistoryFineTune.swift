import Foundation
import LM
import Training

/// Settings of `train history`. LoRA by default; `full` fine-tunes every weight instead.
public struct HistoryFineTuneOptions: Sendable, Equatable {
    public var rank = 8
    public var alpha: Float = 16
    public var targets = LoRAConfig.allTargets
    public var full = false
    /// 300 steps at 1e-3: on the sample history this kept the most validity (measured against
    /// 40–600 steps and 2e-3; fewer steps half-learn the style and mix two formats, more overfit).
    public var steps = 300
    public var batchSize = 8
    /// nil: the longest example, rounded up to 16, at most the model's maxSeqLen.
    public var seqLen: Int?
    public var maxLR: Float?
    public var warmupSteps = 10
    public var evalEvery = 20
    public var checkpointEvery = 20
    public var seed: UInt64 = 1
    public init() {}

    /// LoRA trains few weights and wants a larger step than full fine-tuning.
    public var learningRate: Float { maxLR ?? (full ? 1e-4 : 1e-3) }
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
        public var heldOutLetters: Int
        public var baseEvalLoss: Float
        public var evalLoss: Float
        public var seconds: Double
        public var steps: Int
        /// The adapter folder (LoRA) or fine-tuned model folder (--full).
        public var output: URL
        public var merged: URL?
        public var perplexityRatio: Float { exp(evalLoss) / exp(baseEvalLoss) }
    }

    /// Trains on the person's letters (90%), evaluates on the other 10%, and writes the adapter
    /// (or, with `full`, the fine-tuned model) to `output`; `merge` also writes a merged model folder
    /// in the layout of `models/`. The run folder keeps checkpoints and the exact data for `resume`.
    public static func run(letters: [HistoryLetter], knownKeywords: [Keyword], baseModel: URL, runDir: URL,
                           output: URL, merge: URL?, options o: HistoryFineTuneOptions, resume: Bool,
                           stopAfter: Int? = nil,
                           report: @escaping (String) -> Void) throws -> Result {
        let fm = FileManager.default
        try fm.createDirectory(at: runDir, withIntermediateDirectories: true)
        let trainFile = runDir.appendingPathComponent("train.jsonl"), heldFile = runDir.appendingPathComponent("heldout.jsonl")
        // A resumed run keeps the data it started with, whatever was imported since.
        if !(resume && fm.fileExists(atPath: trainFile.path) && fm.fileExists(atPath: heldFile.path)) {
            guard letters.count >= HistoryTraining.minimumLetters else {
                throw HistoryImportError.tooFewLetters(have: letters.count, need: HistoryTraining.minimumLetters)
            }
            let (train, held) = HistoryTraining.split(letters)
            try Data(HistoryTraining.sftJSONL(train, knownKeywords: knownKeywords).utf8).write(to: trainFile, options: .atomic)
            try Data(HistoryTraining.sftJSONL(held, knownKeywords: knownKeywords).utf8).write(to: heldFile, options: .atomic)
        }
        let tokenizer = try BPETokenizer(directory: baseModel)
        let train = try StageData.examples([trainFile.path], tokenizer: tokenizer)
        let held = try StageData.examples([heldFile.path], tokenizer: tokenizer)
        let model = try Model.load(directory: baseModel)
        let longest = (train + held).map { $0.prompt.count + $0.completion.count }.max() ?? 16
        let T = min(model.config.maxSeqLen, o.seqLen ?? ((longest - 1 + 15) / 16 * 16))
        let cfg = try stageConfig(o, initFrom: baseModel.path, data: [trainFile.path], evalData: [heldFile.path], seqLen: T)
        report("history: \(train.count) letters to learn from, \(held.count) held out; "
               + (o.full ? "full fine-tuning" : "LoRA rank \(o.rank), alpha \(o.alpha)") + ", \(o.steps) steps of \(o.batchSize)×\(T)")
        let pad = tokenizer.endOfTextId
        let evalBatches = ExampleBatches.sequential(held, batchSize: o.batchSize, seqLen: T, pad: pad)
        let baseLoss = Trainer.meanLoss(model, evalBatches)
        report(String(format: "history: base model held-out perplexity %.2f", exp(baseLoss)))

        if o.full {
            var runner = StageRunner(config: cfg, tokenizerDir: baseModel, runDir: runDir)
            runner.report = report
            runner.stopAfter = stopAfter
            let s = try runner.run(resume: resume)
            let done = fm.fileExists(atPath: runner.modelDir.appendingPathComponent("model.safetensors").path)
            let tuned = try Model.load(directory: done ? runner.modelDir : RunDirectory(runDir).checkpoint)
            let loss = Trainer.meanLoss(tuned, evalBatches)
            if done {
                try tuned.save(to: output, extraFiles: { try tokenizer.save(to: $0) })
                if let merge { try tuned.save(to: merge, extraFiles: { try tokenizer.save(to: $0) }) }
            }
            return Result(trainLetters: train.count, heldOutLetters: held.count, baseEvalLoss: baseLoss, evalLoss: loss,
                          seconds: s.seconds, steps: s.steps, output: output, merged: done ? merge : nil)
        }

        let adapter = try LoRAAdapter(modelConfig: model.config, config: LoRAConfig(rank: o.rank, alpha: o.alpha, targets: o.targets), seed: o.seed)
        adapter.baseModel = baseModel.standardizedFileURL.path
        adapter.baseFingerprint = LoRAAdapter.fingerprint(model)
        report("history: \(adapter.parameterCount) adapter parameters (\(String(format: "%.1f", 100 * Double(adapter.parameterCount) / Double(model.parameterCount)))% of the model)")
        let data = try ExampleBatches(examples: train, batchSize: o.batchSize, seqLen: T, seed: o.seed, pad: pad)
        let trainer = LoRATrainer(config: cfg, model: model, adapter: adapter, data: data, evalBatches: evalBatches,
                                  run: RunDirectory(runDir), report: report)
        trainer.stopAfter = stopAfter
        let s = try trainer.train(resume: resume)
        let loss = trainer.evalLoss()
        let finished = RunDirectory(runDir).logRows().last?["step"].map(Int.init) == o.steps
        if finished {
            let info: [String: Any] = ["foibandit_history": [
                "train_letters": train.count, "held_out_letters": held.count, "steps": o.steps,
                "base_eval_perplexity": Double(exp(baseLoss)), "eval_perplexity": Double(exp(loss)),
            ]]
            try adapter.save(to: output, extra: info)
            report("history done: adapter in \(output.path)")
            if let merge {
                try model.save(to: merge, extraFiles: { try tokenizer.save(to: $0) })   // the trainer left W0 + s·B·A in place
                report("history: merged model in \(merge.path)")
            }
        }
        report(String(format: "history: held-out perplexity %.2f -> %.2f (ratio %.2f)", exp(baseLoss), exp(loss), exp(loss) / exp(baseLoss)))
        return Result(trainLetters: train.count, heldOutLetters: held.count, baseEvalLoss: baseLoss, evalLoss: loss,
                      seconds: s.seconds, steps: s.steps, output: output, merged: finished ? merge : nil)
    }

    static func stageConfig(_ o: HistoryFineTuneOptions, initFrom: String, data: [String], evalData: [String], seqLen: Int) throws -> StageConfig {
        let j: [String: Any] = [
            "stage": "history", "initFrom": initFrom, "data": data, "evalData": evalData,
            "batchSize": o.batchSize, "seqLen": seqLen, "steps": o.steps,
            "maxLR": Double(o.learningRate), "minLR": Double(o.learningRate) / 10, "warmupSteps": o.warmupSteps,
            "weightDecay": o.full ? 0.1 : 0.0, "gradClip": 1.0, "evalEvery": o.evalEvery, "evalBatches": 1000,
            "checkpointEvery": o.checkpointEvery, "seed": o.seed,
        ]
        return try JSONDecoder().decode(StageConfig.self, from: try JSONSerialization.data(withJSONObject: j))
    }
}
