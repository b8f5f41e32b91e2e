import FOI
import Foundation
import History
import Testing

let handwrittenHistory = repoRoot.appendingPathComponent("evalsets/history/handwritten.jsonl")

/// The style markers read the forms a letter uses, the same way for a person and for a model.
@Suite struct StyleMarkerTests {
    @Test func oneLetterReadForm() {
        let mine = LetterStyleReading("""
            Dear Sir or Madam,

            I'd like to ask Kent County Council for some information under the Freedom of Information Act 2000.

            Since 1 April 2021, could you tell me:
            - how many pupils got free transport;
            - how many appeals there were.

            An email reply is fine, with any figures in a spreadsheet.

            Many thanks,
            Gareth Lowe
            """)
        #expect(mine.forms[.greeting] == "Dear Sir or Madam")
        #expect(mine.forms[.opening] == "i'd like to")
        #expect(mine.forms[.numbering] == "dashes" && mine.counts[.items] == 2)
        #expect(mine.forms[.period] == "since <date>")
        #expect(mine.forms[.format] == "an email reply is")
        #expect(mine.forms[.signOff] == "many thanks")
        #expect(mine.counts[.register]! > 0)

        let composerLike = LetterStyleReading("""
            Dear Kent County Council FOI team,

            Under the Freedom of Information Act 2000, I would like to request the following information for the last three financial years.

            1. The number of pupils given free home to school transport.
            2. The total cost.

            Yours faithfully,
            [Your name]
            """)
        #expect(composerLike.forms[.greeting] == "Dear <body> team")
        #expect(composerLike.forms[.opening] == "under the freedom")
        #expect(composerLike.forms[.numbering] == "1." && composerLike.counts[.items] == 2)
        #expect(composerLike.forms[.period] == "the last N years")
        #expect(composerLike.forms[.format] == "none")
        #expect(composerLike.forms[.signOff] == "yours faithfully")
        #expect(composerLike.counts[.register] == 0)

        #expect(LetterStyleReading.greeting("Dear Leeds City Council,") == "Dear <body>")
        #expect(LetterStyleReading.greeting("Dear FOI Officer,") == "Dear <team or officer>")
        #expect(LetterStyleReading.greeting("Hello,") == "Hello")
        #expect(LetterStyleReading.greeting("Please provide the following.") == "none")
        #expect(LetterStyleReading("Dear FOI Team,\n\n(a) one thing;\n(b) another.\n\nThanks,\nX").forms[.numbering] == "(a)")
        #expect(LetterStyleReading("Dear FOI Team,\nPlease give (a) the count and (b) the cost for 2023/24.\nThanks,\nX").forms[.numbering] == "inline (a)")
        #expect(LetterStyleReading.period("figures from 1 April 2019 to 31 March 2024, please") == "from <date> to <date>")
        #expect(LetterStyleReading.period("for 2022/23 and 2023/24") == "financial years 20xx/yy")
    }

    @Test func theHandwrittenHistoryHasOneStyleAndTheDistancesSeeIt() throws {
        let parsed = HistoryParser.read(path: handwrittenHistory.path)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        let person = StyleSummary(letters: parsed.requests.map(\.body))
        #expect(person.letters >= 40)
        #expect(person.usual(.greeting)! == ("Dear Sir or Madam", 1))
        #expect(person.usual(.opening)! == ("i'd like to", 1))
        #expect(person.usual(.numbering)! == ("dashes", 1))
        #expect(person.usual(.signOff)! == ("many thanks", 1))
        #expect(person.usual(.period)!.form == "since <date>" && person.usual(.period)!.share > 0.95)
        #expect(person.usual(.format)! == ("an email reply is", 1))
        #expect((80...130).contains(person.mean(.words)) && (2.9...4).contains(person.mean(.items)))
        // against itself nothing is far; against the sample history's letters (another person) every form is
        let other = StyleSummary(letters: HistoryParser.read(path: fixtures.appendingPathComponent("sample_history.csv").path).requests.map(\.body))
        for m in StyleMarker.allCases { #expect(person.distance(to: person, m) == 0) }
        for m in [StyleMarker.greeting, .opening, .numbering, .signOff] { #expect(other.distance(to: person, m) == 1, "\(m)") }
    }
}
