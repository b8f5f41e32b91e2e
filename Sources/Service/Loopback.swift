#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a bind address is loopback, decided on the address it resolves to rather than on its
/// spelling: "127.0.0.1.example" is a host name that may resolve anywhere, and "localhost" is only as
/// local as /etc/hosts makes it. A name counts only when every address it resolves to is loopback.
enum Loopback {
    static func isLoopback(_ host: String) -> Bool {
        var h = host
        if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        if let literal = literal(h) { return literal }
        let addresses = resolve(h)
        return !addresses.isEmpty && addresses.allSatisfy { $0 }
    }

    /// nil when `h` is not an IP literal; otherwise whether it is a loopback address.
    private static func literal(_ h: String) -> Bool? {
        var v4 = in_addr()
        if inet_pton(AF_INET, h, &v4) == 1 { return isLoopback(v4) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, h, &v6) == 1 { return isLoopback(v6) }
        return nil
    }

    /// 127.0.0.0/8.
    private static func isLoopback(_ a: in_addr) -> Bool { UInt32(bigEndian: a.s_addr) >> 24 == 127 }

    /// ::1, or an IPv4-mapped loopback (::ffff:127.x.x.x).
    private static func isLoopback(_ a: in6_addr) -> Bool {
        let b = withUnsafeBytes(of: a) { Array($0) }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return true }
        return b[0..<10].allSatisfy { $0 == 0 } && b[10] == 0xFF && b[11] == 0xFF && b[12] == 127
    }

    /// For each address `name` resolves to: whether it is loopback. Empty when it does not resolve.
    private static func resolve(_ name: String) -> [Bool] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var out: [Bool] = []
        var p: UnsafeMutablePointer<addrinfo>? = first
        while let ai = p {
            if let sa = ai.pointee.ai_addr {
                switch ai.pointee.ai_family {
                case AF_INET: out.append(sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { isLoopback($0.pointee.sin_addr) })
                case AF_INET6: out.append(sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { isLoopback($0.pointee.sin6_addr) })
                default: out.append(false)
                }
            }
            p = ai.pointee.ai_next
        }
        return out
    }
}
