/// People a letter may ask a body about. A body serves some of them; a letter that asks a city council
/// about patients, or the Environment Agency about pupils, asks the wrong body.
public enum Population: String, CaseIterable, Codable, Sendable {
    case patients, pupils, students, tenants, prisoners, passengers, arrests

    /// The words a letter uses for them (lower case, as the judge's tokens).
    public var words: [String] {
        switch self {
        case .patients: ["patient", "patients", "inpatients", "outpatients"]
        case .pupils: ["pupil", "pupils", "schoolchildren"]
        case .students: ["student", "students", "undergraduates", "postgraduates"]
        case .tenants: ["tenant", "tenants"]
        case .prisoners: ["prisoner", "prisoners", "inmates"]
        case .passengers: ["passenger", "passengers"]
        case .arrests: ["arrest", "arrests", "arrested"]
        }
    }

    /// Words in a body's name or a keyword that say the body serves these people, or that the topic is
    /// about them ("student accommodation" makes students fit whoever receives it).
    package var signals: [String] {
        switch self {
        case .patients: ["patient", "patients", "health", "nhs", "hospital", "hospitals", "medical", "clinical",
                         "ambulance", "gp", "gps", "nursing", "dental", "mental", "maternity", "cancer", "a&e"]
        case .pupils: ["pupil", "pupils", "school", "schools", "education", "children", "sen", "send", "exam",
                       "exams", "qualifications", "curriculum", "teachers"]
        case .students: ["student", "students", "university", "universities", "college", "colleges", "education",
                         "tuition", "learning", "apprenticeships", "qualifications"]
        case .tenants: ["tenant", "tenants", "housing", "homes", "landlord", "landlords", "rent", "rents", "tenancy",
                        "homelessness", "lettings"]
        case .prisoners: ["prisoner", "prisoners", "prison", "prisons", "probation", "parole", "justice", "offender",
                          "offenders", "custody", "jail"]
        case .passengers: ["passenger", "passengers", "transport", "rail", "railway", "railways", "bus", "buses",
                           "train", "trains", "travel", "airport", "airports", "ferry", "ferries", "tram", "trams",
                           "underground", "metro", "concessionary", "fares"]
        case .arrests: ["arrest", "arrests", "police", "policing", "constabulary", "crime", "crimes", "criminal",
                        "offence", "offences", "stop", "custody", "taser", "firearms"]
        }
    }
}

/// What a body is, as a letter must treat it: what to call it and whom it serves. Read by the composer
/// (how a letter refers to the body, which questions it may ask) and by the judge (the same rules, checked).
public struct BodyProfile: Sendable, Equatable {
    /// How a letter refers to the body after naming it: "the council", "the trust", "the force".
    public var reference: String
    /// Kind nouns a letter may use for the body ("council"); see `BodyProfile.kindNouns`.
    public var kinds: Set<String>
    /// People it serves.
    public var serves: Set<Population>
    /// The appropriate limit under FOIA s.12 and the FOIA fees regulations: £600 for the government
    /// departments, legislatures and the other bodies of Schedule 1 Part I, £450 for everyone else;
    /// nil where both are defensible (a body whose place in Part I we do not know).
    public var foiaCostLimit: Int?
    /// Where a letter sets its topic ("England", "the UK": `Nation.place`); nil for a profile read from a
    /// category alone. Filled into the `{place}` slot (`NameSlots`).
    public var place: String? = nil
    /// Whether the body's name takes "the" within a sentence ("to the Home Office", "to Ofcom": `NameForms.withArticle`);
    /// nil for a profile read from a category alone. The `{authority}` slot gives it (`NameSlots`).
    public var nameTakesArticle: Bool? = nil

    /// The cost limit a letter under `law` may quote: £600 under FOISA for every body, the FOIA limit above, and
    /// none under the regulations. Read by the judge and by the law slots (`NameSlots`).
    public func costLimit(under law: Law) -> Int? {
        switch law {
        case .foisa2002: 600
        case .foia2000: foiaCostLimit
        case .eir2004, .eisr2004: nil
        }
    }

    /// Kind nouns that a letter uses to refer to a body ("the college set targets"). A letter that uses one
    /// for a body of another kind calls the body the wrong thing. Nouns such as "department" or "agency"
    /// are left out: "the department responsible" or "the recruitment agency" are ordinary in any letter.
    public static let kindNouns: Set<String> = ["council", "trust", "force", "constabulary", "college", "university", "ministry"]

    /// The profile of an authority: its category's, widened by what its name says it is.
    public static func of(_ a: Authority) -> BodyProfile {
        // A body a person described ("community council") has no category profile: read the description.
        var p = UnlistedBody.isDescribed(a) ? described(a.category + " " + a.name) : forCategory(a.category, group: a.group)
        p.place = a.nation.place
        p.nameTakesArticle = NameForms.withArticle(a.name, localCouncil: a.group == "Local and regional").hasPrefix("the ")
        if UnlistedBody.isDescribed(a) { return p }
        let nameWords = Set(TextTools.words(a.name + " " + a.shortName))
        for kind in kindNouns where nameWords.contains(kind) { p.kinds.insert(kind) }
        if nameWords.contains("police") { p.kinds.insert("force") }
        for pop in Population.allCases where pop.signals.contains(where: nameWords.contains) { p.serves.insert(pop) }
        // An NHS trust filed among the boards is "the trust"; an NHS body that is neither (a blood transfusion
        // service, a business services authority) is "your organisation". Scotland's boards are named "NHS Highland".
        if p.reference == "the board" && !nameWords.contains("board") {
            if nameWords.contains("trust") {
                p.reference = "the trust"
            } else if ["NHS in Northern Ireland", "NHS in Wales", "NHS bodies", "Special health authorities"].contains(a.category) {
                p.reference = "your organisation"
            }
        }
        // The Scottish Ambulance Service is a special health board filed with the ambulance trusts: "the service".
        if p.reference == "the trust" && !nameWords.contains("trust") {
            p.reference = "the service"
            p.kinds.remove("trust")
        }
        // The Scottish Police Authority is an authority; the Northern Ireland Policing Board a board.
        if p.reference == "your organisation" && ["Policing bodies", "Police regulators"].contains(a.category) {
            if nameWords.contains("authority") { p.reference = "the authority" } else if nameWords.contains("board") { p.reference = "the board" }
        }
        // A conservatoire or institute in the universities' category is not "the university".
        if p.reference == "the university" && !nameWords.contains("university") {
            p.reference = nameWords.contains("college") ? "the college" : "your institution"
        }
        return p
    }

