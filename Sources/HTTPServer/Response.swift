/// A response to write back: status, header fields and the whole body.
///
/// The server adds `Date`, `Server`, `Content-Length` and `Connection` itself; a handler
/// that sets them has them replaced. For `HEAD` the server sends the headers of the
/// response it is given, `Content-Length` included, and no body.
///
/// `body` is an array, so a handler serving bytes rendered once (a cached document) shares
/// them with no copy.
public struct Response: Sendable, Hashable {
    /// The status.
    public var status: HTTPStatus
    /// The header fields the handler chose, e.g. `Content-Type` and `ETag`.
    public var headers: HeaderFields
    /// The body bytes.
    public var body: [UInt8]
    /// The name of the API key the request was made with, for the access log; never sent.
    public var accessKeyName: String?

    /// Makes a response.
    ///
    /// - Parameters:
    ///   - status: the status; 200 by default.
    ///   - headers: the handler's header fields.
    ///   - body: the body; ignored for statuses that forbid content (1xx, 204, 304).
    public init(status: HTTPStatus = .ok, headers: HeaderFields = HeaderFields(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the handler asked for the connection to be closed after this response.
    public var closesConnection: Bool {
        self.headers.contains(token: "close", inField: "Connection")
    }
}
