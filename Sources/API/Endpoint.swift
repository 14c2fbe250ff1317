import Access
import HTTPServer

/// Every route of the API: its method and path pattern, declared once.
///
/// The router is built from this list and `GET /` lists it, so the index can never miss a
/// route, and a new case does not compile until `DossierAPI` gives it a handler.
enum Endpoint: CaseIterable, Sendable {
    case index
    case health
    case readiness
    case metrics
    case openAPI
    case documents
    case createDocument
    case document
    case deleteDocument
    case documentText
    case related
    case search
    case contacts
    case timeline
    case quotes
    case entities
    case entity
    case changes
    case events
    case journal

    /// The method it answers (`HEAD` is implied by `GET`, `OPTIONS` answered for every path).
    var method: HTTPMethod {
        switch self {
        case .index, .health, .readiness, .metrics, .openAPI, .documents, .document, .documentText, .related, .search, .contacts, .timeline,
            .quotes, .entities, .entity, .changes, .events, .journal:
            return .get
        case .createDocument:
            return .post
        case .deleteDocument:
            return .delete
        }
    }

    /// Whether it changes the collection (and so is absent from a read-only server).
    var isWrite: Bool {
        self.method != .get
    }

    /// What it is to access control: which key scope it needs, if any.
    var access: RouteAccess {
        switch self {
        case .health, .readiness: return .probe
        case .metrics: return .metrics
        case .createDocument, .deleteDocument: return .write
        case .journal: return .replicate
        case .index, .openAPI, .documents, .document, .documentText, .related, .search, .contacts, .timeline, .quotes, .entities, .entity,
            .changes, .events:
            return .read
        }
    }

    /// The path pattern, `{name}` segments capturing.
    var pattern: String {
        switch self {
        case .index: return "/"
        case .health: return "/healthz"
        case .readiness: return "/readyz"
        case .metrics: return "/metrics"
        case .openAPI: return "/openapi.yaml"
        case .documents, .createDocument: return "/v1/documents"
        case .document, .deleteDocument: return "/v1/documents/{id}"
        case .documentText: return "/v1/documents/{id}/text"
        case .related: return "/v1/documents/{id}/related"
        case .search: return "/v1/search"
        case .contacts: return "/v1/contacts"
        case .timeline: return "/v1/timeline"
        case .quotes: return "/v1/quotes"
        case .entities: return "/v1/entities"
        case .entity: return "/v1/entities/{id}"
        case .changes: return "/v1/changes"
        case .events: return "/v1/events"
        case .journal: return "/v1/journal"
        }
    }

    /// What it answers, for the index.
    var summary: String {
        switch self {
        case .index: return "This index of the service and its endpoints."
        case .health: return "Liveness: 200 while the process answers."
        case .readiness: return "Readiness: 200 when serving, 503 while loading or draining."
        case .metrics: return "Prometheus metrics: requests, latency, connections, corpus size."
        case .openAPI: return "The OpenAPI 3.1 description of this API."
        case .documents: return "Document summaries; filters source, kind, from, to, entity; sort; paging."
        case .document: return "One document by id or slug, with everything extracted from it."
        case .documentText: return "One document's cleaned body as plain text."
        case .related: return "The documents most like one, with the entities and terms they share."
        case .search: return "Ranked full-text search: q plus the list filters; snippets, facets."
        case .contacts: return "Press contacts across the corpus."
        case .timeline: return "Dates the corpus mentions, in date order; filters from, to, entity."
        case .quotes: return "Quotations with their speakers; filters speaker, document, q."
        case .entities: return "People, organizations and places with counts; filter type."
        case .entity: return "One entity: aliases, documents, quotes, co-occurring entities."
        case .createDocument: return "Ingest a document (text/plain or JSON); 201 with Location once it is on disk."
        case .deleteDocument: return "Delete a document (a seed too); 204 once it is on disk."
        case .changes: return "Documents created and deleted after change number since, in order (polling)."
        case .events: return "Server-Sent Events: document.created, document.deleted and document.updated as they happen."
        case .journal: return "Replication feed for read replicas: the writes as NDJSON, streamed, after change number after."
        }
    }
}
