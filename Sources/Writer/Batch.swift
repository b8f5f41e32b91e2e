import FOI
import Foundation

/// Batch generation: a table of requests (one per row) in, one judged letter (or an error) per row out.
/// No file format here — `Service.BatchCSV` reads and writes CSV / JSON Lines; the CLI and
/// `POST /v1/batch` both go through `BatchPlanner` and `BatchEngine`, so they write alike.
public enum BatchColumn {
    public static let authority = "authority"
    public static let keywords = "keywords"
    public static let style = "style"
    public static let seed = "seed"
    public static let temperature = "temperature"
    public static let maxTokens = "max_tokens"
    public static let requester = "requester"
    /// For a body that is not in the store: its nation, and optionally its kind (`UnlistedBody`).
    public static let nation = "nation"
    public static let category = "category"
    /// Appended after every input column, in this order.
    public static let outputs = ["letter", "score", "failed_checks", "model", "seed", "error"]
}

/// Why a batch input cannot be used at all (the CLI's exit 2; the service's 400).
public enum BatchInputError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(String)
    case notUTF8
    case noHeader
    case missingColumn(String)
    case malformed(String)
    case outputMismatch(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "cannot read the input: \(why)"
        case .notUTF8: return "the input is not UTF-8 text"
        case .noHeader: return "the input has no header row (want at least: authority,keywords)"
        case .missingColumn(let c): return "the header has no '\(c)' column (want at least: authority,keywords)"
        case .malformed(let why): return "cannot parse the CSV: \(why)"
        case .outputMismatch(let why): return "cannot resume: \(why)"
        }
    }
}

/// Where the known columns sit in a header (matched case-insensitively, spaces trimmed).
public struct BatchLayout: Sendable, Equatable {
    public let header: [String]
    public let authority: Int
    public let keywords: Int
    public let style: Int?
    public let seed: Int?
    public let temperature: Int?
    public let maxTokens: Int?
    /// Who signs the row's letter (optional column).
    public let requester: Int?
    /// A body not in the store: its nation and kind (optional columns).
    public let nation: Int?
    public let category: Int?

    public init(header: [String]) throws(BatchInputError) {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names.contains(where: { !$0.isEmpty }) else { throw .noHeader }
        func at(_ c: String) -> Int? { names.firstIndex(of: c) }
        guard let a = at(BatchColumn.authority) else { throw .missingColumn(BatchColumn.authority) }
        guard let k = at(BatchColumn.keywords) else { throw .missingColumn(BatchColumn.keywords) }
        self.header = header
        authority = a; keywords = k
        style = at(BatchColumn.style); seed = at(BatchColumn.seed)
        temperature = at(BatchColumn.temperature); maxTokens = at(BatchColumn.maxTokens)
        requester = at(BatchColumn.requester)
        nation = at(BatchColumn.nation); category = at(BatchColumn.category)
    }

    /// The output header: every input column, then the result columns.
    public var outputHeader: [String] { header + BatchColumn.outputs }
}

/// One output row: the input fields as read, then the result (or the error).
public struct BatchResultRow: Sendable, Equatable {
    public var input: [String]
    public var letter: String = ""
    public var score: Int?
    public var failedChecks: [String] = []
    public var model: String = ""
    public var seed: UInt64?
    public var error: String = ""

    public init(input: [String]) { self.input = input }

    public var ok: Bool { error.isEmpty }

    /// The result columns as text, in `BatchColumn.outputs` order.
    public var resultFields: [String] {
        [letter, score.map(String.init) ?? "", failedChecks.joined(separator: ";"), model,
         seed.map(String.init) ?? "", error]
    }

    public var fields: [String] { input + resultFields }
}

/// Turns rows into letter requests, or per-row errors ("unknown authority ... did you mean").
public struct BatchPlanner: Sendable {
    public static let defaultTemperature: Float = 0.7
    public static let defaultMaxTokens = 400

    public let authorities: [Authority]
    public let knownKeywords: [Keyword]
    /// The one name resolver (the CLI, the API and history import use the same).
    public let resolver: AuthorityResolver
    /// The store's (group, category) pairs, for a body not in the store given with its category.
    public let categories: [(group: String, category: String)]
    /// The most tokens a row may ask for.
    public let maxTokensCap: Int

