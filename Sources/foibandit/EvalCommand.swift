import ArgumentParser
import FOI
import FOICorpus
import Foundation
import LM
import Training
import Writer

/// A model's eval: perplexity on reference letters, and the judge's view of letters it writes.
struct EvalReport: Codable {
    var model: String
    var perplexity: [String: Double]
    var sets: [LetterEval]
    var temperature: Float
    var seconds: Double
    /// Whether letters were written with the copy guard (absent in reports from before it).
    var copyGuard: Bool?
    /// Letters sampled a prompt, the judge's best kept (absent in reports from before best-of-n).
    var candidates: Int?
    /// Bits per UTF-8 byte of each reference file's letters: comparable across tokenizers (absent before it).
    var bitsPerByte: [String: Double]?
}

/// One generated letter as `eval --save-letters` writes it.
struct SavedLetter: Encodable {
    var set, prompt, letter: String
    var score: Int
    var valid: Bool
    var failed: [String]
    /// Items that match no question of the banks (`ItemGrounding`).
    var ungrounded: [String]
    var overlaps: Int
    /// Items that ask one of a keyword's own questions (`ItemGrounding.ownQuestions`).
    var ownQuestions: Int
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a model on the held-out eval sets and write eval.json.",
        discussion: """
        Perplexity and bits per byte on reference letters given their prompts (files of {"prompt", \
        "letter"} lines, or {"authority", "keywords", "letter"} lines whose prompt eval builds, so \
        anyone can measure the model on letters of their own), \
        and for each prompt set (files of {"authority", "keywords", "style", "seed"} lines) the judge's \
        mean score, validity (score >= 80), keyword coverage, wrong-authority count, legislation \
        accuracy, repetition rate, distinct-2, the share of letters copying a training letter, and the share \
        written in the style the prompt asked for (a table, copies of documents, definitions, a brief paragraph).
        """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Folder of eval sets (default: the shipped evalsets).") var sets: String?
    @Option(help: "Perplexity only, on this JSON Lines file of prompt/letter pairs (repeat for several).") var letters: [String] = []
    @Option(help: "Training letters (prompt/letter JSON Lines) for the copy check.") var training = "data/domain/sft.jsonl"
    @Option(help: "Where to write the report (default: <model>/eval.json).") var out: String?
    @Option(help: "Prompts per set (default: all).") var limit: Int?
    @Option(help: "Sampling temperature for the generated letters.") var temperature: Float = 0.7
    @Option(help: "Letters decoded together.") var batchSize = 16
    @Flag(help: "Letters as the model samples them, without the copy guard that holds begun names to the prompt.")
    var unguarded = false
    @Option(help: "Letters sampled a prompt, the judge's best kept (the product's decoding); 1 for the model's own letters.")
    var candidates = LetterWriter.productCandidates
    @Option(help: "Also write every generated letter, with its set, prompt and judge result, to this JSON Lines file (to read them).")
    var saveLetters: String?
    @Option(parsing: .upToNextOption, help: "Print eval.json of these model folders side by side instead.")
    var compare: [String] = []

