import Bandit
import FOI

/// What the slot machine needs from the rest of the program; `foibandit play` supplies it
/// (store, letter writer, judge), tests and benches can supply fakes.
public struct PlayServices: Sendable {
    /// Writes the letter, streaming chunks; runs on a background thread.
    public var generate: GenerateFunction
    /// Scores a finished letter: the payout and one lamp per check.
    public var judge: @Sendable (GenerationRequest, String) -> (score: Int, checks: [(id: String, passed: Bool)])
    /// Writes a spin row; returns its id.
    public var recordSpin: @Sendable (Authority, [Keyword], UInt64) throws -> Int64?
    /// Writes a generation row (spin id, request, text, score); returns its id.
    public var recordGeneration: @Sendable (Int64?, GenerationRequest, String, Int) throws -> Int64?
    /// Writes a rating (+1/-1) for a generation id.
    public var rate: @Sendable (Int64, Int) throws -> Void
    /// Type-ahead authority search (the store's FTS index).
    public var searchAuthorities: @Sendable (String) -> [Authority]
    /// Categories and groups for the picker: (label, filter value), groups first in each block.
    public var categories: [(label: String, value: String)]
    /// Shown in the meter row, e.g. "foibandit-small" or "composer".
    public var modelName: String
    /// A one-off status at start, e.g. "no model: composer letters".
    public var notice: String?

    public init(generate: @escaping GenerateFunction,
                judge: @escaping @Sendable (GenerationRequest, String) -> (score: Int, checks: [(id: String, passed: Bool)]),
                recordSpin: @escaping @Sendable (Authority, [Keyword], UInt64) throws -> Int64? = { _, _, _ in nil },
                recordGeneration: @escaping @Sendable (Int64?, GenerationRequest, String, Int) throws -> Int64? = { _, _, _, _ in nil },
                rate: @escaping @Sendable (Int64, Int) throws -> Void = { _, _ in },
                searchAuthorities: @escaping @Sendable (String) -> [Authority] = { _ in [] },
                categories: [(label: String, value: String)] = [],
                modelName: String, notice: String? = nil) {
        self.generate = generate; self.judge = judge; self.recordSpin = recordSpin
        self.recordGeneration = recordGeneration; self.rate = rate; self.searchAuthorities = searchAuthorities
        self.categories = categories; self.modelName = modelName; self.notice = notice
    }
}
