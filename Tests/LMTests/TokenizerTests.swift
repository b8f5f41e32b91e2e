import Foundation
@testable import LM
@testable import LMDecode
@testable import LMFormats
import Testing
@testable import Tokenizer

/// Text for the small in-test tokenizers: FOI-flavoured prose with Welsh and Gaelic names.
private let sampleCorpus: [String] = {
    let lines = [
        "Dear Leeds City Council,\nUnder the Freedom of Information Act 2000, I request the following recorded information:\n",
        "1. The number of pothole repairs completed in each of the last three financial years.\n",
        "2. The total cost of compensation claims paid, broken down by ward.\r\n",
        "Please provide the information in CSV format. I'd like it by e-mail; it's fine if you've already published it.\n",
        "Cyngor Sir Ynys Môn, Rhondda Cynon Taf, Comhairle nan Eilean Siar, Bwrdeistref Sirol Caerffili.\n",
        "Yours faithfully,\n\tA. Person 🎰🎰 — 12,345.67 (£) ½ ² x=[1, 2, 3]; y = {'a': b}\n",
        "The Scottish Information Commissioner's decision 045/2023 says the authority didn't hold it.\n",
    ]
    var out: [String] = []
    for i in 0..<60 { out.append(lines.map { $0.replacingOccurrences(of: "three", with: "\(i % 7 + 2)") }.joined()) }
    return out
}()

private let trickyStrings: [String] = [
    "", " ", "  ", "\n", "\n\n\n", "\r\n", "\t\t", "a", "Hello world", " Hello  world ",
    "Ynys Môn", "Rhondda Cynon Taf", "Comhairle nan Eilean Siar", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
    "🎰🍒🍋🔔 7️⃣ 👩‍👩‍👧‍👦 🏴󠁧󠁢󠁷󠁬󠁳󠁿", "line one\r\nline two\r\n\r\n", "tab\tseparated\tvalues\n",
    "odd\u{00A0}space\u{2003}em\u{3000}ideographic\u{1680}ogham\u{85}nel\u{202F}narrow",
    "zero\u{200B}width\u{FEFF}bom", "it's they're we've I'm you'll he'd IT'S 's '' 'x",
    "e\u{0301}cole café naïve", "数字 １２３ ٣٤٥ Ⅻ ½", "    indented code():\n        return [x**2 for x in y]\n",
    "<|endoftext|>", "<|authority|>Leeds City Council<|jurisdiction|>FOIA 2000<|keywords|>potholes<|style|>default<|request|>\nDear",
    "<|endoftext<|endoftext|>|>", "<|notaspecial|>", String(repeating: "a", count: 5000),
    String(repeating: "ab", count: 3000) + " " + String(repeating: "x", count: 40),
    "trailing spaces   ", "   leading spaces", "mixed \t \n \r\n  end",
]

private func fixturesDir() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

private func smallTokenizer() -> BPETokenizer {
    BPETrainer(vocabSize: 600).train(texts: sampleCorpus)
}

