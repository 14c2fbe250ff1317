import Foundation
import Testing
import TestSupport

/// Two real processes: a writer and a read replica started with `--follow`. What is written to
/// the writer is served by the replica, with the writer's change numbers; the replica refuses
/// writes and drains like any server.
@Suite(.serialized)
struct FollowerProcessTests {
    /// A plain-text article of the kind the writer takes.
    static func article(_ headline: String) -> String {
        "\(headline)\n\nBERGEN — The city council voted on Tuesday to extend the tram line to the airport.\n\n\"It will be open by spring,\" said Astrid Lie, the transport councillor."
    }

    static func post(_ article: String, to session: DossierSession) throws -> String {
        let response = try session.send(RawRequest.make("POST", "/v1/documents", headers: [("Content-Type", "text/plain")], body: article))
        try #require(response.statusCode == 201, "\(response.statusCode) \(response.bodyText)")
        return try #require(try response.jsonObject()["id"] as? String)
    }

    @Test func aDocumentPostedToTheWriterIsServedByTheFollowerWithinASecond() throws {
        let writer = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath])
        let writerPort = try #require(writer.listeningPort(), "stderr: \(writer.standardError)")
        let writerSession = try DossierSession(port: writerPort)
        let before = try Self.post(Self.article("Tram line extended"), to: writerSession)

        let follower = try DossierProcess([
            "serve", "--port", "0", "--follow", "http://127.0.0.1:\(writerPort)",
        ])
        let followerPort = try #require(follower.listeningPort(), "stderr: \(follower.standardError)")
        let followerSession = try DossierSession(port: followerPort)
        #expect(eventually { (try? followerSession.get("/readyz").statusCode) == 200 }, "stderr: \(follower.standardError)")
        #expect(try followerSession.get("/v1/documents/\(before)").statusCode == 200, "caught up with what was written before")

        let posted = Date()
        let after = try Self.post(Self.article("Airport tram opens early"), to: writerSession)
        #expect(eventually(within: .seconds(1)) { (try? followerSession.get("/v1/documents/\(after)").statusCode) == 200 })
        let lag = Date().timeIntervalSince(posted)
        #expect(lag < 1, "served \(Int(lag * 1000)) ms after the POST")

        let deletion = try writerSession.send(RawRequest.make("DELETE", "/v1/documents/\(before)"))
        #expect(deletion.statusCode == 204)
        #expect(eventually { (try? followerSession.get("/v1/documents/\(before)").statusCode) == 404 })
        #expect(try followerSession.listing() == (try writerSession.listing()))
        // A new follower's history starts at its catch-up, which came after the first write.
        #expect(try followerSession.changes(since: 1) == (try writerSession.changes(since: 1)))
        #expect(try followerSession.get("/metrics").bodyText.contains("\ndossier_last_change 3\n"), "the writer's change reached")

        let refused = try followerSession.send(RawRequest.make("POST", "/v1/documents", headers: [("Content-Type", "text/plain")], body: Self.article("Not here")))
        #expect(refused.statusCode == 405)
        #expect((try refused.jsonObject()["detail"] as? String)?.hasSuffix("This server is a read replica: send writes to http://127.0.0.1:\(writerPort)/.") == true)

        follower.signal(SIGTERM)
        #expect(follower.exitStatus() == 0)
        writer.signal(SIGTERM)
        #expect(writer.exitStatus() == 0)
    }

    /// A writer whose data directory is started afresh on the same address, and has gone past
    /// the follower's change number meanwhile: the follower must not take its later changes
    /// as the continuation of the old collection (same numbers, same generated ids, other
    /// documents), but start again from the new one.
    @Test func aFollowerStartsAgainWhenItsWriterIsAnotherCollection() throws {
        // The new collection, prepared aside: three documents, doc-1 to doc-3.
        let fresh = try ScratchDirectory()
        do {
            let preparing = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath], dataDirectory: fresh.path)
            let session = try DossierSession(port: try #require(preparing.listeningPort()))
            for headline in ["New one", "New two", "New three"] { _ = try Self.post(Self.article(headline), to: session) }
            preparing.signal(SIGTERM)
            #expect(preparing.exitStatus() == 0)
        }
        let old = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath])
        let port = try #require(old.listeningPort())
        let oldSession = try DossierSession(port: port)
        for headline in ["Old one", "Old two"] { _ = try Self.post(Self.article(headline), to: oldSession) }
        let follower = try DossierProcess([
            "serve", "--port", "0", "--follow", "http://127.0.0.1:\(port)",
        ])
        let followerSession = try DossierSession(port: try #require(follower.listeningPort()))
        #expect(eventually { (try? followerSession.get("/v1/documents/doc-2").statusCode) == 200 })
        oldSession.close()
        old.signal(SIGTERM)
        #expect(old.exitStatus() == 0)

        let new = try DossierProcess(["serve", "--port", "\(port)", "--seeds", DossierProcess.seedsPath], dataDirectory: fresh.path)
        _ = try #require(new.listeningPort(), "stderr: \(new.standardError)")
        let newSession = try DossierSession(port: port)
        #expect(eventually(within: .seconds(10)) { (try? followerSession.get("/v1/documents/doc-3").statusCode) == 200 })
        #expect(try followerSession.listing() == (try newSession.listing()))
        #expect(try followerSession.listing()["doc-1"] == "New one")

        follower.signal(SIGTERM)
        #expect(follower.exitStatus() == 0)
        new.signal(SIGTERM)
        #expect(new.exitStatus() == 0)
    }

    @Test func aFollowerStaysUnreadyUntilItsWriterAnswers() throws {
        let follower = try DossierProcess(["serve", "--port", "0", "--follow", "http://127.0.0.1:9"])
        let port = try #require(follower.listeningPort(), "stderr: \(follower.standardError)")
        let session = try DossierSession(port: port)

        #expect(eventually { follower.standardError.contains("reconnecting") }, "stderr: \(follower.standardError)")
        #expect(try session.get("/readyz").statusCode == 503)
        #expect(try session.get("/healthz").statusCode == 200)
        follower.signal(SIGTERM)
        #expect(follower.exitStatus() == 0)
    }
}
