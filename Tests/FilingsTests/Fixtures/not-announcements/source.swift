import Foundation

struct Holding {
    var issuer: String
    var percent: Double
}

func parse(_ line: String) -> Holding? {
    let parts = line.split(separator: ",")
    guard parts.count == 2, let p = Double(parts[1]) else { return nil }
    return Holding(issuer: String(parts[0]), percent: p)
}

let holdings = ["Acme plc,5.12", "Borel plc,3.01"].compactMap(parse)
for h in holdings {
    print("\(h.issuer): \(h.percent)%")
}
