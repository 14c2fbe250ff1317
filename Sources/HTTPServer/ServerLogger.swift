/// Where the server reports each request and its own notable events.
///
/// - Note: Called from every worker queue; implementations must be `Sendable` and cheap.
public protocol ServerLogger: Sendable {
    /// Records one answered request (the access log).
    func access(_ entry: AccessLogEntry)
    /// Records a server event worth an operator's attention (shedding load, accept failures,
    /// a stream reader left behind); a logger with levels records it as a warning.
    func notice(_ message: String)
}

/// One line of the access log.
public struct AccessLogEntry: Sendable, Hashable {
    /// The peer's address.
    public var remoteAddress: String
    /// The method, or `-` when the request could not be parsed.
    public var method: String
    /// The request target as sent, or `-`.
    public var target: String
    /// The response status code.
    public var status: Int
    /// Body bytes sent (0 for HEAD).
    public var bodyBytes: Int
    /// Time from the request's complete arrival to its response being queued, in microseconds.
    public var durationMicroseconds: Int
    /// The response's `X-Request-Id`, if it had one.
    public var requestID: String?
    /// The name of the API key the request was made with (never the key), if any.
    public var keyName: String? = nil
}
