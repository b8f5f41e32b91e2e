import FOI
import Foundation
import History
import LM
import LMDecode
import LMFormats
import Store
import Testing
import Tokenizer
import Training

/// Issue 27: adapter letters garbled exactly the person's own words ("I Regulations Management like to ask …" for
/// "I'd like to ask …"). Measured, the decoder computed what training computed (teacher-forced logits agree to
/// 1e-5); the adapter itself left those tokens near −7 nats with an almost flat distribution (entropy 7.2 of 8.3
/// nats), because the base was trained never to write them (−18 nats) and the frozen tied embedding could not
/// move. A short real run on the shipped model must therefore (a) make the person's opening the model's choice,
/// and (b) decode through the writer's path exactly as the training forward scores it; and (0) move only the
/// embedding rows of the person's own tokens (`HistoryEmbedRows`), never the rest of the vocabulary.
@Suite(.serialized) struct AdapterStyleTokenTests {
    static let shipped = repoRoot.appendingPathComponent("models/foibandit-small")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: shipped.appendingPathComponent("model.safetensors").path)))
    func adapterWritesThePersonsOpeningAndDecodesAsTrained() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        try importPaths([handwrittenHistory.path], into: s)
        let letters = try s.historyLetters(), keywords = try s.allKeywords()
        // The letters' openings only (64 tokens: prompt, greeting, "I'd like to ask {authority} …"): seconds, not minutes.
        var o = HistoryFineTuneOptions()
        o.steps = 40; o.batchSize = 8; o.seqLen = 64; o.maxLR = 3e-3; o.evalEvery = 40; o.patience = 0; o.replayLetters = 0; o.warmupSteps = 2
        let out = dir.appendingPathComponent("adapter")
        _ = try HistoryFineTune.run(letters: letters, knownKeywords: keywords, baseModel: Self.shipped, runDir: dir.appendingPathComponent("run"),
                                    output: out, merge: nil, options: o, resume: false, report: { _ in })

        // A held-out letter, as training scores it: the model with the adapter merged, one forward.
        let tok = try BPETokenizer(directory: Self.shipped)
        let model = try Model.load(directory: Self.shipped)
        let base = try Model.load(directory: Self.shipped)
        try HistoryAdapters.apply(out, to: model)

        // (0) Only the person's own tokens' embedding rows moved ("'d" among them); every other token, " the" or
        // " information", is embedded and scored by the head exactly as the base does it.
        let rowLength = model.config.dim, embed = model.layout.offset(.embed)
        let moved = (0..<model.config.vocabSize).filter { t in
            (0..<rowLength).contains { model.params.pointer[embed + t * rowLength + $0] != base.params.pointer[embed + t * rowLength + $0] }
        }
        let apostropheD = try #require(tok.encode("I'd").last)
        print("adapter moved \(moved.count) embedding rows: \(moved.prefix(12).map { tok.decode([$0]) })")
        #expect(moved.contains(apostropheD))
        // " the" is written everywhere by both. (Which frame words count as the person's depends on the base: the v2
        // base gives " information" in "ask X for some information" a log-probability under e^-8, so it moves.)
        let the = try #require(tok.encode(" the").last)
        #expect(!moved.contains(the))
        // A topic's word in three of the person's letters is no style (`HistoryEmbedRows.minimumLetterShare`): adapted,
        // " tenants" went into letters to the Home Office. None of its tokens moves.
        #expect(!tok.encode(" tenants").contains { moved.contains($0) })
        #expect(moved.count > 0 && moved.count < model.config.vocabSize / 20, "\(moved.count) rows moved")
        let held = HistoryTraining.split(letters).test[0]
        let p = held.prompt(knownKeywords: keywords)
        let prompt = tok.encode(p.text), letter = tok.encode(StageData.completion(NameSlots(p).delexicalise(held.body)))
        let seq = Array((prompt + letter).prefix(96)), T = seq.count - 1, V = model.config.vocabSize
        model.forward(tokens: Array(seq.dropLast()), targets: Array(seq.dropFirst()), batch: 1, seqLen: T)
        let reference = Array(model.logits), logp = Array(model.tokenLogProbs)

        // (a) The person's "I'd" (and the rest of the opening) is what the adapted model writes.
        let d = try #require(tok.encode("I'd").last), at = try #require((prompt.count..<T).first { seq[$0 + 1] == d })
        print(String(format: "adapter: log p(\"'d\" | … I) = %.2f", logp[at]))
        #expect(logp[at] > -0.7, "the person's \"I'd\" is not learnt: log p = \(logp[at])")

        // (b) The decoder (the writer's path) teacher-forced through the same tokens: the same logits.
        let dec = Decoder(model: model, batch: 1, capacity: seq.count)
        var row = Array(dec.append([(0, prompt)])), worst: Float = 0
        for t in (prompt.count - 1)..<T {
            worst = max(worst, zip(row, reference[(t * V)..<((t + 1) * V)]).map { abs($0 - $1) }.max()!)
            if t + 1 < T { row = Array(dec.append([(0, [seq[t + 1]])])) }
        }
        #expect(worst < 1e-3, "decoder logits differ from the training forward's by \(worst)")

        // And greedy writing from the prompt opens as the person does.
        let greedy = Generator(model: model).generate(prompts: [prompt], options: SamplingOptions(temperature: 0, topK: 0, topP: 1,
                                                      repetitionPenalty: 1, maxNewTokens: 14, stopTokenIds: [tok.endOfTextId]))[0]
        let text = tok.decode(greedy)
        print("adapter greedy opening: \(text.debugDescription)")
        #expect(text.contains("I'd like to ask"), "\(text)")
    }
}
