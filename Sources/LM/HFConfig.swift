import Foundation

/// ModelConfig <-> Hugging Face LlamaConfig `config.json`, every field explicit so that both
/// transformers 4.x (rope_theta, torch_dtype) and 5.x (rope_parameters, dtype) read it as we mean it.
extension ModelConfig {
    /// Float written as its shortest decimal (1e-05, not 9.99999974e-06).
    private static func dec(_ x: Float) -> Double { Double("\(x)") ?? Double(x) }

    public func huggingFaceJSON() -> [String: Any] {
        [
            "architectures": ["LlamaForCausalLM"],
            "model_type": "llama",
            "vocab_size": vocabSize,
            "hidden_size": dim,
            "intermediate_size": hiddenDim,
            "num_hidden_layers": layers,
            "num_attention_heads": heads,
            "num_key_value_heads": kvHeads,
            "head_dim": headDim,
            "max_position_embeddings": maxSeqLen,
            "rms_norm_eps": Self.dec(normEps),
            "rope_theta": Self.dec(ropeTheta),
            "rope_scaling": NSNull(),
            "rope_parameters": ["rope_type": "default", "rope_theta": Self.dec(ropeTheta)] as [String: Any],
            "hidden_act": "silu",
            "attention_bias": false,
            "attention_dropout": 0.0,
            "mlp_bias": false,
            "pretraining_tp": 1,
            "initializer_range": 0.02,
            "tie_word_embeddings": tiedEmbeddings,
            "bos_token_id": bosTokenId,
            "eos_token_id": eosTokenId,
            "pad_token_id": NSNull(),
            "torch_dtype": "float32",
            "dtype": "float32",
            "use_cache": true,
        ]
    }

    public func huggingFaceConfigData() throws -> Data {
        try JSONSerialization.data(withJSONObject: huggingFaceJSON(), options: [.prettyPrinted, .sortedKeys])
    }

    /// Reads a LlamaConfig config.json. `tie_word_embeddings: false` is accepted here (transformers'
    /// own default) and resolved by the weight loader, which requires lm_head to equal the embedding.
    public init(huggingFaceConfig data: Data) throws {
        guard let j = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CheckpointError.badConfig("config.json is not a JSON object")
        }
        func int(_ k: String) throws -> Int {
            if let v = j[k] as? Int { return v }
            if let v = j[k] as? NSNumber { return v.intValue }
            if let a = j[k] as? [Any], let v = a.first as? Int { return v }   // eos_token_id may be a list
            throw CheckpointError.badConfig("\(k) is missing or not an integer")
        }
        func float(_ v: Any?) -> Float? { (v as? NSNumber).map { Float($0.doubleValue) } ?? (v as? Double).map(Float.init) }
        if let mt = j["model_type"] as? String, mt != "llama" { throw CheckpointError.badConfig("model_type is \(mt), expected llama") }
        if let act = j["hidden_act"] as? String, act != "silu" { throw CheckpointError.badConfig("hidden_act is \(act), only silu is supported") }
        if j["attention_bias"] as? Bool == true || j["mlp_bias"] as? Bool == true {
            throw CheckpointError.badConfig("attention_bias / mlp_bias must be false")
        }
        var theta = float(j["rope_theta"]) ?? 10000
        for key in ["rope_scaling", "rope_parameters"] {
            guard let r = j[key], !(r is NSNull) else { continue }
            guard let rd = r as? [String: Any] else { throw CheckpointError.badConfig("\(key) is not an object") }
            let type = (rd["rope_type"] ?? rd["type"]) as? String ?? "default"
            if type != "default" { throw CheckpointError.badConfig("\(key) type \(type) is not supported (only default RoPE)") }
            if let t = float(rd["rope_theta"]) { theta = t }
        }
        let heads = try int("num_attention_heads")
        self.init(vocabSize: try int("vocab_size"), dim: try int("hidden_size"), layers: try int("num_hidden_layers"),
                  heads: heads, kvHeads: (try? int("num_key_value_heads")) ?? heads,
                  hiddenDim: try int("intermediate_size"), maxSeqLen: try int("max_position_embeddings"),
                  ropeTheta: theta, normEps: float(j["rms_norm_eps"]) ?? 1e-6,
                  tiedEmbeddings: j["tie_word_embeddings"] as? Bool ?? false,
                  bosTokenId: (try? int("bos_token_id")) ?? 0, eosTokenId: (try? int("eos_token_id")) ?? 0)
        if let hd = try? int("head_dim"), hd != headDim {
            throw CheckpointError.badConfig("head_dim \(hd) differs from hidden_size / num_attention_heads = \(headDim)")
        }
    }
}
