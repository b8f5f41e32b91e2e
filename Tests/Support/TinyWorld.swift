import FOI
import FOICorpus
import Foundation
import LM
import LMFormats
import Store
import Tokenizer
import Writer

/// Shared by the test targets that need a real store and a real (tiny, random) model.
/// A small seed tree, a seeded database and a tiny random model (gibberish letters, but every code
/// path — batching, seeds, judging, errors — is the real one). Built once per test process.
public struct TinyWorld: Sendable {
    public let root: URL
    public let modelDir: URL
    public let dbPath: String
    public let store: FOIStore

    public static let shared: TinyWorld = try! TinyWorld()

    private init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("foibandit-tiny-\(UUID().uuidString)")
        try writeSmallSeed(into: root)
        dbPath = root.appendingPathComponent("test.sqlite").path
        store = try FOIStore(path: dbPath)
        _ = try store.importSeed(root: root)

        // Tokenizer and model: small enough to train and run in well under a second.
        let authorities = try store.allAuthorities(), keywords = try store.allKeywords()
        var texts: [String] = []
        let composer = Composer()
        for (i, a) in authorities.enumerated() {
            for style in LetterStyle.allCases {
                let ks = [keywords[i % keywords.count], keywords[(i + 1) % keywords.count]]
                texts.append(composer.compose(authority: a, keywords: ks, style: style, seed: UInt64(i)).document)
            }
        }
        let tok = BPETrainer(vocabSize: 300).train(texts: texts)
        let config = ModelConfig(vocabSize: tok.vocabSize, dim: 32, layers: 1, heads: 2, hiddenDim: 64, maxSeqLen: 160,
                                 bosTokenId: tok.endOfTextId, eosTokenId: tok.endOfTextId)
        let model = Model(config: config, seed: 11, initStd: 0.2)
        modelDir = root.appendingPathComponent("models/tiny-test")
        try model.save(to: modelDir, extraFiles: { try tok.save(to: $0) })
    }

    public var judge: Judge { Judge(knownAuthorities: (try? store.allAuthorities()) ?? [], knownKeywords: (try? store.allKeywords()) ?? []) }

    public func writer() throws -> LetterWriter { try LetterWriter(modelDirectory: modelDir, judge: judge) }

    public func tempFile(_ name: String) -> URL {
        // Under the world's own folder, so a test run leaves one folder behind rather than one per file.
        let d = root.appendingPathComponent("files-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d.appendingPathComponent(name)
    }
}

/// Writes a small seed tree (categories, authorities, keywords) into `dir`.
public func writeSmallSeed(into dir: URL, authorities: String? = nil, keywords: String? = nil) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("authorities"), withIntermediateDirectories: true)
    try fm.createDirectory(at: dir.appendingPathComponent("keywords"), withIntermediateDirectories: true)
    try """
    group,category
    Local and regional,District councils
    Local and regional,Unitary authorities
    Emergency services,Police forces
    """.write(to: dir.appendingPathComponent("authorities/categories.csv"), atomically: true, encoding: .utf8)
    try (authorities ?? """
    name,short_name,group,category,nation,regime,website
    Leeds City Council,Leeds,Local and regional,Unitary authorities,England,FOIA 2000,https://www.leeds.gov.uk
    Cyngor Gwynedd,Gwynedd,Local and regional,Unitary authorities,Wales,FOIA 2000,
    "Comhairle nan Eilean Siar",Western Isles,Local and regional,Unitary authorities,Scotland,FOISA 2002,
    Harrogate District Council,Harrogate,Local and regional,District councils,England,FOIA 2000,
    West Yorkshire Police,WYP,Emergency services,Police forces,England,FOIA 2000,
    """).write(to: dir.appendingPathComponent("authorities/authorities.csv"), atomically: true, encoding: .utf8)
    try (keywords ?? """
    keyword,theme,categories,environmental
    pothole repairs,highways,Unitary authorities,false
    compensation claims,highways,Local and regional,false
    air quality monitoring,environment,Local and regional,true
    stop and search,policing,Police forces,false
    body-worn cameras,policing,Police forces,false
    agency staff spending,staffing,Local and regional; Emergency services,false
    """).write(to: dir.appendingPathComponent("keywords/keywords.csv"), atomically: true, encoding: .utf8)
}
