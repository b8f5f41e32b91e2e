import Foundation

/// Who is asking: a request under FOIA s.8 (FOISA s.8) must give the requester's name, so a letter the product
/// hands over is signed. Set once (`foibandit config requester`), or per letter (`--requester`, a batch column,
/// the API's "requester").
public struct Requester: Codable, Sendable, Equatable {
    public var name: String
    /// Where replies should go, when the person wants it in the letter.
    public var email: String?

    public init(name: String, email: String? = nil) {
        self.name = name.trimmingSpaces
        self.email = email.map(\.trimmingSpaces).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A name fit to sign with: not blank, one line, not absurdly long.
    public static func validated(name: String, email: String? = nil) throws -> Requester {
        let r = Requester(name: name, email: email)
        guard !r.name.isEmpty else { throw SignatureError("the requester's name is blank") }
        guard !r.name.contains("\n"), r.name.count <= 120 else { throw SignatureError("the requester's name must be one line of at most 120 characters") }
        if let e = r.email, !(e.contains("@") && !e.contains(" ") && e.count <= 200) {
            throw SignatureError("'\(e)' does not look like an email address")
        }
        return r
    }
}

public struct SignatureError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ d: String) { description = d }
}

public enum Signature {
    /// The placeholders a letter is signed with when no name is known (the composer's, so the model's too).
    public static var placeholders: [String] { Phrases.names }

    /// The letter with its name placeholder replaced by the requester's name (and email); when it has none,
    /// the name goes under the sign-off. A letter already signed by a name is left as it is.
    public static func sign(_ letter: String, as r: Requester?) -> String {
        guard let r, !r.name.isEmpty else { return letter }
        let signature = r.name + (r.email.map { "\n" + $0 } ?? "")
        var lines = letter.components(separatedBy: "\n")
        if let i = lines.lastIndex(where: { l in placeholders.contains(l.trimmingSpaces) || isBracketedName(l) }) {
            lines[i] = signature
            return lines.joined(separator: "\n")
        }
        if let last = lines.last?.trimmingSpaces, last.hasSuffix(",") {
            return letter + "\n" + signature
        }
        return letter
    }

    /// "[Your full name]", "[NAME]": a bracketed line that asks for a name.
    static func isBracketedName(_ line: String) -> Bool {
        let t = line.trimmingSpaces
        return t.hasPrefix("[") && t.hasSuffix("]") && t.lowercased().contains("name") && t.count <= 40
    }
}
