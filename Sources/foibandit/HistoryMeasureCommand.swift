import ArgumentParser
import FOI
import Foundation
import History
import LM
import Store
import Writer

extension History {
    /// `foibandit history measure`: a trained adapter against the base on the history's test prompts, written
    /// the way `generate` and `batch` write (best of 8, judge reranking, copy and word guards).
    struct Measure: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure an adapter from `train history` against the base model on your held-out letters' prompts.",
            discussion: """
            Writes letters for the prompts of the test letters (the same hold-out by authority as `train history`), \
            with the base model and with the adapter, through the product's writer: best of --candidates (8, as \
            `generate`), the judge's reranking, the copy and word guards. Seeds are fixed, so a rerun writes the same \
            letters. Reports the style markers (your letters first), judge validity (score ≥ 80, as `eval`), letters \
            with no defect, grounded validity and the checks that fail. `train history --measure` runs it after training.
            """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var modelOptions: ModelOptions
        @Option(help: "Adapter name (its folder in the adapters directory) or path.") var adapterName = "mine"
        @OptionGroup var options: HistoryMeasureOptions

        func run() throws {
            guard case .lora(let dir) = try HistoryAdapters.resolve(adapterName) else {
                throw ValidationError("\(adapterName) is a fully fine-tuned model; measure it with `eval --model`")
            }
            _ = try options.measure(store: try store.open(), base: try modelOptions.directory(), adapter: dir)
        }
    }
}

/// What `history measure` and `train history --measure` share.
struct HistoryMeasureOptions: ParsableArguments {
    @Option(help: "Letters per held-out prompt when measuring (fixed seeds).") var samples = 5
    @Option(help: "Candidates per letter when measuring: 8 is the product's best of 8, 1 the model's own letters.")
    var candidates = LetterWriter.productCandidates
    @Option(help: "Write the measured letters (base and adapter, with scores and failed checks) to this JSON Lines file.")
    var letters: String?
    @Option(help: "Write the measurement (markers, validity, failed checks) to this JSON file.") var json: String?
    @Flag(help: "Measure without the copy and word guards: the model's raw samples.") var unguarded = false
    @Flag(help: ArgumentHelp("Keep the writer's preference for bank questions on adapter letters (off with --adapter).", visibility: .hidden))
    var groundAdapterItems = false

    func validate() throws {
        guard samples > 0, candidates > 0 else { throw ValidationError("--samples and --candidates must be positive") }
    }

    func measure(store s: FOIStore, base: URL, adapter dir: URL) throws -> HistoryGain {
        let began = Date()
        let resolver = try Resolver(s)
        let keywords = resolver.keywords
        let history = try s.historyLetters()
        let writer = try LetterWriter(modelDirectory: base, judge: resolver.judge)
        writer.requester = try? s.requester()
        writer.guardsNames = !unguarded
        let adapter = try LoRAAdapter.load(directory: dir, modelConfig: writer.model.config)
        let split = HistoryTraining.split(history)
        let reqs = HistoryGain.requests(for: split.test, knownKeywords: keywords, samples: samples)
        stderr("measuring: \(reqs.count) letters each for the base and the adapter (\(split.test.count) test prompts, "
               + "\(samples) seeds each), best of \(candidates)\(unguarded ? ", unguarded" : "")")
        let bar = ProgressLine()
        let gain = try HistoryGain.measure(writer: writer, adapter: adapter, requests: reqs, personLetters: history.map(\.body),
                                           personTest: split.test, knownKeywords: keywords, candidates: candidates,
                                           adaptedGroundsItems: groundAdapterItems, progress: { done, total in
            let sec = Date().timeIntervalSince(began)
            let eta = done > 0 ? sec * Double(total - done) / Double(done) : 0
            bar.show(String(format: "measure [%@] %d/%d letters, %.0f s, ETA %.0f s",
                            String(repeating: "#", count: 20 * done / max(total, 1)).padding(toLength: 20, withPad: ".", startingAt: 0),
                            done, total, sec, eta))
        }, samples: { b, a in
            guard let path = self.letters else { return }
            let rows = zip(reqs, zip(b, a)).map { q, p -> String in
                func fields(_ l: WrittenLetter) -> [String: Any] {
                    ["letter": l.letter, "score": l.judge.score, "valid": l.judge.valid, "failed": l.judge.failed.map(\.id),
                     "ungrounded": l.ungrounded ?? []]
                }
                let obj: [String: Any] = ["authority": q.authority.name, "keywords": q.keywords.map(\.text), "seed": q.seed,
                                          "base": fields(p.0), "adapter": fields(p.1)]
                return String(decoding: (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data(),
                              as: UTF8.self)
            }
            try? Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        })
        bar.finish()
        print("letters for the \(split.test.count) test prompts, \(samples) seeds each (\(String(format: "%.0f", Date().timeIntervalSince(began))) s):")
        print(gain.table)
        if let json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            try enc.encode(gain).write(to: URL(fileURLWithPath: json))
        }
        return gain
    }
}
