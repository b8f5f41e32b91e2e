@testable import FOI
import Testing

/// Names as people write them resolve to the store's names (issue 23, in part).
@Suite struct LookupTests {
    static let all = [
        Authority(name: "The Highland Council", shortName: "Highland", group: "Local and regional",
                  category: "Unitary authorities (Scotland)", nation: .scotland, regime: .foisa2002),
        Authority(name: "Home Office", shortName: "", group: "Government Departments",
                  category: "Ministerial Departments - UK", nation: .uk, regime: .foia2000),
        Authority(name: "Tyne & Wear Fire and Rescue Service", shortName: "", group: "Emergency services",
                  category: "Fire and rescue services", nation: .england, regime: .foia2000),
    ]

    @Test func leadingTheAndAmpersandsDoNotMatter() {
        for (query, name) in [("Highland Council", "The Highland Council"), ("the home office", "Home Office"),
                              ("The Home Office", "Home Office"), ("Tyne and Wear Fire and Rescue Service", "Tyne & Wear Fire and Rescue Service")] {
            guard case .found(let a) = Lookup.authority(query, in: Self.all) else { Issue.record("\(query) not found"); continue }
            #expect(a.name == name)
        }
        guard case .notFound = Lookup.authority("Lowland Council", in: Self.all) else { Issue.record("Lowland Council found"); return }
    }
}
