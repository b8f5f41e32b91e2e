/// A public authority that can receive a request, as seeded from `authorities/`.
public struct Authority: Hashable, Codable, Sendable {
    public var name: String
    public var shortName: String
    /// Top level of the two-level taxonomy, e.g. "Local and regional".
    public var group: String
    /// Second level, e.g. "District councils".
    public var category: String
    public var nation: Nation
    public var regime: Regime
    public var website: String

    public init(name: String, shortName: String, group: String, category: String,
                nation: Nation, regime: Regime, website: String = "") {
        self.name = name
        self.shortName = shortName
        self.group = group
        self.category = category
        self.nation = nation
        self.regime = regime
        self.website = website
    }
}

/// Where an authority sits; decides FOIA 2000 vs FOISA 2002. `uk` is a UK-wide or cross-border body.
public enum Nation: String, Codable, CaseIterable, Sendable {
    case england = "England"
    case wales = "Wales"
    case scotland = "Scotland"
    case northernIreland = "Northern Ireland"
    case uk = "UK"

    /// How a letter names it where it sets its topic ("… in England", "… in the UK"): the composer's `{PLACE}` and
    /// the writer's `{place}` slot.
    public var place: String { self == .uk ? "the UK" : rawValue }
}

/// The access-to-information statute an authority answers under for non-environmental requests.
public enum Regime: String, Codable, CaseIterable, Sendable {
    case foia2000 = "FOIA 2000"
    case foisa2002 = "FOISA 2002"
}
