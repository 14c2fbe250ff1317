/// A response status code with its reason phrase.
///
/// The common statuses are spelled out as constants so that writing a status line never
/// formats a number at run time for them.
public struct HTTPStatus: Sendable, Hashable, CustomStringConvertible {
    /// The three-digit status code.
    public let code: Int
    /// The reason phrase sent after the code.
    public let reason: String

    /// Makes a status from a code and its reason phrase.
    ///
    /// - Parameters:
    ///   - code: a code between 100 and 599.
    ///   - reason: the reason phrase; it must not contain CR or LF.
    public init(code: Int, reason: String) {
        precondition((100...599).contains(code), "status code out of range: \(code)")
        precondition(!reason.utf8.contains(where: { $0 == 13 || $0 == 10 }), "reason phrase with CR or LF")
        self.code = code
        self.reason = reason
    }

    /// `code reason`, e.g. `404 Not Found`.
    public var description: String { "\(self.code) \(self.reason)" }

    /// Whether a response with this status must not carry content (RFC 9110 §6.4.1).
    public var forbidsContent: Bool { self.code < 200 || self.code == 204 || self.code == 304 }

    /// 100 Continue.
    public static let `continue` = HTTPStatus(code: 100, reason: "Continue")
    /// 200 OK.
    public static let ok = HTTPStatus(code: 200, reason: "OK")
    /// 201 Created.
    public static let created = HTTPStatus(code: 201, reason: "Created")
    /// 204 No Content.
    public static let noContent = HTTPStatus(code: 204, reason: "No Content")
    /// 304 Not Modified.
    public static let notModified = HTTPStatus(code: 304, reason: "Not Modified")
    /// 400 Bad Request.
    public static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    /// 401 Unauthorized: the request needs credentials it lacks or sent wrong.
    public static let unauthorized = HTTPStatus(code: 401, reason: "Unauthorized")
    /// 403 Forbidden.
    public static let forbidden = HTTPStatus(code: 403, reason: "Forbidden")
    /// 404 Not Found.
    public static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    /// 405 Method Not Allowed.
    public static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    /// 408 Request Timeout.
    public static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
    /// 409 Conflict.
    public static let conflict = HTTPStatus(code: 409, reason: "Conflict")
    /// 410 Gone.
    public static let gone = HTTPStatus(code: 410, reason: "Gone")
    /// 413 Content Too Large.
    public static let contentTooLarge = HTTPStatus(code: 413, reason: "Content Too Large")
    /// 414 URI Too Long.
    public static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    /// 417 Expectation Failed.
    public static let expectationFailed = HTTPStatus(code: 417, reason: "Expectation Failed")
    /// 415 Unsupported Media Type.
    public static let unsupportedMediaType = HTTPStatus(code: 415, reason: "Unsupported Media Type")
    /// 421 Misdirected Request: the server does not answer for the request's host.
    public static let misdirectedRequest = HTTPStatus(code: 421, reason: "Misdirected Request")
    /// 422 Unprocessable Content.
    public static let unprocessableContent = HTTPStatus(code: 422, reason: "Unprocessable Content")
    /// 429 Too Many Requests.
    public static let tooManyRequests = HTTPStatus(code: 429, reason: "Too Many Requests")
    /// 431 Request Header Fields Too Large.
    public static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    /// 500 Internal Server Error.
    public static let internalServerError = HTTPStatus(code: 500, reason: "Internal Server Error")
    /// 501 Not Implemented.
    public static let notImplemented = HTTPStatus(code: 501, reason: "Not Implemented")
    /// 503 Service Unavailable.
    public static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    /// 505 HTTP Version Not Supported.
    public static let httpVersionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")
}
