import Foundation

/// Builds corrupted copies of a model folder, each with the words its load error must contain.
/// Unchanged files are symbolic links to the original, so 50 copies cost a few small files and only
/// the cases that edit weights (a shape, a dtype, a NaN) copy the safetensors file.
struct CorruptModels {
    struct Case { let name: String; let expect: String; let dir: URL }

    let source: URL
    let root: URL
    private let fm = FileManager.default

    /// Each config edit: (case name, field, new JSON value or nil to delete, words the error must hold).
    static var configEdits: [(String, String, Any?, String)] { [
        ("heads-0", "num_attention_heads", 0, "num_attention_heads"),
        ("heads-negative", "num_attention_heads", -4, "num_attention_heads"),
        ("heads-not-divisor", "num_attention_heads", 3, "num_attention_heads"),
        ("heads-fraction", "num_attention_heads", 1.5, "num_attention_heads"),
        ("heads-bool", "num_attention_heads", true, "num_attention_heads"),
        ("kv-heads-0", "num_key_value_heads", 0, "num_key_value_heads"),
        ("kv-heads-3", "num_key_value_heads", 3, "num_key_value_heads"),
        ("hidden-0", "hidden_size", 0, "hidden_size"),
        ("hidden-odd", "hidden_size", 255, "hidden_size"),
        ("hidden-wrong", "hidden_size", 512, "hidden_size"),
        ("hidden-missing", "hidden_size", nil, "hidden_size"),
        ("vocab-0", "vocab_size", 0, "vocab_size"),
        ("vocab-wrong", "vocab_size", 4095, "model.embed_tokens.weight"),
        ("vocab-1e12", "vocab_size", 1e12, "vocab_size"),
        ("layers-0", "num_hidden_layers", 0, "num_hidden_layers"),
        ("layers-fewer", "num_hidden_layers", 3, "num_hidden_layers"),
        ("layers-more", "num_hidden_layers", 5, "num_hidden_layers"),
        ("layers-1e9", "num_hidden_layers", 1e9, "num_hidden_layers"),
        ("mlp-0", "intermediate_size", 0, "intermediate_size"),
        ("mlp-wrong", "intermediate_size", 689, "mlp.gate_proj.weight"),
        ("positions-1e12", "max_position_embeddings", 1e12, "max_position_embeddings"),
        ("positions-1e8", "max_position_embeddings", 1e8, "max_position_embeddings"),
        ("positions-1e30", "max_position_embeddings", 1e30, "max_position_embeddings"),
        ("positions-0", "max_position_embeddings", 0, "max_position_embeddings"),
        ("positions-string", "max_position_embeddings", "512", "max_position_embeddings"),
        ("eps-string", "rms_norm_eps", "abc", "rms_norm_eps"),
        ("eps-negative", "rms_norm_eps", -1, "rms_norm_eps"),
        ("eps-zero", "rms_norm_eps", 0, "rms_norm_eps"),
        ("eps-huge", "rms_norm_eps", 1e300, "rms_norm_eps"),
        ("theta-string", "rope_theta", "x", "rope_theta"),
        ("theta-zero", "rope_theta", 0, "rope_theta"),
        ("eos-vocab", "eos_token_id", 4096, "eos_token_id"),
        ("eos-negative", "eos_token_id", -1, "eos_token_id"),
        ("eos-string", "eos_token_id", "x", "eos_token_id"),
        ("bos-huge", "bos_token_id", 99999, "bos_token_id"),
        ("head-dim-32", "head_dim", 32, "head_dim"),
        ("head-dim-0", "head_dim", 0, "head_dim"),
        ("model-type", "model_type", "gpt2", "model_type"),
        ("activation", "hidden_act", "gelu", "hidden_act"),
        ("untied-no-head", "tie_word_embeddings", false, "lm_head"),
        ("tied-string", "tie_word_embeddings", "yes", "tie_word_embeddings"),
        ("rope-linear", "rope_scaling", ["type": "linear", "factor": 2.0], "rope_scaling"),
    ] }

