import FOI
import Foundation
import Testing
@testable import Store

/// The shipped seed data, imported into a real SQLite file, obeys the rules the product relies on.
@Suite struct SeedDataTests {
    @Test func shippedSeedDataIsConsistent() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        let reports = try store.importSeed(root: repoRoot)
        #expect(reports.allSatisfy { $0.skipped.isEmpty })
        let authorities = try store.allAuthorities()
        let keywords = try store.allKeywords()
        #expect(authorities.count >= 1000)
        #expect(keywords.count >= 600)
        #expect(try store.themes().count >= 25)
        #expect(Set(authorities.map(\.name)).count == authorities.count)
        for a in authorities where a.nation == .scotland {
            #expect(a.regime == .foisa2002, "\(a.name)")
        }
        for k in keywords {
            #expect(authorities.contains { k.suits($0) }, "keyword '\(k.text)' suits no authority")
        }
        // Every authority can be spun (has two suitable keywords).
        let spinner = Spinner(authorities: authorities, keywords: keywords)
        let stranded = authorities.filter { spinner.keywords(for: $0).count < 2 }
        #expect(stranded.isEmpty, "no suitable keywords for \(stranded.prefix(5).map(\.name))")
    }
}
