import CBLAS
import Common
import Foundation

/// Low-rank adapters (Hu et al. 2021) on the attention (q, k, v, o) and MLP (gate, up, down)
/// projections:  W' = W + s · B A,  s = alpha / rank,  A (r, in) random, B (out, r) zero at the start.
///
/// Training is "merged-weight" LoRA, which needs no change to the layer loop: before each step the
/// trainer writes W0 + s·B·A into the model's parameter buffer, runs the ordinary forward/backward,
/// and reads the full weight gradient dW of each adapted projection. Since W' = W0 + s·B·A,
///
///     dB = s · dW · Aᵀ      (out, r) = (out, in) · (in, r)
///     dA = s · Bᵀ · dW      (r, in)  = (r, out) · (out, in)
///
/// which is exact (not an approximation); only A and B are updated, W0 stays frozen in a copy.
/// At this model size the extra full-size dW costs little next to the forward/backward itself.
///
/// `embed_tokens` adapts the tied embedding (V, C) the same way, so the delta reaches the LM head as well as the
/// input: the merged weight is the one matrix both read (here, in the decoder and in a merged model). It is what
/// lets an adapter emit a token the base was trained never to write ("'d" of "I'd", −18 nats under the shipped
/// base): through the projections alone the hidden state must swing round to that token's embedding, and midway
/// it predicts nothing (entropy 7.2 of 8.3 nats), so sampled letters garble exactly there (issue 27).
///
/// Files (LMFormats, LoRAFiles.swift) follow PEFT: `adapter_model.safetensors` with names like
/// `base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight`, and `adapter_config.json`
/// (`r`, `lora_alpha`, `target_modules`, `base_model_name_or_path`).
public struct LoRAConfig: Codable, Sendable, Equatable {
    public var rank: Int
    public var alpha: Float
    /// PEFT module names: q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj.
    public var targets: [String]

    public static let allTargets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    /// The tied token embedding (PEFT's name for it in a Llama model).
    public static let embedTarget = "embed_tokens"

    public init(rank: Int = 8, alpha: Float = 16, targets: [String] = LoRAConfig.allTargets) {
        self.rank = rank; self.alpha = alpha; self.targets = targets
    }

    public var scale: Float { alpha / Float(rank) }

    static func kind(_ target: String) -> ParameterLayout.Kind? {
        switch target {
        case "q_proj": .wq
        case "k_proj": .wk
        case "v_proj": .wv
        case "o_proj": .wo
        case "gate_proj": .wgate
        case "up_proj": .wup
        case "down_proj": .wdown
        case "embed_tokens": .embed
        default: nil
        }
    }

    static func module(_ k: ParameterLayout.Kind) -> String {
        switch k {
        case .wq: "self_attn.q_proj"
        case .wk: "self_attn.k_proj"
        case .wv: "self_attn.v_proj"
        case .wo: "self_attn.o_proj"
        case .wgate: "mlp.gate_proj"
        case .wup: "mlp.up_proj"
        case .wdown: "mlp.down_proj"
        case .embed: "embed_tokens"
        default: "?"
        }
    }
}

public final class LoRAAdapter: @unchecked Sendable {
    /// One adapted projection: its weight (out, in) in the model, and A (r, in), B (out, r) in `params`.
    public struct Slot: Sendable {
        public let kind: ParameterLayout.Kind
        public let layer: Int
        public let out: Int, inp: Int
        public let a: Int, b: Int
        public var nameA: String {
            kind == .embed ? "base_model.model.model.embed_tokens.lora_embedding_A"
                : "base_model.model.model.layers.\(layer).\(LoRAConfig.module(kind)).lora_A.weight"
        }
        public var nameB: String {
            kind == .embed ? "base_model.model.model.embed_tokens.lora_embedding_B"
                : "base_model.model.model.layers.\(layer).\(LoRAConfig.module(kind)).lora_B.weight"
        }
    }

    public let config: LoRAConfig
    public let modelConfig: ModelConfig
    public let slots: [Slot]
    public let params: FloatBuffer
    public let grads: FloatBuffer
    /// The embedding rows (token ids) an `embed_tokens` adapter may move; nil: all. The others' gradient is
    /// dropped, so their rows of B stay 0 and the tied head scores those tokens as the base does (issue 27).
    public var embedRows: [Int]? { didSet { embedRowMask = embedRows.map { Set($0) } } }
    private var embedRowMask: Set<Int>?
    /// The base model's id (its folder) and a fingerprint of its weights, checked when applied.
    public var baseModel: String = ""
    public var baseFingerprint: String = ""

    /// A fresh adapter: A ~ U(−1/√in, 1/√in) (PEFT's kaiming-uniform with a = √5; the embedding's N(0, 1)), B = 0, so the
    /// adapted model starts out exactly equal to the base.
    public convenience init(modelConfig: ModelConfig, config: LoRAConfig, seed: UInt64) throws {
        try self.init(modelConfig: modelConfig, config: config)
        var rng = Xoshiro256(seed: seed)
        for s in slots {
            let bound = 1 / Float(s.inp).squareRoot()
            let p = params.pointer + s.a
            // An embedding's input is one row, not a C-wide activation: PEFT draws its factor from N(0, 1). At
            // ±1/√C its rows moved ~30× slower, and early stopping kept "I'd" half learnt ("Iince like to ask").
            if s.kind == .embed { for i in 0..<(config.rank * s.inp) { p[i] = rng.nextGaussian() }; continue }
            for i in 0..<(config.rank * s.inp) { p[i] = (rng.nextFloat() * 2 - 1) * bound }
        }
    }

