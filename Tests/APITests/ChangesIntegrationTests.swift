import API
import Corpus
import DocumentModel
import Foundation
import HTTPServer
import Store
import Testing
import TestSupport

/// `GET /v1/changes` and `GET /v1/events` over loopback: the same changes, polled or pushed,
/// in order, resumable, and refused clearly when too old or ahead.
@Suite(.timeLimit(.minutes(1)))
struct ChangesIntegrationTests {
    /// Makes two documents and deletes the first: changes 1, 2 and 3.
    static func makeThreeChanges(_ client: TestClient) throws {
        #expect(try client.post("/v1/documents", WritableServer.article("First story")).statusCode == 201)
        #expect(try client.post("/v1/documents", WritableServer.article("Second story")).statusCode == 201)
        #expect(try client.delete("/v1/documents/doc-1").statusCode == 204)
    }

    @Test func listsChangesInOrderAndPages() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        try Self.makeThreeChanges(client)

        let all = try client.get("/v1/changes").jsonObject()
        let data = try #require(all["data"] as? [[String: Any]])
        #expect(data.map { $0["change"] as? Int } == [1, 2, 3])
        #expect(data.map { $0["type"] as? String } == ["document.created", "document.created", "document.deleted"])
        #expect(data.map { $0["id"] as? String } == ["doc-1", "doc-2", "doc-1"])
        #expect(data[2]["title"] as? String == "First story")
        #expect(data[0]["url"] as? String == "/v1/documents/doc-1")
        #expect((data[0]["at"] as? String)?.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
        let meta = try #require(all["meta"] as? [String: Any])
        #expect(meta["last_change"] as? Int == 3)
        #expect(meta["next_since"] as? Int == 3)

        let page = try client.get("/v1/changes?since=1&limit=1").jsonObject()
        #expect((page["data"] as? [[String: Any]])?.map { $0["change"] as? Int } == [2])
        #expect((page["links"] as? [String: Any])?["next"] as? String == "/v1/changes?since=2&limit=1")
        let last = try client.get("/v1/changes?since=2&limit=1").jsonObject()
        #expect((last["links"] as? [String: Any])?["next"] is NSNull)
        #expect((try client.get("/v1/changes?since=3").jsonObject()["data"] as? [Any])?.isEmpty == true)
    }

    /// `fields` cuts each change, never the envelope.
    @Test func fieldsCutsEachChangeNotTheEnvelope() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        try Self.makeThreeChanges(client)

        let page = try client.get("/v1/changes?fields=change,id&limit=2").jsonObject()

        #expect((page["data"] as? [[String: Any]])?.map { Set($0.keys) } == [["change", "id"], ["change", "id"]])
        #expect((page["meta"] as? [String: Any])?["last_change"] as? Int == 3)
        #expect((page["links"] as? [String: Any])?["next"] as? String == "/v1/changes?fields=change%2Cid&since=2&limit=2")
    }

    @Test func refusesSinceTooOldOrAhead() throws {
        var configuration = DocumentStore.Configuration()
        configuration.historyCapacity = 2
        let harness = try WritableServer(configuration: configuration)
        let client = try harness.client()
        try Self.makeThreeChanges(client)

        let gone = try client.get("/v1/changes?since=0")
        #expect(gone.statusCode == 410)
        let problem = try gone.jsonObject()
        #expect(problem["oldest_change"] as? Int == 2)
        #expect(problem["last_change"] as? Int == 3)
        #expect(try client.get("/v1/changes?since=1").statusCode == 200)

        let ahead = try client.get("/v1/changes?since=4")
        #expect(ahead.statusCode == 400)
        #expect(try ahead.jsonObject()["parameter"] as? String == "since")
    }

    @Test func twoStreamsReceiveTheSameEventsInOrder() throws {
        let harness = try WritableServer()
        let streams = try (0..<2).map { _ in try EventStreamClient(port: harness.server.port, headers: []) }

        try Self.makeThreeChanges(try harness.client())

        for stream in streams {
            let events = try stream.events(count: 3)
            #expect(events.map(\.id) == ["1", "2", "3"])
            #expect(events.map(\.type) == ["document.created", "document.created", "document.deleted"])
            let data = try JSONSerialization.jsonObject(with: Data(events[0].data.utf8)) as? [String: Any]
            #expect(data?["id"] as? String == "doc-1")
            #expect(data?["title"] as? String == "First story")
        }
    }

    @Test func resumesAfterLastEventID() throws {
        let harness = try WritableServer()
        try Self.makeThreeChanges(try harness.client())

        let resumed = try EventStreamClient(port: harness.server.port, headers: [("Last-Event-ID", "1")])
        #expect(try resumed.events(count: 2).map(\.id) == ["2", "3"])
        let bySince = try EventStreamClient(port: harness.server.port, target: "/v1/events?since=2", headers: [])
        #expect(try bySince.events(count: 1).map(\.id) == ["3"])

        #expect(try harness.client().post("/v1/documents", WritableServer.article("Fourth story")).statusCode == 201)
        #expect(try resumed.events(count: 1).map(\.id) == ["4"])
    }

    /// A backlog larger than the stream buffer limit (lowered here to 64 KiB; 1 MiB by
    /// default), which used to cut the stream at once, arrives in pages to a reader with a
    /// small receive buffer: every change once, in order, then a new write live.
    @Test func aResumeLargerThanTheStreamBufferLimitArrivesWholeThenLive() throws {
        var serverConfiguration = ServerConfiguration.testing
        serverConfiguration.streamBufferLimit = 64 * 1024
        let harness = try WritableServer(serverConfiguration: serverConfiguration)
        let client = try harness.client()
        let title = String(repeating: "Ferry terminal reopens ", count: 30)
        for number in 1...120 {
            let created = try client.postJSON("/v1/documents", ["text": WritableServer.article("Story \(number)"), "title": title])
            try #require(created.statusCode == 201)
        }

        let resumed = try EventStreamClient(port: harness.server.port, headers: [("Last-Event-ID", "0")], receiveBufferSize: 4096)
        let backlog = try resumed.events(count: 120)
        #expect(backlog.map(\.id) == (1...120).map(String.init))
        #expect(backlog.reduce(0) { $0 + $1.data.utf8.count } > serverConfiguration.streamBufferLimit)

        #expect(try client.post("/v1/documents", WritableServer.article("Live story")).statusCode == 201)
        #expect(try resumed.events(count: 1).map(\.id) == ["121"])
    }

    /// A resume from before the kept history gets one `reset` event, as of the latest
    /// change, telling it to read the collection again; then live events.
    @Test func aResumeOlderThanTheHistoryGetsAResetEventThenLive() throws {
        var configuration = DocumentStore.Configuration()
        configuration.historyCapacity = 2
        let harness = try WritableServer(configuration: configuration)
        let client = try harness.client()
        try Self.makeThreeChanges(client)

        let resumed = try EventStreamClient(port: harness.server.port, headers: [("Last-Event-ID", "0")])
        let reset = try resumed.events(count: 1)[0]
        #expect(reset.id == "3")
        #expect(reset.type == "reset")
        let data = try JSONSerialization.jsonObject(with: Data(reset.data.utf8)) as? [String: Any]
        #expect(data?["reason"] as? String == "history_expired")
        #expect(data?["oldest_change"] as? Int == 2)
        #expect(data?["last_change"] as? Int == 3)
        #expect(data?["reload"] as? String == "/v1/documents")

        #expect(try client.post("/v1/documents", WritableServer.article("Fourth story")).statusCode == 201)
        #expect(try resumed.events(count: 1).map(\.id) == ["4"])
    }

    @Test func refusesLastEventIDMalformedOrAhead() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        try Self.makeThreeChanges(client)

        let malformed = try client.get("/v1/events", headers: [("Last-Event-ID", "abc")])
        #expect(malformed.statusCode == 400)
        #expect(try malformed.jsonObject()["header"] as? String == "Last-Event-ID")
        let ahead = try client.get("/v1/events", headers: [("Last-Event-ID", "4")])
        #expect(ahead.statusCode == 400)
        #expect(try ahead.jsonObject()["header"] as? String == "Last-Event-ID")
    }

    @Test func sendsHeartbeatsWhileQuiet() throws {
        let harness = try WritableServer(options: APIOptions(heartbeatInterval: .milliseconds(50)))
        let stream = try EventStreamClient(port: harness.server.port, headers: [])

        #expect(try stream.nextBlock() == ": heartbeat")
        #expect(try stream.nextBlock() == ": heartbeat")
    }

    @Test func headAnswersWithTheStreamHeadOnly() throws {
        let harness = try WritableServer()
        let response = try harness.client().head("/v1/events")

        #expect(response.statusCode == 200)
        #expect(response["Content-Type"] == "text/event-stream; charset=utf-8")
    }
}

