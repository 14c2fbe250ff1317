@testable import dossier
import Foundation
import Testing
import TestSupport

/// What `dossier serve` logs, read from the real process: JSON lines with `--log-format json`,
/// one start-up line per fact, and level filtering.
@Suite(.serialized)
struct ServeLogTests {
    /// A seeds folder with the repository's seeds and one file that cannot become a document.
    private static func seedsWithBlankFile() throws -> ScratchDirectory {
        let seeds = try ScratchDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: DossierProcess.seedsPath) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(atPath: "\(DossierProcess.seedsPath)/\(name)", toPath: "\(seeds.path)/\(name)")
        }
        try Data("\n\n".utf8).write(to: URL(fileURLWithPath: "\(seeds.path)/blank.txt"))
        return seeds
    }

    /// Every non-empty line of `text`, each parsed as a JSON object.
    private static func jsonObjects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
    }

    /// The message line whose text starts with `prefix`.
    private static func message(startingWith prefix: String, in lines: [[String: Any]]) throws -> [String: Any] {
        try #require(lines.first { ($0["message"] as? String)?.hasPrefix(prefix) == true }, "no '\(prefix)…' line")
    }

    /// Serves, answers one request, drains, and returns the stdout and stderr lines as JSON objects.
    private static func runJSONServer(seeds: String, requestID: String) throws -> (access: [[String: Any]], messages: [[String: Any]], port: Int) {
        let server = try DossierProcess(["serve", "--port", "0", "--seeds", seeds], environment: ["DOSSIER_LOG_FORMAT": "json"])
        let port = try #require(server.listeningPort(), "stderr: \(server.standardError)")
        let client = try TestClient(port: port)
        try client.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: \(requestID)\r\n\r\n")
        #expect(try client.readResponse().statusCode == 200)
        client.close()
        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)
        return (try Self.jsonObjects(server.standardOutput), try Self.jsonObjects(server.standardError), port)
    }

    /// `2026-11-22T20:33:27.412Z`: RFC 3339, UTC, milliseconds.
    private static func isLogTime(_ value: Any?) -> Bool {
        guard let text = value as? String else { return false }
        return text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil
    }

    @Test func jsonAccessEntryCarriesTheRequestsFields() throws {
        let seeds = try Self.seedsWithBlankFile()
        let (access, _, _) = try Self.runJSONServer(seeds: seeds.path, requestID: "probe-1")
        let entry = try #require(access.first)
        #expect(access.count == 1)
        #expect(Self.isLogTime(entry["time"]))
        #expect(entry["level"] as? String == "info")
        #expect(entry["method"] as? String == "GET")
        #expect(entry["path"] as? String == "/healthz")
        #expect(entry["status"] as? Int == 200)
        #expect((entry["bytes"] as? Int ?? 0) > 0)
        #expect((entry["duration_ms"] as? Double ?? -1) >= 0)
        #expect(entry["request_id"] as? String == "probe-1")
        #expect(entry["remote_address"] as? String == "127.0.0.1")
    }

    @Test func jsonStartUpLinesSayWhatWasLoaded() throws {
        let seeds = try Self.seedsWithBlankFile()
        let (_, messages, port) = try Self.runJSONServer(seeds: seeds.path, requestID: "probe-2")
        for line in messages {
            #expect(Self.isLogTime(line["time"]), "\(line)")
            #expect(line["level"] is String && line["message"] is String, "\(line)")
        }
        let skipped = try Self.message(startingWith: "skipped seed blank.txt", in: messages)
        #expect(skipped["level"] as? String == "warning")
        #expect(skipped["file"] as? String == "blank.txt")
        #expect(skipped["reason"] as? String == "The text has no body paragraphs.")
        let loaded = try Self.message(startingWith: "loaded 2 documents", in: messages)
        #expect(loaded["level"] as? String == "info")
        #expect(loaded["documents"] as? Int == 2)
        #expect(loaded["skipped"] as? Int == 1)
        #expect(loaded["seeds"] as? String == seeds.path)
        let replayed = try Self.message(startingWith: "data directory", in: messages)
        #expect(replayed["journal_records"] as? Int == 0)
        let serving = try Self.message(startingWith: "serving 2 documents", in: messages)
        #expect(serving["read_only"] as? Bool == false)
        let listening = try Self.message(startingWith: "listening on", in: messages)
        #expect(listening["port"] as? Int == port)
        #expect((listening["workers"] as? Int ?? 0) >= 1)
        // The port is bound before the seeds load; "listening" is said once they are served.
        let bound = try Self.message(startingWith: "bound to", in: messages)
        #expect(bound["port"] as? Int == port)
        let order = ["bound to", "loaded 2 documents", "serving 2 documents", "listening on"].map { prefix in
            messages.firstIndex { ($0["message"] as? String)?.hasPrefix(prefix) == true } ?? -1
        }
        #expect(order == order.sorted() && !order.contains(-1), "\(messages)")
        #expect(messages.last?["message"] as? String == "drained; exiting")
    }

    /// The text format says the same, one line per fact, with the level after the time.
    @Test func textStartUpLinesNameTheSkippedFile() throws {
        let seeds = try Self.seedsWithBlankFile()
        let server = try DossierProcess(["serve", "--port", "0", "--seeds", seeds.path, "--read-only", "--compact-after", "8192"])
        _ = try #require(server.listeningPort(), "stderr: \(server.standardError)")
        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)
        let lines = server.standardError.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("Z warning: skipped seed blank.txt: The text has no body paragraphs.") })
        #expect(lines.contains { $0.hasSuffix("Z info: loaded 2 documents from \(seeds.path) (0 from the seed cache)") })
        #expect(lines.contains { $0.hasSuffix("Z info: read-only: serving 2 documents; POST and DELETE answer 405") })
        #expect(lines.contains { $0.hasSuffix("Z warning: --compact-after is ignored: read-only serves without a data directory") })
        #expect(!lines.contains { $0.contains("DOSSIER_DATA_DIR is ignored") }, "a variable, as an image sets, does not warn")
    }

    /// A second start on the same data directory reads the seeds from its seed cache; a seed
    /// file changed in between is ingested again.
    @Test func restartReadsUnchangedSeedsFromTheCache() throws {
        let seeds = try Self.seedsWithBlankFile()
        let data = try ScratchDirectory()
        func start() throws -> String {
            let server = try DossierProcess(["serve", "--port", "0", "--seeds", seeds.path, "--data-dir", data.path])
            _ = try #require(server.listeningPort(), "stderr: \(server.standardError)")
            server.signal(SIGTERM)
            #expect(server.exitStatus() == 0)
            return server.standardError
        }
        #expect(try start().contains("info: loaded 2 documents from \(seeds.path) (0 from the seed cache)"))
        #expect(try start().contains("info: loaded 2 documents from \(seeds.path) (2 from the seed cache)"))
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().first)
        try Data("Pier reopens\n\nOSLO — The pier reopened on Friday, the harbour authority said.".utf8)
            .write(to: URL(fileURLWithPath: "\(seeds.path)/\(first)"))
        #expect(try start().contains("info: loaded 2 documents from \(seeds.path) (1 from the seed cache)"))
    }

    /// `--log-level warning` keeps warnings and drops the start-up facts; debug adds the settings.
    @Test func logLevelFiltersMessages() throws {
        let seeds = try Self.seedsWithBlankFile()
        let quiet = try DossierProcess(["serve", "--port", "0", "--seeds", seeds.path, "--log-level", "warning"])
        // Nothing at info, so no "listening on" line: wait for the warning, logged once signals are blocked.
        #expect(eventually(within: .seconds(10)) { quiet.standardError.contains("skipped seed") })
        quiet.signal(SIGTERM)
        #expect(quiet.exitStatus() == 0)
        #expect(quiet.standardError.contains("warning: skipped seed blank.txt"))
        #expect(!quiet.standardError.contains("info:"))

        let verbose = try DossierProcess(
            ["serve", "--port", "0", "--seeds", seeds.path], environment: ["DOSSIER_LOG_LEVEL": "debug", "DOSSIER_PORT": "1"])
        _ = try #require(verbose.listeningPort(), "stderr: \(verbose.standardError)")
        verbose.signal(SIGTERM)
        #expect(verbose.exitStatus() == 0)
        #expect(verbose.standardError.contains("debug: setting port = 0 (flag --port)"))
        #expect(verbose.standardError.contains("debug: setting log-level = debug (env DOSSIER_LOG_LEVEL)"))
    }

    /// `--print-config` prints the settings and exits 0 without serving.
    @Test func printConfigExitsZeroWithoutServing() throws {
        let process = try DossierProcess(
            ["serve", "--print-config", "--port", "9", "--seeds", "/nonexistent/seeds"], environment: ["DOSSIER_PORT": "7"])
        #expect(process.exitStatus() == 0)
        // The data directory is a long temporary path, so the column of comments is not pinned here.
        let lines = process.standardOutput.split(separator: "\n")
        #expect(lines.count == ServeOption.all.count)
        #expect(lines.first?.hasPrefix("host = 127.0.0.1 ") == true && lines.first?.hasSuffix(" # default") == true)
        #expect(lines.contains { $0.hasPrefix("port = 9 ") && $0.hasSuffix(" # flag --port") })
        #expect(process.standardError.isEmpty)
    }
}
