/// Keys and values of every past position, per layer and sequence:
/// k, v (L, batch, capacity, KV) in one allocation each; `lengths[s]` positions are filled.
public final class KVCache {
    public let layers: Int, batch: Int, capacity: Int, kvDim: Int
    let k: FloatBuffer
    let v: FloatBuffer
    public internal(set) var lengths: [Int]

    public init(config: ModelConfig, batch: Int, capacity: Int) {
        layers = config.layers; self.batch = batch; self.capacity = capacity; kvDim = config.kvDim
        k = FloatBuffer(count: layers * batch * capacity * kvDim)
        v = FloatBuffer(count: layers * batch * capacity * kvDim)
        lengths = [Int](repeating: 0, count: batch)
    }

    /// Row of position `pos` of sequence `s` in layer `l`.
    @inline(__always) func offset(layer l: Int, sequence s: Int, position pos: Int) -> Int {
        ((l * batch + s) * capacity + pos) * kvDim
    }

    public func reset() { for s in 0..<batch { lengths[s] = 0 } }
}
