/// Token embedding lookup; its matrix is also the (tied) LM head.
package enum Embedding {
    // tokens (N), table (V, C) -> out (N, C)
    package static func forward(_ out: UnsafeMutablePointer<Float>, _ tokens: UnsafePointer<Int32>,
                        _ table: UnsafePointer<Float>, N: Int, C: Int) {
        for i in 0..<N {
            (out + i * C).update(from: table + Int(tokens[i]) * C, count: C)
        }
    }

    // dout (N, C) -> dtable (V, C) accumulated at the looked-up rows
    static func backward(_ dtable: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>,
                         _ tokens: UnsafePointer<Int32>, N: Int, C: Int) {
        for i in 0..<N {
            let d = dtable + Int(tokens[i]) * C, g = dout + i * C
            for j in 0..<C { d[j] += g[j] }
        }
    }
}
