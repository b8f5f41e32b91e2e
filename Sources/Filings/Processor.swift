import Common
import FilingsRead
import Foundation
import LM
import Store

/// Everything filings mode knows about one document; the JSON the CLI prints, the row the store
/// keeps and what `POST /v1/filings` can return.
public struct FilingResult: Codable, Sendable, Equatable {
    public var filename: String
    public var format: String            // text | html | ixbrl
    public var type: String              // FilingType raw value
    public var typeTitle: String
    public var confidence: Double
    public var classifier: String        // headline | naive-bayes | model | ixbrl-facts | none (forced)
    public var fields: [String: String]
    public var summary: String
    public var summarySource: String     // fields | lm
    public var summaryAttempts: Int
    public var factCount: Int
    public var warnings: [String]
    public var contentHash: String       // FNV-1a 64 of the bytes, hex
    public var characters: Int

    public var filingType: FilingType { FilingType(rawValue: type) ?? .other }
}

/// Read → classify → extract → summarise. Safe to share across threads when its classifier and
/// summary writer are not used elsewhere at the same time (a lock serialises model calls).
public final class FilingProcessor: @unchecked Sendable {
    public let classifier: FilingClassifier
    public let classifierName: String
    public let summaryWriter: SummaryWriter?
    public var maxBytes = FilingReader.defaultMaxBytes
    let lock = NSLock()

    public init(classifier: FilingClassifier, classifierName: String, summaryWriter: SummaryWriter? = nil) {
        self.classifier = classifier; self.classifierName = classifierName; self.summaryWriter = summaryWriter
    }

    /// The bag-of-words baseline trained on the composer's training split (deterministic, about a second).
    public static func baseline(documents: Int = 1120, seed: UInt64 = 7) -> FilingProcessor {
        let nb = NaiveBayes()
        nb.train(FilingsComposer().corpus(count: documents, heldOut: false, seed: seed).map { (FilingText.of($0), $0.type) })
        return FilingProcessor(classifier: nb, classifierName: "naive-bayes")
    }

    /// Shared default processor (baseline classifier, field-based summaries) for callers such as the service.
    public static let shared = FilingProcessor.baseline()

    /// Processes one document with the shared default processor.
    public static func process(data: Data, filename: String, force: Bool = false) throws -> FilingResult {
        try shared.process(data: data, filename: filename, force: force)
    }

    /// Throws `FilingError.notAnAnnouncement` for text that is not a regulatory announcement, unless
    /// `force`: then it is processed as "other" with a warning that says why it was not recognised.
    public func process(data: Data, filename: String, force: Bool = false) throws -> FilingResult {
        let doc = try FilingReader.read(data: data, filename: filename, maxBytes: maxBytes)
        var warnings = doc.warnings
        let hash = StableHash.hex(StableHash.fnv1a(bytes: data))
        if let x = doc.ixbrl, !x.facts.isEmpty {
            let fields = FieldExtractor.report(x)
            let summary = FieldSummary.report(fields)
            return FilingResult(filename: filename, format: doc.format.rawValue, type: FilingType.annualReport.rawValue,
                                typeTitle: "Annual accounts (inline XBRL)", confidence: 1, classifier: "ixbrl-facts",
                                fields: fields, summary: summary, summarySource: "fields", summaryAttempts: 0,
                                factCount: x.facts.count, warnings: warnings, contentHash: hash, characters: doc.text.count)
        }
        if doc.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw FilingError.empty(filename)
        }
        var type = FilingType.other, conf = 0.0, by = "none"
        // inline XBRL whose facts could not be read is still a filing (accounts), not a stray text
        if doc.format != .ixbrl, let why = AnnouncementCheck.reason(doc.text) {
            if !force { throw FilingError.notAnAnnouncement(filename, reason: why) }
            warnings.append("not recognised as a regulatory announcement (\(why)); processed as Other because of --force")
        } else if let t = Headline.type(doc.text) {
            type = t; conf = 1; by = "headline"
        } else {
            lock.lock()
            (type, conf) = classifier.classify(doc.text)
            lock.unlock()
            by = classifierName
        }
        lock.lock(); defer { lock.unlock() }
        let fields = FieldExtractor.extract(type, text: doc.text)
        let fallback = FieldSummary.write(type: type, fields: fields)
        var summary = fallback, source = "fields", attempts = 0
        if let w = summaryWriter {
            let o = w.summarize(type: type, text: doc.text, fields: fields, fallback: fallback, seed: StableHash.fnv1a(bytes: data))
            summary = o.text; source = o.source; attempts = o.attempts
            if o.source == "fields" {
                let why = o.rejected.enumerated().map { "try \($0.offset + 1): \($0.element)" }.joined(separator: "; ")
                warnings.append("LM summary rejected \(o.attempts)× (\(why)); field-based summary used")
            }
        }
        if fields.count <= 1 && type != .other { warnings.append("few fields found for \(type.title)") }
        return FilingResult(filename: filename, format: doc.format.rawValue, type: type.rawValue, typeTitle: type.title,
                            confidence: conf, classifier: by, fields: fields, summary: summary,
                            summarySource: source, summaryAttempts: attempts, factCount: doc.ixbrl?.facts.count ?? 0,
                            warnings: warnings, contentHash: hash, characters: doc.text.count)
    }
}


/// The text a classifier sees for a composed document: what the reader makes of it.
public enum FilingText {
    public static func of(_ c: ComposedFiling) -> String {
        (try? FilingReader.read(data: Data(c.document.utf8), filename: c.filename).text) ?? c.document
    }
}


extension FilingResult {
    /// The store row for this result.
    public var record: FilingRecord {
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
        return FilingRecord(filename: filename, contentHash: contentHash, format: format, type: type, confidence: confidence,
                            classifier: classifier,
                            fieldsJSON: String(decoding: (try? enc.encode(fields)) ?? Data("{}".utf8), as: UTF8.self),
                            summary: summary, summarySource: summarySource,
                            warningsJSON: String(decoding: (try? enc.encode(warnings)) ?? Data("[]".utf8), as: UTF8.self),
                            factCount: factCount)
    }

    /// Rebuilds a result from a stored row.
    public init(record r: FilingRecord) {
        let fields = (try? JSONDecoder().decode([String: String].self, from: Data(r.fieldsJSON.utf8))) ?? [:]
        let warnings = (try? JSONDecoder().decode([String].self, from: Data(r.warningsJSON.utf8))) ?? []
        self.init(filename: r.filename, format: r.format, type: r.type, typeTitle: (FilingType(rawValue: r.type) ?? .other).title,
                  confidence: r.confidence, classifier: r.classifier, fields: fields, summary: r.summary,
                  summarySource: r.summarySource, summaryAttempts: 0, factCount: r.factCount, warnings: warnings,
                  contentHash: r.contentHash, characters: 0)
    }
}
