import Foundation
import LM

/// A stage's working folder: `checkpoint/` (latest resumable state, HF layout plus training
/// state), `log.jsonl` (one row per step), `config.json` (the stage config it ran with).
public struct RunDirectory: Sendable {
    public let url: URL
    public init(_ url: URL) { self.url = url }

    public var checkpoint: URL { url.appendingPathComponent("checkpoint") }
    public var log: URL { url.appendingPathComponent("log.jsonl") }

    func startFresh(config: StageConfig) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
        try? fm.removeItem(at: checkpoint)
        try? fm.removeItem(at: log)
        try config.jsonData().write(to: url.appendingPathComponent("stage.json"), options: .atomic)
    }

    func appendLog(_ row: [String: Any]) throws {
        var line = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
        line.append(0x0A)
        if let h = FileHandle(forWritingAtPath: log.path) {
            defer { try? h.close() }
            try h.seekToEnd()
            try h.write(contentsOf: line)
        } else {
            try line.write(to: log)
        }
    }

    /// Drops log rows past `step`: a resumed run writes them again (a forced resume's row, at `step`, stays).
    func truncateLog(after step: Int) throws {
        guard let data = FileManager.default.contents(atPath: log.path) else { return }
        let kept = String(decoding: data, as: UTF8.self).split(separator: "\n").filter { line in
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let s = obj["step"] as? Int else { return false }
            return s <= step
        }
        try Data((kept.joined(separator: "\n") + (kept.isEmpty ? "" : "\n")).utf8).write(to: log, options: .atomic)
    }

    /// The log rows, for the model card's curves.
    public func logRows() -> [[String: Double]] {
        guard let data = FileManager.default.contents(atPath: log.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Double]
        }
    }
}
