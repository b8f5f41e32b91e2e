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
