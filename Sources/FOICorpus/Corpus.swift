import Foundation
import FOI

/// One SFT example: the prompt (up to and including `<|request|>\n`) and the letter (ending in "\n").
/// The trainer appends `<|endoftext|>` to the letter and takes loss only on the letter.
public struct SFTExample: Codable, Equatable, Sendable {
    public var prompt: String
    public var letter: String
    public init(prompt: String, letter: String) { self.prompt = prompt; self.letter = letter }
}

/// One continued-pretraining document.
public struct CPTDocument: Codable, Equatable, Sendable {
    public var text: String
}

/// A prompt for evaluation or training, enough to recompose the letter.
public struct PromptSpec: Codable, Equatable, Sendable {
    public var authority: String
    public var keywords: [String]
    public var style: String
    public var seed: UInt64
    public var jurisdiction: String
    public var prompt: String
}

public struct CorpusSummary: Codable, Equatable, Sendable {
    public var cptDocuments: Int
    public var cptLetters: Int
    public var cptLetterOnly: Int
    public var guidanceParagraphs: Int
    public var sftExamples: Int
    public var cptBytes: Int
    public var sftBytes: Int
    public var trainingAuthorities: Int
    public var trainingKeywords: Int
}

/// The domain corpus: composer letters on the training split, plus guidance prose.
public enum DomainCorpus {
    /// Draws a prompt: an authority, 1–3 keywords suited to it (any keyword when none suit), a style, a seed.
    public static func drawPrompt(authorities: [Authority], keywords: [Keyword], rng: inout SplitMix64,
                                  mustInclude: [Keyword] = []) -> (Authority, [Keyword], LetterStyle, UInt64) {
        let a = rng.pick(authorities)
        // Keywords suited to the body (a fire service is not asked about pupils); any only when none suit.
        var pool = keywords.filter { $0.suits(a) }
        if pool.isEmpty { pool = keywords }
        let n = min(1 + rng.below(3), pool.count)
        var ks = mustInclude
        for k in rng.sample(pool, n + ks.count) where ks.count < max(n, mustInclude.count) && !ks.contains(k) {
            ks.append(k)
        }
        ks = rng.shuffled(ks)
        let style = rng.pick(LetterStyle.allCases)
        return (a, ks, style, rng.next() >> 1)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    public static func jsonLine<T: Encodable>(_ value: T) -> String {
        String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    /// Share of SFT authorities, and of SFT keywords, replaced by made-up ones (see `Surrogates`).
    public static let surrogateRate = 0.3

    /// Writes `cpt.jsonl` and `sft.jsonl` through the given line sinks. Only training-split
    /// authorities and keywords are used. About 15% of CPT letters are written without their prompt.
    /// SFT letters name the authority and keywords through slots; CPT letters spell them out.
    public static func build(authorities: [Authority], keywords: [Keyword], letters: Int, seed: UInt64,
                             guidanceRenderings: Int = 20,
                             cpt: (String) throws -> Void, sft: (String) throws -> Void) rethrows -> CorpusSummary {
        let trainA = Splits.trainingAuthorities(authorities)
        let trainK = Splits.trainingKeywords(keywords)
        precondition(!trainA.isEmpty && !trainK.isEmpty, "empty training split")
        let composer = Composer()
        var s = CorpusSummary(cptDocuments: 0, cptLetters: 0, cptLetterOnly: 0, guidanceParagraphs: 0, sftExamples: 0,
                              cptBytes: 0, sftBytes: 0, trainingAuthorities: trainA.count, trainingKeywords: trainK.count)
        var rng = SplitMix64(seed: StableHash.fnv1a(["cpt", String(seed)]))
        var guidance: [String] = []
        for _ in 0..<guidanceRenderings { guidance.append(contentsOf: Guidance.render(&rng)) }
        guidance = Array(Set(guidance)).sorted()   // distinct renderings, in a fixed order
        guidance = rng.shuffled(guidance)
        let every = guidance.isEmpty ? Int.max : max(1, letters / guidance.count)
        var g = 0
        for i in 0..<letters {
            let (a, ks, style, sd) = drawPrompt(authorities: trainA, keywords: trainK, rng: &rng)
            let l = composer.compose(authority: a, keywords: ks, style: style, seed: sd)
            let letterOnly = rng.chance(0.15)
            let text = letterOnly ? l.text + "\n" + PromptFormat.endToken : l.document
            let line = jsonLine(CPTDocument(text: text))
            try cpt(line)
            s.cptDocuments += 1; s.cptLetters += 1; s.cptBytes += line.utf8.count + 1
            if letterOnly { s.cptLetterOnly += 1 }
            if i % every == every - 1 && g < guidance.count {
                let gl = jsonLine(CPTDocument(text: guidance[g] + "\n" + PromptFormat.endToken))
                try cpt(gl); g += 1
                s.cptDocuments += 1; s.guidanceParagraphs += 1; s.cptBytes += gl.utf8.count + 1
            }
        }
        while g < guidance.count {
            let gl = jsonLine(CPTDocument(text: guidance[g] + "\n" + PromptFormat.endToken))
            try cpt(gl); g += 1
            s.cptDocuments += 1; s.guidanceParagraphs += 1; s.cptBytes += gl.utf8.count + 1
        }
        var srng = SplitMix64(seed: StableHash.fnv1a(["sft", String(seed)]))
        let surrogates = Surrogates(authorities: trainA, keywords: trainK, reserved: (authorities, keywords))
        for _ in 0..<letters {
            var (a, ks, style, sd) = drawPrompt(authorities: trainA, keywords: trainK, rng: &srng)
            if srng.chance(surrogateRate), let b = surrogates.authority(like: a, rng: &srng) { a = b }
            ks = ks.map { srng.chance(surrogateRate) ? surrogates.keyword(like: $0, rng: &srng) : $0 }
            let l = composer.compose(authority: a, keywords: ks, style: style, seed: sd)
            // The model learns to name the authority and keywords through slots the writer fills (`NameSlots`).
            let line = jsonLine(SFTExample(prompt: l.prompt.text, letter: NameSlots(l.prompt, body: .of(a)).delexicalise(l.text) + "\n"))
            try sft(line)
            s.sftExamples += 1; s.sftBytes += line.utf8.count + 1
        }
        return s
    }
}

extension SFTExample {
    /// The example with its letter's names and law figures replaced by slots, as a slots model is trained and
    /// measured; `body` looks the prompt's authority up (nil: its cost limit stays as written).
    public func withNameSlots(body: (String) -> BodyProfile?) -> SFTExample {
        guard let p = PromptFormat.parse(prompt)?.prompt else { return self }
        return SFTExample(prompt: prompt, letter: NameSlots(p, body: body(p.authority)).delexicalise(letter))
    }
}

/// The committed evaluation sets (see `evalsets/README.md`).
public enum EvalSets {
    public static let seed: UInt64 = 20_250_401
    public static let size = 200

    public struct Sets: Sendable {
        public var unseenAuthorities: [PromptSpec]
        public var unseenKeywords: [PromptSpec]
        public var ordinary: [PromptSpec]
        /// Composer letters on the held-out prompts (both unseen sets), for perplexity.
        public var reference: [SFTExample]
    }

    static func spec(_ a: Authority, _ ks: [Keyword], _ style: LetterStyle, _ seed: UInt64) -> PromptSpec {
        let p = Prompt(authority: a, keywords: ks, style: style.rawValue)
        return PromptSpec(authority: a.name, keywords: ks.map(\.text), style: style.rawValue, seed: seed,
                          jurisdiction: p.jurisdiction, prompt: p.text)
    }

    public static func make(authorities: [Authority], keywords: [Keyword], size: Int = size) -> Sets {
        let heldA = Splits.heldOutAuthorities(authorities), trainA = Splits.trainingAuthorities(authorities)
        let heldK = Splits.heldOutKeywords(keywords), trainK = Splits.trainingKeywords(keywords)
        var rng = SplitMix64(seed: seed)
        var ua: [PromptSpec] = [], uk: [PromptSpec] = [], ord: [PromptSpec] = []
        var seen = Set<String>()
        func add(_ list: inout [PromptSpec], _ s: PromptSpec) -> Bool {
            guard !seen.contains(s.prompt) else { return false }
            seen.insert(s.prompt); list.append(s); return true
        }
        var guardCount = 0
        while ua.count < size && !heldA.isEmpty && guardCount < size * 50 {
            guardCount += 1
            let (a, ks, st, sd) = DomainCorpus.drawPrompt(authorities: heldA, keywords: trainK, rng: &rng)
            _ = add(&ua, spec(a, ks, st, sd))
        }
        guardCount = 0
        while uk.count < size && !heldK.isEmpty && guardCount < size * 50 {
            guardCount += 1
            let a = rng.pick(trainA)
            var suited = heldK.filter { $0.suits(a) }
            if suited.isEmpty { suited = heldK }
            let must = rng.pick(suited)
            let (_, ks, st, sd) = DomainCorpus.drawPrompt(authorities: [a], keywords: trainK, rng: &rng, mustInclude: [must])
            _ = add(&uk, spec(a, ks, st, sd))
        }
        guardCount = 0
        while ord.count < size && guardCount < size * 50 {
            guardCount += 1
            let (a, ks, st, sd) = DomainCorpus.drawPrompt(authorities: trainA, keywords: trainK, rng: &rng)
            _ = add(&ord, spec(a, ks, st, sd))
        }
        let byName = Dictionary(authorities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let byText = Dictionary(keywords.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        let composer = Composer()
        let reference = (ua + uk).map { s -> SFTExample in
            let l = composer.compose(authority: byName[s.authority]!, keywords: s.keywords.map { byText[$0]! },
                                     style: LetterStyle(rawValue: s.style)!, seed: s.seed)
            return SFTExample(prompt: l.prompt.text, letter: l.text + "\n")
        }
        return Sets(unseenAuthorities: ua, unseenKeywords: uk, ordinary: ord, reference: reference)
    }

    /// Writes the four JSON Lines files into `dir`.
    public static func write(_ sets: Sets, to dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func w<T: Encodable>(_ name: String, _ items: [T]) throws {
            let text = items.map { DomainCorpus.jsonLine($0) }.joined(separator: "\n") + "\n"
            try text.write(toFile: (dir as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try w("unseen_authorities.jsonl", sets.unseenAuthorities)
        try w("unseen_keywords.jsonl", sets.unseenKeywords)
        try w("ordinary.jsonl", sets.ordinary)
        try w("reference_letters.jsonl", sets.reference)
    }
}
