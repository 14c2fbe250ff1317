import Corpus
import DocumentModel
import HTTPServer
import Serialization

/// `GET /v1/entities` and `GET /v1/entities/{id}`: the corpus's people, organizations and
/// places, merged across documents.
struct EntitiesHandler: Sendable {
    /// How many co-occurring entities an entity lists.
    static let coOccurringLimit = 20

    let catalog: Catalog

    /// Entities with mention and document counts, most mentioned first; filter `type`.
    ///
    /// - Complexity: O(page × log *n*): the directory keeps the ranking, overall and per type.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["type", "limit", "offset"])
        let page = try context.page()
        let kind = try context.choice("type", among: [Entity.Kind.person, .organization, .location].map(\.rawValue)).flatMap(Entity.Kind.init)
        return context.listing(self.catalog.rendered.entities.ranked(kind: kind), page: page, render: Self.summary)
    }

    /// One entity: aliases, a page of its documents and of the quotations it spoke (`limit`
    /// and `offset` apply to both; `document_count` and `quote_count` are their totals), and
    /// the entities it appears with (by shared documents).
    ///
    /// - Complexity: O((page + 20 + aliases) × log *n*), whatever the entity's size.
    func get(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        let page = try context.page()
        let id = context.parameters["id"] ?? ""
        let rendered = self.catalog.rendered
        guard let entry = rendered.entities.entry(id: id) else { throw .entityNotFound(id: id) }
        let documents = entry.documents.dropFirst(page.offset).prefix(page.limit).compactMap { document, mentions -> JSONValue? in
            guard let document = rendered.snapshot.document(idOrSlug: document) else { return nil }
            return .object([
                ("id", .string(document.id)), ("title", .string(document.title)), ("published", .optional(document.published)),
                ("mentions", .int(mentions)), ("links", .object([("self", .string(DocumentRepresentation.path(of: document)))])),
            ])
        }
        let quotes = entry.quotes.dropFirst(page.offset).prefix(page.limit).compactMap { key -> JSONValue? in
            guard let document = rendered.snapshot.document(idOrSlug: key.documentID), document.quotes.indices.contains(key.position) else { return nil }
            return DocumentRepresentation.item(DocumentRepresentation.quote(document.quotes[key.position]), of: document)
        }
        let coOccurring = entry.coOccurring.prefix(Self.coOccurringLimit).compactMap { otherID, count -> JSONValue? in
            rendered.entities.entry(id: otherID).map { other in
                .object([
                    ("id", .string(other.id)), ("name", .string(other.name)), ("type", .string(other.kind.rawValue)),
                    ("shared_documents", .int(count)), ("links", .object([("self", .string(Self.path(other.id)))])),
                ])
            }
        }
        guard case .object(var members) = Self.summary(entry) else { preconditionFailure("a summary is an object") }
        members.insert(("quote_count", .int(entry.quotes.count)), at: members.count - 1)
        members.insert(("documents", .array(documents)), at: members.count - 1)
        members.insert(("quotes", .array(quotes)), at: members.count - 1)
        members.insert(("co_occurring", .array(coOccurring)), at: members.count - 1)
        return context.resource(.object(members))
    }

    private static func path(_ id: String) -> String {
        "/v1/entities/" + URLPath.encodeSegment(id)
    }

    private static func summary(_ entry: EntityDirectory.Entry) -> JSONValue {
        .object([
            ("id", .string(entry.id)), ("name", .string(entry.name)), ("type", .string(entry.kind.rawValue)),
            ("aliases", .array(entry.aliases.map(JSONValue.string))),
            ("mention_count", .int(entry.mentionCount)), ("document_count", .int(entry.documentCount)),
            ("links", .object([("self", .string(Self.path(entry.id)))])),
        ])
    }
}
