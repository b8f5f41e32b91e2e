import Testing
@testable import Writer

/// Where the base model takes over from a history adapter: after a list marker, to the end of the line.
@Suite struct ItemSpanTests {
    @Test func markersThatOpenAnItem() {
        for line in ["1.", "1. The number", "12) ", "(a)", "(iv) copies", "b)", "c. ", "• ", "- any", "  3."] {
            #expect(ItemSpan.startsWithMarker(line), "\(line)")
        }
        for line in ["", "1", "Dear Sir", "I am writing", "10,000 people", "(see below)", "a request", "Yours faithfully,", "2026 was"] {
            #expect(!ItemSpan.startsWithMarker(line), "\(line)")
        }
    }

    @Test func theSpanEndsWithTheLine() {
        var s = ItemSpan()
        s.push("Could you tell me:\n")
        #expect(!s.inItem)
        s.push("1")
        #expect(!s.inItem)
        s.push(".")
        #expect(s.inItem && s.atStart)
        s.push(" how many potholes were reported")
        #expect(!s.atStart)
        #expect(s.inItem)
        s.push(" in 2024?\n")
        #expect(!s.inItem)
        s.push("\nThank you")
        #expect(!s.inItem)
    }
}
