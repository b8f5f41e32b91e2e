/// The shape of a Llama-style decoder. Every dimension is explicit so a checkpoint
/// never depends on defaults (see HFConfig.swift for the config.json mapping).
public struct ModelConfig: Equatable, Sendable {
    public var vocabSize: Int
    public var dim: Int          // hidden_size
    public var layers: Int
    public var heads: Int
    public var kvHeads: Int      // grouped-query attention: heads % kvHeads == 0
    public var hiddenDim: Int    // intermediate_size (SwiGLU width)
    public var maxSeqLen: Int
    public var ropeTheta: Float
    public var normEps: Float
    public var tiedEmbeddings: Bool
    public var bosTokenId: Int
    public var eosTokenId: Int

    public init(vocabSize: Int, dim: Int, layers: Int, heads: Int, kvHeads: Int? = nil,
                hiddenDim: Int, maxSeqLen: Int, ropeTheta: Float = 10000, normEps: Float = 1e-5,
                tiedEmbeddings: Bool = true, bosTokenId: Int = 0, eosTokenId: Int = 0) {
        self.vocabSize = vocabSize; self.dim = dim; self.layers = layers; self.heads = heads
        self.kvHeads = kvHeads ?? heads; self.hiddenDim = hiddenDim; self.maxSeqLen = maxSeqLen
        self.ropeTheta = ropeTheta; self.normEps = normEps; self.tiedEmbeddings = tiedEmbeddings
        self.bosTokenId = bosTokenId; self.eosTokenId = eosTokenId
    }

    /// 0 while `heads` is not positive, so a bad config reaches `validate` instead of a division trap.
    public var headDim: Int { heads > 0 ? dim / heads : 0 }
    /// Width of the K and V projections.
    public var kvDim: Int { kvHeads * headDim }

    /// Upper bounds far above any model this CPU program can run, low enough that a typo cannot ask for
    /// terabytes: RoPE tables and activations scale with max_position_embeddings before any weight is read.
    public static let bounds: [(field: String, max: Int)] = [
        ("vocab_size", 1 << 20), ("hidden_size", 1 << 16), ("num_hidden_layers", 1 << 10),
        ("num_attention_heads", 1 << 10), ("num_key_value_heads", 1 << 10), ("intermediate_size", 1 << 18),
        ("max_position_embeddings", 1 << 17),
    ]

    /// Throws a message naming the first inconsistent field; called by every loader.
    public func validate() throws {
        func fail(_ s: String) throws -> Never { throw CheckpointError.badConfig(s) }
        let values = [vocabSize, dim, layers, heads, kvHeads, hiddenDim, maxSeqLen]
        for ((field, max), v) in zip(Self.bounds, values) where v < 1 || v > max {
            try fail("\(field) is \(v); it must be between 1 and \(max)")
        }
        if dim % heads != 0 { try fail("hidden_size \(dim) is not divisible by num_attention_heads \(heads)") }
        if heads % kvHeads != 0 { try fail("num_attention_heads \(heads) is not divisible by num_key_value_heads \(kvHeads)") }
        if headDim % 2 != 0 { try fail("head_dim \(headDim) must be even for RoPE") }
        if !(normEps.isFinite && normEps > 0 && normEps < 1) { try fail("rms_norm_eps is \(normEps); it must be in (0, 1)") }
        if !(ropeTheta.isFinite && ropeTheta > 1) { try fail("rope_theta is \(ropeTheta); it must be a finite number above 1") }
        for (field, id) in [("bos_token_id", bosTokenId), ("eos_token_id", eosTokenId)] where id < 0 || id >= vocabSize {
            try fail("\(field) is \(id); it must be a token id below vocab_size \(vocabSize)")
        }
        if !tiedEmbeddings { try fail("only tie_word_embeddings = true is supported") }
    }
}
