import FOI
import Foundation
import GRDB

// One record type per table. Column names follow the Swift property names (GRDB's default).

public struct AuthorityRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "authority"
    public var id: Int64?
    public var name: String
    public var shortName: String
    public var groupName: String
    public var category: String
    public var nation: String
    public var regime: String
    public var website: String

    public init(_ a: Authority) {
        name = a.name; shortName = a.shortName; groupName = a.group; category = a.category
        nation = a.nation.rawValue; regime = a.regime.rawValue; website = a.website
    }

    /// The domain value; the import validated nation and regime, so this cannot fail for stored rows.
    public var authority: Authority {
        Authority(name: name, shortName: shortName, group: groupName, category: category,
                  nation: Nation(rawValue: nation) ?? .uk, regime: Regime(rawValue: regime) ?? .foia2000,
                  website: website)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct CategoryRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "category"
    public var groupName: String
    public var category: String
}

public struct KeywordRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "keyword"
    public var id: Int64?
    public var text: String
    public var theme: String
    public var environmental: Bool
    /// The suitable categories, `;`-joined as in the seed CSV; `keywordCategory` indexes them.
    public var categories: String

    public init(_ k: Keyword) {
        text = k.text; theme = k.theme; environmental = k.environmental
        categories = k.categories.joined(separator: "; ")
    }

    public var keyword: Keyword {
        Keyword(text: text, theme: theme,
                categories: categories.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) },
                environmental: environmental)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct KeywordCategoryRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "keywordCategory"
    public var keywordId: Int64
    public var category: String
}

public struct SpinRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "spin"
    public var id: Int64?
    public var authorityName: String
    public var keywords: String
    public var seed: Int64
    public var createdAt: Date

    public init(authorityName: String, keywords: [String], seed: UInt64, createdAt: Date = Date()) {
        self.authorityName = authorityName
        self.keywords = keywords.joined(separator: "; ")
        self.seed = Int64(bitPattern: seed)
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct GenerationRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "generation"
    public var id: Int64?
    public var spinId: Int64?
    public var prompt: String
    public var text: String
    public var modelId: String
    public var seed: Int64
    public var score: Int
    public var createdAt: Date

    public init(spinId: Int64? = nil, prompt: String, text: String, modelId: String, seed: UInt64,
                score: Int, createdAt: Date = Date()) {
        self.spinId = spinId; self.prompt = prompt; self.text = text; self.modelId = modelId
        self.seed = Int64(bitPattern: seed); self.score = score; self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct RatingRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "rating"
    public var id: Int64?
    public var generationId: Int64
    /// +1 liked, -1 disliked.
    public var value: Int
    public var createdAt: Date

    public init(generationId: Int64, value: Int, createdAt: Date = Date()) {
        self.generationId = generationId; self.value = value; self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct HistoryRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "history"
    public var id: Int64?
    /// Nil when the request could not be matched to a known authority; kept all the same.
    public var authorityName: String?
    public var rawAuthority: String
    public var title: String
    public var body: String
    public var date: String
    public var keywords: String
    public var source: String
    /// Hash of the normalised body, for duplicate detection.
    public var contentHash: String
    public var createdAt: Date

    public init(authorityName: String?, rawAuthority: String, title: String, body: String, date: String,
                keywords: String, source: String, contentHash: String, createdAt: Date = Date()) {
        self.authorityName = authorityName; self.rawAuthority = rawAuthority; self.title = title
        self.body = body; self.date = date; self.keywords = keywords; self.source = source
        self.contentHash = contentHash; self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
