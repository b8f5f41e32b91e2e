import FOI
import Foundation
import GRDB

/// The person's request history (`history` table): import with duplicate detection, list, show, stats,
/// training letters, and the ratings turned into preference pairs.
extension FOIStore {
    public struct HistoryImportReport: Sendable {
        public var inserted: [HistoryRecord] = []
        /// (source, the id of the letter it duplicates)
        public var duplicates: [(source: String, existingId: Int64)] = []
        public var unmatched: [HistoryRecord] { inserted.filter { $0.authorityName == nil } }
    }

    /// Inserts the entries in one transaction; an entry whose body (normalised) is already stored, or
    /// appears twice in this import, is reported as a duplicate and skipped. Nothing stored is changed.
    public func importHistory(_ entries: [HistoryEntry], now: Date = Date()) throws -> HistoryImportReport {
        try db.write { db in
            var report = HistoryImportReport()
            for e in entries {
                if let existing = try HistoryRecord.filter(Column("contentHash") == e.contentHash).fetchOne(db) {
                    report.duplicates.append((e.source, existing.id ?? 0)); continue
                }
                var r = HistoryRecord(authorityName: e.authorityName, rawAuthority: e.rawAuthority, title: e.title,
                                      body: e.body, date: e.date, keywords: e.keywords.joined(separator: "; "),
                                      source: e.source, contentHash: e.contentHash, createdAt: now)
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

    public struct HistoryStats: Codable, Sendable, Equatable {
        public var letters: Int
        public var matched: Int
        public var unmatched: Int
        public var authorities: Int
        public var topAuthorities: [String: Int]
        public var topKeywords: [String: Int]
        public var byYear: [String: Int]
        public var sources: [String: Int]
        public var meanWords: Double
        public var style: StyleSummary?
    }

    public func historyStats(top: Int = 5) throws -> HistoryStats {
        let rows = try historyRecords()
        func topN(_ xs: [String]) -> [String: Int] {
            let c = Dictionary(xs.map { ($0, 1) }, uniquingKeysWith: +)
            return Dictionary(uniqueKeysWithValues: c.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top).map { ($0.key, $0.value) })
        }
        let matched = rows.filter { $0.authorityName != nil }
        let kinds = rows.map { r -> String in
            let base = r.source.split(separator: "#").first.map(String.init) ?? r.source
            let file = base.split(separator: ":").first.map(String.init) ?? base
            let ext = (file as NSString).pathExtension.lowercased()
            return ext.isEmpty ? "other" : ext
        }
        return HistoryStats(
            letters: rows.count, matched: matched.count, unmatched: rows.count - matched.count,
            authorities: Set(matched.compactMap(\.authorityName)).count,
            topAuthorities: topN(matched.compactMap(\.authorityName)),
            topKeywords: topN(rows.flatMap { $0.keywords.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } }),
            byYear: Dictionary(rows.map { (String($0.date.prefix(4)).isEmpty ? "undated" : String($0.date.prefix(4)), 1) }, uniquingKeysWith: +),
            sources: Dictionary(kinds.map { ($0, 1) }, uniquingKeysWith: +),
            meanWords: rows.isEmpty ? 0 : Double(rows.map { TextTools.wordCount($0.body) }.reduce(0, +)) / Double(rows.count),
            style: rows.isEmpty ? nil : StyleSummary(letters: rows.map(\.body)))
    }

    /// The history as training letters (unmatched ones keep the authority as written).
    public func historyLetters() throws -> [HistoryLetter] {
        let byName = Dictionary(try allAuthorities().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return try historyRecords().map { r in
            HistoryLetter(authority: r.authorityName.flatMap { byName[$0] }, rawAuthority: r.rawAuthority,
                          keywords: r.keywords.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty },
                          body: r.body, contentHash: r.contentHash)
        }
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
