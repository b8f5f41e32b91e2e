import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One inline XBRL fact (`ix:nonFraction` or `ix:nonNumeric`) with its context and unit resolved
/// and its `ixt` transformation applied.
public struct XBRLFact: Codable, Sendable, Equatable {
    public var concept: String            // QName as written, e.g. "core:ProfitLoss"
    public var numeric: Bool              // nonFraction
    public var contextRef: String
    public var unitRef: String?
    public var displayed: String          // the text as shown in the document
    /// The fact value: a plain decimal for numbers ("-40248", "3810000"), the transformed text
    /// for non-numeric facts (ISO dates, "true"/"false"); nil for xsi:nil facts or unreadable ones.
    public var value: String?
    public var format: String?
    public var scale: Int
    public var decimals: String?
    public var negated: Bool              // sign="-"
    public var unit: String?              // resolved measure, e.g. "iso4217:GBP" or "pure"
    public var entity: String?            // context entity identifier
    public var entityScheme: String?
    public var periodStart: String?       // duration start (nil for instants)
    public var periodEnd: String?         // duration end or the instant
    public var dimensions: [String: String]
    public var problem: String?           // why `value` could not be read, or a leniency applied

    /// Concept local name ("ProfitLoss").
    public var localName: String { concept.split(separator: ":").last.map(String.init) ?? concept }
    public var decimalValue: Decimal? { value.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
}

public struct XBRLContext: Codable, Sendable, Equatable {
    public var id: String
    public var entity: String?
    public var scheme: String?
    public var start: String?
    public var end: String?      // endDate or instant
    public var instant: Bool
    public var dimensions: [String: String]
}

public struct IXBRLDocument: Sendable {
    public var facts: [XBRLFact]
    public var contexts: [String: XBRLContext]
    public var units: [String: String]
}

public enum IXBRLError: Error, CustomStringConvertible {
    case malformed(line: Int, column: Int, message: String)
    public var description: String {
        switch self {
        case let .malformed(l, c, m): return "malformed XHTML at line \(l), column \(c): \(m)"
        }
    }
}

/// Reads inline XBRL with Foundation's XMLParser (namespace-aware, so `ix:`, default-namespace and
/// `xbrli:`-less files all work). HTML entities are rewritten to numeric references first.
public enum IXBRLReader {
    static let ixNamespaces: Set<String> = ["http://www.xbrl.org/2008/inlineXBRL", "http://www.xbrl.org/2013/inlineXBRL"]
    static let xbrliNamespace = "http://www.xbrl.org/2003/instance"
    static let xbrldiNamespace = "http://xbrl.org/2006/xbrldi"

    public static func looksLikeIXBRL(_ text: String) -> Bool {
        let head = text.prefix(200_000)
        return head.contains("inlineXBRL") || head.contains("<ix:nonFraction") || head.contains("<ix:nonNumeric")
    }

    public static func read(_ text: String) throws -> IXBRLDocument {
        let data = Data(HTMLText.xmlSafe(text).utf8)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let d = Delegate()
        parser.delegate = d
        if !parser.parse() || d.failure != nil {
            let err = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown XML error"
            throw IXBRLError.malformed(line: parser.lineNumber, column: parser.columnNumber,
                                       message: d.failure ?? err)
        }
        return d.finish()
    }

    // MARK: parsing

    final class FactBuilder {
        var attrs: [String: String]
        var numeric: Bool
        var text = ""
        init(attrs: [String: String], numeric: Bool) { self.attrs = attrs; self.numeric = numeric }
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var facts: [XBRLFact] = []
        var open: [FactBuilder] = []
        var excludeDepth = 0
        var continuations: [String: (text: String, next: String?)] = [:]
        var openContinuations: [(id: String, next: String?, text: String)] = []
        var contexts: [String: XBRLContext] = [:]
        var units: [String: String] = [:]
        var ctx: XBRLContext?
        var unitId: String?
        var unitMeasures: [String] = []
        var inDivide = false
        var dimKey: String?
        var chars = ""              // text of the current small xbrli element
        var pendingContinuedAt: [Int: String] = [:]   // fact index -> continuedAt
        var failure: String?

