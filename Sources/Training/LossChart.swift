import Foundation

/// Loss curves of several stages as one SVG picture for the model card: training loss per step
/// (thin) and eval loss (dots), stages laid end to end on a shared step axis.
public enum LossChart {
    public struct Series {
        public var stage: String
        public var rows: [[String: Double]]
        public init(stage: String, rows: [[String: Double]]) { self.stage = stage; self.rows = rows }
    }

    static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]

    public static func svg(_ series: [Series], width: Double = 900, height: Double = 360) -> String {
        let left = 60.0, right = 20.0, top = 30.0, bottom = 40.0
        let losses = series.flatMap { $0.rows.compactMap { $0["loss"] } + $0.rows.compactMap { $0["eval_loss"] } }
            .filter { $0.isFinite }
        guard let maxLoss = losses.max(), let minLoss = losses.min() else { return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" }
        let totalSteps = Double(series.map { $0.rows.count }.reduce(0, +))
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ step: Double) -> Double { left + step / max(totalSteps, 1) * plotW }
        func y(_ loss: Double) -> Double { top + (maxLoss - loss) / max(maxLoss - minLoss, 1e-9) * plotH }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <line x1="\(left)" y1="\(top + plotH)" x2="\(left + plotW)" y2="\(top + plotH)" stroke="black"/>
        <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(top + plotH)" stroke="black"/>
        <text x="\(left + plotW / 2)" y="\(height - 8)" text-anchor="middle">step (stages end to end)</text>
        <text x="14" y="\(top + plotH / 2)" transform="rotate(-90 14 \(top + plotH / 2))" text-anchor="middle">loss</text>

        """
        for i in 0...4 {
            let v = minLoss + (maxLoss - minLoss) * Double(i) / 4
            out += "<text x=\"\(left - 6)\" y=\"\(y(v) + 4)\" text-anchor=\"end\">\(String(format: "%.2f", v))</text>\n"
        }
        var offset = 0.0
        for (i, s) in series.enumerated() {
            let colour = colours[i % colours.count]
            let pts = s.rows.enumerated().compactMap { j, r in
                r["loss"].map { String(format: "%.1f,%.1f", x(offset + Double(j)), y($0)) }
            }
            out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1\" points=\"\(pts.joined(separator: " "))\"/>\n"
            for (j, r) in s.rows.enumerated() {
                if let e = r["eval_loss"] {
                    out += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%@\" stroke=\"black\"/>\n", x(offset + Double(j)), y(e), colour)
                }
            }
            out += "<text x=\"\(x(offset) + 4)\" y=\"\(top - 10)\" fill=\"\(colour)\">\(s.stage)</text>\n"
            offset += Double(s.rows.count)
        }
        return out + "<text x=\"\(left + plotW)\" y=\"\(top - 10)\" text-anchor=\"end\">line: training loss · dots: eval loss</text>\n</svg>\n"
    }
}
