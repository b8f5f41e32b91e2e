import Foundation

/// Everything that can be wrong with a checkpoint on disk, each case saying exactly what.
public enum CheckpointError: Error, CustomStringConvertible, LocalizedError, Equatable {
    case fileNotFound(String)
    case truncated(file: String, detail: String)
    case badHeader(file: String, detail: String)
    case missingTensor(file: String, name: String)
    case shapeMismatch(file: String, name: String, expected: [Int], found: [Int])
    case wrongDtype(file: String, name: String, dtype: String)
    case badConfig(String)
    case badTensor(file: String, name: String, detail: String)
    case io(String)

    public var description: String {
        switch self {
        case .fileNotFound(let f): return "checkpoint file not found: \(f)"
        case .truncated(let f, let d): return "truncated safetensors file \(f): \(d)"
        case .badHeader(let f, let d): return "bad safetensors header in \(f): \(d)"
        case .missingTensor(let f, let n): return "tensor \(n) missing from \(f)"
        case .shapeMismatch(let f, let n, let e, let s):
            return "tensor \(n) in \(f) has shape \(s) but the config needs \(e)"
        case .wrongDtype(let f, let n, let d): return "tensor \(n) in \(f) has dtype \(d); expected F32 (or F16/BF16)"
        case .badTensor(let f, let n, let d): return "tensor \(n) in \(f) \(d)"
        case .badConfig(let s): return "bad model config: \(s)"
        case .io(let s): return "checkpoint I/O error: \(s)"
        }
    }
    public var errorDescription: String? { description }
}
