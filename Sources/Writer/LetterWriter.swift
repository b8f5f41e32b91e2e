import FOI
import FOICorpus
import Foundation
import LM
import LMDecode
import LMFormats
import Tokenizer

/// What to write: one request letter.
public struct LetterRequest: Sendable, Equatable {
    public var authority: Authority
    public var keywords: [Keyword]
    public var style: LetterStyle
    public var seed: UInt64
    public var temperature: Float
    public var maxTokens: Int
    /// Who signs this letter; nil: the writer's `requester`, else a placeholder.
    public var requester: Requester?

    public init(authority: Authority, keywords: [Keyword], style: LetterStyle = .numbered, seed: UInt64 = 0,
                temperature: Float = 0.7, maxTokens: Int = 400, requester: Requester? = nil) {
        self.authority = authority; self.keywords = keywords; self.style = style
        self.seed = seed; self.temperature = temperature; self.maxTokens = maxTokens; self.requester = requester
    }

    public var prompt: Prompt { Prompt(authority: authority, keywords: keywords, style: style.rawValue) }
    /// The names a letter for it writes: the authority's and the keywords'.
    public var names: [String] { [authority.name, authority.shortName] + keywords.map(\.text) }

    /// A finished letter for this request as a slots model trains on it: names, the law's figures and the body's
    /// nation as slots (a UK-wide body's topic set in the UK first: `NationRepair`), and worded for any number of
    /// items (`ListWording.countFree`).
    public func trainingForm(of letter: String) -> String {
        ListWording.countFree(NameSlots(prompt, body: .of(authority)).delexicalise(NationRepair.repair(letter, authority: authority)))
    }
}

/// A generated letter with its judge result.
public struct WrittenLetter: Sendable, Codable, Equatable {
    public var prompt: String
    public var letter: String
    public var judge: JudgeResult
    public var modelId: String
    public var seed: UInt64
    public var tokens: Int
    /// The model's text before the writer filled its name slots (nil for a model without slots): what
    /// DPO pairs are made of.
    public var raw: String? = nil
    /// The letter's items that match no question of the banks for its keywords (`ItemGrounding`); nil where
    /// not measured (letters saved before it).
    public var ungrounded: [String]? = nil
    /// Pairs of items asking one keyword for the same kind of thing (`ItemGrounding.overlaps`).
    public var overlaps: Int? = nil
    /// Items that ask one of a keyword's own questions, not a frame every topic shares (`ItemGrounding.ownQuestions`).
    public var ownQuestions: Int? = nil
    /// Trigrams of the frame that nobody wrote, and the thousandths of it that the person never wrote
    /// (`FrameSupport`); nil where the writer has no person's letters.
    public var unseen: Int? = nil
    public var foreign: Int? = nil

    /// Valid by the judge and every item a question from the banks: the letters a person reading them found
    /// sendable far more often than the judge's valid ones alone.
    public var groundedValid: Bool { judge.valid && (ungrounded ?? []).isEmpty }

    /// Whether the letter is in the style its prompt asked for (`LetterStyle.read`); true for a prompt that names
    /// none of the five (a handwritten prompt's "default").
    public var followsStyle: Bool {
        guard let asked = PromptFormat.parse(prompt).flatMap({ LetterStyle(rawValue: $0.prompt.style) }) else { return true }
        return asked.isFollowed(by: letter)
    }

    /// How many things the letter asks, up to three: a request that asks one thing where its keyword takes several reads
    /// thin ("Any internal audit report … that covers GP appointment waiting times" and nothing else); 94 of sft35's
    /// 160 product letters for one keyword asked one thing, though 52 of its 117 valid own letters for such prompts
    /// asked two (session 26).
    /// A definitions block's bullets are no questions.
    var asked: Int {
        min(3, JudgeRules.listItems(letter.split(separator: "\n").map(String.init).filter { !DefinitionRepair.isDefinitionLine($0) }).count)
    }

    /// Whether the letter asks as much as the composer's letters do: one thing more than it has keywords, up to three
    /// (two or more in 80% of the composer's one-keyword lists). sft39's own letters asked one thing a keyword: half
    /// its one-keyword letters asked one thing, 57% of its two-keyword letters two (session 29).
    public var asksInFull: Bool {
        let keywords = PromptFormat.parse(prompt)?.prompt.keywords.count ?? 1
        return asked >= min(keywords + 1, 3)
    }

