import LM

/// Keys and values of every past position, per layer, sequence and KV head, laid out for the
/// decoding attention kernels. Keys in blocks of 16 positions, (⌈capacity/16⌉, d, 16) per head: the
/// scores of 16 positions are vertical FMAs over one contiguous 4 KB block (at d = 64), with no sum
/// across lanes per position, and a head's keys are read as one sequential stream. Values
/// (capacity, d) per head, also one stream. k, v: (L, batch, kvHeads, ·); `lengths[s]` positions are filled.
public final class KVCache {
    public let layers: Int, batch: Int, capacity: Int, kvDim: Int, kvHeads: Int, headDim: Int
    /// Positions per key block (lanes of the wide kernels).
    static let block = 16
    let k: FloatBuffer
    let v: FloatBuffer
    public internal(set) var lengths: [Int]
    private let kHead: Int, vHead: Int    // floats per head

    public init(config: ModelConfig, batch: Int, capacity: Int) {
        layers = config.layers; self.batch = batch; self.capacity = capacity; kvDim = config.kvDim
        kvHeads = config.kvHeads; headDim = config.headDim
        kHead = (capacity + Self.block - 1) / Self.block * Self.block * headDim
        vHead = capacity * headDim
        k = FloatBuffer(count: layers * batch * kvHeads * kHead)
        v = FloatBuffer(count: layers * batch * kvHeads * vHead)
        lengths = [Int](repeating: 0, count: batch)
    }

    /// Keys of KV head g of sequence s in layer l: (⌈capacity/16⌉, headDim, 16).
    @inline(__always) func keys(layer l: Int, sequence s: Int, head g: Int) -> UnsafeMutablePointer<Float> {
        k.pointer + ((l * batch + s) * kvHeads + g) * kHead
    }

    /// Values of KV head g of sequence s in layer l: (capacity, headDim).
    @inline(__always) func values(layer l: Int, sequence s: Int, head g: Int) -> UnsafeMutablePointer<Float> {
        v.pointer + ((l * batch + s) * kvHeads + g) * vHead
    }

    /// Stores one position's keys and values, (kvHeads, headDim) each.
    @inline(__always) func store(layer l: Int, sequence s: Int, position pos: Int,
                                 keys kRow: UnsafePointer<Float>, values vRow: UnsafePointer<Float>) {
        for g in 0..<kvHeads { store(layer: l, sequence: s, position: pos, head: g, keys: kRow + g * headDim, values: vRow + g * headDim) }
    }

    /// Stores one position's keys and values of KV head g, (headDim) each.
    @inline(__always) func store(layer l: Int, sequence s: Int, position pos: Int, head g: Int,
                                 keys kg: UnsafePointer<Float>, values vg: UnsafePointer<Float>) {
        let d = headDim, blk = Self.block
        let kb = keys(layer: l, sequence: s, head: g) + pos / blk * d * blk + pos % blk
        for j in 0..<d { kb[j * blk] = kg[j] }
        (values(layer: l, sequence: s, head: g) + pos * d).update(from: vg, count: d)
    }

    public func reset() { for s in 0..<batch { lengths[s] = 0 } }
}
