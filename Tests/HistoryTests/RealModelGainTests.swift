import FOI
import Foundation
import LM
import Store
import Testing

/// The full measurement against a real model, run by hand once one exists:
///
///     FOIBANDIT_HISTORY_MODEL=runs/foibandit-small/sft/model swift test --filter RealModelGain
///
/// Optional: FOIBANDIT_HISTORY_STEPS and FOIBANDIT_HISTORY_LR (default: `train history`'s), FOIBANDIT_HISTORY_SAMPLES
/// (letters per held-out prompt, 3), FOIBANDIT_HISTORY_OUT (a folder for the adapter,
/// the run and gain.json). Prints the held-out perplexity ratio, the style-marker rates with and
/// without the adapter, the judge's validity on the held-out prompts and on ordinary eval prompts,
/// and the training time.
@Suite struct RealModelGainTests {
    static let env = ProcessInfo.processInfo.environment

    @Test(.enabled(if: env["FOIBANDIT_HISTORY_MODEL"] != nil))
    func measuredGainOnTheSampleHistory() throws {
        let model = URL(fileURLWithPath: Self.env["FOIBANDIT_HISTORY_MODEL"]!, relativeTo: repoRoot)
        let out = try Self.env["FOIBANDIT_HISTORY_OUT"].map { URL(fileURLWithPath: $0) } ?? temporaryFolder()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let s = try seededStore(out.appendingPathComponent("db-\(UUID().uuidString)"))
        try importPaths([fixtures.appendingPathComponent("sample_history.csv").path], into: s)
        let letters = try s.historyLetters(), keywords = try s.allKeywords(), authorities = try s.allAuthorities()
        var o = HistoryFineTuneOptions()
        o.steps = Int(Self.env["FOIBANDIT_HISTORY_STEPS"] ?? "") ?? o.steps
        o.maxLR = Float(Self.env["FOIBANDIT_HISTORY_LR"] ?? "")
        o.evalEvery = 20; o.checkpointEvery = 20
        let began = Date()
        let r = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, baseModel: model,
                                        runDir: out.appendingPathComponent("run"), output: out.appendingPathComponent("adapter"),
                                        merge: nil, options: o, resume: false, report: { print($0) })
        let trainSeconds = Date().timeIntervalSince(began)
        print(String(format: "GAIN perplexity: base %.3f, adapter %.3f, ratio %.3f (%d steps, %.0f s training)",
                     exp(r.baseEvalLoss), exp(r.evalLoss), r.perplexityRatio, r.steps, trainSeconds))
        #expect(r.perplexityRatio <= 0.7)

        let judge = Judge(knownAuthorities: authorities, knownKeywords: keywords)
        let writer = try LetterWriter(modelDirectory: model, judge: judge)
        let adapter = try LoRAAdapter.load(directory: out.appendingPathComponent("adapter"), modelConfig: writer.model.config)
        let (train, held) = HistoryTraining.split(letters)
        let genBegan = Date()
        let gain = try HistoryGain.measure(writer: writer, adapter: adapter,
                                           requests: HistoryGain.requests(for: held, knownKeywords: keywords,
                                                                                      samples: Int(Self.env["FOIBANDIT_HISTORY_SAMPLES"] ?? "") ?? 3),
                                           personLetters: train.map(\.body), heldOutLetters: held.map(\.body))
        print("GAIN held-out prompts:\n" + gain.table)
        // validity on ordinary eval prompts too (the adapter must not make letters worse in general)
        let byName = Dictionary(authorities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let ordinary = try String(contentsOf: repoRoot.appendingPathComponent("evalsets/ordinary.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(48).compactMap { line -> LetterRequest? in
                guard let j = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let a = (j["authority"] as? String).flatMap({ byName[$0] }), let ks = j["keywords"] as? [String] else { return nil }
                return LetterRequest(authority: a, keywords: Composer.keywords(ks, known: keywords), style: .numbered,
                                     seed: (j["seed"] as? NSNumber)?.uint64Value ?? 0)
            }
        let general = try HistoryGain.measure(writer: writer, adapter: adapter, requests: ordinary,
                                              personLetters: train.map(\.body), heldOutLetters: held.map(\.body))
        print("GAIN ordinary eval prompts:\n" + general.table)
        print(String(format: "GAIN generation took %.0f s", Date().timeIntervalSince(genBegan)))
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let report: [String: Any] = [
            "perplexity_base": Double(exp(r.baseEvalLoss)), "perplexity_adapter": Double(exp(r.evalLoss)),
            "perplexity_ratio": Double(r.perplexityRatio), "steps": r.steps, "training_seconds": trainSeconds,
            "held_out": try JSONSerialization.jsonObject(with: enc.encode(gain)),
            "ordinary": try JSONSerialization.jsonObject(with: enc.encode(general)),
        ]
        try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
            .write(to: out.appendingPathComponent("gain.json"))
        #expect(gain.adapted.greeting > gain.base.greeting)
        #expect(gain.validityChangePoints >= -2 || general.validityChangePoints >= -2)
    }
}
