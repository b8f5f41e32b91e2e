/// A request topic, as seeded from `keywords/`.
public struct Keyword: Hashable, Codable, Sendable {
    public var text: String
    public var theme: String
    /// Categories or groups of the authority taxonomy this topic suits.
    public var categories: [String]
    /// Environmental information: the request cites the EIR 2004 (EISR 2004 in Scotland).
    public var environmental: Bool

    public init(text: String, theme: String, categories: [String], environmental: Bool) {
        self.text = text
        self.theme = theme
        self.categories = categories
        self.environmental = environmental
    }

    /// Keywords given as text: known ones keep their theme and flags, others are classified by the word rules.
    /// (The judge, the writer and the composer's callers all read a prompt's keywords this way.)
    public static func resolve(_ texts: [String], known: [Keyword]) -> [Keyword] {
        texts.map { t in
            if let k = known.first(where: { $0.text.lowercased() == t.lowercased() }) { return k }
            let a = EnvironmentalRules.assess(t)
            return Keyword(text: t, theme: "", categories: [], environmental: a.environmental)
        }
    }

    /// One keyword inside the other ("houses in multiple occupation" and "… licences"): a letter on both asks one
    /// thing twice, so neither a spin nor the slot machine pairs them.
    public static func nests(_ a: Keyword, _ b: Keyword) -> Bool {
        let x = a.text.lowercased(), y = b.text.lowercased()
        return x.contains(y) || y.contains(x)
    }

    static func anyNest(_ ks: [Keyword]) -> Bool {
        ks.indices.contains { i in ks.indices.contains { j in i < j && nests(ks[i], ks[j]) } }
    }

    /// Categories that take only topics naming them, none of their group's (scripts/seed/build_keywords.py
    /// names them on the group-wide topics that suit them).
    static let explicitOnly = ["Independent monitoring boards", "Integration Joint Boards"]

    /// Boards of a few staff that keep a district's watercourses take only their own work and what every body has
    /// (money, governance, buying, information): chatbots, newsletters' salary bands and algorithmic decision-making
    /// asked of a drainage board read as a form letter (4 of 50 letters in a reading, session 15).
    static let smallBodyThemes: [String: Set<String>] = [
        "Internal drainage boards": ["water and flooding", "environment", "finance", "governance", "procurement", "information rights"],
    ]

    /// A department category holds a service theme only in the departments that run it: rail is the
    /// Department for Transport's, not the Ministry of Justice's; prisons are not the Home Office's.
    /// Non-ministerial departments alike: court backlogs are the prosecutors' business, not National Savings'.
    /// The GLA's family too: train delays are Transport for London's, not the Legacy Development Corporation's.
    static let departmentCategories: Set<String> = ["Ministerial Departments - UK", "Departments - NI",
                                                    "Non-ministerial Departments - UK", "Non-ministerial Departments - Scotland",
                                                    "Greater London Authority Group and Family"]
    static let departmentRemits: [String: [String]] = [
        "transport": ["Department for Transport", "Transport for London", "Greater London Authority"],
        "emergency planning": ["Greater London Authority", "Transport for London"],
        // The London Pensions Fund Authority and TfL regenerate nothing (a reading asked the LPFA about enterprise zones).
        "economic development": ["Greater London Authority", "London Legacy Development Corporation"],
        "highways": ["Department for Infrastructure"],
        "courts and justice": ["Ministry of Justice", "Department of Justice", "Attorney General's Office", "Crown Prosecution Service",
                               "Crown Office", "Public Prosecution Service", "Serious Fraud Office"],
        "prisons": ["Ministry of Justice", "Department of Justice"],
        "immigration": ["Home Office"],
        "energy": ["Department for Energy Security and Net Zero"],
        "council tax and benefits": ["Department for Work and Pensions", "Department for Communities", "Department of Finance"],
    ]

    /// Bodies filed with the prison services that run no prison: the Youth Justice Agency keeps children in its
    /// own centre ("finds of drugs in prisons, by prison" asked of it in a reading, session 16).
    static let holdsNoPrisoners = ["Youth Justice Agency"]

