/// How severe a log message is; a logger writes the messages at or above its minimum level.
///
/// Ordered from least to most severe, so `level >= .warning` selects warnings and errors.
/// The access log has no level filter of its own: it is on or off.
public enum LogLevel: String, CaseIterable, Comparable, Sendable {
    /// Detail for diagnosing the server, such as each setting it started with.
    case debug
    /// What the server did: what it loaded, where it listens, that it drains.
    case info
    /// Something an operator should look at; the server carries on.
    case warning
    /// Something failed; at start-up the process exits after logging it.
    case error

    /// Orders by severity (declaration order).
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.severity < rhs.severity
    }

    private var severity: Int {
        switch self {
        case .debug: return 0
        case .info: return 1
        case .warning: return 2
        case .error: return 3
        }
    }
}
