import FOI
import Foundation
import Store

/// The store's history rows as the history's own types: parsed entries in, the statistics `history stats`
/// prints and the letters an adapter trains on out. The SQL is `Store/HistoryStore.swift`.
extension FOIStore {
    /// Stores the parsed entries (`importHistory(records:)`: duplicates of stored or earlier entries skipped).
    public func importHistory(_ entries: [HistoryEntry], now: Date = Date()) throws -> HistoryImportReport {
        try importHistory(records: entries.map { e in
            HistoryRecord(authorityName: e.authorityName, rawAuthority: e.rawAuthority, title: e.title,
                          body: e.body, date: e.date, keywords: e.keywords.joined(separator: "; "),
                          source: e.source, contentHash: e.contentHash, createdAt: now)
        })
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
}
