/// Keys and values of every past position, per layer, sequence and KV head, laid out for the
/// decoding attention kernels: keys transposed, (d, capacity) per head, so the scores of many
/// positions are vertical FMAs over a contiguous row per head dimension (no sum across lanes per
/// position); values (capacity, d) per head, so each head streams one contiguous block.
/// k, v: (L, batch, kvHeads, ·) in one allocation each; `lengths[s]` positions are filled.
public final class KVCache {
    public let layers: Int, batch: Int, capacity: Int, kvDim: Int, kvHeads: Int, headDim: Int
    let k: FloatBuffer
    let v: FloatBuffer
    public internal(set) var lengths: [Int]
    /// Floats after the last key row that a kernel may read (not use) when it rounds n up to its width.
    static let readPadding = 16

    public init(config: ModelConfig, batch: Int, capacity: Int) {
        layers = config.layers; self.batch = batch; self.capacity = capacity; kvDim = config.kvDim
        kvHeads = config.kvHeads; headDim = config.headDim
        k = FloatBuffer(count: layers * batch * capacity * kvDim + Self.readPadding)
        v = FloatBuffer(count: layers * batch * capacity * kvDim)
        lengths = [Int](repeating: 0, count: batch)
    }

    /// Start of KV head g of sequence s in layer l: keys (headDim, capacity), values (capacity, headDim).
    @inline(__always) func offset(layer l: Int, sequence s: Int, head g: Int) -> Int {
        ((l * batch + s) * kvHeads + g) * headDim * capacity
    }

    /// Stores one position's keys and values, kv (kvHeads, headDim) each.
    @inline(__always) func store(layer l: Int, sequence s: Int, position pos: Int,
                                 keys: UnsafePointer<Float>, values: UnsafePointer<Float>) {
        for g in 0..<kvHeads {
            let o = offset(layer: l, sequence: s, head: g), kg = keys + g * headDim
            let kt = k.pointer + o + pos
            for j in 0..<headDim { kt[j * capacity] = kg[j] }
            (v.pointer + o + pos * headDim).update(from: values + g * headDim, count: headDim)
        }
    }

    public func reset() { for s in 0..<batch { lengths[s] = 0 } }
}
