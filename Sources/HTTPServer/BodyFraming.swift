/// How the body of a request is delimited (RFC 9112 §6.3).
enum BodyFraming: Sendable, Hashable {
    /// No body.
    case none
    /// Exactly this many bytes follow the head.
    case length(Int)
    /// A chunked body follows the head.
    case chunked
}
