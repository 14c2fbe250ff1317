/// The protocol version of a request: HTTP/1.0 or HTTP/1.1.
///
/// A request announcing `HTTP/1.x` with a minor version above 1 is treated as 1.1, as
/// RFC 9110 §6.2 allows; any other major version is refused with 505.
public enum HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    case http1_0
    case http1_1

    /// The version as written on a start line, e.g. `HTTP/1.1`.
    public var description: String {
        switch self {
        case .http1_0: return "HTTP/1.0"
        case .http1_1: return "HTTP/1.1"
        }
    }
}
