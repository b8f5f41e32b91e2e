import Foundation

/// How people write the names of public bodies, as rules and one table: the knowledge the resolver
/// (`AuthorityResolver`) matches with. Every key here is a list of folded words joined by spaces.
package enum NameForms {
    /// Short forms and old or everyday names that the seed data does not carry, each with the
    /// store names it may mean (more than one: the resolver lists them). Names missing from a store
    /// are ignored, so a small test store is not confused by them.
    static let aliases: [String: [String]] = [
        "met": ["Metropolitan Police Service"],
        "the met": ["Metropolitan Police Service"],
        "met police": ["Metropolitan Police Service"],
        "scotland yard": ["Metropolitan Police Service"],
        "mod": ["Ministry of Defence"],
        "dwp": ["Department for Work and Pensions"],
        "hmrc": ["HM Revenue and Customs"],
        "inland revenue": ["HM Revenue and Customs"],
        "tfl": ["Transport for London"],
        "london underground": ["Transport for London"],
        "nhs england": ["NHS England"],
        "hse": ["Health and Safety Executive"],
        "dvla": ["Driver and Vehicle Licensing Agency"],
        "dvsa": ["Driver and Vehicle Standards Agency"],
        "defra": ["Department for Environment, Food and Rural Affairs"],
        "dcms": ["Department for Culture, Media and Sport"],
        "fcdo": ["Foreign, Commonwealth and Development Office"],
        "foreign office": ["Foreign, Commonwealth and Development Office"],
        "fco": ["Foreign, Commonwealth and Development Office"],
        "dfid": ["Foreign, Commonwealth and Development Office"],
        "mhclg": ["Ministry of Housing, Communities and Local Government"],
        "dluhc": ["Ministry of Housing, Communities and Local Government"],
        "dsit": ["Department for Science, Innovation and Technology"],
        "beis": ["Department for Business and Trade", "Department for Energy Security and Net Zero",
                 "Department for Science, Innovation and Technology"],
        "doh": ["Department of Health and Social Care"],
        "department of health": ["Department of Health and Social Care", "Department of Health (Northern Ireland)"],
        "treasury": ["HM Treasury"],
        "number 10": ["Cabinet Office"],
        "downing street": ["Cabinet Office"],
        "uk visas and immigration": ["Home Office"],
        "ukvi": ["Home Office"],
        "border force": ["Home Office"],
        "hm passport office": ["Home Office"],
        "passport office": ["Home Office"],
        "prison service": ["His Majesty's Prison and Probation Service"],
        "ons": ["UK Statistics Authority"],
        "office for national statistics": ["UK Statistics Authority"],
        "highways england": ["National Highways"],
        "nrw": ["Natural Resources Wales"],
        "tfw": ["Transport for Wales"],
        "mayor of london": ["Greater London Authority"],
        "senedd": ["Senedd Commission"],
        "welsh parliament": ["Senedd Commission"],
        "welsh assembly": ["Senedd Commission"],
        "holyrood": ["Scottish Parliamentary Corporate Body"],
        "stormont": ["Northern Ireland Assembly Commission"],
        "ni assembly": ["Northern Ireland Assembly Commission"],
        "scottish executive": ["Scottish Government"],
        "welsh assembly government": ["Welsh Government"],
        "ofqual": ["Office of Qualifications and Examinations Regulation"],
        "ico": ["Information Commissioner's Office"],
        "psni": ["Police Service of Northern Ireland"],
    ]

    /// Words of a name, folded: lower case, accents off ("Môn" is "mon"), "&" as "and", punctuation
    /// as spaces, a possessive "'s" dropped, and no leading "the".
    static func words(_ name: String) -> [String] {
        let spelled = name.contains("&") ? name.replacingOccurrences(of: "&", with: " and ") : name
        // An ASCII name needs no folding (the split lower-cases): the resolver splits every name of the
        // store several times as each process starts, and Foundation's folding was most of that time.
        let folded = spelled.utf8.allSatisfy({ $0 < 0x80 }) ? spelled
            : spelled.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var w = TextTools.words(folded)
        if w.contains(where: { $0.contains("'") }) { w = w.map { $0.replacingOccurrences(of: "'", with: "") } }
        if w.first == "the", w.count > 1 { w.removeFirst() }
        return w
    }

    package static func key(_ name: String) -> String { words(name).joined(separator: " ") }

    /// Looser still: "Department of" and "Department for" (and "Dept") are one, a bracketed
    /// qualifier ("(Northern Ireland)") and a leading "HM" / "His Majesty's" are dropped.
    static func looseKey(_ name: String) -> String {
        var n = name
        if let open = n.firstIndex(of: "("), let close = n[open...].firstIndex(of: ")") { n.removeSubrange(open...close) }
        var w = words(n)
        if w.first == "hm" { w.removeFirst() }
        if w.count > 2, ["his", "her"].contains(w[0]), ["majestys", "majesty"].contains(w[1]) { w.removeFirst(2) }
        var out: [String] = []
        var i = 0
        while i < w.count {
            if w[i] == "department" || w[i] == "dept" {
                out.append("department")
                if i + 1 < w.count, w[i + 1] == "of" || w[i + 1] == "for" { i += 1 }
            } else {
                out.append(w[i])
            }
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// The place in a council's name without the words that say what kind of council it is, so that
    /// "Swansea Council", "City and County of Swansea Council" and "Council of the City of Swansea" meet;
    /// nil when the name does not say it is a council. Welsh "Cyngor ..." forms too.
    /// `isCouncil`: the body is a council whatever its name says ("City of Westminster").
    static func councilCore(_ name: String, isCouncil: Bool = false) -> String? {
        core(words(name), leading: councilLeading, trailing: councilTrailing, marker: isCouncil ? nil : ["council", "borough", "cyngor"])
    }

    /// Whether a category is one of councils (the store's "London boroughs", "County councils", "Unitary authorities (Wales)").
    package static func isCouncilCategory(_ category: String) -> Bool {
        let c = category.lowercased()
        return c.contains("council") || c.contains("borough") || c.hasPrefix("unitary authorities")
    }

    /// The place in a police force's name: "Durham Police", "Durham Constabulary" and "Durham Police
    /// Service" meet; nil when the name does not say it is a police force.
    static func policeCore(_ name: String) -> String? {
        let w = words(name)
        // A commissioner's office is not the force.
        if w.contains("commissioner") || w.contains("commissioners") { return nil }
        return core(w, leading: [["police", "service", "of"], ["police", "service"], ["police"]],
                    trailing: [["police", "service"], ["police", "force"], ["constabulary"], ["police"]],
                    marker: ["police", "constabulary"])
    }

    static let councilLeading: [[String]] = [
        ["city", "and", "county", "of"], ["council", "of", "the", "city", "of"], ["council", "of", "the"],
        ["royal", "borough", "of"], ["london", "borough", "of"], ["metropolitan", "borough", "of"],
        ["borough", "of"], ["city", "of"], ["county", "of"],
        ["cyngor", "bwrdeistref", "sirol"], ["cyngor", "dinas", "a", "sir"], ["cyngor", "dinas"], ["cyngor", "sir"], ["cyngor"],
    ]
    static let councilTrailing: [[String]] = [
        ["metropolitan", "borough", "council"], ["metropolitan", "district", "council"], ["city", "and", "district", "council"],
        ["county", "borough", "council"], ["city", "council"], ["county", "council"], ["borough", "council"],
        ["district", "council"], ["council"],
    ]

    private static func core(_ w: [String], leading: [[String]], trailing: [[String]], marker: Set<String>?) -> String? {
        if let marker, !w.contains(where: marker.contains) { return nil }
        let whole = w.count
        var w = w[...]
        if let l = leading.first(where: { w.starts(with: $0) && w.count > $0.count }) { w = w.dropFirst(l.count) }
        if let t = trailing.first(where: { w.reversed().starts(with: $0.reversed()) && w.count > $0.count }) { w = w.dropLast(t.count) }
        if w.first == "the", w.count > 1 { w = w.dropFirst() }
        // Nothing taken off: the words are the name itself, which the plain keys already hold.
        guard !w.isEmpty, w.count < whole else { return nil }
        return w.joined(separator: " ")
    }

    /// The edits a typo may take: none in a short name (an abbreviation mistyped is another abbreviation),
    /// one in a word or two, two in a longer name.
    static func typoBudget(_ key: String) -> Int {
        let n = key.count
        return n < 5 ? 0 : n < 10 ? 1 : 2
    }

    /// "the Environment Agency", "the University of Leeds", but "Leeds City Council", "HM Treasury".
    /// - Parameter localCouncil: a council named after its place ("Leeds City Council") takes no article; a
    ///   council that is a national body does ("the Nursing and Midwifery Council").
    package static func withArticle(_ name: String, localCouncil: Bool = true) -> String {
        let lower = name.lowercased()
        // "The Highland Council" is "the Highland Council" within a sentence.
        if lower.hasPrefix("the ") { return "the " + name.dropFirst(4) }
        if lower.hasPrefix("hm ") || lower.hasPrefix("his majesty") { return name }
        if requiresArticle(name) { return "the " + name }
        // "the General Chiropractic Council", but "Leeds City Council".
        if lower.hasPrefix("general ") || lower.hasPrefix("british ") { return "the " + name }
        if lower.hasSuffix(" council") && !lower.contains(" of ") { return localCouncil ? name : "the " + name }
        // Plural names stand alone: "National Museums Scotland", "National Records of Scotland".
        if ["national museums ", "national galleries ", "national records ", "national savings "]
            .contains(where: { lower.hasPrefix($0) }) { return name }
        if ["university of ", "city of ", "royal ", "national ", "office of ", "department ", "ministry ", "general ", "british ",
            "scottish national ", "lower ", "upper "]
            .contains(where: { lower.hasPrefix($0) }) { return "the " + name }
        let nouns = ["department", "office", "ministry", "agency", "service", "commission", "authority", "executive",
                     "board", "trust", "commissioner", "ombudsman", "institute", "society", "foundation", "museum",
                     "library", "inspectorate", "regulator", "committee", "tribunal", "partnership", "corporation", "association", "bank",
                     "commissioners",
                     // "further questions for Scottish Government" (seed 7373).
                     "government",
                     "council of", "college of", "panel", "unit", "centre", "bureau", "fund", "registry"]
        let words = TextTools.words(name)
        if nouns.contains(where: { n in n.contains(" ") ? lower.contains(n) : words.contains(n) }) { return "the " + name }
        return name
    }

    /// Names that cannot stand bare inside a sentence ("a request to the Scottish Government", "from the University
    /// for the Creative Arts"): the judge fails them without "the" and the writer adds it. Narrower than
    /// `withArticle`, whose nouns people write both ways ("Colchester Institute").
    package static func requiresArticle(_ name: String) -> Bool {
        let lower = name.lowercased()
        // "a request to Council for the Curriculum, Examinations and Assessment" (sft35's product letter, session 26).
        return ["university of ", "university for ", "department of ", "department for ", "ministry of ", "office of ",
                "office for ", "council for ", "commission for ", "agency for ", "house of ", "london borough of "]
            .contains { lower.hasPrefix($0) } || lower.hasSuffix(" government")
    }
}
