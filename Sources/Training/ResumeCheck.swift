import Foundation

/// `--resume` continues a run only with the stage config it began with: a checkpoint's optimizer
/// moments, schedule position and data position mean nothing under another batch size, learning
/// rate, step count or data set, and carrying on silently gives a model no config describes.
/// `--force` overrides, and the override is written to the run's log and `stage.json` history.
extension RunDirectory {
    var stageFile: URL { url.appendingPathComponent("stage.json") }

    /// The top-level config fields whose values differ from the ones the run began with (sorted);
    /// empty when they match or when the run predates `stage.json`.
    public func changedFields(_ config: StageConfig) throws -> [String] {
        guard let saved = FileManager.default.contents(atPath: stageFile.path) else { return [] }
        guard let before = try? JSONSerialization.jsonObject(with: saved) as? [String: Any] else {
            throw TrainingError.badInput("\(stageFile.path) is not a stage config; remove the run folder to start again")
        }
        let now = try JSONSerialization.jsonObject(with: config.jsonData()) as? [String: Any] ?? [:]
        return Set(before.keys).union(now.keys).filter { k in
            switch (before[k], now[k]) {
            case (nil, nil): return false
            case let (a?, b?): return canonical(a) != canonical(b)
            default: return true
            }
        }.sorted()
    }

    /// A value as sorted-key JSON text, so equal values compare equal whatever their Foundation types.
    private func canonical(_ v: Any) -> Data? {
        try? JSONSerialization.data(withJSONObject: [v], options: [.sortedKeys, .fragmentsAllowed])
    }

    /// Throws naming the changed fields, unless `force`; then records what was forced and why it matters.
    func checkResume(_ config: StageConfig, force: Bool, atStep step: Int, report: (String) -> Void) throws {
        let changed = try changedFields(config)
        guard !changed.isEmpty else { return }
        let list = changed.joined(separator: ", ")
        guard force else {
            throw TrainingError.badInput("""
                \(url.path): the \(config.stage.rawValue) config changed since this run began (\(list)); \
                resume with the config it began with, start again without --resume, or pass --force to continue anyway
                """)
        }
        report("warning: resuming at step \(step) with a changed config (\(list)) because of --force")
        try appendLog(["step": step, "event": "forced_resume", "changed": changed])
        // Keep the config the run began with beside the new one, so the record shows both.
        let before = url.appendingPathComponent("stage.before-step-\(step).json")
        try? FileManager.default.removeItem(at: before)
        try FileManager.default.copyItem(at: stageFile, to: before)
        try config.jsonData().write(to: stageFile, options: .atomic)
    }
}
