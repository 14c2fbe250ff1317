@testable import Store
import Testing

extension StoreTests {
    /// `ChangeLog`: ranges after a change, bounded by the reader's snapshot, and the errors for
    /// a client that is too far behind or ahead.
    @Suite struct ChangeLogTests {
        static func change(_ number: Int) -> Change {
            Change(number: number, kind: number.isMultiple(of: 2) ? .deleted : .created, documentID: "d\(number)", title: "T", at: 0)
        }

        @Test func listsChangesAfterSinceUpToThrough() throws {
            let log = ChangeLog(last: 0)
            log.append((1...10).map(Self.change))

            #expect(try log.changes(after: 0, through: 10, limit: 100).map(\.number) == Array(1...10))
            #expect(try log.changes(after: 4, through: 10, limit: 3).map(\.number) == [5, 6, 7])
            #expect(try log.changes(after: 4, through: 6, limit: 100).map(\.number) == [5, 6])
            #expect(try log.changes(after: 10, through: 10, limit: 100).isEmpty)
        }

        @Test func keepsOnlyTheNewestCapacityChanges() throws {
            let log = ChangeLog(last: 0, capacity: 5)
            for number in 1...23 { log.append([Self.change(number)]) }

            #expect(try log.changes(after: 18, through: 23, limit: 100).map(\.number) == Array(19...23))
            #expect(throws: ChangeLogError.expired(oldestAvailable: 19, latest: 23)) { try log.changes(after: 17, through: 23, limit: 100) }
            #expect(log.last == 23)
        }

        @Test func refusesSinceAheadOfTheSnapshot() {
            let log = ChangeLog(last: 0)
            log.append([Self.change(1)])
            #expect(throws: ChangeLogError.ahead(latest: 1)) { try log.changes(after: 2, through: 1, limit: 10) }
        }

        @Test func historyStartingAfterACompactedSnapshot() throws {
            let log = ChangeLog(last: 40)
            #expect(try log.changes(after: 40, through: 40, limit: 10).isEmpty)
            #expect(throws: ChangeLogError.expired(oldestAvailable: 41, latest: 40)) { try log.changes(after: 39, through: 40, limit: 10) }
            log.append([Self.change(41), Self.change(43)])  // 42 was a change that no longer applied
            #expect(try log.changes(after: 41, through: 43, limit: 10).map(\.number) == [43])
            #expect(try log.changes(after: 42, through: 43, limit: 10).map(\.number) == [43])
        }
    }
}
