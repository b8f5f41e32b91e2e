import Foundation

/// Shareholder meetings (poll result tables with for/against/withheld and percentages, and notices)
/// and board changes (appointments, resignations, retirements).
extension FieldExtractor {
    /// "annual" or "general", from the first mention of a meeting.
    static func meetingKind(_ t: String) -> String? {
        guard let m = t.firstMatch(#"(?i)\b(annual general meeting|agm|general meeting|extraordinary general meeting|egm|gm)\b"#) else { return nil }
        let l = m.lowercased()
        return l == "agm" || l.hasPrefix("annual") ? "annual" : "general"
    }

    static func agmResult(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        f["meeting"] = meetingKind(t)
        if let s = t.firstMatch(#"(?i:meeting|AGM|GM)\b(?:[^.]|\.(?=\d)){0,60}? held (?:at (?:[^.]|\.(?=\d)){0,80}? )?(?:on |today,? )?((?:[A-Z][a-z]+day,? )?\#(Parse.dateRE))"#) {
            f["meeting_date"] = Parse.date(s)
        } else if t.range(of: #"(?i)held (?:earlier )?today"#, options: .regularExpression) != nil {
            f["meeting_date"] = d.rows.prefix(12).lazy.compactMap { Parse.date($0.text) }.first
        }
        if t.range(of: #"(?i)\b(?:was|were) not (?:duly )?passed|\bdefeated\b|\bnot carried\b|\bfailed to pass\b"#, options: .regularExpression) != nil {
            f["all_passed"] = "no"
        } else if t.range(of: #"(?i)\b(?:all|each) (?:of the )?(?:\w+ )?resolutions?(?:[^.]|\.(?=\d)){0,80}?(?:were|was) (?:duly )?passed|\ball resolutions(?:[^.]|\.(?=\d)){0,60}?passed|\beach of the resolutions(?:[^.]|\.(?=\d)){0,80}?passed"#, options: .regularExpression) != nil {
            f["all_passed"] = "yes"
        }
        pollTable(d, &f)
        return f
    }

    /// The poll table: a header with "For" and "Against" columns, then one row per resolution.
    static func pollTable(_ d: Doc, _ f: inout [String: String]) {
        guard let h = d.rows.indices.first(where: { i in
            let l = d.rows[i].cells.map(Doc.norm)
            return l.contains { $0 == "for" || $0.hasPrefix("votes for") || $0.hasSuffix(" for") || $0 == "for %" }
                && l.contains { $0.contains("against") }
        }) else { return }
        let header = d.rows[h]
        let names = header.cells.map(Doc.norm)
        guard let cFor = names.firstIndex(where: { $0 == "for" || $0.hasPrefix("votes for") || $0.hasSuffix(" for") || $0 == "for %" }) else { return }
        // the percentage of votes for: a "% for" column, or the first "%" column after "For"
        let cPct = names.firstIndex { $0 == "% for" || $0 == "for %" || $0 == "% of votes for" || $0 == "percentage for" }
            ?? names[(cFor + 1)...].firstIndex { $0 == "%" || $0.hasPrefix("% ") && !$0.contains("against") && !$0.contains("issued") && !$0.contains("isc") }
        var rows: [(number: String?, pct: Double)] = []
        for i in h + 1..<min(h + 60, d.rows.count) {
            let r = d.rows[i]
            if r.isBlank { if rows.isEmpty { continue } else { break } }
            guard let first = r.filled.first, r.filled.count >= 3 else { continue }
            let number = first.firstMatch(#"^(?:Resolution\s+|Res\.?\s*)?(\d{1,2})\b"#)
            var pct: String?
            if let c = cPct, let cell = d.cell(r, under: c, of: header) { pct = Parse.percent(cell, column: true) }
            if pct == nil {
                // rows that do not line up with the header: the first plain decimal after the first vote count
                let nums = Parse.amounts(r.filled.dropFirst().joined(separator: " | "))
                if let k = nums.firstIndex(where: { $0.grouped }) { pct = nums[(k + 1)...].first { ($0.decimals || $0.percent) && $0.double <= 100 }?.value }
            }
            guard let p = pct, let x = Double(p) else { continue }
            rows.append((number, x))
        }
        guard !rows.isEmpty else { return }
        f["resolutions"] = String(rows.count)
        let low = rows.min { $0.pct < $1.pct }!
        f["lowest_for_percent"] = Num.canonical(String(low.pct))
        f["lowest_for_resolution"] = low.number.map { String(Int($0)!) }
    }

    static func meetingNotice(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        f["meeting"] = meetingKind(t)
        if let s = t.firstMatch(#"(?:will be held|will take place|is to be held|to be held|will be convened)(.{0,160})"#) {
            f["meeting_date"] = Parse.date(s)
        }
        return f
    }

    static func annualReport(_ d: Doc) -> [String: String] {
        ["period_end": d.flat.firstMatch(#"(?:year|period|months) (?:ended|ending) ([^.;(]{6,30})"#).flatMap(Parse.date) ?? ""]
    }

    static func form83(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        f["discloser"] = d.value(["full name of discloser"], nextLine: false)
        f["issuer"] = d.value(["name of offeror/offeree", "name of offeree", "name of offeror"], nextLine: false)
        f["dealing_date"] = d.value(["date position held/dealing undertaken", "date position held"], nextLine: false).flatMap(Parse.date)
        return f
    }

    // MARK: board changes

    static let appointWords = #"\b(?:appoint(?:ed|ment)?|will join|has joined|joins|to join|will become|will succeed|to succeed|has been named|elected)\b"#
    static let resignWords = #"\b(?:step(?:ping|s)? down|stood down|resign(?:ed|ation|s)?|leave the board|leaving the board|will leave|has left)\b"#
    static let retireWords = #"\b(?:retire(?:s|d|ment)?|retiring|not (?:to )?(?:seek|stand for|offer (?:himself|herself) for) re-election)\b"#

    static func directorate(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        // the body: from the first full sentence, so neither a headline such as "Appointment of …" nor the
        // announcement's date line is read as the change
        let t = String(d.flat[d.bodyStart...])
        var first: (String, Range<String.Index>)?
        for (kind, re) in [("appointment", appointWords), ("resignation", resignWords), ("retirement", retireWords)] {
            if let r = t.range(of: re, options: [.regularExpression, .caseInsensitive]), first.map({ r.lowerBound < $0.1.lowerBound }) ?? true {
                first = (kind, r)
            }
        }
        guard let (kind, at) = first else { return f }
        f["change"] = kind
        // the sentence holding the change, and the one after it
        let start = t[..<at.lowerBound].range(of: ". ", options: .backwards)?.upperBound ?? t.startIndex
        let sentences = t[start...].components(separatedBy: ". ").prefix(2)
        let sentence = sentences.first ?? ""
        f["person"] = personIn(sentence, issuer: issuer(d))
        f["role"] = roleIn(sentence, kind: kind)
        f["effective_date"] = sentences.lazy.compactMap { Parse.date($0) }.first
        return f
    }

    /// Capitalised words that open sentences or name things, never part of a person's name here.
    static let notNames: Set<String> = Set(("the a an board company group directorate change changes appointment appointments resignation retirement "
        + "annual general meeting listing rule rules uk nomination committee senior independent director directors chair chairman chairwoman "
        + "chief officer executive non-executive finance financial operating interim search further announcement following with effect "
        + "january february march april may june july august september october november december monday tuesday wednesday thursday friday").split(separator: " ").map(String.init))

    /// The first capitalised run in `s` that reads as a person's name (not a role, the Board or the issuer).
    static func personIn(_ s: String, issuer: String?) -> String? {
        let words = s.split(separator: " ").map(String.init)
        var i = 0
        while i < words.count {
            let tail = words[i...].joined(separator: " ")
            if let name = Parse.leadingName(tail), !name.split(separator: " ").contains(where: { notNames.contains($0.lowercased()) }),
               !(issuer?.contains(name) ?? false) {
                return name
            }
            i += 1
        }
        return nil
    }

    /// "as Chief Financial Officer and …", "step down as …", "retire as Chair …".
    static func roleIn(_ s: String, kind: String) -> String? {
        guard let r = s.firstMatch(#"\bas (?:an? |the |its |our )?([A-Z][A-Za-z\-]*(?: (?:[A-Z][A-Za-z\-]*|of the|of))*)"#) else { return nil }
        var role = r
        for stop in [" of the Company", " of the Group", " of the", " of"] where role.hasSuffix(stop) { role = String(role.dropLast(stop.count)) }
        return role.isEmpty ? nil : role
    }
}
