import Corpus
import DocumentModel
import HTTPServer
import Serialization

/// `GET /v1/quotes`: quotations across the corpus; filters `speaker` (an entity id) and
/// `document` (a document id). Without `q` they come in document order; with `q` they are
/// searched with the search engine's language and ranking, best first, each with its `score`
/// and `snippets` marking the matches.
struct QuotesHandler: Sendable {
    let catalog: Catalog
    /// Most entries one search may read.
    let workLimit: Int

    /// One page of quotations.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["speaker", "document", "q", "limit", "offset"])
        let page = try context.page()
        let speaker = context.query["speaker"]
        let documentID = context.query["document"]
        if let query = try context.searchQuery() {
            return try self.search(query, filter: SearchFilter(entity: speaker, document: documentID), page: page, context: context)
        }
        let snapshot = self.catalog.snapshot
        // Each is an index of the snapshot: a document's quotes, and a speaker's, are found in O(log n).
        if let speaker { return Self.listing(snapshot.quotes(speaker: speaker, documentID: documentID), page: page, context: context) }
        return documentID.map { Self.listing(snapshot.quotes.of(documentID: $0), page: page, context: context) }
            ?? Self.listing(snapshot.quotes.all, page: page, context: context)
    }

    private static func listing<Quotes: Collection<DocumentPart<Quote>>>(
        _ quotes: Quotes, page: (limit: Int, offset: Int), context: RequestContext
    ) -> Response {
        context.listing(quotes, page: page) { quote in
            DocumentRepresentation.item(DocumentRepresentation.quote(quote.part), of: quote.document)
        }
    }

    private func search(_ query: SearchQuery, filter: SearchFilter, page: (limit: Int, offset: Int), context: RequestContext) throws(APIError) -> Response {
        let rendered = self.catalog.rendered
        let results = try context.searching { () throws(SearchQueryError) in
            try rendered.quotationSearch.search(query, filter: filter, limit: page.limit, offset: page.offset, workLimit: self.workLimit)
        }
        let items = results.hits.compactMap { hit -> JSONValue? in
            guard let (document, quote) = self.quotation(keyed: hit.id),
                case .object(let members) = DocumentRepresentation.item(DocumentRepresentation.quote(quote), of: document)
            else { return nil }
            return .object(members + [("score", .double(hit.score)), ("snippets", .array(hit.snippets.map(SearchHandler.snippet)))])
        }
        return context.listing(
            page: items, total: results.total, limit: page.limit, offset: page.offset, meta: [("query", .string(query.description))])
    }

    /// The quotation a search key (`DOCUMENT/QUOTE`) names.
    private func quotation(keyed key: String) -> (Document, Quote)? {
        guard let slash = key.lastIndex(of: "/"), let document = self.catalog.rendered.document(idOrSlug: String(key[..<slash])),
            let quote = document.quotes.first(where: { $0.id == key[key.index(after: slash)...] })
        else { return nil }
        return (document, quote)
    }
}
