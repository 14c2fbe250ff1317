import Foundation
import Testing
import TestSupport

/// `dossier repair` as a real process on a data directory a real server wrote: a byte flipped
/// mid-journal stops start-up with an error naming the command; the repair (a dry run first)
/// drops only the damaged record and keeps the original aside; the server then starts and
/// serves every other write; and a repair refuses a directory a server holds.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct RepairProcessTests {
    @Test func flippedByteMidJournalIsRepairedAndEveryOtherWriteServed() throws {
        let directory = try ScratchDirectory()
        let server = try CrashRecoveryTests.start(in: directory)
        let session = try server.session()
        let seeds = try session.listing()
        var history = WriteHistory()
        var random = SplitMix64(seed: 15)
        for index in 0..<6 {
            try history.perform(.create(ArticleFixture(tag: "repair-\(index)", encoding: .json, random: &random)), on: session)
        }
        session.close()
        CrashRecoveryTests.stop(server, .terminate)

        let journal = try JournalFile(path: directory.path + "/journal")
        try #require(journal.records.count == 6)
        let damagedRecord = journal.records[2]
        var damaged = journal.bytes
        damaged[(damagedRecord.payloadOffset + damagedRecord.end) / 2] ^= 0x5A
        try journal.overwrite(with: damaged)

        let refused = try DossierProcess(CrashRecoveryTests.serveArguments, dataDirectory: directory.path)
        #expect(refused.exitStatus() == 1)
        #expect(refused.standardError.contains("is corrupt at byte \(damagedRecord.offset)"), "\(refused.standardError)")
        #expect(refused.standardError.contains("run 'dossier repair --data-dir \(directory.path)'"), "\(refused.standardError)")

        let dryRun = try Self.repair(directory, "--dry-run")
        #expect(dryRun.exitStatus() == 1, "\(dryRun.standardError)")
        #expect(dryRun.standardOutput.contains("Dry run: nothing was written."), "\(dryRun.standardOutput)")
        #expect(try JournalFile(path: journal.path).bytes == damaged)

        let repair = try Self.repair(directory)
        #expect(repair.exitStatus() == 1, "\(repair.standardError)")
        let output = repair.standardOutput
        #expect(output.contains("journal: damaged: 5 records kept; \(damagedRecord.end - damagedRecord.offset) of \(damaged.count) bytes dropped in 1 range:"), "\(output)")
        #expect(output.contains("  at byte \(damagedRecord.offset), "), "\(output)")
        #expect(output.contains("  missing changes (1): 3\n"), "\(output)")
        #expect(output.contains("The collection's new identity is "), "\(output)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let copy = try #require(names.first { $0.hasPrefix("journal.damaged-") }, "\(names)")
        #expect(FileManager.default.contents(atPath: directory.path + "/" + copy) == Data(damaged))

        var survivors = WriteHistory()
        for (index, write) in history.acknowledged.enumerated() where index != 2 {
            survivors.record(write.write, answeredWith: write.response)
        }
        let restarted = try CrashRecoveryTests.start(in: directory)
        let restartedSession = try restarted.session()
        try survivors.expectation(seeds: seeds).verifyDocuments(on: restartedSession)
        restartedSession.close()

        let locked = try Self.repair(directory)
        #expect(locked.exitStatus() == 2)
        #expect(locked.standardError.contains("is in use by another process"), "\(locked.standardError)")
        #expect(locked.standardError.contains("Stop the server before repairing"), "\(locked.standardError)")
        CrashRecoveryTests.stop(restarted, .terminate)

        let again = try Self.repair(directory)
        #expect(again.exitStatus() == 0, "\(again.standardError)")
        #expect(again.standardOutput.hasSuffix("Nothing to repair.\n"), "\(again.standardOutput)")
    }

    @Test func missingDirectoryIsAnErrorAndNotCreated() throws {
        let directory = try ScratchDirectory()
        let missing = directory.path + "/absent"
        let repair = try DossierProcess(["repair", "--data-dir", missing], dataDirectory: missing)
        #expect(repair.exitStatus() == 2)
        #expect(repair.standardError.hasPrefix("Error: open of '\(missing)' failed: No such file or directory"), "\(repair.standardError)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// Runs `dossier repair` on `directory`.
    static func repair(_ directory: ScratchDirectory, _ arguments: String...) throws -> DossierProcess {
        try DossierProcess(["repair", "--data-dir", directory.path] + arguments, dataDirectory: directory.path)
    }
}
