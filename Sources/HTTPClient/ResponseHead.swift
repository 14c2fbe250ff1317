/// A response's status line and header fields.
///
/// ```swift
/// let head = try connection.readHead()
/// if head.status == 200, head.headers.value(of: "Content-Type") == "text/event-stream" { ... }
/// ```
public struct ResponseHead: Sendable, Hashable {
    /// The status code, 100 to 999.
    public let status: Int
    /// The reason phrase, possibly empty.
    public let reason: String
    /// The header fields in the order received.
    public let headers: [HeaderField]

    /// Makes a head.
    ///
    /// - Parameters:
    ///   - status: the status code.
    ///   - reason: the reason phrase.
    ///   - headers: the header fields.
    public init(status: Int, reason: String, headers: [HeaderField]) {
        self.status = status
        self.reason = reason
        self.headers = headers
    }
}
