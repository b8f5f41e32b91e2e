@testable import FOI

enum Fixtures {
    static let leeds = Authority(name: "Leeds City Council", shortName: "Leeds CC", group: "Local and regional",
                                 category: "Metropolitan district councils", nation: .england, regime: .foia2000)
    static let manchester = Authority(name: "Manchester City Council", shortName: "Manchester CC", group: "Local and regional",
                                      category: "Metropolitan district councils", nation: .england, regime: .foia2000)
    static let cardiff = Authority(name: "Cardiff Council", shortName: "Cardiff", group: "Local and regional",
                                   category: "Welsh unitary authorities", nation: .wales, regime: .foia2000)
    static let edinburgh = Authority(name: "City of Edinburgh Council", shortName: "Edinburgh Council", group: "Local and regional",
                                     category: "Scottish councils", nation: .scotland, regime: .foisa2002)
    static let psni = Authority(name: "Police Service of Northern Ireland", shortName: "PSNI", group: "Police and justice",
                                category: "Police forces", nation: .northernIreland, regime: .foia2000)
    static let hmrc = Authority(name: "HM Revenue and Customs", shortName: "HMRC", group: "Central government",
                                category: "Ministerial departments", nation: .uk, regime: .foia2000)
    static let forestry = Authority(name: "Forestry Commission", shortName: "Forestry Commission", group: "Central government",
                                    category: "Non-ministerial departments", nation: .uk, regime: .foia2000)
    static let sepa = Authority(name: "Scottish Environment Protection Agency", shortName: "SEPA", group: "Environment",
                                category: "Regulators", nation: .scotland, regime: .foisa2002)
    static let leedsTrust = Authority(name: "Leeds Teaching Hospitals NHS Trust", shortName: "LTHT", group: "Health",
                                      category: "NHS trusts", nation: .england, regime: .foia2000)

    static let authorities = [leeds, manchester, cardiff, edinburgh, psni, hmrc, forestry, sepa, leedsTrust]

    static let potholes = Keyword(text: "pothole repairs", theme: "Roads and transport", categories: ["Local and regional"], environmental: false)
    static let claims = Keyword(text: "compensation claims", theme: "Finance", categories: ["Local and regional"], environmental: false)
    static let airQuality = Keyword(text: "air quality monitoring", theme: "Environment", categories: ["Local and regional"], environmental: true)
    static let flyTipping = Keyword(text: "fly-tipping", theme: "Environment", categories: ["Local and regional"], environmental: true)
    static let agencyStaff = Keyword(text: "agency staff spending", theme: "Staff", categories: ["Local and regional", "Health"], environmental: false)
    static let exclusions = Keyword(text: "school exclusions", theme: "Education", categories: ["Local and regional"], environmental: false)
    static let stopSearch = Keyword(text: "stop and search", theme: "Policing", categories: ["Police and justice"], environmental: false)
    static let treeFelling = Keyword(text: "tree felling licences", theme: "Environment", categories: ["Central government"], environmental: true)
    static let waitingTimes = Keyword(text: "A&E waiting times", theme: "Health", categories: ["Health"], environmental: false)
    static let cyber = Keyword(text: "cyber security incidents", theme: "Data and technology", categories: ["Central government"], environmental: false)

    static let keywords = [potholes, claims, airQuality, flyTipping, agencyStaff, exclusions, stopSearch, treeFelling, waitingTimes, cyber]

    static let judge = Judge(knownAuthorities: authorities, knownKeywords: keywords)

    /// A hand-written letter that passes every check.
    static let goodLetter = """
    Dear Leeds City Council,

    I am writing to request information under the Freedom of Information Act 2000.

    Please provide the following for the financial years 2021/22 to 2024/25:
    1. The number of pothole repairs carried out in each year.
    2. The total amount paid out in compensation claims arising from road defects in each year.
    3. A copy of your current policy on inspecting roads for defects.

    I would like to receive the information electronically, as a spreadsheet.

    If this request would exceed the cost limit under section 12 of the Act, please tell me how I could narrow it.

    Yours faithfully,
    [Your name]
    """
}
