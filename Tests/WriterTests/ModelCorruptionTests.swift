import FOI
import Foundation
import LM
import LMFormats
import Writer
import XCTest

/// Issue 26 item 2: a corrupted model folder is a clear error naming what is wrong, never a crash,
/// a hang, a huge allocation or a letter written by garbage weights.
final class ModelCorruptionTests: XCTestCase {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("models/foibandit-small")

    func testEveryCorruptedCopyOfTheShippedModelFailsWithAClearError() throws {
        guard FileManager.default.fileExists(atPath: Self.shipped.appendingPathComponent("model.safetensors").path) else {
            throw XCTSkip("models/foibandit-small is not present")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("corrupt-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cases = try CorruptModels(source: Self.shipped, root: root).make()
        XCTAssertGreaterThanOrEqual(cases.count, 50)
        // The untouched folder loads, so each failure below is the corruption's.
        XCTAssertNoThrow(try LetterWriter(modelDirectory: Self.shipped, judge: Judge()))
        for c in cases {
            do {
                _ = try LetterWriter(modelDirectory: c.dir, judge: Judge())
                XCTFail("\(c.name): loaded")
            } catch {
                let message = "\(error)"
                if ProcessInfo.processInfo.environment["SHOW_CORRUPTION_ERRORS"] != nil { print("\(c.name): \(message)") }
                XCTAssertTrue(message.contains(c.expect), "\(c.name): \(message) does not name \(c.expect)")
            }
        }
    }

    /// The division that used to trap: headDim with no heads.
    func testZeroHeadsIsAnErrorNotADivision() throws {
        var j = try JSONSerialization.jsonObject(with: ModelConfig(vocabSize: 8, dim: 8, layers: 1, heads: 2, hiddenDim: 8, maxSeqLen: 8)
            .huggingFaceConfigData()) as! [String: Any]
        j["num_attention_heads"] = 0
        XCTAssertThrowsError(try ModelConfig(huggingFaceConfig: JSONSerialization.data(withJSONObject: j))) {
            XCTAssertTrue("\($0)".contains("num_attention_heads"), "\($0)")
        }
    }
}
