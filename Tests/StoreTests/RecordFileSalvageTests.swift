@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// `RecordFileSalvage` over journals and snapshots built in memory: what it keeps, what it
    /// drops and reports, and that what it writes is a file start-up reads.
    struct RecordFileSalvageTests {
        /// A journal of `count` created records, changes `first...`, and each record's byte range.
        static func journal(_ count: Int, first: Int = 1) throws -> (bytes: [UInt8], records: [Range<Int>]) {
            var bytes = RecordFileHeader.journal.commonBytes
            var records: [Range<Int>] = []
            for change in first..<(first + count) {
                let start = bytes.count
                try RecordCodec.appendRecord(StoreHarness.created(change, "doc-\(change)"), to: &bytes)
                records.append(start..<bytes.count)
            }
            return (bytes, records)
        }

        static func salvage(_ bytes: [UInt8], after snapshotLastChange: Int = 0, hashBudget: Int? = nil) throws -> RecordFileSalvage {
            try RecordFileSalvage.salvage(bytes, of: .journal(snapshotLastChange: snapshotLastChange), path: "journal", hashBudget: hashBudget)
        }

        /// The change numbers of the records in a salvaged journal, read back as start-up reads it.
        static func changes(_ salvaged: RecordFileSalvage) throws -> [Int] {
            guard case .records(let entries, let tornTail) = try RecordFileReader.journal(salvaged.bytes, file: "journal") else {
                Issue.record("the salvaged journal has no complete header")
                return []
            }
            #expect(tornTail == nil)
            return entries.map(\.change)
        }

        /// `bytes` with the records at `ranges` left out.
        static func without(_ bytes: [UInt8], _ ranges: [Range<Int>]) -> [UInt8] {
            bytes.indices.filter { index in !ranges.contains { $0.contains(index) } }.map { bytes[$0] }
        }

        @Test func intactJournalComesBackUnchanged() throws {
            let (bytes, _) = try Self.journal(5)
            let salvaged = try Self.salvage(bytes)
            #expect(salvaged.bytes == bytes)
            #expect(salvaged.report.isIntact)
            #expect(salvaged.report.keptRecords == 5)
            #expect(salvaged.report.missingChanges.isEmpty)
            #expect(salvaged.report.unknownChangesAfter == nil)
        }

        @Test func flippedByteMidJournalDropsOnlyItsRecord() throws {
            let (bytes, records) = try Self.journal(5)
            var damaged = bytes
            damaged[records[2].upperBound - 6] ^= 0x5A  // inside the text
            let salvaged = try Self.salvage(damaged)
            #expect(salvaged.bytes == Self.without(bytes, [records[2]]))
            #expect(try Self.changes(salvaged) == [1, 2, 4, 5])
            #expect(salvaged.report.dropped == [.init(offset: records[2].lowerBound, byteCount: records[2].count, reason: "the record's CRC-32C does not match")])
            #expect(salvaged.report.missingChanges == [3...3])
            #expect(salvaged.report.unknownChangesAfter == nil)
        }

        @Test func flippedLengthByteIsSkippedToTheNextRecord() throws {
            let (bytes, records) = try Self.journal(5)
            var damaged = bytes
            damaged[records[1].lowerBound + 2] ^= 0x01  // 64 KiB more: runs past the end
            let salvaged = try Self.salvage(damaged)
            #expect(try Self.changes(salvaged) == [1, 3, 4, 5])
            #expect(salvaged.report.dropped.map(\.offset) == [records[1].lowerBound])
            #expect(salvaged.report.droppedBytes == records[1].count)
            #expect(salvaged.report.missingChanges == [2...2])
        }

        @Test func truncatedFinalRecordIsDroppedAndTheTailReported() throws {
            let (bytes, records) = try Self.journal(4)
            let cut = Array(bytes[..<(records[3].lowerBound + 11)])
            let salvaged = try Self.salvage(cut)
            #expect(salvaged.bytes == Array(bytes[..<records[3].lowerBound]))
            #expect(salvaged.report.dropped == [.init(offset: records[3].lowerBound, byteCount: 11, reason: "the declared length of \(records[3].count - 8) bytes does not fit")])
            #expect(salvaged.report.missingChanges.isEmpty)
            #expect(salvaged.report.unknownChangesAfter == 3)
        }

        @Test func garbageBetweenRecordsIsDroppedExactly() throws {
            let (bytes, records) = try Self.journal(5)
            var random = SplitMix64(seed: 15)
            let garbage = (0..<1000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let damaged = Array(bytes[..<records[2].lowerBound]) + garbage + Array(bytes[records[2].lowerBound...])
            let salvaged = try Self.salvage(damaged)
            #expect(salvaged.bytes == bytes)
            #expect(salvaged.report.dropped.map(\.offset) == [records[2].lowerBound])
            #expect(salvaged.report.droppedBytes == garbage.count)
            #expect(salvaged.report.missingChanges.isEmpty, "no change is lost")
        }

        @Test func damageInTheFirstRecordReportsItsChangeMissing() throws {
            let (bytes, records) = try Self.journal(3, first: 11)
            var damaged = bytes
            damaged[records[0].lowerBound + 9] ^= 0xFF  // the change number's low byte
            let salvaged = try Self.salvage(damaged, after: 10)
            #expect(try Self.changes(salvaged) == [12, 13])
            #expect(salvaged.report.dropped.map(\.offset) == [RecordFileHeader.journal.size])
            #expect(salvaged.report.missingChanges == [11...11])
        }

        @Test func allGarbageKeepsNothingAndWritesAnEmptyJournal() throws {
            var random = SplitMix64(seed: 16)
            let garbage = (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let salvaged = try Self.salvage(garbage)
            #expect(salvaged.bytes == RecordFileHeader.journal.commonBytes)
            #expect(salvaged.report.keptRecords == 0)
            #expect(salvaged.report.dropped.count == 1)
            #expect(salvaged.report.droppedBytes == garbage.count)
            #expect(salvaged.report.dropped.first?.reason == "the file header is damaged")
            #expect(salvaged.report.unknownChangesAfter == 0)
        }

        @Test func damagedHeaderIsWrittenAnewAndEveryRecordKept() throws {
            let (bytes, _) = try Self.journal(3)
            var damaged = bytes
            damaged[3] ^= 0x20
            let salvaged = try Self.salvage(damaged)
            #expect(salvaged.bytes == bytes)
            #expect(salvaged.report.dropped == [.init(offset: 0, byteCount: 16, reason: "the file header is damaged")])
        }

        @Test func newerFormatVersionIsNotTouched() throws {
            var bytes = RecordFileHeader.journal.commonBytes + [7, 0, 0, 0] + [UInt8](repeating: 0xA5, count: 40)
            bytes[8] = 2
            #expect(throws: StoreError.unsupportedVersion(file: "journal", version: 2)) { _ = try Self.salvage(bytes) }
        }

        @Test func damagedVersionWordBeforeIntactRecordsIsWrittenAnew() throws {
            let (bytes, _) = try Self.journal(2)
            var damaged = bytes
            damaged[9] ^= 0x04
            let salvaged = try Self.salvage(damaged)
            #expect(salvaged.bytes == bytes)
            #expect(salvaged.report.dropped == [.init(offset: 0, byteCount: 16, reason: "the file header is damaged")])
        }

        @Test func repeatedOrBackwardChangeAfterResyncIsDropped() throws {
            let (bytes, records) = try Self.journal(4)
            // Record 2 again after record 3 (a stale copy), then garbage, then record 4.
            let stale = Array(bytes[records[1]])
            let damaged = Array(bytes[..<records[3].lowerBound]) + stale + [0xEE, 0xEE, 0xEE] + Array(bytes[records[3]])
            let salvaged = try Self.salvage(damaged)
            #expect(salvaged.bytes == bytes)
            #expect(try Self.changes(salvaged) == [1, 2, 3, 4])
            #expect(salvaged.report.dropped == [.init(offset: records[3].lowerBound, byteCount: stale.count + 3, reason: "change number 2 does not follow change 3")])
            #expect(salvaged.report.missingChanges.isEmpty)
        }

        @Test func zeroFilledTailIsDropped() throws {
            let (bytes, _) = try Self.journal(2)
            let salvaged = try Self.salvage(bytes + [UInt8](repeating: 0, count: 512))
            #expect(salvaged.bytes == bytes)
            #expect(salvaged.report.dropped == [.init(offset: bytes.count, byteCount: 512, reason: "the rest of the file is zero bytes")])
        }

        @Test func incompleteHeaderIsLeftForStartUp() throws {
            let prefix = Array(RecordFileHeader.journal.commonBytes.prefix(7))
            let salvaged = try Self.salvage(prefix)
            #expect(salvaged.report.isIntact)
            #expect(salvaged.bytes == prefix)
        }

        @Test func spentChecksumBudgetDropsTheRest() throws {
            let (bytes, records) = try Self.journal(4)
            var damaged = bytes
            damaged[records[1].upperBound - 1] ^= 0x01
            let salvaged = try Self.salvage(damaged, hashBudget: 1)
            #expect(try Self.changes(salvaged) == [1])
            #expect(salvaged.report.dropped.count == 1)
            #expect(salvaged.report.dropped.first?.reason.hasPrefix("the record's CRC-32C does not match; then no record was found within the checksum budget") == true)
            #expect(salvaged.report.unknownChangesAfter == 1)
        }

        /// Every single byte flipped in turn: the salvage always yields a journal that start-up
        /// reads whole, in change order, losing at most the one record the byte was in.
        @Test func everyFlippedByteLosesAtMostItsRecord() throws {
            let (bytes, records) = try Self.journal(4)
            for position in bytes.indices {
                var damaged = bytes
                damaged[position] ^= 0x10
                let changes = try Self.changes(try Self.salvage(damaged))
                let hit = records.firstIndex { $0.contains(position) }.map { $0 + 1 }
                #expect(changes == [1, 2, 3, 4].filter { $0 != hit }, "byte \(position)")
            }
        }

        @Test func snapshotKeepsItsHeaderAndDropsDamagedRecords() throws {
            var bytes = RecordFileHeader.snapshot.commonBytes
            bytes.appendLittleEndian(Int64(9))
            var starts: [Int] = []
            for change in [2, 5, 9, 12] {
                starts.append(bytes.count)
                try RecordCodec.appendRecord(StoreHarness.created(change, "doc-\(change)"), to: &bytes)
            }
            var damaged = bytes
            damaged[starts[1] + 30] ^= 0x01
            let salvaged = try RecordFileSalvage.salvage(damaged, of: .snapshot, path: "snapshot")
            let snapshot = try RecordFileReader.snapshot(salvaged.bytes, file: "snapshot")
            #expect(snapshot.entries.map(\.change) == [2, 9])
            #expect(snapshot.lastChange == 9)
            #expect(salvaged.report.dropped.map(\.offset) == [starts[1], starts[3]])
            #expect(salvaged.report.dropped.last?.reason == "change number 12 is above the snapshot's last change 9")
            #expect(salvaged.report.missingChanges.isEmpty, "a snapshot's numbers have gaps anyway")
            #expect(salvaged.report.unknownChangesAfter == nil)
        }

        @Test func snapshotWithADamagedHeaderCannotBeSalvaged() throws {
            var bytes = RecordFileHeader.snapshot.commonBytes
            bytes.appendLittleEndian(Int64(-1))
            #expect(throws: StoreError.corrupt(file: "snapshot", offset: 16, reason: "the last change number -1 is negative")) {
                _ = try RecordFileSalvage.salvage(bytes, of: .snapshot, path: "snapshot")
            }
        }
    }
}
