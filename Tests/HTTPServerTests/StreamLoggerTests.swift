import Foundation
import Glibc
@testable import HTTPServer
import Testing

/// `StreamLogger`'s lines in both formats, read back from temporary files, and its level filter.
struct StreamLoggerTests {
    /// A logger writing access lines to one temporary file and messages to another.
    final class Harness {
        let logger: StreamLogger
        private let accessPath = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString)").path
        private let messagePath = FileManager.default.temporaryDirectory.appendingPathComponent("messages-\(UUID().uuidString)").path
        private let descriptors: (access: Int32, messages: Int32)

        init(format: LogFormat, level: LogLevel = .info, isAccessLogEnabled: Bool = true) {
            self.descriptors = (open(self.accessPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600), open(self.messagePath, O_WRONLY | O_CREAT | O_TRUNC, 0o600))
            var configuration = StreamLogger.Configuration()
            configuration.format = format
            configuration.level = level
            configuration.isAccessLogEnabled = isAccessLogEnabled
            configuration.accessDescriptor = self.descriptors.access
            configuration.messageDescriptor = self.descriptors.messages
            self.logger = StreamLogger(configuration: configuration)
        }

        deinit {
            close(self.descriptors.access)
            close(self.descriptors.messages)
            try? FileManager.default.removeItem(atPath: self.accessPath)
            try? FileManager.default.removeItem(atPath: self.messagePath)
        }

        /// The access lines written so far, after a flush.
        var accessLines: [String] {
            self.logger.flush()
            return Self.lines(self.accessPath)
        }

        /// The message lines written so far.
        var messageLines: [String] { Self.lines(self.messagePath) }

        private static func lines(_ path: String) -> [String] {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    static let entry = AccessLogEntry(
        remoteAddress: "127.0.0.1", method: "GET", target: "/v1/search?q=%22a%22", status: 200, bodyBytes: 5,
        durationMicroseconds: 1234, requestID: "abc-1")

    private static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
    }

    private static func isMillisecondTime(_ value: Any?) -> Bool {
        (value as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil
    }

    @Test func textAccessLineEndsWithRequestIDAndKeyName() throws {
        let harness = Harness(format: .text)
        harness.logger.access(Self.entry)
        var withKey = Self.entry
        withKey.keyName = "desk"
        harness.logger.access(withKey)
        let lines = harness.accessLines
        try #require(lines.count == 2)
        #expect(lines[0].wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ 127\.0\.0\.1 GET \/v1\/search\?q=%22a%22 200 5 1\.234ms abc-1 -/) != nil, "\(lines[0])")
        #expect(lines[1].hasSuffix(" 1.234ms abc-1 desk"), "\(lines[1])")
    }

    @Test func jsonAccessLineHasEveryFieldInOrder() throws {
        let harness = Harness(format: .json)
        harness.logger.access(Self.entry)
        let line = try #require(harness.accessLines.first)
        let suffix = #","level":"info","method":"GET","path":"/v1/search?q=%22a%22","status":200,"bytes":5,"duration_ms":1.234,"request_id":"abc-1","key":null,"remote_address":"127.0.0.1"}"#
        #expect(line.hasPrefix(#"{"time":""#) && line.hasSuffix(suffix), "\(line)")
        #expect(Self.isMillisecondTime(try Self.object(line)["time"]))
    }

    @Test func jsonAccessLineEscapesStringsAndWritesNullForNoRequestID() throws {
        let harness = Harness(format: .json)
        var entry = Self.entry
        entry.method = "-"
        entry.target = "/quote\"back\\slash\u{1}tab\tné"
        entry.requestID = nil
        entry.keyName = "desk"
        entry.durationMicroseconds = 7
        harness.logger.access(entry)
        let line = try #require(harness.accessLines.first)
        #expect(line.contains(#""path":"/quote\"back\\slash\u0001tab\u0009né""#), "\(line)")
        let object = try Self.object(line)
        #expect(object["path"] as? String == entry.target)
        #expect(object["request_id"] is NSNull)
        #expect(object["key"] as? String == "desk")
        #expect(object["duration_ms"] as? Double == 0.007)
    }

    @Test func accessLogIgnoresTheLevel() {
        let harness = Harness(format: .text, level: .error)
        harness.logger.access(Self.entry)
        #expect(harness.accessLines.count == 1)
    }

    @Test func accessLogCanBeTurnedOff() {
        let harness = Harness(format: .json, isAccessLogEnabled: false)
        harness.logger.access(Self.entry)
        #expect(harness.accessLines.isEmpty)
    }

    @Test func jsonMessageCarriesItsFieldsInOrder() throws {
        let harness = Harness(format: .json)
        harness.logger.log(.info, "loaded 2 documents", [.integer("documents", 2), .string("seeds", "./seeds"), .boolean("read_only", false)])
        let line = try #require(harness.messageLines.first)
        #expect(line.hasSuffix(#"Z","level":"info","message":"loaded 2 documents","documents":2,"seeds":"./seeds","read_only":false}"#), "\(line)")
        #expect(Self.isMillisecondTime(try Self.object(line)["time"]))
    }

    @Test func textMessageShowsTheLevelAndNotTheFields() throws {
        let harness = Harness(format: .text)
        harness.logger.log(.warning, "skipped seed a.txt: empty", [.string("file", "a.txt")])
        let line = try #require(harness.messageLines.first)
        #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ warning: skipped seed a\.txt: empty/) != nil, "\(line)")
    }

    @Test func messagesBelowTheLevelAreDropped() throws {
        let harness = Harness(format: .json, level: .warning)
        for level in LogLevel.allCases { harness.logger.log(level, "at \(level.rawValue)") }
        #expect(try harness.messageLines.map { try Self.object($0)["level"] as? String } == ["warning", "error"])
    }

    /// The server's own notices (shedding load, accept failures) are warnings.
    @Test func noticeIsAWarning() throws {
        let harness = Harness(format: .json, level: .warning)
        harness.logger.notice("connection refused with 503")
        let object = try Self.object(try #require(harness.messageLines.first))
        #expect(object["level"] as? String == "warning")
        #expect(object["message"] as? String == "connection refused with 503")
    }

    @Test func levelsAreOrderedBySeverity() {
        #expect(LogLevel.allCases == [.debug, .info, .warning, .error])
        #expect(LogLevel.allCases.sorted() == LogLevel.allCases)
        #expect(LogLevel.debug < .info && LogLevel.warning < .error)
    }
}
