import Foundation
import Testing
import TestSupport

/// A real `dossier serve` whose journal cannot grow: the file size limit (`ulimit -f`, with
/// SIGXFSZ ignored) stands in for a full disk, since a write past it fails the way one past
/// the end of the disk does (no space for the bytes). Writes that do not fit are refused with
/// 503 and nothing kept, `/metrics` says writes are failing, and a write that fits goes
/// through without a restart; a restart serves every acknowledged write and no refused one.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct StorageFaultProcessTests {
    /// The journal's room: 64 KiB (bash's `ulimit -f` counts 1,024-byte blocks).
    static let setup = "trap '' XFSZ; ulimit -f 64"

    /// A plain-text article of about `bytes` bytes.
    static func article(_ headline: String, bytes: Int) -> String {
        let sentence = "The harbour authority said on Monday that the pier would stay closed for repairs. "
        return "\(headline)\n\nOSLO — " + String(repeating: sentence, count: max(1, bytes / sentence.utf8.count))
    }

    static func post(_ text: String, to session: DossierSession) throws -> TestResponse {
        try session.send(RawRequest.make("POST", "/v1/documents", headers: [("Content-Type", "text/plain")], body: text))
    }

    static func writesFailing(_ session: DossierSession) throws -> Bool? {
        let metrics = try session.get("/metrics").bodyText
        if metrics.contains("\ndossier_writes_failing 1\n") { return true }
        if metrics.contains("\ndossier_writes_failing 0\n") { return false }
        return nil
    }

    @Test func aFullJournalRefusesWhatDoesNotFitAndTakesWritesAgainWithoutARestart() throws {
        let data = try ScratchDirectory()
        var acknowledged: [String] = []
        do {
            let server = try DossierProcess(
                ["serve", "--port", "0", "--seeds", DossierProcess.seedsPath, "--no-access-log"], dataDirectory: data.path,
                shellSetup: Self.setup)
            let session = try DossierSession(port: try #require(server.listeningPort(), "stderr: \(server.standardError)"))
            #expect(try Self.writesFailing(session) == false)

            // 6 KiB articles until one does not fit.
            var refused: TestResponse?
            for number in 1...20 {
                let response = try Self.post(Self.article("Pier story \(number)", bytes: 6_000), to: session)
                if response.statusCode == 201 {
                    acknowledged.append(try #require(try response.jsonObject()["id"] as? String))
                } else {
                    refused = response
                    break
                }
            }
            let problem = try #require(refused, "every write fitted in 64 KiB")
            #expect(problem.statusCode == 503)
            let detail = try #require(try problem.jsonObject()["detail"] as? String)
            #expect(detail.contains("nothing was stored"))
            #expect(!detail.contains(data.path), "a client is not told the server's paths")
            #expect(try Self.writesFailing(session) == true)
            #expect(try session.get("/v1/documents/\(acknowledged[0])").statusCode == 200, "reads go on")

            // A short article still fits: the torn tail is cut off and the write goes through.
            let small = try Self.post(Self.article("Pier reopens", bytes: 100), to: session)
            try #require(small.statusCode == 201, "\(small.statusCode) \(small.bodyText)")
            acknowledged.append(try #require(try small.jsonObject()["id"] as? String))
            #expect(try Self.writesFailing(session) == false)
            server.signal(SIGTERM)
            #expect(server.exitStatus() == 0)
        }
        let restarted = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath], dataDirectory: data.path)
        let session = try DossierSession(port: try #require(restarted.listeningPort(), "stderr: \(restarted.standardError)"))
        let listed = try session.listing()
        for id in acknowledged { #expect(listed[id] != nil, "\(id) was acknowledged") }
        #expect(listed.count == acknowledged.count + 2, "the seeds and the acknowledged writes, nothing refused")
        restarted.signal(SIGTERM)
        #expect(restarted.exitStatus() == 0)
    }

    /// The journal removed under a running server (an operator's `rm`): the next write is not
    /// acknowledged into the unlinked file, but into a new snapshot and journal that the next
    /// start reads.
    @Test func aJournalRemovedWhileServingLosesNoAcknowledgedWrite() throws {
        let data = try ScratchDirectory()
        var acknowledged: [String] = []
        do {
            let server = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath], dataDirectory: data.path)
            let session = try DossierSession(port: try #require(server.listeningPort(), "stderr: \(server.standardError)"))
            for headline in ["Before the removal", "After the removal"] {
                let response = try Self.post(Self.article(headline, bytes: 500), to: session)
                try #require(response.statusCode == 201, "\(response.statusCode) \(response.bodyText)")
                acknowledged.append(try #require(try response.jsonObject()["id"] as? String))
                if acknowledged.count == 1 { try FileManager.default.removeItem(atPath: data.path + "/journal") }
            }
            server.signal(SIGTERM)
            #expect(server.exitStatus() == 0)
            #expect(server.standardError.contains("was removed or replaced while serving"))
        }
        let restarted = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath], dataDirectory: data.path)
        let session = try DossierSession(port: try #require(restarted.listeningPort(), "stderr: \(restarted.standardError)"))
        let listed = try session.listing()
        #expect(acknowledged.allSatisfy { listed[$0] != nil }, "\(acknowledged) in \(listed.keys.sorted())")
        restarted.signal(SIGTERM)
        #expect(restarted.exitStatus() == 0)
    }
}