        func attr(_ a: [String: String], _ local: String) -> String? {
            if let v = a[local] { return v }
            return a.first(where: { $0.key.hasSuffix(":" + local) })?.value
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI ns: String?,
                    qualifiedName: String?, attributes a: [String: String] = [:]) {
            let ns = ns ?? ""
            if IXBRLReader.ixNamespaces.contains(ns) {
                switch name {
                case "nonFraction", "nonNumeric":
                    open.append(FactBuilder(attrs: a, numeric: name == "nonFraction"))
                case "exclude": excludeDepth += 1
                case "continuation":
                    openContinuations.append((attr(a, "id") ?? "", attr(a, "continuedAt"), ""))
                default: break
                }
                return
            }
            if ns == IXBRLReader.xbrliNamespace {
                chars = ""
                switch name {
                case "context": ctx = XBRLContext(id: attr(a, "id") ?? "", entity: nil, scheme: nil, start: nil, end: nil, instant: false, dimensions: [:])
                case "identifier": ctx?.scheme = attr(a, "scheme")
                case "unit": unitId = attr(a, "id"); unitMeasures = []
                case "divide": inDivide = true
                default: break
                }
                return
            }
            if ns == IXBRLReader.xbrldiNamespace, name == "explicitMember" || name == "typedMember" {
                dimKey = attr(a, "dimension"); chars = ""
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI ns: String?, qualifiedName: String?) {
            let ns = ns ?? ""
            if IXBRLReader.ixNamespaces.contains(ns) {
                switch name {
                case "nonFraction", "nonNumeric":
                    if let b = open.popLast() {
                        facts.append(IXBRLReader.fact(b))
                        if let c = attr(b.attrs, "continuedAt") { pendingContinuedAt[facts.count - 1] = c }
                    }
                case "exclude": excludeDepth = max(0, excludeDepth - 1)
                case "continuation":
                    if let c = openContinuations.popLast() { continuations[c.id] = (c.text, c.next) }
                default: break
                }
                return
            }
            if ns == IXBRLReader.xbrliNamespace {
                let t = chars.trimmingCharacters(in: .whitespacesAndNewlines)
                switch name {
                case "identifier": ctx?.entity = t
                case "startDate": ctx?.start = t
                case "endDate": ctx?.end = t
                case "instant": ctx?.end = t; ctx?.instant = true
                case "context": if let c = ctx { contexts[c.id] = c }; ctx = nil
                case "measure": unitMeasures.append(t)
                case "unitNumerator", "unitDenominator": break
                case "divide": inDivide = false
                case "unit":
                    if let id = unitId { units[id] = unitMeasures.count == 2 ? unitMeasures.joined(separator: "/") : unitMeasures.joined(separator: "*") }
                    unitId = nil
                default: break
                }
                chars = ""
                return
            }
            if ns == IXBRLReader.xbrldiNamespace, let k = dimKey {
                ctx?.dimensions[k] = chars.trimmingCharacters(in: .whitespacesAndNewlines)
                dimKey = nil
            }
        }

        func parser(_ parser: XMLParser, foundCharacters s: String) {
            chars += s
            if excludeDepth > 0 { return }
            for b in open { b.text += s }
            for i in openContinuations.indices { openContinuations[i].text += s }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred e: Error) {
            if failure == nil { failure = (e as NSError).localizedDescription }
        }

        func finish() -> IXBRLDocument {
            // join ix:continuation chains onto their facts
            for (i, first) in pendingContinuedAt {
                var next: String? = first, seen = Set<String>()
                while let id = next, !seen.contains(id), let c = continuations[id] {
                    seen.insert(id)
                    facts[i].displayed += " " + c.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    next = c.next
                }
                if !facts[i].numeric && facts[i].format == nil { facts[i].value = facts[i].displayed }
            }
            for i in facts.indices {
                if let c = contexts[facts[i].contextRef] {
                    facts[i].entity = c.entity; facts[i].entityScheme = c.scheme
                    facts[i].periodStart = c.instant ? nil : c.start
                    facts[i].periodEnd = c.end
                    facts[i].dimensions = c.dimensions
                } else if facts[i].problem == nil {
                    facts[i].problem = "context \(facts[i].contextRef) is not defined"
                }
                if let u = facts[i].unitRef { facts[i].unit = units[u] ?? u }
            }
            return IXBRLDocument(facts: facts, contexts: contexts, units: units)
        }
    }

    static func fact(_ b: FactBuilder) -> XBRLFact {
        func attr(_ local: String) -> String? {
            if let v = b.attrs[local] { return v }
            return b.attrs.first(where: { $0.key.hasSuffix(":" + local) })?.value
        }
        let shown = b.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var f = XBRLFact(concept: attr("name") ?? "", numeric: b.numeric, contextRef: attr("contextRef") ?? "",
                         unitRef: attr("unitRef"), displayed: shown, value: nil, format: attr("format"),
                         scale: Int(attr("scale") ?? "") ?? 0, decimals: attr("decimals"),
                         negated: attr("sign") == "-", unit: nil, entity: nil, entityScheme: nil,
                         periodStart: nil, periodEnd: nil, dimensions: [:], problem: nil)
        if attr("nil") == "true" {
            f.problem = "xsi:nil"
            return f
        }
        do {
            if b.numeric {
                let r = try Transform.number(shown, format: f.format)
                f.problem = r.note
                f.value = Transform.scaled(r.value, scale: f.scale, negate: f.negated)
            } else {
                f.value = try Transform.text(shown, format: f.format)
            }
        } catch {
            f.problem = "\(error)"
        }
        return f
    }
}

/// The `ixt` transformation registry subset UK filings use (TR1 2010-04-20, TR2 2011-07-31,
/// TR3/TR4 names), applied to the displayed text. The sign of a number never comes from the text:
/// per the Inline XBRL spec it comes only from the `sign` attribute (brackets are presentation).
public enum Transform {
    public struct TransformError: Error, CustomStringConvertible {
        public var description: String
    }

    static func formatName(_ format: String?) -> String? {
        guard let f = format else { return nil }
        return (f.split(separator: ":").last.map(String.init) ?? f).lowercased()
    }

