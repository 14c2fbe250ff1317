import HTTPServer

/// Every route of the API: its method and path pattern, declared once.
///
/// The router is built from this list and `GET /` lists it, so the index can never miss a
/// route, and a new case does not compile until `DossierAPI` gives it a handler.
enum Endpoint: CaseIterable, Sendable {
    case index
    case health
    case readiness
    case documents
    case document
    case documentText
    case contacts
    case timeline
    case quotes
    case entities
    case entity

    /// The method it answers (`HEAD` is implied by `GET`).
    var method: HTTPMethod {
        switch self {
        case .index, .health, .readiness, .documents, .document, .documentText, .contacts, .timeline, .quotes, .entities, .entity:
            return .get
        }
    }

    /// The path pattern, `{name}` segments capturing.
    var pattern: String {
        switch self {
        case .index: return "/"
        case .health: return "/healthz"
        case .readiness: return "/readyz"
        case .documents: return "/v1/documents"
        case .document: return "/v1/documents/{id}"
        case .documentText: return "/v1/documents/{id}/text"
        case .contacts: return "/v1/contacts"
        case .timeline: return "/v1/timeline"
        case .quotes: return "/v1/quotes"
        case .entities: return "/v1/entities"
        case .entity: return "/v1/entities/{id}"
        }
    }
}
