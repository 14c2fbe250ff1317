import Dispatch
import DocumentModel
import Extraction
import Locking
@testable import Store
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
            // Compaction runs beside the writes, so the last writes may still be in the journal.
            let recovery = try harness.recover()
            #expect(recovery.entries.count > recovery.journalRecords, "some documents come from the snapshot")
            let ingestor = CountingIngestor()
            let store = try Self.open(harness, ingestor)
            defer { store.close() }

            #expect(ingestor.ingestions == 0)
            #expect(written.allSatisfy { store.snapshot.document(idOrSlug: $0.id) == $0 })
        }

        /// Waits for `reextractOutdated` to finish and returns what it reported.
        static func reextract(_ store: DocumentStore) -> [DocumentStore.ReextractionProgress] {
            let reports = Locked<[DocumentStore.ReextractionProgress]>([])
            let finished = DispatchSemaphore(value: 0)
            store.reextractOutdated { progress in
                reports.withLock { $0.append(progress) }
                if case .finished = progress { finished.signal() }
            }
            _ = finished.wait(timeout: .now() + 30)
            return reports.withLock { $0 }
        }

        /// Documents another extractor version made serve at once, as they are; the
        /// background re-extraction then stores each again as a `document.updated` change, and
        /// the next start has nothing left to do.
        @Test func anotherExtractorVersionsDocumentsServeThenAreReextracted() throws {
            let harness = try StoreHarness()
            let written = try {
                let store = try Self.open(harness, CountingIngestor(version: Ingestor.version + 1))
                defer { store.close() }
                return try Self.write(store)
            }()
            do {
                let ingestor = CountingIngestor()
                let store = try Self.open(harness, ingestor)
                defer { store.close() }
                let publications = Locked<[Int]>([])
                store.onPublish { publication in publications.withLock { $0.append(publication.changes.count) } }
                #expect(ingestor.ingestions == 0)
                #expect(written.allSatisfy { store.snapshot.document(idOrSlug: $0.id) == $0 })

                #expect(Self.reextract(store) == [.started(outdated: 2), .finished(reextracted: 2, failed: 0)])
                #expect(publications.withLock { $0 } == [2], "a batch is committed and published as one group")
                #expect(ingestor.ingestions == 2)
                let updates = try store.changes.changes(after: 4, through: 6, limit: 10)
                #expect(updates.map(\.kind) == [.updated, .updated])
                #expect(Set(updates.map(\.documentID)) == ["story-1", "story-3"])
                #expect(store.snapshot.version == 6 && store.snapshot.documents.count == 3)
            }
            let ingestor = CountingIngestor()
            let store = try Self.open(harness, ingestor)
            defer { store.close() }
            #expect(Self.reextract(store) == [.started(outdated: 0), .finished(reextracted: 0, failed: 0)])
            #expect(ingestor.ingestions == 0)
            #expect(store.snapshot.version == 6 && store.snapshot.documents.count == 3)
        }

        /// A deleted document is not brought back by re-extraction.
        @Test func reextractionLeavesDeletedDocumentsDeleted() throws {
            let harness = try StoreHarness()
            do {
                let store = try Self.open(harness, CountingIngestor(version: Ingestor.version + 1))
                defer { store.close() }
                _ = try Self.write(store)
            }
            let store = try Self.open(harness, CountingIngestor())
            defer { store.close() }
            _ = try store.deleted("story-1")
            #expect(Self.reextract(store) == [.started(outdated: 1), .finished(reextracted: 1, failed: 0)])
            #expect(store.snapshot.document(idOrSlug: "story-1") == nil)
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
                .reextracted(change: 3, at: StoreHarness.at, id: document.id, ingested: IngestedDocument(document: .make(id: document.id), extractorVersion: 42)),
            ]])
            let entries = try harness.recover().entries
            #expect(entries.last == .reextracted(change: 3, at: StoreHarness.at, id: document.id, ingested: IngestedDocument(document: .make(id: document.id), extractorVersion: 42)))
            guard case .created(_, _, _, _, _, let ingested) = entries.first else {
                Issue.record("expected a creation, got \(entries)")
                return
            }
            #expect(ingested == IngestedDocument(document: document, extractorVersion: 41))
        }
    }
}
