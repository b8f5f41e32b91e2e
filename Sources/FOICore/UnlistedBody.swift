import Foundation

/// A body that is not in the store (a parish or community council, a school, a GP practice), named by a
/// person with its nation and, optionally, its kind. The law follows from the nation (FOISA in Scotland,
/// FOIA elsewhere) and the topic (the EIR or EISR for environmental ones), as for listed bodies.
public enum UnlistedBody {
    /// The group of a body described in plain words rather than by one of the store's categories;
    /// `BodyProfile.of` reads its kind from the description and the name.
    public static let group = "Other public bodies"

    /// "England", "wales", "Northern Ireland", "NI", "UK" and the like; nil for anything else.
    public static func nation(_ text: String) -> Nation? {
        let k = NameForms.key(text)
        if let n = Nation.allCases.first(where: { NameForms.key($0.rawValue) == k }) { return n }
        switch k {
        case "ni", "n ireland": return .northernIreland
        case "united kingdom", "great britain", "gb": return .uk
        case "cymru": return .wales
        default: return nil
        }
    }

    public static let nationChoices = "England, Wales, Scotland, Northern Ireland (or UK)"

    /// The body as an authority. A `category` that names one of `known` (group, category) takes that
    /// category and group; anything else is kept as a plain description.
    public static func authority(name: String, nation: Nation, category: String?,
                                 known: [(group: String, category: String)] = []) -> Authority {
        let described = category?.trimmingSpaces ?? ""
        let k = NameForms.key(described)
        let match = k.isEmpty ? nil : known.first { NameForms.key($0.category) == k || NameForms.key($0.category) == k + "s" }
        return Authority(name: name.trimmingSpaces, shortName: "", group: match?.group ?? group,
                         category: match?.category ?? described, nation: nation,
                         regime: nation == .scotland ? .foisa2002 : .foia2000)
    }

    /// Whether `a` was described by a person rather than filed under one of the store's categories.
    public static func isDescribed(_ a: Authority) -> Bool { a.group.isEmpty || a.group == group }

    /// What a command says when it writes to a body that is not in the store.
    public static func note(_ a: Authority) -> String {
        let regime = Legislation.regime(for: a)
        return "'\(a.name)' is not in the database: writing to it as a body in \(a.nation.rawValue)"
            + (a.category.isEmpty ? "" : " (\(a.category))")
            + ", under \(Law.general(for: regime).rawValue) (\(Law.environmental(for: regime).rawValue) for environmental information)"
    }

    /// The command that adds it to the store, quoted for a shell.
    public static func addCommand(_ a: Authority) -> String {
        func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return "foibandit authorities add \(q(a.name)) --nation \(q(a.nation.rawValue))"
            + (a.category.isEmpty ? "" : " --category \(q(a.category))")
    }
}

/// Why a name gave no one body: the message lists the candidates or suggestions.
public struct NameError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension AuthorityResolver {
    /// The body a person means, for every entry point that writes letters: a listed body by any name
    /// the resolver knows, or, when its nation is given, a body that is not in the store. A nation also
    /// narrows an ambiguous name to that nation's bodies. The note says what the name resolved to.
    public func body(_ name: String, nation: String? = nil, category: String? = nil,
                     categories: [(group: String, category: String)] = []) -> Result<(authority: Authority, note: String?), NameError> {
        let q = name.trimmingSpaces
        guard !q.isEmpty else { return .failure(NameError("no authority")) }
        let place = nation?.trimmingSpaces ?? ""
        var given: Nation?
        if !place.isEmpty {
            guard let n = UnlistedBody.nation(place) else {
                return .failure(NameError("unknown nation '\(String(place.prefix(40)))' (want \(UnlistedBody.nationChoices))"))
            }
            given = n
        }
        var r = resolve(q)
        if let given {
            switch r {
            case .ambiguous(let list):
                let here = list.filter { $0.nation == given }
                if here.count == 1 { r = .resolved(here[0], .name) } else if here.isEmpty { r = .unknown(suggestions: []) }
            case .resolved(let a, let how) where (how == .spelling || how == .start) && a.nation != given && a.nation != .uk:
                // A near name in another nation is not the body the person means.
                r = .unknown(suggestions: [])
            default: break
            }
        }
        switch r {
        case .resolved(let a, let how): return .success((a, Self.note(query: q, authority: a, match: how)))
        case .unknown where given != nil:
            let a = UnlistedBody.authority(name: q, nation: given!, category: category, known: categories)
            return .success((a, UnlistedBody.note(a)))
        default:
            var message = Self.failure(query: q, r) ?? ""
            if case .unknown = r { message += " (for a body that is not in the database, give its nation)" }
            return .failure(NameError(message))
        }
    }
}
