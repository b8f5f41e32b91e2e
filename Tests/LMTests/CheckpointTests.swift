import Common
@testable import LM
@testable import LMFormats
import XCTest

final class CheckpointTests: XCTestCase {
    func testSaveLoadIsBitIdentical() throws {
        let dir = TestModels.tempDir().appendingPathComponent("model")
        let m = TestModels.tiny()
        var extraCalled = false
        try m.save(to: dir) { tmp in
            extraCalled = true
            try Data("{}".utf8).write(to: tmp.appendingPathComponent("tokenizer.json"))
        }
        XCTAssertTrue(extraCalled)
        for f in ["config.json", "model.safetensors", "generation_config.json", "tokenizer.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path), f)
        }
        let n = try Model.load(directory: dir)
        XCTAssertEqual(n.config, m.config)
        XCTAssertEqual(n.paramArray.map(\.bitPattern), m.paramArray.map(\.bitPattern))
        // saving again over an existing directory replaces it and leaves no temporaries behind
        try n.save(to: dir)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
        XCTAssertEqual(siblings, ["model"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("tokenizer.json").path))
    }

    func testConfigJSONHasEveryField() throws {
        let j = TestModels.config.huggingFaceJSON()
        for k in ["architectures", "model_type", "hidden_act", "attention_bias", "mlp_bias", "bos_token_id", "eos_token_id",
                  "torch_dtype", "tie_word_embeddings", "rope_scaling", "head_dim", "num_key_value_heads", "intermediate_size",
                  "rms_norm_eps", "rope_theta", "max_position_embeddings", "vocab_size", "hidden_size", "num_hidden_layers"] {
            XCTAssertNotNil(j[k], k)
        }
        let back = try ModelConfig(huggingFaceConfig: try TestModels.config.huggingFaceConfigData())
        XCTAssertEqual(back, TestModels.config)
    }

    private func trainSteps(_ m: Model, _ opt: AdamW, from: Int, count: Int) {
        let V = m.config.vocabSize
        for s in from..<(from + count) {
            let toks = TestModels.randomTokens(2 * 17, vocab: V, seed: UInt64(100 + s))
            m.zeroGrad()
            m.forward(tokens: Array(toks[0..<32]), targets: Array(toks[2...]), batch: 2, seqLen: 16)
            m.backward()
            opt.update(m, lr: LRSchedule(maxLR: 3e-3, warmupSteps: 2, totalSteps: 6).lr(at: s))
        }
    }

    /// 3 steps, save with training state, load, 3 more == 6 straight, bit for bit.
    func testResumeIsBitIdentical() throws {
        let straight = TestModels.tiny(seed: 3)
        let o1 = AdamW(model: straight)
        trainSteps(straight, o1, from: 0, count: 6)

        let a = TestModels.tiny(seed: 3)
        let oa = AdamW(model: a)
        trainSteps(a, oa, from: 0, count: 3)
        let dir = TestModels.tempDir().appendingPathComponent("ckpt")
        let rng = Xoshiro256(seed: 77)
        try a.save(to: dir, trainingState: (TrainingState(step: 3, rngState: rng.stateWords, dataPosition: Data([1, 2, 3]),
                                                          extra: ["stage": "pretrain"]), oa))
        let b = try Model.load(directory: dir)
        let ob = AdamW(model: b)
        let st = try TrainingState.load(directory: dir, into: ob)
        XCTAssertEqual(st, TrainingState(step: 3, rngState: rng.stateWords, dataPosition: Data([1, 2, 3]), extra: ["stage": "pretrain"]))
        XCTAssertEqual(ob.step, 3)
        trainSteps(b, ob, from: st.step, count: 3)
        XCTAssertEqual(b.paramArray.map(\.bitPattern), straight.paramArray.map(\.bitPattern))
        XCTAssertEqual(ob.m.array.map(\.bitPattern), o1.m.array.map(\.bitPattern))
    }

    /// BF16 and F16 tensors (as transformers may save them) widen to the same floats.
    func testHalfPrecisionTensorsWiden() throws {
        let values: [Float] = [1, -2.5, 0.15625, 3]
        for (dtype, bits) in [("BF16", values.map { UInt16($0.bitPattern >> 16) }), ("F16", values.map { Float16($0).bitPattern })] {
            var header = Array("{\"t\":{\"dtype\":\"\(dtype)\",\"shape\":[2,2],\"data_offsets\":[0,8]}}".utf8)
            while header.count % 8 != 0 { header.append(0x20) }
            var d = Data()
            var n = UInt64(header.count).littleEndian
            withUnsafeBytes(of: &n) { d.append(contentsOf: $0) }
            d.append(contentsOf: header)
            bits.withUnsafeBytes { d.append(contentsOf: $0) }
            let f = try SafeTensorsFile(data: d, path: dtype)
            XCTAssertEqual(try f.floats("t"), values, dtype)
        }
    }

    /// Threads split work (attention pieces, loss rows, BLAS) but never change a result.
    func testTrainingIsIdenticalOnOneOrTwoThreads() {
        let saved = BLASThreads.count
        defer { BLASThreads.set(saved) }
        var results = [[UInt32]]()
        for n in [1, 2] {
            BLASThreads.set(n)
            let m = TestModels.tiny(seed: 5)
            trainSteps(m, AdamW(model: m), from: 0, count: 3)
            results.append(m.paramArray.map(\.bitPattern))
        }
        XCTAssertEqual(results[0], results[1])
    }

