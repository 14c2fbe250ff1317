import Dispatch
import DocumentModel
import Extraction
import Locking
@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// Posted texts are ingested before the writer, within a CPU budget: a slow ingestion
    /// holds up no other write, the writer still settles ids and idempotency keys, a text
    /// past its budget stores nothing, and replay and followers apply no budget.
    @Suite(.timeLimit(.minutes(1))) struct DocumentStoreIngestionTests {
        typealias Fixture = DocumentStoreTests

        /// A budget that a short article stays within and a long one does not, whatever the
        /// machine: the clock advances 1 ms each time the stages read it.
        static func steppingBudget(limit: Duration = .milliseconds(20)) -> IngestionBudget {
            IngestionBudget(limit: limit, clock: SteppingClock(step: .milliseconds(1)).read)
        }

        /// An article far longer than `Fixture.article`.
        static let longArticle = "Harbour talks drag on\n\n" + (0..<300).map { index in
            "OSLO — Ingrid Dahl met Lars Berg on 3 March 2024, the port authority said. \u{201C}We meet again on day \(index),\u{201D} said Dahl."
        }.joined(separator: "\n\n")

        static func open(
            _ harness: StoreHarness, ingestor: any SubmissionIngesting = Ingestor(), budget: IngestionBudget = .unlimited, width: Int = 2
        ) throws -> DocumentStore {
            var configuration = DocumentStore.Configuration()
            configuration.ingestionBudget = budget
            configuration.ingestionWidth = width
            return try DocumentStore(
                seeds: [Fixture.seed], directory: try DataDirectory.open(path: harness.path), configuration: configuration, ingestor: ingestor)
        }

        /// Fails on a store that ingests on its writer: the small write waits for the held one.
        @Test func aSlowIngestionDoesNotHoldUpAnotherWrite() throws {
            let harness = try StoreHarness()
            let ingestor = HeldIngestor()
            let store = try Self.open(harness, ingestor: ingestor)
            defer { store.close() }

            let slow = PendingCreation(store, DocumentSubmission(text: HeldIngestor.marker + Fixture.article("Slow")))
            #expect(ingestor.entered.wait(timeout: .seconds(10)))
            let small = PendingCreation(store, DocumentSubmission(text: Fixture.article("Small")))
            let smallResult = small.wait(timeout: .seconds(5))
            ingestor.release.open()

            #expect(try smallResult?.get().change.number == 1)
            #expect(try slow.wait(timeout: .seconds(10))?.get().change.number == 2)
            #expect(try slow.wait(timeout: .seconds(10))?.get().document.id == "doc-2")
        }

        @Test func anIDTakenWhileIngestingIsAConflictAtTheWriter() throws {
            let harness = try StoreHarness()
            let ingestor = HeldIngestor()
            let store = try Self.open(harness, ingestor: ingestor)
            defer { store.close() }

            let slow = PendingCreation(store, DocumentSubmission(text: HeldIngestor.marker + Fixture.article("Slow")), id: "x")
            #expect(ingestor.entered.wait(timeout: .seconds(10)))
            let taken = try store.created(DocumentSubmission(text: Fixture.article("Quick")), id: "x")
            ingestor.release.open()

            #expect(throws: WriteError.idTaken("x")) { try slow.wait(timeout: .seconds(10))?.get() }
            #expect(store.snapshot.document(idOrSlug: "x") == taken.document)
            #expect(store.snapshot.version == 1)
        }

        /// Two requests with one key: the first to reach the writer is stored, the other replays it.
        @Test func aKeyRacedByTwoRequestsStoresOnce() throws {
            let harness = try StoreHarness()
            let ingestor = HeldIngestor()
            let store = try Self.open(harness, ingestor: ingestor)
            defer { store.close() }
            let stamp = IdempotencyStamp(key: "k-1", fingerprint: 7)
            let submission = DocumentSubmission(text: HeldIngestor.marker + Fixture.article("Ferry strike ends"))

            let held = PendingCreation(store, submission, idempotency: stamp)
            #expect(ingestor.entered.wait(timeout: .seconds(10)))
            let first = try store.created(submission, idempotency: stamp)
            ingestor.release.open()
            let retry = try #require(try held.wait(timeout: .seconds(10))?.get())

            #expect(!first.isReplay)
            #expect(retry.isReplay)
            #expect(retry.document == first.document)
            #expect(retry.change == first.change)
            #expect(store.snapshot.version == 1)
        }

        @Test func aTextPastItsBudgetIsRefusedAndNothingIsStored() throws {
            let harness = try StoreHarness()
            do {
                let store = try Self.open(harness, budget: Self.steppingBudget())
                defer { store.close() }

                #expect(throws: WriteError.unprocessable(.tooComplex(limit: .milliseconds(20)))) {
                    try store.created(DocumentSubmission(text: Self.longArticle))
                }
                #expect(store.snapshot.version == 0)
                #expect(store.snapshot.documents.count == 1)
                #expect(try store.created(DocumentSubmission(text: Fixture.article("Small"))).document.id == "doc-1")
            }
            let reopened = try Self.open(harness)
            defer { reopened.close() }
            #expect(reopened.replayed?.journalRecords == 1)
        }

        /// A document accepted once always loads again, whatever the budget now.
        @Test func replayAppliesNoBudget() throws {
            let harness = try StoreHarness()
            do {
                let store = try Self.open(harness)
                defer { store.close() }
                _ = try store.created(DocumentSubmission(text: Self.longArticle), id: "long")
            }
            let reopened = try Self.open(harness, budget: Self.steppingBudget(limit: .milliseconds(1)))
            defer { reopened.close() }

            #expect(reopened.startupNotices.isEmpty)
            #expect(reopened.snapshot.document(idOrSlug: "long") != nil)
        }

        @Test func followersApplyNoBudget() throws {
            let harness = try StoreHarness()
            let writer = try Self.open(harness)
            defer { writer.close() }
            var configuration = DocumentStore.Configuration()
            configuration.ingestionBudget = Self.steppingBudget(limit: .milliseconds(1))
            let follower = try DocumentStore(seeds: [Fixture.seed], directory: nil, configuration: configuration, ingestor: Ingestor())
            writer.replicate(after: 0) { update in
                follower.apply(update)
                return true
            }

            let created = try writer.created(DocumentSubmission(text: Self.longArticle), id: "long")

            #expect(eventually { follower.snapshot.version == 1 })
            #expect(follower.snapshot.document(idOrSlug: "long") == created.document)
        }

        /// `close()` waits for a write still being ingested, which is then stored.
        @Test func closeWaitsForWritesBeingIngested() throws {
            let harness = try StoreHarness()
            let ingestor = HeldIngestor()
            do {
                let store = try Self.open(harness, ingestor: ingestor)
                let slow = PendingCreation(store, DocumentSubmission(text: HeldIngestor.marker + Fixture.article("Slow")))
                #expect(ingestor.entered.wait(timeout: .seconds(10)))
                let closed = Latch()
                DispatchQueue.global().async {
                    store.close()
                    closed.open()
                }
                #expect(!closed.wait(timeout: .milliseconds(200)), "close() returned while a write was being ingested")
                ingestor.release.open()
                #expect(closed.wait(timeout: .seconds(10)))
                #expect(try slow.wait(timeout: .seconds(10))?.get().change.number == 1)
            }
            let reopened = try Self.open(harness)
            defer { reopened.close() }
            #expect(reopened.snapshot.version == 1)
        }
    }
}

/// A `create` whose result arrives later.
final class PendingCreation: Sendable {
    private let done = Latch()
    private let result = Locked<Result<DocumentStore.Creation, WriteError>?>(nil)

    init(_ store: DocumentStore, _ submission: DocumentSubmission, id: String? = nil, idempotency: IdempotencyStamp? = nil) {
        store.create(submission, id: id, idempotency: idempotency) { [result, done] outcome in
            result.withLock { $0 = outcome }
            done.open()
        }
    }

    /// The result, once it has come within `timeout`; `nil` if it has not.
    func wait(timeout: Duration) -> Result<DocumentStore.Creation, WriteError>? {
        guard self.done.wait(timeout: timeout) else { return nil }
        return self.result.withLock { $0 }
    }
}
