import HTTPClient

/// Why a follower lost its feed; it reconnects after each.
public enum FollowerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The writer answered the feed's request with another status than 200.
    case unexpectedStatus(Int, detail: String)
    /// The writer ended the feed.
    case feedEnded
    /// A line longer than the follower accepts.
    case lineTooLong(limit: Int)
    /// A line the follower cannot use.
    case invalidLine(JournalWireError)
    /// The connection failed.
    case connection(HTTPClientError)

    /// What went wrong, for the log.
    public var description: String {
        switch self {
        case .unexpectedStatus(let status, let detail): return "the writer answered \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        case .feedEnded: return "the writer ended the feed"
        case .lineTooLong(let limit): return "a feed line is longer than \(limit) bytes"
        case .invalidLine(let error): return "\(error)"
        case .connection(let error): return "\(error)"
        }
    }
}
