import Foundation

/// Learning rate: linear warmup from maxLR/warmup to maxLR over `warmupSteps`, then cosine decay
/// to `minLR` at `totalSteps`, flat after. Steps count from 0.
public struct LRSchedule: Sendable, Equatable, Codable {
    public var maxLR: Float
    public var minLR: Float
    public var warmupSteps: Int
    public var totalSteps: Int

    public init(maxLR: Float, minLR: Float = 0, warmupSteps: Int, totalSteps: Int) {
        self.maxLR = maxLR; self.minLR = minLR; self.warmupSteps = warmupSteps; self.totalSteps = totalSteps
    }

    public func lr(at step: Int) -> Float {
        if step < warmupSteps { return maxLR * Float(step + 1) / Float(warmupSteps) }
        if step >= totalSteps { return minLR }
        let ratio = Double(step - warmupSteps) / Double(max(1, totalSteps - warmupSteps))
        return minLR + Float(0.5 * (1 + cos(Double.pi * ratio))) * (maxLR - minLR)
    }
}
