import FilingsRead
import Foundation
import LM
import LMFormats
import Tokenizer

/// The filings benchmark (`foibandit filings bench`, bench/filings/run.sh; what it measures is in
/// bench/filings/README.md): naive Bayes vs the model with a class head, extraction exact-match per
/// field, and the summaries' number check, field-based and (with SFT steps) the model's.
public enum FilingsBench {
    public struct Options: Sendable {
        public var model: URL
        public var steps = 150
        public var seqLen = 160
        public var trainDocs = 700
        public var testDocs = 280
        public var modes: [ModelClassifier.Mode] = [.lastBlock, .full]
        public var lr: Float?                    // nil: the classifier's default
        /// Handwritten announcements with NAME.expected beside each; nil or missing: not scored.
        public var announcements: URL?
        public var sftSteps = 0                  // 0: no LM summaries
        public var sftModel: URL?                // nil: the classifier's model
        public var summaryPrompt = SummaryPromptStyle.fields
        public var sftLR: Float = 3e-3
        public var tries = 3
        public var retryTemperature: Float = 0.7
        public var summaryDocs = 28
        public var sftSave: URL?                 // keep the summary model for `filings eval --summary-model`
        public var comparePenalty = false        // also score the same weights with repetition penalty 1.1
        public init(model: URL) { self.model = model }
    }

    public struct Results: Codable, Sendable {
        public var classification: [ClassificationReport]
        public var extraction: [FilingsEval.FieldScore]
        public var summaries: FilingsEval.SummaryScore
    }

    /// One of each type, ours (Tests/FilingsTests/Fixtures/announcements): the "14 handwritten" column
    /// of the results, so it stays comparable with the rows taken before the corpus grew.
    public static let handwritten = ["holdings.html", "pdmr.txt", "own-shares.txt", "voting-rights.txt", "agm-result.html",
                                     "final-results.txt", "half-year.txt", "trading-update.txt", "meeting-notice.txt",
                                     "annual-report.txt", "block-listing.html", "form-8.3.txt", "directorate.txt", "other.txt"]

    /// Runs the benchmark; `progress` gets training lines and each result as it comes. Returns the
    /// results and the same report as Markdown.
    public static func run(_ o: Options, progress: @escaping (String) -> Void) throws -> (results: Results, markdown: String) {
        var md = "# Filings benchmark\n\nModel: `\(o.model.relativePath)`; \(o.trainDocs) training documents (training companies), \(o.testDocs) test documents (held-out companies, seeds unseen in training).\n\n"
        func log(_ s: String) { progress(s); md += s + "\n" }
        let comp = FilingsComposer()
        let train = comp.corpus(count: o.trainDocs, heldOut: false, seed: 101), test = comp.corpus(count: o.testDocs, heldOut: true, seed: 202)
        let trainEx = train.map { (FilingText.of($0), $0.type) }
        let hand = try o.announcements.flatMap(readHandwritten)
        if o.announcements != nil && hand == nil { progress("no handwritten announcements at \(o.announcements!.relativePath); not scored") }
        var reports: [ClassificationReport] = []
        let nb = NaiveBayes(); nb.train(trainEx)
        reports.append(FilingsEval.classification(name: "bag-of-words naive Bayes", { $0.map { nb.classify($0).type } }, docs: test))
        log("```\n" + reports.last!.table + "```")
        if let hand {
            let right = zip(hand.map { nb.classify($0.text).type }, hand).filter { $0 == $1.type }.count
            log("handwritten announcements: naive Bayes \(right)/\(hand.count) right")
        }
        // harder: only the first 300 characters (often no headline); both classifiers see the same text
        let short = test.map { d -> ComposedFiling in var c = d; c.document = String(FilingText.of(d).prefix(300)); return c }
        reports.append(FilingsEval.classification(name: "bag-of-words naive Bayes, first 300 characters", { $0.map { nb.classify($0).type } }, docs: short))
        log("```\n" + reports.last!.table + "```")
        for m in o.modes {
            // a fresh copy per mode: fine-tuning changes the weights in place
            let clf = ModelClassifier(model: try Model.load(directory: o.model), tokenizer: try BPETokenizer(directory: o.model), seqLen: o.seqLen)
            var co = ModelClassifier.Options(); co.mode = m; co.steps = o.steps; co.seqLen = o.seqLen
            if let lr = o.lr { co.lr = lr }
            let began = Date()
            try clf.train(trainEx, options: co, report: progress)
            let secs = Int(Date().timeIntervalSince(began))
            let classify = { (texts: [String]) in
                stride(from: 0, to: texts.count, by: 16).flatMap { clf.classify(batch: Array(texts[$0..<min($0 + 16, texts.count)])).map(\.type) }
            }
            reports.append(FilingsEval.classification(name: "model + class head, \(m.rawValue) fine-tune (\(o.steps) steps × \(co.batchSize), lr \(co.lr), \(o.seqLen) tokens, \(secs) s)", classify, docs: test))
            log("```\n" + reports.last!.table + "```")
            if let hand {
                let right = zip(classify(hand.map(\.text)), hand).filter { $0 == $1.type }.count
                log("handwritten announcements: model \(m.rawValue) \(right)/\(hand.count) right")
            }
            reports.append(FilingsEval.classification(name: "model + class head, \(m.rawValue), first 300 characters", classify, docs: short))
            log("```\n" + reports.last!.table + "```")
        }
        let ext = FilingsEval.extraction(docs: comp.corpus(count: 560, heldOut: true, seed: 303))
        log("## Extraction exact-match (true type, 560 held-out documents)\n\n```\n" + FilingsEval.extractionTable(ext) + "```")
        var summary = FilingsEval.summaries(writer: nil, docs: comp.corpus(count: 140, heldOut: true, seed: 505))
        log("Field-based summaries passing the number check: \(summary.fieldSummaryPass)/\(summary.documents)")
        if o.sftSteps > 0 { summary = try lmSummaries(o, comp: comp, log: log, progress: progress) }
        return (Results(classification: reports, extraction: ext, summaries: summary), md)
    }