    /// The writer's order of preference: valid first, then in the style asked for, then fewer items from no bank,
    /// with a history adapter a frame
    /// with fewer trigrams nobody wrote and then less of it the person never wrote, fewer items asking the same, more
    /// items (up to three), more of the keywords' own questions, then the judge's score.
    /// `grounding` false leaves the items' grounding out (a person's style: their questions are in no bank).
    public func isBetter(than other: WrittenLetter, grounding: Bool = true) -> Bool {
        if judge.valid != other.judge.valid { return judge.valid }
        if followsStyle != other.followsStyle { return followsStyle }
        let mine = ungrounded?.count ?? 0, theirs = other.ungrounded?.count ?? 0
        if grounding && mine != theirs { return mine < theirs }
        if (unseen ?? 0) != (other.unseen ?? 0) { return (unseen ?? 0) < (other.unseen ?? 0) }
        if (foreign ?? 0) != (other.foreign ?? 0) { return (foreign ?? 0) < (other.foreign ?? 0) }
        if (overlaps ?? 0) != (other.overlaps ?? 0) { return (overlaps ?? 0) < (other.overlaps ?? 0) }
        if grounding && asked != other.asked { return asked > other.asked }
        if grounding && (ownQuestions ?? 0) != (other.ownQuestions ?? 0) { return (ownQuestions ?? 0) > (other.ownQuestions ?? 0) }
        return judge.score > other.judge.score
    }
}

/// The model as a letter writer: prompt format in, streamed letter out, judged.
/// Shared by `generate`, `batch`, the service and the slot machine, so they all write alike.
public final class LetterWriter: @unchecked Sendable {
    public let model: Model
    public let tokenizer: BPETokenizer
    public let judge: Judge
    /// The model folder's name, recorded with every generation.
    public let modelId: String
    /// The model writes "{authority}" and "{k1}" for the prompt's names, which the writer fills (`NameSlots`).
    public let nameSlots: Bool
    /// The model also writes the law's figures as slots ("{limit}", "{advice}"; `NameSlots.lawFills`).
    public let lawSlots: Bool
    /// Hold begun names to the prompt's spelling (`CopyGuard`) and keep non-words out (`WordGuard`); off,
    /// letters are the raw model's samples.
    public var guardsNames = true
    /// Hold the composer's slots ("a request to" + the authority; `CopyGuardSlots.swift`). Off while the
    /// model writes in a person's style (a history adapter): their letters have their own phrasing.
    public var holdsSlots = true
    /// Letters sampled for each request, decoded together in one batch; the judge's best is the one written
    /// (ties to the first, whose seed is the request's). 1 is the model's own letter, as DPO and
    /// `eval --candidates 1` need it.
    public var candidates = LetterWriter.productCandidates
    /// Prefer candidates whose items are questions from the banks (`ItemGrounding`), and draw a second round for
    /// a valid letter with an item from none. Off while the model writes in a person's style (a history
    /// adapter): none of the person's own questions is in a bank (0 of 7 of their held-out letters grounded),
    /// so the preference only picked the candidate with the fewest items (issue 27).
    public var groundsItems = true
    /// With a history adapter merged into `model`: the base model, which writes the list items inside the
    /// person's frame (`ItemSpan`); its items are the banks' kind, so the grounding reads them as for the base.
    public var itemModel: Model?
    /// The temperature of the person's frame around the base's items. The adapter has learnt the frame from a few
    /// dozen letters, and at the request's 0.7 half its best-of-8 letters had a sentence of word salad in it
    /// ("I would like to ask asylum hotels for a new office"); at 0.3, 30 of 70 had an odd closing line, at 0.1
    /// 18 (session 13, read line by line); the items keep the request's temperature.
    public static let frameTemperature: Float = 0.1
    /// A second round's frames, drawn when the first's best has a trigram nobody wrote (`FrameSupport`): at 0.1 the
    /// eight frames are nearly one, and for the Scottish Government all sixteen of two rounds ended "within one
    /// charity bands" (session 14); a warmer second round gives the reranking other frames to choose from.
    static let secondRoundFrameTemperature: Float = 0.3
    /// With a history adapter: the person's own phrasing, preferred in the frame (`FrameSupport`).
    public var frameSupport: FrameSupport?
    /// Who signs the letters whose request names nobody (`foibandit config requester`); nil leaves the
    /// placeholder the model wrote.
    public var requester: Requester?
    /// What the product decodes: best of 8.
    public static let productCandidates = 8
    /// The best score below which no second round of candidates is drawn: a letter with two defects (46 to 51,
    /// a table of generic items with a keyword left out) is still worth eight more tries; a model that writes
    /// nothing close is not.
    static let secondRoundFrom = 40
    /// The third round draws this many times N.
    static let thirdRoundWidth = 4
    private lazy var tokenTable = TokenTable(tokenizer: tokenizer)
    /// Tokens that hold a full stop anywhere ("hotels." as well as "."), kept out of the items the base writes in a
    /// person's frame when the person ends only a list's last item with one: with only those that begin with one
    /// kept out, the base still ended an item "…asylum hotels." and the adapter closed the list after it (26 of 70
    /// letters with one item, session 14).
    private lazy var fullStops: [Int] = (0..<tokenizer.vocabSize).filter { tokenTable.bytes($0).contains(UInt8(ascii: ".")) }
    /// Tokens that hold a semicolon, kept out of the items instead when the person ends every item with a full stop:
    /// a list of items ending ";" was one the adapter had never seen end, and it wrote ten items and began again at
    /// 5 (a second, formal history, session 15).
    private lazy var semicolons: [Int] = (0..<tokenizer.vocabSize).filter { tokenTable.bytes($0).contains(UInt8(ascii: ";")) }
    /// Tokens that do not begin a new line, kept out once such an item has ended (`ItemSpan.itemEnded`).
    private lazy var midLine: [Int] = (0..<tokenizer.vocabSize).filter { tokenTable.bytes($0).first != UInt8(ascii: "\n") }
    /// Tokens that open a quotation, kept from the start of an item the base writes (`ItemSpan.atStart`).
    private lazy var quoteStarts: [Int] = (0..<tokenizer.vocabSize).filter { id in
        let b = tokenTable.bytes(id).drop { $0 == UInt8(ascii: " ") }
        return b.first == UInt8(ascii: "\"") || b.starts(with: [0xE2, 0x80, 0x9C])
    }
    /// The words a letter may use, for the word guard (built on first use: sorting the list takes a moment).
    private lazy var guardWords = WordGuard.Words(names: judge.nameWords)
    private let lock = NSLock()

