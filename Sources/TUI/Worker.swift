import Bandit
import Foundation

/// Runs generations on a background thread and hands their events to the UI thread through a
/// lock-protected queue, drained once per frame: drawing never waits for the model.
final class GenerationWorker: @unchecked Sendable {
    enum Event {
        case text(serial: Int, String)
        case done(serial: Int, text: String, score: Int, checks: [(id: String, passed: Bool)])
        case failed(serial: Int, String)
    }

    private let lock = NSLock()
    private var events: [Event] = []
    private var current = 0
    private let generate: GenerateFunction
    private let judge: @Sendable (GenerationRequest, String) -> (score: Int, checks: [(id: String, passed: Bool)])

    init(generate: @escaping GenerateFunction,
         judge: @escaping @Sendable (GenerationRequest, String) -> (score: Int, checks: [(id: String, passed: Bool)])) {
        self.generate = generate
        self.judge = judge
    }

    private func post(_ e: Event) { lock.withLock { events.append(e) } }
    private func isCurrent(_ serial: Int) -> Bool { lock.withLock { current == serial } }

    func drain() -> [Event] {
        lock.withLock {
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }

    func cancel(serial: Int) { lock.withLock { if current == serial { current = 0 } } }

    func start(_ request: GenerationRequest) {
        lock.withLock { current = request.serial }
        let thread = Thread { [self] in
            let serial = request.serial
            do {
                let text = try generate(request) { chunk in
                    guard self.isCurrent(serial) else { return false }
                    self.post(.text(serial: serial, chunk))
                    return true
                }
                guard isCurrent(serial) else { return }
                let verdict = judge(request, text)
                post(.done(serial: serial, text: text, score: verdict.score, checks: verdict.checks))
            } catch {
                post(.failed(serial: serial, "\(error)"))
            }
        }
        thread.name = "foibandit-generation-\(request.serial)"
        thread.stackSize = 8 << 20
        thread.start()
    }
}
