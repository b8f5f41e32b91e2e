@testable import FOI
import Testing

/// Issue 23: a letter handed over is signed with the requester's name; placeholders only when none is known.
@Suite struct SignatureTests {
    let body = "Dear FOI Team,\n\nPlease provide the number of potholes repaired in 2024.\n\nYours faithfully,"

    @Test func placeholderIsReplacedByTheName() {
        for p in Signature.placeholders + ["[Your full name]"] {
            let signed = Signature.sign(body + "\n" + p, as: Requester(name: "Sam Jones"))
            #expect(signed == body + "\nSam Jones")
        }
    }

    @Test func anUnsignedLetterGetsTheNameUnderItsSignOff() {
        #expect(Signature.sign(body, as: Requester(name: "Sam Jones", email: "sam@example.org")) == body + "\nSam Jones\nsam@example.org")
    }

    @Test func noRequesterLeavesTheLetterAndASignedLetterStays() {
        #expect(Signature.sign(body + "\n[Your name]", as: nil) == body + "\n[Your name]")
        #expect(Signature.sign(body + "\nPriya Raman", as: Requester(name: "Sam Jones")) == body + "\nPriya Raman")
    }

    @Test func badNamesAreRefused() throws {
        #expect(throws: SignatureError.self) { try Requester.validated(name: "   ") }
        #expect(throws: SignatureError.self) { try Requester.validated(name: "Sam\nJones") }
        #expect(throws: SignatureError.self) { try Requester.validated(name: "Sam", email: "not an address") }
        #expect(try Requester.validated(name: " Sam Jones ").name == "Sam Jones")
    }
}