    /// SFT on composer filing → summary pairs, then the number and issuer check on held-out companies.
    static func lmSummaries(_ o: Options, comp: FilingsComposer, log: (String) -> Void, progress: @escaping (String) -> Void) throws -> FilingsEval.SummaryScore {
        let dir = o.sftModel ?? o.model
        let model = try Model.load(directory: dir), tok = try BPETokenizer(directory: dir)
        let began = Date()
        try FilingsEval.trainSummaries(model: model, tokenizer: tok, docs: comp.corpus(count: 1400, heldOut: false, seed: 404), steps: o.sftSteps,
                                       lr: o.sftLR, style: o.summaryPrompt, report: progress)
        let secs = Int(Date().timeIntervalSince(began))
        if let out = o.sftSave {
            // the prompt style travels with the weights, as `filings train-summaries` saves it
            try model.save(to: out, extraFiles: { try tok.save(to: $0); try o.summaryPrompt.save(in: $0) })
        }
        let w = SummaryWriter(model: model, tokenizer: tok, tries: o.tries, style: o.summaryPrompt, retryTemperature: o.retryTemperature)
        let docs = comp.corpus(count: o.summaryDocs, heldOut: true, seed: 505)
        let s = FilingsEval.summaries(writer: w, docs: docs, report: progress)
        log("LM summaries (`\(dir.relativePath)`, prompt \(o.summaryPrompt.rawValue), \(o.sftSteps) SFT steps × 8 at lr \(o.sftLR), \(secs) s; greedy, then retries at temperature \(w.retryTemperature)): \(s.firstTryPass)/\(s.documents) passed the number and issuer check on the first try, \(s.passedWithinTries)/\(s.documents) within \(o.tries) tries, \(s.fallbacks) used the field-based fallback (rejected attempts: \(s.rejectedForNumbers) for numbers, \(s.rejectedForIssuer) for the issuer, \(s.rejectedIncomplete) cut off)")
        log("passes by attempt: \(s.passedAtAttempt)")
        for e in s.examples { log("- " + e) }
        if o.comparePenalty {
            // the old sampler setting on the same weights: the penalty counts prompt tokens as seen
            w.repetitionPenalty = 1.1
            let p = FilingsEval.summaries(writer: w, docs: docs)
            log("same model, repetition penalty 1.1: \(p.firstTryPass)/\(p.documents) first try, \(p.passedWithinTries)/\(p.documents) within \(o.tries) tries")
        }
        return s
    }

    /// The `handwritten` files in `folder` with the type their NAME.expected gives; nil when the folder is not there.
    static func readHandwritten(_ folder: URL) throws -> [(text: String, type: FilingType)]? {
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        return try handwritten.map { file in
            let base = (file as NSString).deletingPathExtension
            let expected = try String(contentsOf: folder.appendingPathComponent(base + ".expected"), encoding: .utf8)
            guard let line = expected.split(separator: "\n").first(where: { $0.hasPrefix("type:") }),
                  let type = FilingType(rawValue: line.dropFirst("type:".count).trimmingCharacters(in: .whitespaces)) else {
                throw FilingError.unreadable(base + ".expected", detail: "no known type line")
            }
            let doc = try FilingReader.read(data: try Data(contentsOf: folder.appendingPathComponent(file)), filename: file)
            return (doc.text, type)
        }
    }

    /// Writes NAME.json and NAME.md into `folder` (made if missing).
    public static func write(_ r: (results: Results, markdown: String), to folder: URL, name: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        try enc.encode(r.results).write(to: folder.appendingPathComponent(name + ".json"))
        try r.markdown.write(to: folder.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
    }
}
