@testable import FOI
@testable import FOICorpus
import Foundation
import LM
import Testing
import Tokenizer
@testable import Writer

/// The copy guard with the shipped model's real tokenizer (and, end to end, its real model).
@Suite struct CopyGuardTests {
    static let modelDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("models/foibandit-small")
    static let shipped = FileManager.default.fileExists(atPath: modelDir.appendingPathComponent("tokenizer.json").path)

    static let bassetlaw = Authority(name: "Bassetlaw District Council", shortName: "Bassetlaw", group: "Local and regional",
                                     category: "District councils", nation: .england, regime: .foia2000)
    static let speech = Keyword(text: "freedom of speech on campus", theme: "Education", categories: [], environmental: false)

    /// A guard that has seen `text`, and the ids whose logits survive `constrain` on a flat row.
    func guardAfter(_ text: String, _ request: LetterRequest, favouring: String? = nil, slots: Bool = true) throws -> (CopyGuard, BPETokenizer, Set<Int>) {
        let tok = try BPETokenizer(directory: Self.modelDir)
        var g = CopyGuard(request: request, vocabulary: TokenTable(tokenizer: tok), slots: slots)
        for id in tok.encode(text, allowSpecial: false) { g.observe(id) }
        var row = [Float](repeating: 0, count: tok.vocabSize)
        if let f = favouring { row[tok.encode(f, allowSpecial: false)[0]] = 10 }   // the model's own pick
        row.withUnsafeMutableBufferPointer { g.constrain($0.baseAddress!, V: tok.vocabSize) }
        return (g, tok, Set(row.indices.filter { row[$0].isFinite }))
    }

