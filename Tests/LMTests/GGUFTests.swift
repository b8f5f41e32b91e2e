import Foundation
@testable import LM
@testable import LMFormats
@testable import Tokenizer
import XCTest

/// The GGUF writer: a minimal independent reader parses what it wrote back (header, metadata,
/// tensor table, alignment, data), and the exported model's Q/K rows are the rotary reordering.
final class GGUFTests: XCTestCase {
    struct Reader {
        let b: [UInt8]
        var at = 0
        init(_ d: Data) { b = Array(d) }
        mutating func u32() -> UInt32 { defer { at += 4 }; return (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * $1) } }
        mutating func u64() -> UInt64 { defer { at += 8 }; return (0..<8).reduce(0) { $0 | UInt64(b[at + $1]) << (8 * $1) } }
        mutating func string() -> String { let n = Int(u64()); defer { at += n }; return String(decoding: b[at..<(at + n)], as: UTF8.self) }
        mutating func value(_ type: UInt32) -> Any {
            switch type {
            case 4: return u32()
            case 5: return Int32(bitPattern: u32())
            case 6: return Float(bitPattern: u32())
            case 7: defer { at += 1 }; return b[at] != 0
            case 8: return string()
            case 10: return u64()
            case 9: let t = u32(), n = Int(u64()); return (0..<n).map { _ in value(t) }
            default: XCTFail("unexpected type \(type)"); return 0
            }
        }
        func floats(at o: Int, count: Int) -> [Float] {
            (0..<count).map { i in Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[o + 4 * i + $1]) << (8 * $1) }) }
        }
    }

    struct Parsed {
        var meta: [String: Any] = [:]
        var tensors: [String: (dims: [Int], type: UInt32, data: [Float])] = [:]
    }

    func parse(_ d: Data) -> Parsed {
        var r = Reader(d), p = Parsed()
        XCTAssertEqual(Array(d.prefix(4)), Array("GGUF".utf8))
        r.at = 4
        XCTAssertEqual(r.u32(), 3)
        let nt = Int(r.u64()), nk = Int(r.u64())
        for _ in 0..<nk { let k = r.string(); let t = r.u32(); p.meta[k] = r.value(t) }
        var infos = [(String, [Int], UInt32, Int)]()
        for _ in 0..<nt {
            let name = r.string(), nd = Int(r.u32())
            let dims = (0..<nd).map { _ in Int(r.u64()) }
            let type = r.u32(), off = Int(r.u64())
            XCTAssertEqual(off % 32, 0, "\(name) offset not aligned")
            infos.append((name, dims, type, off))
        }
        let base = (r.at + 31) / 32 * 32
        for (name, dims, type, off) in infos {
            p.tensors[name] = (dims, type, r.floats(at: base + off, count: dims.reduce(1, *)))
        }
        return p
    }

    func testRoundTripOfHeaderMetadataAndTensors() {
        let t1 = GGUF.Tensor(name: "a", shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        let t2 = GGUF.Tensor(name: "b.weight", shape: [5], data: [-1, 0.5, 7, 8, 9])
        let d = GGUF.serialize(metadata: [("x.u", .uint32(7)), ("x.f", .float32(1.5)), ("x.s", .string("héllo")),
                                          ("x.b", .bool(true)), ("x.ss", .strings(["a b", ""])), ("x.ii", .int32s([1, -2]))],
                               tensors: [t1, t2])
        let p = parse(d)
        XCTAssertEqual(p.meta["x.u"] as? UInt32, 7)
        XCTAssertEqual(p.meta["x.f"] as? Float, 1.5)
        XCTAssertEqual(p.meta["x.s"] as? String, "héllo")
        XCTAssertEqual(p.meta["x.b"] as? Bool, true)
        XCTAssertEqual(p.meta["x.ss"] as? [Any] as? [String], ["a b", ""])
        XCTAssertEqual(p.meta["x.ii"] as? [Any] as? [Int32], [1, -2])
        XCTAssertEqual(p.tensors["a"]?.dims, [3, 2])            // GGUF lists the fastest dimension first
        XCTAssertEqual(p.tensors["a"]?.data, t1.data)
        XCTAssertEqual(p.tensors["b.weight"]?.dims, [5])
        XCTAssertEqual(p.tensors["b.weight"]?.data, t2.data)
        XCTAssertEqual(p.tensors["a"]?.type, 0)
    }

    func testModelExportNamesShapesAndRotaryOrder() throws {
        let c = ModelConfig(vocabSize: 1040, dim: 16, layers: 2, heads: 4, kvHeads: 2, hiddenDim: 24, maxSeqLen: 32)
        let m = Model(config: c, seed: 3)
        let tok = try BPETokenizer(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tokenizer_small"))
        let p = parse(try m.ggufData(tokenizer: tok, name: "tiny"))
        XCTAssertEqual(p.meta["general.architecture"] as? String, "llama")
        XCTAssertEqual(p.meta["tokenizer.ggml.model"] as? String, "gpt2")
        XCTAssertEqual(p.meta["llama.attention.head_count_kv"] as? UInt32, 2)
        XCTAssertEqual((p.meta["tokenizer.ggml.tokens"] as? [Any])?.count, 1040)
        XCTAssertEqual((p.meta["tokenizer.ggml.merges"] as? [Any])?.count, tok.mergeCount)
        XCTAssertEqual((p.meta["tokenizer.ggml.tokens"] as? [Any])?.last as? String, "<|unused_1039|>")
        XCTAssertEqual(p.tensors.count, 2 + 9 * c.layers)
        XCTAssertEqual(p.tensors["token_embd.weight"]?.dims, [16, 1040])
        XCTAssertEqual(p.tensors["blk.1.ffn_down.weight"]?.dims, [24, 16])
        let down = Array(UnsafeBufferPointer(start: m.params.pointer + m.layout.offset(.wdown, layer: 1), count: 16 * 24))
        XCTAssertEqual(p.tensors["blk.1.ffn_down.weight"]?.data, down)
        // attn_k: row h*d + 2i + j of the file is our row h*d + j*d/2 + i
        let k = m.params.pointer + m.layout.offset(.wk, layer: 0), d = c.headDim
        let fk = p.tensors["blk.0.attn_k.weight"]!.data
        for h in 0..<c.kvHeads { for i in 0..<(d / 2) { for j in 0..<2 { for col in 0..<c.dim {
            XCTAssertEqual(fk[(h * d + 2 * i + j) * c.dim + col], k[(h * d + j * d / 2 + i) * c.dim + col])
        } } } }
    }
}
