import FOI
import Foundation
import GRDB

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case newerSchema(path: String, unknown: [String])
    case badImport(file: String, problems: [String])
    case unusableFile(String)

    public var description: String {
        switch self {
        case let .newerSchema(path, unknown):
            return "\(path) was written by a newer foibandit (unknown migrations: "
                + unknown.joined(separator: ", ") + "). It was left untouched; upgrade foibandit to open it."
        case let .badImport(_, problems):
            return problems.joined(separator: "\n")
        case let .unusableFile(reason):
            return reason
        }
    }
}

/// The SQLite database: seed data, spins, generations, ratings and history.
public final class FOIStore: Sendable {
    public let path: String
    let db: DatabaseQueue

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A database from a newer schema is refused before anything is written.
    public init(path: String) throws {
        self.path = path
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var config = Configuration()
        config.foreignKeysEnabled = true
        db = try DatabaseQueue(path: path, configuration: config)
        let migrator = Migrations.migrator
        let unknown = try db.read { db -> [String] in
            let applied = try migrator.appliedIdentifiers(db)
            let known = Set(migrator.migrations)
            return applied.filter { !known.contains($0) }.sorted()
        }
        if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
        try migrator.migrate(db)
    }

    /// `--db` wins, then `FOIBANDIT_DB`, then `$XDG_DATA_HOME/foibandit/foibandit.sqlite`
    /// (or `~/.local/share/foibandit/foibandit.sqlite`).
    public static func defaultPath(override: String? = nil,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override, !override.isEmpty { return override }
        if let env = environment["FOIBANDIT_DB"], !env.isEmpty { return env }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/foibandit/foibandit.sqlite"
    }

    public struct Stats: Codable, Sendable, Equatable {
        public var authorities, categories, keywords, themes, spins, generations, ratings, history: Int
    }

    public func stats() throws -> Stats {
        try db.read { db in
            Stats(authorities: try AuthorityRecord.fetchCount(db),
                  categories: try CategoryRecord.fetchCount(db),
                  keywords: try KeywordRecord.fetchCount(db),
                  themes: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT theme) FROM keyword") ?? 0,
                  spins: try SpinRecord.fetchCount(db),
                  generations: try GenerationRecord.fetchCount(db),
                  ratings: try RatingRecord.fetchCount(db),
                  history: try HistoryRecord.fetchCount(db))
        }
    }

    /// True once seed data has been imported.
    public func isSeeded() throws -> Bool {
        try db.read { try AuthorityRecord.fetchCount($0) > 0 && KeywordRecord.fetchCount($0) > 0 }
    }
}
