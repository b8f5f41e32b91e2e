import CBLAS
import Foundation

/// OpenBLAS thread control. Decoding one token at a time is faster on one thread
/// (the matrices are small); training wants every core.
public enum BLASThreads {
    public static var count: Int { Int(openblas_get_num_threads()) }
    public static func set(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }

    /// After each threaded call OpenBLAS's workers spin (sched_yield) for 2^28 cycles (~70 ms) before
    /// they sleep. In a training step our own threaded kernels (softmax, SwiGLU, norms, loss) run between
    /// the sgemm calls on the same cores, and a spinning worker takes CPU from them: config A trains
    /// 10–19% faster with the workers sleeping after 2^4 cycles. `forwardBackward` and every backward
    /// call it; only the first call acts: it restarts the workers with that timeout unless
    /// OPENBLAS_THREAD_TIMEOUT is set.
    /// Decoding is left alone (batch-16 steps are short sgemm calls where waking a worker costs more).
    public static func sleepWhenIdle() { _ = shortSpin }

    private static let shortSpin: Void = {
        guard getenv("OPENBLAS_THREAD_TIMEOUT") == nil else { return }
        setenv("OPENBLAS_THREAD_TIMEOUT", "4", 1)
        openblas_read_env()
        _ = blas_thread_shutdown_()
    }()
}
