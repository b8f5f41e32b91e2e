import Common
import FilingsRead
import Foundation
import LM
import LMFormats
import Tokenizer
import Training

/// Benchmarks over composer documents: classification, extraction exact-match, summary checks,
/// and SFT for summaries.
public enum FilingsEval {
    public struct FieldScore: Codable, Sendable {
        public var type: String
        public var field: String
        public var exact: Int
        public var total: Int
        public var rate: Double { total == 0 ? 0 : Double(exact) / Double(total) }
    }

    public static func classification(name: String, _ classify: ([String]) -> [FilingType], docs: [ComposedFiling]) -> ClassificationReport {
        let texts = docs.map(FilingText.of)
        return ClassificationReport(name: name, truth: docs.map(\.type), predicted: classify(texts))
    }

    /// Exact match of each extracted field against the composer's truth, on the true type
    /// (extraction is measured apart from classification).
    public static func extraction(docs: [ComposedFiling]) -> [FieldScore] {
        var scores: [String: FieldScore] = [:]
        for d in docs {
            let got = FieldExtractor.extract(d.type, text: FilingText.of(d))
            for field in FieldExtractor.fieldNames[d.type] ?? [] {
                guard let truth = d.fields[field] else { continue }
                let key = d.type.rawValue + "/" + field
                var s = scores[key] ?? FieldScore(type: d.type.rawValue, field: field, exact: 0, total: 0)
                s.total += 1
                if got[field] == truth { s.exact += 1 }
                scores[key] = s
            }
        }
        return scores.values.sorted { ($0.type, $0.field) < ($1.type, $1.field) }
    }

