import Common
import Foundation
import XCTest
@testable import LM

/// The bf16 path (issue #22): the kernel against a double-precision sum of bf16-rounded operands,
/// the whole model against PyTorch autocast (scripts/reference/bf16_reference.py), and the fallback.
final class BF16Tests: XCTestCase {
    /// bf16 of x, nearest even (what vcvtneps2bf16 gives for normal numbers), back in fp32.
    static func roundBF16(_ x: Float) -> Float {
        var u = x.bitPattern
        u = (u &+ 0x7FFF &+ ((u >> 16) & 1)) & 0xFFFF_0000
        return Float(bitPattern: u)
    }

    func testKernelMatchesRoundedReferenceInEveryLayout() throws {
        try XCTSkipUnless(Precision.bf16Available, "no AVX512_BF16 on this CPU")
        var rng = Xoshiro256(seed: 3)
        // odd and ragged sizes: tails of the 12 × 32 tile, of the k pairs and of the 384-deep k blocks
        for (M, N, K) in [(1, 1, 1), (13, 33, 7), (37, 45, 77), (100, 70, 800), (24, 64, 385)] {
            for transA in [false, true] {
                for transB in [false, true] {
                    let A = (0..<(M * K)).map { _ in rng.nextFloat() - 0.5 }
                    let B = (0..<(K * N)).map { _ in rng.nextFloat() - 0.5 }
                    let ldc = N + 3
                    var C = (0..<(M * ldc)).map { _ in rng.nextFloat() }
                    let C0 = C
                    let lda = transA ? M : K, ldb = transB ? K : N
                    C.withUnsafeMutableBufferPointer { c in
                        Gemm.run(.bf16, transA: transA, transB: transB, M, N, K, alpha: 0.5, A, lda, B, ldb,
                                 beta: 1, c.baseAddress!, ldc)
                    }
                    var worst: Double = 0
                    for m in 0..<M {
                        for n in 0..<N {
                            var s = 0.0
                            for k in 0..<K {
                                let a = transA ? A[k * lda + m] : A[m * lda + k]
                                let b = transB ? B[n * ldb + k] : B[k * ldb + n]
                                s += Double(Self.roundBF16(a)) * Double(Self.roundBF16(b))
                            }
                            worst = max(worst, abs(Double(C[m * ldc + n]) - (0.5 * s + Double(C0[m * ldc + n]))))
                        }
                        for n in N..<ldc { XCTAssertEqual(C[m * ldc + n], C0[m * ldc + n], "wrote past column N") }
                    }
                    // fp32 sums of exact bf16 products: only the summation's rounding is left
                    XCTAssertLessThan(worst, 1e-6 * Double(K) + 1e-6, "M \(M) N \(N) K \(K) transA \(transA) transB \(transB)")
                }
            }
        }
    }

    /// Splitting the rows over threads changes no output.
    func testThreadedEqualsOneThread() throws {
        try XCTSkipUnless(Precision.bf16Available, "no AVX512_BF16 on this CPU")
        let M = 301, N = 97, K = 130
        let A = TestModels.randomTokens(M * K, vocab: 1000, seed: 1).map { Float($0) / 1000 - 0.5 }
        let B = TestModels.randomTokens(N * K, vocab: 1000, seed: 2).map { Float($0) / 1000 - 0.5 }
        var one = [Float](repeating: 0, count: M * N), many = one
        Gemm.run(.bf16, transA: false, transB: true, M, N, K, alpha: 1, A, K, B, K, beta: 0, &one, N)
        Gemm.threaded(.bf16, transA: false, transB: true, M, N, K, A, K, B, K, beta: 0, &many, N)
        XCTAssertEqual(one, many)
    }

    /// Asking for bf16 on a CPU without it gives an fp32 run, bit for bit.
    func testForcedFallbackIsFP32BitForBit() throws {
        let resolved = Precision.resolve(.bf16, available: false)
        XCTAssertEqual(resolved, .fp32)
        XCTAssertEqual(Precision.resolve(nil, available: false), .fp32)
        let g = try GoldenFixture.load()
        func run(_ p: Precision) -> (Float, [Float]) {
            let m = g.model()
            m.precision = p
            m.zeroGrad()
            let loss = m.forwardBackward(tokens: g.tokens, targets: g.targets, mask: g.mask, batch: g.B, seqLen: g.T)
            return (loss, m.grads.array)
        }
        let (fallbackLoss, fallbackGrads) = run(resolved), (loss, grads) = run(.fp32)
        XCTAssertEqual(fallbackLoss.bitPattern, loss.bitPattern)
        XCTAssertTrue(fallbackGrads.elementsEqual(grads) { $0.bitPattern == $1.bitPattern })
    }
}
