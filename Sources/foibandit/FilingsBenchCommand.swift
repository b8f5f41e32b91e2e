import ArgumentParser
import Filings
import Foundation
import LM

/// `foibandit filings bench`: the filings benchmark (bench/filings/run.sh; README there). The work is
/// `FilingsBench.run` in the Filings target; this only parses options and writes the two files.
struct FilingsBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the filings classifiers, extraction and summaries; write OUT/NAME.json and NAME.md.",
        discussion: """
        Classification: naive Bayes vs the model with a class head (each --modes), on composer documents \
        from held-out companies, whole and the first 300 characters. Extraction exact-match per field. \
        Summaries: the number check of field-based summaries, and with --sft-steps > 0 of the model's \
        after SFT on composer filing → summary pairs.
        """)
    @Option(help: "Model folder the classifier starts from.") var model = "models/foibandit-small"
    @Option(help: "Fine-tuning steps per classifier variant (batch 8).") var steps = 150
    @Option(name: .customLong("seq-len"), help: "Tokens of each document the classifier reads.") var seqLen = 160
    @Option(name: .customLong("train-docs")) var trainDocs = 700
    @Option(name: .customLong("test-docs")) var testDocs = 280
    @Option(help: "Class-head fine-tunes, comma-separated: last-block, full; empty for none.") var modes = "last-block,full"
    @Option(help: "Learning rate of the class-head fine-tunes (default: the classifier's).") var lr: Float?
    @Option(help: "Handwritten announcements with NAME.expected files; a missing folder is skipped.")
    var announcements = "Tests/FilingsTests/Fixtures/announcements"
    @Option(name: .customLong("sft-steps"), help: "Summary SFT steps; 0: field-based summaries only.") var sftSteps = 0
    @Option(name: .customLong("sft-model"), help: "Model folder the summary SFT starts from (default: --model).") var sftModel: String?
    @Option(name: .customLong("summary-prompt"), help: "fields, fields-document or document.") var summaryPrompt = "fields"
    @Option(name: .customLong("sft-lr")) var sftLR: Float = 3e-3
    @Option(help: "LM summary attempts before the field-based fallback.") var tries = 3
    @Option(name: .customLong("retry-temperature")) var retryTemperature: Float = 0.7
    @Option(name: .customLong("summary-docs"), help: "Held-out documents the LM summaries are scored on.") var summaryDocs = 28
    @Option(name: .customLong("sft-save"), help: "Keep the summary model here (for `filings eval --summary-model`).") var sftSave: String?
    @Flag(name: .customLong("compare-penalty"), help: "Also score the summary model with the sampler's repetition penalty 1.1.")
    var comparePenalty = false
    @Option(help: "Folder the results go to.") var out = "bench/filings"
    @Option(help: "Results file name, without .json or .md.") var name = "results"
    @Option(help: "Threads.") var threads = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        var o = FilingsBench.Options(model: try modelFolder(model))
        o.modes = try modes.split(separator: ",").map { m in
            guard let mode = ModelClassifier.Mode(rawValue: m.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--modes takes last-block and full, comma-separated, or nothing")
            }
            return mode
        }
        guard let style = SummaryPromptStyle(rawValue: summaryPrompt) else {
            throw ValidationError("--summary-prompt is fields, fields-document or document")
        }
        o.steps = steps; o.seqLen = seqLen; o.trainDocs = trainDocs; o.testDocs = testDocs; o.lr = lr
        o.announcements = URL(fileURLWithPath: announcements)
        o.sftSteps = sftSteps; o.summaryPrompt = style; o.sftLR = sftLR; o.tries = tries
        o.retryTemperature = retryTemperature; o.summaryDocs = summaryDocs; o.comparePenalty = comparePenalty
        if sftSteps > 0, let sftModel { o.sftModel = try modelFolder(sftModel) }
        o.sftSave = sftSave.map { URL(fileURLWithPath: $0) }
        BLASThreads.set(threads)
        let r = try FilingsBench.run(o) { print($0) }
        try FilingsBench.write(r, to: URL(fileURLWithPath: out), name: name)
        stderr("wrote \(out)/\(name).json and \(name).md")
    }

    /// Fails before minutes of work when the folder holds no model.
    func modelFolder(_ path: String) throws -> URL {
        let url = SeedLocator.given(path)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("config.json").path) else {
            throw ValidationError("no model at \(path) (config.json missing)")
        }
        return url
    }
}
