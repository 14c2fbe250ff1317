import Extraction
@testable import Store
import Testing

extension StoreTests {
    /// `JournalTail`: the entries after a change while it still holds them all, within its
    /// bounds on entries and text bytes.
    @Suite struct JournalTailTests {
        static func entry(_ change: Int, text: String = "Short text.") -> JournalEntry {
            .created(change: change, at: 0, id: "d\(change)", submission: DocumentSubmission(text: text), idempotency: nil)
        }

        @Test func givesTheEntriesAfterAChangeEvenWhenNumbersSkip() throws {
            var tail = JournalTail(after: 4)
            tail.append([5, 6, 9, 12].map { Self.entry($0) })

            #expect(tail.entries(after: 4)?.map(\.change) == [5, 6, 9, 12])
            #expect(tail.entries(after: 7)?.map(\.change) == [9, 12])
            #expect(tail.entries(after: 12)?.isEmpty == true)
        }

        @Test func answersNilForChangesItNoLongerHoldsOrNeverMade() {
            var tail = JournalTail(after: 0, capacity: 3)
            for change in 1...10 { tail.append([Self.entry(change)]) }

            #expect(tail.coveredAfter == 7)
            #expect(tail.entries(after: 7)?.map(\.change) == [8, 9, 10])
            #expect(tail.entries(after: 6) == nil, "change 7 was dropped")
            #expect(tail.entries(after: 11) == nil, "past the last change: another collection")
        }

        @Test func dropsTheOldestEntriesPastItsTextBudgetButKeepsTheNewest() {
            var tail = JournalTail(after: 0, capacity: 100, textCapacity: 25)
            let tenBytes = "0123456789"
            tail.append((1...4).map { Self.entry($0, text: tenBytes) })

            #expect(tail.entries(after: 2)?.map(\.change) == [3, 4])
            #expect(tail.entries(after: 1) == nil)

            tail.append([Self.entry(5, text: String(repeating: "x", count: 100))])
            #expect(tail.entries(after: 4)?.map(\.change) == [5], "one entry over the budget is still kept")
        }

        @Test func deletionsCostNoTextBytes() {
            var tail = JournalTail(after: 0, capacity: 100, textCapacity: 10)
            tail.append([Self.entry(1, text: "0123456789")] + (2...50).map { JournalEntry.deleted(change: $0, at: 0, id: "d\($0)") })

            #expect(tail.entries(after: 0)?.count == 50)
        }
    }
}
