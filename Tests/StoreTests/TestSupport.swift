import Foundation
@testable import Store

/// A fresh folder under the system temporary directory, removed by the caller's `defer`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("foibandit-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository root, found from this file's path.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Writes a small seed tree (categories, authorities, keywords) into `dir`.
func writeSmallSeed(into dir: URL, authorities: String? = nil, keywords: String? = nil) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("authorities"), withIntermediateDirectories: true)
    try fm.createDirectory(at: dir.appendingPathComponent("keywords"), withIntermediateDirectories: true)
    try """
    group,category
    Local and regional,District councils
    Local and regional,Unitary authorities
    Emergency services,Police forces
    """.write(to: dir.appendingPathComponent("authorities/categories.csv"), atomically: true, encoding: .utf8)
    try (authorities ?? """
    name,short_name,group,category,nation,regime,website
    Leeds City Council,Leeds,Local and regional,Unitary authorities,England,FOIA 2000,https://www.leeds.gov.uk
    Cyngor Gwynedd,Gwynedd,Local and regional,Unitary authorities,Wales,FOIA 2000,
    "Comhairle nan Eilean Siar",Western Isles,Local and regional,Unitary authorities,Scotland,FOISA 2002,
    Harrogate District Council,Harrogate,Local and regional,District councils,England,FOIA 2000,
    West Yorkshire Police,WYP,Emergency services,Police forces,England,FOIA 2000,
    """).write(to: dir.appendingPathComponent("authorities/authorities.csv"), atomically: true, encoding: .utf8)
    try (keywords ?? """
    keyword,theme,categories,environmental
    pothole repairs,highways,Unitary authorities,false
    compensation claims,highways,Local and regional,false
    air quality monitoring,environment,Local and regional,true
    stop and search,policing,Police forces,false
    body-worn cameras,policing,Police forces,false
    agency staff spending,staffing,Local and regional; Emergency services,false
    """).write(to: dir.appendingPathComponent("keywords/keywords.csv"), atomically: true, encoding: .utf8)
}
