/// Per-theme question banks. Each kind of question has noun-phrase forms (usable inside a sentence
/// or a list) and question forms (for numbered lists). `{K}` is the keyword, `{T}` a short reference
/// back to the time frame (may be empty), `{ORG}` the authority ("the council"), `{U}` the unit.
struct QuestionKind: Sendable {
    let id: String
    let nouns: [String]
    let questions: [String]
    /// Usable as a figure in a data table.
    let numeric: Bool
}

enum QuestionBank {
    static let generic: [QuestionKind] = [
        QuestionKind(id: "counts", nouns: [
            "the number of cases of {K} recorded by {ORG} {T}",
            "the total number of {K} cases logged {T}",
            "a count of recorded instances of {K} {T}",
            "the number of reports concerning {K} received {T}",
            "the number of times {ORG} took action in relation to {K} {T}",
        ], questions: [
            "How many cases of {K} did {ORG} record {T}?",
            "How many reports relating to {K} were received {T}?",
            "On how many occasions did {ORG} take action in relation to {K} {T}?",
        ], numeric: true),
        QuestionKind(id: "spending", nouns: [
            "the total amount spent on {K} {T}",
            "{ORG}'s expenditure on {K} {T}, including staff and contractor costs",
            "the budget set for {K} and the actual spend against it {T}",
            "the total cost to {ORG} of {K} {T}, split between capital and revenue where possible",
            "the amount paid to external suppliers in connection with {K} {T}",
        ], questions: [
            "How much did {ORG} spend on {K} {T}?",
            "What budget was allocated to {K}, and how much of it was spent, {T}?",
            "What was the total cost of {K} {T}, including any external costs?",
        ], numeric: true),
        QuestionKind(id: "contracts", nouns: [
            "details of any contracts relating to {K} awarded or in force {T}, including the supplier, dates and value",
            "the names of any contractors used for {K} and the amount paid to each {T}",
            "a list of contracts for {K} with their start and end dates and total value",
            "the procurement route used for the main contract covering {K}",
        ], questions: [
            "Which companies hold contracts with {ORG} for {K}, and what is the value of each?",
            "Were any contracts relating to {K} awarded without competition {T}, and if so to whom?",
            "Who supplies {K} services to {ORG}, and when does each contract end?",
        ], numeric: false),
        QuestionKind(id: "policies", nouns: [
            "a copy of {ORG}'s current policy or procedure on {K}",
            "any internal guidance or operating procedures that staff follow when dealing with {K}",
            "the date on which the policy on {K} was last reviewed and who approved it",
            "any equality or impact assessment carried out for the policy on {K}",
        ], questions: [
            "Does {ORG} have a written policy on {K}? If so, please provide a copy.",
            "When was the procedure for handling {K} last reviewed, and by whom was it approved?",
            "What guidance is given to staff who deal with {K}?",
        ], numeric: false),
        QuestionKind(id: "incidents", nouns: [
            "the number of incidents involving {K} reported to {ORG} {T}",
            "the number of serious incidents linked to {K} {T} and the outcome of any investigation",
            "a summary of any investigations into {K} completed {T}",
        ], questions: [
            "How many incidents involving {K} were reported {T}?",
            "How many investigations into {K} did {ORG} open {T}, and how many are still open?",
        ], numeric: true),
        QuestionKind(id: "staffing", nouns: [
            "the number of full-time equivalent staff working on {K}, as at the end of each year",
            "the job titles and grades of the officers responsible for {K}",
            "the number of vacant posts in the team dealing with {K}",
            "the amount spent on agency or interim staff for {K} {T}",
        ], questions: [
            "How many staff (full-time equivalent) work on {K}?",
            "Which team or officer is responsible for {K}, and at what grade?",
            "How many posts working on {K} are currently vacant?",
        ], numeric: true),
        QuestionKind(id: "complaints", nouns: [
            "the number of complaints received about {K} {T} and how many were upheld",
            "the number of complaints about {K} that were escalated to an ombudsman {T}",
            "the average time taken to respond to complaints about {K} {T}",
        ], questions: [
            "How many complaints about {K} were received {T}, and how many were upheld?",
            "How many complaints about {K} went to an ombudsman {T}, and with what outcome?",
        ], numeric: true),
        QuestionKind(id: "correspondence", nouns: [
            "copies of any correspondence with central government about {K} {T}",
            "any letters or emails exchanged with external bodies about {K} since {D}",
            "any briefing notes on {K} prepared for senior officers or members {T}",
        ], questions: [
            "Has {ORG} corresponded with any government department about {K} since {D}? If so, please provide copies.",
            "What briefings on {K} were prepared for senior managers {T}? Please provide copies.",
        ], numeric: false),
        QuestionKind(id: "minutes", nouns: [
            "the minutes of any meetings at which {K} was discussed {T}",
            "any reports on {K} presented to a committee or board {T}, with the minutes of those meetings",
            "the agendas and minutes of any working group dealing with {K} since {D}",
        ], questions: [
            "Which committees or boards discussed {K} {T}? Please provide the relevant minutes.",
            "Has any report on {K} gone to a board or committee since {D}? If it has, I would like a copy.",
        ], numeric: false),
        QuestionKind(id: "performance", nouns: [
            "any targets set for {K} and the figures showing whether they were met {T}",
            "the key performance indicators used to monitor {K} and their values {T}",
            "the average time taken to deal with {K} {T}",
        ], questions: [
            "What targets does {ORG} set for {K}, and were they met {T}?",
            "How is performance on {K} monitored, and what were the results {T}?",
        ], numeric: true),
        QuestionKind(id: "audits", nouns: [
            "any internal audit or review reports on {K} completed {T}",
            "any risk assessments covering {K} that are currently in force",
            "any external inspection or review findings relating to {K} since {D}",
        ], questions: [
            "Has {ORG} audited or reviewed {K} {T}? Where a report exists, please send it.",
            "What risk assessments cover {K}, and when were they last updated?",
        ], numeric: false),
    ]

