import DocumentModel
import Foundation
import Store
import Testing

extension StoreTests {
    /// A compaction split in three (`beginCompaction`, `writeSnapshot` off the writer,
    /// `finishCompaction`): the writes appended while the snapshot was being written stay in
    /// the journal, and a snapshot overtaken by a newer one is dropped.
    struct BackgroundCompactionTests {
        @Test func writesAppendedDuringTheCompactionStayInTheJournal() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in
                try directory.append(CompactionTests.history)
                let compaction = try directory.beginCompaction(lastChange: 4)
                try directory.append([StoreHarness.created(5, "d")])
                try directory.append([StoreHarness.deleted(6, "b"), StoreHarness.created(7, "e")])
                let written = try DataDirectory.writeSnapshot(of: compaction, entries: CompactionTests.live)
                #expect(try directory.finishCompaction(written))
                #expect(directory.journalHoldsRecords)
                try directory.append([StoreHarness.created(8, "f")])
            }
            let recovery = try store.recover()
            #expect(
                recovery.entries == CompactionTests.live.sorted { $0.change < $1.change } + [
                    StoreHarness.created(5, "d"), StoreHarness.deleted(6, "b"), StoreHarness.created(7, "e"), StoreHarness.created(8, "f"),
                ])
            #expect(recovery.journalRecords == 4)
            #expect(recovery.lastChange == 8)
            #expect(recovery.notices.isEmpty, "the journal no longer holds what the snapshot has")
            #expect(!FileManager.default.fileExists(atPath: store.file("snapshot.1.tmp")))
        }

        @Test func aCompactionWithNothingAppendedMeanwhileLeavesAnEmptyJournal() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in
                try directory.append(CompactionTests.history)
                let compaction = try directory.beginCompaction(lastChange: 4)
                #expect(try directory.finishCompaction(try DataDirectory.writeSnapshot(of: compaction, entries: CompactionTests.live)))
                #expect(!directory.journalHoldsRecords)
            }
            #expect(try store.recover().journalRecords == 0)
        }

        @Test func aSnapshotOvertakenByANewerCompactionIsDropped() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in
                try directory.append(CompactionTests.history)
                let older = try directory.beginCompaction(lastChange: 4)
                try directory.append([StoreHarness.created(5, "d")])
                try directory.compact(CompactionTests.live + [StoreHarness.created(5, "d")], lastChange: 5)
                let written = try DataDirectory.writeSnapshot(of: older, entries: CompactionTests.live)

                #expect(try !directory.finishCompaction(written))
                try directory.append([StoreHarness.created(6, "e")])
            }
            let recovery = try store.recover()
            #expect(recovery.entries.map(\.change) == [2, 4, 5, 6])
            #expect(recovery.journalRecords == 1)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.file("")).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty, "the dropped snapshot's file is removed")
        }
    }
}
