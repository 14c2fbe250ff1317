import Glibc

/// Why a request to another HTTP server failed: the address, the connection, or the
/// response's bytes.
///
/// Every case says what went wrong in terms a log line or a health check can print as is,
/// and tests can match exactly:
///
/// ```swift
/// #expect(throws: HTTPClientError.timedOut(.receive)) { try connection.readHead() }
/// ```
public enum HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What a connection was doing when it timed out or was closed.
    public enum Operation: String, Sendable, Hashable {
        /// Opening the TCP connection.
        case connect
        /// Writing the request.
        case send
        /// Waiting for response bytes.
        case receive
    }

    /// The URL is not `http://host[:port][/path]`.
    case invalidURL(String, reason: String)
    /// The URL's scheme is not `http` (TLS is not supported).
    case unsupportedScheme(String)
    /// A request method, target or header field would not be a valid request line or field.
    case invalidRequestField(String)
    /// The host name did not resolve; `reason` is `getaddrinfo`'s message.
    case unresolvableHost(String, reason: String)
    /// Nothing listens on the port (`ECONNREFUSED`).
    case connectionRefused
    /// The operation did not complete within its timeout or the connection's deadline.
    case timedOut(Operation)
    /// The server closed the connection before the response was complete.
    case closedByPeer(during: Operation)
    /// `Connection.Cancellation.cancel()` stopped the connection.
    case cancelled
    /// Another failed system call, with the `errno` it left.
    case systemCall(String, errno: Int32)
    /// The first line is not `HTTP/1.x NNN reason`.
    case malformedStatusLine(String)
    /// A header or trailer field line is not `name: value`, or the fields contradict each other.
    case malformedHeaderField(String)
    /// The status line and header fields, or the trailer fields, exceed the limit.
    case headTooLarge(limit: Int)
    /// `Content-Length` is not one non-negative decimal number.
    case invalidContentLength(String)
    /// `Transfer-Encoding` names a coding other than `chunked`.
    case unsupportedTransferCoding(String)
    /// A chunk of a chunked body is not framed as RFC 9112 §7.1 says.
    case malformedChunk(String)
    /// A chunk-size line, with its extensions, exceeds the limit.
    case chunkLineTooLong(limit: Int)
    /// The body exceeds the limit the caller set.
    case bodyTooLarge(limit: Int)

    /// One line for a log or a health check's output.
    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): return "invalid URL '\(url)': \(reason)"
        case .unsupportedScheme(let scheme): return "unsupported URL scheme '\(scheme)': only http is supported"
        case .invalidRequestField(let text): return "invalid request field '\(text)'"
        case .unresolvableHost(let host, let reason): return "cannot resolve host '\(host)': \(reason)"
        case .connectionRefused: return "connection refused"
        case .timedOut(let operation): return "timed out (\(operation.rawValue))"
        case .closedByPeer(let operation): return "connection closed by the server (\(operation.rawValue))"
        case .cancelled: return "cancelled"
        case .systemCall(let call, let code): return "\(call): \(String(cString: strerror(code))) (errno \(code))"
        case .malformedStatusLine(let line): return "malformed status line '\(line)'"
        case .malformedHeaderField(let line): return "malformed header field '\(line)'"
        case .headTooLarge(let limit): return "response head larger than \(limit) bytes"
        case .invalidContentLength(let value): return "invalid Content-Length '\(value)'"
        case .unsupportedTransferCoding(let value): return "unsupported Transfer-Encoding '\(value)'"
        case .malformedChunk(let detail): return "malformed chunk: \(detail)"
        case .chunkLineTooLong(let limit): return "chunk-size line longer than \(limit) bytes"
        case .bodyTooLarge(let limit): return "response body larger than \(limit) bytes"
        }
    }

    /// Up to 80 bytes of `bytes` as printable ASCII, other bytes as `?`, for error payloads
    /// that quote the wire.
    static func excerpt(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.prefix(80).map { (0x20..<0x7F).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
