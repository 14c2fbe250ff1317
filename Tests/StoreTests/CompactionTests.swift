import DocumentModel
import Store
import Testing

extension StoreTests {
    /// `DataDirectory.compact` and recovery from a snapshot plus the journal after it.
    struct CompactionTests {
        /// Four writes leaving `b` and `c` live.
        static let history: [JournalEntry] = [
            StoreHarness.created(1, "a"), StoreHarness.created(2, "b"), StoreHarness.deleted(3, "a"), StoreHarness.created(4, "c"),
        ]
        static let live = [StoreHarness.created(4, "c"), StoreHarness.created(2, "b")]

        @Test func recoveryIsTheSnapshotThenLaterAppends() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in
                try directory.append(Self.history)
                try directory.compact(Self.live, lastChange: 4)
                #expect(directory.journalSize == 16)
                try directory.append([StoreHarness.created(5, "d")])
            }
            let recovery = try store.recover()
            #expect(recovery.entries == [StoreHarness.created(2, "b"), StoreHarness.created(4, "c"), StoreHarness.created(5, "d")])
            #expect(recovery.lastChange == 5)
            #expect(recovery.journalRecords == 1)
            #expect(recovery.notices.isEmpty)
        }

        @Test func snapshotAloneKeepsItsLastChange() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in
                try directory.append(Self.history + [StoreHarness.deleted(5, "c")])
                try directory.compact([StoreHarness.created(2, "b")], lastChange: 5)
            }
            let recovery = try store.recover()
            #expect(recovery.entries == [StoreHarness.created(2, "b")])
            #expect(recovery.lastChange == 5)
            #expect(recovery.journalRecords == 0)
        }

        @Test func compactingANewDirectoryMakesBothFiles() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in try directory.compact([], lastChange: 0) }
            #expect(Array(store.bytes("snapshot")) == Array("DOSSIERS".utf8) + [1, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0, 0])
            #expect(store.bytes("journal").count == 16)
            #expect(try store.recover().entries.isEmpty)
        }

        /// A crash after the snapshot's rename, before the journal's reset: the old journal still
        /// holds changes the snapshot has.
        @Test func journalEntriesAlreadyInTheSnapshotAreSkipped() throws {
            let store = try StoreHarness()
            try store.append([Self.history])
            let compacted = try StoreHarness()
            try compacted.withDirectory { directory, _ in try directory.compact(Self.live, lastChange: 4) }
            try store.write("snapshot", compacted.bytes("snapshot"))
            let recovery = try store.recover()
            #expect(recovery.entries == [StoreHarness.created(2, "b"), StoreHarness.created(4, "c")])
            #expect(recovery.lastChange == 4)
            #expect(recovery.journalRecords == 0)
            #expect(recovery.notices == ["journal: 4 records already in the snapshot (changes up to 4) skipped: a compaction was interrupted before the journal was reset"])
            try store.append([[StoreHarness.created(5, "d")]])
            let later = try store.recover()
            #expect(later.entries == [StoreHarness.created(2, "b"), StoreHarness.created(4, "c"), StoreHarness.created(5, "d")])
            #expect(later.journalRecords == 1)
        }

        @Test func tornSnapshotIsCorruption() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in try directory.compact(Self.live, lastChange: 4) }
            let snapshot = store.bytes("snapshot")
            try store.write("snapshot", Array(snapshot.dropLast()))
            guard case .corrupt(let file, _, let reason) = StoreHarness.storeError({ _ = try store.recover() }) else {
                Issue.record("a torn snapshot must stop recovery")
                return
            }
            #expect(file == store.file("snapshot"))
            #expect(reason.hasPrefix("the final record is torn"))
        }

        @Test func snapshotEntryAboveItsLastChangeIsCorruption() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in try directory.compact(Self.live, lastChange: 4) }
            var snapshot = store.bytes("snapshot")
            snapshot[16] = 3
            try store.write("snapshot", snapshot)
            let error = StoreHarness.storeError { _ = try store.recover() }
            guard case .corrupt(_, let offset, let reason) = error else {
                Issue.record("expected corruption, got \(String(describing: error))")
                return
            }
            #expect(offset > 24)
            #expect(reason == "change number 4 is above the snapshot's last change 3")
        }

        @Test func snapshotWithWrongMagicIsCorruptionAtOffsetZero() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in try directory.compact(Self.live, lastChange: 4) }
            try store.write("snapshot", Array("DOSSIERJ".utf8) + store.bytes("snapshot").dropFirst(8))
            #expect(
                StoreHarness.storeError { _ = try store.recover() }
                    == .corrupt(file: store.file("snapshot"), offset: 0, reason: "the file does not start with 'DOSSIERS'"))
        }
    }
}
