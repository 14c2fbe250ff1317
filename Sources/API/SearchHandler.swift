import Corpus
import Dispatch
import DocumentModel
import HTTPServer
import Serialization

/// `GET /v1/search`: ranked full-text search over the documents, with the list filters,
/// snippets with marked matches, facets over every match, the parsed query and the time taken.
struct SearchHandler: Sendable {
    let catalog: Catalog
    /// Most entries one search may read.
    let workLimit: Int

    /// One page of hits.
    func search(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["q", "source", "kind", "from", "to", "entity", "limit", "offset"])
        guard let query = try context.searchQuery() else { throw .missingParameter(name: "q") }
        let filter = try context.documentFilter()
        let page = try context.page()
        let rendered = self.catalog.rendered
        let started = DispatchTime.now().uptimeNanoseconds
        let results = try context.searching { () throws(SearchQueryError) in
            try rendered.search.search(query, filter: filter, limit: page.limit, offset: page.offset, workLimit: self.workLimit)
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        let hits = results.hits.map { hit in
            let document = rendered.document(idOrSlug: hit.id)
            return JSONValue.object([
                ("id", .string(hit.id)), ("title", .optional(document?.title)), ("published", .optional(document?.published)),
                ("source", .optional(document?.source)), ("kind", .optional(document?.kind.rawValue)), ("score", .double(hit.score)),
                ("exact", .bool(hit.isExact)), ("matched_entities", .array(hit.matchedEntities.map(JSONValue.string))),
                ("snippets", .array(hit.snippets.map(Self.snippet))),
                ("links", .object([("self", .string("/v1/documents/" + URLPath.encodeSegment(hit.id)))])),
            ])
        }
        let facets = results.facets
        return context.listing(
            page: hits, total: results.total, limit: page.limit, offset: page.offset,
            meta: [("query", .string(query.description)), ("took_ms", .double((took * 1000).rounded() / 1000))],
            members: [
                ("facets", .object([
                    ("source", .array(facets.sources.map(Self.count))), ("kind", .array(facets.kinds.map(Self.count))),
                    ("year", .array(facets.years.map(Self.count))), ("entity", .array(facets.entities.map(Self.count))),
                ]))
            ])
    }

    /// A snippet: its paragraph, text, highlight ranges (Unicode scalars) and marked HTML.
    static func snippet(_ snippet: SearchSnippet) -> JSONValue {
        .object([
            ("paragraph", .int(snippet.paragraph)), ("text", .string(snippet.text)),
            ("highlights", .array(snippet.highlights.map { .object([("start", .int($0.lowerBound)), ("end", .int($0.upperBound))]) })),
            ("marked", .string(snippet.marked)),
        ])
    }

    private static func count(_ count: SearchFacets.Count) -> JSONValue {
        .object([("value", .string(count.value))] + (count.name.map { [("name", JSONValue.string($0))] } ?? []) + [("count", .int(count.count))])
    }
}
