import Corpus
import DocumentModel
import Serialization

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
}
