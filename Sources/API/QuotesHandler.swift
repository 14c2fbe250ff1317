import Corpus
import HTTPServer
import Serialization

/// `GET /v1/quotes`: quotations across the corpus, in document order; filters `speaker`
/// (an entity id), `document` (a document id) and `q` (words the quotation contains, case-
/// and accent-insensitive; ranked search comes with the search engine).
struct QuotesHandler: Sendable {
    let catalog: Catalog

    /// One page of quotations.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["speaker", "document", "q", "limit", "offset"])
        let page = try context.page()
        let speaker = context.query["speaker"]
        let documentID = context.query["document"]
        let words = context.query["q"].map { TextFolding.words(of: $0) } ?? []
        if context.query["q"] != nil && words.isEmpty { throw .invalidParameter(name: "q", rule: "must contain at least one word") }

        let quotes = self.catalog.snapshot.documents.filter { documentID == nil || $0.id == documentID }.flatMap { document in
            document.quotes.map { (document, $0) }
        }.filter { _, quote in
            (speaker == nil || quote.speaker?.id == speaker) && (words.isEmpty || Set(TextFolding.words(of: quote.text)).isSuperset(of: words))
        }
        return context.listing(quotes, page: page) { document, quote in
            DocumentRepresentation.item(DocumentRepresentation.quote(quote), of: document)
        }
    }
}
