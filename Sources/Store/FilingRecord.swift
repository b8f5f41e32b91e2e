import Foundation
import GRDB

/// One processed regulatory filing (filings mode). Fields and warnings are JSON text; the
/// `Filings` module fills the row from its `FilingResult`.
public struct FilingRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "filing"
    public var id: Int64?
    public var filename: String
    public var contentHash: String
    public var format: String
    public var type: String
    public var confidence: Double
    public var classifier: String
    public var fieldsJSON: String
    public var summary: String
    public var summarySource: String
    public var warningsJSON: String
    public var factCount: Int
    public var createdAt: Date

    public init(id: Int64? = nil, filename: String, contentHash: String, format: String, type: String, confidence: Double,
                classifier: String, fieldsJSON: String, summary: String, summarySource: String, warningsJSON: String,
                factCount: Int, createdAt: Date = Date()) {
        self.id = id; self.filename = filename; self.contentHash = contentHash; self.format = format; self.type = type
        self.confidence = confidence; self.classifier = classifier; self.fieldsJSON = fieldsJSON; self.summary = summary
        self.summarySource = summarySource; self.warningsJSON = warningsJSON; self.factCount = factCount; self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
