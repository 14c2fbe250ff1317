@testable import API
import DocumentModel
import Extraction
import Serialization
import Testing

/// `DocumentResponseCache`: a document's JSON rendered once while it is unchanged, rendered
/// again once a write replaces it, and the bytes kept within the capacity.
struct DocumentResponseCacheTests {
    private static let ingestor = Ingestor()

    private static func document(_ id: String, _ sentence: String) throws -> Document {
        try Self.ingestor.ingest(text: "Harbour report \(id)\n\n\(sentence) The board met on Tuesday in Lisbon.\n", id: id)
    }

    @Test func rendersTheDocumentsFullJSONWithItsETag() throws {
        let document = try Self.document("a", "Cranes arrived at the quay.")
        let response = DocumentResponseCache(capacity: 1 << 20).response(for: document)

        #expect(response.body == JSONWriter.serialize(DocumentRepresentation.full(document)))
        #expect(response.headers["ETag"] == EntityTag.make(for: response.body))
        #expect(response.headers["Content-Type"] == "application/json")
    }

    @Test func keepsOneRenderingPerUnchangedDocument() throws {
        let cache = DocumentResponseCache(capacity: 1 << 20)
        let document = try Self.document("a", "Cranes arrived at the quay.")

        let first = cache.response(for: document)
        let second = cache.response(for: document)

        #expect(first.body == second.body)
        #expect(cache.usage.documents == 1 && cache.usage.bytes == first.body.count)
    }

    @Test func rendersAgainADocumentReplacedUnderTheSameID() throws {
        let cache = DocumentResponseCache(capacity: 1 << 20)
        let old = try Self.document("a", "Cranes arrived at the quay.")
        let new = try Self.document("a", "The ferry schedule changed again.")

        let before = cache.response(for: old)
        let after = cache.response(for: new)

        #expect(before.body != after.body)
        #expect(after.body == JSONWriter.serialize(DocumentRepresentation.full(new)))
        #expect(cache.usage.documents == 1, "the replaced rendering is dropped")
        #expect(cache.response(for: old).body == before.body, "a request holding the old version still gets its own JSON")
    }

    @Test func keepsTheBytesWithinTheCapacityWhileReadingOldAndNewDocuments() throws {
        let documents = try (0..<12).map { try Self.document("d\($0)", "Sentence number \($0) about the harbour.") }
        let size = DocumentResponseCache(capacity: 1 << 20).response(for: documents[0]).body.count
        let cache = DocumentResponseCache(capacity: size * 4 + size / 2)

        for document in documents.prefix(4) { _ = cache.response(for: document) }
        _ = cache.response(for: documents[0])  // read again: the clock passes it over once
        for document in documents[4...] {
            _ = cache.response(for: document)
            #expect(cache.usage.bytes <= cache.capacity)
        }

        #expect(cache.usage.documents <= 4)
        #expect(cache.usage.bytes <= cache.capacity)
    }

    @Test func neverKeepsADocumentLargerThanTheCapacity() throws {
        let cache = DocumentResponseCache(capacity: 16)
        let document = try Self.document("a", "Cranes arrived at the quay.")

        #expect(cache.response(for: document).body == JSONWriter.serialize(DocumentRepresentation.full(document)))
        #expect(cache.usage.documents == 0 && cache.usage.bytes == 0)
    }
}
