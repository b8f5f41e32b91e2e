import Foundation
import Testing

/// The model in models/ is what `make run` plays with: it must load and write a valid letter.
@Suite struct ShippedModelTests {
    static var modelShipped: Bool {
        FileManager.default.fileExists(atPath: repoRoot.appendingPathComponent("models/foibandit-small/model.safetensors").path)
    }

    @Test(.enabled(if: modelShipped, "no model is shipped yet: the trained 4M model does not yet condition on its prompt (issue 5)"))
    func shippedModelWritesAValidLetter() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let r = try foibandit(["generate", "--authority", "Leeds City Council", "--keywords", "pothole repairs; compensation claims",
                               "--seed", "7", "--json"], env: ["FOIBANDIT_DB": dir.appendingPathComponent("db.sqlite").path])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let letter = try #require(obj["letter"] as? String)
        let judge = try #require(obj["judge"] as? [String: Any])
        let score = try #require(judge["score"] as? Int)
        #expect(score >= 80, "score \(score) for:\n\(letter)")
        #expect(letter.contains("Leeds City Council"))
        #expect(obj["model"] as? String == "foibandit-small" || obj["modelId"] as? String == "foibandit-small")
        // Same seed, same letter.
        let again = try foibandit(["generate", "--authority", "leeds", "--keywords", "pothole repairs; compensation claims",
                                   "--seed", "7", "--json"], env: ["FOIBANDIT_DB": dir.appendingPathComponent("db.sqlite").path])
        let obj2 = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(obj2["letter"] as? String == letter)
    }

    @Test func unknownAuthorityIsRefusedWithSuggestions() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let r = try foibandit(["generate", "--authority", "Leeds Town Hall", "--keywords", "potholes"],
                              env: ["FOIBANDIT_DB": dir.appendingPathComponent("db.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("did you mean") && r.stderr.contains("Leeds City Council"), "\(r.stderr)")
    }
}
