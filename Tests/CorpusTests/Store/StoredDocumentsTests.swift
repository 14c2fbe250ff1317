@testable import Corpus
import DocumentModel
import Extraction
import Testing

extension StoreTests {
    /// The journal and the snapshot keep what ingestion made, with the extractor's version: a
    /// restart loads it instead of ingesting again, unless the version has changed.
    @Suite struct StoredDocumentsTests {
        static func open(_ harness: StoreHarness, _ ingestor: CountingIngestor, compactionThreshold: Int? = nil) throws -> DocumentStore {
            var configuration = DocumentStore.Configuration()
            if let compactionThreshold { configuration.compactionThreshold = compactionThreshold }
            return try DocumentStore(
                seeds: [DocumentStoreTests.seed], directory: try DataDirectory.open(path: harness.path), configuration: configuration,
                ingestor: ingestor)
        }

        /// Writes three stories and deletes one; returns the documents the store answered with.
        static func write(_ store: DocumentStore) throws -> [Document] {
            let documents = try (1...3).map { index in
                try store.created(DocumentSubmission(text: DocumentStoreTests.article("Story \(index)")), id: "story-\(index)").document
            }
            _ = try store.deleted("story-2")
            return [documents[0], documents[2]]
        }

        @Test func restartLoadsTheStoredDocumentsWithoutIngesting() throws {
            let harness = try StoreHarness()
            let written = try {
                let store = try Self.open(harness, CountingIngestor())
                defer { store.close() }
                return try Self.write(store)
            }()
            let ingestor = CountingIngestor()
            let store = try Self.open(harness, ingestor)
            defer { store.close() }

            #expect(ingestor.ingestions == 0)
            #expect(written.allSatisfy { store.snapshot.document(idOrSlug: $0.id) == $0 })
            #expect(store.snapshot.documents.count == 3)
        }

        @Test func compactedSnapshotKeepsTheDocumentsToo() throws {
            let harness = try StoreHarness()
            let written = try {
                let store = try Self.open(harness, CountingIngestor(), compactionThreshold: 1)
                defer { store.close() }
                return try Self.write(store)
            }()
            #expect(try harness.recover().journalRecords == 0)
            let ingestor = CountingIngestor()
            let store = try Self.open(harness, ingestor)
            defer { store.close() }

            #expect(ingestor.ingestions == 0)
            #expect(written.allSatisfy { store.snapshot.document(idOrSlug: $0.id) == $0 })
        }

        @Test func anotherExtractorVersionIngestsAgain() throws {
            let harness = try StoreHarness()
            do {
                let store = try Self.open(harness, CountingIngestor(version: Ingestor.version + 1))
                defer { store.close() }
                _ = try Self.write(store)
            }
            let ingestor = CountingIngestor()
            let store = try Self.open(harness, ingestor)
            defer { store.close() }

            // All three creations: the deleted one's document still answers a retried request.
            #expect(ingestor.ingestions == 3)
            #expect(store.snapshot.documents.count == 3)
        }

        /// Records written before the store kept documents hold only the text.
        @Test func recordsWithoutADocumentAreIngested() throws {
            let harness = try StoreHarness()
            try harness.append([[StoreHarness.created(1, "old-1"), StoreHarness.created(2, "old-2")]])
            let ingestor = CountingIngestor()
            let store = try Self.open(harness, ingestor)
            defer { store.close() }

            #expect(ingestor.ingestions == 2)
            #expect(store.snapshot.document(idOrSlug: "old-1")?.bodyText == "Text of old-1.\n")
        }

        @Test func recoveredEntriesCarryTheDocumentAndVersion() throws {
            let harness = try StoreHarness()
            let document = DocumentCodecTests.everyField
            try harness.append([[
                .created(
                    change: 1, at: StoreHarness.at, id: document.id, submission: DocumentSubmission(text: "text"), idempotency: nil,
                    ingested: IngestedDocument(document: document, extractorVersion: 41)),
                StoreHarness.deleted(2, "x"),
            ]])
            let entries = try harness.recover().entries
            guard case .created(_, _, _, _, _, let ingested) = entries.first else {
                Issue.record("expected a creation, got \(entries)")
                return
            }
            #expect(ingested == IngestedDocument(document: document, extractorVersion: 41))
        }
    }
}
