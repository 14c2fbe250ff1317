import Corpus
import Foundation
import Testing

/// The two real seed documents in the repository's `seeds` folder.
struct SeedFilesTests {
    @Test func loadsBothSeedsWithoutSkipping() throws {
        let result = try SeedLoader().load(directory: ArticleText.seedsDirectory)
        #expect(result.documents.map(\.id) == ["000_65728c7abcf48230", "001_7adfbbae4f46cd26"])
        #expect(result.skipped.isEmpty)
    }

    @Test func firstSeedCarriesItsMetadataLine() throws {
        let path = (ArticleText.seedsDirectory as NSString).appendingPathComponent("000_65728c7abcf48230.txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let document = try Ingestor().ingest(text: text, id: "000_65728c7abcf48230")
        #expect(document.published == "2018-10-25")
        #expect(document.source == "AFP")
        #expect(document.dateline == "UNITED NATIONS")
        #expect(!document.bodyText.contains("date 2018-10-25"))
        #expect(document.summary.hasPrefix("A senior UN official on Tuesday warned"))
    }

    @Test func seedsHaveTitlesSlugsAndWords() throws {
        for document in try SeedLoader().load(directory: ArticleText.seedsDirectory).documents {
            #expect(!document.title.isEmpty)
            #expect(!document.slug.isEmpty)
            #expect(document.wordCount > 100)
            #expect(document.readingTimeMinutes >= 1)
        }
    }
}