    public init(modelDirectory: URL, judge: Judge) throws {
        model = try Model.load(directory: modelDirectory)
        tokenizer = try BPETokenizer(directory: modelDirectory)
        self.judge = judge
        modelId = modelDirectory.standardizedFileURL.lastPathComponent
        nameSlots = NameSlots.used(by: modelDirectory)
        lawSlots = NameSlots.lawUsed(by: modelDirectory)
        // The copy guard's slots spell the authority out after "Dear"; a slots model writes "{authority}" there.
        if nameSlots { holdsSlots = false }
        guard tokenizer.vocabSize == model.config.vocabSize else {
            throw CheckpointError.badConfig("\(modelDirectory.path): tokenizer has \(tokenizer.vocabSize) ids, model \(model.config.vocabSize)")
        }
    }

    /// No 8 drawn tokens twice: the judge fails a letter that repeats an 8-word phrase, and a small model
    /// loops on items. Measured on the 200 unseen-authority eval prompts (with the copy guard): repetition
    /// failures 46 → 2, validity 89 → 95.5%; 6 cut more letters short of their close, 10 and 12 left loops.
    public static let noRepeatNGram = 8

    public func options(for r: LetterRequest) -> SamplingOptions {
        let room = model.config.maxSeqLen - tokenizer.encode(r.prompt.text).count
        return SamplingOptions(temperature: r.temperature, topK: 40, topP: 0.95, repetitionPenalty: 1.0,
                               noRepeatNGram: Self.noRepeatNGram,
                               maxNewTokens: max(1, min(r.maxTokens, room)), seed: r.seed,
                               stopTokenIds: [tokenizer.endOfTextId])
    }

