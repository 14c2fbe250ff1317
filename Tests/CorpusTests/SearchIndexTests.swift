@testable import Corpus
import Extraction
import Testing

/// `SearchIndex` on small hand-made corpora: matching, ranking, snippets, facets, entities.
struct SearchIndexTests {
    /// Four short stories; ids say what they are about.
    static let texts: [(id: String, text: String)] = [
        ("floods-valmora", "date 2024-03-05 AFP, VALMORA\n\nRiver floods swamp Valmora\n\nThe Tessin river burst its banks in Valmora on Monday. Mayor Ilse Brandt said the flooding was the worst in decades. Rescue teams evacuated 300 people."),
        ("floods-karsk", "date 2023-06-01 Reuters, KARSK\n\nFlood defences hold in Karsk\n\nNew flood walls held back the river in Karsk, officials said. The walls were planned after floods in 2019."),
        ("budget", "date 2024-01-10 AFP, KARSK\n\nParliament passes the budget\n\nLawmakers in Karsk approved the annual budget after a long debate over pensions and policies."),
        ("export-ban", "date 2024-02-02 Reuters, JAKARTA\n\nIndonesia extends nickel export ban\n\nIndonesia will extend its nickel export ban, the ministry said. The export ban on raw nickel ore started in 2020."),
    ]

    private static func index() throws -> SearchIndex {
        let ingestor = Ingestor()
        return SearchIndex(documents: try self.texts.map { try ingestor.ingest(text: $0.text, id: $0.id) })
    }

    private func ids(_ text: String, filter: SearchFilter = SearchFilter()) throws -> [String] {
        try Self.index().search(SearchQuery(parsing: text), filter: filter).hits.map(\.id)
    }

    /// Plurals, tenses and case fold to one stem; the story about floods outranks the one
    /// that mentions them once, and all words must match.
    @Test func stemsAndRanks() throws {
        #expect(try self.ids("flooding") == ["floods-valmora", "floods-karsk"] || self.ids("flooding") == ["floods-karsk", "floods-valmora"])
        #expect(try self.ids("FLOODS karsk") == ["floods-karsk"])
        #expect(try self.ids("floods nickel").isEmpty)
    }

    /// A phrase matches its words in order only; an excluded word or phrase removes hits.
    @Test func phrasesAndExclusions() throws {
        #expect(try self.ids(#""export ban""#) == ["export-ban"])
        #expect(try self.ids(#""ban export""#).isEmpty)
        #expect(try self.ids("karsk -budget") == ["floods-karsk"])
        #expect(try self.ids(#"karsk -"flood walls""#) == ["budget"])
    }

    /// A prefix matches every word it starts; a misspelling of five letters or more matches,
    /// ranked below the word as written.
    @Test func prefixesAndTypos() throws {
        #expect(Set(try self.ids("polic*")) == ["budget"])
        #expect(try self.ids("nickle") == ["export-ban"])
        let hits = try Self.index().search(SearchQuery(parsing: "nickle")).hits
        #expect(hits.first?.isExact == false)
        #expect(try self.ids("nickel") == ["export-ban"])
    }

    /// A misspelling expands to at most `fuzzyExpansionLimit` words, the most frequent, so a
    /// query's work is bounded however crowded the vocabulary is around it.
    @Test func typoExpansionsAreBoundedToTheMostFrequent() throws {
        // 50 words one edit from "basket" (third or fourth letter changed); "bazket" is in
        // three documents, every other in one.
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        let variants = (letters.filter { $0 != "s" }.map { "ba\($0)ket" } + letters.filter { $0 != "k" && $0 != "s" }.map { "bas\($0)et" })
        let ingestor = Ingestor()
        let words = variants + ["bazket", "bazket"]
        let documents = try words.enumerated().map { offset, word in
            try ingestor.ingest(text: "Market report \(offset)\n\nOSLO — Traders said the \(word) was cheaper on Monday.", id: "d\(offset)")
        }
        let results = try SearchIndex(documents: documents).search(SearchQuery(parsing: "basket"), limit: 100)

        #expect(variants.count == 49)
        #expect(results.total == 2 + SearchIndex.fuzzyExpansionLimit, "the most frequent misspelling is in 3 documents")
        let bazket = Set(words.indices.filter { words[$0] == "bazket" }.map { "d\($0)" })
        #expect(bazket.isSubset(of: results.hits.map(\.id)))
    }

    /// Filters narrow hits; facets count every match, not just the page.
    @Test func filtersAndFacets() throws {
        #expect(try self.ids("karsk", filter: SearchFilter(source: "afp")) == ["budget"])
        let results = try Self.index().search(SearchQuery(parsing: "karsk"), limit: 1)
        #expect(results.total == 2)
        #expect(results.hits.count == 1)
        #expect(Set(results.facets.sources.map { "\($0.value)=\($0.count)" }) == ["AFP=1", "Reuters=1"])
        #expect(results.facets.years.map(\.value) == ["2024", "2023"])
    }

    /// Highlights select exactly the matched words in the snippet text, and `marked` wraps them.
    @Test func snippetsMarkTheMatches() throws {
        let hit = try #require(try Self.index().search(SearchQuery(parsing: #"floods "Ilse Brandt""#)).hits.first)
        #expect(hit.id == "floods-valmora")
        let scalars = hit.snippets.flatMap { snippet in snippet.highlights.map { String(String.UnicodeScalarView(Array(snippet.text.unicodeScalars)[$0])) } }
        #expect(scalars.contains("Ilse Brandt"))
        #expect(hit.snippets.contains { $0.marked.contains("<mark>Ilse Brandt</mark>") })
    }
}
