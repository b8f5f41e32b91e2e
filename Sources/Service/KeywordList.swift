/// `keywords` in a request body: a JSON list of strings, or one string as a person types it
/// ("pothole repairs; street lighting", or with commas when no ';' is in it). Anything else is refused
/// with what is expected, not the decoder's "Expected to decode Array<Any> but found a string".
struct KeywordList: Decodable, Sendable {
    var values: [String]

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let list = try? c.decode([String].self) { values = list; return }
        if let text = try? c.decode(String.self) {
            let separator: Character = text.contains(";") ? ";" : ","
            values = text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return
        }
        throw DecodingError.typeMismatch([String].self, .init(codingPath: c.codingPath, debugDescription:
            "expected a list of strings, or one string with the keywords separated by ';' or ','"))
    }
}
