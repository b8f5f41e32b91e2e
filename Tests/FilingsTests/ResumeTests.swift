import Foundation
import LM
import Testing
@testable import Filings

/// The filings classifier and the summary SFT run through the one training loop, so a run killed part
/// way and resumed from its folder ends with the same weights as one that never stopped.
@Suite(.serialized) struct FilingsResumeTests {
    func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("filings-resume-\(name)-\(UUID().uuidString)")
    }

    @Test func classifierResumesToTheSameResult() throws {
        let (m0, tok) = tinyModel()
        let fresh = { Model(config: m0.config, seed: 3) }
        let docs = FilingsComposer().corpus(count: 28, heldOut: false, seed: 2)
        let ex = docs.map { (FilingText.of($0), $0.type) }
        var o = ModelClassifier.Options(); o.steps = 8; o.batchSize = 4; o.seqLen = 64; o.mode = .lastBlock; o.checkpointEvery = 2
        let straightRun = folder("clf-a"), killedRun = folder("clf-b")
        defer { for d in [straightRun, killedRun] { try? FileManager.default.removeItem(at: d) } }

        let straight = ModelClassifier(model: fresh(), tokenizer: tok, seqLen: 64)
        try straight.train(ex, options: o, run: straightRun)

        // Killed after step 5: the last checkpoint is step 4's, so step 5 is trained again on resume.
        let killed = ModelClassifier(model: fresh(), tokenizer: tok, seqLen: 64)
        try killed.train(ex, options: o, run: killedRun, stopAfter: 5)
        #expect(killed.model.params.array != straight.model.params.array)
        let resumed = ModelClassifier(model: fresh(), tokenizer: tok, seqLen: 64)
        var lines: [String] = []
        try resumed.train(ex, options: o, run: killedRun, resume: true) { lines.append($0) }

        #expect(lines.contains { $0.contains("resumed classify (class head) at step 4/8") }, "\(lines)")
        #expect(resumed.model.params.array == straight.model.params.array)
        #expect(resumed.head.params.array == straight.head.params.array)
        let texts = Array(ex.prefix(4).map(\.0))
        #expect(resumed.classify(batch: texts).map(\.confidence) == straight.classify(batch: texts).map(\.confidence))
        // A resume with other settings is refused, naming what changed.
        var other = o; other.headLR = o.headLR * 2
        try killed.train(ex, options: o, run: killedRun, stopAfter: 2)   // a fresh run, killed after its step-2 checkpoint
        #expect(throws: Error.self) { try resumed.train(ex, options: other, run: killedRun, resume: true) }
    }

    @Test func summarySFTResumesToTheSameResult() throws {
        let (m0, tok) = tinyModel()
        let fresh = { Model(config: m0.config, seed: 3) }
        let docs = FilingsComposer().corpus(count: 42, heldOut: false, seed: 8).filter { [.agmResult, .meetingNotice].contains($0.type) }
        let straightRun = folder("sft-a"), killedRun = folder("sft-b")
        defer { for d in [straightRun, killedRun] { try? FileManager.default.removeItem(at: d) } }
        func train(_ m: Model, _ run: URL, resume: Bool = false, stopAfter: Int? = nil) throws {
            try FilingsEval.trainSummaries(model: m, tokenizer: tok, docs: docs, steps: 6, batchSize: 2, lr: 3e-3, style: .fields,
                                           run: run, resume: resume, checkpointEvery: 2, stopAfter: stopAfter)
        }
        let straight = fresh(), killed = fresh(), resumed = fresh()
        try train(straight, straightRun)
        try train(killed, killedRun, stopAfter: 3)
        #expect(killed.params.array != straight.params.array)
        try train(resumed, killedRun, resume: true)
        #expect(resumed.params.array == straight.params.array)
        // A finished run is not trained again.
        #expect(throws: Error.self) { try train(resumed, killedRun, resume: true) }
    }
}
