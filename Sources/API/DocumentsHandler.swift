import Corpus
import DocumentModel
import HTTPServer
import Serialization

/// `GET /v1/documents`, `GET /v1/documents/{id}`, `…/{id}/text` and `…/{id}/related`.
struct DocumentsHandler: Sendable {
    let catalog: Catalog

    /// The orders `sort` accepts.
    static let sortOrders = ["published", "-published"]

    /// Document summaries, paged with `limit` and `offset`. Filters: `source` and `author` (an
    /// author the byline names; both case- and accent-insensitive), `kind`, `from` and `to` (published dates, inclusive; undated
    /// documents drop out) and `entity` (an entity id the document mentions). In id order, or
    /// by `sort` = `published` / `-published` (undated last, ties by id).
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["source", "author", "kind", "from", "to", "entity", "sort", "limit", "offset"])
        let filter = try context.documentFilter()
        let sort = try context.choice("sort", among: Self.sortOrders)
        let page = try context.page()
        var documents = self.catalog.snapshot.documents.filter(filter.admits)
        if let sort {
            let newestFirst = sort == "-published"
            documents.sort { left, right in
                switch (left.published, right.published) {
                case let (l?, r?) where l != r: return newestFirst ? l > r : l < r
                case (nil, _?): return false
                case (_?, nil): return true
                default: return left.id < right.id
                }
            }
        }
        return context.listing(documents, page: page, render: DocumentRepresentation.summary)
    }

    /// One document, served from the bytes rendered with the snapshot.
    func get(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let entry = try self.entry(context)
        return context.isPretty || context.fields != nil ? context.resource(entry.json) : entry.response
    }

    /// The cleaned body as plain text.
    func text(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let entry = try self.entry(context)
        return Response(
            headers: HeaderFields([("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-cache")]),
            body: Array(entry.document.bodyText.utf8))
    }

    /// The documents most like this one, best first, each with the entities and terms they share.
    func related(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        let page = try context.page()
        let rendered = self.catalog.rendered
        let document = try self.entry(context).document
        let matches = rendered.similarity.related(to: document.id) ?? []
        return context.listing(matches, page: page) { match in
            let other = rendered.entry(idOrSlug: match.id)?.document
            return .object([
                ("id", .string(match.id)), ("title", .optional(other?.title)), ("published", .optional(other?.published)),
                ("source", .optional(other?.source)), ("score", .double((match.score * 1000).rounded() / 1000)),
                ("shared_entities", .array(match.sharedEntities.compactMap(rendered.entities.entry(id:)).map { entity in
                    .object([("id", .string(entity.id)), ("name", .string(entity.name)), ("type", .string(entity.kind.rawValue))])
                })),
                ("shared_terms", .array(match.sharedTerms.map(JSONValue.string))),
                ("links", .object([("self", .string("/v1/documents/" + URLPath.encodeSegment(match.id)))])),
            ])
        }
    }

    private func entry(_ context: RequestContext) throws(APIError) -> RenderedCorpus.Entry {
        let id = context.parameters["id"] ?? ""
        guard let entry = self.catalog.rendered.entry(idOrSlug: id) else { throw .documentNotFound(id: id) }
        return entry
    }
}
