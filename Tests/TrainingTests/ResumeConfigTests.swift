import Foundation
import LM
import Testing
@testable import Training

/// Issue 26 item 8: `--resume` with a changed stage config is refused naming the changed fields;
/// `--force` continues and the run's log and folder record it.
@Suite struct ResumeConfigTests {
    func train(_ cfg: StageConfig, dir: URL, stopAfter: Int? = nil, resume: Bool, force: Bool = false) throws -> Trainer.Summary {
        let model = Model(config: cfg.architecture!.modelConfig, seed: cfg.seed)
        let data = try PackedBatches(tokens: syntheticTokens(4000), batchSize: cfg.batchSize, seqLen: cfg.seqLen, seed: cfg.seed)
        let trainer = Trainer(config: cfg, model: model, data: data, run: RunDirectory(dir),
                              objective: Trainer.languageModelling(data), saveExtras: { _ in }, report: { _ in })
        trainer.stopAfter = stopAfter
        return try trainer.train(resume: resume, force: force)
    }

    @Test func changedConfigIsRefusedUnlessForcedAndForcingIsRecorded() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = tinyStage()
        _ = try train(original, dir: dir, stopAfter: 5, resume: false)   // checkpoint at step 4

        var changed = original
        changed.batchSize = 8
        changed.maxLR = 3e-2
        changed.steps = 16
        changed.data = ["other.txt"]
        let error = #expect(throws: TrainingError.self) { _ = try train(changed, dir: dir, resume: true) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("batchSize, data, maxLR, steps"), "\(message)")
        #expect(message.contains("--force"))
        // Refused before any step: the log still ends where the first run stopped.
        #expect(RunDirectory(dir).logRows().count == 5)

        // The same config resumes as before.
        var sameButUnrelated = original
        sameButUnrelated.steps = original.steps
        let again = try train(sameButUnrelated, dir: dir, stopAfter: 1, resume: true)
        #expect(again.resumedFrom == 4)

        let forced = try train(changed, dir: dir, resume: true, force: true)
        #expect(forced.resumedFrom == 4)
        let log = try String(contentsOf: RunDirectory(dir).log, encoding: .utf8)
        #expect(log.contains(#""event":"forced_resume""#), "\(log)")
        #expect(log.contains(#""changed":["batchSize","data","maxLR","steps"]"#), "\(log)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("stage.before-step-4.json").path))
        // stage.json now holds the config the run carries on with.
        #expect(try RunDirectory(dir).changedFields(changed).isEmpty)
    }
}
