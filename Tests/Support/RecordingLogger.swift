import HTTPServer
import Locking

/// A silent `ServerLogger` that keeps what it is told, for tests to inspect.
///
/// ```swift
/// let logger = RecordingLogger()
/// // … run requests against a server using it …
/// #expect(logger.accessEntries.map(\.status) == [200, 404])
/// ```
///
/// - Note: Thread-safe: workers call it from their queues; both lists are behind a mutex.
public final class RecordingLogger: ServerLogger {
    private struct Records {
        var accessEntries: [AccessLogEntry] = []
        var notices: [String] = []
    }

    private let records = Locked(Records())

    /// Makes an empty logger.
    public init() {}

    /// Records an access entry.
    public func access(_ entry: AccessLogEntry) {
        self.records.withLock { $0.accessEntries.append(entry) }
    }

    /// Records a notice.
    public func notice(_ message: String) {
        self.records.withLock { $0.notices.append(message) }
    }

    /// The access entries so far, in the order they were logged.
    public var accessEntries: [AccessLogEntry] { self.records.withLock { $0.accessEntries } }

    /// The notices so far, in the order they were logged.
    public var notices: [String] { self.records.withLock { $0.notices } }
}
