import Common
import FOI
import FOICorpus
import Foundation
import History
import LM
import LMDecode
import LMFormats
import Store
import Testing
import Tokenizer
import Training
import Writer

@Suite struct LoRATests {
    let tinyConfig = ModelConfig(vocabSize: 64, dim: 16, layers: 2, heads: 2, hiddenDim: 32, maxSeqLen: 16)

    func batch(_ B: Int, _ T: Int, seed: UInt64) -> ([Int], [Int]) {
        var rng = Xoshiro256(seed: seed)
        let x = (0..<(B * T)).map { _ in Int(rng.next() % 64) }, y = (0..<(B * T)).map { _ in Int(rng.next() % 64) }
        return (x, y)
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        let model = Model(config: tinyConfig, seed: 3, initStd: 0.1)
        let base = FloatBuffer(count: model.parameterCount); base.copy(from: model.params)
        // the tied embedding too (slots[0]: its delta reaches both the input and the LM head)
        let ad = try LoRAAdapter(modelConfig: tinyConfig, config: LoRAConfig(rank: 2, alpha: 4, targets: LoRAConfig.allTargets + [LoRAConfig.embedTarget]), seed: 5)
        #expect(ad.slots[0].kind == .embed && ad.slots.filter { $0.kind == .embed }.count == 1)
        var rng = Xoshiro256(seed: 9)
        for s in ad.slots { for i in 0..<(s.out * 2) { ad.params[s.b + i] = (rng.nextFloat() - 0.5) * 0.2 } }
        let (x, y) = batch(2, 8, seed: 1)
        func loss() -> Double {
            ad.writeMerged(into: model, base: base)
            return Double(model.forward(tokens: x, targets: y, batch: 2, seqLen: 8))
        }
        _ = loss()
        model.zeroGrad(); model.backward()
        ad.grads.zero(); ad.accumulateGradients(from: model)
        var checked = 0
        for s in [ad.slots[0], ad.slots[4], ad.slots.last!] {
            for idx in [s.a, s.a + 7, s.b, s.b + 3] {
                let keep = ad.params[idx], eps: Float = 1e-2
                ad.params[idx] = keep + eps; let up = loss()
                ad.params[idx] = keep - eps; let down = loss()
                ad.params[idx] = keep
                let numeric = (up - down) / Double(2 * eps), analytic = Double(ad.grads[idx])
                #expect(abs(numeric - analytic) <= 2e-3 + 0.05 * abs(numeric), "slot \(s.kind) l\(s.layer) #\(idx): \(numeric) vs \(analytic)")
                checked += 1
            }
        }
        #expect(checked == 12)
    }

