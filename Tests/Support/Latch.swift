import Dispatch
import Locking

/// A one-way gate between threads: closed until `open()`, then open for every waiter.
///
/// Tests use it to hold a handler inside a request until the test is ready, and to learn
/// that something happened on another queue, with a bounded wait instead of a sleep.
///
/// ```swift
/// let entered = Latch()
/// queue.async { entered.open() }
/// #expect(entered.wait(timeout: .seconds(2)))
/// ```
///
/// - Note: Thread-safe; the flag is guarded by a mutex and waiting uses a semaphore.
public final class Latch: Sendable {
    private let isOpenState = Locked(false)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Makes a closed latch.
    public init() {}

    /// Whether `open()` has been called.
    public var isOpen: Bool { self.isOpenState.withLock { $0 } }

    /// Opens the latch, releasing current and future waiters. Idempotent.
    public func open() {
        let wasOpen = self.isOpenState.withLock { state in
            defer { state = true }
            return state
        }
        if !wasOpen { self.semaphore.signal() }
    }

    /// Blocks until the latch is open or `timeout` passes.
    ///
    /// - Parameter timeout: the longest to wait.
    /// - Returns: `true` if the latch is open, `false` on timeout.
    public func wait(timeout: Duration) -> Bool {
        if self.isOpen { return true }
        guard self.semaphore.wait(timeout: .now() + .nanoseconds(Int(timeout / .nanoseconds(1)))) == .success else {
            return false
        }
        self.semaphore.signal()  // pass the wake-up on to the next waiter
        return true
    }
}
