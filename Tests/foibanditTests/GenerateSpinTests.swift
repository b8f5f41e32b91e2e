import Foundation
import Testing

/// Issue 23: `generate` with only --authority spins the keywords; with nothing, all the reels.
@Suite struct GenerateSpinTests {
    @Test(.enabled(if: RequesterTests.shipped)) func missingReelsAreSpun() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        let both = try foibandit(["generate", "--seed", "5", "--json", "--db", db])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stderr.contains("spun: "), "\(both.stderr)")
        let some = try foibandit(["generate", "--authority", "Leeds City Council", "--seed", "5", "--json", "--db", db])
        #expect(some.status == 0, "\(some.stderr)")
        #expect(some.stderr.contains("spun: Leeds City Council; "), "\(some.stderr)")
        let bad = try foibandit(["generate", "--keywords", "pothole repairs", "--db", db])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("give --authority with --keywords"), "\(bad.stderr)")
    }
}
