/// A whole response, as `get(_:timeout:maxBodyBytes:)` returns it.
public struct Response: Sendable, Hashable {
    /// The status code.
    public let status: Int
    /// The header fields in the order received.
    public let headers: [HeaderField]
    /// The body, decoded from its framing.
    public let body: [UInt8]

    /// Makes a response.
    ///
    /// - Parameters:
    ///   - status: the status code.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    public init(status: Int, headers: [HeaderField], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
