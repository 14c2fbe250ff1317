@testable import Corpus
import DocumentModel
import Testing

/// `SearchIndex.removing(documentIDs:)`: removed documents (and their quotations) never match,
/// the index then ranks as one built without them, and adding and merging go on as before.
struct SearchDeletionTests {
    private typealias C = SearchCorpus

    /// Queries of every kind: words, two words, a phrase, a prefix, a typo, an exclusion, an entity.
    static let queries = ["floods", "nickel ban", #""export ban""#, "hous*", "tungsten", "river -overnight", "metals", "karsk"]

    /// Twelve short stories from two sources over two years, `story-0` to `story-11`; those
    /// set in Karsk mention it as an entity.
    private static func corpus() -> [Document] {
        let stories: [(title: String, body: String, source: String)] = [
            ("Floods swamp the valley", "River floods closed the valley roads overnight.", "AFP"),
            ("Karsk defences hold", "Flood defences held in Karsk as the river rose.", "Reuters"),
            ("Daily report", "The export ban on nickel ore starts in May.", "Reuters"),
            ("Indonesia and nickel", "Indonesia extends its nickel export ban.", "AFP"),
            ("Metals", "Tungsten prices rose.", "Reuters"),
            ("Metals again", "Tungstan exports rose (sic).", "Reuters"),
            ("Karsk budget", "Parliament in Karsk passed the budget.", "AFP"),
            ("Planning", "Planners planned new housing.", "Reuters"),
            ("Parliament debates", "Housing policies were debated in parliament.", "Reuters"),
            ("Reservoir full", "The reservoir near Karsk is full after the floods.", "AFP"),
            ("Floods return", "Floods again: the river rose overnight.", "Reuters"),
            ("Coal", "A ban on coal exports was lifted.", "Reuters"),
        ]
        return stories.enumerated().map { number, story in
            let karsk = story.body.contains("Karsk") ? [C.entity("karsk", name: "Karsk", kind: .location, in: [story.body])] : []
            return C.document("story-\(number)", title: story.title, body: [story.body], published: "202\(3 + number % 2)-01-\(10 + number)", source: story.source, entities: karsk)
        }
    }

    /// Expects both indexes to answer every query alike.
    private func expectSameResults(_ index: SearchIndex, _ expected: SearchIndex, _ queries: [String] = Self.queries) throws {
        for text in queries { #expect(try C.answer(index, text) == C.answer(expected, text)) }
    }

    /// Removed documents are gone from hits, totals and facets.
    @Test func removedDocumentsVanishFromHitsTotalsAndFacets() throws {
        let index = SearchIndex(documents: Self.corpus())
        let removed = index.removing(documentIDs: ["story-1", "story-10"])
        let query = try SearchQuery(parsing: "floods")
        #expect(try index.search(query).hits.map(\.id).contains("story-10"))
        let results = try removed.search(query, limit: 100)
        #expect(!results.hits.contains { $0.id == "story-1" || $0.id == "story-10" })
        #expect(try results.total == index.search(query).total - 2)
        #expect(results.facets.sources.reduce(0) { $0 + $1.count } == results.total)
        #expect(results.facets.years.reduce(0) { $0 + $1.count } == results.total)
        let karsk = try removed.search(SearchQuery(parsing: "karsk"))
        #expect(Set(karsk.hits.map(\.id)) == ["story-6", "story-9"])
        #expect(karsk.facets.entities.map(\.count) == [2])
    }

    /// An index with removals ranks exactly as one built without the removed documents
    /// (the BM25 statistics leave them out too), in one segment or several.
    @Test func removingRanksAsAnIndexBuiltWithoutThem() throws {
        let documents = Self.corpus()
        let gone: Set<String> = ["story-0", "story-3", "story-9"]
        let without = SearchIndex(documents: documents.filter { !gone.contains($0.id) })
        try self.expectSameResults(SearchIndex(documents: documents).removing(documentIDs: gone), without)
        let grown = SearchIndex(documents: Array(documents[0..<8])).adding(Array(documents[8..<10])).adding([documents[10]])
            .adding([documents[11]])
        #expect(grown.segments.count > 1)
        try self.expectSameResults(grown.removing(documentIDs: gone), without)
    }

    /// The documents that stay keep their order.
    @Test func otherDocumentsKeepTheirOrder() throws {
        let index = SearchIndex(documents: Self.corpus())
        let removed = index.removing(documentIDs: ["story-3", "story-6"])
        for text in Self.queries {
            let before = try C.ids(index, text).filter { $0 != "story-3" && $0 != "story-6" }
            #expect(try C.ids(removed, text) == before, "\(text)")
        }
    }

    /// Removing ids the index does not have changes nothing.
    @Test func removingAnUnknownIDIsANoOp() throws {
        let index = SearchIndex(documents: Self.corpus())
        #expect(index.removing(documentIDs: ["no-such-story"]) === index)
        #expect(index.removing(documentIDs: []) === index)
        let removed = index.removing(documentIDs: ["story-4"])
        #expect(removed.removing(documentIDs: ["story-4"]) === removed)
    }

    /// A document removed and added again under the same id is found by its new text only, once.
    @Test func reAddingARemovedDocumentFindsTheNewVersion() throws {
        let documents = Self.corpus()
        let replacement = C.document("story-2", title: "Daily report", body: ["Cobalt mines reopened."], published: "2024-02-01", source: "AFP")
        let index = SearchIndex(documents: documents).removing(documentIDs: ["story-2"]).adding([replacement])
        #expect(try C.ids(index, "cobalt") == ["story-2"])
        #expect(try !C.ids(index, "nickel").contains("story-2"))
        #expect(try C.ids(index, "daily").filter { $0 == "story-2" }.count == 1)
        try self.expectSameResults(index, SearchIndex(documents: documents.map { $0.id == "story-2" ? replacement : $0 }), Self.queries + ["cobalt"])
    }

    /// Removed items stay in their segment until `adding` merges it, which drops them for good;
    /// before and after the merge the index ranks as one built without them.
    @Test func mergingDropsRemovedItems() throws {
        let documents = Self.corpus()
        let removed = SearchIndex(documents: Array(documents[0..<8])).removing(documentIDs: ["story-1", "story-3"])
        // One more document: too small to merge with 6 live items.
        let unmerged = removed.adding([documents[8]])
        #expect(unmerged.segments.map(\.items.count) == [8, 1])
        #expect(unmerged.deletions.map(\.count) == [2, 0])
        let kept = documents[0..<9].filter { $0.id != "story-1" && $0.id != "story-3" }
        try self.expectSameResults(unmerged, SearchIndex(documents: Array(kept)))
        // Three more: 4 new beside 6 live items merges them.
        let merged = removed.adding(Array(documents[8..<12]))
        #expect(merged.segments.map(\.items.count) == [10])
        #expect(merged.deletions.map(\.count) == [0])
        #expect(!merged.segments[0].items.contains { $0.documentID == "story-1" || $0.documentID == "story-3" })
        try self.expectSameResults(merged, SearchIndex(documents: documents.filter { $0.id != "story-1" && $0.id != "story-3" }))
    }

    /// Removing every document leaves an index that finds nothing, and that can grow again.
    @Test func removingEverythingLeavesAnEmptyIndex() throws {
        let documents = Self.corpus()
        let empty = SearchIndex(documents: documents).removing(documentIDs: Set(documents.map(\.id)))
        #expect(empty.segments.isEmpty)
        #expect(try empty.search(try SearchQuery(parsing: "floods")).total == 0)
        try self.expectSameResults(empty.adding([documents[0]]), SearchIndex(documents: [documents[0]]))
    }

    // MARK: Quotations

    /// Removing a document from a quotation index removes all its quotations (keyed
    /// `DOCUMENT/QUOTE`), and the rest rank as in an index built without it.
    @Test func quotationsOfRemovedDocumentsVanish() throws {
        let stories = try C.ingest(C.stories)
        let removed = SearchIndex.quotations(of: stories).removing(documentIDs: ["bridge-repair"])
        #expect(try C.ids(removed, "bridge") == ["harbour-dues/q1"])
        #expect(try C.ids(removed, "Vantongeren").isEmpty)
        try self.expectSameResults(removed, .quotations(of: stories.filter { $0.id != "bridge-repair" }), ["bridge", "dues", "Vantongeren", "rebuild*"])
    }

    /// Quotations added later are found as if indexed at once, also after their document was
    /// removed and added again.
    @Test func addingQuotationsMatchesBuildingAtOnce() throws {
        let stories = try C.ingest(C.stories)
        let queries = ["bridge", "dues", "Vantongeren", "rebuild*", "repairs dearly"]
        let whole = SearchIndex.quotations(of: stories)
        try self.expectSameResults(SearchIndex.quotations(of: Array(stories[0..<4])).addingQuotations(of: Array(stories[4...])), whole, queries)
        let bridge = try #require(stories.first { $0.id == "bridge-repair" })
        let readded = whole.removing(documentIDs: ["bridge-repair"]).addingQuotations(of: [bridge])
        #expect(Set(try C.ids(readded, "bridge")) == ["bridge-repair/q1", "bridge-repair/q2", "harbour-dues/q1"])
        try self.expectSameResults(readded, .quotations(of: stories.filter { $0.id != "bridge-repair" } + [bridge]), queries)
    }
}
