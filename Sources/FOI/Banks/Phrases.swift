/// Phrase banks for the parts of a request letter. Placeholders:
/// `{A}` authority name, `{ORG}` how the letter refers to the authority ("the council", "your organisation"),
/// `{LAW}` the full citation, `{K}` a keyword, `{P}` the time frame phrase, `{T}` a short back-reference
/// to the time frame, `{D}` a start date, `{U}` the breakdown unit ("financial year"), `{PLACE}` the nation.
package enum Phrases {
    /// Greetings that name the authority.
    package static let namedGreetings = [
        "Dear {A},",
        "Dear {A} Freedom of Information Team,",
        "Dear {A} FOI team,",
        "To the Freedom of Information Officer, {A}",
        "Dear Information Governance Team at {THEA},",
        "Dear {A} Information Rights Team,",
    ]

    /// Greetings that do not: the opening must then name the authority.
    package static let plainGreetings = [
        "Dear Freedom of Information Officer,",
        "Dear FOI Officer,",
        "Dear FOI Team,",
        "Dear Sir or Madam,",
        "Dear Information Governance Team,",
        "Dear Information Rights Officer,",
        "Dear Records Management Team,",
        "Dear Data Protection and FOI Team,",
        "Hello,",
    ]

    package static let namedOpenings = [
        "I am writing to {THEA} to request information under {LAW}.",
        "Under {LAW}, I would like to request the following information from {THEA}.",
        "Please treat this as a request to {THEA} for recorded information under {LAW}.",
        "I would be grateful if {THEA} could provide the following information under {LAW}.",
        "I am making a request to {THEA} under {LAW}.",
        "This is a request for information held by {THEA}, made under {LAW}.",
        "I wish to make a request under {LAW} for information held by {THEA}.",
        "I am requesting information from {THEA} under {LAW}.",
    ]

    package static let plainOpenings = [
        "I am writing to make a request for information under {LAW}.",
        "Please treat this email as a request for information under {LAW}.",
        "Under {LAW}, I am requesting the information set out below.",
        "I would like to make a request under {LAW}.",
        "I am making this request under {LAW}.",
        "This is a request for recorded information under {LAW}.",
    ]

    /// Optional context after the opening (uses the first keyword).
    package static let contexts = [
        "I am interested in how {ORG} manages {K}.",
        "I am researching {K} across public bodies in {PLACE}.",
        "I have followed recent public discussion of {K} with interest.",
        "I am a journalist looking into {K}.",
        "My interest is in {K} and how the picture has changed in recent years.",
        "I am compiling a comparison of {K} across several authorities.",
        "I am a student writing a dissertation that touches on {K}.",
        "I work for a small charity and we are looking at {K}.",
        "The information will help me understand how {ORG} deals with {K}.",
        "I would like to understand the facts about {K} from the records themselves.",
    ]

    /// A background paragraph after the opening, in place of a one-line context: why the person is asking,
    /// with no persona (a letter has at most one voice) and nothing another part says again.
    package static let backgrounds = [
        "By way of background, I have read {ORG}'s published reports, but they do not answer the questions below about {K}. I am asking only for information you already hold, not for anything to be created.",
        "Some context may help. There has been public discussion of {K} recently, and I would like to see what {ORG}'s own records show rather than rely on second-hand accounts.",
        "For context, I looked for this information on {ORG}'s website and in its publication scheme before writing, but could not find it.",
        "I should explain why I am asking. I am trying to build an accurate picture of {K} in {PLACE}, and each body's own records are the most reliable source.",
        "A little background: I have a long-standing interest in {K} and have made similar requests to other bodies, so information in the form you already keep it is most useful to me.",
    ]

    /// Openings of a request that follows an earlier one (`{REF}` its reference); they name the body.
    package static let followUpOpenings = [
        "Further to my earlier request to {THEA} about {K} (your reference {REF}), I would now like to ask for the following information under {LAW}.",
        "Thank you for your reply to my previous request (reference {REF}). I have some further questions for {THEA}, which I am asking under {LAW}.",
        "I am writing again to {THEA}, following your response to my request {REF}, to make a new request under {LAW}.",
    ]

    /// Three-line requests: the whole ask in one sentence ({Q} the questions), then thanks.
    package static let shortAsks = [
        "Under {LAW}, please could {THEA} tell me {Q}, for {P}?",
        "Please could {THEA} tell me, under {LAW}, {Q}, for {P}?",
        "I would like {THEA} to tell me, under {LAW}, {Q}, for {P}.",
        "Under {LAW}, please could {THEA} send me {Q}, covering {P}?",
    ]

    /// Sentences that fix the time frame for the whole request. None speaks of parts: a sentence that reads right only
    /// over two items or more ("answer as many parts as you can") was the model's commonest failure over one item
    /// (41 of sft29's 600 own letters, session 24), so the banks word the period and the cost limit for any count.
    package static let timeSentences = [
        "Unless stated otherwise, this request covers {P}.",
        "I am interested in {P}.",
        "Please answer each question for {P}.",
        "Where figures are requested, please give them for {P}.",
        "This request covers {P}.",
        "The request relates to {P}.",
    ]

    package static let numberedIntros = [
        "Please provide the following:",
        "Please provide the following information:",
        "Specifically, I would like to know:",
        "I would like the following recorded information:",
        "Please could you tell me:",
        "In particular, please provide:",
        "I am requesting the following:",
        "Could you please provide:",
    ]

    package static let formats = [
        "I would like to receive the information in electronic form, ideally as a spreadsheet (CSV or Excel).",
        "Please send the information by email, with any figures in a spreadsheet.",
        "If possible, please provide the data in a machine-readable format such as CSV.",
        "An electronic copy is fine; for figures, a CSV or Excel file would be most helpful.",
        "Please reply by email, and provide any numerical data as a spreadsheet rather than a PDF.",
        "My preferred format is electronic: a spreadsheet for the figures and PDF for any documents.",
        "I would prefer the information electronically, in a reusable format such as CSV or XLSX.",
        "Please provide the figures as a spreadsheet; an email reply is fine for the rest.",
        "Electronic copies sent to this email address would be ideal.",
        "Any format is fine as long as it is electronic, though a spreadsheet is best for the numbers.",
    ]

    package static let documentFormats = [
        "Electronic copies (PDF or the original file format) sent by email would be ideal.",
        "Please send the documents electronically; PDF is fine.",
        "Electronic copies are preferred, in whatever format the documents are held.",
        "I would like the documents by email, as PDF or Word files.",
        "Please provide electronic copies; for anything already online, a web link will do.",
    ]

    package static let tableFormats = [
        "A CSV or Excel file would be ideal.",
        "Please send the table as a spreadsheet (CSV or XLSX) by email.",
        "I would prefer the figures in a machine-readable spreadsheet such as CSV.",
        "An Excel or CSV file attached to an email would be perfect.",
    ]

    package static let tableLayouts = [
        "If possible, please set this out as a table with one row per {U} and a column for each item above.",
        "A table with a row for each {U} and a column for each figure would be easiest to read.",
        "Please arrange the figures in a table: one row per {U}, one column per item.",
        "I would find it easiest to read as a single table, broken down by {U}.",
    ]

    package static let smallNumberNotes = [
        "Where a figure is zero, please show 0 rather than leaving the cell blank.",
        "If any figure is too small to release, please say so in the relevant cell rather than omitting the row.",
        "Where a figure is not recorded, please mark it as such rather than leaving it blank.",
    ]

    /// Words of the sentences above and below that speak of a request in several parts, or of its first two items:
    /// a request of one item (or of two) reads them as leftovers ("please answer as many parts as you can and suggest
    /// how I might narrow the others" under a single item, read in sft14's product letters, session 21).
    /// ("Please answer each question for …" over one question is left alone: harmless, and a model letter read in
    /// session 13 had it.)
    package static let severalParts = ["each part of this request", "All parts of the request", "which parts you can answer",
                                       "as many parts as you can"]
    package static let firstTwoItems = "the first two items"
    /// The sentences the banks once had that speak of several parts, and what the banks say now, for any count: the
    /// writer's repair of a product letter with one item, and the wording of the model's own letters kept for
    /// self-training, so that no round teaches the count-dependent sentence again (`ListWording`).
    package static let oneItemWordings: [(several: String, one: String)] = [
        ("Unless stated otherwise, each part of this request covers", "Unless stated otherwise, this request covers"),
        ("All parts of the request relate to", "The request relates to"),
        ("please tell me which parts you can answer within the limit and how I could narrow the rest", "please tell me how I could narrow it"),
        ("If answering every part would take you over the section 12 cost limit, please answer as many parts as you can and suggest how I might narrow the others",
         "If answering would take you over the section 12 cost limit, please suggest how I might narrow the request"),
        ("please prioritise the first two items and advise me, under section 16, how to refine the remainder",
         "please advise me, under section 16, how to refine the request"),
    ]
    /// The period sentence for figures, and what a letter that asks for none says instead (`ListWording`).
    package static let noFigureWordings: [(figures: String, none: String)] = [
        ("Where figures are requested, please give them for", "This request covers"),
    ]
    /// Cost-limit clauses, keyed by which law governs costs.
    package static let costFOIA = [
        "If responding in full would exceed the appropriate limit under section 12 of the Freedom of Information Act, please tell me how I could narrow the request.",
        "Should the cost of compliance exceed the limit in section 12 of FOIA, I would be happy to narrow the request; please contact me with suggestions before refusing it.",
        "If the cost limit in section 12 of FOIA would be exceeded, please advise me, under section 16, how to refine the request.",
        "If answering would take you over the section 12 cost limit, please suggest how I might narrow the request.",
        "I am aware of the cost limit in section 12 of the Freedom of Information Act; if this request would exceed it, please let me know how it could be narrowed, in line with your duty to advise and assist under section 16.",
    ]

    /// For requests that fall partly under the Act and partly under the Regulations.
    package static let costFOIAandEIR = [
        "If answering the non-environmental parts would exceed the cost limit in section 12 of FOIA, or you consider any environmental part manifestly unreasonable under regulation 12(4)(b) of the EIR, please tell me how I could narrow the request before refusing it.",
        "Should the request exceed the section 12 cost limit for the parts under the Act, or be manifestly unreasonable under regulation 12(4)(b) for the parts under the EIR, I would be glad of your advice on narrowing it.",
    ]

    package static let costFOISAandEISR = [
        "If answering the non-environmental parts would exceed the £600 cost limit in section 12 of FOISA, or you consider any environmental part manifestly unreasonable under regulation 10(4)(b) of the EISR, please advise me how to narrow the request.",
        "Should the request exceed the section 12 cost limit of FOISA for the parts under the Act, or be manifestly unreasonable under regulation 10(4)(b) of the EISR for the rest, please contact me so that I can refine it.",
    ]

    /// With the appropriate limit's figure, `{LIMIT}`, filled from the body's profile.
    package static let costFOIAFigure = [
        "If complying would cost more than the {LIMIT} appropriate limit under section 12 of the Freedom of Information Act, please tell me how I could narrow the request, in line with your duty under section 16 to advise and assist.",
        "I understand that you may refuse a request that would cost more than {LIMIT} to answer; if this one would, please help me narrow it under section 16 rather than refusing it outright.",
    ]

    package static let costFOISA = [
        "If the cost of complying would exceed the £600 limit set under section 12 of the Freedom of Information (Scotland) Act 2002, please let me know how I could narrow the request, in line with your duty to advise and assist under section 15.",
        "Should this request exceed the cost limit in section 12 of FOISA, please contact me so that I can narrow it before you issue a refusal.",
        "If answering in full would cost more than the prescribed £600 limit under section 12 of FOISA, please provide what you can within it and tell me how to refine the rest.",
        "I understand that section 12 of FOISA allows you to refuse requests costing more than £600; if that applies, please advise me under section 15 how to bring the request within the limit.",
    ]

    package static let costEIR = [
        "I appreciate that the EIR contain no fixed cost limit; if you consider any part of this request manifestly unreasonable under regulation 12(4)(b), please tell me how I could narrow it before refusing it.",
        "If you consider that complying would be manifestly unreasonable under regulation 12(4)(b) of the EIR, please contact me so that I can narrow the request, as regulation 9 requires you to advise and assist.",
        "Should the volume of information make the request manifestly unreasonable under regulation 12(4)(b), please suggest how I could refine it.",
    ]

    package static let costEISR = [
        "If you consider any part of this request manifestly unreasonable under regulation 10(4)(b) of the EISR, please tell me how I could narrow it, in line with your duty to advise and assist under regulation 9.",
        "Should complying be manifestly unreasonable under regulation 10(4)(b) of the EISR because of the volume of information, please contact me so that I can refine the request.",
        "The EISR have no fixed cost limit, but if you think any part would be manifestly unreasonable under regulation 10(4)(b), please suggest how I could narrow it.",
    ]

    /// Optional sentences before the close.
    package static let clarifications = [
        "If any part of this request is unclear, please contact me so that I can clarify it.",
        "If you are unable to provide some of this information, please provide the rest and explain which exemption applies.",
        "If some of the information is already published, a link to it is enough.",
        "If you need me to clarify anything, please get in touch.",
        "If you hold only part of the information, please send what you hold and tell me which parts you do not hold.",
        "If you withhold any information, please tell me which exemption you rely on and why.",
    ]

    package static let thanks = [
        "Thank you for your time; I look forward to your reply within 20 working days.",
        "I look forward to hearing from you within the statutory time limit.",
        "Thank you in advance for your help.",
        "Many thanks for your assistance with this request.",
        "I look forward to your response.",
        "Thank you for dealing with this request.",
        "I am grateful for your help and look forward to your reply.",
    ]

    package static let signOffs = [
        // No "Yours sincerely": every greeting is to a team or an office, not a named person.
        "Yours faithfully,", "Yours faithfully,", "Kind regards,", "Many thanks,",
        "With thanks,", "Best regards,", "Regards,", "Thanks,",
    ]

    /// A request must give the requester's name: a placeholder that the product fills (`--requester`).
    package static let names = ["[Your name]", "[Name]", "[Requester's name]", "[Full name]"]

    /// Brief style: one paragraph.
    package static let briefOpenings = [
        "Under {LAW}, please provide the following information held by {THEA} for {P}:",
        "I am writing to {THEA} under {LAW} to ask, for {P}, for",
        "Please treat this as a request to {THEA} under {LAW}. For {P}, please provide",
        "Under {LAW}, I would like {THEA} to provide, for {P},",
        "I am requesting from {THEA}, under {LAW} and covering {P},",
    ]

    package static let briefFormats = [
        "A spreadsheet or CSV by email would be ideal.",
        "Please reply by email, with figures in a spreadsheet if possible.",
        "An electronic reply is fine, with any data as CSV.",
        "Electronic copies are preferred.",
    ]

    package static let briefCosts: [Regime: [String]] = [
        .foia2000: [
            "If this exceeds the section 12 cost limit, please tell me how to narrow it.",
            "If the section 12 FOIA cost limit would be exceeded, please advise me how to narrow the request.",
            "Should the request exceed the FOIA cost limit, I am happy to narrow it.",
        ],
        .foisa2002: [
            "If this exceeds the £600 cost limit under section 12 of FOISA, please tell me how to narrow it.",
            "Should the request exceed the FOISA section 12 cost limit, please advise me how to refine it.",
        ],
    ]

    /// Part environmental: the Act's cost limit and the Regulations' test, each for its part.
    package static let briefCostsMixed: [Regime: [String]] = [
        .foia2000: [
            "If this exceeds the section 12 cost limit, or any environmental part is manifestly unreasonable under regulation 12(4)(b) of the EIR, please tell me how to narrow it.",
        ],
        .foisa2002: [
            "If this exceeds the £600 cost limit under section 12 of FOISA, or any environmental part is manifestly unreasonable under regulation 10(4)(b) of the EISR, please tell me how to narrow it.",
        ],
    ]
    package static let briefCostsEnvironmental: [Regime: [String]] = [
        .foia2000: [
            "If you consider it manifestly unreasonable under regulation 12(4)(b) of the EIR, please tell me how to narrow it.",
            "Should the request be manifestly unreasonable under the EIR, I am happy to narrow it.",
        ],
        .foisa2002: [
            "If you consider it manifestly unreasonable under regulation 10(4)(b) of the EISR, please tell me how to narrow it.",
            "Should the request be manifestly unreasonable under the EISR, I am happy to refine it.",
        ],
    ]

    /// Detailed style: definitions.
    package static let definitionIntros = [
        "For the purposes of this request:",
        "To avoid any doubt, I use the following definitions:",
        "In this request:",
        "Some definitions, to make the request precise:",
    ]

    package static let keywordDefinitions = [
        "“{K}” has the meaning {ORG} gives it in its own records.",
        "where {ORG} records “{K}” under another heading, please treat that heading as included.",
    ]

    package static let otherDefinitions = [
        "“recorded information” includes emails, spreadsheets, reports, notes and database records;",
        "“documents” includes drafts where no final version exists;",
        "“the period” means {P};",
    ]

    /// Documents style.
    package static let documentIntros = [
        "Please provide copies of the following documents:",
        "I would like copies of:",
        "Please send me copies of the following:",
        "I am requesting copies of these documents:",
        "Could you please provide copies of:",
    ]

    package static let documentScopes = [
        // Each scope is a period for every kind of document: reports and minutes are produced, policies are
        // in force. A clause about versions alone bounds neither an audit report nor a set of minutes.
        "This covers documents produced, or in force, at any time since {D}.",
        "I am interested in documents in force or produced during {P}.",
        "This covers documents produced since {D}; for a policy or plan, please include each version in force since then, not only the current one.",
        "Please include documents produced since {D}, and each version of any policy revised since then.",
    ]
    /// The words of the scopes above that ask for every version of a policy, which an item asking only for the one
    /// "currently in force" contradicts (the composer then takes the plain scope; the judge fails the pair).
    package static let everyVersionScopes = ["not only the current one", "each version of any policy"]

    package static let tableIntros = [
        "Please provide the following figures, broken down by {U}:",
        "I would like these figures for each {U} in the period:",
        "For each {U}, please provide:",
        "Please give me the following, for each {U}:",
    ]

    /// Every phrase of every bank: the composer's sentences, which `FrameSupport` reads as fluent English.
    package static var all: [String] {
        let lists: [[String]] = [
            namedGreetings, plainGreetings, namedOpenings, plainOpenings, contexts, backgrounds, followUpOpenings, shortAsks,
            timeSentences, numberedIntros, formats, documentFormats, tableFormats, tableLayouts, smallNumberNotes, costFOIA,
            costFOIAandEIR, costFOISAandEISR, costFOIAFigure, costFOISA, costEIR, costEISR, clarifications, thanks, signOffs,
            briefOpenings, briefFormats, definitionIntros, keywordDefinitions, otherDefinitions, documentIntros, documentScopes,
            tableIntros,
        ]
        let byRegime = [briefCosts, briefCostsMixed, briefCostsEnvironmental].flatMap { $0.values.flatMap { $0 } }
        return lists.flatMap { $0 } + byRegime
    }
}

