import Foundation
import LM

/// The safetensors format, read and written by our own code:
/// 8-byte little-endian header length N, N bytes of JSON
/// `{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}`,
/// then the raw little-endian tensor bytes (offsets relative to the end of the header).
public struct SafeTensorsFile {
    public struct Entry: Sendable {
        public let dtype: String
        public let shape: [Int]
        public let begin: Int, end: Int   // byte range within the data section
    }

    public let path: String
    public let metadata: [String: String]
    public let entries: [String: Entry]
    private let data: Data
    private let dataStart: Int

    public init(contentsOf url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw CheckpointError.fileNotFound(url.path) }
        let d: Data
        do { d = try Data(contentsOf: url, options: .alwaysMapped) } catch { throw CheckpointError.io("cannot read \(url.path): \(error)") }
        try self.init(data: d, path: url.path)
    }

    public init(data d: Data, path: String) throws {
        self.path = path
        data = d
        guard d.count >= 8 else { throw CheckpointError.truncated(file: path, detail: "\(d.count) bytes, shorter than the 8-byte header length") }
        var n: UInt64 = 0
        for i in 0..<8 { n |= UInt64(d[d.startIndex + i]) << (8 * UInt64(i)) }
        guard n <= UInt64(d.count - 8) else {
            throw CheckpointError.truncated(file: path, detail: "header length \(n) exceeds the \(d.count - 8) bytes after it")
        }
        dataStart = 8 + Int(n)
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: d.subdata(in: d.startIndex + 8..<d.startIndex + dataStart)) }
        catch { throw CheckpointError.badHeader(file: path, detail: "header is not valid JSON (\(n) bytes)") }
        guard let dict = json as? [String: Any] else { throw CheckpointError.badHeader(file: path, detail: "header is not a JSON object") }
        var meta = [String: String](), ents = [String: Entry]()
        let available = d.count - dataStart
        for (name, value) in dict {
            if name == "__metadata__" {
                guard let m = value as? [String: Any] else { throw CheckpointError.badHeader(file: path, detail: "__metadata__ is not an object") }
                for (k, v) in m { meta[k] = v as? String ?? "\(v)" }
                continue
            }
            guard let e = value as? [String: Any], let dtype = e["dtype"] as? String,
                  let shape = Self.ints(e["shape"]), let offs = Self.ints(e["data_offsets"]), offs.count == 2 else {
                throw CheckpointError.badHeader(file: path, detail: "entry \(name) lacks dtype, shape or data_offsets")
            }
            guard shape.allSatisfy({ $0 >= 0 }), offs[0] >= 0, offs[0] <= offs[1] else {
                throw CheckpointError.badHeader(file: path, detail: "entry \(name) has negative shape or inverted offsets")
            }
            guard offs[1] <= available else {
                throw CheckpointError.truncated(file: path, detail: "tensor \(name) ends at byte \(offs[1]) of data but only \(available) bytes are present")
            }
            var elements = 1
            for s in shape {
                let (r, overflow) = elements.multipliedReportingOverflow(by: s)
                if overflow || r > available { throw CheckpointError.badHeader(file: path, detail: "tensor \(name) has an impossible shape \(shape)") }
                elements = r
            }
            if let size = Self.dtypeSize(dtype), size * elements != offs[1] - offs[0] {
                throw CheckpointError.badHeader(file: path, detail: "tensor \(name): shape \(shape) × \(dtype) needs \(size * elements) bytes, offsets give \(offs[1] - offs[0])")
            }
            ents[name] = Entry(dtype: dtype, shape: shape, begin: offs[0], end: offs[1])
        }
        metadata = meta; entries = ents
    }

    private static func ints(_ v: Any?) -> [Int]? {
        guard let a = v as? [Any] else { return nil }
        var out = [Int]()
        for x in a {
            // Through Double with a bound: intValue of 1e30 is not a number we may index with.
            guard let n = x as? NSNumber, n.doubleValue.isFinite, n.doubleValue == n.doubleValue.rounded(),
                  abs(n.doubleValue) <= 9_007_199_254_740_992 else { return nil }
            out.append(Int(n.doubleValue))
        }
        return out
    }

    static func dtypeSize(_ dtype: String) -> Int? {
        switch dtype { case "F32", "I32", "U32": return 4; case "F16", "BF16", "I16": return 2; case "F64", "I64", "U64": return 8
        case "I8", "U8", "BOOL": return 1; default: return nil }
    }

    /// Copies tensor `name` into `dst` as Float32 (F16 and BF16 are widened), checking its shape.
    public func read(_ name: String, into dst: UnsafeMutablePointer<Float>, shape expected: [Int]) throws {
        guard let e = entries[name] else { throw CheckpointError.missingTensor(file: path, name: name) }
        guard e.shape == expected else { throw CheckpointError.shapeMismatch(file: path, name: name, expected: expected, found: e.shape) }
        let n = expected.reduce(1, *)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let src = raw.baseAddress! + dataStart + e.begin
            switch e.dtype {
            case "F32":
                UnsafeMutableRawPointer(dst).copyMemory(from: src, byteCount: n * 4)   // little-endian hosts only
            case "BF16":
                for i in 0..<n { dst[i] = Float(bitPattern: UInt32(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16) }
            case "F16":
                #if arch(x86_64) || arch(arm64)
                for i in 0..<n { dst[i] = Float(Float16(bitPattern: src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
                #endif
            default: break
            }
        }
        if !["F32", "BF16", "F16"].contains(e.dtype) { throw CheckpointError.wrongDtype(file: path, name: name, dtype: e.dtype) }
    }

    /// Tensor `name` as a Float array of its own shape.
    public func floats(_ name: String) throws -> [Float] {
        guard let e = entries[name] else { throw CheckpointError.missingTensor(file: path, name: name) }
        var out = [Float](repeating: 0, count: e.shape.reduce(1, *))
        try out.withUnsafeMutableBufferPointer { try read(name, into: $0.baseAddress!, shape: e.shape) }
        return out
    }

    /// Serialises F32 tensors (in the given order) and string metadata; the header is padded
    /// with spaces to a multiple of 8 bytes as the reference implementation does.
    public static func serialize(_ tensors: [(name: String, shape: [Int], data: UnsafePointer<Float>)],
                                 metadata: [String: String] = ["format": "pt"]) -> Data {
        func q(_ s: String) -> String {
            var o = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": o += "\\\""; case "\\": o += "\\\\"
                case _ where ch.value < 0x20: o += String(format: "\\u%04x", ch.value)
                default: o.unicodeScalars.append(ch)
                }
            }
            return o + "\""
        }
        var parts = ["\"__metadata__\":{" + metadata.keys.sorted().map { q($0) + ":" + q(metadata[$0]!) }.joined(separator: ",") + "}"]
        var offset = 0
        for t in tensors {
            let bytes = 4 * t.shape.reduce(1, *)
            parts.append(q(t.name) + ":{\"dtype\":\"F32\",\"shape\":[" + t.shape.map(String.init).joined(separator: ",")
                         + "],\"data_offsets\":[\(offset),\(offset + bytes)]}")
            offset += bytes
        }
        var header = Array(("{" + parts.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var out = Data(capacity: 8 + header.count + offset)
        var n = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
        out.append(contentsOf: header)
        for t in tensors { out.append(UnsafeBufferPointer(start: t.data, count: t.shape.reduce(1, *))) }
        return out
    }
}
