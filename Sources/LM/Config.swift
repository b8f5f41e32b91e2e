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

    public var headDim: Int { dim / heads }
    /// Width of the K and V projections.
    public var kvDim: Int { kvHeads * headDim }

    /// Throws a message naming the first inconsistent field; called by every loader.
    public func validate() throws {
        func fail(_ s: String) throws -> Never { throw CheckpointError.badConfig(s) }
        if vocabSize <= 0 || dim <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || hiddenDim <= 0 || maxSeqLen <= 0 {
            try fail("all dimensions must be positive: \(self)")
        }
        if dim % heads != 0 { try fail("hidden_size \(dim) is not divisible by num_attention_heads \(heads)") }
        if heads % kvHeads != 0 { try fail("num_attention_heads \(heads) is not divisible by num_key_value_heads \(kvHeads)") }
        if headDim % 2 != 0 { try fail("head_dim \(headDim) must be even for RoPE") }
        if !tiedEmbeddings { try fail("only tie_word_embeddings = true is supported") }
    }
}
