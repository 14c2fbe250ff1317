import DocumentModel
import Extraction

/// Encodes and decodes the records that the journal and the snapshot are made of.
///
/// A record (all integers little-endian):
///
/// | bytes | field |
/// | --- | --- |
/// | 4 | UInt32 payload length, at most 64 MiB |
/// | 4 | UInt32 CRC-32C of the payload |
/// | length | the payload |
///
/// The payload: UInt8 kind (1 created, 2 deleted, 3 created with its document, 4 re-extracted),
/// Int64 change, Int64 at, then the id as a string. A re-extracted record goes on with the
/// extractor version as a varint and the document (`DocumentCodec`). A created record goes on with the text as a string, then
/// optional strings for source, published, title and idempotency key, then a UInt64
/// fingerprint when the key is present. Kind 3 then adds the extractor version as a varint and
/// the ingested document (`DocumentCodec`); kind 1, which older stores wrote, has no document,
/// and is ingested again when read. A string is a UInt32 byte count then UTF-8; an optional
/// string is a presence byte (0 or 1) then the string when present. An unknown kind, a
/// presence byte other than 0 or 1, invalid UTF-8 or bytes left over after the last field make
/// the payload malformed.
enum RecordCodec {
    /// The largest payload written or read: 64 MiB.
    static let maximumPayloadBytes = 64 << 20
    /// The length and CRC before each payload.
    static let frameBytes = 8
    /// The smallest payload: kind, change, at and the byte count of an empty id.
    static let minimumPayloadBytes = 21

    /// The payload's first byte.
    private enum Kind: UInt8, CaseIterable {
        case created = 1
        case deleted = 2
        case createdWithDocument = 3
        case reextracted = 4
    }

    /// The first bytes a payload can have, for telling a record from noise.
    static let kinds = Set(Kind.allCases.map(\.rawValue))

    /// Appends `entry`'s record to `bytes`.
    ///
    /// - Throws: `StoreError.recordTooLarge` (leaving `bytes` unchanged) over the cap.
    static func appendRecord(_ entry: JournalEntry, to bytes: inout [UInt8]) throws(StoreError) {
        let payload = self.payload(entry)
        guard payload.count <= self.maximumPayloadBytes else {
            throw .recordTooLarge(id: entry.id, bytes: payload.count)
        }
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.appendLittleEndian(CRC32C.checksum(payload[...]))
        bytes.append(contentsOf: payload)
    }

    /// The entry, decoded from a payload whose CRC has been checked.
    static func decode(_ payload: ArraySlice<UInt8>) throws(MalformedPayload) -> JournalEntry {
        var reader = ByteReader(payload)
        let rawKind = try reader.integer(UInt8.self, "kind")
        guard let kind = Kind(rawValue: rawKind) else { throw MalformedPayload(reason: "unknown record kind \(rawKind)") }
        let change = Int(try reader.integer(Int64.self, "change number"))
        let at = try reader.integer(Int64.self, "timestamp")
        let id = try reader.string("id")
        let entry: JournalEntry
        switch kind {
        case .deleted:
            entry = .deleted(change: change, at: at, id: id)
        case .reextracted:
            entry = .reextracted(change: change, at: at, id: id, ingested: try self.readIngested(&reader))
        case .created, .createdWithDocument:
            let submission = DocumentSubmission(
                text: try reader.string("text"), source: try reader.optionalString("source"),
                published: try reader.optionalString("published date"), title: try reader.optionalString("title"))
            var stamp: IdempotencyStamp?
            if let key = try reader.optionalString("idempotency key") {
                stamp = IdempotencyStamp(key: key, fingerprint: try reader.integer(UInt64.self, "fingerprint"))
            }
            let ingested = kind == .createdWithDocument ? try self.readIngested(&reader) : nil
            entry = .created(change: change, at: at, id: id, submission: submission, idempotency: stamp, ingested: ingested)
        }
        guard reader.remaining == 0 else { throw MalformedPayload(reason: "\(reader.remaining) bytes follow the last field") }
        return entry
    }

    /// Whether the byte counts of the id, and of a creation's text, fit inside `payload`: a
    /// test, cheaper than the checksum, that the bytes may be a record. A deletion's payload
    /// ends with its id; a re-extraction's has bytes after it; a creation's has room for the
    /// text's byte count, the text and the four presence bytes after the id.
    ///
    /// - Precondition: `payload` holds at least `minimumPayloadBytes` and starts with a known kind.
    static func leadingFieldsFit(_ payload: ArraySlice<UInt8>) -> Bool {
        let start = payload.startIndex
        let afterID = self.minimumPayloadBytes + Int(payload.littleEndian(UInt32.self, at: start + 17))
        switch Kind(rawValue: payload[start]) {
        case .deleted: return afterID == payload.count
        case .reextracted: return afterID < payload.count
        case .created, .createdWithDocument, nil: break
        }
        guard afterID + 8 <= payload.count else { return false }
        return Int(payload.littleEndian(UInt32.self, at: start + afterID)) <= payload.count - afterID - 8
    }

    /// The payload bytes of `entry`.
    private static func payload(_ entry: JournalEntry) -> [UInt8] {
        var bytes: [UInt8] = []
        switch entry {
        case .created(let change, let at, let id, let submission, let stamp, let ingested):
            self.appendCommonFields(ingested == nil ? .created : .createdWithDocument, change: change, at: at, id: id, to: &bytes)
            bytes.appendLengthPrefixed(submission.text)
            for optional in [submission.source, submission.published, submission.title, stamp?.key] {
                bytes.append(optional == nil ? 0 : 1)
                if let optional { bytes.appendLengthPrefixed(optional) }
            }
            if let stamp { bytes.appendLittleEndian(stamp.fingerprint) }
            if let ingested { self.appendIngested(ingested, to: &bytes) }
        case .deleted(let change, let at, let id):
            self.appendCommonFields(.deleted, change: change, at: at, id: id, to: &bytes)
        case .reextracted(let change, let at, let id, let ingested):
            self.appendCommonFields(.reextracted, change: change, at: at, id: id, to: &bytes)
            self.appendIngested(ingested, to: &bytes)
        }
        return bytes
    }

    private static func appendIngested(_ ingested: IngestedDocument, to bytes: inout [UInt8]) {
        bytes.appendVarint(ingested.extractorVersion)
        DocumentCodec.append(ingested.document, to: &bytes)
    }

    private static func readIngested(_ reader: inout ByteReader) throws(MalformedPayload) -> IngestedDocument {
        let version = try reader.varint("extractor version")
        return IngestedDocument(document: try DocumentCodec.read(from: &reader), extractorVersion: version)
    }

    /// Kind, change, at and id: the fields every record starts with.
    private static func appendCommonFields(_ kind: Kind, change: Int, at: Int64, id: String, to bytes: inout [UInt8]) {
        bytes.append(kind.rawValue)
        bytes.appendLittleEndian(Int64(change))
        bytes.appendLittleEndian(at)
        bytes.appendLengthPrefixed(id)
    }
}
