import Corpus
import DocumentModel
import Serialization
import Store

/// A change as JSON (for `/v1/changes`) and as a Server-Sent Event (for `/v1/events`).
enum ChangeRepresentation {
    /// `{change, type, id, title, url, at}`.
    static func json(_ change: Change) -> JSONValue {
        .object([
            ("change", .int(change.number)),
            ("type", .string(change.kind.rawValue)),
            ("id", .string(change.documentID)),
            ("title", .string(change.title)),
            ("url", .string("/v1/documents/" + URLPath.encodeSegment(change.documentID))),
            ("at", .string(Timestamp.rfc3339(milliseconds: change.at))),
        ])
    }

    /// One event: `id:` the change number (what `Last-Event-ID` resumes from), `event:` its
    /// type, `data:` its JSON on one line (the writer escapes line breaks), then a blank line.
    static func event(_ change: Change) -> [UInt8] {
        var bytes = Array("id: \(change.number)\nevent: \(change.kind.rawValue)\ndata: ".utf8)
        bytes += JSONWriter.serialize(self.json(change))
        bytes += Array("\n\n".utf8)
        return bytes
    }

    /// The event of a stream that resumed after a change the log no longer holds:
    /// `event: reset`, `id:` the latest change (what a reconnect resumes from), and JSON data
    /// telling the client to read the collection again (`/v1/documents`) as of `last_change`;
    /// the changes after it follow as events.
    static func resetEvent(since: Int, oldestAvailable: Int, latest: Int) -> [UInt8] {
        var bytes = Array("id: \(latest)\nevent: reset\ndata: ".utf8)
        bytes += JSONWriter.serialize(
            .object([
                ("reason", .string("history_expired")), ("since", .int(since)), ("oldest_change", .int(oldestAvailable)),
                ("last_change", .int(latest)), ("reload", .string("/v1/documents")),
            ]))
        bytes += Array("\n\n".utf8)
        return bytes
    }
}
