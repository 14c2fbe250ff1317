extension Connection {
    /// Stops a connection from another thread, e.g. a follower's stream when the server drains.
    ///
    /// ```swift
    /// let cancellation = connection.cancellation
    /// DispatchQueue.global().asyncAfter(deadline: .now() + 5) { cancellation.cancel() }
    /// while let bytes = try connection.nextBodyChunk() { ... }  // throws .cancelled
    /// ```
    ///
    /// - Note: Thread-safe. The handle keeps the socket open (not usable) until it is released too.
    public struct Cancellation: Sendable {
        let socket: ClientSocket

        /// Shuts the socket down (`shutdown(2)`): a read or write blocked in the connection's
        /// thread returns at once, and it and every later one throw `HTTPClientError.cancelled`.
        /// Calling it again has no effect.
        public func cancel() {
            self.socket.cancel()
        }
    }
}
