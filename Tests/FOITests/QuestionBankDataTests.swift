import Foundation
import Testing
@testable import FOI

/// The question banks are data: keywords/questions.tsv, compiled in by scripts/question_banks.swift.
@Suite struct QuestionBankDataTests {
    @Test func compiledBanksAreTheFileAndEveryRowParses() throws {
        let root = try #require(repoRoot())
        let text = try String(contentsOfFile: root + "/keywords/questions.tsv", encoding: .utf8)
        // An edit to the file without a run of the script would leave the program asking the old questions.
        #expect(QuestionBanks.source.joined() == text, "run swift scripts/question_banks.swift")
        let table = try QuestionTable(parsing: text)
        #expect(table.themes.count == QuestionBanks.themes.count)
        #expect(table.generic == QuestionBanks.generic)
        // Every theme of the seed keywords has its bank, and every bank a theme there.
        let seedThemes = Set(try SeedData.keywords(root: root).map(\.theme))
        #expect(Set(QuestionBanks.themes.keys) == seedThemes)
        #expect(QuestionBanks.themes.values.allSatisfy { !$0.general.isEmpty })
        // Every keyword has a figure of its own banks that names it over the letter's period, so a three-line request
        // or a table never falls back to the generic list ("the total amount spent on social value in procurement,
        // including staff and contractor costs", read in session 13).
        let bare = try SeedData.keywords(root: root).filter { k in
            !QuestionBanks.questions(for: k).contains { $0.numeric && $0.text.contains("{K}") && $0.text.contains("{T}") }
        }
        #expect(bare.isEmpty, "\(bare.map(\.text))")
    }

    @Test func badRowsAndRepeatsAreRefused() {
        let head = "# a comment\ntheme\tkeyword\tkind\ttext\n"
        let good = head + "\t\tn\tthe total spent on {K} {T}\nparking\t\td\tany policy on {K}\nparking\tpermits\tn\tthe number of {K} issued {T}\n"
        let t = try? QuestionTable(parsing: good)
        #expect(t?.generic == [TopicQuestion(text: "the total spent on {K} {T}", numeric: true)])
        #expect(t?.themes["parking"]?.keywords["permits"]?.first?.numeric == true)
        for bad in ["parking\t\tx\tany policy on {K}\n",               // kind neither n nor d
                    "parking\t\td\n",                                  // a field short
                    "parking\t\td\t\n",                                // no text
                    "\tpermits\tn\tthe number of {K}\n",               // a keyword with no theme
                    "highways\t\td\tany policy on {K}\nparking\t\td\tthe papers on {K}\n",  // parking twice
                    "highways\tpermits\tn\tthe number of {K}\n",      // permits twice
                    "parking\t\t-\tany policy\n",                     // "-" with no keyword
                    "parking\tpermits\t-\tthe minutes of\n"] {        // "-" naming no question of the theme
            #expect(throws: QuestionTable.RowError.self) { try QuestionTable(parsing: good + bad) }
        }
        #expect(throws: QuestionTable.RowError.self) { try QuestionTable(parsing: "theme\tkind\ttext\n") }
        // A "-" row takes a theme question away from one keyword only.
        let not = try? QuestionTable(parsing: good + "parking\tpermits\t-\tany policy\n")
        #expect(not?.themes["parking"]?.unsuited["permits"] == ["any policy"])
    }
}
