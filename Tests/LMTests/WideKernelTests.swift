import CBLAS
import Common
@testable import LM
@testable import LMDecode
import XCTest

/// Each build of the wide decoding kernels this CPU runs (AVX-512, AVX2) against OpenBLAS and the
/// baseline kernels, on odd shapes; the decoder's results against its OpenBLAS path, across thread
/// counts and across the builds. Skipped on a CPU with neither (the product then never calls them).
final class WideKernelTests: XCTestCase {
    private let builds = WideKernels.allCases.filter(\.supported)

    override func setUpWithError() throws {
        try XCTSkipIf(builds.isEmpty, "no wide kernels: CPU without x86-64-v3 (AVX2, FMA)")
    }

    private func random(_ n: Int, seed: UInt64) -> [Float] {
        var r = Xoshiro256(seed: seed)
        return (0..<n).map { _ in r.nextGaussian() }
    }

    /// out (M, N) = x (M, K) · w (N, K)ᵀ for M = 1…16 and N, K not multiples of the 8-row block or the
    /// unroll: rows (plain and accumulated) and transposed outputs within float tolerance of cblas_sgemm.
    func testProductMatchesOpenBLAS() {
        for kern in builds { for (N, K) in [(1, 5), (13, 64), (37, 383), (100, 17)] {
            let w = random(N * K, seed: UInt64(N * 1000 + K))
            for M in 1...16 {
                let x = random(M * K, seed: UInt64(M)), base = random(M * N, seed: 99)
                var ref = base
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(M), Int32(N), Int32(K),
                            1, x, Int32(K), w, Int32(K), 1, &ref, Int32(N))
                var xT = [Float](repeating: .nan, count: K * 16)
                kern.transpose(&xT, x, M: M, K: K)
                var acc = base, plain = [Float](repeating: 0, count: M * N), tr = [Float](repeating: 0, count: N * 16)
                kern.product(&acc, .rows(ld: N, accumulate: true), M: M, xT: xT, w: w, K: K, cols: 0..<N)
                kern.product(&plain, .rows(ld: N, accumulate: false), M: M, xT: xT, w: w, K: K, cols: 0..<N)
                kern.product(&tr, .transposed, M: M, xT: xT, w: w, K: K, cols: 0..<N)
                let tol = 1e-5 * Float(K).squareRoot() * 4
                for m in 0..<M {
                    for n in 0..<N {
                        let i = m * N + n
                        XCTAssertEqual(acc[i], ref[i], accuracy: tol, "\(kern) M \(M) N \(N) K \(K)")
                        XCTAssertEqual(plain[i], ref[i] - base[i], accuracy: tol, "\(kern) M \(M) N \(N) K \(K)")
                        XCTAssertEqual(tr[n * 16 + m], plain[i])
                    }
                }
                for n in 0..<N { for m in M..<16 { XCTAssertEqual(tr[n * 16 + m], 0) } }   // zero lanes stay zero
            }
        } }
    }

    /// Any split of the columns (as workers get them) gives bit-identical outputs.
    func testProductDoesNotDependOnTheSplit() {
        for kern in builds {
            let M = 11, N = 77, K = 129
            let w = random(N * K, seed: 1), x = random(M * K, seed: 2)
            var xT = [Float](repeating: 0, count: K * 16)
            kern.transpose(&xT, x, M: M, K: K)
            var whole = [Float](repeating: 0, count: M * N)
            kern.product(&whole, .rows(ld: N, accumulate: false), M: M, xT: xT, w: w, K: K, cols: 0..<N)
            for cuts in [[3], [8, 40], [1, 2, 19, 50, 76]] {
                var parts = [Float](repeating: 0, count: M * N)
                let bounds = [0] + cuts + [N]
                for i in 0..<(bounds.count - 1) {
                    kern.product(&parts, .rows(ld: N, accumulate: false), M: M, xT: xT, w: w, K: K, cols: bounds[i]..<bounds[i + 1])
                }
                XCTAssertEqual(parts, whole, "\(kern) cuts \(cuts)")
            }
        }
    }

    /// The one-row product against cblas_sgemv (K with and without a 16-lane tail, N not a multiple of
    /// its 4-row block), plain and accumulated, and bit-identical under any split of the rows.
    func testGemvMatchesOpenBLASAndDoesNotDependOnTheSplit() {
        for kern in builds { for (N, K) in [(1, 3), (7, 16), (37, 200), (101, 384)] {
            let w = random(N * K, seed: UInt64(N + K)), x = random(K, seed: 8), base = random(N, seed: 9)
            var ref = base
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(N), Int32(K), 1, w, Int32(K), x, 1, 1, &ref, 1)
            var acc = base, plain = [Float](repeating: 0, count: N)
            kern.gemv(&acc, x, w, K: K, rows: 0..<N, accumulate: true)
            kern.gemv(&plain, x, w, K: K, rows: 0..<N, accumulate: false)
            for n in 0..<N {
                XCTAssertEqual(acc[n], ref[n], accuracy: 1e-4, "N \(N) K \(K)")
                XCTAssertEqual(plain[n], ref[n] - base[n], accuracy: 1e-4, "N \(N) K \(K)")
            }
            for cut in [1, N / 2, N - 1] where cut > 0 && cut < N {
                var parts = [Float](repeating: 0, count: N)
                kern.gemv(&parts, x, w, K: K, rows: 0..<cut, accumulate: false)
                kern.gemv(&parts, x, w, K: K, rows: cut..<N, accumulate: false)
                XCTAssertEqual(parts, plain, "\(kern) N \(N) K \(K) cut \(cut)")
            }
        } }
    }

    /// attend64 against the baseline kernel and a scalar reference, for lengths around its blocks
    /// (16 and 64 positions); keys in KVCache's blocks of 16 positions.
    func testAttentionMatchesBaseline() {
        let d = 64, capacity = 141
        let blocks = (capacity + 15) / 16
        let k = random(blocks * d * 16, seed: 3), v = random(capacity * d, seed: 4), q = random(d, seed: 5)
        let scale = 1 / Float(d).squareRoot()
        for kern in builds { for n in [1, 2, 15, 16, 17, 63, 64, 65, 100, 141] {
            var wide = [Float](repeating: 0, count: d), base = wide, scores = [Float](repeating: 0, count: capacity)
            kern.attend64(&wide, q: q, k: k, v: v, n: n, scale: scale, scores: &scores)
            DecodeKernels.attendOne(out: &base, q: q, k: k, v: v, n: n, d: d, scale: scale, scores: &scores)
            var s = (0..<n).map { t in scale * (0..<d).reduce(Float(0)) { $0 + q[$1] * k[t / 16 * d * 16 + $1 * 16 + t % 16] } }
            let mx = s.max()!
            s = s.map { expf($0 - mx) }
            let total = s.reduce(0, +)
            for j in 0..<d {
                let ref = (0..<n).reduce(Float(0)) { $0 + s[$1] * v[$1 * d + j] } / total
                XCTAssertEqual(wide[j], ref, accuracy: 1e-4, "\(kern) n \(n)")
                XCTAssertEqual(base[j], ref, accuracy: 1e-4, "n \(n)")
            }
        } }
    }

    /// A model with head dim 64 (the wide attention) and widths that are not multiples of 8 or 16.
    private func model() -> Model {
        let c = ModelConfig(vocabSize: 101, dim: 128, layers: 2, heads: 2, kvHeads: 1, hiddenDim: 200,
                            maxSeqLen: 64, ropeTheta: 10000, normEps: 1e-5, bosTokenId: 1, eosTokenId: 2)
        return Model(config: c, seed: 3, initStd: 0.1)
    }

    /// Logits of a prefill and then steps of a batch of 13 sequences (one row each), then one sequence
    /// alone (the batch-1 path), with the given kernels (nil: the OpenBLAS path).
    private func decode(_ m: Model, _ kernels: WideKernels?, workers: Int) -> [[Float]] {
        let B = 13, V = m.config.vocabSize
        let dec = Decoder(model: m, batch: B, capacity: 40, kernels: kernels, workers: workers)
        var out = [[Float]]()
        var items = (0..<B).map { (sequence: $0, tokens: TestModels.randomTokens(1 + $0 % 5, vocab: V, seed: UInt64($0))) }
        for step in 0..<12 {
            let l = Array(dec.append(items))
            out.append(l)
            items = (0..<B).map { s in (sequence: s, tokens: [(s * 7 + step * 3) % V]) }
        }
        // one sequence alone (the batch-1 path, wide attention there too)
        out.append(Array(dec.append([(sequence: 4, tokens: [5])])))
        return out
    }

    /// Each build within float tolerance of the OpenBLAS path and bit-identical on 1, 2 and 3 workers.
    func testDecoderWidePathMatchesOpenBLASAndThreadCounts() {
        let m = model()
        let ref = decode(m, nil, workers: 2)
        for kern in builds {
            let one = decode(m, kern, workers: 1)
            XCTAssertEqual(ref.count, one.count)
            for (a, b) in zip(ref, one) {
                XCTAssertEqual(a.count, b.count)
                for i in a.indices { XCTAssertEqual(a[i], b[i], accuracy: 1e-4, "\(kern)") }
            }
            XCTAssertEqual(decode(m, kern, workers: 2), one, "\(kern)")
            XCTAssertEqual(decode(m, kern, workers: 3), one, "\(kern)")
        }
    }

    /// The AVX2 build computes every output with the AVX-512 build's chain of operations: the same
    /// logits, bit for bit (so a user's letters do not depend on which one their CPU runs).
    func testBuildsGiveIdenticalLogits() throws {
        try XCTSkipUnless(builds.count == 2, "one build only on this CPU")
        let m = model()
        XCTAssertEqual(decode(m, .avx2, workers: 2), decode(m, .avx512, workers: 2))
    }
}
