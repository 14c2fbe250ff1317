@testable import Store
import Testing

extension StoreTests {
    /// `DataDirectory.recover()` on damaged journals: torn tails are cut off, anything else stops.
    struct JournalRecoveryTests {
        static let first = StoreHarness.created(1, "first")
        static let second = StoreHarness.created(2, "second")
        static let last = StoreHarness.deleted(3, "first")

        /// A journal of `first`, `second`, `last`, and where `second` and `last` start.
        static func threeRecords() throws -> (store: StoreHarness, journal: [UInt8], secondStart: Int, lastStart: Int) {
            let store = try StoreHarness()
            let sizes = try store.append([[Self.first], [Self.second], [Self.last]])
            return (store, store.bytes("journal"), sizes[0], sizes[1])
        }

        @Test func tornFinalRecordAtEveryCutIsTruncated() throws {
            let (store, journal, _, lastStart) = try Self.threeRecords()
            for cut in (lastStart + 1)..<journal.count {
                try store.write("journal", Array(journal[..<cut]))
                let recovery = try store.recover()
                #expect(recovery.entries == [Self.first, Self.second], "cut at \(cut)")
                #expect(recovery.lastChange == 2)
                #expect(recovery.notices.count == 1)
                #expect(recovery.notices.first?.hasPrefix("journal: torn final record at byte \(lastStart) (\(cut - lastStart) bytes) truncated: ") == true)
                #expect(store.bytes("journal").count == lastStart)
                try store.append([[Self.last]])
                #expect(try store.recover().entries == [Self.first, Self.second, Self.last], "cut at \(cut)")
            }
        }

        @Test func cutAtARecordBoundaryIsNotTorn() throws {
            let (store, journal, _, lastStart) = try Self.threeRecords()
            try store.write("journal", Array(journal[..<lastStart]))
            let recovery = try store.recover()
            #expect(recovery.entries == [Self.first, Self.second])
            #expect(recovery.notices.isEmpty)
        }

        @Test func zeroFilledTailIsTruncated() throws {
            let (store, journal, _, _) = try Self.threeRecords()
            try store.write("journal", journal + [UInt8](repeating: 0, count: 4096))
            let recovery = try store.recover()
            #expect(recovery.entries == [Self.first, Self.second, Self.last])
            #expect(recovery.notices == ["journal: torn final record at byte \(journal.count) (4096 bytes) truncated: the rest of the file is zero bytes"])
            #expect(store.bytes("journal") == journal)
        }

        @Test func finalRecordWithZeroedPayloadIsTorn() throws {
            let (store, journal, _, lastStart) = try Self.threeRecords()
            let zeroed = Array(journal[..<(lastStart + 8)]) + [UInt8](repeating: 0, count: journal.count - lastStart - 8 + 512)
            try store.write("journal", zeroed)
            let recovery = try store.recover()
            #expect(recovery.entries == [Self.first, Self.second])
            #expect(recovery.notices.first?.contains("at byte \(lastStart) (\(zeroed.count - lastStart) bytes)") == true)
            #expect(recovery.notices.first?.hasSuffix("its CRC-32C does not match and nothing but zero bytes follows it") == true)
        }

        @Test(arguments: [(8, "payload"), (4, "CRC"), (0, "length")])
        func damageBeforeTheFinalRecordIsCorruptionAtItsOffset(_ position: Int, _ field: String) throws {
            let (store, journal, secondStart, _) = try Self.threeRecords()
            var damaged = journal
            damaged[secondStart + position] ^= 0x01
            try store.write("journal", damaged)
            let error = StoreHarness.storeError { _ = try store.recover() }
            guard case .corrupt(let file, let offset, let reason) = error else {
                Issue.record("expected corruption for the \(field), got \(String(describing: error))")
                return
            }
            #expect(file == store.file("journal"))
            #expect(offset == secondStart)
            #expect(reason.contains("CRC-32C does not match"))
            #expect(store.bytes("journal") == damaged, "a corrupt journal is left as it is")
        }

        @Test func lengthPastTheEndOfTheFileIsATornTail() throws {
            let (store, journal, _, lastStart) = try Self.threeRecords()
            var damaged = journal
            damaged[lastStart + 2] = 0x10
            try store.write("journal", damaged)
            let recovery = try store.recover()
            #expect(recovery.entries == [Self.first, Self.second])
            #expect(recovery.notices.first?.hasSuffix("runs past the end of the file") == true)
        }

