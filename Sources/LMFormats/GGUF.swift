import Foundation
import LM
import Tokenizer

/// GGUF (version 3), the file format llama.cpp loads: a header, typed key/value metadata,
/// tensor descriptions, then the tensor data, each tensor aligned to `alignment` bytes.
/// Written from the format's description (ggml's docs/gguf.md); little-endian throughout.
///
///     "GGUF" u32 version, u64 tensor count, u64 metadata count
///     metadata: string key, u32 type, value          (strings are u64 length + UTF-8 bytes)
///     tensors:  string name, u32 n_dims, u64 ne[n_dims] (fastest first), u32 ggml type, u64 offset
///     padding to alignment, then the data
public enum GGUF {
    public static let magic: UInt32 = 0x4655_4747   // "GGUF" read as a little-endian u32
    public static let version: UInt32 = 3
    public static let alignment = 32
    /// ggml tensor type of float32.
    public static let typeF32: UInt32 = 0

    /// Metadata value types (gguf_type).
    public enum ValueType: UInt32 {
        case uint8 = 0, int8, uint16, int16, uint32, int32, float32, bool, string, array, uint64, int64, float64
    }

    /// A metadata value; arrays hold one element type.
    public enum Value: Equatable, Sendable {
        case uint32(UInt32), int32(Int32), float32(Float), bool(Bool), string(String), uint64(UInt64)
        case strings([String]), int32s([Int32])

        var type: ValueType {
            switch self {
            case .uint32: return .uint32
            case .int32: return .int32
            case .float32: return .float32
            case .bool: return .bool
            case .string: return .string
            case .uint64: return .uint64
            case .strings, .int32s: return .array
            }
        }
    }

    /// One float32 tensor: `shape` in PyTorch order (slowest first); GGUF stores it reversed.
    public struct Tensor {
        public var name: String
        public var shape: [Int]
        public var data: [Float]
        public init(name: String, shape: [Int], data: [Float]) { self.name = name; self.shape = shape; self.data = data }
    }

    /// Serialises metadata (in the given order) and float32 tensors into one GGUF file image.
    public static func serialize(metadata: [(String, Value)], tensors: [Tensor]) -> Data {
        var out = ByteWriter()
        out.u32(magic); out.u32(version); out.u64(UInt64(tensors.count)); out.u64(UInt64(metadata.count))
        for (key, value) in metadata {
            out.string(key); out.u32(value.type.rawValue)
            out.value(value)
        }
        var offset = 0
        var offsets = [Int]()
        for t in tensors {
            precondition(t.data.count == t.shape.reduce(1, *), "GGUF tensor \(t.name): data does not fill its shape")
            out.string(t.name)
            out.u32(UInt32(t.shape.count))
            for d in t.shape.reversed() { out.u64(UInt64(d)) }
            out.u32(typeF32)
            out.u64(UInt64(offset))
            offsets.append(offset)
            offset = align(offset + t.data.count * 4)
        }
        out.pad(to: alignment)
        let base = out.bytes.count
        for (t, o) in zip(tensors, offsets) {
            out.bytes.append(contentsOf: repeatElement(0, count: base + o - out.bytes.count))
            t.data.withUnsafeBytes { out.bytes.append(contentsOf: $0) }
        }
        return Data(out.bytes)
    }

    static func align(_ n: Int) -> Int { (n + alignment - 1) / alignment * alignment }
}

/// Little-endian byte sink for GGUF.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func string(_ s: String) { let u = Array(s.utf8); u64(UInt64(u.count)); bytes.append(contentsOf: u) }
    mutating func pad(to a: Int) { while bytes.count % a != 0 { bytes.append(0) } }
    mutating func value(_ v: GGUF.Value) {
        switch v {
        case .uint32(let x): u32(x)
        case .int32(let x): u32(UInt32(bitPattern: x))
        case .float32(let x): u32(x.bitPattern)
        case .bool(let x): bytes.append(x ? 1 : 0)
        case .string(let s): string(s)
        case .uint64(let x): u64(x)
        case .strings(let a):
            u32(GGUF.ValueType.string.rawValue); u64(UInt64(a.count))
            for s in a { string(s) }
        case .int32s(let a):
            u32(GGUF.ValueType.int32.rawValue); u64(UInt64(a.count))
            for x in a { u32(UInt32(bitPattern: x)) }
        }
    }
}