    @Test func freshAdapterIsIdentityAndMergeRoundTrips() throws {
        let model = Model(config: tinyConfig, seed: 3)
        let before = model.params.array
        let ad = try LoRAAdapter(modelConfig: tinyConfig, config: LoRAConfig(rank: 4, alpha: 8), seed: 1)
        try ad.merge(into: model)
        #expect(model.params.array == before)          // B = 0: the adapted model is the base
        for s in ad.slots { for i in 0..<(s.out * 4) { ad.params[s.b + i] = 0.01 * Float(i % 7) } }
        try ad.merge(into: model)
        #expect(model.params.array != before)
        try ad.merge(into: model, factor: -1)
        let maxDiff = zip(model.params.array, before).map { abs($0 - $1) }.max()!
        #expect(maxDiff < 1e-6)

        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        ad.baseModel = "tiny"; ad.baseFingerprint = LoRAAdapter.fingerprint(model)
        try ad.save(to: dir.appendingPathComponent("a"))
        let f = try SafeTensorsFile(contentsOf: dir.appendingPathComponent("a/adapter_model.safetensors"))
        #expect(f.entries["base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight"]?.shape == [4, 16])
        #expect(f.entries["base_model.model.model.layers.0.mlp.down_proj.lora_B.weight"]?.shape == [16, 4])
        #expect(f.entries.count == 2 * 7 * 2)
        let cfg = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("a/adapter_config.json"))) as! [String: Any]
        #expect(cfg["peft_type"] as? String == "LORA" && cfg["r"] as? Int == 4 && cfg["base_model_name_or_path"] as? String == "tiny")
        let back = try LoRAAdapter.load(directory: dir.appendingPathComponent("a"), modelConfig: tinyConfig)
        #expect(back.params.array == ad.params.array && back.baseFingerprint == ad.baseFingerprint)
        // applying to a model with other weights is refused; to one of another shape too
        #expect(throws: CheckpointError.self) { try HistoryAdapters.apply(dir.appendingPathComponent("a"), to: Model(config: tinyConfig, seed: 4)) }
        let other = ModelConfig(vocabSize: 64, dim: 32, layers: 2, heads: 2, hiddenDim: 32, maxSeqLen: 16)
        #expect(throws: (any Error).self) { try LoRAAdapter.load(directory: dir.appendingPathComponent("a"), modelConfig: other) }
        #expect(throws: CheckpointError.self) { try LoRAAdapter(modelConfig: tinyConfig, config: LoRAConfig(rank: 2, alpha: 2, targets: ["w_q"])) }
    }

    /// The embedding's pair is saved as PEFT names and shapes it (lora_embedding_A (r, V), lora_embedding_B (C, r)),
    /// reads back to the same delta, and the decoder's logits with it merged are the training forward's.
    @Test func embeddingAdapterRoundTripsAndDecodesAsTrained() throws {
        let model = Model(config: tinyConfig, seed: 3, initStd: 0.1)
        let ad = try LoRAAdapter(modelConfig: tinyConfig, config: LoRAConfig(rank: 3, alpha: 6, targets: ["q_proj", "embed_tokens"]), seed: 2)
        var rng = Xoshiro256(seed: 4)
        for s in ad.slots { for i in 0..<(s.out * 3) { ad.params[s.b + i] = (rng.nextFloat() - 0.5) * 0.5 } }
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try ad.save(to: dir.appendingPathComponent("e"))
        let f = try SafeTensorsFile(contentsOf: dir.appendingPathComponent("e/adapter_model.safetensors"))
        #expect(f.entries["base_model.model.model.embed_tokens.lora_embedding_A"]?.shape == [3, 64])
        #expect(f.entries["base_model.model.model.embed_tokens.lora_embedding_B"]?.shape == [16, 3])
        let back = try LoRAAdapter.load(directory: dir.appendingPathComponent("e"), modelConfig: tinyConfig)
        #expect(back.params.array == ad.params.array)

        let before = model.params.array
        try back.merge(into: model)
        let e = model.layout.offset(.embed)
        #expect(model.params.array[e..<(e + 64 * 16)] != before[e..<(e + 64 * 16)])
        let tokens = [5, 17, 63, 2, 40, 9, 33, 1]
        model.forward(tokens: tokens, batch: 1, seqLen: tokens.count)
        let reference = Array(model.logits)
        for kernels in [WideKernels.best, nil] {
            let dec = Decoder(model: model, batch: 1, capacity: tokens.count, kernels: kernels)
            var worst: Float = 0
            for (t, tok) in tokens.enumerated() {
                let row = dec.append([(0, [tok])])
                worst = max(worst, zip(row, reference[(t * 64)..<((t + 1) * 64)]).map { abs($0 - $1) }.max()!)
            }
            #expect(worst < 1e-4, "\(String(describing: kernels)): \(worst)")
        }
        try back.merge(into: model, factor: -1)
        #expect(zip(model.params.array, before).map { abs($0 - $1) }.max()! < 1e-5)
    }
}

