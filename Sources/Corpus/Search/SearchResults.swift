import DocumentModel

/// What a search found: the total, one page of hits, and facets over all of them.
public struct SearchResults: Sendable {
    /// Items matching the query and filter.
    public let total: Int
    /// The requested page, best first.
    public let hits: [SearchHit]
    /// Counts over every matching item.
    public let facets: SearchFacets
    /// The work matching took, in `SearchWorkMeter` units: how near the query came to the limit.
    public let work: Int
}

/// One matching item.
public struct SearchHit: Sendable {
    /// The document (or quotation) id.
    public let id: String
    /// Its relevance: BM25 over title, body and extras, fields weighted.
    public let score: Double
    /// Whether it matched every word as written (not only through a misspelling).
    public let isExact: Bool
    /// Entities the query named that it matched through their other names (`DPRK` → `north-korea`).
    public let matchedEntities: [String]
    /// Up to three passages with the matches marked.
    public let snippets: [SearchSnippet]
}

/// A passage of an item with its matches marked.
public struct SearchSnippet: Sendable, Hashable {
    /// The paragraph it comes from.
    public let paragraph: Int
    /// The passage, cut at word boundaries (`…` where cut).
    public let text: String
    /// The matches, as Unicode-scalar ranges of `text`; a phrase is one range.
    public let highlights: [Range<Int>]

    /// `text` HTML-escaped (`&<>"'`, so it is safe in element text and in quoted attributes
    /// of either kind), with each highlight in `<mark>…</mark>`.
    public var marked: String {
        var result = ""
        var inside = false
        var starts = Set(self.highlights.map(\.lowerBound))
        var ends = Set(self.highlights.map(\.upperBound))
        for (offset, scalar) in self.text.unicodeScalars.enumerated() {
            if inside, ends.remove(offset) != nil { result += "</mark>"; inside = false }
            if !inside, starts.remove(offset) != nil { result += "<mark>"; inside = true }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        if inside { result += "</mark>" }
        return result
    }
}

/// Counts of matching items by source, kind, year and entity.
public struct SearchFacets: Sendable {
    /// One value and how many matching items have it.
    public struct Count: Sendable, Hashable {
        /// The value (an entity facet's is the entity id).
        public let value: String
        /// A display name (the entity's), or `nil` when the value is its own name.
        public let name: String?
        /// Matching items with this value.
        public let count: Int
    }

    /// By source, most first.
    public let sources: [Count]
    /// By kind.
    public let kinds: [Count]
    /// By year of publication, most recent first.
    public let years: [Count]
    /// The entities most matching items mention, most first (at most `SearchIndex.entityFacetLimit`).
    public let entities: [Count]
}
