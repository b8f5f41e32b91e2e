import CBLAS

/// OpenBLAS thread control. Decoding one token at a time is faster on one thread
/// (the matrices are small); training wants every core.
public enum BLASThreads {
    public static var count: Int { Int(openblas_get_num_threads()) }
    public static func set(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }
}
