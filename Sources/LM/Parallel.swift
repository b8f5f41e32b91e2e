import CBLAS
import Dispatch

/// Splits `count` independent work items over the BLAS thread count (one knob for all threads).
/// Used where the work is many small pieces (attention per batch and head, loss rows) that OpenBLAS
/// would otherwise run one after the other, each too small to thread well. BLAS runs single-threaded
/// inside, so results do not depend on the split: runs are bit-identical.
func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    let threads = openblas_get_num_threads()
    let workers = min(Int(threads), count)
    if workers <= 1 {
        for i in 0..<count { body(i) }
        return
    }
    openblas_set_num_threads(1)
    defer { openblas_set_num_threads(threads) }
    withoutActuallyEscaping(body) { escapable in
        // The items write disjoint memory by construction; the compiler cannot see that.
        nonisolated(unsafe) let work = escapable
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            // contiguous chunks, fixed by (count, workers)
            let lo = count * w / workers, hi = count * (w + 1) / workers
            for i in lo..<hi { work(i) }
        }
    }
}
