import FOI
import Foundation
import Writer

/// The JSON the API reads and writes (see `OpenAPI.swift`); the handlers are `API.swift`.

/// `POST /v1/letters` and `/v1/letters/stream` body.
struct LetterBody: Decodable, Sendable {
    var authority: String
    var keywords: KeywordList
    var style: String?
    var seed: UInt64?
    var temperature: Float?
    var max_tokens: Int?
    /// Who signs this letter (default: the name set with `foibandit config requester`).
    var requester: String?
    /// A body that is not in the database: its nation, and optionally its kind.
    var nation: String?
    var category: String?
}

struct CheckOut: Encodable, Sendable {
    var id: String
    var weight: Int
    var passed: Bool
    var reason: String
    /// A failed critical check makes the letter invalid.
    var critical: Bool

    init(_ c: CheckResult) { id = c.id; weight = c.weight; passed = c.passed; reason = c.reason; critical = c.critical }
}

/// `POST /v1/judge`: a letter someone wrote, and what it was written to and about.
struct JudgeBody: Decodable, Sendable {
    var authority: String
    var keywords: KeywordList
    var letter: String
}

struct JudgeOut: Encodable, Sendable {
    var authority: String
    var score: Int
    var valid: Bool
    var checks: [CheckOut]
    var failed_checks: [String]
}

struct LetterOut: Encodable, Sendable {
    var authority: String
    var letter: String
    var score: Int
    var checks: [CheckOut]
    var failed_checks: [String]
    var model: String
    var seed: UInt64
    var tokens: Int
    /// The law the letter is written under ("FOIA 2000", "FOISA 2002 + EISR 2004").
    var law: String
    /// Whether the authority is in the database, and what the name given resolved to when it was not
    /// that name ("'Met Police' is Metropolitan Police Service (by short name)").
    var listed: Bool
    var note: String?

    init(_ w: WrittenLetter, request r: LetterRequest, note: String?) {
        authority = r.authority.name
        law = r.prompt.jurisdiction
        listed = !UnlistedBody.isDescribed(r.authority)
        self.note = note
        letter = w.letter
        score = w.judge.score
        checks = w.judge.checks.map(CheckOut.init)
        failed_checks = w.judge.failed.map(\.id)
        model = w.modelId
        seed = w.seed
        tokens = w.tokens
    }
}

struct AuthorityOut: Encodable, Sendable {
    var name, short_name, group, category, nation, regime, website: String
    init(_ a: Authority) {
        name = a.name; short_name = a.shortName; group = a.group; category = a.category
        nation = a.nation.rawValue; regime = a.regime.rawValue; website = a.website
    }
}

struct KeywordOut: Encodable, Sendable {
    var text, theme: String
    var categories: [String]
    var environmental: Bool
    init(_ k: Keyword) { text = k.text; theme = k.theme; categories = k.categories; environmental = k.environmental }
}

struct SpinOut: Encodable, Sendable {
    var authority: String
    var keywords: [String]
    var seed: UInt64
    var detail: AuthorityOut
}