    func run() throws {
        if !compare.isEmpty { return try printComparison(compare) }
        let began = Date()
        let dir = try modelOptions.directory()
        let s = try store.open()
        let resolver = try Resolver(s)
        let writer = try modelOptions.writer(judge: resolver.judge, store: s)
        writer.guardsNames = !unguarded
        writer.candidates = max(1, candidates)
        var report = EvalReport(model: writer.modelId, perplexity: [:], sets: [], temperature: temperature, seconds: 0,
                                copyGuard: !unguarded, candidates: max(1, candidates), bitsPerByte: [:])
        let files = try letters.isEmpty ? jsonlFiles(in: SeedLocator.path(sets, default: "evalsets")) : letters.map { SeedLocator.given($0).path }
        for f in files where try firstRow(f)["letter"] != nil {
            let (ppl, bpb) = try likelihood(writer, file: f, resolver: resolver)
            report.perplexity[stem(f)] = ppl
            report.bitsPerByte?[stem(f)] = bpb
            stderr(String(format: "perplexity %@: %.3f, %.3f bits per byte", stem(f), ppl, bpb))
        }
        var saved: [String] = []
        if letters.isEmpty {
            let bodies = Set((try? jsonRows(SeedLocator.given(training).path))?.compactMap { ($0["letter"] as? String).map(LetterEval.body(of:)) } ?? [])
            for f in files where try firstRow(f)["authority"] != nil && firstRow(f)["letter"] == nil {
                let requests = try jsonRows(f).prefix(limit ?? .max).map { try request($0, resolver) }
                var out: [WrittenLetter] = []
                for start in stride(from: 0, to: requests.count, by: batchSize) {
                    out += writer.write(Array(requests[start..<min(start + batchSize, requests.count)]))
                    stderr("eval \(stem(f)): \(out.count)/\(requests.count) letters")
                }
                saved += out.map { w in
                    DomainCorpus.jsonLine(SavedLetter(set: stem(f), prompt: w.prompt, letter: w.letter, score: w.judge.score,
                                                      valid: w.judge.valid, failed: w.judge.defects.map { "\($0.id): \($0.reason)" },
                                                      ungrounded: w.ungrounded ?? [], overlaps: w.overlaps ?? 0,
                                                      ownQuestions: w.ownQuestions ?? 0))
                }
                let e = LetterEval.measure(set: stem(f), letters: out, trainingBodies: bodies)
                report.sets.append(e)
            }
        }
        if let path = saveLetters { try (saved.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8) }
        report.seconds = Date().timeIntervalSince(began)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let target = URL(fileURLWithPath: out ?? dir.appendingPathComponent("eval.json").path)
        try enc.encode(report).write(to: target, options: .atomic)
        print(table([report]))
        stderr("wrote \(target.path)")
    }

    /// Perplexity per token, and bits per byte of the letters as written (total negative log-likelihood in
    /// bits over their UTF-8 bytes, names included), of a file of letters given their prompts.
    func likelihood(_ w: LetterWriter, file: String, resolver r: Resolver) throws -> (Double, Double) {
        struct Scored { var prompt: [Int]; var completion: [Int]; var bytes: Int }
        let scoredRows = try jsonRows(file).map { row -> Scored in
            guard let letter = row["letter"] as? String else { throw ValidationError("\(file): a row without \"letter\"") }
            let prompt: String
            if let p = row["prompt"] as? String { prompt = p } else {
                guard let name = row["authority"] as? String else { throw ValidationError("\(file): a row needs \"prompt\" or \"authority\"") }
                let kws = (row["keywords"] as? [String])?.joined(separator: "; ") ?? (row["keywords"] as? String) ?? ""
                prompt = Prompt(authority: try r.authority(name), keywords: try r.keywords(kws),
                                style: row["style"] as? String ?? LetterStyle.numbered.rawValue).text
            }
            // A slots model is scored on the letter with its names as slots: the writer's fill is deterministic, so
            // this is the likelihood of the letter as written. Bits per byte still count the names' bytes.
            var scored = letter
            if w.nameSlots, let p = PromptFormat.parse(prompt)?.prompt {
                let slots = w.lawSlots ? NameSlots(p, body: (try? r.authority(p.authority)).map(BodyProfile.of)) : NameSlots(p)
                scored = slots.delexicalise(letter)
            }
            return Scored(prompt: w.tokenizer.encode(prompt), completion: w.tokenizer.encode(StageData.completion(scored)),
                           bytes: StageData.completion(letter).utf8.count - PromptFormat.endToken.utf8.count)
        }
        let T = w.model.config.maxSeqLen
        let fitting = scoredRows.filter { $0.prompt.count + $0.completion.count <= T + 1 }
        if fitting.count < scoredRows.count { stderr("\(stem(file)): \(scoredRows.count - fitting.count) letters longer than the context left out") }
        let batches = ExampleBatches.sequential(fitting.map { Example(prompt: $0.prompt, completion: $0.completion) },
                                                batchSize: 8, seqLen: T, pad: w.tokenizer.endOfTextId)
        let loss = Double(Trainer.meanLoss(w.model, batches))
        let tokens = Double(fitting.map(\.completion.count).reduce(0, +))
        let bytes = Double(fitting.map(\.bytes).reduce(0, +))
        return (exp(loss), loss * tokens / log(2) / max(bytes, 1))
    }