extension Model {
    /// llama.cpp's name of one tensor of the llama architecture.
    static func ggufName(_ k: ParameterLayout.Kind, layer l: Int) -> String {
        let b = "blk.\(l)."
        switch k {
        case .embed: return "token_embd.weight"
        case .attnNorm: return b + "attn_norm.weight"
        case .wq: return b + "attn_q.weight"
        case .wk: return b + "attn_k.weight"
        case .wv: return b + "attn_v.weight"
        case .wo: return b + "attn_output.weight"
        case .mlpNorm: return b + "ffn_norm.weight"
        case .wgate: return b + "ffn_gate.weight"
        case .wup: return b + "ffn_up.weight"
        case .wdown: return b + "ffn_down.weight"
        case .finalNorm: return "output_norm.weight"
        }
    }

    /// Rows of a Q or K projection (heads × d, C) reordered from the half-split rotary layout
    /// (pairs i, i + d/2: ours and Hugging Face's) to llama.cpp's llama layout (pairs 2i, 2i + 1).
    static func interleaveRotaryRows(_ w: UnsafePointer<Float>, heads: Int, headDim d: Int, cols: Int) -> [Float] {
        var out = [Float](repeating: 0, count: heads * d * cols)
        let half = d / 2
        for h in 0..<heads {
            for i in 0..<half {
                for j in 0..<2 {
                    let src = w + (h * d + j * half + i) * cols
                    let dst = (h * d + 2 * i + j) * cols
                    for c in 0..<cols { out[dst + c] = src[c] }
                }
            }
        }
        return out
    }

    /// The model and its tokenizer as a GGUF file for llama.cpp (architecture "llama", all float32,
    /// the LM head tied to token_embd). The tokenizer is registered as GPT-2-style byte-level BPE;
    /// when it has fewer ids than the embedding, the rest are named `<|unused_N|>` control tokens.
    public func ggufData(tokenizer: BPETokenizer, name: String) throws -> Data {
        let c = config
        guard tokenizer.vocabSize <= c.vocabSize else {
            throw CheckpointError.badConfig("tokenizer has \(tokenizer.vocabSize) ids, the model only \(c.vocabSize)")
        }
        var tokens = tokenizer.tokenStrings
        var types = (0..<tokens.count).map { Int32(tokenizer.isSpecial($0) ? 3 : 1) }   // 1 normal, 3 control
        for i in tokens.count..<c.vocabSize { tokens.append("<|unused_\(i)|>"); types.append(3) }
        let merges = tokenizer.mergeList.map { tokenizer.tokenStrings[Int($0.0)] + " " + tokenizer.tokenStrings[Int($0.1)] }
        let u = { (x: Int) in GGUF.Value.uint32(UInt32(x)) }
        let metadata: [(String, GGUF.Value)] = [
            ("general.architecture", .string("llama")),
            ("general.name", .string(name)),
            ("general.file_type", u(0)),                       // all float32
            ("general.alignment", u(GGUF.alignment)),
            ("llama.vocab_size", u(c.vocabSize)),
            ("llama.context_length", u(c.maxSeqLen)),
            ("llama.embedding_length", u(c.dim)),
            ("llama.block_count", u(c.layers)),
            ("llama.feed_forward_length", u(c.hiddenDim)),
            ("llama.rope.dimension_count", u(c.headDim)),
            ("llama.attention.head_count", u(c.heads)),
            ("llama.attention.head_count_kv", u(c.kvHeads)),
            ("llama.attention.layer_norm_rms_epsilon", .float32(c.normEps)),
            ("llama.rope.freq_base", .float32(c.ropeTheta)),
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.pre", .string("gpt-2")),
            ("tokenizer.ggml.tokens", .strings(tokens)),
            ("tokenizer.ggml.token_type", .int32s(types)),
            ("tokenizer.ggml.merges", .strings(merges)),
            ("tokenizer.ggml.bos_token_id", u(c.bosTokenId)),
            ("tokenizer.ggml.eos_token_id", u(c.eosTokenId)),
            ("tokenizer.ggml.add_bos_token", .bool(false)),
        ]
        var tensors = [GGUF.Tensor]()
        for t in layout.tensors {
            let n = t.shape.reduce(1, *), src = params.pointer + t.offset
            let data: [Float]
            switch t.kind {
            case .wq: data = Self.interleaveRotaryRows(src, heads: c.heads, headDim: c.headDim, cols: c.dim)
            case .wk: data = Self.interleaveRotaryRows(src, heads: c.kvHeads, headDim: c.headDim, cols: c.dim)
            default: data = Array(UnsafeBufferPointer(start: src, count: n))
            }
            tensors.append(GGUF.Tensor(name: Self.ggufName(t.kind, layer: t.layer), shape: t.shape, data: data))
        }
        return GGUF.serialize(metadata: metadata, tensors: tensors)
    }
}
