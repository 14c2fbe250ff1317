import Dispatch
import Locking

/// Runs blocks concurrently, at most `width` at a time, in the order they arrive.
///
/// A burst of work (a burst of large documents to ingest, say) waits here instead of
/// spawning a thread per block: each block runs on the global concurrent queue, and only
/// `width` are handed to it at once; a finishing block starts the next waiting one.
///
/// ```swift
/// let ingestion = BoundedConcurrentQueue(width: 4)
/// ingestion.async { ingest(big) }
/// ```
///
/// - Note: `Sendable`: the waiting blocks and the running count are behind a mutex.
final class BoundedConcurrentQueue: Sendable {
    /// The most blocks running at once.
    let width: Int
    /// Blocks waiting for a slot, oldest first (few: removing the first is cheap), and how many run.
    private let state = Locked<(waiting: [@Sendable () -> Void], running: Int)>(([], 0))

    /// Makes a queue.
    ///
    /// - Parameter width: the most blocks running at once, at least 1.
    init(width: Int) {
        precondition(width >= 1, "a queue runs at least one block at a time")
        self.width = width
    }

    /// Runs `block` once fewer than `width` blocks are running.
    func async(_ block: @escaping @Sendable () -> Void) {
        let startsNow = self.state.withLock { state in
            guard state.running < self.width else {
                state.waiting.append(block)
                return false
            }
            state.running += 1
            return true
        }
        if startsNow { self.run(block) }
    }

    private func run(_ block: @escaping @Sendable () -> Void) {
        DispatchQueue.global().async {
            block()
            self.finished()
        }
    }

    /// Starts the next waiting block in the slot just freed, if any.
    private func finished() {
        let next: (@Sendable () -> Void)? = self.state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next.map(self.run)
    }
}