    static let dashes: Set<Character> = ["-", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{2010}"]

    /// Displayed number text → plain decimal string (unsigned), with a note when leniency was applied.
    public static func number(_ shown: String, format: String?) throws -> (value: String, note: String?) {
        var s = shown.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = formatName(format)
        switch name {
        case "fixed-zero", "zerodash", "numdash", "fixedzero":
            return ("0", nil)
        default: break
        }
        var note: String?
        if s.isEmpty { throw TransformError(description: "empty number") }
        if s.allSatisfy({ dashes.contains($0) }) || s.lowercased() == "nil" {
            return ("0", name == nil ? "dash or nil without a zerodash format read as 0" : nil)
        }
        if s.hasPrefix("(") && s.hasSuffix(")") {
            s = String(s.dropFirst().dropLast())
            note = "brackets inside the fact are presentation; the sign comes from the sign attribute"
        }
        let commaDecimal: Bool
        switch name {
        case "numcommadecimal", "num-comma-decimal", "numdotcomma", "numspacecomma", "numcomma": commaDecimal = true
        case nil, "numdotdecimal", "num-dot-decimal", "numcommadot", "numspacedot", "numdotdecimalin", "num-dot-decimal-apos",
             "numunitdecimal", "num-unit-decimal":
            commaDecimal = false
        default:
            throw TransformError(description: "unsupported number format \(format ?? "")")
        }
        var digits = ""
        var seenDecimal = false
        for ch in s {
            if ch.isASCII && ch.isNumber { digits.append(ch) }
            else if (commaDecimal ? ch == "," : ch == ".") && !seenDecimal { digits.append("."); seenDecimal = true }
            else if ch == "," || ch == "." || ch == " " || ch == "\u{A0}" || ch == "'" || ch == "\u{2009}" { continue }
            else { throw TransformError(description: "“\(shown)” is not a number in format \(format ?? "none")") }
        }
        guard !digits.isEmpty, digits != "." else { throw TransformError(description: "“\(shown)” has no digits") }
        if digits.hasSuffix(".") { digits.removeLast() }
        if digits.hasPrefix(".") { digits = "0" + digits }
        return (digits, note)
    }

    /// Applies scale (value × 10^scale) and sign exactly, in decimal.
    public static func scaled(_ plain: String, scale: Int, negate: Bool) -> String {
        guard var d = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")) else { return plain }
        if scale != 0 { d = Decimal(sign: .plus, exponent: scale, significand: d) }
        if negate && d != 0 { d = -d }
        return plainString(d)
    }

    static func plainString(_ d: Decimal) -> String {
        var v = d
        var r = Decimal()
        NSDecimalRound(&r, &v, 10, .plain)
        return NSDecimalNumber(decimal: r).stringValue
    }

    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, n) in names.enumerated() { m[n] = i + 1; m[String(n.prefix(3))] = i + 1 }
        m["sept"] = 9
        return m
    }()

    /// Non-numeric transformations: dates to ISO 8601, booleans, empty content.
    public static func text(_ shown: String, format: String?) throws -> String {
        guard let name = formatName(format) else { return shown }
        switch name {
        case "nocontent", "fixed-empty": return ""
        case "booleanfalse", "fixed-false": return "false"
        case "booleantrue", "fixed-true": return "true"
        default: break
        }
        if name.hasPrefix("date") {
            let monthFirst = name.contains("us") || name.contains("monthday")
            if let iso = isoDate(shown, monthFirst: monthFirst) { return iso }
            throw TransformError(description: "“\(shown)” is not a date in format \(format!)")
        }
        return shown
    }

    /// "31 October 2017", "31.3.18", "1/4/2017", "October 31, 2017" → "2017-10-31".
    public static func isoDate(_ s: String, monthFirst: Bool = false) -> String? {
        let parts = s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard parts.count >= 3 else { return nil }
        var day: Int?, month: Int?, year: Int?
        var numbers: [Int] = []
        for p in parts.prefix(4) {
            if let n = Int(p) { numbers.append(n) }
            else if let m = months[p] ?? months[String(p.prefix(3))], month == nil { month = m }
            else if p.hasSuffix("st") || p.hasSuffix("nd") || p.hasSuffix("rd") || p.hasSuffix("th"), let n = Int(p.dropLast(2)) { numbers.append(n) }
        }
        if let m = month {
            guard numbers.count >= 2 else { return nil }
            month = m
            if numbers[0] > 31 { year = numbers[0]; day = numbers[1] } else { day = numbers[0]; year = numbers[1] }
        } else {
            guard numbers.count >= 3 else { return nil }
            if numbers[0] > 31 { year = numbers[0]; month = numbers[1]; day = numbers[2] }
            else if monthFirst { month = numbers[0]; day = numbers[1]; year = numbers[2] }
            else { day = numbers[0]; month = numbers[1]; year = numbers[2] }
        }
        guard var y = year, let m = month, let d = day, (1...12).contains(m), (1...31).contains(d) else { return nil }
        if y < 100 { y += y < 70 ? 2000 : 1900 }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
