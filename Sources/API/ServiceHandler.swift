import HTTPServer
import Serialization

/// `GET /`, `GET /healthz` and `GET /readyz`.
struct ServiceHandler: Sendable {
    let catalog: Catalog
    let readiness: Readiness

    /// The service index: name, version, document count and every endpoint.
    func index(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let endpoints = Endpoint.allCases.map { endpoint in
            JSONValue.object([("method", .string(endpoint.method.rawValue)), ("path", .string(endpoint.pattern))])
        }
        return .json(
            .object([
                ("name", .string(ServiceInfo.name)),
                ("version", .string(ServiceInfo.version)),
                ("documents", .int(self.catalog.snapshot.documents.count)),
                ("links", .object([
                    ("self", .string("/")), ("health", .string("/healthz")), ("ready", .string("/readyz")),
                    ("documents", .string("/v1/documents")),
                ])),
                ("endpoints", .array(endpoints)),
            ]), pretty: context.isPretty)
    }

    /// Liveness: the process answers.
    func health(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        return .json(.object([("status", .string("ok"))]), pretty: context.isPretty, cacheControl: "no-store")
    }

    /// Readiness: 200 while serving, 503 while loading or draining.
    func ready(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let phase = self.readiness.current
        guard phase == .ready else { throw .notReady(phase) }
        return .json(
            .object([("status", .string("ready")), ("documents", .int(self.catalog.snapshot.documents.count))]),
            pretty: context.isPretty, cacheControl: "no-store")
    }
}
