import Foundation
import Logging

/// One JSON object per line on stderr: time, level, label, message, then the metadata flattened
/// (`foibandit serve --log-format json`, for log shippers).
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    static func flatten(_ v: Logger.Metadata.Value) -> Any {
        switch v {
        case .string(let s): return s
        case .stringConvertible(let c): return c.description
        case .array(let a): return a.map(flatten)
        case .dictionary(let d): return d.mapValues(flatten)
        }
    }

    public func log(event: LogEvent) {
        var obj: [String: Any] = [:]
        for (k, v) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { obj[k] = Self.flatten(v) }
        obj["time"] = ISO8601DateFormatter().string(from: Date())
        obj["level"] = event.level.rawValue
        obj["label"] = label
        obj["message"] = event.message.description
        guard var data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(0x0A)
        FileHandle.standardError.write(data)
    }
}
