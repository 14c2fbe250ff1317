import HTTPServer
import Synchronization

/// The responder a server starts with, so that its port is bound before the collection is
/// loaded: until `open(_:)` hands it the API, `/healthz` answers 200 (the process is alive),
/// `/readyz` answers 503, and every other request 503 with `Retry-After`, all as the API
/// would answer them. From then on it passes every request to the API.
///
/// Orchestrators need this: a probe that finds the port closed for the minutes a large
/// collection takes to load counts a failure, and restarts the process that was loading.
///
/// - Note: Shared by every worker queue; the API is set once, through an atomic reference,
///   so the request path takes no lock.
public final class StartupGate: HTTPResponder {
    private let api = AtomicLazyReference<DossierAPI>()
    private let readiness: Readiness

    /// Makes a closed gate.
    ///
    /// - Parameter readiness: what `/readyz` reports until the gate opens (loading, or
    ///   draining when the process is stopped before it finished loading).
    public init(readiness: Readiness) {
        self.readiness = readiness
    }

    /// Hands every later request to `api`. Only the first call has an effect.
    public func open(_ api: DossierAPI) {
        _ = self.api.storeIfNil(api)
    }

    /// Whether `open(_:)` has been called.
    public var isOpen: Bool { self.api.load() != nil }

    /// Answers a request: the API's answer once open, a loading answer before.
    public func respond(to request: Request) -> Reply {
        if let api = self.api.load() { return api.respond(to: request) }
        return .response(self.answerWhileLoading(request))
    }

    /// Answers a request the server could not read, as the API does.
    public func respond(to failure: RequestFailure) -> Response {
        if let api = self.api.load() { return api.respond(to: failure) }
        let problem = ProblemMapping.problem(for: failure)
        return Self.marked(ProblemMapping.response(for: problem, status: problem.httpStatus), requestID: RequestID.make())
    }

    private func answerWhileLoading(_ request: Request) -> Response {
        let isProbe = request.method == .get || request.method == .head
        let response: Response
        if isProbe && request.path == Endpoint.health.pattern {
            response = Response.json(.object([("status", .string("ok"))]), pretty: false, cacheControl: "no-store")
        } else {
            let problem = ProblemMapping.problem(for: .notReady(self.readiness.current))
            response = ProblemMapping.response(for: problem, status: problem.httpStatus)
        }
        return Self.marked(response, requestID: RequestID.of(request))
    }

    private static func marked(_ response: Response, requestID: String) -> Response {
        var response = response
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("X-Request-Id", requestID)
        return response
    }
}
