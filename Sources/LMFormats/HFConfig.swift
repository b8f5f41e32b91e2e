import Foundation
import LM

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
    /// Every value is checked for its type and bounds (`validate`) before anything divides by it or
    /// sizes an allocation from it: a hand-edited config must fail with its field's name, not trap.
    public init(huggingFaceConfig data: Data) throws {
        guard let j = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CheckpointError.badConfig("config.json is not a JSON object")
        }
        let r = ConfigReader(j)
        if let mt = try r.string("model_type"), mt != "llama" { throw CheckpointError.badConfig("model_type is \(mt), expected llama") }
        if let act = try r.string("hidden_act"), act != "silu" { throw CheckpointError.badConfig("hidden_act is \(act), only silu is supported") }
        if try r.bool("attention_bias") == true || r.bool("mlp_bias") == true {
            throw CheckpointError.badConfig("attention_bias / mlp_bias must be false")
        }
        var theta = try r.number("rope_theta") ?? 10000
        for key in ["rope_scaling", "rope_parameters"] {
            guard let v = j[key], !(v is NSNull) else { continue }
            guard let rd = v as? [String: Any] else { throw CheckpointError.badConfig("\(key) is not an object") }
            let type = (rd["rope_type"] ?? rd["type"]) as? String ?? "default"
            if type != "default" { throw CheckpointError.badConfig("\(key) type \(type) is not supported (only default RoPE)") }
            // Both spellings present and different: which one the writer meant is unknowable.
            if let t = try ConfigReader(rd, prefix: key + ".").number("rope_theta") {
                if let top = try r.number("rope_theta"), top != t {
                    throw CheckpointError.badConfig("rope_theta \(top) differs from \(key).rope_theta \(t)")
                }
                theta = t
            }
        }
        let heads = try r.int("num_attention_heads", required: true)!
        self.init(vocabSize: try r.int("vocab_size", required: true)!, dim: try r.int("hidden_size", required: true)!,
                  layers: try r.int("num_hidden_layers", required: true)!,
                  heads: heads, kvHeads: try r.int("num_key_value_heads") ?? heads,
                  hiddenDim: try r.int("intermediate_size", required: true)!,
                  maxSeqLen: try r.int("max_position_embeddings", required: true)!,
                  ropeTheta: Float(theta), normEps: Float(try r.number("rms_norm_eps") ?? 1e-6),
                  tiedEmbeddings: try r.bool("tie_word_embeddings") ?? false,
                  bosTokenId: try r.tokenId("bos_token_id") ?? 0, eosTokenId: try r.tokenId("eos_token_id") ?? 0)
        var bounded = self
        bounded.tiedEmbeddings = true   // untied is settled by the weight loader; every other field is checked now
        try bounded.validate()
        if let hd = try r.int("head_dim"), hd != headDim {
            throw CheckpointError.badConfig("head_dim \(hd) differs from hidden_size / num_attention_heads = \(headDim)")
        }
    }
}

/// Typed access to config.json values. JSON numbers arrive as NSNumber, and on Linux an integer 1 also
/// casts to Bool, so each reader checks the number's own kind. Absent or null is nil; a value of the
/// wrong type, a fraction where an integer is needed, or one beyond ±2^53 is an error naming the field.
struct ConfigReader {
    let j: [String: Any]
    var prefix = ""
    init(_ j: [String: Any], prefix: String = "") { self.j = j; self.prefix = prefix }

    private func fail(_ k: String, _ why: String) -> CheckpointError { .badConfig("\(prefix)\(k) \(why)") }
    private func present(_ k: String) -> Any? { j[k].flatMap { $0 is NSNull ? nil : $0 } }
    private static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }
    /// A value as the config wrote it: strings quoted, booleans as true/false.
    private static func show(_ v: Any) -> String {
        if let s = v as? String { return "\"\(s)\"" }
        if let n = v as? NSNumber, isBool(n) { return n.boolValue ? "true" : "false" }
        return "\(v)"
    }

    func number(_ k: String) throws -> Double? {
        guard let v = present(k) else { return nil }
        guard let n = v as? NSNumber, !Self.isBool(n), n.doubleValue.isFinite else { throw fail(k, "is \(Self.show(v)); expected a finite number") }
        return n.doubleValue
    }

    func int(_ k: String, required: Bool = false) throws -> Int? {
        guard let v = present(k) else {
            if required { throw fail(k, "is missing") }
            return nil
        }
        guard let i = Self.integer(v) else { throw fail(k, "is \(Self.show(v)); expected an integer") }
        return i
    }

    /// A token id may be written as a list (several stop ids); we keep the first and check them all.
    func tokenId(_ k: String) throws -> Int? {
        guard let v = present(k) else { return nil }
        if let a = v as? [Any] {
            let ids = a.map(Self.integer)
            guard !ids.isEmpty, !ids.contains(where: { $0 == nil }) else { throw fail(k, "is \(Self.show(v)); expected integer ids") }
            return ids[0]
        }
        return try int(k)
    }

    func bool(_ k: String) throws -> Bool? {
        guard let v = present(k) else { return nil }
        guard let n = v as? NSNumber, Self.isBool(n) else { throw fail(k, "is \(Self.show(v)); expected true or false") }
        return n.boolValue
    }

    func string(_ k: String) throws -> String? {
        guard let v = present(k) else { return nil }
        guard let s = v as? String else { throw fail(k, "is \(Self.show(v)); expected a string") }
        return s
    }

    private static func integer(_ v: Any) -> Int? {
        guard let n = v as? NSNumber, !isBool(n) else { return nil }
        let d = n.doubleValue
        guard d.isFinite, d == d.rounded(), abs(d) <= 9_007_199_254_740_992 else { return nil }
        return Int(d)
    }
}
