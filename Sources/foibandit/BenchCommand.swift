import ArgumentParser
import Foundation
import LM
import LMDecode
import LMFormats

/// `foibandit bench`: our side of the engine speed benchmark (bench/speed/run.sh). Each subcommand
/// prints one JSON object. Threads: OpenBLAS's own count (set OPENBLAS_NUM_THREADS); none is changed here.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Engine speed benchmarks as JSON (used by bench/speed/run.sh).",
        subcommands: [BenchInit.self, BenchTrain.self, BenchDecode.self, BenchSGEMM.self, BenchBF16.self, BenchJudge.self])
}

func printJSON(_ obj: [String: Any]) throws {
    let d = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
    print(String(decoding: d, as: UTF8.self))
}

func benchShape(_ name: String) throws -> EngineBench.Shape {
    guard let s = EngineBench.shape(named: name) else { throw ValidationError("unknown config \(name); use A, B or C") }
    return s
}

struct BenchInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a randomly initialised model of config A, B or C (Hugging Face layout).")
    @Option(help: "A, B or C (issue #10).") var config: String
    @Option(help: "Output model folder.") var out: String
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Standard deviation of the matrices' initial values.") var initStd: Float = 0.02
    @Option(help: "tokenizer.json to copy into the folder (for GGUF export).") var tokenizer: String?

    func run() throws {
        let s = try benchShape(config)
        let m = Model(config: s.config, seed: seed, initStd: initStd)
        try m.save(to: URL(fileURLWithPath: out)) { tmp in
            if let tokenizer { try FileManager.default.copyItem(atPath: tokenizer, toPath: tmp.appendingPathComponent("tokenizer.json").path) }
        }
        try printJSON(["config": config, "parameters": m.parameterCount, "out": out])
    }
}

struct BenchTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Time training steps (forward, backward, AdamW) of config A, B or C.")
    @Option(help: "A, B or C: the shape and the batch (B×T tokens a step).") var config: String
    @Option(help: "Model folder with the weights (default: random init, seed 1).") var model: String?
    @Option(help: "Timed steps.") var steps = 5
    @Option(help: "Untimed steps first.") var warmup = 1
    @Option(help: "fp32 or bf16 matrix products (default: as training picks them).") var precision: Precision?

    func run() throws {
        let s = try benchShape(config)
        let p = Precision.resolve(precision)
        let m = try model.map { try Model.load(directory: URL(fileURLWithPath: $0)) } ?? Model(config: s.config, seed: 1)
        guard m.config == s.config else { throw ValidationError("the model in \(model ?? "") is not config \(config)") }
        let r = EngineBench.train(model: m, batch: s.batch, seqLen: s.seqLen, steps: steps, warmup: warmup, precision: p)
        let tokens = Double(s.batch * s.seqLen)
        try printJSON([
            "engine": p == .bf16 ? "ours-bf16" : "ours", "precision": p.rawValue, "config": config, "batch": s.batch, "seq_len": s.seqLen, "parameters": m.parameterCount,
            "threads": BLASThreads.count, "first_loss": Double(r.firstLoss),
            "step_seconds": r.seconds, "tokens_per_s": r.seconds.map { tokens / $0 },
            "flops_per_token": EngineBench.trainFlopsPerToken(s.config, seqLen: s.seqLen),
            "peak_rss_bytes": EngineBench.peakRSSBytes(),
        ])
    }
}

struct BenchDecode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Time greedy decoding with the KV cache for a batch of prompts.")
    @Option(help: "Model folder.") var model: String
    @Option(help: "JSON file: a list of prompts, each a list of token ids (the batch).") var prompts: String
    @Option(help: "New tokens per prompt.") var newTokens = 256
    @Option(help: "Timed runs (one untimed run first).") var runs = 5

    func run() throws {
        let m = try Model.load(directory: URL(fileURLWithPath: model))
        guard let d = FileManager.default.contents(atPath: prompts),
              let p = try JSONSerialization.jsonObject(with: d) as? [[Int]], !p.isEmpty else {
            throw ValidationError("\(prompts) is not a JSON list of token-id lists")
        }
        var first = EngineBench.greedyDecode(model: m, prompts: p, newTokens: newTokens)
        let peakRSS = EngineBench.peakRSSBytes()    // the decode's own, before the probe's buffer exists
        let bytes = EngineBench.decodeBytes(m.config, promptLengths: p.map(\.count), newTokens: newTokens)
        var seconds = [Double](), bandwidth = [Double]()
        for _ in 0..<runs {
            // the bound of the run that follows (its buffer freed before the run: holding it slowed the
            // first timed run by about a fifth)
            bandwidth.append(EngineBench.readBandwidth(bytes: Int(bytes) / newTokens))
            let r = EngineBench.greedyDecode(model: m, prompts: p, newTokens: newTokens)
            seconds.append(r.seconds)
            first.tokens = r.tokens
        }
        let n = Double(p.count * newTokens)
        try printJSON([
            "engine": "ours", "batch": p.count, "new_tokens": newTokens, "threads": BLASThreads.count,
            "kernels": WideKernels.best?.rawValue ?? "openblas", "tokens": first.tokens, "seconds": seconds, "tokens_per_s": seconds.map { n / $0 },
            "read_gbps": bandwidth, "bytes_read": bytes, "peak_rss_bytes": peakRSS,
        ])
    }
}

struct BenchSGEMM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sgemm", abstract: "cblas_sgemm GFLOP/s on training shapes (M = 4096 tokens); the best is the peak.")
    @Option(help: "Timed runs per shape (median).") var runs = 5

    func run() throws {
        let r = EngineBench.sgemm(runs: runs)
        try printJSON([
            "threads": BLASThreads.count, "shapes": Dictionary(uniqueKeysWithValues: r.map { ($0.name, $0.gflops) }),
            "peak_gflops": r.map(\.gflops).max() ?? 0,
        ])
    }
}

struct BenchBF16: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bf16", abstract: "Our bf16 GEMM's GFLOP/s on the sgemm shapes, and the vdpbf16ps and fp32 FMA peaks.")
    @Option(help: "Timed runs per shape (median).") var runs = 5

    func run() throws {
        let peaks = EngineBench.instructionPeaks()
        let r = EngineBench.bf16Gemm(runs: runs)
        try printJSON([
            "threads": BLASThreads.count, "available": Precision.bf16Available,
            "automatic": Precision.automatic.rawValue, "gemm_speed_ratio": Precision.gemmSpeedRatio(),
            "openblas_core": BLASCore.name,
            "shapes": Dictionary(uniqueKeysWithValues: r.map { ($0.name, $0.gflops) }),
            "gemm_peak_gflops": r.map(\.gflops).max() ?? 0,
            "bf16_dot_peak_gflops": peaks.bf16, "fp32_fma_peak_gflops": peaks.fp32,
        ])
    }
}
