@testable import dossier
import Foundation
@testable import Store
import Testing

/// `dossier repair`: its arguments and their errors.
struct RepairCommandTests {
    @Test func parsesTheDirectoryAndDryRun() throws {
        #expect(try Command.parse(["repair", "--data-dir", "/srv/data"], environment: [:]) == .repair(RepairOptions(dataDirectory: "/srv/data")))
        #expect(
            try Command.parse(["repair", "--dry-run", "--data-dir=/srv/data"], environment: [:])
                == .repair(RepairOptions(dataDirectory: "/srv/data", isDryRun: true)))
    }

    @Test func theFlagOverridesTheVariable() throws {
        let environment = ["DOSSIER_DATA_DIR": "/from/env"]
        #expect(try Command.parse(["repair"], environment: environment) == .repair(RepairOptions(dataDirectory: "/from/env")))
        #expect(try Command.parse(["repair", "--data-dir", "/flag"], environment: environment) == .repair(RepairOptions(dataDirectory: "/flag")))
    }

    @Test func errorsNameTheFlag() {
        #expect(throws: UsageError.missingValue(option: "--data-dir")) { try Command.parse(["repair"], environment: [:]) }
        #expect(throws: UsageError.missingValue(option: "--data-dir")) { try Command.parse(["repair", "--data-dir"], environment: [:]) }
        #expect(throws: UsageError.invalidValue(source: "DOSSIER_DATA_DIR", value: "", rule: "must not be empty")) {
            try Command.parse(["repair"], environment: ["DOSSIER_DATA_DIR": ""])
        }
        #expect(throws: UsageError.unknownOption("--force")) { try Command.parse(["repair", "--data-dir", "d", "--force"], environment: [:]) }
        #expect(throws: UsageError.unknownOption("--dry-run=yes")) { try Command.parse(["repair", "--data-dir", "d", "--dry-run=yes"], environment: [:]) }
        #expect(throws: UsageError.unexpectedArgument("extra")) { try Command.parse(["repair", "--data-dir", "d", "extra"], environment: [:]) }
    }

    @Test func helpIsItsPage() throws {
        #expect(try Command.parse(["repair", "--help"], environment: [:]) == .help(HelpText.repair))
    }

    @Test func reportListsWhatWasDroppedAndKept() {
        let damaged = SalvageReport(
            fileBytes: 5000, keptRecords: 40,
            dropped: [.init(offset: 1200, byteCount: 300, reason: "the record's CRC-32C does not match"), .init(offset: 4900, byteCount: 100, reason: "the rest of the file is zero bytes")],
            missingChanges: [7...7, 9...11], unknownChangesAfter: 47)
        let intact = SalvageReport(fileBytes: 800, keptRecords: 1, dropped: [], missingChanges: [], unknownChangesAfter: nil)
        let snapshot = DataDirectory.FileRepair(name: "snapshot", report: intact, damagedCopy: nil)
        let journal = DataDirectory.FileRepair(name: "journal", report: damaged, damagedCopy: "journal.damaged-20261205T120000Z")
        let repair = DataDirectory.Repair(files: [snapshot, journal], newIdentity: "0123456789abcdef0123456789abcdef")
        #expect(
            RepairCommand.report(repair, options: RepairOptions(dataDirectory: "/srv/data")) == """
                snapshot: intact, 1 record in 800 bytes.
                journal: damaged: 40 records kept; 400 of 5000 bytes dropped in 2 ranges:
                  at byte 1200, 300 bytes: the record's CRC-32C does not match
                  at byte 4900, 100 bytes: the rest of the file is zero bytes
                  missing changes (4): 7, 9-11
                  the damage runs to the end of the file: changes after 47 may be lost, how many is unknown
                  rewritten with the intact records; the damaged original is kept as 'journal.damaged-20261205T120000Z'
                The collection's new identity is 0123456789abcdef0123456789abcdef: read replicas start again from the writer's seeds.
                Repaired: 'dossier serve' can start on /srv/data again.

                """)
        let dryRun = RepairCommand.report(DataDirectory.Repair(files: [journal], newIdentity: nil), options: RepairOptions(dataDirectory: "d", isDryRun: true))
        #expect(dryRun.hasSuffix("Dry run: nothing was written. Run without --dry-run to repair.\n"))
        #expect(RepairCommand.report(DataDirectory.Repair(files: [snapshot], newIdentity: nil), options: RepairOptions(dataDirectory: "d")).hasSuffix("\nNothing to repair.\n"))
    }

    @Test func lockedDirectoryErrorSaysToStopTheServer() {
        #expect(RepairCommand.explain(.locked(path: "d")).hasSuffix(" Stop the server before repairing its data directory."))
    }

    @Test func timestampIsUTCToTheSecond() {
        #expect(RepairCommand.timestamp(Date(timeIntervalSince1970: 1_796_644_800)) == "20261207T120000Z")
    }

    @Test func startupFailureForADamagedJournalNamesTheRepair() {
        let corrupt = StoreError.corrupt(file: "/srv/data/journal", offset: 120, reason: "the record's CRC-32C does not match and 90 bytes follow it")
        let message = ServeCommand.describeStartupFailure(corrupt, dataDirectory: "/srv/data")
        #expect(message.hasPrefix("\(corrupt) To salvage the intact records, run 'dossier repair --data-dir /srv/data' "))
        let identity = StoreError.corrupt(file: "/srv/data/ID", offset: 0, reason: "the collection identity is not 32 hexadecimal digits")
        #expect(ServeCommand.describeStartupFailure(identity, dataDirectory: "/srv/data") == identity.description)
    }
}
