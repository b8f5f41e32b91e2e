import Foundation

public enum DocumentFormat: String, Codable, Sendable {
    case text, html, ixbrl
}

/// A filing read into text (tables as " | "-joined rows) and, for inline XBRL, its facts.
public struct FilingDocument: Sendable {
    public var filename: String
    public var format: DocumentFormat
    public var text: String
    public var ixbrl: IXBRLDocument?
    /// Things the reader tolerated or could not do (malformed XHTML, unreadable facts).
    public var warnings: [String]
}

public enum FilingReader {
    /// Larger inputs are refused before any parsing (a whole ESEF report is a few MB of XHTML).
    public static let defaultMaxBytes = 32 << 20

    public static func read(data: Data, filename: String, maxBytes: Int = defaultMaxBytes) throws -> FilingDocument {
        if data.isEmpty { throw FilingError.empty(filename) }
        if data.count > maxBytes { throw FilingError.tooLarge(filename, bytes: data.count, limit: maxBytes) }
        let head = [UInt8](data.prefix(65_536))
        if head.starts(with: Array("%PDF-".utf8)) { throw FilingError.pdfNotRead(filename) }
        if let kind = magicKind(head) { throw FilingError.binary(filename, detail: kind) }
        let text = try decode(data, head: head, filename: filename)
        if text.allSatisfy({ $0.isWhitespace }) { throw FilingError.empty(filename) }
        var warnings: [String] = []
        if IXBRLReader.looksLikeIXBRL(text) {
            var doc: IXBRLDocument?
            do {
                doc = try IXBRLReader.read(text)
                let bad = doc!.facts.filter { $0.value == nil && $0.problem != "xsi:nil" }
                for f in bad.prefix(5) { warnings.append("fact \(f.concept) (“\(f.displayed.prefix(40))”): \(f.problem ?? "unreadable")") }
                if bad.count > 5 { warnings.append("\(bad.count - 5) more facts could not be read") }
            } catch {
                warnings.append("\(filename): \(error); no XBRL facts were read, the text was read as HTML")
            }
            return FilingDocument(filename: filename, format: .ixbrl, text: HTMLText.text(text), ixbrl: doc, warnings: warnings)
        }
        if looksLikeHTML(text) {
            return FilingDocument(filename: filename, format: .html, text: HTMLText.text(text), ixbrl: nil, warnings: warnings)
        }
        let plain = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return FilingDocument(filename: filename, format: .text, text: plain, ixbrl: nil, warnings: warnings)
    }

    static func magicKind(_ h: [UInt8]) -> String? {
        if h.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "a ZIP archive; for an ESEF/UKSEF report package, unzip it and pass the .xhtml report"
        }
        if h.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if h.starts(with: [0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if h.starts(with: Array("GIF8".utf8)) { return "a GIF image" }
        if h.starts(with: [0x1F, 0x8B]) { return "gzip-compressed data; decompress it first" }
        if h.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "an old Microsoft Office file" }
        if h.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "an ELF executable" }
        return nil
    }

    static func decode(_ data: Data, head: [UInt8], filename: String) throws -> String {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            if let s = String(data: data, encoding: .utf16) { return s }
        }
        if head.contains(0) { throw FilingError.binary(filename, detail: "it contains NUL bytes") }
        var controls = 0
        for b in head where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        if controls * 20 > head.count { throw FilingError.binary(filename, detail: "\(controls) control bytes in the first \(head.count)") }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        if let s = String(data: bytes, encoding: .windowsCP1252) { return s }
        if let s = String(data: bytes, encoding: .isoLatin1) { return s }
        throw FilingError.unreadable(filename, detail: "not UTF-8, UTF-16 or Windows-1252 text")
    }

    static func looksLikeHTML(_ s: String) -> Bool {
        let head = s.prefix(8192).lowercased()
        return head.contains("<html") || head.contains("<body") || head.contains("<!doctype html")
            || head.contains("<table") || head.contains("<p>") || head.contains("<div")
    }
}
