import Corpus
import HTTPServer
import Serialization
import Store

/// `GET /`, `GET /healthz`, `GET /readyz`, `GET /metrics` and `GET /openapi.yaml`.
struct ServiceHandler: Sendable {
    let catalog: Catalog
    /// Asked whether writes are failing for storage (disk full, journal I/O).
    let store: DocumentStore
    let readiness: Readiness
    let metrics: Metrics
    let openAPIDocument: [UInt8]?
    /// The endpoints this server answers (a read-only one has no writes).
    let endpoints: [Endpoint]

    /// The service index: name, version, document count and every endpoint, with its URL
    /// when the path has no `{parameter}` to fill in.
    func index(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let endpoints = self.endpoints.map { endpoint in
            JSONValue.object([
                ("method", .string(endpoint.method.rawValue)), ("path", .string(endpoint.pattern)),
                ("url", endpoint.pattern.contains("{") ? .null : .string(endpoint.pattern)), ("summary", .string(endpoint.summary)),
            ])
        }
        return context.resource(
            .object([
                ("name", .string(ServiceInfo.name)),
                ("version", .string(ServiceInfo.version)),
                ("documents", .int(self.catalog.snapshot.documents.count)),
                ("links", .object([
                    ("self", .string("/")), ("health", .string("/healthz")), ("ready", .string("/readyz")),
                    ("metrics", .string("/metrics")), ("openapi", .string("/openapi.yaml")), ("documents", .string("/v1/documents")),
                    ("entities", .string("/v1/entities")), ("quotes", .string("/v1/quotes")), ("timeline", .string("/v1/timeline")),
                    ("contacts", .string("/v1/contacts")),
                    ("changes", .string("/v1/changes")), ("events", .string("/v1/events")),
                ])),
                ("endpoints", .array(endpoints)),
            ]))
    }

    /// Liveness: the process answers.
    func health(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        return context.resource(.object([("status", .string("ok"))]), cacheControl: "no-store")
    }

    /// Readiness: 200 while serving, 503 while loading or draining.
    func ready(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let phase = self.readiness.current
        guard phase == .ready else { throw .notReady(phase) }
        return context.resource(
            .object([("status", .string("ready")), ("documents", .int(self.catalog.snapshot.documents.count))]), cacheControl: "no-store")
    }

    /// The Prometheus exposition: request counters and latency by route, open connections,
    /// the corpus's size, the change it is as of (a replica's lag is the writer's less its own),
    /// whether the latest write failed for storage, and what the rendered documents' cache holds.
    func metricsExposition(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let rendered = self.catalog.rendered
        let cached = rendered.renderedResponses
        let text = self.metrics.render(gauges: [
            ("dossier_documents", "Documents in the corpus.", rendered.snapshot.documents.count),
            ("dossier_entities", "Entities in the corpus, merged across documents.", rendered.entities.count),
            ("dossier_quotes", "Quotations in the corpus.", rendered.snapshot.quotes.all.count),
            (
                "dossier_last_change", "The change the collection is as of; on a read replica, the writer's change it has reached.",
                rendered.snapshot.version
            ),
            (
                "dossier_writes_failing", "1 while the latest write failed for storage (disk full, I/O error); reads still work.",
                self.store.isFailingWrites ? 1 : 0
            ),
            ("dossier_document_cache_documents", "Documents whose rendered JSON is kept for GET /v1/documents/{id}.", cached.documents),
            (
                "dossier_document_cache_bytes",
                "Bytes of rendered document JSON kept, at most \(RenderedCorpus.responseCacheCapacity) (least recently read evicted first).",
                cached.bytes
            ),
        ])
        return Response(
            headers: HeaderFields([("Content-Type", "text/plain; version=0.0.4; charset=utf-8"), ("Cache-Control", "no-store")]),
            body: Array(text.utf8))
    }

    /// The OpenAPI document this server was started with.
    func openAPI(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        guard let document = self.openAPIDocument else { throw .openAPIUnavailable }
        return Response(
            headers: HeaderFields([("Content-Type", "application/yaml"), ("Cache-Control", "public, max-age=300")]),
            body: document)
    }
}
