import Extraction
import Foundation
@testable import Store
import Testing

extension StoreTests {
    /// A journal removed or replaced while the server has it open (an operator's `rm`, a
    /// restore copied over the data directory): the next write must not land in a file no
    /// start will read, so the store writes the whole collection to a new snapshot first.
    @Suite struct JournalReplacedTests {
        typealias Stories = DocumentStoreTests

        /// Creates `story-1`, lets `damage` act on the journal, creates `story-2`, then
        /// reopens the directory and returns the ids it holds.
        func idsAfterRestart(damagingJournal damage: (StoreHarness) throws -> Void) throws -> [String] {
            let harness = try StoreHarness()
            do {
                let store = try Stories.open(harness)
                defer { store.close() }
                _ = try store.created(DocumentSubmission(text: Stories.article("Before")), id: "story-1")
                try damage(harness)
                _ = try store.created(DocumentSubmission(text: Stories.article("After")), id: "story-2")
                #expect(!store.isFailingWrites)
            }
            let store = try Stories.open(harness)
            defer { store.close() }
            return store.snapshot.documents.map(\.id).sorted()
        }

        @Test func removedJournalLosesNoAcknowledgedWrite() throws {
            let ids = try self.idsAfterRestart { harness in
                try FileManager.default.removeItem(atPath: harness.file("journal"))
            }
            #expect(ids == ["seed-1", "story-1", "story-2"])
        }

        @Test func journalRenamedOverLosesNoAcknowledgedWrite() throws {
            let ids = try self.idsAfterRestart { harness in
                try harness.write("journal.copy", harness.bytes("journal"))
                #expect(rename(harness.file("journal.copy"), harness.file("journal")) == 0)
            }
            #expect(ids == ["seed-1", "story-1", "story-2"])
        }

        @Test func journalInPlaceIsAppendedToAsBefore() throws {
            let ids = try self.idsAfterRestart { _ in }
            #expect(ids == ["seed-1", "story-1", "story-2"])
        }
    }
}