        @Test func repeatedChangeNumberIsCorruptionEvenAtTheEnd() throws {
            let (store, journal, secondStart, lastStart) = try Self.threeRecords()
            let secondRecord = Array(journal[secondStart..<lastStart])
            for (damaged, offset) in [(Array(journal[..<lastStart]) + secondRecord, lastStart), (journal + secondRecord, journal.count)] {
                try store.write("journal", damaged)
                #expect(
                    StoreHarness.storeError { _ = try store.recover() }
                        == .corrupt(file: store.file("journal"), offset: offset, reason: "change number 2 does not follow change \(offset == lastStart ? 2 : 3)"))
            }
        }

        /// Kind, change 1 and a zero timestamp: the start of a payload.
        static func head(kind: UInt8) -> [UInt8] {
            [kind, 1, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 8)
        }

        @Test(arguments: [
            ([9], "unknown record kind 9"),
            (Array(Self.head(kind: 2).prefix(9)), "the payload ends inside the timestamp"),
            (Self.head(kind: 2) + [0, 0, 0, 0, 7], "1 bytes follow the last field"),
            (Self.head(kind: 2) + [1, 0, 0, 0, 0xFF], "the id is not valid UTF-8"),
            (Self.head(kind: 1) + [0, 0, 0, 0, 0, 0, 0, 0, 2], "the presence byte of the source is 2, not 0 or 1"),
            (Self.head(kind: 1) + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], "the payload ends inside the length of the idempotency key"),
        ] as [([UInt8], String)])
        func malformedPayloadWithAGoodCRCIsCorruption(_ payload: [UInt8], _ reason: String) throws {
            let (store, journal, secondStart, _) = try Self.threeRecords()
            try store.write("journal", Array(journal[..<secondStart]) + StoreHarness.record(payload: payload) + journal[secondStart...])
            #expect(
                StoreHarness.storeError { _ = try store.recover() }
                    == .corrupt(file: store.file("journal"), offset: secondStart, reason: "the record's payload is malformed: \(reason)"))
        }

        /// Even when nothing follows: no write, torn or not, makes such a length.
        @Test func lengthOverTheCapIsCorruption() throws {
            let (store, journal, secondStart, _) = try Self.threeRecords()
            let lengthOverCap: [UInt8] = [0x01, 0x00, 0x00, 0x04]
            try store.write("journal", Array(journal[..<secondStart]) + lengthOverCap + [0, 0, 0, 0, 1, 2, 3])
            let error = StoreHarness.storeError { _ = try store.recover() }
            #expect(error == .corrupt(file: store.file("journal"), offset: secondStart, reason: "the declared length of 67108865 bytes is over the 64 MiB cap"))
        }

        @Test func wrongMagicIsCorruptionAtOffsetZero() throws {
            let (store, journal, _, _) = try Self.threeRecords()
            try store.write("journal", Array("DOSSIERX".utf8) + journal.dropFirst(8))
            let error = StoreHarness.storeError { _ = try store.recover() }
            #expect(error == .corrupt(file: store.file("journal"), offset: 0, reason: "the file does not start with 'DOSSIERJ'"))
        }

        @Test func newerVersionIsUnsupported() throws {
            let (store, journal, _, _) = try Self.threeRecords()
            var newer = journal
            newer[8] = 2
            try store.write("journal", newer)
            #expect(StoreHarness.storeError { _ = try store.recover() } == .unsupportedVersion(file: store.file("journal"), version: 2))
        }

        @Test(arguments: [Array("DOSSI".utf8), Array("DOSSIERJ".utf8) + [1, 0], [0, 0, 0], []])
        func incompleteHeaderIsAnEmptyJournal(_ header: [UInt8]) throws {
            let store = try StoreHarness()
            try store.append([])
            try store.write("journal", header)
            let recovery = try store.recover()
            #expect(recovery.entries.isEmpty)
            #expect(recovery.notices == ["journal: incomplete header (\(header.count) bytes) left by an interrupted creation discarded; the next write makes a new journal"])
            try store.append([[Self.first]])
            #expect(try store.recover().entries == [Self.first])
        }

        @Test func shortFileThatIsNoJournalIsCorruption() throws {
            let store = try StoreHarness()
            try store.append([])
            try store.write("journal", Array("hello".utf8))
            #expect(StoreHarness.storeError { _ = try store.recover() }?.description.contains("at byte 0") == true)
        }
    }
}