/// The measured gain, reduced: a tiny base model, few steps, the ~80-letter sample history.
@Suite(.serialized) struct HistoryFineTuneTests {
    /// A tiny base model folder (tokenizer trained on the sample letters plus composer letters so the
    /// base knows the prompt format a little).
    static func tinyBase(_ dir: URL, letters: [String], store: FOIStore, steps: Int = 80) throws -> URL {
        // The base has learnt ordinary request letters (the composer's, in the "numbered" style the
        // history prompts use), not this person's voice.
        let authorities = try store.allAuthorities(), keywords = try store.allKeywords()
        var rng = SplitMix64(seed: 11)
        let composed = (0..<240).map { _ -> ComposedLetter in
            let (a, ks, _, seed) = DomainCorpus.drawPrompt(authorities: authorities, keywords: keywords, rng: &rng)
            return Composer().compose(authority: a, keywords: ks, style: .numbered, seed: seed)
        }
        let tok = BPETrainer(vocabSize: 700, threads: 1).train(texts: composed.map(\.document) + letters)
        let cfg = ModelConfig(vocabSize: tok.vocabSize, dim: 48, layers: 2, heads: 2, hiddenDim: 96, maxSeqLen: 512)
        let model = Model(config: cfg, seed: 1)
        let examples = composed.map { Example(prompt: tok.encode($0.prompt.text), completion: tok.encode(PromptFormat.completion($0.text))) }
        let data = try ExampleBatches(examples: examples, batchSize: 4, seqLen: 384, seed: 1, pad: tok.endOfTextId)
        let opt = AdamW(model: model)
        let schedule = LRSchedule(maxLR: 1e-2, minLR: 1e-3, warmupSteps: 5, totalSteps: steps)
        for step in 0..<steps {
            let b = data.next()
            model.zeroGrad()
            model.forward(tokens: b.tokens, targets: b.targets, mask: b.mask, batch: b.B, seqLen: b.T)
            model.backward()
            opt.update(model, lr: schedule.lr(at: step))
        }
        let out = dir.appendingPathComponent("base")
        try model.save(to: out, extraFiles: { try tok.save(to: $0) })
        return out
    }

    @Test func loraLearnsTheStyleResumesAndMerges() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        try importPaths([fixtures.appendingPathComponent("sample_history.csv").path], into: s)
        let letters = try s.historyLetters()
        #expect(letters.count == 80)
        let split = HistoryTraining.split(letters)
        let (train, held) = (split.train, split.test)
        #expect(split.test.count >= 10 && split.validation.count >= 10 && split.train.count + split.heldOut.count == 80)
        let base = try Self.tinyBase(dir, letters: letters.map(\.body), store: s)
        let keywords = try s.allKeywords()