    public static func extractionTable(_ s: [FieldScore]) -> String {
        var out = "type/field                          exact-match\n"
        for x in s {
            out += (x.type + "/" + x.field).padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: "%5.1f%%  (%d/%d)\n", x.rate * 100, x.exact, x.total)
        }
        let e = s.reduce(0) { $0 + $1.exact }, t = s.reduce(0) { $0 + $1.total }
        out += String(format: "all fields                          %5.1f%%  (%d/%d)\n", t == 0 ? 0 : Double(e) / Double(t) * 100, e, t)
        return out
    }

    public struct SummaryScore: Codable, Sendable {
        public var documents: Int
        public var firstTryPass: Int        // LM summary passed the number check on the first try
        public var passedWithinTries: Int   // ... within the allowed tries
        public var fallbacks: Int           // field-based summary used
        public var fieldSummaryPass: Int    // field-based summaries passing the same check (should be all)
        public var examples: [String]
        public var prompt: String? = nil        // SummaryPromptStyle of the LM summaries
        public var tries: Int? = nil
        public var rejectedForNumbers = 0       // rejected attempts with a number not in the filing
        public var rejectedForIssuer = 0        // ... that did not name the issuer
        public var rejectedIncomplete = 0       // ... that were cut off (no closing full stop) but otherwise passed
        public var passedAtAttempt: [Int] = []  // [k] = summaries that passed on attempt k+1
    }

    /// Runs the LM summary writer (when given) and the field summaries through the number check.
    public static func summaries(writer: SummaryWriter?, docs: [ComposedFiling], report: (String) -> Void = { _ in }) -> SummaryScore {
        var s = SummaryScore(documents: docs.count, firstTryPass: 0, passedWithinTries: 0, fallbacks: 0, fieldSummaryPass: 0, examples: [])
        for (i, d) in docs.enumerated() {
            let text = FilingText.of(d)
            let fields = FieldExtractor.extract(d.type, text: text)
            let fallback = FieldSummary.write(type: d.type, fields: fields)
            if NumberCheck.unsupported(summary: fallback, allowed: NumberCheck.allowed(fields: fields, document: text)).isEmpty { s.fieldSummaryPass += 1 }
            guard let w = writer else { continue }
            s.prompt = w.style.rawValue; s.tries = w.tries
            let o = w.summarize(type: d.type, text: text, fields: fields, fallback: fallback, seed: UInt64(i))
            for r in o.rejected {
                if !r.numbers.isEmpty { s.rejectedForNumbers += 1 }
                if r.issuerNotNamed != nil { s.rejectedForIssuer += 1 }
                if r.incomplete && r.numbers.isEmpty && r.issuerNotNamed == nil { s.rejectedIncomplete += 1 }
            }
            if o.source == "lm" {
                s.passedWithinTries += 1; if o.attempts == 1 { s.firstTryPass += 1 }
                if s.passedAtAttempt.count < w.tries { s.passedAtAttempt += Array(repeating: 0, count: w.tries - s.passedAtAttempt.count) }
                s.passedAtAttempt[o.attempts - 1] += 1
            } else { s.fallbacks += 1 }
            if s.examples.count < 6 {
                s.examples.append("[\(d.type.rawValue), \(o.source), tries \(o.attempts)] \(o.text)"
                                  + (o.lastRejectedText.map { " || last rejected LM text: \($0)" } ?? ""))
            }
            if (i + 1) % 10 == 0 { report("summaries \(i + 1)/\(docs.count): \(s.passedWithinTries) passed, \(s.fallbacks) fell back") }
        }
        return s
    }

    /// SFT of the LM on `<|filing|>CONTEXT<|summary|>` → summary `<|endoftext|>`, loss on the summary only,
    /// through the one training loop. CONTEXT is built as generation builds it (`style`, from the fields
    /// the extractor finds in the text), so the model trains on what it will be shown. With `run`,
    /// checkpoints go to that folder and `resume` continues an interrupted run exactly; without, a
    /// temporary folder holds them. `stopAfter` ends this invocation early (a kill, in tests).
    public static func trainSummaries(model: Model, tokenizer: BPETokenizer, docs: [ComposedFiling], steps: Int,
                                      batchSize: Int = 8, lr: Float = 5e-4, style: SummaryPromptStyle = .document,
                                      seed: UInt64 = 5, run: URL? = nil, resume: Bool = false, checkpointEvery: Int = 0,
                                      stopAfter: Int? = nil, report: @escaping (String) -> Void = { _ in }) throws {
        let maxNew = SummaryWriter.summaryTokens
        let window = min(model.config.maxSeqLen, SummaryWriter.context)
        let examples = docs.map { d -> Example in
            let completion = tokenizer.encode(" " + d.summary, allowSpecial: false).prefix(maxNew - 1) + [tokenizer.endOfTextId]
            // the same prompt budget as generation, so SFT sees the truncation it will meet
            let text = FilingText.of(d)
            let prompt = SummaryPrompt.tokens(style: style, type: d.type, fields: FieldExtractor.extract(d.type, text: text), text: text,
                                              tokenizer: tokenizer, budget: window - maxNew)
            return Example(prompt: prompt, completion: Array(completion))
        }
        // rows as long as the longest example, not the whole window: a field-block prompt is a few
        // dozen tokens, and padding it to 384 would make each step several times slower
        let T = min(window, examples.map { $0.prompt.count + $0.completion.count }.max() ?? window)
        report("summary sft: \(examples.count) examples, prompt \(style.rawValue), rows of \(T) tokens")
        let pad = tokenizer.id(forSpecial: BPETokenizer.pad) ?? 0
        let data = try ExampleBatches(examples: examples, batchSize: batchSize, seqLen: T, seed: seed, pad: pad)
        // The examples' identity goes to stage.json, so a resume on other documents is refused.
        var h = StableHash.Running()
        for e in examples { for t in e.prompt + [-1] + e.completion { h.add(UInt64(bitPattern: Int64(t))) } }
        let config = StageConfig(stage: .sft, initFrom: nil, data: ["filings-summaries:\(style.rawValue):\(examples.count):\(StableHash.hex(h.value))"],
                                 batchSize: batchSize, seqLen: T, steps: steps, maxLR: lr, minLR: lr / 10,
                                 warmupSteps: max(1, steps / 10), weightDecay: 0, gradClip: 1.0,
                                 checkpointEvery: checkpointEvery, seed: seed)
        let folder = run ?? FileManager.default.temporaryDirectory.appendingPathComponent("filings-sft-\(UUID().uuidString)")
        defer { if run == nil { try? FileManager.default.removeItem(at: folder) } }
        let trainer = Trainer(config: config, model: model, data: data, run: RunDirectory(folder),
                              objective: Trainer.languageModelling(data), saveExtras: { try tokenizer.save(to: $0) }, report: report)
        trainer.reporting = Trainer.Reporting(every: 10, firstStep: false)
        trainer.stopAfter = stopAfter
        try trainer.train(resume: resume)
    }
}
