import Common
@testable import Filings
@testable import FilingsRead
import Foundation
import LM
import LMFormats
@testable import Store
import Testing
import Tokenizer

@Suite struct ComposerTests {
    @Test func deterministicAndEveryType() {
        let c = FilingsComposer()
        for t in FilingType.allCases {
            let a = c.compose(t, seed: 42), b = c.compose(t, seed: 42)
            #expect(a.document == b.document && a.fields == b.fields)
            #expect(a.document.count > 200, "\(t)")
            #expect(a.fields["issuer"] == a.company)
        }
        #expect(FilingType.allCases.count == 16)
    }

    @Test func heldOutCompaniesNeverAppearInTraining() {
        let c = FilingsComposer()
        let train = Set(c.corpus(count: 280, heldOut: false, seed: 1).map(\.company))
        let test = Set(c.corpus(count: 140, heldOut: true, seed: 2).map(\.company))
        #expect(train.isDisjoint(with: test))
        #expect(test.count > 50)
    }

    @Test func extractionExactMatchOnHeldOutDocuments() {
        let docs = FilingsComposer().corpus(count: 280, heldOut: true, seed: 11)
        let scores = FilingsEval.extraction(docs: docs)
        let required: Set<String> = ["holdings", "pdmr", "own-shares", "voting-rights"]
        for s in scores where required.contains(s.type) {
            #expect(s.rate >= 0.95, "\(s.type)/\(s.field): \(s.exact)/\(s.total)")
        }
        let e = scores.reduce(0) { $0 + $1.exact }, t = scores.reduce(0) { $0 + $1.total }
        #expect(Double(e) / Double(t) > 0.95)
    }

    @Test func baselineClassifiesHeldOutCompanies() {
        let c = FilingsComposer()
        let nb = NaiveBayes()
        nb.train(c.corpus(count: 700, heldOut: false, seed: 3).map { (FilingText.of($0), $0.type) })
        let test = c.corpus(count: 280, heldOut: true, seed: 4)
        let r = FilingsEval.classification(name: "naive Bayes", { $0.map { nb.classify($0).type } }, docs: test)
        #expect(r.accuracy > 0.85, "\(r.table)")
        #expect(r.confusion.flatMap { $0 }.reduce(0, +) == 280)
    }

    @Test func reportTableHasARowPerType() {
        // the table's headings once lagged the types (trapped when dividend and nav came)
        let t = ClassificationReport(name: "x", truth: FilingType.allCases, predicted: FilingType.allCases).table
        let rows = t.split(separator: "\n").dropFirst(2)
        #expect(rows.count == FilingType.allCases.count)
        #expect(Set(rows.map { $0.prefix(4) }).count == rows.count, "one heading per type")
    }

    @Test func fieldSummariesPassTheNumberCheckAndInventedNumbersFail() {
        for d in FilingsComposer().corpus(count: 70, heldOut: true, seed: 5) {
            let text = FilingText.of(d)
            let f = FieldExtractor.extract(d.type, text: text)
            let s = FieldSummary.write(type: d.type, fields: f)
            let allowed = NumberCheck.allowed(fields: f, document: text)
            #expect(NumberCheck.unsupported(summary: s, allowed: allowed).isEmpty, "\(s)")
            #expect(NumberCheck.unsupported(summary: s + " It also bought 987,654,321 shares.", allowed: allowed) == ["987654321"])
        }
        // rounding to the places shown is allowed
        #expect(NumberCheck.unsupported(summary: "now 5.12% of the votes", allowed: ["5.123456"]).isEmpty)
        #expect(NumberCheck.unsupported(summary: "now 5.13% of the votes", allowed: ["5.123456"]) == ["5.13"])
    }
}

@Suite struct StoreTests {
    @Test func processStoreListShow() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filings-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        let r = try FilingProcessor.process(data: try fixture("account_6.xhtml"), filename: "account_6.xhtml")
        let saved = try store.saveFiling(r.record)
        let again = try store.saveFiling(r.record)            // same content: same row
        let count = try store.filingCount()
        #expect(saved.id == again.id && count == 1)
        let composed = FilingsComposer().compose(.votingRights, seed: 3)
        let r2 = try FilingProcessor.process(data: Data(composed.document.utf8), filename: composed.filename)
        try store.saveFiling(r2.record)
        let all = try store.filings()
        #expect(all.count == 2 && all[0].type == r2.type)
        let back = FilingResult(record: try #require(try store.filing(id: saved.id!)))
        #expect(back.fields == r.fields && back.summary == r.summary && back.type == "annual-report")
        #expect(try store.filings(type: "voting-rights").count == 1)
    }
}

/// A tiny model and tokenizer, as the shipped model is trained elsewhere.
func tinyModel(layers: Int = 2) -> (Model, BPETokenizer) {
    let texts = FilingsComposer().corpus(count: 42, heldOut: false, seed: 9).map(\.document)
    let tok = BPETrainer(vocabSize: 512).train(texts: texts)
    let m = Model(config: ModelConfig(vocabSize: tok.vocabSize, dim: 32, layers: layers, heads: 4, hiddenDim: 64, maxSeqLen: 256), seed: 3)
    return (m, tok)
}