        var o = HistoryFineTuneOptions()
        o.rank = 8; o.alpha = 16; o.steps = 40; o.batchSize = 4; o.maxLR = 1e-2; o.warmupSteps = 2
        o.evalEvery = 12; o.checkpointEvery = 5; o.patience = 0; o.replayLetters = 0
        var log: [String] = []
        // killed after 10 steps, then resumed: the same adapter as one uninterrupted run
        let out1 = dir.appendingPathComponent("adapters/a"), run1 = dir.appendingPathComponent("runs/a")
        _ = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, baseModel: base, runDir: run1, output: out1,
                                    merge: nil, options: o, resume: false, stopAfter: 10, report: { log.append($0) })
        #expect(!FileManager.default.fileExists(atPath: out1.path))
        let r1 = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, baseModel: base, runDir: run1, output: out1,
                                         merge: dir.appendingPathComponent("merged"), options: o, resume: true, report: { log.append($0) })
        #expect(log.contains { $0.contains("resumed history (LoRA) at step 10/40") })
        let out2 = dir.appendingPathComponent("adapters/b")
        let r2 = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, baseModel: base, runDir: dir.appendingPathComponent("runs/b"),
                                         output: out2, merge: nil, options: o, resume: false, report: { _ in })
        let baseModel = try Model.load(directory: base)
        let a1 = try LoRAAdapter.load(directory: out1, modelConfig: baseModel.config)
        let a2 = try LoRAAdapter.load(directory: out2, modelConfig: baseModel.config)
        #expect(a1.params.array == a2.params.array)
        #expect(r1.evalLoss == r2.evalLoss)

        // the gain on the held-out tenth
        print(String(format: "history (reduced): held-out perplexity %.2f -> %.2f, ratio %.3f", exp(r1.baseEvalLoss), exp(r1.evalLoss), r1.perplexityRatio))
        #expect(r1.perplexityRatio <= 0.7, "ratio \(r1.perplexityRatio)")
        #expect(r1.testLetters == held.count)

        // the merged folder is an ordinary model with the adapter's held-out loss
        let tokenizer = try BPETokenizer(directory: dir.appendingPathComponent("merged"))
        let heldEx = try StageData.examples([run1.appendingPathComponent("test.jsonl").path], tokenizer: tokenizer)
        let T = 512
        let batches = ExampleBatches.sequential(heldEx, batchSize: 4, seqLen: T, pad: tokenizer.endOfTextId)
        let merged = try Model.load(directory: dir.appendingPathComponent("merged"))
        let mergedLoss = Trainer.meanLoss(merged, batches)
        try HistoryAdapters.apply(out1, to: baseModel)
        let appliedLoss = Trainer.meanLoss(baseModel, batches)
        #expect(abs(mergedLoss - appliedLoss) < 1e-3)

        // markers and validity are measured for both (a tiny model writes no real letters; this checks the plumbing)
        let writer = try LetterWriter(modelDirectory: base, judge: Judge(knownAuthorities: try s.allAuthorities(), knownKeywords: keywords))
        let reqs = HistoryGain.requests(for: held, knownKeywords: keywords, samples: 1, maxTokens: 24)
        #expect(reqs.count == held.count)
        let before = writer.model.params.array
        let gain = try HistoryGain.measure(writer: writer, adapter: a1, requests: reqs, personLetters: letters.map(\.body))
        #expect(gain.person.share(.greeting, "Dear <team or officer>") == 1 && gain.person.share(.numbering, "(a)") == 1)
        #expect(gain.letters == held.count && gain.table.contains("judge validity") && gain.table.contains("plain sampling"))
        // the non-word count is the judge's words check, for both models
        #expect(gain.baseNonWordLetters == gain.baseFailedChecks["words", default: 0]
                && gain.adaptedNonWordLetters == gain.adaptedFailedChecks["words", default: 0])
        #expect(gain.table.contains("letters with a non-word  base \(gain.baseNonWordLetters)  adapter \(gain.adaptedNonWordLetters)"))
        #expect(zip(writer.model.params.array, before).allSatisfy { abs($0 - $1) < 1e-5 })   // adapter taken out again
    }

    @Test func fullFineTuneAndTooFewLetters() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        try importPaths([fixtures.appendingPathComponent("sample_history.csv").path], into: s)
        let letters = try s.historyLetters()
        let base = try Self.tinyBase(dir, letters: letters.map(\.body), store: s, steps: 4)
        var o = HistoryFineTuneOptions()
        o.full = true; o.steps = 3; o.batchSize = 2; o.evalEvery = 3; o.checkpointEvery = 3; o.maxLR = 3e-3
        let r = try HistoryFineTune.run(letters: letters, knownKeywords: [], baseModel: base, runDir: dir.appendingPathComponent("run"),
                                        output: dir.appendingPathComponent("full"), merge: nil, options: o, resume: false, report: { _ in })
        #expect(r.evalLoss < r.baseEvalLoss)
        #expect(try HistoryAdapters.resolve(dir.appendingPathComponent("full").path) == .model(dir.appendingPathComponent("full")))
        #expect(throws: HistoryImportError.tooFewLetters(have: 19, need: 20)) {
            try HistoryFineTune.run(letters: Array(letters.prefix(19)), knownKeywords: [], baseModel: base, runDir: dir.appendingPathComponent("run2"),
                                    output: dir.appendingPathComponent("x"), merge: nil, options: o, resume: false, report: { _ in })
        }
        #expect(throws: CheckpointError.self) { try HistoryAdapters.resolve("no-such-adapter", environment: ["FOIBANDIT_ADAPTERS": dir.path]) }
    }
}
