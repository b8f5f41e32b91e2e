@testable import Filings
@testable import FilingsRead
import Foundation
import Testing

/// The same announcement laid out another way must give the same fields: the corpus's plain-text
/// filings re-rendered with tabs for pipes, pipes for tabs, and as an HTML page whose tables keep
/// their blank cells (as issuers' HTML does), then read back through the reader.
@Suite struct LayoutTests {
    static func pipesToTabs(_ t: String) -> String {
        t.split(separator: "\n", omittingEmptySubsequences: false).map { l in
            l.contains(" | ") || l.hasPrefix(" |") ? l.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\t") : String(l)
        }.joined(separator: "\n")
    }
    static func tabsToPipes(_ t: String) -> String { t.replacingOccurrences(of: "\t", with: " | ") }

    /// Lines with cells become table rows (one table per run of them); other lines paragraphs.
    static func html(_ t: String) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        var out = "<html><body>\n", inTable = false
        for line in t.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let row = Row(line)
            if row.fixedWidth {   // a fixed-width table stays one: HTML pages carry them in <pre>
                if inTable { out += "</table>\n"; inTable = false }
                out += "<pre>\(esc(line))</pre>\n"
            } else if row.cells.count > 1 {
                if !inTable { out += "<table>\n"; inTable = true }
                out += "<tr>" + row.cells.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n"
            } else {
                if inTable { out += "</table>\n"; inTable = false }
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { out += "<p>\(esc(line))</p>\n" }
            }
        }
        return out + (inTable ? "</table>\n" : "") + "</body></html>\n"
    }

    @Test func fieldsDoNotDependOnTheLayout() throws {
        var exact = 0, total = 0, variants = 0
        for c in try LabelledFiling.all() where c.file.hasSuffix(".txt") {
            let raw = try String(contentsOf: LabelledFiling.folder.appendingPathComponent(c.file), encoding: .utf8)
            for (name, text) in [("tabs", Self.pipesToTabs(raw)), ("pipes", Self.tabsToPipes(raw)), ("html", Self.html(raw))] where name == "html" || text != raw {
                variants += 1
                let doc = try FilingReader.read(data: Data(text.utf8), filename: name == "html" ? "v.html" : "v.txt")
                let got = FieldExtractor.extract(c.type, text: doc.text)
                for (k, v) in c.fields {
                    total += 1
                    if got[k] == v { exact += 1 } else { print("  \(c.file) as \(name): \(k) expected “\(v)”, got “\(got[k] ?? "nothing")”") }
                }
            }
        }
        print(String(format: "layouts: %d re-rendered filings, %d/%d labelled fields exact (%.1f%%)", variants, exact, total, Double(exact) / Double(max(total, 1)) * 100))
        #expect(exact * 100 >= total * 98, "\(exact)/\(total)")
    }
}
