import ArgumentParser
import FOI
import Foundation
import LM
import Store
import Training

/// `foibandit train history`: learn the person's style from their imported history.
struct TrainHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Fine-tune on your own request history (LoRA adapter by default) so letters come out in your style.",
        discussion: """
        Import your sent requests first (`foibandit history import`). 10% of them are held out to measure \
        the gain. The adapter is saved in $XDG_DATA_HOME/foibandit/adapters/NAME/ (PEFT layout, with the \
        base model's id); use it with `--adapter NAME`. --merge also writes a merged model folder in the \
        layout of models/. --full fine-tunes every weight instead of training an adapter. --resume continues \
        after a kill. --measure writes letters for the held-out prompts with and without the adapter and \
        reports the style markers and the judge's validity.
        """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Adapter name (its folder in the adapters directory).") var adapterName = "mine"
    @Option(help: "LoRA rank.") var rank = 8
    @Option(help: "LoRA alpha (the update is scaled by alpha/rank).") var alpha: Float = 16
    @Flag(help: "Full fine-tuning instead of LoRA.") var full = false
    @Option(help: "Also write the merged model (base + adapter) to this folder.") var merge: String?
    @Option(help: "Training steps.") var steps = 300
    @Option(help: "Letters per step.") var batchSize = 8
    @Option(help: "Peak learning rate (default 1e-3 for LoRA, 1e-4 for --full).") var lr: Float?
    @Option(name: .customLong("run"), help: "Run folder for checkpoints and logs (default: beside the adapter, in .runs/NAME).")
    var runFolder: String?
    @Flag(help: "Continue from the last checkpoint.") var resume = false
    @Flag(help: "After training, measure the style gain on the held-out letters.") var measure = false
    @Option(help: "Letters per held-out prompt when measuring.") var samples = 3

    func validate() throws {
        guard rank > 0 && rank <= 256 else { throw ValidationError("--rank must be between 1 and 256") }
        guard alpha > 0 else { throw ValidationError("--alpha must be positive") }
        guard steps > 0, batchSize > 0 else { throw ValidationError("--steps and --batch-size must be positive") }
        guard !adapterName.isEmpty, !adapterName.contains("/"), !adapterName.hasPrefix(".") else {
            throw ValidationError("--adapter-name must be a plain name (no '/', not starting with '.')")
        }
    }

    func run() throws {
        let s = try store.open()
        let letters = try s.historyLetters()
        let runDir = URL(fileURLWithPath: runFolder ?? HistoryAdapters.root().appendingPathComponent(".runs/\(adapterName)").path)
        let hasRun = FileManager.default.fileExists(atPath: runDir.appendingPathComponent("train.jsonl").path)
        if letters.count < HistoryTraining.minimumLetters && !(resume && hasRun) {
            throw ValidationError(HistoryImportError.tooFewLetters(have: letters.count, need: HistoryTraining.minimumLetters).description)
        }
        let base = try modelOptions.directory()
        guard FileManager.default.fileExists(atPath: base.appendingPathComponent("config.json").path) else {
            throw ValidationError("no model in \(base.path) (train one with `make model`, or pass --model)")
        }
        var o = HistoryFineTuneOptions()
        o.rank = rank; o.alpha = alpha; o.full = full; o.steps = steps; o.batchSize = batchSize; o.maxLR = lr
        o.evalEvery = max(1, min(20, steps)); o.checkpointEvery = max(1, min(20, steps))
        let output = HistoryAdapters.directory(name: adapterName)
        let keywords = try s.allKeywords()
        let r = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, baseModel: base, runDir: runDir,
                                        output: output, merge: merge.map { URL(fileURLWithPath: $0) }, options: o,
                                        resume: resume, report: stderr)
        print(String(format: "held-out perplexity: base %.2f, %@ %.2f (ratio %.2f); %d letters trained, %d held out; %.0f s",
                     exp(r.baseEvalLoss), full ? "fine-tuned" : "adapter", exp(r.evalLoss), r.perplexityRatio,
                     r.trainLetters, r.heldOutLetters, r.seconds))
        print("\(full ? "model" : "adapter") '\(adapterName)': \(output.path)" + (r.merged.map { "; merged model: \($0.path)" } ?? ""))
        if measure && !full {
            let resolver = try Resolver(s)
            let writer = try LetterWriter(modelDirectory: base, judge: resolver.judge)
            let adapter = try LoRAAdapter.load(directory: output, modelConfig: writer.model.config)
            let (train, held) = HistoryTraining.split(letters)
            let reqs = HistoryGain.requests(for: held, knownKeywords: keywords, samples: samples)
            let gain = try HistoryGain.measure(writer: writer, adapter: adapter, requests: reqs,
                                               personLetters: train.map(\.body), heldOutLetters: held.map(\.body))
            print(gain.table)
        }
    }
}
