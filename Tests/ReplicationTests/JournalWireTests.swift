import Corpus
import DocumentModel
import Extraction
import Replication
import Store
import Testing

/// `JournalWire`: every update as lines that decode back to it, and clear errors for lines
/// that cannot be used.
struct JournalWireTests {
    static let created = JournalEntry.created(
        change: 7, at: 1_795_398_207_464, id: "doc-7",
        submission: DocumentSubmission(text: "Port strike ends\n\nOSLO — \"We agreed,\" she said.\r\n", source: "NTB", published: "2026-03-02", title: nil),
        idempotency: IdempotencyStamp(key: "k-1", fingerprint: 42))
    static let deleted = JournalEntry.deleted(change: 9, at: 1_795_398_207_602, id: "seed-3")
    static let document = Document(
        id: "doc-7", slug: "port-strike-ends", kind: .newsArticle, title: "Port strike ends", isTitleDerived: false, source: "NTB",
        published: "2026-03-02", dateline: "OSLO", paragraphs: [Paragraph(index: 0, section: .body, text: "OSLO — \"We agreed,\" she said.")])
    static let createdWithDocument = JournalEntry.created(
        change: 7, at: 1_795_398_207_464, id: "doc-7", submission: DocumentSubmission(text: "Port strike ends"), idempotency: nil,
        ingested: IngestedDocument(document: Self.document, extractorVersion: 3))
    static let reextracted = JournalEntry.reextracted(
        change: 10, at: 1_795_398_207_700, id: "doc-7", ingested: IngestedDocument(document: Self.document, extractorVersion: 4))

    /// Splits encoded bytes into decoded lines.
    static func decodeLines(_ bytes: [UInt8]) throws -> [JournalWire.Line] {
        #expect(bytes.last == 0x0A)
        return try bytes.split(separator: 0x0A).map { try JournalWire.decode($0) }
    }

    /// The entry as a follower gets it: idempotency keys stay with the writer.
    static func withoutKey(_ entry: JournalEntry) -> JournalEntry {
        guard case .created(let change, let at, let id, let submission, _, let ingested) = entry else { return entry }
        return .created(change: change, at: at, id: id, submission: submission, idempotency: nil, ingested: ingested)
    }

    @Test func aResetIsFramedByResetAndSyncedWithTheSeedsFirst() throws {
        let seed = IngestedDocument(document: Self.document, extractorVersion: 3)
        let lines = try Self.decodeLines(JournalWire.encode(.reset(seeds: [seed], entries: [Self.created, Self.deleted], through: 12)))

        #expect(lines == [.reset(through: 12), .seed(seed), .entry(Self.withoutKey(Self.created)), .entry(Self.deleted), .synced(through: 12)])
    }

    @Test func aResumeEndsWithSyncedAndAnAppendIsOnlyEntries() throws {
        #expect(try Self.decodeLines(JournalWire.encode(.resume(entries: [Self.deleted], through: 9))) == [.entry(Self.deleted), .synced(through: 9)])
        #expect(try Self.decodeLines(JournalWire.encode(.append([Self.created]))) == [.entry(Self.withoutKey(Self.created))])
        #expect(JournalWire.encode(.append([])).isEmpty)
    }

    /// The writer's documents travel with the entries, so a follower does not ingest them.
    @Test func ingestedDocumentsAndReextractionsComeBack() throws {
        let lines = try Self.decodeLines(JournalWire.encode(.append([Self.createdWithDocument, Self.reextracted])))
        #expect(lines == [.entry(Self.createdWithDocument), .entry(Self.reextracted)])
    }

    @Test func eachLineIsOneLineWhateverTheText() throws {
        let bytes = JournalWire.encode(.append([Self.created, Self.deleted]))

        #expect(bytes.filter { $0 == 0x0A }.count == 2)
        #expect(try JournalWire.decode(JournalWire.heartbeat.dropLast()) == .heartbeat)
    }

    @Test(arguments: [
        ("not json", "malformed"),
        ("[1,2]", "not a JSON object"),
        (#"{"type":"document.moved"}"#, "unknown line type 'document.moved'"),
        (#"{"type":"synced"}"#, "'through'"),
        (#"{"type":"document.deleted","change":"9","at":1,"id":"x"}"#, "'change'"),
        (#"{"type":"document.created","change":9,"at":1,"id":"x","text":"t","title":3}"#, "'title'"),
        (#"{"type":"document.created","change":9,"at":1,"id":"x","text":"t","extractor_version":1,"document":"%%"}"#, "'document'"),
        (#"{"type":"document.created","change":9,"at":1,"id":"x","text":"t","extractor_version":1,"document":"AAAA"}"#, "does not decode"),
        (#"{"type":"document.updated","change":9,"at":1,"id":"x"}"#, "'document'"),
    ])
    func refusesLinesItCannotUse(line: String, named: String) {
        #expect {
            _ = try JournalWire.decode(Array(line.utf8))
        } throws: { error in
            "\(error)".contains(named)
        }
    }
}
