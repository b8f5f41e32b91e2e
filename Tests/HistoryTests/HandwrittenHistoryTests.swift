import FOI
import Foundation
import History
import LM
import LMFormats
import Store
import Testing
import Tokenizer
import Training

/// The handwritten history through import, the split and a real (short) run on the shipped model.
@Suite(.serialized) struct HandwrittenHistoryTests {
    static let shipped = repoRoot.appendingPathComponent("models/foibandit-small")

    @Test func importKeepsUnmatchedLettersAndTheyTrainTheStyle() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        // Every body of the history is one the name resolver knows ("Cardiff Council" is the City of Cardiff
        // Council); a town council is not in the list.
        let town = dir.appendingPathComponent("town.jsonl")
        try #"{"authority": "Frome Town Council", "title": "Allotments", "date": "2024-03-01", "keywords": ["allotments"], "body": "Dear Sir or Madam,\n\nI'd like to ask Frome Town Council for some information under the Freedom of Information Act 2000.\n\nSince 1 April 2021, could you tell me:\n- how many people were on the allotment waiting list at the end of each year;\n- the annual rent for a full plot in each year.\n\nAn email reply is fine, with any figures in a spreadsheet.\n\nMany thanks,\nGareth Lowe"}"#
            .write(to: town, atomically: true, encoding: .utf8)
        let (report, parsed, _) = try importPaths([handwrittenHistory.path, town.path], into: s)
        #expect(parsed.problems.isEmpty && report.inserted.count == 53)
        #expect(Set(report.unmatched.map(\.rawAuthority)) == ["Frome Town Council"])
        let letters = try s.historyLetters()
        #expect(letters.count == 53 && letters.filter { $0.authority == nil }.count == 1)

        let split = HistoryTraining.split(letters)
        // unmatched letters always train; no body is on two sides of the split
        #expect(split.unmatched == 1 && split.heldOut.allSatisfy { $0.authority != nil })
        let bodies = [split.train, split.validation, split.test].map { Set($0.compactMap { $0.authority?.name }) }
        #expect(bodies[0].isDisjoint(with: bodies[1]) && bodies[0].isDisjoint(with: bodies[2]) && bodies[1].isDisjoint(with: bodies[2]))
        #expect(split.test.count >= 6 && split.validation.count >= 6 && split.train.count == 53 - split.heldOut.count)
        // the order of import does not move a letter
        #expect(HistoryTraining.split(letters.reversed()).test.map(\.contentHash).sorted() == split.test.map(\.contentHash).sorted())

        // an unmatched letter trains with its body as written, named through the slot like any other
        let jsonl = HistoryTraining.sftJSONL(split.train, knownKeywords: try s.allKeywords(), nameSlots: true)
        #expect(jsonl.contains("<|authority|> Frome Town Council<|jurisdiction|>"))
        #expect(jsonl.contains("I'd like to ask {authority} for some information"))
        #expect(!jsonl.contains("ask Frome Town Council"))
    }

    /// A learning rate far too high, held high by a 200-step schedule: held-out loss falls, then wavers. With a
    /// patience of one evaluation the run must stop at the first that is no better, and keep the adapter of the best
    /// evaluation, not the last (the shipped sft48 base falls to 2.001 at step 15, then 2.025 at 18; over a 40-step
    /// schedule, as sessions before 31 ran it, its loss fell at every evaluation and the run never stopped).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: shipped.appendingPathComponent("model.safetensors").path)))
    func earlyStoppingKeepsTheBestCheckpoint() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        try importPaths([handwrittenHistory.path], into: s)
        var o = HistoryFineTuneOptions()
        o.rank = 4; o.steps = 200; o.batchSize = 4; o.maxLR = 2e-2; o.warmupSteps = 2
        o.evalEvery = 3; o.patience = 1; o.checkpointEvery = 6; o.replayLetters = 4
        let run = dir.appendingPathComponent("run"), out = dir.appendingPathComponent("adapter")
        var lines: [String] = [], bars: [TrainingProgress] = []
        let r = try HistoryFineTune.run(letters: try s.historyLetters(), knownKeywords: try s.allKeywords(), authorities: try s.allAuthorities(),
                                        baseModel: Self.shipped, runDir: run, output: out, merge: nil, options: o, resume: false,
                                        progress: { bars.append($0) }, report: { lines.append($0) })
        let evals = RunDirectory(run).logRows().compactMap { row in row["eval_loss"].map { (Int(row["step"]!), Float($0)) } }
        let best = evals.min { $0.1 < $1.1 }!
        print("early stopping: evals \(evals.map { "\($0.0):\(String(format: "%.3f", $0.1))" }.joined(separator: " ")); kept \(r.bestStep)")
        #expect(evals.first?.0 == 0)                               // the base is the first candidate
        #expect(r.stoppedEarly && r.lastStep < 200)
        // kept: the lowest, where a later evaluation must beat an earlier by more than 1e-3 to count as better
        let kept = try #require(evals.first { $0.0 == r.bestStep })
        #expect(kept.1 - best.1 <= 1e-3 && evals.allSatisfy { $0.0 <= kept.0 || $0.1 > kept.1 - 1e-3 })
        #expect(r.bestStep > 0 && r.bestStep < r.lastStep)
        #expect(lines.contains { $0.contains("stopped early at step \(r.lastStep)") })
        // the adapter written is the kept one: its validation loss is the best logged
        let model = try Model.load(directory: Self.shipped)
        let tok = try BPETokenizer(directory: Self.shipped)
        let val = try StageData.examples([run.appendingPathComponent("validation.jsonl").path], tokenizer: tok)
        let T = (val.map { $0.prompt.count + $0.completion.count }.max()! + 15) / 16 * 16
        try HistoryAdapters.apply(out, to: model)
        let loss = Trainer.meanLoss(model, ExampleBatches.sequential(val, batchSize: 4, seqLen: T, pad: tok.endOfTextId))
        #expect(abs(loss - kept.1) < 2e-3, "\(loss) vs \(kept.1)")
        // a progress line per step, with an ETA
        #expect(bars.count == r.lastStep && bars.last!.bar().contains("ETA"))
    }
}
