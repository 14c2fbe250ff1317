import Glibc

/// Polls `condition` every millisecond until it holds or `timeout` passes.
///
/// For conditions that change on another thread and that nothing signals, such as a
/// server's open-connection count. The wait is bounded, so a broken condition fails the
/// test quickly instead of hanging it.
///
/// ```swift
/// #expect(eventually { server.openConnectionCount == 2 })
/// ```
///
/// - Parameters:
///   - timeout: the longest to wait. Default 3 s.
///   - condition: checked at once, then after each pause.
/// - Returns: whether the condition held before the deadline.
public func eventually(within timeout: Duration = .seconds(3), _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try condition() { return true }
        guard ContinuousClock.now < deadline else { return false }
        usleep(1000)
    }
}
