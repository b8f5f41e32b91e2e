import ArgumentParser
import Foundation
import LM

/// A failure while running a command that was typed correctly ("no results", "cannot read FILE"):
/// swift-argument-parser prints it as `Error: …` and exits 1, without the usage banner, which is only
/// for arguments that are wrong (`ValidationError`, thrown from `validate()`, exits 64).
struct RuntimeError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension Foibandit {
    /// As swift-argument-parser's own `main`, except that a `ValidationError` thrown by `run()` is a
    /// runtime error: the arguments parsed and validated, so the usage banner would only mislead.
    /// First it makes sure that OpenBLAS runs its kernels for this CPU (`BLASCore`).
    static func main() async {
        BLASCore.restartWithBetterKernelsIfNeeded()
        let command: ParsableCommand
        do {
            command = try await asyncParseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            var command = command
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            exit(withError: RuntimeError(error.message))
        } catch {
            exit(withError: error)
        }
    }
}
