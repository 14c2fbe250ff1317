import Dispatch
import Extraction
import Foundation
import Locking
@testable import Store
import Testing

extension StoreTests {
    /// `DocumentStore`: writes validated, journaled, published and acknowledged in order;
    /// ids, conflicts and idempotency keys; and the same collection after a restart.
    @Suite struct DocumentStoreTests {
        /// A short article in the plain-text form the server takes.
        static func article(_ headline: String, quote: String = "We will rebuild") -> String {
            "\(headline)\n\nOSLO — The harbour authority said on Monday that the pier would close.\n\n\"\(quote),\" said Ingrid Dahl, the harbour master."
        }

        static let seed = try! Ingestor().ingest(text: Self.article("Pier closes for repairs"), id: "seed-1")

        /// Opens a store on the harness's directory (a restart, when one was open before).
        static func open(_ harness: StoreHarness, configuration: DocumentStore.Configuration = DocumentStore.Configuration()) throws -> DocumentStore {
            try DocumentStore(seeds: [Self.seed], directory: try DataDirectory.open(path: harness.path), configuration: configuration, ingestor: Ingestor())
        }

        @Test func createsWithGeneratedIDThenServesIt() throws {
            let harness = try StoreHarness()
            let store = try Self.open(harness)
            defer { store.close() }
            let published = Locked<[DocumentStore.Publication]>([])
            store.onPublish { publication in published.withLock { $0.append(publication) } }

            let creation = try store.created(DocumentSubmission(text: Self.article("Ferry strike ends")))

            #expect(creation.document.id == "doc-1")
            #expect(creation.document.title == "Ferry strike ends")
            #expect(creation.change == Change(number: 1, kind: .created, documentID: "doc-1", title: "Ferry strike ends", at: creation.change.at))
            #expect(!creation.isReplay)
            #expect(store.snapshot.document(idOrSlug: "doc-1")?.title == "Ferry strike ends")
            #expect(store.snapshot.version == 1)
            let publications = published.withLock { $0 }
            #expect(publications.count == 1)
            #expect(publications.first?.added.map(\.id) == ["doc-1"])
            #expect(publications.first?.changes.map(\.number) == [1])
            #expect(try store.changes.changes(after: 0, through: 1, limit: 10).map(\.documentID) == ["doc-1"])
        }

        @Test func metadataOverridesWhatTheTextSays() throws {
            let harness = try StoreHarness()
            let store = try Self.open(harness)
            defer { store.close() }

            let document = try store.created(
                DocumentSubmission(text: Self.article("Ferry strike ends"), source: "NTB", published: "2026-03-02", title: "Strike over"),
                id: "ntb-42").document

            #expect(document.id == "ntb-42")
            #expect(document.title == "Strike over")
            #expect(document.slug == "strike-over")
            #expect(!document.isTitleDerived)
            #expect(document.source == "NTB")
            #expect(document.published == "2026-03-02")
        }

        @Test func refusesTakenIDAndUnknownDeleteAndEmptyText() throws {
            let harness = try StoreHarness()
            let store = try Self.open(harness)
            defer { store.close() }

            #expect(throws: WriteError.idTaken("seed-1")) { try store.created(DocumentSubmission(text: Self.article("A")), id: "seed-1") }
            #expect(throws: WriteError.notFound("nope")) { try store.deleted("nope") }
            #expect(throws: WriteError.unprocessable(.emptyBody)) { try store.created(DocumentSubmission(text: "  \n\n ")) }
            #expect(store.snapshot.version == 0)
            #expect(store.changes.last == 0)
        }

        @Test func deletesBySlugAndSeedsToo() throws {
            let harness = try StoreHarness()
            let store = try Self.open(harness)
            defer { store.close() }
            _ = try store.created(DocumentSubmission(text: Self.article("Ferry strike ends")), id: "ferry")

            #expect(try store.deleted("ferry-strike-ends").documentID == "ferry")
            #expect(try store.deleted("seed-1").kind == .deleted)

            #expect(store.snapshot.documents.isEmpty)
            #expect(try store.changes.changes(after: 0, through: 3, limit: 10).map(\.kind) == [.created, .deleted, .deleted])
        }

