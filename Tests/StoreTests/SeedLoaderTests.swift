import DocumentModel
import Extraction
import Foundation
import Glibc
import Store
import Testing
import TestSupport

/// `SeedLoader.load(directory:)` on a fresh temporary folder per test.
struct SeedLoaderTests {
    static let article = "Headline\n\nBody paragraph."

    @Test func loadsTextFilesSortedByNameWithIDFromFileName() throws {
        let directory = try TemporaryDirectory()
        for name in ["b.txt", "a.txt", "10.txt", "2.txt", "with.dots.txt"] { try directory.write(name, Self.article) }
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.map(\.id) == ["10", "2", "a", "b", "with.dots"])
        #expect(result.skipped.isEmpty)
    }

    @Test func ingestsFileContents() throws {
        let directory = try TemporaryDirectory()
        try directory.write("000_x.txt", ArticleText.withMetadata)
        let document = try #require(try SeedLoader(ingestor: Ingestor()).load(directory: directory.path).documents.first)
        #expect(document == (try Ingestor().ingest(text: ArticleText.withMetadata, id: "000_x")))
    }

    @Test(arguments: [".hidden.txt", ".txt"])
    func ignoresHiddenFiles(_ name: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write(name, Self.article)
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.isEmpty)
        #expect(result.skipped.isEmpty)
    }

    @Test(arguments: ["notes.md", "a.txt.bak", "README", "a.text"])
    func ignoresNonTextFiles(_ name: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write(name, Self.article)
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.isEmpty)
        #expect(result.skipped.isEmpty)
    }

    @Test func ignoresSubdirectoriesEvenNamedTxt() throws {
        let directory = try TemporaryDirectory()
        try directory.makeDirectory("nested.txt")
        try directory.makeDirectory("sub")
        try directory.write("sub/inner.txt", Self.article)
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.isEmpty)
        #expect(result.skipped.isEmpty)
    }

    @Test func ignoresSymbolicLinks() throws {
        let directory = try TemporaryDirectory()
        try directory.write("real.txt", Self.article)
        try directory.makeSymlink("link.txt", to: "real.txt")
        try directory.makeSymlink("dangling.txt", to: "missing.txt")
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.map(\.id) == ["real"])
        #expect(result.skipped.isEmpty)
    }

    /// A FIFO is not regular: ignored, and opening it does not wait for a writer.
    @Test func ignoresFIFOsWithoutWaiting() throws {
        let directory = try TemporaryDirectory()
        try #require(mkfifo(directory.path(of: "pipe.txt"), 0o644) == 0)
        try directory.write("real.txt", Self.article)
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.map(\.id) == ["real"])
        #expect(result.skipped.isEmpty)
    }

    @Test func skipsAndReportsFileOverMaxFileBytes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("big.txt", bytes: Array(Self.article.utf8) + Array(repeating: UInt8(ascii: "x"), count: 100))
        try directory.write("small.txt", Self.article)
        let loader = SeedLoader(ingestor: Ingestor(), maxFileBytes: 64)
        let result = try loader.load(directory: directory.path)
        #expect(result.documents.map(\.id) == ["small"])
        #expect(result.skipped.map(\.file) == ["big.txt"])
        #expect(result.skipped.first?.reason == "larger than 64 bytes")
    }

    @Test func loadsFileOfExactlyMaxFileBytes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("edge.txt", Self.article)
        let result = try SeedLoader(ingestor: Ingestor(), maxFileBytes: Self.article.utf8.count).load(directory: directory.path)
        #expect(result.documents.map(\.id) == ["edge"])
    }

    @Test func skipsAndReportsFilesThatFailIngestion() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a_empty.txt", "")
        try directory.write("b_blank.txt", " \n\u{00A0}\n")
        try directory.write("c_bad_date.txt", "date 2018-02-30 AFP, X\n\nBody.")
        try directory.write("d_good.txt", Self.article)
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.map(\.id) == ["d_good"])
        #expect(result.skipped.map(\.file) == ["a_empty.txt", "b_blank.txt", "c_bad_date.txt"])
        #expect(result.skipped.map(\.reason) == [
            IngestError.emptyBody.description, IngestError.emptyBody.description,
            IngestError.malformedMetadataLine("date 2018-02-30 AFP, X").description,
        ])
    }

    @Test func loadsInvalidUTF8WithReplacementCharacters() throws {
        let directory = try TemporaryDirectory()
        try directory.write("bytes.txt", bytes: Array("Headline\n\nBad ".utf8) + [0xFF, 0xC3] + Array(" bytes.".utf8))
        let document = try #require(try SeedLoader(ingestor: Ingestor()).load(directory: directory.path).documents.first)
        #expect(document.summary == "Bad \u{FFFD}\u{FFFD} bytes.")
    }

    @Test func emptyFolderLoadsNothing() throws {
        let directory = try TemporaryDirectory()
        let result = try SeedLoader(ingestor: Ingestor()).load(directory: directory.path)
        #expect(result.documents.isEmpty)
        #expect(result.skipped.isEmpty)
    }

    @Test func missingFolderThrowsUnreadableDirectory() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path(of: "does-not-exist")
        let error = try #require(#expect(throws: SeedLoaderError.self) { try SeedLoader(ingestor: Ingestor()).load(directory: missing) })
        switch error {
        case .unreadableDirectory(let path, let reason):
            #expect(path == missing)
            #expect(!reason.isEmpty)
        }
    }

    @Test func regularFileInsteadOfFolderThrowsUnreadableDirectory() throws {
        let directory = try TemporaryDirectory()
        try directory.write("file.txt", Self.article)
        #expect(throws: SeedLoaderError.self) { try SeedLoader(ingestor: Ingestor()).load(directory: directory.path(of: "file.txt")) }
    }

    @Test func errorDescriptionNamesTheFolder() {
        let error = SeedLoaderError.unreadableDirectory(path: "/nope", reason: "No such file")
        #expect(error.description == "cannot read seeds folder '/nope': No such file")
    }
}