    /// Writes every request in one batched decode. `onText(i, chunk)` receives request i's text as it
    /// is produced (complete UTF-8 only); returning false stops that letter. Each letter depends only
    /// on its own request and seed, not on the rest of the batch.
    ///
    /// `onDraft(i, chunk)` is for a screen that shows writing as it happens (the slot machine): with best-of-n
    /// it receives request i's first candidate live, token by token, and the caller then shows the chosen letter
    /// that `write` returns in its place. Without it, best-of-n prints nothing until all n are judged.
    public func write(_ requests: [LetterRequest], onText: ((Int, String) -> Bool)? = nil,
                      onDraft: ((Int, String) -> Bool)? = nil) -> [WrittenLetter] {
        guard !requests.isEmpty else { return [] }
        if candidates > 1 { return best(of: candidates, requests, onText: onText, onDraft: onDraft) }
        return sample(requests, onText: onText ?? onDraft)
    }

    /// Best-of-n: every request's candidates in one batched decode, each judged, the best kept; where none is
    /// valid, n more for that request. The chosen
    /// letter is then handed to `onText` in word-sized pieces, so a caller that streams still streams.
    func best(of n: Int, _ requests: [LetterRequest], onText: ((Int, String) -> Bool)?,
              onDraft: ((Int, String) -> Bool)? = nil) -> [WrittenLetter] {
        // Candidate 0 of each request (rows 0, n, 2n, ...) streamed as the draft; the other rows silently.
        let draftRows = onDraft.map { draft in { (row: Int, chunk: String) -> Bool in row % n == 0 ? draft(row / n, chunk) : true } }
        // Round r draws `size` candidates a request, numbered on from the rounds before (round 0 from 0, 1 from n, 2
        // from 2n), so no two candidates of a request share a seed.
        func candidates(_ rs: [LetterRequest], round: Int, size: Int) -> [WrittenLetter] {
            var expanded: [LetterRequest] = []
            for r in rs {
                for c in 0..<size {
                    var x = r
                    // Candidate 0 of round 0 keeps the request's seed, so best-of-1 is plain sampling.
                    let k = round * n + c
                    if k > 0 { x.seed = StableHash.fnv1a([String(r.seed), "candidate", String(k)]) }
                    expanded.append(x)
                }
            }
            let all = sample(expanded, onText: round == 0 ? draftRows : nil,
                             frameTemperature: round == 0 ? Self.frameTemperature : Self.secondRoundFrameTemperature)
            return rs.indices.map { i in
                let group = all[(i * size)..<((i + 1) * size)]
                var chosen = group.first!
                for l in group.dropFirst() where l.isBetter(than: chosen, grounding: groundsItems) { chosen = l }
                return chosen
            }
        }
        var chosenLetters = candidates(requests, round: 0, size: n)
        // A second round only for the requests whose best was still invalid: a few more letters' time for those,
        // none for the rest.
        // Near misses only: a model that writes nothing close would spend the time for nothing.
        // And valid letters with an item from no bank (`ItemGrounding`): reading them, those items were the
        // nonsense in letters the judge passed. And valid letters not in the style asked for (a list for a table).
        // And, with a history adapter, valid letters whose frame has a trigram nobody wrote (`FrameSupport`): the
        // Scottish Government's letters had word salad in most candidates ("within one charity bands", session 14).
        let again = requests.indices.filter {
            let l = chosenLetters[$0]
            return l.judge.valid ? groundsItems && !(l.ungrounded ?? []).isEmpty || (l.unseen ?? 0) > 0 || !l.followsStyle
                : l.judge.score >= Self.secondRoundFrom
        }
        if n > 1 && !again.isEmpty {
            let second = candidates(again.map { requests[$0] }, round: 1, size: n)
            for (k, i) in again.enumerated() where second[k].isBetter(than: chosenLetters[i], grounding: groundsItems) { chosenLetters[i] = second[k] }
        }
        // A third, wider round only for those still invalid after sixteen (7 of sft14's 600 eval prompts, session 22):
        // their letter then takes longer rather than being one a person would not send. Eight more made none of the
        // seven valid; 32 a round made four.
        // And those valid with an item from no bank that `UngroundedItems` cannot drop (the item alone names a keyword):
        // 43 of the 57 left in sft33's 600 product letters were tables, their items nonsense ("the total fees paid to
        // youth services, split between permanent placements and temporary staff"), session 26.
        let still = again.filter {
            let l = chosenLetters[$0]
            return l.judge.valid ? groundsItems && !(withoutUngroundedItems(l, requests[$0]).ungrounded ?? []).isEmpty
                : l.judge.score >= Self.secondRoundFrom
        }
        if n > 1 && !still.isEmpty {
            let third = candidates(still.map { requests[$0] }, round: 2, size: n * Self.thirdRoundWidth)
            for (k, i) in still.enumerated() where third[k].isBetter(than: chosenLetters[i], grounding: groundsItems) { chosenLetters[i] = third[k] }
        }
        return requests.indices.map { i in
            var chosen = withoutUngroundedItems(chosenLetters[i], requests[i])
            chosen.seed = requests[i].seed
            if let onText {
                var piece = ""
                for ch in chosen.letter {
                    piece.append(ch)
                    if ch == " " || ch == "\n" { if !onText(i, piece) { break }; piece = "" }
                }
                if !piece.isEmpty { _ = onText(i, piece) }
            }
            return chosen
        }
    }

