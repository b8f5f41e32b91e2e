import Foundation
/// Where each weight lives in the single parameter allocation.
///
/// Like llm.c, tensors of one kind are stored for all layers back to back
/// (`wq` is (L, C, C)), so a layer's view is `base + l * perLayer`.
/// The same layout is used for gradients and for the AdamW moments.
public struct ParameterLayout: Sendable {
    public enum Kind: Int, CaseIterable, Sendable {
        case embed, attnNorm, wq, wk, wv, wo, mlpNorm, wgate, wup, wdown, finalNorm
    }

    public let config: ModelConfig
    /// (offset, elements per layer or total for global tensors) by Kind.rawValue
    public let offsets: [Int]
    public let sizes: [Int]
    public let count: Int

    public init(_ c: ModelConfig) {
        config = c
        let C = c.dim, H = c.hiddenDim, KV = c.kvDim
        // Per-layer element counts; embed and finalNorm are global (one copy).
        let s: [Kind: Int] = [.embed: c.vocabSize * C, .attnNorm: C, .wq: C * C, .wk: KV * C, .wv: KV * C,
                              .wo: C * C, .mlpNorm: C, .wgate: H * C, .wup: H * C, .wdown: C * H, .finalNorm: C]
        var offs = [Int](), sz = [Int](), o = 0
        for k in Kind.allCases {
            offs.append(o); sz.append(s[k]!)
            o += s[k]! * (ParameterLayout.isPerLayer(k) ? c.layers : 1)
        }
        offsets = offs; sizes = sz; count = o
    }

    public static func isPerLayer(_ k: Kind) -> Bool { k != .embed && k != .finalNorm }
    /// Weight decay applies to matrices only, never to norm gains.
    public static func isMatrix(_ k: Kind) -> Bool { k != .attnNorm && k != .mlpNorm && k != .finalNorm }

    @inlinable @inline(__always) public func offset(_ k: Kind, layer l: Int = 0) -> Int { offsets[k.rawValue] + l * sizes[k.rawValue] }
    @inlinable @inline(__always) public func size(_ k: Kind) -> Int { sizes[k.rawValue] }

    /// PyTorch shape [out, in] of one tensor.
    public func shape(_ k: Kind) -> [Int] {
        let c = config
        switch k {
        case .embed: return [c.vocabSize, c.dim]
        case .attnNorm, .mlpNorm, .finalNorm: return [c.dim]
        case .wq, .wo: return [c.dim, c.dim]
        case .wk, .wv: return [c.kvDim, c.dim]
        case .wgate, .wup: return [c.hiddenDim, c.dim]
        case .wdown: return [c.dim, c.hiddenDim]
        }
    }

    /// The Hugging Face LlamaForCausalLM name of one tensor.
    public static func hfName(_ k: Kind, layer l: Int) -> String {
        let p = "model.layers.\(l)."
        switch k {
        case .embed: return "model.embed_tokens.weight"
        case .attnNorm: return p + "input_layernorm.weight"
        case .wq: return p + "self_attn.q_proj.weight"
        case .wk: return p + "self_attn.k_proj.weight"
        case .wv: return p + "self_attn.v_proj.weight"
        case .wo: return p + "self_attn.o_proj.weight"
        case .mlpNorm: return p + "post_attention_layernorm.weight"
        case .wgate: return p + "mlp.gate_proj.weight"
        case .wup: return p + "mlp.up_proj.weight"
        case .wdown: return p + "mlp.down_proj.weight"
        case .finalNorm: return "model.norm.weight"
        }
    }

    /// Every tensor as (HF name, kind, layer, offset, shape), in checkpoint order.
    public var tensors: [(name: String, kind: Kind, layer: Int, offset: Int, shape: [Int])] {
        var out: [(String, Kind, Int, Int, [Int])] = [(Self.hfName(.embed, layer: 0), .embed, 0, offset(.embed), shape(.embed))]
        for l in 0..<config.layers {
            for k in [Kind.attnNorm, .wq, .wk, .wv, .wo, .mlpNorm, .wgate, .wup, .wdown] {
                out.append((Self.hfName(k, layer: l), k, l, offset(k, layer: l), shape(k)))
            }
        }
        out.append((Self.hfName(.finalNorm, layer: 0), .finalNorm, 0, offset(.finalNorm), shape(.finalNorm)))
        return out
    }
}

/// A zero-initialised float buffer owned by a Swift object (freed on deinit).
public final class FloatBuffer: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<Float>
    public let count: Int
    public init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        FloatBuffer.adviseHugePages(pointer, count)
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    /// Asks for 2 MB pages on the 2 MB-aligned part of a large buffer before it is first touched
    /// (transparent huge pages are opt-in here). Decoding streams all weights every token; with
    /// 4 KB pages that is a TLB miss every 64 cache lines.
    private static func adviseHugePages(_ p: UnsafeMutablePointer<Float>, _ count: Int) {
        #if os(Linux)
        let huge = 2 << 20, start = UInt(bitPattern: p), end = start + UInt(count * 4)
        let lo = (start + UInt(huge - 1)) & ~UInt(huge - 1), hi = end & ~UInt(huge - 1)
        guard hi > lo else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: lo), Int(hi - lo), 14)   // MADV_HUGEPAGE
        #endif
    }
    deinit { pointer.deallocate() }
    public func zero() { pointer.update(repeating: 0, count: count) }
    public func copy(from other: FloatBuffer) { pointer.update(from: other.pointer, count: min(count, other.count)) }
    public var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
    @inline(__always) public subscript(i: Int) -> Float {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
}
