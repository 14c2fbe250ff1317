/// What the server calls to turn requests into responses.
///
/// The server knows nothing of routes or documents: it parses each request, hands it to its
/// responder, and writes back the response. When it cannot get a request at all, it asks the
/// responder to describe the failure, so that every error body is produced in one place.
///
/// - Note: Called concurrently from every worker queue; implementations must be `Sendable`
///   and must not block.
public protocol HTTPResponder: Sendable {
    /// Answers one request.
    ///
    /// - Parameter request: the parsed request, body complete.
    /// - Returns: the response now, or a promise of one, or a stream; for `HEAD` the server
    ///   drops the body.
    func respond(to request: Request) -> Reply

    /// Answers a request the server could not read or will not serve.
    ///
    /// - Parameter failure: why; the connection is closed after this response.
    /// - Returns: the error response.
    func respond(to failure: RequestFailure) -> Response
}

/// Why the server answers without calling the handler.
public enum RequestFailure: Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a valid request, or break a limit.
    case malformed(HTTPParseError)
    /// The header section did not arrive within the header timeout.
    case headerTimeout
    /// The server is at its connection limit.
    case connectionLimit
    /// The client's address holds as many connections as one address may.
    case addressConnectionLimit
    /// The body did not arrive within the body timeout of its head.
    case bodyTimeout
    /// Bodies still arriving hold all the memory the server gives them.
    case bodyMemoryBudget

    /// A short explanation.
    public var description: String {
        switch self {
        case .malformed(let error): return error.description
        case .headerTimeout: return "The request header section did not arrive in time."
        case .connectionLimit: return "The server is at its connection limit; retry shortly."
        case .addressConnectionLimit: return "Your address has as many connections open as one address may; reuse one of them."
        case .bodyTimeout: return "The request body did not arrive in time."
        case .bodyMemoryBudget: return "The server holds as many request bodies in arrival as it has memory for; retry shortly."
        }
    }
}
