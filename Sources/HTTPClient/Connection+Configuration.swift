extension Connection {
    /// A connection's timeouts and limits, with defaults for talking to a server nearby.
    ///
    /// ```swift
    /// var configuration = Connection.Configuration()
    /// configuration.receiveTimeout = .seconds(45)  // an event stream sends a comment every 15 s
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The longest to wait for the TCP connection. Default 5 s.
        public var connectTimeout: Duration = .seconds(5)
        /// The longest one write of the request may block. Default 10 s.
        public var sendTimeout: Duration = .seconds(10)
        /// The longest to wait for the next bytes of a response (not for the whole of it).
        /// Default 30 s.
        public var receiveTimeout: Duration = .seconds(30)
        /// The largest status line and header section, and the largest trailer section,
        /// in bytes. Default 64 KiB.
        public var maxHeadBytes = 64 * 1024
        /// The longest chunk-size line, extensions and CR LF included, in bytes. Default 4 KiB.
        public var maxChunkLineBytes = 4096

        /// The defaults.
        public init() {}
    }
}