    func request(_ row: [String: Any], _ r: Resolver) throws -> LetterRequest {
        guard let name = row["authority"] as? String else { throw ValidationError("eval row without authority") }
        let kws = (row["keywords"] as? [String])?.joined(separator: "; ") ?? (row["keywords"] as? String) ?? ""
        return LetterRequest(authority: try r.authority(name), keywords: try r.keywords(kws),
                             style: LetterStyle(rawValue: row["style"] as? String ?? "") ?? .numbered,
                             seed: (row["seed"] as? NSNumber)?.uint64Value ?? 0, temperature: temperature, maxTokens: 400)
    }

    func printComparison(_ dirs: [String]) throws {
        let reports = try dirs.map { d -> EvalReport in
            let path = SeedLocator.given(d.hasSuffix(".json") ? d : d + "/eval.json").path
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): no eval.json") }
            return try JSONDecoder().decode(EvalReport.self, from: data)
        }
        print(table(reports))
    }
}

/// A plain-text table, one column per report.
func table(_ reports: [EvalReport]) -> String {
    var rows: [(String, [String])] = [("model", reports.map(\.model))]
    let pplKeys = Set(reports.flatMap(\.perplexity.keys)).sorted()
    for k in pplKeys { rows.append(("perplexity \(k)", reports.map { $0.perplexity[k].map { String(format: "%.3f", $0) } ?? "-" })) }
    for k in pplKeys { rows.append(("bits per byte \(k)", reports.map { $0.bitsPerByte?[k].map { String(format: "%.3f", $0) } ?? "-" })) }
    let setNames = reports.flatMap { $0.sets.map(\.set) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    for name in setNames {
        let metrics: [(String, (LetterEval) -> String)] = [
            ("mean score", { String(format: "%.1f", $0.meanScore) }),
            ("validity", { String(format: "%.1f%%", 100 * $0.validity) }),
            ("valid, items from the banks", { $0.groundedValidity.map { String(format: "%.1f%%", 100 * $0) } ?? "-" }),
            ("valid, a keyword's own question", { $0.specificValidity.map { String(format: "%.1f%%", 100 * $0) } ?? "-" }),
            ("valid, asking in full", { $0.fullValidity.map { String(format: "%.1f%%", 100 * $0) } ?? "-" }),
            ("in the style asked for", { $0.styleAdherence.map { String(format: "%.1f%%", 100 * $0) } ?? "-" }),
            ("keyword coverage", { String(format: "%.1f%%", 100 * $0.keywordCoverage) }),
            ("wrong authority", { "\($0.wrongAuthority)" }),
            ("legislation", { String(format: "%.1f%%", 100 * $0.legislationAccuracy) }),
            ("repetition", { String(format: "%.1f%%", 100 * $0.repetitionRate) }),
            ("distinct-2", { String(format: "%.3f", $0.distinct2) }),
            ("copies", { String(format: "%.1f%%", 100 * $0.copyRate) }),
        ]
        for (label, f) in metrics {
            rows.append(("\(name): \(label)", reports.map { r in r.sets.first { $0.set == name }.map(f) ?? "-" }))
        }
    }
    let w0 = rows.map(\.0.count).max() ?? 0
    let widths = reports.indices.map { i in rows.map { $0.1[i].count }.max() ?? 0 }
    return rows.map { label, cells in
        label.padding(toLength: w0, withPad: " ", startingAt: 0) + "  "
            + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
    }.joined(separator: "\n")
}

func jsonlFiles(in dir: String) throws -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { throw ValidationError("\(dir): no such folder") }
    return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { dir + "/" + $0 }
}

func jsonRows(_ file: String) throws -> [[String: Any]] {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("\(file): cannot read") }
    return text.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
}

func firstRow(_ file: String) throws -> [String: Any] { try jsonRows(file).first ?? [:] }

func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