    /// Zero A and B (the loader fills them).
    public init(modelConfig c: ModelConfig, config: LoRAConfig) throws {
        guard config.rank > 0 else { throw CheckpointError.badConfig("LoRA rank must be positive (got \(config.rank))") }
        guard config.alpha > 0 else { throw CheckpointError.badConfig("LoRA alpha must be positive (got \(config.alpha))") }
        let kinds = try config.targets.map { t -> ParameterLayout.Kind in
            guard let k = LoRAConfig.kind(t) else {
                throw CheckpointError.badConfig("unknown LoRA target \(t); use \(LoRAConfig.allTargets.joined(separator: ", "))")
            }
            return k
        }
        guard !kinds.isEmpty else { throw CheckpointError.badConfig("LoRA needs at least one target module") }
        self.config = config; modelConfig = c
        let layout = ParameterLayout(c)
        var s: [Slot] = [], o = 0
        for l in 0..<c.layers {
            for k in ParameterLayout.Kind.allCases where kinds.contains(k) && (k != .embed || l == 0) {
                let shape = layout.shape(k)
                s.append(Slot(kind: k, layer: l, out: shape[0], inp: shape[1], a: o, b: o + config.rank * shape[1]))
                o += config.rank * (shape[0] + shape[1])
            }
        }
        slots = s
        params = FloatBuffer(count: o)
        grads = FloatBuffer(count: o)
    }

    public var parameterCount: Int { params.count }

    /// W (out, in) += factor · s · B (out, r) · A (r, in), for every slot, on a buffer laid out as `layout`.
    /// `factor` −1 removes a merged adapter again (switching styles without reloading the base).
    public func addDelta(to weights: UnsafeMutablePointer<Float>, layout: ParameterLayout, factor: Float = 1) {
        let r = Int32(config.rank)
        for s in slots {
            let w = weights + layout.offset(s.kind, layer: s.layer)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(s.out), Int32(s.inp), r,
                        factor * config.scale, params.pointer + s.b, r, params.pointer + s.a, Int32(s.inp), 1, w, Int32(s.inp))
        }
    }

    /// Adds the adapter into the model's weights (inference: the merged model runs at base speed).
    public func merge(into model: Model, factor: Float = 1) throws {
        try checkCompatible(model)
        addDelta(to: model.params.pointer, layout: model.layout, factor: factor)
    }

    /// model = base + s·B·A on the adapted projections (training: called before every step).
    public func writeMerged(into model: Model, base: FloatBuffer) {
        for s in slots {
            let off = model.layout.offset(s.kind, layer: s.layer), n = s.out * s.inp
            (model.params.pointer + off).update(from: base.pointer + off, count: n)
        }
        addDelta(to: model.params.pointer, layout: model.layout)
    }

    /// dB += s · dW · Aᵀ and dA += s · Bᵀ · dW from the model's full gradients of the merged weights.
    public func accumulateGradients(from model: Model) {
        let r = Int32(config.rank), sc = config.scale
        for s in slots {
            let dW = model.grads.pointer + model.layout.offset(s.kind, layer: s.layer)
            // dB (out, r) = s · dW (out, in) · Aᵀ (in, r)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(s.out), r, Int32(s.inp),
                        sc, dW, Int32(s.inp), params.pointer + s.a, Int32(s.inp), 1, grads.pointer + s.b, r)
            if s.kind == .embed, let keep = embedRowMask {
                for row in 0..<s.out where !keep.contains(row) {
                    (grads.pointer + s.b + row * config.rank).update(repeating: 0, count: config.rank)
                }
            }
            // dA (r, in) = s · Bᵀ (r, out) · dW (out, in)
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, r, Int32(s.inp), Int32(s.out),
                        sc, params.pointer + s.b, r, dW, Int32(s.inp), 1, grads.pointer + s.a, Int32(s.inp))
        }
    }

    func checkCompatible(_ model: Model) throws {
        let a = modelConfig, b = model.config
        guard a.dim == b.dim, a.layers == b.layers, a.kvDim == b.kvDim, a.hiddenDim == b.hiddenDim,
              a.vocabSize == b.vocabSize || !slots.contains(where: { $0.kind == .embed }) else {
            throw CheckpointError.badConfig("the adapter was trained for a model of width \(a.dim), \(a.layers) layers, hidden \(a.hiddenDim); "
                + "this model has width \(b.dim), \(b.layers) layers, hidden \(b.hiddenDim)")
        }
    }

    /// FNV-1a over the model's weight bits: which base an adapter belongs to.
    public static func fingerprint(_ model: Model) -> String {
        // One 32-bit weight per fold, not byte by byte: fingerprints already written to adapters stay valid.
        var h = StableHash.Running()
        let p = model.params.pointer
        for i in 0..<model.params.count { h.add(UInt64(p[i].bitPattern)) }
        return StableHash.hex(h.value)
    }
}
