import Foundation

/// The English words the judge accepts: a packaged word list (Debian's `wbritish-large`, which `make`
/// installs), the words of FOI practice it lacks, and the names in the store (the judge adds those).
/// One non-word makes a letter invalid, so the list is large: it must pass every word a person writes.
public enum Lexicon {
    /// Where the word list is looked for, first found wins. `FOIBANDIT_WORDLIST` overrides.
    static let paths = ["/usr/share/dict/british-english-large", "/usr/share/dict/british-english",
                        "/usr/share/dict/words"]

    /// The loaded list's path, or nil when none is installed.
    public static let source: String? = {
        if let p = ProcessInfo.processInfo.environment["FOIBANDIT_WORDLIST"], !p.isEmpty { return p }
        return paths.first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// WordNet's lemma indexes (Debian's `wordnet-base`, which `make` installs too): the specialist words a
    /// researcher writes that the general list lacks ("isoflurane", "injectable", "electroconvulsive").
    static let wordNetIndexes = ["noun", "adj", "verb", "adv"].map { "/usr/share/wordnet/index.\($0)" }

    /// Lower-cased words of the list plus `practice`, the words of our own question banks (a specialist's
    /// "norovirus" is a word because we asked about it) and WordNet's, loaded once.
    public static let words: Set<String> = {
        var out = Set<String>(practice).union(bankWords)
        guard let path = source, let data = FileManager.default.contents(atPath: path) else { return out }
        out.reserveCapacity(260_000)
        // Read as bytes: every process that judges loads these lists, and String's Unicode-aware lower-casing
        // and searching took a second of each start. ASCII lines (nearly all) are lower-cased byte by byte.
        forEachLine(of: data) { line in
            if line.allSatisfy({ $0 < 0x80 }) {
                var w = line.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                if w.count >= 2, w[w.count - 2] == UInt8(ascii: "'"), w[w.count - 1] == UInt8(ascii: "s") { w.removeLast(2) }
                out.insert(String(decoding: w, as: UTF8.self))
            } else {
                var w = String(decoding: line, as: UTF8.self).lowercased()
                if w.hasSuffix("'s") { w.removeLast(2) }
                out.insert(w.replacingOccurrences(of: "’", with: "'"))
            }
        }
        for index in wordNetIndexes {
            guard let data = FileManager.default.contents(atPath: index) else { continue }
            forEachLine(of: data) { line in
                // A lemma's words ("electroconvulsive_therapy"), letters only and six or more of them: WordNet's
                // short entries (abbreviations, symbols) are what a garbled sample looks like.
                guard line.first != UInt8(ascii: " ") else { return }
                let lemma = line.prefix { $0 != UInt8(ascii: " ") }
                for w in lemma.split(separator: UInt8(ascii: "_")) where w.count >= 6
                    && w.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) {
                    out.insert(String(decoding: w, as: UTF8.self))
                }
            }
        }
        return out
    }()

    /// Calls `body` with each line of `data` (without its newline), over the bytes in place.
    private static func forEachLine(of data: Data, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
                if i > start { body(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
            }
        }
    }

    /// Whether `w` (lower-cased) is a listed word with an inflection or a common affix the lists leave out:
    /// "readmissions" (re- and a plural), "tranquillisation". No "un-": the model's "unpension" is not a word, and
    /// nobody writes un- before a noun.
    public static func derives(_ w: String) -> Bool {
        func known(_ s: Substring) -> Bool { s.count >= 3 && words.contains(String(s)) }
        func inflected(_ s: Substring) -> Bool {
            if known(s) { return true }
            if s.hasSuffix("ies"), known(s.dropLast(3) + "y") { return true }
            if s.hasSuffix("es"), known(s.dropLast(2)) { return true }
            if s.hasSuffix("s"), !s.hasSuffix("ss"), known(s.dropLast()) { return true }
            // A verb's stem of five letters or more, itself no inflection: the model's "fundinging", "giftsed", "proced".
            func verb(_ stem: Substring) -> Bool {
                stem.count >= 5 && !["s", "ed", "ing"].contains(where: stem.hasSuffix) && known(stem)
            }
            if s.hasSuffix("ed"), verb(s.dropLast(2)) || verb(s.dropLast()) { return true }
            if s.hasSuffix("ing"), verb(s.dropLast(3)) || verb(s.dropLast(3) + "e") { return true }
            return false
        }
        // No "-al" or "-able" on any stem: the model's "contractal" would pass.
        func derived(_ s: Substring) -> Bool {
            if inflected(s) { return true }
            for (suffix, stems) in [("isation", ["ise"]), ("ization", ["ize"])] where s.hasSuffix(suffix) && s.count - suffix.count >= 4 {
                let stem = s.dropLast(suffix.count)
                if stems.contains(where: { inflected(stem + $0) }) { return true }
            }
            return false
        }
        let s = Substring(w)
        if derived(s) { return true }
        for prefix in ["re", "non", "pre", "sub", "co", "multi", "inter", "cross"] where s.hasPrefix(prefix) && s.count - prefix.count >= 5 {
            if derived(s.dropFirst(prefix.count)) { return true }
        }
        return false
    }

