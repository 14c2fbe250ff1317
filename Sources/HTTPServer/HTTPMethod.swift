/// A request method this server recognises (RFC 9110 §9 plus PATCH from RFC 5789).
///
/// A syntactically valid method outside this set is answered with 501 Not Implemented
/// by the parser (`HTTPParseError.unknownMethod`). `CONNECT` is deliberately absent: this
/// server is not a proxy, so it is "not implemented" rather than "not allowed".
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"
    case options = "OPTIONS"
    case patch = "PATCH"
    case trace = "TRACE"

    /// The method token exactly as it appears on the wire.
    public var description: String { self.rawValue }

    /// Recognises a method token by its bytes, without allocating.
    ///
    /// Method names are case-sensitive (RFC 9110 §9.1), so `get` is not `GET`.
    /// - Parameter token: the method bytes of a request line.
    /// - Returns: the method, or `nil` when the token names no method we implement.
    static func recognise(_ token: UnsafeBufferPointer<UInt8>) -> HTTPMethod? {
        for method in HTTPMethod.allCases where method.rawValue.utf8.elementsEqual(token) {
            return method
        }
        return nil
    }
}
