@testable import Filings
@testable import FilingsRead
import Foundation
import LM
import LMFormats
import Testing
import Tokenizer

/// The filings benchmark (opt-in: FOIBANDIT_FILINGS_BENCH=1; see bench/filings/README.md).
/// Classification: naive Bayes vs the model fine-tuned with a class head (last block only, full);
/// extraction exact-match per field; summary number-check rate. Writes bench/filings/results.json
/// and results.md. FOIBANDIT_FILINGS_MODEL picks the model folder (default models/foibandit-small).
@Suite(.serialized) struct FilingsBench {
    static var enabled: Bool { ProcessInfo.processInfo.environment["FOIBANDIT_FILINGS_BENCH"] == "1" }
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func env(_ k: String, _ d: Int) -> Int { Int(ProcessInfo.processInfo.environment[k] ?? "") ?? d }

    @Test(.enabled(if: enabled)) func bench() throws {
        let env = ProcessInfo.processInfo.environment
        let modelDir = URL(fileURLWithPath: env["FOIBANDIT_FILINGS_MODEL"] ?? "models/foibandit-small", relativeTo: Self.root)
        let steps = Self.env("FILINGS_STEPS", 150), seqLen = Self.env("FILINGS_SEQ", 160), trainN = Self.env("FILINGS_TRAIN", 700)
        let testN = Self.env("FILINGS_TEST", 280), sftSteps = Self.env("FILINGS_SFT_STEPS", 0)
        let modes = (env["FILINGS_MODES"] ?? "last-block,full").split(separator: ",", omittingEmptySubsequences: true).compactMap { ModelClassifier.Mode(rawValue: String($0)) }
        BLASThreads.set(ProcessInfo.processInfo.activeProcessorCount)
        var md = "# Filings benchmark\n\nModel: `\(modelDir.relativePath)`; \(trainN) training documents (training companies), \(testN) test documents (held-out companies, seeds unseen in training).\n\n"
        func log(_ s: String) { print(s); md += s + "\n" }
        let comp = FilingsComposer()
        let train = comp.corpus(count: trainN, heldOut: false, seed: 101), test = comp.corpus(count: testN, heldOut: true, seed: 202)
        let trainEx = train.map { (FilingText.of($0), $0.type) }
        var reports: [ClassificationReport] = []
        let nb = NaiveBayes(); nb.train(trainEx)
        reports.append(FilingsEval.classification(name: "bag-of-words naive Bayes", { $0.map { nb.classify($0).type } }, docs: test))
        log("```\n" + reports.last!.table + "```")
        // harder: only the first 300 characters (often no headline) — both classifiers see the same text
        let handNB = try AnnouncementTests.expected.filter { e in
            nb.classify(try FilingReader.read(data: try fixture("announcements/" + e.file), filename: e.file).text).type == e.type }.count
        log("handwritten announcements (Fixtures/announcements): naive Bayes \(handNB)/14 right")
        let short = test.map { d -> ComposedFiling in var c = d; c.document = String(FilingText.of(d).prefix(300)); return c }
        reports.append(FilingsEval.classification(name: "bag-of-words naive Bayes, first 300 characters", { $0.map { nb.classify($0).type } }, docs: short))
        log("```\n" + reports.last!.table + "```")
        for m in modes {
            let model = try Model.load(directory: modelDir), tok = try BPETokenizer(directory: modelDir)
            let clf = ModelClassifier(model: model, tokenizer: tok, seqLen: seqLen)
            var o = ModelClassifier.Options(); o.mode = m; o.steps = steps; o.seqLen = seqLen
            if let lr = Float(env["FILINGS_LR"] ?? "") { o.lr = lr }
            let began = Date()
            try clf.train(trainEx, options: o) { print($0) }
            let secs = Int(Date().timeIntervalSince(began))
            reports.append(FilingsEval.classification(name: "model + class head, \(m.rawValue) fine-tune (\(steps) steps × \(o.batchSize), lr \(o.lr), \(seqLen) tokens, \(secs) s)", { texts in
                stride(from: 0, to: texts.count, by: 16).flatMap { clf.classify(batch: Array(texts[$0..<min($0 + 16, texts.count)])).map(\.type) }
            }, docs: test))
            log("```\n" + reports.last!.table + "```")
            let hand = try AnnouncementTests.expected.map { e in String(decoding: try fixture("announcements/" + e.file), as: UTF8.self) }
            let handTexts = try zip(AnnouncementTests.expected, hand).map { try FilingReader.read(data: Data($1.utf8), filename: $0.file).text }
            let handRight = zip(clf.classify(batch: handTexts), AnnouncementTests.expected).filter { $0.type == $1.type }.count
            log("handwritten announcements (Fixtures/announcements): model \(m.rawValue) \(handRight)/14 right")
            reports.append(FilingsEval.classification(name: "model + class head, \(m.rawValue), first 300 characters", { texts in
                stride(from: 0, to: texts.count, by: 16).flatMap { clf.classify(batch: Array(texts[$0..<min($0 + 16, texts.count)])).map(\.type) }
            }, docs: short))
            log("```\n" + reports.last!.table + "```")
        }
        let ext = FilingsEval.extraction(docs: comp.corpus(count: 560, heldOut: true, seed: 303))
        log("## Extraction exact-match (true type, 560 held-out documents)\n\n```\n" + FilingsEval.extractionTable(ext) + "```")
        var summary = FilingsEval.summaries(writer: nil, docs: comp.corpus(count: 140, heldOut: true, seed: 505))
        log("Field-based summaries passing the number check: \(summary.fieldSummaryPass)/\(summary.documents)")
        if sftSteps > 0 {
            // the summary model may start elsewhere than the classifier (FILINGS_SFT_MODEL)
            let sftDir = env["FILINGS_SFT_MODEL"].map { URL(fileURLWithPath: $0, relativeTo: Self.root) } ?? modelDir
            let model = try Model.load(directory: sftDir), tok = try BPETokenizer(directory: sftDir)
            let style = SummaryPromptStyle(rawValue: env["FILINGS_SUMMARY_PROMPT"] ?? "fields") ?? .fields
            let sftLR = Float(env["FILINGS_SFT_LR"] ?? "") ?? 3e-3, tries = Self.env("FILINGS_TRIES", 3)
            let began = Date()
            try FilingsEval.trainSummaries(model: model, tokenizer: tok, docs: comp.corpus(count: 1400, heldOut: false, seed: 404), steps: sftSteps,
                                           lr: sftLR, style: style) { print($0) }
            let secs = Int(Date().timeIntervalSince(began))
            if let out = env["FILINGS_SFT_SAVE"] {   // keep the summary model for `filings eval --summary-model`
                try model.save(to: URL(fileURLWithPath: out, relativeTo: Self.root), extraFiles: { try tok.save(to: $0); try style.save(in: $0) })
            }
            let n = Self.env("FILINGS_SUMMARY_DOCS", 28)
            let w = SummaryWriter(model: model, tokenizer: tok, tries: tries, style: style)
            if let t = Float(env["FILINGS_RETRY_TEMP"] ?? "") { w.retryTemperature = t }
            summary = FilingsEval.summaries(writer: w, docs: comp.corpus(count: n, heldOut: true, seed: 505)) { print($0) }
            log("LM summaries (`\(sftDir.relativePath)`, prompt \(style.rawValue), \(sftSteps) SFT steps × 8 at lr \(sftLR), \(secs) s; greedy, then retries at temperature \(w.retryTemperature)): \(summary.firstTryPass)/\(summary.documents) passed the number and issuer check on the first try, \(summary.passedWithinTries)/\(summary.documents) within \(tries) tries, \(summary.fallbacks) used the field-based fallback (rejected attempts: \(summary.rejectedForNumbers) for numbers, \(summary.rejectedForIssuer) for the issuer, \(summary.rejectedIncomplete) cut off)")
            log("passes by attempt: \(summary.passedAtAttempt)")
            for e in summary.examples { log("- " + e) }
            if env["FILINGS_COMPARE_PENALTY"] == "1" {
                // the old setting, on the same weights: repetition penalty 1.1 (counts prompt tokens as seen)
                w.repetitionPenalty = 1.1
                let p = FilingsEval.summaries(writer: w, docs: comp.corpus(count: n, heldOut: true, seed: 505))
                log("same model, repetition penalty 1.1: \(p.firstTryPass)/\(p.documents) first try, \(p.passedWithinTries)/\(p.documents) within \(tries) tries")
            }
        }
        struct Results: Codable { var classification: [ClassificationReport]; var extraction: [FilingsEval.FieldScore]; var summaries: FilingsEval.SummaryScore }
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let dir = Self.root.appendingPathComponent("bench/filings")
        let name = env["FILINGS_OUT"] ?? "results"
        try enc.encode(Results(classification: reports, extraction: ext, summaries: summary)).write(to: dir.appendingPathComponent(name + ".json"))
        try md.write(to: dir.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
    }
}