    @Test(.enabled(if: shipped)) func aBegunAuthorityNameIsFinishedAsWritten() throws {
        let (_, tok, allowed) = try guardAfter("I am writing to Basse", LetterRequest(authority: Self.bassetlaw, keywords: []))
        let rest = Array("tlaw District Council".utf8)
        #expect(!allowed.isEmpty)
        for id in allowed { #expect(CopyGuard.continues(rest, with: tok.tokenBytes(id)), "\(tok.tokenString(id) ?? "?")") }
        #expect(allowed.contains(tok.encode("t", allowSpecial: false)[0]))
        #expect(!allowed.contains(tok.encode(" and", allowSpecial: false)[0]))
    }

    @Test(.enabled(if: shipped)) func ordinaryTextIsLeftAlone() throws {
        let r = LetterRequest(authority: Self.bassetlaw, keywords: [Self.speech])
        // the common phrase, a lone short word, a word that merely starts like the name
        for text in ["This is a Freedom of Information", "Dear Bassetlaw District Council,\n\nI am writing to", "Basic", "under the Freedom of"] {
            let (g, tok, allowed) = try guardAfter(text, r)
            #expect(g.continuations().sure.isEmpty, "\(text)")
            #expect(allowed.contains(tok.encode(" request", allowSpecial: false)[0]), "\(text)")
        }
        // keywords are not held (the specialist questions use their words in phrases of their own)
        let (g, _, _) = try guardAfter("under the Freedom of s", r)
        #expect(g.continuations().sure.isEmpty)
        let (law, _, _) = try guardAfter("under the Freedom of Information A", r)
        #expect(law.continuations().sure == [Array("ct 2000".utf8), Array("ct".utf8)])
    }

    @Test(.enabled(if: shipped)) func anEarlyMatchHoldsOnlyWhenTheModelMeansTheName() throws {
        let whittlesey = Authority(name: "Whittlesey and District Internal Drainage Board", shortName: "Whittlesey IDB",
                                   group: "Environment", category: "Internal drainage boards", nation: .england, regime: .foia2000)
        let r = LetterRequest(authority: whittlesey, keywords: [])
        // the model favours the name's next letters: held to the name from then on
        let (g, tok, held) = try guardAfter("records of Wh", r, favouring: "itt")
        #expect(g.continuations().maybe == [Array("ittlesey and District Internal Drainage Board".utf8)])
        #expect(held.allSatisfy { CopyGuard.continues(Array("ittlesey and District Internal Drainage Board".utf8), with: tok.tokenBytes($0)) })
        // it writes another word ("Which") with the name nowhere in sight: left alone
        let (_, _, free) = try guardAfter("records of Wh", r, favouring: "ich")
        #expect(free.count > tok.vocabSize / 2)
    }

    @Test(.enabled(if: shipped)) func aFinishedNameDoesNotRunOnIntoALongerWord() throws {
        let economy = Authority(name: "Department for the Economy", shortName: "DfE NI", group: "Central government",
                                category: "Northern Ireland departments", nation: .northernIreland, regime: .foia2000)
        let (_, tok, allowed) = try guardAfter("I am writing to the Department for the Economy", LetterRequest(authority: economy, keywords: []))
        #expect(!allowed.contains(tok.encode("ief", allowSpecial: false)[0]))
        #expect(allowed.contains(tok.encode(",", allowSpecial: false)[0]) && allowed.contains(tok.encode(" to", allowSpecial: false)[0]))
    }

    @Test(.enabled(if: shipped)) func theOtherJurisdictionsLawCannotBeCompleted() throws {
        let edinburgh = Authority(name: "City of Edinburgh Council", shortName: "Edinburgh", group: "Local and regional",
                                  category: "Scottish councils", nation: .scotland, regime: .foisa2002)
        let (_, tok, scot) = try guardAfter("under the Freedom of Information", LetterRequest(authority: edinburgh, keywords: []))
        #expect(!scot.contains(tok.encode(" Act", allowSpecial: false)[0]))
        #expect(scot.contains(tok.encode(" (", allowSpecial: false)[0]))
        let (_, _, english) = try guardAfter("under the Freedom of Information (", LetterRequest(authority: Self.bassetlaw, keywords: []))
        for id in tok.encode("Scotland)", allowSpecial: false).prefix(1) where tok.tokenBytes(id).count >= "scotland)".count {
            #expect(!english.contains(id))
        }
        let (_, _, abbrev) = try guardAfter("under FO", LetterRequest(authority: Self.bassetlaw, keywords: []))
        #expect(!abbrev.contains(where: { String(decoding: tok.tokenBytes($0), as: UTF8.self).lowercased().hasPrefix("isa") }))
    }

    @Test(.enabled(if: shipped)) func afterASlotPhraseTheNameFollows() throws {
        let r = LetterRequest(authority: Self.bassetlaw, keywords: [])
        let forms = [" Bassetlaw District Council", " the Bassetlaw District Council"].map { Array($0.utf8) }
        let (_, tok, allowed) = try guardAfter("Dear Sir or Madam,\n\nI am making a request to", r, favouring: " H")
        #expect(!allowed.isEmpty && allowed.allSatisfy { CopyGuard.continuesAny(forms, with: tok.tokenBytes($0)) })
        #expect(allowed.contains(tok.encode(" the", allowSpecial: false)[0]))
        // one letter in, the rest of the name (the stray "H request" the slot exists for is gone)
        let (_, _, begun) = try guardAfter("This is a request for information held by B", r)
        #expect(begun.allSatisfy { CopyGuard.continues(Array("assetlaw District Council".utf8), with: tok.tokenBytes($0)) })
        // a greeting: the name or a plain greeting's first word, and free again once a word is written
        let (_, _, dear) = try guardAfter("Dear", r)
        for w in [" FOI", " Sir", " Bass", " Records"] { #expect(dear.contains(tok.encode(w, allowSpecial: false)[0]), "\(w)") }
        #expect(!dear.contains(tok.encode(" Mr", allowSpecial: false)[0]))
        let (_, _, free) = try guardAfter("Dear FOI", r)
        #expect(free.count > tok.vocabSize / 2)
        // a person's style (a history adapter) has its own phrasing: no slots
        let (_, _, style) = try guardAfter("Dear Sir or Madam,\n\nI am making a request to", r, favouring: " you", slots: false)
        #expect(style.count > tok.vocabSize / 2)
    }

    @Test(.enabled(if: shipped)) func afterAKeywordSlotAKeywordFollowsNewOnesFirst() throws {
        let potholes = Keyword(text: "pothole repairs", theme: "Roads", categories: [], environmental: false)
        let r = LetterRequest(authority: Self.bassetlaw, keywords: [potholes, Self.speech])
        let forms = [" pothole repairs", " freedom of speech on campus"].map { Array($0.utf8) }
        let (_, tok, held) = try guardAfter("I am a journalist looking into", r, favouring: " roads")
        #expect(!held.isEmpty && held.allSatisfy { CopyGuard.continuesAny(forms, with: tok.tokenBytes($0)) })
        // a keyword not yet named comes first
        let item = "I am a journalist looking into"
        let (_, _, second) = try guardAfter("1) \(item) pothole repairs.\n2) \(item)", r, favouring: " pothole")
        #expect(!second.isEmpty && second.allSatisfy { CopyGuard.continues(forms[1], with: tok.tokenBytes($0)) })
        // the only keyword again: the model's way in (" pothole") would repeat an 8-token n-gram, so the slot stands aside
        let one = LetterRequest(authority: Self.bassetlaw, keywords: [potholes])
        let (_, _, free) = try guardAfter("1) \(item) pothole repairs.\n2) \(item)", one, favouring: " pothole")
        #expect(free.count > tok.vocabSize / 2)
    }

    @Test(.enabled(if: shipped)) func aLetterNotYetNamedTakesANamedOpening() throws {
        let r = LetterRequest(authority: Self.bassetlaw, keywords: [])
        let make = try BPETokenizer(directory: Self.modelDir).encode(" make", allowSpecial: false)[0]
        let (_, _, plain) = try guardAfter("Dear FOI Team,\n\nI am writing to", r)
        #expect(!plain.contains(make))
        let (_, _, named) = try guardAfter("Dear Bassetlaw District Council,\n\nI am writing to", r)
        #expect(named.contains(make))
        #expect(CopyGuard.openingSlots(law: "FOIA").contains { $0.0 == "Please treat this" && $0.1 == ["as"] })
    }

    /// The guard describes the composer's letters: it never rules out a token of one, except where a
    /// keyword slot asks for a keyword the letter has not named yet. This keeps the slots true to the
    /// phrase bank.
    @Test(.enabled(if: shipped)) func theGuardAcceptsEveryComposedLetter() throws {
        let root = Self.modelDir.deletingLastPathComponent().deletingLastPathComponent().path
        let authorities = try SeedData.authorities(root: root), keywords = try SeedData.keywords(root: root)
        let tok = try BPETokenizer(directory: Self.modelDir), table = TokenTable(tokenizer: tok)
        var rng = SplitMix64(seed: 5)
        var row = [Float](repeating: 0, count: tok.vocabSize)
        var steered = 0, letters = 0, ruledOut = 0
        for i in 0..<300 {
            let a = rng.pick(authorities)
            let suitable = keywords.filter { $0.suits(a) }
            let ks = rng.sample(suitable.isEmpty ? keywords : suitable, 1 + rng.below(3))
            let letter = Composer().compose(authority: a, keywords: ks, style: LetterStyle.allCases[i % 5], seed: UInt64(i)).text
            // a template that says a keyword's own first words ("How many complaints about" + "complaints about
            // communications") is the composer's stutter, which the guard rightly cuts short
            if ks.contains(where: { k in
                let w = k.text.split(separator: " ").prefix(2).joined(separator: " ")
                return letter.contains(w + " " + w)
            }) { continue }
            letters += 1
            var g = CopyGuard(request: LetterRequest(authority: a, keywords: ks), vocabulary: table)
            for id in tok.encode(letter, allowSpecial: false) {
                row.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }   // an indexed loop is slow in a debug build
                row.withUnsafeMutableBufferPointer { g.constrain($0.baseAddress!, V: tok.vocabSize) }
                // the one place the guard asks more than the composer: a keyword slot takes a keyword not yet named
                if !row[id].isFinite, let rests = g.slotRests()?.rests,
                   rests.allSatisfy({ r in ks.contains { k in Array((" " + k.text).utf8).reversed().starts(with: r.reversed()) } }) {
                    steered += 1
                    g.observe(id)
                    continue
                }
                guard row[id].isFinite else {
                    ruledOut += 1
                    print("ruled out \(String(decoding: tok.tokenBytes(id), as: UTF8.self).debugDescription) after …\(String(decoding: g.text.suffix(120), as: UTF8.self)) [\(a.name)] \(ks.map(\.text))")
                    break
                }
                g.observe(id)
            }
        }
        #expect(steered * 10 <= letters, "the keyword steer should be rare in the composer's letters")
        // The authority, law and greeting holds were written for the old composer's phrasing; at most 1 letter
        // in 100 of the new one's meets a hold it does not follow (2 of 300 when this was written).
        #expect(ruledOut * 100 <= letters, "\(ruledOut) of \(letters) composed letters ruled out")
    }

    /// End to end with the real model: wherever a letter begins the authority's name, the whole name follows.
    @Test(.enabled(if: shipped)) func guardedLettersSpellUnseenNamesExactly() throws {
        let names = ["Bassetlaw District Council", "Transport for the North", "NHS Counter Fraud Authority", "South Hams District Council"]
        let judge = Judge(knownAuthorities: [], knownKeywords: [])
        let writer = try LetterWriter(modelDirectory: Self.modelDir, judge: judge)
        // The guard holds every candidate to the name, so two a prompt test it as well as the product's eight
        // (and take a quarter of the time).
        writer.candidates = 2
        let requests = names.enumerated().flatMap { i, n in
            (0..<4).map { s in
                LetterRequest(authority: Authority(name: n, shortName: n, group: "Local and regional", category: "District councils",
                                                   nation: .england, regime: .foia2000),
                              keywords: [Keyword(text: "staff grievances", theme: "Staff", categories: [], environmental: false)],
                              seed: UInt64(100 * i + s))
            }
        }
        var named = 0
        for w in writer.write(requests) {
            let name = w.prompt.components(separatedBy: "<|authority|> ")[1].components(separatedBy: "<|")[0]
            let trigger = String(name.utf8.prefix(CopyGuard.nameTarget(name)!.need))!
            var rest = Substring(w.letter)
            while let r = rest.range(of: trigger) {
                let before = rest[..<r.lowerBound].last
                if before.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                    #expect(rest[r.lowerBound...].hasPrefix(name), "\(w.letter)")
                    named += 1
                }
                rest = rest[r.upperBound...]
            }
        }
        #expect(named >= 8, "the model should begin most names")
    }
}
