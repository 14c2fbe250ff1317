/// How a responder answers a request: at once, later, or as a stream.
///
/// Most requests are answered at once. A handler that must wait for something slow (a write
/// reaching the disk) returns `.deferred` and completes it from any queue, so the worker
/// queue never blocks; later requests pipelined on the same connection wait their turn. A
/// handler that produces its body over time (Server-Sent Events) returns `.stream`.
public enum Reply: Sendable {
    /// The whole response, now.
    case response(Response)
    /// A response completed later, from any queue.
    case deferred(PendingResponse)
    /// A head now and a body sent as it is produced: with chunked transfer coding to
    /// HTTP/1.1 clients, delimited by closing the connection for HTTP/1.0 ones. The
    /// connection closes when the stream ends. The head's `body` is ignored.
    case stream(Response, ResponseStream)
}