@Suite(.serialized) struct ModelClassifierTests {
    /// d(Σ w·finalHidden)/dθ from the hook against central finite differences.
    @Test func finalHiddenBackwardMatchesFiniteDifferences() {
        let (m, _) = tinyModel()
        let B = 2, T = 6, C = m.config.dim
        let tokens = (0..<B * T).map { ($0 * 37 + 11) % m.config.vocabSize }
        var rng = Xoshiro256(seed: 5)
        let w = (0..<B * T * C).map { _ in rng.nextGaussian() }
        func J() -> Double {
            m.forward(tokens: tokens, batch: B, seqLen: T)
            let h = m.finalHidden
            var s = 0.0
            for i in 0..<h.count { s += Double(h[i]) * Double(w[i]) }
            return s
        }
        _ = J()
        m.zeroGrad()
        w.withUnsafeBufferPointer { m.backward(finalHiddenGrads: $0) }
        let L = m.layout
        for (kind, layer) in [(ParameterLayout.Kind.wq, 0), (.wdown, 1), (.attnNorm, 0), (.embed, 0), (.finalNorm, 0), (.wv, 1)] {
            for j in [0, 5, 17] {
                let i = L.offset(kind, layer: layer) + (kind == .embed ? tokens[3] * C + j : j)
                let old = m.params[i], eps: Float = 1e-2
                m.params[i] = old + eps; let up = J()
                m.params[i] = old - eps; let down = J()
                m.params[i] = old
                let numeric = (up - down) / Double(2 * eps), analytic = Double(m.grads[i])
                #expect(abs(numeric - analytic) <= 0.05 * max(1, abs(numeric)), "\(kind) l\(layer) [\(j)]: \(numeric) vs \(analytic)")
            }
        }
    }

    @Test func lastBlockFineTuneLeavesLowerLayersAndEmbeddingUnchanged() throws {
        let (m, tok) = tinyModel()
        let before = m.params.array
        let clf = ModelClassifier(model: m, tokenizer: tok, seqLen: 64)
        let docs = FilingsComposer().corpus(count: 28, heldOut: false, seed: 2)
        var o = ModelClassifier.Options(); o.steps = 6; o.batchSize = 4; o.seqLen = 64; o.mode = .lastBlock
        try clf.train(docs.map { (FilingText.of($0), $0.type) }, options: o)
        let after = m.params.array
        let L = m.layout
        let lastStart = L.tensors.filter { $0.layer == 1 && $0.kind != .embed && $0.kind != .finalNorm }
        var changedLast = false
        for t in L.tensors {
            let n = t.shape.reduce(1, *)
            let changed = (t.offset..<(t.offset + n)).contains { before[$0] != after[$0] }
            if t.kind == .embed || (t.layer == 0 && t.kind != .finalNorm) { #expect(!changed, "\(t.name) changed") }
            if lastStart.contains(where: { $0.offset == t.offset }) && changed { changedLast = true }
        }
        #expect(changedLast)
    }

    @Test func trainingLowersLossAndSavesAndLoads() throws {
        let (m, tok) = tinyModel()
        let clf = ModelClassifier(model: m, tokenizer: tok, seqLen: 96)
        let docs = FilingsComposer().corpus(count: 56, heldOut: false, seed: 6)
        let ex = docs.map { (FilingText.of($0), $0.type) }
        var o = ModelClassifier.Options(); o.steps = 40; o.batchSize = 8; o.seqLen = 96; o.mode = .full; o.lr = 2e-3; o.headLR = 1e-2
        var losses: [Float] = []
        try clf.train(ex, options: o) { line in
            if let r = line.range(of: "loss ") { losses.append(Float(line[r.upperBound...].prefix(6)) ?? .nan) }
        }
        #expect(losses.count == 4 && losses.last! < losses.first!, "\(losses)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filings-clf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try clf.save(to: dir)
        let back = try ModelClassifier.load(directory: dir)
        let a = clf.classify(batch: Array(ex.prefix(3).map(\.0))), b = back.classify(batch: Array(ex.prefix(3).map(\.0)))
        #expect(a.map(\.type) == b.map(\.type))
        #expect(zip(a, b).allSatisfy { abs($0.confidence - $1.confidence) < 1e-5 })
    }

    @Test func summaryWriterFallsBackWhenTheLMInventsNumbers() {
        let (m, tok) = tinyModel()
        let w = SummaryWriter(model: m, tokenizer: tok, tries: 2, maxNewTokens: 24)
        let d = FilingsComposer().compose(.ownShares, seed: 1)
        let text = FilingText.of(d)
        let f = FieldExtractor.extract(.ownShares, text: text)
        let o = w.summarize(type: .ownShares, text: text, fields: f, fallback: FieldSummary.write(type: .ownShares, fields: f), seed: 1)
        // an untrained model writes noise: either it passes the check by luck or the fallback is used
        if o.source == "fields" { #expect(o.text == FieldSummary.write(type: .ownShares, fields: f) && o.attempts == 2) }
        else { #expect(NumberCheck.unsupported(summary: o.text, allowed: NumberCheck.allowed(fields: f, document: text)).isEmpty) }
    }
}
