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
            for i in share(count, w, workers, align: 1) { work(i) }
        }
    }
}

/// Splits 0..<count into one contiguous range per thread (the OpenBLAS thread count, read, never
/// changed) for elementwise kernels that call no BLAS. The split depends only on (count, threads)
/// and each element is computed the same way in any split (boundaries are multiples of 4), so results do not depend on it.
func parallelRanges(_ count: Int, minPerThread: Int = 1 << 15, _ body: (Range<Int>) -> Void) {
    let workers = Swift.min(BLASThreads.count, Swift.max(1, count / minPerThread))
    if workers <= 1 { body(0..<count); return }
    withoutActuallyEscaping(body) { escapable in
        nonisolated(unsafe) let work = escapable   // disjoint ranges by construction
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            // boundaries on multiples of 4, so every element takes the same SIMD or scalar path in any split
            work(share(count, w, workers, align: 4))
        }
    }
}

/// Part p of 0..<n when cut into `parts` (contiguous; boundaries on multiples of `align`): the one split of
/// every threaded loop here and in the decoder (its pool), so a split depends only on (n, parts).
@inlinable @inline(__always)
package func share(_ n: Int, _ p: Int, _ parts: Int, align: Int = 4) -> Range<Int> {
    let lo = p == 0 ? 0 : (n * p / parts) / align * align
    let hi = p == parts - 1 ? n : (n * (p + 1) / parts) / align * align
    return lo..<hi
}