    /// NHS bodies filed with the boards and trusts that treat no one: they inspect, train, advise or buy. A
    /// patient service's topics are not theirs ("referrals for autism assessments" asked of Healthcare
    /// Improvement Scotland, "private patient income" of Public Health Scotland: read in session 12).
    static let treatsNoOne = ["Healthcare Improvement Scotland", "Public Health Scotland", "NHS Education for Scotland",
                              "NHS National Services Scotland", "Public Health Wales", "Public Health Agency",
                              "Health Research Authority", "National Institute for Health and Care Excellence"]
    /// Boards and trusts that treat patients but run no general hospital (no A&E, maternity or cancer waits),
    /// and those that run no mental health service either (a reading asked NHS Golden Jubilee about mental
    /// health waiting times).
    /// Specialist trusts have no emergency department and no maternity unit (a reading asked the Walton Centre,
    /// a neurology trust, for its A&E waiting times); Liverpool Women's has births but no A&E, the children's
    /// trusts an emergency department but no births.
    static let narrowCare: [String: Set<CareKind>] = [
        "NHS 24": [.generalHospital, .mentalHealth, .emergency, .maternity],
        "NHS Golden Jubilee": [.generalHospital, .mentalHealth, .emergency, .maternity],
        "Velindre University NHS Trust": [.generalHospital, .mentalHealth, .emergency, .maternity],
        "The State Hospitals Board for Scotland": [.generalHospital, .emergency, .maternity],
        "The Walton Centre NHS Foundation Trust": [.emergency, .maternity], "The Christie NHS Foundation Trust": [.emergency, .maternity],
        "The Clatterbridge Cancer Centre NHS Foundation Trust": [.emergency, .maternity],
        "The Royal Marsden NHS Foundation Trust": [.emergency, .maternity],
        "Royal Papworth Hospital NHS Foundation Trust": [.emergency, .maternity],
        "Liverpool Heart and Chest Hospital NHS Foundation Trust": [.emergency, .maternity],
        "Royal National Orthopaedic Hospital NHS Trust": [.emergency, .maternity],
        "The Royal Orthopaedic Hospital NHS Foundation Trust": [.emergency, .maternity],
        "The Robert Jones and Agnes Hunt Orthopaedic Hospital NHS Foundation Trust": [.emergency, .maternity],
        "Queen Victoria Hospital NHS Foundation Trust": [.emergency, .maternity],
        "Moorfields Eye Hospital NHS Foundation Trust": [.emergency, .maternity],
        "Great Ormond Street Hospital for Children NHS Foundation Trust": [.emergency, .maternity],
        "Liverpool Women's NHS Foundation Trust": [.emergency],
        "Alder Hey Children's NHS Foundation Trust": [.maternity], "Sheffield Children's NHS Foundation Trust": [.maternity],
    ]
    enum CareKind { case generalHospital, mentalHealth, emergency, maternity }
    /// Topics of an emergency department or a maternity unit, which not every hospital trust has.
    static let unitCare: [String: CareKind] = [
        "A&E waiting times": .emergency, "trolley waits": .emergency, "corridor care": .emergency,
        "maternity services": .maternity, "stillbirths": .maternity,
    ]

    /// Whether the topic is a patient service's (a hospital trust's or a commissioner's), and the one kind of care
    /// it belongs to, if only one kind of trust holds it.
    var patientService: Bool { categories.contains("Hospital trusts") || categories.contains("Integrated Care Boards") }
    var care: CareKind? {
        if let unit = Self.unitCare[text] { return unit }
        let hospital = categories.contains("Hospital trusts"), mental = categories.contains("Mental Health Trusts")
        guard !categories.contains("Community Services Trusts") else { return nil }
        return hospital && !mental && !categories.contains("Integrated Care Boards") ? .generalHospital : mental && !hospital ? .mentalHealth : nil
    }

    static let welsh = Array("welsh".utf8), gaelic = Array("gaelic".utf8)

