import Foundation
import XCTest
@testable import LM

/// Our bf16 training step against PyTorch autocast on the golden model (scripts/reference/bf16_reference.py
/// writes Fixtures/golden_bf16.bin from golden_tiny.bin's inputs). Autocast also rounds each product's
/// output to bf16 where ours stays fp32, so the two agree to bf16 precision, not bit for bit; the test
/// also checks that ours is no further from the fp32 reference than autocast is.
final class BF16GoldenTests: XCTestCase {
    struct Autocast { let loss: Float, fp32Loss: Float, grads: [Float] }

    static func loadAutocast(params: Int) throws -> Autocast {
        let url = GoldenFixture.url.deletingLastPathComponent().appendingPathComponent("golden_bf16.bin")
        let d = try Data(contentsOf: url)
        func f32(_ i: Int) -> Float { d.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 16 + 4 * i, as: Float.self) } }
        let h = d.withUnsafeBytes { r in (0..<4).map { r.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self) } }
        guard h[0] == 0x4246_3136, h[1] == 1, Int(h[2]) == params, d.count == 16 + 4 * (2 + params) else {
            throw GoldenFixture.Missing(description: "golden_bf16.bin does not fit golden_tiny.bin: rerun scripts/reference/bf16_reference.py")
        }
        return Autocast(loss: f32(0), fp32Loss: f32(1), grads: (0..<params).map { f32(2 + $0) })
    }

    func testStepAgreesWithAutocast() throws {
        try XCTSkipUnless(Precision.bf16Available, "no AVX512_BF16 on this CPU")
        let g = try GoldenFixture.load()
        let ref = try Self.loadAutocast(params: g.params.count)
        let m = g.model()
        m.precision = .bf16
        m.zeroGrad()
        let loss = m.forwardBackward(tokens: g.tokens, targets: g.targets, mask: g.mask, batch: g.B, seqLen: g.T)
        print("bf16 golden: loss ours \(loss), autocast \(ref.loss), fp32 \(g.loss)")
        // bf16 has 8 significant bits (relative step 2^-8 ≈ 0.4%); the losses' mean is far tighter
        XCTAssertEqual(loss, ref.loss, accuracy: 2e-3 * abs(ref.loss))
        XCTAssertNotEqual(loss, g.loss, "the bf16 path gave the fp32 loss exactly: did it run?")
        var worst: Float = 0, oursSum: Float = 0, autocastSum: Float = 0
        for t in m.layout.tensors {
            let n = t.shape.reduce(1, *), r = t.offset..<(t.offset + n)
            let ours = UnsafeBufferPointer(start: m.grads.pointer + t.offset, count: n)
            let vsAutocast = relativeError(ours, ref.grads[r])
            let oursVsFP32 = relativeError(ours, g.grads[r])
            let autocastVsFP32 = ref.grads[r].withContiguousStorageIfAvailable { relativeError($0, g.grads[r]) }!
            print("bf16 golden: \(t.name) vs autocast \(vsAutocast), ours vs fp32 \(oursVsFP32), autocast vs fp32 \(autocastVsFP32)")
            worst = max(worst, vsAutocast)
            XCTAssertLessThan(vsAutocast, 3e-2, "gradient of \(t.name) against autocast")
            XCTAssertLessThan(oursVsFP32, 2 * autocastVsFP32, "gradient of \(t.name): far further from fp32 than autocast")
            oursSum += oursVsFP32; autocastSum += autocastVsFP32
        }
        // over all tensors, ours is as close to fp32 as autocast (it rounds operands only, not outputs)
        print("bf16 golden: mean rel err against fp32: ours \(oursSum / Float(m.layout.tensors.count)), autocast \(autocastSum / Float(m.layout.tensors.count))")
        XCTAssertLessThan(oursSum, 1.1 * autocastSum)
        print("bf16 golden: worst per-tensor gradient rel err against autocast \(worst)")
    }
}
