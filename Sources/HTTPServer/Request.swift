/// A parsed HTTP/1.1 request with its whole body.
///
/// `path` is the percent-decoded path of the target; `query` is the raw query string after
/// `?` (without it), left encoded so that `&` and `=` inside values survive until the query
/// parser splits them.
public struct Request: Sendable, Hashable {
    /// The request method.
    public var method: HTTPMethod
    /// The request target exactly as sent.
    public var target: String
    /// The decoded path: `/v1/documents/abc`; `*` for an asterisk-form OPTIONS.
    public var path: String
    /// The raw query string without the `?`, or empty.
    public var query: String
    /// The protocol version.
    public var version: HTTPVersion
    /// The header fields.
    public var headers: HeaderFields
    /// The trailer fields of a chunked body, kept apart from `headers` (RFC 9110 §6.5.1).
    public var trailers: HeaderFields
    /// The body bytes, de-chunked.
    public var body: [UInt8]
    /// The peer's IP address, as the connection saw it (empty for a request made in a test).
    public var remoteAddress = ""

    /// Makes a request; tests use this to call handlers without a socket.
    ///
    /// - Parameters:
    ///   - method: the method; `GET` by default.
    ///   - target: the target as sent; `path` and `query` are split from it without decoding.
    ///   - version: HTTP/1.1 by default.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    public init(
        method: HTTPMethod = .get,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HeaderFields = HeaderFields(),
        body: [UInt8] = []
    ) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.init(
            method: method, target: target, path: String(parts[0]),
            query: parts.count > 1 ? String(parts[1]) : "",
            version: version, headers: headers, body: body)
    }

    init(
        method: HTTPMethod, target: String, path: String, query: String,
        version: HTTPVersion, headers: HeaderFields, body: [UInt8], trailers: HeaderFields = HeaderFields()
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.trailers = trailers
        self.body = body
    }

    /// Whether the client wants the connection kept open after this request.
    ///
    /// HTTP/1.1 keeps it open unless `Connection: close`; HTTP/1.0 closes it unless
    /// `Connection: keep-alive` (RFC 9112 §9.3).
    public var isKeepAlive: Bool {
        switch self.version {
        case .http1_1: return !self.headers.contains(token: "close", inField: "Connection")
        case .http1_0: return self.headers.contains(token: "keep-alive", inField: "Connection")
        }
    }
}