    /// Whether the text has this lower-case ASCII word in either case, by bytes: Foundation's string search
    /// made a spin (every authority against every keyword) take a second.
    func mentions(_ word: [UInt8]) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { t -> Bool in
            guard t.count >= word.count else { return false }
            for i in 0...(t.count - word.count) where t[i] | 0x20 == word[0] {
                var j = 1
                while j < word.count && t[i + j] | 0x20 == word[j] { j += 1 }
                if j == word.count { return true }
            }
            return false
        } ?? text.lowercased().contains(String(decoding: word, as: UTF8.self))
    }

    /// Programmes and powers of some nations only: family hubs and academies are England's, and right to buy
    /// has ended in Scotland and Wales. A UK-wide body may be asked about any of them.
    static let nations: [String: Set<Nation>] = [
        "family hubs": [.england], "household support fund": [.england], "academy conversions": [.england],
        "EHCP assessments timescales": [.england], "town deals": [.england],
        // T levels are England's technical qualification (seed 812 asked a Scottish college about them).
        "T-level enrolments": [.england],
        "section 106 agreements": [.england, .wales], "community infrastructure levy": [.england, .wales],
        "right to buy sales": [.england, .northernIreland],
        // Scotland has neither: continuing healthcare ended there in 2015, and adaptations are funded under the
        // scheme of assistance, not disabled facilities grants; deprivation of liberty safeguards are not Scots law.
        "continuing healthcare disputes": [.england, .wales], "continuing healthcare assessments": [.england, .wales],
        "disabled facilities grants": [.england, .wales, .northernIreland],
        "deprivation of liberty safeguards": [.england, .wales, .northernIreland],
        // Section 47 is the Children Act 1989's (England and Wales); Scotland and Northern Ireland have their own
        // child protection law. Permit schemes for street works are England's and Wales's; Scotland notices works
        // through its road works register (a reading asked Comhairle nan Eilean Siar for its permits).
        "section 47 enquiries": [.england, .wales], "roadworks permits": [.england, .wales],
        // Councils enforce banned turns and yellow boxes in England and Wales only (a reading asked a Northern
        // Ireland council for its moving traffic penalties).
        "moving traffic enforcement": [.england, .wales],
        // PCSOs exist in England and Wales only (Police Scotland and the PSNI have none).
        "police community support officers": [.england, .wales],
        // Mandatory biodiversity net gain and badger culls are England's (Wales stopped culling; SEPA and NRW run neither).
        "biodiversity net gain": [.england], "badger culling": [.england],
        // The adult education budget is England's (a Scottish or Welsh college has none); IPP sentences are England and Wales law.
        "adult education budget": [.england], "imprisonment for public protection sentences": [.england, .wales],
        // Places for Growth moves UK civil service roles out of London; a devolved body has no such programme.
        "civil service relocation": [.england],
        // Hospital parking is free in Scotland and Wales (a reading asked NHS Forth Valley for its parking contractor).
        "hospital parking charges": [.england, .northernIreland],
        // Resident doctors struck in England and Wales; Scotland's and Northern Ireland's settled (a reading asked
        // NHS Golden Jubilee about its strikes).
        "junior doctors' strikes": [.england, .wales],
        // Charging clean air zones are England's; Scotland's cities run low emission zones (a reading asked the Moray
        // Council for the charges its clean air zones collect).
        "clean air zones": [.england],
    ]

    /// Whether a request on this topic makes sense for `authority`.
    public func suits(_ authority: Authority) -> Bool {
        // Most pairs fail here; a spin asks this of every authority and keyword.
        let inCategory = categories.contains(authority.category)
        guard inCategory || categories.contains(authority.group) else { return false }
        // Duties in one nation's language: the Welsh language standards bind bodies in Wales (and UK bodies
        // serving it), Gaelic language plans bodies in Scotland.
        if authority.nation != .wales && authority.nation != .uk && mentions(Self.welsh) { return false }
        if authority.nation != .scotland && mentions(Self.gaelic) { return false }
        if authority.nation != .uk, let only = Self.nations[text], !only.contains(authority.nation) { return false }
        if CoastalCouncils.topics.contains(text), CoastalCouncils.categories.contains(authority.category),
           !CoastalCouncils.names.contains(authority.name) { return false }
        if CouncilLandlords.topics.contains(text), CouncilLandlords.categories.contains(authority.category),
           !CouncilLandlords.names.contains(authority.name) { return false }
        // A monitoring board runs nothing: only topics written for its own category suit it, none of its group's.
        // Nor does an integration joint board: it directs care that the NHS board and the council provide.
        if Self.explicitOnly.contains(where: authority.category.hasPrefix) { return inCategory }
        if let themes = Self.smallBodyThemes[authority.category], !themes.contains(theme) { return false }
        if patientService && Self.treatsNoOne.contains(where: authority.name.hasPrefix) { return false }
        if theme == "prisons" && Self.holdsNoPrisoners.contains(where: authority.name.hasPrefix) { return false }
        if let care, Self.narrowCare[authority.name]?.contains(care) == true { return false }
        if inCategory {
            guard Self.departmentCategories.contains(authority.category), let remit = Self.departmentRemits[theme] else { return true }
            return remit.contains(where: authority.name.hasPrefix) || categories.contains(authority.group)
        }
        return categories.contains(authority.group)
    }
}
