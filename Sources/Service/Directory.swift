import FOI
import Foundation
import Store
import Writer

/// The seed data the service and `batch` need in memory: every authority and keyword, the judge,
/// and the one name resolver (built once: its indexes cost more than a lookup).
public struct Directory: Sendable {
    public let store: FOIStore
    public let authorities: [Authority]
    public let keywords: [Keyword]
    public let resolver: AuthorityResolver
    let categories: [(group: String, category: String)]

    public init(store: FOIStore) throws {
        self.store = store
        authorities = try store.allAuthorities()
        keywords = try store.allKeywords()
        resolver = AuthorityResolver(authorities)
        categories = try store.categories().map { ($0.groupName, $0.category) }
    }

    public var judge: Judge { Judge(knownAuthorities: authorities, knownKeywords: keywords) }

    public func planner(maxTokensCap: Int = 2048) -> BatchPlanner {
        BatchPlanner(authorities: authorities, keywords: keywords, maxTokensCap: maxTokensCap, resolver: resolver,
                     categories: categories.isEmpty ? nil : categories)
    }
}
