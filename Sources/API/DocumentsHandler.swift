import HTTPServer
import Serialization

/// `GET /v1/documents`, `GET /v1/documents/{id}` and `GET /v1/documents/{id}/text`.
struct DocumentsHandler: Sendable {
    let catalog: Catalog

    /// Document summaries, paged with `limit` and `offset`, in id order.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        let (limit, offset) = try context.page()
        let documents = self.catalog.snapshot.documents
        let page = documents.dropFirst(offset).prefix(limit).map(DocumentRepresentation.summary)
        let listing = ListPage(path: "/v1/documents", total: documents.count, limit: limit, offset: offset, isPretty: context.isPretty)
        return .json(listing.envelope(data: page), pretty: context.isPretty)
    }

    /// One document, served from the bytes rendered with the snapshot.
    func get(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let entry = try self.entry(context)
        return context.isPretty ? .json(entry.json, pretty: true) : entry.response
    }

    /// The cleaned body as plain text.
    func text(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters([])
        let entry = try self.entry(context)
        return Response(
            headers: HeaderFields([("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-cache")]),
            body: Array(entry.document.bodyText.utf8))
    }

    private func entry(_ context: RequestContext) throws(APIError) -> RenderedCorpus.Entry {
        let id = context.parameters["id"] ?? ""
        guard let entry = self.catalog.rendered.entry(idOrSlug: id) else { throw .documentNotFound(id: id) }
        return entry
    }
}
