import Foundation

/// Announcement types (the RNS headline categories most often filed to the FCA's National Storage
/// Mechanism), plus `other`. `annualFinancialReport` also covers iXBRL accounts.
public enum FilingType: String, CaseIterable, Codable, Sendable {
    case holdings = "holdings"                 // Holding(s) in Company, TR-1
    case pdmr = "pdmr"                         // Director/PDMR Shareholding (MAR Art. 19)
    case ownShares = "own-shares"              // Transaction in Own Shares
    case votingRights = "voting-rights"        // Total Voting Rights
    case agmResult = "agm-result"              // Result of AGM
    case finalResults = "final-results"
    case halfYear = "half-year"                // Half-year Report
    case tradingUpdate = "trading-update"
    case meetingNotice = "meeting-notice"      // Notice of AGM / General Meeting
    case annualReport = "annual-report"        // Annual Financial Report
    case blockListing = "block-listing"        // Block Listing Return
    case form83 = "form-8.3"                   // Form 8.3 (Takeover Code dealing disclosure)
    case directorate = "directorate"           // Directorate Change
    case dividend = "dividend"                 // Dividend Declaration
    case nav = "nav"                           // Net Asset Value(s)
    case other = "other"

    public var title: String {
        switch self {
        case .holdings: return "Holding(s) in Company"
        case .pdmr: return "Director/PDMR Shareholding"
        case .ownShares: return "Transaction in Own Shares"
        case .votingRights: return "Total Voting Rights"
        case .agmResult: return "Result of AGM"
        case .finalResults: return "Final Results"
        case .halfYear: return "Half-year Report"
        case .tradingUpdate: return "Trading Update"
        case .meetingNotice: return "Notice of AGM / General Meeting"
        case .annualReport: return "Annual Financial Report"
        case .blockListing: return "Block Listing Return"
        case .form83: return "Form 8.3"
        case .directorate: return "Directorate Change"
        case .dividend: return "Dividend Declaration"
        case .nav: return "Net Asset Value"
        case .other: return "Other"
        }
    }

    /// Class index for the classifiers (allCases order).
    public var index: Int { FilingType.allCases.firstIndex(of: self)! }
    public static func from(index: Int) -> FilingType { allCases[index] }
}

/// Why a document could not be read. Every message names the file and says what to do.
public enum FilingError: Error, CustomStringConvertible, Equatable, Sendable {
    case empty(String)
    case binary(String, detail: String)
    case pdfNotRead(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case unreadable(String, detail: String)
    /// Text that reads as something other than a regulatory announcement (a README, a letter, "hello world").
    case notAnAnnouncement(String, reason: String)

    public var description: String {
        switch self {
        case .empty(let f): return "\(f): the file is empty; nothing to process"
        case .binary(let f, let d): return "\(f): not a text, HTML or XHTML filing (\(d)); binary files are not read"
        case .pdfNotRead(let f):
            return "\(f): PDF filings are not read (no PDF text extraction is built in and pdftotext is not used); "
                + "process the HTML/XHTML version of the announcement or report instead"
        case .tooLarge(let f, let b, let l):
            return "\(f): \(formatBytes(b)) is over the \(formatBytes(l)) limit for one filing; split it or raise --max-bytes"
        case .unreadable(let f, let d): return "\(f): \(d)"
        case .notAnAnnouncement(let f, let r):
            return "\(f): not a regulatory announcement (\(r)); it was not stored. `filings process --force` stores it anyway"
        }
    }
}

func formatBytes(_ n: Int) -> String {
    n >= 1 << 20 ? String(format: "%.1f MB", Double(n) / 1_048_576) : n >= 1024 ? String(format: "%.1f KB", Double(n) / 1024) : "\(n) bytes"
}