/// A Server-Sent Events client over a raw connection: reads the stream head, then one event
/// block at a time.
final class EventStreamClient {
    /// One event.
    struct Event {
        let id: String
        let type: String
        let data: String
    }

    private let client: TestClient
    private var pending = ""

    /// Opens `target` and checks the stream head and its `retry` preamble.
    ///
    /// - Parameter receiveBufferSize: a small `SO_RCVBUF` makes a slow reader; `nil` for the
    ///   system's default.
    init(port: Int, target: String = "/v1/events", headers: [(String, String)], receiveBufferSize: Int? = nil) throws {
        self.client = try TestClient(port: port, receiveBufferSize: receiveBufferSize, readChunkSize: receiveBufferSize ?? 64 * 1024)
        try self.client.send(RawRequest.get(target, headers: headers))
        let head = try self.client.readResponseHead()
        try #require(head.statusCode == 200, "\(head)")
        #expect(head["Content-Type"] == "text/event-stream; charset=utf-8")
        #expect(head["Transfer-Encoding"] == "chunked")
        #expect(try self.nextBlock() == "retry: 3000")
    }

    /// The next block of lines up to a blank line.
    func nextBlock() throws -> String {
        while true {
            if let end = self.pending.range(of: "\n\n") {
                let block = String(self.pending[..<end.lowerBound])
                self.pending = String(self.pending[end.upperBound...])
                return block
            }
            guard let chunk = try self.client.readChunk() else { throw TestClientError.closedByPeer(receivedBytes: 0) }
            self.pending += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// The next `count` events, skipping comments.
    func events(count: Int) throws -> [Event] {
        var events: [Event] = []
        while events.count < count {
            let block = try self.nextBlock()
            guard !block.hasPrefix(":") else { continue }
            var fields: [String: String] = [:]
            for line in block.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                fields[String(parts[0])] = parts.count > 1 ? String(parts[1].dropFirst()) : ""
            }
            events.append(Event(id: fields["id"] ?? "", type: fields["event"] ?? "", data: fields["data"] ?? ""))
        }
        return events
    }
}
