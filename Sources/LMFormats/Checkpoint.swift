import Foundation
import LM
import LMDecode

/// Model directories in Hugging Face layout (config.json, model.safetensors,
/// generation_config.json) and the separate training state for resume.
extension Model {
    /// The weights as a safetensors file with LlamaForCausalLM names (no lm_head: it is tied).
    public func safeTensorsData() -> Data {
        SafeTensorsFile.serialize(layout.tensors.map { (name: $0.name, shape: $0.shape, data: UnsafePointer(params.pointer + $0.offset)) })
    }

    /// Fills the parameters from safetensors files (a single file, or the shards of a sharded checkpoint),
    /// checking every tensor's presence, dtype and shape against the config.
    public func loadWeights(from files: [SafeTensorsFile]) throws {
        var where_ = [String: SafeTensorsFile]()
        for f in files { for name in f.entries.keys { where_[name] = f } }
        let anyPath = files.first?.path ?? "(no file)"
        for t in layout.tensors {
            guard let f = where_[t.name] else { throw CheckpointError.missingTensor(file: anyPath, name: t.name) }
            try f.read(t.name, into: params.pointer + t.offset, shape: t.shape)
            try CheckpointChecks.requireFinite(params.pointer + t.offset, count: t.shape.reduce(1, *), name: t.name, file: f.path)
        }
        // transformers may save the tied head explicitly; we only accept it when it is the embedding.
        if let f = where_["lm_head.weight"] {
            let head = try f.floats("lm_head.weight")
            let n = layout.size(.embed)
            let emb = params.pointer + layout.offset(.embed)
            guard head.count == n, (0..<n).allSatisfy({ head[$0] == emb[$0] }) else {
                throw CheckpointError.badConfig("lm_head.weight in \(f.path) differs from model.embed_tokens.weight; untied heads are not supported")
            }
        }
    }

    /// Loads a model directory written by `save` or by transformers' `save_pretrained` (safetensors).
    public static func load(directory: URL) throws -> Model {
        let cfgURL = directory.appendingPathComponent("config.json")
        guard let cfgData = FileManager.default.contents(atPath: cfgURL.path) else { throw CheckpointError.fileNotFound(cfgURL.path) }
        var config = try ModelConfig(huggingFaceConfig: cfgData)
        let single = directory.appendingPathComponent("model.safetensors")
        let index = directory.appendingPathComponent("model.safetensors.index.json")
        var files = [SafeTensorsFile]()
        if FileManager.default.fileExists(atPath: single.path) {
            files = [try SafeTensorsFile(contentsOf: single)]
        } else if let idx = FileManager.default.contents(atPath: index.path) {
            guard let j = (try? JSONSerialization.jsonObject(with: idx)) as? [String: Any],
                  let map = j["weight_map"] as? [String: String] else {
                throw CheckpointError.badHeader(file: index.path, detail: "no weight_map object")
            }
            files = try Set(map.values).sorted().map { try SafeTensorsFile(contentsOf: directory.appendingPathComponent($0)) }
        } else {
            throw CheckpointError.fileNotFound(single.path)
        }
        let hasHead = files.contains { $0.entries["lm_head.weight"] != nil }
        if !config.tiedEmbeddings {
            guard hasHead else { throw CheckpointError.badConfig("tie_word_embeddings is false but there is no lm_head.weight") }
            config.tiedEmbeddings = true   // accepted only if the head equals the embedding (checked in loadWeights)
        }
        try config.validate()
        try CheckpointChecks.matchTensors(files, layout: ParameterLayout(config))
        let model = Model(config: config)
        try model.loadWeights(from: files)
        return model
    }

    /// Writes `directory` atomically: everything goes into a temporary sibling directory which then
    /// replaces the old one, so a kill mid-save never leaves a half-written model.
    /// `extraFiles` may add files (e.g. the tokenizer) to the temporary directory before the swap.
    public func save(to directory: URL, generation: GenerationConfig = GenerationConfig(),
                     trainingState: (TrainingState, AdamW)? = nil, extraFiles: ((URL) throws -> Void)? = nil) throws {
        try Checkpoint.writeAtomically(directory) { tmp in
            try config.huggingFaceConfigData().write(to: tmp.appendingPathComponent("config.json"))
            try safeTensorsData().write(to: tmp.appendingPathComponent("model.safetensors"))
            try generation.jsonData(config: config).write(to: tmp.appendingPathComponent("generation_config.json"))
            if let (state, opt) = trainingState {
                try state.data(optimizer: opt).write(to: tmp.appendingPathComponent(Checkpoint.trainingStateFile))
            }
            try extraFiles?(tmp)
        }
    }
}

public enum Checkpoint {
    public static let trainingStateFile = "training_state.safetensors"
    /// Present in a model folder whose letters name their authority and keywords through slots that the
    /// writer fills (`NameSlots`).
    public static let nameSlotsFile = "name_slots.json"
    /// Models trained before the law slots ("{limit}", "{advice}") carry a note without "law".
    static let nameSlotsNote = Data(#"{"authority": "{authority}", "keywords": "{k1}, {k2}, ... ({K1} capitalised)", "law": "{limit} (the cost limit), {advice} (the advice-and-assistance section)", "place": "{place} (the body's nation: England, Wales, Scotland, Northern Ireland or the UK)", "filled_by": "the letter writer"}"#.utf8)

    /// Writes the slots marker into a model folder being saved.
    public static func markNameSlots(_ directory: URL) throws {
        try nameSlotsNote.write(to: directory.appendingPathComponent(nameSlotsFile))
    }

    /// Runs `body` on a fresh temporary sibling of `directory`, then renames it into place.
    public static func writeAtomically(_ directory: URL, _ body: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = directory.deletingLastPathComponent(), name = directory.lastPathComponent
        let tmp = parent.appendingPathComponent(".\(name).tmp-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: tmp, withIntermediateDirectories: false)
            try body(tmp)
            if fm.fileExists(atPath: directory.path) {
                // rename(2) cannot replace a non-empty directory: move the old one aside first.
                let old = parent.appendingPathComponent(".\(name).old-\(UUID().uuidString)")
                try fm.moveItem(at: directory, to: old)
                try fm.moveItem(at: tmp, to: directory)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: tmp, to: directory)
            }
        } catch {
            try? fm.removeItem(at: tmp)
            if error is CheckpointError { throw error }
            throw CheckpointError.io("writing \(directory.path): \(error)")
        }
    }
}

/// What `generation_config.json` records: the sampling defaults shipped with a model.
public struct GenerationConfig: Sendable, Equatable {
    public var sampling: SamplingOptions
    public init(sampling: SamplingOptions = SamplingOptions()) { self.sampling = sampling }

    func jsonData(config: ModelConfig) throws -> Data {
        let s = sampling
        let j: [String: Any] = [
            "bos_token_id": config.bosTokenId, "eos_token_id": config.eosTokenId,
            "do_sample": s.temperature > 0, "temperature": Double("\(max(s.temperature, 0))")!,
            "top_k": s.topK, "top_p": Double("\(s.topP)")!, "repetition_penalty": Double("\(s.repetitionPenalty)")!,
            "max_new_tokens": s.maxNewTokens,
        ]
        return try JSONSerialization.data(withJSONObject: j, options: [.prettyPrinted, .sortedKeys])
    }
}
