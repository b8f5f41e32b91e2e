import Common
import Foundation
import LM
import Testing
@testable import Training

func tinyStage(_ stage: StageConfig.Stage = .pretrain, steps: Int = 12) -> StageConfig {
    StageConfig(stage: stage,
                architecture: .init(vocabSize: 64, dim: 32, layers: 2, heads: 4, kvHeads: 2, hiddenDim: 64,
                                    maxSeqLen: 32, ropeTheta: 10000, normEps: 1e-5),
                initFrom: nil, data: [], evalData: [], batchSize: 4, seqLen: 16, steps: steps,
                maxLR: 1e-2, minLR: 1e-3, warmupSteps: 3, weightDecay: 0.1, gradClip: 1.0,
                evalEvery: 5, evalBatches: 2, checkpointEvery: 4, seed: 7)
}

/// A learnable stream: a repeating pattern with some seeded noise.
func syntheticTokens(_ n: Int) -> [UInt16] {
    var rng = Xoshiro256(seed: 3)
    return (0..<n).map { i in rng.next() % 5 == 0 ? UInt16(rng.next() % 64) : UInt16((i * 7) % 61) }
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("foibandit-train-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct TrainerTests {
    func runPretrain(dir: URL, stopAfter: Int?, resume: Bool) throws -> (Trainer.Summary, Model) {
        let cfg = tinyStage()
        let model = Model(config: cfg.architecture!.modelConfig, seed: cfg.seed)
        let data = try PackedBatches(tokens: syntheticTokens(4000), batchSize: cfg.batchSize, seqLen: cfg.seqLen, seed: cfg.seed)
        let evalBatches = try PackedBatches(tokens: syntheticTokens(600), batchSize: 4, seqLen: 16, seed: 1).sequential(limit: 2)
        let trainer = Trainer(config: cfg, model: model, data: data, run: RunDirectory(dir),
                              objective: Trainer.languageModelling(data),
                              evaluate: { Trainer.meanLoss(model, evalBatches) },
                              saveExtras: { _ in }, report: { _ in })
        trainer.stopAfter = stopAfter
        return (try trainer.train(resume: resume), model)
    }

    @Test func lossFallsAndResumeAfterKillMatchesUninterruptedRun() throws {
        let a = try temporaryFolder(), b = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let (straight, m1) = try runPretrain(dir: a, stopAfter: nil, resume: false)
        let rows = RunDirectory(a).logRows()
        #expect(rows.count == 12)
        #expect(rows.last!["loss"]! < rows.first!["loss"]! * 0.9, "loss should fall: \(rows.map { $0["loss"]! })")

        // "Kill" after 6 steps (the last checkpoint is at step 4), then resume in a fresh process state.
        _ = try runPretrain(dir: b, stopAfter: 6, resume: false)
        let (resumed, m2) = try runPretrain(dir: b, stopAfter: nil, resume: true)
        #expect(resumed.resumedFrom == 4)
        #expect(resumed.finalLoss == straight.finalLoss)
        #expect(resumed.evalLoss == straight.evalLoss)
        #expect(Array(UnsafeBufferPointer(start: m1.params.pointer, count: m1.params.count)) == Array(UnsafeBufferPointer(start: m2.params.pointer, count: m2.params.count)))
        #expect(RunDirectory(b).logRows().map { $0["loss"]! } == rows.map { $0["loss"]! })
        #expect(throws: TrainingError.self) { _ = try runPretrain(dir: b, stopAfter: nil, resume: true) }
    }

    @Test func sftMaskCoversOnlyTheCompletion() throws {
        let e = Example(prompt: [1, 2, 3], completion: [4, 5, 0])
        var batch = Batch(tokens: [Int](repeating: 9, count: 8), targets: [Int](repeating: 9, count: 8),
                          mask: [Float](repeating: 9, count: 8), B: 1, T: 8)
        e.fill(&batch, row: 0, pad: 0)
        #expect(batch.tokens == [1, 2, 3, 4, 5, 0, 0, 0])
        #expect(batch.targets == [2, 3, 4, 5, 0, -1, -1, -1])
        #expect(batch.mask == [0, 0, 1, 1, 1, 0, 0, 0])
    }

    @Test func dpoStartsAtLn2AndLearnsThePreference() throws {
        let cfg = tinyStage(.dpo, steps: 15)
        let model = Model(config: cfg.architecture!.modelConfig, seed: 5)
        let reference = Model(config: model.config)
        reference.params.copy(from: model.params)
        let pairs = (0..<8).map { i in
            PreferencePair(prompt: [1, 2, UInt16(i % 4 + 3)].map(Int.init), chosen: [10, 11, 12, 0], rejected: [20, 21, 22, 0])
        }
        let dpo = try DPOObjective(pairs: pairs, reference: reference, beta: 0.5, pairsPerStep: 4, seqLen: 12, seed: 1, pad: 0)
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        var losses: [Float] = [], margins: [Float] = []
        let objective = dpo.objective
        let trainer = Trainer(config: cfg, model: model, data: dpo, run: RunDirectory(dir),
                              objective: { m, s in
                                  let r = objective(m, s)
                                  losses.append(r.loss); margins.append(r.metrics["reward_margin"]!)
                                  return r
                              }, saveExtras: { _ in }, report: { _ in })
        try trainer.train(resume: false)
        #expect(abs(losses[0] - log(2)) < 1e-4)
        #expect(abs(margins[0]) < 1e-4)
        #expect(losses.last! < 0.5 * log(2))
        #expect(margins.last! > 0)
    }

    /// With α > 0 the first loss is ln 2 plus α times the chosen letters' mean token loss, and
    /// training raises the chosen letters' likelihood, not only the gap.
    @Test func dpoWithChosenNLLKeepsTheChosenLikely() throws {
        let cfg = tinyStage(.dpo, steps: 15)
        let model = Model(config: cfg.architecture!.modelConfig, seed: 5)
        let reference = Model(config: model.config)
        reference.params.copy(from: model.params)
        let pairs = (0..<4).map { i in PreferencePair(prompt: [1, 2, i + 3], chosen: [10, 11, 12, 0], rejected: [20, 21, 22, 0]) }
        let before = DPOObjective.logProbs(reference, pairs, rows: 4, T: 12, pad: 0).chosen
        let nll = before.map { -$0 / 4 }.reduce(0, +) / 4
        let dpo = try DPOObjective(pairs: pairs, reference: reference, beta: 0.5, chosenNLL: 1, pairsPerStep: 4, seqLen: 12, seed: 1, pad: 0)
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        var losses: [Float] = []
        let objective = dpo.objective
        let trainer = Trainer(config: cfg, model: model, data: dpo, run: RunDirectory(dir),
                              objective: { m, s in let r = objective(m, s); losses.append(r.loss); return r },
                              saveExtras: { _ in }, report: { _ in })
        try trainer.train(resume: false)
        #expect(abs(losses[0] - (Float(log(2.0)) + nll)) < 1e-3)
        let after = DPOObjective.logProbs(model, pairs, rows: 4, T: 12, pad: 0).chosen
        #expect(zip(after, before).allSatisfy { $0 > $1 })
    }
}
