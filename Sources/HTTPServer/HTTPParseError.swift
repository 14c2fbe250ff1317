/// Why a request could not be read from the byte stream.
///
/// Every case means the stream can no longer be trusted: the server answers with an error
/// response and closes the connection. The API module maps each case to its status in one
/// place; the cases carry what that answer needs to explain itself.
public enum HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request line is not `method SP target SP version`.
    case malformedRequestLine
    /// The method is a valid token but not one this server implements.
    case unknownMethod(String)
    /// The request target is not origin-, absolute- or (for OPTIONS) asterisk-form.
    case invalidTarget
    /// A `%` in the target is not followed by two hexadecimal digits, or decodes to
    /// something that is not UTF-8 text without NUL.
    case invalidPercentEncoding
    /// The version is not `HTTP/<digit>.<digit>`.
    case malformedVersion
    /// A well-formed version other than HTTP/1.x.
    case unsupportedVersion
    /// The request line is longer than the limit.
    case requestLineTooLong(limit: Int)
    /// The header section is larger than the limit in bytes.
    case headerSectionTooLarge(limit: Int)
    /// The header section has more field lines than the limit.
    case tooManyHeaderFields(limit: Int)
    /// A field line is not `name: value` with a token name and no whitespace before the colon.
    case malformedHeaderField
    /// A field line starts with whitespace (obsolete line folding, RFC 9112 §5.2).
    case obsoleteLineFolding
    /// A CR not followed by LF.
    case bareCarriageReturn
    /// An HTTP/1.1 request without a `Host` field.
    case missingHost
    /// More than one `Host` field.
    case duplicateHost
    /// A `Content-Length` that is not a decimal number, or repeated with differing values.
    case invalidContentLength
    /// Both `Content-Length` and `Transfer-Encoding` (a request-smuggling vector).
    case conflictingFraming
    /// A transfer coding other than `chunked`, or `chunked` not last.
    case unsupportedTransferEncoding(String)
    /// A `Transfer-Encoding` that is empty or applies `chunked` more than once.
    case malformedTransferEncoding
    /// `Transfer-Encoding` on an HTTP/1.0 request, whose framing cannot be trusted.
    case transferEncodingOnHTTP1_0
    /// A chunk-size line, chunk delimiter or trailer that breaks RFC 9112 §7.1.
    case malformedChunk
    /// The declared or received body is larger than the limit.
    case bodyTooLarge(limit: Int)
    /// An `Expect` value other than `100-continue`.
    case unsupportedExpectation(String)

    /// A short sentence naming what was wrong, suitable for a problem `detail`.
    public var description: String {
        switch self {
        case .malformedRequestLine: return "The request line is not 'METHOD target HTTP/1.1'."
        case .unknownMethod(let method): return "The method '\(method)' is not implemented by this server."
        case .invalidTarget: return "The request target is not a valid origin-form or absolute-form URI."
        case .invalidPercentEncoding:
            return "The request target has an invalid percent-encoding (each '%' needs two hex digits and must decode to UTF-8 text)."
        case .malformedVersion: return "The HTTP version is malformed."
        case .unsupportedVersion: return "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .requestLineTooLong(let limit): return "The request line is longer than \(limit) bytes."
        case .headerSectionTooLarge(let limit): return "The header section is larger than \(limit) bytes."
        case .tooManyHeaderFields(let limit): return "The request has more than \(limit) header fields."
        case .malformedHeaderField: return "A header field is not 'name: value' with a token name."
        case .obsoleteLineFolding: return "Obsolete line folding (a header line starting with whitespace) is not accepted."
        case .bareCarriageReturn: return "The request contains a CR that is not followed by LF."
        case .missingHost: return "HTTP/1.1 requests must carry a Host header field."
        case .duplicateHost: return "The request has more than one Host header field."
        case .invalidContentLength: return "Content-Length is not a single non-negative decimal number."
        case .conflictingFraming: return "The request has both Content-Length and Transfer-Encoding."
        case .unsupportedTransferEncoding(let coding):
            return "The transfer coding '\(coding)' is not supported; only 'chunked' is."
        case .malformedTransferEncoding: return "Transfer-Encoding is empty or applies 'chunked' more than once."
        case .transferEncodingOnHTTP1_0: return "Transfer-Encoding is not allowed on an HTTP/1.0 request."
        case .malformedChunk: return "The chunked body is malformed."
        case .bodyTooLarge(let limit): return "The request body is larger than \(limit) bytes."
        case .unsupportedExpectation(let value): return "The expectation '\(value)' is not supported; only '100-continue' is."
        }
    }
}