    public init(authorities: [Authority], keywords: [Keyword], maxTokensCap: Int = 2048,
                resolver: AuthorityResolver? = nil, categories: [(group: String, category: String)]? = nil) {
        self.authorities = authorities
        knownKeywords = keywords
        self.maxTokensCap = maxTokensCap
        self.resolver = resolver ?? AuthorityResolver(authorities)
        var seen = Set<String>(), pairs: [(group: String, category: String)] = []
        for a in authorities where seen.insert(a.category).inserted { pairs.append((a.group, a.category)) }
        self.categories = categories ?? pairs
    }

    /// By any name a person would recognise (`AuthorityResolver`); a body that is not in the store
    /// when its nation is given. An ambiguous name with a nation is narrowed to that nation's bodies.
    public func authority(_ name: String, nation: String = "", category: String = "") -> Result<Authority, BatchRowError> {
        resolution(name, nation: nation, category: category).map(\.authority)
    }

    /// The authority, with what to tell the person when it is not the name as given (or not listed).
    public func resolution(_ name: String, nation: String = "", category: String = "") -> Result<(authority: Authority, note: String?), BatchRowError> {
        if let tooLong = InputLimits.checkAuthority(name) { return .failure(BatchRowError(tooLong)) }
        if let tooLong = InputLimits.check("category", category, characters: 100, bytes: 400)
            ?? InputLimits.check("nation", nation, characters: 40, bytes: 160) { return .failure(BatchRowError(tooLong)) }
        let q = name.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return .failure(BatchRowError("no authority")) }
        return resolver.body(q, nation: nation, category: category, categories: categories).mapError { BatchRowError($0.message) }
    }

    /// What to tell the person about a row's authority (resolved by another name, or not listed); nil when nothing.
    public func note(row: [String], layout: BatchLayout) -> String? { resolved(row: row, layout: layout)?.note ?? nil }

    /// A row's authority and its note; nil when the row names none that resolves.
    public func resolved(row: [String], layout: BatchLayout) -> (authority: Authority, note: String?)? {
        func field(_ i: Int?) -> String { i.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
        return try? resolution(field(layout.authority), nation: field(layout.nation), category: field(layout.category)).get()
    }

    /// The seed a row gets when it names none: a stable hash of what the row asks for, so a rerun
    /// of the same file writes the same letters.
    public static func defaultSeed(authority: String, keywords: String, style: String, temperature: String, maxTokens: String) -> UInt64 {
        StableHash.fnv1a(["batch-v1", authority.trimmingCharacters(in: .whitespaces).lowercased(),
                          keywords.trimmingCharacters(in: .whitespaces), style.trimmingCharacters(in: .whitespaces).lowercased(),
                          temperature.trimmingCharacters(in: .whitespaces), maxTokens.trimmingCharacters(in: .whitespaces)])
    }

    public func request(row: [String], layout: BatchLayout) -> Result<LetterRequest, BatchRowError> {
        func field(_ i: Int?) -> String {
            guard let i, i < row.count else { return "" }
            return row[i].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let authority: Authority
        switch self.authority(field(layout.authority), nation: field(layout.nation), category: field(layout.category)) {
        case .success(let a): authority = a
        case .failure(let e): return .failure(e)
        }
        let texts = Lookup.keywordTexts(field(layout.keywords))
        guard !texts.isEmpty else { return .failure(BatchRowError("no keywords (separate them with ';')")) }
        if let tooLong = InputLimits.checkKeywords(texts) { return .failure(BatchRowError(tooLong)) }
        var style = LetterStyle.numbered
        let styleText = field(layout.style)
        if let tooLong = InputLimits.checkStyle(styleText) { return .failure(BatchRowError(tooLong)) }
        if !styleText.isEmpty {
            guard let s = LetterStyle(rawValue: styleText.lowercased()) else {
                return .failure(BatchRowError(Suggest.unknownMessage(kind: "style", name: styleText, candidates: LetterStyle.allCases.map(\.rawValue))))
            }
            style = s
        }
        var temperature = Self.defaultTemperature
        let tText = field(layout.temperature)
        if !tText.isEmpty {
            guard let t = Float(tText), t.isFinite, (0...2).contains(t) else {
                return .failure(BatchRowError("bad temperature '\(tText)' (want a number from 0 to 2)"))
            }
            temperature = t
        }
        var maxTokens = Self.defaultMaxTokens
        let mText = field(layout.maxTokens)
        if !mText.isEmpty {
            guard let m = Int(mText), m > 0 else { return .failure(BatchRowError("bad max_tokens '\(mText)' (want a positive whole number)")) }
            guard m <= maxTokensCap else { return .failure(BatchRowError("max_tokens \(m) is over the cap of \(maxTokensCap)")) }
            maxTokens = m
        }
        let sText = field(layout.seed)
        let seed: UInt64
        if sText.isEmpty {
            seed = Self.defaultSeed(authority: field(layout.authority), keywords: field(layout.keywords), style: styleText,
                                    temperature: tText, maxTokens: mText)
        } else {
            guard let s = UInt64(sText) else { return .failure(BatchRowError("bad seed '\(sText)' (want a whole number from 0 to \(UInt64.max))")) }
            seed = s
        }
        var signer: Requester?
        let rText = field(layout.requester)
        if !rText.isEmpty {
            do { signer = try Requester.validated(name: rText) } catch { return .failure(BatchRowError("requester: \(error)")) }
        }
        return .success(LetterRequest(authority: authority, keywords: Keyword.resolve(texts, known: knownKeywords),
                                      style: style, seed: seed, temperature: temperature, maxTokens: maxTokens, requester: signer))
    }
}

public struct BatchRowError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension LetterWriter {
    /// Makes `request` fit the model: its prompt must fit the context, and its token budget is cut to
    /// the room left after its own prompt — so a letter never depends on which other letters share
    /// its decode (the writer sizes a group from its first member).
    public func fitted(_ request: LetterRequest) -> Result<LetterRequest, BatchRowError> {
        let promptTokens = tokenizer.encode(request.prompt.text).count
        guard promptTokens < model.config.maxSeqLen else {
            return .failure(BatchRowError("the prompt is \(promptTokens) tokens; the model reads at most \(model.config.maxSeqLen - 1)"))
        }
        var r = request
        r.maxTokens = max(1, min(r.maxTokens, model.config.maxSeqLen - promptTokens))
        return .success(r)
    }
}

/// Writes a chunk of rows: resolves each, decodes every good one together in one batched call.
public struct BatchEngine: Sendable {
    public let writer: LetterWriter
    public let planner: BatchPlanner

    public init(writer: LetterWriter, planner: BatchPlanner) {
        self.writer = writer
        self.planner = planner
    }

    public func run(rows: [[String]], layout: BatchLayout) -> [BatchResultRow] {
        var out = rows.map { BatchResultRow(input: Self.padded($0, to: layout.header.count)) }
        var requests: [LetterRequest] = [], slots: [Int] = []
        for (i, row) in rows.enumerated() {
            switch planner.request(row: row, layout: layout).flatMap(writer.fitted) {
            case .success(let r): requests.append(r); slots.append(i); out[i].seed = r.seed
            case .failure(let e): out[i].error = e.message
            }
        }
        for (j, letter) in writer.write(requests).enumerated() {
            out[slots[j]].fill(with: letter)
        }
        return out
    }

    /// Input fields as many as the header (short rows padded, long rows kept).
    static func padded(_ row: [String], to n: Int) -> [String] {
        row.count >= n ? row : row + Array(repeating: "", count: n - row.count)
    }
}

extension BatchResultRow {
    public mutating func fill(with letter: WrittenLetter) {
        self.letter = letter.letter
        score = letter.judge.score
        failedChecks = letter.judge.failed.map(\.id)
        model = letter.modelId
        seed = letter.seed
        error = ""
    }
}

/// Rows done, rate and time left, for the progress line.
public struct BatchProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var failed: Int
    public var elapsed: Double

    public init(done: Int, total: Int, failed: Int, elapsed: Double) {
        self.done = done; self.total = total; self.failed = failed; self.elapsed = elapsed
    }

    public var rowsPerSecond: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    public var eta: Double? {
        let r = rowsPerSecond
        return r > 0 ? Double(total - done) / r : nil
    }

    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    public var line: String {
        var l = "\(done)/\(total) rows"
        if failed > 0 { l += " (\(failed) failed)" }
        l += String(format: ", %.2f rows/s", rowsPerSecond)
        if done < total { l += ", ETA " + (eta.map(Self.clock) ?? "?") } else { l += ", " + Self.clock(elapsed) }
        return l
    }
}
