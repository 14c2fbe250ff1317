import Corpus
import DocumentModel
import HTTPServer
import Serialization

/// `GET /v1/entities` and `GET /v1/entities/{id}`: the corpus's people, organizations and
/// places, merged across documents.
struct EntitiesHandler: Sendable {
    let catalog: Catalog

    /// Entities with mention and document counts, most mentioned first; filter `type`.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["type", "limit", "offset"])
        let page = try context.page()
        let kind = try context.choice("type", among: [Entity.Kind.person, .organization, .location].map(\.rawValue)).flatMap(Entity.Kind.init)
        let entries = self.catalog.rendered.entities.entries.filter { kind == nil || $0.kind == kind }
        return context.listing(entries, page: page, render: Self.summary)
    }

    /// One entity: aliases, its documents, the quotations it spoke, and the entities it
    /// appears with (by shared documents).
    func get(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let id = context.parameters["id"] ?? ""
        let rendered = self.catalog.rendered
        guard let entry = rendered.entities.entry(id: id) else { throw .entityNotFound(id: id) }
        let documents = entry.documentIDs.compactMap { rendered.snapshot.document(idOrSlug: $0) }
        let quotes = documents.flatMap { document in
            document.quotes.filter { $0.speaker?.id == id }.map { DocumentRepresentation.item(DocumentRepresentation.quote($0), of: document) }
        }
        var shared: [String: Int] = [:]
        for document in documents {
            for other in document.entities where other.id != id { shared[other.id, default: 0] += 1 }
        }
        let coOccurring = shared.compactMap { otherID, count in rendered.entities.entry(id: otherID).map { ($0, count) } }
            .sorted { ($1.1, $0.0.id) < ($0.1, $1.0.id) }
            .prefix(20)
            .map { other, count in
                JSONValue.object([
                    ("id", .string(other.id)), ("name", .string(other.name)), ("type", .string(other.kind.rawValue)),
                    ("shared_documents", .int(count)), ("links", .object([("self", .string(Self.path(other.id)))])),
                ])
            }
        guard case .object(var members) = Self.summary(entry) else { preconditionFailure("a summary is an object") }
        members.insert(("documents", .array(documents.map { document in
            .object([
                ("id", .string(document.id)), ("title", .string(document.title)), ("published", .optional(document.published)),
                ("mentions", .int(document.entities.first { $0.id == id }?.mentions.count ?? 0)),
                ("links", .object([("self", .string(DocumentRepresentation.path(of: document)))])),
            ])
        })), at: members.count - 1)
        members.insert(("quotes", .array(quotes)), at: members.count - 1)
        members.insert(("co_occurring", .array(Array(coOccurring))), at: members.count - 1)
        return context.resource(.object(members))
    }

    private static func path(_ id: String) -> String {
        "/v1/entities/" + URLPath.encodeSegment(id)
    }

    private static func summary(_ entry: EntityDirectory.Entry) -> JSONValue {
        .object([
            ("id", .string(entry.id)), ("name", .string(entry.name)), ("type", .string(entry.kind.rawValue)),
            ("aliases", .array(entry.aliases.map(JSONValue.string))),
            ("mention_count", .int(entry.mentionCount)), ("document_count", .int(entry.documentIDs.count)),
            ("links", .object([("self", .string(Self.path(entry.id)))])),
        ])
    }
}
