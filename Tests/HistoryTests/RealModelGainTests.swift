import FOI
import Foundation
import History
import LM
import Store
import Testing
import Writer

/// The full measurement on the handwritten history (`evalsets/history/`), run by hand (minutes):
///
///     FOIBANDIT_HISTORY_MODEL=models/foibandit-small swift test --filter RealModelGain
///
/// Optional: FOIBANDIT_HISTORY_SAMPLES (letters per test prompt, 5), FOIBANDIT_HISTORY_CANDIDATES (8, the
/// product's best of 8, as `generate`; 1: the model's own letters), FOIBANDIT_HISTORY_OUT (a folder for the adapter, the run
/// and gain.json). `foibandit train history --measure` reports the same from the command line.
@Suite struct RealModelGainTests {
    static let env = ProcessInfo.processInfo.environment

    @Test(.enabled(if: env["FOIBANDIT_HISTORY_MODEL"] != nil))
    func measuredGainOnTheHandwrittenHistory() throws {
        let model = URL(fileURLWithPath: Self.env["FOIBANDIT_HISTORY_MODEL"]!, relativeTo: repoRoot)
        let out = try Self.env["FOIBANDIT_HISTORY_OUT"].map { URL(fileURLWithPath: $0) } ?? temporaryFolder()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let s = try seededStore(out.appendingPathComponent("db-\(UUID().uuidString)"))
        try importPaths([handwrittenHistory.path], into: s)
        let letters = try s.historyLetters(), keywords = try s.allKeywords(), authorities = try s.allAuthorities()
        let began = Date()
        let r = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, authorities: authorities, baseModel: model,
                                        runDir: out.appendingPathComponent("run"), output: out.appendingPathComponent("adapter"),
                                        merge: nil, options: HistoryFineTuneOptions(), resume: false, report: { print($0) })
        let trainSeconds = Date().timeIntervalSince(began)
        print(String(format: "GAIN test perplexity: base %.3f, adapter %.3f, ratio %.3f (kept step %d of %d, %.0f s)",
                     exp(r.baseEvalLoss), exp(r.evalLoss), r.perplexityRatio, r.bestStep, r.lastStep, trainSeconds))
        #expect(r.perplexityRatio <= 0.5)

        let writer = try LetterWriter(modelDirectory: model, judge: Judge(knownAuthorities: authorities, knownKeywords: keywords))
        let adapter = try LoRAAdapter.load(directory: out.appendingPathComponent("adapter"), modelConfig: writer.model.config)
        let split = HistoryTraining.split(letters)
        let gain = try HistoryGain.measure(
            writer: writer, adapter: adapter,
            requests: HistoryGain.requests(for: split.test, knownKeywords: keywords, samples: Int(Self.env["FOIBANDIT_HISTORY_SAMPLES"] ?? "") ?? 5),
            personLetters: letters.map(\.body), personTest: split.test, knownKeywords: keywords, candidates: Int(Self.env["FOIBANDIT_HISTORY_CANDIDATES"] ?? "") ?? LetterWriter.productCandidates)
        print("GAIN test prompts:\n" + gain.table)
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        try enc.encode(gain).write(to: out.appendingPathComponent("gain.json"))
        #expect(gain.closer(StyleMarker.core).count >= 4)
        #expect(gain.adaptedValidity >= gain.baseValidity)
    }
}
