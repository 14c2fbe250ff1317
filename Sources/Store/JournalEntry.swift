import DocumentModel
import Extraction

/// One journal record: a document created, deleted, or made again by a newer extractor.
///
/// `change` is the change number (strictly increasing across the store, starting at 1); `at`
/// is milliseconds since the Unix epoch when the write was accepted.
public enum JournalEntry: Sendable, Hashable {
    /// Document `id` was stored from `submission`, under `idempotency` when the request had a
    /// key; `ingested` is what ingestion made of it (`nil` only in records written before the
    /// store kept documents, which are ingested again when read).
    case created(change: Int, at: Int64, id: String, submission: DocumentSubmission, idempotency: IdempotencyStamp?, ingested: IngestedDocument? = nil)
    /// Document `id` was deleted.
    case deleted(change: Int, at: Int64, id: String)
    /// Live document `id` was ingested again from its stored text by a newer extractor: its
    /// creation now holds `ingested`.
    case reextracted(change: Int, at: Int64, id: String, ingested: IngestedDocument)

    /// The change number.
    public var change: Int {
        switch self {
        case .created(let change, _, _, _, _, _), .deleted(let change, _, _), .reextracted(let change, _, _, _): return change
        }
    }

    /// The document's id.
    var id: String {
        switch self {
        case .created(_, _, let id, _, _, _), .deleted(_, _, let id), .reextracted(_, _, let id, _): return id
        }
    }

    /// This creation with `ingested` in place of what it held; any other entry unchanged.
    func replacingIngested(with ingested: IngestedDocument) -> JournalEntry {
        guard case .created(let change, let at, let id, let submission, let stamp, _) = self else { return self }
        return .created(change: change, at: at, id: id, submission: submission, idempotency: stamp, ingested: ingested)
    }
}

/// What ingestion made of a submission, and which version of the extractor made it: stored
/// with the submission so that a restart or a follower loads the document instead of
/// ingesting the text again, and can tell when a newer extractor would make another.
public struct IngestedDocument: Sendable, Hashable {
    /// The document.
    public let document: Document
    /// The `SubmissionIngesting.extractorVersion` that made it.
    public let extractorVersion: Int

    /// Pairs a document with the extractor version that made it.
    public init(document: Document, extractorVersion: Int) {
        self.document = document
        self.extractorVersion = extractorVersion
    }

    /// Reads a document from `documentBytes` (as `documentBytes` gives them).
    ///
    /// - Throws: `MalformedPayload` naming the first field that is wrong, or the bytes left
    ///   over after the document.
    public init(documentBytes: [UInt8], extractorVersion: Int) throws(MalformedPayload) {
        var reader = ByteReader(documentBytes[...])
        self.document = try DocumentCodec.read(from: &reader)
        guard reader.remaining == 0 else { throw MalformedPayload(reason: "\(reader.remaining) bytes follow the document") }
        self.extractorVersion = extractorVersion
    }

    /// The document in the store's binary form (`DocumentCodec`), for sending to a follower.
    public var documentBytes: [UInt8] {
        var bytes: [UInt8] = []
        DocumentCodec.append(self.document, to: &bytes)
        return bytes
    }
}
