/// An API-misuse check that survives -Ounchecked (the LM target's setting), where `precondition`
/// is assumed true and removed: a bad token id or an oversized sequence must stop the program with
/// a message, not read past a buffer.
@inlinable @inline(__always)
package func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #file, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
