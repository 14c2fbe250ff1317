import DocumentModel
import Extraction
@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// `SeedCache` and `SeedLoader.load(directory:cache:)`: a seed file whose bytes and
    /// extractor version match its cache entry is read from the cache, anything else is
    /// ingested; the cache file is derived data, read up to its first defect.
    @Suite struct SeedCacheTests {
        static let article = "Harbour pier closes\n\nOSLO — The harbour authority said on Monday that the pier would close."

        /// A cache whose entry for `a.txt` holds a stand-in document: a load that returns it did not ingest.
        static func standIn(for text: String, version: Int = Ingestor.version) -> (SeedCache, Document) {
            let document = Document.make(id: "a", title: "From the cache")
            let entry = SeedCache.Entry(
                fingerprint: SeedCache.Fingerprint(of: Array(text.utf8)), ingested: IngestedDocument(document: document, extractorVersion: version))
            return (SeedCache(entries: ["a.txt": entry]), document)
        }

        @Test func unchangedFileComesFromTheCache() throws {
            let folder = try TemporaryDirectory()
            try folder.write("a.txt", Self.article)
            let (cache, standIn) = Self.standIn(for: Self.article)
            let result = try SeedLoader(ingestor: Ingestor()).load(directory: folder.path, cache: cache)
            #expect(result.documents == [standIn])
            #expect(result.cached == 1)
        }

        @Test(arguments: [false, true])
        func changedFileOrOtherVersionIsIngested(changesVersion: Bool) throws {
            let folder = try TemporaryDirectory()
            try folder.write("a.txt", Self.article)
            let (cache, _) = changesVersion ? Self.standIn(for: Self.article, version: Ingestor.version + 1) : Self.standIn(for: Self.article + " ")
            let result = try SeedLoader(ingestor: Ingestor()).load(directory: folder.path, cache: cache)
            #expect(result.documents == [try Ingestor().ingest(text: Self.article, id: "a")])
            #expect(result.cached == 0)
            #expect(result.cache.entries["a.txt"]?.ingested.document == result.documents.first)
        }

        @Test func loadedCacheHoldsEveryFileAndRoundTrips() throws {
            let folder = try TemporaryDirectory()
            for name in ["a.txt", "b.txt"] { try folder.write(name, Self.article) }
            let first = try SeedLoader(ingestor: Ingestor()).load(directory: folder.path)
            let reread = SeedCache(bytes: first.cache.bytes)
            #expect(reread.entries == first.cache.entries)
            let second = try SeedLoader(ingestor: Ingestor()).load(directory: folder.path, cache: reread)
            #expect(second.cached == 2 && second.documents == first.documents)
        }

        @Test func damagedCacheKeepsTheEntriesBeforeTheDamage() throws {
            let folder = try TemporaryDirectory()
            for name in ["a.txt", "b.txt", "c.txt"] { try folder.write(name, Self.article) }
            let bytes = try SeedLoader(ingestor: Ingestor()).load(directory: folder.path).cache.bytes
            var damaged = bytes
            damaged[damaged.count - 5] ^= 0xFF  // inside c.txt's entry
            #expect(Set(SeedCache(bytes: damaged).entries.keys) == ["a.txt", "b.txt"])
            #expect(SeedCache(bytes: Array(bytes.dropLast(3))).entries.count == 2)
            #expect(SeedCache(bytes: Array("not a cache".utf8)).entries.isEmpty)
            #expect(SeedCache(bytes: []).entries.isEmpty)
        }

        @Test func dataDirectoryWritesAndReadsItsCache() throws {
            let harness = try StoreHarness()
            let (cache, _) = Self.standIn(for: Self.article)
            try harness.withDirectory { directory, _ in
                #expect(directory.readSeedCache().entries.isEmpty)
                try directory.writeSeedCache(cache)
            }
            try harness.withDirectory { directory, _ in #expect(directory.readSeedCache().entries == cache.entries) }
        }
    }
}
