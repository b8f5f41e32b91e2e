// Writes Sources/FOI/Banks/QuestionBankData.swift from keywords/questions.tsv, the question banks as data.
// The program holds the banks compiled in, so no run of it has a file to find or lose. After editing the
// banks, run `swift scripts/question_banks.swift` from the repository root; FOITests (QuestionBankDataTests)
// checks every row (four tab-separated fields, kind n or d, no theme or keyword given twice) and fails while
// the compiled copy differs from the file.
import Foundation

let tsv = "keywords/questions.tsv", out = "Sources/FOI/Banks/QuestionBankData.swift"
guard let text = try? String(contentsOfFile: tsv, encoding: .utf8) else {
    FileHandle.standardError.write(Data("question_banks: cannot read \(tsv); run from the repository root\n".utf8))
    exit(1)
}
// One string literal per theme (a blank line ends one), so no line of the Swift file is huge.
var pieces: [String] = [], current = ""
for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
    current += line + "\n"
    if line.isEmpty { pieces.append(current); current = "" }
}
if !current.isEmpty { pieces.append(current) }
func escaped(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
}
let swift = ["// Written by scripts/question_banks.swift from keywords/questions.tsv: edit that file, then run the script.",
             "extension QuestionBanks {",
             "    /// keywords/questions.tsv as it is, one piece per theme.",
             "    static let source: [String] = ["]
    + pieces.map { "        \"\(escaped($0))\"," } + ["    ]", "}", ""]
try swift.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
print("wrote \(out) (\(pieces.count) pieces)")
