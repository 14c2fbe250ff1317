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
        // The snapshot's postings answer it: a page costs the page, not the collection (see
        // `Snapshot.documents(matching:order:offset:limit:)` for several conditions).
        let direction = sort.map { $0 == "-published" ? PublicationOrder.Direction.newestFirst : .oldestFirst }
        let found = self.catalog.snapshot.documents(matching: filter, order: direction, offset: page.offset, limit: page.limit)
        return context.listing(
            page: found.documents.map(DocumentRepresentation.summary), total: found.total, limit: page.limit, offset: page.offset)
    }

    /// One document: its compact JSON from the rendered documents' cache, or built for
    /// `?pretty=true` and `fields=`.
    func get(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let rendered = self.catalog.rendered
        let document = try self.document(context, in: rendered)
        return context.isPretty || context.fields != nil ? context.resource(DocumentRepresentation.full(document)) : rendered.response(for: document)
    }

    /// The cleaned body as plain text.
    func text(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let document = try self.document(context, in: self.catalog.rendered)
        return Response(
            headers: HeaderFields([("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-cache")]),
            body: Array(document.bodyText.utf8))
    }

    /// The documents most like this one, best first, each with the entities and terms they share.
    func related(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        let page = try context.page()
        let rendered = self.catalog.rendered
        let document = try self.document(context, in: rendered)
        // The similarity index is updated with the snapshot, so it knows every document it does.
        guard let matches = rendered.similarity.related(to: document.id) else { throw .documentNotFound(id: document.id) }
        return context.listing(matches, page: page) { match in
            let other = rendered.document(idOrSlug: match.id)
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

    private func document(_ context: RequestContext, in rendered: RenderedCorpus) throws(APIError) -> Document {
        let id = context.parameters["id"] ?? ""
        guard let document = rendered.document(idOrSlug: id) else { throw .documentNotFound(id: id) }
        return document
    }
}