    // MARK: - corrupted files say what is wrong

    private func savedModelDir() throws -> URL {
        let dir = TestModels.tempDir().appendingPathComponent("m")
        try TestModels.tiny().save(to: dir)
        return dir
    }

    private func expectError(_ dir: URL, contains needle: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try Model.load(directory: dir)
            XCTFail("load succeeded; expected an error containing \(needle)", file: file, line: line)
        } catch {
            XCTAssertTrue("\(error)".contains(needle), "error \"\(error)\" does not mention \(needle)", file: file, line: line)
        }
    }

    func testTruncatedFile() throws {
        let dir = try savedModelDir(), f = dir.appendingPathComponent("model.safetensors")
        let d = try Data(contentsOf: f)
        try d.prefix(d.count - 100).write(to: f)
        expectError(dir, contains: "truncated")
        try d.prefix(5).write(to: f)
        expectError(dir, contains: "shorter than the 8-byte header")
        try d.prefix(40).write(to: f)
        expectError(dir, contains: "header length")
    }

    func testBadJSONHeader() throws {
        let dir = try savedModelDir(), f = dir.appendingPathComponent("model.safetensors")
        var d = try Data(contentsOf: f)
        d[9] = UInt8(ascii: "#")
        try d.write(to: f)
        expectError(dir, contains: "not valid JSON")
    }

    private func rewrite(_ dir: URL, _ edit: (inout [(String, [Int], [Float])]) -> Void) throws {
        let f = try SafeTensorsFile(contentsOf: dir.appendingPathComponent("model.safetensors"))
        var ts = try f.entries.keys.sorted().map { ($0, f.entries[$0]!.shape, try f.floats($0)) }
        edit(&ts)
        let bufs = ts.map { $0.2 }
        let data = bufs.withUnsafeBufferPointers { ptrs in
            SafeTensorsFile.serialize(zip(ts, ptrs).map { (name: $0.0.0, shape: $0.0.1, data: $0.1) })
        }
        try data.write(to: dir.appendingPathComponent("model.safetensors"))
    }

    func testMissingTensor() throws {
        let dir = try savedModelDir()
        try rewrite(dir) { $0.removeAll { $0.0 == "model.layers.1.mlp.up_proj.weight" } }
        expectError(dir, contains: "model.layers.1.mlp.up_proj.weight missing")
    }

    func testShapeMismatch() throws {
        let dir = try savedModelDir()
        try rewrite(dir) { ts in
            let i = ts.firstIndex { $0.0 == "model.layers.0.self_attn.k_proj.weight" }!
            ts[i].1 = [ts[i].1[1], ts[i].1[0]]
        }
        expectError(dir, contains: "has shape [32, 16] but the config needs [16, 32]")
    }

    func testWrongDtype() throws {
        let dir = try savedModelDir(), f = dir.appendingPathComponent("model.safetensors")
        var d = try Data(contentsOf: f)
        // F32 -> I32 for the first tensor (same byte size, so only the dtype is wrong)
        let r = d.range(of: Data("\"F32\"".utf8))!
        d.replaceSubrange(r, with: Data("\"I32\"".utf8))
        try d.write(to: f)
        expectError(dir, contains: "dtype I32")
    }

    func testConfigMismatchAndMissingFiles() throws {
        let dir = try savedModelDir()
        var c = TestModels.config; c.hiddenDim = 50
        try c.huggingFaceConfigData().write(to: dir.appendingPathComponent("config.json"))
        expectError(dir, contains: "but the config needs [50, 32]")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("model.safetensors"))
        expectError(dir, contains: "not found")
        expectError(dir.appendingPathComponent("nope"), contains: "config.json")
    }

    /// A transformers-style file with an explicit lm_head equal to the embedding and BF16 is not needed; an
    /// lm_head that differs is refused.
    func testUntiedHeadRefused() throws {
        let dir = try savedModelDir()
        try rewrite(dir) { ts in
            let e = ts.first { $0.0 == "model.embed_tokens.weight" }!
            ts.append(("lm_head.weight", e.1, e.2.map { $0 + 1 }))
        }
        expectError(dir, contains: "untied heads are not supported")
        try rewrite(dir) { ts in
            let e = ts.first { $0.0 == "model.embed_tokens.weight" }!
            ts.removeAll { $0.0 == "lm_head.weight" }
            ts.append(("lm_head.weight", e.1, e.2))
        }
        XCTAssertNoThrow(try Model.load(directory: dir))
    }
}

private extension Array where Element == [Float] {
    func withUnsafeBufferPointers<R>(_ body: ([UnsafePointer<Float>]) -> R) -> R {
        // Arrays of arrays: copy into one contiguous buffer so the pointers stay valid for the call.
        let flat = self.flatMap { $0 }
        return flat.withUnsafeBufferPointer { fb in
            var ptrs = [UnsafePointer<Float>](), off = 0
            for a in self { ptrs.append(fb.baseAddress! + off); off += a.count }
            return body(ptrs)
        }
    }
}
