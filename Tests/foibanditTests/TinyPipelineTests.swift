import Foundation
import Testing

/// Every training stage, end to end through the real CLI on a tiny config, so no stage can
/// silently break: tokenizer -> pretrain -> cpt -> sft -> dpo -> eval.
@Suite struct TinyPipelineTests {
    @Test func everyStageRunsAndResumes() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        func path(_ p: String) -> String { dir.appendingPathComponent(p).path }
        func cli(_ args: [String]) throws -> CLIResult {
            let r = try foibandit(args + [], env: ["FOIBANDIT_DB": db])
            #expect(r.status == 0, "foibandit \(args.joined(separator: " ")) failed:\n\(r.stderr)")
            return r
        }
        _ = try cli(["corpus", "build", "--out", path("domain"), "--letters", "48"])
        let general = ["README.md", "authorities/README.md", "keywords/README.md"].map { repoRoot.appendingPathComponent($0).path }
        let configs = dir.appendingPathComponent("models/tiny/configs")
        try FileManager.default.createDirectory(at: configs, withIntermediateDirectories: true)
        func write(_ name: String, _ json: String) throws {
            try json.write(to: configs.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let arch = #""architecture": {"vocabSize": 400, "dim": 32, "layers": 2, "heads": 2, "kvHeads": 2, "hiddenDim": 64, "maxSeqLen": 512, "ropeTheta": 10000, "normEps": 1e-5}"#
        func stage(_ s: String, _ extra: String, data: String, steps: Int, T: Int = 64, B: Int = 4) -> String {
            """
            {"stage": "\(s)", \(extra), "data": [\(data)], "evalData": ["\(path("domain/sft.jsonl"))"],
             "batchSize": \(B), "seqLen": \(T), "steps": \(steps), "maxLR": 0.003, "minLR": 0.0003, "warmupSteps": 2,
             "weightDecay": 0.1, "gradClip": 1.0, "evalEvery": 4, "evalBatches": 1, "checkpointEvery": 3, "seed": 1,
             "beta": 0.1, "samplesPerPrompt": 2, "minMargin": 0, "prompts": 4}
            """
        }
        try write("tokenizer.json", #"{"vocabSize": 400, "files": [\#(general.map { "\"\($0)\"" }.joined(separator: ",")), "\#(path("domain/cpt.jsonl"))"]}"#)
        try write("pretrain.json", stage("pretrain", arch, data: general.map { "\"\($0)\"" }.joined(separator: ","), steps: 6))
        try write("cpt.json", stage("cpt", #""initFrom": "\#(path("runs/pretrain/model"))""#, data: "\"\(path("domain/cpt.jsonl"))\"", steps: 6))
        try write("sft.json", stage("sft", #""initFrom": "\#(path("runs/cpt/model"))""#, data: "\"\(path("domain/sft.jsonl"))\"", steps: 6, T: 480))
        try write("dpo.json", stage("dpo", #""initFrom": "\#(path("runs/sft/model"))""#, data: "\"\(path("domain/sft.jsonl"))\"", steps: 3, T: 480, B: 2))

        // SFT on the model's own letters that the judge passes (the tiny model's rarely pass: the mixed-in
        // corpus letters keep the stage trainable).
        try write("own.json", stage("sft", #""initFrom": "\#(path("runs/sft/model"))", "ownLetters": 4, "mixLetters": 8"#,
                                    data: "\"\(path("domain/sft.jsonl"))\"", steps: 3, T: 480))

        let tok = path("runs/tokenizer")
        _ = try cli(["train", "tokenizer", "--config", configs.appendingPathComponent("tokenizer.json").path, "--out", tok])
        for s in ["pretrain", "cpt", "sft", "dpo"] {
            let r = try cli(["train", s, "--config", configs.appendingPathComponent("\(s).json").path,
                             "--run", path("runs/\(s)"), "--tokenizer", tok])
            #expect(r.stderr.contains("\(s) done"), "\(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: path("runs/\(s)/model/model.safetensors")))
        }
        let own = try cli(["train", "sft", "--config", configs.appendingPathComponent("own.json").path,
                           "--run", path("runs/own"), "--tokenizer", tok])
        #expect(own.stderr.contains("of 4 kept") && own.stderr.contains("8 data letters mixed in"), "\(own.stderr)")
        #expect(FileManager.default.fileExists(atPath: path("runs/own/model/model.safetensors")))
        let dpoLog = try String(contentsOfFile: path("runs/dpo/log.jsonl"), encoding: .utf8)
        #expect(dpoLog.contains("reward_margin"))

        // A second run of a finished stage with --resume says so instead of training again.
        let again = try foibandit(["train", "pretrain", "--config", configs.appendingPathComponent("pretrain.json").path,
                                   "--run", path("runs/pretrain"), "--tokenizer", tok, "--resume"], env: ["FOIBANDIT_DB": db])
        #expect(again.status != 0 && again.stderr.contains("already finished"))

        let e = try cli(["eval", "--model", path("runs/dpo/model"), "--limit", "2", "--out", path("eval.json"),
                         "--training", path("domain/sft.jsonl")])
        #expect(e.stdout.contains("perplexity reference_letters"))
        #expect(e.stdout.contains("unseen_authorities: validity"))
    }
}
