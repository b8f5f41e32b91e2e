import CBLAS
import CPUFeatures
import Foundation

/// OpenBLAS picks its kernels for the CPU when it loads. Debian 12's 0.3.21 does not know recent Intel
/// server cores and falls back to its generic "Prescott" (SSE3) kernels: sgemm ran at 22 GFLOP/s a core
/// there against 142–156 with its SkylakeX kernels on the same CPU (bench bf16, issue 22). It reads
/// OPENBLAS_CORETYPE only while loading, before any of our code runs, so the program starts itself again
/// with the variable set; a user's own OPENBLAS_CORETYPE is left alone.
public enum BLASCore {
    /// The kernel family OpenBLAS is using.
    public static var name: String { openblas_get_corename().map { String(cString: $0) } ?? "?" }

    /// The family to ask for when OpenBLAS fell back to its generic kernels on a CPU it could do better on;
    /// nil when its own choice stands.
    static var better: String? {
        guard (getenv("OPENBLAS_CORETYPE").map { $0.pointee == 0 } ?? true), name.lowercased() == "prescott" else { return nil }
        if cpu_supports_avx512bf16() != 0 { return "Cooperlake" }
        if cpu_supports_avx512() != 0 { return "SkylakeX" }
        if cpu_supports_avx2() != 0 { return "Haswell" }
        return nil
    }

    /// Restarts this process with OPENBLAS_CORETYPE set when `better` says so (execv does not return then);
    /// otherwise, or if the restart fails, returns and the program runs on OpenBLAS's own choice.
    public static func restartWithBetterKernelsIfNeeded() {
        guard let core = better else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        let args = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        unsetenv("OPENBLAS_CORETYPE")   // the restart failed: carry on as we are
    }
}

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