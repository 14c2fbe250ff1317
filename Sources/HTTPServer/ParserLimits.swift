/// The size limits a `RequestParser` enforces, each with its own error.
///
/// The defaults are DESIGN.md's: an 8 KiB request line (414), a 32 KiB header section or
/// 100 fields (431), and a 1 MiB body (413).
public struct ParserLimits: Sendable, Hashable {
    /// Longest request line in bytes, excluding its line terminator. Default 8 KiB.
    public var maxRequestLineBytes: Int
    /// Largest header section in bytes: the field lines after the request line. A chunked
    /// body's trailer section has its own allowance of the same size. Default 32 KiB.
    public var maxHeaderBytes: Int
    /// Most header field lines in one request, trailers included. Default 100.
    public var maxHeaderFields: Int
    /// Largest body in bytes, declared or received. Default 1 MiB.
    public var maxBodyBytes: Int

    /// Makes limits, defaulting each to DESIGN.md's value.
    public init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 32 * 1024,
        maxHeaderFields: Int = 100,
        maxBodyBytes: Int = 1024 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxBodyBytes = maxBodyBytes
    }
}