    /// Extra kinds for themes recognised from the keyword's theme and words.
    static let themes: [(words: [String], kinds: [QuestionKind])] = [
        (["road", "highway", "transport", "traffic", "parking", "pothole", "street", "bus", "cycling"], [
            QuestionKind(id: "roads-claims", nouns: [
                "the number of compensation claims linked to {K} {T} and the total paid out",
                "the number of claims relating to {K} that were settled and the amount paid {T}",
            ], questions: [
                "How many compensation claims relating to {K} were made {T}, and how much was paid?",
            ], numeric: true),
            QuestionKind(id: "roads-inspections", nouns: [
                "the number of inspections carried out in relation to {K} {T}",
                "the average time taken to respond to reports of {K} {T}",
            ], questions: [
                "How many inspections relating to {K} were carried out {T}?",
            ], numeric: true),
        ]),
        (["housing", "home", "tenant", "homeless", "landlord", "rent", "accommodation"], [
            QuestionKind(id: "housing-cases", nouns: [
                "the number of households affected by {K} {T}",
                "the number of tenants who reported {K} {T} and the average time to resolve each case",
            ], questions: [
                "How many households were affected by {K} {T}?",
            ], numeric: true),
        ]),
        (["health", "hospital", "patient", "nhs", "care", "clinical", "mental", "gp"], [
            QuestionKind(id: "health-patients", nouns: [
                "the number of patients affected by {K} {T}",
                "the average waiting time associated with {K} {T}",
            ], questions: [
                "How many patients were affected by {K} {T}?",
                "What was the average waiting time associated with {K} {T}?",
            ], numeric: true),
        ]),
        (["police", "crime", "justice", "offence", "arrest", "court", "prison", "fraud"], [
            QuestionKind(id: "police-outcomes", nouns: [
                "the number of recorded offences involving {K} {T} and the outcome of each",
                "the number of arrests made in connection with {K} {T}",
            ], questions: [
                "How many recorded offences involved {K} {T}, and how many led to a charge?",
            ], numeric: true),
        ]),
        (["school", "education", "pupil", "student", "university", "teacher", "exclusion", "send"], [
            QuestionKind(id: "education-pupils", nouns: [
                "the number of pupils or students affected by {K} {T}",
                "the number of schools or sites where {K} was recorded {T}",
            ], questions: [
                "How many pupils or students were affected by {K} {T}?",
            ], numeric: true),
        ]),
        (["environment", "waste", "planning", "pollution", "flood", "tree", "air", "water", "climate", "energy", "noise"], [
            QuestionKind(id: "env-monitoring", nouns: [
                "any monitoring data held on {K} {T}",
                "the number of enforcement notices issued in relation to {K} {T}",
                "the locations where {K} was recorded or monitored {T}",
            ], questions: [
                "What monitoring of {K} has {ORG} carried out {T}, and what did it show?",
                "How many enforcement actions relating to {K} were taken {T}?",
            ], numeric: true),
        ]),
        (["finance", "procurement", "budget", "spend", "contract", "consultant", "pay", "salary", "expenses"], [
            QuestionKind(id: "finance-breakdown", nouns: [
                "a breakdown of spending on {K} by supplier {T}",
                "the ten largest payments made in connection with {K} {T}",
            ], questions: [
                "What were the largest payments made in connection with {K} {T}?",
            ], numeric: true),
        ]),
        (["data", "technology", "it", "cyber", "software", "digital", "records", "privacy", "surveillance", "cctv"], [
            QuestionKind(id: "data-systems", nouns: [
                "the name of any software or system used to manage {K}, and its annual cost",
                "the number of data breaches involving {K} reported {T}",
            ], questions: [
                "Which systems does {ORG} use for {K}, and what do they cost each year?",
            ], numeric: false),
        ]),
    ]

    /// Generic follow-ups that need no keyword (used sparingly).
    static let followUps = [
        "the name or job title of the officer responsible for this area",
        "where any of the above is already published, a link to the published figures",
        "an explanation of how the figures above are recorded, if they are estimates",
    ]

    /// Documents style: kinds of document.
    static let documents = [
        "the current policy on {K}, with the date it was adopted",
        "any procedure notes or staff guidance on {K}",
        "any reports on {K} presented to senior management or elected members {T}",
        "the minutes of meetings at which decisions about {K} were taken {T}",
        "any business case, options appraisal or feasibility study concerning {K}",
        "any contract or service specification for {K} currently in force",
        "any equality, privacy or environmental impact assessment relating to {K}",
        "any internal audit report that covers {K}",
        "any risk register entries relating to {K}",
        "any action plan or strategy document addressing {K}",
        "any correspondence with regulators about {K} since {D}",
        "any training materials given to staff on {K}",
    ]

    /// Kinds for a keyword: its theme's kinds first (if any), then the generic ones.
    static func kinds(for keyword: Keyword) -> [QuestionKind] {
        let w = Set(TextTools.words(keyword.theme + " " + keyword.text + " " + keyword.categories.joined(separator: " ")).map(TextTools.stem))
        var out: [QuestionKind] = []
        for theme in themes where theme.words.contains(where: { w.contains(TextTools.stem($0)) }) {
            out.append(contentsOf: theme.kinds)
        }
        if keyword.environmental, !out.contains(where: { $0.id == "env-monitoring" }),
           let env = themes.first(where: { $0.words.contains("environment") }) {
            out.append(contentsOf: env.kinds)
        }
        return out + generic
    }
}
