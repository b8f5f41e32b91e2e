import FOI
import Foundation
import GRDB

/// The person's request history (`history` table): insert with duplicate detection, list, show; and the
/// ratings turned into preference pairs. Reading the rows as the history's own types (parsed entries in,
/// statistics and training letters out) is `History/StoredHistory.swift`: the store does not link the engine.
extension FOIStore {
    public struct HistoryImportReport: Sendable {
        public var inserted: [HistoryRecord] = []
        /// (source, the id of the letter it duplicates)
        public var duplicates: [(source: String, existingId: Int64)] = []
        public var unmatched: [HistoryRecord] { inserted.filter { $0.authorityName == nil } }
    }

    /// Inserts the records in one transaction; a record whose body (normalised, `contentHash`) is already
    /// stored, or appears twice in this import, is reported as a duplicate and skipped. Nothing stored is changed.
    public func importHistory(records: [HistoryRecord]) throws -> HistoryImportReport {
        try db.write { db in
            var report = HistoryImportReport()
            for var r in records {
                if let existing = try HistoryRecord.filter(Column("contentHash") == r.contentHash).fetchOne(db) {
                    report.duplicates.append((r.source, existing.id ?? 0)); continue
                }
                try r.insert(db)
                report.inserted.append(r)
            }
            return report
        }
    }

    /// History rows, oldest import first; filters are optional.
    public func historyRecords(unmatchedOnly: Bool = false, authority: String? = nil, limit: Int? = nil) throws -> [HistoryRecord] {
        try db.read { db in
            var q = HistoryRecord.order(Column("id"))
            if unmatchedOnly { q = q.filter(Column("authorityName") == nil) }
            if let authority, !authority.isEmpty {
                q = q.filter(Column("authorityName").collating(.nocase) == authority || Column("rawAuthority").collating(.nocase) == authority)
            }
            if let limit { q = q.limit(limit) }
            return try q.fetchAll(db)
        }
    }

    public func historyRecord(id: Int64) throws -> HistoryRecord? {
        try db.read { try HistoryRecord.fetchOne($0, key: id) }
    }

    /// Every stored body, for distinctive-phrase statistics across the whole history.
    public func historyBodies() throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT body FROM history ORDER BY id") }
    }

    /// Preference pairs from the ratings: generations with equal prompt text, one whose latest rating
    /// is +1 and one whose latest rating is −1. For `train dpo --from-ratings`.
    public func ratingPreferencePairs(maxPairsPerPrompt: Int = 4) throws -> [JudgedPair] {
        let rated = try db.read { db -> [RatingPairs.Rated] in
            let sql = """
                SELECT g.prompt, g.text, g.score, r.value FROM generation g
                JOIN rating r ON r.generationId = g.id
                WHERE r.id = (SELECT MAX(id) FROM rating WHERE generationId = g.id)
                ORDER BY g.id
                """
            return try Row.fetchAll(db, sql: sql).map {
                RatingPairs.Rated(prompt: $0[0], text: $0[1], score: $0[2], rating: $0[3])
            }
        }
        return RatingPairs.build(rated, maxPairsPerPrompt: maxPairsPerPrompt)
    }
}