    /// The profile of a body that is not in the store, from a plain description ("parish council").
    public static func described(_ text: String) -> BodyProfile {
        let w = Set(TextTools.words(text))
        var p = BodyProfile(reference: "your organisation", kinds: [], serves: [], foiaCostLimit: 450)
        for kind in kindNouns where w.contains(kind) { p.kinds.insert(kind); p.reference = "the " + kind }
        if w.contains("school") || w.contains("academy") { p.reference = "the school"; p.serves.insert(.pupils) }
        if w.contains("gp") || w.contains("practice") || w.contains("surgery") { p.reference = "the practice"; p.serves.insert(.patients) }
        for pop in Population.allCases where pop.signals.contains(where: w.contains) { p.serves.insert(pop) }
        return p
    }

    static func forCategory(_ category: String, group: String) -> BodyProfile {
        func p(_ ref: String, _ kinds: Set<String>, _ serves: Set<Population>, limit: Int? = 450) -> BodyProfile {
            BodyProfile(reference: ref, kinds: kinds, serves: serves, foiaCostLimit: limit)
        }
        switch category {
        // Councils: education and social services authorities, housing authorities, transport authorities.
        case "County councils":
            return p("the council", ["council"], [.pupils, .students, .passengers])
        case "Unitary authorities (England)", "Metropolitan district councils", "London boroughs", "Local councils (London)",
             "Unitary authorities (Wales)", "Unitary authorities (Scotland)":
            return p("the council", ["council"], [.pupils, .students, .tenants, .passengers])
        case "Non-metropolitan district councils":
            return p("the council", ["council"], [.tenants])
        case "District councils (Northern Ireland)":
            return p("the council", ["council"], [])
        case "Combined authorities", "Corporate Joint Committees", "Greater London Authority Group and Family",
             "Mayoral development corporation", "Sub-national transport bodies", "Passenger transport executives":
            return p("the authority", [], [.passengers])
        case "Economic development agencies (Scotland)", "Valuation joint boards (Scotland)":
            return p("the board", [], [])
        case "Education authority":
            return p("the authority", [], [.pupils, .students])
        case "Exam boards", "School inspectorates", "Education regulators":
            return p("your organisation", [], [.pupils, .students])
        case "Further education institutions":
            return p("the college", ["college"], [.students])
        case "Universities", "University colleges":
            return p("the university", ["university", "college"], [.students])
        // UK Research and Innovation, the only body filed here, is no council (seed 5858 read "the council's policy").
        case "Research councils":
            return p("your organisation", [], [.students])
        case "Main police forces", "Other police forces/constabularies":
            return p("the force", ["force", "constabulary"], [.arrests])
        case "Police and Crime Commissioners":
            return p("your office", [], [.arrests])
        // A policing board, authority or college is an organisation, not a commissioner's office.
        case "Policing bodies", "Police regulators":
            return p("your organisation", [], [.arrests])
        case "Fire and rescue services":
            return p("the service", [], [])
        case "Hospital trusts", "Mental Health Trusts", "Community Services Trusts", "Ambulance Services":
            return p("the trust", ["trust"], [.patients])
        case "Integrated Care Boards", "Integration Joint Boards", "NHS Wales Local Health Boards", "NHS Scotland",
             "NHS in Northern Ireland", "NHS in Wales", "NHS bodies", "Special health authorities":
            return p("the board", [], [.patients])
        case "Health and social care regulators":
            return p("your organisation", [], [.patients])
        // The prison services are agencies of their departments (HMPPS of the Ministry of Justice, the Northern
        // Ireland Prison Service and Youth Justice Agency of the Department of Justice), so the departments' £600
        // (read in sft14's letter to HMPPS quoting £450, session 21); the boards are public bodies of their own.
        case "Prison and probation services":
            return p("your organisation", [], [.prisoners], limit: 600)
        case "Parole boards", "Probation boards":
            return p("your organisation", [], [.prisoners])
        case "Independent monitoring boards for prisons", "Independent monitoring boards for immigration removal centres":
            return p("the board", [], [.prisoners])
        case "Registered Social Landlords (Scotland)", "Housing regulators":
            return p("your organisation", [], [.tenants])
        case "Railway companies", "Transport regulators":
            return p("your organisation", [], [.passengers])
        case "Ministerial Departments - UK", "Non-ministerial Departments - UK", "Departments - NI":
            return p("the department", [], [], limit: 600)
        case "Devolved Administration or Government":
            return p("the government", [], Set(Population.allCases), limit: 600)
        case "National Parliaments and Assemblies":
            return p("your organisation", [], [], limit: 600)
        case "Executive agencies":
            return p("the agency", [], [], limit: 600)
        case "Non-ministerial Departments - Scotland", "Non-ministerial Departments - Wales":
            return p("the department", [], [], limit: nil)
        default:
            return p("your organisation", [], [])
        }
    }
}
