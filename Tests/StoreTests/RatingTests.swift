import Foundation
import GRDB
import Testing
@testable import Store

/// Ratings become DPO pairs: a player who rates a letter + and then − has one opinion, the last.
@Suite struct RatingTests {
    @Test func theLastRatingStands() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        let a = try #require(try store.record(generation: GenerationRecord(prompt: "p", text: "a", modelId: "m", seed: 1, score: 90)).id)
        let b = try #require(try store.record(generation: GenerationRecord(prompt: "p", text: "b", modelId: "m", seed: 2, score: 90)).id)
        try store.rate(generationId: a, value: 1)
        try store.rate(generationId: a, value: -1)
        try store.rate(generationId: b, value: 1)
        #expect(try store.ratings().map { [$0.generationId, Int64($0.value)] } == [[a, -1], [b, 1]])
        #expect(try store.stats().ratings == 2)
        // The last rating is what the preference pairs read: b chosen over a.
        let pairs = try store.ratingPreferencePairs()
        #expect(pairs.count == 1 && pairs.first?.chosen == "b" && pairs.first?.rejected == "a")
    }

    @Test func anOlderDatabaseKeepsOnlyTheLatestRatingOfEachLetter() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        // A database as the previous release left it: schema up to v3, a letter rated +, −, +, −.
        do {
            let old = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(old, upTo: "v3 settings")
            try old.write { db in
                try db.execute(sql: "INSERT INTO generation (prompt, text, modelId, seed, score, createdAt) VALUES ('p', 't', 'm', 1, 90, '2026-01-01')")
                for v in [1, -1, 1, -1] {
                    try db.execute(sql: "INSERT INTO rating (generationId, value, createdAt) VALUES (1, ?, '2026-01-01')", arguments: [v])
                }
            }
        }
        let store = try FOIStore(path: path)
        #expect(try store.ratings().map(\.value) == [-1])
        try store.rate(generationId: 1, value: 1)
        #expect(try store.ratings().map(\.value) == [1])
    }
}
