import Corpus
import DocumentModel
import Extraction
import Foundation
import Serialization
import Store

/// The replication feed's format (`GET /v1/journal`): newline-delimited JSON, one object a
/// line, each with a `type`.
///
/// ```text
/// {"type":"collection","id":"3f9c…"}                 the writer's collection identity
/// {"type":"reset","through":42}                      start again from the seeds that follow
/// {"type":"seed","extractor_version":1,"document":"…"}
///                                                    one of the writer's seeds, ingested, base64
/// {"type":"document.created","change":7,"at":…,"id":"doc-7","text":"…","source":null,…,
///  "extractor_version":1,"document":"…"}             the ingested document, base64
/// {"type":"document.updated","change":8,"at":…,"id":"doc-7","extractor_version":2,"document":"…"}
///                                                    made again by a newer extractor

/// {"type":"document.deleted","change":9,"at":…,"id":"seed-3"}
/// {"type":"synced","through":42}                     caught up: the copy is as of change 42
/// {"type":"heartbeat"}                               the feed is alive
/// ```
///
/// A feed from a writer with a data directory starts with `collection`. A catch-up is
/// `reset`, seeds, entries, `synced` or just entries, `synced`; after it, entries follow as
/// they are committed. A reset with no seed lines keeps the follower's own seeds.
public enum JournalWire {
    /// The feed's media type.
    public static let mediaType = "application/x-ndjson"

    /// A line sent when nothing else is, so a follower can tell a quiet writer from a dead one.
    public static let heartbeat = Array(#"{"type":"heartbeat"}"#.utf8) + [0x0A]

    /// One line of the feed, decoded.
    public enum Line: Sendable, Hashable {
        /// The identity of the writer's collection (`DocumentStore.identity`), for the
        /// follower to send back when it reconnects.
        case collection(String)
        /// The seeds and entries up to the next `synced` replace the collection.
        case reset(through: Int)
        /// One of the writer's seeds.
        case seed(IngestedDocument)
        /// A journal entry.
        case entry(JournalEntry)
        /// The copy is now as of change `through`.
        case synced(through: Int)
        /// Nothing happened.
        case heartbeat
    }

    /// The lines that carry `update`, in order.
    public static func lines(of update: ReplicationUpdate) -> [Line] {
        switch update {
        case .reset(let seeds, let entries, let through):
            return [.reset(through: through)] + (seeds ?? []).map(Line.seed) + entries.map(Line.entry) + [.synced(through: through)]
        case .resume(let entries, let through): return entries.map(Line.entry) + [.synced(through: through)]
        case .append(let entries): return entries.map(Line.entry)
        }
    }

    /// One line's bytes, line feed included.
    public static func encode(_ line: Line) -> [UInt8] {
        let value: JSONValue
        switch line {
        case .collection(let identity): value = .object([("type", .string("collection")), ("id", .string(identity))])
        case .reset(let through): value = .object([("type", .string("reset")), ("through", .int(through))])
        case .seed(let seed): value = .object([("type", .string("seed"))] + self.json(seed))
        case .entry(let entry): value = self.json(entry)
        case .synced(let through): value = .object([("type", .string("synced")), ("through", .int(through))])
        case .heartbeat: return self.heartbeat
        }
        return JSONWriter.serialize(value) + [0x0A]
    }

    /// Decodes one line (without its line feed).
    ///
    /// - Throws: `JournalWireError` naming what is wrong.
    public static func decode(_ line: some Collection<UInt8>) throws(JournalWireError) -> Line {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw .malformed("\(error)")
        }
        guard case .object(let pairs) = value else { throw .malformed("a line is not a JSON object") }
        let fields = Fields(pairs)
        switch try fields.string("type") {
        case "collection": return .collection(try fields.string("id"))
        case "reset": return .reset(through: try fields.int("through"))
        case "synced": return .synced(through: try fields.int("through"))
        case "seed":
            guard let seed = try self.ingested(fields) else { throw .invalidMember("document") }
            return .seed(seed)
        case "heartbeat": return .heartbeat
        case Change.Kind.created.rawValue:
            let submission = DocumentSubmission(
                text: try fields.string("text"), source: try fields.optionalString("source"),
                published: try fields.optionalString("published"), title: try fields.optionalString("title"))
            return .entry(
                .created(
                    change: try fields.int("change"), at: Int64(try fields.int("at")), id: try fields.string("id"),
                    submission: submission, idempotency: nil, ingested: try self.ingested(fields)))
        case Change.Kind.deleted.rawValue:
            return .entry(.deleted(change: try fields.int("change"), at: Int64(try fields.int("at")), id: try fields.string("id")))
        case Change.Kind.updated.rawValue:
            guard let ingested = try self.ingested(fields) else { throw .invalidMember("document") }
            return .entry(.reextracted(change: try fields.int("change"), at: Int64(try fields.int("at")), id: try fields.string("id"), ingested: ingested))
        case let other:
            throw .malformed("unknown line type '\(other)'")
        }
    }

    /// A creation's ingested document, when the line carries one (a writer that kept none
    /// sends only the text, which the follower ingests).
    private static func ingested(_ fields: Fields) throws(JournalWireError) -> IngestedDocument? {
        guard let encoded = try fields.optionalString("document") else { return nil }
        guard let bytes = Data(base64Encoded: encoded) else { throw .invalidMember("document") }
        let version = try fields.int("extractor_version")
        do {
            return try IngestedDocument(documentBytes: Array(bytes), extractorVersion: version)
        } catch {
            throw .malformed("the document does not decode: \(error.reason)")
        }
    }

    /// An ingested document's members.
    private static func json(_ ingested: IngestedDocument) -> [(String, JSONValue)] {
        [("extractor_version", .int(ingested.extractorVersion)), ("document", .string(Data(ingested.documentBytes).base64EncodedString()))]
    }

    /// An entry as JSON. Idempotency keys stay with the writer: followers take no writes.
    private static func json(_ entry: JournalEntry) -> JSONValue {
        switch entry {
        case .created(let change, let at, let id, let submission, _, let ingested):
            var members: [(String, JSONValue)] = [
                ("type", .string(Change.Kind.created.rawValue)), ("change", .int(change)), ("at", .int(Int(at))),
                ("id", .string(id)), ("text", .string(submission.text)), ("source", .optional(submission.source)),
                ("published", .optional(submission.published)), ("title", .optional(submission.title)),
            ]
            if let ingested { members += self.json(ingested) }
            return .object(members)
        case .reextracted(let change, let at, let id, let ingested):
            return .object(
                [("type", .string(Change.Kind.updated.rawValue)), ("change", .int(change)), ("at", .int(Int(at))), ("id", .string(id))]
                    + self.json(ingested))
        case .deleted(let change, let at, let id):
            return .object([("type", .string(Change.Kind.deleted.rawValue)), ("change", .int(change)), ("at", .int(Int(at))), ("id", .string(id))])
        }
    }

}
