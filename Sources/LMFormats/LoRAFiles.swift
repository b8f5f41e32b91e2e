import Foundation
import LM

/// A LoRA adapter's folder in PEFT's layout (see LoRA.swift in LM for the adapter itself):
/// `adapter_model.safetensors` with names like `base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight`,
/// and `adapter_config.json` (`r`, `lora_alpha`, `target_modules`, `base_model_name_or_path`).
extension LoRAAdapter {
    public static let weightsFile = "adapter_model.safetensors"
    public static let configFile = "adapter_config.json"

    public func safeTensorsData(metadata: [String: String] = [:]) -> Data {
        var t: [(name: String, shape: [Int], data: UnsafePointer<Float>)] = []
        // PEFT keeps an embedding's pair the other way round: lora_embedding_A (r, V) = Bᵀ, lora_embedding_B (C, r) = Aᵀ.
        var transposed: [FloatBuffer] = []
        for s in slots {
            if s.kind == .embed {
                let a = FloatBuffer(count: config.rank * s.out), b = FloatBuffer(count: s.inp * config.rank)
                Self.transpose(params.pointer + s.b, rows: s.out, cols: config.rank, into: a.pointer)
                Self.transpose(params.pointer + s.a, rows: config.rank, cols: s.inp, into: b.pointer)
                transposed += [a, b]
                t.append((s.nameA, [config.rank, s.out], UnsafePointer(a.pointer)))
                t.append((s.nameB, [s.inp, config.rank], UnsafePointer(b.pointer)))
                continue
            }
            t.append((s.nameA, [config.rank, s.inp], UnsafePointer(params.pointer + s.a)))
            t.append((s.nameB, [s.out, config.rank], UnsafePointer(params.pointer + s.b)))
        }
        var meta = metadata
        meta["format"] = "pt"
        return withExtendedLifetime(transposed) { SafeTensorsFile.serialize(t, metadata: meta) }
    }

    /// out (cols, rows) = mᵀ for m (rows, cols).
    static func transpose(_ m: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>) {
        for i in 0..<rows { for j in 0..<cols { out[j * rows + i] = m[i * cols + j] } }
    }

    public func configData(extra: [String: Any] = [:]) throws -> Data {
        var j: [String: Any] = [
            "peft_type": "LORA", "task_type": "CAUSAL_LM", "r": config.rank, "lora_alpha": Double("\(config.alpha)")!,
            "lora_dropout": 0.0, "bias": "none", "fan_in_fan_out": false, "inference_mode": true,
            "target_modules": config.targets, "base_model_name_or_path": baseModel,
            "foibandit_base_fingerprint": baseFingerprint,
            "foibandit_model": ["dim": modelConfig.dim, "layers": modelConfig.layers, "heads": modelConfig.heads,
                                "kv_heads": modelConfig.kvHeads, "hidden_dim": modelConfig.hiddenDim,
                                "vocab_size": modelConfig.vocabSize, "max_seq_len": modelConfig.maxSeqLen],
        ]
        for (k, v) in extra { j[k] = v }
        return try JSONSerialization.data(withJSONObject: j, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Writes `adapter_model.safetensors` and `adapter_config.json` into `directory` atomically.
    public func save(to directory: URL, extra: [String: Any] = [:], extraFiles: ((URL) throws -> Void)? = nil) throws {
        try Checkpoint.writeAtomically(directory) { tmp in
            try safeTensorsData().write(to: tmp.appendingPathComponent(Self.weightsFile))
            try configData(extra: extra).write(to: tmp.appendingPathComponent(Self.configFile))
            try extraFiles?(tmp)
        }
    }

    /// Reads an adapter folder for a model of `modelConfig`'s shape.
    public static func load(directory: URL, modelConfig: ModelConfig) throws -> LoRAAdapter {
        let cfgURL = directory.appendingPathComponent(configFile)
        guard let d = FileManager.default.contents(atPath: cfgURL.path) else { throw CheckpointError.fileNotFound(cfgURL.path) }
        guard let j = (try? JSONSerialization.jsonObject(with: d)) as? [String: Any],
              let r = j["r"] as? Int, let alpha = (j["lora_alpha"] as? NSNumber)?.floatValue,
              let targets = j["target_modules"] as? [String] else {
            throw CheckpointError.badHeader(file: cfgURL.path, detail: "needs r, lora_alpha and target_modules")
        }
        let ad = try LoRAAdapter(modelConfig: modelConfig, config: LoRAConfig(rank: r, alpha: alpha, targets: targets))
        ad.baseModel = j["base_model_name_or_path"] as? String ?? ""
        ad.baseFingerprint = j["foibandit_base_fingerprint"] as? String ?? ""
        let f = try SafeTensorsFile(contentsOf: directory.appendingPathComponent(weightsFile))
        try ad.loadWeights(f)
        return ad
    }

    func loadWeights(_ f: SafeTensorsFile) throws {
        for s in slots {
            if s.kind == .embed {
                let a = FloatBuffer(count: config.rank * s.out), b = FloatBuffer(count: s.inp * config.rank)
                try f.read(s.nameA, into: a.pointer, shape: [config.rank, s.out])
                try f.read(s.nameB, into: b.pointer, shape: [s.inp, config.rank])
                Self.transpose(a.pointer, rows: config.rank, cols: s.out, into: params.pointer + s.b)
                Self.transpose(b.pointer, rows: s.inp, cols: config.rank, into: params.pointer + s.a)
                continue
            }
            try f.read(s.nameA, into: params.pointer + s.a, shape: [config.rank, s.inp])
            try f.read(s.nameB, into: params.pointer + s.b, shape: [s.out, config.rank])
        }
    }

    /// Reads the adapter weights of a checkpoint folder written by `save` (resume).
    public func restoreWeights(from directory: URL) throws {
        try loadWeights(try SafeTensorsFile(contentsOf: directory.appendingPathComponent(Self.weightsFile)))
    }
}
