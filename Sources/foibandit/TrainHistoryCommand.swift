import ArgumentParser
import FOI
import FOICorpus
import Foundation
import History
import LM
import Store
import Training

/// `foibandit train history`: learn the person's style from their imported history.
struct TrainHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Fine-tune on your own request history (LoRA adapter by default) so letters come out in your style.",
        discussion: """
        Import your sent requests first (`foibandit history import`). Letters are held out by authority: an \
        eighth to choose the checkpoint (held-out loss every few steps; training stops when it no longer improves \
        and the best adapter is kept) and an eighth to test it; letters with no matched authority train the style. \
        Rank, learning rate and steps follow the history's size unless given, and composer letters are mixed in \
        so the adapter keeps the base's competence. The adapter is saved in $XDG_DATA_HOME/foibandit/adapters/NAME/ (PEFT layout, with the \
        base model's id); use it with `--adapter NAME`. --merge also writes a merged model folder in the \
        layout of models/. --full fine-tunes every weight instead of training an adapter. --resume continues \
        after a kill. --measure writes letters for the test prompts with and without the adapter and \
        reports the style markers (yours first) and the judge's validity, as `history measure` does.
        """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Adapter name (its folder in the adapters directory).") var adapterName = "mine"
    @Option(help: "LoRA rank (default: from the history's size, see HistoryPlan).") var rank: Int?
    @Option(help: "LoRA alpha (the update is scaled by alpha/rank; default twice the rank).") var alpha: Float?
    @Flag(help: "Full fine-tuning instead of LoRA.") var full = false
    @Option(help: "Also write the merged model (base + adapter) to this folder.") var merge: String?
    @Option(help: "The most training steps (default: from the history's size; early stopping usually ends sooner).") var steps: Int?
    @Option(help: "Letters per step.") var batchSize = 8
    @Option(help: "Peak learning rate (default: from the history's size for LoRA, 1e-4 for --full).") var lr: Float?
    @Option(help: "Held-out evaluations without a new best before stopping (0: train every step; the best is kept all the same).")
    var patience: Int?
    @Option(help: "Composer letters mixed into training to keep the base's competence (default: one per three of yours; 0: none).")
    var replay: Int?
    @Option(name: .customLong("run"), help: "Run folder for checkpoints and logs (default: beside the adapter, in .runs/NAME).")
    var runFolder: String?
    @Flag(help: ArgumentHelp("Adapt every embedding row, not only your own tokens (to compare).", visibility: .hidden))
    var embedAllRows = false
    @Flag(help: "Continue from the last checkpoint.") var resume = false
    @Flag(help: "After training, measure the adapter against the base on the held-out prompts (`history measure`).") var measure = false
    @OptionGroup var measuring: HistoryMeasureOptions

    func validate() throws {
        guard (rank ?? 1) > 0 && (rank ?? 1) <= 256 else { throw ValidationError("--rank must be between 1 and 256") }
        guard (alpha ?? 1) > 0 else { throw ValidationError("--alpha must be positive") }
        guard (steps ?? 1) > 0, batchSize > 0 else { throw ValidationError("--steps and --batch-size must be positive") }
        guard (patience ?? 0) >= 0, (replay ?? 0) >= 0 else { throw ValidationError("--patience and --replay must not be negative") }
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
        o.patience = patience; o.replayLetters = replay; o.embedAllRows = embedAllRows
        let output = HistoryAdapters.directory(name: adapterName)
        let keywords = try s.allKeywords()
        let bar = ProgressLine()
        let r = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, authorities: try s.allAuthorities(), baseModel: base,
                                        runDir: runDir, output: output, merge: merge.map { URL(fileURLWithPath: $0) }, options: o,
                                        resume: resume, progress: { bar.show("history " + $0.bar()) },
                                        report: { bar.clear(); stderr($0) })
        bar.finish()
        print(String(format: "held-out (test) perplexity: base %.2f, %@ %.2f (ratio %.2f); kept step %d of %d%@; "
                     + "%d letters trained (%d unmatched), %d to choose the checkpoint, %d to test; %.0f s",
                     exp(r.baseEvalLoss), full ? "fine-tuned" : "adapter", exp(r.evalLoss), r.perplexityRatio, r.bestStep, r.lastStep,
                     r.stoppedEarly ? " (stopped early)" : "", r.trainLetters, r.unmatchedLetters, r.validationLetters, r.testLetters, r.seconds))
        print("\(full ? "model" : "adapter") '\(adapterName)': \(output.path)" + (r.merged.map { "; merged model: \($0.path)" } ?? ""))
        if measure && !full { _ = try measuring.measure(store: s, base: base, adapter: output) }
    }
}

/// A progress bar on standard error: redrawn in place on a terminal, a line every tenth of the run otherwise.
final class ProgressLine {
    let tty = isatty(2) == 1
    var shown = false
    var lastPrinted = -1

    func show(_ line: String) {
        if tty {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8)); shown = true
        } else if let r = line.range(of: #"\] *(\d+)/(\d+)"#, options: .regularExpression) {
            let nums = line[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard nums.count == 2 else { return }
            let tenth = nums[0] * 10 / max(nums[1], 1)
            if tenth != lastPrinted { lastPrinted = tenth; FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
    }

    func clear() { if tty && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false } }
    func finish() { if tty && shown { FileHandle.standardError.write(Data("\n".utf8)); shown = false } }
}