        @Test func idempotencyKeyReplaysOrRefuses() throws {
            let harness = try StoreHarness()
            let stamp = IdempotencyStamp(key: "k-1", fingerprint: 7)
            do {
                let store = try Self.open(harness)
                defer { store.close() }
                let first = try store.created(DocumentSubmission(text: Self.article("Ferry strike ends")), idempotency: stamp)
                let retry = try store.created(DocumentSubmission(text: Self.article("Ferry strike ends")), idempotency: stamp)
                #expect(retry.isReplay)
                #expect(retry.document.id == first.document.id)
                #expect(retry.change == first.change)
                #expect(store.changes.last == 1)
                #expect(throws: WriteError.idempotencyKeyReused("k-1")) {
                    try store.created(DocumentSubmission(text: Self.article("Other")), idempotency: IdempotencyStamp(key: "k-1", fingerprint: 8))
                }
            }
            // The key survives a restart: the journal carries it.
            let store = try Self.open(harness)
            defer { store.close() }
            #expect(try store.created(DocumentSubmission(text: Self.article("Ferry strike ends")), idempotency: stamp).isReplay)
        }

        @Test func restartRebuildsTheSameCollectionAndContinuesNumbering() throws {
            let harness = try StoreHarness()
            var expected: [String: String] = [:]
            do {
                let store = try Self.open(harness)
                defer { store.close() }
                for index in 1...5 {
                    let document = try store.created(DocumentSubmission(text: Self.article("Story \(index)")), id: "story-\(index)").document
                    expected[document.id] = document.title
                }
                _ = try store.deleted("story-2")
                _ = try store.deleted("seed-1")
                expected["story-2"] = nil
            }
            let store = try Self.open(harness)
            defer { store.close() }

            #expect(Dictionary(uniqueKeysWithValues: store.snapshot.documents.map { ($0.id, $0.title) }) == expected)
            #expect(store.snapshot.version == 7)
            #expect(try store.changes.changes(after: 5, through: 7, limit: 10).map(\.documentID) == ["story-2", "seed-1"])
            #expect(try store.created(DocumentSubmission(text: Self.article("Later"))).change.number == 8)
            #expect(store.replayed?.journalRecords == 7)
        }

        @Test func compactionKeepsTheStateAndStartsHistoryAfterIt() throws {
            let harness = try StoreHarness()
            var configuration = DocumentStore.Configuration()
            configuration.compactionThreshold = 4096
            do {
                let store = try Self.open(harness, configuration: configuration)
                defer { store.close() }
                for index in 1...40 { _ = try store.created(DocumentSubmission(text: Self.article("Story \(index)")), id: "s\(index)") }
                for index in 1...4 { _ = try store.deleted("s\(index)") }
                _ = try store.deleted("seed-1")
                _ = try store.created(DocumentSubmission(text: Self.article("Seed again")), id: "seed-1")
            }
            let store = try Self.open(harness, configuration: configuration)
            defer { store.close() }

            let ids = Set(store.snapshot.documents.map(\.id))
            #expect(ids == Set((5...40).map { "s\($0)" } + ["seed-1"]))
            #expect(store.snapshot.document(idOrSlug: "seed-1")?.title == "Seed again")
            #expect(store.snapshot.version == 46)
            #expect(FileManager.default.fileExists(atPath: harness.file("snapshot")))
            // Changes folded into the snapshot cannot be listed any more.
            #expect(throws: ChangeLogError.self) { try store.changes.changes(after: 0, through: 46, limit: 100) }
        }

        @Test func concurrentWritesAllLandWithDistinctNumbers() throws {
            let harness = try StoreHarness()
            let store = try Self.open(harness)
            defer { store.close() }
            let results = Locked<[Int]>([])

            DispatchQueue.concurrentPerform(iterations: 40) { index in
                if let creation = try? store.created(DocumentSubmission(text: Self.article("Story \(index)")), id: "c\(index)") {
                    results.withLock { $0.append(creation.change.number) }
                }
            }

            #expect(results.withLock { $0.sorted() } == Array(1...40))
            #expect(store.snapshot.documents.count == 41)
        }

        @Test func readOnlyStoreRefusesWrites() throws {
            let store = try DocumentStore(seeds: [Self.seed], directory: nil, ingestor: Ingestor())
            #expect(store.isReadOnly)
            #expect(throws: WriteError.readOnly) { try store.created(DocumentSubmission(text: Self.article("A"))) }
        }
    }
}

extension DocumentStore {
    /// `create`, waiting for the result.
    func created(_ submission: DocumentSubmission, id: String? = nil, idempotency: IdempotencyStamp? = nil) throws(WriteError) -> Creation {
        try Self.waiting { completion in self.create(submission, id: id, idempotency: idempotency, completion: completion) }
    }

    /// `delete`, waiting for the result.
    func deleted(_ key: String) throws(WriteError) -> Change {
        try Self.waiting { completion in self.delete(idOrSlug: key, completion: completion) }
    }

    private static func waiting<Value: Sendable>(
        _ start: (@escaping @Sendable (Result<Value, WriteError>) -> Void) -> Void
    ) throws(WriteError) -> Value {
        let box = Locked<Result<Value, WriteError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        start { result in
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try box.withLock { $0! }.get()
    }
}
