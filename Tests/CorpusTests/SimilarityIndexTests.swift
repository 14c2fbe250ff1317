import Corpus
import DocumentModel
import Extraction
import Testing

/// `SimilarityIndex`: documents alike by the entities and characteristic words they share.
struct SimilarityIndexTests {
    private static let texts = [
        ("flood-1", "River floods swamp Valmora\n\nThe Tessin river burst its banks in Valmora on Monday, flooding the harbour district, mayor Ilse Brandt said."),
        ("flood-2", "Valmora counts the cost of floods\n\nInsurers said the Tessin river floods in Valmora would cost millions, as mayor Ilse Brandt asked for help."),
        ("budget", "Parliament passes budget\n\nLawmakers in Karsk approved the annual budget after a long debate over pensions and taxes."),
    ]

    private func index() throws -> SimilarityIndex {
        let ingestor = Ingestor()
        return SimilarityIndex(documents: try Self.texts.map { try ingestor.ingest(text: $0.1, id: $0.0) })
    }

    /// The story on the same flood is related, with the people, places and words it shares;
    /// the budget story shares nothing and is not listed.
    @Test func relatesStoriesThatShareEntitiesAndWords() throws {
        let matches = try #require(try self.index().related(to: "flood-1"))
        #expect(matches.map(\.id) == ["flood-2"])
        let match = try #require(matches.first)
        #expect(match.score > 0)
        #expect(Set(match.sharedEntities).isSuperset(of: ["valmora", "ilse-brandt"]))
        #expect(Set(match.sharedTerms).isSuperset(of: ["floods", "tessin"]))
    }

    /// A document with nothing in common with the others has no related documents; an unknown id has none at all.
    @Test func unrelatedAndUnknownDocuments() throws {
        let index = try self.index()
        #expect(index.related(to: "budget")?.isEmpty == true)
        #expect(index.related(to: "nope") == nil)
    }

    /// Common words ("said", "would") are never a reason to relate two stories.
    @Test func commonWordsAreNotSharedTerms() throws {
        let matches = try #require(try self.index().related(to: "flood-2"))
        for match in matches {
            #expect(!match.sharedTerms.contains("said") && !match.sharedTerms.contains("would"))
        }
    }
}
