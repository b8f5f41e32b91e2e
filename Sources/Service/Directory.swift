import FOI
import Foundation
import Store

/// The seed data the service and `batch` need in memory: every authority and keyword, the judge,
/// and "did you mean" suggestions (full-text search first, then edit distance) for unknown names.
public struct Directory: Sendable {
    public let store: FOIStore
    public let authorities: [Authority]
    public let keywords: [Keyword]

    public init(store: FOIStore) throws {
        self.store = store
        authorities = try store.allAuthorities()
        keywords = try store.allKeywords()
    }

    public var judge: Judge { Judge(knownAuthorities: authorities, knownKeywords: keywords) }

    public func suggestions(for name: String) -> [String] {
        let name = String(name.prefix(InputLimits.suggestionCharacters))   // a long name costs no more than a short one
        let fts = (try? store.searchAuthorities(name, limit: 3).map(\.name)) ?? []
        var ideas: [String] = []
        for n in fts + Suggest.closest(to: name, among: authorities.map(\.name)) where !ideas.contains(n) && ideas.count < 3 {
            ideas.append(n)
        }
        return ideas
    }

    public func planner(maxTokensCap: Int = 2048) -> BatchPlanner {
        let me = self
        return BatchPlanner(authorities: authorities, keywords: keywords, maxTokensCap: maxTokensCap) { me.suggestions(for: $0) }
    }
}