    /// Writes every case under `root` and returns them.
    func make() throws -> [Case] {
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: file("config.json"))) as! [String: Any]
        var cases: [Case] = []
        for (name, field, value, expect) in Self.configEdits {
            var c = config
            c[field] = value
            let dir = try folder(name, except: ["config.json"])
            try JSONSerialization.data(withJSONObject: c).write(to: dir.appendingPathComponent("config.json"))
            cases.append(Case(name: name, expect: expect, dir: dir))
        }
        func raw(_ name: String, _ expect: String, file f: String, _ bytes: Data?) throws {
            let dir = try folder(name, except: [f])
            try bytes?.write(to: dir.appendingPathComponent(f))
            cases.append(Case(name: name, expect: expect, dir: dir))
        }
        let weights = try Data(contentsOf: file("model.safetensors"), options: .alwaysMapped)
        let headerEnd = 8 + Int(weights.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        try raw("config-garbage", "config.json", file: "config.json", Data("{\"vocab_size\": 40".utf8))
        try raw("config-empty", "config.json", file: "config.json", Data())
        try raw("config-array", "config.json", file: "config.json", Data("[1, 2]".utf8))
        try raw("config-missing", "config.json", file: "config.json", nil)
        try raw("weights-missing", "model.safetensors", file: "model.safetensors", nil)
        try raw("weights-4-bytes", "model.safetensors", file: "model.safetensors", weights.prefix(4))
        try raw("weights-half", "truncated", file: "model.safetensors", weights.prefix(weights.count / 2))
        try raw("weights-header-only", "truncated", file: "model.safetensors", weights.prefix(headerEnd))
        var huge = weights.prefix(headerEnd)
        huge.replaceSubrange(0..<8, with: [UInt8](repeating: 0xFF, count: 8))
        try raw("header-length-huge", "header length", file: "model.safetensors", huge)
        var garbled = weights.prefix(headerEnd)
        for i in stride(from: 20, to: headerEnd, by: 37) { garbled[i] = UInt8(ascii: "!") }
        try raw("header-garbled", "not valid JSON", file: "model.safetensors", garbled)
        // Same-length header edits keep every offset valid, so only the edited meaning is wrong.
        try raw("shape-swapped", "model.embed_tokens.weight", file: "model.safetensors",
                try edit(weights, headerEnd, "\"shape\":[4096,256]", "\"shape\":[256,4096]"))
        try raw("dtype-int", "I32", file: "model.safetensors", try edit(weights, headerEnd, "\"dtype\":\"F32\"", "\"dtype\":\"I32\""))
        try raw("dtype-f64", "F64", file: "model.safetensors", try edit(weights, headerEnd, "\"dtype\":\"F32\"", "\"dtype\":\"F64\""))
        var nan = weights
        nan.replaceSubrange(headerEnd + 4096..<headerEnd + 4100, with: [0x00, 0x00, 0xC0, 0x7F])
        try raw("weights-nan", "non-finite", file: "model.safetensors", nan)
        try raw("tokenizer-missing", "tokenizer", file: "tokenizer.json", nil)
        try raw("tokenizer-truncated", "tokenizer", file: "tokenizer.json", try Data(contentsOf: file("tokenizer.json")).prefix(5000))
        return cases
    }

    private func file(_ name: String) -> URL { source.appendingPathComponent(name) }

    /// A folder whose files link to the source's, except those listed (left for the case to write).
    private func folder(_ name: String, except: Set<String>) throws -> URL {
        let dir = root.appendingPathComponent(name)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in try fm.contentsOfDirectory(atPath: source.path) where !except.contains(f) {
            try fm.createSymbolicLink(at: dir.appendingPathComponent(f), withDestinationURL: file(f))
        }
        return dir
    }

    /// Replaces the first `old` in the header by `new` (same length).
    private func edit(_ d: Data, _ headerEnd: Int, _ old: String, _ new: String) throws -> Data {
        precondition(old.utf8.count == new.utf8.count)
        guard let r = d.range(of: Data(old.utf8), in: 8..<headerEnd) else { throw CocoaError(.fileReadCorruptFile) }
        var out = d
        out.replaceSubrange(r, with: Data(new.utf8))
        return out
    }
}
