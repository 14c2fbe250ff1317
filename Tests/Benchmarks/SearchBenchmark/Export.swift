import Corpus
import DocumentModel

extension Document {
    /// The text the engine indexes besides the title: body and background paragraphs
    /// (`SearchItem` leaves out contacts and footers), blank-line separated.
    var indexedBody: String {
        self.paragraphs.filter { $0.section == .body || $0.section == .background }.map(\.text).joined(separator: "\n\n")
    }

    /// The line of corpus.jsonl for the peers: id, title, body (`indexedBody`, passed in when
    /// the caller has it already), source, kind, published, year.
    func exportRecord(indexedBody body: String? = nil) -> JSONValue {
        .object([
            ("id", .string(self.id)), ("title", .string(self.title)), ("body", .string(body ?? self.indexedBody)),
            ("source", self.source.map(JSONValue.string)), ("kind", .string(self.kind.rawValue)),
            ("published", self.published.map(JSONValue.string)),
            ("year", self.published.flatMap { CalendarDate(parsing: $0) }.map { .int($0.year) }),
        ])
    }
}

extension BenchmarkQuery {
    /// The line of queries.jsonl for the peers: category, text, and the filter's fields that are set.
    var exportRecord: JSONValue {
        .object([
            ("category", .string(self.category.rawValue)), ("text", .string(self.text)),
            ("source", self.source.map(JSONValue.string)), ("kind", self.kind.map { .string($0.rawValue) }),
            ("from", self.from.map { .string($0.description) }), ("to", self.to.map { .string($0.description) }),
        ])
    }

    /// The query and its filter in a few words, for the verbose listing.
    var summary: String {
        var described = self.text
        if let source = self.source { described += " [source \(source)]" }
        if let kind = self.kind { described += " [kind \(kind.rawValue)]" }
        if let from = self.from, let to = self.to { described += " [\(from)..\(to)]" }
        return described
    }
}

extension SearchResults {
    /// The line of the `--hits` file: the query, the total, each hit with its score, snippets
    /// and matched entities, and the facets.
    func exportRecord(query: String) -> JSONValue {
        func counts(_ counts: [SearchFacets.Count]) -> JSONValue {
            .array(counts.map { .array([.string($0.value), $0.name.map(JSONValue.string) ?? .int(0), .int($0.count)]) })
        }
        return .object([
            ("query", .string(query)), ("total", .int(self.total)),
            ("hits", .array(self.hits.map { hit in
                .object([
                    ("id", .string(hit.id)), ("score", .number(hit.score)), ("exact", .int(hit.isExact ? 1 : 0)),
                    ("entities", .array(hit.matchedEntities.map(JSONValue.string))),
                    ("snippets", .array(hit.snippets.map { .array([.int($0.paragraph), .string($0.marked)]) })),
                ])
            })),
            ("sources", counts(self.facets.sources)), ("kinds", counts(self.facets.kinds)),
            ("years", counts(self.facets.years)), ("entities", counts(self.facets.entities)),
        ])
    }
}

/// One row of the latency table: a category (or all of them) with its latency and hits.
struct CategoryResult {
    /// The category's name, or `overall`.
    let name: String
    /// Latency over every timed run of its queries.
    let latency: LatencySummary
    /// Mean total hits per query.
    let meanHits: Double

    /// The category's entry in dossier.json.
    var exportRecord: JSONValue {
        .object([
            ("p50_ms", .number(self.latency.p50)), ("p99_ms", .number(self.latency.p99)),
            ("mean_ms", .number(self.latency.mean)), ("mean_hits", .number(self.meanHits)),
        ])
    }
}
