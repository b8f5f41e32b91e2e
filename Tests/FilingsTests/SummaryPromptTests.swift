@testable import Filings
@testable import FilingsRead
import Foundation
import LM
import Testing

@Suite struct SummaryPromptTests {
    /// The field block is what the summary model copies from, so it must state only the filing's
    /// numbers, and everything the reference summary states (numbers, issuer) must be in it in the
    /// form the summary writes it: then copying tokens is enough.
    @Test func fieldBlockHoldsWhatTheSummarySaysAndNothingElse() {
        for d in FilingsComposer().corpus(count: 84, heldOut: true, seed: 17) {
            let text = FilingText.of(d)
            let fields = FieldExtractor.extract(d.type, text: text)
            let block = SummaryPrompt.fieldBlock(type: d.type, fields: fields)
            #expect(block.hasPrefix("type: \(d.type.title)\n") || fields.isEmpty, "\(block)")
            #expect(NumberCheck.unsupported(summary: block, allowed: NumberCheck.allowed(fields: fields, document: text)).isEmpty, "\(block)")
            let inBlock = Set(NumberCheck.values(block))
            let missing = NumberCheck.values(d.summary).filter { !inBlock.contains($0) }
            #expect(missing.isEmpty, "\(d.type): \(missing) of “\(d.summary)” not in\n\(block)")
            #expect(block.contains(d.company), "\(block)")
        }
    }

    @Test func valuesAreWrittenAsTheSummaryWritesThem() {
        let block = SummaryPrompt.fieldBlock(type: .ownShares, fields: [
            "issuer": "Harrow Vale plc", "date": "2026-03-04", "shares_bought": "150000",
            "highest_price": "123.5 GBX", "lowest_price": "1.20 GBP", "vwap": "121.75 GBX", "treasury_or_cancel": "cancel"])
        #expect(block == """
            type: Transaction in Own Shares
            issuer: Harrow Vale plc
            date: 4 March 2026
            shares_bought: 150,000
            highest_price: 123.5p
            lowest_price: £1.20
            vwap: 121.75p
            treasury_or_cancel: cancel
            """)
    }

    @Test func promptsStayWithinBudgetAndKeepTheBlock() {
        let (_, tok) = tinyModel()
        let d = FilingsComposer().compose(.holdings, seed: 3)
        let text = FilingText.of(d), fields = FieldExtractor.extract(.holdings, text: text)
        let block = tok.encode(SummaryPrompt.fieldBlock(type: .holdings, fields: fields), allowSpecial: false)
        // room for the block and some of the document (the tiny test tokenizer spends several tokens a word,
        // and a TR-1's block has a dozen fields)
        let budget = block.count + 80
        for style in SummaryPromptStyle.allCases {
            let p = SummaryPrompt.tokens(style: style, type: .holdings, fields: fields, text: text, tokenizer: tok, budget: budget)
            #expect(p.count <= budget, "\(style)")
            let start = p.first == block.first ? 0 : 1   // after <|filing|> when the tokenizer has it
            if style != .document { #expect(p.count >= start + block.count && Array(p[start..<start + block.count]) == block, "\(style)") }
        }
        let doc = SummaryPrompt.tokens(style: .document, type: .holdings, fields: fields, text: text, tokenizer: tok, budget: budget)
        #expect(doc == SummaryWriter.prompt(text, tokenizer: tok, budget: budget))
    }

    @Test func styleTravelsWithTheModelFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filings-style-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(SummaryPromptStyle.load(from: dir) == .document)   // models saved before the file existed
        try SummaryPromptStyle.fieldsDocument.save(in: dir)
        #expect(SummaryPromptStyle.load(from: dir) == .fieldsDocument)
    }

    /// SFT on field-block prompts runs on rows as long as the longest example and lowers the loss.
    @Test func fieldPromptSFTLowersLoss() throws {
        let (m, tok) = tinyModel()
        var losses: [Float] = [], rows = 0
        // short blocks and summaries (the tiny test tokenizer spends many tokens on each word)
        let docs = FilingsComposer().corpus(count: 84, heldOut: false, seed: 8).filter { [.agmResult, .meetingNotice, .annualReport].contains($0.type) }
        try FilingsEval.trainSummaries(model: m, tokenizer: tok, docs: docs,
                                       steps: 30, batchSize: 4, lr: 3e-3, style: .fields) { line in
            if let r = line.range(of: "rows of ") { rows = Int(line[r.upperBound...].prefix { $0.isNumber }) ?? 0 }
            if let r = line.range(of: "loss ") { losses.append(Float(line[r.upperBound...].prefix(6)) ?? .nan) }
        }
        #expect(rows > 0 && rows < 256, "\(rows)")
        #expect(losses.count == 3 && losses.last! < losses.first!, "\(losses)")
    }
}
