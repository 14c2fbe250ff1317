import Dispatch
import Foundation
import Testing
import TestSupport

/// `dossier serve` stopped hard and restarted on the same data directory, as a real process:
/// acknowledged writes survive `kill -9`, a torn journal tail is cut off, damage before the
/// tail stops start-up, the `LOCK` keeps a second server out, and compaction keeps the state.
///
/// Each check compares what the restarted server serves with what its clients were told
/// (`WriteHistory`, `RecoveryExpectation`), over every page of the listing.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct CrashRecoveryTests {
    /// How a server is stopped.
    enum Stop: Sendable {
        /// SIGTERM: drain, exit 0.
        case terminate
        /// SIGKILL: no chance to do anything.
        case kill

        /// The other way.
        var other: Stop { self == .kill ? .terminate : .kill }
    }

    /// Where `tornJournalTailIsCutOff` cuts the journal, within one of its last four records.
    struct JournalCut: Sendable, CustomTestStringConvertible {
        enum Place: Sendable {
            /// Inside the record's length and CRC.
            case insideFrame
            /// After the frame, short of the payload's end.
            case insidePayload
            /// At the record's first byte: whole records only.
            case atRecordStart
        }

        let place: Place
        /// How the server that wrote the journal stopped; the next one stops the other way.
        let stop: Stop
        /// Picks the record and the byte.
        let seed: UInt64

        static let cases: [JournalCut] = [
            JournalCut(place: .insideFrame, stop: .kill, seed: 1), JournalCut(place: .insideFrame, stop: .terminate, seed: 2),
            JournalCut(place: .insidePayload, stop: .terminate, seed: 3), JournalCut(place: .insidePayload, stop: .kill, seed: 4),
            JournalCut(place: .atRecordStart, stop: .kill, seed: 5), JournalCut(place: .atRecordStart, stop: .terminate, seed: 6),
        ]

        var testDescription: String { "\(self.place), written then stopped by \(self.stop), seed \(self.seed)" }

        /// The length to cut `journal` to.
        func length(of journal: JournalFile) -> Int {
            var random = SplitMix64(seed: self.seed)
            let record = journal.records.suffix(4).randomElement(using: &random)!
            switch self.place {
            case .insideFrame: return record.offset + Int.random(in: 1..<JournalFile.frameBytes, using: &random)
            case .insidePayload: return Int.random(in: (record.payloadOffset + 1)..<record.end, using: &random)
            case .atRecordStart: return record.offset
            }
        }
    }

    /// How `damageBeforeTheTailStopsStartUp` damages the second of six records.
    enum JournalDamage: Sendable, CaseIterable {
        /// A byte in the middle of the payload flipped: the CRC no longer matches.
        case payloadByte
        /// The length's third byte flipped (64 KiB more): the record seems to run past the end
        /// of the file, though whole records follow it.
        case lengthByte

        /// Damages `bytes`, the journal's, in `record`.
        func apply(to bytes: inout [UInt8], in record: JournalFile.Record) {
            switch self {
            case .payloadByte: bytes[(record.payloadOffset + record.end) / 2] ^= 0x5A
            case .lengthByte: bytes[record.offset + 2] ^= 0x01
            }
        }
    }

    /// A `dossier serve` a test started, and its port.
    struct Server {
        let process: DossierProcess
        let port: Int

        /// A new connection to it.
        func session() throws -> DossierSession { try DossierSession(port: self.port) }
    }

    /// What `writeSequentially` did.
    struct SequentialRun {
        /// The server, still running.
        let server: Server
        /// The seeds it served before the writes, id to title.
        let seeds: [String: String]
        /// Every write, each acknowledged as accepted.
        let history: WriteHistory
    }

    static let concurrentClients = 8

    /// Eight keep-alive clients create and delete documents until, after a seeded number of
    /// acknowledgements, the server gets SIGKILL. The restarted server serves every
    /// acknowledged write, nothing else but whole in-flight ones, and numbers changes on;
    /// also when the journal is compacted every few writes, so the kill may land in a compaction.
    @Test(arguments: [nil, 4096]) func acknowledgedWritesSurviveKill(compactingAfter threshold: Int?) throws {
        let directory = try ScratchDirectory()
        let arguments = threshold.map { ["--compact-after", String($0)] } ?? []
        let server = try Self.start(in: directory, arguments: arguments)
        let seeds = try server.session().listing()
        let seedToDelete = try #require(seeds.keys.min())
        var random = SplitMix64(seed: 0x5EED_C4A5 &+ UInt64(threshold ?? 0))
        let killAfter = 50 + Int(random.next() % 40)
        let ledger = WriteLedger()
        let finished = DispatchGroup()
        for index in 0..<Self.concurrentClients {
            let (port, seed, seedID) = (server.port, random.next(), index == 0 ? seedToDelete : nil)
            finished.enter()
            Thread {
                Self.write(WritePlanner(tagPrefix: "c\(index)", seed: seed, seedToDelete: seedID), to: port, recordingIn: ledger)
                finished.leave()
            }.start()
        }
        let reached = eventually(within: .seconds(30)) { ledger.acknowledgedCount >= killAfter }
        Self.stop(server, .kill)
        ledger.stop()
        try #require(reached, "only \(ledger.acknowledgedCount) writes were acknowledged; stderr: \(server.process.standardError)")
        try #require(finished.wait(timeout: .now() + 20) == .success, "a client did not stop")

        var history = ledger.history
        let rejected = history.acknowledged.filter { !$0.isAccepted }
        #expect(rejected.isEmpty, "\(rejected.map { "\($0.write): \($0.response.statusCode) \($0.response.bodyText)" })")
        let expectation = history.expectation(seeds: seeds)
        let restarted = try Self.start(in: directory, arguments: arguments)
        let session = try restarted.session()
        try expectation.verifyDocuments(on: session)
        // Compaction drops the history it folds away, so only an uncompacted one is listed from the start.
        let lastChange = threshold == nil ? try expectation.verifyChanges(on: session) : try session.lastChange()
        #expect((history.acknowledged.count...(history.acknowledged.count + history.inFlight.count)).contains(lastChange))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/snapshot") == (threshold != nil))
        try Self.verifyNumberingContinues(after: lastChange, on: session, recordingIn: &history)
    }

    /// The journal cut inside one of its last records (or exactly at one): the server starts,
    /// reports a torn record when the cut was inside one, serves the writes whose records are
    /// whole and none after, and appends new writes that survive another restart.
    @Test(arguments: JournalCut.cases) func tornJournalTailIsCutOff(_ cut: JournalCut) throws {
        let directory = try ScratchDirectory()
        let run = try Self.writeSequentially(8, in: directory, seed: cut.seed)
        Self.stop(run.server, cut.stop)
        let journal = try JournalFile(path: directory.path + "/journal")
        try #require(journal.records.map(\.id) == run.history.acknowledged.map(\.documentID))
        let length = cut.length(of: journal)
        try journal.truncate(to: length)
        let kept = journal.records.prefix { $0.end <= length }.count

        let server = try Self.start(in: directory)
        if cut.place == .atRecordStart {
            #expect(!server.process.standardError.contains("torn"), "\(server.process.standardError)")
        } else {
            #expect(server.process.standardError.contains("torn final record at byte \(journal.records[kept].offset)"), "\(server.process.standardError)")
        }
        var survivors = run.history.prefix(kept)
        let session = try server.session()
        try survivors.expectation(seeds: run.seeds).verifyDocuments(on: session)
        let lastChange = try survivors.expectation(seeds: run.seeds).verifyChanges(on: session)
        #expect(lastChange == kept)
        try Self.verifyNumberingContinues(after: lastChange, on: session, recordingIn: &survivors)
        session.close()
        Self.stop(server, cut.stop.other)

        #expect(try JournalFile(path: directory.path + "/journal").records.map(\.id) == survivors.acknowledged.map(\.documentID))
        let restarted = try Self.start(in: directory)
        #expect(!restarted.process.standardError.contains("torn"), "\(restarted.process.standardError)")
        try survivors.expectation(seeds: run.seeds).verifyDocuments(on: restarted.session())
    }

    /// A byte of an early record damaged: start-up stops with exit status 1 and an error naming
    /// the journal and the record's offset, and the journal is left as it was.
    @Test(arguments: JournalDamage.allCases) func damageBeforeTheTailStopsStartUp(_ damage: JournalDamage) throws {
        let directory = try ScratchDirectory()
        let run = try Self.writeSequentially(6, in: directory, seed: 7)
        Self.stop(run.server, .terminate)
        let journal = try JournalFile(path: directory.path + "/journal")
        let record = journal.records[1]
        var damaged = journal.bytes
        damage.apply(to: &damaged, in: record)
        try journal.overwrite(with: damaged)

        let failed = try DossierProcess(Self.serveArguments, dataDirectory: directory.path)
        // Wait for the exit, or for the server to come up, which will not exit by itself.
        _ = eventually(within: .seconds(10)) { failed.exitStatus(within: .zero) != nil || failed.standardError.contains("listening on") }
        #expect(failed.exitStatus(within: .zero) == 1, "\(failed.standardError)")
        #expect(
            eventually { failed.standardError.contains("'\(directory.path)/journal' is corrupt at byte \(record.offset)") },
            "\(failed.standardError)")
        #expect(try JournalFile(path: journal.path).bytes == damaged, "the journal was changed")
    }

    /// A second server on a data directory in use exits 1 naming the `LOCK`; the first goes on
    /// serving and taking writes.
    @Test func secondServerIsLockedOut() throws {
        let directory = try ScratchDirectory()
        let run = try Self.writeSequentially(3, in: directory, seed: 8)

        let second = try DossierProcess(Self.serveArguments, dataDirectory: directory.path)
        #expect(second.exitStatus() == 1)
        #expect(
            eventually { second.standardError.contains("'\(directory.path)' is in use by another process (its LOCK file") },
            "\(second.standardError)")

        var history = run.history
        var random = SplitMix64(seed: 9)
        let session = try run.server.session()
        try history.perform(.create(ArticleFixture(tag: "after-lockout", encoding: .json, random: &random)), on: session)
        try history.expectation(seeds: run.seeds).verifyDocuments(on: session)
    }

    /// With `--compact-after 4096` the journal is folded into the snapshot file again and
    /// again; after SIGKILL the restarted server serves exactly the writes made and numbers
    /// the next change after them.
    @Test func compactedStateSurvivesKill() throws {
        let directory = try ScratchDirectory()
        let compaction = ["--compact-after", "4096"]
        let run = try Self.writeSequentially(40, in: directory, seed: 10, arguments: compaction)
        #expect(
            eventually {
                run.server.process.standardError.components(separatedBy: "compacted the journal").count > 3
                    && FileManager.default.fileExists(atPath: directory.path + "/snapshot")
            }, "\(run.server.process.standardError)")
        Self.stop(run.server, .kill)

        var history = run.history
        let restarted = try Self.start(in: directory, arguments: compaction)
        let session = try restarted.session()
        try history.expectation(seeds: run.seeds).verifyDocuments(on: session)
        try Self.verifyNumberingContinues(after: history.acknowledged.count, on: session, recordingIn: &history)
    }

    // MARK: Helpers

    static let serveArguments = ["serve", "--port", "0", "--seeds", DossierProcess.seedsPath, "--no-access-log"]

    /// Starts a server on `directory` and waits for its port.
    static func start(in directory: ScratchDirectory, arguments: [String] = []) throws -> Server {
        let process = try DossierProcess(self.serveArguments + arguments, dataDirectory: directory.path)
        let port = try #require(process.listeningPort(), "no 'listening on' notice; stderr: \(process.standardError)")
        return Server(process: process, port: port)
    }

    /// Stops `server` and waits for it to exit.
    static func stop(_ server: Server, _ stop: Stop) {
        server.process.signal(stop == .kill ? SIGKILL : SIGTERM)
        #expect(server.process.exitStatus() == (stop == .kill ? SIGKILL : 0), "\(server.process.standardError)")
    }

    /// Starts a server on `directory` and makes `count` writes one after another, each
    /// required to be accepted.
    static func writeSequentially(_ count: Int, in directory: ScratchDirectory, seed: UInt64, arguments: [String] = []) throws -> SequentialRun {
        let server = try self.start(in: directory, arguments: arguments)
        let session = try server.session()
        defer { session.close() }
        let seeds = try session.listing()
        var planner = WritePlanner(tagPrefix: "w", seed: seed, seedToDelete: seeds.keys.min())
        var history = WriteHistory()
        for _ in 0..<count {
            planner.note(try history.perform(planner.next(), on: session))
        }
        return SequentialRun(server: server, seeds: seeds, history: history)
    }

    /// One concurrent client: sends `planner`'s writes on one keep-alive connection until the
    /// ledger says stop or the server dies, leaving its last write in flight.
    static func write(_ planner: WritePlanner, to port: Int, recordingIn ledger: WriteLedger) {
        var planner = planner
        guard let session = try? DossierSession(port: port) else { return }
        // Bounded, should the server never be killed.
        for _ in 0..<500 where !ledger.isStopped {
            let write = planner.next()
            let token = ledger.send(write)
            guard let response = try? session.send(write.request) else { return }
            planner.note(ledger.acknowledge(token, with: response))
        }
    }

    /// POSTs a new document and checks that `/v1/changes` numbers it `lastChange + 1`.
    static func verifyNumberingContinues(after lastChange: Int, on session: DossierSession, recordingIn history: inout WriteHistory) throws {
        var random = SplitMix64(seed: UInt64(lastChange))
        let article = ArticleFixture(tag: "after-restart-\(lastChange)", encoding: .json, random: &random)
        try history.perform(.create(article), on: session)
        let (changes, latest) = try session.changes(since: lastChange)
        #expect(changes.map(\.number) == [lastChange + 1])
        #expect(changes.map(\.id) == [article.id])
        #expect(latest == lastChange + 1)
    }
}
