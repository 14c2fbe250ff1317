import Corpus
import DocumentModel
import Extraction
import Testing

/// Small hand-made corpora for the search tests, and the few helpers they share.
///
/// Documents made with `document(_:title:body:...)` have no entities or quotations unless a
/// test gives them, so that the only text a search sees is the title and the body: scores
/// then depend on nothing the test does not show. Tests that need entities or quotations
/// ingest text with `ingest(_:)` instead.
enum SearchCorpus {
    /// A document with just what search reads.
    ///
    /// - Parameters:
    ///   - id: the id (and slug).
    ///   - title: the headline.
    ///   - body: the body paragraphs, in order.
    ///   - published: `YYYY-MM-DD`, or `nil` for an undated document.
    ///   - source: the publisher.
    ///   - kind: news article (default) or press release.
    ///   - entities: entities, with mentions in `body`'s paragraphs.
    static func document(
        _ id: String, title: String, body: [String], published: String? = nil, source: String? = nil,
        kind: DocumentKind = .newsArticle, entities: [Entity] = []
    ) -> Document {
        Document(
            id: id, slug: id, kind: kind, title: title, isTitleDerived: false, source: source, published: published, dateline: nil,
            paragraphs: body.enumerated().map { Paragraph(index: $0.offset, section: .body, text: $0.element) }, entities: entities)
    }

    /// An entity mentioned wherever `name` or one of `aliases` occurs in `paragraphs`
    /// (paragraph indexes and Unicode-scalar offsets as extraction gives them).
    static func entity(
        _ id: String, name: String, kind: Entity.Kind = .organization, aliases: [String] = [], in paragraphs: [String]
    ) -> Entity {
        var mentions: [Entity.Mention] = []
        for (index, paragraph) in paragraphs.enumerated() {
            let scalars = Array(paragraph.unicodeScalars)
            for form in [name] + aliases {
                let wanted = Array(form.unicodeScalars)
                guard !wanted.isEmpty, wanted.count <= scalars.count else { continue }
                for start in 0...(scalars.count - wanted.count) where Array(scalars[start..<(start + wanted.count)]) == wanted {
                    mentions.append(Entity.Mention(text: form, paragraph: index, start: start, end: start + wanted.count))
                }
            }
        }
        return Entity(id: id, name: name, kind: kind, aliases: aliases, mentions: mentions.sorted { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) })
    }

    /// Stories for the entity and quotation tests, ingested: two name North Korea (one only as
    /// "North Korea", one only as "DPRK"), two the UN Environment Programme (one only as
    /// "UNEP", one only by its full name), and two have attributed quotations.
    static let stories: [(id: String, text: String)] = [
        (
            "kp-talks",
            "date 2024-04-02 AFP, SEOUL\n\nTalks with North Korea stall\n\nNegotiators from South Korea said talks with North Korea stalled on Tuesday. Envoy Mirela Dragomir said the next round was not yet scheduled."
        ),
        (
            "dprk-launch",
            "date 2024-05-10 Reuters, TOKYO\n\nDPRK test-fires a missile\n\nThe DPRK fired a ballistic missile into the sea, Japan's defence ministry said on Friday."
        ),
        (
            "unep-report",
            "date 2023-11-20 AFP, NAIROBI\n\nUNEP warns on plastic waste\n\nUNEP said plastic waste in the oceans could triple by 2040, in a report published on Monday."
        ),
        (
            "plastic-treaty",
            "date 2024-03-01 Reuters, NAIROBI\n\nTreaty talks on plastics resume\n\nDelegates met at the United Nations Environment Programme in Nairobi to draft a treaty on plastics."
        ),
        (
            "bridge-repair",
            "date 2024-06-01 Harbour Gazette, VALMORA\n\nValmora to rebuild its bridges\n\n\"We will rebuild every bridge before winter,\" Mayor Lotte Vantongeren said on Monday.\n\n\"The old bridge was unsafe for years,\" said Piet Hazelhoff, the town engineer.\n\n\"Repairs will cost the town dearly,\" Vantongeren told reporters."
        ),
        (
            "harbour-dues",
            "date 2023-02-14 Harbour Gazette, VALMORA\n\nHarbour dues to rise\n\nThe port director, Sanne Visser, said: \"Harbour dues will rise in May, and the bridge toll too.\""
        ),
    ]

    /// Documents ingested from `date YYYY-MM-DD SOURCE, CITY` / headline / body texts.
    static func ingest(_ texts: [(id: String, text: String)]) throws -> [Document] {
        let ingestor = Ingestor()
        return try texts.map { try ingestor.ingest(text: $0.text, id: $0.id) }
    }

    /// The ids of the hits of `query`, best first (up to 100).
    static func ids(_ index: SearchIndex, _ query: String, filter: SearchFilter = SearchFilter()) throws -> [String] {
        try index.search(SearchQuery(parsing: query), filter: filter, limit: 100).hits.map(\.id)
    }

    /// Everything `index` answers to `text`, a line each: the total, each hit (id, score,
    /// exactness, snippets) and each facet count.
    static func answer(_ index: SearchIndex, _ text: String) throws -> [String] {
        let results = try index.search(SearchQuery(parsing: text), limit: 100)
        let hits = results.hits.map { "\($0.id) \($0.score) \($0.isExact) \($0.snippets.map(\.marked))" }
        let facets = results.facets
        let counts = [("source", facets.sources), ("kind", facets.kinds), ("year", facets.years), ("entity", facets.entities)]
            .flatMap { name, counts in counts.map { "\(name) \($0.value) \($0.count)" } }
        return ["\(text): \(results.total)"] + hits + counts
    }

    /// The text of `range`, in Unicode scalars, of `text`.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
    }

    /// The texts a snippet's highlights select, in order.
    static func highlighted(_ snippet: SearchSnippet) -> [String] {
        snippet.highlights.map { self.slice(snippet.text, $0) }
    }

    /// A paragraph of `count` distinct filler words (`w0 w1 …` spelled as letters, so they
    /// stem to themselves and match nothing a test searches for).
    static func filler(_ count: Int, from first: Int = 0) -> [String] {
        (first..<(first + count)).map { number in
            // Base-26 letters, prefixed so no filler word is shorter than five letters.
            var word = ""
            var rest = number
            repeat {
                word.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rest % 26))))
                rest /= 26
            } while rest > 0
            return "zq" + word + "xv"
        }
    }
}
