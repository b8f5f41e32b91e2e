import Foundation
import Testing
@testable import FOI
@testable import FOICorpus

/// The style a reader sees in a letter (`LetterStyle.read`): what the writer's ranking, the training filter and
/// `eval`'s "in the style asked for" count.
@Suite struct LetterStyleReadingTests {
    typealias F = Fixtures
    let composer = Composer()

    /// Every composed letter reads as the style it was composed in.
    @Test(arguments: LetterStyle.allCases)
    func composedLettersReadAsTheirStyle(style: LetterStyle) {
        var misread: [String] = []
        var seed: UInt64 = 100
        for a in F.authorities {
            for k in F.keywords {
                seed += 1
                let l = composer.compose(authority: a, keywords: [k], style: style, seed: seed)
                let read = LetterStyle.read(l.text)
                if read != style { misread.append("read as \(read?.rawValue ?? "nothing"):\n\(l.text)") }
            }
        }
        #expect(misread.isEmpty, "\(misread.count) misread; first:\n\(misread.first ?? "")")
    }

    /// A table asked for and a list of documents written (what a rejection-sampling round drifted to, session 17).
    @Test func aTableRequestAnsweredWithDocumentsIsNotATable() {
        let letter = """
        Dear Leeds City Council,

        I am making a request under the Freedom of Information Act 2000 for the last three financial years.

        Please send me copies of the following:
        1. Any internal guidance given to staff on pothole repairs.
        2. The minutes of any meetings that discussed compensation claims.

        Please send the documents electronically.

        Yours faithfully,
        [Your name]
        """
        #expect(LetterStyle.read(letter) == .documents)
        #expect(!LetterStyle.table.isFollowed(by: letter))
        let table = letter.replacingOccurrences(of: "Please send me copies of the following:", with: "For each year, please provide:")
            .replacingOccurrences(of: "Please send the documents electronically.",
                                  with: "Please arrange the figures in a table: one row per year, one column per item.")
        #expect(LetterStyle.read(table) == .table)
    }

    @Test func listMarksAndParagraphs() {
        for item in ["1. The number", "12. The number", "(1) The number", "a) The number", "(b) The number"] {
            #expect(LetterStyle.isListItem(item), "\(item)")
        }
        for line in ["2023. The year", "a. note", "(ab) no", "10% of", "Dear Sir"] {
            #expect(!LetterStyle.isListItem(line), "\(line)")
        }
        let brief = "Dear Sir,\n\nUnder the Freedom of Information Act 2000, please tell me the number of pothole repairs made in 2024 and the total paid in compensation claims in that year.\n\nYours faithfully,\nA Person"
        #expect(LetterStyle.read(brief) == .brief)
        #expect(LetterStyle.read("Dear Sir,\n\nThanks.") == nil)
    }
}