    private func grounding(_ key: String, _ r: LetterRequest, _ cache: inout [String: ItemGrounding]) -> ItemGrounding {
        if let g = cache[key] { return g }
        let g = ItemGrounding(authority: r.authority, keywords: r.keywords)
        cache[key] = g
        return g
    }

    /// Samples one letter for each request, exactly as the model writes it (with the copy guard if on).
    func sample(_ requests: [LetterRequest], onText: ((Int, String) -> Bool)?,
                frameTemperature: Float = LetterWriter.frameTemperature) -> [WrittenLetter] {
        // One decode at a time: the model's activation buffers are shared.
        lock.lock(); defer { lock.unlock() }
        let prompts = requests.map { tokenizer.encode($0.prompt.text) }
        var streams = requests.map { _ in StreamingDecoder(tokenizer: tokenizer, skipSpecialTokens: true) }
        let slots = requests.map(self.slots(for:))
        var fillers = slots.map { NameSlots.Filler($0) }
        let filling = nameSlots
        let table = tokenTable, V = model.config.vocabSize
        var guards = requests.map { guardsNames ? CopyGuard(request: $0, vocabulary: table, slots: holdsSlots) : nil }
        // The word guard with the slots it holds: for slots models (the shipped one). Older models decode as they
        // did, and a test's tiny random model is not slowed by a guard that fails at every step.
        let wordsForGuard = guardsNames && filling && Lexicon.available ? guardWords : nil
        var wordGuards = requests.map { r in
            wordsForGuard.map { WordGuard(words: $0, names: [r.authority.name] + r.keywords.map(\.text), vocabulary: table,
                                          slots: filling ? self.slots(for: r) : nil) }
        }
        // Frames that do not suit a keyword, held at its slot: for slots models, as the word guard.
        var frameGuards = requests.map { r in
            guardsNames && filling ? FrameGuard(keywords: r.keywords, vocabulary: table) : nil
        }
        // Requests differ in temperature and length: group those that share options.
        var spans = requests.map { _ in ItemSpan() }
        let guarding = guardsNames, quotes = itemModel == nil ? [] : quoteStarts, stopAll = frameSupport?.itemsEndWithFullStop == true
        let stops = itemModel == nil ? [] : stopAll ? semicolons : fullStops, ended = itemModel == nil || !stopAll ? [] : midLine
        var outputs = [[Int]](repeating: [], count: requests.count)
        let groups = Dictionary(grouping: requests.indices) { i in
            "\(requests[i].temperature)|\(requests[i].maxTokens)"
        }
        for key in groups.keys.sorted() {
            let idx = groups[key]!
            let opts = options(for: requests[idx[0]])
            let sharpen = itemModel == nil || opts.temperature <= 0 ? 1 : opts.temperature / min(opts.temperature, frameTemperature)
            let out = Generator(model: model).generate(
                prompts: idx.map { prompts[$0] }, options: opts, seeds: idx.map { requests[$0].seed },
                guide: itemModel.map { m in Guide(model: m) { row in spans[idx[row]].inItem } },
                onToken: { row, token in
                    let i = idx[row]
                    guards[i]?.observe(token)
                    wordGuards[i]?.observe(token)
                    frameGuards[i]?.observe(table.bytes(token))
                    var text = streams[i].push(token)
                    spans[i].push(text)
                    if filling { text = fillers[i].push(text) }
                    if let onText, !text.isEmpty { return onText(i, text) }
                    return true
                },
                constrain: guarding || !quotes.isEmpty ? { row, logits in
                    if !quotes.isEmpty {
                        if spans[idx[row]].atStart { for t in quotes { logits[t] = -.infinity } }
                        // No full stop inside an item where the person ends only the last with one: the base ends its
                        // last item with one, and the adapter, reading it, closed the person's list after one item (1.7
                        // items a letter against the person's 3.1). Where every item ends with one, no semicolon.
                        else if spans[idx[row]].itemEnded { for t in ended { logits[t] = -.infinity } }
                        else if spans[idx[row]].inItem { for t in stops { logits[t] = -.infinity } }
                        // The frame at the frame's temperature: logits scaled by t / t_frame, as the sampler divides by t.
                        if !spans[idx[row]].inItem && sharpen > 1 { for j in 0..<V { logits[j] *= sharpen } }
                    }
                    guard guarding else { return }
                    guards[idx[row]]?.constrain(logits, V: V)
                    wordGuards[idx[row]]?.constrain(logits, V: V)
                    frameGuards[idx[row]]?.constrain(logits, V: V)
                } : nil)
            for (row, i) in idx.enumerated() { outputs[i] = out[row] }
        }
        // One set of questions for each prompt: a request's candidates share it.
        var groundings: [String: ItemGrounding] = [:]
        return requests.indices.map { i in
            var tail = streams[i].finish()
            if filling { tail = fillers[i].push(tail) + fillers[i].finish() }
            if let onText, !tail.isEmpty { _ = onText(i, tail) }
            let text = tokenizer.decode(outputs[i], skipSpecialTokens: true).trimmingCharacters(in: .whitespacesAndNewlines)
            var letter = Signature.sign(filling ? slots[i].fill(text) : text, as: requests[i].requester ?? requester)
            if guardsNames { letter = ProductRepairs.wording(letter, for: requests[i]) }
            let r = requests[i]
            let g = grounding(r.prompt.text, r, &groundings)
            var verdict = judge.judge(letter: letter, authority: r.authority, keywords: r.keywords)
            if guardsNames { (letter, verdict) = ProductRepairs.coverage(letter, verdict, for: r, judge: judge) }
            // With a history adapter, product decoding drops frame sentences nobody wrote, where the letter stays valid.
            if guardsNames, let support = frameSupport, let cut = support.withoutUnseenSentences(letter, names: r.names) {
                let v = judge.judge(letter: cut, authority: r.authority, keywords: r.keywords)
                if v.valid || !verdict.valid { letter = cut; verdict = v }
            }
            let frame = frameSupport?.read(letter, names: r.names)
            return WrittenLetter(prompt: r.prompt.text, letter: letter,
                                 judge: verdict,
                                 modelId: modelId, seed: r.seed, tokens: outputs[i].count,
                                 raw: filling ? text : nil,
                                 ungrounded: g.ungrounded(in: letter), overlaps: g.overlaps(in: letter), ownQuestions: g.ownQuestions(in: letter),
                                 unseen: frame?.unseen.count, foreign: frame?.foreignPermille)
        }
    }
}

extension NameSlots {
    /// Whether a model folder's letters use slots: it holds `Checkpoint.nameSlotsFile`. Here, not in FOI,
    /// because the model folder's layout is the engine's.
    public static func used(by modelDirectory: URL) -> Bool {
        FileManager.default.fileExists(atPath: modelDirectory.appendingPathComponent(Checkpoint.nameSlotsFile).path)
    }

    /// Whether its slots include the law's figures: its marker names "{limit}".
    public static func lawUsed(by modelDirectory: URL) -> Bool {
        let marker = modelDirectory.appendingPathComponent(Checkpoint.nameSlotsFile)
        return (try? String(contentsOf: marker, encoding: .utf8))?.contains(costLimitSlot) ?? false
    }
}

extension LetterWriter {
    /// The slots this model writes for a request, filled as it writes.
    public func slots(for r: LetterRequest) -> NameSlots {
        lawSlots ? NameSlots(r.prompt, body: .of(r.authority)) : NameSlots(authority: r.authority.name, keywords: r.keywords.map(\.text))
    }
}
