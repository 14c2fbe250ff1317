import HTTPServer

/// Cross-origin resource sharing (the Fetch standard's CORS protocol) for browser dashboards.
///
/// Every response to a request with an allowed `Origin` carries
/// `Access-Control-Allow-Origin` (and the headers scripts may read); with a list of origins
/// rather than `*`, every response also says `Vary: Origin`, so caches keep one copy per
/// origin. `OPTIONS` answers preflights with the path's methods and the request headers the
/// API reads.
struct CORSPolicy: Sendable {
    /// Request headers a cross-origin script may send.
    static let allowedHeaders = ["Content-Type", "If-None-Match", "X-Request-Id", "Last-Event-ID", "Idempotency-Key"]
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

    /// Adds the CORS headers a response to a request from `origin` (if any) needs.
    func apply(to response: inout Response, origin: String?) {
        if !self.allowsAny { response.headers.add("Vary", "Origin") }
        guard let origin, self.allows(origin) else { return }
        response.headers.add("Access-Control-Allow-Origin", self.allowsAny ? "*" : origin)
        response.headers.add("Access-Control-Expose-Headers", Self.exposedHeaders)
    }

    /// The answer to `OPTIONS` on a path that allows `methods`: 204 with `Allow`, and for a
    /// preflight (`Access-Control-Request-Method` present) the methods, headers and how long
    /// to cache them.
    ///
    /// - Throws: `.originNotAllowed` for a preflight from an origin not allowed.
    func options(for request: Request, allowing methods: [HTTPMethod]) throws(APIError) -> Response {
        let allow = methods.map(\.rawValue).joined(separator: ", ")
        var response = Response(status: .noContent, headers: HeaderFields([("Allow", allow)]))
        guard request.headers["Access-Control-Request-Method"] != nil, let origin = request.headers["Origin"] else { return response }
        guard self.allows(origin) else { throw .originNotAllowed(origin: origin) }
        response.headers.add("Access-Control-Allow-Methods", allow)
        response.headers.add("Access-Control-Allow-Headers", Self.allowedHeaders.joined(separator: ", "))
        response.headers.add("Access-Control-Max-Age", Self.preflightMaxAge)
        return response
    }
}
