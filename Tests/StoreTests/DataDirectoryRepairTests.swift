import Foundation
import Glibc
@testable import Store
import Testing

extension StoreTests {
    /// `DataDirectory.repair` on real files: it refuses a locked or missing directory, leaves
    /// intact files and dry runs alone, and otherwise rewrites the damaged file, keeps the
    /// original aside, and leaves a directory that recovers.
    struct DataDirectoryRepairTests {
        static let entries = (1...4).map { StoreHarness.created($0, "doc-\($0)") }

        /// A directory whose journal holds `entries`, the third one damaged; the journal's bytes.
        static func damagedDirectory() throws -> (store: StoreHarness, damaged: [UInt8]) {
            let store = try StoreHarness()
            let sizes = try store.append(Self.entries.map { [$0] })
            var damaged = store.bytes("journal")
            damaged[sizes[2] - 3] ^= 0x01
            try store.write("journal", damaged)
            return (store, damaged)
        }

        @Test func damagedJournalIsRewrittenAndTheOriginalKept() throws {
            let (store, damaged) = try Self.damagedDirectory()
            let identity = String(decoding: store.bytes("ID"), as: UTF8.self)
            let repair = try DataDirectory.repair(path: store.path + "/", dryRun: false, damagedSuffix: "T1")
            let repairs = repair.files
            #expect(repair.newIdentity != nil && repair.newIdentity.map { $0 + "\n" } != identity, "followers must start again")
            #expect(try store.withDirectory { directory, _ in directory.identity } == repair.newIdentity)
            #expect(repairs.map(\.name) == ["journal"])
            #expect(repairs.first?.damagedCopy == "journal.damaged-T1")
            #expect(repairs.first?.report.missingChanges == [3...3])
            #expect(store.bytes("journal.damaged-T1") == damaged)
            #expect(!FileManager.default.fileExists(atPath: store.file("journal.tmp")))
            let recovery = try store.recover()
            #expect(recovery.entries == [Self.entries[0], Self.entries[1], Self.entries[3]])
            #expect(recovery.notices.isEmpty)
            #expect(try DataDirectory.repair(path: store.path, dryRun: false, damagedSuffix: "T2").files.allSatisfy(\.report.isIntact))
        }

        @Test func dryRunReportsAndWritesNothing() throws {
            let (store, damaged) = try Self.damagedDirectory()
            let before = try FileManager.default.contentsOfDirectory(atPath: store.path).sorted()
            let repair = try DataDirectory.repair(path: store.path, dryRun: true, damagedSuffix: "T1")
            #expect(repair.newIdentity == nil)
            let repairs = repair.files
            #expect(repairs.first?.report.isIntact == false)
            #expect(repairs.first?.damagedCopy == nil)
            #expect(store.bytes("journal") == damaged)
            #expect(try FileManager.default.contentsOfDirectory(atPath: store.path).sorted() == before)
        }

        @Test func intactDirectoryIsLeftAlone() throws {
            let store = try StoreHarness()
            try store.append([Self.entries])
            let journal = store.bytes("journal")
            let identity = store.bytes("ID")
            let repair = try DataDirectory.repair(path: store.path, dryRun: false, damagedSuffix: "T1")
            #expect(repair.newIdentity == nil)
            #expect(store.bytes("ID") == identity)
            let repairs = repair.files
            #expect(repairs.map(\.report.keptRecords) == [4])
            #expect(repairs.allSatisfy { $0.report.isIntact && $0.damagedCopy == nil })
            #expect(store.bytes("journal") == journal)
            #expect(!FileManager.default.fileExists(atPath: store.file("journal.damaged-T1")))
        }

        @Test func damagedSnapshotIsRepairedAndBoundsTheJournalsMissingChanges() throws {
            let store = try StoreHarness()
            try store.withDirectory { directory, _ in
                try directory.append(Array(Self.entries[..<2]))
                try directory.compact(Array(Self.entries[..<2]), lastChange: 2)
                try directory.append(Array(Self.entries[2...]))
            }
            var snapshot = store.bytes("snapshot")
            snapshot[snapshot.count - 3] ^= 0x01
            try store.write("snapshot", snapshot)
            var journal = store.bytes("journal")
            journal[RecordFileHeader.journal.size + 30] ^= 0x01
            try store.write("journal", journal)

            let repairs = try DataDirectory.repair(path: store.path, dryRun: false, damagedSuffix: "T1").files
            #expect(repairs.map(\.name) == ["snapshot", "journal"])
            #expect(repairs.map(\.damagedCopy) == ["snapshot.damaged-T1", "journal.damaged-T1"])
            #expect(repairs.last?.report.missingChanges == [3...3], "changes up to the snapshot's last are not missing")
            #expect(try store.recover().entries == [Self.entries[0], Self.entries[3]])
        }

        @Test func lockedDirectoryIsRefused() throws {
            let (store, damaged) = try Self.damagedDirectory()
            let lock = try DataDirectory.lock(store.path)
            defer { lock.close() }
            #expect(throws: StoreError.locked(path: store.path)) {
                _ = try DataDirectory.repair(path: store.path, dryRun: false, damagedSuffix: "T1")
            }
            #expect(store.bytes("journal") == damaged)
        }

        @Test func missingDirectoryIsNotCreated() throws {
            let store = try StoreHarness()
            #expect(throws: StoreError.io(operation: "open", path: store.path, errno: ENOENT)) {
                _ = try DataDirectory.repair(path: store.path, dryRun: false, damagedSuffix: "T1")
            }
            #expect(!FileManager.default.fileExists(atPath: store.path))
        }
    }
}
