import HTTPServer
import TestSupport

/// The responder behind the connection and shutdown tests.
///
/// - `/large?bytes=N`: N bytes of `pattern(count:)`, to push the writer into back-pressure.
/// - `/block`: opens `gate.entered`, then blocks its worker until `gate.release` opens.
/// - anything else: echoes the request. The body is the request body; `X-Echo-Method`,
///   `X-Echo-Path`, `X-Echo-Query`, `X-Echo-Version`, `X-Echo-Body-Length`, `X-Echo-Header`
///   (the request's `X-Test`) and `X-Echo-Trailer` (the trailer `X-Trailer`) describe it.
///
/// Failures become a plain-text response whose status follows the kind of failure.
struct ServerTestResponder: HTTPResponder {
    /// The path answered with a large body.
    static let largePath = "/large"
    /// The path that blocks until released.
    static let blockPath = "/block"

    /// Coordinates a test with a request held in `/block`.
    struct Gate: Sendable {
        /// Opened when the handler has begun.
        let entered = Latch()
        /// The handler returns once this opens.
        let release = Latch()
    }

    var gate = Gate()

    func respond(to request: Request) -> Response {
        switch request.path {
        case Self.largePath:
            let count = Int(request.query.split(separator: "=").last ?? "") ?? 0
            return Response(headers: HeaderFields([("Content-Type", "application/octet-stream")]), body: Self.pattern(count: count))
        case Self.blockPath:
            self.gate.entered.open()
            _ = self.gate.release.wait(timeout: .seconds(10))
            return Response(headers: HeaderFields([("Content-Type", "text/plain")]), body: Array("released".utf8))
        default:
            return Response(
                headers: HeaderFields([
                    ("Content-Type", "application/octet-stream"),
                    ("X-Echo-Method", request.method.rawValue),
                    ("X-Echo-Path", request.path),
                    ("X-Echo-Query", request.query),
                    ("X-Echo-Version", request.version.description),
                    ("X-Echo-Body-Length", String(request.body.count)),
                    ("X-Echo-Header", request.headers["X-Test"] ?? "-"),
                    ("X-Echo-Trailer", request.trailers["X-Trailer"] ?? "-"),
                ]),
                body: request.body)
        }
    }

    func respond(to failure: RequestFailure) -> Response {
        let status: HTTPStatus
        switch failure {
        case .headerTimeout: status = .requestTimeout
        case .connectionLimit: status = .serviceUnavailable
        case .malformed(.bodyTooLarge): status = .contentTooLarge
        case .malformed(.requestLineTooLong): status = .uriTooLong
        case .malformed(.headerSectionTooLarge), .malformed(.tooManyHeaderFields): status = .requestHeaderFieldsTooLarge
        case .malformed(.unknownMethod), .malformed(.unsupportedTransferEncoding): status = .notImplemented
        case .malformed: status = .badRequest
        }
        return Response(status: status, headers: HeaderFields([("Content-Type", "text/plain")]), body: Array(failure.description.utf8))
    }

    /// `count` bytes where byte *i* is `i % 251`, so a lost, duplicated or reordered slice shows.
    ///
    /// Built by doubling a 251-byte period, which stays fast in debug builds.
    static func pattern(count: Int) -> [UInt8] {
        var bytes = (0..<251).map { UInt8($0) }
        while bytes.count < count { bytes.append(contentsOf: bytes) }
        return Array(bytes.prefix(count))
    }
}
