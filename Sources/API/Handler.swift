import HTTPServer

/// A route's handler. Every kind is called on a worker queue and must not block.
enum Handler: Sendable {
    /// Answers at once (every read).
    case immediate(@Sendable (RequestContext) throws(APIError) -> Response)
    /// Starts work that answers later, from any queue, by calling the completion once (a write
    /// waiting for the disk). Throwing answers at once.
    case deferred(@Sendable (RequestContext, _ completion: @escaping @Sendable (Result<Response, APIError>) -> Void) throws(APIError) -> Void)
    /// Answers with a head and a stream (the event feed).
    case streaming(@Sendable (RequestContext) throws(APIError) -> (Response, ResponseStream))
}