@Suite struct TokenizerTests {
    @Test func byteTableIsGPT2() {
        #expect(ByteLevel.byteToScalar[0x20] == "Ġ")
        #expect(ByteLevel.byteToScalar[0x0A] == "Ċ")
        #expect(ByteLevel.byteToScalar[0x41] == "A")
        #expect(ByteLevel.byteToScalar[0] == "Ā")
        #expect(Set(ByteLevel.byteToScalar).count == 256)
        for b in 0..<256 { #expect(ByteLevel.scalarToByte[Int(ByteLevel.byteToScalar[b].value)] == Int16(b)) }
    }

    private func pieces(_ s: String) -> [String] {
        var s = s
        var out: [String] = []
        s.withUTF8 { p in
            PreTokenizer.split(p, 0, p.count) { a, b in
                out.append(String(decoding: UnsafeBufferPointer(rebasing: p[a..<b]), as: UTF8.self))
            }
        }
        return out
    }

    @Test func preTokenizerMatchesGPT2Pattern() {
        #expect(pieces("Hello world's end") == ["Hello", " world", "'s", " end"])
        #expect(pieces("a  b") == ["a", " ", " b"])
        #expect(pieces("a   \n\nb") == ["a", "   \n", "\n", "b"])
        #expect(pieces("x\ty") == ["x", "\t", "y"])
        #expect(pieces("x\t\ty") == ["x", "\t", "\t", "y"])
        #expect(pieces("end  ") == ["end", "  "])
        #expect(pieces("I'm he'll !'s 'x") == ["I", "'m", " he", "'ll", " !'", "s", " '", "x"])
        #expect(pieces("abc123 45.6") == ["abc", "123", " 45", ".", "6"])
        #expect(pieces("Ynys Môn") == ["Ynys", " Môn"])
        #expect(pieces(" 🎰🎰 x") == [" 🎰🎰", " x"])
        #expect(pieces("a\u{00A0}b") == ["a", "\u{00A0}", "b"])
    }

    @Test func specialsAreSingleIdsInOrder() {
        let tok = smallTokenizer()
        #expect(tok.id(forSpecial: BPETokenizer.endOfText) == 0)
        for (i, s) in BPETokenizer.defaultSpecials.enumerated() {
            #expect(tok.id(forSpecial: s) == i)
            #expect(tok.encode(s) == [i])
            #expect(tok.tokenString(i) == s)
            #expect(tok.isSpecial(i))
        }
        #expect(tok.encode(" ") == [BPETokenizer.defaultSpecials.count + 0x20])
        let prompt = "<|authority|>Leeds City Council<|request|>\nDear<|endoftext|>"
        let ids = tok.encode(prompt)
        #expect(ids.first == tok.id(forSpecial: BPETokenizer.authority))
        #expect(ids.last == 0)
        #expect(ids.contains(tok.id(forSpecial: BPETokenizer.request)!))
        #expect(tok.decode(ids) == prompt)
        #expect(tok.decode(ids, skipSpecialTokens: true) == "Leeds City Council\nDear")
        // not allowed: ordinary bytes, never a special id, same text back
        let plain = tok.encode(prompt, allowSpecial: false)
        #expect(plain.allSatisfy { !tok.isSpecial($0) })
        #expect(tok.decode(plain) == prompt)
        // ordinary text never yields specials
        for s in sampleCorpus.prefix(3) { #expect(tok.encode(s).allSatisfy { !tok.isSpecial($0) }) }
    }

    @Test func roundTripsAnyText() {
        let tok = smallTokenizer()
        for s in trickyStrings + sampleCorpus.prefix(2) {
            let ids = tok.encode(s)
            #expect(tok.decode(ids) == s, "round trip of \(s.debugDescription.prefix(60))")
            #expect(tok.decodeBytes(ids) == Array(s.utf8))
        }
        #expect(tok.encode("Dear Leeds City Council").count < "Dear Leeds City Council".utf8.count / 2)
    }

    @Test func roundTripsArbitraryBytes() {
        let tok = smallTokenizer()
        var rng = SplitMix(seed: 7)
        for n in [0, 1, 2, 3, 7, 100, 1000, 4096] {
            let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            #expect(tok.decodeBytes(tok.encodeBytes(bytes)) == bytes)
        }
        let broken: [UInt8] = [0x61, 0xE2, 0x82, 0x20, 0xFF, 0xC3, 0xA9, 0xF0, 0x9F, 0x8E]
        #expect(tok.decodeBytes(tok.encodeBytes(broken)) == broken)
        #expect(tok.decode(tok.encodeBytes(broken)) == "a\u{FFFD} \u{FFFD}é\u{FFFD}")
    }

    @Test func trainingIsDeterministic() {
        let a = BPETrainer(vocabSize: 500, threads: 2).train(texts: sampleCorpus)
        let b = BPETrainer(vocabSize: 500, threads: 1).train(texts: sampleCorpus.reversed())
        #expect(a.vocabSize == 500)
        #expect(a.tokenizerJSON() == b.tokenizerJSON())
    }

    /// The incremental trainer must pick exactly the merges of a trainer that recounts every
    /// pair from scratch before each merge.
    @Test func trainerEqualsNaiveRecountingTrainer() {
        let corpus = Array(sampleCorpus.prefix(5)) + ["aaaa aaaaa abab ababab xyxyxy"]
        let tok = BPETrainer(vocabSize: 420, minFrequency: 1).train(texts: corpus)
        var counts: [[UInt8]: Int] = [:]
        for var t in corpus {
            t.withUTF8 { p in
                PreTokenizer.split(p, 0, p.count) { a, b in counts[Array(UnsafeBufferPointer(rebasing: p[a..<b])), default: 0] += 1 }
            }
        }
        let nSpecial = BPETokenizer.defaultSpecials.count
        var words = counts.map { (k, c) in (k.map { Int32(nSpecial + Int($0)) }, c) }
        var bytesOf: [[UInt8]] = BPETokenizer.defaultSpecials.map { Array($0.utf8) } + (0..<256).map { [UInt8($0)] }
        var naive: [(Int32, Int32)] = []
        while bytesOf.count < 420 {
            var pc: [UInt64: Int] = [:]
            for (w, c) in words where w.count > 1 {
                for i in 0..<(w.count - 1) { pc[UInt64(UInt32(w[i])) << 32 | UInt64(UInt32(w[i + 1])), default: 0] += c }
            }
            guard let best = pc.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { break }
            let a = Int32(best.key >> 32), b = Int32(best.key & 0xFFFF_FFFF)
            let merged = bytesOf[Int(a)] + bytesOf[Int(b)]
            let x = Int32(bytesOf.firstIndex(of: merged) ?? bytesOf.count)
            if Int(x) == bytesOf.count { bytesOf.append(merged) }
            naive.append((a, b))
            for j in words.indices {
                var w = words[j].0, o: [Int32] = [], i = 0
                while i < w.count {
                    if i + 1 < w.count && w[i] == a && w[i + 1] == b { o.append(x); i += 2 } else { o.append(w[i]); i += 1 }
                }
                w = o
                words[j].0 = w
            }
        }
        #expect(tok.mergeList.count == naive.count)
        #expect(zip(tok.mergeList, naive).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
    }

    @Test func heapMergeEqualsNaiveBPE() {
        let tok = smallTokenizer()
        var rng = SplitMix(seed: 3)
        let alphabet = Array("aeioun tsrldhc'".utf8)
        for _ in 0..<300 {
            let n = Int(rng.next() % 40) + 2
            let word = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            #expect(tok.bpe(word) == naiveBPE(tok, word))
        }
        let long = Array(String(repeating: "the council ", count: 200).utf8)
        #expect(tok.bpe(long) == naiveBPE(tok, long))
    }

    @Test func concurrentEncodesAgree() {
        let tok = smallTokenizer()
        let texts = trickyStrings + sampleCorpus.prefix(8)
        let expected = texts.map { tok.encode($0) }
        final class Results: @unchecked Sendable { var ok = [Bool](repeating: false, count: 4) }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            var ok = true
            for round in 0..<5 {
                for (i, s) in texts.enumerated() where (i + round + t) % 2 == 0 { ok = ok && tok.encode(s) == expected[i] }
            }
            results.ok[t] = ok
        }
        #expect(results.ok.allSatisfy { $0 })
    }

    @Test func saveLoadRoundTrip() throws {
        let tok = smallTokenizer()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tok-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try tok.save(to: dir)
        let back = try BPETokenizer(directory: dir)
        #expect(back.vocabSize == tok.vocabSize)
        #expect(back.tokenizerJSON() == tok.tokenizerJSON())
        for s in trickyStrings { #expect(back.encode(s) == tok.encode(s)) }
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("tokenizer_config.json"))) as? [String: Any]
        #expect(config?["tokenizer_class"] as? String == "PreTrainedTokenizerFast")
        #expect(config?["eos_token"] as? String == BPETokenizer.endOfText)

        // older "a b" merges load the same
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("tokenizer.json"))) as! [String: Any]
        var model = json["model"] as! [String: Any]
        model["merges"] = (model["merges"] as! [[String]]).map { $0.joined(separator: " ") }
        json["model"] = model
        let old = try BPETokenizer(json: JSONSerialization.data(withJSONObject: json))
        for s in trickyStrings { #expect(old.encode(s) == tok.encode(s)) }
    }

    @Test func badFilesGiveClearErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tokbad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: TokenizerError.missingFile(dir.appendingPathComponent("tokenizer.json").path)) {
            try BPETokenizer(directory: dir)
        }
        let json = smallTokenizer().tokenizerJSON()
        let cases: [(String, String)] = [
            (String(json.prefix(json.count / 2)), "not valid JSON"),
            ("[1, 2]", "top level"),
            (json.replacingOccurrences(of: "\"type\": \"BPE\"", with: "\"type\": \"WordPiece\""), "WordPiece"),
            (json.replacingOccurrences(of: "\"normalizer\": null", with: "\"normalizer\": {\"type\": \"NFC\"}"), "normalizer"),
            (json.replacingOccurrences(of: "\"Ġ\": ", with: "\"Ġx\": "), "byte symbol"),
            (json.replacingOccurrences(of: "\"merges\": [", with: "\"merges\": [[\"zzz\", \"q\"], "), "not in vocab"),
            (json.replacingOccurrences(of: "\"merges\": [", with: "\"merges\": [7, "), "merges[0]"),
        ]
        for (text, needle) in cases {
            do {
                _ = try BPETokenizer(json: Data(text.utf8))
                Issue.record("expected an error mentioning \(needle)")
            } catch let e as TokenizerError {
                #expect(e.description.contains(needle), "\(e.description) should mention \(needle)")
            }
        }
    }

    @Test func streamingDecoderHoldsPartialCharacters() {
        let tok = smallTokenizer()
        let text = "Ynys Môn 🎰🍒 naïve — done<|endoftext|>"
        let ids = tok.encode(text)
        var d = StreamingDecoder(tokenizer: tok)
        var out = ""
        for id in ids {
            let piece = d.push(id)
            #expect(!piece.contains("\u{FFFD}"))
            out += piece
        }
        out += d.finish()
        #expect(out == text)
        // byte by byte through the byte tokens of an emoji
        var d2 = StreamingDecoder(tokenizer: tok)
        let emoji = Array("🎰".utf8).map { Int(tok.byteIds[Int($0)]) }
        #expect(d2.push(emoji[0]) == "" && d2.push(emoji[1]) == "" && d2.push(emoji[2]) == "")
        #expect(d2.pendingByteCount == 3)
        #expect(d2.push(emoji[3]) == "🎰")
        #expect(d2.push(emoji[0]) == "")
        #expect(d2.finish() == "\u{FFFD}")
    }

    /// Ids from Hugging Face `tokenizers` for the committed small tokenizer
    /// (scripts/interop/tokenizer_fixture.py writes the golden file).
    @Test func matchesTokenizersLibraryGolden() throws {
        let dir = fixturesDir()
        let tok = try BPETokenizer(directory: dir.appendingPathComponent("tokenizer_small"))
        let golden = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("tokenizer_golden.json"))) as! [String: Any]
        let cases = golden["cases"] as! [[String: Any]]
        #expect(cases.count > 20)
        for c in cases {
            let text = c["text"] as! String
            let ids = (c["ids"] as! [NSNumber]).map(\.intValue)
            #expect(tok.encode(text) == ids, "ids of \(text.debugDescription.prefix(80))")
            #expect(tok.decode(ids) == c["decoded"] as! String)
        }
    }

    /// Run by scripts/interop/tokenizer_check.sh: trains an 8k tokenizer on the files in
    /// FOIBANDIT_TOKENIZER_TRAIN (colon-separated), saves it to FOIBANDIT_TOKENIZER_CHECK_DIR,
    /// and writes our ids for FOIBANDIT_TOKENIZER_CHECK_TEXT as ids.json there.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FOIBANDIT_TOKENIZER_CHECK_DIR"] != nil))
    func interopCheckTrainAndEncode() throws {
        let env = ProcessInfo.processInfo.environment
        let out = URL(fileURLWithPath: env["FOIBANDIT_TOKENIZER_CHECK_DIR"]!)
        let files = (env["FOIBANDIT_TOKENIZER_TRAIN"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        let vocab = Int(env["FOIBANDIT_TOKENIZER_VOCAB"] ?? "") ?? 8192
        let trainBytes = try files.reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int ?? 0) }
        var t0 = Date()
        let tok = try BPETrainer(vocabSize: vocab).train(files: files) { p in
            if p.phase == .merging && p.done % 2048 == 0 { print("merging \(p.done)/\(p.total) at \(Date().timeIntervalSince(t0))s") }
        }
        let trainSeconds = Date().timeIntervalSince(t0)
        try tok.save(to: out)
        var stats: [String: Any] = ["train_bytes": trainBytes, "train_seconds": trainSeconds, "vocab_size": tok.vocabSize]
        if let textPath = env["FOIBANDIT_TOKENIZER_CHECK_TEXT"] {
            let text = try String(contentsOfFile: textPath, encoding: .utf8)
            let cold = try BPETokenizer(directory: out)
            t0 = Date()
            let ids = cold.encode(text)
            let encodeSeconds = Date().timeIntervalSince(t0)
            t0 = Date()
            _ = cold.encode(text)
            let warmSeconds = Date().timeIntervalSince(t0)
            #expect(cold.decode(ids) == text)
            stats["text_bytes"] = text.utf8.count
            stats["tokens"] = ids.count
            stats["encode_seconds_cold"] = encodeSeconds
            stats["encode_seconds_warm"] = warmSeconds
            try JSONSerialization.data(withJSONObject: ids).write(to: out.appendingPathComponent("ids.json"))
        }
        try JSONSerialization.data(withJSONObject: stats, options: [.prettyPrinted, .sortedKeys]).write(to: out.appendingPathComponent("stats.json"))
        print("tokenizer check stats: \(stats)")
    }

    /// Regenerates Tests/LMTests/Fixtures/tokenizer_small (vocab 1000) from the files in
    /// FOIBANDIT_TOKENIZER_FIXTURE_TRAIN; then run scripts/interop/tokenizer_fixture.py.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FOIBANDIT_TOKENIZER_FIXTURE_TRAIN"] != nil))
    func writeSmallFixture() throws {
        let files = ProcessInfo.processInfo.environment["FOIBANDIT_TOKENIZER_FIXTURE_TRAIN"]!
            .split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        let tok = try BPETrainer(vocabSize: 1000).train(files: files)
        try tok.save(to: fixturesDir().appendingPathComponent("tokenizer_small"))
    }
}

/// Reference BPE: merge the lowest-rank pair (leftmost) until none applies.
private func naiveBPE(_ tok: BPETokenizer, _ bytes: [UInt8]) -> [Int32] {
    var ids = bytes.map { tok.byteIds[Int($0)] }
    while ids.count > 1 {
        var best: (rank: UInt64, pos: Int, id: Int32)? = nil
        for i in 0..<(ids.count - 1) {
            if let m = tok.mergeTable[UInt64(UInt32(ids[i])) << 32 | UInt64(UInt32(ids[i + 1]))] {
                if best == nil || m >> 32 < best!.rank { best = (m >> 32, i, Int32(truncatingIfNeeded: m & 0xFFFF_FFFF)) }
            }
        }
        guard let b = best else { break }
        ids[b.pos] = b.id
        ids.remove(at: b.pos + 1)
    }
    return ids
}

private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
