import HTTPServer

/// Cross-origin resource sharing (the Fetch standard's CORS protocol) for browser dashboards.
///
/// Every response to a request with an allowed `Origin` carries
/// `Access-Control-Allow-Origin` (and the headers scripts may read); with a list of origins
/// rather than `*`, every response also says `Vary: Origin`, so caches keep one copy per
/// origin. `OPTIONS` answers preflights with the path's methods and the request headers the
/// API reads.
///
/// `*` covers reads only. Writes are allowed from origins listed by name and from the
/// server's own origin: a browser sends a `text/plain` POST from any page without a
/// preflight, so a write whose `Origin` is neither is refused before it runs.
struct CORSPolicy: Sendable {
    /// Request headers a cross-origin script may send.
    static let allowedHeaders = ["Authorization", "Content-Type", "If-None-Match", "X-Request-Id", "Last-Event-ID", "Idempotency-Key"]
    /// Response headers a cross-origin script may read, beyond the CORS-safelisted ones.
    static let exposedHeaders = "ETag, Location, X-Request-Id, Idempotent-Replayed"
    /// How long a browser may cache a preflight, in seconds.
    static let preflightMaxAge = "600"

    private let allowsAny: Bool
    private let origins: Set<String>

    init(allowedOrigins: [String]) {
        self.allowsAny = allowedOrigins.contains("*")
        self.origins = Set(allowedOrigins)
    }

    /// Whether a request from `origin` may read the API.
    func allows(_ origin: String) -> Bool {
        self.allowsAny || self.origins.contains(origin)
    }

    /// Whether a page on `origin` may write to a server reached as `host` (the request's
    /// `Host`): the origin is listed by name, or it is the server's own.
    func allowsWrite(from origin: String, host: String?) -> Bool {
        if self.origins.contains(origin) { return true }
        guard let host, let separator = origin.range(of: "://") else { return false }
        return origin[separator.upperBound...].lowercased() == host.lowercased()
    }

    /// Adds the CORS headers a response to a request from `origin` (if any) needs; a write
    /// is shared only with origins listed by name.
    func apply(to response: inout Response, origin: String?, isWrite: Bool) {
        if !self.allowsAny || isWrite { response.headers.add("Vary", "Origin") }
        guard let origin, isWrite ? self.origins.contains(origin) : self.allows(origin) else { return }
        response.headers.add("Access-Control-Allow-Origin", self.allowsAny && !isWrite ? "*" : origin)
        response.headers.add("Access-Control-Expose-Headers", Self.exposedHeaders)
    }

    /// The answer to `OPTIONS` on a path that allows `methods`: 204 with `Allow`, and for a
    /// preflight (`Access-Control-Request-Method` present) the methods, headers and how long
    /// to cache them.
    ///
    /// - Throws: `.originNotAllowed` for a preflight from an origin not allowed, or for a
    ///   write method from an origin not listed by name.
    func options(for request: Request, allowing methods: [HTTPMethod]) throws(APIError) -> Response {
        let allow = methods.map(\.rawValue).joined(separator: ", ")
        var response = Response(status: .noContent, headers: HeaderFields([("Allow", allow)]))
        guard let requested = request.headers["Access-Control-Request-Method"], let origin = request.headers["Origin"] else { return response }
        let isWrite = !["GET", "HEAD"].contains(requested)
        guard isWrite ? self.origins.contains(origin) : self.allows(origin) else { throw .originNotAllowed(origin: origin) }
        response.headers.add("Access-Control-Allow-Methods", allow)
        response.headers.add("Access-Control-Allow-Headers", Self.allowedHeaders.joined(separator: ", "))
        response.headers.add("Access-Control-Max-Age", Self.preflightMaxAge)
        return response
    }
}
