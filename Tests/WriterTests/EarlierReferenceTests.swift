import Testing
@testable import Writer

/// A made-up reference to an earlier request becomes a placeholder the person fills in (session 20).
@Suite struct EarlierReferenceTests {
    @Test func aMadeUpReferenceBecomesAPlaceholder() {
        let opening = "I am writing again to Notre Dame Catholic Sixth Form College, following your response to my request 43382, to make a new request."
        #expect(EarlierReference.withPlaceholder(opening).contains("my request [your earlier request's reference], to make"))
        let further = "Further to my earlier request about CCTV (your reference FOI-2024-5521), I would now like to ask."
        #expect(EarlierReference.withPlaceholder(further).contains("(your reference [your earlier request's reference])"))
    }

    @Test func figuresThatAreNoReferenceStay() {
        let items = "1. The number of pothole repairs in 2023.\n2. Any reference to 12345 in the minutes.\n3. The total paid, in pounds, 40000."
        #expect(EarlierReference.withPlaceholder(items) == items)
    }
}
