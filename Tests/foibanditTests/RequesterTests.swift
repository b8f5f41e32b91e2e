import Foundation
import Testing

/// Issue 23: the name set once with `config requester` signs every letter; `--requester` signs one; with no
/// name the letter keeps its placeholder.
@Suite struct RequesterTests {
    static let shipped = FileManager.default.fileExists(atPath: repoRoot.appendingPathComponent("models/foibandit-small/model.safetensors").path)

    func letter(_ db: String, _ extra: [String] = []) throws -> String {
        let r = try foibandit(["generate", "--authority", "Leeds City Council", "--keywords", "pothole repairs", "--seed", "4",
                               "--json", "--db", db] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return obj?["letter"] as? String ?? ""
    }

    @Test(.enabled(if: shipped)) func theConfiguredNameSignsEveryLetter() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        let unsigned = try letter(db)
        #expect(["[Your name]", "[Name]", "[Requester's name]", "[Full name]"].contains { unsigned.hasSuffix($0) }, "\(unsigned.suffix(80))")

        let set = try foibandit(["config", "requester", "Sam Jones", "--email", "sam@example.org", "--db", db])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try foibandit(["config", "show", "--db", db]).stdout.contains("Sam Jones <sam@example.org>"))
        let signed = try letter(db)
        #expect(signed.hasSuffix("\nSam Jones\nsam@example.org"), "\(signed.suffix(80))")
        #expect(!signed.contains("[Your name]") && !signed.contains("[Full name]") && !signed.contains("[Name]"))

        #expect(try letter(db, ["--requester", "Priya Raman"]).hasSuffix("\nPriya Raman"))
        // Cleared, no name is configured: the next letter is the first one's path again (it kept its placeholder).
        #expect(try foibandit(["config", "requester", "--clear", "--db", db]).status == 0)
        #expect(!(try foibandit(["config", "show", "--db", db]).stdout.contains("Sam Jones")))
    }

    @Test func aBlankNameIsRefused() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let r = try foibandit(["config", "requester", "  ", "--db", dir.appendingPathComponent("db.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("blank"), "\(r.stderr)")
    }
}
