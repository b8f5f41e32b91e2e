#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Sends bytes no HTTP client library would send (a malformed chunked body, half a request head,
/// HTTP/1.0) and reads the answer.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Writes `request` to 127.0.0.1:`port`, then reads until the server closes the connection or the
    /// response head and `Content-Length` bytes of body have arrived. Returns the raw response text.
    static func exchange(port: Int, _ request: String) throws -> String {
        #if canImport(Glibc)
        let fd = try connected(port: port)
        defer { close(fd) }
        let bytes = Array(request.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw Failure(description: "send failed") }
        var received = [UInt8](), buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
            if complete(received) { break }
        }
        return String(decoding: received, as: UTF8.self)
        #else
        throw Failure(description: "raw sockets are only wired up for Linux")
        #endif
    }

    /// Writes `request`, then reads until the server closes the connection (`closed`) or sends
    /// nothing for `wait` seconds (not closed). `wait` only bounds a failing test: a passing one
    /// returns as soon as the server closes.
    static func exchangeUntilClose(port: Int, _ request: String, wait: Int = 10) throws -> (response: String, closed: Bool) {
        #if canImport(Glibc)
        let fd = try connected(port: port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: wait, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw Failure(description: "send failed") }
        var received = [UInt8](), buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { received += buffer[0..<n]; continue }
            let closed = n == 0 || errno == ECONNRESET
            return (String(decoding: received, as: UTF8.self), closed)
        }
        #else
        throw Failure(description: "raw sockets are only wired up for Linux")
        #endif
    }

    /// Writes `request` and reads until the server closes the connection (120 s at most with nothing sent).
    static func exchangeToClose(port: Int, _ request: [UInt8]) throws -> [UInt8] {
        #if canImport(Glibc)
        let fd = try connected(port: port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // A server may answer and close before the whole body is sent (a body over the limit): then stop
        // sending (no SIGPIPE) and read its answer.
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }
        var received = [UInt8](), buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { received += buffer[0..<n]; continue }
            if n == 0 || errno == ECONNRESET { return received }
            throw Failure(description: "no answer within 120 s (errno \(errno))")
        }
        #else
        throw Failure(description: "raw sockets are only wired up for Linux")
        #endif
    }

    #if canImport(Glibc)
    static func connected(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { close(fd); throw Failure(description: "connect failed") }
        return fd
    }
    #endif

    /// The response heads in `response` (each a status code and its lower-cased header lines).
    static func heads(_ response: String) -> [(status: Int?, headers: [String])] {
        response.ranges(of: "HTTP/1.").map { start in
            let rest = response[start.lowerBound...]
            let head = rest[..<(rest.range(of: "\r\n\r\n")?.lowerBound ?? rest.endIndex)]
            let lines = head.components(separatedBy: "\r\n")
            return (status(lines[0]), lines.dropFirst().map { $0.lowercased() })
        }
    }

    /// A whole response: its head, and as much body as Content-Length says.
    private static func complete(_ r: [UInt8]) -> Bool {
        let text = String(decoding: r, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<headEnd.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
        return text.utf8.count - text[..<headEnd.upperBound].utf8.count >= length
    }

    static func status(_ response: String) -> Int? {
        response.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
    }
}
