import FOI

/// Held-out splits: a fixed salt holds out about 10% of authorities and 10% of keywords from all
/// training data. Membership depends only on the name (FNV-1a of salt + name), never on order,
/// so adding rows to the seed files does not move existing ones between splits.
public enum Splits {
    public static let salt = "foibandit-heldout-v1"
    /// Held out when hash % 1000 < 100.
    public static let heldOutPerMille: UInt64 = 100

    static func bucket(_ kind: String, _ name: String) -> UInt64 {
        StableHash.fnv1a([salt, kind, name.lowercased().trimmingSpaces]) % 1000
    }

    public static func isHeldOut(_ a: Authority) -> Bool { bucket("authority", a.name) < heldOutPerMille }
    public static func isHeldOut(_ k: Keyword) -> Bool { bucket("keyword", k.text) < heldOutPerMille }

    public static func trainingAuthorities(_ all: [Authority]) -> [Authority] { all.filter { !isHeldOut($0) } }
    public static func heldOutAuthorities(_ all: [Authority]) -> [Authority] { all.filter(isHeldOut) }
    public static func trainingKeywords(_ all: [Keyword]) -> [Keyword] { all.filter { !isHeldOut($0) } }
    public static func heldOutKeywords(_ all: [Keyword]) -> [Keyword] { all.filter(isHeldOut) }
}