    static var bankWords: Set<String> {
        var out = Set<String>()
        for t in QuestionBanks.themes.values {
            for q in t.general + t.keywords.values.joined() { out.formUnion(TextTools.words(q.text)) }
        }
        for q in QuestionBanks.generic { out.formUnion(TextTools.words(q.text)) }
        return out.filter { !$0.contains("{") && !$0.contains("}") && $0 != "k" && $0 != "t" && $0 != "org" }
    }

    /// Whether a word list is installed (without one the words check cannot run and says so).
    public static var available: Bool { source != nil }

    /// Words of FOI letters that general word lists lack: the statutes' abbreviations, file formats,
    /// public-sector acronyms and a few modern compounds.
    package static let practice: [String] = [
        "foi", "fois", "foia", "foisa", "foi(s)a", "eir", "eirs", "eisr", "ico", "sic", "csv", "xlsx", "xls", "ods",
        "pdf", "pdfs", "docx", "json", "url", "urls", "fte", "ftes", "nhs", "icb", "icbs", "ijb", "ijbs", "gp", "gps",
        "a&e", "sen", "send", "senco", "ehcp", "ehcps", "cctv", "anpr", "bwv", "pcn", "pcns", "cil", "s106", "hmo",
        "hmos", "dbs", "nox", "no2", "pm2", "pm10", "dols", "lps", "rtt", "cqc", "dwp", "hmrc", "mod", "moj", "tfl",
        "hmpps", "hmcts", "dvla", "dvsa", "ofsted", "ofgem", "ofwat", "ofcom", "ofqual", "estyn", "pcc", "pccs",
        "pcso", "pcsos", "iopc", "cps", "ulez", "lez", "caz", "ltn", "ltns", "ev", "evs", "hgv", "hgvs", "pip",
        "esa", "uc", "lha", "dhp", "dhps", "ctr", "ctrs", "nndr", "ks1", "ks2", "ks3", "ks4", "gcse", "gcses",
        "cyber", "timeframe", "timeframes", "timescale", "timescales", "dataset", "datasets", "online", "offline",
        "email", "emailed", "emails", "e-mail", "spreadsheet", "spreadsheets", "hyperlink", "weblink", "signpost",
        "subcontractor", "subcontractors", "subcontracted", "outsourced", "insourced", "insourcing", "reoffending",
        "safeguarding", "wellbeing", "onboarding", "webcasts", "livestreamed", "covid", "covid-19", "lgbt",
        "lgbtq", "bame", "neet", "neets", "cwmni", "cyngor", "sir", "bwrdd", "iechyd", "prifysgol", "coleg",
        "heddlu", "dyfed", "gwent", "gwynedd", "cymru", "wrexham", "ceredigion", "sandbag", "sandbags", "e-bikes",
        "e-scooters", "e-scooter", "e-books", "e-book", "pothole", "potholes", "flytipping", "fly-tipping",
        "rewilding", "geolocation", "cybersecurity", "ransomware", "chatbot", "chatbots", "homeworking",
        "hybrid", "checklist", "checklists", "workstream", "workstreams", "placemaking", "decarbonisation",
        "retrofitting", "retrofit", "microsoft", "google", "amazon", "oracle", "tiktok", "facebook", "instagram",
        "whatsapp", "linkedin", "youtube", "twitter", "zoom", "teams", "sharepoint", "vapes", "vaping", "vape",
        "cllr", "cllrs", "ref", "refs", "etc", "eg", "ie", "vs", "no", "nos", "approx", "inc", "incl", "q1", "q2",
        "q3", "q4", "h1", "h2", "fy", "mp", "mps", "msp", "msps", "ms", "mss", "mla", "mlas", "ceo", "cfo", "hr",
        "it", "ict", "ai", "app", "apps", "specialty", "specialties", "neurodevelopmental", "neurodivergent",
        "arrestment", "arrestments", "post-mortem", "post-mortems", "mortem", "influencer", "influencers",
        "funder", "funders", "semaglutide", "tirzepatide", "mpox", "naloxone", "rebooked", "rebook", "rebrand", "rebranding", "rebranded", "e-learning", "co-production", "co-produced", "healthwatch", "pentre", "ehcps", "adhd", "asd", "sms", "opt-out", "opt-outs", "re-use", "reuse", "re-usable", "reusable",
        "footway", "footways",
        // Anaesthetic gases, medicines and home adaptations in a researcher's letters that neither list has.
        "desflurane", "sevoflurane", "buprenorphine", "stairlift", "stairlifts", "shapefile", "shapefiles", "sessional",
    ]
}
