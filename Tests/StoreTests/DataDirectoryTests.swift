import Extraction
import Foundation
@testable import Store
import Testing

extension StoreTests {
    /// `DataDirectory`: opening, locking, appending and reading back what was appended.
    struct DataDirectoryTests {
        /// Every shape a record can take.
        static let everyShape: [JournalEntry] = [
            .created(change: 1, at: 0, id: "bare", submission: DocumentSubmission(text: "Plain."), idempotency: nil),
            .created(
                change: 2, at: StoreHarness.at, id: "full",
                submission: DocumentSubmission(text: "Body.\n\nMore.", source: "Reuters", published: "2024-02-29", title: "A headline"),
                idempotency: IdempotencyStamp(key: "key-1", fingerprint: .max)),
            .created(
                change: 3, at: -1, id: "ünï-çødé 東京",
                submission: DocumentSubmission(text: "Crème brûlée 🍮, עברית, e\u{301}, nul \u{0} end", source: "", published: nil, title: "Ĥ"),
                idempotency: IdempotencyStamp(key: "", fingerprint: 0)),
            .created(change: 4, at: .max, id: "", submission: DocumentSubmission(text: ""), idempotency: nil),
            .deleted(change: 5, at: .min, id: "bare"),
            .created(change: Int(Int64.max), at: 7, id: "last", submission: DocumentSubmission(text: "x", title: ""), idempotency: nil),
        ]

        @Test func newDirectoryRecoversNothing() throws {
            let store = try StoreHarness()
            let recovery = try store.recover()
            #expect(recovery.entries.isEmpty)
            #expect(recovery.lastChange == 0)
            #expect(recovery.journalRecords == 0)
            #expect(recovery.notices.isEmpty)
        }

        @Test func createsMissingNestedDirectories() throws {
            let temporary = try TemporaryDirectory()
            let path = temporary.path(of: "a/b/c")
            let directory = try DataDirectory.open(path: path + "/")
            defer { directory.close() }
            #expect(directory.path == path)
            _ = try directory.recover()
            try directory.append([StoreHarness.created(1, "one")])
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
            #expect(FileManager.default.fileExists(atPath: path + "/journal"))
        }

        @Test func everyEntryShapeRoundTrips() throws {
            let store = try StoreHarness()
            try store.append(Self.everyShape.map { [$0] })
            let recovery = try store.recover()
            #expect(recovery.entries == Self.everyShape)
            #expect(recovery.lastChange == Int(Int64.max))
            #expect(recovery.journalRecords == Self.everyShape.count)
            #expect(recovery.notices.isEmpty)
        }

        @Test func groupAppendWritesEveryEntryAtOnce() throws {
            let store = try StoreHarness()
            let group = (1...32).map { StoreHarness.created($0, "doc\($0)") }
            let sizes = try store.append([[], group, [StoreHarness.deleted(33, "doc1")]])
            #expect(sizes[0] == 0)
            #expect(store.bytes("journal").count == sizes[2])
            let recovery = try store.recover()
            #expect(recovery.entries == group + [StoreHarness.deleted(33, "doc1")])
            #expect(recovery.lastChange == 33)
        }

        @Test func appendsAfterReopeningContinueTheJournal() throws {
            let store = try StoreHarness()
            try store.append([[StoreHarness.created(1, "a")]])
            try store.withDirectory { directory, recovery in
                #expect(recovery.lastChange == 1)
                #expect(directory.journalSize == store.bytes("journal").count)
                try directory.append([StoreHarness.created(2, "b")])
            }
            #expect(try store.recover().entries == [StoreHarness.created(1, "a"), StoreHarness.created(2, "b")])
        }

        @Test func journalStartsWithItsHeader() throws {
            let store = try StoreHarness()
            try store.append([[StoreHarness.deleted(1, "x")]])
            #expect(Array(store.bytes("journal").prefix(16)) == Array("DOSSIERJ".utf8) + [1, 0, 0, 0, 0, 0, 0, 0])
        }

        @Test func secondOpenIsRefusedUntilTheFirstCloses() throws {
            let store = try StoreHarness()
            let first = try DataDirectory.open(path: store.path)
            #expect(throws: StoreError.locked(path: store.path)) { try DataDirectory.open(path: store.path) }
            #expect(String(decoding: store.bytes("LOCK"), as: UTF8.self) == "\(getpid())\n")
            first.close()
            let second = try DataDirectory.open(path: store.path)
            second.close()
        }

        /// The collection identity is made at the first open and kept; a directory started
        /// afresh gets another; a damaged `ID` file stops the open.
        @Test func identityIsKeptAcrossOpensAndNewForAFreshDirectory() throws {
            let store = try StoreHarness()
            let first = try DataDirectory.open(path: store.path)
            let identity = first.identity
            first.close()
            #expect(CollectionIdentity.isValid(identity))
            #expect(String(decoding: store.bytes("ID"), as: UTF8.self) == identity + "\n")
            let again = try DataDirectory.open(path: store.path)
            #expect(again.identity == identity)
            again.close()

            let fresh = try StoreHarness()
            let other = try DataDirectory.open(path: fresh.path)
            #expect(other.identity != identity)
            other.close()

            try fresh.write("ID", Array("not an identity\n".utf8))
            #expect {
                try DataDirectory.open(path: fresh.path)
            } throws: { error in
                guard case StoreError.corrupt(let file, 0, _) = error else { return false }
                return file.hasSuffix("/ID")
            }
        }

        @Test func staleTemporaryFilesAreRemovedAndIgnored() throws {
            let store = try StoreHarness()
            try store.append([[StoreHarness.created(1, "a")]])
            try store.write("snapshot.tmp", Array("half a snapshot".utf8))
            try store.write("journal.tmp", [0x44])
            let recovery = try store.recover()
            #expect(recovery.entries == [StoreHarness.created(1, "a")])
            #expect(recovery.notices == ["removed the stale temporary file 'journal.tmp'", "removed the stale temporary file 'snapshot.tmp'"])
            #expect(!FileManager.default.fileExists(atPath: store.file("snapshot.tmp")))
            #expect(!FileManager.default.fileExists(atPath: store.file("journal.tmp")))
        }

        @Test func recordOverTheCapIsRefusedAndNothingWritten() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in
                try directory.append([StoreHarness.created(1, "small")])
                let size = directory.journalSize
                let huge = JournalEntry.created(
                    change: 2, at: 0, id: "huge", submission: DocumentSubmission(text: String(decoding: [UInt8](repeating: 0x78, count: 64 << 20), as: UTF8.self)), idempotency: nil)
                #expect(throws: StoreError.recordTooLarge(id: "huge", bytes: (64 << 20) + 33)) { try directory.append([huge]) }
                #expect(directory.journalSize == size)
                try directory.append([StoreHarness.created(2, "next")])
            }
            #expect(try store.recover().entries.map(\.id) == ["small", "next"])
        }

        @Test func errorsDescribeFileAndOffset() {
            #expect(StoreError.corrupt(file: "/d/journal", offset: 40, reason: "the record's CRC-32C does not match").description
                == "'/d/journal' is corrupt at byte 40: the record's CRC-32C does not match.")
            #expect(StoreError.io(operation: "fsync", path: "/d/journal", errno: EIO).description == "fsync of '/d/journal' failed: Input/output error (errno 5).")
            #expect(StoreError.unsupportedVersion(file: "/d/snapshot", version: 2).description
                == "'/d/snapshot' has format version 2; this build reads version 1 only.")
        }
    }
}
