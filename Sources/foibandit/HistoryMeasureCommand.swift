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
            with the base model and with the adapter, through the product's writer (the copy and word guards), once \
            for each --candidates: 1 is plain sampling, the model's own letters; 8 is the product's best of 8 with the \
            judge's reranking, as `generate` writes. Seeds are fixed, so a rerun writes the same letters. Reports, for \
            each, the style markers (your letters first), judge validity (score ≥ 80, as `eval`), letters with no \
            defect, letters with a non-word, grounded validity and the checks that fail. `train history --measure` runs \
            it after training.
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
    @Option(parsing: .upToNextOption,
            help: "Candidates per letter when measuring, each measured in turn: 1 is plain sampling (the model's own letters), 8 the product's best of 8.")
    var candidates = [1, LetterWriter.productCandidates]
    @Option(help: "Write the measured letters (base and adapter, with scores and failed checks) to this JSON Lines file.")
    var letters: String?
    @Option(help: "Write the measurement (markers, validity, failed checks) to this JSON file.") var json: String?
    @Flag(help: "Measure without the copy and word guards: the model's raw samples.") var unguarded = false
    @Flag(help: ArgumentHelp("Keep the writer's preference for bank questions on adapter letters (off with --adapter).", visibility: .hidden))
    var groundAdapterItems = false

    func validate() throws {
        guard samples > 0, !candidates.isEmpty, candidates.allSatisfy({ $0 > 0 }) else { throw ValidationError("--samples and --candidates must be positive") }
    }

    /// Measures the adapter once for each of `candidates`; the letters file holds every row (with its
    /// `candidates`), the JSON file an object keyed "best_of_N".
    func measure(store s: FOIStore, base: URL, adapter dir: URL) throws -> [HistoryGain] {
        let resolver = try Resolver(s)
        let keywords = resolver.keywords
        let history = try s.historyLetters()
        let writer = try LetterWriter(modelDirectory: base, judge: resolver.judge)
        writer.requester = (try? s.requester()) ?? HistoryTraining.signer(history)
        writer.guardsNames = !unguarded
        let adapter = try LoRAAdapter.load(directory: dir, modelConfig: writer.model.config)
        // As `--adapter` writes: the base writes the items inside the person's frame.
        let itemModel = try Model.load(directory: base)
        let split = HistoryTraining.split(history)
        let reqs = HistoryGain.requests(for: split.test, knownKeywords: keywords, samples: samples)
        var gains: [HistoryGain] = [], rows: [String] = []
        for n in candidates {
            let began = Date()
            stderr("measuring: \(reqs.count) letters each for the base and the adapter (\(split.test.count) test prompts, "
                   + "\(samples) seeds each), " + (n == 1 ? "plain sampling (best of 1)" : "best of \(n)") + (unguarded ? ", unguarded" : ""))
            let bar = ProgressLine()
            let gain = try HistoryGain.measure(writer: writer, adapter: adapter, requests: reqs, personLetters: history.map(\.body),
                                               personTest: split.test, knownKeywords: keywords, candidates: n,
                                               adaptedGroundsItems: groundAdapterItems, itemModel: itemModel,
                                               frameSupport: HistoryTraining.frameSupport(split.train), progress: { done, total in
                let sec = Date().timeIntervalSince(began)
                let eta = done > 0 ? sec * Double(total - done) / Double(done) : 0
                bar.show(String(format: "measure [%@] %d/%d letters, %.0f s, ETA %.0f s",
                                String(repeating: "#", count: 20 * done / max(total, 1)).padding(toLength: 20, withPad: ".", startingAt: 0),
                                done, total, sec, eta))
            }, samples: { b, a in rows += Self.rows(reqs, b, a, candidates: n) })
            bar.finish()
            print("\(n == 1 ? "plain sampling" : "best of \(n)"): letters for the \(split.test.count) test prompts, \(samples) seeds each "
                  + "(\(String(format: "%.0f", Date().timeIntervalSince(began))) s):")
            print(gain.table)
            fflush(nil)   // each table as it is measured, into a file too: the plain one comes long before the best of 8
            gains.append(gain)
        }
        if let path = letters { try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path)) }
        if let json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            let keyed = Dictionary(gains.map { ("best_of_\($0.candidates)", $0) }, uniquingKeysWith: { $1 })
            try enc.encode(keyed).write(to: URL(fileURLWithPath: json))
        }
        return gains
    }

    /// One JSON line per request: the base's and the adapter's letter, scores, failed checks and non-words.
    static func rows(_ reqs: [LetterRequest], _ b: [WrittenLetter], _ a: [WrittenLetter], candidates: Int) -> [String] {
        zip(reqs, zip(b, a)).map { q, p -> String in
            func fields(_ l: WrittenLetter) -> [String: Any] {
                ["letter": l.letter, "score": l.judge.score, "valid": l.judge.valid, "failed": l.judge.failed.map(\.id),
                 "non_words": l.judge.check(.words).flatMap { $0.passed ? nil : $0.reason } ?? "", "ungrounded": l.ungrounded ?? []]
            }
            let obj: [String: Any] = ["authority": q.authority.name, "keywords": q.keywords.map(\.text), "seed": q.seed,
                                      "candidates": candidates, "base": fields(p.0), "adapter": fields(p.1)]
            return String(decoding: (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data(),
                          as: UTF8.self)
        }
    }
}
