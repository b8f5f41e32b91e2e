import Foundation

/// Runs the real `foibandit` executable built next to the test bundle.
struct CLIResult { var status: Int32; var stdout: String; var stderr: String }

let productsDirectory: URL = {
    // The test runner (`foibanditPackageTests.xctest`) sits beside the executable it depends on.
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}()

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@discardableResult
func foibandit(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> CLIResult {
    let p = Process()
    p.executableURL = productsDirectory.appendingPathComponent("foibandit")
    p.arguments = args
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "80"
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    p.currentDirectoryURL = repoRoot
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inp.fileHandleForWriting.close()
    // Read before waiting so a large output cannot fill the pipe and deadlock.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLIResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                     stderr: String(decoding: e, as: UTF8.self))
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("foibandit-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
