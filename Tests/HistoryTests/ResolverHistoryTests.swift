import FOI
import Foundation
import Store
import Testing

/// Issue 23 in `history import`: the authority column is read by the one resolver, as generate, batch
/// and the API read names; an ambiguous name is kept unmatched with its candidates.
@Suite struct ResolverHistoryTests {
    @Test func historyNamesResolveAsEverywhereElse() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        let body = "\"Dear FOI Officer,\n\nPlease provide the number of complaints received in 2023.\n\nKind regards,\nAlasdair Penhallow\""
        let names = ["Met Police", "Swansea Council", "the Home Office", "Department of Work and Pensions", "Leeds Counsil",
                     "Cyngor Caerdydd", "Durham Police", "Department of Education"]
        var csv = "authority,title,body\n"
        for (i, n) in names.enumerated() { csv += "\(n),Complaints \(i),\(body.replacingOccurrences(of: "2023", with: String(2000 + i)))\n" }
        let file = dir.appendingPathComponent("history.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let (_, parsed, entries) = try importPaths([file.path], into: s)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(entries.map { $0.authorityName ?? "-" } == [
            "Metropolitan Police Service", "City and County of Swansea Council", "Home Office", "Department for Work and Pensions",
            "Leeds City Council", "City of Cardiff Council", "Durham Constabulary", "-",
        ])
        #expect(entries[4].matchedBy == "spelling")
        #expect(entries[7].suggestions == ["Department for Education", "Department of Education (Northern Ireland)"])
    }
}
